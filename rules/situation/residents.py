"""The party mix, residents: residents at the table or not, taking part without a seat, and with their
municipality (package partijen). HAN toolbox and RIVM handreiking: residents' initiatives need facilitating and their
ownership kept with the residents.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, any_of, finding, is_, not_true, one_of, rule, unknown


@rule(
    "SIT040",
    title="Bewoners zitten mee aan tafel",
    when=[
        is_("network.includes_bewoners", True),
        not_true("residents.professionals_take_over"),
    ],
    then=[Diagnose("F-BEWONERS-AAN-TAFEL")],
)
def residents_at_the_table() -> None:
    """Residents at the table.

    Why: Residents at the table hold the ownership the RIVM handreiking asks for, unless professionals take over.
    Source: RIVM handreiking — "Belangrijk aandachtpunt was om het eigenaarschap in buurt te houden".
    Not when: professionals are known to take the activities over: BEW002 diagnoses that. SIT140 advises.
    """


@rule(
    "SIT140",
    title="Bewoners aan tafel: laat het eigenaarschap bij de buurt en faciliteer zelforganisatie",
    when=[finding("F-BEWONERS-AAN-TAFEL")],
    then=[
        Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"),
        Recommend("I-ZELFORGANISATIES-FACILITEREN"),
        Recommend("I-INWONERS-BETREKKEN"),
    ],
)
def recommend_keeping_ownership_with_residents() -> None:
    """Recommends keeping ownership with residents.

    Why: Residents at the table keep the ownership; their self-organisation is facilitated (RIVM handreiking).
    Source: RIVM handreiking — "Een actieve rol van burgers én lokale partners zorgt voor blijvende betrokkenheid."
    Not when: no guard; it fires on F-BEWONERS-AAN-TAFEL, and no rule withholds its advice.
    """


@rule(
    "SIT051",
    title="Bewoners en gemeente zitten samen aan tafel, en of de rollen van de gemeente duidelijk zijn is niet bekend",
    when=[
        is_("network.bewoners_en_gemeente", True),
        not_true("network.gemeente_several_roles"),
        unknown("relation.gemeente_roles_unclear"),
    ],
    then=[Diagnose("F-BEWONERS-EN-GEMEENTE")],
)
def residents_and_their_municipality() -> None:
    """Residents and their municipality.

    Why: Residents beside their municipality need it to lead reliably and let go of control (Common Eye, RIVM).
    Source: RIVM handreiking — "Loslaten van controle leidt tot mooie dingen!"
    Not when: the municipality holds several roles (SIT044), nor once REL007 can judge its roles. SIT151 advises.
    """


@rule(
    "SIT151",
    title="Bewoners en gemeente aan tafel: laat de gemeente een betrouwbare partner zijn die ruimte geeft",
    when=[finding("F-BEWONERS-EN-GEMEENTE")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality_for_residents() -> None:
    """Recommends a reliable municipality for residents.

    Why: Residents need a municipality that is a reliable party in its roles (Common Eye, Vier sleutels).
    Source: Common Eye — "Gemeenten hebben de sleutel in handen om doorbraken te realiseren".
    Not when: no guard; it fires on F-BEWONERS-EN-GEMEENTE, and no rule withholds its advice.
    """


@rule(
    "SIT050",
    title="Inwoners denken mee over probleem en aanpak, zonder als partner aan tafel te zitten",
    when=[
        is_("network.includes_bewoners", False),
        is_("residents.involved", True),
        not_true("residents.professionals_take_over"),
    ],
    then=[Diagnose("F-INWONERS-DENKEN-MEE")],
)
def residents_take_part_without_a_seat() -> None:
    """Residents take part without a seat.

    Why: Residents who think along (co-creation) get the ownership advice as much as residents at the table.
    Source: RIVM handreiking — "Loslaten van controle leidt tot mooie dingen!"
    Not when: residents sit at the table (SIT040), nor when professionals take over (BEW002). SIT150 advises.
    """


@rule(
    "SIT150",
    title="Inwoners denken mee: leg de regie bij hen en faciliteer wat zij zelf organiseren",
    when=[finding("F-INWONERS-DENKEN-MEE")],
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"), Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_ownership_with_involved_residents() -> None:
    """Recommends ownership with involved residents.

    Why: Residents who think along keep the ownership; self-organisation is facilitated (RIVM handreiking).
    Source: RIVM handreiking — "Faciliteer zelforganisaties!"
    Not when: no guard; it fires on F-INWONERS-DENKEN-MEE, and no rule withholds its advice.
    """


@rule(
    "SIT041",
    title="Bewoners zitten niet aan tafel, en of zij anders betrokken zijn is niet bekend",
    when=[
        is_("network.includes_bewoners", False),
        any_of(one_of("context.type", "integraal", "intersectoraal", "netwerk"), unknown("context.type")),
        one_of("context.phase", "verkennen", "vormgeven"),
        unknown("residents.involved"),
    ],
    then=[Diagnose("F-BEWONERS-NIET-AAN-TAFEL")],
)
def residents_not_at_the_table() -> None:
    """Residents not at the table.

    Why: A collaboration around a local issue defines the problem with the residents (ZonMw, RIVM).
    Source: RIVM netwerkbijeenkomsten — "Hoe betrek je ook burgers/cliënten bij wijkgericht werken".
    Not when: residents sit at the table, for a PPS or consortium, outside verkennen and vormgeven, or once involvement
    is known.
    """


@rule(
    "SIT141",
    title="Bewoners niet aan tafel: bepaal samen het probleem en betrek de inwoners daarbij",
    when=[finding("F-BEWONERS-NIET-AAN-TAFEL")],
    then=[Recommend("I-INWONERS-BETREKKEN"), Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_involving_residents() -> None:
    """Recommends involving residents.

    Why: One advice with two halves: define the problem together, and involve the residents in it (ZonMw).
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij".
    Not when: no guard; it fires on F-BEWONERS-NIET-AAN-TAFEL, and no rule withholds its advice.
    """


__all__ = [
    "recommend_a_reliable_municipality_for_residents",
    "recommend_involving_residents",
    "recommend_keeping_ownership_with_residents",
    "recommend_ownership_with_involved_residents",
    "residents_and_their_municipality",
    "residents_at_the_table",
    "residents_not_at_the_table",
    "residents_take_part_without_a_seat",
]
