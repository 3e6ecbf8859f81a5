"""Network size and composition: too many partners, no core team, missing roles.

The documents pull two ways here. RIVM netwerkbijeenkomsten advises to start with only 3–5
organisations; RIVM handreiking praises a gemêleerd gezelschap and breed kijken. The
rules resolve it by situation: while starting (verkennen, vormgeven) or while
a large group has no kernteam, the group is already too wide, so the advice to
broaden is suppressed and the kernteam-en-schil advice given instead; a group
that is small or well organised may broaden to a missing role.
"""

from __future__ import annotations

from ..dsl import (
    Diagnose,
    Recommend,
    Suppress,
    above,
    any_of,
    at_most,
    finding,
    is_,
    known,
    not_true,
    one_of,
    rule,
    unknown,
)
from . import levels

#: The levels' rules live in a module of their own (rules/__init__.py's all_rules reads them).
PARTS = (levels,)


@rule(
    "NET001",
    title="Te veel partners voor de startfase",
    when=[
        above("network.partner_count", "start_max_partners"),
        one_of("context.phase", "verkennen", "vormgeven"),
        # A core group works as the small start the tip asks for: advising a core team to a case that has one
        # says what the case already does.
        not_true("network.core_group"),
    ],
    then=[Diagnose("F-TE-VEEL-PARTNERS-VOOR-START")],
)
def too_many_partners_to_start() -> None:
    """Too many partners to start.

    Why: RIVM netwerkbijeenkomsten: start a project with only 3–5 organisations; a collaboration that is still
    exploring or taking shape with more has a problem of its own.
    Source: RIVM netwerkbijeenkomsten — "Start in het begin van een project met maar 3-5 organisaties".
    Not when: `context.phase` is unknown (SIT056 gives the same advice from the situation, at a lower weight) or none
    of 'verkennen', 'vormgeven'; nor when the partners work with a core group (`network.core_group` true: a kernteam
    of a few organisations is the small start the tip asks for). It leaves what to do about
    F-TE-VEEL-PARTNERS-VOOR-START to NET101.
    """


@rule(
    "NET002",
    title="Grote groep zonder kernteam",
    when=[above("network.partner_count", "start_max_partners"), is_("network.core_group", False)],
    then=[Diagnose("F-GEEN-KERNTEAM")],
)
def large_network_lacks_core_team() -> None:
    """Large network lacks core team.

    Why: ZonMw leernetwerk: consortia recognise working with a kernteam and a schil; a large group needs one.
    Source: ZonMw — section "leernetwerk Maak ruimte voor gezondheid, ‘Interdisciplinair samenwerken: welke route en rol
    pak jij?’".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-GEEN-KERNTEAM to
    NET102.
    """


@rule(
    "NET003",
    title="Te veel private partners",
    when=[above("network.private_partner_count", "private_partners_max")],
    then=[Diagnose("F-TE-VEEL-PRIVATE-PARTNERS")],
)
def too_many_private_partners() -> None:
    """Too many private partners.

    Why: RIVM handreiking: investing in the collaboration works with at most ten companies.
    Source: RIVM handreiking — "Je moet dus in de samenwerking kunnen investeren, en dat kan ik goed doen bij hooguit
    tien bedrijven."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-TE-VEEL-PRIVATE-PARTNERS to NET103.
    """


@rule(
    "NET004",
    title="Een rol ontbreekt onder de partners",
    when=[known("network.missing_roles")],
    then=[Diagnose("F-ROL-ONTBREEKT")],
)
def a_role_is_missing() -> None:
    """A role is missing.

    Why: RIVM netwerkbijeenkomsten: check beslissers, uitvoerders, financiers and gebruikers are all involved.
    Source: RIVM netwerkbijeenkomsten — "Check of je alle relevante partijen hebt betrokken:".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-ROL-ONTBREEKT to
    NET104.
    """


@rule(
    "NET101",
    title=(
        "Te veel partners voor de start: een kernteam met een schil, klein beginnen en organisch groeien,"
        " niet verbreden"
    ),
    when=[finding("F-TE-VEEL-PARTNERS-VOOR-START")],
    then=[
        Recommend("I-KERNTEAM-EN-SCHIL"),
        Recommend("I-ORGANISCH-LATEN-GROEIEN"),
        Suppress("I-NETWERK-VERBREDEN"),
    ],
)
def core_team_instead_of_broadening_at_start() -> None:
    """Core team instead of broadening at start.

    Why: RIVM netwerkbijeenkomsten's 3–5 organisations outweighs RIVM handreiking's breed kijken at the start: a small
    kernteam keeps the start workable, the others stay involved in the schil.
    Source: RIVM netwerkbijeenkomsten — "Laat samenwerking "organisch" groeien".
    Not when: its I-ORGANISCH-LATEN-GROEIEN is withheld where any of NET103, NET206 and PRO101 fires.
    """


