"""From a case to the flat facts the rules read (path -> value).

Only known facts are produced: an unknown observation is absent, so rules
that need it stay silent. Counts are aggregated here because they are plain
arithmetic on the case, not judgements a trainer needs to see a rule for.
"""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

from ._case import Case, ClimateLevel, CollaborationType, Level, Phase, Regie

# Every path a case can give the rules, with the Dutch label the letter and
# explanations use for it.
CASE_PATHS: dict[str, str] = {
    "context.type": "vorm van samenwerking",
    "context.phase": "fase",
    "network.partner_count": "aantal partners",
    "network.private_partner_count": "aantal private partners",
    "network.core_group": "kernteam aanwezig",
    "network.missing_roles": "ontbrekende rollen",
    "leadership.regie": "regie",
    "leadership.trekker": "trekker aanwezig",
    "leadership.trekker_has_time": "trekker heeft tijd",
    "leadership.trekker_has_mandate": "trekker heeft mandaat",
    "climate.declared": "klimaat volgens de partners",
    "climate.signs": "waargenomen signalen",
    "funding.subsidy": "subsidie",
    "funding.months_left": "maanden subsidie resterend",
    "funding.dependency": "afhankelijkheid van subsidie",
    "funding.continuation_plan": "plan voor na de subsidie",
    "ambition.shared": "gedeelde ambitie",
    "ambition.form_debate_dominates": "vormvraag domineert",
}

# Where in a case file each fact comes from (for hints in explanations).
CASE_FIELDS: dict[str, tuple[str, ...]] = {
    "context.type": ("context.type",),
    "context.phase": ("context.phase",),
    "network.partner_count": ("partners", "observations.network.partner_count"),
    "network.private_partner_count": ("partners[].kind", "observations.network.private_partner_count"),
    "network.core_group": ("observations.network.core_group",),
    "network.missing_roles": ("partners[].roles",),
    "leadership.regie": ("observations.leadership.regie",),
    "leadership.trekker": ("observations.leadership.trekker",),
    "leadership.trekker_has_time": ("observations.leadership.trekker_has_time",),
    "leadership.trekker_has_mandate": ("observations.leadership.trekker_has_mandate",),
    "climate.declared": ("observations.climate.declared",),
    "climate.signs": ("observations.climate.signs",),
    "funding.subsidy": ("observations.funding.subsidy",),
    "funding.months_left": ("observations.funding.months_left", "observations.funding.end_date"),
    "funding.dependency": ("observations.funding.dependency",),
    "funding.continuation_plan": ("observations.funding.continuation_plan",),
    "ambition.shared": ("observations.ambition.shared",),
    "ambition.form_debate_dominates": ("observations.ambition.form_debate_dominates",),
}

# Paths that only rules produce.
DERIVED_PATHS: dict[str, str] = {
    "climate.derived": "klimaat volgens de signalen",
    "climate.level": "klimaat",
}

FACT_LABELS: dict[str, str] = {**CASE_PATHS, **DERIVED_PATHS}

# What values each fact can take: a tuple of literals, or a type. Rules are
# checked against it, so that no rule waits for a value that cannot occur.
FACT_DOMAINS: dict[str, tuple[Any, ...] | type] = {
    "context.type": get_args(CollaborationType),
    "context.phase": get_args(Phase),
    "network.partner_count": int,
    "network.private_partner_count": int,
    "network.core_group": bool,
    "network.missing_roles": list,
    "leadership.regie": get_args(Regie),
    "leadership.trekker": bool,
    "leadership.trekker_has_time": bool,
    "leadership.trekker_has_mandate": bool,
    "climate.declared": get_args(ClimateLevel),
    "climate.signs": list,
    "funding.subsidy": bool,
    "funding.months_left": int,
    "funding.dependency": get_args(Level),
    "funding.continuation_plan": bool,
    "ambition.shared": bool,
    "ambition.form_debate_dominates": bool,
    "climate.derived": get_args(ClimateLevel),
    "climate.level": get_args(ClimateLevel),
}


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` until ``end``; 0 when ``end`` has passed."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def case_facts(case: Case, today: date) -> dict[str, Any]:
    """The known facts of ``case``; ``today`` counts subsidy months when the
    case gives an end date but no assessment date."""
    obs = case.observations
    funding = obs.funding
    months_left = funding.months_left
    if funding.end_date is not None:
        months_left = months_between(case.assessed_on or today, funding.end_date)
    missing = case.missing_roles

    candidates: dict[str, Any] = {
        "context.type": case.context.type,
        "context.phase": case.context.phase,
        "network.partner_count": case.partner_count,
        "network.private_partner_count": case.private_partner_count,
        "network.core_group": obs.network.core_group,
        "network.missing_roles": list(missing) if missing else None,
        "leadership.regie": obs.leadership.regie,
        "leadership.trekker": obs.leadership.trekker,
        "leadership.trekker_has_time": obs.leadership.trekker_has_time,
        "leadership.trekker_has_mandate": obs.leadership.trekker_has_mandate,
        "climate.declared": obs.climate.declared,
        "climate.signs": sorted(set(obs.climate.signs)) or None,
        "funding.subsidy": funding.subsidy,
        "funding.months_left": months_left,
        "funding.dependency": funding.dependency,
        "funding.continuation_plan": funding.continuation_plan,
        "ambition.shared": obs.ambition.shared,
        "ambition.form_debate_dominates": obs.ambition.form_debate_dominates,
    }
    return {path: value for path, value in candidates.items() if value is not None}


def show_value(value: Any) -> str:
    """A fact value as a trainer reads it (Dutch yes/no, 'onbekend' for unknown)."""
    if value is None:
        return "onbekend"
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)
