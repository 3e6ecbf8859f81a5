"""Questions about who takes part: other parties and policy domains, residents, companies.

Part of the collaboration's own question (rules/question): each topic the advisor records is a finding in the
case's own words, with the documents' advice for it.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, any_of, finding, is_, not_true, one_of, rule, unknown

# Every kind but the integral one (within one municipality), or a kind not known.
_NOT_INTEGRAL = any_of(
    one_of("context.type", "intersectoraal", "pps", "netwerk", "consortium"), unknown("context.type")
)


@rule(
    "VRG005",
    title="De samenwerking vraagt advies over het betrekken van andere partijen",
    when=[is_("question.partijen", True)],
    then=[Diagnose("F-VRAAG-PARTIJEN")],
)
def asks_about_other_parties() -> None:
    """Asks about other parties.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: RIVM handreiking — "Hoe breder je het trekt, hoe steviger het draagvlak voor je doelstelling."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-PARTIJEN to VRG105, VRG155.
    """


@rule(
    "VRG105",
    title="Vraag over andere partijen: betrek de ontbrekende partijen en maak hun meerwaarde zichtbaar",
    when=[finding("F-VRAAG-PARTIJEN"), _NOT_INTEGRAL],
    then=[Recommend("I-NETWERK-VERBREDEN"), Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_involving_the_missing_parties() -> None:
    """Recommends involving the missing parties.

    Why: broad involvement strengthens support and continuity, and a party joins when it sees what the collaboration
    brings it.
    Source: RIVM handreiking — "Hoe breder je het trekt, hoe steviger het draagvlak voor je doelstelling."
    Not when: it is an integral collaboration within the municipality (VRG155 then).
    """


@rule(
    "VRG155",
    title="Vraag over andere partijen, binnen de gemeente: betrek het beleidsterrein vanuit zijn eigen doelen",
    when=[finding("F-VRAAG-PARTIJEN"), is_("context.type", "integraal")],
    then=[Recommend("I-BELEIDSTERREIN-BETREKKEN"), Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_involving_the_policy_domain() -> None:
    """Recommends involving the policy domain.

    Why: within a municipality another policy domain joins through its own goals, when the collaboration's value for
    both is sought together.
    Source: RIVM handreiking — "Zoek met elkaar de meerwaarde van de samenwerking voor beide partijen."
    Not when: the collaboration is not integral (VRG105 then).
    """


@rule(
    "VRG012",
    title="De samenwerking vraagt advies over het betrekken van inwoners",
    when=[is_("question.inwoners", True)],
    then=[Diagnose("F-VRAAG-INWONERS")],
)
def asks_about_residents() -> None:
    """Asks about residents.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij"
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-INWONERS to VRG112, VRG162.
    """


@rule(
    "VRG112",
    title="Vraag over inwoners, die niet aan tafel zitten: betrek inwoners bij probleem en aanpak",
    when=[finding("F-VRAAG-INWONERS"), not_true("network.includes_bewoners")],
    then=[Recommend("I-INWONERS-BETREKKEN")],
)
def recommend_involving_residents() -> None:
    """Recommends involving residents.

    Why: the problem definition is made together with the residents it concerns, in dialogue with them.
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij"
    Not when: residents are at the table (VRG162 then).
    """


@rule(
    "VRG162",
    title="Vraag over inwoners, die aan tafel zitten: laat het eigenaarschap bij hen en faciliteer hun initiatief",
    when=[finding("F-VRAAG-INWONERS"), is_("network.includes_bewoners", True)],
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"), Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_residents_keep_ownership() -> None:
    """Recommends residents keep ownership.

    Why: where residents take part, the ownership stays in the neighbourhood and their own organisations are
    facilitated.
    Source: RIVM handreiking — "Faciliteer zelforganisaties!"
    Not when: no residents are listed among the partners (VRG112 then).
    """


@rule(
    "VRG013",
    title="De samenwerking vraagt advies over bedrijven als partner",
    when=[is_("question.bedrijven", True)],
    then=[Diagnose("F-VRAAG-BEDRIJVEN")],
)
def asks_about_companies() -> None:
    """Asks about companies.

    Why: an advice answers the question it was asked; the partners' own question is said in the case's own words, and
    its advice comes after the problems the answers show.
    Source: RIVM handreiking — "Heb als partners wederzijds vertrouwen in de dingen die de ander doet, maak
    afspraken en houd daarbij steeds voor ogen dat het gaat om ‘win-win’."
    Not when: the question does not name this topic. It leaves what to do about F-VRAAG-BEDRIJVEN to VRG113.
    """


@rule(
    "VRG113",
    title="Vraag over bedrijven: bouw vertrouwen op met win-win en breng de belangen op tafel",
    when=[finding("F-VRAAG-BEDRIJVEN")],
    then=[Recommend("I-WEDERZIJDS-VERTROUWEN-WIN-WIN"), Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_a_real_partnership_with_companies() -> None:
    """Recommends a real partnership with companies.

    Why: companies are partners, not sponsors: trust grows with agreements that let each one win, and each partner's
    interests are on the table.
    Source: RIVM handreiking — "Heb als partners wederzijds vertrouwen in de dingen die de ander doet, maak
    afspraken en houd daarbij steeds voor ogen dat het gaat om ‘win-win’."
    Not when: no guard of its own; it fires whenever F-VRAAG-BEDRIJVEN is diagnosed.
    """


__all__ = [
    "asks_about_companies",
    "asks_about_other_parties",
    "asks_about_residents",
    "recommend_a_real_partnership_with_companies",
    "recommend_involving_residents",
    "recommend_involving_the_missing_parties",
    "recommend_involving_the_policy_domain",
    "recommend_residents_keep_ownership",
]
