"""*Verloop*: what moved from one measurement to the next, in plain Dutch (issues 24 and 26).

Per condition one sentence with its band (or, without statements, its status) before and after, and, when the
partners fixed an agenda at the earlier measurement, how many of the actions that served the condition were done
("De relatie ging van zorg naar aandacht; twee van de drie acties daarvoor zijn uitgevoerd."). The advice's changes
by title, never by id; the answers that changed in words (``ja``, ``nee``, ``onbekend``, a sign's label), never as
a Python list or a field path. Used by the result page, the timeline of a collaboration and the follow-up page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samenwerkwijzer import Advice, Case
from samenwerkwijzer.trainer import Comparison, case_inputs

from ._context import in_words
from ._models import ActionReview, AgendaAction

NOT_ASSESSED = "niet beoordeeld"

# How a condition is named in a sentence: its article, and whether it takes a plural verb (the conditions of
# knowledge/conditions.yaml; another title gets "de" and the singular).
ARTICLES = {
    "belangen": ("de", True),
    "betekenisgevend proces": ("het", False),
    "professioneel organiseren": ("het", False),
    "klimaat": ("het", False),
    "resultaten": ("de", True),
}


# A band or status after "bleef": "De relatie bleef een zorg", "… bleef sterk".
PREDICATES = {"zorg": "een zorg", "aandacht": "een aandachtspunt"}


def _subject(title: str) -> tuple[str, bool]:
    name = title.lower()
    article, plural = ARTICLES.get(name, ("de", False))
    return f"{article.capitalize()} {name}", plural


def _actions_tail(statuses: list[str | None]) -> str:
    total = len(statuses)
    done = statuses.count("gedaan")
    partly = statuses.count("deels")
    if total == 1:
        return {
            "gedaan": "de actie daarvoor is uitgevoerd",
            "deels": "de actie daarvoor is deels uitgevoerd",
            "niet": "de actie daarvoor is niet uitgevoerd",
        }.get(statuses[0] or "", "de actie daarvoor is nog niet besproken")
    if done == total:
        return f"{'beide' if total == 2 else 'alle ' + in_words(total)} acties daarvoor zijn uitgevoerd"
    count = "één" if done == 1 else in_words(done)  # the number, stressed: "één van de twee"
    tail = f"{count} van de {in_words(total)} acties daarvoor {'is' if done == 1 else 'zijn'} uitgevoerd"
    return tail + (f", {in_words(partly)} deels" if partly else "")


def band_sentence(title: str, before: str, after: str, statuses: list[str | None]) -> str:
    """One plain sentence: the condition's band before and after and, when actions served it, how many were done
    ("De relatie ging van zorg naar aandacht; twee van de drie acties daarvoor zijn uitgevoerd."). A move to or
    from *niet beoordeeld* says what that means, since it is no judgement."""
    subject, plural = _subject(title)
    was, is_ = ("waren", "zijn") if plural else ("was", "is")
    if before == after:
        moved = f"{subject} {'bleven' if plural else 'bleef'} {PREDICATES.get(after, after)}"
    elif after == NOT_ASSESSED:
        moved = f"{subject} {was} eerst {before} en {is_} nu niet beoordeeld, omdat er nu te weinig over bekend is"
    elif before == NOT_ASSESSED:
        moved = f"{subject} {was} eerst niet beoordeeld en {is_} nu {after}"
    else:
        moved = f"{subject} {'gingen' if plural else 'ging'} van {before} naar {after}"
    return f"{moved}; {_actions_tail(statuses)}." if statuses else f"{moved}."


@dataclass
class ConditionMove:
    title: str
    before: str
    after: str
    actions: list[tuple[AgendaAction, str | None]]
    sentence: str


@dataclass
class Progress:
    """What moved between two measurements, ready for a page."""

    earlier: int  # the earlier measurement's number
    conditions: list[ConditionMove] = field(default_factory=list)
    by_band: bool = True  # the bands of the statements (else the conditions' status)
    added: list[str] = field(default_factory=list)  # titles newly advised
    removed: list[str] = field(default_factory=list)  # titles no longer advised
    answers: list[tuple[str, str, str]] = field(default_factory=list)  # label, before, after, in words


def condition_moves(
    earlier: Advice,
    later: Advice,
    actions: list[AgendaAction],
    reviews: dict[int, ActionReview],
    *,
    by_band: bool = True,
    served_only: bool = False,
) -> list[ConditionMove]:
    """Per condition: before → after (the profile's bands, or the conditions' status), the actions of the earlier
    agenda that served it with their review, and the sentence. ``served_only``: only conditions an action served."""
    old: dict[str, str]
    now: list[tuple[str, str, str]]
    if by_band:
        old = {b.id: b.band for b in earlier.profile}
        now = [(b.id, b.title, b.band) for b in later.profile]
    else:
        old = {c.id: c.status for c in earlier.conditions}
        now = [(c.id, c.title, c.status) for c in later.conditions]
    rows = []
    for cid, title, after in now:
        if cid not in old:
            continue
        served = [(a, reviews[a.id].status if a.id in reviews else None) for a in actions if cid in a.conditions]
        if not served and (served_only or old[cid] == after == NOT_ASSESSED):
            continue  # nothing to tell
        sentence = band_sentence(title, old[cid], after, [status for _, status in served])
        rows.append(ConditionMove(title, old[cid], after, served, sentence))
    return rows


def follow_up(
    earlier: Advice, later: Advice, actions: list[AgendaAction], reviews: dict[int, ActionReview]
) -> list[ConditionMove]:
    """The follow-up page's rows: the conditions of the profile an action of the agenda served."""
    return condition_moves(earlier, later, actions, reviews, served_only=True)


