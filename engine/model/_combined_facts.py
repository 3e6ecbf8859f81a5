"""The respondents' answers and the advisor's own, combined into one set of facts (the consensus, the climate
spread), with the facts on which they differ (:class:`Divergence`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ._case import Case, Observations
from ._case_types import ALL_LEVELS, ALL_ROLES
from ._catalogue import load_catalogue
from ._facts import (
    CASE_FIELDS,
    CASE_PATHS,
    COMPUTED_FACTS,
    RESPONDENT_PATHS,
    case_facts,
    months_between,
    partner_tally,
    reads_strong,
)
from ._statements import read_statements

__all__ = ["ADVISOR", "Divergence", "combined_facts"]


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
_COMBINED_FIELDS = tuple((p, *p.split(".", 1)) for p in _COMBINED_PATHS if p not in COMPUTED_FACTS)
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
    by_path: defaultdict[str, dict[str, Any]] = defaultdict(dict)
    for source, view in views.items():
        for path, value in view.items():
            by_path[path][source] = value
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
        # "Voor alle partners is duidelijk wie de regie voert" does not hold while they differ on it.
        facts["respondents.regie_divergent"] = any(d.path == "leadership.regie" for d in divergences)
    return facts, divergences


def _observed_view(obs: Observations, reference: date) -> dict[str, Any]:
    """The observed facts of one respondent's ``obs`` (``case_facts`` of the case with these observations,
    restricted to ``_COMBINED_PATHS``): a field the observations leave open takes what their statements
    set (``with_statements``)."""
    from_statements = read_statements(obs.statements) if obs.statements else {}
    view: dict[str, Any] = {}
    # The fields given (most are left open), then what the statements set in the fields left open.
    for section, paths, unanswered in _SECTION_READING:
        given = getattr(obs, section).__dict__
        if given == unanswered:
            continue  # every field left open (most respondents answer a few sections): nothing to read
        for name, field_path in paths:
            value = given[name]
            if value is None or value == []:
                continue
            view[field_path] = sorted(set(value)) if type(value) is list else value
    for field, value in from_statements.items():
        path = _STATEMENT_FIELD_PATHS.get(field)
        if path is not None and path not in view:
            value = (sorted(set(value)) or None) if type(value) is list else value
            if value is not None:
                view[path] = value
    roles = _given(obs, from_statements, "network", "roles_missing")
    if roles:
        view["network.missing_roles"] = [r for r in ALL_ROLES if r in roles]
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
    if reads_strong(obs) is not None:
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
# Per section read for a view: its name, its combined fields (name, path), and how it holds them left wholly
# open (None: read field by field).
_SECTION_READING: tuple[tuple[str, tuple[tuple[str, str], ...], dict[str, Any] | None], ...] = tuple(
    (section, tuple(paths.items()), _UNANSWERED.get(section)) for section, paths in _COMBINED_SECTIONS.items()
)


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
    try:  # the respondents' answers to one question: all of its type, lists apart (above)
        counts = Counter(values)
    except TypeError:  # a list among them after all: counted by its items
        counts = Counter(map(_key, values))
    (top, n), *rest = counts.most_common()
    if rest and rest[0][1] == n:
        return None
    return top
