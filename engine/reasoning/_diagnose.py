"""Case in, advice out: facts -> rules -> findings -> ranked interventions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from .._version import __version__
from ..model._advice import (
    Advice,
    CaseSummary,
    ConditionResult,
    DivergenceResult,
    Fact,
    FindingResult,
    ObservedSign,
    PartnerSummary,
    PlannedStep,
    Reason,
    RecommendedIntervention,
    SourceDocument,
    StatementSource,
    SuppressedIntervention,
    Suppression,
    Timing,
)
from ..model._case import Case
from ..model._catalogue import Catalogue, load_catalogue
from ..model._combined_facts import combined_facts
from ..model._facts import CASE_FIELDS, FACT_LABELS
from ..model._quotes import case_sectors, fitting_text, sentence_fits
from ..model._statements import fact_of, statement_readings
from ..model._vocabulary import SEVERITY_WEIGHT, Reference, Sector
from ..rules.dsl import Recommend
from ..wording._case_words import months_after
from ..wording._compose import letter_basis
from ..wording._dutch import and_list
from ._conditions import possible
from ._divergences import divergence_result as _divergence
from ._divergences import title_in_sentence as _lower_first
from ._engine import Derivation, RunResult
from ._profile import statement_profile
from ._ranking import Candidate, Placed, place, priority
from ._rule_book import RuleBook, default_rule_book


def diagnose(case: Case, *, today: date | None = None, rule_book: RuleBook | None = None) -> Advice:
    """Diagnose ``case`` and return its prioritised, cited advice.

    ``today`` is the date subsidy months are counted from when the case gives
    an end date but no ``assessed_on``; it defaults to the current date.
    ``rule_book`` defaults to the shipped rules.
    """
    book = rule_book or default_rule_book()
    reference_date = case.assessed_on or today or date.today()
    facts, divergences = combined_facts(case, reference_date)
    result = book.runner.run(facts)
    return _advice(
        case,
        result,
        reference_date,
        load_catalogue(),
        [_divergence(d, case.disclose_respondents) for d in divergences],
        book,
    )


def _timing(
    case: Case, result: RunResult, reference_date: date, interventions: list[RecommendedIntervention], kb: Catalogue
) -> Timing:
    """Urgency, the subsidy's end and the municipal budget deadline it sets."""
    months = result.facts.get("funding.months_left", (None, None))[0]
    given = case.observations.funding.end_date
    end = given if given is not None else (months_after(reference_date, months) if isinstance(months, int) else None)
    subsidy = result.facts.get("funding.subsidy", (None, None))[0] is True
    within = subsidy and isinstance(months, int) and months <= kb.threshold["subsidy_horizon_months"]
    municipal = any(p.kind == "gemeente" and "financier" in p.roles for p in case.partners)
    budget = None
    if subsidy and end is not None and municipal:
        # Money from the end date: the begroting of the year before (decided in
        # November) for an end before June, else the voorjaarsnota (decided
        # around June); a request is in three months ahead. When the begroting
        # has gone by, the voorjaarsnota is the next way in.
        today = case.letter_date or reference_date
        routes = [date(end.year, 3, 1)] if end.month >= 6 else [date(end.year - 1, 8, 1), date(end.year, 3, 1)]
        budget = next((day for day in routes if day > today), None)
    return Timing(
        urgent=any(i.priority.urgent for i in interventions),
        months_left=months if isinstance(months, int) else None,
        subsidy_end=end if subsidy else None,
        end_date_given=subsidy and given is not None,
        within_horizon=within,
        budget_request_by=budget,
    )


def _reason(d: Derivation, book: RuleBook) -> Reason:
    spec = book.by_id[d.rule]
    return Reason(
        rule=spec.id,
        rule_name=spec.name,
        rule_title=spec.title,
        facts=[k for k in d.because if not k.startswith("F-")],
        findings=[k for k in d.because if k.startswith("F-")],
    )