def answer_labels(case: Case, advice: Advice) -> dict[str, dict[str, str]]:
    """Per fact path the Dutch label of each answer value (the question catalogue's options); and the labels of
    facts, for a list whose items are fact paths (where the partners differ)."""
    labels: dict[str, dict[str, str]] = {"": {f.path: f.label for f in advice.facts}}
    for group in case_inputs(case):
        for item in group.inputs:
            q = item.question
            labels[q.fact] = {str(o.value).lower() if isinstance(o.value, bool) else str(o.value): o.label
                              for o in q.options}  # fmt: skip
    return labels


def value_text(path: str, value: Any, labels: dict[str, dict[str, str]]) -> str:
    """A fact's value in words: ja, nee, onbekend, an option's label, the items of a list; never code."""
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(path, v, labels) for v in value) if value else "geen"
    text = str(value)
    own = labels.get(path, {})
    label = own.get(text) or labels[""].get(text) or text.replace("_", " ")
    # A label that is a sentence of its own (a climate sign) is quoted, so that it reads inside a sentence.
    return f"‘{label}’" if " " in label and label[:1].isupper() else label


def progress(
    earlier_number: int,
    earlier: Advice,
    later: Advice,
    comparison: Comparison,
    labels: dict[str, dict[str, str]],
    *,
    bands: bool,
    actions: list[AgendaAction] | None = None,
    reviews: dict[int, ActionReview] | None = None,
) -> Progress:
    """The *Verloop* from ``earlier`` to ``later``: ``bands`` when both profiles may be shown in bands (else the
    conditions' status); ``actions`` and ``reviews``: the earlier measurement's agenda and its follow-up."""
    assessed = [any(b.band != NOT_ASSESSED for b in a.profile) for a in (earlier, later)]
    by_band = bands and all(assessed)
    out = Progress(earlier_number, by_band=by_band)
    out.conditions = condition_moves(earlier, later, actions or [], reviews or {}, by_band=by_band)
    out.added = [i.title for i in comparison.interventions if i.change == "added"]
    out.removed = [i.title for i in comparison.interventions if i.change == "removed"]
    derived = {f.path for advice in (earlier, later) for f in advice.facts if f.derived_by}
    out.answers = [
        (f.label[:1].upper() + f.label[1:], value_text(f.path, f.before, labels), value_text(f.path, f.after, labels))
        for f in comparison.facts
        if f.path not in derived
    ]
    return out


__all__ = [
    "ARTICLES",
    "NOT_ASSESSED",
    "ConditionMove",
    "Progress",
    "answer_labels",
    "band_sentence",
    "condition_moves",
    "follow_up",
    "progress",
    "value_text",
]
