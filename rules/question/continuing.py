"""Questions about going on: what the collaboration yields, evaluating it, embedding it, money to continue.

Part of the collaboration's own question (rules/question): each topic the advisor records is a finding in the
case's own words, with the documents' advice for it.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, rule


@rule(
    "VRG008",
    title="De samenwerking vraagt advies over wat zij oplevert",
    when=[is_("question.opbrengst", True)],
    then=[Diagnose("F-VRAAG-OPBRENGST")],
)
def asks_about_the_yield() -> None:
    """Asks about the yield.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie,
    kan een samenwerking een permanent karakter krijgen."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-OPBRENGST to VRG108.
    """


@rule(
    "VRG108",
    title="Vraag over de opbrengst: maak de effecten zichtbaar en bepaal de netwerkwaarde",
    when=[finding("F-VRAAG-OPBRENGST")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN"), Recommend("I-NETWERKWAARDE-DRIE-KAPITALEN")],
)
def recommend_showing_the_yield() -> None:
    """Recommends showing the yield.

    Why: showing the effects gives a collaboration a permanent character, and its value is more than money:
    economic, social and cultural capital.
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie,
    kan een samenwerking een permanent karakter krijgen."
    Not when: no guard of its own; it fires whenever F-VRAAG-OPBRENGST is diagnosed.
    """


@rule(
    "VRG009",
    title="De samenwerking vraagt advies over terugkijken en het vervolg",
    when=[is_("question.evalueren", True)],
    then=[Diagnose("F-VRAAG-EVALUEREN")],
)
def asks_about_evaluating() -> None:
    """Asks about evaluating.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: Common Eye — "Het is belangrijk van tijd tot tijd de samenwerking tegen het licht te houden."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-EVALUEREN to VRG109.
    """


@rule(
    "VRG109",
    title="Vraag over evalueren: evalueer samen en reflecteer regelmatig",
    when=[finding("F-VRAAG-EVALUEREN")],
    then=[Recommend("I-SAMEN-EVALUEREN"), Recommend("I-REGELMATIGE-REFLECTIE")],
)
def recommend_evaluating_together() -> None:
    """Recommends evaluating together.

    Why: holding the collaboration up to the light together, from time to time, shows what goes well and what can
    change.
    Source: Common Eye — "Het is belangrijk van tijd tot tijd de samenwerking tegen het licht te houden."
    Not when: no guard of its own; it fires whenever F-VRAAG-EVALUEREN is diagnosed.
    """


@rule(
    "VRG010",
    title="De samenwerking vraagt advies over verankeren in het gewone werk",
    when=[is_("question.verankeren", True)],
    then=[Diagnose("F-VRAAG-VERANKEREN")],
)
def asks_about_embedding() -> None:
    """Asks about embedding.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: Common Eye — "Daarnaast was er te veel vertrouwen in persoonlijke relaties, waardoor deze niet werden
    geborgd in bestaande structuren."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-VERANKEREN to VRG110.
    """


@rule(
    "VRG110",
    title="Vraag over verankeren: bed de werkwijze in en veranker het proces in de organisaties",
    when=[finding("F-VRAAG-VERANKEREN")],
    then=[Recommend("I-WERKWIJZE-INBEDDEN"), Recommend("I-PROCES-VERANKEREN")],
)
def recommend_embedding_in_regular_work() -> None:
    """Recommends embedding in regular work.

    Why: what works lasts when it is part of the partners' regular work and structures, not of personal relations.
    Source: Common Eye — "Daarnaast was er te veel vertrouwen in persoonlijke relaties, waardoor deze niet werden
    geborgd in bestaande structuren."
    Not when: no guard of its own; it fires whenever F-VRAAG-VERANKEREN is diagnosed.
    """


@rule(
    "VRG011",
    title="De samenwerking vraagt advies over geld om door te gaan",
    when=[is_("question.financiering", True)],
    then=[Diagnose("F-VRAAG-FINANCIERING")],
)
def asks_about_funding() -> None:
    """Asks about funding.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: ZonMw — "Duurzaam samenwerken is essentieel. Zo kan de samenwerking voort blijven bestaan, ook als na
    2022 de subsidie is gestopt."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-FINANCIERING to VRG111.
    """


@rule(
    "VRG111",
    title="Vraag over geld: zoek structurele financiering en draagvlak en spreek de inbreng af",
    when=[finding("F-VRAAG-FINANCIERING")],
    then=[Recommend("I-STRUCTURELE-BORGING-ZOEKEN"), Recommend("I-INBRENG-EN-FINANCIERING-AFSPREKEN")],
)
def recommend_structural_funding_and_contributions() -> None:
    """Recommends structural funding and contributions.

    Why: a collaboration goes on after temporary money when structural funding and board support are sought in time
    and each partner's contribution is agreed.
    Source: ZonMw — "Duurzaam samenwerken is essentieel. Zo kan de samenwerking voort blijven bestaan, ook als na
    2022 de subsidie is gestopt."
    Not when: no guard of its own; it fires whenever F-VRAAG-FINANCIERING is diagnosed.
    """


__all__ = [
    "asks_about_embedding",
    "asks_about_evaluating",
    "asks_about_funding",
    "asks_about_the_yield",
    "recommend_embedding_in_regular_work",
    "recommend_evaluating_together",
    "recommend_showing_the_yield",
    "recommend_structural_funding_and_contributions",
]
