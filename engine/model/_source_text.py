"""The shipped source documents' text, and the check that a quote is verbatim in its source.

Whitespace and hyphenation at a line break (from PDF extraction) are the only liberties a quote may
take with its source: :func:`normalise_text` undoes both.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ._errors import KnowledgeBaseError
from ._vocabulary import Reference

#: The package that ships the knowledge base and, in ``sources/``, the source documents.
KNOWLEDGE_PACKAGE = "samenwerkwijzer.knowledge"


def read_source_text(source_id: str) -> str:
    """The text of a shipped source document."""
    path = resources.files(KNOWLEDGE_PACKAGE) / "sources" / source_id
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeBaseError(f"source document {source_id} is not shipped: {exc}") from exc


_LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=\w)")
_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str, *, keep_break_hyphens: bool = False) -> str:
    """Collapse whitespace and undo hyphenation at line breaks (PDF extraction),
    the only liberties a quote may take with its source."""
    text = _LINE_BREAK_HYPHEN.sub("-" if keep_break_hyphens else "", text)
    return _WHITESPACE.sub(" ", text).strip()


@functools.cache
def _normalised_source(source_id: str, keep_break_hyphens: bool) -> str:
    return normalise_text(read_source_text(source_id), keep_break_hyphens=keep_break_hyphens)


def normalised_source(source_id: str, *, keep_break_hyphens: bool = False) -> str:
    """A shipped source document's text as :func:`normalise_text` gives it, read and normalised once per process."""
    return _normalised_source(source_id, keep_break_hyphens)


def quote_is_in_source(reference: Reference) -> bool:
    quote = normalise_text(reference.quote)
    # A hyphen at a line break is usually hyphenation, but sometimes a real
    # compound ("publiek-\nprivaat"): accept the quote under either reading.
    return any(quote in _normalised_source(reference.source, keep) for keep in (False, True))


__all__ = [
    "KNOWLEDGE_PACKAGE",
    "normalise_text",
    "normalised_source",
    "quote_is_in_source",
    "read_source_text",
]
