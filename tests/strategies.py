"""Hypothesis strategies that generate valid case data."""

from __future__ import annotations

import typing
from typing import Any

from hypothesis import strategies as st

from samenwerkwijzer.model._case_types import (
    ClimateLevel,
    ClimateSign,
    CollaborationType,
    Level,
    PartnerKind,
    PartnerRole,
    Phase,
    Regie,
)


def _one(literal: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(typing.get_args(literal))


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@st.composite
def partners(draw: st.DrawFn) -> list[dict[str, Any]]:
    names = draw(st.lists(_text, min_size=0, max_size=14, unique=True))
    return [
        {
            "name": name,
            "kind": draw(_one(PartnerKind)),
            "roles": draw(st.lists(_one(PartnerRole), max_size=3, unique=True)),
        }
        for name in names
    ]


def _section(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    listed = draw(partners())
    private = sum(p["kind"] == "bedrijf" for p in listed)
    network = draw(
        _section(
            core_group=st.booleans(),
            partner_count=st.integers(min_value=max(1, len(listed)), max_value=60),
            private_partner_count=st.integers(min_value=private, max_value=30),
        )
    )
    funding = draw(
        _section(
            subsidy=st.booleans(),
            months_left=st.integers(min_value=0, max_value=60),
            dependency=_one(Level),
            continuation_plan=st.booleans(),
        )
    )
    case: dict[str, Any] = {
        "name": draw(_text),
        "context": draw(_section(type=_one(CollaborationType), phase=_one(Phase), domain=_text)),
        "partners": listed,
        "observations": {
            "leadership": draw(
                _section(
                    regie=_one(Regie),
                    trekker=st.booleans(),
                    trekker_has_time=st.booleans(),
                    trekker_has_mandate=st.booleans(),
                )
            ),
            "climate": draw(
                _section(declared=_one(ClimateLevel), signs=st.lists(_one(ClimateSign), max_size=6, unique=True))
            ),
            "network": network,
            "funding": funding,
            "ambition": draw(_section(shared=st.booleans(), form_debate_dominates=st.booleans())),
        },
    }
    if draw(st.booleans()):
        case["description"] = draw(_text)
    return case
