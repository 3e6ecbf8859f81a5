"""The bounds on case input, in one place (SECURITY.md cites them).

A case describes one collaboration. The numbers are generous for any real
collaboration and keep the time and memory of reading any input bounded: every
input within :data:`MAX_CASE_BYTES` is accepted or refused in well under two
seconds.
"""

from __future__ import annotations

# Size of a case file, standard input or a string given to ``parse_case``, in UTF-8 bytes.
MAX_CASE_BYTES = 2 * 1024 * 1024
# Nesting of mappings and lists (a case needs five levels).
MAX_DEPTH = 24
# Values (mappings, lists and scalars, keys not counted) in one case; a case with
# MAX_PARTNERS partners and MAX_RESPONDENTS complete respondents has about 30,000.
MAX_NODES = 50_000
# Listed partners and respondents.
MAX_PARTNERS = 500
MAX_RESPONDENTS = 200
# Any other list of a case (climate signs, roles, levels, culture obstacles).
MAX_LIST_ITEMS = 100
# Characters in one text field (name, description, ...).
MAX_TEXT_CHARS = 10_000
# Digits of an integer in YAML or JSON (the largest number a case holds is 100,000).
MAX_INT_DIGITS = 15
# Problems listed in one error message (then "and N more"), and characters of a
# value quoted in a message.
MAX_PROBLEMS = 10
MAX_QUOTED_CHARS = 60


__all__ = [
    "MAX_CASE_BYTES",
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "MAX_LIST_ITEMS",
    "MAX_NODES",
    "MAX_PARTNERS",
    "MAX_PROBLEMS",
    "MAX_QUOTED_CHARS",
    "MAX_RESPONDENTS",
    "MAX_TEXT_CHARS",
]
