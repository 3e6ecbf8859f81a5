"""The result of a diagnosis: self-contained, so that rendering and
integrators need nothing but this object (all Dutch texts and quotes are in it).
"""

# No ``from __future__ import annotations`` here: the models' annotations are evaluated as each class is made, so
# pydantic need not evaluate them again from strings (an eighth of making these classes at start-up; bench/README.md).
# A class named in its own methods' annotations is written in quotes.

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._vocabulary import Reference, Severity, StepMoment, StepOwner

SCHEMA_VERSION: Literal["1.0"] = "1.0"

FactValue = str | int | bool | list[str]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatementSource(_M):
    """A statement whose score set a fact: the chain statement → score → fact that explanations show."""

    id: str
    text: str
    score: int = Field(ge=1, le=5)
    value: FactValue = Field(description="The value that score gives the fact.")


class Fact(_M):
    """A fact the rules could read: from the case, or derived by a rule."""

    path: str
    label: str = Field(description="Dutch label.")
    value: FactValue
    derived_by: str | None = Field(default=None, description="Rule id, for derived facts.")
    derived_by_name: str | None = Field(default=None, description="The deriving rule's name (its conclusion).")
    derived_by_title: str | None = Field(default=None, description="The deriving rule's Dutch title.")
    because: list[str] = Field([], description="Facts and findings the deriving rule matched.")
    statements: list[StatementSource] = Field(
        default=[], description="The statements whose scores gave this fact (the advisor's own, when given)."
    )
    overrides: list[StatementSource] = Field(
        default=[], description="Statements whose scores said otherwise: the fact the case gives wins over them."
    )


class Reason(_M):
    """One rule firing that supports a conclusion."""

    rule: str
    rule_name: str
    rule_title: str = Field(description="Dutch one-line description of the rule.")
    facts: list[str] = Field(description="Fact paths the rule matched.")
    findings: list[str] = Field(description="Finding ids the rule matched.")


class FindingResult(_M):
    id: str
    title: str
    condition: str
    severity: Severity
    explanation: str
    reasons: list[Reason]
    references: list[Reference]
    package: str | None = Field(
        default=None,
        description="Set when the finding rests on the situation, not on an observed problem: its package of advice.",
    )
    asked: bool = Field(
        default=False,
        description="Set when the finding is the collaboration's own question: a concern it raised, not a problem.",
    )
    covers: list[str] = Field(
        default=[],
        description="For the collaboration's own question: the diagnosed findings that are one problem with it.",
    )


ConditionStatus = Literal["op orde", "aandacht", "zorg", "niet beoordeeld"]


class ConditionResult(_M):
    """One of Common Eye's five conditions: its status, and the findings behind it.

    ``zorg`` when a serious (hoog) finding falls under it, ``aandacht`` for
    other findings, ``op orde`` when the answers decide that its rules find
    nothing, ``niet beoordeeld`` when it answers none or leaves too much open
    (``to_ask`` then lists what to ask)."""

    id: str
    title: str
    description: str
    status: ConditionStatus
    reason: str = Field(description="Dutch sentence explaining the status.")
    findings: list[str]
    to_ask: list[str] = Field(
        default=[], description="Dutch labels of the facts still to ask before it can be called op orde."
    )


class Priority(_M):
    """The key an intervention is ranked by (knowledge/ranking.yaml), in order
    of weight: urgency, the severity of the most serious finding behind it, the
    tier (de-escalation before regie before content before form), whether a
    rule gives it as its main advice (position 0) or as support, the number of
    independent reasons, the condition it serves, its place in the knowledge.
    Sequences, precedence and one-per-problem then place it."""

    tier_rank: int
    max_severity: int
    reason_count: int
    position: int
    urgent: bool = Field(default=False, description="It serves a finding knowledge/ranking.yaml calls urgent.")
    situational: bool = Field(
        default=False,
        description="Every finding behind it rests on the situation (a package), none on an observed problem.",
    )
    condition_rank: int = Field(default=0, description="Place of the condition of its most serious finding.")
    catalogue_rank: int = Field(default=0, description="Place of the intervention in the knowledge (last tiebreak).")


class PlannedStep(_M):
    """A first step with who takes it and when, as the knowledge gives them."""

    step: str
    owner: StepOwner
    when: StepMoment


class RecommendedIntervention(_M):
    rank: int
    id: str
    title: str
    tier: str
    tier_title: str
    description: str
    first_steps: list[str]
    plan: list[PlannedStep] = Field(default=[], description="The first steps that carry an owner and a moment.")
    references: list[Reference]
    reasons: list[Reason]
    priority: Priority
    placed_by: str = Field(default="", description="Dutch: what decided this place in the ranking.")
    serves_with: str | None = Field(
        default=None, description="Id of the intervention above whose problem this one also serves: its 'how'."
    )
    sequence: str | None = Field(default=None, description="Dutch title of the source's sequence it is a step of.")


