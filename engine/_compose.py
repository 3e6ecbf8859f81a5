"""The letter's Dutch sentences, composed from the Advice alone.

The templates print what this module composes and decide nothing: no fact is
compared with a literal there, no finding or intervention is named. Every
sentence of the kernboodschap, *Het beeld* and *Waarom nu* carries what it
rests on (``rests_on``): fact paths, finding ids, ``description`` (the case's
own text) or ``respondents`` (the answers as they differ). Nothing here
imports the rule book or the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ._advice import Advice, FindingResult, RecommendedIntervention
from ._dutch import agenda_phrase, and_list, domain_phrase, name_with_article, number_word

_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_KINDS = {
    "gemeente": "gemeente",
    "ggd": "GGD",
    "zorgaanbieder": "zorgaanbieder",
    "welzijnsorganisatie": "welzijnsorganisatie",
    "woningcorporatie": "woningcorporatie",
    "kennisinstelling": "kennisinstelling",
    "bedrijf": "bedrijf",
    "zorgverzekeraar": "zorgverzekeraar",
    "school": "school",
    "huisartsen": "huisartsen",
    "maatschappelijke_organisatie": "maatschappelijke organisatie",
    "provincie": "provincie",
    "rijk": "Rijk",
}
_TYPES = {
    "integraal": "een integrale samenwerking",
    "intersectoraal": "een intersectorale samenwerking",
    "pps": "een publiek-private samenwerking",
    "netwerk": "een netwerk",
    "consortium": "een consortium",
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
# The fewest respondents whose answers a letter counts or describes.
MIN_RESPONDENTS = 3
MAX_MORE = 5


@dataclass
class Sentence:
    """A sentence of the letter and what it rests on."""

    text: str
    rests_on: list[str] = field(default_factory=list)


def date_nl(day: date, *, year: bool = True) -> str:
    """A date written out: 1 maart 2027 (without the year when ``year`` is false)."""
    return f"{day.day} {_MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def number(n: int) -> str:
    return number_word(n) if 0 <= n <= 20 else str(n)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def first_sentence(text: str) -> str:
    """The first sentence of a knowledge text, up to a colon: what follows a
    colon there is the source's general description, not the case."""
    first = text.split(". ")[0].rstrip(".")
    return first.split(": ")[0].rstrip(":").rstrip(".") + "."


def partner_name(name: str) -> str:
    """A partner's name inside a sentence: "de gemeente Oostdam" for "Gemeente Oostdam"."""
    if name.lower() == "gemeente":
        return "de gemeente"
    if name.lower().startswith("gemeente "):
        return "de gemeente " + name[len("gemeente ") :]
    return name


