"""The words the case's sentences are made of: a sentence with what it rests on, a date and a count written
out, a partner's name inside a sentence, the first sentence of a knowledge text, a situational finding's
reason, and the round dates a deadline falls on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple, get_args

from ..model._case_types import PartnerKind
from ._dutch import number_word
from ._partner_names import common_name

__all__ = [
    "SubsidyEnd",
    "subsidy_end",
    "MIN_RESPONDENTS",
    "MONTHS",
    "Sentence",
    "date_nl",
    "days_after",
    "first_sentence",
    "lower_first",
    "months_after",
    "number",
    "partner_name",
    "round_up",
    "situational_reason",
    "upper_first",
]

# Where a situational finding's first sentence turns from the situation to what is not known about it.
_UNKNOWN_PART = re.compile(r", (?:en |maar )?(?:of|welke|hoe|wat|zichtbare|een plan)\b|; (?:dit advies|het advies)")
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý‘“])")


def situational_reason(explanation: str) -> str:
    """A finding that rests on the situation, as the letter's reason: the situation itself and what the sources
    advise in it ("Deze samenwerking is intersectoraal. De bronnen adviseren …"), without the catalogue's
    hedges about what is not known and without saying what the advice does not rest on."""
    sentences = _SENTENCES.split(" ".join(explanation.split()))
    situation = _UNKNOWN_PART.split(sentences[0])[0].rstrip(" ,;.")
    advice = sentences[1] if len(sentences) > 1 else ""
    return f"{situation}. {advice}".strip()


MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

# The fewest respondents whose answers a letter counts or describes.
MIN_RESPONDENTS = 3


@dataclass
class Sentence:
    """A sentence of the letter and what it rests on."""

    text: str
    rests_on: list[str] = field(default_factory=list)


def date_nl(day: date, *, year: bool = True) -> str:
    """A date written out: 1 maart 2027 (without the year when ``year`` is false)."""
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


_TENS = {30: "dertig", 40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig", 80: "tachtig", 90: "negentig"}


class SubsidyEnd(NamedTuple):
    """When the subsidy ends, as the letter says it: ``when`` ("op 1 maart 2027", "over vier maanden", "over een
    maand", or "" for an end that has passed without a date), and whether it has ended."""

    when: str
    ended: bool

    @property
    def verb(self) -> str:
        """After "De subsidie": "loopt op 1 maart 2027 af", "is op 1 januari 2026 afgelopen", "is afgelopen"."""
        words = ["is", self.when, "afgelopen"] if self.ended else ["loopt", self.when, "af"]
        return " ".join(w for w in words if w)

    @property
    def clause(self) -> str:
        """After "een subsidie,": "die op 1 maart 2027 afloopt", "die op 1 januari 2026 is afgelopen"."""
        words = ["die", self.when, "is afgelopen" if self.ended else "afloopt"]
        return " ".join(w for w in words if w)


def subsidy_end(months_left: int | None, end: date | None, end_given: bool, letter_date: date) -> SubsidyEnd:
    """The subsidy's end; where it has passed (no month left and no later end date) it has ended, and a past end
    date never reads as a date still ahead."""
    if end_given and end is not None:
        return SubsidyEnd(f"op {date_nl(end)}", end <= letter_date)
    if months_left == 0:
        return SubsidyEnd("", True)
    return SubsidyEnd("over een maand" if months_left == 1 else f"over {number(months_left or 0)} maanden", False)


def number(n: int) -> str:
    """A count in running text: one to twenty and the round tens up to ninety in words ("veertig
    partners"), other numbers in digits."""
    if n in _TENS:
        return _TENS[n]
    return number_word(n) if 0 <= n <= 20 else str(n)


def upper_first(text: str) -> str:
    if text.startswith("één"):  # at the start of a sentence the numeral keeps one accent: "Eén"
        return "Eén" + text[3:]
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    if text.startswith("Eén"):  # the accent stays on the lower-case numeral
        return "één" + text[3:]
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def first_sentence(text: str) -> str:
    """The first sentence of a knowledge text, up to a colon: what follows a
    colon there is the source's general description, not the case."""
    first = text.split(". ")[0].rstrip(".")
    return first.split(": ")[0].rstrip(":").rstrip(".") + "."


# The intake's kinds of partner, as an advisor may write one after a partner's name.
_KINDS = frozenset(get_args(PartnerKind))


def partner_name(name: str) -> str:
    """A partner's name inside a sentence: "de gemeente Oostdam" for "Gemeente Oostdam"; what follows
    a comma in the name goes in brackets ("de gemeente Best (fysiek domein)", "NNCZ (Noord Nederlandse …)"), unless it
    is the partner's kind or the name lists places ("… in Zonnemaire, Bruinisse, Burgh-Haamstede en Renesse")."""
    head, comma, tail = name.partition(", ")
    if comma and tail and ", " not in tail:
        # The intake's kind after the name ("SMWO, welzijnsorganisatie") is said elsewhere: not in brackets.
        if tail.lower().replace(" ", "_") in _KINDS:
            return partner_name(head)
        return f"{partner_name(head)} ({tail})"
    if name.lower() == "gemeente":
        return "de gemeente"
    if name.lower().startswith("gemeente "):
        return "de gemeente " + name[len("gemeente ") :]
    return common_name(name)


def days_after(day: date, days: int) -> date:
    return date.fromordinal(day.toordinal() + days)


def months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


def round_up(day: date) -> date:
    """The next 1st or 15th of a month on or after ``day``: a deadline reads better round."""
    if day.day in (1, 15):
        return day
    if day.day < 15:
        return day.replace(day=15)
    return months_after(day.replace(day=1), 1)
