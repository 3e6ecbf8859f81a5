"""Issue 24, acceptance 7: the classes of defect the senior advisor's reading of eight letters found in more than
one letter (review of 2026-12-07), tested over the letters of all examples and panel cases."""

from __future__ import annotations

import re

from samenwerkwijzer.wording._compose import Composer
from samenwerkwijzer.wording._fact_words import FACT_SENTENCES

from ..every import every
from .test_letter_defect_classes import advice_of, all_names, context_of, letter_of, own_words

_QUOTE = re.compile(r"^“(.*)” \[\d+\]$", re.MULTILINE)


def _printed_quotes(name: str) -> list[str]:
    return _QUOTE.findall(letter_of(name).split("## Bronnen")[0])


@every("name", all_names)
def test_every_printed_quote_is_a_closed_sentence_without_heading_or_question(name):
    """ "“Door een kartrekker aan te wijzen maak je iemand verantwoordelijk voor het proces” [2]" (no full stop),
    "“Aan de slag: start met iets concreets …”" and "“Fase 6: Evalueer uw PPS”" (headings), "“Duidelijke
    afspraken over rollen, taken, tijd en geld”" (a label), "“Willems e.a. (2018) onderscheiden …”" (the
    literature), "“… of zijn jullie het echt niet eens?”" (a question to the reader)."""
    for quote in _printed_quotes(name):
        end = quote.rstrip("’”\"')")
        assert end.endswith((".", "!", "…")), (name, quote)
        head, colon, _ = quote.partition(":")
        assert not colon or len(head.split()) > 3 or " is " in f" {head} ", (name, quote)
        assert not re.search(r"\be\.a\. \(\d{4}\)", quote), (name, quote)
        assert not quote.startswith(("Duidelijke ", "Gezamenlijke ")), (name, quote)
        # "“Ten eerste, de deelcoalities: vorm coalities …”" (the re-review of 2026-12-07): a place in a list.
        assert not re.match(r"(Ten (eerste|tweede|derde|slotte)|Allereerst|Tot slot)\b", quote), (name, quote)


_STEP = re.compile(r"^- \*\*(.+?), (.+?)\.\*\* (.*)$", re.MULTILINE)
_COORDINATOR = re.compile(
    r"\b(?:de|een)\s+(?:[a-zà-ÿ]+e\s+)?[\w-]*(?:coördinator|kwartiermaker|regisseur|programmamanager)\b", re.I
)


def _steps(name: str) -> list[tuple[str, str, str]]:
    return _STEP.findall(letter_of(name).split("## Bronnen")[0])


@every("name", all_names)
def test_an_owner_is_one_of_the_case_s_actors(name):
    """ "**Alle partners, vóór 1 maart 2027.** Laat de partners elk benoemen …" (an order to all to let all
    speak), "**Alle partners** … Leg de gemeente en de andere financiers een onderbouwd verzoek voor" where the
    gemeente is a partner and the only financier (it would ask itself), "**De trekker**" where the case calls its
    trekker a netwerkcoördinator or names the regiocoördinatoren as a partner."""
    advice = advice_of(name)
    paying = [p.name for p in advice.case.partners if p.kind == "gemeente" or "financier" in p.roles]
    named = " ".join([advice.case.description or "", *(p.name for p in advice.case.partners)])
    for owner, _, step in _steps(name):
        assert not (owner == "Alle partners" and step.startswith("Laat de partners")), (name, step)
        assert "andere financiers" not in step or len(paying) > 3, (name, step)
        if "verzoek voor" in step and paying:
            assert owner != "Alle partners", (name, step)
        if owner == "De trekker":
            assert not _COORDINATOR.search(named) and "coördinator" not in named.lower(), (name, named)
    assert "in elk geval de partners naast" not in letter_of(name), name
    words = {w.lower(): w for w in re.findall(r"[\w-]+", named)}
    for owner, _, _ in _steps(name):  # the case's word as the case writes it ("de JOGG-regisseur")
        for word in owner.split()[1:]:
            if re.search(r"coördinator|regisseur|kwartiermaker|programmamanager", word, re.IGNORECASE):
                assert words.get(word.lower(), word)[1:] == word[1:], (name, owner)


