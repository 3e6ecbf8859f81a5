"""What the advisor reads during the intake, in Dutch: a question's prompt with the answers it takes
(:func:`render_prompt`), why it is asked (:func:`why_text`), the hint on what to type instead of an
answer (:data:`HINT`) and the titles of the sections (:data:`SECTION_TITLES`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..model._catalogue import load_catalogue
from ..reasoning._relevance import consequences, recommended_for, rule_variants
from ..wording._dutch import number_word
from ._answers import LISTED_AT_MOST
from ._intake_steps import Step, questions_by_field

# Options whose words together are at most this long are listed on the question's own line.
_INLINE_OPTIONS = 60

HINT = (
    "Typ ? of waarom om te zien waarom een vraag gesteld wordt, terug voor de vorige vraag, "
    "weet niet, - of Enter om een vraag over te slaan en stop om later verder te gaan. "
    "Elk antwoord wordt meteen bewaard."
)

SECTION_TITLES: dict[str, str] = {
    "case": "De casus",
    "letter": "De brief",
    "context": "De samenwerking",
    "partners": "De partners",
    "leadership": "Regie en leiderschap",
    "climate": "Klimaat",
    "network": "Het netwerk",
    "funding": "Financiering",
    "ambition": "Ambitie",
    "interests": "Belangen",
    "relation": "Relatie",
    "process": "Proces",
    "organising": "Organiseren",
    "knowledge_sharing": "Kennisdeling",
    "residents": "Inwoners",
    "organisation": "De eigen organisatie",
    "gedeelde_ambitie": "Gedeelde ambitie",
    "belangen": "Belangen",
    "relatie": "Relatie",
    "betekenisgevend_proces": "Betekenisgevend proces",
    "professioneel_organiseren": "Professioneel organiseren",
    "klimaat": "Klimaat",
    "resultaten": "Resultaten",
    "signals": "Wat u herkent",
}


def render_prompt(step: Step) -> str:
    """The question as the advisor sees it, with the answers it takes."""
    if step.kind == "boolean":
        return f"{step.question} (ja/nee)"
    if step.kind == "integer":
        low = step.minimum if step.minimum is not None else 0
        what = f"een getal, minimaal {low}"
        if step.maximum is not None:
            what = f"een getal van {low} tot en met {step.maximum}"
        if step.accepts_date:
            what = f"aantal maanden, minimaal {low}, of een datum als 2027-06-30"
        return f"{step.question} ({what})"
    if step.kind == "scale":
        return f"{step.question} (1 helemaal oneens, 2 oneens, 3 deels, 4 eens, 5 helemaal eens; of: weet ik niet)"
    if step.kind == "partners":
        return step.question
    if step.kind in ("choice", "multiple"):
        # The advisor reads the options' Dutch words, never the values a case file stores.
        shown = step.labels or step.options
        numbered = [f"{n}. {label}" for n, label in enumerate(shown, 1)]
        # A long list (the checklist) is answered by its numbers: its names are whole sentences (walk7).
        named = len(shown) <= LISTED_AT_MOST
        if step.kind == "choice":
            how = "nummer of naam" if named else "nummer"
        else:
            how = "nummers of namen, gescheiden door komma's" if named else "nummers, gescheiden door komma's"
        if step.kind == "multiple" and step.maximum is not None:
            how += f"; hoogstens {number_word(step.maximum)}"
        if sum(len(label) for label in shown) <= _INLINE_OPTIONS:
            return f"{step.question} ({', '.join(numbered)}; {how})"
        return "\n".join([step.question, *("  " + line for line in numbered), f"({how})"])
    return step.question


def why_text(facts: Sequence[str], help: str = "", possible: Collection[str] | None = None) -> str:
    """Why a question about ``facts`` is asked, in Dutch: the catalogue's help
    text and the findings an answer can lead to (following derived facts),
    each with the interventions it leads to. Only rules in ``possible`` count,
    when given (and when that leaves anything to say)."""
    kb = load_catalogue()
    rules = rule_variants()
    lines = [f"Waarom deze vraag? {help}".rstrip()] if help else ["Waarom deze vraag?"]
    for allowed in (possible, None) if possible is not None else (None,):
        found, advised = consequences(facts, rules, allowed)
        if found or advised:
            break
    if not found and not advised:
        lines.append("Het antwoord verandert het advies niet; het staat wel in de casus.")
        return "\n".join(lines)
    if found:
        lines.append("Uw antwoord kan leiden tot deze bevindingen:")
        for finding_id in found:
            interventions = recommended_for(finding_id, rules)
            line = f"- {kb.finding[finding_id].title}"
            if interventions:
                line += " (advies: " + "; ".join(kb.intervention[i].title for i in interventions) + ")"
            lines.append(line)
    if advised:
        titles = "; ".join(kb.intervention[i].title for i in advised)
        lines.append(f"Het antwoord weegt ook mee in dit advies: {titles}")
    return "\n".join(lines)


def field_question(path: str) -> str | None:
    """The Dutch question (or statement) of the intake that fills a case field (``context.type``,
    ``observations.statements.regie_clear``), for a message about that field; None for a field no question fills."""
    found = questions_by_field().get(path)
    if found is not None:
        return found.question
    statement = path.removeprefix("observations.statements.")
    if statement != path:
        return next((s.text for s in load_catalogue().statements if s.id == statement), None)
    return None


__all__ = [
    "HINT",
    "SECTION_TITLES",
    "field_question",
    "render_prompt",
    "why_text",
]
