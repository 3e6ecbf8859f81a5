"""A step the knowledge writes for a finding is the case's own step: first where that finding is behind the advice,
absent where it is not (knowledge/interventions: ``first_steps[].finding``)."""

from __future__ import annotations

from samenwerkwijzer import case_from_data, diagnose
from samenwerkwijzer.model._catalogue import load_catalogue
from tests.render.test_letter_defect_classes import advice_of

CUT = "panel/holdout5/almelo-buurtsportcoaches-bezuiniging"


def _step_for(intervention: str, finding: str) -> str:
    item = next(i for i in load_catalogue().interventions if i.id == intervention)
    return next(s.step for s in item.first_steps if s.finding == finding)


def test_after_a_cut_the_effects_start_from_what_the_cut_takes_away():
    advice = advice_of(CUT)
    effects = next(i for i in advice.interventions if i.id == "I-EFFECTEN-ZICHTBAAR-MAKEN")
    assert any("F-FINANCIERING-GEKORT" in r.findings for r in effects.reasons)
    own = _step_for("I-EFFECTEN-ZICHTBAAR-MAKEN", "F-FINANCIERING-GEKORT")
    assert effects.first_steps[0] == own and effects.plan[0].step == own
    assert effects.first_steps.count(own) == 1


def test_without_its_finding_the_case_s_step_is_left_out():
    own = _step_for("I-EFFECTEN-ZICHTBAAR-MAKEN", "F-FINANCIERING-GEKORT")
    seen = 0
    for name in ("gecombineerd", "subsidie-eindigt", "panel/real/zaltbommel-beweegtuin-senioren", CUT):
        for i in advice_of(name).interventions:
            if i.id == "I-EFFECTEN-ZICHTBAAR-MAKEN" and not any(
                "F-FINANCIERING-GEKORT" in r.findings for r in i.reasons
            ):
                seen += 1
                assert own not in i.first_steps
    assert seen, "no example gives the effects on another finding; pick one that does"


def test_a_collaboration_that_does_not_reach_its_people_reaches_them_through_who_knows_them():
    """Eighth session: the checklist's 'bereikt de inwoners … nog onvoldoende' (holdout12's Sliedrecht encoder could not
    say it) involves the residents, starting with the key figures who know them."""

    def advice(not_reached):
        data = {"name": "Platform", "observations": {"residents": {"not_reached": not_reached}}}
        return diagnose(case_from_data(data, source="test"))

    reached = {i.id: i for i in advice(True).interventions}
    assert "F-DOELGROEP-NIET-BEREIKT" in {f.id for f in advice(True).findings}
    assert reached["I-INWONERS-BETREKKEN"].plan[0].step.startswith("Zoek sleutelfiguren die veel in de wijk zijn")
    assert "F-DOELGROEP-NIET-BEREIKT" not in {f.id for f in advice(False).findings}
