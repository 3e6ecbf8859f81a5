"""The reasoning of one advice as a graph: case facts -> rules -> findings and
derived facts -> interventions, exported as Mermaid and Graphviz DOT text."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model._advice import Advice, FactValue, Reason
from ..model._catalogue import load_catalogue
from ..model._errors import InputError, SamenwerkwijzerError
from ..model._messages import unknown_intervention
from ..wording._labels import option_label

NodeKind = Literal["fact", "derived", "rule", "finding", "intervention", "suppressed"]

#: Labels are wrapped at about this many characters, so that nodes stay narrow.
WRAP = 32


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GraphNode(_M):
    id: str = Field(description="Stable: fact:PATH, rule:RULE_ID, finding:F-…, intervention:I-….")
    kind: NodeKind
    label: str = Field(description="Dutch: the question and answer, rule title, finding or intervention title.")
    code: str = Field(description="The fact path, rule id, finding id or intervention id.")


class GraphEdge(_M):
    source: str
    target: str
    suppresses: bool = False


class ReasoningGraph(_M):
    """The reasoning as nodes and edges (sorted, so the same advice gives the same graph)."""

    focus: str | None = Field(description="The intervention drawn, or None for the whole advice.")
    ids: bool = Field(description="Whether the labels carry the raw ids.")
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def _fact_label(path: str, label: str, value: FactValue, derived: bool) -> str:
    asked = load_catalogue().asked_question.get(path)
    answer = option_label(path, value)
    if asked is not None and not derived:
        return f"{asked}\nAntwoord: {answer}"
    return f"{label[:1].upper()}{label[1:]}{' (afgeleid)' if derived else ''}: {answer}"


def _wrap(text: str) -> str:
    return "\n".join(line for part in text.split("\n") for line in textwrap.wrap(part, WRAP) or [""])


def rule_titles(advice: Advice) -> dict[str, str]:
    """Rule id -> Dutch title, from the advice itself (never from this
    process's rule book: the advice may come from another one)."""
    titles = {f.derived_by: f.derived_by_title or f.derived_by for f in advice.facts if f.derived_by}
    for r in [r for f in advice.findings for r in f.reasons] + [r for i in advice.interventions for r in i.reasons]:
        titles[r.rule] = r.rule_title
    for s in advice.suppressed:
        titles.update({r.rule: r.rule_title for r in s.recommended_by})
        titles.update({x.rule: x.rule_title for x in s.suppressed_by})
    return titles


def reasoning_graph(advice: Advice, intervention: str | None = None, *, ids: bool = False) -> ReasoningGraph:
    """Every fired rule with what it used and what it concluded; with
    ``intervention``, only what leads to that intervention (recommended or
    withheld): its facts, rules, findings and suppressions. Labels are Dutch;
    ``ids`` adds the raw ids to them."""
    nodes: dict[str, GraphNode] = {}
    edges: set[GraphEdge] = set()
    facts = {f.path: f for f in advice.facts}
    titles = rule_titles(advice)

    def add(node_id: str, kind: NodeKind, label: str, code: str) -> str:
        shown = f"{code}\n{label}" if ids else label
        nodes.setdefault(node_id, GraphNode(id=node_id, kind=kind, label=_wrap(shown), code=code))
        return node_id

    def fact_node(path: str) -> str:
        f = facts[path]
        return add(
            f"fact:{path}",
            "derived" if f.derived_by else "fact",
            _fact_label(path, f.label, f.value, bool(f.derived_by)),
            path,
        )

    def rule_node(rule: str) -> str:
        return add(f"rule:{rule}", "rule", f"Regel: {titles.get(rule, rule)}", rule)

    def uses(rule_id: str, keys: list[str]) -> None:
        for key in keys:
            source = f"finding:{key}" if key.startswith("F-") else fact_node(key)
            edges.add(GraphEdge(source=source, target=rule_id))

    def reason(r: Reason, target: str) -> None:
        rid = rule_node(r.rule)
        uses(rid, r.facts + r.findings)
        edges.add(GraphEdge(source=rid, target=target))

    for finding in advice.findings:
        fid = add(f"finding:{finding.id}", "finding", f"Bevinding: {finding.title}", finding.id)
        for r in finding.reasons:
            reason(r, fid)
    for item in advice.interventions:
        iid = add(f"intervention:{item.id}", "intervention", f"Advies {item.rank}: {item.title}", item.id)
        for r in item.reasons:
            reason(r, iid)
    for s in advice.suppressed:
        sid = add(f"intervention:{s.id}", "suppressed", f"Niet geadviseerd: {s.title}", s.id)
        for r in s.recommended_by:
            reason(r, sid)
        for sup in s.suppressed_by:
            rid = rule_node(sup.rule)
            uses(rid, sup.findings)
            edges.add(GraphEdge(source=rid, target=sid, suppresses=True))
    # Derived facts: the rule that derived them, from what.
    for f in advice.facts:
        if f.derived_by and f"fact:{f.path}" in nodes:
            rid = rule_node(f.derived_by)
            uses(rid, f.because)
            edges.add(GraphEdge(source=rid, target=f"fact:{f.path}"))
    focus = None
    if intervention is not None:
        focus = _focus(advice, intervention)
        keep = _ancestors(f"intervention:{focus}", edges)
        nodes = {k: v for k, v in nodes.items() if k in keep}
        edges = {e for e in edges if e.source in keep and e.target in keep}
    return ReasoningGraph(
        focus=focus,
        ids=ids,
        nodes=sorted(nodes.values(), key=lambda n: n.id),
        edges=sorted(edges, key=lambda e: (e.source, e.target)),
    )


def _focus(advice: Advice, intervention: str) -> str:
    wanted = intervention.strip().upper()
    if wanted in {i.id for i in advice.interventions} | {s.id for s in advice.suppressed}:
        return wanted
    known = load_catalogue().intervention
    if wanted not in known:
        raise InputError(unknown_intervention(intervention, list(known)))
    raise InputError(
        f"{wanted} wordt voor deze casus niet geadviseerd en ook niet achtergehouden; "
        f"'explain CASE --why-not {wanted}' zegt welke voorwaarden niet golden"
    )


def _ancestors(target: str, edges: set[GraphEdge]) -> set[str]:
    into: dict[str, list[str]] = {}
    for e in edges:
        into.setdefault(e.target, []).append(e.source)
    seen, todo = {target}, [target]
    while todo:
        for source in into.get(todo.pop(), []):
            if source not in seen:
                seen.add(source)
                todo.append(source)
    return seen


_MERMAID_SHAPE = {
    "fact": ('["', '"]'),
    "derived": ('(["', '"])'),
    "rule": ('{{"', '"}}'),
    "finding": ('(["', '"])'),
    "intervention": ('[/"', '"/]'),
    "suppressed": ('[/"', '"/]'),
}
_STYLE = {
    "fact": "fill:#eef3fb,stroke:#5b7db1",
    "derived": "fill:#f3f6fb,stroke:#5b7db1,stroke-dasharray:3 3",
    "rule": "fill:#fff7e6,stroke:#b7862d",
    "finding": "fill:#fdeeee,stroke:#b14b4b",
    "intervention": "fill:#eaf6ec,stroke:#3f8f4f",
    "suppressed": "fill:#f2f2f2,stroke:#999999,stroke-dasharray:4 4",
}


def _mermaid_id(node_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", node_id)


def _mermaid_text(label: str) -> str:
    return label.replace('"', "#quot;").replace("\n", "<br/>")


def to_mermaid(g: ReasoningGraph) -> str:
    lines = [f"flowchart {'TB' if g.focus else 'LR'}"]
    lines += [f"  classDef {kind} {style}" for kind, style in _STYLE.items()]
    for node in g.nodes:
        left, right = _MERMAID_SHAPE[node.kind]
        lines.append(f"  {_mermaid_id(node.id)}{left}{_mermaid_text(node.label)}{right}:::{node.kind}")
    for edge in g.edges:
        arrow = " -. onderdrukt .-> " if edge.suppresses else " --> "
        lines.append(f"  {_mermaid_id(edge.source)}{arrow}{_mermaid_id(edge.target)}")
    return "\n".join(lines) + "\n"


# All boxes (hexagons and parallelograms waste width): kinds differ by colour and line.
_DOT_SHAPE = {
    "fact": 'shape=box, style="rounded,filled", fillcolor="#eef3fb", color="#5b7db1"',
    "derived": 'shape=box, style="rounded,filled,dashed", fillcolor="#f3f6fb", color="#5b7db1"',
    "rule": 'shape=box, style=filled, fillcolor="#fff7e6", color="#b7862d"',
    "finding": 'shape=box, style="rounded,filled,bold", fillcolor="#fdeeee", color="#b14b4b"',
    "intervention": 'shape=box, style="filled,bold", fillcolor="#eaf6ec", color="#3f8f4f"',
    "suppressed": 'shape=box, style="filled,dashed", fillcolor="#f2f2f2", color="#999999"',
}


def _dot_text(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def to_dot(g: ReasoningGraph) -> str:
    """Graphviz DOT. Node names are the stable ids with ``ids``, else ``n1``,
    ``n2``, … (Graphviz puts names in the SVG's tooltips)."""
    names = {n.id: n.id if g.ids else f"n{k}" for k, n in enumerate(g.nodes, start=1)}
    lines = [
        "digraph redenering {",
        # One intervention's chain reads top to bottom on a projector; the whole advice is wide.
        f"  rankdir={'TB' if g.focus else 'LR'};",
        "  nodesep=0.25; ranksep=0.35;",
        '  node [fontname="Helvetica", fontsize=12, margin="0.15,0.08"];',
        '  edge [color="#666666", fontname="Helvetica", fontsize=11];',
    ]
    for node in g.nodes:
        lines.append(f"  {_dot_text(names[node.id])} [label={_dot_text(node.label)}, {_DOT_SHAPE[node.kind]}];")
    for edge in g.edges:
        extra = ' [style=dashed, label="onderdrukt"]' if edge.suppresses else ""
        lines.append(f"  {_dot_text(names[edge.source])} -> {_dot_text(names[edge.target])}{extra};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_to_svg(dot: str) -> str:
    """Render DOT with Graphviz's ``dot``, when it is installed."""
    binary = shutil.which("dot")
    if binary is None:
        raise SamenwerkwijzerError("Graphviz is niet geïnstalleerd (geen 'dot' gevonden); kies --format dot of mermaid")
    done = subprocess.run([binary, "-Tsvg"], input=dot, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise SamenwerkwijzerError(f"Graphviz kon de figuur niet maken (code {done.returncode})")
    return done.stdout


__all__ = [
    "WRAP",
    "GraphEdge",
    "GraphNode",
    "NodeKind",
    "ReasoningGraph",
    "dot_to_svg",
    "reasoning_graph",
    "rule_titles",
    "to_dot",
    "to_mermaid",
]
