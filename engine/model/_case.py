"""The case: what an advisor knows about one collaboration.

Every observation is optional: ``None`` means *not known*, and a rule that
needs an unknown fact stays silent. Field names are English identifiers; the
values that name domain concepts are the Dutch terms the sources use.

Observations are grouped in :class:`Observations` so that the same block can
later be given once per respondent (one per partner) next to the advisor's own.
"""

# No ``from __future__ import annotations`` here: the models' annotations are evaluated as each class is made, so
# pydantic need not evaluate them again from strings (an eighth of making these classes at start-up; bench/README.md).
# A class named in its own methods' annotations is written in quotes.

from collections import Counter
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from ._case_types import (
    ALL_ROLES,
    MAX_ADVICE_TOPICS,
    PRIVATE_KINDS,
    AdviceTopic,
    CollaborationType,
    CultureObstacle,
    LaxDate,
    PartnerKind,
    PartnerRole,
    Phase,
    Score,
    StatementKey,
    StrictModel,
    Text,
)
from ._limits import MAX_LIST_ITEMS, MAX_PARTNERS, MAX_PROBLEMS, MAX_RESPONDENTS
from ._observed_conditions import Ambition, Climate, Interests, KnowledgeSharing, Organising, Process, Relation
from ._observed_situation import Funding, Leadership, Network, Residents, Results


def _repeated(names: list[str]) -> list[str]:
    counts = Counter(names)
    return sorted(n for n, c in counts.items() if c > 1)


def _listing(names: list[str]) -> str:
    shown = ", ".join(n if len(n) <= 60 else n[:59] + "…" for n in names[:MAX_PROBLEMS])
    return shown + (f" and {len(names) - MAX_PROBLEMS} more" if len(names) > MAX_PROBLEMS else "")


class Context(StrictModel):
    """What kind of collaboration this is and where it stands."""

    domain: Text | None = Field(default=None, description="Free text, e.g. 'gezondheid in de wijk'.")
    type: CollaborationType | None = None
    phase: Phase | None = Field(default=None, description="HAN toolbox phase.")
    question: Annotated[list[AdviceTopic], AfterValidator(lambda topics: list(dict.fromkeys(topics)))] = Field(
        default=[],
        max_length=MAX_ADVICE_TOPICS,
        description="What the collaboration itself asks advice on (at most two topics; empty when it has no question).",
    )


class Partner(StrictModel):
    name: Text = Field(min_length=1)
    kind: PartnerKind
    roles: list[PartnerRole] = Field(
        [],
        max_length=MAX_LIST_ITEMS,
        description="Checklist of RIVM netwerkbijeenkomsten: beslisser, uitvoerder, financier, gebruiker.",
    )