class Composer:
    """Composes the letter's sentences for one Advice."""

    def __init__(self, advice: Advice, top: int, *, voice: str = "wij") -> None:
        self.advice = advice
        self.case = advice.case
        self.facts: dict[str, Any] = {f.path: f.value for f in advice.facts}
        self.findings = {f.id: f for f in advice.findings}
        self.top = advice.interventions[:top]
        self.rest = advice.interventions[top:]
        self.voice = voice
        self.divergent = {d.path: d for d in advice.divergences}
        self.respondents = max((d.respondents for d in advice.divergences), default=0)
        self.name = name_with_article(self.case.name)

    def fact(self, path: str) -> Any:
        return self.facts.get(path)

    # Who and when

    def board(self) -> str:
        """Who decides for the collaboration, in the case's terms."""
        if "stuurgroep" in (self.case.addressee or "").lower():
            return "de stuurgroep"
        if self.fact("context.type") == "consortium":
            return "de penvoerder"
        if self.fact("leadership.trekker") is True:
            return "de trekker"
        holder = self.fact("leadership.regie_holder")
        return holder if isinstance(holder, str) else "de partners samen"

    def owner(self, owner: str) -> str:
        partners = self.case.partners

        def holding(role: str) -> list[str]:
            return [partner_name(p.name) for p in partners if role in p.roles]

        if owner == "trekker":
            if self.fact("leadership.trekker") is True:
                return "de trekker"
            holder = self.fact("leadership.regie_holder")
            return holder if isinstance(holder, str) else self.board()
        if owner == "stuurgroep":
            return self.board()
        if owner == "beslisser":
            names = holding("beslisser")
            return and_list(names) if 0 < len(names) <= 2 else self.board()
        if owner == "financier":
            names = holding("financier")
            return and_list(names) if 0 < len(names) <= 3 else "de financiers"
        if owner == "gemeente":
            town = [partner_name(p.name) for p in partners if p.kind == "gemeente"]
            return town[0] if town else "de gemeente"
        if owner == "partners":
            return "alle partners"
        if owner == "eigen_organisatie":
            return "uw organisatie"
        return self.voice

    def moment(self, when: str) -> str:
        today = self.case.letter_date
        timing = self.advice.timing

        def before(day: date) -> str:
            return "vóór " + date_nl(day)

        if when == "direct":
            return "direct"
        if when == "twee_weken":
            return "binnen twee weken"
        if when == "volgend_overleg":
            return "in het eerstvolgende overleg"
        if when == "maand":
            return before(_round_up(_days_after(today, 30)))
        end = timing.subsidy_end
        if when == "voor_einde_subsidie" and end is not None:
            # Well before the end (two months ahead, at least a month from now);
            # where a municipality pays, in time for its budget cycle.
            due = max(_round_up(_months_after(end, -2)), _round_up(_days_after(today, 30)))
            if timing.budget_request_by is not None:
                due = min(due, timing.budget_request_by)
            return before(due)
        return before(_round_up(_days_after(today, 91)))

    def plans(self, i: RecommendedIntervention) -> list[dict[str, str]]:
        plans = [{"step": p.step, "owner": self.owner(p.owner), "moment": self.moment(p.when)} for p in i.plan]
        merged: list[dict[str, str]] = []
        for p in plans:  # one step per owner and moment
            same = next((m for m in merged if (m["owner"], m["moment"]) == (p["owner"], p["moment"])), None)
            if same is None:
                merged.append(p)
            elif p["step"] not in same["step"]:
                same["step"] += " " + p["step"]
        return merged or [{"step": i.first_steps[0], "owner": "", "moment": ""}]

    # The salutation and the opening

    def greeting(self) -> str:
        a = (self.case.addressee or "").strip()
        low = a.lower()
        if not a:
            kind = self.fact("context.type")
            if kind in ("consortium", "netwerk"):
                return f"Geachte leden van het {kind},"
            return f"Geachte partners van {self.name},"
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
                f"{self.name} naast elkaar gelegd en gewogen."
            )
        if self.respondents:
            return (
                f"Voor deze brief hebben wij de antwoorden van de partners van {self.name} naast elkaar gelegd, "
                "zonder te zeggen wie wat antwoordde."
            )
        if self.advice.timing.urgent:
            return f"Omdat er in {self.name} op korte termijn keuzes nodig zijn, beginnen wij met de kern."
        return f"In deze brief geven wij u ons beeld van {self.name} en wat wij u aanraden."

    # Sentences that state the case

    def _subsidy_sentence(self) -> Sentence | None:
        timing = self.advice.timing
        if not timing.within_horizon:
            return None
        end = timing.subsidy_end
        when = (
            f"op {date_nl(end)}" if timing.end_date_given and end else f"over {number(timing.months_left or 0)} maanden"
        )
        if timing.months_left == 1 and not timing.end_date_given:
            when = "over een maand"
        plan = self.fact("funding.continuation_plan")
        text = f"De subsidie loopt {when} af"
        rests = ["funding.subsidy", "funding.months_left"]
        if plan is False:
            text += " en er is nog geen plan voor daarna"
            rests.append("funding.continuation_plan")
        return Sentence(text + ".", rests)

    def _finding_sentence(self, f: FindingResult) -> Sentence:
        """A finding in the case's words: its first sentence, up to a colon,
        resting on the facts and findings of the rules that diagnosed it."""
        rests = [f.id] + sorted({p for r in f.reasons for p in r.facts})
        climate = self.divergent.get("climate.declared")
        if f.condition == "relatie" and climate is not None and f.id.startswith("F-KLIMAAT"):
            return self._climate_divergence()
        if "network.missing_roles" in rests:  # the roles in the case's terms
            missing = next((m for m in self.situation() if "network.missing_roles" in m.rests_on), None)
            if missing is not None:
                return Sentence(missing.text, rests)
        if "respondents.divergence" in rests and self.divergent:
            # The respondents differ: say on what, in the case's terms.
            topics = [f"‘{d.label}’" for d in self.advice.divergences if d.path != "climate.declared"]
            if topics and climate is not None:
                return Sentence(f"Ook over {and_list(topics)} lopen de antwoorden uiteen.", rests)
            if topics:
                return Sentence(f"Over {and_list(topics)} lopen de antwoorden uiteen.", rests)
        return Sentence(first_sentence(f.explanation), rests)

    def _climate_divergence(self) -> Sentence:
        d = self.divergent["climate.declared"]
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
                text += f" rond {domain_phrase(domain)}"
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
                for p in partners[:12]:
                    label = _KINDS.get(p.kind)
                    shown = partner_name(p.name)
                    names.append(shown if not label or label.lower() in p.name.lower() else f"{shown} ({label})")
                if len(partners) > 12:
                    names.append(f"nog {number(len(partners) - 12)} andere")
                text += f" {'Dat is' if len(partners) == 1 else 'Dat zijn'} {and_list(names)}."
            core = self.fact("network.core_group")
            if core is True:
                text += " Er is een kernteam."
            elif core is False:
                text += " Er is geen kernteam."
            out.append(Sentence(text, ["network.partner_count"]))
        missing = self.fact("network.missing_roles")
        if missing:
            if missing == ["gebruiker"]:
                text = "De mensen voor wie de samenwerking er is, zitten niet zelf aan tafel."
            elif len(missing) == 1:
                text = f"Geen van de partners is {missing[0]}."
            else:
                text = f"Onder de partners ontbreken de rollen {and_list([m.lower() for m in missing])}."
            out.append(Sentence(text, ["network.missing_roles"]))
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
            values = [v.value for v in self.divergent["leadership.regie"].views]
            return [
                Sentence(
                    f"Over de regie lopen de antwoorden uiteen: {' tegenover '.join(values)}.",
                    ["leadership.regie", "respondents.divergence"],
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
            text += " (afgelezen uit de signalen)"
        text += "."
        if self.case.climate_signs:
            text += (
                " Genoemde signalen: " + and_list([s.label.rstrip(".").lower() for s in self.case.climate_signs]) + "."
            )
            rests.append("climate.signs")
        return [Sentence(text, rests)]

    def _funding(self) -> Sentence | None:
        if self.fact("funding.subsidy") is not True:
            return None
        timing = self.advice.timing
        text = "De samenwerking draait op subsidie"
        rests = ["funding.subsidy"]
        if timing.subsidy_end is not None and timing.end_date_given:
            text += f", die op {date_nl(timing.subsidy_end)} afloopt"
            rests.append("funding.months_left")
        elif timing.months_left is not None:
            months = timing.months_left
            text += f", die over {number(months)} maand{'en' if months != 1 else ''} afloopt"
            rests.append("funding.months_left")
        dependency = self.fact("funding.dependency")
        if dependency in ("hoog", "midden", "laag"):
            text += (
                ", en de partners zijn er in " + {"hoog": "hoge", "midden": "redelijke", "laag": "geringe"}[dependency]
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
            rows.append({"title": c.title, "status": status, "reason": reason})
        return rows

    def advice_intro(self) -> str:
        if len(self.top) == 1:
            return "Dit is de stap die wij u als eerste aanraden."
        if self.top and self.top[0].priority.urgent:
            return "Wij beginnen bij wat niet kan wachten."
        return "Wij zetten ze op volgorde van urgentie en ernst."


def _days_after(day: date, days: int) -> date:
    return date.fromordinal(day.toordinal() + days)


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


def _round_up(day: date) -> date:
    """The next 1st or 15th of a month on or after ``day``: a deadline reads better round."""
    if day.day in (1, 15):
        return day
    if day.day < 15:
        return day.replace(day=15)
    return _months_after(day.replace(day=1), 1)


__all__ = [
    "Composer",
    "Sentence",
    "date_nl",
    "first_sentence",
    "lower_first",
    "number",
    "partner_name",
    "upper_first",
]
