"""The knowledge base as typed data, loaded from the YAML files in ``knowledge/``.

The YAML is the reviewable source of truth (Dutch texts, stable ids, verbatim
quotes pinned to a source document); this module only loads and validates it.
"""

from __future__ import annotations

import functools
import pickle
import re
import typing
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import pydantic
import pydantic_core
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import _cache
from ._errors import KnowledgeBaseError

Status = Literal["stable", "experimental", "deprecated"]
Severity = Literal["hoog", "midden", "laag"]
SEVERITY_WEIGHT: dict[str, int] = {"hoog": 3, "midden": 2, "laag": 1}
SEVERITY_NAME: dict[int, str] = {weight: name for name, weight in SEVERITY_WEIGHT.items()} | {0: "geen"}

KNOWLEDGE_PACKAGE = "samenwerkwijzer.knowledge"
#: Each rule concern's folder holds the findings its rules diagnose and its suppression sentences.
RULES_PACKAGE = "samenwerkwijzer.rules"


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

    @model_validator(mode="after")
    def _roles(self) -> Finding:
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
    references: tuple[Reference, ...] = Field(min_length=1)


class Ranking(_K):
    urgent: tuple[UrgentFinding, ...] = ()
    criteria: tuple[RankingCriterion, ...]
    sequences: tuple[Sequence, ...] = ()
    precedence: tuple[Precedence, ...] = ()
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
    def _roles(self) -> Intervention:
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
    def _roles(self) -> SuppressionReason:
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


class Catalogue(_K):
    sources: tuple[Source, ...]
    conditions: tuple[Condition, ...]
    tiers: tuple[Tier, ...]
    findings: tuple[Finding, ...]
    interventions: tuple[Intervention, ...]
    thermometer: Thermometer
    thresholds: tuple[Threshold, ...]
    questions: tuple[Question, ...] = ()
    suppressions: tuple[SuppressionReason, ...] = ()
    ranking: Ranking
    statements: tuple[Statement, ...] = ()
    bands: BandScale
    signals: tuple[Signal, ...] = ()

    @functools.cached_property
    def signal(self) -> dict[str, Signal]:
        return {s.id: s for s in self.signals}

    @functools.cached_property
    def statement(self) -> dict[str, Statement]:
        return {s.id: s for s in self.statements}

    @functools.cached_property
    def suppression(self) -> dict[tuple[str, str], SuppressionReason]:
        """The suppression sentences by (rule id, intervention id)."""
        return {(s.rule, s.intervention): s for s in self.suppressions}

    def suppression_reason(self, rule_id: str, intervention: str) -> str:
        """The Dutch sentence for rule ``rule_id`` withholding ``intervention``."""
        found = self.suppression.get((rule_id, intervention))
        if found is None:
            raise KnowledgeBaseError(
                f"rule {rule_id} suppresses {intervention}, but its concern's suppressions.yaml has no sentence for it"
            )
        return found.reason

    @functools.cached_property
    def question(self) -> dict[str, Question]:
        """The question for each fact (the catalogue has one per fact)."""
        return {q.fact: q for q in self.questions}

    @functools.cached_property
    def asked_question(self) -> dict[str, str]:
        """The Dutch question for each fact that one question asks; a fact computed from the partner list or
        the respondents is no one question."""
        return {f: q.question for f, q in self.question.items() if q.field.startswith(("context.", "observations."))}

    @functools.cached_property
    def finding(self) -> dict[str, Finding]:
        return {f.id: f for f in self.findings}

    @functools.cached_property
    def intervention(self) -> dict[str, Intervention]:
        return {i.id: i for i in self.interventions}

    @functools.cached_property
    def condition(self) -> dict[str, Condition]:
        return {c.id: c for c in self.conditions}

    @functools.cached_property
    def tier_rank(self) -> dict[str, int]:
        return {t.id: n for n, t in enumerate(self.tiers)}

    @functools.cached_property
    def source(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @functools.cached_property
    def threshold(self) -> dict[str, int]:
        return {t.id: t.value for t in self.thresholds}

    @functools.cached_property
    def climate_level(self) -> dict[str, ThermometerLevel]:
        return {level.id: level for level in self.thermometer.levels}

    @functools.cached_property
    def sign_level(self) -> dict[str, str]:
        return {s.id: level.id for level in self.thermometer.levels for s in level.signs}

    @functools.cached_property
    def sign_label(self) -> dict[str, str]:
        return {s.id: s.label for level in self.thermometer.levels for s in level.signs}

    def references(self) -> list[tuple[str, Reference]]:
        """Every reference in the catalogue, with the id of the item that cites it."""
        out: list[tuple[str, Reference]] = []
        for group in (self.conditions, self.tiers, self.findings, self.interventions, self.thresholds):
            for item in group:
                out.extend((item.id, ref) for ref in item.references)
        for level in self.thermometer.levels:
            out.extend((level.id, ref) for ref in level.references)
            out.extend(
                (sign.id, Reference(source=sign.source, locator=level.title, quote=sign.quote)) for sign in level.signs
            )
        for suppression in self.suppressions:
            out.extend((f"suppression {suppression.key}", ref) for ref in suppression.references)
        for statement in self.statements:
            out.extend((f"statement {statement.id}", ref) for ref in statement.references)
        for urgent in self.ranking.urgent:
            out.extend((f"ranking urgent {urgent.finding}", ref) for ref in urgent.references)
        for sequence in self.ranking.sequences:
            out.extend((f"ranking {sequence.id}", ref) for ref in sequence.references)
        for precedence in self.ranking.precedence:
            out.extend((f"ranking {precedence.id}", ref) for ref in precedence.references)
        return out


# The knowledge, the rule examples and the panel are our own, trusted data: parse them with libyaml when present.
FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(name: str) -> Any:
    path = resources.files(KNOWLEDGE_PACKAGE) / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read knowledge/{name}: {exc}") from exc


def _read_list(name: str) -> Any:
    """Every ``name/*.yaml`` in file-name order (the interventions, one file per tier)."""
    items: list[Any] = []
    folder = resources.files(KNOWLEDGE_PACKAGE) / name
    for part in sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name):
        items += _read_yaml(f"{name}/{part.name}") or []
    return items


