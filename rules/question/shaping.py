"""Questions about shaping the collaboration: the start, the goal, the regie, the roles, the organisation and the
relations.

Part of the collaboration's own question (rules/question): each topic the advisor records is a finding in the
case's own words, with the documents' advice for it.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, any_of, finding, is_, one_of, rule, unknown

# Every kind but a public-private partnership (whose own phases give its structure), or a kind not known.
_NOT_PPS = any_of(
    one_of("context.type", "integraal", "intersectoraal", "netwerk", "consortium"), unknown("context.type")
)


@rule(
    "VRG001",
    title="De samenwerking vraagt advies over een goede start",
    when=[is_("question.beginnen", True)],
    then=[Diagnose("F-VRAAG-BEGINNEN")],
)
def asks_about_the_start() -> None:
    """Asks about the start.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: HAN toolbox — "Stap één is dat: verken of je medestanders heb in de wijk"
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-BEGINNEN to VRG101.
    """


@rule(
    "VRG101",
    title="Vraag over de start: zoek medestanders en begin met iets concreets",
    when=[finding("F-VRAAG-BEGINNEN")],
    then=[Recommend("I-MEDESTANDERS-ZOEKEN"), Recommend("I-CONCREET-BEGINNEN")],
)
def recommend_allies_and_a_concrete_start() -> None:
    """Recommends allies and a concrete start.

    Why: a start begins by finding allies who want to work on the subject, and with something concrete the partners
    can do together.
    Source: HAN toolbox — "Stap één is dat: verken of je medestanders heb in de wijk"
    Not when: no guard of its own; it fires whenever F-VRAAG-BEGINNEN is diagnosed.
    """


@rule(
    "VRG002",
    title="De samenwerking vraagt advies over een gezamenlijk doel",
    when=[is_("question.doel", True)],
    then=[Diagnose("F-VRAAG-DOEL")],
)
def asks_about_the_goal() -> None:
    """Asks about the goal.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: Common Eye — "Het formuleren van een gedeelde ambitie doe je samen en is niet een eenmalige activiteit."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-DOEL to VRG102.
    """


@rule(
    "VRG102",
    title="Vraag over het doel: formuleer samen een gedeelde ambitie en maak het onderliggende doel expliciet",
    when=[finding("F-VRAAG-DOEL")],
    then=[Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"), Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN")],
)
def recommend_formulating_a_shared_ambition() -> None:
    """Recommends formulating a shared ambition.

    Why: a shared ambition is formulated together and kept alive, and discussing the underlying goal lets partners
    see what they want and why.
    Source: Common Eye — "Het formuleren van een gedeelde ambitie doe je samen en is niet een eenmalige activiteit."
    Not when: no guard of its own; it fires whenever F-VRAAG-DOEL is diagnosed.
    """


@rule(
    "VRG003",
    title="De samenwerking vraagt advies over wie trekt en de regie voert",
    when=[is_("question.regie", True)],
    then=[Diagnose("F-VRAAG-REGIE")],
)
def asks_about_the_regie() -> None:
    """Asks about the regie.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: RIVM netwerkbijeenkomsten — "Zoek per project een bestuurlijke trekker, bijvoorbeeld de wethouder."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-REGIE to VRG103.
    """


@rule(
    "VRG103",
    title="Vraag over de regie: beleg de regie op het proces en organiseer bestuurlijk eigenaarschap",
    when=[finding("F-VRAAG-REGIE")],
    then=[Recommend("I-REGIE-BELEGGEN"), Recommend("I-BESTUURLIJK-EIGENAARSCHAP")],
)
def recommend_placing_the_regie() -> None:
    """Recommends placing the regie.

    Why: in every successful collaboration the regie on the process is placed at a clear spot, and each project has
    an administrator who carries it.
    Source: RIVM netwerkbijeenkomsten — "Zoek per project een bestuurlijke trekker, bijvoorbeeld de wethouder."
    Not when: no guard of its own; it fires whenever F-VRAAG-REGIE is diagnosed.
    """


@rule(
    "VRG004",
    title="De samenwerking vraagt advies over wie wat doet en inbrengt",
    when=[is_("question.rollen", True)],
    then=[Diagnose("F-VRAAG-ROLLEN")],
)
def asks_about_the_roles() -> None:
    """Asks about the roles.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: RIVM handreiking — "Kijk voordat je de taken en rollen verdeelt goed naar de wensen, voorkeuren en
    aanwezige expertise."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-ROLLEN to VRG104.
    """


@rule(
    "VRG104",
    title="Vraag over de rollen: verdeel taken op ieders kracht en bespreek verwachtingen en bijdragen",
    when=[finding("F-VRAAG-ROLLEN")],
    then=[Recommend("I-ROLLEN-OP-KRACHT-VERDELEN"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_dividing_roles_and_contributions() -> None:
    """Recommends dividing roles and contributions.

    Why: tasks and roles are divided after looking at each partner's wishes and expertise, and the three B's make
    each one's contribution discussable.
    Source: RIVM handreiking — "Kijk voordat je de taken en rollen verdeelt goed naar de wensen, voorkeuren en
    aanwezige expertise."
    Not when: no guard of its own; it fires whenever F-VRAAG-ROLLEN is diagnosed.
    """


@rule(
    "VRG006",
    title="De samenwerking vraagt advies over een werkbare organisatie",
    when=[is_("question.organiseren", True)],
    then=[Diagnose("F-VRAAG-ORGANISEREN")],
)
def asks_about_the_organisation() -> None:
    """Asks about the organisation.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: Common Eye — "Het dient in eerste instantie vooral te gaan over de inhoudelijke ambitie en wat ervoor
    nodig is om deze te kunnen realiseren."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-ORGANISEREN to VRG106,
    VRG156, VRG166.
    """


@rule(
    "VRG106",
    title="Vraag over de organisatie: laat de inhoud de vorm bepalen en werk in deelcoalities",
    when=[finding("F-VRAAG-ORGANISEREN"), _NOT_PPS],
    then=[Recommend("I-INHOUD-VOOR-VORM"), Recommend("I-DEELCOALITIES-VORMEN")],
)
def recommend_the_content_before_the_form() -> None:
    """Recommends the content before the form.

    Why: a question about the form is answered from the content: the shared ambition and what it needs decide the
    form, and not everyone needs to be in everything.
    Source: Common Eye — "Het dient in eerste instantie vooral te gaan over de inhoudelijke ambitie en wat ervoor
    nodig is om deze te kunnen realiseren."
    Not when: it is a public-private partnership (VRG166 then: its own phases give the structure).
    """


@rule(
    "VRG156",
    title="Vraag over de organisatie van een netwerk: organiseer het netwerk met de vier bouwstenen",
    when=[finding("F-VRAAG-ORGANISEREN"), is_("context.type", "netwerk")],
    then=[Recommend("I-NETWERK-BOUWSTENEN")],
)
def recommend_the_network_building_blocks() -> None:
    """Recommends the network building blocks.

    Why: a network is organised with its building blocks: governance, shared rules, the partners' roles and what
    holds it together.
    Source: Common Eye — "Met het eerste ingrediënt in de gezamenlijke opgave ontstaat de vraag hoe de samenwerking
    het beste in te richten is."
    Not when: the collaboration is not a network.
    """


@rule(
    "VRG166",
    title="Vraag over de organisatie van een PPS: doorloop de fasen van een PPS",
    when=[finding("F-VRAAG-ORGANISEREN"), is_("context.type", "pps")],
    then=[Recommend("I-PPS-FASEN-DOORLOPEN")],
)
def recommend_the_pps_phases() -> None:
    """Recommends the pps phases.

    Why: a public-private partnership sets up its structure as one of its own phases, after its goal, its partners
    and the negotiation.
    Source: RIVM handreiking — "Fase 4: Bepaal de samenwerkingsstructuur"
    Not when: the collaboration is not a public-private partnership (VRG106 then).
    """


@rule(
    "VRG007",
    title="De samenwerking vraagt advies over de onderlinge verhoudingen",
    when=[is_("question.verhoudingen", True)],
    then=[Diagnose("F-VRAAG-VERHOUDINGEN")],
)
def asks_about_the_relations() -> None:
    """Asks about the relations.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: Common Eye — "Of leg je eigen samenwerking langs de conflictthermometer om potentiële spanningen voor te
    zijn."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-VERHOUDINGEN to VRG107.
    """


@rule(
    "VRG107",
    title="Vraag over de verhoudingen: meet samen de temperatuur en breng belangen op tafel",
    when=[finding("F-VRAAG-VERHOUDINGEN")],
    then=[Recommend("I-KLIMAAT-SAMEN-METEN"), Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_taking_the_temperature_together() -> None:
    """Recommends taking the temperature together.

    Why: the conflict thermometer lets the partners name the climate together before tensions grow, and connection
    comes from interest in each other's interests.
    Source: Common Eye — "Of leg je eigen samenwerking langs de conflictthermometer om potentiële spanningen voor te
    zijn."
    Not when: no guard of its own; it fires whenever F-VRAAG-VERHOUDINGEN is diagnosed.
    """


__all__ = [
    "asks_about_the_goal",
    "asks_about_the_organisation",
    "asks_about_the_regie",
    "asks_about_the_relations",
    "asks_about_the_roles",
    "asks_about_the_start",
    "recommend_allies_and_a_concrete_start",
    "recommend_dividing_roles_and_contributions",
    "recommend_formulating_a_shared_ambition",
    "recommend_placing_the_regie",
    "recommend_taking_the_temperature_together",
    "recommend_the_content_before_the_form",
    "recommend_the_network_building_blocks",
    "recommend_the_pps_phases",
]
