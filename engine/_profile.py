"""The profile in bands: each condition, the climate and the results as sterk / aandacht / zorg from the
mean of their statements over every voice (the advisor and the respondents), with each scored statement."""

from __future__ import annotations

from ._advice import BandResult, StatementResult
from ._case import Case
from ._catalogue import STATEMENT_CONDITIONS, load_catalogue

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
    results: list[StatementResult] = []
    for st in kb.statements:
        given = [v[st.id] for v in voices[1:] if st.id in v]
        advisor = voices[0].get(st.id)
        if advisor is None and not given:
            continue
        shown = len(given) >= MIN_RESPONDENTS
        spread = max(given) - min(given) if shown else None
        results.append(
            StatementResult(
                id=st.id,
                text=st.text,
                condition=st.condition,
                advisor=advisor,
                respondents=len(given) if shown else 0,
                respondents_mean=round(sum(given) / len(given), 1) if shown else None,
                spread=spread,
                differ=spread is not None and spread >= scale.divergence_points,
            )
        )
    groups = [(c.id, c.title) for c in kb.conditions] + [(g, _GROUP_TITLES[g]) for g in STATEMENT_CONDITIONS]
    profile: list[BandResult] = []
    for group, title in groups:
        mine = [st for st in kb.statements if st.condition == group]
        scores = [v[st.id] for st in mine for v in voices if st.id in v]
        answered = sum(1 for st in mine if any(st.id in v for v in voices))
        speaking = sum(1 for v in voices if any(st.id in v for st in mine))
        mean = round(sum(scores) / len(scores), 1) if scores else None
        assessed = mean is not None and answered >= scale.minimum_statements
        profile.append(
            BandResult(
                id=group,
                title=title,
                band=scale.band(mean).id if assessed and mean is not None else "niet beoordeeld",
                mean=mean if assessed else None,
                voices=speaking,
                answered=answered,
                statements=len(mine),
            )
        )
    return profile, results
