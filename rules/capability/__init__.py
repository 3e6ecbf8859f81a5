"""Capability (samenwerkingsvermogen): the advisee's own organisation.

Common Eye: samenwerken als kerncompetentie and the Partnership Capability Model — an organisation's
strategy, top responsibility, evaluation and culture decide how well it collaborates.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, known, rule


@rule(
    "VRM001",
    title="De eigen organisatie is intern niet aangehaakt",
    when=[is_("organisation.internal_alignment", False)],
    then=[Diagnose("F-EIGEN-ORGANISATIE-NIET-VOORBEREID")],
)
def own_organisation_not_aligned() -> None:
    """Own organisation not aligned.

    Why: Without knowing internally what one's own organisation can contribute, partners cannot represent and share its
    interests (RIVM handreiking, Integrale samenwerking; RIVM netwerkbijeenkomsten, Tips en adviezen).
    Source: RIVM handreiking — "Vergeet bij het leggen van verbindingen ook de eigen interne organisatie niet!"
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves F-EIGEN-ORGANISATIE-NIET-VOORBEREID
    on other grounds to VRM002; what to do about F-EIGEN-ORGANISATIE-NIET-VOORBEREID to VRM101.
    """


@rule(
    "VRM002",
    title="Partners weten niet hoe zij ervoor staan en wat zij willen inleveren",
    when=[is_("organisation.own_position_clear", False)],
    then=[Diagnose("F-EIGEN-ORGANISATIE-NIET-VOORBEREID")],
)
def own_position_unclear() -> None:
    """Own position unclear.

    Why: An organisation that does not know where it stands, its chances, risks and what it will give up, is not ready
    to collaborate (Common Eye, krimp).
    Source: Common Eye — section "Krimp – Ken je school en de regio".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves F-EIGEN-ORGANISATIE-NIET-VOORBEREID
    on other grounds to VRM001; what to do about F-EIGEN-ORGANISATIE-NIET-VOORBEREID to VRM101.
    """


@rule(
    "VRM003",
    title="Geen partnershipstrategie",
    when=[is_("organisation.partnership_strategy", False)],
    then=[Diagnose("F-GEEN-PARTNERSHIPSTRATEGIE")],
)
def no_partnership_strategy() -> None:
    """No partnership strategy.

    Why: Partnerships cost time, capacity and money, yet few organisations have a clear partnership strategy and
    collaborations arise by chance (Common Eye, Partnership Capability Model, domein 2).
    Source: Common Eye — "Partnerships vragen (doorloop)tijd, capaciteit en ook geld."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GEEN-PARTNERSHIPSTRATEGIE to VRM102.
    """


@rule(
    "VRM004",
    title="De cultuur remt samenwerken",
    when=[known("organisation.culture_obstacles")],
    then=[Diagnose("F-SAMENWERKINGSVERMOGEN-BEPERKT")],
)
def culture_hinders_collaboration() -> None:
    """Culture hinders collaboration.

    Why: A culture of short-term focus, control or avoiding conflict lowers the chance of successful partnerships, so it
    limits collaborative capability (Common Eye, Partnership Capability Model, domein 1).
    Source: Common Eye — "Zonder het commitment van het (formele) leiderschap wordt het lastig om structureel
    partnerships te ontwikkelen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves F-SAMENWERKINGSVERMOGEN-BEPERKT on
    other grounds to VRM005; what to do about F-SAMENWERKINGSVERMOGEN-BEPERKT to VRM103.
    """


@rule(
    "VRM005",
    title="Samenwerken is niet in de top belegd",
    when=[is_("organisation.top_responsibility", False)],
    then=[Diagnose("F-SAMENWERKINGSVERMOGEN-BEPERKT")],
)
def collaboration_not_owned_at_the_top() -> None:
    """Collaboration not owned at the top.

    Why: Without commitment of the formal leadership an organisation cannot develop partnerships structurally (Common
    Eye, core competence).
    Source: Common Eye — "Zonder het commitment van het (formele) leiderschap wordt het lastig om structureel
    partnerships te ontwikkelen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves F-SAMENWERKINGSVERMOGEN-BEPERKT on
    other grounds to VRM004; what to do about F-SAMENWERKINGSVERMOGEN-BEPERKT to VRM103.
    """


@rule(
    "VRM006",
    title="Samenwerkingen worden niet geëvalueerd",
    when=[is_("organisation.evaluates_collaborations", False)],
    then=[Diagnose("F-SAMENWERKINGEN-NIET-GEEVALUEERD")],
)
def collaborations_not_evaluated() -> None:
    """Collaborations not evaluated.

    Why: Evaluating collaborations is the building block with the most impact on an organisation's success in
    collaborating (Common Eye, after Duysters and Heimeriks).
    Source: Common Eye — section "Samenwerken als kerncompetentie – Interessante bouwstenen".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-SAMENWERKINGEN-NIET-GEEVALUEERD to VRM104.
    """


@rule(
    "VRM101",
    title="Eigen organisatie niet voorbereid: zorg dat zij weet wat zij inbrengt",
    when=[finding("F-EIGEN-ORGANISATIE-NIET-VOORBEREID")],
    then=[Recommend("I-EIGEN-ORGANISATIE-VOORBEREIDEN")],
)
def recommend_preparing_the_own_organisation() -> None:
    """Recommends preparing the own organisation.

    Why: Each partner prepares its own organisation: it knows where it stands and what it brings in and is willing to
    give up (RIVM netwerkbijeenkomsten, RIVM handreiking, Common Eye).
    Source: RIVM netwerkbijeenkomsten — "Ook in eigen instelling/organisatie weten wat disciplines doen, c.q. kunnen
    bijdragen".
    Not when: no guard of its own; it fires whenever F-EIGEN-ORGANISATIE-NIET-VOORBEREID is diagnosed, and no rule
    withholds its advice.
    """


@rule(
    "VRM102",
    title="Geen partnershipstrategie: bepaal er een",
    when=[finding("F-GEEN-PARTNERSHIPSTRATEGIE")],
    then=[Recommend("I-PARTNERSHIPSTRATEGIE-BEPALEN")],
)
def recommend_a_partnership_strategy() -> None:
    """Recommends a partnership strategy.

    Why: A deliberate choice of which partnerships to enter, and whether the dependency is worth it, builds a portfolio
    that serves the organisation's goals (Common Eye, Partnership Capability Model, domein 2).
    Source: Common Eye — "Een doordachte keus ten aanzien van de samenwerkingen die een organisatie aan wil gaan en ook
    daadwerkelijk aangaat, is echter belangrijk."
    Not when: no guard of its own; it fires whenever F-GEEN-PARTNERSHIPSTRATEGIE is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "VRM103",
    title="Beperkt samenwerkingsvermogen: ontwikkel het",
    when=[finding("F-SAMENWERKINGSVERMOGEN-BEPERKT")],
    then=[Recommend("I-SAMENWERKINGSVERMOGEN-ONTWIKKELEN")],
)
def recommend_developing_capability() -> None:
    """Recommends developing capability.

    Why: When an organisation's future depends on collaboration, it should develop collaborative capability as a core
    competence across the four domains (Common Eye, Samenwerken als kerncompetentie).
    Source: Common Eye — "Tegelijkertijd is training alleen niet voldoende. Er is meer nodig om samenwerken als
    kerncompetentie te ontwikkelen."
    Not when: no guard of its own; it fires whenever F-SAMENWERKINGSVERMOGEN-BEPERKT is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "VRM104",
    title="Geen evaluatie van samenwerkingen: evalueer en volg de lessen op",
    when=[finding("F-SAMENWERKINGEN-NIET-GEEVALUEERD")],
    then=[Recommend("I-SAMENWERKINGSVERMOGEN-ONTWIKKELEN")],
)
def recommend_evaluating_collaborations() -> None:
    """Recommends evaluating collaborations.

    Why: Evaluating collaborations and following up with improvement programmes has the most impact on an organisation's
    collaborative success (Common Eye, Samenwerken als kerncompetentie).
    Source: Common Eye — "Tegelijkertijd is training alleen niet voldoende. Er is meer nodig om samenwerken als
    kerncompetentie te ontwikkelen."
    Not when: no guard of its own; it fires whenever F-SAMENWERKINGEN-NIET-GEEVALUEERD is diagnosed, and no rule
    withholds its advice.
    """


__all__ = [
    "collaboration_not_owned_at_the_top",
    "collaborations_not_evaluated",
    "culture_hinders_collaboration",
    "no_partnership_strategy",
    "own_organisation_not_aligned",
    "own_position_unclear",
    "recommend_a_partnership_strategy",
    "recommend_developing_capability",
    "recommend_evaluating_collaborations",
    "recommend_preparing_the_own_organisation",
]
