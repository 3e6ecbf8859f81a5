"""An answer, from the text the advisor types to a value in the case data.

What the advisor can type instead of an answer (the ``…_WORDS``);
:func:`parse` reads a typed answer by the step's answer type (yes/no, a number
or a date, an option by number or name, several options) and raises
:class:`Invalid` with a Dutch explanation when it does not fit; :func:`applied`
puts a value at its place in the case data, and :func:`complete` turns the
data entered so far into a valid case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..wording._case_words import MONTHS
from ..wording._dutch import number_word
from ._intake_steps import PARTNER_KIND_LABELS, SCALE_LABELS, Step

# What the advisor can type instead of an answer.
WHY_WORDS = frozenset({"?", "waarom"})
BACK_WORDS = frozenset({"terug"})
STOP_WORDS = frozenset({"stop"})
SKIP_WORDS = frozenset({"", "-"})
# "I don't know" leaves a question unanswered (a text is taken as typed).
UNKNOWN_WORDS = frozenset({"weet niet", "weet ik niet", "onbekend"})
YES_WORDS = frozenset({"ja", "j"})
NO_WORDS = frozenset({"nee", "n"})

_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})$"),
)


_NONE_WORDS = frozenset({"geen", "niets", "geen van deze", "geen eigen vraag"})


class Invalid(Exception):
    """An answer that does not fit the question (the message is Dutch)."""


def required_message(step: Step) -> str:
    """What to say when a required question is skipped."""
    if step.kind == "choice":
        return "Deze vraag is verplicht; kies een van de antwoorden (bijvoorbeeld ‘overig’ als niets past)."
    return "Deze vraag is verplicht."


def parse(step: Step, text: str) -> Any:
    """The typed answer ``text`` as a value for the case (JSON-able)."""
    lowered = text.lower()
    if step.kind == "text":
        return _parse_date(text) if step.is_date else text
    if step.kind == "boolean":
        if lowered in YES_WORDS:
            return True
        if lowered in NO_WORDS:
            return False
        raise Invalid("Antwoord met ja of nee (of j/n).")
    if step.kind == "integer":
        return _parse_integer(step, lowered)
    if step.kind == "scale":
        return _parse_score(lowered)
    if step.kind == "partners":
        return parse_partners(text)
    if step.kind == "subsidy":
        return parse_subsidy(lowered)
    if step.kind == "choice":
        return _option(step, lowered)
    if lowered.strip() in _NONE_WORDS:
        return []  # "geen": none of them (the web form's own word for it)
    values: list[str] = []
    # "regie en opbrengst", "de regie": as an advisor types them (walk6).
    for part in (re.sub(r"^(?:de|het|een)\s+", "", p.strip()) for p in re.split(r"[,;]+|\s+en\s+", lowered)):
        if not part:
            continue
        try:
            chosen = [_option(step, part)]
        except Invalid:
            if " " not in part:
                raise
            # "1 3" or "vrijuit spreken": numbers and names separated by spaces.
            chosen = [_option(step, token) for token in part.split()]
        values += [value for value in chosen if value not in values]
    if step.maximum is not None and len(values) > step.maximum:
        raise Invalid(f"Kies er hoogstens {number_word(step.maximum)}.")
    return values


_SCORE_WORDS = {label: n for n, label in enumerate(SCALE_LABELS, 1)} | {
    "neutraal": 3,
    "deels": 3,
    "half": 3,
    "volledig eens": 5,
    "volledig oneens": 1,
    "sterk oneens": 1,
    "sterk eens": 5,
}


def _parse_score(text: str) -> int:
    if text in ("1", "2", "3", "4", "5"):
        return int(text)
    if text in _SCORE_WORDS:
        return _SCORE_WORDS[text]
    raise Invalid("Geef een getal van 1 (helemaal oneens) tot en met 5 (helemaal eens), of ‘weet ik niet’.")


# A partner's kind, read from the words in brackets or, without them, from its name.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("huisarts", "huisartsen"),
    ("ggd", "ggd"),
    ("gemeente", "gemeente"),
    ("provincie", "provincie"),
    ("ministerie", "rijk"),
    ("rijk", "rijk"),
    ("zorgverzekeraar", "zorgverzekeraar"),
    ("verzekeraar", "zorgverzekeraar"),
    ("woningcorporatie", "woningcorporatie"),
    ("corporatie", "woningcorporatie"),
    ("woonstichting", "woningcorporatie"),
    ("welzijn", "welzijnsorganisatie"),
    ("universiteit", "kennisinstelling"),
    ("hogeschool", "kennisinstelling"),
    ("kennisinstelling", "kennisinstelling"),
    ("kennisinstituut", "kennisinstelling"),
    ("onderzoek", "kennisinstelling"),
    ("school", "school"),
    ("onderwijs", "school"),
    ("kinderopvang", "school"),
    ("bewoner", "bewoners"),
    ("inwoner", "bewoners"),
    ("ziekenhuis", "zorgaanbieder"),
    ("zorg", "zorgaanbieder"),
    ("ggz", "zorgaanbieder"),
    ("bedrijf", "bedrijf"),
    (" b.v.", "bedrijf"),
    (" bv", "bedrijf"),
    ("maatschappelijk", "maatschappelijke_organisatie"),
    ("vereniging", "maatschappelijke_organisatie"),
    ("stichting", "maatschappelijke_organisatie"),
    ("overig", "overig"),
)
_TOTAL = re.compile(r"^(?:en\s+)?(?:in\s+)?totaal[:\s]+(\d+)(?:\s+\w+)*$", re.I)
_NAMED_KIND = re.compile(r"^(?P<name>.+?)\s*\((?P<kind>[^()]*)\)$")


ROLES = ("beslisser", "uitvoerder", "financier", "gebruiker")
_ROLE_WORDS = {
    "beslist": "beslisser",
    "voert uit": "uitvoerder",
    "betaalt": "financier",
    "financiert": "financier",
    "gebruikt": "gebruiker",
}


def _role(word: str) -> str | None:
    """A partner's role, by its name or what it does (``financier``, ``betaalt``)."""
    lowered = word.lower().strip()
    return lowered if lowered in ROLES else _ROLE_WORDS.get(lowered)


