"""The expert panel: cases with what an expert who read the five documents expects in the
advice, and the score of a rule book on them (an authoring tool, like ``kb check``).

A panel is a folder of pairs: ``NAME.yaml`` is an ordinary case file (it diagnoses as
any other) and ``NAME.expect.yaml`` beside it holds the expert's expectations. They
are kept apart because the case model forbids unknown fields, so the case file stays
loadable by every command. An expectations file reads::

    written_before_running: true   # the expectations came from the documents, not the engine
    must:                          # themes the top of the advice should carry
    - theme: de-escaleren
      ids: [I-DE-ESCALEREN]        # any of these counts
      first: true                  # the documents say this comes first (place one)
      why: "004, conflictthermometer: ..."
    must_not:                      # themes an expert would never advise here
    - theme: meer partijen erbij
      ids: [I-NETWERK-VERBREDEN]
      within: 5                    # optional: only a hit in the top five counts (default: anywhere)
      why: "..."

A MUST theme is found when one of its ids ranks within the top (five by default); a
MUST-NOT theme is hit when one of its ids is advised (within its ``within`` places, if
given). Retired intervention ids count as the intervention they went into, through
``knowledge/retired.yaml`` (``interventions: {OLD: SURVIVOR}``) when it exists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..intake._answer_files import answer_intake, answer_respondents
from ..model._case import Case
from ..model._catalogue import FAST_LOADER, load_catalogue
from ..model._errors import InputError, KnowledgeBaseError
from ..model._loading import case_from_data, load_case
from ..model._messages import pydantic_message
from ..model._source_text import KNOWLEDGE_PACKAGE
from ..reasoning._diagnose import diagnose
from ..reasoning._rule_book import RuleBook

PANEL_TOP = 5
"""The places of the advice a MUST theme has to reach: the letter's body."""

PANEL_DATE = date(2026, 1, 1)
"""The reference date panel cases are diagnosed on, so subsidy months do not move with the calendar."""

EXPECT_SUFFIX = ".expect.yaml"
ANSWERS_SUFFIX = ".answers.yaml"

# Acceptance 1 of issue 11: what an expert-grade rule book scores on the panel.
MIN_RECALL = 0.90
MAX_MUST_NOT_HITS = 0


class _M(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class MustTheme(_M):
    """A theme the top of the advice should carry: any one of ``ids``."""

    theme: str = Field(min_length=1)
    ids: list[str] = Field(min_length=1)
    first: bool = Field(default=False, description="The documents say this comes first: it must be at place one.")
    why: str = Field(min_length=1, description="The passage or reasoning of the documents it rests on.")


class MustNotTheme(_M):
    """A theme an expert would never advise in this case."""

    theme: str = Field(min_length=1)
    ids: list[str] = Field(min_length=1)
    within: int | None = Field(default=None, ge=1, description="Only a hit in the top `within` counts; default all.")
    why: str = Field(min_length=1)


class Expectation(_M):
    """An expert's expectations for one panel case (``NAME.expect.yaml``)."""

    written_before_running: Literal[True] = Field(
        description="The expectations were written from the documents before the engine ran on the case."
    )
    must: list[MustTheme] = Field(min_length=1)
    must_not: list[MustNotTheme] = []

    def named_ids(self) -> set[str]:
        """Every intervention id the expectations name."""
        return {i for theme in self.must for i in theme.ids} | {i for theme in self.must_not for i in theme.ids}


class ThemeScore(_M):
    theme: str
    ids: list[str]
    first: bool
    place: int | None = Field(description="Best place of any acceptable id in the advice; None when not advised.")
    id: str | None = Field(description="The id at that place.")
    found: bool = Field(description="At a place within the panel's top.")


class MustNotHit(_M):
    theme: str
    id: str
    place: int


class CaseScore(_M):
    case: str = Field(description="The case file's name without .yaml.")
    name: str
    group: str = Field(default="", description="The panel's sub-folder the case is in ('' at the top).")
    entered: Literal["intake", "facts"] = Field(default="facts", description="Through the intake, or as facts.")
    top: list[str] = Field(description="The ids in the top of the advice, in order.")
    must: list[ThemeScore]
    must_not_hits: list[MustNotHit]

    @property
    def found(self) -> int:
        return sum(t.found for t in self.must)

    @property
    def firsts(self) -> list[ThemeScore]:
        return [t for t in self.must if t.first]


class PanelScore(_M):
    """The score of a rule book on a panel: totals and one entry per case, in file-name order."""

    top: int
    cases: list[CaseScore]
    must_total: int
    must_found: int
    recall: float = Field(description="MUST themes found in the top, over all MUST themes.")
    must_not_hits: int
    firsts: int
    firsts_at_one: int
    groups: dict[str, float] = Field(default={}, description="MUST recall per sub-folder ('' for the top folder).")

    @property
    def passes(self) -> bool:
        """Acceptance 1 of issue 11: recall, no MUST-NOT and every first theme at place one."""
        return (
            self.recall >= MIN_RECALL and self.must_not_hits <= MAX_MUST_NOT_HITS and self.firsts_at_one == self.firsts
        )


class PanelCase(_M):
    case: str
    path: str = Field(description="The answers file when there is one (entered through the intake), else the case.")
    expectation: Expectation
    group: str = ""

    @property
    def entered(self) -> Literal["intake", "facts"]:
        return "intake" if self.path.endswith(ANSWERS_SUFFIX) else "facts"


def panel_folder(checkout: Path | None = None) -> Path | None:
    """``tests/panel/`` of ``checkout`` (the current directory by default), or ``None`` where there is
    none: the panel is test data of a source checkout, not installed, so it is looked for where the
    user works, never beside the installed code."""
    folder = (checkout if checkout is not None else Path.cwd()) / "tests" / "panel"
    return folder.resolve() if folder.is_dir() else None


def retired_interventions(path: Traversable | None = None) -> dict[str, str]:
    """``knowledge/retired.yaml``'s ``interventions`` (retired id -> the id it went into), chains
    followed; empty when the file does not exist. ``path`` reads another file (for tests)."""
    if path is None:
        path = resources.files(KNOWLEDGE_PACKAGE) / "retired.yaml"
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER) or {}  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"kan {path} niet lezen ({type(exc).__name__})") from exc
    mapping = data.get("interventions") or {} if isinstance(data, dict) else {}
    if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
        raise KnowledgeBaseError(f"{path}: interventions koppelt elke vervallen id aan de id die hem vervangt")
    return {old: _survivor(old, mapping) for old in mapping}


