"""Roles: who holds the regie, and is there a (kar)trekker with time and mandate.

RIVM netwerkbijeenkomsten names rolonduidelijkheid about the regie as the first hard aspect and
"Zorg voor één trekker" as the first tip; HAN toolbox adds that a kartrekker
needs time; Common Eye (krimp) that the bestuurders own the process.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, above, any_of, finding, is_, not_true, one_of, rule, unknown


@rule(
    "ROL001",
    title="Het is onduidelijk wie de regie voert",
    when=[is_("leadership.regie", "onduidelijk")],
    then=[Diagnose("F-REGIE-ONDUIDELIJK")],
)
def regie_is_unclear() -> None:
    """Regie is unclear.

    Why: Unclear regie is the first hard aspect the RIVM network meetings name (RIVM netwerkbijeenkomsten).
    Source: RIVM netwerkbijeenkomsten — "Er is sprake van rolonduidelijkheid, vooral over de vraag wie nu eigenlijk de
    regie voert bij de samenwerking".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-REGIE-ONDUIDELIJK
    to ROL008, ROL101 and ROL109.
    """


@rule("ROL002", title="Er is geen trekker", when=[is_("leadership.trekker", False)], then=[Diagnose("F-GEEN-TREKKER")])
def no_trekker() -> None:
    """No trekker.

    Why: Without one trekker nobody keeps the cart moving (RIVM netwerkbijeenkomsten tips, HAN toolbox kartrekker).
    Source: RIVM netwerkbijeenkomsten — "Zorg voor één trekker".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-GEEN-TREKKER to
    ROL008 and ROL102.
    """


@rule(
    "ROL003",
    title="De trekker heeft er geen tijd voor",
    when=[is_("leadership.trekker", True), is_("leadership.trekker_has_time", False)],
    then=[Diagnose("F-TREKKER-ZONDER-TIJD")],
)
def trekker_lacks_time() -> None:
    """Trekker lacks time.

    Why: HAN toolbox: financiers and partners underestimate the role; a kartrekker must have time.
    Source: HAN toolbox — section "Kartrekker".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-TREKKER-ZONDER-TIJD to ROL103.
    """


@rule(
    "ROL004",
    title="De trekker mist mandaat",
    when=[is_("leadership.trekker", True), is_("leadership.trekker_has_mandate", False)],
    then=[Diagnose("F-TREKKER-ZONDER-MANDAAT")],
)
def trekker_lacks_mandate() -> None:
    """Trekker lacks mandate.

    Why: Common Eye (krimp): the bestuurders own the process; RIVM netwerkbijeenkomsten: find a bestuurlijke trekker.
    Source: Common Eye — "Strategische samenwerking zonder nauwe bestuurlijke betrokkenheid kan niet succesvol
    gerealiseerd worden."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-TREKKER-ZONDER-MANDAAT to ROL104.
    """


@rule(
    "ROL101",
    title="Onduidelijke regie: beleg de regie",
    when=[finding("F-REGIE-ONDUIDELIJK")],
    then=[Recommend("I-REGIE-BELEGGEN")],
)
def recommend_placing_the_regie() -> None:
    """Recommends placing the regie.

    Why: Unclear regie is resolved by agreeing which party holds it (RIVM handreiking).
    Source: RIVM handreiking — "Zorg voor een partij die de regie heeft: op uitvoeringsniveau, op beheersmatig niveau en
    op visionair niveau."
    Not when: no guard of its own; it fires whenever F-REGIE-ONDUIDELIJK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "ROL109",
    title="Onduidelijke regie en geen trekker bekend: wijs één trekker aan",
    when=[finding("F-REGIE-ONDUIDELIJK"), not_true("leadership.trekker")],
    then=[Recommend("I-TREKKER-AANWIJZEN")],
)
def recommend_a_trekker_for_unclear_regie() -> None:
    """Recommends a trekker for unclear regie.

    Why: RIVM netwerkbijeenkomsten answers rolonduidelijkheid with one trekker. Only while nobody is known to pull: with
    a trekker, appointing one contradicts the case (its time and mandate are ROL003/ROL004's concern).
    Source: RIVM netwerkbijeenkomsten — "Zorg voor één trekker".
    Not when: `leadership.trekker` is true. Its I-TREKKER-AANWIJZEN is withheld where PRO103 (recommend the four
    ingredients) or ROL106 (recommend sharing ownership) fires.
    """


@rule(
    "ROL102",
    title="Geen trekker: wijs een kartrekker aan",
    when=[finding("F-GEEN-TREKKER")],
    then=[Recommend("I-TREKKER-AANWIJZEN")],
)
def recommend_appointing_a_trekker() -> None:
    """Recommends appointing a trekker.

    Why: Appointing a kartrekker makes someone responsible for the process (HAN toolbox).
    Source: HAN toolbox — "Door een kartrekker aan te wijzen maak je iemand verantwoordelijk voor het proces".
    Not when: its I-TREKKER-AANWIJZEN is withheld where PRO103 (recommend the four ingredients) or ROL106 (recommend
    sharing ownership) fires.
    """