class Suppression(_M):
    rule: str
    rule_title: str
    reason: str = Field(description="Dutch sentence why the intervention is not advised.")
    findings: list[str]


class SuppressedIntervention(_M):
    id: str
    title: str
    recommended_by: list[Reason]
    suppressed_by: list[Suppression]


class PartnerSummary(_M):
    name: str
    kind: str
    roles: list[str]


class ObservedSign(_M):
    id: str
    label: str = Field(description="Dutch label from the thermometer.")
    level: str


class CaseSummary(_M):
    name: str
    description: str | None
    addressee: str | None
    advisor: str | None
    advisor_organisation: str | None
    letter_date: date
    letter_place: str | None = None
    domain: str | None
    partners: list[PartnerSummary]
    climate_signs: list[ObservedSign]


class ViewCount(_M):
    value: str = Field(description="The answer, as a trainer reads it.")
    count: int
    respondents: list[str] = Field(description="Who gave it; empty unless the case allows naming them.")


class DivergenceResult(_M):
    """A question on which the respondents (and the advisor) answered differently.

    ``views`` count the respondents only, one view per answer (an answer that
    lists several items, such as the signs observed, counts per item);
    ``advisor`` is the advisor's own answer, counted apart."""

    path: str
    label: str
    views: list[ViewCount]
    respondents: int = Field(default=0, description="How many respondents answered this question.")
    advisor: str | None = Field(default=None, description="The advisor's own answer, apart from the respondents'.")


BandId = Literal["sterk", "aandacht", "zorg", "niet beoordeeld"]


class StatementResult(_M):
    """One statement of the instrument, scored by the voices of the case. The respondents' figures
    (``respondents_mean``, ``respondents``, ``spread``) are given only when at least three respondents
    scored it, so that no one respondent's answer can be read from them."""

    id: str
    text: str
    condition: str
    advisor: int | None = Field(description="The advisor's own score (1–5), shown apart from the respondents.")
    respondents: int = Field(description="How many respondents scored it (0 when fewer than three did).")
    respondents_mean: float | None = None
    spread: int | None = Field(default=None, description="Highest minus lowest respondent score.")
    differ: bool = Field(default=False, description="Respondents differ by the divergence points or more.")


class BandResult(_M):
    """A condition (or the climate, or the results) as a band from the mean of its statements over
    every voice, with the number of voices; *niet beoordeeld* below the minimum of answered statements."""

    id: str
    title: str
    band: BandId
    mean: float | None
    voices: int
    answered: int = Field(description="How many of its statements have at least one score.")
    statements: int = Field(description="How many statements it has.")


class SourceDocument(_M):
    id: str
    title: str
    short: str = Field(description="Short name for an inline marker, e.g. 'Common Eye'.")
    publisher: str
    year: int | None


class CaseSentence(_M):
    """A sentence of the letter that states the case, with what it rests on."""

    text: str
    rests_on: list[str] = Field(
        description=(
            "Fact paths, finding ids, 'description' (the case's own text), 'statements.<id>' (a statement as"
            " scored) or the intervention it opens."
        )
    )


class LetterBasis(_M):
    """The letter's sentences about the case, for the default three priorities:
    the kernboodschap, the picture (Het beeld) and each intervention's Waarom nu,
    each sentence with the facts, findings or description it rests on."""

    core: list[CaseSentence]
    picture: list[CaseSentence]
    why: dict[str, list[CaseSentence]] = Field(description="Intervention id -> its Waarom nu, one reason each.")


class Timing(_M):
    """When things are due, decided in diagnose so that no template reasons
    about dates or thresholds."""

    urgent: bool = Field(
        default=False, description="An intervention serves a finding knowledge/ranking.yaml calls urgent."
    )
    months_left: int | None = Field(default=None, description="Months until the subsidy ends.")
    subsidy_end: date | None = Field(default=None, description="The day the subsidy ends.")
    end_date_given: bool = Field(default=False, description="The case gives the end date itself (else it is counted).")
    within_horizon: bool = Field(
        default=False, description="The subsidy ends within the threshold subsidy_horizon_months."
    )
    budget_request_by: date | None = Field(
        default=None,
        description="Where a municipality pays: the day a request must be in to reach its budget cycle in time "
        "for money from the subsidy's end (the voorjaarsnota for an end in the second half of a year, else "
        "the begroting of the year before).",
    )


