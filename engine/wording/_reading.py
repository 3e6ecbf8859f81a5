"""Reading the case for the letter: what it shows (observed findings, a thin case, the open questions),
the statements as a voice, and the parts of the letter that only report (signature, the respondents'
differences, the status table). :mod:`._compose` builds the letter's sentences on this. Nothing here
imports the rule book or the knowledge base.
"""

from __future__ import annotations

import re

from ..model._advice import FindingResult
from ..model._facts import QUESTION_FIELD
from ._case_text import CaseText
from ._case_words import MIN_RESPONDENTS, Sentence, lower_first, number, partner_name, upper_first
from ._dutch import and_list
from ._fact_words import STRENGTHS

__all__ = ["CaseReading", "MAX_QUESTIONS"]

# How many open questions a thin letter asks.
MAX_QUESTIONS = 4


def _topic_rank(finding: str, order: list[str]) -> int:
    """Where an asked finding's topic (F-VRAAG-<TOPIC>) stands in the question as the advisor gave it."""
    topic = finding.removeprefix("F-VRAAG-").lower()
    return order.index(topic) if topic in order else len(order)


# How the findings of the collaboration's own question begin (rules/question/findings.yaml).
_ASKS = "Uw vraag gaat vooral over "
_QUESTION = re.compile(r"‘([^’]+\?)’")
# Questions that invite one partner to judge another have no place in a letter all partners read: the
# letter asks them of all partners together, or leaves them out. Data: a pattern of such a question and
# its neutral form (None: leave it out); a question that matches none stays as it is.
_JUDGING: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (
        re.compile(
            r"^(?:Vindt|Ervaart|Voelt) (?:een|één|iemand|enige) partner (.+?) (?:als )?"
            r"(?:onrechtvaardig|oneerlijk|scheef|onevenwichtig|ongelijk)\?$"
        ),
        r"Hoe kijken de partners samen naar \1?",
    ),
    (re.compile(r"^(?:Wantrouwt|Verdenkt|Beschuldigt) (?:een|één) partner\b.*\?$"), None),
    (re.compile(r"\b(?:een|één) partner\b.*\b(?:onrechtvaardig|oneerlijk|niet te vertrouwen)\b"), None),
)


# Questions the case has answered already, in other words: a question matching the pattern is not asked
# where one of the facts has one of the values, or one of the statements is scored four or five (the case
# reports it as a success: "Heeft de samenwerking al snelle, zichtbare successen geboekt?" where the partners
# say that what it yields is visible and part of their everyday work).
_ANSWERED: tuple[tuple[re.Pattern[str], tuple[tuple[str, tuple[object, ...]], ...], tuple[str, ...]], ...] = (
    (
        re.compile(r"\bsuccess|\bresultaten\b.*\bzichtbaar"),
        (("results.visible", (True,)), ("results.embedded", ("ja", "deels")), ("results.early_successes", (True,))),
        ("results_visible", "results_embedded"),
    ),
    (re.compile(r"\bsamen geëvalueerd\b"), (("results.evaluated", (True,)),), ("evaluated_together",)),
)


def letter_question(question: str) -> str | None:
    """A question as the letter asks it of all partners: judging questions neutral or left out."""
    for pattern, neutral in _JUDGING:
        if pattern.search(question):
            return None if neutral is None else pattern.sub(neutral, question)
    return question


# The observations that answer for a condition itself (the case model's sections): a known answer there is data
# on the condition; the kind, the phase and the partner list are not.
_SECTIONS: dict[str, tuple[str, ...]] = {
    "gedeelde_ambitie": ("ambition",),
    "belangen": ("interests",),
    "relatie": ("relation",),
    "betekenisgevend_proces": ("leadership", "process"),
    "professioneel_organiseren": ("organising",),
}
_NO_PROBLEM_KNOWN = "Wat bekend is, wijst niet op een knelpunt."


