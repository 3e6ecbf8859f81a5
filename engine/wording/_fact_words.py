"""What a fact says about the case, in one sentence of the letter: the wording a finding's reason is
written in when the catalogue's own first sentence hedges between situations ("De doelen zijn verbleekt of
er zijn nieuwe doelen bijgekomen", "Het team is net samengesteld of er zijn veel nieuwe mensen bijgekomen").
The letter says what the case's answer was, not every situation the rule would also have fired on.

Data only: a fact path and the value the rule matched, and the sentence. A finding whose facts have no entry
here keeps its catalogue sentence (its first sentence up to a colon), which the tests check for hedges.
"""

from __future__ import annotations

import re

__all__ = ["COUNTED_SENTENCES", "FACT_SENTENCES", "PHASES", "SHORT_COUNTED", "STRENGTHS", "hedged"]

# A statement scored high, as an advisor says it is a strength (not the questionnaire's sentence in lower case;
# walk6, review14): statement id -> a clause that fits after "Wat volgens de antwoorden goed gaat: ".
STRENGTHS: dict[str, str] = {
    "shared_goal": "de partners weten van elkaar wat zij willen bereiken",
    "shared_problem": "de partners zien het probleem op dezelfde manier",
    "added_value": "de partners zien wat zij samen meer bereiken dan ieder alleen",
    "residents_involved": "inwoners of cliënten denken mee over het probleem en de aanpak",
    "interests_known": "de partners kennen elkaars belangen en verwachtingen",
    "interests_respected": "de belangen van alle partners komen tot hun recht",
    "own_benefit": "elke partner ziet wat de samenwerking voor het eigen werk betekent",
    "get_along": "de sleutelpersonen kunnen goed met elkaar overweg",
    "contribution_valued": "ieders inbreng wordt gewaardeerd",
    "speak_up": "de partners zeggen het tegen elkaar als iets hen dwarszit",
    "information_shared": "de partners delen informatie makkelijk",
    "regie_clear": "voor alle partners is duidelijk wie de regie voert",
    "trekker_present": "er is iemand die de samenwerking trekt en het proces op gang houdt",
    "energy_holds": "de energie en belangstelling blijven op peil",
    "decisions_smooth": "besluiten komen zonder veel moeite tot stand",
    "collaboration_discussed": "de partners bespreken ook hoe hun samenwerking loopt",
    "tasks_divided": "taken en rollen zijn verdeeld op wat ieder wil en kan",
    "focused": "de samenwerking maakt keuzes en doet niet te veel tegelijk",
    "roles_at_table": "alle partijen die nodig zijn, zitten aan tafel",
    "results_visible": "partners en financiers zien wat de samenwerking oplevert",
    "evaluated_together": "de partners staan samen stil bij wat goed gaat en wat beter kan",
    "results_embedded": "wat de samenwerking oplevert, wordt een vast onderdeel van het gewone werk",
}

