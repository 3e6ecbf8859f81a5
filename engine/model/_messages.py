"""Dutch for what goes wrong: every message of the library's errors is Dutch.

The texts other libraries produce in English (pydantic's validation errors,
the JSON decoder's and PyYAML's complaints, the operating system's reasons)
are mapped here to Dutch by their type, never shown as they come: a type or
a text this module does not know gets a general Dutch sentence instead.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Mapping
from typing import Any

#: Operating-system reasons by errno; any other is "systeemfout" with its code.
_OS_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang",
    errno.EPERM: "niet toegestaan",
    errno.EISDIR: "is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische koppelingen",
    errno.EMFILE: "te veel open bestanden",
    errno.EIO: "leesfout of schrijffout van het apparaat",
    errno.EPIPE: "de lezer is weg",
    errno.EBADF: "niet open",
    errno.EINVAL: "ongeldig argument",
    errno.ENXIO: "geen apparaat of adres",
    errno.EADDRINUSE: "het adres is al in gebruik",
    errno.EADDRNOTAVAIL: "dit adres is op deze computer niet beschikbaar",
    errno.EAGAIN: "tijdelijk niet beschikbaar",
    errno.ENOMEM: "onvoldoende geheugen",
}


def os_reason(exc: BaseException) -> str:
    """The reason of an operating-system error in Dutch (``geen toegang``)."""
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        return _OS_REASONS.get(number, f"systeemfout {errno.errorcode.get(number, number)}")
    return "systeemfout"


def or_list(items: list[str]) -> str:
    """``A``, ``A of B``, ``A, B of C``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " of " + items[-1]


def did_you_mean(given: str, known: list[str], n: int = 3) -> str:
    """``; bedoelt u A, B of C?`` with the nearest of ``known`` (nothing when none is near)."""
    import difflib

    close = difflib.get_close_matches(given.strip().upper(), known, n=n) or difflib.get_close_matches(given, known, n=n)
    return f"; bedoelt u {or_list(close)}?" if close else ""


def unknown_intervention(given: str, known: list[str]) -> str:
    """The message for an intervention id the knowledge does not have, with the nearest ids."""
    hint = did_you_mean(given, known) or "; de interventies staan in de kennisbank (samenwerkwijzer kb)"
    return f"onbekende interventie {given!r}{hint}"


def number_nl(n: int) -> str:
    """An amount with Dutch thousands separators: ``2.097.152``."""
    return f"{n:,}".replace(",", ".")


def type_nl(value: Any) -> str:
    """What kind of value a user gave, in Dutch."""
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return "ja of nee"
    if isinstance(value, int | float):
        return "een getal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list | tuple):
        return "een lijst"
    if isinstance(value, dict):
        return "een verzameling velden"
    return "een waarde van een ander soort"


def _choices(expected: str) -> str:
    # pydantic: "'a', 'b' or 'c'"
    return re.sub(r" or (?=('|\"|\d|[A-Z]))", " of ", expected)


