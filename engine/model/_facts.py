"""From a case to the flat facts the rules read (path -> value).

Only known facts are produced: an unknown observation is absent, so rules
that need it stay silent. Counts are aggregated here because they are plain
arithmetic on the case, not judgements a trainer needs to see a rule for.
"""

from __future__ import annotations

from datetime import date
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ._case import Case, Observations
from ._case_types import ADVICE_TOPICS, ALL_LEVELS, ALL_ROLES, SECTORS, ClimateLevel, CollaborationType, Phase
from ._partner_tally import PartnerTally, partner_tally
from ._statements import with_statements

# The case field of what the collaboration asks advice on (one question for all its topics' facts).
QUESTION_FIELD = "context.question"
# What the collaboration asks advice on, in the words the letter and explanations use for the fact.
_ADVICE_TOPIC_WORDS = {
    "beginnen": "een goede start",
    "doel": "een gezamenlijk doel",
    "regie": "wie trekt en de regie voert",
    "rollen": "wie wat doet en inbrengt",
    "partijen": "het betrekken van andere partijen",
    "organiseren": "een werkbare organisatie",
    "verhoudingen": "de onderlinge verhoudingen",
    "opbrengst": "wat de samenwerking oplevert",
    "evalueren": "terugkijken en het vervolg kiezen",
    "verankeren": "verankeren in het gewone werk",
    "financiering": "geld om door te gaan",
    "inwoners": "het betrekken van inwoners",
    "bedrijven": "bedrijven als partner",
}
assert set(_ADVICE_TOPIC_WORDS) == set(ADVICE_TOPICS)

# Facts computed from the partner list, several fields or the respondents: label, where they come from, domain.
# Every other fact is an observation field of the case model, declared there once (its title is the label).
COMPUTED_FACTS: dict[str, tuple[str, tuple[str, ...], tuple[Any, ...] | type]] = {
    "context.type": ("vorm van samenwerking", ("context.type",), get_args(CollaborationType)),
    "context.phase": ("fase", ("context.phase",), get_args(Phase)),
    "network.partner_count": ("aantal partners", ("partners", "observations.network.partner_count"), int),
    "network.private_partner_count": (
        "aantal private partners",
        ("partners[].kind", "observations.network.private_partner_count"),
        int,
    ),
    "network.missing_roles": (
        "ontbrekende rollen",
        ("observations.network.roles_missing",),
        list,
    ),
    "funding.months_left": (
        "maanden subsidie resterend",
        ("observations.funding.months_left", "observations.funding.end_date"),
        int,
    ),
    "network.missing_levels": ("ontbrekende niveaus", ("observations.network.levels",), list),
    "instrument.strong": (
        "de stellingen wijzen op een sterke samenwerking",
        ("observations.statements",),
        bool,
    ),
    "network.includes_huisartsen": ("huisartsen doen mee", ("partners[].kind",), bool),
    "network.includes_bewoners": ("bewoners aan tafel", ("partners[].kind",), bool),
    "network.includes_kennisinstelling": ("kennisinstelling aan tafel", ("partners[].kind",), bool),
    "network.includes_bedrijf": ("bedrijven aan tafel", ("partners[].kind",), bool),
    "network.wonen_zorg_gemeente": (
        "gemeente, zorgaanbieder en woningcorporatie aan tafel",
        ("partners[].kind",),
        bool,
    ),
    "network.several_gemeenten": ("meerdere gemeenten aan tafel", ("partners[].kind",), bool),
    "network.sectors_crossed": ("partners uit verschillende sectoren aan tafel", ("partners[].kind",), bool),
    "network.gemeente_roles_unlisted": (
        "gemeente aan tafel zonder genoemde rollen",
        ("partners[].kind", "partners[].roles"),
        bool,
    ),
    "network.bewoners_en_gemeente": ("bewoners en gemeente samen aan tafel", ("partners[].kind",), bool),
    "network.gemeente_several_roles": (
        "gemeente zowel financier als uitvoerder",
        ("partners[].kind", "partners[].roles"),
        bool,
    ),
    "respondents.divergence": ("onderwerpen waarover respondenten verschillen", ("respondents",), list),
    "respondents.climate_spread": (
        "verschil in ervaren klimaat (in niveaus)",
        ("respondents[].observations.climate.declared",),
        int,
    ),
    "respondents.regie_divergent": (
        "respondenten verschillen over wie de regie voert",
        ("respondents[].observations.leadership.regie",),
        bool,
    ),
    QUESTION_FIELD: ("vraag van de samenwerking", (QUESTION_FIELD,), list),
    # One yes-fact per topic the collaboration asks advice on (rules read them one by one).
    **{
        f"question.{topic}": (f"de samenwerking vraagt advies over {words}", (QUESTION_FIELD,), bool)
        for topic, words in _ADVICE_TOPIC_WORDS.items()
    },
}
# The facts the question what the collaboration asks advice on answers, all at once.
QUESTION_FACTS = frozenset(path for path, (_, fields, _) in COMPUTED_FACTS.items() if path.startswith("question."))
# Facts read off the partner list alone: the intake's partner loop asks for them (a partner's kind and roles).
# Facts read off the statements' scores as a whole (the instrument's own reading) count the same way: the
# statements ask for them.
PARTNER_LIST_FACTS = frozenset(
    path
    for path, (_, fields, _) in COMPUTED_FACTS.items()
    if all(f.startswith("partners[]") for f in fields) or fields == ("observations.statements",)
)
# Observation fields that are no fact of their own (they feed a computed one, or the statements' reading).
_NOT_FACTS = frozenset(
    {
        "network.roles_missing",
        "network.partner_count",
        "network.private_partner_count",
        "network.levels",
        "funding.end_date",
        "funding.months_left",
        "leadership.regie_holder",
    }
)