@rule(
    "NET102",
    title="Grote groep zonder kernteam: vorm een kernteam met een schil, niet verbreden",
    when=[finding("F-GEEN-KERNTEAM")],
    then=[Recommend("I-KERNTEAM-EN-SCHIL"), Suppress("I-NETWERK-VERBREDEN")],
)
def core_team_instead_of_broadening() -> None:
    """Core team instead of broadening.

    Why: ZonMw leernetwerk: an interdisciplinary kernteam that reports back to the whole consortium; broadening a large
    group without one only adds to what already does not hold.
    Source: ZonMw — section "leernetwerk Maak ruimte voor gezondheid, ‘Interdisciplinair samenwerken: welke route en rol
    pak jij?’".
    Not when: no guard of its own; it fires whenever F-GEEN-KERNTEAM is diagnosed, and no rule withholds its advice.
    """


@rule(
    "NET103",
    title="Te veel private partners: begrens hun aantal, niet verbreden en niet vanzelf laten groeien",
    when=[finding("F-TE-VEEL-PRIVATE-PARTNERS")],
    then=[
        Recommend("I-PRIVATE-PARTNERS-BEGRENZEN"),
        Suppress("I-NETWERK-VERBREDEN"),
        Suppress("I-ORGANISCH-LATEN-GROEIEN"),
    ],
)
def limit_private_partners_instead_of_broadening() -> None:
    """Limit private partners instead of broadening.

    Why: RIVM handreiking: sometimes say 'no' to companies that want to join; at most ten.
    Source: RIVM handreiking — "Soms ‘nee’ moeten verkopen aan bedrijven die zich willen aansluiten."
    Not when: no guard of its own; it fires whenever F-TE-VEEL-PRIVATE-PARTNERS is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "NET104",
    title="Ontbrekende rol: betrek de ontbrekende partijen",
    when=[finding("F-ROL-ONTBREEKT")],
    then=[Recommend("I-NETWERK-VERBREDEN")],
)
def recommend_broadening() -> None:
    """Recommends broadening.

    Why: RIVM netwerkbijeenkomsten's checklist and RIVM handreiking's breed kijken: involve the missing parties
    (withheld by NET101–NET103 when the group is already too wide).
    Source: RIVM handreiking — "Hoe breder je het trekt, hoe steviger het draagvlak voor je doelstelling. En hoe groter
    de garanties op continuïteit."
    Not when: its I-NETWERK-VERBREDEN is withheld where any of KLI101, KLI102, KLI120, NET101, NET102, NET103, ORG109
    and ORG110 fires.
    """


@rule(
    "NET006",
    title="De initiatiefnemer heeft nog geen partners",
    when=[
        at_most("network.partner_count", "initiator_alone_max"),
        any_of(is_("context.phase", "verkennen"), unknown("context.phase")),
    ],
    then=[Diagnose("F-NOG-GEEN-MEDESTANDERS")],
)
def initiator_still_alone() -> None:
    """Initiator still alone.

    Why: HAN toolbox: step one is finding allies ("Stap één is dat: verken of je medestanders heb in de wijk"), the
    first phase's work. Only while the collaboration explores (or its phase is open): a single partner that is taking
    shape, deepening or anchoring, such as a residents' cooperative that has run for years, is no initiator still alone,
    and 'find allies' would treat it as if it were starting.
    Source: HAN toolbox — section "Zoek medestanders".
    Not when: `network.partner_count` is above the threshold `initiator_alone_max`; nor when `context.phase` is known
    and not 'verkennen'. It leaves what to do about F-NOG-GEEN-MEDESTANDERS to NET106.
    """


@rule(
    "NET007",
    title="Huisartsen doen mee, maar zien het eigen belang niet",
    when=[is_("network.includes_huisartsen", True), finding("F-PARTNER-ZIET-EIGEN-BELANG-NIET")],
    then=[Diagnose("F-SAMENWERKING-HUISARTSEN-LASTIG")],
)
def huisartsen_do_not_connect() -> None:
    """Huisartsen do not connect.

    Why: Collaborating with general practitioners proved harder than expected, so a collaboration that does not connect
    with them needs attention (RIVM handreiking, Den Bosch).
    Source: RIVM handreiking — "Samenwerken met huisartsen is in diverse projecten lastiger gebleken dan verwacht."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-SAMENWERKING-HUISARTSEN-LASTIG to NET108.
    """


@rule(
    "NET106",
    title="Nog geen partners: zoek medestanders en laat het organisch groeien",
    when=[finding("F-NOG-GEEN-MEDESTANDERS")],
    then=[Recommend("I-MEDESTANDERS-ZOEKEN"), Recommend("I-ORGANISCH-LATEN-GROEIEN")],
)
def recommend_finding_allies() -> None:
    """Recommends finding allies.

    Why: An initiator who still stands alone starts by finding allies, a core coalition with energy, and lets it grow
    from there (HAN toolbox, zoek medestanders; Common Eye, kerncoalitie; RIVM netwerkbijeenkomsten).
    Source: HAN toolbox — section "Zoek medestanders".
    Not when: its I-ORGANISCH-LATEN-GROEIEN is withheld where any of NET103, NET206 and PRO101 fires.
    """


@rule(
    "NET108",
    title="Huisartsen haken niet aan: sluit aan bij hun belang of verleg de focus",
    when=[finding("F-SAMENWERKING-HUISARTSEN-LASTIG")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_connecting_to_the_huisartsen_interests() -> None:
    """Recommends connecting to the huisartsen interests.

    Why: RIVM handreiking (Den Bosch): connect to the professionals' interests; the project shifted its focus to
    schools, social work and CJG.
    Source: RIVM handreiking — "Zoek de meerwaarde die betrokkenen samen kunnen behalen, maar ieder voor zich niet
    zullen bereiken."
    Not when: no guard of its own; it fires whenever F-SAMENWERKING-HUISARTSEN-LASTIG is diagnosed, and no rule
    withholds its advice.
    """


@rule(
    "NET206",
    title="PPS: partners bewust kiezen, niet organisch laten groeien",
    when=[is_("context.type", "pps")],
    then=[Suppress("I-ORGANISCH-LATEN-GROEIEN")],
)
def no_organic_growth_in_a_pps() -> None:
    """No organic growth in a pps.

    Why: A PPS follows its own phases and is kept small in private partners, so the organic growth advice does not fit
    it (RIVM handreiking, which wins here over RIVM netwerkbijeenkomsten).
    Source: RIVM handreiking — "Soms ‘nee’ moeten verkopen aan bedrijven die zich willen aansluiten."
    Not when: no guard of its own; it fires whenever its conditions hold.
    """


@rule(
    "NET030",
    title="Organisaties willen zich bij de samenwerking aansluiten",
    when=[is_("network.want_to_join", True)],
    then=[Diagnose("F-AANSLUITING-ZONDER-SPELREGELS")],
)
def organisations_want_to_join() -> None:
    """Organisations want to join.

    Why: Common Eye (building blocks: who takes part and how needs rules) and RIVM handreiking (sometimes saying 'nee'
    to companies that want to join).
    Source: Common Eye — "wie doen mee en hoe doen ze mee".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-AANSLUITING-ZONDER-SPELREGELS to NET130.
    """


@rule(
    "NET031",
    title="Een beleidsterrein ontbreekt aan tafel",
    when=[is_("network.domain_missing", True)],
    then=[Diagnose("F-BELEIDSTERREIN-ONTBREEKT")],
)
def policy_domain_missing() -> None:
    """Policy domain missing.

    Why: ZonMw leernetwerk, hink-stap-sprong (the social domain is poorly represented) and RIVM handreiking
    (intersectoral work needs sectors other than public health).
    Source: ZonMw — "Het sociaal domein is daar vaak nog maar matig vertegenwoordigd".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-BELEIDSTERREIN-ONTBREEKT to NET132.
    """


@rule(
    "NET032",
    title="De samenwerking is deel van een groter netwerk",
    when=[is_("network.nested", True)],
    then=[Diagnose("F-NETWERK-IN-NETWERK")],
)
def network_within_a_network() -> None:
    """Network within a network.

    Why: Common Eye, organising the collaboration: there are often many tables already; the art is connecting them, not
    building another.
    Source: Common Eye — "Vaak zijn er al veel overleggen waar partijen samenkomen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-NETWERK-IN-NETWERK to NET133.
    """


@rule(
    "NET033",
    title="De partners vallen uiteen in twee groepen",
    when=[is_("network.split_in_groups", True)],
    then=[Diagnose("F-PARTNERS-IN-TWEE-GROEPEN")],
)
def partners_split_in_two_groups() -> None:
    """Partners split in two groups.

    Why: Common Eye (keep the network open, no closed network on exclusivity) and ZonMw leernetwerk (discuss the
    differences explicitly).
    Source: Common Eye — "Hou het netwerk wel open; voorkom een gesloten netwerk op basis van exclusiviteit."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-PARTNERS-IN-TWEE-GROEPEN to NET134.
    """


@rule(
    "NET130",
    title="Aanmelders: spreek af wie er mag aansluiten en hoe",
    when=[finding("F-AANSLUITING-ZONDER-SPELREGELS")],
    then=[Recommend("I-TOETREDING-AFSPREKEN")],
)
def recommend_agreeing_who_joins() -> None:
    """Recommends agreeing who joins.

    Why: Common Eye building blocks (who takes part and how; keep the network open) and RIVM handreiking ('nee'
    verkopen).
    Source: Common Eye — "Hou het netwerk wel open; voorkom een gesloten netwerk op basis van exclusiviteit."
    Not when: no guard of its own; it fires whenever F-AANSLUITING-ZONDER-SPELREGELS is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "NET132",
    title="Ontbrekend beleidsterrein: betrek het vanuit zijn eigen doelen",
    when=[finding("F-BELEIDSTERREIN-ONTBREEKT")],
    then=[Recommend("I-BELEIDSTERREIN-BETREKKEN")],
)
def recommend_involving_the_missing_domain() -> None:
    """Recommends involving the missing domain.

    Why: RIVM handreiking (seek the added value for both parties) and ZonMw leernetwerk (use key figures such as
    aldermen).
    Source: RIVM handreiking — "Zoek met elkaar de meerwaarde van de samenwerking voor beide partijen."
    Not when: no guard of its own; it fires whenever F-BELEIDSTERREIN-ONTBREEKT is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "NET133",
    title="Netwerk in een netwerk: verbind de bestaande tafels in plaats van een nieuw overleg",
    when=[finding("F-NETWERK-IN-NETWERK")],
    then=[Recommend("I-BESTAANDE-TAFELS-VERBINDEN"), Suppress("I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER")],
)
def recommend_connecting_the_tables() -> None:
    """Recommends connecting the tables.

    Why: Common Eye, organising the collaboration: connect the tables and networks that exist. Where the collaboration
    sits inside a larger network, Common Eye's 'not yet another meeting' wins over RIVM netwerkbijeenkomsten's
    structural meeting.
    Source: Common Eye — "Allereerst: weersta de neiging om dé perfecte netwerkstructuur in te richten."
    Not when: no guard of its own; it fires whenever F-NETWERK-IN-NETWERK is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "NET134",
    title="Twee groepen: bespreek de verschillen expliciet",
    when=[finding("F-PARTNERS-IN-TWEE-GROEPEN")],
    then=[Recommend("I-VERSCHILLEN-EXPLICIET-BESPREKEN")],
)
def recommend_discussing_the_split() -> None:
    """Recommends discussing the split.

    Why: ZonMw leernetwerk: be aware of the differences and discuss them explicitly, time and again.
    Source: ZonMw — section "Klaar voor de toekomst".
    Not when: no guard of its own; it fires whenever F-PARTNERS-IN-TWEE-GROEPEN is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "PARTS",
    "a_role_is_missing",
    "core_team_instead_of_broadening",
    "core_team_instead_of_broadening_at_start",
    "huisartsen_do_not_connect",
    "initiator_still_alone",
    "large_network_lacks_core_team",
    "levels",
    "limit_private_partners_instead_of_broadening",
    "network_within_a_network",
    "no_organic_growth_in_a_pps",
    "organisations_want_to_join",
    "partners_split_in_two_groups",
    "policy_domain_missing",
    "recommend_agreeing_who_joins",
    "recommend_broadening",
    "recommend_connecting_the_tables",
    "recommend_connecting_to_the_huisartsen_interests",
    "recommend_discussing_the_split",
    "recommend_finding_allies",
    "recommend_involving_the_missing_domain",
    "too_many_partners_to_start",
    "too_many_private_partners",
]
