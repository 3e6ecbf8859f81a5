"""Who and when: the owners and moments of the letter's first steps, drawn from the case's actors (the
trekker, the stuurgroep or penvoerder, the partners holding a role, the municipality) and its dates (the
letter's date, the subsidy's end, the municipal budget cycle). :mod:`._case_text` states the case on this.
Nothing here imports the rule book or the knowledge base.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..model._advice import Advice, DivergenceResult, RecommendedIntervention
from ._case_words import (
    MIN_RESPONDENTS,
    MONTHS,
    date_nl,
    days_after,
    lower_first,
    months_after,
    partner_name,
    round_up,
)
from ._dutch import and_list, first_person, name_with_article

__all__ = ["CaseActors", "join_step"]


def join_step(steps: list[dict[str, str]], step: dict[str, str]) -> bool:
    """One step per owner and moment: ``step`` joins the step of ``steps`` with its owner and moment (unless that
    one says it already); False where there is none, for the caller to place it."""
    same = next((m for m in steps if (m["owner"], m["moment"]) == (step["owner"], step["moment"])), None)
    if same is None:
        return False
    if step["step"] not in same["step"]:
        same["step"] += " " + step["step"]
    return True


# The case's own word for the one who coordinates (the trekker's role in the case's terms): a partner named so
# ("Regiocoördinatoren JOGG Achterhoek"), or a coordinator the description introduces ("met een procesbegeleider
# en een netwerkcoördinator", "Een externe procesregisseur trekt het proces").
_COORDINATOR = r"[\w-]*(?:coördinator|coördinatoren|kwartiermaker|regisseur|programmamanager)"
_COORDINATOR_IN_NAME = re.compile(rf"\b{_COORDINATOR}\b", re.IGNORECASE)
_COORDINATOR_IN_TEXT = re.compile(rf"\b(?:de|een)\s+(?:[a-zà-ÿ]+e\s+)?({_COORDINATOR})\b", re.IGNORECASE)
# A step that asks the financiers for money, in the catalogue's general terms.
_FINANCIERS = "de gemeente en de andere financiers"


class CaseActors:
    """The case's facts, and who takes a step and when, for one Advice."""

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

    @staticmethod
    def may_tell(d: DivergenceResult) -> bool:
        """Whether the letter may say what the answers were: three respondents or more, or respondents who
        agreed to be named; with fewer, one answer could be read as one person's."""
        return d.respondents >= MIN_RESPONDENTS or any(v.respondents for v in d.views)

    # Who and when

    def board(self) -> str:
        """Who decides for the collaboration, in the case's terms."""
        if "stuurgroep" in (self.case.addressee or "").lower():
            return "de stuurgroep"
        # A consortium has a penvoerder while its subsidy runs; after it (or without one) nobody is one.
        if self.fact("context.type") == "consortium" and self.fact("funding.subsidy") is True:
            return "de penvoerder"
        if self.fact("leadership.trekker") is True:
            if self.fact("leadership.others_lean_back") is True and self.fact("network.core_group") is True:
                return "het kernteam"  # not the one or two who carry everything already
            return self.coordinator() or "de trekker"
        holder = self.fact("leadership.regie_holder")
        if isinstance(holder, str):
            return holder
        coordinator = self.coordinator() if self.fact("leadership.trekker") is not False else None
        return coordinator or "alle partners"

    def coordinator(self) -> str | None:
        """The one who coordinates, in the case's own word: a partner named as coordinator(s), else the
        coordinator the case's description introduces; None where the case names none."""
        named = [p.name for p in self.case.partners if _COORDINATOR_IN_NAME.search(p.name)]
        if len(named) == 1:
            said = partner_name(named[0])  # "de regiocoördinatoren JOGG Achterhoek"; a role opening a name is no name
            return said if said.startswith(("de ", "het ")) else "de " + lower_first(said)
        found = _COORDINATOR_IN_TEXT.search(self.case.description or "")
        return "de " + found.group(1) if found is not None and not named else None

    def financiers(self) -> list[str]:
        """The partners the case names as financier, by name."""
        return [partner_name(p.name) for p in self.case.partners if "financier" in p.roles]

    def paying(self) -> list[str]:
        """Who pays in the case, by name: the partners with the role financier, else its municipalities."""
        return self.financiers() or [partner_name(p.name) for p in self.case.partners if p.kind == "gemeente"]

    def owner(self, owner: str) -> str:
        partners = self.case.partners

        def holding(role: str) -> list[str]:
            return [partner_name(p.name) for p in partners if role in p.roles]

        if owner == "trekker":
            overloaded = (
                self.fact("leadership.others_lean_back") is True or self.fact("leadership.trekker_has_time") is False
            )
            # A trekker without time is a trekker, also where the case never said there is one (walk7: every step
            # went to "de trekker" the letter had just said had no time).
            if self.fact("leadership.trekker") is not False and overloaded:
                # Where one or two carry everything, a step is not one more job for them: the kernteam takes it,
                # or we prepare it.
                return "het kernteam" if self.fact("network.core_group") is True else self.voice
            if self.fact("leadership.trekker") is True:
                return self.coordinator() or "de trekker"
            holder = self.fact("leadership.regie_holder")
            if isinstance(holder, str):
                return holder
            # Nobody leads and no body decides for the partners: the advisor prepares and leads the
            # conversation ("wij"), rather than "alle partners", which is no one.
            board = self.board()
            return self.voice if board == "alle partners" else board
        if owner == "stuurgroep":
            return self.board()
        if owner == "beslisser":
            names = holding("beslisser")
            return and_list(names) if 0 < len(names) <= 2 else self.board()
        if owner == "financier":  # who pays in the case: its financiers, else its municipality, else who decides
            names = self.paying()
            return (and_list(names) if len(names) <= 3 else "de financiers") if names else self.board()
        if owner == "gemeente":
            town = [partner_name(p.name) for p in partners if p.kind == "gemeente"]
            return town[0] if town else "de gemeente"
        if owner == "partners":
            return "alle partners"
        if owner == "eigen_organisatie":
            # The letter goes to all partners: each prepares its own organisation.
            if partners and all(p.kind == "school" for p in partners):
                return "ieder schoolbestuur"
            return "iedere partner"
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
            return before(round_up(days_after(today, 30)))
        end = timing.subsidy_end
        if when == "voor_einde_subsidie" and end is not None:
            # Well before the end (two months ahead, at least a month from now);
            # where a municipality pays, in time for its budget cycle.
            due = max(round_up(months_after(end, -2)), round_up(days_after(today, 30)))
            if timing.budget_request_by is not None:
                due = min(due, timing.budget_request_by)
            return before(due)
        return before(round_up(days_after(today, 91)))

    def days(self, when: str) -> int:
        """How many days from the letter's date a moment lies, to compare moments: the next meeting is
        taken as a week away; a dated moment counts its days."""
        return self.days_until(self.moment(when))

    def days_until(self, moment: str) -> int:
        """How many days from the letter's date a moment as the letter says it lies (see :meth:`days`)."""
        fixed = {"direct": 0, "in het eerstvolgende overleg": 7, "binnen twee weken": 14}
        if moment in fixed:
            return fixed[moment]
        parts = moment.removeprefix("vóór ").split()
        if len(parts) == 3 and parts[0].isdigit() and parts[1] in MONTHS and parts[2].isdigit():
            due = date(int(parts[2]), MONTHS.index(parts[1]) + 1, int(parts[0]))
            return (due - self.case.letter_date).days
        return 365

    def outsider(self) -> bool:
        """Whether we come from outside the collaboration (our organisation is none of the partners)."""
        own = (self.case.advisor_organisation or "").lower()
        return not own or all(own != p.name.lower() for p in self.case.partners)

    def _owner_of(self, i: RecommendedIntervention, owner: str) -> str:
        """A step's owner; where there is discord or a conflict, a conversation about the climate that the
        knowledge gives the trekker is led by us, from outside, not by one of the parties."""
        heated = self.fact("climate.level") in ("onenigheid", "conflict")
        if owner == "trekker" and i.tier == "klimaat" and heated and self.outsider():
            return self.voice
        return self.owner(owner)

    def _asking_the_financiers(self, step: str, owner: str) -> tuple[str, str]:
        """A step that asks the financiers for money names the case's financiers (the municipality and the
        partners that finance), not "de gemeente en de andere financiers" where there are none; and it is not
        asked by all partners where a financier is one of them: it would ask itself."""
        paying = [p for p in self.case.partners if p.kind == "gemeente" or "financier" in p.roles]
        if not paying:
            return step.replace(_FINANCIERS, "de financiers"), owner
        names = [partner_name(p.name) for p in paying]
        who = and_list(names) if len(names) <= 3 else "de financiers"
        if self.fact("funding.cut") is True:
            # A financier has just decided to cut: the step does not ask it to pay after all, it asks what it
            # keeps carrying and where the rest can come from (review11, Almelo).
            step = (
                f"Bespreek met {who} welke onderdelen van de samenwerking zij na de bezuiniging blijven dragen, en "
                "zoek voor wat dan nog nodig is nieuwe financiers, bijvoorbeeld een fonds."
            )
        step = step.replace(_FINANCIERS, who)
        if owner == "alle partners":
            others = [p for p in self.case.partners if p not in paying]
            owner = f"de partners naast {and_list(names)}" if others and len(names) <= 2 else self.voice
        return step, owner

    def plans(self, i: RecommendedIntervention) -> list[dict[str, str]]:
        plans = [{"step": p.step, "owner": self._owner_of(i, p.owner), "moment": self.moment(p.when)} for p in i.plan]
        # The advisor's own steps say what the advisor does ("Wij vragen …"), not an order to the reader.
        orders = frozenset(s.step.split(" ", 1)[0].lower() for j in self.advice.interventions for s in j.plan)
        for p in plans:
            if p["owner"] == "alle partners" and p["step"].startswith("Laat de partners"):
                p["owner"] = self.voice  # "Alle partners. Laat de partners elk …" is nobody's order: we ask them
            if _FINANCIERS in p["step"]:
                p["step"], p["owner"] = self._asking_the_financiers(p["step"], p["owner"])
            if p["owner"] == self.voice:
                p["step"] = first_person(p["step"], self.voice, orders)
            elif p["owner"] == "alle partners":  # "Alle partners. Bespreek met de partners …" says them twice
                p["step"] = re.sub(r"^(\w+) met de partners\b", r"\1 samen", p["step"])
        merged: list[dict[str, str]] = []
        for p in plans:
            if not join_step(merged, p):
                merged.append(p)
        return merged or [{"step": i.first_steps[0], "owner": "", "moment": ""}]

    def meeting_when(self) -> str:
        """When the partners meet on the letter, where the case decides it: at their next meeting when a first
        step is due there, before the subsidy's budget request when that comes first; else "" (the template
        proposes a meeting within two weeks)."""
        whens = {i.plan[0].when for i in self.top if i.plan}
        if whens & {"direct", "volgend_overleg"}:
            return "in uw eerstvolgende overleg"
        by = self.advice.timing.budget_request_by
        if by is not None and self.advice.timing.within_horizon and (by - self.case.letter_date).days < 60:
            return f"in een overleg vóór {date_nl(by)}, als het verzoek aan de gemeente er moet liggen"
        return ""

    def advisor_takes_part(self, plans: dict[str, list[dict[str, str]]]) -> bool:
        return any(p["owner"] == self.voice for i in self.top for p in plans[i.id][:2])
