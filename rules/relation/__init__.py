"""Relation (relatie): trust, language, key persons and the gemeente's roles.

Common Eye: a strategically crucial collaboration can fail because two people cannot get along;
spraakverwarring, trust anchored only in persons, and the gemeente's many roles (Weer thuis).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, one_of, rule, unknown
from . import municipality_and_residents

# The concern's other module (a module stays under 450 lines).
PARTS = (municipality_and_residents,)


@rule(
    "REL001",
    title="Het botst tussen sleutelpersonen",
    when=[is_("relation.personal_friction", True)],
    then=[Diagnose("F-PERSOONLIJKE-FRICTIE")],
)
def key_people_clash() -> None:
    """Key people clash.

    Why: A strategically crucial collaboration can fail because two people cannot get along, so friction between key
    people is a finding (Common Eye, Relatie: persoonlijk samenwerken).
    Source: Common Eye — section "Het Common Eye op samenwerken – Relatie: persoonlijk samenwerken".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-PERSOONLIJKE-FRICTIE to REL101.
    """


@rule(
    "REL002",
    title="Vertrouwen rust alleen op persoonlijke relaties",
    when=[is_("relation.trust_personal_only", True)],
    then=[Diagnose("F-VERTROUWEN-NIET-GEBORGD")],
)
def trust_not_anchored() -> None:
    """Trust not anchored.

    Why: Trust that rests on personal relations and is not anchored in structures makes the collaboration vulnerable
    when people change (Common Eye, column Begrijpen dankzij geschiedenis).
    Source: Common Eye — "Daarnaast was er te veel vertrouwen in persoonlijke relaties, waardoor deze niet werden
    geborgd in bestaande structuren."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-VERTROUWEN-NIET-GEBORGD to REL102.
    """


@rule(
    "REL003",
    title="Spraakverwarring",
    when=[is_("relation.terms_confused", True)],
    then=[Diagnose("F-SPRAAKVERWARRING")],
)
def words_mean_different_things() -> None:
    """Words mean different things.

    Why: Terms that are "klip-en-klaar" in one's own organisation are not so in a collaboration, and general terms are
    dangerous (Common Eye, column Spraakverwarring; ZonMw leernetwerk, Interdisciplinair samenwerken).
    Source: Common Eye — "Een ding is zeker: algemene termen zijn gevaarlijk."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-SPRAAKVERWARRING
    to REL103.
    """


@rule(
    "REL004",
    title="Inbreng voelt niet gewaardeerd",
    when=[is_("relation.contribution_valued", False)],
    then=[Diagnose("F-INBRENG-NIET-GEWAARDEERD")],
)
def contribution_not_valued() -> None:
    """Contribution not valued.

    Why: Participants must know their contribution is valued for its content, or they stop contributing (ZonMw
    leernetwerk, golden tips 5 and 6).
    Source: ZonMw — "Zorg dat mensen weten dat hun inbreng inhoudelijk wordt gewaardeerd."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-INBRENG-NIET-GEWAARDEERD to REL104.
    """


@rule(
    "REL005",
    title="Het team is nieuw samengesteld",
    when=[is_("relation.team_new", True)],
    then=[Diagnose("F-TEAM-NIEUW-SAMENGESTELD")],
)
def team_newly_formed() -> None:
    """Team newly formed.

    Why: A number of loose players is not yet a good team; new people still have to get to know each other's strengths
    and weaknesses (Common Eye, Samenwerkingsassessment, Oranje Loper).
    Source: Common Eye — "Met een aantal losse spelers heb je nog geen goed team."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-TEAM-NIEUW-SAMENGESTELD to REL105.
    """


@rule(
    "REL006",
    title="Gemeente en organisaties staan in een opdrachtgever-opdrachtnemerrelatie",
    when=[is_("relation.principal_agent", True)],
    then=[Diagnose("F-OPDRACHTGEVER-OPDRACHTNEMER")],
)
def principal_and_contractor() -> None:
    """Principal and contractor.

    Why: Municipality and social organisations in a market relation get bureaucracy, high costs and legal procedures
    instead of partnership (Common Eye, four keys, key 2).
    Source: Common Eye — "Toch zijn zij steeds meer in marktverhoudingen tot elkaar komen te staan, met bureaucratische
    processen, hoge uitvoeringskosten en juridische procedures tot gevolg."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-OPDRACHTGEVER-OPDRACHTNEMER to REL106.
    """


@rule(
    "REL007",
    title="Rol en koers van de gemeente zijn onduidelijk",
    when=[is_("relation.gemeente_roles_unclear", True)],
    then=[Diagnose("F-GEMEENTE-ROLLEN-ONDUIDELIJK")],
)
def gemeente_role_unclear() -> None:
    """Gemeente role unclear.

    Why: A municipality whose role and course are unclear cannot be the reliable party in its several roles that key 4
    asks for (Common Eye, four keys).
    Source: Common Eye — "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende rollen".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GEMEENTE-ROLLEN-ONDUIDELIJK to REL107.
    """


@rule(
    "REL008", title="Schotten en domeindenken", when=[is_("relation.domain_walls", True)], then=[Diagnose("F-SCHOTTEN")]
)
def domain_walls() -> None:
    """Domain walls.

    Why: Walls between domains and the own position dominating are a hard aspect of collaboration (RIVM
    netwerkbijeenkomsten; Common Eye, Weer thuis).
    Source: RIVM netwerkbijeenkomsten — "Er zijn nog veel schotten en het (eigen) domein denken, de eigen positie
    overheerst".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-SCHOTTEN to
    REL108.
    """


@rule(
    "REL031",
    title="Het onderlinge vertrouwen is laag",
    when=[is_("relation.trust_low", True)],
    then=[Diagnose("F-VERTROUWEN-LAAG")],
)
def trust_is_low() -> None:
    """Trust is low.

    Why: Trust between the partners is what the relation rests on; it grows with enough interaction and occasion to
    meet (Common Eye, the thermometer's waakzaam) and needs time set aside for it (ZonMw leernetwerk). Real cases say it
    in so many words ("onvoldoende onderling vertrouwen", review15, Twenterand), which no statement could.
    Source: Common Eye — "Zorg dat je voldoende tijd investeert in elkaar; we weten dat vertrouwen wel vaart bij
    voldoende interactie en gelegenheid voor ontmoeting."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-VERTROUWEN-LAAG
    to REL131.
    """


@rule(
    "REL101",
    title="Botsende sleutelpersonen: investeer in de relatie en het goede gesprek",
    when=[finding("F-PERSOONLIJKE-FRICTIE")],
    then=[Recommend("I-ELKAAR-ECHT-BEGRIJPEN"), Recommend("I-TIJD-INVESTEREN-IN-RELATIES")],
)
def recommend_attention_to_the_personal_interaction() -> None:
    """Recommends attention to the personal interaction.

    Why: When key persons clash, attention to the personal interaction comes first: emotional connection comes before
    real listening (Common Eye, goede werkrelaties).
    Source: Common Eye — "Met name die fysieke aanwezigheid draagt bij aan het vertrouwen."
    Not when: its I-TIJD-INVESTEREN-IN-RELATIES is withheld where KLI101 (de escalation before relationship building) or
    ORG107 (recommend connecting existing tables) fires.
    """


@rule(
    "REL102",
    title="Vertrouwen niet geborgd: bouw wederzijds vertrouwen op met afspraken, en borg relaties in structuur",
    when=[finding("F-VERTROUWEN-NIET-GEBORGD")],
    then=[Recommend("I-WEDERZIJDS-VERTROUWEN-WIN-WIN"), Recommend("I-AFSPRAKEN-EN-GOVERNANCE-BORGEN")],
)
def recommend_anchoring_trust_in_agreements() -> None:
    """Recommends anchoring trust in agreements.

    Why: RIVM handreiking (wederzijds vertrouwen: afspraken, win-win, borg gezamenlijke successen); Common Eye history
    column (not only personal trust).
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: its I-AFSPRAKEN-EN-GOVERNANCE-BORGEN is withheld where ORG201 (no more agreements when already extensive)
    fires.
    """


@rule(
    "REL103",
    title="Spraakverwarring: werk aan het goede gesprek en stem begrippen af",
    when=[finding("F-SPRAAKVERWARRING")],
    then=[Recommend("I-ELKAAR-ECHT-BEGRIJPEN")],
)
def recommend_aligning_the_words() -> None:
    """Recommends aligning the words.

    Why: Confusion of terms is prevented by the quality of the conversations and by aligning the words partners use
    (Common Eye, column; ZonMw leernetwerk).
    Source: Common Eye — "Het perspectief (c.q. overtuigingen, belangen en betekenissen) van jezelf en de ander écht
    begrijpen."
    Not when: no guard of its own; it fires whenever F-SPRAAKVERWARRING is diagnosed, and no rule withholds its advice.
    """


@rule(
    "REL104",
    title="Inbreng niet gewaardeerd: laat waardering merken",
    when=[finding("F-INBRENG-NIET-GEWAARDEERD")],
    then=[Recommend("I-INBRENG-WAARDEREN")],
)
def recommend_valuing_contributions() -> None:
    """Recommends valuing contributions.

    Why: Collaboration is about being needed for who you are and what you know, so people must know their input is
    valued (ZonMw leernetwerk, Gouden tips, tip 5 and 6).
    Source: ZonMw — "Zorg dat mensen weten dat hun inbreng inhoudelijk wordt gewaardeerd."
    Not when: no guard of its own; it fires whenever F-INBRENG-NIET-GEWAARDEERD is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "REL105",
    title="Nieuw team: leer elkaar kennen, investeer tijd in elkaar en verdeel de rollen op kracht",
    when=[finding("F-TEAM-NIEUW-SAMENGESTELD")],
    then=[
        Recommend("I-SAMENWERKINGSASSESSMENT"),
        Recommend("I-ROLLEN-OP-KRACHT-VERDELEN"),
        Recommend("I-TIJD-INVESTEREN-IN-RELATIES"),
    ],
)
def recommend_an_assessment_for_a_new_team() -> None:
    """Recommends an assessment for a new team.

    Why: A new team learns who is good at what through an assessment and divides the roles on strength rather than
    function, and its people invest time in each other, since trust grows with interaction (Common Eye,
    Samenwerkingsassessment, Oranje Loper, thermometer: "Zorg dat je voldoende tijd investeert in elkaar").
    Source: Common Eye — "Met name die fysieke aanwezigheid draagt bij aan het vertrouwen."
    Not when: its I-TIJD-INVESTEREN-IN-RELATIES is withheld where KLI101 (de escalation before relationship building) or
    ORG107 (recommend connecting existing tables) fires.
    """


