"""The steps of the intake: the question catalogue (``knowledge/questions.yaml``) turned into
:class:`Step` objects, in the order they are asked.

A short instrument: the context (name, description, the question worked on, the partners in one
answer, kind, phase, subsidy and its end), then the statements of ``knowledge/statements.yaml``,
each scored 1 to 5, followed by its follow-up questions only when it scores 3 or lower
(:func:`intake_steps`). A respondent answers the statements and at most ten follow-ups. The
follow-up questions are goal-driven: the intake skips them when the answer can no longer change
the advice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, get_args

from ..model._case import Observations
from ..model._case_types import MAX_ADVICE_TOPICS, PRIVATE_KINDS, PartnerKind
from ..model._catalogue import load_catalogue
from ..model._facts import QUESTION_FACTS, QUESTION_FIELD
from ..model._statements import SCALE_LABELS, fact_of
from ..model._vocabulary import Question, Statement
from ..wording._dutch import number_word

AnswerKind = Literal["text", "boolean", "integer", "choice", "multiple", "scale", "partners", "subsidy"]

PARTNER_FIELDS = frozenset({"observations.network.partner_count", "observations.network.private_partner_count"})
_PARTNER_KINDS: tuple[str, ...] = get_args(PartnerKind)
# How each kind of partner reads to the advisor.
PARTNER_KIND_LABELS: dict[str, str] = {
    "gemeente": "gemeente",
    "ggd": "GGD",
    "zorgaanbieder": "zorgaanbieder",
    "welzijnsorganisatie": "welzijnsorganisatie",
    "woningcorporatie": "woningcorporatie",
    "kennisinstelling": "kennisinstelling",
    "bedrijf": "bedrijf",
    "bewoners": "bewoners",
    "zorgverzekeraar": "zorgverzekeraar",
    "school": "school",
    "huisartsen": "huisartsen",
    "maatschappelijke_organisatie": "maatschappelijke organisatie",
    "provincie": "provincie",
    "rijk": "Rijk (een ministerie of rijksdienst)",
    "overig": "overig",
}


@dataclass(frozen=True)
class Step:
    """One question of the intake.

    ``key`` names the step in the progress (the field path in a case file, or
    ``partners[i].name`` and the like); ``facts`` are the facts the rules read
    that the answer informs (for why-texts and relevance).
    """

    key: str
    question: str
    kind: AnswerKind
    section: str
    target: tuple[str | int, ...]
    options: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    facts: tuple[str, ...] = ()
    help: str = ""
    accepts_date: bool = False
    is_date: bool = False
    ends_loop: bool = False
    goal_driven: bool = False
    hint: str = ""  # a short Dutch line under the question (how many to choose)


def questions_by_field() -> dict[str, Question]:
    """The catalogue's questions by the field they fill in (the partners question aside)."""
    return {q.field: q for q in load_catalogue().questions if q.field != "partners"}


def question_for(fact: str) -> Question:
    """The catalogue's question about ``fact``."""
    return load_catalogue().question[fact]


def catalogue_step(question: Question, section: str, target: tuple[str | int, ...], key: str) -> Step:
    """The step that asks a question of the catalogue (goal-driven: asked only while it can matter)."""
    answer = question.answer
    labels: tuple[str, ...] = ()
    if answer.labels or question.fact == "climate.signs":
        # The thermometer names its signs; every other option's words are in the catalogue.
        named = answer.labels or load_catalogue().sign_label
        labels = tuple(named.get(option, option) for option in answer.options)
    return Step(
        key=key,
        question=question.question,
        kind=answer.type,
        section=section,
        target=target,
        options=answer.options,
        labels=labels,
        minimum=answer.minimum,
        facts=(question.fact,),
        help=question.help,
        accepts_date=question.fact == "funding.months_left",
        goal_driven=True,
    )


def observation_fields() -> list[tuple[str, str]]:
    """(section, field) of every observation the intake asks about, in the
    order of the case model."""
    by_field = questions_by_field()
    out: list[tuple[str, str]] = []
    for section, info in Observations.model_fields.items():
        model = info.annotation
        if not isinstance(model, type):  # the statements' scores: no section of fields
            continue
        for name in getattr(model, "model_fields", {}):
            path = f"observations.{section}.{name}"
            if path in by_field and path not in PARTNER_FIELDS:
                out.append((section, name))
    return out


# A respondent answers the statements and at most this many follow-up questions (issue: about ten minutes).
RESPONDENT_FOLLOW_UPS = 10
ADVISOR_FOLLOW_UPS = 10
SCALE = ("1", "2", "3", "4", "5")