def _survivor(old: str, mapping: Mapping[str, str]) -> str:
    seen = {old}
    current = mapping[old]
    while current in mapping:
        if current in seen:
            raise KnowledgeBaseError(f"knowledge/retired.yaml: {old} vervalt in een kring")
        seen.add(current)
        current = mapping[current]
    return current


def load_expectation(path: Path) -> Expectation:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)  # noqa: S506 (safe loader)
        return Expectation.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: kan de verwachtingen niet lezen ({type(exc).__name__})") from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'bovenaan'}: {pydantic_message(e)}" for e in exc.errors()
        )
        raise InputError(f"{path}: ongeldige verwachtingen: {problems}") from exc


def load_panel(folder: Path) -> list[PanelCase]:
    """Every case of ``folder`` and of its sub-folders (a group each, e.g. ``real/``) with its
    expectations, in file-name order. A case is ``NAME.answers.yaml`` (an intake answers file, entered
    through the intake) or, without one, ``NAME.yaml`` (facts). Refuses a case without expectations
    (or the other way round) and an expectation naming an id that is neither an intervention nor a
    retired one."""
    if not folder.is_dir():
        raise InputError(f"{folder}: is geen map")
    out = _load_group(folder, "")
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if any(sub.glob(f"*{EXPECT_SUFFIX}")):
            out += _load_group(sub, sub.name)
    if not out:
        raise InputError(
            f"{folder}: geen casussen van het panel (NAAM.yaml of NAAM{ANSWERS_SUFFIX} met NAAM{EXPECT_SUFFIX})"
        )
    return out


def _load_group(folder: Path, group: str) -> list[PanelCase]:
    expects = {p.name.removesuffix(EXPECT_SUFFIX) for p in folder.glob(f"*{EXPECT_SUFFIX}")}
    answers = {p.name.removesuffix(ANSWERS_SUFFIX) for p in folder.glob(f"*{ANSWERS_SUFFIX}")}
    facts = {p.stem for p in folder.glob("*.yaml") if not p.name.endswith((EXPECT_SUFFIX, ANSWERS_SUFFIX))}
    cases = answers | facts
    lonely = sorted(cases ^ expects)
    if lonely:
        raise InputError(f"{folder}: een casus en zijn {EXPECT_SUFFIX} horen bij elkaar; alleen: {', '.join(lonely)}")
    known = {i.id for i in load_catalogue().interventions} | set(retired_interventions())
    out: list[PanelCase] = []
    for name in sorted(cases):
        expect_path = folder / f"{name}{EXPECT_SUFFIX}"
        expectation = load_expectation(expect_path)
        unknown = sorted(expectation.named_ids() - known)
        if unknown:
            raise InputError(f"{expect_path}: onbekende interventies: {', '.join(unknown)}")
        path = folder / (f"{name}{ANSWERS_SUFFIX}" if name in answers else f"{name}.yaml")
        out.append(PanelCase(case=name, path=str(path), expectation=expectation, group=group))
    return out


