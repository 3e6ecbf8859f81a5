"""The knowledge-base check passes on what we ship and catches each kind of defect."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from samenwerkwijzer.authoring._kbcheck import check_knowledge_base
from samenwerkwijzer.cli import app
from samenwerkwijzer.model._catalogue import Catalogue, load_catalogue
from samenwerkwijzer.model._errors import KnowledgeBaseError
from samenwerkwijzer.model._vocabulary import Reference, SuppressionReason
from samenwerkwijzer.reasoning._engine import compile_engine
from samenwerkwijzer.rules import all_rules
from samenwerkwijzer.rules.dsl import Diagnose, Recommend, Suppress, finding, is_, rule

KB = load_catalogue()
RULES = list(all_rules())


def checks(issues):
    return {(i.level, i.check) for i in issues}


def test_shipped_knowledge_base_is_clean():
    assert check_knowledge_base(samples=40) == []


def test_cli_kb_check_passes():
    result = CliRunner().invoke(app, ["kb", "check", "--samples", "10"])
    assert result.exit_code == 0, result.output
    assert "kb check: 0 errors, 0 warnings" in result.output


def test_a_forged_quote_is_an_error():
    item = KB.interventions[0]
    forged = item.model_copy(
        update={"references": (Reference(source=item.references[0].source, locator="x", quote="Dit staat er niet."),)}
    )
    kb = KB.model_copy(update={"interventions": (forged, *KB.interventions[1:])})
    assert ("error", "quotes") in checks(check_knowledge_base(kb, samples=0))


def test_an_unreachable_finding_is_an_error():
    rules = [r for r in RULES if not any(isinstance(c, Diagnose) and c.finding == "F-GEEN-TREKKER" for c in r.then)]
    rules = [r for r in rules if r.id != "ROL102"]
    issues = check_knowledge_base(KB, rules, samples=0)
    assert any(i.check == "reachability" and "F-GEEN-TREKKER" in i.message for i in issues)


def test_a_step_for_a_finding_no_rule_recommends_it_on_is_an_error():
    """A case's own step (written for a finding) that no rule can give is dead knowledge, as an unreachable finding."""
    item = next(i for i in KB.interventions if i.id == "I-EFFECTEN-ZICHTBAAR-MAKEN")
    step = next(s for s in item.first_steps if s.finding == "F-FINANCIERING-GEKORT")
    moved = item.model_copy(
        update={"first_steps": (*item.first_steps, step.model_copy(update={"finding": "F-NETWERKDIP"}))}
    )
    kb = KB.model_copy(update={"interventions": tuple(moved if i is item else i for i in KB.interventions)})
    issues = check_knowledge_base(kb, RULES, samples=0)
    assert [i.message for i in issues if i.check == "reachability"] == [
        "I-EFFECTEN-ZICHTBAAR-MAKEN: no rule recommends it on F-NETWERKDIP, its step's finding"
    ]
    timeless = moved.model_copy(update={"first_steps": (*item.first_steps, step.model_copy(update={"when": None}))})
    kb = KB.model_copy(update={"interventions": tuple(timeless if i is item else i for i in KB.interventions)})
    assert ("error", "steps") in checks(check_knowledge_base(kb, RULES, samples=0))


def test_unknown_ids_facts_and_impossible_values_are_errors():
    @rule("XXX001", title="x", when=[is_("leadership.regie", "soms"), is_("geen.feit", 1)], then=[Diagnose("F-NIETS")])
    def broken() -> None:
        """Broken on purpose."""

    messages = [i.message for i in check_knowledge_base(KB, [*RULES, broken], samples=0) if i.check == "rules"]
    assert any("can never be 'soms'" in m for m in messages)
    assert any("unknown fact geen.feit" in m for m in messages)
    assert any("unknown finding F-NIETS" in m for m in messages)


def with_suppressions(items):
    """The shipped knowledge with other suppression sentences (a fresh catalogue:
    model_copy would keep the cached lookup of the old ones)."""
    fields = {name: getattr(KB, name) for name in Catalogue.model_fields}
    return Catalogue(**{**fields, "suppressions": tuple(items)})


def test_a_suppress_without_its_sentence_is_an_error():
    @rule("XXX201", title="x", when=[finding("F-GEEN-TREKKER")], then=[Suppress("I-NETWERK-VERBREDEN")])
    def silent_suppression() -> None:
        """Withholds an intervention without saying why."""

    # A new rule whose sentence was never written, and a shipped rule whose sentence was deleted.
    kb = with_suppressions(s for s in KB.suppressions if s.key != "ROL106/I-TREKKER-AANWIJZEN")
    messages = [i.message for i in check_knowledge_base(kb, [*RULES, silent_suppression], samples=0)]
    assert any("XXX201 suppresses I-NETWERK-VERBREDEN without a sentence" in m for m in messages)
    assert any("ROL106 suppresses I-TREKKER-AANWIJZEN without a sentence" in m for m in messages)
    assert ("error", "rules") in checks(check_knowledge_base(KB, [*RULES, silent_suppression], samples=0))
    # The engine refuses to compile such a rule set, so no letter ever lacks the sentence.
    with pytest.raises(KnowledgeBaseError, match="XXX201 suppresses I-NETWERK-VERBREDEN without a sentence"):
        compile_engine([*RULES, silent_suppression], KB)


