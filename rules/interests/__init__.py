"""Interests (belangen): motives, hidden agendas, competition, give and take.

Common Eye's second condition: doing justice to interests is essential, or partners dig in their heels
or drop out (Common Eye). ZonMw leernetwerk, RIVM netwerkbijeenkomsten and RIVM handreiking add knowing each other's
interests, acknowledging
competition, the hidden-agenda failure factor and 'voor wat, hoort wat'.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, any_of, finding, is_, not_true, rule


@rule(
    "BEL001",
    title="Belangen en motieven van partners zijn onbekend",
    when=[is_("interests.known", False)],
    then=[Diagnose("F-BELANGEN-ONBEKEND")],
)
def interests_unknown() -> None:
    """RIVM netwerkbijeenkomsten hard aspect; ZonMw leernetwerk golden tip 1."""


@rule(
    "BEL002",
    title="Belangen lopen uiteen en een gedeelde ambitie ontbreekt of is niet bekend",
    when=[is_("interests.diverge", True), not_true("ambition.shared")],
    then=[Diagnose("F-BELANGEN-LOPEN-UITEEN")],
)
def interests_diverge_without_common_ground() -> None:
    """ZonMw leernetwerk and RIVM netwerkbijeenkomsten: diverging interests cause friction; RIVM handreiking: only a
    problem without a common interest. An unknown common interest is treated as missing, as a plan for after the
    subsidy is (BEL003 merged into this rule)."""


@rule(
    "BEL004",
    title="Wantrouwen over elkaars bedoelingen",
    when=[is_("interests.hidden_agendas", True)],
    then=[Diagnose("F-VERBORGEN-AGENDA")],
)
def hidden_agendas_suspected() -> None:
    """RIVM handreiking failure factor; Common Eye Weer thuis (assumed motives)."""


@rule(
    "BEL005",
    title="Belangen van een partner komen niet tot hun recht",
    when=[is_("interests.respected", False)],
    then=[Diagnose("F-BELANGEN-ONDERBELICHT")],
)
def interests_not_done_justice() -> None:
    """Common Eye Belangen: otherwise parties dig in or drop out."""


@rule(
    "BEL006",
    title="Deelname alleen in kosten en baten",
    when=[is_("interests.only_costs_benefits", True)],
    then=[Diagnose("F-ALLEEN-KOSTEN-BATEN")],
)
def only_costs_and_benefits() -> None:
    """Common Eye: instrumental, affective and moral motives (Moss Kanter)."""


@rule(
    "BEL007",
    title="De eigen organisatie staat centraal",
    when=[is_("interests.own_goals_first", True)],
    then=[Diagnose("F-EIGEN-ORGANISATIE-CENTRAAL")],
)
def own_organisation_first() -> None:
    """Partners who put their own organisation first turn the collaboration into a continuous negotiation in which the
    shared goal recedes (Common Eye, Interview Bibliotheek Midden-Brabant)."""


@rule(
    "BEL008",
    title="Een partner ziet niet wat de samenwerking hem oplevert",
    when=[is_("interests.partners_see_own_benefit", False)],
    then=[Diagnose("F-PARTNER-ZIET-EIGEN-BELANG-NIET")],
)
def partner_sees_no_own_benefit() -> None:
    """RIVM handreiking (Den Bosch), Common Eye (Weer thuis)."""


@rule(
    "BEL009",
    title="Onderlinge concurrentie wordt niet erkend",
    when=[is_("interests.competitors", True), is_("interests.competition_discussed", False)],
    then=[Diagnose("F-CONCURRENTIE-NIET-ERKEND")],
)
def competition_unacknowledged() -> None:
    """RIVM netwerkbijeenkomsten hard aspect; Common Eye history column."""


@rule(
    "BEL010",
    title="De balans tussen geven en nemen voelt onrechtvaardig",
    when=[is_("interests.balance_unfair", True)],
    then=[Diagnose("F-BALANS-SCHEEF")],
)
def balance_felt_unfair() -> None:
    """Unequal contributions only become a problem once a partner finds the balance between giving and taking unfair
    (Common Eye, Weer thuis, De samenwerking loopt scheef)."""


@rule(
    "BEL011",
    title="De meerwaarde is uit beeld",
    when=[is_("interests.added_value_visible", False)],
    then=[Diagnose("F-MEERWAARDE-UIT-BEELD")],
)
def added_value_out_of_sight() -> None:
    """Partners who no longer see the added value lose interest unless they get the chance to re-value the collaboration
    (Common Eye, Weer thuis, De samenwerking loopt scheef)."""


@rule(
    "BEL101",
    title="Belangen onbekend: breng het krachtenveld in kaart en bespreek de 3 B’s",
    when=[finding("F-BELANGEN-ONBEKEND")],
    then=[Recommend("I-KRACHTENVELD-ANALYSEREN"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_mapping_the_field() -> None:
    """RIVM netwerkbijeenkomsten: actor analysis, krachtenveldanalyse and the 3 B's."""


