"""What an advisor observes of the collaboration's situation: who leads, the network, the funding, the
residents and the results."""

# No ``from __future__ import annotations`` here: the models' annotations are evaluated as each class is made, so
# pydantic need not evaluate them again from strings (an eighth of making these classes at start-up; bench/README.md).
# A class named in its own methods' annotations is written in quotes.

from pydantic import Field, model_validator

from ._case_types import Degree, LaxDate, Level, OrganisationLevel, Origin, PartnerRole, Regie, StrictModel, Text
from ._limits import MAX_LIST_ITEMS


class Leadership(StrictModel):
    """Roles: who holds the regie, and is there a (kar)trekker with time and mandate."""

    regie: Regie | None = Field(
        title="regie", default=None, description="Is it clear who holds the regie of the process?"
    )
    regie_holder: Text | None = Field(default=None, description="Who holds it, when someone does.")
    trekker: bool | None = Field(
        title="trekker aanwezig", default=None, description="Is there one trekker / kartrekker?"
    )
    trekker_has_time: bool | None = Field(default=None, title="trekker heeft tijd")
    trekker_has_mandate: bool | None = Field(default=None, title="trekker heeft mandaat")
    board_support: bool | None = Field(
        title="bestuurlijk draagvlak",
        default=None,
        description="Do the boards (college, bestuurders) support the collaboration?",
    )
    others_lean_back: bool | None = Field(
        title="anderen leunen achterover",
        default=None,
        description="Leadership sits with one or two persons while the other partners lean back",
    )
    controlling: bool | None = Field(
        title="sturen op controle",
        default=None,
        description=(
            "The initiator or trekker steers by control: gives orders, pushes things through, leaves "
            "partners little room"
        ),
    )
    regie_strong_enough: bool | None = Field(
        title="regie sterk genoeg",
        default=None,
        description="Where someone holds the regie: is it strong enough to keep the partners together",
    )
    leader_at_odds: Degree | None = Field(
        title="trekker overhoop met de partners",
        default=None,
        description="The initiator or trekker is the party at odds with the other partners",
    )
    hierarchy_returned: Degree | None = Field(
        title="terugval in hiërarchische sturing",
        default=None,
        description="Leadership has fallen back on the old, hierarchical ways of steering",
    )
    chair_from_largest_party: bool | None = Field(
        title="voorzitter van de grootste partij",
        default=None,
        description="The chair of the collaboration is the director of the largest partner",
    )


class Network(StrictModel):
    """Size of the collaboration; counts default to the listed partners."""

    partner_count: int | None = Field(default=None, ge=1, le=100_000)
    private_partner_count: int | None = Field(default=None, ge=0, le=100_000)
    core_group: bool | None = Field(
        title="kernteam aanwezig", default=None, description="Is there a core team (kernteam) with a schil around it?"
    )
    levels: list[OrganisationLevel] = Field(
        default_factory=list, max_length=MAX_LIST_ITEMS, description="Levels at which the partners are involved"
    )
    levels_disconnected: bool | None = Field(
        title="beleid en uitvoering niet verbonden",
        default=None,
        description=(
            "What the execution meets does not reach policy and management, or their decisions do not land in the "
            "execution"
        ),
    )
    want_to_join: bool | None = Field(
        title="organisaties sluiten aan of willen aansluiten",
        default=None,
        description="New organisations join the collaboration, or organisations that are not partners want to",
    )
    domain_missing: bool | None = Field(
        title="beleidsterrein ontbreekt",
        default=None,
        description="A policy domain the question needs is missing from the table",
    )
    nested: bool | None = Field(
        title="deel van een groter netwerk",
        default=None,
        description=(
            "The collaboration is part of a larger network, holds a network within it, or works beside other "
            "meetings and networks on the same question"
        ),
    )
    roles_missing: list[PartnerRole] = Field(
        default=[],
        max_length=MAX_LIST_ITEMS,
        description=(
            "Roles of the RIVM checklist (beslisser, uitvoerder, financier, gebruiker) no partner at the table "
            "holds, as the advisor sees it; used when no partner's roles are listed"
        ),
    )
    split_in_groups: bool | None = Field(
        title="partners in twee groepen", default=None, description="The partners have split into two groups"
    )