class CaseReading(CaseText):
    """The case as the letter reads it, for one Advice."""

    # What the case itself shows

    def observed(self) -> list[FindingResult]:
        """The findings that rest on what the case says, not only on its type, phase or who is at the
        table (those are the sources' general advice for such a collaboration), nor on the collaboration's
        own question (a concern it raised, no problem observed)."""
        return [f for f in self.advice.findings if f.package is None]  # an asked finding has a package too

    def question_sentence(self) -> Sentence | None:
        """What the collaboration itself asks advice on, in one sentence ("Uw vraag gaat vooral over …")."""
        named = self.fact(QUESTION_FIELD)  # in the order the advisor named them (walk6)
        order = [str(t) for t in named] if isinstance(named, list) else []
        asked = sorted((f for f in self.advice.findings if f.asked), key=lambda f: _topic_rank(f.id, order))
        if not asked:
            return None
        topics = [" ".join(f.explanation.split()).removeprefix(_ASKS).rstrip(".") for f in asked]
        # Two topics, each maybe with its own "en": the second gets its own "over".
        return Sentence(f"{_ASKS}{', en over '.join(topics)}.", [*(f.id for f in asked), QUESTION_FIELD])

    @property
    def thin(self) -> bool:
        """Whether nothing the case says points at a problem: no observed finding, no subsidy running
        out, no respondents who differ."""
        return not self.observed() and not self.advice.timing.within_horizon and not self.advice.divergences

    def open_questions(self) -> list[str]:
        """What we do not know yet and ask the client: the questions that decide whether a condition is
        in order (only in a thin letter, where they matter more than general advice)."""
        if not self.thin:
            return []
        found: list[str] = []
        for c in self.advice.conditions:
            for asked in _QUESTION.findall(c.reason):
                q = letter_question(asked)
                if q is not None and q not in found and not self.answered(q):
                    found.append(q)
        return found[:MAX_QUESTIONS]

    def answered(self, question: str) -> bool:
        """Whether the case has answered a question already in other words (see ``_ANSWERED``)."""
        scores = {
            s.id: s.respondents_mean if s.respondents_mean is not None else s.advisor for s in self.advice.statements
        }
        for pattern, facts, statements in _ANSWERED:
            if not pattern.search(question):
                continue
            if any(self.fact(path) in values for path, values in facts):
                return True
            if any((scores.get(sid) or 0) >= 4 for sid in statements):
                return True
        return False

    def _subject(self) -> str:
        """The collaboration in the kernboodschap: its name where it carries its own article, else
        "uw samenwerking" (the title names it already)."""
        return "uw samenwerking" if self.name.startswith("de samenwerking ") else self.name

    def _voice_of_statements(self) -> tuple[str, list[tuple[float, str, str]]]:
        """Whose reading the statements are ("volgens de antwoorden" for the intake's own answers, not "naar ons
        oordeel": they are the case's answers, not our judgement; "volgens de respondenten" for three or more)
        and the statements scored high, best first."""
        rated: list[tuple[float, str, str]] = []
        by_respondents = any(s.respondents >= MIN_RESPONDENTS for s in self.advice.statements)
        for s in self.advice.statements:
            score = s.respondents_mean if by_respondents else s.advisor
            if score is not None and score >= 4:
                rated.append((float(score), s.id, s.text))
        rated.sort(key=lambda r: -r[0])
        return ("volgens de respondenten" if by_respondents else "volgens de antwoorden"), rated

    def praise(self, covered: set[str]) -> Sentence | None:
        """What goes well according to the statements (at most two), with who says so; a condition a
        fact already names as a strength (``covered``) is not said twice."""
        who, rated = self._voice_of_statements()
        conditions = {s.id: s.condition for s in self.advice.statements}
        # A condition with a finding against it is no strength, whatever one statement says.
        doubted = {c.id for c in self.advice.conditions if c.status in ("zorg", "aandacht")}
        chosen = [r for r in rated if conditions[r[1]] not in covered | doubted][:2]
        if not chosen:
            return None
        parts = [STRENGTHS.get(sid) or lower_first(text.rstrip(".")) for _, sid, text in chosen]
        return Sentence(f"Wat {who} goed gaat: {'; '.join(parts)}.", [f"statements.{r[1]}" for r in chosen])

    def _partners_noun(self) -> str:
        """ "partners", or "onderdelen van de gemeente Best" where every partner is a part of one
        organisation ("Gemeente Best, fysiek domein" and "Gemeente Best, sociaal domein")."""
        heads = {p.name.partition(", ")[0] for p in self.case.partners if ", " in p.name}
        if len(self.case.partners) > 1 and len(heads) == 1 and all(", " in p.name for p in self.case.partners):
            return f"onderdelen van {partner_name(heads.pop())}"
        return "partners"

    def signature(self) -> list[str]:
        advisor = self.case.advisor or ""
        name, _, function = advisor.partition(",")
        lines = [name.strip(), function.strip()] if name.strip() else ["[naam]", "[functie]"]
        lines = [line for line in lines if line]
        if self.case.advisor_organisation:
            lines.append(self.case.advisor_organisation)
        return lines

    def divergence_lines(self) -> list[str]:
        lines = []
        for d in self.advice.divergences:
            label = upper_first(d.label)
            disclosed = any(v.respondents for v in d.views)
            if d.respondents < MIN_RESPONDENTS and not disclosed:
                lines.append(f"{label}: de antwoorden lopen uiteen.")
                continue
            views = []
            for v in d.views:
                who = f" ({and_list(v.respondents)})" if v.respondents else ""
                views.append(v.value + who)
            joined = " tegenover ".join(views) if len(views) == 2 else and_list(views)
            text = f"{label}: {joined}"
            if d.advisor:
                text += f"; wij zelf zagen {d.advisor}"
            lines.append(text + ".")
        return lines

    def divergence_intro(self) -> str:
        n = len(self.advice.divergences)
        head = (
            "Op één vraag antwoordden de partners verschillend."
            if n == 1
            else f"Op {number(n)} vragen antwoordden de partners verschillend."
        )
        return head + " Juist zulke verschillen zijn de moeite van het bespreken waard."

    def profile(self) -> list[dict[str, str]]:
        """The status table for the client: no intake questions, one wording
        for "no data", and a condition whose known facts show no problem
        called op orde as far as known."""
        rows = []
        who, rated = self._voice_of_statements()
        conditions = {s.id: s.condition for s in self.advice.statements}
        for c in self.advice.conditions:
            reason = c.reason.split(" Om van op orde te spreken")[0]
            status: str = c.status
            if status == "niet beoordeeld":
                good = [STRENGTHS.get(sid, text) for _, sid, text in rated if conditions.get(sid) == c.id]
                answered = any(f.path.split(".", 1)[0] in _SECTIONS.get(c.id, ()) for f in self.advice.facts)
                if reason.startswith("Wat bekend is, wijst niet op een knelpunt") and (good or answered):
                    # Op orde as far as known only where an answer about the condition itself says so (the kind
                    # or the phase of the collaboration says nothing about its ambition).
                    status = "op orde (voor zover bekend)"
                    reason = upper_first(f"{who}: {lower_first(good[0])}") if good else _NO_PROBLEM_KNOWN
                else:
                    reason = "Hierover zijn nog geen gegevens."
            rows.append({"title": c.title, "status": status, "reason": reason, "band": self._band(c.id)})
        return rows

    @property
    def has_bands(self) -> bool:
        """Whether the voices scored the statements: then the table shows each condition's band (not
        when no condition has one: a column of "niet beoordeeld" says nothing; nor when one voice scored them:
        "zorg (2,0 gemiddeld, één stem)" beside the status "zorg" is one answer given as an average)."""
        shown = {c.id for c in self.advice.conditions}
        return any(b.mean is not None and b.voices > 1 for b in self.advice.profile if b.id in shown)

    def _band(self, condition: str) -> str:
        """A condition's band from the statements, with its mean and the number of voices, in words."""
        found = next((b for b in self.advice.profile if b.id == condition), None)
        if found is None or found.mean is None:
            return "niet beoordeeld"
        voices = "één stem" if found.voices == 1 else f"{number(found.voices)} stemmen"
        return f"{found.band} ({f'{found.mean:.1f}'.replace('.', ',')} gemiddeld, {voices})"