@rule(
    "REL109",
    title="Nieuwe mensen in een rustig klimaat: neem hen bewust op en houd de samenwerking open",
    when=[
        finding("F-TEAM-NIEUW-SAMENGESTELD"),
        one_of("climate.level", "vriendschappelijk", "waakzaam"),
    ],
    then=[Recommend("I-NIEUWE-MENSEN-OPNEMEN")],
)
def recommend_welcoming_new_people() -> None:
    """Recommends welcoming the new people.

    Why: Where many new people joined, they get to know the partners and the agreements as the first ones did, so the
    good interplay does not depend on who has been there longest, and the network stays open (Common Eye, Vier
    ingrediënten).
    Source: Common Eye — "Hou het netwerk wel open; voorkom een gesloten netwerk op basis van exclusiviteit."
    Not when: the climate is onenigheid or conflict: partners who step on each other's toes are no table to welcome
    newcomers at.
    """


@rule(
    "REL110",
    title="Nieuwe mensen, en het klimaat is niet bekend: neem hen bewust op en houd de samenwerking open",
    when=[finding("F-TEAM-NIEUW-SAMENGESTELD"), unknown("climate.declared"), unknown("climate.signs")],
    then=[Recommend("I-NIEUWE-MENSEN-OPNEMEN")],
)
def recommend_welcoming_new_people_climate_unknown() -> None:
    """Recommends welcoming the new people where nothing is known of the climate.

    Why: The advice for a team that many new people joined holds unless the climate rules it out; with no climate
    observed, no onenigheid or conflict stands in its way (Common Eye, Vier ingrediënten).
    Source: Common Eye — "Hou het netwerk wel open; voorkom een gesloten netwerk op basis van exclusiviteit."
    Not when: a climate is declared or its signs are observed: then REL109 decides.
    """


