"""Interests, give and take: competition between partners, the balance of giving and taking, and the added value
that went out of view (Common Eye, Weer thuis and the column Begrijpen dankzij geschiedenis; RIVM netwerkbijeenkomsten).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, any_of, finding, is_, rule


@rule(
    "BEL009",
    title="Onderlinge concurrentie wordt niet erkend",
    when=[is_("interests.competitors", True), is_("interests.competition_discussed", False)],
    then=[Diagnose("F-CONCURRENTIE-NIET-ERKEND")],
)
def competition_unacknowledged() -> None:
    """Competition unacknowledged.

    Why: Competition between partners, often over funding streams, is a hard aspect of collaboration; left unspoken it
    works underground (RIVM netwerkbijeenkomsten; Common Eye).
    Source: RIVM netwerkbijeenkomsten — "Onderlinge concurrentie, mede in verband met financiering(stromen)".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-CONCURRENTIE-NIET-ERKEND to BEL108.
    """


@rule(
    "BEL010",
    title="De balans tussen geven en nemen voelt onrechtvaardig",
    when=[is_("interests.balance_unfair", True)],
    then=[Diagnose("F-BALANS-SCHEEF")],
)
def balance_felt_unfair() -> None:
    """Balance felt unfair.

    Why: Unequal contributions only become a problem once a partner finds the balance between giving and taking unfair
    (Common Eye, Weer thuis, De samenwerking loopt scheef).
    Source: Common Eye — "Het wordt problematisch als partijen het onrechtvaardig vinden. De balans moet dan opnieuw
    worden bediscussieerd."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-BALANS-SCHEEF to
    BEL109.
    """


@rule(
    "BEL011",
    title="De meerwaarde is uit beeld",
    when=[is_("interests.added_value_visible", False)],
    then=[Diagnose("F-MEERWAARDE-UIT-BEELD")],
)
def added_value_out_of_sight() -> None:
    """Added value out of sight.

    Why: Partners who no longer see the added value lose interest unless they get the chance to re-value the
    collaboration (Common Eye, Weer thuis, De samenwerking loopt scheef).
    Source: Common Eye — section "Weer thuis – Impasses voorkomen: De samenwerking loopt scheef".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-MEERWAARDE-UIT-BEELD to BEL110 and BEL111.
    """


@rule(
    "BEL108",
    title="Concurrentie niet erkend: benoem en bespreek haar",
    when=[finding("F-CONCURRENTIE-NIET-ERKEND")],
    then=[Recommend("I-CONCURRENTIE-ERKENNEN")],
)
def recommend_acknowledging_competition() -> None:
    """Recommends acknowledging competition.

    Why: Partners who dare not acknowledge that they also compete, e.g. for funding, end in confusion and distrust, so
    name the competition openly (Common Eye, column Begrijpen dankzij geschiedenis; RIVM netwerkbijeenkomsten, Lastige
    aspecten).
    Source: Common Eye — "En durfden betrokken niet te erkennen dat ze ook concurrenten waren, wat leidde tot
    spraakverwarring en wantrouwen."
    Not when: no guard of its own; it fires whenever F-CONCURRENTIE-NIET-ERKEND is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEL109",
    title="Scheve balans: bespreek geven en nemen opnieuw, vraag nu niet om te geven zonder iets terug",
    when=[finding("F-BALANS-SCHEEF")],
    then=[
        Recommend("I-BALANS-HERIJKEN"),
        Suppress("I-GUNNEN-EN-INVESTEREN"),
    ],
)
def recommend_rebalancing() -> None:
    """Recommends rebalancing.

    Why: Common Eye Weer thuis. Common Eye Weer thuis ('de balans moet dan opnieuw worden bediscussieerd') and RIVM
    handreiking ('voor wat, hoort wat') win over the library's 'geven zonder direct terug te willen zien' while a
    partner feels short-changed.
    Source: Common Eye — "In zo’n geval moeten partijen de kans krijgen de samenwerking de herwaarderen."
    Not when: no guard of its own; it fires whenever F-BALANS-SCHEEF is diagnosed, and no rule withholds its advice.
    """


@rule(
    "BEL110",
    title=("Meerwaarde uit beeld: herwaardeer en maak effecten zichtbaar; eerst herwaarderen, dan pas gunnen"),
    when=[finding("F-MEERWAARDE-UIT-BEELD")],
    then=[
        Recommend("I-BALANS-HERIJKEN"),
        Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN"),
        Suppress("I-GUNNEN-EN-INVESTEREN"),
    ],
)
def recommend_revaluing() -> None:
    """Recommends revaluing.

    Why: Partners blind to the added value must get the chance to revalue the collaboration before anything else is
    asked of them (Common Eye, Weer thuis); sharing successes needs results to show, which BEL111 adds.
    Source: Common Eye — "In zo’n geval moeten partijen de kans krijgen de samenwerking de herwaarderen."
    Not when: no guard of its own; it fires whenever F-MEERWAARDE-UIT-BEELD is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEL111",
    title="Meerwaarde uit beeld, maar er zijn zichtbare resultaten of vroege successen: deel en vier ze",
    when=[
        finding("F-MEERWAARDE-UIT-BEELD"),
        any_of(is_("results.visible", True), is_("results.early_successes", True)),
    ],
    then=[Recommend("I-SUCCESSEN-DELEN-EN-VIEREN")],
)
def recommend_sharing_successes_when_value_is_out_of_sight() -> None:
    """Recommends sharing successes when value is out of sight.

    Why: RIVM handreiking, Draagvlak is een werkwoord: "Deel successen", "Vier successen". Only where there are results
    to share: a project whose participation fell short has nothing to celebrate, and celebrating would hide what the
    partners must evaluate (Common Eye: take stock together honestly).
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: no guard of its own; it fires whenever F-MEERWAARDE-UIT-BEELD is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "added_value_out_of_sight",
    "balance_felt_unfair",
    "competition_unacknowledged",
    "recommend_acknowledging_competition",
    "recommend_rebalancing",
    "recommend_revaluing",
    "recommend_sharing_successes_when_value_is_out_of_sight",
]