# (fact path, value as the Advice records it) -> the sentence that states it.
FACT_SENTENCES: dict[tuple[str, str], str] = {
    ("ambition.goals_shifting", "True"): "De doelen van de samenwerking verschuiven.",
    ("ambition.competing_activities", "True"): "Partners houden vast aan hun eigen activiteit, alsof die het doel is.",
    ("organisation.internal_alignment", "False"): (
        "Binnen de eigen organisaties van de partners is niet goed bekend wat zij aan de samenwerking kunnen bijdragen."
    ),
    ("organisation.own_position_clear", "False"): (
        "De partners weten niet goed hoe hun eigen organisatie ervoor staat en wat zij wel en niet willen inleveren."
    ),
    ("process.decisions_difficult", "True"): "De partners komen moeizaam tot besluiten.",
    ("results.visible", "False"): "Wat de samenwerking oplevert, is nog niet zichtbaar.",
    (
        "results.embedded",
        "nee",
    ): "De resultaten en werkwijzen van de samenwerking zijn niet ingebed in het reguliere werk.",
    ("results.embedded", "deels"): (
        "De resultaten en werkwijzen van de samenwerking zijn maar deels ingebed in het reguliere werk."
    ),
    (
        "organising.agreements",
        "nauwelijks",
    ): "Afspraken over rollen, taken en besluitvorming zijn nauwelijks vastgelegd.",
    ("organising.too_much_at_once", "True"): "De samenwerking wil te veel tegelijk.",
    ("organising.everyone_in_everything", "True"): "Iedereen zit overal bij.",
    ("network.split_in_groups", "True"): "De partners zijn uiteengevallen in twee groepen.",
    ("relation.team_new", "True"): "Het team is nieuw samengesteld.",
    ("network.want_to_join", "True"): "Er komen nieuwe organisaties bij de samenwerking.",
    (
        "network.nested",
        "True",
    ): "De samenwerking staat niet op zichzelf: rond hetzelfde vraagstuk bestaan al andere netwerken.",
    ("organising.tasks_divided", "False"): "Taken en rollen zijn niet verdeeld op wat ieder wil en kan.",
    ("residents.involved", "False"): (
        "De mensen voor wie de samenwerking er is, zijn niet betrokken bij het bepalen van het probleem en de aanpak."
    ),
    ("interests.hidden_agendas", "True"): "Partners wantrouwen elkaars bedoelingen.",
    (
        "relation.gemeente_roles_unclear",
        "True",
    ): "Voor de partners is niet duidelijk in welke rol de gemeente optreedt.",
    ("process.time_pressure", "True"): "De samenwerking staat onder tijdsdruk.",
    ("interests.competition_discussed", "False"): (
        "De partners zijn ook elkaars concurrenten, maar dat wordt niet openlijk benoemd."
    ),
    ("leadership.others_lean_back", "True"): (
        "Het trekken van de samenwerking ligt bij enkelen; de andere partners leunen achterover."
    ),
    ("funding.separate_streams", "True"): "De partners worden ieder apart gefinancierd, niet op een gezamenlijk doel.",
    ("relation.trust_personal_only", "True"): (
        "Het vertrouwen in de samenwerking rust vooral op persoonlijke relaties en is niet vastgelegd in afspraken."
    ),
    ("residents.professionals_take_over", "True"): "Professionals nemen activiteiten van bewoners over.",
    ("leadership.chair_from_largest_party", "True"): "De voorzitter is de bestuurder van de grootste partij.",
    ("leadership.trekker", "False"): "Er is niemand die de samenwerking trekt.",
    ("leadership.regie", "onduidelijk"): "Het is niet duidelijk wie de regie over de samenwerking voert.",
    ("knowledge_sharing.tension", "True"): (
        "Praktijk- en beleidspartners willen snel kennis, terwijl kennispartners zich niet voorbarig willen uitspreken."
    ),
}

# A finding whose catalogue sentence gives the rule's threshold ("telt al meer dan vijf organisaties") says the
# case's own count: finding id -> its sentences, with {path} for a fact (a count in words, a phase as PHASES
# names it); the first whose facts all have a value is said.
COUNTED_SENTENCES: dict[str, tuple[str, ...]] = {
    "F-TE-VEEL-PARTNERS-VOOR-START": (
        "De samenwerking is nog in de fase van {context.phase}, maar telt al {network.partner_count} partners.",
        "De samenwerking staat nog aan het begin, maar telt al {network.partner_count} partners.",
    ),
    "F-TE-VEEL-PRIVATE-PARTNERS": ("Er doen {network.private_partner_count} private partners mee.",),
    "F-GEEN-KERNTEAM": ("De samenwerking telt {network.partner_count} partners en heeft geen kernteam.",),
    "F-VEEL-PARTNERS-FASE-ONBEKEND": ("De samenwerking telt {network.partner_count} partners.",),
}

# The same findings in the kernboodschap, after its first sentence has said how many partners there are.
SHORT_COUNTED: dict[str, tuple[str, ...]] = {
    "F-TE-VEEL-PARTNERS-VOOR-START": (
        "Voor een samenwerking in de fase van {context.phase} zijn {network.partner_count} partners veel.",
        "Voor een samenwerking die nog aan het begin staat, zijn {network.partner_count} partners veel.",
    ),
    "F-GEEN-KERNTEAM": ("Er is geen kernteam dat het werk trekt.",),
    "F-VEEL-PARTNERS-FASE-ONBEKEND": ("Met {network.partner_count} partners is het een grote samenwerking.",),
}

# A phase as the letter names it after "in de fase van".
PHASES = {
    "verkennen": "verkennen",
    "vormgeven": "vormgeven",
    "verdiepen": "verdiepen",
    "verankeren": "verankeren",
}

# A sentence that hedges between situations: two verbs or clauses joined by "of" ("verdiept of verankert",
# "is verbleekt of er zijn", "een netwerk of consortium"), not "of" inside a noun phrase the case names.
_HEDGE = re.compile(
    r"\w+ of (?:er |niet\b|maar\b|moeten\b|waarvan\b|geen\b|\w\w+t\b|\w\w+en\b)|\bnetwerk of consortium\b|, of\b|"
    r"\bnog of\b|\bbijvoorbeeld\b"
)


def hedged(sentence: str) -> bool:
    """Whether a sentence hedges between situations instead of saying what the case's answer was."""
    return bool(_HEDGE.search(sentence))