class Advice(_M):
    """Findings and prioritised, cited interventions for one case."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    generator: str
    reference_date: date = Field(description="Date the subsidy months were counted from.")
    case: CaseSummary
    facts: list[Fact]
    conditions: list[ConditionResult]
    findings: list[FindingResult]
    interventions: list[RecommendedIntervention]
    suppressed: list[SuppressedIntervention]
    divergences: list[DivergenceResult] = Field(
        default=[], description="Where respondents see the collaboration differently."
    )
    sources: list[SourceDocument] = Field(description="The documents the advice cites.")
    profile: list[BandResult] = Field(default=[], description="The conditions in bands, from the statements.")
    statements: list[StatementResult] = Field(default=[], description="The statements the voices scored.")
    timing: Timing = Field(default=Timing(), description="Urgency, the subsidy's end and the deadlines it sets.")
    letter: LetterBasis | None = Field(
        default=None, description="What the letter says about the case, sentence by sentence, and what each rests on."
    )

    @model_validator(mode="after")
    def _consistent(self) -> "Advice":
        """What one part names, another holds: an advice made or edited by hand is refused here, with the
        first inconsistency, instead of failing in a renderer or an explanation."""
        problem = _inconsistency(self)
        if problem is not None:
            raise ValueError(f"the advice is inconsistent: {problem}")
        return self

    def fact(self, path: str) -> FactValue | None:
        """The value of a fact by path, or None when it is not known."""
        for f in self.facts:
            if f.path == path:
                return f.value
        return None


def _inconsistency(advice: Advice) -> str | None:
    """The first thing ``advice`` names that it does not hold (or holds twice, or cannot be), or None."""
    from typing import get_args

    from ._case_types import ALL_ROLES, PartnerKind
    from ._facts import FACT_DOMAINS

    sources = {s.id for s in advice.sources}
    findings = {f.id: f for f in advice.findings}
    facts = {f.path: f for f in advice.facts}
    for kind, ids in (
        ("source", [s.id for s in advice.sources]),
        ("finding", [f.id for f in advice.findings]),
        ("fact", [f.path for f in advice.facts]),
        ("condition", [c.id for c in advice.conditions]),
        ("intervention", [i.id for i in advice.interventions]),
    ):
        if len(set(ids)) != len(ids):
            return f"a {kind} id is listed twice"
    reasons = [r for f in advice.findings for r in f.reasons] + [r for i in advice.interventions for r in i.reasons]
    reasons += [r for s in advice.suppressed for r in s.recommended_by]
    named_findings = [f for c in advice.conditions for f in c.findings] + [f for r in reasons for f in r.findings]
    named_findings += [f for s in advice.suppressed for x in s.suppressed_by for f in x.findings]
    for finding_id in named_findings:
        if finding_id not in findings:
            return f"finding {finding_id!r} is named but not listed"
    named_facts = [p for r in reasons for p in r.facts] + [p for f in advice.facts for p in f.because]
    for path in named_facts:
        if not path.startswith("F-") and path not in facts:
            return f"fact {path!r} is named but not listed"
        if path.startswith("F-") and path not in findings:
            return f"finding {path!r} is named but not listed"
    for finding in advice.findings:
        if not finding.reasons:
            return f"finding {finding.id!r} has no reason"
    for fact in advice.facts:
        if fact.derived_by is not None and fact.path in fact.because:
            return f"fact {fact.path!r} is derived from itself"
    references = [r for f in advice.findings for r in f.references] + [
        r for i in advice.interventions for r in i.references
    ]
    for reference in references:
        if reference.source not in sources:
            return f"source {reference.source!r} is cited but not listed"
    for fact in advice.facts:
        domain = FACT_DOMAINS.get(fact.path)
        if isinstance(domain, tuple) and fact.value not in domain:
            return f"fact {fact.path!r} has a value it cannot take"
    if any(role not in ALL_ROLES for role in _as_list(advice.fact("network.missing_roles"))):
        return "fact 'network.missing_roles' names a role that does not exist"
    kinds = get_args(PartnerKind)
    for partner in advice.case.partners:
        if partner.kind not in kinds or any(role not in ALL_ROLES for role in partner.roles):
            return f"partner {partner.name!r} has a kind or role that does not exist"
    return None


def _as_list(value: FactValue | None) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


__all__ = [
    "SCHEMA_VERSION",
    "Advice",
    "BandId",
    "BandResult",
    "CaseSummary",
    "ConditionResult",
    "ConditionStatus",
    "DivergenceResult",
    "Fact",
    "FactValue",
    "FindingResult",
    "ObservedSign",
    "PartnerSummary",
    "PlannedStep",
    "Priority",
    "Reason",
    "RecommendedIntervention",
    "SourceDocument",
    "StatementResult",
    "StatementSource",
    "SuppressedIntervention",
    "Suppression",
    "Timing",
    "ViewCount",
]
