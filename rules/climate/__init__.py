"""Climate: where the collaboration stands on Common Eye's conflict thermometer.

The climate is declared by the partners, read from the observable signs the
thermometer lists, or both. When both are given and differ, the warmer
reading counts (the thermometer asks whether vigilance is healthy or in the
way: better to look once too often) and the difference is a finding itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..dsl import (
    Conclusion,
    Derive,
    Diagnose,
    Knowledge,
    Recommend,
    Suppress,
    any_of,
    finding,
    is_,
    known,
    rule,
    unknown,
)


def level_from_signs(signs: Iterable[str], kb: Knowledge) -> str:
    """The warmest level with at least ``climate_signs_for_level`` of its signs
    observed; when no level has that many, the warmest level with any sign."""
    counts: dict[str, int] = {}
    for sign in signs:
        level = kb.sign_level[sign]
        counts[level] = counts.get(level, 0) + 1
    warm_first: list[str] = [level.id for level in reversed(kb.thermometer.levels) if level.id in counts]
    needed = kb.threshold["climate_signs_for_level"]
    return next((lvl for lvl in warm_first if counts[lvl] >= needed), warm_first[0])


def warmer(a: str, b: str, kb: Knowledge) -> str:
    levels = kb.climate_level
    return a if levels[a].severity >= levels[b].severity else b


@rule(
    "KLI001",
    title="Het klimaat wordt afgelezen uit de waargenomen signalen",
    when=[known("climate.signs")],
    then=[Derive("climate.derived")],
    computes=True,
)
def climate_read_from_signs(facts: Mapping[str, Any], kb: Knowledge) -> list[Conclusion]:
    """Climate read from signs.

    Why: Common Eye's thermometer: 'Hoe herken je het?' lists signs per level.
    Source: Common Eye — section "‘Wat is de temperatuur in jouw samenwerking?’ – ‘Hoe herken je het?’".
    Not when: no guard of its own; it reads the signs whenever some are observed. Whether that reading is the climate is
    left to KLI003 (no declared climate) and KLI004 (a declared climate as well).
    """
    return [Derive("climate.derived", level_from_signs(facts["climate.signs"], kb))]


@rule(
    "KLI002",
    title="Het klimaat is zoals de partners het benoemen",
    when=[known("climate.declared"), unknown("climate.signs")],
    then=[Derive("climate.level")],
    computes=True,
)
def climate_is_as_declared(facts: Mapping[str, Any], kb: Knowledge) -> list[Conclusion]:
    """Climate is as declared.

    Why: With no signs observed, the partners' own reading is all there is (Common Eye, conflictthermometer).
    Source: Common Eye — section "‘Wat is de temperatuur in jouw samenwerking?’ – inleiding".
    Not when: `climate.signs` is known: then KLI004 weighs the declared climate against the signs and the warmer reading
    counts.
    """
    return [Derive("climate.level", facts["climate.declared"])]


@rule(
    "KLI003",
    title="Het klimaat is zoals de signalen het aangeven",
    when=[known("climate.derived"), unknown("climate.declared")],
    then=[Derive("climate.level")],
    computes=True,
)
def climate_is_as_the_signs_show(facts: Mapping[str, Any], kb: Knowledge) -> list[Conclusion]:
    """Climate is as the signs show.

    Why: With no declared climate, the signs decide (Common Eye, conflictthermometer: its signs per level).
    Source: Common Eye — section "‘Wat is de temperatuur in jouw samenwerking?’ – ‘Hoe herken je het?’".
    Not when: `climate.declared` is known: then KLI004 weighs the declared climate against the signs, and with no signs
    at all KLI002 takes the partners' own reading.
    """
    return [Derive("climate.level", facts["climate.derived"])]


@rule(
    "KLI004",
    title="Benoemd klimaat en signalen samen: het warmste beeld telt",
    when=[known("climate.declared"), known("climate.derived")],
    then=[Derive("climate.level"), Diagnose("F-KLIMAATBEELD-WIJKT-AF")],
    computes=True,
)
def climate_is_the_warmer_reading(facts: Mapping[str, Any], kb: Knowledge) -> list[Conclusion]:
    """Climate is the warmer reading.

    Why: When declaration and signs disagree, the warmer reading counts and the disagreement is diagnosed: unspoken
    differences are a risk of their own (Common Eye, conflictthermometer).
    Source: Common Eye — "Toch is het belangrijk om de situatie bespreekbaar te maken."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves `climate.level` in the other cases
    to KLI002 and KLI003; what to do about F-KLIMAATBEELD-WIJKT-AF to KLI105.
    """
    declared, derived = facts["climate.declared"], facts["climate.derived"]
    out: list[Conclusion] = [Derive("climate.level", warmer(declared, derived, kb))]
    if declared != derived:
        out.append(Diagnose("F-KLIMAATBEELD-WIJKT-AF"))
    return out


@rule(
    "KLI010",
    title="Het klimaat is vriendschappelijk",
    when=[is_("climate.level", "vriendschappelijk")],
    then=[Diagnose("F-KLIMAAT-VRIENDSCHAPPELIJK")],
)
def climate_is_friendly() -> None:
    """Climate is friendly.

    Why: The coolest level of Common Eye's conflict thermometer: worth keeping, with regular reflection.
    Source: Common Eye — "Hou dit vast, dit klinkt als een fijn interactiepatroon."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-KLIMAAT-VRIENDSCHAPPELIJK to KLI104.
    """


@rule(
    "KLI014",
    title="De stellingen wijzen op een sterke samenwerking",
    when=[is_("instrument.strong", True)],
    then=[Diagnose("F-SAMENWERKING-STERK")],
)
def the_statements_show_a_strong_collaboration() -> None:
    """The statements show a strong collaboration.

    Why: A collaboration that goes well is advised to keep it so, not left with an empty advice; the instrument's
    statements can show that as well as the thermometer can (Common Eye, "Wacht niet tot er eenmaal problemen zijn").
    Source: Common Eye — section "samenvatting handreiking ‘Kansrijk samenwerken’ – Van tijd tot tijd de balans opmaken"
    and the thermometer's vriendschappelijk level.
    Not when: a statement scores below the middle or the partners name disagreement or conflict: then
    `instrument.strong` is not set. It leaves what to do about F-SAMENWERKING-STERK to KLI106.
    """


@rule(
    "KLI011",
    title="Het klimaat is waakzaam",
    when=[is_("climate.level", "waakzaam")],
    then=[Diagnose("F-KLIMAAT-WAAKZAAM")],
)
def climate_is_vigilant() -> None:
    """Climate is vigilant.

    Why: Not all cards on the table: vigilance may be healthy or may be in the way (Common Eye).
    Source: Common Eye — "We leggen nog niet alle kaarten op tafel. Informatie en wensen worden gedeeld, maar niet
    volledig."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-KLIMAAT-WAAKZAAM
    to KLI103.
    """


@rule(
    "KLI012",
    title="Er is onenigheid",
    when=[is_("climate.level", "onenigheid")],
    then=[Diagnose("F-KLIMAAT-ONENIGHEID")],
)
def climate_is_discordant() -> None:
    """Climate is discordant.

    Why: Stepping on toes, appointments cancelled: discord Common Eye's thermometer says to address.
    Source: Common Eye — section "‘Wat is de temperatuur in jouw samenwerking?’ – Onenigheid, ‘Hoe herken je het?’".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-KLIMAAT-ONENIGHEID to KLI102.
    """


@rule(
    "KLI013", title="Er is een conflict", when=[is_("climate.level", "conflict")], then=[Diagnose("F-KLIMAAT-CONFLICT")]
)
def climate_is_conflict() -> None:
    """Climate is conflict.

    Why: The hottest level: emotions run high and partners drop out (Common Eye).
    Source: Common Eye — "Het goed omgaan met conflicten kan zelfs een positief effect hebben op de samenwerking."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-KLIMAAT-CONFLICT
    to KLI101.
    """


@rule(
    "KLI101",
    title="Conflict: eerst de-escaleren en het negatieve positief formuleren, nog geen ontmoeting of nieuwe partners",
    when=[finding("F-KLIMAAT-CONFLICT")],
    then=[
        Recommend("I-DE-ESCALEREN"),
        Recommend("I-NEGATIEF-POSITIEF-FORMULEREN"),
        Recommend("I-BELANGEN-OP-TAFEL"),
        Suppress("I-TIJD-INVESTEREN-IN-RELATIES"),
        Suppress("I-NETWERK-VERBREDEN"),
    ],
)
def de_escalation_before_relationship_building() -> None:
    """De-escalation before relationship building.

    Why: Common Eye's thermometer's measures for conflict, up to mediation, and its reframing moves (standpunt to
    belang, verwijt to wens: the interests under the positions); taking distance comes before investing in informal
    contact, and partners who drop out of a conflict are no table to invite new parties to.
    Source: Common Eye — "We haken af, de motivatie om verder te komen verdwijnt."
    Not when: no guard of its own; it fires whenever F-KLIMAAT-CONFLICT is diagnosed, and no rule withholds its advice.
    """


@rule(
    "KLI102",
    title="Onenigheid: maak bespreekbaar wat speelt, nog geen nieuwe partners",
    when=[finding("F-KLIMAAT-ONENIGHEID")],
    then=[Recommend("I-ONENIGHEID-BESPREEKBAAR-MAKEN"), Suppress("I-NETWERK-VERBREDEN")],
)
def recommend_discussing_the_discord() -> None:
    """Recommends discussing the discord.

    Why: Common Eye's thermometer's measures for onenigheid: perspective, interests and needs. Partners who step on each
    other's toes first talk it through; widening the table is structural change that comes after.
    Source: Common Eye — "Toch is het belangrijk om de situatie bespreekbaar te maken."
    Not when: no guard of its own; it fires whenever F-KLIMAAT-ONENIGHEID is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "KLI020",
    title="Geen klimaat benoemd, maar de feiten wijzen op onenigheid: belangen scheef en besluiten of energie haperen",
    when=[
        unknown("climate.declared"),
        unknown("climate.signs"),
        any_of(is_("interests.respected", False), is_("interests.balance_unfair", True)),
        any_of(is_("process.decisions_difficult", True), is_("process.momentum", "afnemend")),
    ],
    then=[Diagnose("F-SPANNING-UIT-DE-FEITEN")],
)
def tension_read_from_the_facts() -> None:
    """Tension read from the facts.

    Why: Common Eye's thermometer recognises discord by what happens, not only by what the partners call it ("Afspraken
    worden makkelijk afgezegd"; in conflict "We haken af, de motivatie om verder te komen verdwijnt"), and the
    reciprocity passage names the moment the balance must be discussed again ("Het wordt problematisch als partijen het
    onrechtvaardig vinden"). When no climate is declared or read from signs, partners whose interests are known not to
    be done justice while decisions stall or energy drains are in a negative dynamic an expert addresses before building
    further. Silent once a climate is known (KLI010-013 then decide).
    Source: Common Eye — "Afspraken worden makkelijk afgezegd."
    Not when: `climate.declared` is known; nor when `climate.signs` is known. It leaves what to do about
    F-SPANNING-UIT-DE-FEITEN to KLI120.
    """


