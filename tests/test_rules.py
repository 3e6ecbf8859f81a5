"""Each rule fires on a case that should trigger it and stays silent on a near miss."""

from __future__ import annotations

from typing import Any

import pytest

from samenwerkwijzer.rules import all_rules

from .conftest import fired_rules, run


def obs(**sections: dict[str, Any]) -> dict[str, Any]:
    return {"observations": sections}


def partners(n: int, *, private: int = 0, roles: list[str] | None = None) -> list[dict[str, Any]]:
    out = [{"name": f"Partner {i}", "kind": "gemeente", "roles": roles or []} for i in range(n - private)]
    out += [{"name": f"Bedrijf {i}", "kind": "bedrijf", "roles": roles or []} for i in range(private)]
    return out


ALL_ROLES = ["beslisser", "uitvoerder", "financier", "gebruiker"]
SUBSIDY_ENDING = {"subsidy": True, "months_left": 6}

# rule id -> (case where it fires, near miss where it must stay silent)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "ROL001": (obs(leadership={"regie": "onduidelijk"}), obs(leadership={"regie": "gedeeld"})),
    "ROL002": (obs(leadership={"trekker": False}), obs(leadership={"trekker": True})),
    "ROL003": (
        obs(leadership={"trekker": True, "trekker_has_time": False}),
        obs(leadership={"trekker": True, "trekker_has_time": True}),
    ),
    "ROL004": (
        obs(leadership={"trekker": True, "trekker_has_mandate": False}),
        obs(leadership={"trekker": False, "trekker_has_mandate": False}),
    ),
    "ROL101": (obs(leadership={"regie": "onduidelijk"}), obs(leadership={"regie": "duidelijk"})),
    "ROL102": (obs(leadership={"trekker": False}), obs()),
    "ROL103": (
        obs(leadership={"trekker": True, "trekker_has_time": False}),
        obs(leadership={"trekker": True}),
    ),
    "ROL104": (
        obs(leadership={"trekker": True, "trekker_has_mandate": False}),
        obs(leadership={"trekker": True, "trekker_has_mandate": True}),
    ),
    "KLI001": (obs(climate={"signs": ["afhaken"]}), obs(climate={"declared": "conflict"})),
    "KLI002": (
        obs(climate={"declared": "waakzaam"}),
        obs(climate={"declared": "waakzaam", "signs": ["niet_doorvragen"]}),
    ),
    "KLI003": (
        obs(climate={"signs": ["niet_doorvragen"]}),
        obs(climate={"declared": "waakzaam", "signs": ["niet_doorvragen"]}),
    ),
    "KLI004": (
        obs(climate={"declared": "waakzaam", "signs": ["niet_doorvragen"]}),
        obs(climate={"declared": "waakzaam"}),
    ),
    "KLI010": (obs(climate={"declared": "vriendschappelijk"}), obs(climate={"declared": "waakzaam"})),
    "KLI011": (obs(climate={"declared": "waakzaam"}), obs(climate={"declared": "vriendschappelijk"})),
    "KLI012": (obs(climate={"declared": "onenigheid"}), obs(climate={"declared": "conflict"})),
    "KLI013": (obs(climate={"declared": "conflict"}), obs(climate={"declared": "onenigheid"})),
    "KLI101": (obs(climate={"signs": ["afhaken", "emoties_lopen_op"]}), obs(climate={"declared": "onenigheid"})),
    "KLI102": (obs(climate={"declared": "onenigheid"}), obs(climate={"declared": "waakzaam"})),
    "KLI103": (obs(climate={"declared": "waakzaam"}), obs(climate={"declared": "onenigheid"})),
    "KLI104": (obs(climate={"declared": "vriendschappelijk"}), obs(climate={"declared": "conflict"})),
    "KLI105": (
        obs(climate={"declared": "vriendschappelijk", "signs": ["onderwerpen_mijden", "niet_doorvragen"]}),
        obs(climate={"declared": "waakzaam", "signs": ["onderwerpen_mijden", "niet_doorvragen"]}),
    ),
    "NET001": (
        {"context": {"phase": "verkennen"}, "partners": partners(6)},
        {"context": {"phase": "verkennen"}, "partners": partners(5)},
    ),
    "NET002": (
        {"partners": partners(6), **obs(network={"core_group": False})},
        {"partners": partners(6), **obs(network={"core_group": True})},
    ),
    "NET003": (
        obs(network={"partner_count": 20, "private_partner_count": 11}),
        obs(network={"partner_count": 20, "private_partner_count": 10}),
    ),
    "NET004": (
        {"partners": partners(3, roles=["beslisser", "uitvoerder"])},
        {"partners": partners(3, roles=ALL_ROLES)},
    ),
    "NET101": (
        {"context": {"phase": "vormgeven"}, **obs(network={"partner_count": 8})},
        {"context": {"phase": "verdiepen"}, **obs(network={"partner_count": 8})},
    ),
    "NET102": (
        obs(network={"partner_count": 8, "core_group": False}),
        obs(network={"partner_count": 4, "core_group": False}),
    ),
    "NET103": (
        obs(network={"partner_count": 30, "private_partner_count": 12}),
        obs(network={"partner_count": 30, "private_partner_count": 3}),
    ),
    "NET104": ({"partners": partners(2, roles=["uitvoerder"])}, {"partners": partners(2)}),
    "NET201": (
        {"context": {"phase": "vormgeven"}, "partners": partners(7, roles=["uitvoerder"])},
        {"context": {"phase": "verankeren"}, "partners": partners(7, roles=["uitvoerder"])},
    ),
    "NET202": (
        {"partners": partners(7, roles=["uitvoerder"]), **obs(network={"core_group": False})},
        {"partners": partners(7, roles=["uitvoerder"]), **obs(network={"core_group": True})},
    ),
    "NET203": (
        {"partners": partners(12, private=11, roles=["uitvoerder"])},
        {"partners": partners(12, private=10, roles=["uitvoerder"])},
    ),
    "SUB001": (
        obs(funding={**SUBSIDY_ENDING, "continuation_plan": False}),
        obs(funding={**SUBSIDY_ENDING, "continuation_plan": True}),
    ),
    "SUB002": (
        obs(funding={**SUBSIDY_ENDING}),
        obs(funding={"subsidy": True, "months_left": 13}),
    ),
    "SUB003": (
        obs(funding={**SUBSIDY_ENDING, "dependency": "hoog"}),
        obs(funding={**SUBSIDY_ENDING, "dependency": "midden"}),
    ),
    "SUB101": (
        obs(funding={**SUBSIDY_ENDING, "continuation_plan": False}),
        obs(funding={"subsidy": False, "months_left": 2, "continuation_plan": False}),
    ),
    "SUB102": (
        obs(funding={"subsidy": True, "months_left": 12, "dependency": "hoog"}),
        obs(funding={"subsidy": True, "months_left": 24, "dependency": "hoog"}),
    ),
    "AMB001": (obs(ambition={"shared": False}), obs(ambition={"shared": True})),
    "AMB002": (obs(ambition={"form_debate_dominates": True}), obs(ambition={"form_debate_dominates": False})),
    "AMB101": (obs(ambition={"shared": False}), obs()),
    "AMB102": (obs(ambition={"form_debate_dominates": True}), obs(ambition={"shared": True})),
}


def test_every_rule_has_a_firing_and_a_silent_case():
    assert set(CASES) == {r.id for r in all_rules()}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires(rule_id):
    assert rule_id in fired_rules(run(CASES[rule_id][0]))


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_silent(rule_id):
    assert rule_id not in fired_rules(run(CASES[rule_id][1]))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_is_documented_and_named_after_its_conclusion(rule):
    assert rule.doc and rule.title
    assert rule.name.islower() and " " not in rule.name
    assert rule.module.startswith("samenwerkwijzer.rules.")
