"""The reasoning of one advice as a graph: case facts -> rules -> findings and
derived facts -> interventions, exported as Mermaid and Graphviz DOT text."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Literal

from ._advice import Advice, Reason
from ._diagnose import rules_by_id
from ._errors import SamenwerkwijzerError
from ._value_text import format_value

NodeKind = Literal["fact", "derived", "rule", "finding", "intervention", "suppressed"]


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    label: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    suppresses: bool = False


@dataclass
class ReasoningGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: set[Edge] = field(default_factory=set)

    def add(self, node: Node) -> str:
        self.nodes.setdefault(node.id, node)
        return node.id


def reasoning_graph(advice: Advice) -> ReasoningGraph:
    """Every fired rule with what it used and what it concluded."""
    g = ReasoningGraph()
    facts = {f.path: f for f in advice.facts}
    specs = rules_by_id()

    def fact_node(path: str) -> str:
        f = facts[path]
        return g.add(
            Node(f"fact:{path}", "derived" if f.derived_by else "fact", f"{path} = {format_value(f.value, 'trainer')}")
        )

    def rule_node(rule: str) -> str:
        return g.add(Node(f"rule:{rule}", "rule", f"{rule} {specs[rule].name}"))

    def uses(rule_id: str, keys: list[str]) -> None:
        for key in keys:
            source = f"finding:{key}" if key.startswith("F-") else fact_node(key)
            g.edges.add(Edge(source, rule_id))

    def reason(r: Reason, target: str) -> None:
        rid = rule_node(r.rule)
        uses(rid, r.facts + r.findings)
        g.edges.add(Edge(rid, target))

    for finding in advice.findings:
        fid = g.add(Node(f"finding:{finding.id}", "finding", f"{finding.id}: {finding.title}"))
        for r in finding.reasons:
            reason(r, fid)
    for item in advice.interventions:
        iid = g.add(Node(f"intervention:{item.id}", "intervention", f"{item.rank}. {item.title}"))
        for r in item.reasons:
            reason(r, iid)
    for s in advice.suppressed:
        sid = g.add(Node(f"intervention:{s.id}", "suppressed", f"niet geadviseerd: {s.title}"))
        for r in s.recommended_by:
            reason(r, sid)
        for sup in s.suppressed_by:
            rid = rule_node(sup.rule)
            uses(rid, sup.findings)
            g.edges.add(Edge(rid, sid, suppresses=True))
    # Derived facts: the rule that derived them, from what.
    for f in advice.facts:
        if f.derived_by and f"fact:{f.path}" in g.nodes:
            rid = rule_node(f.derived_by)
            uses(rid, f.because)
            g.edges.add(Edge(rid, f"fact:{f.path}"))
    return g


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
    return label.replace('"', "#quot;")


def to_mermaid(g: ReasoningGraph) -> str:
    lines = ["flowchart LR"]
    lines += [f"  classDef {kind} {style}" for kind, style in _STYLE.items()]
    for node in sorted(g.nodes.values(), key=lambda n: n.id):
        left, right = _MERMAID_SHAPE[node.kind]
        lines.append(f"  {_mermaid_id(node.id)}{left}{_mermaid_text(node.label)}{right}:::{node.kind}")
    for edge in sorted(g.edges, key=lambda e: (e.source, e.target)):
        arrow = " -. onderdrukt .-> " if edge.suppresses else " --> "
        lines.append(f"  {_mermaid_id(edge.source)}{arrow}{_mermaid_id(edge.target)}")
    return "\n".join(lines) + "\n"


_DOT_SHAPE = {
    "fact": 'shape=box, style="rounded,filled", fillcolor="#eef3fb", color="#5b7db1"',
    "derived": 'shape=box, style="rounded,filled,dashed", fillcolor="#f3f6fb", color="#5b7db1"',
    "rule": 'shape=hexagon, style=filled, fillcolor="#fff7e6", color="#b7862d"',
    "finding": 'shape=ellipse, style=filled, fillcolor="#fdeeee", color="#b14b4b"',
    "intervention": 'shape=parallelogram, style=filled, fillcolor="#eaf6ec", color="#3f8f4f"',
    "suppressed": 'shape=parallelogram, style="filled,dashed", fillcolor="#f2f2f2", color="#999999"',
}


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(g: ReasoningGraph) -> str:
    lines = [
        "digraph redenering {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [color="#666666"];',
    ]
    for node in sorted(g.nodes.values(), key=lambda n: n.id):
        lines.append(f"  {_dot_text(node.id)} [label={_dot_text(node.label)}, {_DOT_SHAPE[node.kind]}];")
    for edge in sorted(g.edges, key=lambda e: (e.source, e.target)):
        extra = ' [style=dashed, label="onderdrukt"]' if edge.suppresses else ""
        lines.append(f"  {_dot_text(edge.source)} -> {_dot_text(edge.target)}{extra};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_to_svg(dot: str) -> str:
    """Render DOT with Graphviz's ``dot``, when it is installed."""
    binary = shutil.which("dot")
    if binary is None:
        raise SamenwerkwijzerError("Graphviz is not installed (no 'dot' on PATH); use --format dot or mermaid")
    done = subprocess.run([binary, "-Tsvg"], input=dot, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise SamenwerkwijzerError(f"Graphviz failed: {done.stderr.strip()}")
    return done.stdout