@every("name", all_names)
def test_waarom_nu_gives_the_case_s_reason_and_the_sources_general_advice_is_headed_as_such(name):
    """ "**Waarom nu.** Deze samenwerking is een consortium. In zo’n verband … de bronnen adviseren eerlijk te
    bespreken …" and "**Waarom nu.** Iedereen zit overal bij. Het gaat om een netwerk van veertien partners …
    volgens de bronnen …": what the sources advise every collaboration of a kind or phase is no reason for now.
    It is said as the reason for the advice (*Waarom dit advies*), alone, never after the case's own reason."""
    body = letter_of(name).split("## Bronnen")[0]
    for heading, reason in re.findall(r"^\*\*(Waarom nu|Waarom dit advies)\.\*\* (.*)$", body, re.MULTILINE):
        if heading == "Waarom nu":
            assert "bronnen" not in reason, (name, reason)


@every("name", all_names)
def test_the_agenda_asks_who_only_where_the_letter_has_not_said_it_and_the_closing_names_a_priority(name):
    """ "De onenigheid bespreekbaar maken: wie neemt het op zich (eerste stap binnen twee weken)" where the letter
    has just said that we take that step; "te beginnen met op tijd structurele financiering en bestuurlijk
    draagvlak zoeken." (an infinitive phrase after "beginnen met")."""
    context = context_of(name)
    text = Composer(advice_of(name), 3)
    agenda = context["text"]["agenda"]
    for i in context["top"]:
        first = context["plans"][i.id][0]
        item = next(a for a in agenda if a.startswith(text._agenda_item(i)))
        assert ("wie neemt het op zich" in item) == (first["owner"] != "wij"), (name, item, first["owner"])
    assert "te beginnen met" not in context["text"]["closing"], (name, context["text"]["closing"])


@every("name", all_names)
def test_the_intake_s_answers_are_not_called_our_judgement(name):
    """ "Wat naar ons oordeel goed gaat: de partners zien wat deze samenwerking oplevert …" and, in the table,
    "Naar ons oordeel: …": the statements are the case's answers (the procesevaluatie's findings in the JOGG
    Achterhoek case), not our judgement; the letter says whose reading they are."""
    letter = letter_of(name).lower()
    assert "naar ons oordeel" not in letter and "die wij konden beoordelen" not in letter, name


@every("name", all_names)
def test_no_financier_and_no_common_goal_the_case_does_not_have(name):
    """General or intervention text as the case's fact: "Wat de samenwerking oplevert, is nog niet zichtbaar voor
    de partners en financiers" and "**De financiers** …" in cases without a financier; "Neem het gemeenschappelijke
    doel als vertrekpunt" where the case states no shared goal (subsidie-eindigt)."""
    advice = advice_of(name)
    paying = [p for p in advice.case.partners if p.kind == "gemeente" or "financier" in p.roles]
    context = context_of(name)
    found = [s for part in ("core", "picture") for s in context["sentences"][part]]
    found += [s for ss in context["sentences"]["why"].values() for s in ss]
    own = set(FACT_SENTENCES.values())  # the case's facts in the letter's own words
    for sentence in (t for s in found for t in re.split(r"(?<=[.!?])\s+", s["text"])):
        assert sentence not in own or "financiers" not in sentence or paying, (name, sentence)
    for owner, _, _ in _steps(name):
        assert owner != "De financiers" or len(paying) > 3, (name, owner)
    if advice.fact("ambition.shared") is not True:
        said = own_words(letter_of(name))
        assert not re.search(r"het gemeenschappelijke doel (?:als vertrekpunt|voor ogen)", said), name


def test_a_climate_one_respondent_strains_is_said_with_its_count():
    """ "Wie het klimaat het meest gespannen ervaart, spreekt van onenigheid; daarvan gaan wij uit." in the
    kernboodschap and again as a priority's *Waarom nu*: with three respondents, of whom one speaks of discord,
    the letter says so (the review: "Eén partner ervaart onenigheid, de andere twee niet")."""
    letter = letter_of("respondenten")
    assert "Eén van de drie antwoorden spreekt van onenigheid; de andere noemen het klimaat" in letter
    assert "meest gespannen ervaart" not in letter


@every("name", all_names)
def test_a_sentence_opens_with_een_not_with_two_accents(name):
    assert "Één" not in letter_of(name), name


