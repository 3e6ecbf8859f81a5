"""Knowledge sharing: escape room or white smoke.

ZonMw leernetwerk: choose consciously how knowledge, doubts and results are shared between knowledge partners
and practice; discuss expectations about openness and timing.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, any_of, finding, is_, rule, unknown


@rule(
    "KEN001",
    title="Niet afgesproken hoe kennis wordt gedeeld",
    when=[is_("knowledge_sharing.agreed", False)],
    then=[Diagnose("F-KENNISDELING-NIET-AFGESPROKEN")],
)
def knowledge_sharing_not_agreed() -> None:
    """Knowledge sharing not agreed.

    Why: Choosing the form of interaction and knowledge sharing deliberately can make or break lasting collaboration, so
    its absence is a finding (ZonMw leernetwerk, Gouden tips, tip 2).
    Source: ZonMw — "Kies bewust de interactievorm die je wil hanteren voor kennisdeling."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-KENNISDELING-NIET-AFGESPROKEN to KEN101.
    """


@rule(
    "KEN002",
    title="Spanning over timing en openheid van kennis",
    when=[
        is_("knowledge_sharing.tension", True),
        any_of(is_("network.includes_kennisinstelling", True), unknown("network.includes_kennisinstelling")),
    ],
    then=[Diagnose("F-SPANNING-KENNISDELING")],
)
def tension_over_knowledge_sharing() -> None:
    """Tension over knowledge sharing.

    Why: Practice partners hunger for knowledge while knowledge partners hesitate to share results early; that tension
    needs agreements (ZonMw leernetwerk, escape room versus white smoke). Only where a knowledge institute is among
    the partners, or the partners are not listed: the intake then does not ask a case without one about it (walk7).
    Source: ZonMw — section "De ‘face’ staat op het spel".
    Not when: the partners are listed and none is a knowledge institute. It leaves what to do about
    F-SPANNING-KENNISDELING to KEN102.
    """


@rule(
    "KEN101",
    title="Kennisdeling niet afgesproken: spreek af hoe en wanneer",
    when=[finding("F-KENNISDELING-NIET-AFGESPROKEN")],
    then=[Recommend("I-KENNISDELING-AFSPREKEN")],
)
def recommend_agreeing_on_knowledge_sharing() -> None:
    """Recommends agreeing on knowledge sharing.

    Why: Without an agreement on when and how openly knowledge is shared, expectations clash; partners should choose
    deliberately between the escaperoom and 'witte rook' (ZonMw leernetwerk, Klaar voor de toekomst).
    Source: ZonMw — "Verwachtingsmanagement is dus essentieel."
    Not when: no guard of its own; it fires whenever F-KENNISDELING-NIET-AFGESPROKEN is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "KEN102",
    title="Spanning over kennisdeling: bespreek verwachtingen over openheid",
    when=[finding("F-SPANNING-KENNISDELING")],
    then=[Recommend("I-KENNISDELING-AFSPREKEN")],
)
def recommend_managing_knowledge_expectations() -> None:
    """Recommends managing knowledge expectations.

    Why: Knowledge hunger of practice partners meets knowledge partners whose 'face' is at stake, so expectations about
    openness must be discussed: "Verwachtingsmanagement is dus essentieel" (ZonMw leernetwerk).
    Source: ZonMw — "Verwachtingsmanagement is dus essentieel."
    Not when: no guard of its own; it fires whenever F-SPANNING-KENNISDELING is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "knowledge_sharing_not_agreed",
    "recommend_agreeing_on_knowledge_sharing",
    "recommend_managing_knowledge_expectations",
    "tension_over_knowledge_sharing",
]
