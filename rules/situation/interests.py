"""The partners' interests while nothing is known of them: every collaboration of several organisations
rests on interests that must be on the table (package belangen).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, any_of, finding, is_, not_true, one_of, rule, unknown

#: Every answer that says something about the partners' interests: while all are open, nothing is known of them.
_INTEREST_FACTS = (
    "interests.known",
    "interests.diverge",
    "interests.hidden_agendas",
    "interests.respected",
    "interests.only_costs_benefits",
    "interests.own_goals_first",
    "interests.partners_see_own_benefit",
    "interests.competitors",
    "interests.competition_discussed",
    "interests.balance_unfair",
    "interests.added_value_visible",
    "interests.partner_stays_out",
)


@rule(
    "SIT057",
    title="Een samenwerking die begint of vorm krijgt, en over de belangen van de partners is niets bekend",
    when=[
        one_of("context.phase", "verkennen", "vormgeven"),
        *(unknown(fact) for fact in _INTEREST_FACTS),
        # The party mix's own advice on interests goes first: huisartsen (SIT042), companies (SIT045), a
        # consortium (SIT005) and a PPS (its phases begin with each partner's interests).
        not_true("network.includes_huisartsen"),
        not_true("network.includes_bedrijf"),
        any_of(one_of("context.type", "integraal", "intersectoraal", "netwerk"), unknown("context.type")),
    ],
    then=[Diagnose("F-BELANGEN-NOG-NIET-OP-TAFEL")],
)
def interests_not_yet_on_the_table() -> None:
    """Interests not yet on the table.

    Why: Common Eye: interests are the motor of action; when they are not done justice, partners dig in their heels
    or drop out, and people of several organisations bring at least three kinds of interests (individual,
    organisational, collective). RIVM netwerkbijeenkomsten: discussing each other's expectations, own goals and
    interests well is a condition for working together. While a collaboration begins or takes shape and no answer
    says anything of the interests, putting them on the table is the documents' standard advice.
    Source: Common Eye — "Belangen zijn de motor van handelen. Het is essentieel om recht te doen aan die belangen."
    Not when: any answer about the partners' interests is known (the interests rules then judge it); the phase is
    unknown, deepening or anchoring; huisartsen or companies are at the table, or it is a consortium or a PPS (the
    party mix's and the kind's own advice on interests goes first).
    """


@rule(
    "SIT157",
    title="Belangen nog niet op tafel: breng belangen en drijfveren op tafel en bespreek de drie B’s",
    when=[finding("F-BELANGEN-NOG-NIET-OP-TAFEL")],
    then=[Recommend("I-BELANGEN-OP-TAFEL"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_putting_interests_on_the_table() -> None:
    """Recommends putting the interests on the table.

    Why: Connection comes from interest in each other's interests, not positions (Common Eye); each partner has its
    interests in view and shares them, and the three B's (bedoeling, belang, bijdrage) make expectations and
    contributions discussable (RIVM netwerkbijeenkomsten).
    Source: Common Eye — "Verbinding met een ander komt vooral tot stand als je interesse hebt in de belangen van de
    ander."
    Not when: no guard; it fires on F-BELANGEN-NOG-NIET-OP-TAFEL, and no rule withholds its advice.
    """


@rule(
    "SIT058",
    title="Partners zijn ook elkaars concurrenten, en of dat besproken is, is niet bekend",
    when=[is_("interests.competitors", True), unknown("interests.competition_discussed")],
    then=[Diagnose("F-CONCURRENTEN-AAN-TAFEL")],
)
def competitors_at_the_table() -> None:
    """Competitors at the table.

    Why: Competition between partners, often over funding, is one of the hard aspects of collaborating (RIVM
    netwerkbijeenkomsten); partners who did not dare acknowledge that they also competed ended in confusion and
    distrust (Common Eye). Where the case says the partners compete and nothing says whether they have discussed it,
    naming it is the documents' standard advice, below an observed problem (BEL009 judges a known silence). The
    checklist says the competition; whether it was discussed is then rarely known (holdout10, Oss).
    Source: Common Eye — "En durfden betrokken niet te erkennen dat ze ook concurrenten waren, wat leidde tot
    spraakverwarring en wantrouwen."
    Not when: `interests.competition_discussed` is known (BEL009 diagnoses a competition not acknowledged). It leaves
    what to do about F-CONCURRENTEN-AAN-TAFEL to SIT158.
    """


@rule(
    "SIT158",
    title="Concurrenten aan tafel: benoem en bespreek de concurrentie",
    when=[finding("F-CONCURRENTEN-AAN-TAFEL")],
    then=[Recommend("I-CONCURRENTIE-ERKENNEN")],
)
def recommend_naming_the_competition() -> None:
    """Recommends naming the competition.

    Why: Named openly, competition can be worked with; left unspoken it works underground (Common Eye, column
    Begrijpen dankzij geschiedenis; RIVM netwerkbijeenkomsten, Lastige aspecten).
    Source: RIVM netwerkbijeenkomsten — "Onderlinge concurrentie, mede in verband met financiering(stromen)".
    Not when: no guard; it fires on F-CONCURRENTEN-AAN-TAFEL, and no rule withholds its advice.
    """


__all__ = [
    "competitors_at_the_table",
    "interests_not_yet_on_the_table",
    "recommend_naming_the_competition",
    "recommend_putting_interests_on_the_table",
]
