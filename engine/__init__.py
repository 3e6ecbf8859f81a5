"""Samenwerkwijzer: diagnose an inter-organisational collaboration and get
prioritised, cited interventions as a Dutch advice letter.

    >>> from samenwerkwijzer import load_case, diagnose, render_letter
    >>> advice = diagnose(load_case("examples/gecombineerd.yaml"))
    >>> letter = render_letter(advice)

Everything public is importable from here; modules starting with ``_`` are
private and may change without notice.
"""

from ._advice import (
    Advice,
    FindingResult,
    Reason,
    RecommendedIntervention,
    SuppressedIntervention,
)
from ._case import Case, Observations, Partner
from ._compare import Comparison, compare, with_changes
from ._diagnose import diagnose
from ._errors import CaseError, InputError, KnowledgeBaseError, Problem, SamenwerkwijzerError
from ._explain import Explanation, WhyNot, explain, why_not
from ._graph import ReasoningGraph, reasoning_graph, to_dot, to_mermaid
from ._letter import DEFAULT_TOP, render_letter
from ._loading import case_from_data, load_case, parse_case
from ._schema import json_schema, json_schema_text
from ._trace import Trace, TracedFiring, steps, trace
from ._version import __version__

__all__ = [
    "DEFAULT_TOP",
    "json_schema",
    "json_schema_text",
    "Comparison",
    "ReasoningGraph",
    "compare",
    "reasoning_graph",
    "to_dot",
    "to_mermaid",
    "with_changes",
    "Explanation",
    "Trace",
    "TracedFiring",
    "WhyNot",
    "explain",
    "steps",
    "trace",
    "why_not",
    "Advice",
    "Case",
    "CaseError",
    "FindingResult",
    "InputError",
    "KnowledgeBaseError",
    "Observations",
    "Partner",
    "Problem",
    "Reason",
    "RecommendedIntervention",
    "SamenwerkwijzerError",
    "SuppressedIntervention",
    "__version__",
    "case_from_data",
    "diagnose",
    "load_case",
    "parse_case",
    "render_letter",
]
