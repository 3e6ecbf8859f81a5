"""The case: what an advisor knows about one collaboration.

Every observation is optional: ``None`` means *not known*, and a rule that
needs an unknown fact stays silent. Field names are English identifiers; the
values that name domain concepts are the Dutch terms the sources use.

Observations are grouped in :class:`Observations` so that the same block can
later be given once per respondent (one per partner) next to the advisor's own.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ._limits import MAX_LIST_ITEMS, MAX_PARTNERS, MAX_PROBLEMS, MAX_RESPONDENTS, MAX_TEXT_CHARS

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
    "provincie",
    "rijk",
    "overig",
]
PartnerRole = Literal["beslisser", "uitvoerder", "financier", "gebruiker"]
ALL_ROLES: tuple[PartnerRole, ...] = get_args(PartnerRole)
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


def _repeated(names: list[str]) -> list[str]:
    counts = Counter(names)
    return sorted(n for n, c in counts.items() if c > 1)


def _listing(names: list[str]) -> str:
    shown = ", ".join(n if len(n) <= 60 else n[:59] + "…" for n in names[:MAX_PROBLEMS])
    return shown + (f" and {len(names) - MAX_PROBLEMS} more" if len(names) > MAX_PROBLEMS else "")


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Context(_Model):
    """What kind of collaboration this is and where it stands."""

    domain: Text | None = Field(default=None, description="Free text, e.g. 'gezondheid in de wijk'.")
    type: CollaborationType | None = None
    phase: Phase | None = Field(default=None, description="HAN toolbox phase.")


class Partner(_Model):
    name: Text = Field(min_length=1)
    kind: PartnerKind
    roles: list[PartnerRole] = Field(
        [],
        max_length=MAX_LIST_ITEMS,
        description="Checklist of RIVM netwerkbijeenkomsten: beslisser, uitvoerder, financier, gebruiker.",
    )


class Leadership(_Model):
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


class Climate(_Model):
    """The climate on Common Eye's conflict thermometer: declared, or read from signs, or both."""

    declared: ClimateLevel | None = Field(default=None, title="klimaat volgens de partners")
    signs: list[ClimateSign] = Field(title="waargenomen signalen", default=[], max_length=MAX_LIST_ITEMS)