class Funding(StrictModel):
    subsidy: bool | None = Field(title="subsidie", default=None, description="Does the collaboration run on a subsidy?")
    end_date: LaxDate | None = None
    months_left: int | None = Field(default=None, ge=0, le=1200)
    dependency: Level | None = Field(
        title="afhankelijkheid van subsidie", default=None, description="How dependent the partners are on the subsidy."
    )
    continuation_plan: bool | None = Field(
        title="plan voor na de subsidie", default=None, description="Is there a plan for after the subsidy?"
    )
    separate_streams: bool | None = Field(
        title="gescheiden financiering",
        default=None,
        description=(
            "Partners are financed separately (separate budgets per domain, performance agreements per "
            "organisation), not on a joint goal"
        ),
    )
    origin: Origin | None = Field(
        title="ontstaan van de samenwerking", default=None, description="How the collaboration came about"
    )
    bid_mode_continues: Degree | None = Field(
        title="werkwijze van de aanvraag voortgezet",
        default=None,
        description="The partners still work the way they did while winning the subsidy",
    )
    capacity_money_uncertain: Degree | None = Field(
        title="onzekerheid over capaciteit en geld",
        default=None,
        description="Uncertainty about the capacity and money the partners put in (with or without a subsidy)",
    )
    accountability_pressure: Degree | None = Field(
        title="druk om verantwoording af te leggen",
        default=None,
        description="Financiers or politics demand accounts of effort and results",
    )
    cut: bool | None = Field(
        title="financiering gekort",
        default=None,
        description="A financier has decided to cut the money for the collaboration (decided, not uncertain)",
    )
    ultimatum: bool | None = Field(
        title="laatste kans gesteld",
        default=None,
        description="A financier or board has set a last chance: without a joint plan by a date, (part of) it stops",
    )

    @model_validator(mode="after")
    def _one_way_to_say_when(self) -> "Funding":
        if self.end_date is not None and self.months_left is not None:
            raise ValueError("give either end_date or months_left, not both")
        return self


class Residents(StrictModel):
    """Residents and clients in the collaboration (RIVM netwerkbijeenkomsten, RIVM handreiking and Common Eye)."""

    involved: bool | None = Field(
        title="inwoners betrokken",
        default=None,
        description="Are residents / clients involved in defining the problem and the approach",
    )
    professionals_take_over: bool | None = Field(
        title="professionals nemen over",
        default=None,
        description="Professionals take over activities of residents instead of supporting them",
    )
    initiative_sent_back: bool | None = Field(
        title="bewonersinitiatief teruggestuurd",
        default=None,
        description="An initiative of residents is repeatedly sent back with demands out of proportion to it",
    )
    not_reached: bool | None = Field(
        title="doelgroep niet bereikt",
        default=None,
        description="The collaboration does not yet reach the residents or clients it is there for",
    )


class Results(StrictModel):
    """Results and evaluation: what the collaboration has shown so far (ZonMw leernetwerk, RIVM handreiking,
    HAN toolbox and Common Eye)."""

    visible: bool | None = Field(
        title="resultaten zichtbaar en gedeeld",
        default=None,
        description="Are the results and effects of the collaboration visible and shared with partners and financiers",
    )
    early_successes: bool | None = Field(
        title="vroege successen",
        default=None,
        description="Has the collaboration had early, visible successes (quick wins)",
    )
    evaluated: bool | None = Field(
        title="samen geëvalueerd",
        default=None,
        description="Have the partners evaluated the collaboration together (process and results)",
    )
    embedded: Degree | None = Field(
        title="resultaten ingebed in het reguliere werk",
        default=None,
        description="Are the results and ways of working embedded in the partners' regular work",
    )


__all__ = ["Funding", "Leadership", "Network", "Residents", "Results"]
