"""Plain-text views of explanations and traces for a terminal (Dutch, like
everything a trainer shows an audience). Pure functions: data in, text out."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from ..model._catalogue import SEVERITY_NAME, load_catalogue
from ..wording._dutch import count, number_word, ordinal
from ..wording._value_text import format_value
from ._explain import ConditionCheck, ExplainedFact, Explanation, RuleCheck, WhyNot
from ._story import StoryStep
from ._trace import Trace, TracedFact, TracedFiring


def _fact(f: ExplainedFact) -> str:
    """A case fact, with the chain statement → score → fact when a statement's score gave it, and the
    statements the case's own value overrode."""
    line = f"{f.path} = {format_value(f.value, 'trainer')}  ({f.label})"
    for s in f.statements:
        line += f"\n        uit de stelling ‘{s.text}’ met score {s.score}"
    for s in f.overrides:
        line += f"\n        de casus geeft dit zelf; dat gaat voor op de stelling ‘{s.text}’ (score {s.score})"
    return line


def format_explanations(explanations: Iterable[Explanation]) -> str:
    blocks = [_format_explanation(e) for e in explanations]
    return "\n".join(blocks) if blocks else "Geen interventies aanbevolen voor deze casus.\n"


def _format_explanation(e: Explanation) -> str:
    p = e.priority
    tiers = number_word(len(load_catalogue().tiers))
    lines = [
        f"#{e.rank} van {e.of}  {e.title}  [{e.intervention}]",
        f"  Rang: groep ‘{e.tier_title}’ (de {ordinal(p.tier_rank + 1)} van {tiers}), "
        f"zwaarste bevinding {SEVERITY_NAME[p.max_severity]}, {count(p.reason_count, 'reden', 'redenen')}"
        f"{', hoofdadvies van een regel' if p.position == 0 else ', ondersteunend advies'}"
        f"{', urgent' if p.urgent else ''}",
        f"  Plaats: {e.placed_by}",
        "  Feiten uit de casus:",
        *(f"    {_fact(f)}" for f in e.case_facts),
        "  Regels die vuurden (van feiten naar advies):",
    ]
    for step in e.steps:
        used = [f"{f.path} = {format_value(f.value, 'trainer')}" for f in step.used_facts] + step.used_findings
        lines.append(f"    {step.rule} {step.rule_name} — {step.rule_title}")
        lines.append(f"        gebruikt: {'; '.join(used) if used else '—'}")
        lines.append(f"        concludeert: {', '.join(step.concluded)}")
    if e.findings:
        lines.append("  Bevindingen:")
        lines += [f"    {f.id} {f.title} ({f.severity}, conditie {f.condition})" for f in e.findings]
    lines.append("  Bronnen:")
    lines += [f"    “{r.quote}” ({r.source}, {r.locator})" for r in e.references]
    return "\n".join(lines) + "\n"


def format_why_not(w: WhyNot) -> str:
    lines = [f"{w.title}  [{w.intervention}]"]
    if w.status == "recommended":
        lines.append(f"  Wordt wel aanbevolen, op plaats {w.rank}. Vraag ‘explain CASE {w.intervention}’ voor het hoe.")
        return "\n".join(lines) + "\n"
    if w.status == "suppressed":
        lines.append("  Werd aanbevolen door: " + ", ".join(f"{r.rule} ({r.rule_title})" for r in w.recommended_by))
        lines.append("  maar is bewust weggelaten:")
        for s in w.suppressed_by:
            lines.append(f"    {s.rule} {s.rule_title}, op grond van {', '.join(s.findings) or '—'}:")
            lines.append(f"      {s.reason}")
        return "\n".join(lines) + "\n"
    lines.append("  Wordt niet aanbevolen. Regels die het hadden kunnen aanbevelen:")
    for rule in w.candidates:
        lines += _format_rule_check(rule, indent=4)
    return "\n".join(lines) + "\n"


def _format_rule_check(rule: RuleCheck, indent: int) -> list[str]:
    pad = " " * indent
    lines = [f"{pad}{rule.rule} {rule.rule_title}: {'vuurde' if rule.fired else 'vuurde niet'}"]
    for c in rule.conditions:
        lines += _format_condition(c, indent + 2)
    return lines


def _format_condition(c: ConditionCheck, indent: int) -> list[str]:
    pad = " " * indent
    mark = "✓" if c.met else "✗"
    lines = [f"{pad}{mark} {c.condition} — in deze casus: {c.actual}"]
    if c.hint:
        lines.append(f"{pad}    ({c.hint})")
    if c.finding is not None:
        lines.append(f"{pad}    {c.finding.finding} is niet gesteld; die had gesteld kunnen worden door:")
        for rule in c.finding.rules:
            lines += _format_rule_check(rule, indent + 6)
    return lines


def _traced(f: TracedFact) -> str:
    if f.kind == "fact":
        return f"{f.key} = {format_value(f.value, 'trainer')}"
    if f.kind == "suppression":
        return f"onderdrukt {f.key} ({f.label})"
    if f.kind == "recommendation":
        return f"advies {f.key} ({f.label})"
    return f"bevinding {f.key} ({f.label})"


def format_firing(firing: TracedFiring) -> str:
    matched = "; ".join(_traced(f) for f in firing.matched) or "—"
    declared = "; ".join(_traced(f) for f in firing.declared)
    return (
        f"{firing.step:>3}. {firing.rule} {firing.rule_name} — {firing.rule_title}\n"
        f"       op: {matched}\n"
        f"       nu waar: {declared}\n"
    )


def format_trace(trace: Trace) -> str:
    lines = [f"Casus: {trace.case}", "Feiten bij de start:"]
    lines += [f"  {_traced(f)}  ({f.label})" for f in trace.initial_facts]
    lines.append(f"Regels in de volgorde waarin ze vuurden ({len(trace.firings)}):")
    return "\n".join(lines) + "\n" + "".join(format_firing(f) for f in trace.firings)


def format_story_step(step: StoryStep, *, ids: bool = False) -> str:
    """One step of :func:`._story.story` for a terminal; ``ids`` adds the rule ids."""
    lines = [f"Stap {step.number} van {step.of} · {step.title}"]
    lines += textwrap.wrap(step.text, 100, initial_indent="  ", subsequent_indent="  ")
    if step.facts:
        lines.append("  Uit de casus:" if step.kind == "facts" else "  Feiten:")
        for f in step.facts:
            lines.append(f"    {f.label} {f.answer}" if f.label.endswith("?") else f"    {f.label}: {f.answer}")
    if step.rules:
        lines.append("  Regels, van feiten naar conclusie:")
        for r in step.rules:
            lines.append(f"    {r.rule} {r.title}" if ids else f"    {r.title}")
            if r.uses:
                lines.append(f"      op grond van: {'; '.join(r.uses)}")
    if step.findings and step.kind != "finding":
        lines.append("  Berust op: " + "; ".join(f"‘{t}’" for t in dict.fromkeys(step.findings)))
    return "\n".join(lines) + "\n"


__all__ = ["format_explanations", "format_firing", "format_story_step", "format_trace", "format_why_not"]
