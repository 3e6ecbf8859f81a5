"""Residents and their municipality at one table while the partners are at odds (Common Eye, Vier sleutels): the
municipality's reliability in its roles, and what municipality and residents may expect of each other, become the
relation's own question.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, one_of, rule


@rule(
    "REL032",
    title="Bewoners en gemeente zitten samen aan tafel, en er is onenigheid of een conflict",
    when=[is_("network.bewoners_en_gemeente", True), one_of("climate.level", "onenigheid", "conflict")],
    then=[Diagnose("F-BEWONERS-EN-GEMEENTE-OP-SCHERP")],
)
def residents_and_municipality_at_odds() -> None:
    """Residents and municipality at odds.

    Why: where residents and their municipality work together, the municipality holds a key role it can only fill as a
    reliable party in its roles, and the two discuss what they may expect of each other (Common Eye, Vier sleutels,
    sleutels 1 and 4); discord or a conflict at such a table puts exactly that at stake.
    Source: Common Eye — "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende rollen".
    Not when: the climate is friendly or wary, or residents or the municipality are not at the table (SIT051 then
    gives the situation's advice). It leaves what to do about F-BEWONERS-EN-GEMEENTE-OP-SCHERP to REL132.
    """


@rule(
    "REL132",
    title="Bewoners en gemeente op scherp: laat de gemeente een betrouwbare partner zijn",
    when=[finding("F-BEWONERS-EN-GEMEENTE-OP-SCHERP")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality_at_odds() -> None:
    """Recommends a reliable municipality when residents and municipality are at odds.

    Why: the municipality shows leadership as a reliable party in its different roles, beginning with a critical look
    at its own ability to work with partners (Common Eye, Vier sleutels, sleutel 4).
    Source: Common Eye — "De eerste stap is een kritische blik in de spiegel op het eigen vermogen tot samenwerken met
    partners."
    Not when: no guard of its own; it fires whenever F-BEWONERS-EN-GEMEENTE-OP-SCHERP is diagnosed, and no rule
    withholds its advice.
    """


__all__ = ["recommend_a_reliable_municipality_at_odds", "residents_and_municipality_at_odds"]
