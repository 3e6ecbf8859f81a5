"""From a case to the flat facts the rules read (path -> value).

Only known facts are produced: an unknown observation is absent, so rules
that need it stay silent. Counts are aggregated here because they are plain
arithmetic on the case, not judgements a trainer needs to see a rule for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ._case import (
    ALL_LEVELS,
    ALL_ROLES,
    Case,
    ClimateLevel,
    CollaborationType,
    Observations,
    Phase,
)
from ._catalogue import load_catalogue
from ._partner_tally import PartnerTally, partner_tally
from ._statements import read_statements, with_statements

# Facts computed from the partner list, several fields or the respondents: label, where they come from, domain.
# Every other fact is an observation field of the case model, declared there once (its title is the label).
_COMPUTED: dict[str, tuple[str, tuple[str, ...], tuple[Any, ...] | type]] = {
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
        ("partners[].roles", "observations.network.roles_missing"),
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
}
# Facts read off the partner list alone: the intake's partner loop asks for them (a partner's kind and roles).
# Facts read off the statements' scores as a whole (the instrument's own reading) count the same way: the
# statements ask for them.
PARTNER_LIST_FACTS = frozenset(
    path
    for path, (_, fields, _) in _COMPUTED.items()
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
            if path in _NOT_FACTS or path in _COMPUTED:
                continue
            if field.title is None:
                raise TypeError(f"observation field {path} needs a title: the label the letter uses for the fact")
            out[path] = (field.title, (f"observations.{path}",), _domain(field.annotation))
    return out


_FACTS = _COMPUTED | _observation_facts()
RESPONDENT_PATHS: dict[str, str] = {
    p: _COMPUTED[p][0] for p in ("respondents.divergence", "respondents.climate_spread")
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


def _strong(obs: Observations) -> bool | None:
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
    # The same values as Case.partner_count, .private_partner_count and .missing_roles.
    given = obs.network
    partner_count = given.partner_count if given.partner_count is not None else (tally.listed or None)
    private_count = given.private_partner_count
    if private_count is None and tally.listed:
        private_count = tally.private
    missing_roles = [r for r in ALL_ROLES if r not in tally.roles] if tally.all_roles_listed else None
    if missing_roles is None and obs.network.roles_missing:
        # No partner's roles listed: the roles the advisor (or a respondent) says are missing at the table.
        missing_roles = [r for r in ALL_ROLES if r in obs.network.roles_missing]
    levels = obs.network.levels
    # Facts computed from more than one field, or from the partner list.
    strong = _strong(case.observations)
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
        "funding.months_left": months_left,
        "instrument.strong": strong,
    }
    # Every other fact is the observation field of the same name.
    for path in CASE_PATHS:
        if path not in facts and path not in RESPONDENT_PATHS:
            section, name = path.split(".", 1)
            value = getattr(getattr(obs, section), name)
            facts[path] = (sorted(set(value)) or None) if isinstance(value, list) else value
    return {path: value for path, value in facts.items() if value is not None}


ADVISOR = "adviseur"


@dataclass(frozen=True)
class Divergence:
    """A fact on which the sources (the advisor's own observations and the
    respondents) do not agree: source name -> value."""

    path: str
    values: dict[str, Any]


def _observed(path: str) -> bool:
    return all(field.startswith("observations.") for field in CASE_FIELDS[path])


# The facts combined over the advisor and the respondents (the observed ones), in order; and those that are an
# observation field of the same name, with their section and name.
_COMBINED_PATHS = sorted(p for p in CASE_PATHS if p not in RESPONDENT_PATHS and _observed(p))
_COMBINED_FIELDS = tuple((p, *p.split(".", 1)) for p in _COMBINED_PATHS if p not in _COMPUTED)
_COMBINED_SECTIONS: dict[str, dict[str, str]] = {}
for _path, _section, _name in _COMBINED_FIELDS:
    _COMBINED_SECTIONS.setdefault(_section, {})[_name] = _path
# The combined facts a statement can set, by the field it names (``observations.<path>``).
_STATEMENT_FIELD_PATHS = {f"observations.{p}": p for p, _, _ in _COMBINED_FIELDS}


def combined_facts(case: Case, today: date) -> tuple[dict[str, Any], list[Divergence]]:
    """The case facts with the respondents' answers folded in, and where they differ.

    The advisor's own observation counts where given; otherwise what the
    respondents agree on, by majority (a tie leaves the fact unknown, so no rule
    fires on a contested fact). Two exceptions follow the documents: the climate
    is the warmest one declared (as with declared climate against signs), and
    observed signs and obstacles are pooled.
    """
    tally = partner_tally(case.partners)
    facts = case_facts(case, today, tally)
    if not case.respondents:
        return facts, []
    # A respondent's view holds only the facts combined here, the observed ones, each as case_facts would
    # give it for the case with the respondent's observations (without copying the case for every one).
    reference = case.assessed_on or today
    views = {ADVISOR: facts} | {r.name: _observed_view(r.observations, reference) for r in case.respondents}
    # Each fact's values by source (the advisor first, then the respondents in order), in one pass over the
    # views: a respondent adds only the facts they gave.
    by_path: dict[str, dict[str, Any]] = {}
    for source, view in views.items():
        for path, value in view.items():
            by_path.setdefault(path, {})[source] = value
    divergences: list[Divergence] = []
    for path in _COMBINED_PATHS:
        given = by_path.get(path)
        if not given:
            continue
        if _differ(given.values()):
            divergences.append(Divergence(path, given))
        if ADVISOR in given:
            continue
        value = _consensus(path, list(given.values()))
        if value is not None:
            facts[path] = value
    climates = [view["climate.declared"] for view in views.values() if "climate.declared" in view]
    if len(climates) > 1:
        spread = max(map(_warmth, climates)) - min(map(_warmth, climates))
        facts["respondents.climate_spread"] = spread
    if divergences:
        facts["respondents.divergence"] = [d.path for d in divergences]
    return facts, divergences


def _observed_view(obs: Observations, reference: date) -> dict[str, Any]:
    """The observed facts of one respondent's ``obs`` (``case_facts`` of the case with these observations,
    restricted to ``_COMBINED_PATHS``): a field the observations leave open takes what their statements
    set (``with_statements``)."""
    from_statements = read_statements(obs.statements) if obs.statements else {}
    view: dict[str, Any] = {}
    # The fields given (most are left open), then what the statements set in the fields left open.
    for section, paths in _COMBINED_SECTIONS.items():
        given = vars(getattr(obs, section))
        if given == _UNANSWERED.get(section):
            continue  # every field left open (most respondents answer a few sections): nothing to read
        for name, value in given.items():
            if value is None or value == [] or name not in paths:
                continue
            view[paths[name]] = sorted(set(value)) if type(value) is list else value
    for field, value in from_statements.items():
        path = _STATEMENT_FIELD_PATHS.get(field)
        if path is not None and path not in view:
            value = (sorted(set(value)) or None) if type(value) is list else value
            if value is not None:
                view[path] = value
    levels = _given(obs, from_statements, "network", "levels")
    if levels:
        missing = [lv for lv in ALL_LEVELS if lv not in levels]
        if missing:
            view["network.missing_levels"] = missing
    months_left = _given(obs, from_statements, "funding", "months_left")
    end_date = _given(obs, from_statements, "funding", "end_date")
    if end_date is not None:
        months_left = months_between(reference, end_date)
    if months_left is not None:
        view["funding.months_left"] = months_left
    if _strong(obs) is not None:
        view["instrument.strong"] = True
    return view


def _unanswered() -> dict[str, dict[str, Any]]:
    """Per observation section, its fields as a section left wholly open holds them, when each is open
    (None or an empty list) there; a section with any other default is always read field by field."""
    empty = Observations()
    out: dict[str, dict[str, Any]] = {}
    for section in _COMBINED_SECTIONS:
        fields = dict(vars(getattr(empty, section)))
        if all(value is None or value == [] for value in fields.values()):
            out[section] = fields
    return out


_UNANSWERED = _unanswered()


def _given(obs: Observations, from_statements: dict[str, Any], section: str, name: str) -> Any:
    value = getattr(getattr(obs, section), name)
    if value is None or value == []:
        return from_statements.get(f"observations.{section}.{name}", value)
    return value


def _warmth(level: str) -> int:
    """How warm a climate level is: its severity on the thermometer (``knowledge/thermometer.yaml``)."""
    return load_catalogue().climate_level[level].severity


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _differ(values: Iterable[Any]) -> bool:
    """Whether the values are not all one (as a set of their keys would hold more than one), stopping at
    the first that differs."""
    rest = iter(values)
    given = next(rest)
    first = _key(given)
    for value in rest:
        if value is given:
            continue
        key = tuple(value) if isinstance(value, list) else value
        if key is not first and key != first:
            return True
    return False


def _consensus(path: str, values: list[Any]) -> Any:
    if path == "climate.declared":
        return max(values, key=_warmth)
    if path == "network.missing_levels":  # missing for everyone
        common = set(values[0]).intersection(*values[1:])
        return sorted(common) or None
    if isinstance(values[0], list):
        return sorted({item for value in values for item in value})
    counts = Counter(map(_key, values))
    (top, n), *rest = counts.most_common()
    if rest and rest[0][1] == n:
        return None
    return top


__all__ = [
    "ADVISOR",
    "CASE_FIELDS",
    "CASE_PATHS",
    "DERIVED_PATHS",
    "FACT_DOMAINS",
    "FACT_LABELS",
    "PARTNER_LIST_FACTS",
    "RESPONDENT_PATHS",
    "Divergence",
    "PartnerTally",
    "case_facts",
    "combined_facts",
    "months_between",
    "partner_tally",
]
