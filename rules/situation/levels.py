"""The size of the collaboration: a large or regional collaboration works at three levels at once, bestuurlijk,
management and the professionals, and the documents advise connecting them; many partners in a phase nobody
named get the advice for a start with many partners, as advice from the situation (package partijen).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, above, any_of, finding, is_, not_true, one_of, rule, unknown
from .party_mix import SEVERAL_MUNICIPALITIES

_NO_LEVEL_KNOWN_MISSING = [
    # A level known to be missing is NET005's; boards known not to support it are ROL005's.
    unknown("network.missing_levels"),
    any_of(is_("leadership.board_support", True), unknown("leadership.board_support")),
]


@rule(
    "SIT054",
    title="Een regionale samenwerking van gemeenten, en of de drie niveaus verbonden zijn is niet bekend",
    when=[
        *SEVERAL_MUNICIPALITIES,
        *_NO_LEVEL_KNOWN_MISSING,
    ],
    then=[Diagnose("F-NIVEAUS-TE-VERBINDEN")],
)
def regional_levels_to_connect() -> None:
    """Regional levels to connect.

    Why: A collaboration of several municipalities runs at the strategic, tactical and operational level at once;
    differences in vision, pace and language between the levels need bridging before decisions land in the work.
    Source: RIVM netwerkbijeenkomsten — "Lastig bij samenwerking is dat het drie niveaus betreft".
    Not when: the context is integral; a level is known to be missing (NET005 diagnoses it); the boards are known not
    to support the collaboration (ROL005). SIT154 advises.
    """


@rule(
    "SIT055",
    title="Een netwerk of consortium van veel organisaties, en of de drie niveaus verbonden zijn is niet bekend",
    when=[
        one_of("context.type", "netwerk", "consortium"),
        above("network.partner_count", "start_max_partners"),
        *_NO_LEVEL_KNOWN_MISSING,
    ],
    then=[Diagnose("F-NIVEAUS-TE-VERBINDEN")],
)
def network_levels_to_connect() -> None:
    """Network levels to connect.

    Why: A network or consortium of many organisations has boards, a programme and professionals; the levels differ in
    vision, pace and language and need connecting. A public-private or intersectoral project of many partners is often
    one layer of entrepreneurs or practices, so it is left to the network rules that weigh its size.
    Source: RIVM netwerkbijeenkomsten — "Lastig bij samenwerking is dat het drie niveaus betreft".
    Not when: the collaboration is of another kind or has at most `start_max_partners` organisations; a level is known
    to be missing (NET005); the boards are known not to support the collaboration (ROL005). SIT154 advises.
    """


@rule(
    "SIT154",
    title="Regionale of grote samenwerking: verbind het strategische, tactische en uitvoerende niveau",
    when=[finding("F-NIVEAUS-TE-VERBINDEN")],
    then=[Recommend("I-DRIE-NIVEAUS-VERBINDEN")],
)
def recommend_connecting_the_three_levels() -> None:
    """Recommends connecting the three levels.

    Why: Decisions of the boards land in the work only when the regie is placed at each level and the levels are
    linked, with leidinggevenden winning political support (RIVM netwerkbijeenkomsten).
    Source: RIVM netwerkbijeenkomsten — "Zet leidinggevenden in om op politiek niveau draagvlak te krijgen".
    Not when: no guard; it fires on F-NIVEAUS-TE-VERBINDEN, and no rule withholds its advice.
    """


@rule(
    "SIT056",
    title="Veel partners, en in welke fase de samenwerking is, is niet bekend",
    when=[
        above("network.partner_count", "start_max_partners"),
        unknown("context.phase"),
        not_true("network.core_group"),
    ],
    then=[Diagnose("F-VEEL-PARTNERS-FASE-ONBEKEND")],
)
def many_partners_phase_unknown() -> None:
    """Many partners, phase unknown.

    Why: With more than `start_max_partners` organisations a start is hard to hold together; while nobody says the
    collaboration is past its start, the documents' advice for a start with many partners (a kernteam with a schil)
    is worth weighing, as advice from the situation rather than an observed problem.
    Source: RIVM netwerkbijeenkomsten — "Start in het begin van een project met maar 3-5 organisaties".
    Not when: the phase is known (NET001 diagnoses too many partners in verkennen or vormgeven); the partners work with
    a core group (the kernteam the advice asks for is there). SIT156 advises.
    """


@rule(
    "SIT156",
    title="Veel partners, fase onbekend: overweeg een kernteam met een schil, niet verbreden",
    when=[finding("F-VEEL-PARTNERS-FASE-ONBEKEND")],
    then=[Recommend("I-KERNTEAM-EN-SCHIL"), Suppress("I-NETWERK-VERBREDEN")],
)
def recommend_a_core_team_for_many_partners() -> None:
    """Recommends a core team for many partners.

    Why: A kernteam that carries the work, with the other partners in a schil around it, keeps a large group workable;
    broadening it further only adds to what already has to hold together (RIVM netwerkbijeenkomsten; ZonMw).
    Source: RIVM netwerkbijeenkomsten — "Laat samenwerking "organisch" groeien".
    Not when: no guard; it fires on F-VEEL-PARTNERS-FASE-ONBEKEND.
    """


__all__ = [
    "many_partners_phase_unknown",
    "network_levels_to_connect",
    "recommend_a_core_team_for_many_partners",
    "recommend_connecting_the_three_levels",
    "regional_levels_to_connect",
]
