"""The trainer's face: the reasoning of an advice explained (HOW and WHY
NOT), traced, told as a story, drawn as a graph, and compared with another
(what-if), with plain-text views for a terminal.

Everything here reads the :class:`~samenwerkwijzer.Advice` (rule titles and
fact labels included), except where a function takes a case or a
``rule_book``: ``why_not``, ``trace`` and ``steps`` use the rules of the rule
book given (the shipped rules by default).

Room rule: may import ``model``, ``wording``, ``reasoning`` and ``render``; never ``intake``.
"""

from __future__ import annotations

from ..wording._dutch import name_with_article, number_word
from ._compare import (
    COMPARE_TOP,
    ChangedFact,
    ChangeSummary,
    Comparison,
    RankedItem,
    TopChange,
    compare,
    format_comparison,
    format_summary,
    summarise,
    with_answers,
    with_changes,
)
from ._explain import Explanation, WhyNot, explain, why_not
from ._graph import ReasoningGraph, dot_to_svg, reasoning_graph, rule_titles, to_dot, to_mermaid
from ._inputs import CaseInput, InputGroup, case_inputs
from ._story import StoryStep, story
from ._text_views import format_explanations, format_firing, format_story_step, format_trace, format_why_not
from ._trace import Trace, TracedFiring, steps, trace

__all__ = [
    "COMPARE_TOP",
    "CaseInput",
    "ChangeSummary",
    "ChangedFact",
    "Comparison",
    "Explanation",
    "InputGroup",
    "RankedItem",
    "ReasoningGraph",
    "StoryStep",
    "TopChange",
    "Trace",
    "TracedFiring",
    "WhyNot",
    "case_inputs",
    "compare",
    "dot_to_svg",
    "explain",
    "format_comparison",
    "format_explanations",
    "format_firing",
    "format_story_step",
    "format_summary",
    "format_trace",
    "format_why_not",
    "name_with_article",
    "number_word",
    "reasoning_graph",
    "rule_titles",
    "steps",
    "story",
    "summarise",
    "to_dot",
    "to_mermaid",
    "trace",
    "why_not",
    "with_answers",
    "with_changes",
]
