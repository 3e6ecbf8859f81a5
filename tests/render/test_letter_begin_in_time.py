"""The letter says to begin in time with a later priority only where that priority gives the collaboration
someone who pulls or leads the process: not for the board's support (the walk of 2026-12-07 found 'zonder iemand
die trekt' under 'Organiseer bestuurlijk eigenaarschap' in a case without a trekker finding)."""

from __future__ import annotations

from samenwerkwijzer import diagnose, parse_case, render_letter

_CASE = """
name: Samenwerking Jeugd Oost
context: {{domain: jeugd in de wijk, type: intersectoraal, phase: verdiepen}}
partners:
  - {{name: Gemeente Oost, kind: gemeente, roles: [beslisser, financier]}}
  - {{name: GGD Oost, kind: ggd}}
observations:
  funding: {{subsidy: true, months_left: 5, continuation_plan: false}}
  leadership: {{regie: onduidelijk, board_support: false{trekker}}}
"""


def test_the_boards_support_is_not_where_the_letter_says_to_begin_in_time():
    letter = render_letter(diagnose(parse_case(_CASE.format(trekker=""))))
    begin = [line for line in letter.splitlines() if "In de tijd komt de" in line]
    priorities = [line for line in letter.splitlines() if line.startswith("### ")]
    if begin:  # only a priority about who pulls or leads may be named there
        named = begin[0].split("In de tijd komt de ")[1].split(" eerst")[0]
        place = ["eerste", "tweede", "derde"].index(named)
        assert "bestuurlijk" not in priorities[place].lower(), (begin, priorities)


def test_a_missing_trekker_still_comes_first_in_time():
    letter = render_letter(diagnose(parse_case(_CASE.format(trekker=", trekker: false"))))
    priorities = [line for line in letter.splitlines() if line.startswith("### ")]
    trekker = [n for n, p in enumerate(priorities) if "trekker" in p.lower() or "regie" in p.lower()]
    if trekker and trekker[0] > 0:
        assert "In de tijd komt de" in letter, priorities
