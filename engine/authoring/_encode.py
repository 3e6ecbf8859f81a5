"""From case facts to intake answers: which answers, typed into the intake, give a set of facts.

The authoring counterpart of :mod:`._answer_files`: :func:`answers_for` takes facts as the rules read them
(``ambition.shared`` -> ``False``, the facts a witness search finds) and writes the answers file that gives
them through the intake's own questions: a statement score whose reading sets the fact (1-2 for a problem
value, 4-5 for a healthy one), else a follow-up question (with its statement scored so that it opens), a
situation of the advisor's checklist, or the context block (type, phase, partners with their kinds and roles,
the subsidy and its end). A follow-up the advisor's own scores close is answered by a respondent, through the
respondent's intake (:func:`intake_case`). A fact the intake cannot give raises :class:`EncodeError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..intake._answer_files import AnswerSheet, answer_intake
from ..intake._intake import Intake
from ..intake._intake_steps import ADVISOR_FOLLOW_UPS, RESPONDENT_FOLLOW_UPS, follow_ups_open
from ..model._case import Case
from ..model._case_types import ALL_LEVELS
from ..model._catalogue import load_catalogue
from ..model._errors import InputError, SamenwerkwijzerError
from ..model._loading import case_from_data
from ..model._vocabulary import Statement

__all__ = ["EncodeError", "answers_for", "intake_case"]


class EncodeError(SamenwerkwijzerError):
    """A fact no answer of the intake can give (or facts that no set of answers gives together)."""


# Facts the context block gives: the question's own key in an answers file.
_CONTEXT = {"context.type": "context.type", "context.phase": "context.phase"}
# Facts asked in the context block whose answers an answers file gives under ``follow_up``, by case field.
_CONTEXT_FOLLOW_UPS = {
    "funding.continuation_plan": "observations.funding.continuation_plan",
    "network.core_group": "observations.network.core_group",
    "climate.declared": "observations.climate.declared",
}
# Facts the partner list gives (with the total the partners answer may add).
_PARTNER_FACTS = frozenset(
    {
        "network.partner_count",
        "network.private_partner_count",
        "network.includes_huisartsen",
        "network.includes_bewoners",
        "network.includes_kennisinstelling",
        "network.gemeente_several_roles",
        "network.several_gemeenten",
        "network.bewoners_en_gemeente",
    }
)
_FUNDING = frozenset({"funding.subsidy", "funding.months_left"})
# Which score to try first: the outer ends of the scale give the strongest reading.
_SCORE_ORDER = (1, 5, 2, 4, 3)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(set(a)) == sorted(set(b))
    return bool(a == b and type(a) is type(b))


def answers_for(facts: Mapping[str, Any]) -> dict[str, Any]:
    """An answers file (as data, for :func:`._answer_files.answer_intake`) whose answers give ``facts``
    (fact path -> value, as the rules read them). Other facts may come along with a score (a statement that
    sets two fields), but never one that contradicts a fact asked for. Raises :class:`EncodeError` for a fact
    the intake cannot express."""
    kb = load_catalogue()
    field_of = {q.fact: q.field for q in kb.questions}
    wanted: dict[str, Any] = {}  # case field -> value
    out: dict[str, Any] = {"name": "Bereikbaarheid"}
    rest: dict[str, str] = {}  # case field -> the fact asked for
    for path, value in facts.items():
        if path in _CONTEXT:
            out[_CONTEXT[path]] = value
        elif path in _PARTNER_FACTS or path in _FUNDING:
            continue
        else:
            field = field_of.get(path, f"observations.{path}")
            if path == "network.missing_levels":  # the levels at the table are the others
                value = [level for level in ALL_LEVELS if level not in value]
            if field.startswith("observations."):
                wanted[field] = value
                rest[field] = path
            else:
                raise EncodeError(f"het feit {path} vraagt de intake niet")
    out |= _funding(facts)
    partners = _partners(facts)
    if partners is not None:
        out |= partners

    scores: dict[str, int] = {}
    follow_up: dict[str, Any] = {}
    signals: list[str] = []
    follow_up_of = {f: st for st in reversed(kb.statements) for f in st.follow_up}

    def reading(st: Statement, score: int) -> dict[str, Any]:
        return {f: v[score - 1] for f, v in st.sets.items() if v[score - 1] is not None and v[score - 1] != []}

    def fits(st: Statement, score: int) -> bool:
        """The score sets nothing against a wanted field that no explicit answer overrides."""
        for f, v in reading(st, score).items():
            if (
                f in wanted
                and not _same(v, wanted[f])
                and f not in follow_up_of
                and f not in _CONTEXT_FOLLOW_UPS.values()
            ):
                return False
        return True

    by_statement = {st.id: st for st in kb.statements}
    for field, value in wanted.items():
        # 1. A statement score whose reading sets it.
        chosen = None
        for st in kb.statements:
            if field not in st.sets:
                continue
            for score in _SCORE_ORDER:
                v = st.sets[field][score - 1]
                if v is not None and _same(v, value) and fits(st, score):
                    if st.id in scores and scores[st.id] != score:
                        continue
                    chosen = (st.id, score)
                    break
            if chosen:
                break
        if chosen is not None:
            scores[chosen[0]] = chosen[1]
            continue
        # 2. A question of the context block, or a follow-up (its statement scored to open it).
        if field in _CONTEXT_FOLLOW_UPS.values():
            follow_up[field] = value
            continue
        if field in follow_up_of:
            follow_up[field] = value
            continue
        # 3. A situation of the advisor's checklist.
        signal = next((s for s in kb.signals if s.field == field and _same(s.value, value)), None)
        if signal is not None:
            signals.append(signal.id)
            continue
        raise EncodeError(f"het feit {rest[field]} = {value!r} kan de intake niet geven")

    # Open each follow-up: score a statement that lists it so that its follow-ups are asked. Where the advisor's
    # own score closes them (it gives another fact), a respondent answers the follow-up: the advisor's facts win
    # where the advisor gives them, the respondent's count where the advisor says nothing.
    respondent: dict[str, Any] = {"statements": {}, "follow_up": {}}

    def advisor_sets(field: str) -> bool:
        return any(field in reading(by_statement[st_id], score) for st_id, score in scores.items())

    changed = True
    while changed:  # until every override is given and every follow-up opened
        changed = False
        # The explicit answer wins over a statement's reading: give one wherever a score says otherwise.
        for st_id, score in list(scores.items()):
            for f, v in reading(by_statement[st_id], score).items():
                if f in wanted and not _same(v, wanted[f]) and f not in follow_up:
                    if f in respondent["follow_up"]:
                        raise EncodeError(f"de stellingen geven {rest[f]} een andere waarde dan {wanted[f]!r}")
                    follow_up[f] = wanted[f]
                    changed = True
        for field in list(follow_up):
            if field in _CONTEXT_FOLLOW_UPS.values():
                continue
            openers = [st for st in kb.statements if field in st.follow_up]
            if any(st.id in scores and follow_ups_open(st, scores[st.id]) for st in openers):
                continue
            changed = True
            for st in openers:
                if st.id in scores:
                    continue
                order = (3, 2, 1) if st.follow_up_on == "low" else (4, 5)
                opening = next((s for s in order if fits(st, s)), None)
                if opening is not None:
                    scores[st.id] = opening
                    break
            else:
                theirs = _respondent_opener(openers, respondent["statements"])
                if theirs is None or advisor_sets(field):
                    raise EncodeError(f"geen stelling opent de vervolgvraag naar {field}")
                respondent["statements"][theirs.id] = _quietest_opening(theirs)
                respondent["follow_up"][field] = follow_up.pop(field)
    asked = [f for f in follow_up if f not in _CONTEXT_FOLLOW_UPS.values()]
    if len(asked) > ADVISOR_FOLLOW_UPS or len(respondent["follow_up"]) > RESPONDENT_FOLLOW_UPS:
        raise EncodeError(f"de feiten vragen meer vervolgvragen dan de intake stelt ({len(asked)})")
    if scores:
        out["statements"] = {st.id: scores[st.id] for st in kb.statements if st.id in scores}
    if follow_up:
        out["follow_up"] = follow_up
    if signals:
        out["signals"] = signals
    if respondent["statements"]:
        out["respondents"] = [{"name": "Respondent Een"} | respondent]
    return out


def _respondent_opener(openers: list[Statement], scored: Mapping[str, int]) -> Statement | None:
    """A statement a respondent can score to open a follow-up (one already scored so, or the first)."""
    for st in openers:
        if st.id in scored and follow_ups_open(st, scored[st.id]):
            return st
    return next((st for st in openers if st.id not in scored), None)


def _quietest_opening(st: Statement) -> int:
    """The score that opens the statement's follow-ups and says least about its own fields."""
    order = (3, 2, 1) if st.follow_up_on == "low" else (4, 5)
    return min(order, key=lambda s: sum(v[s - 1] not in (None, []) for v in st.sets.values()))


