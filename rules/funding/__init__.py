"""Funding: a subsidy that ends, and partners who depend on it.

ZonMw leernetwerk is about exactly this: keep collaborating after the subsidy stops,
because partners still mean something to each other. Common Eye's history
column shows what happens when a won subsidy carries a collaboration that
arranged hardly any agreements or governance.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, any_of, at_most, finding, is_, not_true, one_of, rule


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
    """Subsidy ends without plan.

    Why: ZonMw leernetwerk: sustaining the collaboration after the subsidy needs deliberate work. A plan nobody knows of
    is no plan: treat it as missing until shown otherwise (SUB002 merged into this rule).
    Source: ZonMw — "Duurzaam samenwerken is essentieel. Zo kan de samenwerking voort blijven bestaan, ook als na 2022
    de subsidie is gestopt."
    Not when: `funding.months_left` is above the threshold `subsidy_horizon_months`; nor when
    `funding.continuation_plan` is true. It leaves what to do about F-SUBSIDIE-EINDIGT-ZONDER-PLAN to SUB101 and SUB104.
    """


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
    """Heavy dependency on ending subsidy.

    Why: Common Eye (history column): all five depended on the subsidy; then conflict followed.
    Source: Common Eye — "Onverwacht succes, want alle vijf waren in grote mate afhankelijk van deze subsidie. Na de
    champagne ontstond er snel gedoe."
    Not when: `funding.dependency` is not 'hoog'; nor when `funding.months_left` is above the threshold
    `subsidy_horizon_months`. It leaves what to do about F-HOGE-SUBSIDIEAFHANKELIJKHEID to ORG002 and SUB102.
    """


@rule(
    "SUB101",
    title="Subsidie eindigt zonder plan: werk aan een vervolg en bespreek bijdragen",
    when=[finding("F-SUBSIDIE-EINDIGT-ZONDER-PLAN")],
    then=[Recommend("I-VERVOLG-NA-SUBSIDIE"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_planning_beyond_the_subsidy() -> None:
    """Recommends planning beyond the subsidy.

    Why: ZonMw leernetwerk's golden tips: a shared goal and honest talk about expectations and contributions.
    Source: ZonMw — "Duurzaam samenwerken is dat je op de lange termijn samenwerkt, op regelmatige basis."
    Not when: no guard of its own; it fires whenever F-SUBSIDIE-EINDIGT-ZONDER-PLAN is diagnosed, and no rule withholds
    its advice.
    """


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
    """Recommends anchoring beyond the subsidy.

    Why: ZonMw leernetwerk: keep collaborating after the subsidy stops, which needs someone to carry it (RIVM
    handreiking: draagvlak bij het college; RIVM netwerkbijeenkomsten: a bestuurlijke trekker). Common Eye: agreements
    and governance, not only personal trust; HAN toolbox: shown effects anchor.
    Source: ZonMw — "Duurzaam samenwerken is essentieel. Zo kan de samenwerking voort blijven bestaan, ook als na 2022
    de subsidie is gestopt."
    Not when: its I-AFSPRAKEN-EN-GOVERNANCE-BORGEN is withheld where ORG201 (no more agreements when already extensive)
    fires.
    """


@rule(
    "SUB004",
    title="Gescheiden financiering en prestatieafspraken per organisatie",
    when=[is_("funding.separate_streams", True)],
    then=[Diagnose("F-GESCHEIDEN-FINANCIERING")],
)
def funding_streams_are_separate() -> None:
    """Funding streams are separate.

    Why: Separate funding streams keep the domains and organisations apart and can even reward competition (ZonMw
    leernetwerk, gescheiden financiën; Common Eye, library and RAKU).
    Source: ZonMw — "Stop met gescheiden financiën voor sociaal en fysiek domein".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GESCHEIDEN-FINANCIERING to SUB103.
    """


@rule(
    "SUB103",
    title="Gescheiden financiering: bundel de middelen rond het gezamenlijke doel",
    when=[finding("F-GESCHEIDEN-FINANCIERING")],
    then=[Recommend("I-FINANCIERING-ONTSCHOTTEN")],
)
def recommend_pooling_the_funding() -> None:
    """Recommends pooling the funding.

    Why: Separate funding per domain keeps the domains apart; pooling it around the shared goal lets them work as one
    (ZonMw leernetwerk; HAN toolbox, Proeftuin Ruwaard; Common Eye, Weer thuis).
    Source: ZonMw — "Stop met gescheiden financiën voor sociaal en fysiek domein".
    Not when: no guard of its own; it fires whenever F-GESCHEIDEN-FINANCIERING is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "SUB104",
    title="Verankeren zonder plan voor na de subsidie: maak de effecten zichtbaar",
    when=[is_("context.phase", "verankeren"), finding("F-SUBSIDIE-EINDIGT-ZONDER-PLAN")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_showing_effects_when_anchoring() -> None:
    """Recommends showing effects when anchoring.

    Why: HAN toolbox: showing effects (effectencalculatie) can give a collaboration a permanent character.
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen."
    Not when: no guard of its own; it fires whenever F-SUBSIDIE-EINDIGT-ZONDER-PLAN is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "SUB030",
    title="De samenwerking werkt nog zoals tijdens de subsidieaanvraag",
    when=[is_("funding.origin", "subsidieaanvraag"), one_of("funding.bid_mode_continues", "deels", "ja")],
    then=[Diagnose("F-WERKWIJZE-VAN-DE-AANVRAAG")],
)
def still_working_as_in_the_bid() -> None:
    """Still working as in the bid.

    Why: Common Eye, history column: an alliance built in three months won a multi-year subsidy and kept the way of
    working that won it (few agreements, hardly a structure, trust in persons); trouble came right after.
    Source: Common Eye — "Na de champagne ontstond er snel gedoe."
    Not when: `funding.bid_mode_continues` is unknown or none of 'deels', 'ja'. It leaves what to do about
    F-WERKWIJZE-VAN-DE-AANVRAAG to SUB130.
    """


@rule(
    "SUB031",
    title="Er is onzekerheid over capaciteit en geld",
    when=[one_of("funding.capacity_money_uncertain", "deels", "ja")],
    then=[Diagnose("F-ONZEKERHEID-CAPACITEIT-EN-GELD")],
)
def capacity_and_money_uncertain() -> None:
    """Capacity and money uncertain.

    Why: Common Eye, netwerkdip: questions of capacity and the search for money take much energy and cause uncertainty,
    whether or not there is a subsidy.
    Source: Common Eye — "Capaciteitsvraagstukken en de zoektocht naar financiën vragen veel energie en zorgen voor
    onzekerheid."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-ONZEKERHEID-CAPACITEIT-EN-GELD to SUB131.
    """


@rule(
    "SUB033",
    title="Een samenwerking die zich verdiept of verankert, met onzekere capaciteit en geld en zonder bekende subsidie",
    when=[
        one_of("funding.capacity_money_uncertain", "deels", "ja"),
        one_of("context.phase", "verdiepen", "verankeren"),
        not_true("funding.subsidy"),
    ],
    then=[Diagnose("F-DOORGAAN-ONZEKER")],
)
def continuation_uncertain_without_a_subsidy() -> None:
    """Continuation uncertain without a subsidy.

    Why: ZonMw leernetwerk: "Duurzaam samenwerken is essentieel", so that the collaboration goes on when temporary money
    stops; RIVM handreiking: "Draagvlak bij het college is een must!". Continuity does not hang on a subsidy alone: a
    village initiative or a network past its start whose capacity and money are uncertain needs structural support in
    time as much as a subsidised one (SIT060 and SUB001 advise the subsidised one).
    Source: ZonMw — "Duurzaam samenwerken is essentieel."
    Not when: `context.phase` is unknown or none of 'verdiepen', 'verankeren'; nor when `funding.subsidy` is true. It
    leaves what to do about F-DOORGAAN-ONZEKER to SUB133.
    """


@rule(
    "SUB133",
    title="Doorgaan onzeker: zoek op tijd structurele financiering en bestuurlijk draagvlak",
    when=[finding("F-DOORGAAN-ONZEKER")],
    then=[Recommend("I-STRUCTURELE-BORGING-ZOEKEN")],
)
def recommend_structural_support() -> None:
    """Recommends structural support.

    Why: A collaboration whose continuation is uncertain seeks structural support in time: a board-level trekker such as
    the alderman, and support in the college (RIVM netwerkbijeenkomsten; RIVM handreiking).
    Source: RIVM netwerkbijeenkomsten — "Zoek per project een bestuurlijke trekker, bijvoorbeeld de wethouder."
    Not when: no guard of its own; it fires whenever F-DOORGAAN-ONZEKER is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SUB032",
    title="Financiers of politiek vragen om verantwoording",
    when=[one_of("funding.accountability_pressure", "deels", "ja")],
    then=[Diagnose("F-VERANTWOORDINGSDRUK")],
)
def accountability_demanded() -> None:
    """Accountability demanded.

    Why: Common Eye, netwerkdip: partners must account for capacity, effort and results; unaligned demands for accounts
    raise existential questions.
    Source: Common Eye — "de niet gestroomlijnde uitvraag van verantwoording en resultaat leiden tot existentiële vragen
    over het netwerk bij de samenwerkingspartijen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-VERANTWOORDINGSDRUK to SUB132.
    """


