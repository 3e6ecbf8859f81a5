"""The collaboration's own question: what the partners themselves ask advice on (at most two topics).

An advice answers the question it was asked. Each topic the advisor records is a finding of its own, said in the
case's own words, with the documents' advice for it; it has no package, so it ranks as an observed concern, beside
the problems the answers show. Where the situation changes the fitting advice (a trekker already there, residents
already at the table, a municipality's own policy domains), a rule of its own gives it.
"""

from __future__ import annotations

from . import continuing, parties, shaping

#: The question's rules, one module per group of topics (rules/__init__.py's all_rules reads them).
PARTS = (shaping, parties, continuing)

__all__ = ["PARTS", "continuing", "parties", "shaping"]
