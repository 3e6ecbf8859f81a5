"""The intake as a state machine: ask an advisor the questions of the catalogue, only while the answer can still matter.

A pure state machine, with no terminal and no files: the command line feeds it
the advisor's typed replies (:meth:`Intake.respond`) and writes what it returns
(:meth:`Intake.case_data`, :meth:`Intake.progress`). The steps and their order
are in :mod:`._intake_steps`, reading and placing an answer in :mod:`._answers`,
what the advisor reads in :mod:`._prompts`.

Goal-driven: a question about a fact is asked only while some rule that reads
the fact could still fire, i.e. none of that rule's conditions is already
contradicted by a known answer (:mod:`._relevance`).

The progress (every answer or skip, in the order asked) is all that defines
the case written so far: replaying it on the same starting data yields the
same state, which is what makes resuming exact.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ..model._case import Case
from ..model._catalogue import load_catalogue
from ..model._errors import CaseError, InputError
from ..model._facts import case_facts
from ..model._loading import case_from_data
from ..reasoning._relevance import could_matter, possible_rules, readers_by_fact, rule_variants
from ._answers import (
    BACK_WORDS,
    NO_WORDS,
    SKIP_WORDS,
    STOP_WORDS,
    UNKNOWN_WORDS,
    WHY_WORDS,
    Invalid,
    applied,
    complete,
    parse,
    required_message,
)
from ._intake_steps import (
    ADVISOR_FOLLOW_UPS,
    RESPONDENT_FOLLOW_UPS,
    SIGNALS_KEY,
    Step,
    intake_steps,
    observation_fields,
    questions_by_field,
)
from ._prompts import why_text

ReplyKind = Literal["answered", "skipped", "back", "why", "invalid", "stop"]

# How many follow-up questions the estimate expects the statements to open in all, spread over them: the
# median over the example and story cases entered through the intake (tests/intake), which open 0 to 10
# (the estimate then stays within five of the count).
EXPECTED_FOLLOW_UPS = 5

PROGRESS_FORMAT = "samenwerkwijzer-intake"
PROGRESS_VERSION = 2

# The parts of a case the advisor's intake asks about (everything else in a case file is kept).
_ADVISOR_KEYS = frozenset({"name", "description", "context", "partners", "observations"})


@dataclass(frozen=True)
class Reply:
    """What became of a typed reply: recorded (``answered``, ``skipped``,
    ``back``), only to be shown (``why``, ``invalid``), or ``stop``."""

    kind: ReplyKind
    message: str = ""


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

    def estimated_total(self) -> int:
        """About how many questions the intake asks in all ("vraag 12 van ongeveer 34"): those answered or
        skipped, those still to come that could change the advice now, and the follow-ups the statements
        still to come are expected to open (:data:`EXPECTED_FOLLOW_UPS` over all statements, within the
        intake's limit), so that the estimate stays about the same as follow-ups open."""
        done = set(self.asked)
        steps = list(
            intake_steps(
                dict(self._values),
                lambda: self._data.get("partners", []),
                set(self._settled),
                respondent=self.respondent is not None,
            )
        )
        ahead = sum(1 for step in steps if step.key not in done and (not step.goal_driven or self._relevant(step)))
        statements = load_catalogue().statements
        follow_ups = {f for st in statements for f in st.follow_up}
        asked_follow_ups = sum(1 for key in done if key in follow_ups)
        limit = RESPONDENT_FOLLOW_UPS if self.respondent is not None else ADVISOR_FOLLOW_UPS
        coming = sum(1 for st in statements if f"statements.{st.id}" not in done)
        expected = min(round(EXPECTED_FOLLOW_UPS * coming / len(statements)), max(limit - asked_follow_ups, 0))
        return len(done) + ahead + expected

    def case_data(self) -> dict[str, Any] | None:
        """The case as data (for YAML or JSON), ``None`` while it has no name
        yet. Only complete partners (name and kind) are included, so that
        every state of the intake is a valid case."""
        return complete(self._data) if "name" in self._data else None

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
        unknown = word in UNKNOWN_WORDS and step.kind != "text"
        if (
            word in SKIP_WORDS
            or unknown
            or (step.kind == "integer" and "(leeg = nee)" in step.question and word in NO_WORDS)
        ):
            if step.required:
                return Reply("invalid", required_message(step))
            self._record(step, None)
            return Reply("skipped")
        try:
            value = parse(step, text)
            self._check(step, value)
        except Invalid as exc:
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
        if not step.facts or self.respondent is not None:
            # Any question to a respondent is explained in plain words: never the findings or the advice an
            # answer may lead to (no invitation to steer, no jargon). The advisor sees them.
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
        self._steps: Iterator[Step] = intake_steps(
            self._values, lambda: self._data.get("partners", []), self._settled, respondent=self.respondent is not None
        )
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
                    raise Invalid("this question must be answered")
                if value is not None:
                    self._check(step, value)
            except Invalid as exc:
                raise InputError(f"the intake progress holds an answer that no longer fits {key}: {exc}") from None
            self._record(step, value)

    def _record(self, step: Step, value: Any) -> None:
        self._log.append((step.key, value))
        self._values[step.key] = value
        if value is not None and step.key == SIGNALS_KEY:
            self._data = self._signalled(value, self._data)
            self._facts_cache = None
        elif value is not None and step.kind in ("partners", "subsidy"):
            self._data = self._placed(step, value, self._data)
            self._facts_cache = None
        elif value is not None:
            self._data = applied(self._data, self._target(step, value), value)
            self._facts_cache = None
        self._pass(step, value)
        self._advance()

    def _pass(self, step: Step, value: Any) -> None:
        self._settled.update(step.facts if step.goal_driven else ())
        if step.kind in ("partners", "subsidy"):
            # Given (or not) once, in the context: what it says is settled.
            self._settled.update(step.facts)

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
            case = case_from_data({"name": "-"} | complete(self._data), source="intake")
            if self.respondent is not None:
                case = case.model_copy(update={"observations": case.respondents[self._respondent_index].observations})
            self._facts_cache = case_facts(case, case.assessed_on or self._today)
        return self._facts_cache

    def _initially_settled(self) -> set[str]:
        """A respondent answers only observations: the rest of the case is given."""
        if self.respondent is None:
            return set()
        by_field = questions_by_field()
        asked = {by_field[f"observations.{section}.{name}"].fact for section, name in observation_fields()}
        return {q.fact for q in self._kb.questions} - asked

    def _target(self, step: Step, value: Any) -> tuple[str | int, ...]:
        target = step.target
        if step.accepts_date and isinstance(value, str):
            target = (*target[:-1], "end_date")
        if self.respondent is not None and target[0] == "observations":
            target = ("respondents", self._respondent_index, *target)
        return target

    def _signalled(self, chosen: list[str], data: dict[str, Any]) -> dict[str, Any]:
        """``data`` with the field of each signal ticked set (a list field gets the value added)."""
        prefix: tuple[str | int, ...] = () if self.respondent is None else ("respondents", self._respondent_index)
        for key in chosen:
            signal = self._kb.signal[key]
            target = (*prefix, *signal.field.split("."))
            data = applied(data, target, signal.value)
        return data

    def _check_no_contradiction(self, chosen: list[str]) -> None:
        """Two situations ticked that give one field different values (support visible and missing) say
        nothing together: the advisor chooses one."""
        seen: dict[str, str] = {}
        for key in chosen:
            signal = self._kb.signal[key]
            other = seen.setdefault(signal.field, key)
            if other != key and isinstance(signal.value, bool) and self._kb.signal[other].value != signal.value:
                raise Invalid(
                    f"‘{self._kb.signal[other].label}’ en ‘{signal.label}’ spreken elkaar tegen; kies er één."
                )

    @staticmethod
    def _placed(step: Step, value: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        """``data`` with an answer that fills in several fields: the partners (and how many in total), or
        the subsidy (and when it ends)."""
        if step.kind == "partners":
            data = applied(data, ("partners",), value["partners"])
            if value["total"] is not None:
                data = applied(data, ("observations", "network", "partner_count"), value["total"])
            return data
        data = applied(data, ("observations", "funding", "subsidy"), value["subsidy"])
        for name in ("end_date", "months_left"):
            if value.get(name) is not None:
                data = applied(data, ("observations", "funding", name), value[name])
        return data

    def _check(self, step: Step, value: Any) -> None:
        """Checks beyond the answer type, with a Dutch explanation."""
        if step.key == SIGNALS_KEY:
            self._check_no_contradiction(value)
            trial = self._signalled(value, self._data)
        elif step.kind in ("partners", "subsidy"):
            trial = self._placed(step, value, self._data)
        else:
            trial = applied(self._data, self._target(step, value), value)
        if "name" not in trial:
            return
        try:
            case_from_data(complete(trial), source="intake")
        except CaseError as exc:
            problems = "; ".join(p.message for p in exc.problems)
            raise Invalid(f"Dat antwoord past niet bij de rest van de casus: {problems}") from None


__all__ = [
    "EXPECTED_FOLLOW_UPS",
    "PROGRESS_FORMAT",
    "PROGRESS_VERSION",
    "Intake",
    "Reply",
    "ReplyKind",
]