def intake_case(answers: Mapping[str, Any], *, today: date) -> Case:
    """The case ``answers`` enter: the advisor's intake (:func:`._answer_files.answer_intake`), then each of its
    ``respondents`` (name, ``statements``, ``follow_up``) through the respondent's intake of that case. Raises
    :class:`InputError` on an answer the intake refuses."""
    intake, _ = answer_intake(answers, today=today)
    data = intake.case_data()
    for entry in answers.get("respondents") or ():
        if data is None:
            break
        sheet = AnswerSheet({k: v for k, v in entry.items() if k in ("statements", "follow_up")})
        voice = Intake(data, respondent=str(entry["name"]), today=today)
        while (step := voice.current) is not None:
            text = sheet.text_for(step)
            if voice.respond(text).kind not in ("answered", "skipped"):
                raise InputError(f"het antwoord van {entry['name']} op {step.key} ({text!r}) past niet")
        data = voice.case_data()
    if data is None:
        raise InputError("het antwoordenbestand geeft geen naam")
    return case_from_data(data, source="intake")


def _funding(facts: Mapping[str, Any]) -> dict[str, Any]:
    """The subsidy answer. The plan for after the subsidy is asked only of a collaboration that has one."""
    subsidy, months = facts.get("funding.subsidy"), facts.get("funding.months_left")
    if "funding.continuation_plan" in facts:
        if subsidy is False:
            raise EncodeError("een plan voor na de subsidie zonder subsidie kan de intake niet geven")
        subsidy = True
    if months is not None:
        if subsidy is False:
            raise EncodeError("maanden subsidie zonder subsidie kan de intake niet geven")
        return {"funding.end": int(months)}
    if subsidy is not None:
        return {"funding.subsidy": bool(subsidy)}
    return {}


