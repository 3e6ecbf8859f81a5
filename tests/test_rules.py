"""Each rule fires on a case that should trigger it and stays silent on a near miss.

The cases live in ``samenwerkwijzer.rules.examples`` (shipped: the rule
documentation shows them)."""

from __future__ import annotations

import pytest
import yaml

from samenwerkwijzer._dsl import Diagnose
from samenwerkwijzer.rules import MODULES, PREFIXES, all_rules
from samenwerkwijzer.rules.examples import EXAMPLES

from .conftest import ROOT, fired_rules, run


def test_every_rule_has_a_firing_and_a_silent_case():
    assert set(EXAMPLES) == {r.id for r in all_rules()}


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_fires(rule_id):
    assert rule_id in fired_rules(run(EXAMPLES[rule_id].fires))


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_stays_silent(rule_id):
    assert rule_id not in fired_rules(run(EXAMPLES[rule_id].silent))


def test_rule_ids_carry_their_module_prefix():
    for prefix, module in PREFIXES.items():
        rules = [r for r in all_rules() if r.module == module.__name__]
        assert rules, prefix
        assert all(r.id.startswith(prefix) for r in rules), [r.id for r in rules if not r.id.startswith(prefix)]
    assert set(PREFIXES.values()) == set(MODULES)


def test_each_module_s_findings_live_in_its_own_findings_file():
    """knowledge/findings/<module>.yaml holds exactly the findings rules/<module>.py diagnoses."""
    for module in MODULES:
        name = module.__name__.rsplit(".", 1)[1]
        listed = {f["id"] for f in yaml.safe_load((ROOT / "knowledge" / "findings" / f"{name}.yaml").read_text())}
        diagnosed = {
            c.finding for r in all_rules() if r.module == module.__name__ for c in r.then if isinstance(c, Diagnose)
        }
        assert listed == diagnosed, name


def test_interventions_are_filed_by_their_tier():
    for path in sorted((ROOT / "knowledge" / "interventions").glob("*.yaml")):
        assert {i["tier"] for i in yaml.safe_load(path.read_text())} == {path.stem}, path.name