def _domain(annotation: Any) -> tuple[Any, ...] | type:
    """The values a field's annotation allows: a Literal's values, or the type (``X | None`` read as X)."""
    args = (
        [a for a in get_args(annotation) if a is not type(None)]
        if get_origin(annotation) in (Union, UnionType)
        else [annotation]
    )
    (inner,) = args
    if get_origin(inner) is Literal:
        return get_args(inner)
    if get_origin(inner) is list:
        return list
    if isinstance(inner, type):
        return inner
    return _domain(get_args(inner)[0])  # Annotated[...]


def _observation_facts() -> dict[str, tuple[str, tuple[str, ...], tuple[Any, ...] | type]]:
    out: dict[str, tuple[str, tuple[str, ...], tuple[Any, ...] | type]] = {}
    for section, info in Observations.model_fields.items():
        model = info.annotation
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        for name, field in model.model_fields.items():
            path = f"{section}.{name}"
            if path in _NOT_FACTS or path in COMPUTED_FACTS:
                continue
            if field.title is None:
                raise TypeError(f"observation field {path} needs a title: the label the letter uses for the fact")
            out[path] = (field.title, (f"observations.{path}",), _domain(field.annotation))
    return out


_FACTS = COMPUTED_FACTS | _observation_facts()
RESPONDENT_PATHS: dict[str, str] = {
    p: COMPUTED_FACTS[p][0]
    for p in ("respondents.divergence", "respondents.climate_spread", "respondents.regie_divergent")
}
# Every path a case can give the rules, with the Dutch label the letter and explanations use for it.
CASE_PATHS: dict[str, str] = {path: label for path, (label, _, _) in _FACTS.items()}
# Where in a case file each fact comes from (for hints in explanations).
CASE_FIELDS: dict[str, tuple[str, ...]] = {path: fields for path, (_, fields, _) in _FACTS.items()}

# Paths that only rules produce.
DERIVED_PATHS: dict[str, str] = {
    "climate.derived": "klimaat volgens de signalen",
    "climate.level": "klimaat",
}

FACT_LABELS: dict[str, str] = {**CASE_PATHS, **DERIVED_PATHS}

# What values each fact can take: a tuple of literals, or a type. Rules are
# checked against it, so that no rule waits for a value that cannot occur.
FACT_DOMAINS: dict[str, tuple[Any, ...] | type] = {path: domain for path, (_, _, domain) in _FACTS.items()} | {
    "climate.derived": get_args(ClimateLevel),
    "climate.level": get_args(ClimateLevel),
}


# The instrument says a collaboration is strong: enough statements scored, a mean in Wilder's band of a
# strength, none below the middle, and no climate of disagreement or conflict named.
STRONG_MIN_STATEMENTS = 3
STRONG_MEAN = 4.0