@rule(
    "KLI021",
    title="Geen klimaat benoemd, maar de feiten wijzen op onenigheid: sleutelpersonen botsen en besluiten haperen",
    when=[
        unknown("climate.declared"),
        unknown("climate.signs"),
        is_("relation.personal_friction", True),
        is_("process.decisions_difficult", True),
    ],
    then=[Diagnose("F-SPANNING-UIT-DE-FEITEN")],
)
def tension_read_from_friction_and_stalling() -> None:
    """Tension read from friction and stalling decisions.

    Why: Key people who cannot get along while the partners cannot come to decisions are the discord Common Eye's
    thermometer recognises by what happens rather than by what anyone calls it; a collaboration can fail on two people
    who cannot work together, and an expert makes that discussable before building further.
    Source: Common Eye — "Een strategisch cruciale samenwerking kan mislukken omdat twee mensen niet met elkaar om
    kunnen gaan."
    Not when: `climate.declared` is known; nor when `climate.signs` is known (KLI010-013 then decide). It leaves what to
    do about F-SPANNING-UIT-DE-FEITEN to KLI120.
    """


@rule(
    "KLI022",
    title="Geen klimaat benoemd, maar de feiten wijzen op onenigheid: het vertrouwen is laag en besluiten haperen",
    when=[
        unknown("climate.declared"),
        unknown("climate.signs"),
        is_("relation.trust_low", True),
        is_("process.decisions_difficult", True),
    ],
    then=[Diagnose("F-SPANNING-UIT-DE-FEITEN")],
)
def tension_read_from_low_trust_and_stalling() -> None:
    """Tension read from low trust and stalling decisions.

    Why: Partners who do not trust each other while they cannot come to decisions show the discord Common Eye's
    thermometer recognises by what happens rather than by what anyone calls it; left unspoken, it ends in confusion
    and distrust, so an expert makes it discussable before building further (review15, Twenterand: "het toch niet
    eens worden" and "onvoldoende onderling vertrouwen").
    Source: Common Eye — "Toch is het belangrijk om de situatie bespreekbaar te maken."
    Not when: `climate.declared` is known; nor when `climate.signs` is known (KLI010-013 then decide). It leaves what to
    do about F-SPANNING-UIT-DE-FEITEN to KLI120.
    """


