"""The knowledge base as one typed :class:`Catalogue`, loaded from ``knowledge/`` and the rule concerns.

The YAML is the reviewable source of truth (Dutch texts, stable ids, verbatim
quotes pinned to a source document); this module only loads and validates it:
the item types are the vocabulary in ``_vocabulary``, the source documents'
text and the quote check are in ``_source_text``.
"""

from __future__ import annotations

import functools
import pickle
import typing
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from . import _cache, _vocabulary
from ._errors import KnowledgeBaseError
from ._source_text import KNOWLEDGE_PACKAGE
from ._vocabulary import (
    BandScale,
    Condition,
    Criterion,
    Finding,
    Intervention,
    Question,
    Ranking,
    Reference,
    Signal,
    Source,
    Statement,
    SuppressionReason,
    Thermometer,
    ThermometerLevel,
    Threshold,
    Tier,
)

#: Each rule concern's folder holds the findings its rules diagnose and its suppression sentences.
RULES_PACKAGE = "samenwerkwijzer.rules"


class Catalogue(BaseModel):
    """The whole knowledge base, with look-ups by id."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # as the vocabulary's items

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
    def problem_of(self) -> dict[str, str]:
        """Findings the ranking model calls one problem seen from several sides (``same_problem``): each such
        finding to the group's first, which stands for the problem. A finding not in a group stands for itself."""
        return {f: group.findings[0] for group in self.ranking.same_problem for f in group.findings}

    @functools.cached_property
    def signal(self) -> dict[str, Signal]:
        return {s.id: s for s in self.signals}

    @functools.cached_property
    def statement(self) -> dict[str, Statement]:
        return {s.id: s for s in self.statements}

    @functools.cached_property
    def statement_sets(self) -> dict[str, tuple[tuple[tuple[str, Any], ...], ...]]:
        """Per statement and score (from one), the fields the score sets and their values, those it leaves
        open (None) left out: what reading every respondent's scores looks up."""
        return {
            s.id: tuple(
                tuple((field, values[n]) for field, values in s.sets.items() if values[n] is not None)
                for n in range(len(next(iter(s.sets.values()))))
            )
            for s in self.statements
        }

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
    def condition_rank(self) -> dict[str, int]:
        """Each condition's place in the catalogue's order."""
        return {c.id: n for n, c in enumerate(self.conditions)}

    @functools.cached_property
    def intervention_rank(self) -> dict[str, int]:
        """Each intervention's place in the catalogue's order (the ranking's last criterion)."""
        return {i.id: n for n, i in enumerate(self.interventions)}

    @functools.cached_property
    def urgent_findings(self) -> frozenset[str]:
        """The findings the ranking model calls urgent."""
        return frozenset(u.finding for u in self.ranking.urgent)

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
        for same in self.ranking.same_problem:
            out.extend((f"ranking {same.id}", ref) for ref in same.references)
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
    situations += [(g.id, g.findings) for g in r.same_problem]
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
    # The collaboration's own question is no observed problem: it ranks with the situation's advice, so every check
    # that tells observed problems by `package is None` leaves it out.
    problems += [f"finding {f.id}: asked, but names no package" for f in cat.findings if f.asked and f.package is None]
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
    key = catalogue_key()
    cached = _cached_catalogue(_cache.read("catalogue", key))
    if cached is not None:
        return cached
    cat = _validated_catalogue()
    _cache.write("catalogue", key, pickle.dumps(cat, protocol=pickle.HIGHEST_PROTOCOL))
    return cat


@functools.cache
def catalogue_key() -> str:
    """The knowledge base's cache key: the knowledge and the rules' files, the models the entry is made of and the
    versions of what reads them (other caches derived from the knowledge base build on it)."""
    return _cache.fingerprint(
        "catalogue",
        pydantic.VERSION,
        pydantic_core.__version__,
        yaml.__version__,
        packages=[KNOWLEDGE_PACKAGE, RULES_PACKAGE],
        files=[Path(__file__), Path(_vocabulary.__file__)],  # the models the entry is made of
    )


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
    "RULES_PACKAGE",
    "STATEMENT_CONDITIONS",
    "Catalogue",
    "catalogue_key",
    "load_catalogue",
]
