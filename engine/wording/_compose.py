"""The letter's Dutch sentences, composed from the Advice alone.

The templates print what this module composes and decide nothing: no fact is compared with a literal there, no
finding or intervention is named. Every sentence of the kernboodschap, *Het beeld* and *Waarom nu* carries what it
rests on (``rests_on``): fact paths, finding ids, ``description`` (the case's own text) or ``respondents`` (the
answers as they differ). Nothing here imports the rule book or the knowledge base.
"""

from __future__ import annotations

import re

from ..model._advice import Advice, CaseSentence, FindingResult, LetterBasis, RecommendedIntervention
from ..model._quotes import case_sectors, letter_quotes
from ._case_text import _TYPES
from ._case_words import MIN_RESPONDENTS, Sentence, date_nl, lower_first, number, partner_name, upper_first
from ._dutch import agenda_phrase, and_list, domain_clause, ordinal
from ._fact_words import SHORT_COUNTED
from ._partner_names import is_group
from ._reasons import _SENTENCES, CaseReasons
from ._sequence_steps import with_own_problems_first

__all__ = ["DEFAULT_TOP", "Composer", "Sentence", "date_nl", "letter_basis"]

DEFAULT_TOP = 3
MAX_MORE = 5
# A thin case (nothing observed that points at a problem): a short letter with this many priorities.
THIN_TOP = 2


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


