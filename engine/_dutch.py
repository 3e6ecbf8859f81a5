"""Small pieces of Dutch the views and the letter share: numbers one to twenty in
words (house style), a list joined with ``en``, and a count with its singular or plural noun."""

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


def and_list(items: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``: a list inside a Dutch sentence."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def count(n: int, singular: str, plural: str) -> str:
    """``drie redenen``, ``één reden``, ``geen redenen``."""
    if n == 0:
        return f"geen {plural}"
    return f"{number_word(n)} {singular if n == 1 else plural}"


def quoted(title: str) -> str:
    """A title as the views quote it: ‘Conflict’."""
    return f"‘{title}’"


__all__ = ["and_list", "count", "number_word", "ordinal", "quoted"]
