"""Partners from several sectors at one table (care, welfare, housing, education): each brings its own
language, goals and way of working (package partijen).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, any_of, finding, is_, not_true, one_of, rule, unknown


@rule(
    "SIT053",
    title="Partners uit verschillende sectoren zitten aan tafel, en of hun verschillen besproken zijn is niet bekend",
    when=[
        is_("network.sectors_crossed", True),
        # An integral collaboration is SIT049's (the policy domains of one municipality).
        any_of(one_of("context.type", "intersectoraal", "pps", "netwerk", "consortium"), unknown("context.type")),
        unknown("relation.terms_confused"),
        unknown("relation.domain_walls"),
        # Housing, care and the municipality together are Weer thuis's three worlds (SIT046); companies make it a
        # public-private collaboration with advice of its own (the party mix's PPS rules).
        not_true("network.wonen_zorg_gemeente"),
        not_true("network.includes_bedrijf"),
    ],
    then=[Diagnose("F-SECTOREN-AAN-TAFEL")],
)
def sectors_at_the_table() -> None:
    """Sectors at the table.

    Why: Care, welfare, housing and education each bring their own language, goals and interests; the RIVM network
    meetings advise naming and acknowledging those differences before they turn into walls.
    Source: RIVM netwerkbijeenkomsten — "Benoem en erken domeinverschillen".
    Not when: the context is integral (SIT049 diagnoses the policy domains at the table); it is known whether terms
    are confused (REL003) or whether walls divide the domains (REL008); the municipality, a care provider and a housing
    corporation sit together (SIT046's Weer thuis advice); companies are at the table (the PPS rules). SIT153 advises.
    """


@rule(
    "SIT153",
    title="Partners uit verschillende sectoren: benoem en erken de domeinverschillen en spreek elkaars taal",
    when=[finding("F-SECTOREN-AAN-TAFEL")],
    then=[Recommend("I-DOMEINVERSCHILLEN-ERKENNEN"), Recommend("I-ELKAAR-ECHT-BEGRIJPEN")],
)
def recommend_acknowledging_sector_differences() -> None:
    """Recommends acknowledging the differences between the sectors at the table.

    Why: Partners from different sectors understand each other only when they take the time to learn each other's
    language and name where their domains differ (RIVM netwerkbijeenkomsten; Common Eye).
    Source: RIVM netwerkbijeenkomsten — "Benoem en erken domeinverschillen".
    Not when: no guard; it fires on F-SECTOREN-AAN-TAFEL, and no rule withholds its advice.
    """


__all__ = ["recommend_acknowledging_sector_differences", "sectors_at_the_table"]
