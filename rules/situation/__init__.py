"""The situation: what the documents advise for a kind of collaboration, a phase, a party mix, a
subsidy, whether or not a problem has been observed. (Maintenance when it goes well is KLI104's.)

An advisor can always say what kind of collaboration it is, in which phase, who is at the table and
how it is funded; the documents give advice for each. That advice rests on the situation, not on
an observed problem: its findings name a package (``knowledge/ranking.yaml``, ``situational``), so
it ranks below every observed problem and one item per package goes ahead. A rule here stays silent
when the answer that decides its advice shows it is done (``not_true`` and ``unknown`` let the
documents' standard advice in while that answer is open).
"""

from __future__ import annotations

from . import funding, interests, kind, levels, party_mix, phase, residents, sectors

#: The situation's rules, one module per package of the ranking (rules/__init__.py's all_rules reads them).
PARTS = (kind, phase, party_mix, residents, sectors, levels, funding, interests)

__all__ = ["PARTS", "funding", "interests", "kind", "levels", "party_mix", "phase", "residents", "sectors"]
