"""What the letter says about money is what the case says: who cuts, where the case names one financier (or one
municipality); no plan for after a subsidy only where the case says there is none."""

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


_SUBSIDY = """
name: Consortium Noord
context: {{domain: gezond opgroeien, phase: verdiepen}}
partners:
  - {{name: Gemeente Noorddam, kind: gemeente}}
  - {{name: GGD Noord, kind: ggd}}
observations:
  funding: {{subsidy: true, months_left: 6{plan}}}
"""


def test_a_plan_nobody_answered_is_not_said_to_be_missing():
    letter = render_letter(diagnose(parse_case(_SUBSIDY.format(plan=""))))
    assert "geen plan" not in letter
    assert "zonder bekend plan voor daarna" in letter.lower()
    said = render_letter(diagnose(parse_case(_SUBSIDY.format(plan=", continuation_plan: false"))))
    assert "er is nog geen plan voor daarna" in said


def test_a_decided_cut_is_urgent_and_among_the_three_priorities_beside_an_ending_subsidy_and_serious_problems():
    case = parse_case(
        _SUBSIDY.format(plan="").replace("months_left: 6", "months_left: 5, cut: true")
        + "  leadership: {board_support: false, regie: onduidelijk}\n"
    )
    advice = diagnose(case)
    top = advice.interventions[:3]
    cut = [i for i in top if any("F-FINANCIERING-GEKORT" in r.findings for r in i.reasons)]
    assert cut, [i.id for i in top]
    assert cut[0].priority.urgent
    assert "De gemeente Noorddam heeft besloten te bezuinigen op de samenwerking." in render_letter(advice)
