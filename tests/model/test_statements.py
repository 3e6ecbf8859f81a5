"""The instrument's statements (knowledge/statements.yaml): what they set, what they follow up, how they read.

Each check is a function over a list of statements, so that the tests can show it catches a broken catalogue
as well as pass the shipped one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pytest
from pydantic import ValidationError

from samenwerkwijzer.intake._intake_steps import _SECTION_QUESTIONS
from samenwerkwijzer.model._case import Observations
from samenwerkwijzer.model._catalogue import STATEMENT_CONDITIONS, Statement, load_catalogue, quote_is_in_source
from samenwerkwijzer.model._facts import CASE_FIELDS, FACT_DOMAINS
from samenwerkwijzer.model._statements import read_statements
from samenwerkwijzer.reasoning._relevance import on_case_fact, readers_by_fact, rule_variants
from samenwerkwijzer.rules.dsl import Diagnose

KB = load_catalogue()
STATEMENTS = KB.statements
RULES = rule_variants()

# The context block asks these observation facts (is there a subsidy, until when), not a statement.
CONTEXT_BLOCK = frozenset({"funding.subsidy", "funding.months_left", "funding.continuation_plan", "network.core_group"})
# The results section is new: its facts are set by statements before the rules that will read them exist.
RESULTS_SECTION = "results."
MAX_STATEMENTS = 26
MAX_FOLLOW_UPS = 3
MAX_CHARS = 140
SIGNS = "observations.climate.signs"


def _observed(fact: str) -> bool:
    return fact in CASE_FIELDS and all(field.startswith("observations.") for field in CASE_FIELDS[fact])


def _facts_of(field: str) -> list[str]:
    """The facts a case field feeds (``observations.network.levels`` feeds ``network.missing_levels``)."""
    return [fact for fact, fields in CASE_FIELDS.items() if field in fields]


def rule_read_observations() -> set[str]:
    """Every observation fact a rule reads, less the ones the context block asks."""
    return {fact for fact in readers_by_fact(RULES) if _observed(fact)} - CONTEXT_BLOCK


def _problem_values() -> dict[str, set[Any]]:
    """For each observation fact: the values on which a rule diagnoses a problem from that fact alone. Advice
    from the situation (a finding with a package) is no problem: good news such as visible results has its own."""
    out: dict[str, set[Any]] = {}
    for spec in RULES:
        diagnosed = [t.finding for t in spec.then if isinstance(t, Diagnose)]
        if not diagnosed or all(KB.finding[f].package is not None for f in diagnosed):
            continue
        on_obs = [c for c in spec.when if on_case_fact(c) and _observed(c.subject) and c.op in ("eq", "in")]
        if len(on_obs) == 1:
            out.setdefault(on_obs[0].subject, set()).update(on_obs[0].values)
    return out


PROBLEM_VALUES = _problem_values()


def unread_sets(statements: Iterable[Statement]) -> list[str]:
    read = readers_by_fact(RULES)
    return [
        s.id
        for s in statements
        if not any(fact in read or fact.startswith(RESULTS_SECTION) for field in s.sets for fact in _facts_of(field))
    ]


def unreachable(statements: Sequence[Statement]) -> list[str]:
    """Rule-read observation facts neither a statement (its value or a follow-up), a question opening a part
    of the instrument, nor the advisor's checklist of signals reaches."""
    fields = [f for s in statements for f in (*s.sets, *s.follow_up)]
    fields += [f for opening in _SECTION_QUESTIONS.values() for f in opening]
    fields += [signal.field for signal in KB.signals]
    fields.append("observations.statements")  # what the scores say together (instrument.strong)
    reached = {fact for field in fields for fact in _facts_of(field)}
    return sorted(rule_read_observations() - reached)


def unasked_follow_ups(statements: Iterable[Statement]) -> list[str]:
    asked = {q.field for q in KB.questions}
    return [f"{s.id}: {f}" for s in statements for f in s.follow_up if f not in asked]


def badly_worded(statements: Iterable[Statement]) -> list[str]:
    bad = []
    for s in statements:
        text = s.text.strip()
        body = text[:-1]
        if (
            not text.endswith(".")
            or "?" in text
            or len(text) > MAX_CHARS
            or not text[0].isupper()
            or any(mark in body for mark in (".", "!", ";"))
            or text[0].isdigit()
        ):
            bad.append(s.id)
    return bad


def thin_conditions(statements: Iterable[Statement]) -> list[str]:
    groups = [c.id for c in KB.conditions] + list(STATEMENT_CONDITIONS)
    counts = {g: 0 for g in groups}
    for s in statements:
        counts[s.condition] = counts.get(s.condition, 0) + 1
    return [g for g, n in counts.items() if n < 2]


