"""Reading a case and building its facts take time linear in its size.

Counted, not timed: the Python calls made (cProfile's count, the same in any
process) plus every comparison and hash of a partner name (names are a ``str``
subclass that counts them, so a ``names.count(name)`` per partner, which is
one call but a pass over the list, shows up). The cost per extra partner from
1,000 to 10,000 partners must be no more than from 10 to 1,000: a quadratic
check makes it ten times more.

A case lists at most ``MAX_PARTNERS`` (500) partners, a bound on input (see
SECURITY.md) rather than on speed; the parts are tested past it: the parser
and the shape check on the text of 10,000 partners, the case's own checks and
the fact building on a case constructed without the list's bound.
"""

from __future__ import annotations

import cProfile
import json
import pstats
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import yaml

from samenwerkwijzer.model._case import Case, Observations, Partner, Respondent
from samenwerkwijzer.model._combined_facts import combined_facts
from samenwerkwijzer.model._parsing import _load_json, _load_yaml, shape_problem

SIZES = (10, 1_000, 10_000)
KINDS = ("gemeente", "ggd", "zorgaanbieder", "bedrijf", "huisartsen", "school")
ROLES = ("beslisser", "uitvoerder", "financier", "gebruiker")
TODAY = date(2026, 11, 22)


class _Name(str):
    """A partner name that counts how often it is compared or hashed."""

    operations = 0

    def __eq__(self, other: object) -> bool:
        _Name.operations += 1
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        _Name.operations += 1
        return str.__ne__(self, other)

    def __hash__(self) -> int:
        _Name.operations += 1
        return str.__hash__(self)


def _operations(work: Callable[[], object]) -> int:
    _Name.operations = 0
    profile = cProfile.Profile()
    profile.enable()
    try:
        work()
    finally:
        profile.disable()
    return pstats.Stats(profile).total_calls + _Name.operations  # type: ignore[attr-defined,no-any-return]


def _assert_linear(cost: Callable[[int], int]) -> None:
    small, medium, large = (cost(n) for n in SIZES)
    per_partner_before = (medium - small) / (SIZES[1] - SIZES[0])
    per_partner_after = (large - medium) / (SIZES[2] - SIZES[1])
    assert per_partner_after <= 1.1 * per_partner_before + 1, (small, medium, large)


def _partner_data(n: int) -> list[dict[str, Any]]:
    return [{"name": f"Partner {i}", "kind": KINDS[i % len(KINDS)]} for i in range(n)]


def _partners(n: int) -> list[Partner]:
    made = []
    for i in range(n):
        partner = Partner.model_validate(
            {"name": f"Partner {i}", "kind": KINDS[i % len(KINDS)], "roles": [ROLES[i % len(ROLES)]]}
        )
        made.append(partner.model_copy(update={"name": _Name(partner.name)}))
    return made


def _case(n: int, respondents: int = 0) -> Case:
    """A case of ``n`` partners, built past the list's bound (no validation)."""
    answers = [
        Respondent.model_validate({"name": f"Respondent {r}", "observations": {"leadership": {"trekker": r % 2 == 0}}})
        for r in range(respondents)
    ]
    return Case.model_construct(
        name="Groot netwerk", partners=_partners(n), observations=Observations(), respondents=answers
    )


@pytest.mark.parametrize("form", ["yaml", "json"])
def test_parsing_a_case_text_is_linear(form):
    def cost(n: int) -> int:
        data = {"name": "Groot netwerk", "partners": _partner_data(n)}
        if form == "json":
            text = json.dumps(data)
            return _operations(lambda: _load_json(text))
        text = yaml.safe_dump(data, allow_unicode=True)
        return _operations(lambda: _load_yaml(text))

    _assert_linear(cost)


def test_the_shape_check_is_linear():
    _assert_linear(lambda n: _operations(lambda: shape_problem({"name": "x", "partners": _partner_data(n)})))


def test_the_case_checks_are_linear():
    """Unique names, counts at least the listed partners: a ``Counter``, not ``names.count`` per name."""

    def cost(n: int) -> int:
        case = _case(n)
        return _operations(case._counts_cover_listed_partners)

    _assert_linear(cost)


def test_a_repeated_name_is_still_found():
    case = _case(3)
    twice = case.model_copy(update={"partners": [*case.partners, case.partners[0]]})
    with pytest.raises(ValueError, match="repeated: Partner 0"):
        twice._counts_cover_listed_partners()


@pytest.mark.parametrize("respondents", [0, 20])
def test_building_the_facts_is_linear(respondents):
    def cost(n: int) -> int:
        case = _case(n, respondents)
        return _operations(lambda: combined_facts(case, TODAY))

    _assert_linear(cost)


def test_respondents_share_one_pass_over_the_partners():
    """Each respondent's view has the same partners: more respondents add no partner work."""
    few_views, many_views = _case(1_000, 2), _case(1_000, 40)
    few = _operations(lambda: combined_facts(few_views, TODAY))
    many = _operations(lambda: combined_facts(many_views, TODAY))
    # 38 more views, each some hundreds of calls; walking 1,000 partners per view would add 38,000.
    assert many - few < 38 * 1_000


def test_the_facts_of_a_large_case_are_those_of_the_model():
    case = _case(1_000)
    facts, _ = combined_facts(case, TODAY)
    assert facts["network.partner_count"] == case.partner_count == 1_000
    assert facts["network.private_partner_count"] == case.private_partner_count
    assert facts["network.includes_huisartsen"] is True
    assert "network.missing_roles" not in facts  # every role is held
