"""Priority is computed from the knowledge, never taken from firing order.

The order follows the documents: first the climate (de-escalate before
anything structural), then regie, then content, then form ("inhoud bepaalt
vorm"), then upkeep; these tiers and their sources are data in
``knowledge/tiers.yaml``. Within a tier, the intervention behind the most
serious finding comes first, then the one more rules independently
recommend, then the one a rule names first (its main advice before its
supporting advice), then the id, so that the order is total and reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._advice import Priority, Reason
from ._catalogue import SEVERITY_WEIGHT, Catalogue
from .rules.dsl import Recommend, RuleSpec


def priority(intervention_id: str, reasons: Sequence[Reason], kb: Catalogue, rules: Mapping[str, RuleSpec]) -> Priority:
    severities = [SEVERITY_WEIGHT[kb.finding[f].severity] for r in reasons for f in r.findings]
    positions = [
        [c.intervention for c in rules[r.rule].then if isinstance(c, Recommend)].index(intervention_id) for r in reasons
    ]
    return Priority(
        tier_rank=kb.tier_rank[kb.intervention[intervention_id].tier],
        max_severity=max(severities, default=0),
        reason_count=len(reasons),
        position=min(positions),
    )


def sort_key(intervention_id: str, p: Priority) -> tuple[int, int, int, int, str]:
    return (p.tier_rank, -p.max_severity, -p.reason_count, p.position, intervention_id)
