"""What the forms accept is what the case model accepts: the same limits, said in Dutch on the form; and a
stored case the model no longer accepts explained as a page that names the field to fix.

The limits are the library's (``MAX_TEXT_CHARS``, ``MAX_RESPONDENTS``) and its rule for text: no control
characters other than newline and tab.
"""

from __future__ import annotations

import re

from samenwerkwijzer import MAX_RESPONDENTS, MAX_TEXT_CHARS, CaseError

# The case model's bounds are the library's public limits, the ones its published schema states (a test compares
# them). Read as names, not from the schema: building the case's JSON Schema cost every server start 20 ms.

# The case model's own rule (engine/model/_case.py): C0, DEL and C1 controls other than tab and newline;
# lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
MAX_NAME_CHARS = 200  # a user name, an API key's name: the column's width


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def text_problem(label: str, value: str, limit: int = MAX_TEXT_CHARS) -> str | None:
    """Why ``value`` cannot be stored as the case's text (``label`` names the field), or None."""
    if len(value) > limit:
        return f"{label} is te lang: er passen hoogstens {_thousands(limit)} tekens in."
    if _UNPRINTABLE.search(value):
        return f"{label} bevat een onzichtbaar stuurteken. Typ de tekst opnieuw, of plak hem zonder opmaak."
    return None


def respondents_full(count: int) -> str | None:
    if count >= MAX_RESPONDENTS:
        return f"Een meting heeft hoogstens {_thousands(MAX_RESPONDENTS)} respondenten; er kan er geen meer bij."
    return None


_LETTER = {
    "advisor": "De naam van de adviseur in de briefgegevens",
    "advisor_organisation": "De organisatie van de adviseur in de briefgegevens",
    "addressee": "Aan wie de brief is gericht (briefgegevens)",
    "letter_date": "De datum van de brief",
    "assessed_on": "De datum van de meting",
    "letter_place": "De plaats op de brief",
}
_FIELDS = {"name": "De naam van de respondent", "partner": "De partner van de respondent"}


def stored_case_problem(exc: CaseError, measurement_id: int | None) -> tuple[str, str | None]:
    """(what to fix, a Dutch sentence naming the field; the page where to fix it, or None)."""
    from ._context import in_words

    problem = exc.problems[0] if exc.problems else None
    location = problem.location if problem is not None else ""
    reason = _reason(problem.message if problem is not None else "")
    base = f"/metingen/{measurement_id}" if measurement_id is not None else None
    top = location.split(".", 1)[0].split("[", 1)[0]
    if top in _LETTER:
        return f"{_LETTER[top]} {reason}.", base and f"{base}/brief"
    if top == "respondents":
        found = re.match(r"respondents\[(\d+)\](?:\.(\w+))?", location)
        if found is None:
            return f"De lijst van respondenten {reason}.", base and f"{base}/respondenten"
        field = _FIELDS.get(found.group(2) or "", "Een antwoord van de respondent")
        return f"{field} {reason} (respondent {in_words(int(found.group(1)) + 1)}).", base and f"{base}/respondenten"
    if top == "name":
        return f"De naam van de samenwerking {reason}.", None
    return f"Een antwoord in de intake {reason}.", base and f"{base}/intake"


def _reason(message: str) -> str:
    # The library's messages are Dutch (engine/model/_messages.py); the English ones of older versions still read.
    text = message.lower()
    if any(w in text for w in ("control character", "surrogate", "stuurteken", "surrogaat")):
        return "bevat een onzichtbaar stuurteken"
    if any(w in text for w in ("at most", "too long", "too many", "te lang", "hoogstens", "te veel")):
        return "is te lang"
    return "is niet geldig"


__all__ = [
    "MAX_NAME_CHARS",
    "respondents_full",
    "stored_case_problem",
    "text_problem",
]
