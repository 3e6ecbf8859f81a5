"""Respondents: when partners answer separately, where they see it differently.

ZonMw leernetwerk ends on it: be aware of differences, discuss them explicitly and align
understanding, problem definitions, visions and goals. Common Eye's thermometer
starts from vigilance "bij één van de partners": one partner may find the
climate far cooler or hotter than another, and that gap is a risk of its own.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, above, finding, is_, known, rule


@rule(
    "RSP001",
    title="Respondenten zien de samenwerking verschillend",
    when=[known("respondents.divergence")],
    then=[Diagnose("F-UITEENLOPENDE-BEELDEN")],
)
def partners_see_it_differently() -> None:
    """Partners see it differently.

    Why: ZonMw leernetwerk: unspoken differences in understanding and goals undermine a lasting collaboration.
    Source: ZonMw — section "Klaar voor de toekomst".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-UITEENLOPENDE-BEELDEN to RSP101.
    """


@rule(
    "RSP002",
    title="Respondenten ervaren het klimaat heel verschillend",
    when=[above("respondents.climate_spread", "climate_spread_tolerated")],
    then=[Diagnose("F-KLIMAAT-VERSCHILLEND-ERVAREN")],
)
def partners_experience_the_climate_differently() -> None:
    """Partners experience the climate differently.

    Why: Common Eye: vigilance or discord felt by one partner and not by another is a negative dynamic to make
    discussable; two or more levels apart on the thermometer is more than a nuance.
    Source: Common Eye — "Toch is het belangrijk om de situatie bespreekbaar te maken."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-KLIMAAT-VERSCHILLEND-ERVAREN to RSP102.
    """


@rule(
    "RSP101",
    title="Verschillende beelden: bespreek de verschillen expliciet",
    when=[finding("F-UITEENLOPENDE-BEELDEN")],
    then=[Recommend("I-VERSCHILLEN-EXPLICIET-BESPREKEN")],
)
def recommend_discussing_differences() -> None:
    """Recommends discussing differences.

    Why: ZonMw leernetwerk's closing advice; RIVM netwerkbijeenkomsten: discussing the krachtenveld with others brings
    new information.
    Source: ZonMw — section "Klaar voor de toekomst".
    Not when: no guard of its own; it fires whenever F-UITEENLOPENDE-BEELDEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "RSP102",
    title="Klimaat verschillend ervaren: meet samen de temperatuur en bespreek de verschillen",
    when=[finding("F-KLIMAAT-VERSCHILLEND-ERVAREN")],
    then=[Recommend("I-KLIMAAT-SAMEN-METEN"), Recommend("I-VERSCHILLEN-EXPLICIET-BESPREKEN")],
)
def recommend_measuring_the_climate_together_when_views_differ() -> None:
    """Recommends measuring the climate together when views differ.

    Why: Common Eye: lay the collaboration along the thermometer together, so each partner's reading is heard.
    Source: Common Eye — "Of leg je eigen samenwerking langs de conflictthermometer om potentiële spanningen voor te
    zijn."
    Not when: no guard of its own; it fires whenever F-KLIMAAT-VERSCHILLEND-ERVAREN is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "RSP003",
    title="De respondenten verschillen over wie de regie voert",
    when=[is_("respondents.regie_divergent", True)],
    then=[Diagnose("F-REGIE-NIET-VOOR-IEDEREEN-DUIDELIJK")],
)
def regie_not_clear_to_everyone() -> None:
    """Regie not clear to everyone.

    Why: The instrument asks whether it is clear to all partners who leads the process; when the respondents differ on
    it, it is not, whatever most of them say (the combined answer takes the majority and so hides it). Common Eye: in
    every successful collaboration the regie of the process has a clear place.
    Source: Common Eye — "De praktijkvoorbeelden leren dat in elk succesvol samenwerkingstraject de regie op het proces
    op een duidelijke plek belegd is."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-REGIE-NIET-VOOR-IEDEREEN-DUIDELIJK to RSP103.
    """


@rule(
    "RSP103",
    title="Regie niet voor iedereen duidelijk: beleg de regie zichtbaar",
    when=[finding("F-REGIE-NIET-VOOR-IEDEREEN-DUIDELIJK")],
    then=[Recommend("I-REGIE-BELEGGEN")],
)
def recommend_making_the_regie_clear_to_all() -> None:
    """Recommends making the regie clear to all.

    Why: Where partners see the regie differently, the partners agree together where it lies and make that known to
    every partner (Common Eye, a clear place for the process regie).
    Source: Common Eye — "De praktijkvoorbeelden leren dat in elk succesvol samenwerkingstraject de regie op het proces
    op een duidelijke plek belegd is."
    Not when: no guard of its own; it fires whenever F-REGIE-NIET-VOOR-IEDEREEN-DUIDELIJK is diagnosed, and no rule
    withholds its advice.
    """


__all__ = [
    "partners_experience_the_climate_differently",
    "partners_see_it_differently",
    "recommend_discussing_differences",
    "recommend_making_the_regie_clear_to_all",
    "recommend_measuring_the_climate_together_when_views_differ",
    "regie_not_clear_to_everyone",
]
