"""Each priority's *Waarom nu*: one distinct reason per priority, from the findings behind it in the case's
words, shared out among the letter's priorities first, a priority left without one given the sentence of
the case's own description that speaks of it, and where a municipality may pay, when its budget cycle
wants the request. :mod:`._compose` builds the letter on this. Nothing here imports the rule book or the
knowledge base.
"""

from __future__ import annotations

import re

from ..model._advice import RecommendedIntervention
from ..model._facts import QUESTION_FIELD
from ._case_text import ANSWERS_THE_QUESTION
from ._case_words import Sentence, date_nl, partner_name
from ._dutch import ordinal
from ._fact_words import hedged
from ._reading import CaseReading


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-zà-ÿ]{4,}", text.lower())}


def _repeats(text: str, said: list[str]) -> bool:
    """Whether ``text`` says a sentence of ``said`` again in other words (most of the shorter one's words of
    substance), or hedges between situations ("een professional of wijkbewoner")."""
    mine = _stems(text)
    return hedged(text) or any(
        len(mine & (theirs := _stems(other))) >= 0.6 * min(len(mine), len(theirs)) for other in said if _stems(other)
    )


def _consequence(explanation: str) -> str:
    """The sentence of a finding's explanation after its first, as the rest of a sentence ("" where there is none, or
    where it gives the sources' advice rather than what the finding means)."""
    sentences = _SENTENCES.split(" ".join(explanation.split()))
    if len(sentences) < 2 or re.search(r"\badvie|\badviseren\b|\bbronnen\b", sentences[1]):
        return ""
    # A sentence that leans on the one before it ("Dan …", "Wie die niet kent …") says nothing alone.
    if re.match(r"(?i)(dan|die|dat|deze|dit|zo[’']n|daarbij|daarom|hierbij|zij|ze)\b|wie die\b", sentences[1]):
        return ""
    text = sentences[1].strip()
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


__all__ = ["CaseReasons"]

_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý‘“])")
# Words too common to tie a sentence of the case to an advice.
_COMMON_WORDS = (
    "de het een en of van in op aan met voor door naar om te bij als dat die dit deze zijn is wordt worden "
    "niet ook nog wel maar dan er zij hun hen haar wat wie hoe waar al elk ieder iedere partners partner "
    "samenwerking samen werken werkt hebben heeft kan kunnen moet moeten zich uw u wij we ze "
    "over onder tussen zonder tegen tot uit twee drie vier vijf zes jaar jaren maand maanden eerst meer veel "
    "alle andere elkaar gaan goed nodig komen maken laat daar daarbij want omdat zodat terwijl wordt werden"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def _words(text: str) -> set[str]:
    """The words of substance of a text, cut to a stem of six letters (verschillen/verschillend)."""
    return {w[:6] for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) > 3 and w not in _COMMON}


def _says_again(text: str, said: set[str]) -> bool:
    """Whether a reason says a sentence already said in other words: most of its words of substance are one
    said sentence's ("het is onzeker hoeveel capaciteit en geld de partners inbrengen" under a second priority)."""
    words = _words(text)
    return any(len(words & _words(t)) >= 0.6 * min(len(words), len(_words(t))) >= 2 for t in said)