@rule(
    "REL106",
    title="Marktverhouding: investeer in een duurzaam partnerschap",
    when=[finding("F-OPDRACHTGEVER-OPDRACHTNEMER")],
    then=[Recommend("I-DUURZAAM-PARTNERSCHAP")],
)
def recommend_a_lasting_partnership() -> None:
    """Recommends a lasting partnership.

    Why: Gemeente and organisations share the same purpose, yet a market relation brings bureaucracy and legal
    procedures; the public task asks for lasting partnership (Common Eye, Vier sleutels, sleutel 2).
    Source: Common Eye — "De ervaring leert dat partijen – gemeenten, Rijk, zorgverzekeraar – zeker bereidwillig zijn,
    maar de vrijblijvendheid mag er wel van af."
    Not when: no guard of its own; it fires whenever F-OPDRACHTGEVER-OPDRACHTNEMER is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "REL107",
    title="Onduidelijke rol gemeente: laat de gemeente een betrouwbare partner zijn",
    when=[finding("F-GEMEENTE-ROLLEN-ONDUIDELIJK")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_gemeente() -> None:
    """Recommends a reliable gemeente.

    Why: The gemeente holds a key role but can only fill it as a reliable party in its different roles, with a vision
    beyond one council term (Common Eye, Vier sleutels, sleutel 4).
    Source: Common Eye — "Gemeenten hebben de sleutel in handen om doorbraken te realiseren, maar mogen hun hand niet
    overspelen."
    Not when: no guard of its own; it fires whenever F-GEMEENTE-ROLLEN-ONDUIDELIJK is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "REL108",
    title="Schotten: benoem de domeinverschillen en leer elkaars beweegredenen kennen",
    when=[finding("F-SCHOTTEN")],
    then=[Recommend("I-DOMEINVERSCHILLEN-ERKENNEN"), Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_acknowledging_domain_differences() -> None:
    """Recommends acknowledging domain differences.

    Why: Differences between domains are named and acknowledged rather than smoothed over (RIVM netwerkbijeenkomsten,
    tip; Common Eye, Weer thuis).
    Source: RIVM netwerkbijeenkomsten — "Benoem en erken domeinverschillen".
    Not when: no guard of its own; it fires whenever F-SCHOTTEN is diagnosed, and no rule withholds its advice.
    """


@rule(
    "REL030",
    title="De informatie gaat vooral één kant op",
    when=[is_("relation.information_one_sided", True)],
    then=[Diagnose("F-INFORMATIE-EENZIJDIG")],
)
def information_flows_one_way() -> None:
    """Information flows one way.

    Why: Common Eye thermometer (waakzaam: information shared, but not fully) and RIVM handreiking (voor wat, hoort
    wat).
    Source: Common Eye — "Informatie en wensen worden gedeeld, maar niet volledig."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-INFORMATIE-EENZIJDIG to REL130.
    """


@rule(
    "REL131",
    title="Laag vertrouwen: investeer tijd in elkaar en bouw wederzijds vertrouwen op met afspraken",
    when=[finding("F-VERTROUWEN-LAAG")],
    then=[Recommend("I-TIJD-INVESTEREN-IN-RELATIES"), Recommend("I-WEDERZIJDS-VERTROUWEN-WIN-WIN")],
)
def recommend_building_trust() -> None:
    """Recommends building trust.

    Why: Set time aside for relations and trust, also outside the formal meetings (ZonMw leernetwerk's tips; Common
    Eye), and build mutual trust on agreements kept with win-win in view (RIVM handreiking, Wederzijds vertrouwen).
    Source: ZonMw — "Ruim tijd in om relaties en onderling vertrouwen op te bouwen; drink een kop koffie met elkaar."
    Not when: its I-TIJD-INVESTEREN-IN-RELATIES is withheld where the climate is a conflict (partners first take
    distance) or the case already has too many meetings.
    """


@rule(
    "REL130",
    title="Eenzijdige informatie: spreek af welke informatie ieder deelt",
    when=[finding("F-INFORMATIE-EENZIJDIG")],
    then=[Recommend("I-INFORMATIE-WEDERZIJDS-DELEN")],
)
def recommend_sharing_information_both_ways() -> None:
    """Recommends sharing information both ways.

    Why: Common Eye building blocks (how we share information on current and new initiatives) and RIVM handreiking (voor
    wat, hoort wat; name bottlenecks in time).
    Source: Common Eye — "Het fundament van het netwerk krijgt vorm door netwerk specifieke governance en gedeelde
    spelregels."
    Not when: no guard of its own; it fires whenever F-INFORMATIE-EENZIJDIG is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "PARTS",
    "contribution_not_valued",
    "domain_walls",
    "gemeente_role_unclear",
    "information_flows_one_way",
    "key_people_clash",
    "principal_and_contractor",
    "recommend_a_lasting_partnership",
    "recommend_a_reliable_gemeente",
    "recommend_acknowledging_domain_differences",
    "recommend_aligning_the_words",
    "recommend_an_assessment_for_a_new_team",
    "recommend_anchoring_trust_in_agreements",
    "recommend_attention_to_the_personal_interaction",
    "recommend_building_trust",
    "recommend_sharing_information_both_ways",
    "recommend_valuing_contributions",
    "recommend_welcoming_new_people",
    "recommend_welcoming_new_people_climate_unknown",
    "team_newly_formed",
    "trust_is_low",
    "trust_not_anchored",
    "words_mean_different_things",
]
