"""Roles: who holds the regie, and is there a (kar)trekker with time and mandate.

Seed 001 names rolonduidelijkheid about the regie as the first hard aspect and
"Zorg voor één trekker" as the first tip; seed 003 adds that a kartrekker
needs time; seed 004 (krimp) that the bestuurders own the process.
"""

from __future__ import annotations

from samenwerkwijzer._dsl import Diagnose, Recommend, finding, is_, rule


@rule(
    "ROL001",
    title="Het is onduidelijk wie de regie voert",
    when=[is_("leadership.regie", "onduidelijk")],
    then=[Diagnose("F-REGIE-ONDUIDELIJK")],
)
def regie_is_unclear() -> None:
    """Unclear regie is the first hard aspect the RIVM network meetings name (seed 001)."""


@rule("ROL002", title="Er is geen trekker", when=[is_("leadership.trekker", False)], then=[Diagnose("F-GEEN-TREKKER")])
def no_trekker() -> None:
    """Without one trekker nobody keeps the cart moving (seed 001 tips, seed 003 kartrekker)."""


@rule(
    "ROL003",
    title="De trekker heeft er geen tijd voor",
    when=[is_("leadership.trekker", True), is_("leadership.trekker_has_time", False)],
    then=[Diagnose("F-TREKKER-ZONDER-TIJD")],
)
def trekker_lacks_time() -> None:
    """Seed 003: financiers and partners underestimate the role; a kartrekker must have time."""


@rule(
    "ROL004",
    title="De trekker mist mandaat",
    when=[is_("leadership.trekker", True), is_("leadership.trekker_has_mandate", False)],
    then=[Diagnose("F-TREKKER-ZONDER-MANDAAT")],
)
def trekker_lacks_mandate() -> None:
    """Seed 004 (krimp): the bestuurders own the process; seed 001: find a bestuurlijke trekker."""


@rule(
    "ROL101",
    title="Onduidelijke regie: beleg de regie en wijs één trekker aan",
    when=[finding("F-REGIE-ONDUIDELIJK")],
    then=[Recommend("I-REGIE-BELEGGEN"), Recommend("I-TREKKER-AANWIJZEN")],
)
def recommend_placing_the_regie() -> None:
    """Seed 002: one party holds the regie; seed 001 answers rolonduidelijkheid with one trekker."""


@rule(
    "ROL102",
    title="Geen trekker: wijs een kartrekker aan",
    when=[finding("F-GEEN-TREKKER")],
    then=[Recommend("I-TREKKER-AANWIJZEN")],
)
def recommend_appointing_a_trekker() -> None:
    """Appointing a kartrekker makes someone responsible for the process (seed 003)."""


@rule(
    "ROL103",
    title="Trekker zonder tijd: geef de trekker tijd",
    when=[finding("F-TREKKER-ZONDER-TIJD")],
    then=[Recommend("I-TREKKER-TIJD-GEVEN")],
)
def recommend_giving_the_trekker_time() -> None:
    """Seed 003: a kartrekker must have time to pull the collaboration."""


@rule(
    "ROL104",
    title="Trekker zonder mandaat: organiseer bestuurlijk eigenaarschap",
    when=[finding("F-TREKKER-ZONDER-MANDAAT")],
    then=[Recommend("I-BESTUURLIJK-EIGENAARSCHAP")],
)
def recommend_board_ownership() -> None:
    """Strategic collaboration without close board involvement cannot succeed (seed 004, krimp)."""
