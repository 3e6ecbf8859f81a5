"""Speed-ups over stock Experta 1.9.4, each giving the same activations in the same order:
a matcher that asks only the rule nodes holding changes, rule preparation that skips the
rewriting of rules already in normal form, a token without per-copy asserts, and the depth
strategy with the cheap comparisons first. ``tests/reasoning/test_engine_speedups.py`` checks
each against stock Experta."""

from __future__ import annotations

import bisect
from typing import Any

from ._experta import (
    ANDFC,
    NOT,
    NOTFC,
    OR,
    ORFC,
    ConflictSetNode,
    DepthStrategy,
    Fact,
    InitialFact,
    NotNode,
    OrdinaryMatchNode,
    ReteMatcher,
    SameContextCheck,
    prepare_rule,
    wire_rule,
)
from ._experta import Token as ExpertaToken
from ._rete_index import index_alpha_network, lean_alpha_tests, memory_nodes


class ChangedNodesMatcher(ReteMatcher):  # type: ignore[misc]
    """Experta's Rete matcher, asking only the rules' nodes that hold changes.

    Experta collects the agenda's changes by calling every conflict-set node
    (one per rule variant, some 160) after each declaration and each firing;
    most of them hold nothing. Each node marks itself (by its place in that
    order) when a token reaches it, and only the marked ones are asked, in
    that order: the same activations, in the same node order. The alpha part
    is indexed on literal values (:mod:`._rete_index`)."""

    @staticmethod
    def prepare_ruleset(engine: Any) -> set[Any]:
        return {prepared_rule(rule) for rule in engine.get_rules()}

    @staticmethod
    def build_beta_part(ruleset: Any, alpha_terminals: Any) -> None:
        """Experta's ``build_beta_part``, wiring a flat conjunction of patterns and negated patterns (every
        compiled rule) directly: Experta's ``wire_rule`` makes a new ``singledispatch`` function for every rule,
        whose dispatch works out each element type's method resolution order again, a quarter of compiling.
        The same nodes, made and joined in the same order; any other rule goes to Experta's own."""
        for rule in ruleset:
            if isinstance(rule[0], OR):
                for subrule in rule[0]:
                    wire_rule(rule, alpha_terminals, lhs=subrule)
            elif all(_wired_directly(e) for e in rule):
                _wire_flat(rule, alpha_terminals)
            else:
                wire_rule(rule, alpha_terminals, lhs=rule)

    def build_network(self) -> None:
        super().build_network()
        lean_alpha_tests(self.root_node)
        index_alpha_network(self.root_node)
        memories = memory_nodes(self.root_node)
        self._memories = [n for n in memories if not isinstance(n, ConflictSetNode)]
        self._conflict_memories = [n for n in memories if isinstance(n, ConflictSetNode)]
        self._conflict_nodes = self._get_conflict_set_nodes()
        self._marked: set[int] = set()
        for place, node in enumerate(self._conflict_nodes):
            node._activate = _marking(node._activate, place, self._marked)

    def reset(self) -> None:
        for node in self._memories:
            node._reset()
        # A conflict-set node's reset empties its memory of matches: one that holds none is left as it is.
        for node in self._conflict_memories:
            if node.memory:
                node._reset()

    def changes(self, adding: Any = None, deleting: Any = None) -> tuple[list[Any], list[Any]]:
        # What BusNode.remove and .add do, with a token that skips Experta's
        # type checks of its own arguments (every copy is one of these too).
        children = self.root_node.children
        for fact in deleting or ():
            token = Token.invalid(fact)
            for child in children:
                child.callback(token)
        for fact in adding or ():
            token = Token.valid(fact)
            for child in children:
                child.callback(token)
        added: list[Any] = []
        removed: list[Any] = []
        marked = self._marked
        if marked:
            nodes = self._conflict_nodes
            for place in sorted(marked):
                node = nodes[place]
                if node.added or node.removed:
                    node_added, node_removed = node.get_activations()
                    added.extend(node_added)
                    removed.extend(node_removed)
            marked.clear()
        return added, removed


def _wired_directly(element: Any) -> bool:
    """A pattern, or a negated pattern: what :func:`_wire_flat` wires."""
    if isinstance(element, NOT):
        return len(element) == 1 and isinstance(element[0], Fact)
    return isinstance(element, Fact)


