"""Residents (bewoners): involving residents and leaving them their own role.

RIVM netwerkbijeenkomsten and RIVM handreiking: involve residents and clients; facilitate self-organisation and do not
take over
what residents do themselves (Common Eye, Weer thuis).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, rule


@rule(
    "BEW001",
    title="Inwoners zijn niet betrokken",
    when=[is_("residents.involved", False)],
    then=[Diagnose("F-INWONERS-NIET-BETROKKEN")],
)
def residents_not_involved() -> None:
    """Residents not involved.

    Why: Residents not involved leave the problem defined without the people it is about; all four documents ask to
    involve them (RIVM netwerkbijeenkomsten, ZonMw leernetwerk, RIVM handreiking, Common Eye).
    Source: RIVM netwerkbijeenkomsten — "Hoe betrek je ook burgers/cliënten bij wijkgericht werken".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-INWONERS-NIET-BETROKKEN to BEW101.
    """


@rule(
    "BEW003",
    title="De samenwerking bereikt de inwoners voor wie zij er is nog onvoldoende",
    when=[is_("residents.not_reached", True)],
    then=[Diagnose("F-DOELGROEP-NIET-BEREIKT")],
)
def target_group_not_reached() -> None:
    """Target group not reached.

    Why: people are reached through those who know them, not by an institution approaching them (RIVM handreiking,
    Bewegen Op Recept in Zaanstad), and by involving them in the problem and the approach (RIVM netwerkbijeenkomsten).
    Source: RIVM handreiking — "Als iemand vanuit de GGD de mensen voor BOR zou benaderen, levert dat waarschijnlijk
    veel minder respons op."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-DOELGROEP-NIET-BEREIKT to BEW103.
    """


@rule(
    "BEW002",
    title="Professionals nemen activiteiten van bewoners over",
    when=[is_("residents.professionals_take_over", True)],
    then=[Diagnose("F-PROFESSIONALS-NEMEN-OVER")],
)
def professionals_take_over() -> None:
    """Professionals take over.

    Why: Ownership belongs with the residents: professionals should give impulses without being "belerend" or taking
    activities over (RIVM handreiking, Praktijkvoorbeeld Noord-Veluwe).
    Source: RIVM handreiking — "Grote uitdaging voor professionals is om niet belerend te zijn en vooral de activiteiten
    niet over te nemen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-PROFESSIONALS-NEMEN-OVER to BEW102.
    """


@rule(
    "BEW101",
    title="Inwoners niet betrokken: betrek hen bij probleem en aanpak",
    when=[finding("F-INWONERS-NIET-BETROKKEN")],
    then=[Recommend("I-INWONERS-BETREKKEN")],
)
def recommend_involving_residents() -> None:
    """Recommends involving residents.

    Why: Residents are involved in defining the problem and the approach, not only informed afterwards (ZonMw
    leernetwerk, RIVM handreiking, Common Eye).
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij".
    Not when: no guard of its own; it fires whenever F-INWONERS-NIET-BETROKKEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEW103",
    title="Doelgroep niet bereikt: betrek de inwoners, via wie hen kent",
    when=[finding("F-DOELGROEP-NIET-BEREIKT")],
    then=[Recommend("I-INWONERS-BETREKKEN")],
)
def recommend_reaching_residents_through_them() -> None:
    """Recommends reaching residents through them.

    Why: who thinks along knows how to reach the others; the people who know the residents reach them better than an
    institution does (RIVM handreiking, Bewegen Op Recept's VETC'er), so the advice is to involve residents or clients
    in the problem and the approach, through those who know them.
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij".
    Not when: no guard of its own; it fires whenever F-DOELGROEP-NIET-BEREIKT is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEW102",
    title="Professionals nemen over: laat het eigenaarschap bij de buurt en faciliteer de initiatieven",
    when=[finding("F-PROFESSIONALS-NEMEN-OVER")],
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"), Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_leaving_ownership_with_residents() -> None:
    """Recommends leaving ownership with residents.

    Why: Where professionals take over, the regie goes back to the residents and their self-organisation is facilitated
    (RIVM handreiking).
    Source: RIVM handreiking — "Faciliteer zelforganisaties! Er zijn veel goede ideeën die vrij gemakkelijk (en
    goedkoop) kunnen worden ondersteund."
    Not when: no guard of its own; it fires whenever F-PROFESSIONALS-NEMEN-OVER is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEW030",
    title="Een initiatief van bewoners wordt steeds teruggestuurd",
    when=[is_("residents.initiative_sent_back", True)],
    then=[Diagnose("F-BEWONERSINITIATIEF-TERUGGESTUURD")],
)
def residents_initiative_sent_back() -> None:
    """Residents initiative sent back.

    Why: Common Eye (an over-zealous bureaucratic gemeente makes it complex for citizens) and RIVM handreiking
    (facilitate self-organisations).
    Source: Common Eye — "een overijverige bureaucratische gemeente die het voor burgers complex maakt".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-BEWONERSINITIATIEF-TERUGGESTUURD to BEW130.
    """


@rule(
    "BEW130",
    title="Teruggestuurd bewonersinitiatief: faciliteer de zelforganisatie",
    when=[finding("F-BEWONERSINITIATIEF-TERUGGESTUURD")],
    then=[Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_facilitating_self_organisation() -> None:
    """Recommends facilitating self organisation.

    Why: RIVM handreiking: facilitate self-organisations, many good ideas are easily and cheaply supported; letting go
    of control leads to fine things.
    Source: RIVM handreiking — "Faciliteer zelforganisaties! Er zijn veel goede ideeën die vrij gemakkelijk (en
    goedkoop) kunnen worden ondersteund."
    Not when: no guard of its own; it fires whenever F-BEWONERSINITIATIEF-TERUGGESTUURD is diagnosed, and no rule
    withholds its advice.
    """


__all__ = [
    "recommend_reaching_residents_through_them",
    "target_group_not_reached",
    "professionals_take_over",
    "recommend_facilitating_self_organisation",
    "recommend_involving_residents",
    "recommend_leaving_ownership_with_residents",
    "residents_initiative_sent_back",
    "residents_not_involved",
]