def _advice(
    case: Case,
    result: RunResult,
    reference_date: date,
    kb: Catalogue,
    divergences: list[DivergenceResult],
    book: RuleBook,
) -> Advice:
    findings = _findings(result, kb, book)
    interventions = _ranked_interventions(result, kb, book, case)
    profile, statements = statement_profile(case)
    known = {path: value for path, (value, _) in result.facts.items()}  # every fact's value, for the conditions
    advice = Advice(
        generator=f"samenwerkwijzer {__version__}",
        reference_date=reference_date,
        case=_case_summary(case, result, reference_date, kb),
        facts=_facts(result, book, case),
        conditions=[_profile(c.id, findings, result, kb, book, known) for c in kb.conditions],
        findings=findings,
        interventions=interventions,
        suppressed=_suppressed(result, kb, book),
        divergences=divergences,
        profile=profile,
        statements=statements,
        sources=_cited_sources(
            kb, [r for i in interventions for r in i.references] + [r for f in findings for r in f.references]
        ),
        timing=_timing(case, result, reference_date, interventions, kb),
    )
    # What the letter says about the case, and what each sentence rests on.
    return advice.model_copy(update={"letter": letter_basis(advice)})


def _findings(result: RunResult, kb: Catalogue, book: RuleBook) -> list[FindingResult]:
    """The diagnosed findings, most severe first."""
    findings = [_finding(fid, derivations, kb, book) for fid, derivations in result.findings.items()]
    # The collaboration's own question is one problem with what the answers show about its topic (ranking.yaml,
    # same_problem): the letter reads from the advice which findings answer it.
    lead = kb.problem_of

    def covered(fid: str) -> list[str]:  # the other diagnosed findings of its group, whichever leads it
        return sorted(g for g in result.findings if g != fid and fid in lead and lead.get(g) == lead[fid])

    findings = [f.model_copy(update={"covers": covered(f.id)}) if f.asked else f for f in findings]
    return sorted(findings, key=lambda f: (-SEVERITY_WEIGHT[f.severity], f.id))


def _finding(fid: str, derivations: list[Derivation], kb: Catalogue, book: RuleBook) -> FindingResult:
    item = kb.finding[fid]
    return FindingResult(
        id=fid,
        title=item.title,
        condition=item.condition,
        severity=item.severity,
        explanation=item.explanation,
        reasons=[_reason(d, book) for d in derivations],
        references=list(item.references),
        package=item.package,
        asked=item.asked,
    )


def _ranked_interventions(
    result: RunResult, kb: Catalogue, book: RuleBook, case: Case
) -> list[RecommendedIntervention]:
    """The recommended interventions no rule suppresses, in the ranking's order, numbered from 1."""
    candidates: list[Candidate] = []
    reasons_of: dict[str, list[Reason]] = {}
    # With no observed problem, the collaboration's own question is what the advice answers first.
    question_leads = not any(kb.finding[f].package is None for f in result.findings)
    for iid, derivations in result.recommendations.items():
        if iid not in result.suppressions:
            reasons = reasons_of[iid] = [_reason(d, book) for d in derivations]
            item = kb.intervention[iid]
            candidates.append(
                Candidate(
                    id=iid,
                    priority=priority(iid, reasons, kb, book.by_id, question_leads=question_leads),
                    findings=frozenset(f for r in reasons for f in r.findings),
                    tier=item.tier,
                    title=item.title,
                    main_for=frozenset(f for r in reasons if _main_advice(book, r.rule) == iid for f in r.findings),
                )
            )
    placed = place(candidates, result.findings.keys(), kb)
    sectors = case_sectors(p.kind for p in case.partners)
    municipal = any(p.kind == "gemeente" for p in case.partners)
    return [
        _recommended(p, n, reasons_of[p.candidate.id], kb, sectors, municipal) for n, p in enumerate(placed, start=1)
    ]


def _main_advice(book: RuleBook, rule_id: str) -> str | None:
    """The intervention a rule recommends first: its main advice."""
    return next((c.intervention for c in book.by_id[rule_id].then if isinstance(c, Recommend)), None)


def _recommended(
    placed: Placed, rank: int, reasons: list[Reason], kb: Catalogue, sectors: frozenset[Sector], municipal: bool
) -> RecommendedIntervention:
    """One ranked intervention, its text and steps as they suit the case's sectors (``municipal``: a
    municipality takes part)."""
    iid, prio = placed.candidate.id, placed.candidate.priority
    item, tier = kb.intervention[iid], kb.tiers[prio.tier_rank]
    found = {f for r in reasons for f in r.findings}
    # A step written for a finding behind the advice is the case's own step: it goes first (review18: a cut asks to
    # show what would be lost, a last chance for the plan it asks); written for another finding, it is left out.
    given = sorted(
        (s for s in item.first_steps if s.finding is None or s.finding in found), key=lambda s: s.finding is None
    )
    steps = [s for s in given if sentence_fits(s.step, sectors, municipal)] or given
    return RecommendedIntervention(
        rank=rank,
        id=iid,
        title=item.title,
        tier=tier.id,
        tier_title=tier.title,
        description=fitting_text(item.description, sectors, municipal),
        first_steps=[s.step for s in steps],
        plan=[
            PlannedStep(step=s.step, owner=s.owner, when=s.when)
            for s in steps
            if s.owner is not None and s.when is not None
        ],
        references=list(item.references),
        reasons=reasons,
        priority=prio,
        placed_by=placed.placed_by,
        serves_with=placed.serves_with,
        sequence=placed.sequence,
    )


