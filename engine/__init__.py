"""Samenwerkwijzer: diagnose an inter-organisational collaboration and get
prioritised, cited interventions as a Dutch advice letter.

    >>> from samenwerkwijzer import load_case, diagnose, render_letter
    >>> advice = diagnose(load_case("examples/gecombineerd.yaml"))
    >>> letter = render_letter(advice)

This module is the core (``__all__``): reading a case, the case and advice
models, ``diagnose`` and the rule book, rendering, the JSON schemas, the
errors, the input limits and the version. The rest is in public sub-modules:
``samenwerkwijzer.trainer`` (explanations, trace, story, graph, what-if),
``samenwerkwijzer.intake`` (the question catalogue and the intake),
``samenwerkwijzer.authoring`` (knowledge-base check, rule pages, examples,
the expert panel) and ``samenwerkwijzer.batch``. Modules starting with ``_``
are private and may change without notice (docs/api.md).

Every name loads on first use, so that ``import samenwerkwijzer`` (and the
CLI's ``--version``) pays for nothing it does not use.
"""

from __future__ import annotations

import importlib
import warnings

from ._version import __version__

# Not typing's: importing typing costs the CLI's --version a sixth of its time.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from .model._advice import Advice, FindingResult, Reason, RecommendedIntervention, SuppressedIntervention
    from .model._case import Case, Observations, Partner
    from .model._errors import AdviceError, CaseError, InputError, KnowledgeBaseError, Problem, SamenwerkwijzerError
    from .model._limits import MAX_CASE_BYTES, MAX_RESPONDENTS, MAX_TEXT_CHARS
    from .model._loading import advice_from_data, case_from_data, load_case, load_case_data, parse_case
    from .model._schema import json_schema, json_schema_text
    from .reasoning._diagnose import diagnose
    from .reasoning._rule_book import RuleBook, default_rule_book
    from .render._docx import render_docx
    from .render._html import render_html
    from .render._letter import DEFAULT_TOP, render_letter, strip_control
    from .render._pdf import render_pdf
    from .render._usertemplate import render_with_template

#: The core: name -> "private module[:attribute]".
_CORE = {
    "Advice": "model._advice",
    "FindingResult": "model._advice",
    "Reason": "model._advice",
    "RecommendedIntervention": "model._advice",
    "SuppressedIntervention": "model._advice",
    "Case": "model._case",
    "Observations": "model._case",
    "Partner": "model._case",
    "RuleBook": "reasoning._rule_book",
    "default_rule_book": "reasoning._rule_book",
    "diagnose": "reasoning._diagnose",
    "render_docx": "render._docx",
    "AdviceError": "model._errors",
    "CaseError": "model._errors",
    "InputError": "model._errors",
    "KnowledgeBaseError": "model._errors",
    "Problem": "model._errors",
    "SamenwerkwijzerError": "model._errors",
    "render_html": "render._html",
    "DEFAULT_TOP": "render._letter",
    "render_letter": "render._letter",
    "strip_control": "render._letter",
    "MAX_CASE_BYTES": "model._limits",
    "MAX_RESPONDENTS": "model._limits",
    "MAX_TEXT_CHARS": "model._limits",
    "advice_from_data": "model._loading",
    "case_from_data": "model._loading",
    "load_case": "model._loading",
    "load_case_data": "model._loading",
    "parse_case": "model._loading",
    "render_pdf": "render._pdf",
    "json_schema": "model._schema",
    "json_schema_text": "model._schema",
    "render_with_template": "render._usertemplate",
}

#: Names this module exported before the public sub-modules: still importable
#: for one release, with a DeprecationWarning naming their new home.
_MOVED = {
    "BatchError": "batch",
    "BatchItem": "batch",
    "BatchProblem": "batch",
    "BatchResult": "batch",
    "batch_items": "batch",
    "run_batch": "batch",
    "COMPARE_TOP": "trainer",
    "ChangeSummary": "trainer",
    "Comparison": "trainer",
    "Explanation": "trainer",
    "ReasoningGraph": "trainer",
    "StoryStep": "trainer",
    "Trace": "trainer",
    "TracedFiring": "trainer",
    "WhyNot": "trainer",
    "CaseInput": "trainer",
    "InputGroup": "trainer",
    "case_inputs": "trainer",
    "compare": "trainer",
    "dot_to_svg": "trainer",
    "explain": "trainer",
    "format_comparison": "trainer",
    "format_explanations": "trainer",
    "format_firing": "trainer",
    "format_story_step": "trainer",
    "format_summary": "trainer",
    "format_trace": "trainer",
    "format_why_not": "trainer",
    "number_word": "trainer",
    "reasoning_graph": "trainer",
    "steps": "trainer",
    "story": "trainer",
    "summarise": "trainer",
    "to_dot": "trainer",
    "to_mermaid": "trainer",
    "trace": "trainer",
    "why_not": "trainer",
    "with_answers": "trainer",
    "with_changes": "trainer",
    "INTAKE_HINT": "intake:HINT",
    "INTAKE_SECTION_TITLES": "intake:SECTION_TITLES",
    "AnswerOption": "intake",
    "Intake": "intake",
    "QuestionInfo": "intake",
    "questions": "intake",
    "render_prompt": "intake",
    "PanelScore": "authoring",
    "RULE_DOCS_MARKER": "authoring:GENERATED_MARKER",
    "check_knowledge_base": "authoring",
    "examples_folder": "authoring",
    "load_examples": "authoring",
    "panel_folder": "authoring",
    "rule_docs": "authoring",
    "rule_page": "authoring",
    "rule_summary": "authoring",
    "rules_by_id": "authoring",
    "score_panel": "authoring",
    "soffice": "render._pdf",
}

_SUBMODULES = ("authoring", "batch", "intake", "trainer")


def _load(module: str, name: str) -> Any:
    # Pause the collector while the models build: tens of thousands of
    # long-lived objects a collection would only walk (see _startup).
    from . import _startup

    with _startup.paused():
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __getattr__(name: str) -> Any:
    if name in _CORE:
        module, _, attribute = _CORE[name].partition(":")
        value = _load(module, attribute or name)
    elif name in _MOVED:
        module, _, attribute = _MOVED[name].partition(":")
        value = _load(module, attribute or name)
        home = (
            f": use samenwerkwijzer.{module}.{attribute or name}"
            if not any(part.startswith("_") for part in module.split("."))
            else ""
        )
        warnings.warn(
            f"samenwerkwijzer.{name} is deprecated and goes in the next release{home}",
            DeprecationWarning,
            stacklevel=2,
        )
        return value  # not cached: every use warns
    elif name in _SUBMODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module 'samenwerkwijzer' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | set(_SUBMODULES))


__all__ = [
    "DEFAULT_TOP",
    "MAX_CASE_BYTES",
    "MAX_RESPONDENTS",
    "MAX_TEXT_CHARS",
    "Advice",
    "AdviceError",
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
    "RuleBook",
    "SamenwerkwijzerError",
    "SuppressedIntervention",
    "__version__",
    "advice_from_data",
    "case_from_data",
    "default_rule_book",
    "diagnose",
    "json_schema",
    "json_schema_text",
    "load_case",
    "load_case_data",
    "parse_case",
    "render_docx",
    "render_html",
    "render_letter",
    "render_pdf",
    "render_with_template",
    "strip_control",
]
