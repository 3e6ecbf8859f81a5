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

from . import _startup  # first: pauses the garbage collector until the imports below are done
from ._advice import (
    Advice,
    FindingResult,
    Reason,
    RecommendedIntervention,
    SuppressedIntervention,
)
from ._case import Case, Observations, Partner
from ._diagnose import RuleBook, default_rule_book, diagnose, rules_by_id
from ._dutch import number_word
from ._errors import CaseError, InputError, KnowledgeBaseError, Problem, SamenwerkwijzerError
from ._letter import DEFAULT_TOP, render_letter, strip_control
from ._limits import MAX_CASE_BYTES
from ._loading import case_from_data, load_case, load_case_data, parse_case
from ._version import __version__

_startup.resume()

if TYPE_CHECKING:
    from ._answer_files import AnswerSheet, answer_intake
    from ._batch import BatchError, BatchItem, BatchProblem, BatchResult, batch_items, run_batch
    from ._compare import (
        COMPARE_TOP,
        ChangeSummary,
        Comparison,
        compare,
        format_comparison,
        format_summary,
        summarise,
        with_answers,
        with_changes,
    )
    from ._docx import render_docx
    from ._examples import examples_folder, load_examples
    from ._explain import Explanation, WhyNot, explain, why_not
    from ._graph import ReasoningGraph, dot_to_svg, reasoning_graph, to_dot, to_mermaid
    from ._html import render_html
    from ._inputs import AnswerOption, CaseInput, InputGroup, QuestionInfo, case_inputs, questions
    from ._intake import Intake
    from ._kbcheck import check_knowledge_base
    from ._panel import PanelScore, panel_folder, score_panel
    from ._pdf import render_pdf, soffice
    from ._prompts import HINT as INTAKE_HINT
    from ._prompts import SECTION_TITLES as INTAKE_SECTION_TITLES
    from ._prompts import render_prompt
    from ._ruledocs import GENERATED_MARKER as RULE_DOCS_MARKER
    from ._ruledocs import rule_docs, rule_page, rule_summary
    from ._schema import json_schema, json_schema_text
    from ._story import StoryStep, story
    from ._text_views import format_explanations, format_firing, format_story_step, format_trace, format_why_not
    from ._trace import Trace, TracedFiring, steps, trace
    from ._usertemplate import render_with_template

_LAZY = {
    "BatchError": "_batch",
    "BatchItem": "_batch",
    "BatchProblem": "_batch",
    "BatchResult": "_batch",
    "batch_items": "_batch",
    "run_batch": "_batch",
    "COMPARE_TOP": "_compare",
    "ChangeSummary": "_compare",
    "Comparison": "_compare",
    "format_summary": "_compare",
    "summarise": "_compare",
    "with_answers": "_compare",
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
    "render_pdf": "_pdf",
    "soffice": "_pdf",
    "render_with_template": "_usertemplate",
    "format_comparison": "_compare",
    "dot_to_svg": "_graph",
    "examples_folder": "_examples",
    "load_examples": "_examples",
    "INTAKE_HINT": "_prompts:HINT",
    "INTAKE_SECTION_TITLES": "_prompts:SECTION_TITLES",
    "Intake": "_intake",
    "AnswerSheet": "_answer_files",
    "answer_intake": "_answer_files",
    "AnswerOption": "_inputs",
    "CaseInput": "_inputs",
    "InputGroup": "_inputs",
    "QuestionInfo": "_inputs",
    "case_inputs": "_inputs",
    "questions": "_inputs",
    "render_prompt": "_prompts",
    "check_knowledge_base": "_kbcheck",
    "PanelScore": "_panel",
    "panel_folder": "_panel",
    "score_panel": "_panel",
    "RULE_DOCS_MARKER": "_ruledocs:GENERATED_MARKER",
    "rule_docs": "_ruledocs",
    "rule_page": "_ruledocs",
    "rule_summary": "_ruledocs",
    "format_explanations": "_text_views",
    "format_firing": "_text_views",
    "format_story_step": "_text_views",
    "StoryStep": "_story",
    "story": "_story",
    "format_trace": "_text_views",
    "format_why_not": "_text_views",
    "json_schema": "_schema",
    "json_schema_text": "_schema",
    "Trace": "_trace",
    "TracedFiring": "_trace",
    "steps": "_trace",
    "trace": "_trace",
}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'samenwerkwijzer' has no attribute {name!r}")
    module, _, attribute = where.partition(":")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "COMPARE_TOP",
    "DEFAULT_TOP",
    "INTAKE_HINT",
    "INTAKE_SECTION_TITLES",
    "MAX_CASE_BYTES",
    "RULE_DOCS_MARKER",
    "Advice",
    "AnswerOption",
    "AnswerSheet",
    "BatchError",
    "BatchItem",
    "BatchProblem",
    "BatchResult",
    "Case",
    "CaseError",
    "CaseInput",
    "ChangeSummary",
    "Comparison",
    "Explanation",
    "FindingResult",
    "InputError",
    "InputGroup",
    "Intake",
    "KnowledgeBaseError",
    "Observations",
    "PanelScore",
    "Partner",
    "Problem",
    "QuestionInfo",
    "Reason",
    "ReasoningGraph",
    "RecommendedIntervention",
    "RuleBook",
    "SamenwerkwijzerError",
    "StoryStep",
    "SuppressedIntervention",
    "Trace",
    "TracedFiring",
    "WhyNot",
    "__version__",
    "answer_intake",
    "batch_items",
    "case_from_data",
    "case_inputs",
    "check_knowledge_base",
    "compare",
    "default_rule_book",
    "diagnose",
    "dot_to_svg",
    "examples_folder",
    "explain",
    "format_comparison",
    "format_explanations",
    "format_firing",
    "format_story_step",
    "format_summary",
    "format_trace",
    "format_why_not",
    "json_schema",
    "json_schema_text",
    "load_case",
    "load_case_data",
    "load_examples",
    "number_word",
    "panel_folder",
    "parse_case",
    "questions",
    "reasoning_graph",
    "render_docx",
    "render_html",
    "render_letter",
    "render_pdf",
    "render_prompt",
    "render_with_template",
    "rule_docs",
    "rule_page",
    "rule_summary",
    "rules_by_id",
    "run_batch",
    "score_panel",
    "soffice",
    "steps",
    "story",
    "strip_control",
    "summarise",
    "to_dot",
    "to_mermaid",
    "trace",
    "why_not",
    "with_answers",
    "with_changes",
]
