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
    """RIVM netwerkbijeenkomsten hard aspect; ZonMw leernetwerk, RIVM handreiking and Common Eye."""


@rule(
    "BEW002",
    title="Professionals nemen activiteiten van bewoners over",
    when=[is_("residents.professionals_take_over", True)],
    then=[Diagnose("F-PROFESSIONALS-NEMEN-OVER")],
)
def professionals_take_over() -> None:
    """Ownership belongs with the residents: professionals should give impulses without being "belerend" or taking
    activities over (RIVM handreiking, Praktijkvoorbeeld Noord-Veluwe)."""


@rule(
    "BEW101",
    title="Inwoners niet betrokken: betrek hen bij probleem en aanpak",
    when=[finding("F-INWONERS-NIET-BETROKKEN")],
    then=[Recommend("I-INWONERS-BETREKKEN")],
)
def recommend_involving_residents() -> None:
    """ZonMw leernetwerk, RIVM handreiking and Common Eye."""


@rule(
    "BEW102",
    title="Professionals nemen over: laat het eigenaarschap bij de buurt en faciliteer de initiatieven",
    when=[finding("F-PROFESSIONALS-NEMEN-OVER")],
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"), Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_leaving_ownership_with_residents() -> None:
    """RIVM handreiking: leave the regie with residents, 'faciliteer zelforganisaties'."""


@rule(
    "BEW030",
    title="Een initiatief van bewoners wordt steeds teruggestuurd",
    when=[is_("residents.initiative_sent_back", True)],
    then=[Diagnose("F-BEWONERSINITIATIEF-TERUGGESTUURD")],
)
def residents_initiative_sent_back() -> None:
    """Common Eye (an over-zealous bureaucratic gemeente makes it complex for citizens) and RIVM handreiking
    (facilitate self-organisations)."""


@rule(
    "BEW130",
    title="Teruggestuurd bewonersinitiatief: faciliteer de zelforganisatie",
    when=[finding("F-BEWONERSINITIATIEF-TERUGGESTUURD")],
    then=[Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_facilitating_self_organisation() -> None:
    """RIVM handreiking: facilitate self-organisations, many good ideas are easily and cheaply supported; letting
    go of control leads to fine things."""
