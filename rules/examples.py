"""Example cases per rule: one where the rule fires and a near miss where it stays silent.

They document the rules (``samenwerkwijzer rules show``, ``docs/rules/``) and the
test suite checks them. A case is the data of a case file without its ``name``;
add one before diagnosing, e.g. ``case_from_data({"name": "Voorbeeld", **example.fires})``.
This module holds no rules, so it is not one of :data:`samenwerkwijzer.rules.MODULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RuleExample:
    """A case on which a rule fires and a near miss on which it stays silent."""

    fires: dict[str, Any]
    silent: dict[str, Any]


def obs(**sections: dict[str, Any]) -> dict[str, Any]:
    """A case with only observations, one keyword per section."""
    return {"observations": sections}


def partners(n: int, *, private: int = 0, roles: list[str] | None = None) -> list[dict[str, Any]]:
    """``n`` partners, the last ``private`` of them companies, each with ``roles``."""
    out = [{"name": f"Partner {i}", "kind": "gemeente", "roles": list(roles or [])} for i in range(n - private)]
    out += [{"name": f"Bedrijf {i}", "kind": "bedrijf", "roles": list(roles or [])} for i in range(private)]
    return out


def _subsidy_ending(**more: Any) -> dict[str, Any]:
    return {"subsidy": True, "months_left": 6, **more}


ALL_ROLES = ["beslisser", "uitvoerder", "financier", "gebruiker"]

EXAMPLES: dict[str, RuleExample] = {
    "ROL001": RuleExample(obs(leadership={"regie": "onduidelijk"}), obs(leadership={"regie": "gedeeld"})),
    "ROL002": RuleExample(obs(leadership={"trekker": False}), obs(leadership={"trekker": True})),
    "ROL003": RuleExample(
        obs(leadership={"trekker": True, "trekker_has_time": False}),
        obs(leadership={"trekker": True, "trekker_has_time": True}),
    ),
    "ROL004": RuleExample(
        obs(leadership={"trekker": True, "trekker_has_mandate": False}),
        obs(leadership={"trekker": False, "trekker_has_mandate": False}),
    ),
    "ROL101": RuleExample(obs(leadership={"regie": "onduidelijk"}), obs(leadership={"regie": "duidelijk"})),
    "ROL102": RuleExample(obs(leadership={"trekker": False}), obs()),
    "ROL103": RuleExample(
        obs(leadership={"trekker": True, "trekker_has_time": False}),
        obs(leadership={"trekker": True}),
    ),
    "ROL104": RuleExample(
        obs(leadership={"trekker": True, "trekker_has_mandate": False}),
        obs(leadership={"trekker": True, "trekker_has_mandate": True}),
    ),
    "KLI001": RuleExample(obs(climate={"signs": ["afhaken"]}), obs(climate={"declared": "conflict"})),
    "KLI002": RuleExample(
        obs(climate={"declared": "waakzaam"}),
        obs(climate={"declared": "waakzaam", "signs": ["niet_doorvragen"]}),
    ),
    "KLI003": RuleExample(
        obs(climate={"signs": ["niet_doorvragen"]}),
        obs(climate={"declared": "waakzaam", "signs": ["niet_doorvragen"]}),
    ),
    "KLI004": RuleExample(
        obs(climate={"declared": "waakzaam", "signs": ["niet_doorvragen"]}),
        obs(climate={"declared": "waakzaam"}),
    ),
    "KLI010": RuleExample(obs(climate={"declared": "vriendschappelijk"}), obs(climate={"declared": "waakzaam"})),
    "KLI011": RuleExample(obs(climate={"declared": "waakzaam"}), obs(climate={"declared": "vriendschappelijk"})),
    "KLI012": RuleExample(obs(climate={"declared": "onenigheid"}), obs(climate={"declared": "conflict"})),
    "KLI013": RuleExample(obs(climate={"declared": "conflict"}), obs(climate={"declared": "onenigheid"})),
    "KLI101": RuleExample(
        obs(climate={"signs": ["afhaken", "emoties_lopen_op"]}), obs(climate={"declared": "onenigheid"})
    ),
    "KLI102": RuleExample(obs(climate={"declared": "onenigheid"}), obs(climate={"declared": "waakzaam"})),
    "KLI103": RuleExample(obs(climate={"declared": "waakzaam"}), obs(climate={"declared": "onenigheid"})),
    "KLI104": RuleExample(obs(climate={"declared": "vriendschappelijk"}), obs(climate={"declared": "conflict"})),
    "KLI105": RuleExample(
        obs(climate={"declared": "vriendschappelijk", "signs": ["onderwerpen_mijden", "niet_doorvragen"]}),
        obs(climate={"declared": "waakzaam", "signs": ["onderwerpen_mijden", "niet_doorvragen"]}),
    ),
    "NET001": RuleExample(
        {"context": {"phase": "verkennen"}, "partners": partners(6)},
        {"context": {"phase": "verkennen"}, "partners": partners(5)},
    ),
    "NET002": RuleExample(
        {"partners": partners(6), **obs(network={"core_group": False})},
        {"partners": partners(6), **obs(network={"core_group": True})},
    ),
    "NET003": RuleExample(
        obs(network={"partner_count": 20, "private_partner_count": 11}),
        obs(network={"partner_count": 20, "private_partner_count": 10}),
    ),
    "NET004": RuleExample(
        {"partners": partners(3, roles=["beslisser", "uitvoerder"])},
        {"partners": partners(3, roles=ALL_ROLES)},
    ),
    "NET101": RuleExample(
        {"context": {"phase": "vormgeven"}, "partners": partners(7, roles=["uitvoerder"])},
        {"context": {"phase": "verankeren"}, "partners": partners(7, roles=["uitvoerder"])},
    ),
    "NET102": RuleExample(
        {"partners": partners(7, roles=["uitvoerder"]), **obs(network={"core_group": False})},
        {"partners": partners(7, roles=["uitvoerder"]), **obs(network={"core_group": True})},
    ),
    "NET103": RuleExample(
        {"partners": partners(12, private=11, roles=["uitvoerder"])},
        {"partners": partners(12, private=10, roles=["uitvoerder"])},
    ),
    "NET104": RuleExample({"partners": partners(2, roles=["uitvoerder"])}, {"partners": partners(2)}),
    "SUB001": RuleExample(
        obs(funding=_subsidy_ending(continuation_plan=False)),
        obs(funding=_subsidy_ending(continuation_plan=True)),
    ),
    "SUB002": RuleExample(
        obs(funding=_subsidy_ending()),
        obs(funding={"subsidy": True, "months_left": 13}),
    ),
    "SUB003": RuleExample(
        obs(funding=_subsidy_ending(dependency="hoog")),
        obs(funding=_subsidy_ending(dependency="midden")),
    ),
    "SUB101": RuleExample(
        obs(funding=_subsidy_ending(continuation_plan=False)),
        obs(funding={"subsidy": False, "months_left": 2, "continuation_plan": False}),
    ),
    "SUB102": RuleExample(
        obs(funding={"subsidy": True, "months_left": 12, "dependency": "hoog"}),
        obs(funding={"subsidy": True, "months_left": 24, "dependency": "hoog"}),
    ),
    "AMB001": RuleExample(obs(ambition={"shared": False}), obs(ambition={"shared": True})),
    "AMB002": RuleExample(
        obs(ambition={"form_debate_dominates": True}), obs(ambition={"form_debate_dominates": False})
    ),
    "AMB101": RuleExample(obs(ambition={"shared": False}), obs()),
    "AMB102": RuleExample(obs(ambition={"form_debate_dominates": True}), obs(ambition={"shared": True})),
}

__all__ = ["ALL_ROLES", "EXAMPLES", "RuleExample", "obs", "partners"]