class Network(_Model):
    """Size of the collaboration; counts default to the listed partners."""

    partner_count: int | None = Field(default=None, ge=1, le=100_000)
    private_partner_count: int | None = Field(default=None, ge=0, le=100_000)
    core_group: bool | None = Field(
        title="kernteam aanwezig", default=None, description="Is there a core team (kernteam) with a schil around it?"
    )
    levels: list[OrganisationLevel] = Field(
        default_factory=list, max_length=MAX_LIST_ITEMS, description="Levels at which the partners are involved"
    )
    want_to_join: bool | None = Field(
        title="organisaties willen aansluiten",
        default=None,
        description="Organisations that are not partners want to join the collaboration",
    )
    domain_missing: bool | None = Field(
        title="beleidsterrein ontbreekt",
        default=None,
        description="A policy domain the question needs is missing from the table",
    )
    nested: bool | None = Field(
        title="deel van een groter netwerk",
        default=None,
        description="The collaboration is part of a larger network, or holds a network within it",
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


class Funding(_Model):
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

    @model_validator(mode="after")
    def _one_way_to_say_when(self) -> Funding:
        if self.end_date is not None and self.months_left is not None:
            raise ValueError("give either end_date or months_left, not both")
        return self


class Ambition(_Model):
    shared: bool | None = Field(
        title="gedeelde ambitie", default=None, description="Is there a shared ambition all partners recognise?"
    )
    form_debate_dominates: bool | None = Field(
        title="vormvraag domineert",
        default=None,
        description="Does the question of organisational form dominate the process?",
    )
    why_discussed: bool | None = Field(
        title="waarom besproken", default=None, description="Have the partners discussed what they want and why"
    )
    competing_activities: bool | None = Field(
        title="vasthouden aan eigen activiteit",
        default=None,
        description="Partners hold on to different activities as if they were the goal",
    )
    goals_shifting: bool | None = Field(
        title="doelen verschuiven", default=None, description="Goals have faded or new goals were added along the way"
    )
    shared_problem_picture: bool | None = Field(
        title="gedeeld beeld van het probleem",
        default=None,
        description="Partners share a picture of the problem / population and its urgency",
    )
    value_only_financial: bool | None = Field(
        title="waarde alleen financieel",
        default=None,
        description="The value of the collaboration is expressed only in money or financial effects",
    )
    health_on_agenda: Degree | None = Field(
        title="gezondheid op de agenda",
        default=None,
        description="Health is on the agenda of the other policy domains taking part",
    )


class Interests(_Model):
    """Belangen: motives, interests and expectations of the partners (ZonMw leernetwerk, RIVM
    netwerkbijeenkomsten, RIVM handreiking and Common Eye)."""

    known: bool | None = Field(
        title="belangen bekend",
        default=None,
        description="Does the advisor / the initiator know the partners' interests, motives and expectations",
    )
    diverge: bool | None = Field(
        title="belangen lopen uiteen", default=None, description="The partners' interests diverge or drift apart"
    )
    hidden_agendas: bool | None = Field(
        title="wantrouwen over bedoelingen",
        default=None,
        description=(
            "Partners suspect each other of hidden agendas or act on untested assumptions about each other's motives"
        ),
    )
    respected: bool | None = Field(
        title="belangen komen tot hun recht", default=None, description="Are all partners' interests done justice"
    )
    only_costs_benefits: bool | None = Field(
        title="alleen kosten en baten",
        default=None,
        description=(
            "Participation is discussed only in costs and benefits (instrumental motives), not in affinity or values"
        ),
    )
    own_goals_first: bool | None = Field(
        title="eigen organisatie voorop",
        default=None,
        description="Partners put their own organisation, goals and visibility first",
    )
    partners_see_own_benefit: bool | None = Field(
        title="partners zien eigen belang",
        default=None,
        description="Does every partner see the link between the collaboration and its own work",
    )
    competitors: bool | None = Field(
        title="partners zijn concurrenten",
        default=None,
        description="Are (some) partners also each other's competitors, e.g. for funding",
    )
    competition_discussed: bool | None = Field(
        title="concurrentie besproken",
        default=None,
        description="Has the competition been acknowledged and discussed openly",
    )
    balance_unfair: bool | None = Field(
        title="balans onrechtvaardig",
        default=None,
        description="A partner finds the balance between what it puts in and gets out unfair",
    )
    added_value_visible: bool | None = Field(
        title="meerwaarde zichtbaar",
        default=None,
        description="Do the partners still see the added value of the collaboration",
    )
    partner_stays_out: bool | None = Field(
        title="partner houdt zich afzijdig", default=None, description="A partner keeps aloof from the collaboration"
    )


class Relation(_Model):
    """Relatie: trust, language and the people in the collaboration (ZonMw leernetwerk, RIVM
    netwerkbijeenkomsten and Common Eye)."""

    personal_friction: bool | None = Field(
        title="botsing tussen sleutelpersonen", default=None, description="Two key persons cannot get along"
    )
    trust_personal_only: bool | None = Field(
        title="vertrouwen alleen persoonlijk",
        default=None,
        description="Trust rests on personal relations only, not anchored in agreements or structures",
    )
    terms_confused: bool | None = Field(
        title="spraakverwarring", default=None, description="Partners use the same words but mean different things"
    )
    contribution_valued: bool | None = Field(
        title="inbreng gewaardeerd",
        default=None,
        description="Do people know their contribution is valued for its content",
    )
    team_new: bool | None = Field(
        title="team nieuw samengesteld",
        default=None,
        description="The (core) team is newly composed or many new people have joined",
    )
    principal_agent: bool | None = Field(
        title="opdrachtgever-opdrachtnemerrelatie",
        default=None,
        description=(
            "Gemeente and social organisations relate mainly as principal and contractor with short-term agreements"
        ),
    )
    gemeente_roles_unclear: bool | None = Field(
        title="rol gemeente onduidelijk",
        default=None,
        description=(
            "It is unclear in which role the gemeente acts, or its course changes with council terms and incidents"
        ),
    )
    domain_walls: bool | None = Field(
        title="schotten en domeindenken",
        default=None,
        description=(
            "Schotten: thinking from one's own domain and position dominates; differences in vision, pace, "
            "language and working method"
        ),
    )
    information_one_sided: bool | None = Field(
        title="eenzijdige informatie-uitwisseling",
        default=None,
        description="Information flows one way: some partners share, others keep theirs to themselves",
    )


class Process(_Model):
    """Betekenisgevend proces: pace, momentum, decisions and reflection (RIVM netwerkbijeenkomsten and Common Eye)."""

    time_pressure: bool | None = Field(
        title="tijdsdruk",
        default=None,
        description="The collaboration works under time pressure, e.g. a tender or proposal deadline",
    )
    momentum: Momentum | None = Field(
        title="energie en belangstelling",
        default=None,
        description="Energy and interest over time; 'afnemend' after an energetic start is the netwerkdip",
    )
    decisions_difficult: bool | None = Field(
        title="besluitvorming moeizaam", default=None, description="Decisions are hard to take or take a lot of time"
    )
    regular_meeting: bool | None = Field(
        title="structureel overleg",
        default=None,
        description="Is there a regular structural meeting with the most important partners",
    )
    collaboration_on_agenda: bool | None = Field(
        title="samenwerking op de agenda",
        default=None,
        description=(
            "Is the collaboration itself (trust, give and take, interests) on the agenda, or only what must be arranged"
        ),
    )
    decision_strategies_differ: bool | None = Field(
        title="verschillende besluitvormingsstrategieën",
        default=None,
        description="Partners use different strategies to reach a decision",
    )
    depends_on_coincidence: Degree | None = Field(
        title="afhankelijk van toeval en personen",
        default=None,
        description="Progress depends on coincidences and on a few persons",
    )


class Organising(_Model):
    """Professioneel organiseren: agreements, tasks, workload, meetings and focus (RIVM handreiking and Common Eye)."""

    agreements: AgreementLevel | None = Field(
        title="vastgelegde afspraken", default=None, description="How much is laid down in agreements and governance"
    )
    tasks_divided: bool | None = Field(
        title="taken en rollen verdeeld",
        default=None,
        description="Are tasks and roles divided, based on wishes, preferences and expertise",
    )
    workload: Level | None = Field(title="werkdruk", default=None, description="Workload of the people involved")
    meeting_overload: bool | None = Field(
        title="al veel overleggen", default=None, description="The same parties already meet in many meetings"
    )
    coherence_visible: bool | None = Field(
        title="samenhang domeinen zichtbaar",
        default=None,
        description=(
            "Is it visible how the work at case level, institutional level and living environment hangs together"
        ),
    )
    everyone_in_everything: bool | None = Field(
        title="iedereen overal bij", default=None, description="Everyone wants or has to take part in everything"
    )
    too_much_at_once: bool | None = Field(
        title="te veel tegelijk",
        default=None,
        description="The collaboration tries to realise too much at once; a divergent mix of projects",
    )
    administrative_load: Level | None = Field(
        title="administratieve last",
        default=None,
        description="Administrative load (forms, accounts, procedures) on the people involved",
    )


class KnowledgeSharing(_Model):
    """Knowledge sharing between knowledge partners and practice (ZonMw leernetwerk: escape room or white smoke)."""

    agreed: bool | None = Field(
        title="kennisdeling afgesproken",
        default=None,
        description="Have the partners agreed how and when they share knowledge, doubts and (interim) results",
    )
    tension: bool | None = Field(
        title="spanning rond kennisdeling",
        default=None,
        description="Tension about timing and openness between knowledge partners and practice/policy partners",
    )


class Residents(_Model):
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


class Results(_Model):
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


# A statement's key (knowledge/statements.yaml) and its score: 1 helemaal oneens … 5 helemaal eens.
StatementKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Score = Annotated[int, Field(ge=1, le=5)]


def _known_statements(scores: dict[str, int]) -> dict[str, int]:
    from ._catalogue import load_catalogue  # the case model is loaded before the knowledge

    known = load_catalogue().statement
    unknown = sorted(key for key in scores if key not in known)
    if unknown:
        raise ValueError(f"unknown statement {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return scores


class Organisation(_Model):
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


class Observations(_Model):
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


class Respondent(_Model):
    """One person's answers, e.g. one per partner: the same observations the
    advisor records, seen from where this respondent stands."""

    name: Text = Field(min_length=1, description="Who answered (a person or a partner).")
    partner: Text | None = Field(default=None, description="The partner this respondent speaks for, if any.")
    observations: Observations = Field(default_factory=Observations)


class Case(_Model):
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
    def _counts_cover_listed_partners(self) -> Case:
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
    "ALL_LEVELS",
    "ALL_ROLES",
    "PRIVATE_KINDS",
    "AgreementLevel",
    "Ambition",
    "Case",
    "Climate",
    "ClimateLevel",
    "ClimateSign",
    "CollaborationType",
    "Context",
    "CultureObstacle",
    "Degree",
    "Funding",
    "Interests",
    "KnowledgeSharing",
    "LaxDate",
    "Leadership",
    "Level",
    "Momentum",
    "Network",
    "Observations",
    "Organisation",
    "OrganisationLevel",
    "Organising",
    "Origin",
    "Partner",
    "PartnerKind",
    "PartnerRole",
    "Phase",
    "Process",
    "Regie",
    "Relation",
    "Residents",
    "Respondent",
    "Results",
    "Score",
    "StatementKey",
    "Text",
]
