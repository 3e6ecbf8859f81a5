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
    """Common Eye Relatie."""


@rule(
    "REL002",
    title="Vertrouwen rust alleen op persoonlijke relaties",
    when=[is_("relation.trust_personal_only", True)],
    then=[Diagnose("F-VERTROUWEN-NIET-GEBORGD")],
)
def trust_not_anchored() -> None:
    """Common Eye history column."""


@rule(
    "REL003",
    title="Spraakverwarring",
    when=[is_("relation.terms_confused", True)],
    then=[Diagnose("F-SPRAAKVERWARRING")],
)
def words_mean_different_things() -> None:
    """ZonMw leernetwerk, Common Eye column."""


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
    """Common Eye samenwerkingsassessment."""


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
    """ZonMw leernetwerk."""


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
    """Common Eye Oranje Loper. New people at the table do not yet know each other, and trust grows with
    interaction (Common Eye, thermometer: "Zorg dat je voldoende tijd investeert in elkaar; we weten dat
    vertrouwen wel vaart bij voldoende interactie en gelegenheid voor ontmoeting")."""


@rule(
    "REL106",
    title="Marktverhouding: investeer in een duurzaam partnerschap",
    when=[finding("F-OPDRACHTGEVER-OPDRACHTNEMER")],
    then=[Recommend("I-DUURZAAM-PARTNERSCHAP")],
)
def recommend_a_lasting_partnership() -> None:
    """Common Eye key 2."""


@rule(
    "REL107",
    title="Onduidelijke rol gemeente: laat de gemeente een betrouwbare partner zijn",
    when=[finding("F-GEMEENTE-ROLLEN-ONDUIDELIJK")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_gemeente() -> None:
    """Common Eye key 4."""


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
