"""The case model's vocabulary: the kinds, phases, levels, signs and degrees a case names (the Dutch terms the
sources use), free text that is bounded and printable, a statement's key and score, and the strict base model
every part of a case is made of."""

# No ``from __future__ import annotations`` here: the models' annotations are evaluated as each class is made, so
# pydantic need not evaluate them again from strings (an eighth of making these classes at start-up; bench/README.md).
# A class named in its own methods' annotations is written in quotes.

import re
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ._limits import MAX_TEXT_CHARS

CollaborationType = Literal["integraal", "intersectoraal", "pps", "netwerk", "consortium"]
Phase = Literal["verkennen", "vormgeven", "verdiepen", "verankeren"]
# What the collaboration itself asks advice on (the advisor's question of the client; at most two).
AdviceTopic = Literal[
    "beginnen",
    "doel",
    "regie",
    "rollen",
    "partijen",
    "organiseren",
    "verhoudingen",
    "opbrengst",
    "evalueren",
    "verankeren",
    "financiering",
    "inwoners",
    "bedrijven",
]
ADVICE_TOPICS: tuple[str, ...] = get_args(AdviceTopic)
MAX_ADVICE_TOPICS = 2
PartnerKind = Literal[
    "gemeente",
    "ggd",
    "zorgaanbieder",
    "welzijnsorganisatie",
    "woningcorporatie",
    "kennisinstelling",
    "bedrijf",
    "bewoners",
    "zorgverzekeraar",
    "school",
    "huisartsen",
    "maatschappelijke_organisatie",
    "provincie",
    "rijk",
    "overig",
]
PartnerRole = Literal["beslisser", "uitvoerder", "financier", "gebruiker"]
ALL_ROLES: tuple[PartnerRole, ...] = get_args(PartnerRole)
PRIVATE_KINDS: frozenset[str] = frozenset({"bedrijf"})
# The sector of a kind of partner, for "partners from several sectors at the table" (RIVM handreiking,
# intersectoral work: "inzet nodig van andere sectoren dan volksgezondheid alleen"). The municipality,
# companies, residents and knowledge institutes cross every sector and have rules of their own.
SECTORS: dict[str, str] = {
    "ggd": "zorg",
    "zorgaanbieder": "zorg",
    "huisartsen": "zorg",
    "zorgverzekeraar": "zorg",
    "welzijnsorganisatie": "sociaal",
    "maatschappelijke_organisatie": "sociaal",
    "woningcorporatie": "wonen",
    "school": "onderwijs",
}

Regie = Literal["duidelijk", "gedeeld", "onduidelijk"]
ClimateLevel = Literal["vriendschappelijk", "waakzaam", "onenigheid", "conflict"]
ClimateSign = Literal[
    # vriendschappelijk
    "vrijuit_spreken",
    "informatie_makkelijk_gedeeld",
    "geen_belangen_bewaken",
    "zeggen_wat_dwarszit",
    # waakzaam
    "niet_alle_kaarten_op_tafel",
    "informatie_onvolledig_gedeeld",
    "niet_doorvragen",
    "onderwerpen_mijden",
    # onenigheid
    "op_de_tenen_trappen",
    "discussiepunten_niet_uitgesproken",
    "geremd_voelen",
    "direct_verdedigen",
    "afspraken_afgezegd",
    # conflict
    "emoties_lopen_op",
    "interactie_loopt_spaak",
    "praten_in_standpunten",
    "elkaar_niet_horen",
    "afhaken",
]
Level = Literal["laag", "midden", "hoog"]
OrganisationLevel = Literal["strategisch", "tactisch", "uitvoerend"]
ALL_LEVELS: tuple[OrganisationLevel, ...] = get_args(OrganisationLevel)
Momentum = Literal["groeiend", "stabiel", "afnemend"]
# A matter of degree: not at all, partly, fully.
Degree = Literal["nee", "deels", "ja"]
Origin = Literal["subsidieaanvraag", "opdracht", "gegroeid"]
AgreementLevel = Literal["nauwelijks", "licht", "uitgebreid"]
CultureObstacle = Literal[
    "korte_termijn",
    "alleen_rendement",
    "controle",
    "hierarchisch",
    "conflictvermijdend",
    "belangen_niet_uiten",
    "weinig_doelgericht",
]

# Dates may arrive as ISO strings (JSON) as well as YAML dates; everything
# else is strict, so "5" is not a number and "ja" is not a boolean.
LaxDate = Annotated[date, Field(strict=False)]

# Control characters (C0, DEL, C1) other than tab and newline, and lone surrogates
# (which JSON's \ud800 escapes can produce and no renderer can encode).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _printable(value: str) -> str:
    bad = _UNPRINTABLE.search(value)
    if bad is not None:
        char = bad.group()
        what = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
        raise ValueError(
            f"contains {what} (U+{ord(char):04X}) at character {bad.start() + 1}; "
            "text may contain no control characters other than newline and tab"
        )
    return value


# Every free text of a case: bounded, printable.
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS), AfterValidator(_printable)]


# A statement's key (knowledge/statements.yaml) and its score: 1 helemaal oneens … 5 helemaal eens.
StatementKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Score = Annotated[int, Field(ge=1, le=5)]


class StrictModel(BaseModel):
    """Every part of a case: strict types, no unknown field, frozen."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


__all__ = [
    "ADVICE_TOPICS",
    "ALL_LEVELS",
    "AdviceTopic",
    "ALL_ROLES",
    "AgreementLevel",
    "ClimateLevel",
    "ClimateSign",
    "CollaborationType",
    "CultureObstacle",
    "Degree",
    "LaxDate",
    "MAX_ADVICE_TOPICS",
    "Level",
    "Momentum",
    "OrganisationLevel",
    "Origin",
    "PRIVATE_KINDS",
    "PartnerKind",
    "PartnerRole",
    "Phase",
    "SECTORS",
    "Regie",
    "Score",
    "StatementKey",
    "Text",
    "StrictModel",
]