def statement_step(statement: Statement) -> Step:
    """The step that asks for a score on ``statement`` (1 helemaal oneens … 5 helemaal eens)."""
    return Step(
        key=f"statements.{statement.id}",
        question=statement.text,
        kind="scale",
        section=statement.condition,
        target=("observations", "statements", statement.id),
        options=SCALE,
        labels=SCALE_LABELS,
        facts=tuple(sorted({fact_of(field) for field in statement.sets})),
        help=statement.help,
    )


def follow_ups_open(statement: Statement, score: Any) -> bool:
    """Whether ``score`` opens the statement's follow-up questions: 1 to 3 for a statement whose follow-ups
    specify a problem, 4 or 5 for one whose follow-ups look closer at what is there; no score closes them."""
    if not isinstance(score, int):
        return False
    return score <= 3 if statement.follow_up_on == "low" else score >= 4


def intake_steps(
    values: Mapping[str, Any],
    partners: Callable[[], Sequence[Mapping[str, Any]]],
    settled: set[str],
    *,
    respondent: bool,
) -> Iterator[Step]:
    """Every question in order, for the advisor or (``respondent``) a respondent: the context (the advisor
    only), then each statement of the instrument with its follow-up questions when it scores low.

    ``values`` holds the answers so far by step key (read as the steps are taken); ``partners()`` is
    not needed by the statements but kept for the context's checks. A follow-up already asked after
    an earlier statement is not asked again; a respondent gets at most :data:`RESPONDENT_FOLLOW_UPS`."""
    if not respondent:
        yield from _case_steps(values)
    by_field = questions_by_field()
    limit = RESPONDENT_FOLLOW_UPS if respondent else ADVISOR_FOLLOW_UPS
    catalogue = load_catalogue()
    follow_up_keys = {f for st in catalogue.statements for f in st.follow_up}
    offered: set[str] = set()
    section = ""
    for statement in catalogue.statements:
        if statement.condition != section:
            section = statement.condition
            # A part of the instrument may open with a question every voice answers (the climate as the
            # partners would call it: the thermometer's own question).
            for field in _SECTION_QUESTIONS.get(section, ()):
                question = by_field[field]
                offered.add(field)
                yield replace(catalogue_step(question, section, tuple(field.split(".")), field), goal_driven=False)
        step = statement_step(statement)
        yield step
        if not follow_ups_open(statement, values.get(step.key)):
            continue
        for field in statement.follow_up:
            if field in offered or field not in by_field or field in _CONTEXT_FIELDS:
                continue
            if sum(1 for key in values if key in follow_up_keys) >= limit:
                break
            offered.add(field)
            question = by_field[field]
            # Asked under the statement that opened it: the advisor stays in the same part of the instrument.
            yield catalogue_step(question, statement.condition, tuple(field.split(".")), field)
    if not respondent and catalogue.signals:
        yield signals_step(values)
    if not respondent:
        # Last, once the advisor has the whole picture: what the collaboration itself asks advice on. Always
        # asked, since its own question goes to the top of the advice. (Last, so that answers typed one per
        # line in the order of the questions stay in place.)
        asked = question_for(QUESTION_FIELD)
        yield replace(
            catalogue_step(asked, "context", tuple(asked.field.split(".")), asked.field),
            goal_driven=False,
            maximum=MAX_ADVICE_TOPICS,
            facts=tuple(sorted(QUESTION_FACTS)),
            hint=f"Kies er hoogstens {number_word(MAX_ADVICE_TOPICS)}, of geen als de partners geen eigen vraag "
            "hebben.",
        )


# Questions that open a part of the instrument, asked of every voice.
_SECTION_QUESTIONS: dict[str, tuple[str, ...]] = {"klimaat": ("observations.climate.declared",)}
SIGNALS_KEY = "signals"


def signals_step(values: Mapping[str, Any]) -> Step:
    """The advisor's checklist of situations (knowledge/signals.yaml), without those whose field an earlier
    question already answered: ticking one sets its field; leaving it says nothing."""
    answered = {key for key, value in values.items() if value is not None}
    signals = [s for s in load_catalogue().signals if s.field not in answered]
    return Step(
        SIGNALS_KEY,
        "Herkent u een of meer van deze situaties in de samenwerking? Kies wat de casus laat zien; wat u niet kiest, "
        "blijft open.",
        "multiple",
        "signals",
        (SIGNALS_KEY,),
        options=tuple(s.id for s in signals),
        labels=tuple(s.label for s in signals),
        facts=tuple(sorted({fact_of(s.field) for s in signals})),
        help="Sommige situaties noemen de documenten als risico of kans, terwijl geen stelling ernaar vraagt. Wat "
        "u hier aanvinkt, weegt mee in het advies.",
    )