#: pydantic's error types -> a Dutch template (formatted with the error's ``ctx``).
PYDANTIC_TEMPLATES: Mapping[str, str] = {
    "missing": "is verplicht",
    "extra_forbidden": "onbekend veld",
    "literal_error": "moet een van deze waarden zijn: {expected}",
    "enum": "moet een van deze waarden zijn: {expected}",
    "string_type": "moet tekst zijn",
    "string_sub_type": "moet tekst zijn",
    "string_unicode": "moet tekst zijn",
    "string_too_short": "moet ten minste {min_length} teken(s) lang zijn",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "string_pattern_mismatch": "heeft niet de vorm die hier hoort",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "int_parsing_size": "is een te groot getal",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_type": "moet true of false zijn (ja of nee)",
    "bool_parsing": "moet true of false zijn (ja of nee)",
    "greater_than": "moet groter zijn dan {gt}",
    "greater_than_equal": "moet ten minste {ge} zijn",
    "less_than": "moet kleiner zijn dan {lt}",
    "less_than_equal": "mag hoogstens {le} zijn",
    "multiple_of": "moet een veelvoud zijn van {multiple_of}",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "moet een bestaande datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zijn zonder tijd (JJJJ-MM-DD)",
    "datetime_type": "moet een datum en tijd zijn",
    "datetime_parsing": "moet een datum en tijd zijn",
    "datetime_from_date_parsing": "moet een datum en tijd zijn",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst zijn",
    "set_type": "moet een lijst zijn",
    "frozen_set_type": "moet een lijst zijn",
    "iterable_type": "moet een lijst zijn",
    "too_short": "moet ten minste {min_length} item(s) hebben",
    "too_long": "heeft te veel items (hoogstens {max_length})",
    "dict_type": "moet een verzameling velden zijn",
    "model_type": "moet een verzameling velden zijn",
    "model_attributes_type": "moet een verzameling velden zijn",
    "dataclass_type": "moet een verzameling velden zijn",
    "mapping_type": "moet een verzameling velden zijn",
    "none_required": "moet leeg zijn",
    "is_instance_of": "heeft niet het juiste soort",
    "union_tag_invalid": "heeft een onbekende soort",
    "union_tag_not_found": "mist het veld dat de soort aangeeft",
    "frozen_field": "mag niet worden veranderd",
    "frozen_instance": "mag niet worden veranderd",
    "json_invalid": "is geen geldige JSON",
    "json_type": "moet JSON-tekst zijn",
    "recursion_loop": "verwijst naar zichzelf",
    "url_type": "moet een adres zijn",
    "url_parsing": "moet een geldig adres zijn",
    "uuid_type": "moet een UUID zijn",
    "uuid_parsing": "moet een UUID zijn",
}
GENERAL = "is ongeldig"

#: The case model's own checks (``ValueError`` in ``_case.py``): English pattern -> Dutch template. The patterns
#: are compiled when a message is first translated (``re``'s cache), not at start-up: most runs have none.
VALUE_ERRORS: tuple[tuple[str, str], ...] = tuple(
    (pattern, template)
    for pattern, template in (
        (
            r"contains a lone surrogate \((?P<code>U\+[0-9A-F]+)\) at character (?P<at>\d+);.*",
            "bevat een losse surrogaat ({code}) op teken {at}; tekst mag geen stuurtekens bevatten behalve "
            "regeleinde en tab",
        ),
        (
            r"contains a control character \((?P<code>U\+[0-9A-F]+)\) at character (?P<at>\d+);.*",
            "bevat een stuurteken ({code}) op teken {at}; tekst mag geen stuurtekens bevatten behalve "
            "regeleinde en tab",
        ),
        (r"give either end_date or months_left, not both", "geef end_date of months_left, niet allebei"),
        (r"unknown statement (?P<names>.*?); known: (?P<known>.*)", "onbekende stelling {names}; bekend: {known}"),
        (
            r"partner names must be unique; repeated: (?P<names>.*)",
            "de namen van de partners moeten verschillen; dubbel: {names}",
        ),
        (
            r"respondent names must be unique; repeated: (?P<names>.*)",
            "de namen van de respondenten moeten verschillen; dubbel: {names}",
        ),
        (
            r"(?P<field>\S+) \((?P<count>\d+)\) is smaller than the number of listed partners \((?P<listed>\d+)\)",
            "{field} ({count}) is kleiner dan het aantal genoemde partners ({listed})",
        ),
        (
            r"(?P<field>\S+) \((?P<count>\d+)\) is smaller than the number of listed private partners "
            r"\((?P<listed>\d+)\)",
            "{field} ({count}) is kleiner dan het aantal genoemde private partners ({listed})",
        ),
    )
)


def value_error(text: str) -> str:
    """A check of the case model in Dutch (a text it does not know: :data:`GENERAL`)."""
    for pattern, template in VALUE_ERRORS:
        found = re.fullmatch(pattern, text, re.DOTALL)
        if found is not None:
            parts = {k: v.replace(" and ", " en nog ").replace(" more", "") for k, v in found.groupdict().items()}
            return template.format(**parts)
    return GENERAL