def reads_strong(obs: Observations) -> bool | None:
    scores = list(obs.statements.values())
    if len(scores) < STRONG_MIN_STATEMENTS or min(scores) < 3 or sum(scores) / len(scores) < STRONG_MEAN:
        return None
    if obs.climate.declared in ("onenigheid", "conflict"):
        return None
    return True


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` until ``end``; 0 when ``end`` has passed."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def case_facts(case: Case, today: date, tally: PartnerTally | None = None) -> dict[str, Any]:
    """The known facts of ``case``; ``today`` counts subsidy months when the
    case gives an end date but no assessment date. ``tally`` is
    ``partner_tally(case.partners)``, when the caller has it already."""
    obs = with_statements(case.observations)
    funding = obs.funding
    months_left = funding.months_left
    if funding.end_date is not None:
        months_left = months_between(case.assessed_on or today, funding.end_date)
    if tally is None:
        tally = partner_tally(case.partners)
    # The same values as Case.partner_count and .private_partner_count.
    given = obs.network
    partner_count = given.partner_count if given.partner_count is not None else (tally.listed or None)
    private_count = given.private_partner_count
    if private_count is None and tally.listed:
        private_count = tally.private
    # The roles the advisor (or a respondent) says are missing at the table. Not the roles no listed partner holds:
    # a fund that pays, or the inhabitants a collaboration serves, are often rightly not at the table, and the blind
    # panels' encoders list partners' roles as far as the sources name them (seven of seven list-derived gaps
    # advised broadening no expert asked for).
    missing_roles = [r for r in ALL_ROLES if r in obs.network.roles_missing]
    levels = obs.network.levels
    # Facts computed from more than one field, or from the partner list.
    strong = reads_strong(case.observations)
    facts: dict[str, Any] = {
        "context.type": case.context.type,
        "context.phase": case.context.phase,
        "network.partner_count": partner_count,
        "network.private_partner_count": private_count,
        "network.missing_roles": missing_roles or None,
        "network.missing_levels": ([lv for lv in ALL_LEVELS if lv not in levels] or None) if levels else None,
        "network.includes_huisartsen": tally.includes_huisartsen if tally.listed else None,
        # Who is at the table, from the partner list (unknown when no partners are listed).
        "network.includes_bewoners": "bewoners" in tally.kinds if tally.listed else None,
        "network.includes_kennisinstelling": "kennisinstelling" in tally.kinds if tally.listed else None,
        "network.includes_bedrijf": bool(tally.private) if tally.listed else None,
        "network.wonen_zorg_gemeente": {"gemeente", "zorgaanbieder", "woningcorporatie"} <= tally.kinds
        if tally.listed
        else None,
        "network.gemeente_several_roles": tally.gemeente_several_roles if tally.listed else None,
        # Residents and their municipality at one table: Vier sleutels' new relations between them.
        "network.bewoners_en_gemeente": {"bewoners", "gemeente"} <= tally.kinds if tally.listed else None,
        # A regional collaboration of municipalities: two or more partners of kind gemeente.
        "network.several_gemeenten": tally.gemeenten >= 2 if tally.listed else None,
        "network.gemeente_roles_unlisted": tally.gemeente_roles_unlisted if tally.listed else None,
        # Partners from two or more sectors (care, welfare, housing, education): intersectoral in fact.
        "network.sectors_crossed": len({SECTORS[k] for k in tally.kinds if k in SECTORS}) >= 2
        if tally.listed
        else None,
        "funding.months_left": months_left,
        "instrument.strong": strong,
        QUESTION_FIELD: list(case.context.question) or None,
        **{f"question.{topic}": True for topic in case.context.question},
    }
    # Every other fact is the observation field of the same name.
    for path in CASE_PATHS:
        if path not in facts and path not in COMPUTED_FACTS:
            section, name = path.split(".", 1)
            value = getattr(getattr(obs, section), name)
            facts[path] = (sorted(set(value)) or None) if isinstance(value, list) else value
    return {path: value for path, value in facts.items() if value is not None}


__all__ = [
    "CASE_FIELDS",
    "COMPUTED_FACTS",
    "CASE_PATHS",
    "DERIVED_PATHS",
    "FACT_DOMAINS",
    "FACT_LABELS",
    "PARTNER_LIST_FACTS",
    "QUESTION_FACTS",
    "QUESTION_FIELD",
    "RESPONDENT_PATHS",
    "PartnerTally",
    "case_facts",
    "months_between",
    "partner_tally",
    "reads_strong",
]