def _known_statements(scores: dict[str, int]) -> dict[str, int]:
    from ._catalogue import load_catalogue  # the case model is loaded before the knowledge

    known = load_catalogue().statement
    unknown = sorted(key for key in scores if key not in known)
    if unknown:
        raise ValueError(f"unknown statement {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return scores


class Organisation(StrictModel):
    """The advisee's own organisation: its capability to collaborate (Common Eye: samenwerkingsvaardigheid, PCM)."""

    internal_alignment: bool | None = Field(
        title="eigen organisatie intern aangehaakt",
        default=None,
        description=(
            "Is the own (advisee's) organisation internally connected to the collaboration: disciplines know "
            "what they can contribute"
        ),
    )
    own_position_clear: bool | None = Field(
        title="eigen positie helder",
        default=None,
        description="Does each partner know how its organisation stands and what it will and will not give up",
    )
    partnership_strategy: bool | None = Field(
        title="partnershipstrategie",
        default=None,
        description="Has the organisation a clear partnership ambition and strategy",
    )
    top_responsibility: bool | None = Field(
        title="samenwerken belegd in de top",
        default=None,
        description="Is responsibility for collaborating also placed in the top of the organisation",
    )
    evaluates_collaborations: bool | None = Field(
        title="samenwerkingen geëvalueerd",
        default=None,
        description="Does the organisation evaluate its collaborations and follow up with improvement programmes",
    )
    culture_obstacles: list[CultureObstacle] = Field(
        title="remmende cultuurkenmerken",
        default_factory=list,
        max_length=MAX_LIST_ITEMS,
        description=(
            "Traits of the organisation's culture that Common Eye (PCM) says reduce the chance of successful "
            "partnerships."
        ),
    )


class Observations(StrictModel):
    leadership: Leadership = Field(default_factory=Leadership)
    climate: Climate = Field(default_factory=Climate)
    network: Network = Field(default_factory=Network)
    funding: Funding = Field(default_factory=Funding)
    ambition: Ambition = Field(default_factory=Ambition)
    interests: Interests = Field(default_factory=Interests)
    relation: Relation = Field(default_factory=Relation)
    process: Process = Field(default_factory=Process)
    organising: Organising = Field(default_factory=Organising)
    knowledge_sharing: KnowledgeSharing = Field(default_factory=KnowledgeSharing)
    residents: Residents = Field(default_factory=Residents)
    organisation: Organisation = Field(default_factory=Organisation)
    results: Results = Field(default_factory=Results)
    statements: Annotated[dict[StatementKey, Score], AfterValidator(_known_statements)] = Field(
        default={},
        max_length=MAX_LIST_ITEMS,
        description=(
            "Scores on the instrument's statements (knowledge/statements.yaml), 1 helemaal oneens to 5 helemaal "
            "eens; a statement not answered (weet ik niet) is left out. A fact given explicitly wins over a score."
        ),
    )


class Respondent(StrictModel):
    """One person's answers, e.g. one per partner: the same observations the
    advisor records, seen from where this respondent stands."""

    name: Text = Field(min_length=1, description="Who answered (a person or a partner).")
    partner: Text | None = Field(default=None, description="The partner this respondent speaks for, if any.")
    observations: Observations = Field(default_factory=Observations)


class Case(StrictModel):
    """One collaboration, as described in a case file (YAML or JSON)."""

    name: Text = Field(min_length=1)
    description: Text | None = None
    assessed_on: LaxDate | None = Field(
        default=None, description="Date of the assessment; subsidy months are counted from it."
    )
    addressee: Text | None = Field(default=None, description="Who the letter is addressed to.")
    advisor: Text | None = Field(default=None, description="Who signs the letter.")
    advisor_organisation: Text | None = Field(default=None, description="The advisor's organisation, for the letter.")
    letter_date: LaxDate | None = Field(default=None, description="Date on the letter (default: the assessment date).")
    letter_place: Text | None = Field(default=None, description="Place written before the date on the letter.")
    context: Context = Field(default_factory=Context)
    partners: list[Partner] = Field(default=[], max_length=MAX_PARTNERS)
    observations: Observations = Field(
        default_factory=Observations, description="What the advisor observed (or the partners agree on)."
    )
    respondents: list[Respondent] = Field(
        default=[],
        max_length=MAX_RESPONDENTS,
        description="Answers of individual respondents; differences between them are a finding.",
    )
    disclose_respondents: bool = Field(
        default=False, description="May the letter say which respondent said what? (default: no)"
    )

    @model_validator(mode="after")
    def _counts_cover_listed_partners(self) -> "Case":
        network = self.observations.network
        duplicates = _repeated([p.name for p in self.partners])
        if duplicates:
            raise ValueError(f"partner names must be unique; repeated: {_listing(duplicates)}")
        repeated = _repeated([r.name for r in self.respondents])
        if repeated:
            raise ValueError(f"respondent names must be unique; repeated: {_listing(repeated)}")
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
        """Roles of RIVM netwerkbijeenkomsten's checklist that no listed partner holds; ``None``
        when no partner has roles recorded (then we cannot tell)."""
        held = {role for p in self.partners for role in p.roles}
        if not held:
            return None
        return tuple(r for r in ALL_ROLES if r not in held)


__all__ = [
    "Case",
    "Context",
    "Observations",
    "Organisation",
    "Partner",
    "Respondent",
]
