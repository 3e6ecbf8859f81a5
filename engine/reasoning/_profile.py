"""The profile in bands: each condition, the climate and the results as sterk / aandacht / zorg from the
mean of their statements over every voice (the advisor and the respondents), with each scored statement."""

from __future__ import annotations

from collections import defaultdict

from ..model._advice import BandResult, StatementResult
from ..model._case import Case
from ..model._catalogue import STATEMENT_CONDITIONS, load_catalogue

__all__ = ["MIN_RESPONDENTS", "statement_profile"]

# Respondents' answers are shown as a group only from this many on (never below three).
MIN_RESPONDENTS = 3
_GROUP_TITLES = {"klimaat": "Klimaat", "resultaten": "Resultaten"}


def statement_profile(case: Case) -> tuple[list[BandResult], list[StatementResult]]:
    """The profile in bands (the five conditions, the climate and the results) and each scored
    statement, from the advisor's scores and the respondents'. Empty when no one scored a statement."""
    voices = [case.observations.statements] + [r.observations.statements for r in case.respondents]
    if not any(voices):
        return [], []
    kb = load_catalogue()
    scale = kb.bands
    # One pass over every voice's scores: each statement's respondents' scores, and who scored in each group.
    given: defaultdict[str, list[int]] = defaultdict(list)
    for v in voices[1:]:
        for sid, score in v.items():
            given[sid].append(score)
    group_of = {st.id: st.condition for st in kb.statements}
    # The groups a voice speaks in follow from which statements it scored: looked up once per such set
    # (respondents given one questionnaire mostly score the same statements).
    groups_of: dict[frozenset[str], set[str]] = {}
    speaking_in: dict[str, int] = {}
    for v in voices:
        scored = frozenset(v)
        speaks_in = groups_of.get(scored)
        if speaks_in is None:
            speaks_in = groups_of[scored] = {group_of[sid] for sid in scored if sid in group_of}
        for group in speaks_in:
            speaking_in[group] = speaking_in.get(group, 0) + 1
    advisor_scores = voices[0]
    results: list[StatementResult] = []
    for st in kb.statements:
        mine = given.get(st.id, [])
        advisor = advisor_scores.get(st.id)
        if advisor is None and not mine:
            continue
        shown = len(mine) >= MIN_RESPONDENTS
        spread = max(mine) - min(mine) if shown else None
        results.append(
            StatementResult(
                id=st.id,
                text=st.text,
                condition=st.condition,
                advisor=advisor,
                respondents=len(mine) if shown else 0,
                respondents_mean=round(sum(mine) / len(mine), 1) if shown else None,
                spread=spread,
                differ=spread is not None and spread >= scale.divergence_points,
            )
        )
    groups = [(c.id, c.title) for c in kb.conditions] + [(g, _GROUP_TITLES[g]) for g in STATEMENT_CONDITIONS]
    profile: list[BandResult] = []
    for group, title in groups:
        in_group = [st for st in kb.statements if st.condition == group]
        # The sum and the number of every score in the group (each statement's respondents' scores summed once).
        total = count = 0
        for st in in_group:
            if st.id in advisor_scores:
                total += advisor_scores[st.id]
                count += 1
            theirs = given.get(st.id)
            if theirs:
                total += sum(theirs)
                count += len(theirs)
        answered = sum(1 for st in in_group if st.id in advisor_scores or st.id in given)
        mean = round(total / count, 1) if count else None
        assessed = mean is not None and answered >= scale.minimum_statements
        profile.append(
            BandResult(
                id=group,
                title=title,
                band=scale.band(mean).id if assessed and mean is not None else "niet beoordeeld",
                mean=mean if assessed else None,
                voices=speaking_in.get(group, 0),
                answered=answered,
                statements=len(in_group),
            )
        )
    return profile, results