def _substance(text: str) -> set[str]:
    small = {"partners", "samenwerking", "hoeveel", "kunnen", "blijven", "inbrengen", "wordt"}
    return {w[:6] for w in re.findall(r"[a-zà-ÿ]{4,}", text.lower()) if w not in small}


@every("name", all_names)
def test_no_priority_s_reason_says_another_s_again_in_other_words(name):
    """Almelo: "De samenwerking loopt al, maar het is onzeker hoeveel capaciteit en geld de partners kunnen
    blijven inbrengen …" under the first priority and "Het is onzeker hoeveel capaciteit en geld de partners
    inbrengen, ook los van een subsidie." under the third: two findings, one reason."""
    shown = [w for i in context_of(name)["top"] if (w := context_of(name)["text"]["why"][i.id])]
    for n, one in enumerate(shown):
        for other in shown[n + 1 :]:
            a, b = _substance(one), _substance(other)
            assert len(a & b) < 0.6 * min(len(a), len(b)) or min(len(a), len(b)) < 3, (name, one, other)


@every("name", all_names)
def test_one_voice_s_scores_are_not_a_column_of_averages(name):
    """JOGG Achterhoek: "| Professioneel organiseren | zorg | zorg (2,0 gemiddeld, één stem) | …" beside four rows
    of "niet beoordeeld": one voice's answers shown as an average in the client's table (63 of 166 letters)."""
    assert "gemiddeld, één stem" not in letter_of(name), name


@every("name", all_names)
def test_a_letter_to_all_partners_does_not_speak_of_the_other_partners(name):
    """ "Geachte partners, … Wij bespreken dit advies graag met u en de andere partners": the reader is all of
    them."""
    letter = letter_of(name)
    if "Geachte partners," in letter:
        assert "met u en de andere partners" not in letter, name


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) > 3}


@every("name", all_names)
def test_a_quote_does_not_say_again_what_its_priority_s_text_says(name):
    """ "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij." as the text of a priority and
    then as its quote (the review of 2026-12-07, all eight letters): where another passage is there to print, a
    quote most of whose words of substance the text has is left out; one stays where it is the only passage."""
    context = context_of(name)
    for i in context["top"]:
        printed = context["quotes"].get(i.id, [])
        said = [
            q
            for q in printed
            if len(w := _words(q["verbatim"])) >= 3 and len(w & _words(i.description)) >= 0.7 * len(w)
        ]
        assert not said or len(printed) == 1, (name, i.id, [q["verbatim"] for q in said])


@every("name", all_names)
def test_a_sequence_step_with_a_problem_of_its_own_is_not_left_out_for_one_without(name):
    """The netwerkdip story's letter gave the four ingredients' first three as its priorities and left the fourth,
    shared leadership, for the case's sharpest symptom, under 'Ook het overwegen waard' (the review of 2026-12-07)."""
    advice, context = advice_of(name), context_of(name)
    observed = {f.id for f in advice.findings if f.package is None}

    def own(i):
        return {f for r in i.reasons for f in r.findings if f in observed}

    top = list(context["top"])
    for later in (i for i in context["rest"] if i.sequence):
        unserved = own(later) - set().union(*(own(t) for t in top))
        if not unserved:
            continue
        for t in top[1:]:
            if t.sequence == later.sequence:
                others = set().union(*(own(u) for u in top if u is not t))
                assert not own(t) <= others, (name, later.id, "left out for", t.id)
    if name.endswith("zorgnetwerk-netwerkdip"):
        assert any(i.id == "I-GEDEELD-EIGENAARSCHAP" for i in top), [i.id for i in top]


@every("name", all_names)
def test_the_letter_claims_an_order_of_urgency_only_where_it_keeps_one(name):
    """review15, Twenterand: "Wij zetten ze op volgorde van urgentie en ernst." above a first priority that is not
    urgent and an urgent third (the sources put making the disagreement discussable first). Where the order is not
    the urgency's, the letter says which priority is the most urgent."""
    top = context_of(name)["top"]
    urgent = [n for n, i in enumerate(top) if i.priority.urgent]
    letter = letter_of(name)
    if urgent and urgent[0] > 0:
        assert "op volgorde van urgentie" not in letter, name
        assert "is het meest urgent" in letter, name


