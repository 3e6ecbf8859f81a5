"""An intake answered from a file of answers by question, as an advisor would type them.

An answers file (YAML) names each answer by its question: the context's keys (``name``,
``description``, ``context.domain``, ``partners``, ``context.type``, ``context.phase``,
``funding.subsidy``, ``funding.end``), ``statements`` (statement id -> 1 to 5), ``follow_up``
(a case field -> the answer) and ``signals`` (the ids of the checklist's situations the case shows).
Each question the intake asks is answered with the file's answer,
typed as text and read by the intake itself; a question the file does not answer is skipped
(*weet ik niet*). Nothing reaches the case but through the intake's own questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ..model._errors import InputError
from ._intake import Intake
from ._intake_steps import Step

__all__ = ["AnswerSheet", "answer_intake", "answer_respondents"]

# The context keys of an answers file and the intake's step keys they answer.
_CONTEXT_KEYS = {
    "name": "name",
    "description": "description",
    "context.domain": "context.domain",
    "partners": "partners",
    "context.type": "context.type",
    "context.phase": "context.phase",
    "funding.subsidy": "observations.funding.subsidy",
}


def _typed(value: Any) -> str:
    """A value as an advisor would type it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_typed(v) for v in value)
    return str(value).strip()


def _partner_line(value: Any) -> str:
    """One partner as typed. Unquoted in YAML, "Gemeente Oss (gemeente: beslisser, financier)" is read as a
    mapping of "Gemeente Oss (gemeente" to "beslisser, financier)": the line as the advisor wrote it again."""
    if isinstance(value, Mapping) and len(value) == 1:
        ((name, roles),) = value.items()
        return f"{_typed(name)}: {_typed(roles)}"
    return _typed(value)


class AnswerSheet:
    """The answers of one file, by the intake's step keys."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        if not isinstance(data, Mapping):
            raise InputError("een antwoordenbestand is een lijst van vragen met hun antwoord (YAML)")
        self.by_step: dict[str, str] = {}
        for key, value in data.items():
            if key == "statements":
                scores = value or {}
                if not isinstance(scores, Mapping):
                    raise InputError("‘statements’ noemt per stelling een score van 1 tot en met 5")
                self.by_step |= {f"statements.{k}": _typed(v) for k, v in scores.items()}
            elif key == "follow_up":
                answers = value or {}
                if not isinstance(answers, Mapping):
                    raise InputError("‘follow_up’ noemt per vervolgvraag het antwoord")
                self.by_step |= {str(k): _typed(v) for k, v in answers.items()}
            elif key == "signals":
                self.by_step["signals"] = ", ".join(_typed(v) for v in (value or []))
            elif key == "respondents":
                continue  # each respondent answers an intake of their own (answer_respondents)
            elif key == "partners":
                lines = value if isinstance(value, list) else [value]
                self.by_step["partners"] = "; ".join(_partner_line(v) for v in lines)
            elif key in ("partner_count", "funding.end"):
                continue
            elif key in _CONTEXT_KEYS:
                self.by_step[_CONTEXT_KEYS[key]] = _typed(value)
            else:
                self.by_step[str(key)] = _typed(value)
        if data.get("funding.end") is not None:
            end = _typed(data["funding.end"])
            # "14", "nog 14 maanden", "30-6-2027" and "tot 30-6-2027" all say when it ends.
            when = f"nog {end} maanden" if end.isdigit() else end if end.startswith(("nog ", "tot ")) else f"tot {end}"
            self.by_step["observations.funding.subsidy"] = f"ja, {when}"
        if "partner_count" in data:
            named = self.by_step.get("partners", "")
            self.by_step["partners"] = f"{named}; in totaal {data['partner_count']}".lstrip("; ")

    def text_for(self, step: Step) -> str:
        """What to type for ``step``: the file's answer, or nothing (skip)."""
        return self.by_step.get(step.key, "")

    def unasked(self, asked: Iterable[str]) -> list[str]:
        """The file's answers, by step key in the file's order, that no question in ``asked`` took: a mistyped key,
        or a follow-up its statement did not open."""
        taken = set(asked)
        return [key for key in self.by_step if key not in taken]


def answer_intake(data: Mapping[str, Any], *, today: date | None = None) -> tuple[Intake, list[str]]:
    """The advisor's intake answered from ``data``; also the keys of answers it never asked for (a
    follow-up whose statement scored high, say). Raises :class:`InputError` on an answer the intake refuses."""
    sheet = AnswerSheet(data)
    intake = Intake(today=today)
    while (step := intake.current) is not None:
        text = sheet.text_for(step)
        reply = intake.respond(text)
        if reply.kind == "invalid":
            if text == "":  # a required question the file leaves open
                raise InputError(f"het antwoordenbestand beantwoordt de verplichte vraag {step.key} niet")
            raise InputError(f"het antwoord op {step.key} ({text!r}) past niet: {reply.message}")
        if reply.kind not in ("answered", "skipped"):
            raise InputError(f"het antwoord op {step.key} ({text!r}) is geen antwoord")
    return intake, sorted(sheet.unasked(intake.asked))


def answer_respondents(
    data: Mapping[str, Any], case_data: Mapping[str, Any], *, today: date | None = None
) -> dict[str, Any]:
    """``case_data`` (the advisor's case) with the respondents of an answers file added, each entered through a
    respondent's own intake (``respondents``: a list of ``name``, optionally ``partner``, ``statements`` and
    ``follow_up``), as ``intake --respondent`` does. Raises :class:`InputError` on an answer the intake refuses."""
    out: dict[str, Any] = dict(case_data)
    entries = data.get("respondents") or []
    if not isinstance(entries, list):
        raise InputError("‘respondents’ is een lijst van respondenten, elk met een naam")
    for entry in entries:
        if not isinstance(entry, Mapping) or not str(entry.get("name") or "").strip():
            raise InputError("elke respondent in het antwoordenbestand heeft een naam")
        sheet = AnswerSheet({k: v for k, v in entry.items() if k in ("statements", "follow_up")})
        intake = Intake(out, respondent=str(entry["name"]), today=today)
        while (step := intake.current) is not None:
            text = sheet.text_for(step)
            reply = intake.respond(text)
            if reply.kind not in ("answered", "skipped"):
                raise InputError(f"respondent {entry['name']}: het antwoord op {step.key} ({text!r}) past niet")
        merged = intake.merged_into(out)
        if merged is None:
            raise InputError("een respondent antwoordt op een casus zonder naam")
        if entry.get("partner"):
            for respondent in merged["respondents"]:
                if respondent.get("name") == str(entry["name"]).strip():
                    respondent["partner"] = str(entry["partner"])
        out = merged
    return out