class CaseReasons(CaseReading):
    """The reasons of the priorities, for one Advice."""

    # Waarom nu, one distinct reason per priority

    def why(self, shown: list[RecommendedIntervention]) -> dict[str, list[Sentence]]:
        """One distinct reason per priority: first each priority its most serious finding that no other
        priority gives, then a second one; no sentence twice in the letter. A priority left without one gets
        the sentence of the case's own description that speaks of what it advises."""
        order = {"hoog": 0, "midden": 1, "laag": 2}
        used: set[str] = set()
        said: set[str] = set()
        out: dict[str, list[Sentence]] = {i.id: [] for i in shown}

        def sentences(text: str) -> list[str]:
            return [t for t in _SENTENCES.split(text) if t]

        def candidates(i: RecommendedIntervention) -> list[tuple[str, Sentence]]:
            ids = sorted(
                sorted({f for r in i.reasons for f in r.findings if f in self.findings}),
                key=lambda f: order[self.findings[f].severity],
            )
            found = []
            for fid in ids:
                if self.findings[fid].asked:
                    continue  # the collaboration's own question is said after the reasons (below)
                if fid.startswith("F-SUBSIDIE"):
                    sentence = self._subsidy_sentence() or self._finding_sentence(self.findings[fid])
                    sentence.rests_on.append(fid)
                else:
                    sentence = self._finding_sentence(self.findings[fid])
                found.append((fid, sentence))
            return found

        def shared(fid: str) -> int:  # how many priorities a finding could give its reason to
            return sum(1 for j in shown if any(fid in r.findings for r in j.reasons))

        def take(i: RecommendedIntervention) -> None:
            found = candidates(i)
            # A reason only this priority has goes first, and what the case shows before its situation (the
            # sources' advice for its type or phase); the others may still give a shared one.
            found.sort(
                key=lambda c: (
                    shared(c[0]) > 1,
                    self.findings[c[0]].package is not None,
                    order[self.findings[c[0]].severity],
                )
            )
            told = {r for s in out[i.id] for r in s.rests_on if not r.startswith("F-")}
            for fid, sentence in found:
                parts = sentences(sentence.text)
                if fid in used or any(t in said for t in parts):
                    continue
                if not self._general(fid) and _says_again(sentence.text, said):
                    continue  # the case's fact said again in other words (the sources' advice shares its preamble)
                if out[i.id] and self._general(fid):
                    continue  # the case's own reason is given: the sources' general advice adds no reason for now
                if told & {r for r in sentence.rests_on if not r.startswith("F-")}:
                    continue  # a second reason that says a fact of the first again
                used.add(fid)
                said.update(parts)
                given = [r for s in out[i.id] for r in s.rests_on if r in self.findings]
                if not self._general(fid) and given and all(self._general(r) for r in given):
                    # The case's own reason replaces what the sources advise in general, which another priority
                    # may then give.
                    used.difference_update(given)
                    said.difference_update(t for s in out[i.id] for t in sentences(s.text))
                    out[i.id].clear()
                out[i.id].append(sentence)
                return

        ranks = [i.id for i in self.top]
        first = sorted((i for i in shown if i.id in ranks), key=lambda i: ranks.index(i.id))
        for group in (first, [i for i in shown if i.id not in ranks]):  # the letter's priorities first
            for _ in range(2):  # a first reason for every priority before a second for any
                for i in group:
                    if len(out[i.id]) < 2:
                        take(i)
            for i in group:
                if not out[i.id]:
                    own = self._described(i, said)
                    if own is not None:
                        said.add(own.text)
                        out[i.id].append(own)
                if not out[i.id] and i in first:
                    # Its reason is a finding an earlier priority gives already (review14: Almelo's money step
                    # after the cut had "Hierover gaat uw vraag." as its whole reason): say that, not nothing.
                    same = self._same_reason_as(i, first, out)
                    if same is not None:
                        out[i.id].append(same)
                budget = self._budget_sentence(out[i.id])
                if budget is not None and budget.text not in said:
                    said.add(budget.text)
                    out[i.id].append(budget)
        # The collaboration's own question (the kernboodschap says it in full): once, after the reason of the first
        # priority that answers it, not instead of that reason (review12).
        answering = next((i for i in first if self.answers_the_question(i)), None)
        if answering is not None:
            behind = {f for r in answering.reasons for f in r.findings}
            # The marker rests on the question itself (its asked findings), not on what the answers showed.
            found = sorted(f.id for f in self.advice.findings if f.asked and ({f.id, *f.covers} & behind))
            out[answering.id].append(Sentence(ANSWERS_THE_QUESTION, [*found, QUESTION_FIELD]))
        return out

    def considered(self, limit: int) -> list[RecommendedIntervention]:
        """Also worth considering: at most ``limit``, none that only serves a problem a priority already takes on;
        advice on the collaboration's own question first, when no priority answers it (walk6: the letter said the
        question and then nothing about it)."""
        served = {f for i in self.top for r in i.reasons for f in r.findings}
        top_ids = {i.id for i in self.top}
        # The sources' general advice for the case's type or phase, not the collaboration's own question.
        general = {f.id for f in self.advice.findings if f.package is not None and not f.asked}
        out: list[RecommendedIntervention] = []
        # An intervention citing a passage a priority cites says the same thing again (e.g. "Evalueer de
        # samenwerking samen" beside "Reflecteer regelmatig"): it is not worth considering twice.
        cited = {" ".join(r.quote.split()) for i in self.top for r in i.references}
        for i in self.rest:
            findings = {f for r in i.reasons for f in r.findings}
            if any(" ".join(r.quote.split()) in cited for r in i.references):
                continue
            # Urgent advice is said, also where it serves a problem a priority takes on (review16: Twenterand's joint
            # plan and Almelo's effects, both urgent, were "hows" of a priority whose text says neither).
            if not i.priority.urgent and (i.serves_with in top_ids or (findings and findings <= served)):
                continue
            if i.serves_with in {o.id for o in out}:
                continue
            # Where the case shows problems, general advice for its type or phase is no more than filler.
            if not self.thin and findings and findings <= general:
                continue
            out.append(i)
        # Stable: urgent advice first, then what answers the question, otherwise in rank order.
        out.sort(key=lambda i: (not i.priority.urgent, not self.answers_the_question(i)))
        return out[:limit]

    def answers_the_question(self, i: RecommendedIntervention) -> bool:
        """Whether an intervention serves the collaboration's own question: an asked finding, or a finding that is
        one problem with it (review13: "Versterk de regie" answers a question about the regie)."""
        return bool(self._question_findings() & {f for r in i.reasons for f in r.findings})

    def _question_findings(self) -> set[str]:
        asked = [f for f in self.advice.findings if f.asked]
        return {f.id for f in asked} | {g for f in asked for g in f.covers}

    def general(self, why: dict[str, list[Sentence]]) -> set[str]:
        """The priorities whose reason is only what the sources advise for a collaboration of the case's kind or
        phase: the letter heads it *Waarom dit advies*, not *Waarom nu* (no reason of the case for now)."""
        out = set()
        for iid, found in why.items():
            rests = [r for s in found for r in s.rests_on]
            # The marker of the collaboration's own question does not make the sources' advice the case's reason.
            ids = [r for r in rests if r in self.findings and not self.findings[r].asked]
            if found and ids and "description" not in rests and all(self._general(r) for r in ids):
                out.add(iid)
        return out

    def _general(self, fid: str) -> bool:
        """Whether a finding is the sources' advice for the case's kind or phase rather than something the case
        shows (the statements read as a whole are the case's own)."""
        found = self.findings.get(fid)
        # The collaboration's own question is its own reason, though it ranks with the situation's advice.
        return found is not None and found.package is not None and found.package != "onderhoud" and not found.asked

    def _same_reason_as(
        self, i: RecommendedIntervention, first: list[RecommendedIntervention], out: dict[str, list[Sentence]]
    ) -> Sentence | None:
        """ "Om dezelfde reden als bij de eerste prioriteit.": the earlier priority whose reason rests on a finding
        (not the question) behind this one too."""
        behind = {f for r in i.reasons for f in r.findings if f in self.findings and not self.findings[f].asked}
        for n, j in enumerate(first[: first.index(i)], 1):
            reasons = [s for s in out[j.id] if behind & set(s.rests_on)]
            if reasons:  # it rests on what that reason rests on: its findings and their facts
                rests = sorted({r for s in reasons for r in s.rests_on})
                pointer = f"Om dezelfde reden als bij de {ordinal(n)} prioriteit"
                # With what that reason means for this advice where the finding says it (review19: a pointer
                # alone is no reason): the explanation's next sentence, not advice and not said already.
                said = [x.text for found in out.values() for x in found]
                shared = [f for f in sorted(behind) if f in rests]
                then = next(
                    (t for f in shared if (t := _consequence(self.findings[f].explanation)) and not _repeats(t, said)),
                    "",
                )
                return Sentence(f"{pointer}: {then}" if then else f"{pointer}.", rests)
        return None

    def _described(self, i: RecommendedIntervention, said: set[str]) -> Sentence | None:
        """The sentence of the case's description that shares the most words with what a priority advises
        (its title and description), not said yet; none where no sentence shares two words of substance."""
        description = " ".join((self.case.description or "").split())
        advice = _words(f"{i.title} {i.description}")
        best: tuple[int, str] | None = None
        sentences = [t.strip() for t in _SENTENCES.split(description)]
        # A thin letter's kernboodschap opens with the description's first sentence: it is said already.
        for text in sentences[1:] if self.thin else sentences:
            shared = len(_words(text) & advice)
            if text and text not in said and shared >= 2 and (best is None or shared > best[0]):
                best = (shared, text)
        if best is None:
            return None
        text = best[1] if best[1].endswith((".", "!", "?")) else best[1] + "."
        return Sentence(text, ["description"])

    def _budget_sentence(self, chosen: list[Sentence]) -> Sentence | None:
        """Where the reason is the dependency on a subsidy and a municipality is a partner: when its
        budget cycle wants the request (the date diagnose computes from the subsidy's end)."""
        by = self.advice.timing.budget_request_by
        towns = [partner_name(p.name) for p in self.case.partners if p.kind == "gemeente"]
        if by is None or not towns or not any("funding.dependency" in s.rests_on for s in chosen):
            return None
        text = (
            f"Wil {towns[0]} na de subsidie bijdragen, dan beslist zij daarover in haar begrotingscyclus; "
            f"uw verzoek moet er vóór {date_nl(by)} liggen."
        )
        return Sentence(text, ["funding.months_left", "funding.dependency"])
