"""The knowledge base's vocabulary: the typed items of ``knowledge/`` and the rule concerns' YAML.

These pydantic models are what the YAML is checked against, and they are also the result model's
words (an advice cites a :class:`Reference`, ranks by :data:`Severity`, plans a :data:`StepMoment`).
The whole :class:`~._catalogue.Catalogue` and its loading live in ``_catalogue``.
"""

# No ``from __future__ import annotations`` here: the models' annotations are evaluated as each class is made, so
# pydantic need not evaluate them again from strings (an eighth of making these classes at start-up; bench/README.md).
# A class named in its own methods' annotations is written in quotes.

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Status = Literal["stable", "experimental", "deprecated"]
Severity = Literal["hoog", "midden", "laag"]
SEVERITY_WEIGHT: dict[str, int] = {"hoog": 3, "midden": 2, "laag": 1}
SEVERITY_NAME: dict[int, str] = {weight: name for name, weight in SEVERITY_WEIGHT.items()} | {0: "geen"}


class _K(BaseModel):
    # defer_build: a run that finds the catalogue in the cache (see load_catalogue)
    # never validates one, so it need not build the validators at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


ReferenceRole = Literal["advies", "illustratie", "signaal"]
Sector = Literal["onderwijs", "zorg", "wonen", "bedrijfsleven"]


class Fits(_K):
    """Where a passage fits: a school passage in a school case, a hospital one in care.
    Every key given must hold for the case; a passage without ``fits`` fits any case."""

    sector: Sector | None = Field(default=None, description="A sector one of the partners works in.")
    climate: tuple[Literal["vriendschappelijk", "waakzaam", "onenigheid", "conflict"], ...] = Field(
        default=(), description="Climate levels the passage speaks to."
    )


class Reference(_K):
    source: str = Field(description="File name of the source document in knowledge/sources/.")
    locator: str = Field(description="Human-readable place in that document.")
    quote: str = Field(min_length=1, description="Verbatim passage.")
    role: ReferenceRole | None = Field(
        default=None,
        description="advies: gives this advice in general terms; illustratie: a practice example; "
        "signaal: describes the problem. Required for findings, interventions and suppressions.",
    )
    fits: Fits | None = None


def _require_roles(owner: str, references: tuple[Reference, ...]) -> None:
    missing = [r.quote[:40] for r in references if r.role is None]
    if missing:
        raise ValueError(f"{owner}: every reference needs a role (advies, illustratie, signaal): {missing}")


class Source(_K):
    id: str
    title: str
    short: str = Field(description="Short name for an inline marker, e.g. 'Common Eye'.")
    publisher: str
    year: int | None = None
    status: Status = "stable"


class Condition(_K):
    id: str
    title: str
    status: Status
    description: str
    references: tuple[Reference, ...] = ()


class Tier(_K):
    id: str
    title: str
    status: Status
    rationale: str
    references: tuple[Reference, ...] = ()


class Finding(_K):
    id: str
    title: str
    status: Status
    condition: str
    severity: Severity
    explanation: str
    references: tuple[Reference, ...] = Field(min_length=1)
    package: str | None = Field(
        default=None,
        description=(
            "Set when the finding rests on the situation (the kind of collaboration, its phase, the party mix, the "
            "funding, maintenance, results) rather than on an observed problem: the package of "
            "knowledge/ranking.yaml's `situational` it belongs to. Such advice ranks below observed problems."
        ),
    )
    asked: bool = Field(
        default=False,
        description=(
            "Set when the finding is the collaboration's own question (rules/question): no problem of its "
            "condition, and no answer about it assesses one. The letter says it in the case's own words."
        ),
    )

    @model_validator(mode="after")
    def _roles(self) -> "Finding":
        _require_roles(self.id, self.references)
        return self


StepOwner = Literal[
    "trekker", "stuurgroep", "beslisser", "financier", "gemeente", "partners", "eigen_organisatie", "adviseur"
]
StepMoment = Literal["direct", "twee_weken", "volgend_overleg", "maand", "kwartaal", "voor_einde_subsidie"]


class FirstStep(_K):
    """One first step; the letter gives it a moment and an owner drawn from the case
    (``trekker`` reads as the case's trekker, or whoever leads when there is none)."""

    step: str = Field(min_length=1)
    owner: StepOwner | None = None
    when: StepMoment | None = Field(default=None, description="Relative to the letter date or the subsidy's end.")
    finding: str | None = Field(
        default=None,
        description=(
            "The step is the case's own where this finding is among the intervention's reasons: it then comes "
            "first, and it is left out where the finding is not."
        ),
    )


