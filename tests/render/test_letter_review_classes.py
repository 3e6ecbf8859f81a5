"""Issue 24, acceptance 7: the classes of defect the senior advisor's reading of eight letters found in more than
one letter (review of 2026-12-07), tested over the letters of all examples and panel cases."""

from __future__ import annotations

import re

import pytest

from .test_letter_defect_classes import ALL_NAMES, letter_of

_QUOTE = re.compile(r"^“(.*)” \[\d+\]$", re.MULTILINE)


def _printed_quotes(name: str) -> list[str]:
    return _QUOTE.findall(letter_of(name).split("## Bronnen")[0])


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_printed_quote_is_a_closed_sentence_without_heading_or_question(name):
    """ "“Door een kartrekker aan te wijzen maak je iemand verantwoordelijk voor het proces” [2]" (no full stop),
    "“Aan de slag: start met iets concreets …”" and "“Fase 6: Evalueer uw PPS”" (headings), "“Duidelijke
    afspraken over rollen, taken, tijd en geld”" (a label), "“Willems e.a. (2018) onderscheiden …”" (the
    literature), "“… of zijn jullie het echt niet eens?”" (a question to the reader)."""
    for quote in _printed_quotes(name):
        end = quote.rstrip("’”\"')")
        assert end.endswith((".", "!", "…")), (name, quote)
        head, colon, _ = quote.partition(":")
        assert not colon or len(head.split()) > 3 or " is " in f" {head} ", (name, quote)
        assert not re.search(r"\be\.a\. \(\d{4}\)", quote), (name, quote)
        assert not quote.startswith(("Duidelijke ", "Gezamenlijke ")), (name, quote)