# Asked in the context block already: never again as a follow-up.
_CONTEXT_FIELDS = frozenset({"observations.funding.continuation_plan", "observations.network.core_group"})


def _case_steps(values: Mapping[str, Any]) -> Iterator[Step]:
    yield Step(
        "name",
        "Hoe heet de samenwerking? (deze naam komt boven de adviesbrief)",
        "text",
        "case",
        ("name",),
        required=True,
        help="De naam staat boven de adviesbrief en helpt de casus terug te vinden.",
    )
    yield Step(
        "description",
        "Beschrijf de samenwerking in een paar zinnen (optioneel):",
        "text",
        "case",
        ("description",),
        help="De beschrijving komt in de adviesbrief; zij verandert het advies zelf niet.",
    )
    yield Step(
        "context.domain",
        "Aan welk vraagstuk werken de partners? Bijvoorbeeld: de gezondheid in de wijk",
        "text",
        "context",
        ("context", "domain"),
        help="Het vraagstuk komt in de adviesbrief; het verandert het advies zelf niet.",
    )
    count_q = question_for("network.partner_count")
    yield Step(
        "partners",
        "Welke organisaties doen mee? Noem ze gescheiden door een puntkomma, elk met de soort tussen haakjes, "
        "bijvoorbeeld: Gemeente Oss (gemeente); GGD Hart voor Brabant (GGD). Doen er meer mee dan u noemt, "
        "voeg dan toe: in totaal 12",
        "partners",
        "partners",
        ("partners",),
        # The kinds a partner can be, with their words (the answer names them in brackets).
        options=_PARTNER_KINDS,
        labels=tuple(PARTNER_KIND_LABELS[kind] for kind in _PARTNER_KINDS),
        facts=("network.partner_count", "network.private_partner_count", "network.includes_huisartsen"),
        help=f"{count_q.help} Kent u de rollen van een partner, zet ze dan achter de soort, bijvoorbeeld: "
        "Gemeente Oss (gemeente: beslisser, financier).",
    )
    for fact in ("context.type", "context.phase"):
        question = question_for(fact)
        step = catalogue_step(question, "context", tuple(question.field.split(".")), question.field)
        # Always asked: much advice depends on the form and the phase, and an unknown phase silences it.
        yield replace(step, goal_driven=False)
    listed = values.get("partners")
    named = listed.get("partners", []) if isinstance(listed, dict) else []
    if values.get("context.type") == "pps" or any(p.get("kind") in PRIVATE_KINDS for p in named):
        # How many companies: the partner list names kinds, not numbers, and one line may stand for many of them
        # (fourteen shops around the schools); past ten the RIVM handreiking's project leader could no longer invest.
        private = question_for("network.private_partner_count")
        field = "observations.network.private_partner_count"
        yield replace(catalogue_step(private, "partners", tuple(field.split(".")), field), goal_driven=False)
    subsidy = question_for("funding.subsidy")
    yield Step(
        subsidy.field,
        "Draait de samenwerking op een subsidie of andere tijdelijke financiering? Zo ja: tot wanneer?",
        "subsidy",
        "funding",
        tuple(subsidy.field.split(".")),
        facts=("funding.subsidy", "funding.months_left"),
        help=f"{subsidy.help} {question_for('funding.months_left').help}",
    )
    given = values.get(subsidy.field)
    if isinstance(given, dict) and given.get("subsidy") is True:
        # A subsidy calls for a plan for after it, whatever the statements say (asked while it can matter).
        plan = question_for("funding.continuation_plan")
        yield catalogue_step(plan, "funding", tuple(plan.field.split(".")), plan.field)
    # A large collaboration: is there a core team? (asked only while it can change the advice)
    core = question_for("network.core_group")
    yield catalogue_step(core, "partners", tuple(core.field.split(".")), core.field)


__all__ = [
    "ADVISOR_FOLLOW_UPS",
    "PARTNER_FIELDS",
    "PARTNER_KIND_LABELS",
    "RESPONDENT_FOLLOW_UPS",
    "SCALE",
    "SCALE_LABELS",
    "SIGNALS_KEY",
    "AnswerKind",
    "Step",
    "catalogue_step",
    "follow_ups_open",
    "intake_steps",
    "observation_fields",
    "question_for",
    "questions_by_field",
    "signals_step",
    "statement_step",
]
