"""Each rule fires on a case that should trigger it and stays silent on a near miss.

The cases live in ``samenwerkwijzer.rules.examples`` (shipped: the rule
documentation shows them)."""

from __future__ import annotations

import pytest

from samenwerkwijzer.rules import all_rules
from samenwerkwijzer.rules.examples import EXAMPLES

from .conftest import fired_rules, run


def test_every_rule_has_a_firing_and_a_silent_case():
    assert set(EXAMPLES) == {r.id for r in all_rules()}


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_fires(rule_id):
    assert rule_id in fired_rules(run(EXAMPLES[rule_id].fires))


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_stays_silent(rule_id):
    assert rule_id not in fired_rules(run(EXAMPLES[rule_id].silent))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_is_documented_and_named_after_its_conclusion(rule):
    assert rule.doc and rule.title
    assert rule.name.islower() and " " not in rule.name
    assert rule.module.startswith("samenwerkwijzer.rules.")