def test_a_sentence_without_its_suppress_is_an_error():
    stray = SuppressionReason(rule="ROL001", intervention="I-TREKKER-AANWIJZEN", status="stable", reason="Niet doen.")
    issues = check_knowledge_base(with_suppressions([*KB.suppressions, stray]), samples=0)
    assert [(i.check, i.message) for i in issues] == [
        (
            "suppressions",
            "rules/roles/suppressions.yaml: the sentence for ROL001/I-TREKKER-AANWIJZEN belongs to no rule's Suppress",
        )
    ]
    # A rule that no longer suppresses leaves its sentence behind.
    rules = [
        replace(r, then=tuple(c for c in r.then if not isinstance(c, Suppress))) if r.id == "ORG201" else r
        for r in RULES
    ]
    issues = check_knowledge_base(KB, rules, samples=0)
    assert any(i.check == "suppressions" and "ORG201/I-AFSPRAKEN-EN-GOVERNANCE-BORGEN" in i.message for i in issues)


def test_each_suppress_of_the_shipped_rules_has_exactly_one_sentence():
    suppressed = {(s.rule, s.intervention) for s in KB.suppressions}
    assert suppressed == {(r.id, c.intervention) for r in RULES for c in r.then if isinstance(c, Suppress)}
    assert len(suppressed) == len(KB.suppressions) == 27


def test_identical_conditions_and_subsumed_rules_are_errors():
    @rule("XXX002", title="x", when=[finding("F-GEEN-TREKKER")], then=[Recommend("I-REGIE-BELEGGEN")])
    def same_conditions() -> None:
        """Same conditions as ROL102."""

    @rule(
        "XXX003",
        title="x",
        when=[is_("leadership.regie", "onduidelijk"), is_("leadership.trekker", False)],
        then=[Diagnose("F-REGIE-ONDUIDELIJK")],
    )
    def subsumed() -> None:
        """Fires only when ROL001 does and adds nothing."""

    issues = check_knowledge_base(KB, [*RULES, same_conditions, subsumed], samples=0)
    assert any(i.check == "redundancy" and "ROL102 and XXX002" in i.message for i in issues)
    assert any(i.check == "subsumption" and "XXX003 is subsumed by ROL001" in i.message for i in issues)


def test_opposed_interventions_advised_together_are_found():
    broadening = KB.intervention["I-NETWERK-VERBREDEN"]
    assert "I-KERNTEAM-EN-SCHIL" in broadening.opposes
    # The same rules without their suppressions: nothing resolves the opposition any more.
    unresolved = [replace(r, then=tuple(c for c in r.then if not isinstance(c, Suppress))) for r in RULES]
    issues = check_knowledge_base(KB, unresolved, samples=20)
    opposition = [i.message for i in issues if i.check == "opposition"]
    assert any("no rule resolves it" in m for m in opposition)
    assert any("are both advised for the facts" in m for m in opposition)


def test_every_case_fact_has_a_question_with_fitting_answers():
    from samenwerkwijzer.model._facts import CASE_PATHS, PARTNER_LIST_FACTS, QUESTION_FACTS

    # What only the partner list gives (who is at the table) is asked by the intake's partner loop; the topics
    # the collaboration asks advice on, by the one question what it asks advice on.
    asked = {q.fact for q in KB.questions}
    assert asked - set(CASE_PATHS) == set()
    assert "context.question" in asked
    assert set(CASE_PATHS) - asked - PARTNER_LIST_FACTS - QUESTION_FACTS == set()
    for q in KB.questions:
        assert q.question.endswith("?") or "(" in q.question, q.fact
        assert q.help


def test_a_fact_without_question_is_an_error():
    kb = KB.model_copy(update={"questions": tuple(q for q in KB.questions if q.fact != "leadership.regie")})
    assert any(i.check == "questions" and "leadership.regie" in i.message for i in check_knowledge_base(kb, samples=0))


def test_coverage_map_covers_every_document_and_names_only_existing_ids(monkeypatch):
    from samenwerkwijzer.authoring import _kbcheck

    entries = _kbcheck.load_coverage()
    assert {e.source for e in entries} == {s.id for s in KB.sources}
    assert all((e.encoded_by is None) != (e.left_out is None) for e in entries)
    broken = [entries[0].model_copy(update={"encoded_by": ("F-BESTAAT-NIET",), "left_out": None}), *entries[1:]]
    monkeypatch.setattr(_kbcheck, "load_coverage", lambda: broken)
    issues = check_knowledge_base(samples=0)
    assert any(i.check == "coverage" and "F-BESTAAT-NIET" in i.message for i in issues)
