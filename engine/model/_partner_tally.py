"""What a case's partner list says, counted once: the partner-list facts (``network.*``) read it.

Split out of ``_facts.py`` (the module length limit); ``_facts`` re-exports both names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ._case import Partner
from ._case_types import PRIVATE_KINDS


@dataclass(frozen=True)
class PartnerTally:
    """What the partner list says, counted in one pass. Every view of a case
    (the advisor's and each respondent's) has the same partners, so the views
    share one tally instead of each walking the list again."""

    listed: int
    private: int
    includes_huisartsen: bool
    kinds: frozenset[str] = frozenset()
    gemeente_several_roles: bool = False
    gemeenten: int = 0
    gemeente_roles_unlisted: bool = False


def partner_tally(partners: list[Partner]) -> PartnerTally:
    private, kinds = 0, Counter[str]()
    several = unlisted = False
    for p in partners:
        private += p.kind in PRIVATE_KINDS
        kinds[p.kind] += 1
        # The municipality that pays partners and works beside them: Vier sleutels' "verschillende rollen".
        several = several or (p.kind == "gemeente" and {"financier", "uitvoerder"} <= set(p.roles))
        # A municipality at the table whose roles nobody named: which of its roles it plays is open.
        unlisted = unlisted or (p.kind == "gemeente" and not p.roles)
    return PartnerTally(
        len(partners),
        private,
        "huisartsen" in kinds,
        frozenset(kinds),
        several,
        kinds["gemeente"],
        unlisted,
    )


__all__ = ["PartnerTally", "partner_tally"]