@rule(
    "SUB130",
    title="Werkwijze van de aanvraag: borg afspraken en besturing",
    when=[finding("F-WERKWIJZE-VAN-DE-AANVRAAG")],
    then=[Recommend("I-AFSPRAKEN-EN-GOVERNANCE-BORGEN")],
)
def recommend_governance_after_the_bid() -> None:
    """Recommends governance after the bid.

    Why: Common Eye, history column: believing too long in the way of working that won meant agreements and governance
    were hardly arranged.
    Source: Common Eye — "Daarnaast was er te veel vertrouwen in persoonlijke relaties, waardoor deze niet werden
    geborgd in bestaande structuren."
    Not when: its I-AFSPRAKEN-EN-GOVERNANCE-BORGEN is withheld where ORG201 (no more agreements when already extensive)
    fires.
    """


@rule(
    "SUB131",
    title="Onzekerheid over capaciteit en geld: spreek de inbreng af",
    when=[finding("F-ONZEKERHEID-CAPACITEIT-EN-GELD")],
    then=[Recommend("I-INBRENG-EN-FINANCIERING-AFSPREKEN")],
)
def recommend_agreeing_the_contributions() -> None:
    """Recommends agreeing the contributions.

    Why: RIVM handreiking (clear agreements on roles, tasks, time and money; what each can contribute) and Common Eye
    building blocks (how we deal with the financing of and in the network).
    Source: RIVM handreiking — "Duidelijke afspraken over rollen, taken, tijd en geld".
    Not when: no guard of its own; it fires whenever F-ONZEKERHEID-CAPACITEIT-EN-GELD is diagnosed, and no rule
    withholds its advice.
    """