def out_of_domain(statements: Iterable[Statement]) -> list[str]:
    """Score values a field cannot hold: by the fact domains, and by the case model itself."""
    bad = []
    for s in statements:
        for field, values in s.sets.items():
            # A list field may stay empty when its follow-up asks which items (the roles missing at the table).
            empty = all(v is None or v == [] for v in values) and field not in s.follow_up
            if len(values) != 5 or empty:
                bad.append(f"{s.id}: {field} needs five values, not all empty")
                continue
            for fact in _facts_of(field):
                domain = FACT_DOMAINS[fact]
                for v in values:
                    if v is None:
                        continue
                    fits = v in domain if isinstance(domain, tuple) else isinstance(v, domain)
                    if not fits and not (fact == "network.missing_levels" and isinstance(v, list)):
                        bad.append(f"{s.id}: {v!r} is no value of {fact}")
            _, section, name = field.split(".")
            for v in values:
                if v is None:
                    continue
                try:
                    Observations.model_validate({section: {name: v}})
                except ValidationError:
                    bad.append(f"{s.id}: the case model refuses {v!r} for {field}")
    return bad


def wrong_polarity(statements: Iterable[Statement]) -> list[str]:
    """Agreeing is the healthy side: scores 1 and 2 give one value, 4 and 5 another; where a rule diagnoses on
    the fact alone, the low side is its problem value and the high side is not."""
    bad = []
    for s in statements:
        for field, v in s.sets.items():
            if field == SIGNS:
                continue
            if v[0] != v[1] or v[3] != v[4] or (v[0] is not None and v[0] == v[4]):
                bad.append(f"{s.id}: {field} {list(v)}")
                continue
            for fact in _facts_of(field):
                problems = PROBLEM_VALUES.get(fact)
                if problems is None:
                    continue
                if (v[0] is not None and v[0] not in problems) or v[4] in problems:
                    bad.append(f"{s.id}: {field} {list(v)} against problem values {sorted(map(str, problems))}")
    return bad


def _sign_severity() -> dict[str, int]:
    return {sign.id: level.severity for level in KB.thermometer.levels for sign in level.signs}


def signs_out_of_order(statements: Iterable[Statement]) -> list[str]:
    """A lower score adds signs that are at least as warm; a low score a warmer sign than a high one."""
    severity = _sign_severity()
    bad = []
    for s in statements:
        if SIGNS not in s.sets:
            continue
        lists = s.sets[SIGNS]
        if any(sign not in severity for signs in lists for sign in signs):
            bad.append(f"{s.id}: unknown sign")
            continue
        warmest = [max((severity[x] for x in signs), default=None) for signs in lists]
        given = [w for w in warmest if w is not None]
        if given != sorted(given, reverse=True) or warmest[0] is None or warmest[4] is None:
            bad.append(f"{s.id}: signs {warmest}")
        elif warmest[0] <= warmest[4]:
            bad.append(f"{s.id}: a low score must add a warmer sign than a high one")
    return bad


def fields_set_twice(statements: Iterable[Statement]) -> list[str]:
    seen: dict[str, str] = {}
    twice = []
    for s in statements:
        for field in s.sets:
            if field in seen and field != SIGNS:
                twice.append(f"{field}: {seen[field]} and {s.id}")
            seen.setdefault(field, s.id)
    return twice


# The shipped catalogue


def test_the_instrument_is_short_but_complete():
    assert 20 <= len(STATEMENTS) <= MAX_STATEMENTS
    ids = [s.id for s in STATEMENTS]
    assert len(ids) == len(set(ids))


def test_every_statement_sets_a_fact_a_rule_reads():
    assert not unread_sets(STATEMENTS)


def test_every_fact_a_rule_reads_is_reachable_from_a_statement():
    assert not unreachable(STATEMENTS)


def test_every_signal_sets_a_fact_a_rule_reads_and_reads_as_one_plain_sentence():
    read = rule_read_observations()
    for signal in KB.signals:
        assert set(_facts_of(signal.field)) & read, signal.id
        assert signal.label.endswith(".") and "?" not in signal.label and len(signal.label) <= MAX_CHARS, signal.id
        assert "_" not in signal.label


def test_every_follow_up_has_a_question_and_there_are_few():
    assert not unasked_follow_ups(STATEMENTS)
    assert all(len(s.follow_up) <= MAX_FOLLOW_UPS for s in STATEMENTS)
    assert all(len(set(s.follow_up)) == len(s.follow_up) for s in STATEMENTS)


