"""Funding: a subsidy that ends, and partners who depend on it.

ZonMw leernetwerk is about exactly this: keep collaborating after the subsidy stops,
because partners still mean something to each other. Common Eye's history
column shows what happens when a won subsidy carries a collaboration that
arranged hardly any agreements or governance.
"""

from __future__ import annotations

from .dsl import Diagnose, Recommend, at_most, finding, is_, not_true, rule


@rule(
    "SUB001",
    title="De subsidie eindigt binnen een jaar en er is geen plan voor daarna, of het is niet bekend",
    when=[
        is_("funding.subsidy", True),
        at_most("funding.months_left", "subsidy_horizon_months"),
        not_true("funding.continuation_plan"),
    ],
    then=[Diagnose("F-SUBSIDIE-EINDIGT-ZONDER-PLAN")],
)
def subsidy_ends_without_plan() -> None:
    """ZonMw leernetwerk: sustaining the collaboration after the subsidy needs deliberate work. A plan nobody
    knows of is no plan: treat it as missing until shown otherwise (SUB002 merged into this rule)."""


@rule(
    "SUB003",
    title="Partners zijn sterk afhankelijk van een subsidie die eindigt",
    when=[
        is_("funding.subsidy", True),
        is_("funding.dependency", "hoog"),
        at_most("funding.months_left", "subsidy_horizon_months"),
    ],
    then=[Diagnose("F-HOGE-SUBSIDIEAFHANKELIJKHEID")],
)
def heavy_dependency_on_ending_subsidy() -> None:
    """Common Eye (history column): all five depended on the subsidy; then conflict followed."""


@rule(
    "SUB101",
    title="Subsidie eindigt zonder plan: werk aan een vervolg en bespreek bijdragen",
    when=[finding("F-SUBSIDIE-EINDIGT-ZONDER-PLAN")],
    then=[Recommend("I-VERVOLG-NA-SUBSIDIE"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_planning_beyond_the_subsidy() -> None:
    """ZonMw leernetwerk's golden tips: a shared goal and honest talk about expectations and contributions."""


@rule(
    "SUB102",
    title="Hoge afhankelijkheid: zoek structurele financiering en draagvlak, borg afspraken en maak effecten zichtbaar",
    when=[finding("F-HOGE-SUBSIDIEAFHANKELIJKHEID")],
    then=[
        Recommend("I-STRUCTURELE-BORGING-ZOEKEN"),
        Recommend("I-AFSPRAKEN-EN-GOVERNANCE-BORGEN"),
        Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN"),
    ],
)
def recommend_anchoring_beyond_the_subsidy() -> None:
    """ZonMw leernetwerk: keep collaborating after the subsidy stops, which needs someone to carry it (RIVM
    handreiking: draagvlak bij het college; RIVM netwerkbijeenkomsten: a bestuurlijke trekker). Common Eye:
    agreements and governance, not only personal trust; HAN toolbox: shown effects anchor."""


@rule(
    "SUB004",
    title="Gescheiden financiering en prestatieafspraken per organisatie",
    when=[is_("funding.separate_streams", True)],
    then=[Diagnose("F-GESCHEIDEN-FINANCIERING")],
)
def funding_streams_are_separate() -> None:
    """ZonMw leernetwerk (gescheiden financiën), Common Eye (library: prestatieafspraken per organisatie; RAKU:
    financial
    competition incentive)."""


@rule(
    "SUB103",
    title="Gescheiden financiering: bundel de middelen rond het gezamenlijke doel",
    when=[finding("F-GESCHEIDEN-FINANCIERING")],
    then=[Recommend("I-FINANCIERING-ONTSCHOTTEN")],
)
def recommend_pooling_the_funding() -> None:
    """ZonMw leernetwerk and HAN toolbox (Proeftuin Ruwaard: alle potjes bij elkaar), 004 (Weer thuis, RAKU)."""


@rule(
    "SUB104",
    title="Verankeren zonder plan voor na de subsidie: maak de effecten zichtbaar",
    when=[is_("context.phase", "verankeren"), finding("F-SUBSIDIE-EINDIGT-ZONDER-PLAN")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_showing_effects_when_anchoring() -> None:
    """HAN toolbox: showing effects (effectencalculatie) can give a collaboration a permanent character."""
