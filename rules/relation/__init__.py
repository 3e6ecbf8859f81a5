"""Relation (relatie): trust, language, key persons and the gemeente's roles.

Common Eye: a strategically crucial collaboration can fail because two people cannot get along;
spraakverwarring, trust anchored only in persons, and the gemeente's many roles (Weer thuis).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, rule


@rule(
    "REL001",
    title="Het botst tussen sleutelpersonen",
    when=[is_("relation.personal_friction", True)],
    then=[Diagnose("F-PERSOONLIJKE-FRICTIE")],
)
def key_people_clash() -> None:
    """A strategically crucial collaboration can fail because two people cannot get along, so friction between key
    people is a finding (Common Eye, Relatie: persoonlijk samenwerken)."""


@rule(
    "REL002",
    title="Vertrouwen rust alleen op persoonlijke relaties",
    when=[is_("relation.trust_personal_only", True)],
    then=[Diagnose("F-VERTROUWEN-NIET-GEBORGD")],
)
def trust_not_anchored() -> None:
    """Trust that rests on personal relations and is not anchored in structures makes the collaboration vulnerable when
    people change (Common Eye, column Begrijpen dankzij geschiedenis)."""


@rule(
    "REL003",
    title="Spraakverwarring",
    when=[is_("relation.terms_confused", True)],
    then=[Diagnose("F-SPRAAKVERWARRING")],
)
def words_mean_different_things() -> None:
    """Terms that are "klip-en-klaar" in one's own organisation are not so in a collaboration, and general terms are
    dangerous (Common Eye, column Spraakverwarring; ZonMw leernetwerk, Interdisciplinair samenwerken)."""


@rule(
    "REL004",
    title="Inbreng voelt niet gewaardeerd",
    when=[is_("relation.contribution_valued", False)],
    then=[Diagnose("F-INBRENG-NIET-GEWAARDEERD")],
)
def contribution_not_valued() -> None:
    """ZonMw leernetwerk golden tips 5 and 6."""


@rule(
    "REL005",
    title="Het team is nieuw samengesteld",
    when=[is_("relation.team_new", True)],
    then=[Diagnose("F-TEAM-NIEUW-SAMENGESTELD")],
)
def team_newly_formed() -> None:
    """A number of loose players is not yet a good team; new people still have to get to know each other's strengths and
    weaknesses (Common Eye, Samenwerkingsassessment, Oranje Loper)."""


@rule(
    "REL006",
    title="Gemeente en organisaties staan in een opdrachtgever-opdrachtnemerrelatie",
    when=[is_("relation.principal_agent", True)],
    then=[Diagnose("F-OPDRACHTGEVER-OPDRACHTNEMER")],
)
def principal_and_contractor() -> None:
    """Common Eye four keys, key 2."""


@rule(
    "REL007",
    title="Rol en koers van de gemeente zijn onduidelijk",
    when=[is_("relation.gemeente_roles_unclear", True)],
    then=[Diagnose("F-GEMEENTE-ROLLEN-ONDUIDELIJK")],
)
def gemeente_role_unclear() -> None:
    """Common Eye four keys, key 4."""


@rule(
    "REL008", title="Schotten en domeindenken", when=[is_("relation.domain_walls", True)], then=[Diagnose("F-SCHOTTEN")]
)
def domain_walls() -> None:
    """RIVM netwerkbijeenkomsten hard aspect; Common Eye Weer thuis."""


@rule(
    "REL101",
    title="Botsende sleutelpersonen: investeer in de relatie en het goede gesprek",
    when=[finding("F-PERSOONLIJKE-FRICTIE")],
    then=[Recommend("I-ELKAAR-ECHT-BEGRIJPEN"), Recommend("I-TIJD-INVESTEREN-IN-RELATIES")],
)
def recommend_attention_to_the_personal_interaction() -> None:
    """Common Eye: attention to personal interaction; goede werkrelaties (emotional connection before real
    listening)."""


@rule(
    "REL102",
    title="Vertrouwen niet geborgd: bouw wederzijds vertrouwen op met afspraken, en borg relaties in structuur",
    when=[finding("F-VERTROUWEN-NIET-GEBORGD")],
    then=[Recommend("I-WEDERZIJDS-VERTROUWEN-WIN-WIN"), Recommend("I-AFSPRAKEN-EN-GOVERNANCE-BORGEN")],
)
def recommend_anchoring_trust_in_agreements() -> None:
    """RIVM handreiking (wederzijds vertrouwen: afspraken, win-win, borg gezamenlijke successen); Common Eye history
    column (not only personal trust)."""


@rule(
    "REL103",
    title="Spraakverwarring: werk aan het goede gesprek en stem begrippen af",
    when=[finding("F-SPRAAKVERWARRING")],
    then=[Recommend("I-ELKAAR-ECHT-BEGRIJPEN")],
)
def recommend_aligning_the_words() -> None:
    """Common Eye column; ZonMw leernetwerk begrippen."""


@rule(
    "REL104",
    title="Inbreng niet gewaardeerd: laat waardering merken",
    when=[finding("F-INBRENG-NIET-GEWAARDEERD")],
    then=[Recommend("I-INBRENG-WAARDEREN")],
)
def recommend_valuing_contributions() -> None:
    """Collaboration is about being needed for who you are and what you know, so people must know their input is valued
    (ZonMw leernetwerk, Gouden tips, tip 5 and 6)."""


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
    """A new team learns who is good at what through an assessment and divides the roles on strength rather than
    function, and its people invest time in each other, since trust grows with interaction (Common Eye,
    Samenwerkingsassessment, Oranje Loper, thermometer: "Zorg dat je voldoende tijd investeert in elkaar")."""


@rule(
    "REL106",
    title="Marktverhouding: investeer in een duurzaam partnerschap",
    when=[finding("F-OPDRACHTGEVER-OPDRACHTNEMER")],
    then=[Recommend("I-DUURZAAM-PARTNERSCHAP")],
)
def recommend_a_lasting_partnership() -> None:
    """Gemeente and organisations share the same purpose, yet a market relation brings bureaucracy and legal procedures;
    the public task asks for lasting partnership (Common Eye, Vier sleutels, sleutel 2)."""


@rule(
    "REL107",
    title="Onduidelijke rol gemeente: laat de gemeente een betrouwbare partner zijn",
    when=[finding("F-GEMEENTE-ROLLEN-ONDUIDELIJK")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_gemeente() -> None:
    """The gemeente holds a key role but can only fill it as a reliable party in its different roles, with a vision
    beyond one council term (Common Eye, Vier sleutels, sleutel 4)."""


@rule(
    "REL108",
    title="Schotten: benoem de domeinverschillen en leer elkaars beweegredenen kennen",
    when=[finding("F-SCHOTTEN")],
    then=[Recommend("I-DOMEINVERSCHILLEN-ERKENNEN"), Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_acknowledging_domain_differences() -> None:
    """RIVM netwerkbijeenkomsten tip; Common Eye Weer thuis."""


@rule(
    "REL030",
    title="De informatie gaat vooral één kant op",
    when=[is_("relation.information_one_sided", True)],
    then=[Diagnose("F-INFORMATIE-EENZIJDIG")],
)
def information_flows_one_way() -> None:
    """Common Eye thermometer (waakzaam: information shared, but not fully) and RIVM handreiking (voor wat,
    hoort wat)."""


@rule(
    "REL130",
    title="Eenzijdige informatie: spreek af welke informatie ieder deelt",
    when=[finding("F-INFORMATIE-EENZIJDIG")],
    then=[Recommend("I-INFORMATIE-WEDERZIJDS-DELEN")],
)
def recommend_sharing_information_both_ways() -> None:
    """Common Eye building blocks (how we share information on current and new initiatives) and RIVM handreiking
    (voor wat, hoort wat; name bottlenecks in time)."""