@rule(
    "ROL103",
    title="Trekker zonder tijd: geef de trekker tijd",
    when=[finding("F-TREKKER-ZONDER-TIJD")],
    then=[Recommend("I-TREKKER-TIJD-GEVEN")],
)
def recommend_giving_the_trekker_time() -> None:
    """Recommends giving the trekker time.

    Why: HAN toolbox: a kartrekker must have time to pull the collaboration.
    Source: HAN toolbox — "Vooral niet door de financiers en betrokkenen van het project: een kartrekker moet tijd
    hebben om de samenwerking te trekken."
    Not when: no guard of its own; it fires whenever F-TREKKER-ZONDER-TIJD is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "ROL104",
    title="Trekker zonder mandaat: organiseer bestuurlijk eigenaarschap",
    when=[finding("F-TREKKER-ZONDER-MANDAAT")],
    then=[Recommend("I-BESTUURLIJK-EIGENAARSCHAP")],
)
def recommend_board_ownership() -> None:
    """Recommends board ownership.

    Why: Strategic collaboration without close board involvement cannot succeed (Common Eye, krimp).
    Source: Common Eye — "Strategische samenwerking zonder nauwe bestuurlijke betrokkenheid kan niet succesvol
    gerealiseerd worden."
    Not when: no guard of its own; it fires whenever F-TREKKER-ZONDER-MANDAAT is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "ROL005",
    title="De bestuurders steunen de samenwerking niet zichtbaar",
    when=[is_("leadership.board_support", False)],
    then=[Diagnose("F-GEEN-BESTUURLIJK-DRAAGVLAK")],
)
def boards_do_not_support() -> None:
    """Boards do not support.

    Why: RIVM handreiking: draagvlak bij het college is a must; Common Eye (krimp): no strategic collaboration without
    close board involvement.
    Source: RIVM handreiking — "Draagvlak bij het college is een must!"
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GEEN-BESTUURLIJK-DRAAGVLAK to ROL105.
    """


@rule(
    "ROL006",
    title="Het leiderschap ligt bij één of twee personen; de anderen leunen achterover",
    when=[is_("leadership.others_lean_back", True)],
    then=[Diagnose("F-LEIDERSCHAP-BIJ-EEN-PERSOON")],
)
def leadership_rests_on_one_person() -> None:
    """Leadership rests on one person.

    Why: Common Eye (regional networks, ingredient 4; Carmel): leadership with one or two persons lets the others lean
    back.
    Source: Common Eye — "Het is niet: jij bent de voorzitter en je regelt het maar."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-LEIDERSCHAP-BIJ-EEN-PERSOON to ROL106.
    """


@rule(
    "ROL007",
    title="Er wordt gestuurd op controle in plaats van vertrouwen",
    when=[is_("leadership.controlling", True)],
    then=[Diagnose("F-STUREN-OP-CONTROLE")],
)
def leadership_by_control() -> None:
    """Leadership by control.

    Why: RIVM handreiking (loslaten, geen opdrachten geven) and Common Eye (PCM culture; Peul pushing through met
    resistance).
    Source: RIVM handreiking — "Dus geen opdrachten geven, maar mensen echt laten meedenken."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-STUREN-OP-CONTROLE to ROL107.
    """


@rule(
    "ROL008",
    title="Een groot netwerk zonder trekker of met onduidelijke regie",
    when=[
        is_("context.type", "netwerk"),
        above("network.partner_count", "start_max_partners"),
        any_of(finding("F-GEEN-TREKKER"), finding("F-REGIE-ONDUIDELIJK")),
    ],
    then=[Diagnose("F-NETWERKLEIDERSCHAP-NIET-BELEGD")],
)
def large_network_without_leadership() -> None:
    """Large network without leadership.

    Why: Common Eye: in a network, leadership is better placed in a team than with one person; a large network without a
    trekker, or with unclear regie, needs that team (ROL009 merged into this rule).
    Source: Common Eye — "In ieder regionaal netwerk speelt het vraagstuk van leiderschap."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-NETWERKLEIDERSCHAP-NIET-BELEGD to ROL108.
    """