# The ranking's criteria (knowledge/ranking.yaml lists them in the order compared).
Criterion = Literal["urgency", "standing", "severity", "tier", "reasons", "position", "condition", "catalogue"]


class Contradiction(_K):
    """A fact value under which an intervention must not be given (``wijs een
    trekker aan`` when there is one): the fact at ``fact`` is one of ``one_of``."""

    fact: str
    one_of: tuple[Any, ...] = Field(min_length=1)
    why: str = Field(min_length=1, description="English: why the advice would contradict the case.")


class UrgentFinding(_K):
    finding: str
    title: str = Field(description="Dutch: what makes it urgent, completing 'urgent, omdat …'.")
    references: tuple[Reference, ...] = Field(min_length=1)


class RankingCriterion(_K):
    id: Criterion
    title: str
    explains: str = Field(description="Dutch: completes 'Deze interventie staat na X, omdat die …'.")


class Sequence(_K):
    """Steps a source gives as one package, in its order: they stay together
    when one of ``when_any`` is diagnosed (the situation the source speaks of)."""

    id: str
    title: str
    when_any: tuple[str, ...] = Field(min_length=1)
    steps: tuple[str, ...] = Field(min_length=2)
    references: tuple[Reference, ...] = Field(min_length=1)


class Precedence(_K):
    """A documented 'before' relation: when one of ``when_any`` is diagnosed,
    every intervention in ``before`` goes ahead of every intervention in
    ``after`` or in a tier of ``after_tiers``."""

    id: str
    title: str
    when_any: tuple[str, ...] = ()
    before: tuple[str, ...] = Field(min_length=1)
    after: tuple[str, ...] = ()
    after_tiers: tuple[str, ...] = ()
    references: tuple[Reference, ...] = Field(min_length=1)


class Package(_K):
    """A package of advice from the situation (the kind of collaboration, the phase, …)."""

    id: str
    title: str = Field(description="Dutch: what the advice follows from, completing 'volgt uit …'.")


class Situational(_K):
    """Advice from the situation, not from an observed problem: it ranks below observed problems
    (the criterion ``standing``), and of each package one item goes ahead; the others go to the end."""

    packages: tuple[Package, ...] = Field(min_length=1)
    ahead_of_hows_up_to: Literal["laag", "midden", "hoog"] | None = Field(
        default=None,
        description=(
            "The situation's items that go ahead also go before the supporting advice (the 'hows') of observed "
            "problems of at most this severity; None: after every observed problem's hows."
        ),
    )
    references: tuple[Reference, ...] = Field(min_length=1)


class SameProblem(_K):
    """Findings that are one problem seen from several sides: for the rule of one intervention per problem in the
    top, an intervention serving one of them serves them all."""

    id: str
    title: str
    findings: tuple[str, ...] = Field(min_length=2)
    references: tuple[Reference, ...] = Field(min_length=1)


class Ranking(_K):
    urgent: tuple[UrgentFinding, ...] = ()
    criteria: tuple[RankingCriterion, ...]
    sequences: tuple[Sequence, ...] = ()
    precedence: tuple[Precedence, ...] = ()
    same_problem: tuple[SameProblem, ...] = ()
    situational: Situational | None = None


class Intervention(_K):
    id: str
    title: str
    status: Status
    tier: str
    description: str
    first_steps: tuple[FirstStep, ...] = Field(min_length=1)
    references: tuple[Reference, ...] = Field(min_length=1)
    opposes: tuple[str, ...] = Field(
        default=(), description="Interventions that must never be advised together with this one."
    )
    not_when: tuple[Contradiction, ...] = Field(
        default=(), description="Case facts under which it contradicts the case; kb check finds rules advising it then."
    )
    asks_questions: bool = Field(
        default=False, description="The advice is to ask certain questions, so its quotes may be questions."
    )

    @field_validator("first_steps", mode="before")
    @classmethod
    def _plain_steps(cls, steps: Any) -> Any:
        """A step without owner and moment may be written as plain text."""
        return [{"step": s} if isinstance(s, str) else s for s in steps] if isinstance(steps, list) else steps

    @model_validator(mode="after")
    def _roles(self) -> "Intervention":
        _require_roles(self.id, self.references)
        return self


