"""The reasoning of one advice told as a story, for a classroom: first the
facts of the case, then one finding at a time (condition by condition, with
the rules that led to it), then the interventions in the order of the advice,
then what was deliberately left out. A list of steps a page or a terminal can
go back and forth in.

Unlike :func:`._trace.steps` (the rules in the order Experta fired them), the
story depends only on the advice, so it is the same in every process.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model._advice import Advice, Fact, FindingResult, Reason
from ..model._catalogue import load_catalogue
from ..wording._dutch import count, number_word, ordinal
from ..wording._labels import option_label

StepKind = Literal["facts", "finding", "intervention", "withheld"]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoryFact(_M):
    path: str
    label: str = Field(description="Dutch: the question asked, or the fact's label.")
    answer: str = Field(description="Dutch: the answer.")
    derived: bool = Field(description="Derived by a rule, not given in the case.")


class StoryRule(_M):
    rule: str
    title: str = Field(description="Dutch title of the rule.")
    uses: list[str] = Field(description="Dutch: what it used (facts with their answer, finding titles).")


class StoryStep(_M):
    number: int = Field(description="1 for the first step.")
    of: int
    kind: StepKind
    id: str | None = Field(description="The finding or intervention id; None for the facts.")
    title: str = Field(description="Dutch heading.")
    text: str = Field(description="Dutch: what the step says, in a sentence or two.")
    facts: list[StoryFact]
    rules: list[StoryRule] = Field(description="From the case facts towards the conclusion.")
    findings: list[str] = Field(description="Dutch titles of the findings it rests on.")


class _Teller:
    def __init__(self, advice: Advice) -> None:
        self.facts = {f.path: f for f in advice.facts}
        self.finding_titles = {f.id: f.title for f in advice.findings}
        self.asked = load_catalogue().asked_question

    def fact(self, f: Fact) -> StoryFact:
        derived = f.derived_by is not None
        label = self.asked.get(f.path) if not derived else None
        if label is None:
            name = f.label
            label = name[:1].upper() + name[1:] + (" (afgeleid)" if derived else "")
        return StoryFact(path=f.path, label=label, answer=option_label(f.path, f.value), derived=derived)

    def uses(self, keys: list[str]) -> list[str]:
        out = []
        for key in keys:
            if key in self.finding_titles:
                out.append(f"bevinding ‘{self.finding_titles[key]}’")
            elif key in self.facts:
                out.append(f"{self.facts[key].label}: {option_label(key, self.facts[key].value)}")
        return out

    def chain(self, reasons: list[Reason]) -> tuple[list[StoryRule], list[StoryFact]]:
        """The rules behind ``reasons``, derivations first, and the facts they read."""
        rules: dict[str, StoryRule] = {}
        facts: dict[str, StoryFact] = {}

        def derivation(path: str) -> None:
            f = self.facts.get(path)
            if f is None or path in facts:
                return
            if f.derived_by is not None and f.derived_by not in rules:
                for key in f.because:
                    derivation(key)
                title = f.derived_by_title or f.derived_by
                rules[f.derived_by] = StoryRule(rule=f.derived_by, title=title, uses=self.uses(f.because))
            facts[path] = self.fact(f)

        for r in reasons:
            for key in r.facts:
                derivation(key)
            rules.setdefault(r.rule, StoryRule(rule=r.rule, title=r.rule_title, uses=self.uses(r.facts + r.findings)))
        return list(rules.values()), list(facts.values())


def _story_findings(advice: Advice) -> list[FindingResult]:
    """Condition by condition (as the profile), most severe first within one;
    a finding another one rests on comes before it."""
    order = {c.id: n for n, c in enumerate(load_catalogue().conditions)}
    ranked = sorted(advice.findings, key=lambda f: order.get(f.condition, len(order)))
    by_id = {f.id: f for f in ranked}
    out: dict[str, FindingResult] = {}
    visiting: set[str] = set()

    def place(f: FindingResult) -> None:
        if f.id in out or f.id in visiting:
            return
        visiting.add(f.id)
        for dep in (d for r in f.reasons for d in r.findings):
            if dep in by_id:
                place(by_id[dep])
        out[f.id] = f

    for f in ranked:
        place(f)
    return list(out.values())


def _facts_text(given: int, read: int) -> str:
    if not given:
        return "De casus geeft nog geen feiten."
    if not read:
        return f"De casus geeft {count(given, 'feit', 'feiten')}; geen regel gebruikt ze."
    return (
        f"De casus geeft {count(given, 'feit', 'feiten')}; de regels lezen er {number_word(read)} van "
        "om tot bevindingen en adviezen te komen."
    )


def story(advice: Advice) -> list[StoryStep]:
    """The advice's reasoning as steps: the facts, each finding, each
    intervention in rank order, and each intervention left out."""
    kb = load_catalogue()
    teller = _Teller(advice)
    conditions = {c.id: c.title for c in kb.conditions}
    tiers = len(kb.tiers)
    drafts: list[dict[str, object]] = []
    used = {k for f in advice.findings for r in f.reasons for k in r.facts}
    used |= {k for i in advice.interventions for r in i.reasons for k in r.facts}
    asked_order = {q.fact: n for n, q in enumerate(kb.questions)}
    given = sorted((f for f in advice.facts if f.derived_by is None), key=lambda f: asked_order.get(f.path, 10**6))
    case_facts = [teller.fact(f) for f in given]
    read = len({p for p in used if p in teller.facts and not teller.facts[p].derived_by})
    drafts.append(
        {
            "kind": "facts",
            "id": None,
            "title": "De feiten uit de casus",
            "text": _facts_text(len(case_facts), read),
            "facts": case_facts,
            "rules": [],
            "findings": [],
        }
    )
    for f in _story_findings(advice):
        rules, facts = teller.chain(f.reasons)
        drafts.append(
            {
                "kind": "finding",
                "id": f.id,
                "title": f"Bevinding: {f.title}",
                "text": f"Onder de conditie ‘{conditions.get(f.condition, f.condition)}’, ernst {f.severity}. "
                + f.explanation,
                "facts": facts,
                "rules": rules,
                "findings": [teller.finding_titles[k] for r in f.reasons for k in r.findings],
            }
        )
    for i in advice.interventions:
        rules, facts = teller.chain(i.reasons)
        behind = list(dict.fromkeys(k for r in i.reasons for k in r.findings))
        tier_rank = i.priority.tier_rank
        drafts.append(
            {
                "kind": "intervention",
                "id": i.id,
                "title": f"Advies {i.rank} van {len(advice.interventions)}: {i.title}",
                "text": f"In de groep ‘{i.tier_title}’ (de {ordinal(tier_rank + 1)} van {number_word(tiers)}). "
                + i.description,
                "facts": facts,
                "rules": rules,
                "findings": [teller.finding_titles[k] for k in behind],
            }
        )
    for s in advice.suppressed:
        rules, facts = teller.chain(s.recommended_by)
        drafts.append(
            {
                "kind": "withheld",
                "id": s.id,
                "title": f"Niet geadviseerd: {s.title}",
                "text": " ".join(x.reason for x in s.suppressed_by),
                "facts": facts,
                "rules": rules
                + [
                    StoryRule(rule=x.rule, title=x.rule_title, uses=teller.uses(x.findings))
                    for x in s.suppressed_by
                    if x.rule not in {r.rule for r in rules}
                ],
                "findings": [teller.finding_titles[k] for x in s.suppressed_by for k in x.findings],
            }
        )
    return [StoryStep(number=n, of=len(drafts), **d) for n, d in enumerate(drafts, start=1)]  # type: ignore[arg-type]


__all__ = ["StoryFact", "StoryRule", "StoryStep", "story"]