def test_a_quote_that_has_five_words_of_the_text_in_a_row_says_the_text_again():
    """review15, zorgnetwerk: "…niet iedereen hoeft overal bij te zijn" printed under a text that ends with those
    words (a word share of 0.56, under the 0.7 that judged whole sentences)."""
    from samenwerkwijzer.render._letter import _said_in

    text = "Niet iedereen hoeft overal bij te zijn; partners kunnen zelf aangeven op welk niveau zij deelnemen."
    assert _said_in("Denk aan betrokkenheid op verschillende niveaus; niet iedereen hoeft overal bij te zijn.", text)
    assert not _said_in("Hard op de inhoud, zacht in de relatie.", text)
    assert not _said_in("Iedereen hoeft niet overal te zijn, zegt de bron over netwerken in de zorg.", text)


@every("name", all_names)
def test_a_step_for_all_partners_does_not_speak_of_them_in_the_third_person(name):
    """review15, Almelo: "**Alle partners, vóór 15 april 2026.** Bespreek samen welke gemeenschappelijke doelen zij
    voor de lange termijn hebben." (the step was written for the trekker, "met de partners … zij")."""
    for owner, _, step in _STEP.findall(letter_of(name)):
        if owner.startswith("Alle partners") and re.search(r"\bsamen\b", step):  # "met de partners" became "samen"
            assert not re.search(r"\bzij\b", step), (name, step)


@every("name", all_names)
def test_every_priority_cites_a_passage(name):
    """House rule: every intervention cites a passage that supports it. review15 found Twenterand's process guidance
    and a priority of the respondents' letter citing nothing: none of their passages could be printed."""
    body = letter_of(name).split("## Bronnen")[0]
    priorities = re.split(r"\n### \d+\. ", body.split("## Onze prioriteiten", 1)[-1])[1:]
    for text in priorities:
        text = text.split("\n## ")[0]
        assert re.search(r"\[\d+\]", text), (name, text.splitlines()[0])


@every("name", all_names)
def test_what_points_at_the_climate_is_a_sign_of_that_climate(name):
    """walk7: "Het klimaat in de samenwerking is waakzaam. Wat erop wijst: informatie wordt makkelijk gedeeld …"
    (a sign of the friendly climate given as evidence of a wary one)."""
    advice = advice_of(name)
    level = advice.fact("climate.level")
    for sentence in re.findall(r"Wat erop wijst: ([^.]*)\.", letter_of(name)):
        for sign in advice.case.climate_signs:
            if sign.label.rstrip(".").lower() in sentence:
                assert sign.level == level, (name, sign.label, level)


@every("name", all_names)
def test_urgent_advice_comes_first_among_what_is_also_worth_considering(name):
    """review16: Twenterand's joint plan and Almelo's effects, both urgent, were "hows" of a priority whose text says
    neither, and "Ook het overwegen waard" left them out as served. Urgent advice now stays in, ahead of the rest."""
    composer = Composer(advice_of(name), 3)
    shown = composer.considered(5)
    urgent = [i.priority.urgent for i in shown]
    assert urgent == sorted(urgent, reverse=True), (name, [i.id for i in shown])


def test_twenterand_s_joint_plan_is_in_its_letter():
    """Twenterand's joint plan (urgent, a "how" of the process guidance the letter gives as a priority) is a step, and
    review18: the step is the plan the last chance asks for, not the knowledge's stock step for an ambition."""
    priorities = letter_of("panel/holdout6/twenterand-jongerenwerk-laatste-kans").split("## Voorstel")[0]
    assert "het gezamenlijke plan op te stellen dat de laatste kans vraagt" in priorities
    assert "wat zij samen willen bereiken en waarom" not in priorities


def test_almelo_s_effects_step_speaks_of_the_cut():
    """review18: after a cut, the effects step shows what the collaboration yields and what the cut takes away, not
    "welke effecten de samenwerking beoogt en hoe die te meten zijn"."""
    priorities = letter_of("panel/holdout5/almelo-buurtsportcoaches-bezuiniging").split("## Voorstel")[0]
    assert "zichtbaar wat de samenwerking oplevert, ook wat met de bezuiniging wegvalt" in priorities
    assert "beoogt en hoe die te meten zijn" not in priorities


