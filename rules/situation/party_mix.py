"""The party mix: companies, huisartsen, knowledge institutes and the municipality in its several roles at the
table (package partijen; residents have a module of their own, .residents).
"""

from __future__ import annotations

from ..dsl import (
    Diagnose,
    Recommend,
    any_of,
    finding,
    is_,
    not_true,
    one_of,
    rule,
    unknown,
)

# Several municipalities at the table: a regional collaboration. Not in an integral one, which is by definition
# the policy domains of one municipality working together (its partner list may name each domain as a gemeente).
SEVERAL_MUNICIPALITIES = [
    is_("network.several_gemeenten", True),
    any_of(one_of("context.type", "intersectoraal", "pps", "netwerk", "consortium"), unknown("context.type")),
]


# --- The party mix (package partijen) ----------------------------------------------------------


@rule(
    "SIT042",
    title="Huisartsen doen mee, en of zij hun eigen belang zien is niet bekend",
    when=[is_("network.includes_huisartsen", True), unknown("interests.partners_see_own_benefit")],
    then=[Diagnose("F-HUISARTSEN-AAN-TAFEL")],
)
def huisartsen_at_the_table() -> None:
    """Huisartsen at the table.

    Why: Working with general practitioners proved harder than expected; connect to their interests (RIVM).
    Source: RIVM handreiking — "Samenwerken met huisartsen is in diverse projecten lastiger gebleken dan verwacht."
    Not when: it is known whether the partners see their own benefit (BEL008 judges that). SIT142 advises.
    """


