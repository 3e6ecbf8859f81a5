"""Priority is computed from the knowledge, never taken from firing order.

The order follows the documents: first the climate (de-escalate before
anything structural), then regie, then content, then form ("inhoud bepaalt
vorm"), then upkeep; these tiers and their sources are data in
``knowledge/tiers.yaml``. Within a tier, the intervention behind the most
serious finding comes first, then the one more rules independently
recommend, then the id, so that the order is total and reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._advice import Priority, Reason
from ._catalogue import SEVERITY_WEIGHT, Catalogue


def priority(intervention_id: str, reasons: Sequence[Reason], kb: Catalogue) -> Priority:
    severities = [SEVERITY_WEIGHT[kb.finding[f].severity] for r in reasons for f in r.findings]
    return Priority(
        tier_rank=kb.tier_rank[kb.intervention[intervention_id].tier],
        max_severity=max(severities, default=0),
        reason_count=len(reasons),
    )


def sort_key(intervention_id: str, p: Priority) -> tuple[int, int, int, str]:
    return (p.tier_rank, -p.max_severity, -p.reason_count, intervention_id)
