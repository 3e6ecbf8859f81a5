"""A decided cut is said with who cuts, where the case names one financier (or one municipality)."""

from __future__ import annotations

from samenwerkwijzer import diagnose, parse_case, render_letter

_CASE = """
name: Buurtsport Noord
context: {{domain: sport in de wijk, phase: verdiepen}}
partners:
{partners}
observations:
  funding: {{cut: true}}
"""


def _letter(partners: str) -> str:
    return render_letter(diagnose(parse_case(_CASE.format(partners=partners))))


def test_the_one_municipality_is_named_as_the_one_who_cuts():
    letter = _letter("  - {name: Gemeente Noorddam, kind: gemeente}\n  - {name: Sportbedrijf Noord, kind: overig}")
    assert "De gemeente Noorddam heeft besloten te bezuinigen op de samenwerking." in letter
    assert "Een financier heeft besloten" not in letter


def test_a_financier_by_role_goes_before_the_municipality():
    letter = _letter(
        "  - {name: Gemeente Noorddam, kind: gemeente}\n"
        "  - {name: Fonds Noord, kind: maatschappelijke_organisatie, roles: [financier]}"
    )
    assert "Fonds Noord heeft besloten te bezuinigen op de samenwerking." in letter


def test_without_one_financier_the_letter_does_not_guess():
    letter = _letter("  - {name: Gemeente Noorddam, kind: gemeente}\n  - {name: Gemeente Zuiddam, kind: gemeente}")
    assert "Een financier heeft besloten te bezuinigen op de samenwerking." in letter
