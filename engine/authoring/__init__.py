"""The authoring face: checking the knowledge base, the rule pages
(``docs/rules/``), the rules' examples, the expert panel's score, and
the intake answers that give a set of case facts (``answers_for``).

Room rule: may import ``model``, ``wording``, ``reasoning``, ``render``, ``trainer`` and ``intake``.
Folders (examples, the panel) are passed in, never derived
from ``__file__`` outside the package's own data.
"""

from __future__ import annotations

from ..reasoning._rule_book import rules_by_id
from ._encode import EncodeError, answers_for
from ._examples import examples_folder, load_examples
from ._kbcheck import check_knowledge_base
from ._panel import PanelScore, panel_folder, score_panel
from ._ruledoc_pages import GENERATED_MARKER, concern_pages, rule_docs, rule_page, rules_index
from ._ruledocs import find_rule, rule_summary

__all__ = [
    "GENERATED_MARKER",
    "EncodeError",
    "PanelScore",
    "answers_for",
    "check_knowledge_base",
    "concern_pages",
    "examples_folder",
    "find_rule",
    "load_examples",
    "panel_folder",
    "rule_docs",
    "rule_page",
    "rule_summary",
    "rules_by_id",
    "rules_index",
    "score_panel",
]
