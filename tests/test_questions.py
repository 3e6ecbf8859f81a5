"""The question catalogue reads as a new user needs it: every question asks one thing, in plain Dutch,
every option has human words, and every why-text gives a reason."""

from __future__ import annotations

import re

import pytest

from samenwerkwijzer._catalogue import load_catalogue
from samenwerkwijzer._intake import Intake
from samenwerkwijzer._intake_steps import catalogue_step
from samenwerkwijzer._prompts import render_prompt

QUESTIONS = load_catalogue().questions
IDS = [q.fact for q in QUESTIONS]
# A why-text opens with its reason, not with an example or a condition for answering.
NOT_A_REASON = ("bijvoorbeeld", "signaal", "signalen", "ja als", "nee als", "alleen invullen", "denk aan")
RAW_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_a_question_asks_one_thing(question):
    assert question.question.count("?") == 1, question.question
    assert question.question.rstrip().endswith("?"), question.question
    # "…, en zijn de bestuurders …?": a second question joined to the first
    assert not re.search(r", (en|of) (is|zijn|heeft|hebben|wordt|worden|kost|treden|volgt)\b", question.question)


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.answer.type == "boolean"], ids=lambda q: q.fact)
def test_a_yes_no_question_offers_no_alternatives(question):
    # "A, of B?" answered ja/nee: the answer cannot say which
    assert " of " not in question.question, question.question


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_a_question_shows_no_raw_code(question):
    step = catalogue_step(question, "section", ("x",), "x")
    prompt = render_prompt(step)
    assert not RAW_CODE.search(prompt), prompt
    assert "--" not in question.question and "samenwerkwijzer" not in question.question
    for option, label in zip(step.options, step.labels or step.options, strict=True):
        assert label and "_" not in label, (question.fact, option)


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
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