@rule(
    "BEL102",
    title="Uiteenlopende belangen: breng ze op tafel en zoek het gemeenschappelijke belang",
    when=[finding("F-BELANGEN-LOPEN-UITEEN")],
    then=[Recommend("I-BELANGEN-OP-TAFEL"), Recommend("I-GEDEELDE-AMBITIE-FORMULEREN")],
)
def recommend_interests_on_the_table_when_diverging() -> None:
    """Common Eye (belangen op tafel), RIVM handreiking (agree on the common interest)."""


@rule(
    "BEL103",
    title="Wantrouwen: breng belangen en drijfveren op tafel",
    when=[finding("F-VERBORGEN-AGENDA")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_interests_on_the_table_against_mistrust() -> None:
    """Common Eye Weer thuis: leren kennen en respecteren van de beweegredenen."""


@rule(
    "BEL104",
    title="Onderbelichte belangen: breng belangen op tafel",
    when=[finding("F-BELANGEN-ONDERBELICHT")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_doing_justice_to_interests() -> None:
    """Interests that are not done justice make partners dig in or drop out; connection comes from interest in each
    other's interests, so put them on the table (Common Eye, Belangen en verdere bronnen van verbinding)."""


@rule(
    "BEL105",
    title="Alleen kosten en baten: verken ook andere motieven",
    when=[finding("F-ALLEEN-KOSTEN-BATEN")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_widening_the_motives() -> None:
    """Common Eye: affective and moral motives."""


@rule(
    "BEL106",
    title="Eigen organisatie centraal: gun elkaar iets en zet het gezamenlijke doel voorop",
    when=[finding("F-EIGEN-ORGANISATIE-CENTRAAL")],
    then=[
        Recommend("I-GUNNEN-EN-INVESTEREN"),
        Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"),
        Recommend("I-TIJD-INVESTEREN-IN-RELATIES"),
    ],
)
def recommend_giving_and_a_shared_goal() -> None:
    """Common Eye library interview (give without immediate return; see collaboration as a process of getting to
    know each other, invest in each other) and RAKU (gunnen)."""


@rule(
    "BEL107",
    title="Partner ziet eigen belang niet: maak de wederzijdse meerwaarde zichtbaar",
    when=[finding("F-PARTNER-ZIET-EIGEN-BELANG-NIET")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_showing_mutual_benefit() -> None:
    """RIVM handreiking (aansluiten bij belangen, gezondheid als middel), Common Eye (wederzijdse afhankelijkheid)."""


@rule(
    "BEL108",
    title="Concurrentie niet erkend: benoem en bespreek haar",
    when=[finding("F-CONCURRENTIE-NIET-ERKEND")],
    then=[Recommend("I-CONCURRENTIE-ERKENNEN")],
)
def recommend_acknowledging_competition() -> None:
    """Partners who dare not acknowledge that they also compete, e.g. for funding, end in confusion and distrust, so
    name the competition openly (Common Eye, column Begrijpen dankzij geschiedenis; RIVM netwerkbijeenkomsten, Lastige
    aspecten)."""


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
    """Common Eye Weer thuis. Common Eye Weer thuis ('de balans moet dan opnieuw worden bediscussieerd') and RIVM
    handreiking
    ('voor wat, hoort wat') win over the library's 'geven zonder direct terug te willen zien' while a partner
    feels short-changed."""


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
    """Common Eye (herwaarderen), 003 (effecten). Common Eye Weer thuis: when parties are blind to the added value
    they must get the chance to revalue; asking for unreturned giving first would skip that step. Sharing and
    celebrating successes (002) needs successes to show: BEL111 adds it only where results are known."""


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
    """RIVM handreiking, Draagvlak is een werkwoord: "Deel successen", "Vier successen". Only where there are
    results to share: a project whose participation fell short has nothing to celebrate, and celebrating would
    hide what the partners must evaluate (Common Eye: take stock together honestly)."""


@rule(
    "BEL030",
    title="Een partner houdt zich afzijdig",
    when=[is_("interests.partner_stays_out", True)],
    then=[Diagnose("F-PARTNER-HOUDT-ZICH-AFZIJDIG")],
)
def partner_stays_out() -> None:
    """Common Eye, the Common Eye on collaborating: partners whose interests are not done justice dig in their
    heels or drop out; they only collaborate when it is meaningful to them."""


@rule(
    "BEL130",
    title="Afzijdige partner: maak zichtbaar wat de samenwerking hem oplevert",
    when=[finding("F-PARTNER-HOUDT-ZICH-AFZIJDIG")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_showing_the_aloof_partner_its_benefit() -> None:
    """Common Eye (make mutual dependence explicit) and RIVM handreiking (connect to the interests of the
    professionals concerned)."""
