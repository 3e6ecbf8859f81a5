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

Each alpha test also runs before the token is copied (:class:`_TestFirst`):
the test reads only the fact, so a copy for a test that fails is not made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ._experta import BusNode, ChildNode, FeatureCheck, FeatureTesterNode, L, NoMemory

#: Fewer children than this are tested one by one, as Experta does.
MIN_INDEXED = 4


class _TestFirst:
    """``FeatureTesterNode.activate`` with the test first: Experta copies the
    token, tests the fact, and on a pass updates the copy's context and hands
    it on. The test and the checks read only the fact and the context, which
    the copy shares, so testing first gives the same tokens, and no copy for
    a fact that fails."""

    __slots__ = ("node",)

    def __init__(self, node: Any) -> None:
        self.node = node

    def __call__(self, token: Any) -> None:
        data = token.data
        if len(data) != 1:
            raise ValueError("a feature test node gets one fact at a time")
        (fact,) = data
        match = self.node.matcher(fact)
        if not match:
            return
        token = token.copy()
        if isinstance(match, Mapping):
            context = token.context
            for key, value in match.items():
                if isinstance(key, tuple):  # a negated binding
                    if key[1] in context and context[key[1]] == value:
                        return
                else:
                    if context.get(key, value) != value:
                        return
                    if (False, key) in context and context[(False, key)] == value:
                        return
            context.update(match)
        for child in self.node.children:
            child.callback(token)


def lean_alpha_tests(root: BusNode) -> int:
    """Route every call of an alpha node through :class:`_TestFirst`; returns how many."""
    changed = 0
    for node in list(_alpha_nodes(root)):
        children = []
        for child in node.children:
            target = child.node
            if type(target) is FeatureTesterNode and child.callback == target.activate:
                child = ChildNode(target, _TestFirst(target))
                changed += 1
            children.append(child)
        node.children = children
    return changed


def _indexed_field(child: ChildNode) -> tuple[str, str] | None:
    """(field, literal) of a child testing ``fact[field] == "literal"``, else None."""
    node = child.node
    if type(node) is not FeatureTesterNode or not _calls_activate(child):
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


def _calls_activate(child: ChildNode) -> bool:
    callback = child.callback
    return bool(callback == child.node.activate or (isinstance(callback, _TestFirst) and callback.node is child.node))


def _field(child: ChildNode) -> str | None:
    test = _indexed_field(child)
    return None if test is None else test[0]


def _alpha_nodes(root: Any) -> Iterator[Any]:
    return _nodes(root, lambda node: type(node) is FeatureTesterNode)


def _nodes(root: Any, follow: Callable[[Any], bool]) -> Iterator[Any]:
    """``root`` and every node below it reached through nodes that ``follow`` accepts, each once."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(c.node for c in node.children if follow(c.node))


def memory_nodes(root: BusNode) -> list[Any]:
    """Every node below ``root`` that keeps a memory, each once.

    Experta resets its network by walking it from the root, every node once
    per path that reaches it (some eight hundred calls for half as many
    nodes, each logging at DEBUG); the memories are all that a reset clears,
    and a memory is the same whichever path clears it."""
    return [n for n in _nodes(root, lambda node: True) if not isinstance(n, (_Dispatcher, NoMemory))]


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


__all__ = ["MIN_INDEXED", "index_alpha_network", "lean_alpha_tests", "memory_nodes"]
