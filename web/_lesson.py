"""The classroom page (``/les``): a trainer picks a story, switches one fact, and the class sees the findings,
the profile and the top interventions change, before → after, with the one reason why; steps through the
reasoning in the story's order; and sees the reasoning graph of one intervention.

Everything is computed by the public library API (``case_inputs``, ``with_answers``, ``diagnose``,
``summarise``, ``story``, ``reasoning_graph``); this module reads the page's form and picks templates. The
page's form sends every switch each time (GET: nothing is stored), so the same address always shows the same
state and the page works without JavaScript; htmx swaps the parts in place.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from markupsafe import Markup
from sqlalchemy import select
from starlette.datastructures import QueryParams

from samenwerkwijzer import DEFAULT_TOP, Advice, Case, CaseError, InputError, case_from_data, diagnose, load_case
from samenwerkwijzer.trainer import (
    CaseInput,
    InputGroup,
    ReasoningGraph,
    case_inputs,
    dot_to_svg,
    number_word,
    reasoning_graph,
    story,
    summarise,
    to_dot,
    with_answers,
)

from ._auth import Advisor
from ._cases import case_data
from ._context import TEMPLATES, advice_for, app_state, page
from ._models import Collaboration, Measurement
from ._owned import MAX_ID, owned_measurement

router = APIRouter()

#: Where the stories and examples are read: the folder ``serve --lessons`` names, else ``examples/`` of the
#: directory the server starts in (a source checkout); never derived from where the code is installed. Without
#: it only saved collaborations show.
_FOLDER = [Path("examples")]


def use_lessons(folder: Path | None) -> None:
    """Read the gallery from ``folder`` (``None``: ``examples/`` of the current directory)."""
    chosen = (folder if folder is not None else Path.cwd() / "examples").resolve()
    if chosen != _FOLDER[0]:
        _FOLDER[0] = chosen
        stories.cache_clear()


def lessons_folder() -> Path:
    return _FOLDER[0]


FORM_MARK = "formulier"  # present when the page's form was sent: its state is then in the query


@dataclass(frozen=True)
class Story:
    key: str
    title: str
    description: str
    path: Path


@functools.cache
def stories() -> tuple[Story, ...]:
    """The fifteen stories (``examples/verhalen/``), then the examples (``examples/``)."""
    found = []
    examples = lessons_folder()
    for kind, folder in (("verhaal", examples / "verhalen"), ("voorbeeld", examples)):
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            try:
                case = load_case(path)
            except InputError:
                continue  # a broken file is no story; `samenwerkwijzer diagnose` says why
            found.append(Story(f"{kind}-{path.stem}", case.name, case.description or "", path))
    return tuple(found)


def gallery() -> tuple[Story, ...]:
    """The stories as the gallery lists them: each collaboration once (an example that tells the same case as a
    story, under the same name, is left out; its address still opens it)."""
    seen: set[str] = set()
    out = []
    for s in stories():
        if s.title.casefold() not in seen:
            seen.add(s.title.casefold())
            out.append(s)
    return tuple(out)


# Facts that are counts of something: how their number reads (the classroom shows "over acht maanden", not "8").
UNITS = {"funding.months_left": ("deze maand", "over één maand", "over {n} maanden")}


def with_unit(path: str, value: Any) -> str:
    """A number with its unit, in words up to twenty ("over acht maanden"); any other value as given."""
    forms = UNITS.get(path.removeprefix("observations."))
    text = str(value).strip()
    if forms is None or not text.isdigit():
        return _value_text(value)
    n = int(text)
    return forms[min(n, 2)].format(n=number_word(n))


def unit_of(path: str) -> str | None:
    """The unit beside a number field ("maanden"), or None."""
    return "maanden" if path.removeprefix("observations.") in UNITS else None


TEMPLATES.env.globals["with_unit"] = with_unit
TEMPLATES.env.globals["unit_of"] = unit_of


@functools.cache
def _story_case(key: str) -> tuple[Case, Advice]:
    # A story's file does not change while the server runs; its advice is the "before" of every switch.
    story_ = next(s for s in stories() if s.key == key)
    case = load_case(story_.path)
    return case, diagnose(case)


def _original(request: Request, key: str, user: int) -> tuple[Case, Advice]:
    if any(s.key == key for s in stories()):
        return _story_case(key)
    found = re.fullmatch(r"meting-(\d{1,10})", key)
    if found is None or int(found.group(1)) > MAX_ID:
        raise HTTPException(404, "Dit verhaal bestaat niet.")
    with app_state(request).db.reading() as s:
        data = case_data(owned_measurement(s, int(found.group(1)), user), app_state(request).min_respondents)
    try:
        case = case_from_data(data, source="webapplicatie")
    except CaseError as exc:
        raise HTTPException(422, "Deze meting is nog niet volledig genoeg om te laten zien.") from exc
    return case, advice_for(request, case, user)


def _read(item: CaseInput, query: QueryParams) -> Any:
    """The value a switch or select sent, in the case file's terms; a field not sent keeps the case's value
    (the page's form sends every field, a box list with an empty marker, so that none ticked is "none")."""
    q = item.question
    if q.field not in query:
        return item.value
    if q.answer == "multiple":
        allowed = {o.value for o in q.options}
        return [v for v in query.getlist(q.field) if v in allowed]
    text = query.get(q.field, "")
    if text == "":
        return None
    if q.answer == "boolean":
        if text not in ("ja", "nee"):
            raise HTTPException(422, f"‘{q.label}’ is ja, nee of onbekend.")
        return text == "ja"
    if q.answer == "scale":
        if text not in {o.value for o in q.options}:
            raise HTTPException(422, f"‘{q.question}’ krijgt een score van 1 tot en met 5.")
        return int(text)
    if q.answer == "integer":
        if not text.isdigit() or int(text) < (q.minimum or 0) or len(text) > 9:
            raise HTTPException(422, f"‘{q.label}’ is een geheel getal.")
        return int(text)
    if text not in {o.value for o in q.options}:
        raise HTTPException(422, f"‘{q.label}’ heeft geen keuze ‘{text}’.")
    return text


def changed_answers(groups: list[InputGroup], query: QueryParams) -> dict[str, Any]:
    """The switches that differ from the case, as ``with_answers`` takes them."""
    out: dict[str, Any] = {}
    for group in groups:
        for item in group.inputs:
            value = _read(item, query)
            same = value == item.value or (value == [] and item.value is None)
            if not same:
                out[item.question.field] = value
    return out


@dataclass
class Lesson:
    key: str
    groups: list[InputGroup]
    answers: dict[str, Any]
    before: Advice
    after: Advice
    query: str  # the form's state, for links that keep it


def lesson(request: Request, user: int) -> Lesson:
    key = request.query_params.get("casus", "")
    case, before = _original(request, key, user)
    original_groups = case_inputs(case)
    answers = changed_answers(original_groups, request.query_params)
    if answers:
        try:
            # A class flips a switch and back: the cache answers the second time.
            after = advice_for(request, with_answers(case, answers), user)
        except CaseError as exc:
            raise HTTPException(422, "Deze combinatie van antwoorden kan niet in een casus.") from exc
    else:
        after = before
    kept = [
        (k, v) for k, v in request.query_params.multi_items() if k not in ("stap", "advies", "codes", "presentatie")
    ]
    if FORM_MARK not in request.query_params:
        kept = [("casus", key)]
    return Lesson(key, original_groups, answers, before, after, urlencode(kept))


def _value_text(value: Any) -> str:
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value) or "geen"
    return str(value).replace("_", " ")


