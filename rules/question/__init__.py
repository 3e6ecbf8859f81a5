"""The collaboration's own question: what the partners themselves ask advice on (at most two topics).

An advice answers the question it was asked. Each topic the advisor records is a finding of its own, said in the
case's own words, with the documents' advice for it. It is no observed problem: it ranks with the advice from the
situation (package vraag, the last), below every problem the answers show, and takes its place in the top where
those leave room. (Measured on the panel, a question that ranked as a problem pushed out advice the experts
expected; the letter still says the question in its kernboodschap.) Where the situation changes the fitting advice
(a network, an integral collaboration, residents at the table or not), a rule of its own gives it.
"""

from __future__ import annotations

from . import continuing, parties, shaping

#: The question's rules, one module per group of topics (rules/__init__.py's all_rules reads them).
PARTS = (shaping, parties, continuing)

__all__ = ["PARTS", "continuing", "parties", "shaping"]
