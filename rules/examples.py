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
    "AMB003": RuleExample(
        {"observations": {"ambition": {"why_discussed": False}}},
        {"observations": {"ambition": {"why_discussed": True}}},
    ),
    "AMB004": RuleExample(
        {"observations": {"ambition": {"competing_activities": True}}},
        {"observations": {"ambition": {"competing_activities": False}}},
    ),
    "AMB005": RuleExample(
        {"observations": {"ambition": {"goals_shifting": True}}},
        {"observations": {"ambition": {"goals_shifting": False}}},
    ),
    "AMB006": RuleExample(
        {"observations": {"ambition": {"shared_problem_picture": False}}},
        {"observations": {"ambition": {"shared_problem_picture": True}}},
    ),
    "AMB007": RuleExample(
        {"observations": {"ambition": {"value_only_financial": True}}},
        {"observations": {"ambition": {"value_only_financial": False}}},
    ),
    "AMB103": RuleExample(
        {"observations": {"ambition": {"why_discussed": False}}},
        {"observations": {"ambition": {"why_discussed": True}}},
    ),
    "AMB104": RuleExample(
        {"observations": {"ambition": {"competing_activities": True}}},
        {"observations": {"ambition": {"competing_activities": False}}},
    ),
    "AMB105": RuleExample(
        {"observations": {"ambition": {"goals_shifting": True}}},
        {"observations": {"ambition": {"goals_shifting": False}}},
    ),
    "AMB106": RuleExample(
        {"observations": {"ambition": {"shared_problem_picture": False}}},
        {"observations": {"ambition": {"shared_problem_picture": True}}},
    ),
    "AMB107": RuleExample(
        {"observations": {"ambition": {"value_only_financial": True}}},
        {"observations": {"ambition": {"value_only_financial": False}}},
    ),
    "BEL001": RuleExample(
        {"observations": {"interests": {"known": False}}},
        {"observations": {"interests": {"known": True}}},
    ),
    "BEL002": RuleExample(
        {"observations": {"interests": {"diverge": True}, "ambition": {"shared": False}}},
        {"observations": {"interests": {"diverge": False}, "ambition": {"shared": False}}},
    ),
    "BEL003": RuleExample(
        {"observations": {"interests": {"diverge": True}}},
        {"observations": {"interests": {"diverge": False}}},
    ),
    "BEL004": RuleExample(
        {"observations": {"interests": {"hidden_agendas": True}}},
        {"observations": {"interests": {"hidden_agendas": False}}},
    ),
    "BEL005": RuleExample(
        {"observations": {"interests": {"respected": False}}},
        {"observations": {"interests": {"respected": True}}},
    ),
    "BEL006": RuleExample(
        {"observations": {"interests": {"only_costs_benefits": True}}},
        {"observations": {"interests": {"only_costs_benefits": False}}},
    ),
    "BEL007": RuleExample(
        {"observations": {"interests": {"own_goals_first": True}}},
        {"observations": {"interests": {"own_goals_first": False}}},
    ),
    "BEL008": RuleExample(
        {"observations": {"interests": {"partners_see_own_benefit": False}}},
        {"observations": {"interests": {"partners_see_own_benefit": True}}},
    ),
    "BEL009": RuleExample(
        {"observations": {"interests": {"competitors": True, "competition_discussed": False}}},
        {"observations": {"interests": {"competitors": False, "competition_discussed": False}}},
    ),
    "BEL010": RuleExample(
        {"observations": {"interests": {"balance_unfair": True}}},
        {"observations": {"interests": {"balance_unfair": False}}},
    ),
    "BEL011": RuleExample(
        {"observations": {"interests": {"added_value_visible": False}}},
        {"observations": {"interests": {"added_value_visible": True}}},
    ),
    "BEL101": RuleExample(
        {"observations": {"interests": {"known": False}}},
        {"observations": {"interests": {"known": True}}},
    ),
    "BEL102": RuleExample(
        {"observations": {"interests": {"diverge": True}, "ambition": {"shared": False}}},
        {"observations": {"interests": {"diverge": False}, "ambition": {"shared": False}}},
    ),
    "BEL103": RuleExample(
        {"observations": {"interests": {"hidden_agendas": True}}},
        {"observations": {"interests": {"hidden_agendas": False}}},
    ),
    "BEL104": RuleExample(
        {"observations": {"interests": {"respected": False}}},
        {"observations": {"interests": {"respected": True}}},
    ),
    "BEL105": RuleExample(
        {"observations": {"interests": {"only_costs_benefits": True}}},
        {"observations": {"interests": {"only_costs_benefits": False}}},
    ),
    "BEL106": RuleExample(
        {"observations": {"interests": {"own_goals_first": True}}},
        {"observations": {"interests": {"own_goals_first": False}}},
    ),
    "BEL107": RuleExample(
        {"observations": {"interests": {"partners_see_own_benefit": False}}},
        {"observations": {"interests": {"partners_see_own_benefit": True}}},
    ),
    "BEL108": RuleExample(
        {"observations": {"interests": {"competitors": True, "competition_discussed": False}}},
        {"observations": {"interests": {"competitors": False, "competition_discussed": False}}},
    ),
    "BEL109": RuleExample(
        {"observations": {"interests": {"balance_unfair": True}}},
        {"observations": {"interests": {"balance_unfair": False}}},
    ),
    "BEL110": RuleExample(
        {"observations": {"interests": {"added_value_visible": False}}},
        {"observations": {"interests": {"added_value_visible": True}}},
    ),
    "BEW001": RuleExample(
        {"observations": {"residents": {"involved": False}}},
        {"observations": {"residents": {"involved": True}}},
    ),
    "BEW002": RuleExample(
        {"observations": {"residents": {"professionals_take_over": True}}},
        {"observations": {"residents": {"professionals_take_over": False}}},
    ),
    "BEW101": RuleExample(
        {"observations": {"residents": {"involved": False}}},
        {"observations": {"residents": {"involved": True}}},
    ),
    "BEW102": RuleExample(
        {"observations": {"residents": {"professionals_take_over": True}}},
        {"observations": {"residents": {"professionals_take_over": False}}},
    ),
    "KEN001": RuleExample(
        {"observations": {"knowledge_sharing": {"agreed": False}}},
        {"observations": {"knowledge_sharing": {"agreed": True}}},
    ),
    "KEN002": RuleExample(
        {"observations": {"knowledge_sharing": {"tension": True}}},
        {"observations": {"knowledge_sharing": {"tension": False}}},
    ),
    "KEN101": RuleExample(
        {"observations": {"knowledge_sharing": {"agreed": False}}},
        {"observations": {"knowledge_sharing": {"agreed": True}}},
    ),
    "KEN102": RuleExample(
        {"observations": {"knowledge_sharing": {"tension": True}}},
        {"observations": {"knowledge_sharing": {"tension": False}}},
    ),
    "NET005": RuleExample(
        {"observations": {"network": {"levels": ["tactisch", "uitvoerend"]}}},
        {},
    ),
    "NET006": RuleExample(
        {"observations": {"network": {"partner_count": 1}}},
        {"observations": {"network": {"partner_count": 2}}},
    ),
    "NET007": RuleExample(
        {
            "partners": [
                {"name": "Gemeente", "kind": "gemeente", "roles": []},
                {"name": "GGD", "kind": "ggd", "roles": []},
                {"name": "Huisartsen", "kind": "huisartsen", "roles": []},
            ],
            "observations": {"interests": {"partners_see_own_benefit": False}},
        },
        {
            "partners": [
                {"name": "Gemeente", "kind": "gemeente", "roles": []},
                {"name": "GGD", "kind": "ggd", "roles": []},
            ],
            "observations": {"interests": {"partners_see_own_benefit": False}},
        },
    ),
    "NET105": RuleExample(
        {"observations": {"network": {"levels": ["tactisch", "uitvoerend"]}}},
        {},
    ),
    "NET106": RuleExample(
        {"observations": {"network": {"partner_count": 1}}},
        {"observations": {"network": {"partner_count": 2}}},
    ),
    "NET108": RuleExample(
        {
            "partners": [
                {"name": "Gemeente", "kind": "gemeente", "roles": []},
                {"name": "GGD", "kind": "ggd", "roles": []},
                {"name": "Huisartsen", "kind": "huisartsen", "roles": []},
            ],
            "observations": {"interests": {"partners_see_own_benefit": False}},
        },
        {
            "partners": [
                {"name": "Gemeente", "kind": "gemeente", "roles": []},
                {"name": "GGD", "kind": "ggd", "roles": []},
            ],
            "observations": {"interests": {"partners_see_own_benefit": False}},
        },
    ),
    "NET206": RuleExample(
        {"context": {"type": "pps", "phase": "vormgeven"}, "observations": {"network": {"partner_count": 8}}},
        {"context": {"type": "netwerk", "phase": "vormgeven"}, "observations": {"network": {"partner_count": 8}}},
    ),
    "ORG001": RuleExample(
        {"observations": {"organising": {"agreements": "nauwelijks"}}, "context": {"phase": "verdiepen"}},
        {"observations": {"organising": {"agreements": "licht"}}, "context": {"phase": "verdiepen"}},
    ),
    "ORG002": RuleExample(
        {
            "observations": {
                "organising": {"agreements": "nauwelijks"},
                "funding": {"subsidy": True, "dependency": "hoog", "months_left": 6},
            }
        },
        {
            "observations": {
                "organising": {"agreements": "licht"},
                "funding": {"subsidy": True, "dependency": "hoog", "months_left": 6},
            }
        },
    ),
    "ORG003": RuleExample(
        {"observations": {"organising": {"agreements": "uitgebreid"}}, "context": {"phase": "verkennen"}},
        {"observations": {"organising": {"agreements": "nauwelijks"}}, "context": {"phase": "verkennen"}},
    ),
    "ORG004": RuleExample(
        {"observations": {"organising": {"tasks_divided": False}}},
        {"observations": {"organising": {"tasks_divided": True}}},
    ),
    "ORG005": RuleExample(
        {"observations": {"organising": {"workload": "hoog"}}},
        {"observations": {"organising": {"workload": "laag"}}},
    ),
    "ORG006": RuleExample(
        {"observations": {"organising": {"meeting_overload": True}}},
        {"observations": {"organising": {"meeting_overload": False}}},
    ),
    "ORG007": RuleExample(
        {"observations": {"organising": {"coherence_visible": False}}},
        {"observations": {"organising": {"coherence_visible": True}}},
    ),
    "ORG008": RuleExample(
        {"observations": {"organising": {"everyone_in_everything": True}}},
        {"observations": {"organising": {"everyone_in_everything": False}}},
    ),
    "ORG009": RuleExample(
        {"observations": {"organising": {"too_much_at_once": True}}},
        {"observations": {"organising": {"too_much_at_once": False}}},
    ),
    "ORG010": RuleExample(
        {"context": {"type": "pps", "phase": "verkennen"}},
        {"context": {"type": "integraal", "phase": "verkennen"}},
    ),
    "ORG101": RuleExample(
        {
            "observations": {"organising": {"agreements": "nauwelijks"}},
            "context": {"phase": "verdiepen", "type": "integraal"},
        },
        {
            "observations": {"organising": {"agreements": "licht"}},
            "context": {"phase": "verdiepen", "type": "integraal"},
        },
    ),
    "ORG102": RuleExample(
        {"observations": {"organising": {"agreements": "nauwelijks"}}, "context": {"phase": "verdiepen"}},
        {"observations": {"organising": {"agreements": "licht"}}, "context": {"phase": "verdiepen"}},
    ),
    "ORG103": RuleExample(
        {
            "observations": {"organising": {"agreements": "nauwelijks"}},
            "context": {"phase": "verdiepen", "type": "netwerk"},
        },
        {"observations": {"organising": {"agreements": "licht"}}, "context": {"phase": "verdiepen", "type": "netwerk"}},
    ),
    "ORG104": RuleExample(
        {"observations": {"organising": {"agreements": "uitgebreid"}}, "context": {"phase": "verkennen"}},
        {"observations": {"organising": {"agreements": "nauwelijks"}}, "context": {"phase": "verkennen"}},
    ),
    "ORG105": RuleExample(
        {"observations": {"organising": {"tasks_divided": False}}},
        {"observations": {"organising": {"tasks_divided": True}}},
    ),
    "ORG106": RuleExample(
        {"observations": {"organising": {"workload": "hoog"}}},
        {"observations": {"organising": {"workload": "laag"}}},
    ),
    "ORG107": RuleExample(
        {"observations": {"organising": {"meeting_overload": True}}},
        {"observations": {"organising": {"meeting_overload": False}}},
    ),
    "ORG108": RuleExample(
        {"observations": {"organising": {"coherence_visible": False}}},
        {"observations": {"organising": {"coherence_visible": True}}},
    ),
    "ORG109": RuleExample(
        {"observations": {"organising": {"everyone_in_everything": True}}},
        {"observations": {"organising": {"everyone_in_everything": False}}},
    ),
    "ORG110": RuleExample(
        {"observations": {"organising": {"too_much_at_once": True}}},
        {"observations": {"organising": {"too_much_at_once": False}}},
    ),
    "ORG111": RuleExample(
        {"context": {"type": "pps", "phase": "verkennen"}},
        {"context": {"type": "integraal", "phase": "verkennen"}},
    ),
    "ORG201": RuleExample(
        {
            "observations": {
                "organising": {"agreements": "uitgebreid"},
                "funding": {"subsidy": True, "months_left": 6, "dependency": "hoog"},
            }
        },
        {
            "observations": {
                "organising": {"agreements": "licht"},
                "funding": {"subsidy": True, "months_left": 6, "dependency": "hoog"},
            }
        },
    ),
    "PRO001": RuleExample(
        {"observations": {"process": {"time_pressure": True}}},
        {"observations": {"process": {"time_pressure": False}}},
    ),
    "PRO002": RuleExample(
        {"observations": {"process": {"momentum": "afnemend"}}},
        {"observations": {"process": {"momentum": "groeiend"}}},
    ),
    "PRO003": RuleExample(
        {"observations": {"process": {"momentum": "afnemend"}}, "context": {"type": "netwerk"}},
        {"observations": {"process": {"momentum": "groeiend"}}, "context": {"type": "netwerk"}},
    ),
    "PRO004": RuleExample(
        {"observations": {"process": {"decisions_difficult": True}}},
        {"observations": {"process": {"decisions_difficult": False}}},
    ),
    "PRO005": RuleExample(
        {"observations": {"process": {"regular_meeting": False}}},
        {"observations": {"process": {"regular_meeting": True}}},
    ),
    "PRO006": RuleExample(
        {"observations": {"process": {"collaboration_on_agenda": False}}},
        {"observations": {"process": {"collaboration_on_agenda": True}}},
    ),
    "PRO101": RuleExample(
        {"observations": {"process": {"time_pressure": True}}},
        {"observations": {"process": {"time_pressure": False}}},
    ),
    "PRO102": RuleExample(
        {"observations": {"process": {"momentum": "afnemend"}}},
        {"observations": {"process": {"momentum": "groeiend"}}},
    ),
    "PRO103": RuleExample(
        {"observations": {"process": {"momentum": "afnemend"}}, "context": {"type": "netwerk"}},
        {"observations": {"process": {"momentum": "groeiend"}}, "context": {"type": "netwerk"}},
    ),
    "PRO104": RuleExample(
        {"observations": {"process": {"decisions_difficult": True}}},
        {"observations": {"process": {"decisions_difficult": False}}},
    ),
    "PRO105": RuleExample(
        {"observations": {"process": {"regular_meeting": False}}},
        {"observations": {"process": {"regular_meeting": True}}},
    ),
    "PRO106": RuleExample(
        {"observations": {"process": {"collaboration_on_agenda": False}}},
        {"observations": {"process": {"collaboration_on_agenda": True}}},
    ),
    "PRO107": RuleExample(
        {"observations": {"process": {"collaboration_on_agenda": False}}, "context": {"phase": "verkennen"}},
        {"observations": {"process": {"collaboration_on_agenda": True}}, "context": {"phase": "verkennen"}},
    ),
    "REL001": RuleExample(
        {"observations": {"relation": {"personal_friction": True}}},
        {"observations": {"relation": {"personal_friction": False}}},
    ),
    "REL002": RuleExample(
        {"observations": {"relation": {"trust_personal_only": True}}},
        {"observations": {"relation": {"trust_personal_only": False}}},
    ),
    "REL003": RuleExample(
        {"observations": {"relation": {"terms_confused": True}}},
        {"observations": {"relation": {"terms_confused": False}}},
    ),
    "REL004": RuleExample(
        {"observations": {"relation": {"contribution_valued": False}}},
        {"observations": {"relation": {"contribution_valued": True}}},
    ),
    "REL005": RuleExample(
        {"observations": {"relation": {"team_new": True}}},
        {"observations": {"relation": {"team_new": False}}},
    ),
    "REL006": RuleExample(
        {"observations": {"relation": {"principal_agent": True}}},
        {"observations": {"relation": {"principal_agent": False}}},
    ),
    "REL007": RuleExample(
        {"observations": {"relation": {"gemeente_roles_unclear": True}}},
        {"observations": {"relation": {"gemeente_roles_unclear": False}}},
    ),
    "REL008": RuleExample(
        {"observations": {"relation": {"domain_walls": True}}},
        {"observations": {"relation": {"domain_walls": False}}},
    ),
    "REL101": RuleExample(
        {"observations": {"relation": {"personal_friction": True}}},
        {"observations": {"relation": {"personal_friction": False}}},
    ),
    "REL102": RuleExample(
        {"observations": {"relation": {"trust_personal_only": True}}},
        {"observations": {"relation": {"trust_personal_only": False}}},
    ),
    "REL103": RuleExample(
        {"observations": {"relation": {"terms_confused": True}}},
        {"observations": {"relation": {"terms_confused": False}}},
    ),
    "REL104": RuleExample(
        {"observations": {"relation": {"contribution_valued": False}}},
        {"observations": {"relation": {"contribution_valued": True}}},
    ),
    "REL105": RuleExample(
        {"observations": {"relation": {"team_new": True}}},
        {"observations": {"relation": {"team_new": False}}},
    ),
    "REL106": RuleExample(
        {"observations": {"relation": {"principal_agent": True}}},
        {"observations": {"relation": {"principal_agent": False}}},
    ),
    "REL107": RuleExample(
        {"observations": {"relation": {"gemeente_roles_unclear": True}}},
        {"observations": {"relation": {"gemeente_roles_unclear": False}}},
    ),
    "REL108": RuleExample(
        {"observations": {"relation": {"domain_walls": True}}},
        {"observations": {"relation": {"domain_walls": False}}},
    ),
    "ROL005": RuleExample(
        {"observations": {"leadership": {"board_support": False}}},
        {"observations": {"leadership": {"board_support": True}}},
    ),
    "ROL006": RuleExample(
        {"observations": {"leadership": {"others_lean_back": True}}},
        {"observations": {"leadership": {"others_lean_back": False}}},
    ),
    "ROL007": RuleExample(
        {"observations": {"leadership": {"controlling": True}}},
        {"observations": {"leadership": {"controlling": False}}},
    ),
    "ROL008": RuleExample(
        {
            "context": {"type": "netwerk"},
            "observations": {"network": {"partner_count": 6}, "leadership": {"trekker": False}},
        },
        {
            "context": {"type": "integraal"},
            "observations": {"network": {"partner_count": 6}, "leadership": {"trekker": False}},
        },
    ),
    "ROL009": RuleExample(
        {
            "context": {"type": "netwerk"},
            "observations": {"network": {"partner_count": 6}, "leadership": {"regie": "onduidelijk"}},
        },
        {
            "context": {"type": "integraal"},
            "observations": {"network": {"partner_count": 6}, "leadership": {"regie": "onduidelijk"}},
        },
    ),
    "ROL105": RuleExample(
        {"observations": {"leadership": {"board_support": False}}},
        {"observations": {"leadership": {"board_support": True}}},
    ),
    "ROL106": RuleExample(
        {"observations": {"leadership": {"others_lean_back": True}}},
        {"observations": {"leadership": {"others_lean_back": False}}},
    ),
    "ROL107": RuleExample(
        {"observations": {"leadership": {"controlling": True}}},
        {"observations": {"leadership": {"controlling": False}}},
    ),
    "ROL108": RuleExample(
        {
            "context": {"type": "netwerk"},
            "observations": {"network": {"partner_count": 6}, "leadership": {"trekker": False}},
        },
        {
            "context": {"type": "integraal"},
            "observations": {"network": {"partner_count": 6}, "leadership": {"trekker": False}},
        },
    ),
    "SUB004": RuleExample(
        {"observations": {"funding": {"separate_streams": True}}},
        {"observations": {"funding": {"separate_streams": False}}},
    ),
    "SUB103": RuleExample(
        {"observations": {"funding": {"separate_streams": True}}},
        {"observations": {"funding": {"separate_streams": False}}},
    ),
    "SUB104": RuleExample(
        {
            "context": {"phase": "verankeren"},
            "observations": {"funding": {"subsidy": True, "months_left": 6, "continuation_plan": False}},
        },
        {
            "context": {"phase": "verkennen"},
            "observations": {"funding": {"subsidy": True, "months_left": 6, "continuation_plan": False}},
        },
    ),
    "VRM001": RuleExample(
        {"observations": {"organisation": {"internal_alignment": False}}},
        {"observations": {"organisation": {"internal_alignment": True}}},
    ),
    "VRM002": RuleExample(
        {"observations": {"organisation": {"own_position_clear": False}}},
        {"observations": {"organisation": {"own_position_clear": True}}},
    ),
    "VRM003": RuleExample(
        {"observations": {"organisation": {"partnership_strategy": False}}},
        {"observations": {"organisation": {"partnership_strategy": True}}},
    ),
    "VRM004": RuleExample(
        {"observations": {"organisation": {"culture_obstacles": ["korte_termijn"]}}},
        {},
    ),
    "VRM005": RuleExample(
        {"observations": {"organisation": {"top_responsibility": False}}},
        {"observations": {"organisation": {"top_responsibility": True}}},
    ),
    "VRM006": RuleExample(
        {"observations": {"organisation": {"evaluates_collaborations": False}}},
        {"observations": {"organisation": {"evaluates_collaborations": True}}},
    ),
    "VRM101": RuleExample(
        {"observations": {"organisation": {"internal_alignment": False}}},
        {"observations": {"organisation": {"internal_alignment": True}}},
    ),
    "VRM102": RuleExample(
        {"observations": {"organisation": {"partnership_strategy": False}}},
        {"observations": {"organisation": {"partnership_strategy": True}}},
    ),
    "VRM103": RuleExample(
        {"observations": {"organisation": {"culture_obstacles": ["korte_termijn"]}}},
        {},
    ),
    "VRM104": RuleExample(
        {"observations": {"organisation": {"evaluates_collaborations": False}}},
        {"observations": {"organisation": {"evaluates_collaborations": True}}},
    ),
    "RSP001": RuleExample(
        {
            "respondents": [
                {"name": "GGD", "observations": {"leadership": {"regie": "duidelijk"}}},
                {"name": "Gemeente", "observations": {"leadership": {"regie": "onduidelijk"}}},
            ]
        },
        {
            "respondents": [
                {"name": "GGD", "observations": {"leadership": {"regie": "duidelijk"}}},
                {"name": "Gemeente", "observations": {"leadership": {"regie": "duidelijk"}}},
            ]
        },
    ),
    "RSP002": RuleExample(
        {
            "respondents": [
                {"name": "GGD", "observations": {"climate": {"declared": "vriendschappelijk"}}},
                {"name": "Gemeente", "observations": {"climate": {"declared": "onenigheid"}}},
            ]
        },
        {
            "respondents": [
                {"name": "GGD", "observations": {"climate": {"declared": "vriendschappelijk"}}},
                {"name": "Gemeente", "observations": {"climate": {"declared": "waakzaam"}}},
            ]
        },
    ),
    "RSP101": RuleExample(
        {
            "respondents": [
                {"name": "GGD", "observations": {"leadership": {"regie": "gedeeld"}}},
                {"name": "Gemeente", "observations": {"leadership": {"regie": "onduidelijk"}}},
            ]
        },
        {
            "respondents": [
                {"name": "GGD", "observations": {"leadership": {"regie": "gedeeld"}}},
                {"name": "Gemeente", "observations": {"leadership": {"regie": "gedeeld"}}},
            ]
        },
    ),
    "RSP102": RuleExample(
        {
            "respondents": [
                {"name": "GGD", "observations": {"climate": {"declared": "waakzaam"}}},
                {"name": "Gemeente", "observations": {"climate": {"declared": "conflict"}}},
            ]
        },
        {
            "respondents": [
                {"name": "GGD", "observations": {"climate": {"declared": "waakzaam"}}},
                {"name": "Gemeente", "observations": {"climate": {"declared": "onenigheid"}}},
            ]
        },
    ),
}

__all__ = ["ALL_ROLES", "EXAMPLES", "RuleExample", "obs", "partners"]
