"""From the stored rows to the library's objects: the advisor's intake, a respondent's questionnaire, the case.

Everything the library decides (which question comes next, how a reply is read, how the respondents'
answers go into the case) is the library's :class:`~samenwerkwijzer.Intake`; this module only replays
the stored progress into it and merges the respondents' answers the way ``samenwerkwijzer intake
--respondent`` does (:meth:`~samenwerkwijzer.Intake.merged_into`).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml

from samenwerkwijzer import Case, case_from_data
from samenwerkwijzer.intake import Intake

from ._models import Measurement, Respondent

# Letter metadata the advisor gives beside the intake (the case file's own fields).
LETTER_FIELDS = ("advisor", "advisor_organisation", "addressee", "letter_place", "letter_date", "assessed_on")


def jsonable(data: Any) -> Any:
    """Case data as JSON holds it (dates as ISO text, which the case model reads back)."""
    return json.loads(json.dumps(data, default=str))


def new_progress(
    answers: list[tuple[str, Any]] | None = None,
    previous: dict[str, Any] | None = None,
    questions: dict[str, str] | None = None,
    labels: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    """``previous`` fills the form in (earlier answers); ``questions`` is the question each answer was given to, and
    ``labels`` the words its options were shown with (a checklist's sentences), by option."""
    progress = {"answers": [list(a) for a in answers or []], "previous": previous or {}, "questions": questions or {}}
    return progress | ({"labels": labels} if labels else {})


def answers_of(progress: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(str(key), value) for key, value in progress.get("answers", [])]


def advisor_intake(measurement: Measurement) -> Intake:
    return Intake(answers=answers_of(measurement.progress))


def advisor_data(measurement: Measurement) -> dict[str, Any]:
    """The case as the advisor gave it (intake or imported file), with the letter metadata; no web respondents."""
    if measurement.imported is not None:
        data = copy.deepcopy(measurement.imported)
        # Whether respondents may be named is the advisor's choice on the page, before the round, which the
        # respondents are told; an imported file cannot turn it on behind their backs.
        data.pop("disclose_respondents", None)
    else:
        data = advisor_intake(measurement).case_data() or {"name": measurement.collaboration.name}
    for key in LETTER_FIELDS:
        value = measurement.letter.get(key)
        if value:
            data[key] = value
    if measurement.letter.get("disclose"):
        data["disclose_respondents"] = True
    result: dict[str, Any] = jsonable(data)
    return result


def respondent_base(measurement: Measurement, respondent: Respondent) -> dict[str, Any]:
    """The case a respondent's questionnaire starts from: the advisor's case, with this respondent only."""
    data = advisor_data(measurement)
    entry: dict[str, Any] = {"name": respondent.name}
    if respondent.partner:
        entry["partner"] = respondent.partner
    data["respondents"] = [entry]
    return data


def respondent_intake(respondent: Respondent) -> Intake:
    base = respondent.base if respondent.base is not None else respondent_base(respondent.measurement, respondent)
    return Intake(base, respondent=respondent.name, answers=answers_of(respondent.progress))


RETENTION_DAYS = 365  # how long a measurement is kept after it was started, unless serve is told otherwise
MIN_RESPONDENTS = 3  # the fewest respondents whose answers are shown at all: never fewer than three


def answered(measurement: Measurement) -> list[Respondent]:
    """The respondents who have given at least one real answer: a skipped question (*weet ik niet*) alone does
    not make a respondent count towards the minimum that protects the others' anonymity."""
    return [
        r
        for r in measurement.respondents
        if r.base is not None and any(value is not None for _, value in r.progress.get("answers", []))
    ]


def case_data(measurement: Measurement, minimum: int = MIN_RESPONDENTS) -> dict[str, Any]:
    """The whole case: the advisor's, and the respondents' answers merged in as the library merges them, once
    at least ``minimum`` (never fewer than three) have answered. Before that their answers are in no table, no
    distribution and no sentence of the letter: with one or two, anyone could tell whose answer is whose."""
    data = advisor_data(measurement)
    given = answered(measurement)
    if len(given) < max(minimum, MIN_RESPONDENTS):
        return data
    for respondent in given:
        merged = respondent_intake(respondent).merged_into(data)
        if merged is not None:
            data = merged
    result: dict[str, Any] = jsonable(data)
    return result


def anonymised(data: dict[str, Any]) -> dict[str, Any]:
    """The case with its respondents anonymised, unless the advisor turned disclosure on before the round
    (and the respondents were told so on their first page): each respondent is "Respondent 1", "Respondent 2",
    … in an order that is not the order of invitation, without the partner they speak for (with one respondent
    per partner, the partner would name them)."""
    if data.get("disclose_respondents"):
        return data
    respondents = sorted(
        data.get("respondents") or [], key=lambda r: json.dumps(r.get("observations", {}), sort_keys=True)
    )
    result = dict(data)
    if respondents:
        result["respondents"] = [
            {"name": f"Respondent {n}", "observations": r.get("observations", {})}
            for n, r in enumerate(respondents, start=1)
        ]
    return result


def case_of(measurement: Measurement, minimum: int = MIN_RESPONDENTS) -> Case:
    """The measurement's whole case, as the library reads it."""
    return case_from_data(case_data(measurement, minimum), source="webapplicatie")


def case_yaml(data: dict[str, Any]) -> str:
    """The case file, as the command line reads it."""
    return "# Uitgevoerd uit de Samenwerkwijzer-webapplicatie.\n" + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100
    )


__all__ = [
    "LETTER_FIELDS",
    "advisor_data",
    "advisor_intake",
    "answers_of",
    "case_data",
    "case_of",
    "case_yaml",
    "jsonable",
    "new_progress",
    "respondent_base",
    "respondent_intake",
]