class SuppressionReason(_K):
    """Why a rule deliberately withholds an intervention: the Dutch sentence the
    letter and the explanations give. Keyed by the rule and the intervention
    (both stable ids); ``rules/*.py`` only say ``Suppress(intervention)``."""

    rule: str = Field(description="Id of the rule whose Suppress this sentence explains.")
    intervention: str = Field(description="Id of the intervention the rule withholds.")
    status: Status
    reason: str = Field(min_length=1, description="The Dutch sentence shown to the reader.")
    references: tuple[Reference, ...] = ()

    @model_validator(mode="after")
    def _roles(self) -> "SuppressionReason":
        _require_roles(self.key, self.references)
        return self

    @property
    def key(self) -> str:
        return f"{self.rule}/{self.intervention}"


class Sign(_K):
    id: str
    label: str
    source: str
    quote: str


class ThermometerLevel(_K):
    id: str
    title: str
    severity: int
    status: Status
    recognise: str
    references: tuple[Reference, ...] = ()
    signs: tuple[Sign, ...] = ()


class Thermometer(_K):
    levels: tuple[ThermometerLevel, ...]


class Threshold(_K):
    id: str
    title: str
    value: int
    status: Status
    rationale: str
    references: tuple[Reference, ...] = ()


class Answer(_K):
    type: Literal["boolean", "integer", "choice", "multiple"]
    options: tuple[str, ...] = ()
    labels: dict[str, str] = Field(
        default={}, description="How each option reads to the advisor (Dutch), where its value is not plain Dutch."
    )
    minimum: int | None = None


class Question(_K):
    """How an advisor asks for a fact (the intake uses these)."""

    fact: str = Field(description="The fact path the rules read.")
    field: str = Field(description="Where the answer goes in a case file.")
    question: str
    answer: Answer
    help: str = Field(description="Why it matters, shown when the advisor asks why.")


class Signal(_K):
    """A situation of the advisor's checklist (knowledge/signals.yaml): ticked, it sets ``field`` to ``value``."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    field: str
    value: Any
    label: str


class Band(_K):
    id: Literal["sterk", "aandacht", "zorg"]
    title: str
    minimum: float = Field(ge=1, le=5)


class BandScale(_K):
    """How a mean score reads as a band (knowledge/bands.yaml), with the instrument it follows."""

    basis: str
    minimum_statements: int = Field(ge=1)
    divergence_points: int = Field(ge=1, le=4)
    bands: tuple[Band, ...] = Field(min_length=1)

    def band(self, mean: float) -> Band:
        """The band of ``mean``: the first (highest) whose minimum it reaches."""
        return next((b for b in sorted(self.bands, key=lambda b: -b.minimum) if mean >= b.minimum), self.bands[-1])


class Statement(_K):
    """One statement of the instrument: read by the advisor and by every respondent alike, scored on a
    five-point scale (1 helemaal oneens … 5 helemaal eens, or *weet ik niet*), and read into facts as data.

    ``sets`` maps a case field (``observations.<section>.<name>``) to the value each score gives it, for
    scores 1 to 5 in order (``null``: the score says nothing about that field); a list field gets the items
    of a list value added. ``follow_up`` are the fields whose questions the intake asks when the statement
    is scored 1, 2 or 3 (``follow_up_on: high``: 4 or 5); the other scores close them."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Stable key in a case file's ``statements``.")
    condition: str = Field(description="The condition of knowledge/conditions.yaml, or 'klimaat' or 'resultaten'.")
    text: str = Field(description="The statement, in plain Dutch; it reads right for the advisor and a partner.")
    help: str = Field(description="What the statement is about, in plain words (shown to respondents too).")
    sets: dict[str, tuple[Any, Any, Any, Any, Any]] = Field(min_length=1)
    follow_up: tuple[str, ...] = ()
    follow_up_on: Literal["low", "high"] = Field(
        default="low",
        description="low: the follow-ups are asked when the statement scores 1 to 3 (a problem to specify); "
        "high: when it scores 4 or 5 (what is there needs a closer look, e.g. a trekker's time and mandate).",
    )
    references: tuple[Reference, ...] = Field(min_length=1)


__all__ = [
    "SEVERITY_NAME",
    "SEVERITY_WEIGHT",
    "Answer",
    "Band",
    "BandScale",
    "Condition",
    "Contradiction",
    "Criterion",
    "Finding",
    "FirstStep",
    "Fits",
    "Intervention",
    "Package",
    "Precedence",
    "Question",
    "Ranking",
    "RankingCriterion",
    "Reference",
    "ReferenceRole",
    "Sector",
    "SameProblem",
    "Sequence",
    "Severity",
    "Sign",
    "Signal",
    "Situational",
    "Source",
    "Statement",
    "Status",
    "StepMoment",
    "StepOwner",
    "SuppressionReason",
    "Thermometer",
    "ThermometerLevel",
    "Threshold",
    "Tier",
    "UrgentFinding",
]
