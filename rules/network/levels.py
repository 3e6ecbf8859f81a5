"""The levels of a collaboration: strategic (bestuurlijk), tactical (management) and operational (the
professionals). RIVM netwerkbijeenkomsten: collaboration spans three levels, with differences in vision, pace,
language and way of working; RIVM handreiking: place the regie at each of them.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, known, rule


@rule(
    "NET005",
    title="Een niveau (strategisch, tactisch, uitvoerend) ontbreekt",
    when=[known("network.missing_levels")],
    then=[Diagnose("F-NIVEAU-ONTBREEKT")],
)
def a_level_is_missing() -> None:
    """A level is missing.

    Why: Collaboration spans the strategic, tactical and operational level; a level that is missing leaves decisions or
    execution without a link (RIVM netwerkbijeenkomsten).
    Source: RIVM netwerkbijeenkomsten — section "Lastige aspecten".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-NIVEAU-ONTBREEKT
    to NET105.
    """


@rule(
    "NET009",
    title="Beleid en uitvoering sluiten niet op elkaar aan",
    when=[is_("network.levels_disconnected", True)],
    then=[Diagnose("F-NIVEAUS-NIET-VERBONDEN")],
)
def levels_not_connected() -> None:
    """Levels not connected.

    Why: All three levels may sit at the table and still not reach each other: what the professionals meet does not
    reach policy and management, or their decisions do not land in the execution. Audit-office reports on regional
    collaboration in the social domain say it in these words (holdout10, Barendrecht's neighbourhood teams); the
    documents name the differences in vision, pace, language and way of working between the levels (RIVM
    netwerkbijeenkomsten).
    Source: RIVM netwerkbijeenkomsten — "Lastig bij samenwerking is dat het drie niveaus betreft: strategisch
    (bestuurlijk); tactisch (management) en uitvoerend (de professionals)."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-NIVEAUS-NIET-VERBONDEN to NET109.
    """


@rule(
    "NET105",
    title="Ontbrekend niveau: verbind de drie niveaus",
    when=[finding("F-NIVEAU-ONTBREEKT")],
    then=[Recommend("I-DRIE-NIVEAUS-VERBINDEN")],
)
def recommend_connecting_the_levels() -> None:
    """Recommends connecting the levels.

    Why: The three levels are connected by placing the regie at each of them and linking them (RIVM
    netwerkbijeenkomsten; RIVM handreiking).
    Source: RIVM netwerkbijeenkomsten — "Zet leidinggevenden in om op politiek niveau draagvlak te krijgen".
    Not when: no guard of its own; it fires whenever F-NIVEAU-ONTBREEKT is diagnosed, and no rule withholds its advice.
    """


@rule(
    "NET109",
    title="Beleid en uitvoering niet verbonden: verbind de drie niveaus en beleg de regie op elk niveau",
    when=[finding("F-NIVEAUS-NIET-VERBONDEN")],
    then=[Recommend("I-DRIE-NIVEAUS-VERBINDEN"), Recommend("I-REGIE-BELEGGEN")],
)
def recommend_connecting_policy_and_execution() -> None:
    """Recommends connecting policy and execution.

    Why: Connect the levels by agreeing how information and decisions travel between them, and place the regie at
    each level (RIVM handreiking).
    Source: RIVM handreiking — "Zorg voor een partij die de regie heeft: op uitvoeringsniveau, op beheersmatig niveau en
    op visionair niveau."
    Not when: no guard of its own; it fires whenever F-NIVEAUS-NIET-VERBONDEN is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "a_level_is_missing",
    "levels_not_connected",
    "recommend_connecting_policy_and_execution",
    "recommend_connecting_the_levels",
]