def pydantic_message(err: Mapping[str, Any]) -> str:
    """One of pydantic's validation errors in Dutch, by its type."""
    kind = str(err.get("type", ""))
    if kind == "value_error":
        return value_error(str(err.get("msg", "")).removeprefix("Value error, "))
    if kind == "string_too_short" and (err.get("ctx") or {}).get("min_length") == 1:
        return "mag niet leeg zijn"
    template = PYDANTIC_TEMPLATES.get(kind)
    if template is None:
        return GENERAL
    context = dict(err.get("ctx") or {})
    if "expected" in context:
        context["expected"] = _choices(str(context["expected"]))
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):
        return template.split(" {")[0] if "{" in template else template


#: The JSON decoder's messages (their start) -> Dutch.
_JSON = (
    ("Expecting value", "waarde verwacht"),
    ("Expecting property name enclosed in double quotes", "veldnaam tussen dubbele aanhalingstekens verwacht"),
    ("Expecting ',' delimiter", "komma verwacht"),
    ("Expecting ':' delimiter", "dubbele punt verwacht"),
    ("Extra data", "nog iets na het einde van de JSON"),
    ("Unterminated string", "tekst zonder afsluitend aanhalingsteken"),
    ("Invalid control character", "stuurteken in een tekst"),
    ("Invalid \\escape", "ongeldige escape (\\) in een tekst"),
    ("Invalid \\uXXXX escape", "ongeldige \\u-escape in een tekst"),
    ("Illegal trailing comma", "komma voor het einde"),
)


def json_reason(msg: str) -> str:
    """What the JSON decoder found wrong, in Dutch."""
    for start, dutch in _JSON:
        if msg.startswith(start):
            return dutch
    return "onleesbaar"


#: PyYAML's problems (a fragment of them) -> Dutch.
_YAML = (
    ("expected the node content", "een waarde verwacht"),
    ("did not find expected node content", "een waarde verwacht"),
    ("mapping values are not allowed", "een dubbele punt op een plek waar geen veld kan beginnen"),
    ("could not find expected ':'", "dubbele punt verwacht"),
    ("did not find expected key", "een veld verwacht; klopt het inspringen?"),
    ("did not find expected '-' indicator", "een lijstitem (-) verwacht; klopt het inspringen?"),
    ("found character '\\t' that cannot start any token", "een tab; spring in met spaties"),
    ("that cannot start any token", "een teken waarmee niets kan beginnen"),
    ("found unexpected end of stream", "het bestand houdt onverwacht op"),
    ("found unknown escape character", "ongeldige escape (\\) in een tekst"),
    ("expected <block end>", "een regel die niet past bij het inspringen erboven"),
    ("expected a comment or a line break", "commentaar of een nieuwe regel verwacht"),
    ("expected ',' or ']'", "komma of ] verwacht"),
    ("expected ',' or '}'", "komma of } verwacht"),
    ("while scanning a quoted scalar", "tekst zonder afsluitend aanhalingsteken"),
    ("found undefined alias", "een alias (*) die nergens is gedefinieerd"),
    ("special characters are not allowed", "een teken dat in YAML niet is toegestaan"),
    ("unacceptable character", "een teken dat in YAML niet is toegestaan"),
    ("expected a single document", "meer dan één document (---)"),
    ("but found another document", "meer dan één document (---)"),
)


def yaml_reason(problem: str | None) -> str:
    """What PyYAML found wrong, in Dutch."""
    text = problem or ""
    for fragment, dutch in _YAML:
        if fragment in text:
            return dutch
    return "onleesbaar"


__all__ = [
    "GENERAL",
    "PYDANTIC_TEMPLATES",
    "VALUE_ERRORS",
    "did_you_mean",
    "json_reason",
    "number_nl",
    "or_list",
    "os_reason",
    "pydantic_message",
    "type_nl",
    "unknown_intervention",
    "value_error",
    "yaml_reason",
]
