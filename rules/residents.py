"""Residents (bewoners): involving residents and leaving them their own role.

Seeds 001 and 002: involve residents and clients; facilitate self-organisation and do not take over
what residents do themselves (seed 004, Weer thuis).
"""

from __future__ import annotations

from samenwerkwijzer._dsl import Diagnose, Recommend, finding, is_, rule


@rule(
    "BEW001",
    title="Inwoners zijn niet betrokken",
    when=[is_("residents.involved", False)],
    then=[Diagnose("F-INWONERS-NIET-BETROKKEN")],
)
def residents_not_involved() -> None:
    """Seed 001 hard aspect; seed 000, 002, 004."""


@rule(
    "BEW002",
    title="Professionals nemen activiteiten van bewoners over",
    when=[is_("residents.professionals_take_over", True)],
    then=[Diagnose("F-PROFESSIONALS-NEMEN-OVER")],
)
def professionals_take_over() -> None:
    """Seed 002 Noord-Veluwe."""


@rule(
    "BEW101",
    title="Inwoners niet betrokken: betrek hen bij probleem en aanpak",
    when=[finding("F-INWONERS-NIET-BETROKKEN")],
    then=[Recommend("I-INWONERS-BETREKKEN")],
)
def recommend_involving_residents() -> None:
    """Seed 000, 002, 004."""


@rule(
    "BEW102",
    title="Professionals nemen over: laat het eigenaarschap bij de buurt",
    when=[finding("F-PROFESSIONALS-NEMEN-OVER")],
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS")],
)
def recommend_leaving_ownership_with_residents() -> None:
    """Seed 002."""
