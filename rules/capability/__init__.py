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
    """Without knowing internally what one's own organisation can contribute, partners cannot represent and share its
    interests (RIVM handreiking, Integrale samenwerking; RIVM netwerkbijeenkomsten, Tips en adviezen)."""


@rule(
    "VRM002",
    title="Partners weten niet hoe zij ervoor staan en wat zij willen inleveren",
    when=[is_("organisation.own_position_clear", False)],
    then=[Diagnose("F-EIGEN-ORGANISATIE-NIET-VOORBEREID")],
)
def own_position_unclear() -> None:
    """Common Eye krimp: ken je school."""


@rule(
    "VRM003",
    title="Geen partnershipstrategie",
    when=[is_("organisation.partnership_strategy", False)],
    then=[Diagnose("F-GEEN-PARTNERSHIPSTRATEGIE")],
)
def no_partnership_strategy() -> None:
    """Partnerships cost time, capacity and money, yet few organisations have a clear partnership strategy and
    collaborations arise by chance (Common Eye, Partnership Capability Model, domein 2)."""


@rule(
    "VRM004",
    title="De cultuur remt samenwerken",
    when=[known("organisation.culture_obstacles")],
    then=[Diagnose("F-SAMENWERKINGSVERMOGEN-BEPERKT")],
)
def culture_hinders_collaboration() -> None:
    """A culture of short-term focus, control or avoiding conflict lowers the chance of successful partnerships, so it
    limits collaborative capability (Common Eye, Partnership Capability Model, domein 1)."""


@rule(
    "VRM005",
    title="Samenwerken is niet in de top belegd",
    when=[is_("organisation.top_responsibility", False)],
    then=[Diagnose("F-SAMENWERKINGSVERMOGEN-BEPERKT")],
)
def collaboration_not_owned_at_the_top() -> None:
    """Common Eye kerncompetentie; PCM domain 1."""


@rule(
    "VRM006",
    title="Samenwerkingen worden niet geëvalueerd",
    when=[is_("organisation.evaluates_collaborations", False)],
    then=[Diagnose("F-SAMENWERKINGEN-NIET-GEEVALUEERD")],
)
def collaborations_not_evaluated() -> None:
    """Common Eye kerncompetentie (Duysters & Heimeriks)."""


@rule(
    "VRM101",
    title="Eigen organisatie niet voorbereid: zorg dat zij weet wat zij inbrengt",
    when=[finding("F-EIGEN-ORGANISATIE-NIET-VOORBEREID")],
    then=[Recommend("I-EIGEN-ORGANISATIE-VOORBEREIDEN")],
)
def recommend_preparing_the_own_organisation() -> None:
    """RIVM netwerkbijeenkomsten, RIVM handreiking and Common Eye."""


@rule(
    "VRM102",
    title="Geen partnershipstrategie: bepaal er een",
    when=[finding("F-GEEN-PARTNERSHIPSTRATEGIE")],
    then=[Recommend("I-PARTNERSHIPSTRATEGIE-BEPALEN")],
)
def recommend_a_partnership_strategy() -> None:
    """A deliberate choice of which partnerships to enter, and whether the dependency is worth it, builds a portfolio
    that serves the organisation's goals (Common Eye, Partnership Capability Model, domein 2)."""


@rule(
    "VRM103",
    title="Beperkt samenwerkingsvermogen: ontwikkel het",
    when=[finding("F-SAMENWERKINGSVERMOGEN-BEPERKT")],
    then=[Recommend("I-SAMENWERKINGSVERMOGEN-ONTWIKKELEN")],
)
def recommend_developing_capability() -> None:
    """When an organisation's future depends on collaboration, it should develop collaborative capability as a core
    competence across the four domains (Common Eye, Samenwerken als kerncompetentie)."""


@rule(
    "VRM104",
    title="Geen evaluatie van samenwerkingen: evalueer en volg de lessen op",
    when=[finding("F-SAMENWERKINGEN-NIET-GEEVALUEERD")],
    then=[Recommend("I-SAMENWERKINGSVERMOGEN-ONTWIKKELEN")],
)
def recommend_evaluating_collaborations() -> None:
    """Evaluating collaborations and following up with improvement programmes has the most impact on an organisation's
    collaborative success (Common Eye, Samenwerken als kerncompetentie)."""
