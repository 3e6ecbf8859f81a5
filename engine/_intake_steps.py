"""The steps of the intake: the question catalogue (``knowledge/questions.yaml``) turned into
:class:`Step` objects, in the order they are asked.

The case's name and description, the context, the partners (a loop of name,
kind and roles that ends on an empty name, then the count of partners not
named), then the observation sections in the order of
:class:`~samenwerkwijzer._case.Observations` (:func:`intake_steps`); a
respondent is asked the observations only. The steps that ask a question of
the catalogue are goal-driven: the intake skips them when the answer can no
longer change the advice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, get_args

from ._case import ALL_ROLES, PRIVATE_KINDS, Observations, PartnerKind
from ._catalogue import Question, load_catalogue

AnswerKind = Literal["text", "boolean", "integer", "choice", "multiple"]

# Facts the partner loop settles once it ends (the rest follow from the counts).
LOOP_FACTS = ("network.missing_roles", "network.includes_huisartsen")
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
        assert isinstance(model, type)
        for name in getattr(model, "model_fields", {}):
            path = f"observations.{section}.{name}"
            if path in by_field and path not in PARTNER_FIELDS:
                out.append((section, name))
    return out


def intake_steps(
    values: Mapping[str, Any],
    partners: Callable[[], Sequence[Mapping[str, Any]]],
    settled: set[str],
    *,
    respondent: bool,
) -> Iterator[Step]:
    """Every question in order, for the advisor or (``respondent``) a respondent.

    The partner loop depends on the answers so far, read as the steps are
    taken: ``values`` holds the answers by step key and ``partners()`` gives
    the partners entered. When every partner is listed, their kinds give the
    count of private partners, which is then added to ``settled``.
    """
    if not respondent:
        yield from _case_steps(values, partners, settled)
    by_field = questions_by_field()
    for section, name in observation_fields():
        question = by_field[f"observations.{section}.{name}"]
        yield catalogue_step(question, section, ("observations", section, name), question.field)
    if not respondent:
        yield from _letter_steps()


def _letter_steps() -> Iterator[Step]:
    """Who signs the letter, for which organisation, to whom, and its date: asked last, each optional."""
    why = "Dit komt in de adviesbrief; het verandert het advies zelf niet."
    yield Step("advisor", "Wie ondertekent de adviesbrief? (uw naam)", "text", "letter", ("advisor",), help=why)
    yield Step(
        "advisor_organisation",
        "Namens welke organisatie schrijft u de brief?",
        "text",
        "letter",
        ("advisor_organisation",),
        help=why,
    )
    yield Step(
        "addressee",
        "Aan wie is de brief gericht? (bijvoorbeeld: de stuurgroep)",
        "text",
        "letter",
        ("addressee",),
        help=why,
    )
    yield Step(
        "letter_date",
        "Welke datum krijgt de brief? (een datum als 2027-03-01; leeg = de datum van de beoordeling)",
        "text",
        "letter",
        ("letter_date",),
        is_date=True,
        help=why,
    )


def _case_steps(
    values: Mapping[str, Any], partners: Callable[[], Sequence[Mapping[str, Any]]], settled: set[str]
) -> Iterator[Step]:
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
        "Op welk terrein werken de partners samen? (bijvoorbeeld: gezondheid in de wijk)",
        "text",
        "context",
        ("context", "domain"),
        help="Het terrein komt in de adviesbrief; het verandert het advies zelf niet.",
    )
    for fact in ("context.type", "context.phase"):
        question = question_for(fact)
        step = catalogue_step(question, "context", tuple(question.field.split(".")), question.field)
        # Always asked: much advice depends on the form and the phase, and an unknown phase silences it.
        yield replace(step, goal_driven=False)
    yield from _partner_steps(values, partners, settled)


def _partner_steps(
    values: Mapping[str, Any], partners: Callable[[], Sequence[Mapping[str, Any]]], settled: set[str]
) -> Iterator[Step]:
    count_q = question_for("network.partner_count")
    private_q = question_for("network.private_partner_count")
    roles_q = question_for("network.missing_roles")
    huisarts_q = question_for("network.includes_huisartsen")
    index = 0
    while True:
        intro = f"{count_q.question}\nNoem de partners één voor één. " if index == 0 else ""
        key = f"partners[{index}].name"
        yield Step(
            key,
            f"{intro}Naam van partner {index + 1} (leeg = geen partners meer):",
            "text",
            "partners",
            ("partners", index, "name"),
            facts=("network.partner_count",),
            help=count_q.help,
            ends_loop=True,
        )
        name = values.get(key)
        if name is None:
            break
        yield Step(
            f"partners[{index}].kind",
            f"Wat voor organisatie is {name}?",
            "choice",
            "partners",
            ("partners", index, "kind"),
            options=_PARTNER_KINDS,
            labels=tuple(PARTNER_KIND_LABELS[kind] for kind in _PARTNER_KINDS),
            required=True,
            facts=("network.private_partner_count", "network.includes_huisartsen"),
            help=f"{private_q.help} {huisarts_q.help}",
        )
        yield Step(
            f"partners[{index}].roles",
            f"Welke rol(len) heeft {name} in de samenwerking?",
            "multiple",
            "partners",
            ("partners", index, "roles"),
            options=ALL_ROLES,
            facts=("network.missing_roles",),
            help=roles_q.help,
        )
        index += 1
    listed = partners()
    if listed:
        question = (
            f"Doen er meer organisaties mee dan de {len(listed)} die u noemde? "
            "Zo ja: hoeveel partners zijn er in totaal? (leeg = nee)"
        )
    else:
        question = "Hoeveel organisaties doen er in totaal mee?"
    yield Step(
        "observations.network.partner_count",
        question,
        "integer",
        "partners",
        ("observations", "network", "partner_count"),
        minimum=max(1, len(listed)),
        facts=("network.partner_count",),
        help=count_q.help,
        goal_driven=True,
    )
    total = values.get("observations.network.partner_count")
    if not (isinstance(total, int) and total > len(listed)):
        # Every partner is listed: their kinds give the count of private partners.
        settled.add("network.private_partner_count")
    else:
        listed_private = sum(p.get("kind") in PRIVATE_KINDS for p in listed)
        yield Step(
            "observations.network.private_partner_count",
            f"{private_q.question} (van alle {total}, ook de partners die u niet noemde)",
            "integer",
            "partners",
            ("observations", "network", "private_partner_count"),
            minimum=listed_private,
            maximum=total,
            facts=("network.private_partner_count",),
            help=private_q.help,
            goal_driven=True,
        )
