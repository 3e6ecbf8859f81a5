"""The case: what an advisor knows about one collaboration.

Every observation is optional: ``None`` means *not known*, and a rule that
needs an unknown fact stays silent. Field names are English identifiers; the
values that name domain concepts are the Dutch terms the sources use.

Observations are grouped in :class:`Observations` so that the same block can
later be given once per respondent (one per partner) next to the advisor's own.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

CollaborationType = Literal["integraal", "intersectoraal", "pps", "netwerk", "consortium"]
Phase = Literal["verkennen", "vormgeven", "verdiepen", "verankeren"]
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
    "overig",
]
PartnerRole = Literal["beslisser", "uitvoerder", "financier", "gebruiker"]
ALL_ROLES: tuple[PartnerRole, ...] = ("beslisser", "uitvoerder", "financier", "gebruiker")
PRIVATE_KINDS: frozenset[str] = frozenset({"bedrijf"})

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

# Dates may arrive as ISO strings (JSON) as well as YAML dates; everything
# else is strict, so "5" is not a number and "ja" is not a boolean.
LaxDate = Annotated[date, Field(strict=False)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Context(_Model):
    """What kind of collaboration this is and where it stands."""

    domain: str | None = Field(default=None, description="Free text, e.g. 'gezondheid in de wijk'.")
    type: CollaborationType | None = None
    phase: Phase | None = Field(default=None, description="HAN toolbox phase.")


class Partner(_Model):
    name: str = Field(min_length=1)
    kind: PartnerKind
    roles: list[PartnerRole] = Field(
        [], description="Checklist of seed 001: beslisser, uitvoerder, financier, gebruiker."
    )


class Leadership(_Model):
    """Roles: who holds the regie, and is there a (kar)trekker with time and mandate."""

    regie: Regie | None = Field(default=None, description="Is it clear who holds the regie of the process?")
    regie_holder: str | None = Field(default=None, description="Who holds it, when someone does.")
    trekker: bool | None = Field(default=None, description="Is there one trekker / kartrekker?")
    trekker_has_time: bool | None = None
    trekker_has_mandate: bool | None = None


class Climate(_Model):
    """The climate on seed 004's conflict thermometer: declared, or read from signs, or both."""

    declared: ClimateLevel | None = None
    signs: list[ClimateSign] = []


class Network(_Model):
    """Size of the collaboration; counts default to the listed partners."""

    partner_count: int | None = Field(default=None, ge=1, le=100_000)
    private_partner_count: int | None = Field(default=None, ge=0, le=100_000)
    core_group: bool | None = Field(default=None, description="Is there a core team (kernteam) with a schil around it?")


class Funding(_Model):
    subsidy: bool | None = Field(default=None, description="Does the collaboration run on a subsidy?")
    end_date: LaxDate | None = None
    months_left: int | None = Field(default=None, ge=0, le=1200)
    dependency: Level | None = Field(default=None, description="How dependent the partners are on the subsidy.")
    continuation_plan: bool | None = Field(default=None, description="Is there a plan for after the subsidy?")

    @model_validator(mode="after")
    def _one_way_to_say_when(self) -> Funding:
        if self.end_date is not None and self.months_left is not None:
            raise ValueError("give either end_date or months_left, not both")
        return self


class Ambition(_Model):
    shared: bool | None = Field(default=None, description="Is there a shared ambition all partners recognise?")
    form_debate_dominates: bool | None = Field(
        default=None, description="Does the question of organisational form dominate the process?"
    )


class Observations(_Model):
    leadership: Leadership = Field(default_factory=Leadership)
    climate: Climate = Field(default_factory=Climate)
    network: Network = Field(default_factory=Network)
    funding: Funding = Field(default_factory=Funding)
    ambition: Ambition = Field(default_factory=Ambition)


class Case(_Model):
    """One collaboration, as described in a case file (YAML or JSON)."""

    name: str = Field(min_length=1)
    description: str | None = None
    assessed_on: LaxDate | None = Field(
        default=None, description="Date of the assessment; subsidy months are counted from it."
    )
    addressee: str | None = Field(default=None, description="Who the letter is addressed to.")
    advisor: str | None = Field(default=None, description="Who signs the letter.")
    context: Context = Field(default_factory=Context)
    partners: list[Partner] = []
    observations: Observations = Field(default_factory=Observations)

    @model_validator(mode="after")
    def _counts_cover_listed_partners(self) -> Case:
        network = self.observations.network
        names = [p.name for p in self.partners]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"partner names must be unique; repeated: {', '.join(duplicates)}")
        if network.partner_count is not None and network.partner_count < len(self.partners):
            raise ValueError(
                f"observations.network.partner_count ({network.partner_count}) is smaller than "
                f"the number of listed partners ({len(self.partners)})"
            )
        listed_private = sum(p.kind in PRIVATE_KINDS for p in self.partners)
        if network.private_partner_count is not None and network.private_partner_count < listed_private:
            raise ValueError(
                f"observations.network.private_partner_count ({network.private_partner_count}) is "
                f"smaller than the number of listed private partners ({listed_private})"
            )
        return self

    @property
    def partner_count(self) -> int | None:
        given = self.observations.network.partner_count
        if given is not None:
            return given
        return len(self.partners) or None

    @property
    def private_partner_count(self) -> int | None:
        given = self.observations.network.private_partner_count
        if given is not None:
            return given
        return sum(p.kind in PRIVATE_KINDS for p in self.partners) if self.partners else None

    @property
    def missing_roles(self) -> tuple[PartnerRole, ...] | None:
        """Roles of seed 001's checklist that no listed partner holds; ``None``
        when no partner has roles recorded (then we cannot tell)."""
        held = {role for p in self.partners for role in p.roles}
        if not held:
            return None
        return tuple(r for r in ALL_ROLES if r not in held)