def _kind(words: str) -> str | None:
    lowered = f" {words.lower().strip()}"
    for kind, label in PARTNER_KIND_LABELS.items():
        if lowered.strip() in (kind, label.lower(), kind.replace("_", " ")):
            return kind
    for word, kind in _KIND_WORDS:
        if word in lowered:
            return kind
    return None


def parse_partners(text: str) -> dict[str, Any]:
    """The partners in one answer: a line (or a part between semicolons) per organisation, its kind in
    brackets or read from its name, and after the kind its roles if known (``Gemeente Oss (gemeente:
    beslisser, financier)``); ``in totaal 12`` when more take part than are named."""
    partners: list[dict[str, Any]] = []
    total: int | None = None
    for part in (p.strip(" -•*\t") for p in re.split(r"[;\n]+", text)):
        if not part:
            continue
        counted = _TOTAL.match(part)
        if counted:
            total = int(counted.group(1))
            continue
        named = _NAMED_KIND.match(part)
        name, said = (named["name"].strip(), named["kind"]) if named else (part, part)
        words = [w.strip() for w in re.split(r"[,:]", said) if w.strip()] if named else [said]
        roles = [role for w in words[1:] if (role := _role(w)) is not None]
        unknown = [w for w in words[1:] if _role(w) is None]
        if unknown:  # a role the intake does not know was dropped without a word (found by the holdout8 encoder)
            raise Invalid(
                f"‘{unknown[0]}’ is geen rol die de intake kent; noem na de soort alleen rollen: beslisser, "
                "uitvoerder, financier, gebruiker (of laat de rollen weg)."
            )
        kind = _kind(words[0] if words else said) or (_kind(name) if named else None)
        if kind is None:
            choices = ", ".join(PARTNER_KIND_LABELS.values())
            raise Invalid(
                f"Van ‘{name}’ is niet duidelijk wat voor organisatie het is; zet de soort erachter "
                f"tussen haakjes, bijvoorbeeld ‘{name} (gemeente)’. Soorten: {choices}."
            )
        if any(p["name"] == name for p in partners):
            raise Invalid(f"‘{name}’ staat er twee keer in; noem elke partner één keer.")
        partners.append(
            {"name": name, "kind": kind} | ({"roles": sorted(set(roles), key=ROLES.index)} if roles else {})
        )
    if not partners and total is None:
        raise Invalid("Noem ten minste één organisatie, of het aantal: in totaal 12.")
    if total is not None and total < len(partners):
        raise Invalid(f"In totaal {total} is minder dan de {len(partners)} organisaties die u noemt.")
    return {"partners": partners, "total": total}