def _wire_flat(rule: Any, alpha_terminals: Any) -> None:
    """Experta's ``wire_rule`` for a rule (``Rule`` or ``AND``) of patterns and negated patterns only: a join
    node (``NotNode`` before a negated pattern, else ``OrdinaryMatchNode``) for each next element, left input
    the nodes so far, right input the element's alpha terminal; a conflict-set node at the end."""

    def terminal(element: Any) -> Any:
        return alpha_terminals[element[0] if isinstance(element, NOT) else element]

    if len(rule) == 1:
        last = terminal(rule[0])
    else:
        current = None
        for first, second in zip(rule, rule[1:], strict=False):
            node_class = NotNode if isinstance(second, NOT) else OrdinaryMatchNode
            if current is None:
                current = node_class(SameContextCheck())
                left, right = terminal(first), terminal(second)
            else:
                left, right = current, terminal(second)
                current = node_class(SameContextCheck())
            left.add_child(current, current.activate_left)
            right.add_child(current, current.activate_right)
        last = current
    conflict_set_node = ConflictSetNode(rule)
    last.add_child(conflict_set_node, conflict_set_node.activate)


def _marking(activate: Any, place: int, marked: set[int]) -> Any:
    """A conflict-set node's ``_activate`` that first marks the node as holding changes."""

    def _activate(token: Any) -> Any:
        marked.add(place)
        return activate(token)

    return _activate


def prepared_rule(rule: Any) -> Any:
    """Experta's ``prepare_rule``: the rule in disjunctive normal form, with an
    ``InitialFact`` in front of a leading ``NOT``; the same rule, for less work.

    Every compiled rule is already a flat conjunction of patterns and negated
    patterns (``any_of`` becomes one rule per alternative), which is its own
    normal form; Experta still rewrites it until nothing changes, copying
    every pattern on each pass, more than half of compiling. A rule of any
    other shape goes to Experta's own ``prepare_rule``."""
    if not rule or not all(_flat_pattern(e) for e in rule):
        return prepare_rule(rule)
    if isinstance(rule[0], NOT) or not any(isinstance(e, Fact) for e in rule):
        return rule.new_conditions(InitialFact(), *rule)
    return rule.new_conditions(*rule)


def _flat_pattern(element: Any) -> bool:
    if isinstance(element, NOT):
        return len(element) == 1 and type(element[0]) is not NOT and _flat_pattern(element[0])
    return isinstance(element, Fact) and not any(isinstance(v, (ORFC, ANDFC, NOTFC)) for v in element.values())


class Token(ExpertaToken):  # type: ignore[misc]
    """Experta's token without the asserts in its constructor: it checks that
    the tag is a tag and the data facts on each of the tens of thousands of
    copies a diagnosis makes, and the network only ever passes it those."""

    __slots__ = ()

    def __new__(cls, tag: Any, data: Any, context: Any = None) -> Token:
        facts = {data} if isinstance(data, Fact) else set(data)
        return tuple.__new__(cls, (tag, facts, {} if context is None else context))

    def copy(self) -> Token:
        """Experta's copy (the facts and the context copied), without copying the facts a second time."""
        return tuple.__new__(type(self), (self[0], self[1].copy(), self[2].copy()))


class DepthOrder(DepthStrategy):  # type: ignore[misc]
    """Experta's depth strategy: the same agenda, found with less work, and an activation always taken off it
    (``remove_activation``).

    Taking an activation off the agenda, Experta compares it with its
    neighbours by ``==``, which compares the bound facts first (every field of
    every fact) and the sort key last. This compares the same four parts with
    the cheap ones first, and computes the sort key directly instead of
    through an ``lru_cache`` that hashes the activation's facts to find it."""

    def _update_agenda(self, agenda: Any, added: list[Any], removed: list[Any]) -> None:
        activations = agenda.activations
        for act in removed:
            act.key = _depth_key(act)
            remove_activation(activations, act)
        for act in added:
            act.key = _depth_key(act)
            bisect.insort(activations, act)


def remove_activation(activations: list[Any], act: Any) -> None:
    """Take ``act`` off the sorted agenda. Activations of equal key (rules that matched the same facts) sit side by
    side from ``bisect_left`` on; the one to remove is searched in that whole run. Experta 1.9.4 looks only at the
    first of the run and its two neighbours, so with three or more rules on the same fact it can miss it, depending
    on the order of a set (the hash seed), and a rule then fires whose absence test no longer holds (a rule with
    ``unknown(X)`` after X was declared)."""
    idx = bisect.bisect_left(activations, act)
    while idx < len(activations) and activations[idx].key == act.key:
        if _same_activation(activations[idx], act):
            del activations[idx]
            return
        idx += 1


def _depth_key(act: Any) -> tuple[Any, list[Any]]:
    return (act.rule.salience, sorted((f["__factid__"] for f in act.facts), reverse=True))


def _same_activation(a: Any, b: Any) -> bool:
    """``Activation.__eq__``: the same conjunction, cheapest part first."""
    return bool(a.key == b.key and a.rule == b.rule and a.facts == b.facts and a.context == b.context)


__all__ = ["ChangedNodesMatcher", "DepthOrder", "Token", "prepared_rule", "remove_activation"]
