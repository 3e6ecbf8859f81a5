"""Index the alpha part of Experta's Rete network on literal text values.

Experta passes every fact to every child of an alpha node in turn, and each
child copies the token before testing one field: an ``Obs`` fact is tried
against the ``path == ...`` test of every path a rule reads (some hundred),
to pass one of them. Where a node has several children testing the same field
against a literal string, a dispatcher takes their place: it looks the fact's
value up in a dictionary and calls only the children whose test can pass, plus
every child it did not index, in the original order. The network, its
memories and the activations it produces are unchanged; only the calls that
would have failed are skipped.

Only exact ``str`` literals without a binding are indexed, and a fact whose
field is not exactly a ``str`` goes to every child: for strings, equality and
dictionary lookup agree, which is not so for every type (``1 == True``, NaN).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ._experta import BusNode, ChildNode, FeatureCheck, FeatureTesterNode, L

#: Fewer children than this are tested one by one, as Experta does.
MIN_INDEXED = 4


def _indexed_field(child: ChildNode) -> tuple[str, str] | None:
    """(field, literal) of a child testing ``fact[field] == "literal"``, else None."""
    node = child.node
    if type(node) is not FeatureTesterNode or child.callback != node.activate:
        return None
    check = node.matcher
    if not isinstance(check, FeatureCheck) or not isinstance(check.how, L) or check.how.__bind__ is not None:
        return None
    what, value = check.what, check.how.value
    if not isinstance(what, str) or "__" in what or type(value) is not str:
        return None
    return what, value


class _Dispatcher:
    """Stands in for an alpha node's children; looks like a node to Experta's
    network walks (``children``, ``reset``) and to a parent (``activate``)."""

    def __init__(self, field: str, children: list[ChildNode]) -> None:
        self.field = field
        self.children = children
        tests = [(child, _indexed_field(child)) for child in children]
        self._all = [c.callback for c in children]
        self._unindexed = [c.callback for c, test in tests if test is None or test[0] != field]
        by_value: dict[str, list[Any]] = {}
        for _child, test in tests:
            if test is not None and test[0] == field:
                by_value.setdefault(test[1], [])
        # Keep Experta's order: the children that can pass, as they were listed.
        for child, test in tests:
            if test is not None and test[0] == field:
                by_value[test[1]].append(child.callback)
            else:
                for callbacks in by_value.values():
                    callbacks.append(child.callback)
        self._by_value = by_value

    def activate(self, token: Any) -> None:
        (fact,) = token.data
        value = fact.get(self.field, _Dispatcher)
        if type(value) is str:
            callbacks = self._by_value.get(value, self._unindexed)
        elif value is _Dispatcher:
            callbacks = self._unindexed  # an indexed test fails on a missing field
        else:
            callbacks = self._all
        for callback in callbacks:
            callback(token)

    def reset(self) -> None:
        for child in self.children:
            child.node.reset()


def _field(child: ChildNode) -> str | None:
    test = _indexed_field(child)
    return None if test is None else test[0]


def _alpha_nodes(root: Any) -> Iterator[Any]:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(c.node for c in node.children if type(c.node) is FeatureTesterNode)


def index_alpha_network(root: BusNode) -> int:
    """Put a dispatcher in front of every wide alpha node's children; returns
    how many nodes got one."""
    indexed = 0
    for node in list(_alpha_nodes(root)):
        counts: dict[str, int] = {}
        for child in node.children:
            field = _field(child)
            if field is not None:
                counts[field] = counts.get(field, 0) + 1
        if not counts:
            continue
        field, count = max(sorted(counts.items()), key=lambda item: item[1])
        if count < MIN_INDEXED:
            continue
        dispatcher = _Dispatcher(field, list(node.children))
        node.children = [ChildNode(dispatcher, dispatcher.activate)]
        indexed += 1
    return indexed