_UNTIL = re.compile(r"^(?:ja\b[,:;]?\s*)?(?:tot(?:\s+en\s+met)?\s+|nog\s+)?(?P<when>.*?)(?:\s+maanden?)?$")


def parse_subsidy(text: str) -> dict[str, Any]:
    """Whether a subsidy funds the collaboration and until when: ``nee``; ``ja``; ``ja, tot 30-6-2027``,
    a date alone, or a number of months (``ja, nog 14 maanden``, ``14``)."""
    if text in NO_WORDS:
        return {"subsidy": False}
    if text in YES_WORDS:
        return {"subsidy": True}
    found = _UNTIL.match(text.strip())
    when = found["when"].strip() if found else ""
    day = _as_date(when)
    if day is not None:
        return {"subsidy": True, "end_date": day}
    if when.isdigit():
        return {"subsidy": True, "months_left": int(when)}
    raise Invalid(
        "Antwoord met nee, met ja, of met ja en wanneer de subsidie afloopt: een datum als "
        "30-6-2027 of een aantal maanden (ja, nog 14 maanden)."
    )


_WRITTEN_DATE = re.compile(r"^(?P<d>\d{1,2})\s+(?P<month>[a-z]+)\s+(?P<y>\d{4})$")


LISTED_AT_MOST = 15  # a list longer than this is answered by numbers (the checklist)
# "eind 2027", "medio 2027", "maart 2027": the last day of that year, half-year or month (walk6).
_LOOSE_DATE = re.compile(r"^(?:(?P<part>eind|medio|half|begin)\s+|(?P<month>[a-z]+)\s+)?(?P<y>\d{4})$")


def _as_date(text: str) -> str | None:
    """``text`` as an ISO date when it is written as one (2027-03-01, 1-3-2027 or 1 maart 2027; eind 2027, medio
    2027, maart 2027 or a year alone as the last day of that period), else None."""
    loose = _LOOSE_DATE.match(text.strip().lower())
    if loose and (loose["part"] or loose["month"] in MONTHS or (not loose["month"] and int(loose["y"]) >= 2000)):
        year = int(loose["y"])
        if loose["month"]:
            month = MONTHS.index(loose["month"]) + 1
            following = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1).isoformat()
        ends = {"eind": (12, 31), "medio": (6, 30), "half": (6, 30), "begin": (1, 31)}[loose["part"] or "eind"]
        return date(year, *ends).isoformat()
    written = _WRITTEN_DATE.match(text.strip().lower())
    if written and written["month"] in MONTHS:
        text = f"{written['d']}-{MONTHS.index(written['month']) + 1}-{written['y']}"
    for pattern in _DATE_FORMATS:
        match = pattern.match(text.strip())
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                raise Invalid(f"{text} is geen bestaande datum.") from None
    return None