def test_each_statement_is_one_plain_sentence():
    assert not badly_worded(STATEMENTS)


def test_each_condition_has_at_least_two_statements():
    assert not thin_conditions(STATEMENTS)
    assert {s.condition for s in STATEMENTS} <= {c.id for c in KB.conditions} | set(STATEMENT_CONDITIONS)


def test_each_score_gives_a_value_the_field_can_hold():
    assert not out_of_domain(STATEMENTS)


def test_agreeing_is_the_healthy_side():
    assert not wrong_polarity(STATEMENTS)
    assert not signs_out_of_order(STATEMENTS)


def test_no_field_is_set_by_two_statements():
    assert not fields_set_twice(STATEMENTS)


@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda s: s.id)
def test_each_statement_cites_a_verbatim_passage(statement):
    assert statement.references
    for ref in statement.references:
        assert quote_is_in_source(ref), (statement.id, ref.quote)
    # the catalogue lists them with every other reference, so the kb check verifies them too
    assert any(owner == f"statement {statement.id}" for owner, _ in KB.references())


@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda s: s.id)
def test_the_help_speaks_plain_words(statement):
    help = statement.help
    assert len(help.split()) >= 8
    # a respondent reads it: no findings, advice, ids or field paths
    for raw in ("F-", "I-", "observations.", "_", "advies", "bevinding"):
        assert raw not in help, (statement.id, raw)


def test_a_score_reads_into_the_facts_it_maps_to():
    scores = {s.id: 1 for s in STATEMENTS}
    low = read_statements(scores)
    high = read_statements({s.id: 5 for s in STATEMENTS})
    assert low["observations.ambition.shared"] is False and high["observations.ambition.shared"] is True
    assert "geremd_voelen" in low[SIGNS] and "zeggen_wat_dwarszit" in high[SIGNS]
    assert "observations.organising.agreements" not in low  # too little or too much: its follow-up asks which
    case = Observations(statements={"regie_clear": 2})
    from samenwerkwijzer.model._statements import with_statements

    assert with_statements(case).leadership.regie == "onduidelijk"


# The checks catch a broken catalogue


def _with(statement: Statement, **update: Any) -> list[Statement]:
    changed = statement.model_copy(update=update)
    return [changed if s.id == statement.id else s for s in STATEMENTS]


BY_ID = {s.id: s for s in STATEMENTS}


def test_the_checks_catch_a_statement_that_sets_nothing_a_rule_reads():
    broken = _with(BY_ID["shared_goal"], sets={"observations.leadership.regie_holder": (None,) * 5})
    assert unread_sets(broken) == ["shared_goal"]
    assert "ambition.shared" in unreachable(broken)


def test_the_checks_catch_a_lost_follow_up():
    broken = _with(BY_ID["shared_goal"], follow_up=BY_ID["shared_goal"].follow_up[1:])
    assert unreachable(broken) == ["ambition.why_discussed"]
    assert unasked_follow_ups(_with(BY_ID["shared_goal"], follow_up=("observations.ambition.nothing",)))


def test_the_checks_catch_bad_wording():
    for text in ("Weten de partners wat zij willen?", "Zij weten het. Zij doen het.", "Zonder punt", "x" * 150 + "."):
        assert badly_worded(_with(BY_ID["shared_goal"], text=text)) == ["shared_goal"], text


def test_the_checks_catch_a_thin_condition():
    kept = [s for s in STATEMENTS if s.id not in ("results_visible", "evaluated_together")]
    assert thin_conditions(kept) == ["resultaten"]


def test_the_checks_catch_values_out_of_domain_and_polarity():
    assert out_of_domain(_with(BY_ID["regie_clear"], sets={"observations.leadership.regie": ("nee",) * 5}))
    assert out_of_domain(_with(BY_ID["shared_goal"], sets={"observations.ambition.shared": ("deels",) * 5}))
    flipped = _with(BY_ID["shared_goal"], sets={"observations.ambition.shared": (True, True, None, False, False)})
    assert wrong_polarity(flipped)
    mixed = _with(
        BY_ID["get_along"], sets={"observations.relation.personal_friction": (True, False, None, False, False)}
    )
    assert wrong_polarity(mixed)
    cool_low = _with(BY_ID["speak_up"], sets={SIGNS: (["vrijuit_spreken"], [], [], [], ["afhaken"])})
    assert signs_out_of_order(cool_low)


def test_the_checks_catch_a_field_set_twice():
    twice = _with(BY_ID["get_along"], sets={"observations.ambition.shared": (False, False, None, True, True)})
    assert fields_set_twice(twice)
