"""From a case to the flat facts the rules read (path -> value).

Only known facts are produced: an unknown observation is absent, so rules
that need it stay silent. Counts are aggregated here because they are plain
arithmetic on the case, not judgements a trainer needs to see a rule for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args

from ._case import (
    ALL_LEVELS,
    ALL_ROLES,
    PRIVATE_KINDS,
    AgreementLevel,
    Case,
    ClimateLevel,
    CollaborationType,
    Degree,
    Level,
    Momentum,
    Origin,
    Partner,
    Phase,
    Regie,
)
from ._catalogue import load_catalogue

# Facts about how respondents' answers compare (see combined_facts).
RESPONDENT_PATHS: dict[str, str] = {
    "respondents.divergence": "onderwerpen waarover respondenten verschillen",
    "respondents.climate_spread": "verschil in ervaren klimaat (in niveaus)",
}

# Every path a case can give the rules, with the Dutch label the letter and
# explanations use for it.
CASE_PATHS: dict[str, str] = {
    "context.type": "vorm van samenwerking",
    "context.phase": "fase",
    "network.partner_count": "aantal partners",
    "network.private_partner_count": "aantal private partners",
    "network.core_group": "kernteam aanwezig",
    "network.missing_roles": "ontbrekende rollen",
    "leadership.regie": "regie",
    "leadership.trekker": "trekker aanwezig",
    "leadership.trekker_has_time": "trekker heeft tijd",
    "leadership.trekker_has_mandate": "trekker heeft mandaat",
    "climate.declared": "klimaat volgens de partners",
    "climate.signs": "waargenomen signalen",
    "funding.subsidy": "subsidie",
    "funding.months_left": "maanden subsidie resterend",
    "funding.dependency": "afhankelijkheid van subsidie",
    "funding.continuation_plan": "plan voor na de subsidie",
    "ambition.shared": "gedeelde ambitie",
    "ambition.form_debate_dominates": "vormvraag domineert",
    "network.missing_levels": "ontbrekende niveaus",
    "network.includes_huisartsen": "huisartsen doen mee",
    "leadership.board_support": "bestuurlijk draagvlak",
    "leadership.others_lean_back": "anderen leunen achterover",
    "leadership.controlling": "sturen op controle",
    "ambition.why_discussed": "waarom besproken",
    "ambition.competing_activities": "vasthouden aan eigen activiteit",
    "ambition.goals_shifting": "doelen verschuiven",
    "ambition.shared_problem_picture": "gedeeld beeld van het probleem",
    "ambition.value_only_financial": "waarde alleen financieel",
    "funding.separate_streams": "gescheiden financiering",
    "interests.known": "belangen bekend",
    "interests.diverge": "belangen lopen uiteen",
    "interests.hidden_agendas": "wantrouwen over bedoelingen",
    "interests.respected": "belangen komen tot hun recht",
    "interests.only_costs_benefits": "alleen kosten en baten",
    "interests.own_goals_first": "eigen organisatie voorop",
    "interests.partners_see_own_benefit": "partners zien eigen belang",
    "interests.competitors": "partners zijn concurrenten",
    "interests.competition_discussed": "concurrentie besproken",
    "interests.balance_unfair": "balans onrechtvaardig",
    "interests.added_value_visible": "meerwaarde zichtbaar",
    "relation.personal_friction": "botsing tussen sleutelpersonen",
    "relation.trust_personal_only": "vertrouwen alleen persoonlijk",
    "relation.terms_confused": "spraakverwarring",
    "relation.contribution_valued": "inbreng gewaardeerd",
    "relation.team_new": "team nieuw samengesteld",
    "relation.principal_agent": "opdrachtgever-opdrachtnemerrelatie",
    "relation.gemeente_roles_unclear": "rol gemeente onduidelijk",
    "relation.domain_walls": "schotten en domeindenken",
    "process.time_pressure": "tijdsdruk",
    "process.momentum": "energie en belangstelling",
    "process.decisions_difficult": "besluitvorming moeizaam",
    "process.regular_meeting": "structureel overleg",
    "process.collaboration_on_agenda": "samenwerking op de agenda",
    "organising.agreements": "vastgelegde afspraken",
    "organising.tasks_divided": "taken en rollen verdeeld",
    "organising.workload": "werkdruk",
    "organising.meeting_overload": "al veel overleggen",
    "organising.coherence_visible": "samenhang domeinen zichtbaar",
    "organising.everyone_in_everything": "iedereen overal bij",
    "organising.too_much_at_once": "te veel tegelijk",
    "knowledge_sharing.agreed": "kennisdeling afgesproken",
    "knowledge_sharing.tension": "spanning rond kennisdeling",
    "residents.involved": "inwoners betrokken",
    "residents.professionals_take_over": "professionals nemen over",
    "organisation.internal_alignment": "eigen organisatie intern aangehaakt",
    "organisation.own_position_clear": "eigen positie helder",
    "organisation.partnership_strategy": "partnershipstrategie",
    "organisation.top_responsibility": "samenwerken belegd in de top",
    "organisation.evaluates_collaborations": "samenwerkingen geëvalueerd",
    "organisation.culture_obstacles": "remmende cultuurkenmerken",
    "leadership.regie_strong_enough": "regie sterk genoeg",
    "leadership.leader_at_odds": "trekker overhoop met de partners",
    "leadership.hierarchy_returned": "terugval in hiërarchische sturing",
    "leadership.chair_from_largest_party": "voorzitter van de grootste partij",
    "network.want_to_join": "organisaties willen aansluiten",
    "network.domain_missing": "beleidsterrein ontbreekt",
    "network.nested": "deel van een groter netwerk",
    "network.split_in_groups": "partners in twee groepen",
    "funding.origin": "ontstaan van de samenwerking",
    "funding.bid_mode_continues": "werkwijze van de aanvraag voortgezet",
    "funding.capacity_money_uncertain": "onzekerheid over capaciteit en geld",
    "funding.accountability_pressure": "druk om verantwoording af te leggen",
    "ambition.health_on_agenda": "gezondheid op de agenda",
    "interests.partner_stays_out": "partner houdt zich afzijdig",
    "relation.information_one_sided": "eenzijdige informatie-uitwisseling",
    "process.decision_strategies_differ": "verschillende besluitvormingsstrategieën",
    "process.depends_on_coincidence": "afhankelijk van toeval en personen",
    "organising.administrative_load": "administratieve last",
    "residents.initiative_sent_back": "bewonersinitiatief teruggestuurd",
    **RESPONDENT_PATHS,
}

# Where in a case file each fact comes from (for hints in explanations).
CASE_FIELDS: dict[str, tuple[str, ...]] = {
    "context.type": ("context.type",),
    "context.phase": ("context.phase",),
    "network.partner_count": ("partners", "observations.network.partner_count"),
    "network.private_partner_count": ("partners[].kind", "observations.network.private_partner_count"),
    "network.core_group": ("observations.network.core_group",),
    "network.missing_roles": ("partners[].roles",),
    "leadership.regie": ("observations.leadership.regie",),
    "leadership.trekker": ("observations.leadership.trekker",),
    "leadership.trekker_has_time": ("observations.leadership.trekker_has_time",),
    "leadership.trekker_has_mandate": ("observations.leadership.trekker_has_mandate",),
    "climate.declared": ("observations.climate.declared",),
    "climate.signs": ("observations.climate.signs",),
    "funding.subsidy": ("observations.funding.subsidy",),
    "funding.months_left": ("observations.funding.months_left", "observations.funding.end_date"),
    "funding.dependency": ("observations.funding.dependency",),
    "funding.continuation_plan": ("observations.funding.continuation_plan",),
    "ambition.shared": ("observations.ambition.shared",),
    "ambition.form_debate_dominates": ("observations.ambition.form_debate_dominates",),
    "network.missing_levels": ("observations.network.levels",),
    "network.includes_huisartsen": ("partners[].kind",),
    "leadership.board_support": ("observations.leadership.board_support",),
    "leadership.others_lean_back": ("observations.leadership.others_lean_back",),
    "leadership.controlling": ("observations.leadership.controlling",),
    "ambition.why_discussed": ("observations.ambition.why_discussed",),
    "ambition.competing_activities": ("observations.ambition.competing_activities",),
    "ambition.goals_shifting": ("observations.ambition.goals_shifting",),
    "ambition.shared_problem_picture": ("observations.ambition.shared_problem_picture",),
    "ambition.value_only_financial": ("observations.ambition.value_only_financial",),
    "funding.separate_streams": ("observations.funding.separate_streams",),
    "interests.known": ("observations.interests.known",),
    "interests.diverge": ("observations.interests.diverge",),
    "interests.hidden_agendas": ("observations.interests.hidden_agendas",),
    "interests.respected": ("observations.interests.respected",),
    "interests.only_costs_benefits": ("observations.interests.only_costs_benefits",),
    "interests.own_goals_first": ("observations.interests.own_goals_first",),
    "interests.partners_see_own_benefit": ("observations.interests.partners_see_own_benefit",),
    "interests.competitors": ("observations.interests.competitors",),
    "interests.competition_discussed": ("observations.interests.competition_discussed",),
    "interests.balance_unfair": ("observations.interests.balance_unfair",),
    "interests.added_value_visible": ("observations.interests.added_value_visible",),
    "relation.personal_friction": ("observations.relation.personal_friction",),
    "relation.trust_personal_only": ("observations.relation.trust_personal_only",),
    "relation.terms_confused": ("observations.relation.terms_confused",),
    "relation.contribution_valued": ("observations.relation.contribution_valued",),
    "relation.team_new": ("observations.relation.team_new",),
    "relation.principal_agent": ("observations.relation.principal_agent",),
    "relation.gemeente_roles_unclear": ("observations.relation.gemeente_roles_unclear",),
    "relation.domain_walls": ("observations.relation.domain_walls",),
    "process.time_pressure": ("observations.process.time_pressure",),
    "process.momentum": ("observations.process.momentum",),
    "process.decisions_difficult": ("observations.process.decisions_difficult",),
    "process.regular_meeting": ("observations.process.regular_meeting",),
    "process.collaboration_on_agenda": ("observations.process.collaboration_on_agenda",),
    "organising.agreements": ("observations.organising.agreements",),
    "organising.tasks_divided": ("observations.organising.tasks_divided",),
    "organising.workload": ("observations.organising.workload",),
    "organising.meeting_overload": ("observations.organising.meeting_overload",),
    "organising.coherence_visible": ("observations.organising.coherence_visible",),
    "organising.everyone_in_everything": ("observations.organising.everyone_in_everything",),
    "organising.too_much_at_once": ("observations.organising.too_much_at_once",),
    "knowledge_sharing.agreed": ("observations.knowledge_sharing.agreed",),
    "knowledge_sharing.tension": ("observations.knowledge_sharing.tension",),
    "residents.involved": ("observations.residents.involved",),
    "residents.professionals_take_over": ("observations.residents.professionals_take_over",),
    "organisation.internal_alignment": ("observations.organisation.internal_alignment",),
    "organisation.own_position_clear": ("observations.organisation.own_position_clear",),
    "organisation.partnership_strategy": ("observations.organisation.partnership_strategy",),
    "organisation.top_responsibility": ("observations.organisation.top_responsibility",),
    "organisation.evaluates_collaborations": ("observations.organisation.evaluates_collaborations",),
    "organisation.culture_obstacles": ("observations.organisation.culture_obstacles",),
    "leadership.regie_strong_enough": ("observations.leadership.regie_strong_enough",),
    "leadership.leader_at_odds": ("observations.leadership.leader_at_odds",),
    "leadership.hierarchy_returned": ("observations.leadership.hierarchy_returned",),
    "leadership.chair_from_largest_party": ("observations.leadership.chair_from_largest_party",),
    "network.want_to_join": ("observations.network.want_to_join",),
    "network.domain_missing": ("observations.network.domain_missing",),
    "network.nested": ("observations.network.nested",),
    "network.split_in_groups": ("observations.network.split_in_groups",),
    "funding.origin": ("observations.funding.origin",),
    "funding.bid_mode_continues": ("observations.funding.bid_mode_continues",),
    "funding.capacity_money_uncertain": ("observations.funding.capacity_money_uncertain",),
    "funding.accountability_pressure": ("observations.funding.accountability_pressure",),
    "ambition.health_on_agenda": ("observations.ambition.health_on_agenda",),
    "interests.partner_stays_out": ("observations.interests.partner_stays_out",),
    "relation.information_one_sided": ("observations.relation.information_one_sided",),
    "process.decision_strategies_differ": ("observations.process.decision_strategies_differ",),
    "process.depends_on_coincidence": ("observations.process.depends_on_coincidence",),
    "organising.administrative_load": ("observations.organising.administrative_load",),
    "residents.initiative_sent_back": ("observations.residents.initiative_sent_back",),
    "respondents.divergence": ("respondents",),
    "respondents.climate_spread": ("respondents[].observations.climate.declared",),
}

# Paths that only rules produce.
DERIVED_PATHS: dict[str, str] = {
    "climate.derived": "klimaat volgens de signalen",
    "climate.level": "klimaat",
}

FACT_LABELS: dict[str, str] = {**CASE_PATHS, **DERIVED_PATHS}

# What values each fact can take: a tuple of literals, or a type. Rules are
# checked against it, so that no rule waits for a value that cannot occur.
FACT_DOMAINS: dict[str, tuple[Any, ...] | type] = {
    "context.type": get_args(CollaborationType),
    "context.phase": get_args(Phase),
    "network.partner_count": int,
    "network.private_partner_count": int,
    "network.core_group": bool,
    "network.missing_roles": list,
    "leadership.regie": get_args(Regie),
    "leadership.trekker": bool,
    "leadership.trekker_has_time": bool,
    "leadership.trekker_has_mandate": bool,
    "climate.declared": get_args(ClimateLevel),
    "climate.signs": list,
    "funding.subsidy": bool,
    "funding.months_left": int,
    "funding.dependency": get_args(Level),
    "funding.continuation_plan": bool,
    "ambition.shared": bool,
    "ambition.form_debate_dominates": bool,
    "climate.derived": get_args(ClimateLevel),
    "climate.level": get_args(ClimateLevel),
    "respondents.divergence": list,
    "respondents.climate_spread": int,
    "network.missing_levels": list,
    "network.includes_huisartsen": bool,
    "leadership.board_support": bool,
    "leadership.others_lean_back": bool,
    "leadership.controlling": bool,
    "ambition.why_discussed": bool,
    "ambition.competing_activities": bool,
    "ambition.goals_shifting": bool,
    "ambition.shared_problem_picture": bool,
    "ambition.value_only_financial": bool,
    "funding.separate_streams": bool,
    "interests.known": bool,
    "interests.diverge": bool,
    "interests.hidden_agendas": bool,
    "interests.respected": bool,
    "interests.only_costs_benefits": bool,
    "interests.own_goals_first": bool,
    "interests.partners_see_own_benefit": bool,
    "interests.competitors": bool,
    "interests.competition_discussed": bool,
    "interests.balance_unfair": bool,
    "interests.added_value_visible": bool,
    "relation.personal_friction": bool,
    "relation.trust_personal_only": bool,
    "relation.terms_confused": bool,
    "relation.contribution_valued": bool,
    "relation.team_new": bool,
    "relation.principal_agent": bool,
    "relation.gemeente_roles_unclear": bool,
    "relation.domain_walls": bool,
    "process.time_pressure": bool,
    "process.momentum": get_args(Momentum),
    "process.decisions_difficult": bool,
    "process.regular_meeting": bool,
    "process.collaboration_on_agenda": bool,
    "organising.agreements": get_args(AgreementLevel),
    "organising.tasks_divided": bool,
    "organising.workload": get_args(Level),
    "organising.meeting_overload": bool,
    "organising.coherence_visible": bool,
    "organising.everyone_in_everything": bool,
    "organising.too_much_at_once": bool,
    "knowledge_sharing.agreed": bool,
    "knowledge_sharing.tension": bool,
    "residents.involved": bool,
    "residents.professionals_take_over": bool,
    "organisation.internal_alignment": bool,
    "organisation.own_position_clear": bool,
    "organisation.partnership_strategy": bool,
    "organisation.top_responsibility": bool,
    "organisation.evaluates_collaborations": bool,
    "organisation.culture_obstacles": list,
    "leadership.regie_strong_enough": bool,
    "leadership.leader_at_odds": get_args(Degree),
    "leadership.hierarchy_returned": get_args(Degree),
    "leadership.chair_from_largest_party": bool,
    "network.want_to_join": bool,
    "network.domain_missing": bool,
    "network.nested": bool,
    "network.split_in_groups": bool,
    "funding.origin": get_args(Origin),
    "funding.bid_mode_continues": get_args(Degree),
    "funding.capacity_money_uncertain": get_args(Degree),
    "funding.accountability_pressure": get_args(Degree),
    "ambition.health_on_agenda": get_args(Degree),
    "interests.partner_stays_out": bool,
    "relation.information_one_sided": bool,
    "process.decision_strategies_differ": bool,
    "process.depends_on_coincidence": get_args(Degree),
    "organising.administrative_load": get_args(Level),
    "residents.initiative_sent_back": bool,
}


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` until ``end``; 0 when ``end`` has passed."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


@dataclass(frozen=True)
class PartnerTally:
    """What the partner list says, counted in one pass. Every view of a case
    (the advisor's and each respondent's) has the same partners, so the views
    share one tally instead of each walking the list again."""

    listed: int
    private: int
    roles: frozenset[str]
    includes_huisartsen: bool


def partner_tally(partners: list[Partner]) -> PartnerTally:
    private, huisartsen, roles = 0, False, set()
    for p in partners:
        private += p.kind in PRIVATE_KINDS
        huisartsen = huisartsen or p.kind == "huisartsen"
        roles.update(p.roles)
    return PartnerTally(len(partners), private, frozenset(roles), huisartsen)


def case_facts(case: Case, today: date, tally: PartnerTally | None = None) -> dict[str, Any]:
    """The known facts of ``case``; ``today`` counts subsidy months when the
    case gives an end date but no assessment date. ``tally`` is
    ``partner_tally(case.partners)``, when the caller has it already."""
    obs = case.observations
    funding = obs.funding
    months_left = funding.months_left
    if funding.end_date is not None:
        months_left = months_between(case.assessed_on or today, funding.end_date)
    if tally is None:
        tally = partner_tally(case.partners)
    # The same values as Case.partner_count, .private_partner_count and .missing_roles.
    given = obs.network
    partner_count = given.partner_count if given.partner_count is not None else (tally.listed or None)
    private_count = given.private_partner_count
    if private_count is None and tally.listed:
        private_count = tally.private
    missing_roles = [r for r in ALL_ROLES if r not in tally.roles] if tally.roles else None
    levels = obs.network.levels
    # Facts computed from more than one field, or from the partner list.
    facts: dict[str, Any] = {
        "context.type": case.context.type,
        "context.phase": case.context.phase,
        "network.partner_count": partner_count,
        "network.private_partner_count": private_count,
        "network.missing_roles": missing_roles or None,
        "network.missing_levels": ([lv for lv in ALL_LEVELS if lv not in levels] or None) if levels else None,
        "network.includes_huisartsen": tally.includes_huisartsen if tally.listed else None,
        "funding.months_left": months_left,
    }
    # Every other fact is the observation field of the same name.
    for path in CASE_PATHS:
        if path not in facts and path not in RESPONDENT_PATHS:
            section, name = path.split(".", 1)
            value = getattr(getattr(obs, section), name)
            facts[path] = (sorted(set(value)) or None) if isinstance(value, list) else value
    return {path: value for path, value in facts.items() if value is not None}


ADVISOR = "adviseur"


@dataclass(frozen=True)
class Divergence:
    """A fact on which the sources (the advisor's own observations and the
    respondents) do not agree: source name -> value."""

    path: str
    values: dict[str, Any]


def _observed(path: str) -> bool:
    return all(field.startswith("observations.") for field in CASE_FIELDS[path])


def combined_facts(case: Case, today: date) -> tuple[dict[str, Any], list[Divergence]]:
    """The case facts with the respondents' answers folded in, and where they differ.

    The advisor's own observation counts where given; otherwise what the
    respondents agree on, by majority (a tie leaves the fact unknown, so no rule
    fires on a contested fact). Two exceptions follow the documents: the climate
    is the warmest one declared (as with declared climate against signs), and
    observed signs and obstacles are pooled.
    """
    tally = partner_tally(case.partners)
    facts = case_facts(case, today, tally)
    if not case.respondents:
        return facts, []
    views = {ADVISOR: facts} | {
        r.name: case_facts(case.model_copy(update={"observations": r.observations}), today, tally)
        for r in case.respondents
    }
    divergences: list[Divergence] = []
    for path in sorted(p for p in CASE_PATHS if p not in RESPONDENT_PATHS and _observed(p)):
        given = {source: view[path] for source, view in views.items() if path in view}
        if not given:
            continue
        if len({_key(v) for v in given.values()}) > 1:
            divergences.append(Divergence(path, given))
        if ADVISOR in given:
            continue
        value = _consensus(path, list(given.values()))
        if value is not None:
            facts[path] = value
    climates = [view["climate.declared"] for view in views.values() if "climate.declared" in view]
    if len(climates) > 1:
        spread = max(map(_warmth, climates)) - min(map(_warmth, climates))
        facts["respondents.climate_spread"] = spread
    if divergences:
        facts["respondents.divergence"] = [d.path for d in divergences]
    return facts, divergences


def _warmth(level: str) -> int:
    """How warm a climate level is: its severity on the thermometer (``knowledge/thermometer.yaml``)."""
    return load_catalogue().climate_level[level].severity


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _consensus(path: str, values: list[Any]) -> Any:
    if path == "climate.declared":
        return max(values, key=_warmth)
    if path == "network.missing_levels":  # missing for everyone
        common = set(values[0]).intersection(*values[1:])
        return sorted(common) or None
    if isinstance(values[0], list):
        return sorted({item for value in values for item in value})
    counts = Counter(_key(v) for v in values)
    (top, n), *rest = counts.most_common()
    if rest and rest[0][1] == n:
        return None
    return top
