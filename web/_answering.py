"""A posted question form applied to an intake, for the advisor and for a respondent alike.

The form names the question it answers (``step``): a form posted twice (a second window, a double
click) finds another question current and records nothing, so an answer is never given to the wrong
question.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from samenwerkwijzer import InputError
from samenwerkwijzer.intake import Intake

from ._cases import answers_of, new_progress
from ._forms import BACK_REPLY, SKIP_REPLY, question_text, reply_text

STALE = "Die vraag was al beantwoord (misschien in een ander venster); hieronder staat de vraag die nu aan de beurt is."


def submit(intake: Intake, progress: dict[str, Any], form: FormData) -> tuple[dict[str, Any] | None, str]:
    """(the new progress, or ``None`` when nothing was recorded; the message to show)."""
    step = intake.current
    action = form.get("action")
    if step is None or form.get("step") != step.key:
        return None, STALE
    previous = dict(progress.get("previous", {}))
    questions = dict(progress.get("questions", {})) | {step.key: question_text(step.question)}
    labels = dict(progress.get("labels", {}))
    if step.labels:  # the words the options were shown with, for the summary of answers (walk8: English ids)
        labels[step.key] = dict(zip(step.options, step.labels, strict=True))
    if action == "back":
        if intake.answers:
            key, value = intake.answers[-1]
            previous[key] = value
        text = BACK_REPLY
    elif action == "skip":
        text = SKIP_REPLY
    else:
        text = reply_text(step.kind, [v for v in form.getlist("answer") if isinstance(v, str)])
    reply = intake.respond(text)
    if reply.kind in ("answered", "skipped", "back"):
        message = reply.message if reply.kind == "back" else ""
        return new_progress(list(intake.answers), previous, questions, labels), message
    if reply.kind == "why":
        return None, reply.message
    return None, reply.message or "Dat antwoord kon niet worden gelezen."


def typed_again(intake: Intake, form: FormData) -> dict[str, Any]:
    """What a refused answer said, to fill in the form shown again: a checklist keeps its ticks and a typed answer
    its text, so that correcting one thing does not mean giving the whole answer again."""
    step = intake.current
    if step is None or form.get("step") != step.key or form.get("action") in ("back", "skip"):
        return {}
    values = [v.strip() for v in form.getlist("answer") if isinstance(v, str) and v.strip()]
    if step.kind == "multiple":
        return {step.key: [v for v in values if v in step.options]}
    if step.kind in ("boolean", "scale", "partners", "subsidy") or not values:
        return {}
    return {step.key: values[0]}


def revisit(progress: dict[str, Any], key: str) -> dict[str, Any]:
    """The progress from just before the question ``key``: it and what followed are asked again,
    with the earlier answers filled in."""
    answers = answers_of(progress)
    keys = [k for k, _ in answers]
    if key not in keys:
        raise InputError("die vraag is (nog) niet beantwoord")
    cut = keys.index(key)
    previous = dict(progress.get("previous", {})) | {k: v for k, v in answers[cut:]}
    return new_progress(answers[:cut], previous, progress.get("questions"), progress.get("labels"))


__all__ = [
    "STALE",
    "revisit",
    "submit",
    "typed_again",
]
