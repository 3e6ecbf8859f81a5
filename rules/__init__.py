"""The rules, one concern per module, each rule named after its conclusion.

Rule ids are stable: a prefix per module (ROL roles, KLI climate, NET network,
SUB subsidy, AMB ambition, BEL interests, REL relation, PRO process, ORG organising,
KEN knowledge sharing, BEW residents, VRM organisation capability, RSP respondents):
0xx diagnose, 1xx recommend (and may withhold what the recommendation replaces),
2xx only withhold.
"""

from __future__ import annotations

from samenwerkwijzer._dsl import RuleSpec

from . import (
    ambition,
    capability,
    climate,
    funding,
    interests,
    knowledge_sharing,
    network,
    organising,
    process,
    relation,
    residents,
    respondents,
    roles,
)

MODULES = (
    roles,
    climate,
    network,
    funding,
    ambition,
    interests,
    relation,
    process,
    organising,
    knowledge_sharing,
    residents,
    capability,
    respondents,
)


def all_rules() -> tuple[RuleSpec, ...]:
    """Every rule of every module, ordered by id."""
    found = [value for module in MODULES for value in vars(module).values() if isinstance(value, RuleSpec)]
    return tuple(sorted(found, key=lambda r: r.id))


__all__ = ["MODULES", "all_rules"]
