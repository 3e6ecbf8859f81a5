"""Rendering needs the Advice alone: an advice read back from JSON renders in
a process whose rule book no longer has the rules that produced it."""

from __future__ import annotations

import io
from dataclasses import replace

import docx

from samenwerkwijzer import Advice, RuleBook, diagnose, load_case, render_html, render_letter
from samenwerkwijzer.authoring._ruledocs import find_rule
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.render._docx import render_docx
from samenwerkwijzer.rules import all_rules
from samenwerkwijzer.rules.dsl import Suppress
from samenwerkwijzer.trainer._explain import explain, why_not
from samenwerkwijzer.trainer._graph import reasoning_graph, to_mermaid
from samenwerkwijzer.trainer._story import story
from samenwerkwijzer.trainer._trace import trace

from ..conftest import EXAMPLES, TODAY


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


def _own_rule_book() -> RuleBook:
    """The shipped rules under ids and titles the default rule book lacks (but
    for those that withhold: their sentence why is filed under their id)."""
    return RuleBook(
        r
        if any(isinstance(c, Suppress) for c in r.then)
        else replace(r, id=f"X{r.id}", title=f"Eigen regel: {r.title}")
        for r in all_rules()
    )


def test_the_graph_and_the_story_of_an_advice_from_json_take_rule_titles_from_the_advice():
    advice = _renumbered()
    graph = reasoning_graph(advice)
    rules = [n for n in graph.nodes if n.kind == "rule"]
    assert rules and all(n.code.startswith("X") for n in rules)
    assert all(not n.label.startswith("Regel: X") for n in rules)
    top = advice.interventions[0].id
    assert reasoning_graph(advice, top).focus == top
    assert "Regel:" in to_mermaid(reasoning_graph(advice, top))
    steps = story(advice)
    told = [r for s in steps for r in s.rules]
    assert told and all(r.rule.startswith("X") and not r.title.startswith("X") for r in told)


def test_after_diagnose_with_an_own_rule_book_nothing_reads_the_default_one():
    book = _own_rule_book()
    advice = diagnose(load_case(EXAMPLES / "gecombineerd.yaml"), today=TODAY, rule_book=book)
    top = advice.interventions[0].id
    graph = reasoning_graph(advice, top)
    assert any(n.label.startswith("Regel: Eigen regel:") for n in graph.nodes if n.kind == "rule")
    assert any(r.title.startswith("Eigen regel:") for s in story(advice) for r in s.rules)
    assert any(step.rule.startswith("X") for e in explain(advice) for step in e.steps)
    recommended = {x.id for x in advice.interventions}
    for withheld in (i for i in load_catalogue().intervention if i not in recommended):
        answer = why_not(advice, withheld, rule_book=book)
        assert all(c.rule in book.by_id and c.rule_title == book.by_id[c.rule].title for c in answer.candidates)
    assert why_not(advice, top, rule_book=book).status == "recommended"
    # Read back from JSON, in this process whose default rule book lacks every X rule.
    again = Advice.model_validate_json(advice.model_dump_json())
    assert reasoning_graph(again, top) == graph
    assert story(again) == story(advice)
    assert "Onze prioriteiten" in render_letter(again)
    assert {r.rule for r in trace(load_case(EXAMPLES / "gecombineerd.yaml"), today=TODAY, rule_book=book).firings}
    assert find_rule("xrol001", rule_book=book).title.startswith("Eigen regel:")
