"""The sentences of the letter that state the case.

What the case says, in the letter's Dutch, each sentence with what it rests on
(``rests_on``): the picture (*Het beeld*), a finding in the case's words, the
subsidy's end; on who and when (:mod:`._actors`). :mod:`._compose` builds the
letter on this.
Nothing here imports the rule book or the knowledge base.
"""

from __future__ import annotations

import re

from ..model._advice import FindingResult
from ..model._facts import QUESTION_FIELD
from ._actors import CaseActors
from ._case_words import (
    MIN_RESPONDENTS,
    Sentence,
    SubsidyEnd,
    date_nl,
    first_sentence,
    number,
    partner_name,
    situational_reason,
    subsidy_end,
    upper_first,
)
from ._dutch import and_list, domain_clause
from ._fact_words import COUNTED_SENTENCES, FACT_SENTENCES, PHASES, hedged
from ._partner_names import is_group

__all__ = ["ANSWERS_THE_QUESTION", "CaseText"]

# The roles of the RIVM checklist in plain words, for the letter.
_MISSING_ROLE_WORDS = {  # a role missing at the table, as the intake names it, in a sentence
    "beslisser": "wie beslist",
    "uitvoerder": "wie het werk uitvoert",
    "financier": "wie betaalt",
    "leverancier": "wie levert",
    "gebruiker": "de mensen voor wie de samenwerking er is",
}
_TYPES = {
    "integraal": "een integrale samenwerking",
    "intersectoraal": "een intersectorale samenwerking",
    "pps": "een publiek-private samenwerking",
    "netwerk": "een netwerk",
    "consortium": "een consortium",
}
# A question the respondents answered differently, as the subject of "Over … lopen de antwoorden uiteen".
_TOPICS = {
    "leadership.regie": "de regie",
    "leadership.trekker": "de vraag of er een trekker is",
    "climate.signs": "de signalen in de samenwerking",
    "ambition.shared": "de gedeelde ambitie",
}
_CLIMATE = {
    "vriendschappelijk": "Het klimaat in de samenwerking is vriendschappelijk",
    "waakzaam": "Het klimaat in de samenwerking is waakzaam",
    "onenigheid": "In de samenwerking is sprake van onenigheid",
    "conflict": "In de samenwerking is sprake van een conflict",
}
_REGIE = {
    "duidelijk": "De regie is duidelijk belegd.",
    "gedeeld": "De regie is gedeeld over meerdere partners.",
    "onduidelijk": "Niemand voert duidelijk de regie.",
}


def _fill(template: str, values: dict[str, str]) -> str:
    """A template's {fact.path} fields filled in."""
    return re.sub(r"\{([a-z_.]+)\}", lambda m: values[m.group(1)], template)


# Under the priority that answers the collaboration's own question (CaseReasons.why says it once).
ANSWERS_THE_QUESTION = "Hierover gaat uw vraag."