@rule(
    "SUB132",
    title="Verantwoordingsdruk: maak de effecten zichtbaar",
    when=[finding("F-VERANTWOORDINGSDRUK")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_showing_the_effects() -> None:
    """Recommends showing the effects.

    Why: Common Eye, netwerkdip (partners must present outcomes and show their effect) and HAN toolbox (an
    effectencalculatie gives the collaboration a permanent character).
    Source: Common Eye — "Ze moeten uitkomsten presenteren en het effect van hun activiteiten laten zien."
    Not when: no guard of its own; it fires whenever F-VERANTWOORDINGSDRUK is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "SUB034",
    title="Een financier heeft besloten te bezuinigen op de samenwerking",
    when=[is_("funding.cut", True)],
    then=[Diagnose("F-FINANCIERING-GEKORT")],
)
def funding_cut() -> None:
    """Funding cut.

    Why: A decided cut is no longer uncertainty about capacity and money (SUB031) but a fact the partners must act on:
    with less money and fewer hours than their plans assume, the collaboration goes on only if the partners choose what
    continues and find support for what must remain (ZonMw leernetwerk: "blijven samenwerken, ook als de subsidie
    stopt"; Common Eye, netwerkdip: the search for money takes much energy).
    Source: ZonMw — "Duurzaam samenwerken is essentieel. Zo kan de samenwerking voort blijven bestaan, ook als na 2022
    de subsidie is gestopt."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-FINANCIERING-GEKORT to SUB134.
    """


@rule(
    "SUB134",
    title="Bezuiniging: kies samen wat doorgaat en zoek draagvlak voor wat moet blijven",
    when=[finding("F-FINANCIERING-GEKORT")],
    then=[
        Recommend("I-FOCUS-EN-FASEREN"),
        Recommend("I-STRUCTURELE-BORGING-ZOEKEN"),
        Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN"),
        Suppress("I-NETWERK-VERBREDEN"),
    ],
)
def recommend_choosing_what_continues() -> None:
    """Recommends choosing what continues after a cut.

    Why: With less money the partners cannot do everything they planned: they choose together the activities that
    contribute most and phase the rest (RIVM handreiking: not everything at once), and seek structural funding and
    board-level support in time for what must remain (ZonMw leernetwerk; RIVM handreiking, "Draagvlak bij het college
    is een must!"). What must remain is kept, and new financiers found, by showing what it yields (HAN toolbox: the
    effects shown give a collaboration a permanent character; review15, Almelo).
    Source: RIVM handreiking — "Dus niet alles tegelijk willen realiseren en de partners vooral niet overvoeren met een
    te breed aanbod."
    Not when: no guard of its own; it fires whenever F-FINANCIERING-GEKORT is diagnosed. It withholds
    I-NETWERK-VERBREDEN: with less money the partners choose before they add partners.
    """


@rule(
    "SUB035",
    title="Een financier of bestuur heeft de partners een laatste kans gegeven",
    when=[is_("funding.ultimatum", True)],
    then=[Diagnose("F-LAATSTE-KANS")],
)
def last_chance() -> None:
    """Last chance.

    Why: when a financier or board makes the collaboration's future depend on a joint plan by a date, its existence is
    in question (Common Eye, the netwerkdip's existential questions) and the partners must act together now.
    Source: Common Eye — "Het formuleren van een gedeelde ambitie doe je samen en is niet een eenmalige activiteit."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-LAATSTE-KANS to
    SUB135.
    """


@rule(
    "SUB135",
    title="Laatste kans: maak samen een gedeeld plan",
    when=[finding("F-LAATSTE-KANS")],
    then=[Recommend("I-GEDEELDE-AMBITIE-FORMULEREN")],
)
def recommend_a_joint_plan() -> None:
    """Recommends a joint plan.

    Why: a joint plan starts from an ambition the partners formulate together, and formulating it is done together
    and more than once (Common Eye).
    Source: Common Eye — "Het formuleren van een gedeelde ambitie doe je samen en is niet een eenmalige activiteit."
    Not when: no guard of its own; it fires whenever F-LAATSTE-KANS is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SUB136",
    title="Laatste kans terwijl de partners het oneens zijn: laat het proces begeleiden door iemand die geen partij is",
    when=[
        finding("F-LAATSTE-KANS"),
        any_of(
            one_of("climate.level", "onenigheid", "conflict"),
            finding("F-SPANNING-UIT-DE-FEITEN"),
            finding("F-VERTROUWEN-LAAG"),
            finding("F-PERSOONLIJKE-FRICTIE"),
        ),
    ],
    then=[Recommend("I-ONAFHANKELIJKE-PROCESBEGELEIDING")],
)
def recommend_outside_guidance_for_the_last_chance() -> None:
    """Recommends outside guidance for the last chance.

    Why: where the partners have not managed a joint plan because they disagree or do not trust each other, a
    process lead who is no party moderates their expertise and interests (ZonMw leernetwerk). Not for a last chance
    alone (walk7: every last chance got advice about a dispute the case did not show).
    Source: ZonMw — "een procesverantwoordelijke die in de procesgang expertises en belangen modereert".
    Not when: the climate is known and neither disagreement nor conflict, and the answers show no tension, low trust
    or clashing key persons.
    """


__all__ = [
    "accountability_demanded",
    "capacity_and_money_uncertain",
    "continuation_uncertain_without_a_subsidy",
    "funding_cut",
    "funding_streams_are_separate",
    "heavy_dependency_on_ending_subsidy",
    "last_chance",
    "recommend_a_joint_plan",
    "recommend_outside_guidance_for_the_last_chance",
    "recommend_agreeing_the_contributions",
    "recommend_anchoring_beyond_the_subsidy",
    "recommend_choosing_what_continues",
    "recommend_governance_after_the_bid",
    "recommend_planning_beyond_the_subsidy",
    "recommend_pooling_the_funding",
    "recommend_showing_effects_when_anchoring",
    "recommend_showing_the_effects",
    "recommend_structural_support",
    "still_working_as_in_the_bid",
    "subsidy_ends_without_plan",
]