def _read_concerns(name: str) -> Any:
    """``rules/<concern>/<name>`` of every concern, in the concerns' name order: the findings a concern's
    rules diagnose and its suppression sentences live beside its rules."""
    items: list[Any] = []
    for folder in sorted(resources.files(RULES_PACKAGE).iterdir(), key=lambda p: p.name):
        path = folder / name
        if not path.is_file():
            continue
        try:
            items += yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER) or []  # noqa: S506 (safe loader)
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeBaseError(f"cannot read rules/{folder.name}/{name}: {exc}") from exc
    return items


def read_source_text(source_id: str) -> str:
    """The text of a shipped source document."""
    path = resources.files(KNOWLEDGE_PACKAGE) / "sources" / source_id
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeBaseError(f"source document {source_id} is not shipped: {exc}") from exc


_LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=\w)")
_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str, *, keep_break_hyphens: bool = False) -> str:
    """Collapse whitespace and undo hyphenation at line breaks (PDF extraction),
    the only liberties a quote may take with its source."""
    text = _LINE_BREAK_HYPHEN.sub("-" if keep_break_hyphens else "", text)
    return _WHITESPACE.sub(" ", text).strip()


@functools.cache
def _normalised_source(source_id: str, keep_break_hyphens: bool) -> str:
    return normalise_text(read_source_text(source_id), keep_break_hyphens=keep_break_hyphens)


def quote_is_in_source(reference: Reference) -> bool:
    quote = normalise_text(reference.quote)
    # A hyphen at a line break is usually hyphenation, but sometimes a real
    # compound ("publiek-\nprivaat"): accept the quote under either reading.
    return any(quote in _normalised_source(reference.source, keep) for keep in (False, True))