def _suppressed(result: RunResult, kb: Catalogue, book: RuleBook) -> list[SuppressedIntervention]:
    """The recommended interventions a rule withholds, by id."""
    suppressed = [
        SuppressedIntervention(
            id=iid,
            title=kb.intervention[iid].title,
            recommended_by=[_reason(d, book) for d in derivations],
            suppressed_by=[_suppression(d, text, book) for d, text in result.suppressions[iid]],
        )
        for iid, derivations in result.recommendations.items()
        if iid in result.suppressions
    ]
    return sorted(suppressed, key=lambda s: s.id)


def _suppression(d: Derivation, text: str, book: RuleBook) -> Suppression:
    return Suppression(
        rule=d.rule,
        rule_title=book.by_id[d.rule].title,
        reason=text,
        findings=[k for k in d.because if k.startswith("F-")],
    )


def _facts(result: RunResult, book: RuleBook, case: Case) -> list[Fact]:
    """Every fact of the run, by path, with the rule that derived it and the advisor's statements behind it."""
    sources = _statement_sources(case)
    return [
        _fact(path, value, derivation, book, sources.get(path, ([], [])))
        for path, (value, derivation) in sorted(result.facts.items())
    ]


def _statement_sources(case: Case) -> dict[str, tuple[list[StatementSource], list[StatementSource]]]:
    """By fact: the advisor's statements whose scores set it, and those a value the case gives overrides."""
    kb = load_catalogue()
    out: dict[str, tuple[list[StatementSource], list[StatementSource]]] = {}
    for reading in statement_readings(case.observations):
        fact = fact_of(reading.field)
        source = StatementSource(
            id=reading.statement, text=kb.statement[reading.statement].text, score=reading.score, value=reading.value
        )
        used, overridden = out.setdefault(fact, ([], []))
        (overridden if reading.overridden else used).append(source)
    return out


def _fact(
    path: str,
    value: Any,
    derivation: Derivation | None,
    book: RuleBook,
    sources: tuple[list[StatementSource], list[StatementSource]],
) -> Fact:
    rule = book.by_id[derivation.rule] if derivation else None
    return Fact(
        path=path,
        label=FACT_LABELS[path],
        value=value,
        derived_by=derivation.rule if derivation else None,
        # Names and titles travel with the advice, so that it renders without the rule book.
        derived_by_name=rule.name if rule else None,
        derived_by_title=rule.title if rule else None,
        because=list(derivation.because) if derivation else [],
        statements=sources[0],
        overrides=sources[1],
    )


def _case_summary(case: Case, result: RunResult, reference_date: date, kb: Catalogue) -> CaseSummary:
    return CaseSummary(
        name=case.name,
        description=case.description,
        addressee=case.addressee,
        advisor=case.advisor,
        advisor_organisation=case.advisor_organisation,
        letter_date=case.letter_date or reference_date,
        letter_place=case.letter_place,
        domain=case.context.domain,
        partners=[PartnerSummary(name=p.name, kind=p.kind, roles=list(p.roles)) for p in case.partners],
        climate_signs=_observed_signs(result, kb),
    )


def _observed_signs(result: RunResult, kb: Catalogue) -> list[ObservedSign]:
    """From the combined facts: signs the respondents observed count too."""
    signs = sorted(set(result.facts.get("climate.signs", ([], None))[0] or []))
    return [ObservedSign(id=s, label=kb.sign_label[s], level=kb.sign_level[s]) for s in signs]


_CLAUSE = re.compile(r",|\b(?:is|zijn|wordt|worden|heeft|hebben|kan|kunnen|ligt|loopt|lopen)\b")