@rule(
    "KLI120",
    title="Onenigheid uit de feiten: maak bespreekbaar wat speelt, nog geen nieuwe partners",
    when=[finding("F-SPANNING-UIT-DE-FEITEN")],
    then=[Recommend("I-ONENIGHEID-BESPREEKBAAR-MAKEN"), Suppress("I-NETWERK-VERBREDEN")],
)
def recommend_discussing_the_tension() -> None:
    """Recommends discussing the tension.

    Why: Common Eye's thermometer's measures for onenigheid: "Probeer te benoemen wat er speelt in termen van belangen
    en behoeften, zodat jij en je gesprekspartner(s) op een ander niveau in gesprek komen"; widening the table comes
    after (as KLI102).
    Source: Common Eye — "Toch is het belangrijk om de situatie bespreekbaar te maken."
    Not when: no guard of its own; it fires whenever F-SPANNING-UIT-DE-FEITEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "KLI103",
    title="Waakzaam: bespreek de waakzaamheid en investeer in elkaar",
    when=[finding("F-KLIMAAT-WAAKZAAM")],
    then=[Recommend("I-WAAKZAAMHEID-BESPREKEN"), Recommend("I-TIJD-INVESTEREN-IN-RELATIES")],
)
def recommend_opening_up_vigilance() -> None:
    """Recommends opening up vigilance.

    Why: Common Eye's thermometer's measures for waakzaam: name it, ask through, invest time in each other.
    Source: Common Eye — "Met name die fysieke aanwezigheid draagt bij aan het vertrouwen."
    Not when: its I-TIJD-INVESTEREN-IN-RELATIES is withheld where KLI101 (de escalation before relationship building) or
    ORG107 (recommend connecting existing tables) fires.
    """


@rule(
    "KLI104",
    title="Vriendschappelijk: houd vast met reflectie en eigen belangen, deel en vier successen, blijf open",
    when=[finding("F-KLIMAAT-VRIENDSCHAPPELIJK")],
    then=[
        Recommend("I-REGELMATIGE-REFLECTIE"),
        Recommend("I-EIGEN-BELANGEN-UITEN"),
        Recommend("I-SUCCESSEN-DELEN-EN-VIEREN"),
        Recommend("I-NIEUWE-MENSEN-OPNEMEN"),
    ],
)
def recommend_regular_reflection() -> None:
    """Recommends regular reflection.

    Why: Maintenance when it goes well. Even a pleasant climate needs regular reflection, and each partner voicing its
    own interests, lest regret later harm the trust (Common Eye, thermometer: vriendschappelijk aangenaam: "Hou dit
    vast"). RIVM handreiking: "Deel successen", "Vier successen", and the broader the table, the surer the continuity;
    Common Eye: keep the network open, and let newcomers get to know the team as the first ones did. A collaboration
    that goes well gets proportionate maintenance, never an empty advice.
    Source: Common Eye — "Hou het netwerk wel open; voorkom een gesloten netwerk op basis van exclusiviteit."
    Not when: no guard of its own; it fires whenever F-KLIMAAT-VRIENDSCHAPPELIJK is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "KLI106",
    title="Sterke samenwerking volgens de stellingen: houd vast met regelmatige reflectie, deel en vier successen",
    when=[finding("F-SAMENWERKING-STERK")],
    then=[Recommend("I-REGELMATIGE-REFLECTIE"), Recommend("I-SUCCESSEN-DELEN-EN-VIEREN")],
)
def recommend_keeping_a_strong_collaboration_strong() -> None:
    """Recommends keeping a strong collaboration strong.

    Why: What goes well is kept by regular reflection and by sharing and celebrating successes (Common Eye, "Wacht niet
    tot er eenmaal problemen zijn"; RIVM handreiking: "Deel successen", "Vier successen").
    Source: Common Eye — "Zorg voor regelmatige reflectie; is de onderlinge samenwerking en interactie voor iedereen nog
    steeds prettig?"
    Not when: the partners name disagreement or conflict: then the statements do not read as strong and
    F-SAMENWERKING-STERK is not diagnosed. Voicing one's own interests and welcoming newcomers belong to a climate the
    partners name friendly (KLI104), not to scores alone.
    """


