"""Which quotes a letter prints, and what makes a quote printable at all.

A letter prints at most two passages per intervention: those that give the
advice (role ``advies``) first, then practice examples (``illustratie``) that
were written for a setting the case is in (a school example in a school case).
Passages that describe the problem (``signaal``) stay in the JSON and the
reasoning view. ``kb check`` uses :func:`statement_problem` so that every
passage is a whole statement.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from ._source_text import normalise_text, normalised_source, read_source_text
from ._vocabulary import Fits, Reference, Sector

MAX_QUOTES = 2

# Which sector a partner's kind puts the case in; kinds not listed put it in none.
SECTOR_OF_KIND: dict[str, Sector] = {
    "school": "onderwijs",
    "zorgaanbieder": "zorg",
    "huisartsen": "zorg",
    "zorgverzekeraar": "zorg",
    "woningcorporatie": "wonen",
    "bedrijf": "bedrijfsleven",
}

_OPENING = "‘“\"'("
_CLOSING = "’”\"')"
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


def case_sectors(kinds: Iterable[str]) -> frozenset[Sector]:
    """The sectors a case is in, from its partners' kinds."""
    return frozenset(SECTOR_OF_KIND[k] for k in kinds if k in SECTOR_OF_KIND)


def fits_case(fits: Fits | None, sectors: frozenset[Sector], climate: str | None) -> bool:
    """Whether a passage with ``fits`` suits a case in ``sectors`` with ``climate``."""
    if fits is None:
        return True
    if fits.sector is not None and fits.sector not in sectors:
        return False
    return not fits.climate or climate in fits.climate


def letter_quotes(
    references: Sequence[Reference], sectors: frozenset[Sector], climate: str | None, *, municipal: bool = True
) -> list[Reference]:
    """The passages a letter prints for one intervention: at most two, advice
    first, then examples made for this kind of case; never a signal, never
    one that does not stand on its own or speaks of another sector's people
    (``municipal``: a municipality takes part, so a wethouder may be named)."""
    # The references are the catalogue's own, read several times for every intervention of every letter:
    # each choice is made once. Keyed by the references' identities; the entry holds the references, so that
    # no identity in a key can be reused while the entry lives (bounded).
    key = (tuple(map(id, references)), sectors, climate, municipal)
    known = _LETTER_QUOTES.get(key)
    if known is None:
        if len(_LETTER_QUOTES) >= _LETTER_QUOTES_AT_MOST:
            _LETTER_QUOTES.clear()
        known = _LETTER_QUOTES[key] = (tuple(references), _letter_quotes(references, sectors, climate, municipal))
    return list(known[1])


_LETTER_QUOTES: dict[tuple[object, ...], tuple[tuple[Reference, ...], tuple[Reference, ...]]] = {}
_LETTER_QUOTES_AT_MOST = 4096


def _letter_quotes(
    references: Sequence[Reference], sectors: frozenset[Sector], climate: str | None, municipal: bool
) -> tuple[Reference, ...]:
    fitting = [
        r
        for r in references
        if fits_case(r.fits, sectors, climate)
        and printable_problem(r, questions_allowed=True) is None
        and sentence_fits(r.quote, sectors, municipal)
        and letter_problem(r) is None
    ]
    # A passage that asks questions (in the source's je-form) only after those that say what to do, and one that
    # leans on its source's context after those that stand alone.
    advice = sorted(
        (r for r in fitting if r.role == "advies"), key=lambda r: ("?" in r.quote, leans_on_context(r.quote))
    )
    examples = [r for r in fitting if r.role == "illustratie" and r.fits is not None]
    return tuple((advice + examples)[:MAX_QUOTES])


@functools.cache
def _bullet_items(source_id: str) -> frozenset[str]:
    """Every list item of a source, whitespace collapsed."""
    items = set()
    for line in read_source_text(source_id).splitlines():
        if _BULLET.match(line):
            # An item of a running list may end in ';': the item without it is whole.
            items.add(normalise_text(_BULLET.sub("", line, count=1)).rstrip(";,"))
    return frozenset(items)


def _closes_speech(source_id: str, quote: str) -> bool:
    """Whether the source closes a quotation right after ``quote`` (‘…’, zegt X):
    reported speech is a whole statement without its full stop."""
    for keep in (False, True):
        text = normalised_source(source_id, keep_break_hyphens=keep)
        at = text.find(quote)
        if at >= 0:
            return text[at + len(quote) : at + len(quote) + 2].lstrip()[:1] in _CLOSING
    return False