def _parse_date(text: str) -> str:
    found = _as_date(text)
    if found is None:
        raise Invalid("Geef een datum als 2027-03-01 of 1-3-2027.")
    return found


def _parse_integer(step: Step, text: str) -> Any:
    if step.accepts_date:
        found = _as_date(text)
        if found is not None:
            return found
    low = step.minimum if step.minimum is not None else 0
    try:
        number = int(text)
    except ValueError:
        if step.accepts_date:
            raise Invalid(f"Geef een aantal maanden (minimaal {low}) of een datum als 2027-06-30.") from None
        raise Invalid(f"Geef een geheel getal (minimaal {low}).") from None
    if number < low:
        raise Invalid(f"Het getal moet minimaal {low} zijn.")
    if step.maximum is not None and number > step.maximum:
        raise Invalid(f"Het getal mag hoogstens {step.maximum} zijn.")
    return number


def _option(step: Step, token: str) -> str:
    """An option by its number, its name or the words it is shown with, or an unambiguous beginning of either."""
    if token.isdigit():
        n = int(token)
        if 1 <= n <= len(step.options):
            return step.options[n - 1]
        raise Invalid(f"Kies een nummer van 1 tot en met {len(step.options)}.")
    shown = step.labels or step.options
    words = {
        option: {option.replace("_", " "), label.lower()} for option, label in zip(step.options, shown, strict=True)
    }
    typed = token.replace("_", " ")
    exact = [option for option, said in words.items() if typed in said]
    if len(exact) == 1:
        return exact[0]
    starts = [option for option, said in words.items() if any(w.startswith(typed) for w in said)]
    if len(starts) == 1:
        return starts[0]
    label = dict(zip(step.options, shown, strict=True))
    if starts:
        raise Invalid(f"‘{token}’ past bij meer dan één antwoord: {'; '.join(label[o] for o in starts)}.")
    if len(shown) > LISTED_AT_MOST:  # a long list (the checklist): its numbers, not every sentence again (walk6)
        raise Invalid(f"‘{token}’ is geen van de mogelijke antwoorden; kies nummers van 1 tot en met {len(shown)}.")
    names = ", ".join(shown)
    raise Invalid(f"‘{token}’ is geen van de mogelijke antwoorden; kies een nummer of een van: {names}.")


def applied(data: Mapping[str, Any], target: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A copy of the case data with ``value`` at ``target``, creating what is
    missing; only the containers on the way are copied."""
    part, rest = target[0], target[1:]
    assert isinstance(part, str)
    out = dict(data)
    if not rest:
        out[part] = date.fromisoformat(value) if part == "end_date" and isinstance(value, str) else value
        return out
    child = out.get(part)
    if isinstance(rest[0], int):
        items = list(child) if isinstance(child, list) else []
        index = rest[0]
        while len(items) <= index:
            items.append({})
        items[index] = applied(items[index], rest[1:], value) if rest[1:] else value
        out[part] = items
    else:
        out[part] = applied(child if isinstance(child, dict) else {}, rest, value)
    return out


def complete(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` without partners that are still being entered (no kind yet)
    and without empty sections: always a valid case once it has a name."""
    out = dict(data)
    if "partners" in out:
        out["partners"] = [p for p in out["partners"] if "kind" in p]
    return _prune(out)


def _prune(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty sections (left by questions nobody answered)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _prune(value)
            if not value:
                continue
        elif isinstance(value, list):
            value = [_prune(item) if isinstance(item, dict) else item for item in value]
        out[key] = value
    return out


__all__ = [
    "BACK_WORDS",
    "LISTED_AT_MOST",
    "NO_WORDS",
    "ROLES",
    "SKIP_WORDS",
    "STOP_WORDS",
    "UNKNOWN_WORDS",
    "WHY_WORDS",
    "YES_WORDS",
    "Invalid",
    "applied",
    "complete",
    "parse",
    "parse_partners",
    "parse_subsidy",
    "required_message",
]