@rule(
    "KLI105",
    title="Verschillend klimaatbeeld: meet samen de temperatuur",
    when=[finding("F-KLIMAATBEELD-WIJKT-AF")],
    then=[Recommend("I-KLIMAAT-SAMEN-METEN")],
)
def recommend_measuring_the_climate_together() -> None:
    """Recommends measuring the climate together.

    Why: When readings differ, lay the collaboration along the thermometer together (Common Eye).
    Source: Common Eye — "Of leg je eigen samenwerking langs de conflictthermometer om potentiële spanningen voor te
    zijn."
    Not when: no guard of its own; it fires whenever F-KLIMAATBEELD-WIJKT-AF is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "climate_is_as_declared",
    "climate_is_as_the_signs_show",
    "climate_is_conflict",
    "climate_is_discordant",
    "climate_is_friendly",
    "climate_is_the_warmer_reading",
    "climate_is_vigilant",
    "climate_read_from_signs",
    "de_escalation_before_relationship_building",
    "level_from_signs",
    "recommend_discussing_the_discord",
    "recommend_discussing_the_tension",
    "recommend_keeping_a_strong_collaboration_strong",
    "recommend_measuring_the_climate_together",
    "recommend_opening_up_vigilance",
    "recommend_regular_reflection",
    "tension_read_from_friction_and_stalling",
    "tension_read_from_low_trust_and_stalling",
    "tension_read_from_the_facts",
    "the_statements_show_a_strong_collaboration",
    "warmer",
]
