"""Case in, advice out: facts -> rules -> findings -> ranked interventions."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any

from ._advice import (
    Advice,
    CaseSummary,
    ConditionResult,
    DivergenceResult,
    Fact,
    FindingResult,
    ObservedSign,
    PartnerSummary,
    PlannedStep,
    Priority,
    Reason,
    RecommendedIntervention,
    SourceDocument,
    SuppressedIntervention,
    Suppression,
    ViewCount,
)
from ._case import Case
from ._catalogue import SEVERITY_WEIGHT, Catalogue, Reference, load_catalogue
from ._engine import Derivation, Runner, RunResult
from ._facts import CASE_FIELDS, FACT_LABELS, Divergence, combined_facts
from ._ranking import priority, sort_key
from ._value_text import format_value
from ._version import __version__
from .rules import all_rules
from .rules.dsl import Diagnose, RuleSpec, leaves


class RuleBook:
    """A set of rules the engine reasons with, compiled once (on first use)
    and reused. :func:`default_rule_book` holds the shipped rules; a test or
    an experiment can diagnose with another one."""

    def __init__(self, rules: Iterable[RuleSpec]) -> None:
        self.rules = tuple(sorted(rules, key=lambda r: r.id))
        self.by_id = {r.id: r for r in self.rules}

    @functools.cached_property
    def runner(self) -> Runner:
        return Runner(self.rules, load_catalogue())

    @functools.cached_property
    def condition_paths(self) -> dict[str, frozenset[str]]:
        """Per condition, the facts its diagnosing rules read: answering any of
        them means the condition has been looked at."""
        kb = load_catalogue()
        paths: dict[str, set[str]] = {c.id: set() for c in kb.conditions}
        for rule in self.rules:
            # Answers to questions count; what only follows from the partner list does not.
            read = {c.subject for c in leaves(rule.when) if c.op != "finding" and not _from_partner_list(c.subject)}
            for conclusion in rule.then:
                if isinstance(conclusion, Diagnose):
                    paths[kb.finding[conclusion.finding].condition] |= read
        return {cid: frozenset(p) for cid, p in paths.items()}


@functools.cache
def default_rule_book() -> RuleBook:
    """The shipped rules (``samenwerkwijzer.rules``)."""
    return RuleBook(all_rules())


def rules_by_id() -> dict[str, RuleSpec]:
    return default_rule_book().by_id


def shared_runner() -> Runner:
    """The default rule book's engine: compiled once per process, reused with ``reset()``."""
    return default_rule_book().runner


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


def _divergence(d: Divergence, disclose: bool) -> DivergenceResult:
    by_value: dict[str, list[str]] = {}
    for source, value in d.values.items():
        by_value.setdefault(format_value(value, "trainer"), []).append(source)
    views = [
        ViewCount(value=value, count=len(sources), respondents=sorted(sources) if disclose else [])
        for value, sources in sorted(by_value.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
    return DivergenceResult(path=d.path, label=FACT_LABELS[d.path], views=views)


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
    interventions = _ranked_interventions(result, kb, book)
    return Advice(
        generator=f"samenwerkwijzer {__version__}",
        reference_date=reference_date,
        case=_case_summary(case, result, reference_date, kb),
        facts=_facts(result, book),
        conditions=[_profile(c.id, findings, result, kb, book) for c in kb.conditions],
        findings=findings,
        interventions=interventions,
        suppressed=_suppressed(result, kb, book),
        divergences=divergences,
        sources=_cited_sources(
            kb, [r for i in interventions for r in i.references] + [r for f in findings for r in f.references]
        ),
    )


def _findings(result: RunResult, kb: Catalogue, book: RuleBook) -> list[FindingResult]:
    """The diagnosed findings, most severe first."""
    findings = [_finding(fid, derivations, kb, book) for fid, derivations in result.findings.items()]
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
    )


def _ranked_interventions(result: RunResult, kb: Catalogue, book: RuleBook) -> list[RecommendedIntervention]:
    """The recommended interventions no rule suppresses, in the ranking's order, numbered from 1."""
    ranked: list[tuple[tuple[int, int, int, int, str], RecommendedIntervention]] = []
    for iid, derivations in result.recommendations.items():
        if iid not in result.suppressions:
            reasons = [_reason(d, book) for d in derivations]
            prio = priority(iid, reasons, kb, book.by_id)
            ranked.append((sort_key(iid, prio), _recommended(iid, reasons, prio, kb)))
    ranked.sort(key=lambda pair: pair[0])
    return [rec.model_copy(update={"rank": n}) for n, (_, rec) in enumerate(ranked, start=1)]


def _recommended(iid: str, reasons: list[Reason], prio: Priority, kb: Catalogue) -> RecommendedIntervention:
    item, tier = kb.intervention[iid], kb.tiers[prio.tier_rank]
    return RecommendedIntervention(
        rank=0,
        id=iid,
        title=item.title,
        tier=tier.id,
        tier_title=tier.title,
        description=item.description,
        first_steps=[s.step for s in item.first_steps],
        plan=[
            PlannedStep(step=s.step, owner=s.owner, when=s.when)
            for s in item.first_steps
            if s.owner is not None and s.when is not None
        ],
        references=list(item.references),
        reasons=reasons,
        priority=prio,
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


def _facts(result: RunResult, book: RuleBook) -> list[Fact]:
    """Every fact of the run, by path, with the rule that derived it."""
    return [_fact(path, value, derivation, book) for path, (value, derivation) in sorted(result.facts.items())]


def _fact(path: str, value: Any, derivation: Derivation | None, book: RuleBook) -> Fact:
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


def _from_partner_list(path: str) -> bool:
    return all(field.startswith("partners") for field in CASE_FIELDS.get(path, ("",)))


def _lower_first(title: str) -> str:
    """A title inside a sentence: lower case first, unless it opens with an abbreviation (GGD)."""
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]


def _listing_nl(titles: list[str]) -> str:
    """Titles in one Dutch sentence part: 'a, b en c', each in lower case after the colon."""
    parts = [_lower_first(t) for t in titles]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _profile(
    condition_id: str, findings: list[FindingResult], result: RunResult, kb: Catalogue, book: RuleBook
) -> ConditionResult:
    condition = kb.condition[condition_id]
    mine = [f for f in findings if f.condition == condition_id]
    serious = [f.title for f in mine if f.severity == "hoog"]
    if serious:
        status, reason = "zorg", "Ernstig: " + _listing_nl(serious) + "."
    elif mine:
        label = "Aandachtspunt: " if len(mine) == 1 else "Aandachtspunten: "
        status, reason = "aandacht", label + _listing_nl([f.title for f in mine]) + "."
    elif book.condition_paths[condition_id] & result.facts.keys():
        status, reason = "op orde", "Op basis van de antwoorden geen aandachtspunten."
    else:
        status, reason = "niet beoordeeld", "Hierover zijn nog geen gegevens."
    return ConditionResult(
        id=condition.id,
        title=condition.title,
        description=condition.description,
        status=status,  # type: ignore[arg-type]
        reason=reason,
        findings=[f.id for f in mine],
    )


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
