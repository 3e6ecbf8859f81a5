"""Several respondents per case: aggregation, divergence as a finding, and a
letter that reports where partners disagree without naming them."""

from __future__ import annotations

from samenwerkwijzer import render_letter
from samenwerkwijzer.render._html import render_html

from ..conftest import run


def respondents(*views: tuple[str, dict]) -> dict:
    return {"respondents": [{"name": name, "observations": obs} for name, obs in views]}


def test_disagreement_on_the_climate_is_a_finding_and_the_letter_says_so_without_names():
    advice = run(
        respondents(
            ("Karin (GGD)", {"climate": {"declared": "vriendschappelijk"}}),
            ("Piet (gemeente)", {"climate": {"declared": "onenigheid"}}),
        )
    )
    assert {"F-UITEENLOPENDE-BEELDEN", "F-KLIMAAT-VERSCHILLEND-ERVAREN"} <= {f.id for f in advice.findings}
    assert {"I-VERSCHILLEN-EXPLICIET-BESPREKEN", "I-KLIMAAT-SAMEN-METEN"} <= {i.id for i in advice.interventions}
    assert advice.fact("climate.level") == "onenigheid"  # the warmest reading counts
    [divergence] = advice.divergences
    assert divergence.path == "climate.declared"
    assert [(v.value, v.count, v.respondents) for v in divergence.views] == [
        ("onenigheid", 1, []),
        ("vriendschappelijk", 1, []),
    ]
    letter = render_letter(advice)
    assert "## Waar partners verschillend kijken" in letter
    # Two respondents: nothing about their answers, which would say who answered what.
    assert "Klimaat volgens de partners: de antwoorden lopen uiteen." in letter
    assert "vriendschappelijk" not in letter.split("## Waar partners verschillend kijken")[1].split("\n## ")[0]
    assert "Karin" not in letter and "Piet" not in letter
    assert "Karin" not in render_html(advice)


def test_names_appear_only_when_the_case_allows_it():
    data = respondents(
        ("Karin", {"climate": {"declared": "waakzaam"}}), ("Piet", {"climate": {"declared": "conflict"}})
    )
    advice = run({**data, "disclose_respondents": True})
    assert "conflict (Piet) tegenover waakzaam (Karin)." in render_letter(advice)


def test_small_differences_in_climate_are_a_divergence_but_not_a_climate_finding():
    advice = run(
        respondents(("A", {"climate": {"declared": "vriendschappelijk"}}), ("B", {"climate": {"declared": "waakzaam"}}))
    )
    ids = {f.id for f in advice.findings}
    assert "F-UITEENLOPENDE-BEELDEN" in ids and "F-KLIMAAT-VERSCHILLEND-ERVAREN" not in ids


def test_the_advisor_s_own_observation_counts_then_the_majority_and_a_tie_stays_unknown():
    views = respondents(
        ("A", {"leadership": {"regie": "onduidelijk", "trekker": True}}),
        ("B", {"leadership": {"regie": "onduidelijk", "trekker": False}}),
        ("C", {"leadership": {"regie": "duidelijk"}}),
    )
    advice = run(views)
    assert advice.fact("leadership.regie") == "onduidelijk"  # 2 against 1
    assert advice.fact("leadership.trekker") is None  # 1 against 1: contested, no rule fires on it
    own = run({**views, "observations": {"leadership": {"regie": "gedeeld"}}})
    assert own.fact("leadership.regie") == "gedeeld"
    assert {d.path for d in own.divergences} >= {"leadership.regie", "leadership.trekker"}


def test_observed_signs_are_pooled():
    advice = run(
        respondents(
            ("A", {"climate": {"signs": ["niet_doorvragen"]}}),
            ("B", {"climate": {"signs": ["onderwerpen_mijden"]}}),
        )
    )
    assert advice.fact("climate.signs") == ["niet_doorvragen", "onderwerpen_mijden"]


def test_signs_only_respondents_observed_are_in_the_case_summary_and_the_letter():
    advice = run(
        respondents(
            ("A", {"climate": {"signs": ["niet_doorvragen", "onderwerpen_mijden"]}}),
            ("B", {"climate": {"signs": ["onderwerpen_mijden"]}}),
        )
    )
    assert [s.id for s in advice.case.climate_signs] == ["niet_doorvragen", "onderwerpen_mijden"]
    assert "Wat erop wijst: " in render_letter(advice)


def test_agreeing_respondents_give_no_divergence():
    advice = run(respondents(("A", {"ambition": {"shared": False}}), ("B", {"ambition": {"shared": False}})))
    assert advice.divergences == []
    assert "F-GEEN-GEDEELDE-AMBITIE" in {f.id for f in advice.findings}
    assert "Waar partners verschillend kijken" not in render_letter(advice)


def test_signs_count_per_sign_and_the_advisor_apart_without_raw_values():
    signs = ["afspraken_afgezegd", "geremd_voelen"]
    data = respondents(
        ("A", {"climate": {"signs": signs}}),
        ("B", {"climate": {"signs": ["afspraken_afgezegd"]}}),
        ("C", {"climate": {"signs": ["geremd_voelen", "direct_verdedigen"]}}),
        ("D", {"climate": {"signs": []}}),
    )
    advice = run({**data, "observations": {"climate": {"signs": ["direct_verdedigen"]}}})
    [divergence] = [d for d in advice.divergences if d.path == "climate.signs"]
    assert divergence.respondents == 3  # those who answered; the advisor is not a respondent
    assert divergence.advisor is not None and "_" not in divergence.advisor
    counts = {v.value: v.count for v in divergence.views}
    assert all("_" not in value and "[" not in value for value in counts)
    assert sorted(counts.values()) == [1, 2, 2]  # per sign, not per combination
    letter = render_letter(advice)
    section = letter.split("## Waar partners verschillend kijken")[1].split("\n## ")[0]
    assert "[" not in section and "_" not in section and "vier respondenten" not in letter
    assert "Waargenomen signalen: afspraken worden makkelijk afgezegd" in section