def _partners(facts: Mapping[str, Any]) -> dict[str, Any] | None:
    """The partners answer (and its total) that gives the partner-list facts, or None when none is asked."""
    if not any(p in facts for p in _PARTNER_FACTS):
        return None
    count, private = facts.get("network.partner_count"), facts.get("network.private_partner_count")
    lines: list[str] = []
    several = facts.get("network.gemeente_several_roles")
    if several is True:
        missing = set(facts.get("network.missing_roles") or ())
        if {"financier", "uitvoerder"} & missing:
            raise EncodeError("een gemeente als financier en uitvoerder terwijl die rollen ontbreken")
        roles = [r for r in ("beslisser", "uitvoerder", "financier", "gebruiker") if r not in missing]
        lines.append(f"Gemeente Oost (gemeente: {', '.join(roles)})")
    if facts.get("network.several_gemeenten") is True:
        lines += [f"Gemeente {name} (gemeente)" for name in ("West", "Noord")[: 2 - len(lines)]]
    for fact, kind, name in (
        ("network.includes_huisartsen", "huisartsen", "Huisartsen Oost"),
        ("network.includes_bewoners", "bewoners", "Bewonersraad Oost"),
        ("network.includes_kennisinstelling", "kennisinstelling", "Hogeschool Oost"),
    ):
        if facts.get(fact) is True:
            lines.append(f"{name} ({kind})")
    if facts.get("network.bewoners_en_gemeente") is True:
        if facts.get("network.includes_bewoners") is not True:
            lines.append("Bewonersraad Oost (bewoners)")
        if not any("(gemeente" in line for line in lines):
            lines.append("Gemeente Oost (gemeente)")
    lines += [f"Bedrijf {i + 1} (bedrijf)" for i in range(int(private or 0))]
    if not lines and (count is None or private is not None or any(facts.get(p) is False for p in _PARTNER_FACTS)):
        # Who is not at the table is known only from a list of those who are (and a partner that is no company).
        lines.append("Welzijn Oost (welzijnsorganisatie)")
    out: dict[str, Any] = {"partners": lines} if lines else {}
    if count is not None:
        if count < len(lines):
            raise EncodeError(f"{count} partners, terwijl de andere feiten er {len(lines)} vragen")
        if count > len(lines):
            out["partner_count"] = int(count)
    return out
