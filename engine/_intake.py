"""The intake: ask an advisor the questions of the catalogue, only while the answer can still matter.

A pure state machine, with no terminal and no files: the command line feeds it
the advisor's typed replies (:meth:`Intake.respond`) and writes what it returns
(:meth:`Intake.case_data`, :meth:`Intake.progress`).

Order: the case's name and description, the context, the partners (a loop of
name, kind and roles that ends on an empty name), then the observation
sections in the order of :class:`~samenwerkwijzer._case.Observations`.

Goal-driven: a question about a fact is asked only while some rule that reads
the fact could still fire, i.e. none of that rule's conditions is already
contradicted by a known answer. Conditions are evaluated three-valued: a fact
whose question is still to come (or that no intake question settles) could
still be anything; a derived fact or a finding could hold while some rule that
derives it could still fire. Findings and derived facts are computed as a least
fixed point, so cycles between rules cannot make anything look possible.

The progress (every answer or skip, in the order asked) is all that defines
the case written so far: replaying it on the same starting data yields the
same state, which is what makes resuming exact.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args

from ._case import ALL_ROLES, PRIVATE_KINDS, Case, Observations, PartnerKind
from ._catalogue import Question, load_catalogue
from ._errors import CaseError, InputError
from ._facts import case_facts
from ._loading import case_from_data
from ._relevance import consequences, could_matter, possible_rules, readers_by_fact, recommended_for, rule_variants

AnswerKind = Literal["text", "boolean", "integer", "choice", "multiple"]
ReplyKind = Literal["answered", "skipped", "back", "why", "invalid", "stop"]

PROGRESS_FORMAT = "samenwerkwijzer-intake"
PROGRESS_VERSION = 1

# What the advisor can type instead of an answer.
WHY_WORDS = frozenset({"?", "waarom"})
BACK_WORDS = frozenset({"terug"})
STOP_WORDS = frozenset({"stop"})
SKIP_WORDS = frozenset({"", "-"})
YES_WORDS = frozenset({"ja", "j"})
NO_WORDS = frozenset({"nee", "n"})

HINT = (
    "Typ ? of waarom om te zien waarom een vraag gesteld wordt, terug voor de vorige vraag, "
    "- of Enter om een vraag over te slaan en stop om later verder te gaan. "
    "Elk antwoord wordt meteen bewaard."
)

SECTION_TITLES: dict[str, str] = {
    "case": "De casus",
    "context": "De samenwerking",
    "partners": "De partners",
    "leadership": "Regie en leiderschap",
    "climate": "Klimaat",
    "network": "Het netwerk",
    "funding": "Financiering",
    "ambition": "Ambitie",
    "interests": "Belangen",
    "relation": "Relatie",
    "process": "Proces",
    "organising": "Organiseren",
    "knowledge_sharing": "Kennisdeling",
    "residents": "Inwoners",
    "organisation": "De eigen organisatie",
}

# The parts of a case the advisor's intake asks about (everything else in a case file is kept).
_ADVISOR_KEYS = frozenset({"name", "description", "context", "partners", "observations"})

# Facts the partner loop settles once it ends (the rest follow from the counts).
_LOOP_FACTS = ("network.missing_roles", "network.includes_huisartsen")
_PARTNER_FIELDS = frozenset({"observations.network.partner_count", "observations.network.private_partner_count"})
_PARTNER_KINDS: tuple[str, ...] = get_args(PartnerKind)
_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})$"),
)


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
    ends_loop: bool = False
    goal_driven: bool = False


@dataclass(frozen=True)
class Reply:
    """What became of a typed reply: recorded (``answered``, ``skipped``,
    ``back``), only to be shown (``why``, ``invalid``), or ``stop``."""

    kind: ReplyKind
    message: str = ""


class _Invalid(Exception):
    """An answer that does not fit the question (the message is Dutch)."""


# -- why-texts -----------------------------------------------------------------


def why_text(facts: Sequence[str], help: str = "", possible: Collection[str] | None = None) -> str:
    """Why a question about ``facts`` is asked, in Dutch: the catalogue's help
    text and the findings an answer can lead to (following derived facts),
    each with the interventions it leads to. Only rules in ``possible`` count,
    when given (and when that leaves anything to say)."""
    kb = load_catalogue()
    rules = rule_variants()
    lines = [f"Waarom deze vraag? {help}".rstrip()] if help else ["Waarom deze vraag?"]
    for allowed in (possible, None) if possible is not None else (None,):
        found, advised = consequences(facts, rules, allowed)
        if found or advised:
            break
    if not found and not advised:
        lines.append("Het antwoord verandert het advies niet; het staat wel in de casus.")
        return "\n".join(lines)
    if found:
        lines.append("Uw antwoord kan leiden tot deze bevindingen:")
        for finding_id in found:
            interventions = recommended_for(finding_id, rules)
            line = f"- {kb.finding[finding_id].title}"
            if interventions:
                line += " (advies: " + "; ".join(kb.intervention[i].title for i in interventions) + ")"
            lines.append(line)
    if advised:
        titles = "; ".join(kb.intervention[i].title for i in advised)
        lines.append(f"Het antwoord weegt ook mee in dit advies: {titles}")
    return "\n".join(lines)


# -- the questions ---------------------------------------------------------------


def _questions_by_field() -> dict[str, Question]:
    return {q.field: q for q in load_catalogue().questions if q.field != "partners"}


def _question_for(fact: str) -> Question:
    return next(q for q in load_catalogue().questions if q.fact == fact)


def _catalogue_step(question: Question, section: str, target: tuple[str | int, ...], key: str) -> Step:
    answer = question.answer
    labels: tuple[str, ...] = ()
    if question.fact == "climate.signs":
        sign_label = load_catalogue().sign_label
        labels = tuple(sign_label.get(option, "") for option in answer.options)
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
    by_field = _questions_by_field()
    out: list[tuple[str, str]] = []
    for section, info in Observations.model_fields.items():
        model = info.annotation
        assert isinstance(model, type)
        for name in getattr(model, "model_fields", {}):
            path = f"observations.{section}.{name}"
            if path in by_field and path not in _PARTNER_FIELDS:
                out.append((section, name))
    return out


def render_prompt(step: Step) -> str:
    """The question as the advisor sees it, with the answers it takes."""
    if step.kind == "boolean":
        return f"{step.question} (ja/nee)"
    if step.kind == "integer":
        low = step.minimum if step.minimum is not None else 0
        what = f"een getal, minimaal {low}"
        if step.maximum is not None:
            what = f"een getal van {low} tot en met {step.maximum}"
        if step.accepts_date:
            what = f"aantal maanden, minimaal {low}, of een datum als 2027-06-30"
        return f"{step.question} ({what})"
    if step.kind in ("choice", "multiple"):
        numbered = [
            f"{n}. {option}" + (f" – {label}" if label else "")
            for n, (option, label) in enumerate(
                zip(step.options, step.labels or ("",) * len(step.options), strict=True), 1
            )
        ]
        how = "nummer of naam" if step.kind == "choice" else "nummers of namen, gescheiden door komma's"
        if not step.labels:
            return f"{step.question} ({', '.join(numbered)}; {how})"
        return "\n".join([step.question, *("  " + line for line in numbered), f"({how})"])
    return step.question


# -- parsing answers -------------------------------------------------------------


def _parse(step: Step, text: str) -> Any:
    """The typed answer ``text`` as a value for the case (JSON-able)."""
    lowered = text.lower()
    if step.kind == "text":
        return text
    if step.kind == "boolean":
        if lowered in YES_WORDS:
            return True
        if lowered in NO_WORDS:
            return False
        raise _Invalid("Antwoord met ja of nee (of j/n).")
    if step.kind == "integer":
        return _parse_integer(step, lowered)
    if step.kind == "choice":
        return _option(step, lowered)
    tokens = [t for t in re.split(r"[,;\s]+", lowered) if t]
    values: list[str] = []
    for token in tokens:
        value = _option(step, token)
        if value not in values:
            values.append(value)
    return values


def _parse_integer(step: Step, text: str) -> Any:
    if step.accepts_date:
        for pattern in _DATE_FORMATS:
            match = pattern.match(text)
            if match:
                try:
                    return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
                except ValueError:
                    raise _Invalid(f"{text} is geen bestaande datum.") from None
    low = step.minimum if step.minimum is not None else 0
    try:
        number = int(text)
    except ValueError:
        if step.accepts_date:
            raise _Invalid(f"Geef een aantal maanden (minimaal {low}) of een datum als 2027-06-30.") from None
        raise _Invalid(f"Geef een geheel getal (minimaal {low}).") from None
    if number < low:
        raise _Invalid(f"Het getal moet minimaal {low} zijn.")
    if step.maximum is not None and number > step.maximum:
        raise _Invalid(f"Het getal mag hoogstens {step.maximum} zijn.")
    return number


def _option(step: Step, token: str) -> str:
    """An option by its number, its name, or an unambiguous beginning of it."""
    if token.isdigit():
        n = int(token)
        if 1 <= n <= len(step.options):
            return step.options[n - 1]
        raise _Invalid(f"Kies een nummer van 1 tot en met {len(step.options)}.")
    name = token.replace(" ", "_")
    if name in step.options:
        return name
    starts = [option for option in step.options if option.startswith(name)]
    if len(starts) == 1:
        return starts[0]
    if starts:
        raise _Invalid(f"‘{token}’ past bij meer dan één antwoord: {', '.join(starts)}.")
    names = ", ".join(step.options)
    raise _Invalid(f"‘{token}’ is geen van de mogelijke antwoorden; kies een nummer of een van: {names}.")


# -- the state machine -----------------------------------------------------------


class Intake:
    """The intake of one case, or of one respondent's answers to an existing case.

    ``base`` is the case data to start from (for a respondent: the existing
    case, as parsed from its file); ``answers`` the progress so far, as
    returned by :meth:`answers` (replayed in order). ``today`` counts subsidy
    months from an end date when the case has no assessment date.
    """

    def __init__(
        self,
        base: Mapping[str, Any] | None = None,
        *,
        respondent: str | None = None,
        answers: Iterable[tuple[str, Any]] = (),
        today: date | None = None,
    ) -> None:
        if respondent is not None and not respondent.strip():
            raise InputError("a respondent needs a name")
        self.respondent = respondent.strip() if respondent is not None else None
        self._base: dict[str, Any] = copy.deepcopy(dict(base or {}))
        self._respondent_index = -1
        if self.respondent is not None:
            case_from_data(self._base, source="case")  # the existing case must be valid
            respondents: list[Any] = list(self._base.get("respondents") or [])
            names = [r.get("name") if isinstance(r, dict) else None for r in respondents]
            entry: dict[str, Any] = {"name": self.respondent}
            if self.respondent in names:
                self._respondent_index = names.index(self.respondent)
                # Continue: keep who it is, replay the answers from the progress.
                entry |= {k: v for k, v in respondents[self._respondent_index].items() if k != "observations"}
                respondents[self._respondent_index] = entry
            else:
                self._respondent_index = len(respondents)
                respondents.append(entry)
            self._base["respondents"] = respondents
        self._today = today or date.today()
        self._kb = load_catalogue()
        self._all_rules = rule_variants()
        self._readers = readers_by_fact(self._all_rules)
        self._replay(list(answers))

    # -- public state --

    @property
    def current(self) -> Step | None:
        """The question to ask now; ``None`` when the intake is complete."""
        return self._current

    @property
    def done(self) -> bool:
        return self._current is None

    @property
    def answers(self) -> tuple[tuple[str, Any], ...]:
        """Every answer so far, in the order asked: (step key, value), ``None`` for a skip."""
        return tuple(self._log)

    @property
    def asked(self) -> tuple[str, ...]:
        """The keys of the questions answered or skipped, in order."""
        return tuple(key for key, _ in self._log)

    def case_data(self) -> dict[str, Any] | None:
        """The case as data (for YAML or JSON), ``None`` while it has no name
        yet. Only complete partners (name and kind) are included, so that
        every state of the intake is a valid case."""
        return _complete(self._data) if "name" in self._data else None

    def merged_into(self, current: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """The case data to write over ``current``, the case as its file holds it
        now (re-read just before writing, as others may have added to it since
        this intake began); ``None`` while the case has no name yet.

        A respondent's answers replace that respondent's entry in ``current``
        (found by name) or are added to its respondents; everything else in
        ``current`` stays as it is. The advisor's intake keeps from ``current``
        what it does not ask about (the respondents, say, who answered while it
        was paused)."""
        data = self.case_data()
        if data is None or current is None:
            return data
        out: dict[str, Any] = copy.deepcopy(dict(current))
        if self.respondent is None:
            kept = {key: value for key, value in out.items() if key not in _ADVISOR_KEYS and key not in data}
            return data | kept
        entry = data["respondents"][self._respondent_index]
        respondents: list[Any] = list(out.get("respondents") or [])
        names = [r.get("name") if isinstance(r, dict) else None for r in respondents]
        if self.respondent in names:
            respondents[names.index(self.respondent)] = entry
        else:
            respondents.append(entry)
        out["respondents"] = respondents
        return out

    def case(self) -> Case | None:
        data = self.case_data()
        return None if data is None else case_from_data(data, source="intake")

    def progress(self) -> dict[str, Any]:
        """The progress as JSON-able data, for :meth:`from_progress`."""
        return {
            "format": PROGRESS_FORMAT,
            "version": PROGRESS_VERSION,
            "respondent": self.respondent,
            "answers": [{"step": key, "value": value} for key, value in self._log],
        }

    @classmethod
    def from_progress(
        cls, progress: Any, base: Mapping[str, Any] | None = None, *, today: date | None = None
    ) -> Intake:
        """Continue an intake from :meth:`progress` data."""
        if (
            not isinstance(progress, dict)
            or progress.get("format") != PROGRESS_FORMAT
            or not isinstance(progress.get("answers"), list)
        ):
            raise InputError("this is not the progress of a samenwerkwijzer intake")
        if progress.get("version") != PROGRESS_VERSION:
            raise InputError(f"intake progress of version {progress.get('version')!r} cannot be continued")
        respondent = progress.get("respondent")
        answers: list[tuple[str, Any]] = []
        for item in progress["answers"]:
            if not isinstance(item, dict) or not isinstance(item.get("step"), str):
                raise InputError("the intake progress is damaged (an answer without its question)")
            answers.append((item["step"], item.get("value")))
        return cls(base, respondent=respondent if isinstance(respondent, str) else None, answers=answers, today=today)

    # -- replies --

    def respond(self, text: str) -> Reply:
        """Handle one typed reply to the current question."""
        step = self._current
        if step is None:
            return Reply("invalid", "De intake is al klaar.")
        text = text.strip()
        word = text.lower()
        if word in WHY_WORDS:
            return Reply("why", self.why())
        if word in BACK_WORDS:
            if not self._log:
                return Reply("invalid", "Dit is de eerste vraag; er is niets om naar terug te gaan.")
            self.back()
            return Reply("back", "Terug naar de vorige vraag; het antwoord daarop is gewist.")
        if word in STOP_WORDS:
            return Reply("stop")
        # "nee" to "are there more?" (an optional number) means: nothing to add.
        if word in SKIP_WORDS or (step.kind == "integer" and "(leeg = nee)" in step.question and word in NO_WORDS):
            if step.required:
                return Reply("invalid", _required_message(step))
            self._record(step, None)
            return Reply("skipped")
        try:
            value = _parse(step, text)
            self._check(step, value)
        except _Invalid as exc:
            return Reply("invalid", str(exc))
        if value == [] and not step.required:
            self._record(step, None)
            return Reply("skipped")
        self._record(step, value)
        return Reply("answered")

    def back(self) -> None:
        """Undo the last answer: its question is asked again."""
        if self._log:
            self._replay(self._log[:-1])

    def why(self, step: Step | None = None) -> str:
        """Why ``step`` (default: the current question) is asked, in Dutch."""
        step = step or self._current
        if step is None:
            return ""
        if not step.facts:
            return f"Waarom deze vraag? {step.help}"
        possible = possible_rules(self._all_rules, self._facts(), self._settled, self._kb.threshold)
        return why_text(step.facts, step.help, possible)

    # -- internals --

    def _replay(self, log: Sequence[tuple[str, Any]]) -> None:
        self._data: dict[str, Any] = copy.deepcopy(self._base)
        self._log: list[tuple[str, Any]] = []
        self._values: dict[str, Any] = {}
        self._settled: set[str] = set(self._initially_settled())
        self._facts_cache: dict[str, Any] | None = None
        self._steps: Iterator[Step] = self._sequence()
        self._current: Step | None = None
        self._advance()
        for key, value in log:
            step = self._current
            if step is None or step.key != key:
                raise InputError(
                    f"the intake progress does not match the questions (expected {step.key if step else 'no more'}, "
                    f"found {key}); the knowledge base may have changed since"
                )
            try:
                if value is None and step.required:
                    raise _Invalid("this question must be answered")
                if value is not None:
                    self._check(step, value)
            except _Invalid as exc:
                raise InputError(f"the intake progress holds an answer that no longer fits {key}: {exc}") from None
            self._record(step, value)

    def _record(self, step: Step, value: Any) -> None:
        self._log.append((step.key, value))
        self._values[step.key] = value
        if value is not None:
            self._data = _applied(self._data, self._target(step, value), value)
            self._facts_cache = None
        self._pass(step, value)
        self._advance()

    def _pass(self, step: Step, value: Any) -> None:
        self._settled.update(step.facts if step.goal_driven else ())
        if step.ends_loop and value is None:
            self._settled.update(_LOOP_FACTS)

    def _advance(self) -> None:
        """Move to the next question that can still change the advice."""
        for step in self._steps:
            if not step.goal_driven or self._relevant(step):
                self._current = step
                return
            self._pass(step, None)
        self._current = None

    def _relevant(self, step: Step) -> bool:
        """Whether a rule that reads the step's facts could still fire."""
        return could_matter(
            step.facts, self._readers, self._all_rules, self._facts(), self._settled, self._kb.threshold
        )

    def _facts(self) -> dict[str, Any]:
        if self._facts_cache is None:
            case = case_from_data({"name": "-"} | _complete(self._data), source="intake")
            if self.respondent is not None:
                case = case.model_copy(update={"observations": case.respondents[self._respondent_index].observations})
            self._facts_cache = case_facts(case, case.assessed_on or self._today)
        return self._facts_cache

    def _initially_settled(self) -> set[str]:
        """A respondent answers only observations: the rest of the case is given."""
        if self.respondent is None:
            return set()
        by_field = _questions_by_field()
        asked = {by_field[f"observations.{section}.{name}"].fact for section, name in observation_fields()}
        return {q.fact for q in self._kb.questions} - asked

    def _target(self, step: Step, value: Any) -> tuple[str | int, ...]:
        target = step.target
        if step.accepts_date and isinstance(value, str):
            target = (*target[:-1], "end_date")
        if self.respondent is not None and target[0] == "observations":
            target = ("respondents", self._respondent_index, *target)
        return target

    def _check(self, step: Step, value: Any) -> None:
        """Checks beyond the answer type, with a Dutch explanation."""
        if step.ends_loop and any(p.get("name") == value for p in self._data.get("partners", [])):
            raise _Invalid(f"Er is al een partner die {value} heet; geef elke partner een eigen naam.")
        trial = _applied(self._data, self._target(step, value), value)
        if "name" not in trial:
            return
        try:
            case_from_data(_complete(trial), source="intake")
        except CaseError as exc:
            problems = "; ".join(p.message for p in exc.problems)
            raise _Invalid(f"Dat antwoord past niet bij de rest van de casus: {problems}") from None

    def _sequence(self) -> Iterator[Step]:
        """Every question in order; the partner loop depends on the answers so far."""
        if self.respondent is None:
            yield from self._case_steps()
        for section, name in observation_fields():
            question = _questions_by_field()[f"observations.{section}.{name}"]
            yield _catalogue_step(question, section, ("observations", section, name), question.field)

    def _case_steps(self) -> Iterator[Step]:
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
            question = _question_for(fact)
            yield _catalogue_step(question, "context", tuple(question.field.split(".")), question.field)
        yield from self._partner_steps()

    def _partner_steps(self) -> Iterator[Step]:
        count_q = _question_for("network.partner_count")
        private_q = _question_for("network.private_partner_count")
        roles_q = _question_for("network.missing_roles")
        huisarts_q = _question_for("network.includes_huisartsen")
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
            name = self._values.get(key)
            if name is None:
                break
            yield Step(
                f"partners[{index}].kind",
                f"Wat voor organisatie is {name}?",
                "choice",
                "partners",
                ("partners", index, "kind"),
                options=_PARTNER_KINDS,
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
        listed = self._data.get("partners", [])
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
        total = self._values.get("observations.network.partner_count")
        if not (isinstance(total, int) and total > len(listed)):
            # Every partner is listed: their kinds give the count of private partners.
            self._settled.add("network.private_partner_count")
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


def _required_message(step: Step) -> str:
    if step.kind == "choice":
        return "Deze vraag is verplicht; kies een van de antwoorden (bijvoorbeeld ‘overig’ als niets past)."
    return "Deze vraag is verplicht."


def _applied(data: Mapping[str, Any], target: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A copy of the case data with ``value`` at ``target``, creating what is
    missing; only the containers on the way are copied."""
    part, rest = target[0], target[1:]
    assert isinstance(part, str)
    out = dict(data)
    if not rest:
        out[part] = date.fromisoformat(value) if part == "end_date" and isinstance(value, str) else value
        return out
    child = out.get(part)
    if isinstance(rest[0], int):
        items = list(child) if isinstance(child, list) else []
        index = rest[0]
        while len(items) <= index:
            items.append({})
        items[index] = _applied(items[index], rest[1:], value) if rest[1:] else value
        out[part] = items
    else:
        out[part] = _applied(child if isinstance(child, dict) else {}, rest, value)
    return out


def _complete(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` without partners that are still being entered (no kind yet)
    and without empty sections: always a valid case once it has a name."""
    out = dict(data)
    if "partners" in out:
        out["partners"] = [p for p in out["partners"] if "kind" in p]
    return _prune(out)


def _prune(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty sections (left by questions nobody answered)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _prune(value)
            if not value:
                continue
        elif isinstance(value, list):
            value = [_prune(item) if isinstance(item, dict) else item for item in value]
        out[key] = value
    return out
