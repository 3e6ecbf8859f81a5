"""The question catalogue reads as a new user needs it: every question asks one thing, in plain Dutch,
every option has human words, and every why-text gives a reason."""

from __future__ import annotations

import re

from samenwerkwijzer.intake._intake import Intake
from samenwerkwijzer.intake._intake_steps import catalogue_step
from samenwerkwijzer.intake._prompts import render_prompt
from samenwerkwijzer.model._catalogue import load_catalogue

from ..every import every

QUESTIONS = load_catalogue().questions
IDS = [q.fact for q in QUESTIONS]
# A why-text opens with its reason, not with an example or a condition for answering.
NOT_A_REASON = ("bijvoorbeeld", "signaal", "signalen", "ja als", "nee als", "alleen invullen", "denk aan")
RAW_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")


@every("question", QUESTIONS, ids=IDS)
def test_a_question_asks_one_thing(question):
    assert question.question.count("?") == 1, question.question
    assert question.question.rstrip().endswith("?"), question.question
    # "…, en zijn de bestuurders …?": a second question joined to the first
    assert not re.search(r", (en|of) (is|zijn|heeft|hebben|wordt|worden|kost|treden|volgt)\b", question.question)


@every("question", [q for q in QUESTIONS if q.answer.type == "boolean"], ids=lambda q: q.fact)
def test_a_yes_no_question_offers_no_alternatives(question):
    # "A, of B?" answered ja/nee: the answer cannot say which
    assert " of " not in question.question, question.question


@every("question", QUESTIONS, ids=IDS)
def test_a_question_shows_no_raw_code(question):
    step = catalogue_step(question, "section", ("x",), "x")
    prompt = render_prompt(step)
    assert not RAW_CODE.search(prompt), prompt
    assert "--" not in question.question and "samenwerkwijzer" not in question.question
    for option, label in zip(step.options, step.labels or step.options, strict=True):
        assert label and "_" not in label, (question.fact, option)


@every("question", QUESTIONS, ids=IDS)
def test_the_why_text_gives_a_reason(question):
    why = question.help.strip()
    assert len(why.split()) >= 8, why
    assert not why.lower().startswith(NOT_A_REASON), why
    assert "adressant" not in why  # the sender; the letter's reader is the geadresseerde


def test_the_partner_question_shows_human_words():
    intake = Intake()
    for answer in ("Buurt", "", ""):
        intake.respond(answer)
    assert intake.current is not None and intake.current.key == "partners"
    prompt = render_prompt(intake.current)
    assert "(gemeente)" in prompt and not RAW_CODE.search(prompt)
    assert intake.respond("Stichting Buurt (maatschappelijke organisatie)").kind == "answered"
    assert intake.case().partners[0].kind == "maatschappelijke_organisatie"


def test_the_intake_asks_the_phase_and_takes_weet_niet():
    intake = Intake()
    keys = []
    for answer in ("Buurt", "", "", "Gemeente X (gemeente)", "weet niet"):
        keys.append(intake.current.key if intake.current else None)
        reply = intake.respond(answer)
    assert keys[-1] == "context.type" and reply.kind == "skipped"
    assert intake.current is not None and intake.current.key == "context.phase"
    assert intake.respond("verankeren").kind == "answered"


def _repeats_its_key(option: str, label: str) -> bool:
    """‘onduidelijk: onduidelijk: …’: a label that starts with its own option, then a colon."""
    return label.casefold().startswith(option.replace("_", " ").casefold() + ":")


@every("question", [q for q in QUESTIONS if q.answer.labels], ids=lambda q: q.fact)
def test_no_label_repeats_its_key(question):
    for option, label in question.answer.labels.items():
        assert not _repeats_its_key(option, label), (question.fact, label)


def test_the_key_check_catches_a_repeated_key():
    assert _repeats_its_key("onduidelijk", "onduidelijk: niemand voert echt de regie")
    assert _repeats_its_key("op_de_tenen_trappen", "Op de tenen trappen: de partners trappen elkaar op de tenen")
    assert not _repeats_its_key("onduidelijk", "niemand voert echt de regie, of het is niet duidelijk wie")


def test_the_form_shows_a_label_as_it_is():
    from web._forms import option_label

    assert option_label("onduidelijk", "niemand voert echt de regie") == "niemand voert echt de regie"
    assert option_label("korte_termijn") == "korte termijn"


@every("question", QUESTIONS, ids=IDS)
def test_a_question_reads_right_for_the_advisor_and_for_a_partner(question):
    text = question.question
    # whose organisation: 'uw organisatie' or 'hun eigen organisatie', never a bare 'de eigen organisatie'
    assert "de eigen organisatie" not in text, text
    # 'ziet u' is what an outside advisor observes; a partner takes part in the meetings
    assert not re.search(r"\bziet u\b", text), text
    # known to whom
    assert not re.match(r"Is bekend\b", text), text