def _listing_nl(titles: list[str]) -> str:
    """Titles in one Dutch sentence part: 'a, b en c', each in lower case after the colon; titles that are clauses
    of their own ("het onderlinge vertrouwen is laag") with semicolons, so that "en" does not run them together."""
    lowered = [_lower_first(t) for t in titles]
    if len(lowered) > 1 and any(_CLAUSE.search(t) for t in lowered):
        return "; ".join(lowered)
    return and_list(lowered)


def _profile(
    condition_id: str,
    findings: list[FindingResult],
    result: RunResult,
    kb: Catalogue,
    book: RuleBook,
    facts: dict[str, Any],
) -> ConditionResult:
    condition = kb.condition[condition_id]
    # Advice from the situation (a package, as the collaboration's own question has) is no problem of the condition:
    # it neither flags nor assesses it.
    mine = [f for f in findings if f.condition == condition_id and f.package is None]
    serious = [f.title for f in mine if f.severity == "hoog"]
    to_ask: list[str] = []
    if serious:
        status, reason = "zorg", "Ernstig: " + _listing_nl(serious) + "."
    elif mine:
        label = "Aandachtspunt: " if len(mine) == 1 else "Aandachtspunten: "
        status, reason = "aandacht", label + _listing_nl([f.title for f in mine]) + "."
    elif not book.condition_paths[condition_id] & result.facts.keys():
        status, reason = "niet beoordeeld", "Hierover zijn nog geen gegevens."
    else:
        asking = _still_to_ask(condition_id, facts, kb, book)
        to_ask = [FACT_LABELS[p] for p in asking]
        if to_ask:
            status = "niet beoordeeld"
            # Some of its facts are known (else the branch above) and none points to a finding:
            # say so, or "niet beoordeeld" reads as a contradiction of the summary above the table.
            # What is still to ask, the intake's own questions: a fact's label is no question.
            reason = "Wat bekend is, wijst niet op een knelpunt. Om van op orde te spreken, is eerst antwoord nodig op "
            # A sentence that ends in a quoted question takes no full stop after it.
            reason += and_list([f"‘{kb.question[p].question}’" for p in asking[:_ASK_IN_LETTER]])
        else:
            status, reason = "op orde", "Op basis van de antwoorden geen aandachtspunten."
    return ConditionResult(
        id=condition.id,
        title=condition.title,
        description=condition.description,
        status=status,  # type: ignore[arg-type]
        reason=reason,
        findings=[f.id for f in mine],
        to_ask=to_ask,
    )


def _still_to_ask(condition_id: str, facts: dict[str, Any], kb: Catalogue, book: RuleBook) -> list[str]:
    """The facts (paths) to ask before a condition without findings can be called *op orde*: the
    unknown facts of every rule that the answers leave half-way (what is known
    points to a finding), and, when most of its rules are not yet decided
    either way, of those too. Empty when the answers decide enough (``facts``: every fact's value)."""
    rules = book.condition_rules(condition_id)
    # The engine has run: every fact it knows is settled; what it does not know could still be answered.
    number = book.rule_numbers(condition_id)
    live = {
        number[id(r)]
        for r in possible(book.deciding(condition_id), facts, facts.keys(), kb.threshold, book.derived_paths)
    }
    settled = [r for r in rules if number[id(r)] not in live]
    open_rules = [r for r in rules if number[id(r)] in live]
    halfway = [r for r in open_rules if any(c.op != "finding" and c.subject in facts for c in r.when)]
    asking = halfway if halfway or 2 * len(settled) >= len(rules) else open_rules
    unknown = {c.subject for r in asking for c in r.when if c.op != "finding" and c.subject not in facts}
    # A few questions, in the order of their labels (stable from one run to the next); a fact the partner list gives
    # has no question of its own (the intake asks for the partners).
    return sorted((p for p in unknown if p in CASE_FIELDS and p in kb.question), key=lambda p: FACT_LABELS[p])[
        :_ASK_AT_MOST
    ]


_ASK_AT_MOST = 3
_ASK_IN_LETTER = 2  # whole questions in the profile's table: two keep the letter within four pages


def _cited_sources(kb: Catalogue, refs: Iterable[Reference]) -> list[SourceDocument]:
    cited = sorted({r.source for r in refs})
    return [
        SourceDocument(
            id=s,
            title=kb.source[s].title,
            short=kb.source[s].short,
            publisher=kb.source[s].publisher,
            year=kb.source[s].year,
        )
        for s in cited
    ]


__all__ = ["diagnose"]
