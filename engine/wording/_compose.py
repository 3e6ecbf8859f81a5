"""The letter's Dutch sentences, composed from the Advice alone.

The templates print what this module composes and decide nothing: no fact is
compared with a literal there, no finding or intervention is named. Every
sentence of the kernboodschap, *Het beeld* and *Waarom nu* carries what it
rests on (``rests_on``): fact paths, finding ids, ``description`` (the case's
own text) or ``respondents`` (the answers as they differ). Nothing here
imports the rule book or the knowledge base.
"""

from __future__ import annotations

from ..model._advice import Advice, CaseSentence, FindingResult, LetterBasis, RecommendedIntervention
from ._case_text import (
    MIN_RESPONDENTS,
    CaseText,
    Sentence,
    date_nl,
    lower_first,
    number,
    partner_name,
    upper_first,
)
from ._dutch import agenda_phrase, and_list, domain_phrase

__all__ = ["DEFAULT_TOP", "Composer", "Sentence", "date_nl", "letter_basis"]

DEFAULT_TOP = 3
MAX_MORE = 5


def letter_basis(advice: Advice, top: int = DEFAULT_TOP) -> LetterBasis:
    """The letter's sentences about the case (kernboodschap, Het beeld, each
    Waarom nu), each with what it rests on: what diagnose records in the Advice."""
    text = Composer(advice, top)
    plans = {i.id: text.plans(i) for i in advice.interventions}

    def sentences(found: list[Sentence]) -> list[CaseSentence]:
        return [CaseSentence(text=s.text, rests_on=list(s.rests_on)) for s in found]

    return LetterBasis(
        core=sentences(text.core(plans)),
        picture=sentences(text.situation()),
        why={iid: sentences(found) for iid, found in text.why(advice.interventions).items()},
    )