def _check_invariants(cat: Catalogue) -> None:
    problems: list[str] = []
    groups: dict[str, tuple[Any, ...]] = {
        "sources": cat.sources,
        "conditions": cat.conditions,
        "tiers": cat.tiers,
        "findings": cat.findings,
        "interventions": cat.interventions,
        "thermometer levels": cat.thermometer.levels,
        "thresholds": cat.thresholds,
        "signs": tuple(s for level in cat.thermometer.levels for s in level.signs),
    }
    seen: dict[str, str] = {}
    for group, items in groups.items():
        for item in items:
            if item.id in seen:
                problems.append(f"duplicate id {item.id!r} in {group} (also in {seen[item.id]})")
            seen[item.id] = group
    facts = Counter(q.fact for q in cat.questions)
    problems += [f"two questions for fact {f}" for f in sorted(f for f, n in facts.items() if n > 1)]
    for q in cat.questions:
        stray = sorted(set(q.answer.labels) - set(q.answer.options))
        if stray:
            problems.append(f"the question for {q.fact} labels options it does not have: {', '.join(stray)}")
    for finding in cat.findings:
        if finding.condition not in cat.condition:
            problems.append(f"finding {finding.id} names unknown condition {finding.condition!r}")
    for intervention in cat.interventions:
        if intervention.tier not in cat.tier_rank:
            problems.append(f"intervention {intervention.id} names unknown tier {intervention.tier!r}")
    keys = Counter(s.key for s in cat.suppressions)
    problems += [f"two suppression sentences for {k}" for k in sorted(k for k, n in keys.items() if n > 1)]
    for suppression in cat.suppressions:
        if suppression.intervention not in cat.intervention:
            problems.append(f"suppression {suppression.key} names unknown intervention {suppression.intervention!r}")
    for owner, ref in cat.references():
        if ref.source not in cat.source:
            problems.append(f"{owner} cites unknown source {ref.source!r}")
    problems += _ranking_problems(cat)
    problems += _statement_problems(cat)
    problems += _signal_problems(cat)
    severities = [level.severity for level in cat.thermometer.levels]
    if severities != sorted(set(severities)):
        problems.append("thermometer levels must be listed from coolest to hottest")
    if problems:
        raise KnowledgeBaseError("knowledge base is inconsistent: " + "; ".join(problems))


STATEMENT_CONDITIONS = ("klimaat", "resultaten")


def _statement_problems(cat: Catalogue) -> list[str]:
    """Each statement belongs to a condition, sets fields of the observations, and follows up with questions
    the catalogue has; no field is set by two statements (the reading of a score would be ambiguous)."""
    problems: list[str] = []
    ids = Counter(s.id for s in cat.statements)
    problems += [f"two statements with id {i}" for i, n in sorted(ids.items()) if n > 1]
    fields = {q.field for q in cat.questions}
    set_by: dict[str, str] = {}
    for st in cat.statements:
        if st.condition not in cat.condition and st.condition not in STATEMENT_CONDITIONS:
            problems.append(f"statement {st.id} names unknown condition {st.condition!r}")
        for field in st.sets:
            if not field.startswith("observations."):
                problems.append(f"statement {st.id} sets {field}, which is not an observation")
            if field in set_by and field != "observations.climate.signs":
                problems.append(f"statements {set_by[field]} and {st.id} both set {field}")
            set_by.setdefault(field, st.id)
        problems += [
            f"statement {st.id} follows up with {f}, which no question asks" for f in st.follow_up if f not in fields
        ]
    return problems


def _signal_problems(cat: Catalogue) -> list[str]:
    """Each signal sets a field a question asks, to one of that question's answers (yes or no for a yes/no
    question); ids are unique."""
    problems = [f"two signals with id {i}" for i, n in sorted(Counter(s.id for s in cat.signals).items()) if n > 1]
    by_field = {q.field: q for q in cat.questions}
    for signal in cat.signals:
        question = by_field.get(signal.field)
        if question is None:
            problems.append(f"signal {signal.id} sets {signal.field}, which no question asks")
            continue
        answer = question.answer
        if answer.type == "boolean":
            fits = isinstance(signal.value, bool)
        elif answer.type == "multiple":
            fits = isinstance(signal.value, list) and set(signal.value) <= set(answer.options)
        else:
            fits = signal.value in answer.options
        if not fits:
            problems.append(
                f"signal {signal.id} sets {signal.field} to {signal.value!r}, not an answer of its question"
            )
    return problems


