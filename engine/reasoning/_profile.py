"""The profile in bands: each condition, the climate and the results as sterk / aandacht / zorg from the
mean of their statements over every voice (the advisor and the respondents), with each scored statement."""

from __future__ import annotations

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
    given: dict[str, list[int]] = {}
    for v in voices[1:]:
        for sid, score in v.items():
            given.setdefault(sid, []).append(score)
    group_of = {st.id: st.condition for st in kb.statements}
    speaking_in: dict[str, int] = {}
    for v in voices:
        for group in {group_of[sid] for sid in v if sid in group_of}:
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
        scores = [
            score
            for st in in_group
            for score in ([advisor_scores[st.id]] if st.id in advisor_scores else []) + given.get(st.id, [])
        ]
        answered = sum(1 for st in in_group if st.id in advisor_scores or st.id in given)
        mean = round(sum(scores) / len(scores), 1) if scores else None
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