class CaseText(CaseActors):
    """The case in the letter's sentences, for one Advice."""

    # Sentences that state the case

    def _subsidy_end(self) -> SubsidyEnd:
        timing = self.advice.timing
        return subsidy_end(timing.months_left, timing.subsidy_end, timing.end_date_given, self.case.letter_date)

    def time_left_sentence(self) -> str:
        """The closing's words on the subsidy's end (it is within the horizon): the time is short, or it has ended."""
        timing = self.advice.timing
        end = self._subsidy_end()
        if end.ended:  # the time is not short, it is gone
            return f"De subsidie {end.verb}"
        if timing.end_date_given and timing.subsidy_end is not None:
            return f"Tot {date_nl(timing.subsidy_end)} is de tijd kort"
        return f"De {number(timing.months_left or 0)} maanden tot het einde van de subsidie zijn kort"

    def _subsidy_sentence(self, *, dependency: bool = False) -> Sentence | None:
        """The subsidy's end (and whether a plan for after it exists); with ``dependency``, how much the
        partners depend on it, in the same sentence (the kernboodschap says it once)."""
        timing = self.advice.timing
        if not timing.within_horizon:
            return None
        end = self._subsidy_end()
        plan = self.fact("funding.continuation_plan")
        text = f"De subsidie {end.verb}"
        rests = ["funding.subsidy", "funding.months_left"]
        level = self.fact("funding.dependency")
        if dependency and level in ("hoog", "midden"):
            degree = "in hoge mate" if level == "hoog" else "deels"
            were = "waren" if end.ended else "zijn"
            text = f"De subsidie, waarvan de partners {degree} afhankelijk {were}, {end.verb}"
            rests.append("funding.dependency")
        if plan is False:
            text += " en er is nog geen plan voor daarna"
            rests.append("funding.continuation_plan")
        return Sentence(text + ".", rests)

    def _finding_sentence(self, f: FindingResult) -> Sentence:
        """A finding in the case's words: its first sentence, up to a colon,
        resting on the facts and findings of the rules that diagnosed it."""
        rests = [f.id] + sorted({p for r in f.reasons for p in r.facts})
        if f.asked:  # the kernboodschap says the question in full; under a priority, that it answers it
            return Sentence(ANSWERS_THE_QUESTION, [*rests, QUESTION_FIELD])
        climate = self.divergent.get("climate.declared")
        if f.condition == "relatie" and climate is not None and f.id.startswith("F-KLIMAAT"):
            return self._climate_divergence_reason(rests)
        if "network.missing_roles" in rests:  # the roles in the case's terms
            missing = next((m for m in self.situation() if "network.missing_roles" in m.rests_on), None)
            if missing is not None:
                return Sentence(missing.text, rests)
        if "respondents.divergence" in rests and self.divergent:
            # The respondents differ: say on what, in the case's terms.
            topics = [
                _TOPICS.get(d.path, f"‘{d.label}’") for d in self.advice.divergences if d.path != "climate.declared"
            ]
            if topics and climate is not None:
                return Sentence(f"Over het klimaat en over {and_list(topics)} lopen de antwoorden uiteen.", rests)
            if topics:
                return Sentence(f"Over {and_list(topics)} lopen de antwoorden uiteen.", rests)
        if f.package is not None:
            return Sentence(self._situational(f), rests)
        if "funding.cut" in rests and len(paying := self.paying()) == 1:  # who cuts, where the case names one
            return Sentence(f"{upper_first(paying[0])} heeft besloten te bezuinigen op de samenwerking.", rests)
        # Who gives the last chance, where the case names one partner as its financier (walk7: a municipality
        # counted as paying by its kind alone was named, where the case said only "a financier or board").
        if "funding.ultimatum" in rests and len(named := self.financiers()) == 1:
            # The financier is one of the partners: it gives the others the last chance (review15, Twenterand).
            text = (
                f"{upper_first(named[0])} heeft de andere partners een laatste kans gegeven: zonder gezamenlijk plan "
            )
            return Sentence(text + "stopt (een deel van) de samenwerking.", rests)
        counted = self._counted(f.id)
        if counted is not None:
            return Sentence(counted, rests)
        # What the case's answers were, where the catalogue's sentence hedges between situations.
        said = [FACT_SENTENCES.get((p, str(self.fact(p)))) for p in rests[1:]]
        told = list(dict.fromkeys(s for s in said if s))
        if told:
            return Sentence(" ".join(told[:2]), rests)
        first = first_sentence(f.explanation)
        if hedged(first):  # the rule read other findings: what their facts say, in the case's terms
            under = [self.findings[g] for r in f.reasons for g in r.findings if g in self.findings]
            paths = list(dict.fromkeys(p for g in under for r in g.reasons for p in r.facts))
            said = [FACT_SENTENCES.get((p, str(self.fact(p)))) for p in paths]
            told = list(dict.fromkeys(s for s in said if s))
            if told:
                return Sentence(" ".join(told[:2]), [*rests, *paths])
        return Sentence(first, rests)

    def _counted(self, finding: str, table: dict[str, tuple[str, ...]] = COUNTED_SENTENCES) -> str | None:
        """A finding's sentence with the case's own counts and phase instead of the rule's threshold."""
        for template in table.get(finding, ()):
            values: dict[str, str] = {}
            for path in re.findall(r"\{([a-z_.]+)\}", template):
                value = self.fact(path)
                if isinstance(value, bool) or value is None:
                    break
                values[path] = number(value) if isinstance(value, int) else PHASES.get(str(value), str(value))
            else:
                return _fill(template, values)
        return None

    def _situational(self, f: FindingResult) -> str:
        """A finding that rests on the situation: the situation as the case gives it (its type, its partners,
        its phase, its subsidy), where the catalogue's sentence hedges between situations, and what the
        sources advise in it, marked as theirs."""
        reason = situational_reason(f.explanation)
        situation, _, advice = reason.partition(". ")
        if not hedged(situation) and "beantwoord" not in situation:
            # "Deze samenwerking is een publiek-private samenwerking …" says the word twice.
            return re.sub(r"^Deze samenwerking is (een [^.]*samenwerking\b)", r"Het gaat om \1", reason)
        read = {p for r in f.reasons for p in r.facts}
        kind, phase, count = self.fact("context.type"), self.fact("context.phase"), self.fact("network.partner_count")
        if "funding.subsidy" in read:
            months = self.fact("funding.months_left")
            end = (
                "die is afgelopen"
                if months == 0
                else f"die over {number(months)} maanden afloopt"
                if isinstance(months, int)
                else "waarvan het einde niet bekend is"
            )
            told = f"De samenwerking draait op een subsidie {end}"
        elif not isinstance(phase, str):
            told = "Wij weten niet in welke fase de samenwerking is"
        elif "context.type" in read and isinstance(kind, str):
            told = f"Het gaat om {_TYPES.get(kind, 'een samenwerking')}"
            if "network.partner_count" in read and isinstance(count, int):
                told += f" van {number(count)} partners"
            told += f" in de fase van {PHASES.get(phase, phase)}"
        else:
            told = f"De samenwerking is in de fase van {PHASES.get(phase, phase)}"
        return f"{told}. {advice.replace('In die fasen ', 'In die fase ')}".strip()

    def _climate_divergence_reason(self, rests: list[str]) -> Sentence:
        """A climate finding where the respondents differ, said from what the finding read: how far apart the
        answers lie, or the most strained answer the letter goes by; else that the answers differ."""
        d = self.divergent["climate.declared"]
        spread, level = self.fact("respondents.climate_spread"), self.fact("climate.level")
        if self.may_tell(d) and "respondents.climate_spread" in rests and isinstance(spread, int) and spread > 1:
            text = (
                f"De antwoorden over het klimaat liggen {number(spread)} treden van de conflictthermometer uit elkaar."
            )
            return Sentence(text, rests)
        if self.may_tell(d) and "climate.level" in rests and level in ("onenigheid", "conflict"):
            felt = "onenigheid" if level == "onenigheid" else "een conflict"
            strained = sum(v.count for v in d.views if v.value == level)
            calm = [v.value for v in d.views if v.value != level]
            if 0 < strained < d.respondents and calm and set(calm) <= {"vriendschappelijk", "waakzaam"}:
                # How many say so, and what the others call it: "de andere" of two is no count of three.
                verb = "spreekt" if strained == 1 else "spreken"
                text = (
                    f"{upper_first(number(strained))} van de {number(d.respondents)} antwoorden {verb} van {felt}; "
                    f"de andere noemen het klimaat {and_list(sorted(set(calm)))}."
                )
                return Sentence(text, [*rests, "climate.declared"])
            text = f"Wie het klimaat het meest gespannen ervaart, spreekt van {felt}; daarvan gaan wij uit."
            return Sentence(text, [*rests, "climate.declared"])
        return self._climate_divergence()

    def _climate_divergence(self) -> Sentence:
        d = self.divergent["climate.declared"]
        if not self.may_tell(d):  # nothing said about fewer than three respondents' answers
            return Sentence(
                "Over het klimaat lopen de antwoorden uiteen.", ["climate.declared", "respondents.divergence"]
            )
        values = [v.value for v in d.views]
        text = f"Over het klimaat lopen de antwoorden uiteen: {and_list(values)}"
        heated = [v for v in d.views if v.value in ("onenigheid", "conflict")]
        count = sum(v.count for v in heated)
        if heated and count >= MIN_RESPONDENTS:  # nothing said about fewer than three respondents
            felt = and_list([v.value for v in heated])
            text += f"; {number(count)} van de {number(d.respondents)} partners ervaren {felt}"
        return Sentence(text + ".", ["climate.declared", "respondents.divergence"])

    def situation(self) -> list[Sentence]:
        out: list[Sentence] = []
        kind, phase, domain = self.fact("context.type"), self.fact("context.phase"), self.case.domain
        if kind or phase or domain:
            text = "Het gaat om " + (_TYPES.get(kind, "een samenwerking") if kind else "een samenwerking")
            if domain:
                text += f" {domain_clause(domain, 'rond')}"
            if phase:
                text += f", in de fase ‘{phase}’"
            out.append(
                Sentence(text + ".", [p for p in ("context.type", "context.phase") if self.fact(p)] or ["description"])
            )
        count = self.fact("network.partner_count")
        if count:
            text = f"Er {'doet' if count == 1 else 'doen'} {number(count)} partner{'' if count == 1 else 's'} mee"
            private = self.fact("network.private_partner_count")
            if private:
                text += f", onder wie {number(private)} private partij{'' if private == 1 else 'en'}"
            text += "."
            partners = self.case.partners
            if partners:
                names = []
                for p in partners[:12]:  # by name, as the client knows them; the kind is the intake's word
                    names.append(partner_name(p.name))
                if len(partners) > 12:
                    names.append(f"nog {number(len(partners) - 12)} andere")
                if len(partners) == count and count <= 4 and any(is_group(p.name) for p in partners):
                    # Groups of organisations counted as one partner each: who takes part, not how many.
                    text = f"Aan de samenwerking doen {and_list(names)} mee."
                elif count > len(partners):  # the names are some of the partners, not all
                    text += f" Daaronder {'is' if len(partners) == 1 else 'zijn'} {and_list(names)}."
                else:
                    text += f" {'Dat is' if len(partners) == 1 else 'Dat zijn'} {and_list(names)}."
            core = self.fact("network.core_group")
            if core is True:
                text += " Er is een kernteam."
            elif core is False:
                text += " Er is geen kernteam."
            out.append(Sentence(text, ["network.partner_count"]))
        missing = self.fact("network.missing_roles")
        if isinstance(missing, list) and self.fact("funding.subsidy") is False:
            # Without outside money the partners pay themselves: no financier is missing.
            missing = [m for m in missing if str(m).lower() != "financier"]
        if missing and isinstance(missing, list):
            # The roles the answers say are missing at the table (the partner list alone does not say so).
            roles = [_MISSING_ROLE_WORDS.get(str(m).lower(), str(m).lower()) for m in missing]
            verb = "ontbreekt" if roles[0].startswith("wie") and len(roles) == 1 else "ontbreken"
            out.append(Sentence(f"Aan tafel {verb} nog {and_list(roles)}.", ["network.missing_roles"]))
        out.extend(self._leadership())
        out.extend(self._climate())
        subsidy = self._funding()
        if subsidy:
            out.append(subsidy)
        if self.fact("ambition.shared") is True:
            out.append(Sentence("Er is een gedeelde ambitie.", ["ambition.shared"]))
        elif self.fact("ambition.shared") is False:
            out.append(
                Sentence(
                    "Een gedeelde ambitie waarin alle partners zich herkennen, ontbreekt nog.", ["ambition.shared"]
                )
            )
        if self.fact("ambition.form_debate_dominates") is True:
            out.append(
                Sentence(
                    "De vraag naar de organisatievorm overheerst de gesprekken.", ["ambition.form_debate_dominates"]
                )
            )
        return out

    def _leadership(self) -> list[Sentence]:
        regie, trekker = self.fact("leadership.regie"), self.fact("leadership.trekker")
        if "leadership.regie" in self.divergent:
            d = self.divergent["leadership.regie"]
            values = [v.value for v in d.views]
            said = f": {' tegenover '.join(values)}" if self.may_tell(d) else ""
            return [
                Sentence(
                    f"Over de regie lopen de antwoorden uiteen{said}.", ["leadership.regie", "respondents.divergence"]
                )
            ]
        if regie in _REGIE:
            text = _REGIE[regie]
            rests = ["leadership.regie"]
            if trekker is False:
                text += " Er is geen trekker."
                rests.append("leadership.trekker")
            elif trekker is True and "leadership.trekker" not in self.divergent:
                text += " Er is een trekker"
                rests.append("leadership.trekker")
                no_time = self.fact("leadership.trekker_has_time") is False
                no_mandate = self.fact("leadership.trekker_has_mandate") is False
                if no_time:
                    text += ", maar die heeft er geen tijd voor"
                if no_mandate:
                    text += (" en" if no_time else ", maar die") + " mist mandaat"
                text += "."
            return [Sentence(text, rests)]
        if trekker is False:
            return [Sentence("Er is geen trekker.", ["leadership.trekker"])]
        return []

    def _climate(self) -> list[Sentence]:
        level = self.fact("climate.level")
        if not level:
            return []
        if "climate.declared" in self.divergent:
            sentence = self._climate_divergence()
            sentence.text = sentence.text[:-1] + "; wij gaan uit van het meest gespannen beeld."
            return [sentence]
        text = _CLIMATE.get(level, f"Het klimaat in de samenwerking is {level}")
        declared, derived = self.fact("climate.declared"), self.fact("climate.derived")
        rests = ["climate.level"]
        if declared and derived and declared != derived:
            text += f"; de partners noemen het {declared}, de signalen wijzen op {derived}"
            text += ", en wij gaan uit van het meest gespannen beeld"
            rests += ["climate.declared", "climate.derived"]
        elif derived and not declared:
            text += " (afgelezen uit de antwoorden)"
        text += "."
        # What points at this level: its own signs, not a friendly one beside it (walk7: "Het klimaat is waakzaam.
        # Wat erop wijst: informatie wordt makkelijk gedeeld en …").
        pointing = [s for s in self.case.climate_signs if s.level == level]
        if pointing:
            text += " Wat erop wijst: " + and_list([s.label.rstrip(".").lower() for s in pointing]) + "."
            rests.append("climate.signs")
        return [Sentence(text, rests)]

    def _funding(self) -> Sentence | None:
        if self.fact("funding.subsidy") is not True:
            return None
        timing = self.advice.timing
        text = "De samenwerking draait op subsidie"
        rests = ["funding.subsidy"]
        ended = False
        if timing.months_left is not None or (timing.subsidy_end is not None and timing.end_date_given):
            end = self._subsidy_end()
            ended = end.ended
            text = ("De samenwerking draaide op subsidie" if ended else text) + ", " + end.clause
            rests.append("funding.months_left")
        dependency = self.fact("funding.dependency")
        if dependency in ("hoog", "midden", "laag"):
            were = "waren" if ended else "zijn"
            text += (
                f", en de partners {were} er in "
                + {"hoog": "hoge", "midden": "redelijke", "laag": "geringe"}[dependency]
            )
            text += " mate van afhankelijk"
            rests.append("funding.dependency")
        text += "."
        plan = self.fact("funding.continuation_plan")
        if plan is False:
            text += " Er is nog geen plan voor daarna."
            rests.append("funding.continuation_plan")
        elif plan is True:
            text += " Er is een plan voor daarna."
            rests.append("funding.continuation_plan")
        return Sentence(text, rests)