def _ranking_problems(cat: Catalogue) -> list[str]:
    """``knowledge/ranking.yaml`` names only what exists, and every criterion once."""
    r = cat.ranking
    problems = [f"ranking: unknown urgent finding {u.finding!r}" for u in r.urgent if u.finding not in cat.finding]
    ids = [c.id for c in r.criteria]
    if sorted(ids) != sorted(typing.get_args(Criterion)):
        problems.append(f"ranking: the criteria must each be listed once, not {ids}")
    named = [(s.id, i) for s in r.sequences for i in s.steps]
    named += [(p.id, i) for p in r.precedence for i in (*p.before, *p.after)]
    problems += [f"ranking {owner}: unknown intervention {i!r}" for owner, i in named if i not in cat.intervention]
    situations = [(p.id, p.when_any) for p in r.precedence] + [(s.id, s.when_any) for s in r.sequences]
    problems += [
        f"ranking {owner}: unknown finding {f!r}" for owner, when in situations for f in when if f not in cat.finding
    ]
    problems += [
        f"ranking {p.id}: unknown tier {t!r}" for p in r.precedence for t in p.after_tiers if t not in cat.tier_rank
    ]
    steps = [i for s in r.sequences for i in s.steps]
    problems += [f"ranking: {i} is a step of two sequences" for i, n in sorted(Counter(steps).items()) if n > 1]
    packages = {p.id for p in r.situational.packages} if r.situational else set()
    problems += [
        f"finding {f.id}: unknown package {f.package!r} (knowledge/ranking.yaml, situational)"
        for f in cat.findings
        if f.package is not None and f.package not in packages
    ]
    problems += [
        f"ranking: urgent finding {u.finding} rests on the situation (package), not on an observed problem"
        for u in r.urgent
        if u.finding in cat.finding and cat.finding[u.finding].package is not None
    ]
    return problems


@functools.cache
def load_catalogue() -> Catalogue:
    """Load and check the shipped knowledge base (cached per process and, as
    validated, between processes: see ``_cache``)."""
    if not _cache.enabled():
        return _validated_catalogue()
    key = _cache.fingerprint(
        "catalogue",
        pydantic.VERSION,
        pydantic_core.__version__,
        yaml.__version__,
        packages=[KNOWLEDGE_PACKAGE, RULES_PACKAGE],
        files=[Path(__file__)],  # the models the entry is made of
    )
    cached = _cached_catalogue(_cache.read("catalogue", key))
    if cached is not None:
        return cached
    cat = _validated_catalogue()
    _cache.write("catalogue", key, pickle.dumps(cat, protocol=pickle.HIGHEST_PROTOCOL))
    return cat


def _cached_catalogue(data: bytes | None) -> Catalogue | None:
    if data is None:
        return None
    try:
        # The entry is the user's own and private (_cache.read checks), made by
        # this code from the same files: the fingerprint says so.
        cat = pickle.loads(data)  # noqa: S301
    except Exception:  # a corrupt entry is rebuilt
        return None
    return cat if isinstance(cat, Catalogue) else None


def _validated_catalogue() -> Catalogue:
    try:
        cat = Catalogue(
            sources=_read_yaml("sources.yaml"),
            conditions=_read_yaml("conditions.yaml"),
            tiers=_read_yaml("tiers.yaml"),
            findings=_read_concerns("findings.yaml"),
            interventions=_read_list("interventions"),
            thermometer=_read_yaml("thermometer.yaml"),
            thresholds=_read_yaml("thresholds.yaml"),
            questions=_read_yaml("questions.yaml"),
            suppressions=_read_concerns("suppressions.yaml"),
            ranking=_read_yaml("ranking.yaml"),
            statements=_read_yaml("statements.yaml"),
            bands=_read_yaml("bands.yaml"),
            signals=_read_yaml("signals.yaml"),
        )
    except ValidationError as exc:
        raise KnowledgeBaseError(f"knowledge base does not match its schema: {exc}") from exc
    _check_invariants(cat)
    return cat


__all__ = [
    "FAST_LOADER",
    "KNOWLEDGE_PACKAGE",
    "SEVERITY_NAME",
    "SEVERITY_WEIGHT",
    "STATEMENT_CONDITIONS",
    "Answer",
    "Band",
    "BandScale",
    "Catalogue",
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
    "load_catalogue",
    "normalise_text",
    "quote_is_in_source",
    "read_source_text",
]