class Composer(CaseText):
    """Composes the letter's sentences for one Advice."""

    # The salutation and the opening

    def greeting(self) -> str:
        a = (self.case.addressee or "").strip()
        low = a.lower()
        if not a:
            # The letter is addressed to "De partners van …" (the Word letter's addressee line): greet them as
            # such, without naming the collaboration once more.
            return "Geachte partners,"
        for prefix in ("de leden van ", "leden van "):
            if low.startswith(prefix):
                return f"Geachte leden van {a[len(prefix) :]},"
        if low.startswith(("de heer ", "mevrouw ", "heer ")):
            return f"Geachte {a.removeprefix('de ').removeprefix('De ')},"
        if low.startswith(("de ", "het ")):
            return f"Geachte leden van {a},"
        return f"Geachte {a},"

    def opening(self) -> str:
        if self.respondents > MIN_RESPONDENTS:
            return (
                f"Voor deze brief hebben wij de antwoorden van {number(self.respondents)} respondenten over "
                "uw samenwerking naast elkaar gelegd en gewogen."
            )
        if self.respondents:
            return (
                "Voor deze brief hebben wij de antwoorden van de partners naast elkaar gelegd, "
                "zonder te zeggen wie wat antwoordde."
            )
        if self.advice.timing.urgent:
            return "Omdat er in uw samenwerking op korte termijn keuzes nodig zijn, beginnen wij met de kern."
        # The title and the kernboodschap name the collaboration already: the opening does not repeat it.
        return "In deze brief geven wij u ons beeld van uw samenwerking en wat wij u aanraden."

    # The kernboodschap

    def strengths(self) -> Sentence | None:
        """What goes well: a positive fact no finding puts in doubt (a trekker
        is no strength where a finding reads the leadership facts)."""
        doubted = {p.split(".")[0] for f in self.advice.findings for r in f.reasons for p in r.facts}
        doubted |= {p.split(".")[0] for p in self.divergent}
        good: list[tuple[str, str]] = []
        if self.fact("ambition.shared") is True and "ambition" not in doubted:
            good.append(("een gedeelde ambitie", "ambition.shared"))
        if self.fact("leadership.trekker") is True and "leadership" not in doubted:
            good.append(("een trekker", "leadership.trekker"))
        if self.fact("network.core_group") is True:
            good.append(("een kernteam", "network.core_group"))
        if self.fact("funding.continuation_plan") is True:
            good.append(("een plan voor na de subsidie", "funding.continuation_plan"))
        if self.fact("climate.level") == "vriendschappelijk" and "climate" not in doubted:
            good.append(("een vriendschappelijk klimaat", "climate.level"))
        if not good:
            return None
        return Sentence(f"Er is {and_list([g[0] for g in good])}; daarop kunt u bouwen.", [g[1] for g in good])

    def serious(self) -> list[FindingResult]:
        """The findings behind the priorities, most severe first, each once."""
        seen: list[FindingResult] = []
        order = {"hoog": 0, "midden": 1, "laag": 2}
        for i in self.top:
            behind = sorted({f for r in i.reasons for f in r.findings if f in self.findings})
            for fid in sorted(behind, key=lambda f: order[self.findings[f].severity]):
                if fid in self.findings and self.findings[fid] not in seen:
                    seen.append(self.findings[fid])
        return sorted(seen, key=lambda f: order[f.severity])

    def core(self, plans: dict[str, list[dict[str, str]]]) -> list[Sentence]:
        out: list[Sentence] = []
        count = self.fact("network.partner_count")
        domain = self.case.domain
        if count:
            text = f"In {self.name} werken {number(count)} partners samen"
            text += f" aan {domain_phrase(domain)}." if domain else "."
            out.append(Sentence(upper_first(text), ["network.partner_count", "description"]))
        else:
            text = f"{upper_first(self.name)} is een samenwerking" + (
                f" rond {domain_phrase(domain)}." if domain else "."
            )
            out.append(Sentence(text, ["description"]))
        strong = self.strengths()
        if strong:
            out.append(strong)
        subsidy = self._subsidy_sentence()
        if subsidy:
            out.append(subsidy)
        # At most five sentences: the one or two findings that matter most fill what is left.
        room = min(5 - len(out) - (1 if self.top else 0), 1 if subsidy else 2)
        said = {o.text for o in out}
        for f in [f for f in self.serious() if not f.id.startswith("F-SUBSIDIE")]:
            if room <= 0:
                break
            sentence = self._finding_sentence(f)
            if sentence.text not in said:
                said.add(sentence.text)
                out.append(sentence)
                room -= 1
        if self.top:
            steps = "als eerste stap aan" if len(self.top) == 1 else f"{number(len(self.top))} stappen aan"
            titles = [lower_first(i.title) for i in self.top]
            if any("," in t for t in titles) and len(titles) > 1:
                joined = "; ".join(titles[:-1]) + " en " + titles[-1]
            else:
                joined = and_list(titles)
            text = f"Wij raden u {steps}: {joined}"
            first = self.first_step()
            if first is not None:
                moment, i = first
                if len(self.top) == 1:
                    text += f"; de eerste stap kunt u {moment} zetten"
                else:
                    text += f"; de eerste stap, bij ‘{lower_first(i.title)}’, kunt u {moment} zetten"
            rests = sorted({f for i in self.top for r in i.reasons for f in r.findings})
            out.append(Sentence(text + ".", rests or [self.top[0].id]))
        return out

    def first_step(self) -> tuple[str, RecommendedIntervention] | None:
        """The earliest first step of the priorities: its moment and its intervention."""
        order = {"direct": 0, "volgend_overleg": 1, "twee_weken": 2, "maand": 3}
        timed = [(order.get(p.when, 4), self.moment(p.when), n, i) for n, i in enumerate(self.top) for p in i.plan[:1]]
        if not timed:
            return None
        _, moment, _, i = min(timed, key=lambda t: (t[0], t[2]))
        return moment, i

    # Waarom nu, one distinct reason per priority

    def why(self, shown: list[RecommendedIntervention]) -> dict[str, list[Sentence]]:
        order = {"hoog": 0, "midden": 1, "laag": 2}
        used: set[str] = set()
        texts: set[str] = set()
        out: dict[str, list[Sentence]] = {}
        for i in shown:
            ids = sorted(
                sorted({f for r in i.reasons for f in r.findings if f in self.findings}),
                key=lambda f: order[self.findings[f].severity],
            )
            chosen: list[Sentence] = []
            for fid in ids:
                if fid in used:
                    continue
                if fid.startswith("F-SUBSIDIE"):
                    sentence = self._subsidy_sentence() or self._finding_sentence(self.findings[fid])
                    sentence.rests_on.append(fid)
                else:
                    sentence = self._finding_sentence(self.findings[fid])
                if sentence.text in texts:
                    continue
                used.add(fid)
                texts.add(sentence.text)
                chosen.append(sentence)
                if len(chosen) == 2:
                    break
            out[i.id] = chosen
        return out

    # The rest of the letter

    def more(self) -> list[RecommendedIntervention]:
        """Also worth considering: at most five, none that only serves a
        problem a priority already takes on."""
        served = {f for i in self.top for r in i.reasons for f in r.findings}
        top_ids = {i.id for i in self.top}
        out = []
        for i in self.rest:
            findings = {f for r in i.reasons for f in r.findings}
            if i.serves_with in top_ids or (findings and findings <= served):
                continue
            out.append(i)
        return out[:MAX_MORE]

    def agenda(self, plans: dict[str, list[dict[str, str]]]) -> list[str]:
        verbs = frozenset(i.title.split(" ", 1)[0].lower() for i in self.advice.interventions)
        verbs |= {"fasereer", "vier", "erken", "voorkom", "investeer", "laat", "smeed", "bespreek"}
        items = []
        for i in self.top:
            item = agenda_phrase(i.title, verbs) + ": wie neemt het op zich"
            moment = plans[i.id][0]["moment"]
            if moment:
                item += f" (eerste stap {moment})"
            items.append(item)
        return items

    def meeting_owners(self, plans: dict[str, list[dict[str, str]]]) -> list[str]:
        addressee = (self.case.addressee or "").lower()
        owners: list[str] = []
        for i in self.top:
            for p in plans[i.id][:2]:
                o = p["owner"]
                if not o or o in owners or o in ("alle partners", "de partners samen", self.voice):
                    continue
                if o.removeprefix("de ") in addressee:
                    continue
                owners.append(o)
        return owners

    def advisor_takes_part(self, plans: dict[str, list[dict[str, str]]]) -> bool:
        return any(p["owner"] == self.voice for i in self.top for p in plans[i.id][:2])

    def closing(self) -> str:
        own = (self.case.advisor_organisation or "").lower()
        inside = bool(own) and any(own == p.name.lower() for p in self.case.partners)
        level = self.fact("climate.level")
        timing = self.advice.timing
        if level in ("onenigheid", "conflict") and not inside:
            return (
                "Een gesprek over spanningen gaat makkelijker met iemand van buiten erbij; "
                "wij begeleiden dat gesprek graag."
            )
        if self.advice.divergences:
            return (
                "De verschillen tussen de antwoorden zijn geen probleem, maar een goed begin van het gesprek; "
                "wij helpen u graag het voor te bereiden."
            )
        if timing.within_horizon and timing.subsidy_end is not None:
            financiers = [partner_name(p.name) for p in self.case.partners if "financier" in p.roles]
            if timing.end_date_given:
                text = f"Tot {date_nl(timing.subsidy_end)} is de tijd kort"
            else:
                text = f"De {number(timing.months_left or 0)} maanden tot het einde van de subsidie zijn kort"
            text += "; wij denken graag mee over het plan voor daarna"
            if financiers:
                text += f" en over het gesprek met {and_list(financiers[:3])}"
            return text + "."
        if self.fact("leadership.trekker") is False:
            return "Wij denken graag mee over wie de samenwerking kan trekken en wat die daarvoor nodig heeft."
        if self.top:
            first = lower_first(self.top[0].title)
            return f"Wij bespreken dit advies graag met u en de andere partners, te beginnen bij ‘{first}’."
        return "Wij bespreken dit advies graag met u en de andere partners."

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
        for c in self.advice.conditions:
            reason = c.reason.split(" Om van op orde te spreken")[0]
            status: str = c.status
            if status == "niet beoordeeld":
                if reason.startswith("Wat bekend is, wijst niet op een knelpunt"):
                    status, reason = "op orde (voor zover bekend)", "Wat bekend is, wijst niet op een knelpunt."
                else:
                    reason = "Hierover zijn nog geen gegevens."
            rows.append({"title": c.title, "status": status, "reason": reason, "band": self._band(c.id)})
        return rows

    @property
    def has_bands(self) -> bool:
        """Whether the voices scored the statements: then the table shows each condition's band."""
        return bool(self.advice.profile)

    def _band(self, condition: str) -> str:
        """A condition's band from the statements, with its mean and the number of voices, in words."""
        found = next((b for b in self.advice.profile if b.id == condition), None)
        if found is None or found.mean is None:
            return "niet beoordeeld"
        voices = "één stem" if found.voices == 1 else f"{number(found.voices)} stemmen"
        return f"{found.band} ({f'{found.mean:.1f}'.replace('.', ',')} gemiddeld, {voices})"

    def advice_intro(self) -> str:
        if len(self.top) == 1:
            return "Dit is de stap die wij u als eerste aanraden."
        if self.top and self.top[0].priority.urgent:
            return "Wij beginnen bij wat niet kan wachten."
        return "Wij zetten ze op volgorde van urgentie en ernst."
