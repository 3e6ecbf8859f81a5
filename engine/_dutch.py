"""Small pieces of Dutch the trainer views share: numbers one to twenty in
words (house style), and a count with its singular or plural noun."""

from __future__ import annotations

_WORDS = (
    *("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"),
    *("elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"),
)


def number_word(n: int) -> str:
    """``n`` in words from zero to twenty (``één`` where it could be read as the article), digits above."""
    if n == 1:
        return "één"
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


_ORDINALS = (
    "nulde",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
)


def ordinal(n: int) -> str:
    """``eerste``, ``tweede``, … up to ``tiende``; ``11de`` above."""
    return _ORDINALS[n] if 0 <= n < len(_ORDINALS) else f"{n}de"


def count(n: int, singular: str, plural: str) -> str:
    """``drie redenen``, ``één reden``."""
    return f"{number_word(n)} {singular if n == 1 else plural}"


def quoted(title: str) -> str:
    """A title as the views quote it: ‘Conflict’."""
    return f"‘{title}’"
