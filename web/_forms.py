"""One intake question as a web form, and the submitted form back as the reply the library reads.

The form never decides anything itself: it offers the step's answers as fields (radio buttons for a
choice, check boxes for several, a number field, …) and turns what was submitted into the words the
command line's advisor would type, which :meth:`~samenwerkwijzer.Intake.respond` reads and checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from samenwerkwijzer.intake import SECTION_TITLES as INTAKE_SECTION_TITLES
from samenwerkwijzer.intake import Intake

# What a form's button asks for, as the command line's words.
SKIP_REPLY = "-"
BACK_REPLY = "terug"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    checked: bool


@dataclass(frozen=True)
class Field:
    """What the template needs to show one question."""

    key: str
    question: str
    kind: str
    section: str
    options: tuple[Option, ...]
    value: str
    required: bool
    accepts_date: bool
    minimum: int | None
    maximum: int | None
    ends_loop: bool
    why: str
    hint: str = ""


def option_label(option: str, label: str = "") -> str:
    """An answer as a person reads it: the catalogue's label, or else the option's words (never both:
    a label that already names the option would read it twice)."""
    return label or option.replace("_", " ")


def question_text(question: str) -> str:
    """The question as the form asks it: without the command line's hints on what an empty reply means."""
    return question.replace(" (leeg = nee)", "").replace(" (leeg = geen partners meer)", "")


def field_for(intake: Intake, previous: dict[str, Any]) -> Field | None:
    step = intake.current
    if step is None:
        return None
    before = previous.get(step.key)
    labels = step.labels or ("",) * len(step.options)
    if step.kind == "boolean":
        yes_no = (("ja", "ja", before is True), ("nee", "nee", before is False))
        options = tuple(Option(value, label, checked) for value, label, checked in yes_no)
    elif step.kind == "scale":
        options = tuple(
            Option(option, f"{option} · {label}", before == int(option))
            for option, label in zip(step.options, labels, strict=True)
        )
    elif step.kind in ("partners", "subsidy"):
        options = ()
    else:
        chosen = set(before) if isinstance(before, list) else {before}
        options = tuple(
            Option(option, option_label(option, label), option in chosen)
            for option, label in zip(step.options, labels, strict=True)
        )
    if step.kind == "partners" and isinstance(before, dict):
        kinds = dict(zip(step.options, step.labels, strict=True))
        value = "\n".join(f"{p['name']} ({kinds.get(p['kind'], p['kind'])})" for p in before.get("partners", []))
        value += f"\nin totaal {before['total']}" if before.get("total") else ""
    elif step.kind == "subsidy" and isinstance(before, dict):
        value = subsidy_text(before)
    elif step.kind == "scale":
        value = ""
    else:
        value = "" if before is None or isinstance(before, list | bool) else str(before)
    question = question_text(step.question)
    if step.kind == "partners":  # the form's own hint says how (one per line); the CLI's semicolons would contradict it
        question = question.split("?", 1)[0] + "?"
    return Field(
        key=step.key,
        question=question,
        kind=step.kind,
        section=INTAKE_SECTION_TITLES.get(step.section, step.section),
        options=options,
        value=value,
        required=step.required,
        accepts_date=step.accepts_date,
        minimum=step.minimum,
        maximum=step.maximum,
        hint=step.hint,
        ends_loop=step.ends_loop,
        # The page's own summary already asks 'Waarom deze vraag?'; the text under it answers.
        why=intake.why().removeprefix("Waarom deze vraag?").strip(),
    )


def subsidy_text(value: dict[str, Any]) -> str:
    """The subsidy answer as the advisor typed it: nee, ja, or ja and until when."""
    if not value.get("subsidy"):
        return "nee"
    if value.get("end_date"):
        return f"ja, tot {value['end_date']}"
    if value.get("months_left") is not None:
        return f"ja, nog {value['months_left']} maanden"
    return "ja"


def reply_text(kind: str, values: list[str]) -> str:
    """The submitted field(s) as the typed reply: several options joined by commas, empty as a skip."""
    cleaned = [v.strip() for v in values if v.strip()]
    if not cleaned:
        return SKIP_REPLY
    if kind == "multiple":
        return ", ".join(cleaned)
    return cleaned[0]


_SENTENCES_FROM = 15  # options: a longer list (the checklist) is shown and summed up by its sentences


def answered_view(
    intake: Intake, questions: dict[str, str], labels: dict[str, dict[str, str]] | None = None
) -> list[tuple[str, str, str]]:
    """(step key, the question, the answer as read) for every answered question, for the summary below the form;
    ``labels``: the words each question's options were shown with."""
    out: list[tuple[str, str, str]] = []
    for key, value in intake.answers:
        shown_as = (labels or {}).get(key, {})
        if value is None:
            shown = "overgeslagen"
        elif value is True:
            shown = "ja"
        elif value is False:
            shown = "nee"
        elif isinstance(value, list) and len(shown_as) > _SENTENCES_FROM:
            # The checklist's items by the sentences they were shown with, listed with semicolons (walk8: its ids).
            shown = "; ".join(shown_as.get(v, option_label(v)).rstrip(".") for v in value)
        elif isinstance(value, list):
            shown = ", ".join(option_label(v) for v in value) or "geen"
        elif isinstance(value, dict) and "subsidy" in value:
            shown = subsidy_text(value)
        elif isinstance(value, dict):  # the partners, in one answer
            shown = ", ".join(p["name"] for p in value.get("partners", [])) or "geen"
        elif isinstance(value, int) and key.startswith("statements."):
            shown = f"{value} van 5"
        else:
            shown = option_label(str(value)) if str(value).isidentifier() else str(value)
        out.append((key, questions.get(key, "").split("\n")[-1], shown))
    return out


__all__ = [
    "BACK_REPLY",
    "SKIP_REPLY",
    "Field",
    "Option",
    "answered_view",
    "field_for",
    "option_label",
    "question_text",
    "reply_text",
    "subsidy_text",
]
