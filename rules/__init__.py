"""The rules, one concern per module, each rule named after its conclusion.

Rule ids are stable: a prefix per module (:data:`PREFIXES`), then 0xx
diagnose, 1xx recommend (and may withhold what the recommendation replaces),
2xx only withhold. The findings a module diagnoses live in
``rules/<module>/findings.yaml``.
"""

from __future__ import annotations

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
    question,
    relation,
    residents,
    respondents,
    results,
    roles,
    situation,
)
from .dsl import RuleSpec

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
    situation,
    results,
    question,
)


# The rule-id prefix of each module (Dutch, as the ids are): ROL rollen, KLI klimaat,
# NET netwerk, SUB subsidie, AMB ambitie, BEL belangen, REL relatie, PRO proces,
# ORG organiseren, KEN kennisdeling, BEW bewoners, VRM vermogen, RSP respondenten, SIT situatie,
# RES resultaten, VRG vraag (what the collaboration itself asks advice on).
PREFIXES = {
    "ROL": roles,
    "KLI": climate,
    "NET": network,
    "SUB": funding,
    "AMB": ambition,
    "BEL": interests,
    "REL": relation,
    "PRO": process,
    "ORG": organising,
    "KEN": knowledge_sharing,
    "BEW": residents,
    "VRM": capability,
    "RSP": respondents,
    "SIT": situation,
    "RES": results,
    "VRG": question,
}


# Ids that are no longer rules, and the rule each was merged into. An id is
# never reused: a retired id stays here, and its page says where it went.
RETIRED = {
    "BEL003": "BEL002",  # "a common ambition is not known" became not_true(ambition.shared)
    "ORG102": "ORG101",  # "the form is not known" became an any_of
    "ROL009": "ROL008",  # "unclear regie" became an any_of beside "no trekker"
    "SUB002": "SUB001",  # "a plan for after the subsidy is not known" became not_true(...)
}


def all_rules() -> tuple[RuleSpec, ...]:
    """Every rule of every module, ordered by id."""
    # A concern is a module, or a package whose PARTS are its modules (the situation, one module per package).
    parts = [part for module in MODULES for part in (module, *getattr(module, "PARTS", ()))]
    found = [value for part in parts for value in vars(part).values() if isinstance(value, RuleSpec)]
    return tuple(sorted(found, key=lambda r: r.id))


__all__ = ["MODULES", "PREFIXES", "RETIRED", "all_rules"]