class Composer(CaseReasons):
    """Composes the letter's sentences for one Advice."""

    def __init__(self, advice: Advice, top: int, *, voice: str = "wij") -> None:
        super().__init__(advice, top, voice=voice)
        if top == DEFAULT_TOP and self.thin:
            # Nothing observed points at a problem: a short letter, not three priorities of general advice.
            self.top = advice.interventions[:THIN_TOP]
            self.rest = advice.interventions[THIN_TOP:]
        self._one_of_each()
        chosen, rest = with_own_problems_first(self.top, self.rest, self.findings)
        if chosen != self.top:  # numbered as the letter shows them
            self.top = [i.model_copy(update={"rank": n}) for n, i in enumerate(chosen, 1)]
            self.rest = rest
        # Who leads comes first in time: where nobody leads, nobody writes the plan. The priorities keep
        # their rank (the web, the Word letter and the JSON number them so), but the letter says where to begin.
        early = ("direct", "volgend_overleg", "twee_weken")
        self.lead_at = next(
            (n for n, i in enumerate(self.top) if n and self._gives_a_lead(i) and self._when(i) in early), None
        )
        if self.lead_at is not None and self._when(self.top[0]) in early[:2]:
            self.lead_at = None

    def _one_of_each(self) -> None:
        """A priority whose passages a higher priority already cites is the same advice a second time
        ("Maak de effecten zichtbaar" beside "Bed de werkwijze en de resultaten in", one passage for
        both): it gives way to the next intervention that says something else."""

        partners = self.advice.case.partners
        level = self.advice.fact("climate.level")
        sectors = case_sectors(p.kind for p in partners)
        municipal = any(p.kind == "gemeente" for p in partners)

        def quotes(i: RecommendedIntervention) -> set[str]:  # the passages the letter prints for it
            refs = letter_quotes(i.references, sectors, level if isinstance(level, str) else None, municipal=municipal)
            return {" ".join(r.quote.split()) for r in refs}

        size = len(self.top)
        top: list[RecommendedIntervention] = []
        rest: list[RecommendedIntervention] = []
        for i in [*self.top, *self.rest]:
            cited = set().union(*(quotes(t) for t in top)) if top else set()
            same = bool(quotes(i)) and quotes(i) <= cited
            (top if len(top) < size and not same else rest).append(i)
        if [i.id for i in top] != [i.id for i in self.top[:size]]:  # numbered as the letter shows them
            top = [i.model_copy(update={"rank": n}) for n, i in enumerate(top, 1)]
        self.top, self.rest = top, rest

    @staticmethod
    def _when(i: RecommendedIntervention) -> str:
        return i.plan[0].when if i.plan else ""

    def _gives_a_lead(self, i: RecommendedIntervention) -> bool:
        """Whether an intervention answers a finding that nobody leads (the leadership facts)."""
        if self.fact("leadership.trekker") is not False and self.fact("leadership.regie") != "onduidelijk":
            return False
        # Who pulls and who leads the process: not the board's support, which is no one who pulls.
        return bool(self._facts_behind(i) & {"leadership.trekker", "leadership.regie"})

    def _facts_behind(self, i: RecommendedIntervention) -> set[str]:
        """The facts the findings behind an intervention read."""
        found = (self.findings[f] for r in i.reasons for f in r.findings if f in self.findings)
        return {p for f in found for r in f.reasons for p in r.facts}

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

    def _good(self) -> tuple[list[str], list[str]]:
        """The strengths as noun phrases and the facts they rest on."""
        strong = self.strengths()
        if strong is None:
            return [], []
        phrase = strong.text.removeprefix("Er is ").split("; daarop")[0]
        return [phrase], strong.rests_on

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
        """What goes well, the one or two findings that matter most in the case's words, the steps and
        the first moment; in a thin case, honestly, that nothing known points at a problem."""
        out: list[Sentence] = []
        count = self.fact("network.partner_count")
        domain = self.case.domain
        subject = self._subject()
        strong = self.strengths()
        opening = self._described_opening()
        if opening is not None:  # a thin case in its own words, not in the intake's general terms
            out.append(opening)
            if strong:
                out.append(strong)
        elif count:
            partners = self.case.partners
            if len(partners) == count and count <= 4 and any(is_group(p.name) for p in partners):
                # "werken twee partners samen" where the two are groups of organisations: name them.
                text = f"In {subject} werken {and_list([partner_name(p.name) for p in partners])} samen"
            elif count == 1 and len(partners) == 1:  # not "werken één partners samen"
                text = f"In {subject} werkt {partner_name(partners[0].name)}"
            else:
                text = f"In {subject} werken {number(count)} {self._partners_noun()} samen"
            text += f" {domain_clause(domain)}" if domain else ""
            rests = ["network.partner_count", "description"]
            if strong:  # what goes well, in the same sentence
                text += f", met {self._good()[0][0]} als basis"
                rests += strong.rests_on
            out.append(Sentence(upper_first(text + "."), rests))
        elif strong:
            out.append(strong)
        covered = {"gedeelde_ambitie"} if strong and "ambition.shared" in strong.rests_on else set()
        praised = self.praise(covered)
        if praised:
            out.append(praised)
        if asked := self.question_sentence():
            out.append(asked)
            if not any(map(self.answers_the_question, self.top)) and any(map(self.answers_the_question, self.more())):
                # The problems the answers show go first: say where the question is answered (walk6).
                text = "De problemen die de antwoorden laten zien, gaan in dit advies voor; op uw vraag gaan wij in "
                out.append(Sentence(text + "onder ‘Ook het overwegen waard’.", asked.rests_on))
        subsidy = self._subsidy_sentence(dependency=True)
        if subsidy:
            out.append(subsidy)
        # The one or two observed findings that matter most; a finding whose facts a sentence above
        # already states is not said again in other words.
        said = {r for o in out for r in o.rests_on}
        room = 1 if subsidy else 2
        found = [f for f in self.serious() if f in self.observed() and not f.id.startswith("F-SUBSIDIE")]
        # Where respondents differ, on what they differ comes first: it is what the letter is about; then what
        # makes a priority urgent (review15: Twenterand's last chance was in no kernboodschap); and what the most
        # strained voice says before how far the voices lie apart.
        pressing = {f for i in self.top if i.priority.urgent for r in i.reasons for f in r.findings}
        found.sort(
            key=lambda f: (
                not any("respondents.divergence" in r.facts for r in f.reasons),
                f.id not in pressing,
                any("respondents.climate_spread" in r.facts for r in f.reasons),
            )
        )
        for f in found:
            if room <= 0:
                break
            sentence = self._finding_sentence(f)
            if "network.partner_count" in said:  # the count is said: the finding without it
                short = self._counted(f.id, SHORT_COUNTED)
                sentence = Sentence(short, sentence.rests_on) if short else sentence
            facts = set(sentence.rests_on) - {f.id}
            if facts and facts <= said or sentence.text in {o.text for o in out}:
                continue
            said |= set(sentence.rests_on)
            out.append(sentence)
            room -= 1
        if self.thin:
            out.append(self._general_sentence())
        if self.top:
            steps = "als eerste stap aan" if len(self.top) == 1 else f"{number(len(self.top))} stappen aan"
            titles = [lower_first(i.title) for i in self.top]
            if any("," in t or " en " in t for t in titles) and len(titles) > 1:
                # A title with its own "en" ("evalueer … en kies bewust het vervolg") blurs the count: semicolons.
                joined = "; ".join(titles)
            else:
                joined = and_list(titles)
            rests = sorted({f for i in self.top for r in i.reasons for f in r.findings})
            out.append(Sentence(f"Wij raden u {steps}: {joined}.", rests or [self.top[0].id]))
            first = self._first_step_sentence(plans)
            if first is not None:
                out.append(first)
        return out

    def _described_opening(self) -> Sentence | None:
        """In a thin case, the kernboodschap opens with the first sentence of the case's own description:
        the few facts there are, told as the client told them."""
        if not self.thin:
            return None
        found = _SENTENCES.split(" ".join((self.case.description or "").split()), maxsplit=1)
        first = found[0].strip()
        if not first:
            return None
        return Sentence(first if first.endswith((".", "!", "?")) else first + ".", ["description"])

    def picture_description(self) -> str:
        """The case's description as *Het beeld* opens with it: without the sentence the kernboodschap
        already told (a thin case), so that the letter does not say it twice in a row."""
        description = self.case.description or ""
        opening = self._described_opening()
        if opening is None:
            return description
        found = _SENTENCES.split(" ".join(description.split()), maxsplit=1)
        return found[1].strip() if len(found) > 1 else ""

    def _finding_sentence(self, f: FindingResult) -> Sentence:
        if f.package == "onderhoud":  # the statements read as a whole, with who scored them
            who, _ = self._voice_of_statements()
            rests = [f.id] + sorted({p for r in f.reasons for p in r.facts})
            answered = "die beantwoord zijn" if who == "volgens de antwoorden" else "die de respondenten beantwoordden"
            return Sentence(
                f"Op de stellingen {answered}, scoort de samenwerking goed: geen enkele onder het midden.", rests
            )
        return super()._finding_sentence(f)

    def _general_sentence(self) -> Sentence:
        """A thin case: nothing known points at a problem, so the advice follows the sources (and the question)."""
        kind, phase = self.fact("context.type"), self.fact("context.phase")
        what = _TYPES.get(kind, "een samenwerking") if isinstance(kind, str) else "een samenwerking als de uwe"
        what += f" in de fase van {phase}" if isinstance(phase, str) else ""
        rests = [p for p in ("context.type", "context.phase") if self.fact(p)] or ["description"]
        follows = "uw vraag en wat de bronnen aanraden" if self.question_sentence() else "wat de bronnen aanraden"
        text = f"Wat wij weten, wijst niet op een knelpunt. Ons advies volgt daarom {follows} voor {what}; "
        text += "wat wij nog niet weten, vragen wij u aan het eind van het advies."
        return Sentence(text, rests)

    def _first_step_sentence(self, plans: dict[str, list[dict[str, str]]]) -> Sentence | None:
        """The earliest first step, with its owner and moment, in its own words."""
        first = self.first_step()
        if first is None:
            return None
        moment, i = first
        plan = plans[i.id][0]
        step = re.split(r"(?<=[.?!]) ", plan["step"], maxsplit=1)[0].rstrip(".")
        # One colon in the sentence: what the step is, not its list (nor the "bijvoorbeeld" that led into it).
        step = lower_first(re.sub(r",? bijvoorbeeld$", "", step.split(": ")[0]))
        if moment.startswith("in het eerstvolgende overleg"):  # said once: "…, in het eerstvolgende overleg: zet …"
            step = step.replace(" van het eerstvolgende overleg", "").replace(" in het eerstvolgende overleg", "")
        owner = plan["owner"]
        if not owner or not plan["moment"]:
            text = f"De eerste stap: {step}."
        elif owner == self.voice:
            text = f"De eerste stap nemen {owner} op ons, {moment}: {step}."
        else:
            text = f"De eerste stap ligt bij {owner}, {moment}: {step}."
        return Sentence(text, [i.id])

    def first_step(self) -> tuple[str, RecommendedIntervention] | None:
        """The first step of the first priority (or of the one the letter says to begin with, the one
        that gives a lead): its moment and its intervention. Not the earliest step of another priority,
        which would have the kernboodschap begin elsewhere than the priorities."""
        if not self.top:
            return None
        i = self.top[self.lead_at if self.lead_at is not None else 0]
        if not i.plan:
            return None
        return self.moment(i.plan[0].when), i  # the knowledge lists a priority's steps in their order

    # The rest of the letter

    def more(self) -> list[RecommendedIntervention]:
        """Also worth considering: at most five, a short letter's few (:meth:`CaseReasons.considered`)."""
        return self.considered(THIN_TOP + 1 if self.thin else MAX_MORE)

    def _agenda_item(self, i: RecommendedIntervention) -> str:
        """An intervention as an agenda item: a noun phrase, without a purpose clause ("… zoeken om door te gaan"
        says nothing on an agenda)."""
        verbs = frozenset(i.title.split(" ", 1)[0].lower() for i in self.advice.interventions)
        verbs |= {"fasereer", "vier", "erken", "voorkom", "investeer", "laat", "smeed", "bespreek", "kies"}
        return re.sub(r" om (?:\w+ ){0,3}te \w+$", "", agenda_phrase(i.title, verbs))

    def agenda(self, plans: dict[str, list[dict[str, str]]]) -> list[str]:
        items = []
        # The agenda in the order of the priorities' numbers (three reviews read an agenda in time order as
        # contradicting the numbering); each item says when its first step is due.
        for i in self.top:
            first, item, we = plans[i.id][0], self._agenda_item(i), "wij zetten" if self.voice == "wij" else "ik zet"
            when = f" {first['moment']}" if first["moment"] else ""
            ours = first["owner"] == self.voice  # the letter already says who: we do
            items.append(
                f"{item} ({we} de eerste stap{when})"
                if ours
                else f"{item}: wie neemt het op zich" + (f" (eerste stap{when})" if when else "")
            )
        return items

    def meeting_owners(self, plans: dict[str, list[dict[str, str]]]) -> list[str]:
        addressee = (self.case.addressee or "").lower()
        owners: list[str] = []
        for i in self.top:
            for p in plans[i.id][:2]:
                o = p["owner"]
                if not o or o in owners or o in ("alle partners", "iedere partner", "ieder schoolbestuur", self.voice):
                    continue
                if o.removeprefix("de ") in addressee or o.startswith("de partners "):  # all but one: all are there
                    continue
                owners.append(o)
        return owners

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
            text = self.time_left_sentence()
            text += "; wij denken graag mee over het plan voor daarna"
            if financiers:
                text += f" en over het gesprek met {and_list(financiers[:3])}"
            return text + "."
        if self.fact("leadership.trekker") is False:
            return "Wij denken graag mee over wie de samenwerking kan trekken en wat die daarvoor nodig heeft."
        if self.open_questions():
            return "Wij horen graag uw antwoorden op de vragen hierboven; daarna bespreken wij het advies graag met u."
        if self.top:
            at = self.lead_at if self.lead_at is not None else 0  # where the letter says to begin
            begin = f"te beginnen bij de {ordinal(at + 1)} prioriteit: {lower_first(self.top[at].title)}"
            return f"Wij bespreken dit advies graag {self._with_whom()}, {begin}."
        return f"Wij bespreken dit advies graag {self._with_whom()}."

    def _with_whom(self) -> str:
        """A letter to all partners discusses the advice with them ("met u"), not with "u en de andere partners"."""
        return "met u" if not (self.case.addressee or "").strip() else "met u en de andere partners"

    def advice_intro(self) -> str:
        if len(self.top) == 1:
            return "Dit is de stap die wij u als eerste aanraden."
        urgent = [n for n, i in enumerate(self.top) if i.priority.urgent]
        if urgent and urgent[0] == 0:
            intro = "Wij beginnen bij wat niet kan wachten."
        elif urgent:
            # The sources' order put another step first (review15, Twenterand: disagreement made discussable first):
            # the letter does not claim an order of urgency that it does not keep.
            intro = "Wij zetten ze in de volgorde waarin u ze het best kunt oppakken; "
            intro += f"de {ordinal(urgent[0] + 1)} is het meest urgent."
        else:
            intro = "Wij zetten ze op volgorde van urgentie en ernst."
        if self.lead_at is not None:
            # Who leads in the case's terms: the regie, where that is what the priority answers (walk6).
            read = self._facts_behind(self.top[self.lead_at])
            who = "de regie voert" if "leadership.regie" in read and "leadership.trekker" not in read else "trekt"
            intro += f" In de tijd komt de {ordinal(self.lead_at + 1)} eerst: zonder iemand die {who}, "
            intro += "komt de rest niet van de grond."
        return intro