@rule(
    "SIT142",
    title="Huisartsen aan tafel: sluit aan bij wat de samenwerking hun eigen werk oplevert",
    when=[finding("F-HUISARTSEN-AAN-TAFEL")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"), Recommend("I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER")],
)
def recommend_connecting_to_the_professionals() -> None:
    """Recommends connecting to the professionals.

    Why: Connect to the professionals' interests and keep the relation up in a structural consultation (RIVM).
    Source: RIVM netwerkbijeenkomsten — "Relatiemanagement kost veel tijd, maar deze investering verdient je terug!"
    Not when: its structural consultation is withheld where NET133 or ORG107 (connect existing tables) fires.
    """


@rule(
    "SIT043",
    title="Een kennisinstelling doet mee, en hoe kennis gedeeld wordt is niet of niet bekend afgesproken",
    when=[is_("network.includes_kennisinstelling", True), not_true("knowledge_sharing.agreed")],
    then=[Diagnose("F-KENNISINSTELLING-AAN-TAFEL")],
)
def knowledge_institute_at_the_table() -> None:
    """Knowledge institute at the table.

    Why: Practice wants knowledge early, knowledge partners later: agree when to share what (ZonMw leernetwerk).
    Source: ZonMw — "Timing en openheid staan met andere woorden op gespannen voet."
    Not when: knowledge sharing is known to be agreed (`knowledge_sharing.agreed`). SIT143 advises.
    """


@rule(
    "SIT143",
    title="Kennisinstelling aan tafel: spreek af hoe en wanneer u kennis deelt",
    when=[finding("F-KENNISINSTELLING-AAN-TAFEL")],
    then=[Recommend("I-KENNISDELING-AFSPREKEN")],
)
def recommend_agreeing_knowledge_sharing() -> None:
    """Recommends agreeing knowledge sharing.

    Why: Choose how knowledge is shared and manage the expectations about it (ZonMw leernetwerk).
    Source: ZonMw — "Verwachtingsmanagement is dus essentieel."
    Not when: no guard; it fires on F-KENNISINSTELLING-AAN-TAFEL, and no rule withholds its advice.
    """


@rule(
    "SIT044",
    title="De gemeente zit in meerdere rollen aan tafel",
    when=[is_("network.gemeente_several_roles", True), unknown("relation.gemeente_roles_unclear")],
    then=[Diagnose("F-GEMEENTE-IN-MEERDERE-ROLLEN")],
)
def municipality_in_several_roles() -> None:
    """Municipality in several roles.

    Why: A municipality in several roles must be a reliable party in each of them (Common Eye, key 4).
    Source: Common Eye — "De gemeente is een complexe organisatie".
    Not when: it is known whether its roles are unclear: REL007 diagnoses unclear roles. SIT144 advises.
    """


@rule(
    "SIT144",
    title="Gemeente in meerdere rollen: laat haar leiderschap tonen als betrouwbare partner",
    when=[finding("F-GEMEENTE-IN-MEERDERE-ROLLEN")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality() -> None:
    """Recommends a reliable municipality.

    Why: The municipality holds a key to breakthroughs but must not overplay its hand (Common Eye, key 4).
    Source: Common Eye — "Gemeenten hebben de sleutel in handen om doorbraken te realiseren".
    Not when: no guard; it fires on F-GEMEENTE-IN-MEERDERE-ROLLEN, and no rule withholds its advice.
    """


@rule(
    "SIT052",
    title="De gemeente zit aan tafel, en haar rollen en de vorm van samenwerking zijn niet bekend",
    when=[
        is_("network.gemeente_roles_unlisted", True),
        unknown("context.type"),
        not_true("network.several_gemeenten"),
        unknown("relation.gemeente_roles_unclear"),
    ],
    then=[Diagnose("F-GEMEENTE-ROLLEN-NIET-GENOEMD")],
)
def municipality_with_unnamed_roles() -> None:
    """Municipality with unnamed roles.

    Why: A municipality with unnamed roles is still commissioner, financier or policy maker (Common Eye, key 4).
    Source: Common Eye — "De gemeente is een complexe organisatie".
    Not when: the kind is known, for several municipalities (SIT047), or once REL007 can judge. SIT152 advises.
    """


@rule(
    "SIT152",
    title="Gemeente aan tafel zonder genoemde rollen: laat haar een betrouwbare partner zijn in elke rol",
    when=[finding("F-GEMEENTE-ROLLEN-NIET-GENOEMD")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality_in_its_unnamed_roles() -> None:
    """Recommends a reliable municipality in its unnamed roles.

    Why: The municipality holds a key to breakthroughs but must not overplay its hand (Common Eye, key 4).
    Source: Common Eye — "Gemeenten hebben de sleutel in handen om doorbraken te realiseren".
    Not when: no guard; it fires on F-GEMEENTE-ROLLEN-NIET-GENOEMD, and no rule withholds its advice.
    """


@rule(
    "SIT045",
    title="Bedrijven zitten mee aan tafel in een samenwerking die geen PPS heet",
    when=[
        is_("network.includes_bedrijf", True),
        any_of(one_of("context.type", "integraal", "intersectoraal", "netwerk", "consortium"), unknown("context.type")),
        not_true("interests.known"),
    ],
    then=[Diagnose("F-BEDRIJVEN-AAN-TAFEL")],
)
def companies_at_the_table() -> None:
    """Companies at the table.

    Why: With companies at the table, public and private partners may distrust each other (RIVM handreiking).
    Source: RIVM handreiking — "Private partijen worden soms gewantrouwd vanwege hun vermeende verborgen agenda".
    Not when: it is a PPS (ORG010 and SIT001 give its phases), or once the interests are known. SIT145 advises.
    """


@rule(
    "SIT145",
    title="Bedrijven aan tafel: breng belangen en drijfveren op tafel",
    when=[finding("F-BEDRIJVEN-AAN-TAFEL")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_interests_with_companies() -> None:
    """Recommends interests with companies.

    Why: Mistrust over hidden agendas is no basis for an equal collaboration; share interests (RIVM, Common Eye).
    Source: Common Eye — "Verbinding met een ander komt vooral tot stand als je interesse hebt in de belangen van de
    ander."
    Not when: no guard; it fires on F-BEDRIJVEN-AAN-TAFEL, and no rule withholds its advice.
    """


@rule(
    "SIT046",
    title="Gemeente, zorgaanbieder en woningcorporatie werken samen, en of de samenhang zichtbaar is, is niet bekend",
    when=[is_("network.wonen_zorg_gemeente", True), unknown("organising.coherence_visible")],
    then=[Diagnose("F-WONEN-ZORG-GEMEENTE")],
)
def housing_care_and_municipality() -> None:
    """Housing care and municipality.

    Why: Housing, care and municipality bring unattuned worlds together in three domains (Common Eye, Weer thuis).
    Source: Common Eye — "De samenwerking brengt werelden samen die niet zonder meer op elkaar zijn ingespeeld."
    Not when: it is known whether the coherence is visible (ORG007 diagnoses it when not). SIT146 advises.
    """


@rule(
    "SIT146",
    title="Wonen, zorg en gemeente: maak de samenhang tussen de domeinen van samenwerking zichtbaar",
    when=[finding("F-WONEN-ZORG-GEMEENTE")],
    then=[Recommend("I-SAMENHANG-ZICHTBAAR-MAKEN"), Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_making_the_domains_visible() -> None:
    """Recommends making the domains visible.

    Why: Make the coherence of the domains visible and lay bare the mutual dependency (Common Eye, Weer thuis).
    Source: Common Eye — "Het domein van de leefomgeving. Dit domein is nodig om een zachte landing mogelijk te maken."
    Not when: no guard; it fires on F-WONEN-ZORG-GEMEENTE, and no rule withholds its advice.
    """


@rule(
    "SIT047",
    title="Meerdere gemeenten werken samen, en hoe de regie op het proces ligt is niet bekend",
    when=[*SEVERAL_MUNICIPALITIES, unknown("leadership.regie")],
    then=[Diagnose("F-GEMEENTEN-REGIE-ONBEKEND")],
)
def municipalities_with_unknown_regie() -> None:
    """Municipalities with unknown regie.

    Why: Several municipalities need the regie on their regional process placed clearly (Common Eye, Krimp).
    Source: Common Eye — "in elk succesvol samenwerkingstraject de regie op het proces op een duidelijke plek belegd".
    Not when: the collaboration is integral, or once the regie is known (ROL001 judges it). SIT147 advises.
    """


@rule(
    "SIT147",
    title="Meerdere gemeenten aan tafel: beleg de regie op het regionale proces",
    when=[finding("F-GEMEENTEN-REGIE-ONBEKEND")],
    then=[Recommend("I-REGIE-BELEGGEN")],
)
def recommend_regional_regie() -> None:
    """Recommends regional regie.

    Why: In every successful collaboration the regie on the process is placed clearly (Common Eye, Krimp).
    Source: Common Eye — "in elk succesvol samenwerkingstraject de regie op het proces op een duidelijke plek belegd".
    Not when: no guard; it fires on F-GEMEENTEN-REGIE-ONBEKEND, and no rule withholds its advice.
    """


@rule(
    "SIT048",
    title="Een publiek-private samenwerking, en of ieder er zijn eigen winst in ziet is niet bekend",
    when=[is_("context.type", "pps"), not_true("interests.partners_see_own_benefit")],
    then=[Diagnose("F-PPS-BEDRIJVEN-ALS-PARTNER")],
)
def companies_as_partners_in_a_pps() -> None:
    """Companies as partners in a pps.

    Why: A PPS is not sponsoring: the private partners want a real role and a win-win (RIVM handreiking).
    Source: RIVM handreiking — "Publiek-private samenwerking is iets heel anders dan sponsoring."
    Not when: the partners are known to see their own benefit (BEL008 diagnoses a lack). SIT148 advises.
    """


@rule(
    "SIT148",
    title="Bedrijven in een PPS: maak afspraken waarin iedere partner winst ziet",
    when=[finding("F-PPS-BEDRIJVEN-ALS-PARTNER")],
    then=[Recommend("I-WEDERZIJDS-VERTROUWEN-WIN-WIN")],
)
def recommend_win_win_in_a_pps() -> None:
    """Recommends win win in a pps.

    Why: Partners in a PPS trust each other, make agreements and keep the win-win in view (RIVM handreiking).
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: no guard; it fires on F-PPS-BEDRIJVEN-ALS-PARTNER, and no rule withholds its advice.
    """


@rule(
    "SIT049",
    title="Een integrale samenwerking over beleidsterreinen heen, en of begrippen verwarring geven is niet bekend",
    when=[is_("context.type", "integraal"), unknown("relation.terms_confused")],
    then=[Diagnose("F-DOMEINEN-AAN-TAFEL")],
)
def domains_at_the_table() -> None:
    """Domains at the table.

    Why: Health in an integral project needs the social and physical domains aligned (ZonMw leernetwerk).
    Source: ZonMw — "Vooral de samenwerking tussen het sociaal en fysiek domein”, vertelt ze."
    Not when: it is known whether terms are confused: REL003 diagnoses known confusion. SIT149 advises.
    """


@rule(
    "SIT149",
    title="Beleidsterreinen aan tafel: stem begrippen, probleemdefinitie en doelen op elkaar af",
    when=[finding("F-DOMEINEN-AAN-TAFEL")],
    then=[Recommend("I-ELKAAR-ECHT-BEGRIJPEN"), Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_aligning_terms() -> None:
    """Recommends aligning terms.

    Why: Discuss differences and align terms, problem definitions, visions and shared goals (ZonMw leernetwerk).
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij".
    Not when: no guard; it fires on F-DOMEINEN-AAN-TAFEL, and no rule withholds its advice.
    """


__all__ = [
    "SEVERAL_MUNICIPALITIES",
    "companies_as_partners_in_a_pps",
    "companies_at_the_table",
    "domains_at_the_table",
    "housing_care_and_municipality",
    "huisartsen_at_the_table",
    "knowledge_institute_at_the_table",
    "municipalities_with_unknown_regie",
    "municipality_in_several_roles",
    "municipality_with_unnamed_roles",
    "recommend_a_reliable_municipality",
    "recommend_a_reliable_municipality_in_its_unnamed_roles",
    "recommend_agreeing_knowledge_sharing",
    "recommend_aligning_terms",
    "recommend_connecting_to_the_professionals",
    "recommend_interests_with_companies",
    "recommend_making_the_domains_visible",
    "recommend_regional_regie",
    "recommend_win_win_in_a_pps",
]
