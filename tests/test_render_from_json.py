"""Rendering needs the Advice alone: an advice read back from JSON renders in
a process whose rule book no longer has the rules that produced it."""

from __future__ import annotations

import io

import docx

from samenwerkwijzer import Advice, diagnose, load_case, render_html, render_letter
from samenwerkwijzer._docx import render_docx
from samenwerkwijzer._explain import explain
from samenwerkwijzer.rules import all_rules

from .conftest import EXAMPLES, TODAY


def _renumbered() -> Advice:
    """The combined example's advice, with every rule id renamed to one this rule book lacks."""
    text = diagnose(load_case(EXAMPLES / "gecombineerd.yaml"), today=TODAY).model_dump_json()
    for rule in all_rules():
        text = text.replace(f'"{rule.id}"', f'"X{rule.id}"')
    return Advice.model_validate_json(text)


def test_an_advice_from_json_whose_rules_are_gone_renders_in_every_format():
    advice = _renumbered()
    assert not {r.rule for i in advice.interventions for r in i.reasons} & {r.id for r in all_rules()}
    assert "Onze prioriteiten" in render_letter(advice)
    html = render_html(advice, reasoning=True)
    assert "XROL" in html and "Onze prioriteiten" in html
    assert "Onze prioriteiten" in render_html(advice)
    document = docx.Document(io.BytesIO(render_docx(advice)))
    assert any("Onze prioriteiten" in p.text for p in document.paragraphs)


def test_explanations_take_rule_titles_from_the_advice():
    advice = _renumbered()
    titles = {step.rule: step.rule_title for e in explain(advice) for step in e.steps}
    assert titles and all(rule.startswith("X") for rule in titles)
    assert all(title and not title.startswith("X") for title in titles.values())