@rule(
    "ROL105",
    title="Geen bestuurlijk draagvlak: organiseer bestuurlijk eigenaarschap en verbind de niveaus",
    when=[finding("F-GEEN-BESTUURLIJK-DRAAGVLAK")],
    then=[Recommend("I-BESTUURLIJK-EIGENAARSCHAP"), Recommend("I-DRIE-NIVEAUS-VERBINDEN")],
)
def recommend_board_support() -> None:
    """Recommends board support.

    Why: RIVM netwerkbijeenkomsten: find a bestuurlijke trekker (wethouder), use leidinggevenden for political
    draagvlak; ZonMw leernetwerk: zet sleutelfiguren in.
    Source: RIVM netwerkbijeenkomsten — "Zoek per project een bestuurlijke trekker, bijvoorbeeld de wethouder."
    Not when: no guard of its own; it fires whenever F-GEEN-BESTUURLIJK-DRAAGVLAK is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "ROL106",
    title="Leiderschap bij één persoon: beleg het in een team, geen nieuwe eenmanstrekker",
    when=[finding("F-LEIDERSCHAP-BIJ-EEN-PERSOON")],
    then=[
        Recommend("I-GEDEELD-EIGENAARSCHAP"),
        Suppress("I-TREKKER-AANWIJZEN"),
    ],
)
def recommend_sharing_ownership() -> None:
    """Recommends sharing ownership.

    Why: Common Eye: everyone takes responsibility; network leadership in a team; 'niet: jij bent de voorzitter en je
    regelt het maar'. Common Eye: one-person leadership lets others lean back; adding one more single trekker reinforces
    the pattern.
    Source: Common Eye — "Het lijkt beter om het netwerkleiderschap in een team te beleggen."
    Not when: no guard of its own; it fires whenever F-LEIDERSCHAP-BIJ-EEN-PERSOON is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "ROL107",
    title="Sturen op controle: stuur met kaders en vertrouwen",
    when=[finding("F-STUREN-OP-CONTROLE")],
    then=[Recommend("I-VERBINDEND-LEIDERSCHAP")],
)
def recommend_connective_leadership() -> None:
    """Recommends connective leadership.

    Why: RIVM handreiking (kaders scheppen, los durven laten, betrokken houden) and Common Eye (verbindend leiderschap).
    Source: RIVM handreiking — "Durf los te laten en laat anderen hún ding doen; laat een ondernemer dus ondernemen!"
    Not when: no guard of its own; it fires whenever F-STUREN-OP-CONTROLE is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "ROL108",
    title="Groot netwerk waarin niemand de leiding heeft: beleg de regie op het proces op een duidelijke plek",
    when=[finding("F-NETWERKLEIDERSCHAP-NIET-BELEGD")],
    then=[Recommend("I-REGIE-BELEGGEN")],
)
def recommend_placing_the_network_regie() -> None:
    """Recommends placing the network regie.

    Why: Common Eye (krimp): in every successful collaboration the regie on the process sits in a clear place. When
    nobody leads at all, a team of leaders is no remedy: Common Eye's ingredient 4 (leadership in a team) is about
    networks whose leadership sits with one party (ROL106), so here the source's own advice (RIVM netwerkbijeenkomsten:
    one trekker, ROL102/ROL109) is not withheld.
    Source: Common Eye — "De praktijkvoorbeelden leren dat in elk succesvol samenwerkingstraject de regie op het proces
    op een duidelijke plek belegd is."
    Not when: no guard of its own; it fires whenever F-NETWERKLEIDERSCHAP-NIET-BELEGD is diagnosed, and no rule
    withholds its advice.
    """


@rule(
    "ROL030",
    title="De regie is belegd, maar te zwak",
    when=[
        any_of(one_of("leadership.regie", "duidelijk", "gedeeld"), unknown("leadership.regie")),
        is_("leadership.regie_strong_enough", False),
    ],
    then=[Diagnose("F-REGIE-TE-ZWAK")],
)
def regie_too_weak() -> None:
    """Regie too weak.

    Why: RIVM handreiking: a party must hold the regie at three levels (uitvoering, beheer, visie). Regie that exists
    but cannot keep the partners together is a problem of its own, not the same as regie nobody holds. The question
    whether the regie is strong enough is only answered when someone holds it, so a 'no' there says the regie exists but
    is too weak also when the partners were not sure who holds it (a neutral score).
    Source: RIVM handreiking — "Zorg voor een partij die de regie heeft: op uitvoeringsniveau, op beheersmatig niveau en
    op visionair niveau."
    Not when: `leadership.regie` is known and none of 'duidelijk', 'gedeeld'. It leaves what to do about F-REGIE-TE-ZWAK
    to ROL130.
    """


@rule(
    "ROL031",
    title="De trekker ligt zelf overhoop met de partners",
    when=[one_of("leadership.leader_at_odds", "deels", "ja")],
    then=[Diagnose("F-TREKKER-IN-ONMIN-MET-PARTNERS")],
)
def trekker_at_odds_with_the_partners() -> None:
    """Trekker at odds with the partners.

    Why: Common Eye, history column: the initiator of the alliance had quarrelled with everyone after eighteen months;
    the party at odds cannot be the one who reconnects.
    Source: Common Eye — "was er niets over van de eensgezindheid waarmee de subsidie was ‘veroverd’."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-TREKKER-IN-ONMIN-MET-PARTNERS to ROL131.
    """


@rule(
    "ROL032",
    title="Het leiderschap valt terug op de oude hiërarchie",
    when=[
        any_of(
            one_of("leadership.hierarchy_returned", "deels", "ja"),
            is_("leadership.chair_from_largest_party", True),
        )
    ],
    then=[Diagnose("F-LEIDERSCHAP-TERUG-IN-HIERARCHIE")],
)
def leadership_falls_back_on_hierarchy() -> None:
    """Leadership falls back on hierarchy.

    Why: Common Eye, regional networks: in the netwerkdip new network leadership falls back on old mechanisms, and the
    chair is often the director of the largest party; leadership then rests with one or two persons.
    Source: Common Eye — "In deze hectiek valt het ‘nieuwe’ netwerkleiderschap vaak terug in ‘oude’ mechanismen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-LEIDERSCHAP-TERUG-IN-HIERARCHIE to ROL132.
    """


@rule(
    "ROL130",
    title="Te zwakke regie: versterk de regie op elk niveau",
    when=[finding("F-REGIE-TE-ZWAK")],
    then=[Recommend("I-REGIE-VERSTERKEN")],
)
def recommend_strengthening_the_regie() -> None:
    """Recommends strengthening the regie.

    Why: Weak regie is strengthened at the three levels, with a trekker who can do what the role asks and a process lead
    who moderates expertise and interests (RIVM handreiking, HAN toolbox, ZonMw leernetwerk).
    Source: RIVM handreiking — "Zorg voor een partij die de regie heeft: op uitvoeringsniveau, op beheersmatig niveau en
    op visionair niveau."
    Not when: no guard of its own; it fires whenever F-REGIE-TE-ZWAK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "ROL131",
    title="Trekker in onmin met de partners: laat het proces onafhankelijk begeleiden",
    when=[finding("F-TREKKER-IN-ONMIN-MET-PARTNERS")],
    then=[Recommend("I-ONAFHANKELIJKE-PROCESBEGELEIDING")],
)
def recommend_independent_process_guidance() -> None:
    """Recommends independent process guidance.

    Why: ZonMw leernetwerk (a procesverantwoordelijke who moderates) and Common Eye (Peul gave the technical chair to
    someone else; the history column's alliance was pulled afloat by an outsider).
    Source: ZonMw — section "Interdisciplinair samenwerken – Doelen en belangen".
    Not when: no guard of its own; it fires whenever F-TREKKER-IN-ONMIN-MET-PARTNERS is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "ROL132",
    title="Leiderschap terug in de hiërarchie: beleg het leiderschap in een team",
    when=[
        finding("F-LEIDERSCHAP-TERUG-IN-HIERARCHIE"),
        any_of(is_("leadership.trekker", True), unknown("leadership.trekker")),
        any_of(one_of("leadership.regie", "duidelijk", "gedeeld"), unknown("leadership.regie")),
    ],
    then=[Recommend("I-GEDEELD-EIGENAARSCHAP")],
)
def recommend_leadership_in_a_team() -> None:
    """Recommends leadership in a team.

    Why: Common Eye, regional networks: network leadership is better placed in a team than with the chair of the largest
    party; the fourth ingredient of a vital network. Only where someone leads: when nobody does, a team of leaders is no
    remedy and the trekker comes first (RIVM netwerkbijeenkomsten, HAN toolbox).
    Source: Common Eye — "Het lijkt beter om het netwerkleiderschap in een team te beleggen."
    Not when: `leadership.trekker` is false; nor when `leadership.regie` is known and none of 'duidelijk', 'gedeeld'.
    """


__all__ = [
    "boards_do_not_support",
    "large_network_without_leadership",
    "leadership_by_control",
    "leadership_falls_back_on_hierarchy",
    "leadership_rests_on_one_person",
    "no_trekker",
    "recommend_a_trekker_for_unclear_regie",
    "recommend_appointing_a_trekker",
    "recommend_board_ownership",
    "recommend_board_support",
    "recommend_connective_leadership",
    "recommend_giving_the_trekker_time",
    "recommend_independent_process_guidance",
    "recommend_leadership_in_a_team",
    "recommend_placing_the_network_regie",
    "recommend_placing_the_regie",
    "recommend_sharing_ownership",
    "recommend_strengthening_the_regie",
    "regie_is_unclear",
    "regie_too_weak",
    "trekker_at_odds_with_the_partners",
    "trekker_lacks_mandate",
    "trekker_lacks_time",
]