def _outcome(les: Lesson) -> dict[str, Any]:
    summary = summarise(les.before, les.after, top=DEFAULT_TOP)
    before_status = {c.id: c.status for c in les.before.conditions}
    return {
        "summary": summary,
        "shown": [c for c in summary.changes if not c.minor],
        "minor": [c for c in summary.changes if c.minor],
        "before_status": before_status,
        "value_text": _value_text,
        "in_words": number_word,
    }


def _step(les: Lesson, query: QueryParams) -> dict[str, Any]:
    steps = story(les.after)
    text = query.get("stap", "1")
    number = min(max(int(text) if text.isdigit() and len(text) < 6 else 1, 1), len(steps))
    return {"step": steps[number - 1], "steps": steps}


def _graph(les: Lesson, query: QueryParams) -> dict[str, Any]:
    choices = [(i.id, f"{i.rank}. {i.title}") for i in les.after.interventions]
    choices += [(s.id, f"Niet geadviseerd: {s.title}") for s in les.after.suppressed]
    wanted = query.get("advies", "")
    focus = wanted if wanted in {c[0] for c in choices} else (choices[0][0] if choices else None)
    codes = query.get("codes") == "ja"
    svg = None
    if focus is not None:
        svg = readable_svg(dot_to_svg(to_dot(graph_with_units(reasoning_graph(les.after, focus, ids=codes)))))
    return {"choices": choices, "focus": focus, "codes": codes, "svg": svg}