def statement_problem(reference: Reference, *, questions_allowed: bool = False) -> str | None:
    """Why a quote is not a whole statement, or None when it is.

    A whole statement opens with a capital and ends with a full stop, an
    exclamation mark or an ellipsis; a complete list item of the source (a tip
    in a list of tips) may go without the stop. A question is allowed only
    where the advice is to ask it. A heading, a fragment that starts
    mid-sentence and a line that introduces a list are not statements."""
    quote = normalise_text(reference.quote)
    first = quote.lstrip(_OPENING)[:1]
    last = quote.rstrip(_CLOSING)[-1:]
    if not (first.isupper() or first.isdigit()):
        return "starts mid-sentence"
    if last in ":;,":
        return f"ends with {last!r}, not a whole statement"
    if last == "?":
        return None if questions_allowed else "is a question"
    if last in ".!…":
        return None
    if quote in _bullet_items(reference.source) or _closes_speech(reference.source, quote):
        return None
    return "a heading or a fragment (no full stop and not a whole list item)"


# Words that refer back to a sentence the reader of a letter does not have.
_BACK_REFERENCES = frozenset(
    [
        "of",
        "en",
        "ze",
        "zij",
        "die",
        "deze",
        "daarbij",
        "hiervan",
        "hierbij",
        "daarvan",
        "dus",
        "waarbij",
        "hen",
        "hun",
        "dat",
        "daarom",
        "bovendien",
    ]
)
_ASIDES = re.compile(r"\((?:sorry|excuus|pardon)\b|\bsorry voor de term\b", re.IGNORECASE)
MIN_PRINTED_WORDS = 5


def printable(reference: Reference) -> bool:
    """Whether a letter can print the passage: advice, or an example made for a kind of case."""
    return reference.role == "advies" or (reference.role == "illustratie" and reference.fits is not None)


def printable_problem(reference: Reference, *, questions_allowed: bool = False) -> str | None:
    """Why a passage a letter may print does not stand on its own, or None:
    a bare label (fewer than five words), an opening word that refers back
    ("Of…", "Daarbij…", "Ze…"), a question inside it, or an aside."""
    return _quote_problem(reference.quote, questions_allowed)


# The quotes are the catalogue's own, read for every recommended intervention of every letter (some hundred
# a diagnosis): each is judged once (bounded, for any other text).
@functools.lru_cache(maxsize=4096)
def _quote_problem(quote: str, questions_allowed: bool) -> str | None:
    quote = normalise_text(quote).lstrip(_OPENING)
    words = re.findall(r"[\w’'-]+", quote)
    if len(words) < MIN_PRINTED_WORDS:
        return "is a bare label (fewer than five words)"
    if quote[:1].isdigit():
        return "starts with a digit (a label or a list number)"
    if words and words[0].lower() in _BACK_REFERENCES:
        return f"starts with a back-reference ({words[0]!r})"
    if "?" in quote and not questions_allowed:
        return "holds a question"
    if _ASIDES.search(quote):
        return "holds an aside"
    return None


# A letter quotes what a reader takes in at once: no heading before a colon ("Aan de slag: …", "Fase 6: …"), no
# sentence of the literature ("Willems e.a. (2018) onderscheiden …"), no passage that ends on a question (it
# would ask the reader, in the source's je-form), and no label ("Duidelijke afspraken over rollen, taken, tijd en
# geld"): a list item without a full stop is printed only where it is an order ("Bepaal gezamenlijk …") or
# reported speech, and then closed with the full stop it needs (:func:`printed_quote`).
_LITERATURE = re.compile(r"\be\.a\. \(\d{4}\)")
# "Ten eerste, de deelcoalities: …", "Allereerst: weersta …": a place in the source's list, not a sentence of its own.
_LIST_PLACE = re.compile(r"^(?:ten (?:eerste|tweede|derde|vierde|slotte)|allereerst|tot slot|daarnaast|verder)\b", re.I)
_FINITE_WORDS = "is zijn was waren heeft hebben wordt worden kan kunnen moet moeten betekent"
_FINITE_IN_HEADING = frozenset(_FINITE_WORDS.split())
_NOT_AN_ORDER_WORDS = "de het een aan in op met voor door over bij naar van uit tot onder tussen tijdig contact"
_NOT_AN_ORDER = frozenset(_NOT_AN_ORDER_WORDS.split())
# An inflected adjective ("Duidelijke", "Gezamenlijke") or a noun ("Verkenning", "Samenwerking") opens a label;
# an order opens with a verb's stem, which ends in a consonant or a long vowel ("Ga", "Doe").
_LABEL_WORD = re.compile(r"(?:[^aeiou]e|ing|heid|schap|tie|teit)$")
_STOPS = (".", "!", "…")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def letter_problem(reference: Reference) -> str | None:
    """Why a letter does not print a passage that is otherwise printable, or None."""
    quote = normalise_text(reference.quote).lstrip(_OPENING)
    head, colon, _ = quote.partition(":")
    heading = head.split()
    if colon and len(heading) <= 3 and not {w.lower() for w in heading} & _FINITE_IN_HEADING:
        return "opens with a heading"
    if _LITERATURE.search(quote):
        return "cites the literature"
    if _LIST_PLACE.match(quote):
        return "opens with its place in a list the reader does not have"
    if _YEAR.search(quote):
        return "names a year of its source's own project (review12: 'na 2022' in a letter about 2027)"
    end = quote.rstrip(_CLOSING)
    if end.endswith("?"):
        return "ends on a question"
    if not end.endswith(_STOPS) and not _closes_speech(reference.source, normalise_text(reference.quote)):
        first = re.findall(r"[\w’'-]+", quote)[:1]
        if not first or first[0].lower() in _NOT_AN_ORDER or _LABEL_WORD.search(first[0].lower()):
            return "a label, not a sentence"
    return None