def test_the_meeting_asks_that_the_owners_are_there_in_agreement_with_them():
    """review16: "Nodig daarvoor in elk geval de gemeente Twenterand uit" in a letter to the partners, the gemeente
    among them; now "Zorg dat in elk geval … erbij is", or "zijn" for several."""
    from samenwerkwijzer.render._letter import _plural

    assert not _plural("de gemeente Twenterand") and not _plural("het kernteam") and not _plural("de trekker")
    assert _plural("de regiocoördinatoren JOGG Achterhoek") and _plural("twee gemeenten in de regio")
    assert _plural("de programmamanager en adviseurs van Robuust")
    letter = letter_of("panel/holdout6/twenterand-jongerenwerk-laatste-kans")
    assert "Zorg dat in elk geval de gemeente Twenterand erbij is." in letter and "Nodig daarvoor" not in letter


@every("name", all_names)
def test_no_printed_quote_says_its_priority_s_steps_again(name):
    """review16: gecombineerd's printed quote repeated its priority's first step (only the text was compared)."""
    from samenwerkwijzer.render._letter import _said_in

    context = context_of(name)
    for i in context["top"]:
        for q in context["quotes"][i.id]:
            if q["quote"]:
                assert not _said_in(q["verbatim"], " ".join(i.first_steps)), (name, i.id, q["quote"])


@every("name", all_names)
def test_an_urgent_how_of_a_priority_is_one_of_its_steps(name):
    """review17: an urgent intervention that ranks as a "how" of a priority (Twenterand's joint plan, Almelo's
    effects) stood only under "Ook het overwegen waard", with no owner or moment: it is one of that priority's steps,
    after its own two (review18)."""
    context = context_of(name)
    top = {i.id for i in context["top"]}
    letter = letter_of(name)
    for top_id in top:
        how = next((j for j in context["rest"] if j.priority.urgent and j.serves_with == top_id and j.plan), None)
        if how is not None:
            # Its step, alone or joined to the priority's own step of the same owner and moment (review19).
            shown = context["plans"][top_id][: context["steps_shown"][top_id]]
            assert any(context["plans"][how.id][0]["step"] in p["step"] for p in shown), name
            assert context["plans"][how.id][0]["step"].split()[-1] in letter, (name, how.id)


@every("name", all_names)
def test_a_priority_s_shown_steps_have_one_bullet_per_owner_and_moment(name):
    """review19: gecombineerd had two bullets "De stuurgroep, vóór 1 maart 2027" under one priority once an urgent
    "how" joined it; steps of one owner and moment are one bullet."""
    context = context_of(name)
    for i in context["top"]:
        shown = context["plans"][i.id][: context["steps_shown"][i.id]]
        keys = [(p["owner"], p["moment"]) for p in shown]
        assert len(keys) == len(set(keys)), (name, i.id, keys)


def test_the_same_reason_says_what_it_means_for_this_priority():
    """review19: "Om dezelfde reden als bij de eerste prioriteit." alone is a pointer, not a reason (Almelo's third
    priority); where the finding says what it means, the letter says it after the pointer."""
    letter = letter_of("panel/holdout5/almelo-buurtsportcoaches-bezuiniging")
    assert (
        "Om dezelfde reden als bij de eerste prioriteit: met minder geld en minder uren dan de plannen aannemen"
        in letter
    )


@every("name", all_names)
def test_an_urgent_step_joins_the_priority_s_steps_in_the_order_of_their_moments(name):
    """review19: subsidie-eindigt's first priority ran 1 December, 1 March, 1 February once an urgent "how" joined
    it: dated steps after a priority's first run forward in time."""
    context = context_of(name)
    for i in context["top"]:
        shown = context["plans"][i.id][: context["steps_shown"][i.id]]
        days = [_days(p["moment"]) for p in shown[1:] if p["moment"].startswith("vóór ")]
        assert days == sorted(days), (name, i.id, [p["moment"] for p in shown])


def _days(moment: str) -> int:
    from datetime import date

    from samenwerkwijzer.wording._case_words import MONTHS

    day, month, year = moment.removeprefix("vóór ").split()
    return date(int(year), MONTHS.index(month) + 1, int(day)).toordinal()