def graph_with_units(graph: ReasoningGraph) -> ReasoningGraph:
    """The graph with every number of a fact with a unit said with it ("Antwoord: over zes maanden")."""
    nodes = []
    for node in graph.nodes:
        head, found, answer = node.label.rpartition("Antwoord: ")
        if node.kind == "fact" and found and node.code and node.code.removeprefix("observations.") in UNITS:
            node = node.model_copy(update={"label": f"{head}Antwoord: {with_unit(node.code, answer)}"})
        nodes.append(node)
    return graph.model_copy(update={"nodes": nodes})


_SVG_START = re.compile(r"^.*?(?=<svg)", re.S)
_TITLE = re.compile(r"<title>.*?</title>\s*", re.S)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')


def readable_svg(svg: str) -> Markup:
    """Graphviz's SVG for inline use: without the XML prologue, the node names (Graphviz puts them in
    ``<title>`` tooltips and comments) and the fixed size, so that it scales to the page's width. Graphviz
    escapes every label, so the text is safe to put in the page."""
    svg = _SVG_START.sub("", svg, count=1)
    svg = _COMMENT.sub("", _TITLE.sub("", svg))
    svg = _SIZE.sub('<svg role="img" aria-label="Redeneergrafiek" class="graaf"', svg, count=1)
    return Markup(svg)  # Graphviz output: labels escaped by Graphviz, names stripped above


def _saved(request: Request, user: int) -> list[tuple[str, str]]:
    with app_state(request).db.reading() as s:
        rows = s.execute(
            select(Measurement.id, Measurement.number, Collaboration.name)
            .join(Collaboration)
            .where(Collaboration.owner_id == user)
            .order_by(Collaboration.name, Measurement.number)
        ).all()
    return [(f"meting-{mid}", f"{name} (meting {number})") for mid, number, name in rows]


@router.get("/les")
def lesson_page(request: Request, user: Advisor) -> Response:
    presenting = request.query_params.get("presentatie") == "ja"
    if not request.query_params.get("casus"):
        return page(request, "les_galerij.html", stories=gallery(), saved=_saved(request, user), presenting=presenting)
    les = lesson(request, user)
    q = request.query_params
    return page(
        request, "les.html", les=les, presenting=presenting, form_mark=FORM_MARK,
        **_outcome(les), **_step(les, q), **_graph(les, q),
    )  # fmt: skip


@router.get("/les/uitkomst")
def lesson_outcome(request: Request, user: Advisor) -> Response:
    les = lesson(request, user)
    q = request.query_params
    return page(
        request, "les_wijziging.html", les=les, advies=q.get("advies", ""), codes=q.get("codes") == "ja",
        **_outcome(les), **_step(les, q),
    )  # fmt: skip


@router.get("/les/verhaal")
def lesson_story(request: Request, user: Advisor) -> Response:
    les = lesson(request, user)
    return page(request, "les_verhaal.html", les=les, **_step(les, request.query_params))


@router.get("/les/graaf")
def lesson_graph(request: Request, user: Advisor) -> Response:
    les = lesson(request, user)
    return page(request, "les_graaf.html", les=les, **_graph(les, request.query_params))


__all__ = [
    "lessons_folder",
    "use_lessons",
    "FORM_MARK",
    "Lesson",
    "Story",
    "changed_answers",
    "gallery",
    "lesson",
    "lesson_graph",
    "lesson_outcome",
    "lesson_page",
    "lesson_story",
    "readable_svg",
    "router",
    "stories",
    "with_unit",
]