# Words by which a passage leans on what the reader of a letter does not have: the source's own context ("de zeven
# consortia", "De praktijkvoorbeelden", "De conclusie was"), a back-reference inside it ("dus", "daarbij", "zij"),
# or the source's je-form, which reads oddly beside the advisor's u.
_LEANS_ON_CONTEXT = re.compile(
    r"\b(?:dus|daarbij|hiervoor|hierbij|hier|daar|ze|zij|hun|hen|je|jij|jou|jouw|jezelf)\b"
    r"|\bde zeven consortia\b|\bpraktijkvoorbeelden\b|^de conclusie was\b",
    re.IGNORECASE,
)


def leans_on_context(quote: str) -> bool:
    """Whether a passage leans on a context the letter's reader does not have (see ``_LEANS_ON_CONTEXT``)."""
    return bool(_LEANS_ON_CONTEXT.search(normalise_text(quote).lstrip(_OPENING)))


def printed_quote(quote: str) -> str:
    """A passage as a letter prints it: a whole list item or spoken sentence of the source, which has no full
    stop there, closes with one ("Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij.")."""
    text = " ".join(quote.split())
    return text if text.rstrip(_CLOSING).endswith((*_STOPS, "?")) else text + "."


# Words that tie a sentence of an intervention's text to a sector (or to a
# municipality at the table): in a case with sectors of its own, a sentence
# whose sector words all belong elsewhere is left out ("corporaties en
# zorgorganisaties" in a school case); "wethouder" and "college" only where a
# municipality takes part.
_SECTOR_WORDS: dict[Sector, re.Pattern[str]] = {
    "wonen": re.compile(r"\b(?:woning)?corporaties?\b|\bzachte landing\b", re.IGNORECASE),
    "zorg": re.compile(
        r"\bzorgorganisaties?\b|\bcliënt(?:en)?\b|\bpatiënt(?:en)?\b|\bziekenhui(?:s|zen)\b", re.IGNORECASE
    ),
    "onderwijs": re.compile(r"\bleerlingen?\b|\bscholen\b|\bschool\b", re.IGNORECASE),
    # A sentence about a public-private partnership's own phases, in a case without companies (walk6: "Voor een
    # publiek-private samenwerking zijn evalueren en beëindigen eigen fasen." in a network's letter).
    "bedrijfsleven": re.compile(r"\bpubliek-private?\b|\bPPS\b"),
}
_MUNICIPAL_WORDS = re.compile(r"\bwethouders?\b|\bcollege\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý‘“])")


def sentence_fits(sentence: str, sectors: frozenset[Sector], municipal: bool) -> bool:
    """Whether a sentence of an intervention's text suits a case in ``sectors``
    (``municipal``: a municipality takes part)."""
    names_municipality, named = _sentence_words(sentence)
    if not municipal and names_municipality:
        return False
    return not (named and sectors and not named & sectors)


# The sentences are the catalogue's own (an intervention's description and first steps), read for every
# recommended intervention of every diagnosis: their words are looked up once (bounded, for any other text).
@functools.lru_cache(maxsize=4096)
def _sentence_words(sentence: str) -> tuple[bool, frozenset[Sector]]:
    """Whether ``sentence`` names a municipality's office, and the sectors its words belong to."""
    named = frozenset(sector for sector, words in _SECTOR_WORDS.items() if words.search(sentence))
    return _MUNICIPAL_WORDS.search(sentence) is not None, named


@functools.lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(_SENTENCE_END.split(text.strip()))


def fitting_text(text: str, sectors: frozenset[Sector], municipal: bool) -> str:
    """``text`` without the sentences that do not suit the case; the text as
    it is when none would be left."""
    kept = [s for s in _sentences(text) if sentence_fits(s, sectors, municipal)]
    return " ".join(kept) if kept else text


__all__ = [
    "MAX_QUOTES",
    "SECTOR_OF_KIND",
    "case_sectors",
    "fits_case",
    "fitting_text",
    "leans_on_context",
    "letter_problem",
    "letter_quotes",
    "printable",
    "printable_problem",
    "printed_quote",
    "sentence_fits",
    "statement_problem",
]