def load_panel_case(item: PanelCase, today: date = PANEL_DATE) -> Case:
    """The case of a panel item: its answers typed through the intake, or its case file."""
    if item.entered == "facts":
        return load_case(Path(item.path))
    try:
        data = yaml.load(Path(item.path).read_text(encoding="utf-8"), Loader=FAST_LOADER)  # noqa: S506
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{item.path}: kan de antwoorden niet lezen: {exc}") from exc
    intake, _ = answer_intake(data or {}, today=today)
    case = intake.case()
    if case is None:
        raise InputError(f"{item.path}: de antwoorden geven geen casus (er is een naam nodig)")
    if (data or {}).get("respondents"):
        # Each respondent enters their own answers through a respondent's intake, as `intake --respondent` does.
        return case_from_data(answer_respondents(data, intake.case_data() or {}, today=today), source="intake")
    return case


def score_ranking(
    case: str,
    name: str,
    ranked: Sequence[str],
    expectation: Expectation,
    *,
    top: int = PANEL_TOP,
    retired: Mapping[str, str] | None = None,
) -> CaseScore:
    """Score one ranked list of intervention ids (place one first) against an expectation."""
    survivor = dict(retired or {})
    places: dict[str, int] = {}
    for position, intervention in enumerate(ranked, start=1):
        places.setdefault(intervention, position)

    def best(ids: Sequence[str]) -> tuple[int, str] | None:
        hits = sorted((places[i], i) for i in {survivor.get(i, i) for i in ids} if i in places)
        return hits[0] if hits else None

    must: list[ThemeScore] = []
    for theme in expectation.must:
        hit = best(theme.ids)
        must.append(
            ThemeScore(
                theme=theme.theme,
                ids=theme.ids,
                first=theme.first,
                place=hit[0] if hit else None,
                id=hit[1] if hit else None,
                found=hit is not None and hit[0] <= top,
            )
        )
    hits: list[MustNotHit] = []
    for forbidden in expectation.must_not:
        for intervention in sorted({survivor.get(i, i) for i in forbidden.ids}):
            place = places.get(intervention)
            if place is not None and (forbidden.within is None or place <= forbidden.within):
                hits.append(MustNotHit(theme=forbidden.theme, id=intervention, place=place))
    return CaseScore(case=case, name=name, top=list(ranked[:top]), must=must, must_not_hits=hits)


def summarise(cases: Sequence[CaseScore], *, top: int = PANEL_TOP) -> PanelScore:
    total = sum(len(c.must) for c in cases)
    found = sum(c.found for c in cases)
    firsts = [t for c in cases for t in c.firsts]
    groups: dict[str, float] = {}
    for group in sorted({c.group for c in cases}):
        mine = [c for c in cases if c.group == group]
        themes = sum(len(c.must) for c in mine)
        groups[group] = sum(c.found for c in mine) / themes if themes else 1.0
    return PanelScore(
        groups=groups,
        top=top,
        cases=list(cases),
        must_total=total,
        must_found=found,
        recall=found / total if total else 1.0,
        must_not_hits=sum(len(c.must_not_hits) for c in cases),
        firsts=len(firsts),
        firsts_at_one=sum(t.place == 1 for t in firsts),
    )


def score_panel(
    folder: Path | None = None,
    *,
    top: int = PANEL_TOP,
    today: date = PANEL_DATE,
    rule_book: RuleBook | None = None,
) -> PanelScore:
    """Diagnose every case of the panel ``folder`` (default: the checkout's ``tests/panel``)
    and score the advice against the expert's expectations."""
    if top < 1:
        raise InputError(f"top is ten minste 1, niet {top}")
    where = folder if folder is not None else panel_folder()
    if where is None:
        raise InputError(
            "geen map van het panel gegeven, en deze installatie heeft geen tests/panel (dat heeft alleen een checkout)"
        )
    retired = retired_interventions()
    scores: list[CaseScore] = []
    for item in load_panel(where):
        case = load_panel_case(item, today)
        advice = diagnose(case, today=today, rule_book=rule_book)
        ranked = [i.id for i in advice.interventions]
        score = score_ranking(item.case, case.name, ranked, item.expectation, top=top, retired=retired)
        scores.append(score.model_copy(update={"group": item.group, "entered": item.entered}))
    return summarise(scores, top=top)


__all__ = [
    "EXPECT_SUFFIX",
    "MAX_MUST_NOT_HITS",
    "MIN_RECALL",
    "PANEL_DATE",
    "PANEL_TOP",
    "CaseScore",
    "Expectation",
    "MustNotHit",
    "MustNotTheme",
    "MustTheme",
    "PanelCase",
    "PanelScore",
    "ThemeScore",
    "load_expectation",
    "load_panel",
    "panel_folder",
    "retired_interventions",
    "score_panel",
    "score_ranking",
    "summarise",
]
