"""Samenwerkwijzer: diagnose an inter-organisational collaboration and get
prioritised, cited interventions as a Dutch advice letter.

    >>> from samenwerkwijzer import load_case, diagnose, render_letter
    >>> advice = diagnose(load_case("examples/gecombineerd.yaml"))
    >>> letter = render_letter(advice)

Everything public is importable from here; modules starting with ``_`` are
private and may change without notice. The reasoning tools (explanations,
trace, comparison, graph, schemas, batch) load on first use, so that a plain
diagnosis does not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._advice import (
    Advice,
    FindingResult,
    Reason,
    RecommendedIntervention,
    SuppressedIntervention,
)
from ._case import Case, Observations, Partner
from ._diagnose import diagnose
from ._errors import CaseError, InputError, KnowledgeBaseError, Problem, SamenwerkwijzerError
from ._letter import DEFAULT_TOP, render_letter
from ._loading import case_from_data, load_case, parse_case
from ._version import __version__

if TYPE_CHECKING:
    from ._batch import BatchItem, BatchResult, batch_items, run_batch
    from ._compare import Comparison, compare, with_changes
    from ._docx import render_docx
    from ._explain import Explanation, WhyNot, explain, why_not
    from ._graph import ReasoningGraph, reasoning_graph, to_dot, to_mermaid
    from ._html import render_html
    from ._schema import json_schema, json_schema_text
    from ._trace import Trace, TracedFiring, steps, trace
    from ._usertemplate import render_with_template

_LAZY = {
    "BatchItem": "_batch",
    "BatchResult": "_batch",
    "batch_items": "_batch",
    "run_batch": "_batch",
    "Comparison": "_compare",
    "compare": "_compare",
    "with_changes": "_compare",
    "Explanation": "_explain",
    "WhyNot": "_explain",
    "explain": "_explain",
    "why_not": "_explain",
    "ReasoningGraph": "_graph",
    "reasoning_graph": "_graph",
    "to_dot": "_graph",
    "to_mermaid": "_graph",
    "render_html": "_html",
    "render_docx": "_docx",
    "render_with_template": "_usertemplate",
    "json_schema": "_schema",
    "json_schema_text": "_schema",
    "Trace": "_trace",
    "TracedFiring": "_trace",
    "steps": "_trace",
    "trace": "_trace",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'samenwerkwijzer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DEFAULT_TOP",
    "Advice",
    "BatchItem",
    "BatchResult",
    "Case",
    "CaseError",
    "Comparison",
    "Explanation",
    "FindingResult",
    "InputError",
    "KnowledgeBaseError",
    "Observations",
    "Partner",
    "Problem",
    "Reason",
    "ReasoningGraph",
    "RecommendedIntervention",
    "SamenwerkwijzerError",
    "SuppressedIntervention",
    "Trace",
    "TracedFiring",
    "WhyNot",
    "__version__",
    "batch_items",
    "case_from_data",
    "compare",
    "diagnose",
    "explain",
    "json_schema",
    "json_schema_text",
    "load_case",
    "parse_case",
    "reasoning_graph",
    "render_docx",
    "render_html",
    "render_letter",
    "render_with_template",
    "run_batch",
    "steps",
    "to_dot",
    "to_mermaid",
    "trace",
    "why_not",
    "with_changes",
]
