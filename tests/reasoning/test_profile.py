"""The profile in bands (issue 21, acceptance 4): each condition's band from the mean of its statements over
every voice, with the number of voices; fewer than two answered statements is *niet beoordeeld*; the
respondents' figures only from three respondents on; the letter shows the bands."""

from __future__ import annotations

from datetime import date

from samenwerkwijzer import case_from_data, diagnose, render_html, render_letter
from samenwerkwijzer.model._catalogue import load_catalogue

TODAY = date(2026, 1, 1)
KB = load_catalogue()
PROCESS = [s.id for s in KB.statements if s.condition == "betekenisgevend_proces"]
AMBITION = [s.id for s in KB.statements if s.condition == "gedeelde_ambitie"]


def _advice(advisor: dict[str, int], respondents: list[dict[str, int]] = ()):  # type: ignore[assignment]
    data = {
        "name": "Het Netwerk Oost",
        "observations": {"statements": advisor},
        "respondents": [{"name": f"R{n}", "observations": {"statements": s}} for n, s in enumerate(respondents)],
    }
    return diagnose(case_from_data(data), today=TODAY)


def _band(advice, condition: str):
    return next(b for b in advice.profile if b.id == condition)


def test_a_band_is_the_mean_over_every_voice_with_wilders_thresholds():
    scale = KB.bands
    assert [b.id for b in scale.bands] == ["sterk", "aandacht", "zorg"] and scale.minimum_statements == 2
    strong = _advice({PROCESS[0]: 5, PROCESS[1]: 4}, [{PROCESS[0]: 4}])
    band = _band(strong, "betekenisgevend_proces")
    assert (band.band, band.mean, band.voices, band.answered) == ("sterk", 4.3, 2, 2)
    borderline = _band(_advice({PROCESS[0]: 3, PROCESS[1]: 4}), "betekenisgevend_proces")
    assert (borderline.band, borderline.mean) == ("aandacht", 3.5)
    concern = _band(_advice({PROCESS[0]: 2, PROCESS[1]: 3}), "betekenisgevend_proces")
    assert (concern.band, concern.mean) == ("zorg", 2.5)


def test_fewer_than_two_answered_statements_is_not_assessed():
    advice = _advice({PROCESS[0]: 1}, [{PROCESS[0]: 2}, {PROCESS[0]: 1}])
    band = _band(advice, "betekenisgevend_proces")
    assert band.band == "niet beoordeeld" and band.mean is None and band.voices == 3 and band.answered == 1
    assert _band(advice, "gedeelde_ambitie").voices == 0
    assert _advice({}).profile == []  # no statements scored: no profile at all


def test_respondents_figures_only_from_three_and_the_advisor_apart():
    two = _advice({AMBITION[0]: 4}, [{AMBITION[0]: 1}, {AMBITION[0]: 5}])
    [statement] = [s for s in two.statements if s.id == AMBITION[0]]
    assert statement.advisor == 4 and statement.respondents == 0 and statement.respondents_mean is None
    three = _advice({AMBITION[0]: 4}, [{AMBITION[0]: 1}, {AMBITION[0]: 5}, {AMBITION[0]: 3}])
    [statement] = [s for s in three.statements if s.id == AMBITION[0]]
    assert (statement.respondents, statement.respondents_mean, statement.spread, statement.differ) == (3, 3.0, 4, True)


def test_the_letter_shows_the_bands_with_the_voices():
    advice = _advice({PROCESS[0]: 2, PROCESS[1]: 2}, [{PROCESS[0]: 1}])
    letter = render_letter(advice)
    assert "| Conditie | Stand | Stellingen | Toelichting |" in letter
    assert "zorg (1,7 gemiddeld, twee stemmen)" in letter
    assert "Stellingen" in render_html(advice)
    assert "| Conditie | Stand | Toelichting |" in render_letter(_advice({}))  # no statements: no column
