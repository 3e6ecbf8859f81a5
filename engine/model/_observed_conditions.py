"""What an advisor observes of Common Eye's five conditions: the climate, the ambition, the interests, the
relation, the process, the organising and the sharing of knowledge."""

# No ``from __future__ import annotations`` here: the models' annotations are evaluated as each class is made, so
# pydantic need not evaluate them again from strings (an eighth of making these classes at start-up; bench/README.md).
# A class named in its own methods' annotations is written in quotes.

from pydantic import Field

from ._case_types import AgreementLevel, ClimateLevel, ClimateSign, Degree, Level, Momentum, StrictModel
from ._limits import MAX_LIST_ITEMS


class Climate(StrictModel):
    """The climate on Common Eye's conflict thermometer: declared, or read from signs, or both."""

    declared: ClimateLevel | None = Field(default=None, title="klimaat volgens de partners")
    signs: list[ClimateSign] = Field(title="waargenomen signalen", default=[], max_length=MAX_LIST_ITEMS)


class Ambition(StrictModel):
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


class Interests(StrictModel):
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


class Relation(StrictModel):
    """Relatie: trust, language and the people in the collaboration (ZonMw leernetwerk, RIVM
    netwerkbijeenkomsten and Common Eye)."""

    personal_friction: bool | None = Field(
        title="botsing tussen sleutelpersonen", default=None, description="Two key persons cannot get along"
    )
    trust_low: bool | None = Field(
        title="onderling vertrouwen laag",
        default=None,
        description="The partners' trust in each other is low or lacking",
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


class Process(StrictModel):
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
    ending: bool | None = Field(
        title="samenwerking stopt",
        default=None,
        description="The collaboration is coming to an end, or has ended",
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


class Organising(StrictModel):
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


class KnowledgeSharing(StrictModel):
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


__all__ = ["Ambition", "Climate", "Interests", "KnowledgeSharing", "Organising", "Process", "Relation"]
