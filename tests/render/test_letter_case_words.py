"""Issue 24, acceptance 2 and 3: the letter says what the case says. Every sentence of the kernboodschap,
*Het beeld* and *Waarom nu* rests on a fact, a statement or the case's description, says the case's answer
rather than every situation its rule would fire on, and each priority has a reason of its own; the
respondents' answers are told only where three or more gave them. Over all example and panel letters."""

from __future__ import annotations

import re

import pytest

from samenwerkwijzer import diagnose, load_case, render_letter
from samenwerkwijzer.wording._case_text import ANSWERS_THE_QUESTION
from samenwerkwijzer.wording._case_words import number
from samenwerkwijzer.wording._compose import Composer
from samenwerkwijzer.wording._fact_words import FACT_SENTENCES, hedged
from samenwerkwijzer.wording._reasons import _says_again

from ..conftest import EXAMPLES
from ..every import every
from .test_letter_defect_classes import advice_of, all_names, context_of, letter_of

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý‘“])")
# Sentences that are advice, or general knowledge marked as the sources', not a statement about the case.
_NOT_ABOUT_THE_CASE = ("Wij raden u", "De eerste stap", "Wat volgens de antwoorden", "Wat volgens de respondenten")


def _case_sentences(name: str) -> list[tuple[str, list[str]]]:
    found = context_of(name)["sentences"]
    out = [(s["text"], s["rests_on"]) for part in ("core", "picture") for s in found[part]]
    return out + [(s["text"], s["rests_on"]) for ss in found["why"].values() for s in ss]


@every("name", all_names)
def test_no_sentence_about_the_case_hedges_between_situations(name):
    """ "De samenwerking verdiept of verankert zich", "Het (kern)team is net samengesteld of er zijn veel nieuwe
    mensen bijgekomen": the catalogue's sentence covers every case its rule fires on; the letter says which."""
    for text, rests in _case_sentences(name):
        if not any(r.startswith("F-") for r in rests):  # the case's own words, not the catalogue's
            continue
        for sentence in _SPLIT.split(text):
            if sentence.startswith(_NOT_ABOUT_THE_CASE) or "bronnen" in sentence:
                continue
            assert not hedged(sentence), (name, sentence)


@every("name", all_names)
def test_every_sentence_about_the_case_rests_on_a_fact_a_statement_or_the_description(name):
    """Not on a finding alone (a finding is the rule's reading, not the case): the sentence names the facts,
    statements or description it says; a fact's sentence from the wording table is said only where the case
    has that fact with that value."""
    advice = advice_of(name)
    facts = {f.path: f.value for f in advice.facts if f.value is not None}
    by_text = {text: key for key, text in FACT_SENTENCES.items()}
    for text, rests in _case_sentences(name):
        if text.startswith(_NOT_ABOUT_THE_CASE[:2]):
            continue
        grounds = [r for r in rests if r in facts or r == "description" or r.startswith("statements.")]
        assert grounds, (name, text, rests)
        for sentence in _SPLIT.split(text):
            if sentence in by_text:
                path, value = by_text[sentence]
                assert path in rests and str(facts.get(path)) == value, (name, sentence)


@every("name", all_names)
def test_each_priority_has_a_reason_of_its_own(name):
    """No sentence of one *Waarom nu* under another priority, and a priority goes without one only when
    every finding behind it is another priority's reason and the case's description has nothing on it."""
    advice = advice_of(name)
    context = context_of(name)
    whys = context["sentences"]["why"]
    said = [s for i in context["top"] for w in whys[i.id] for s in _SPLIT.split(w["text"])]
    assert len(said) == len(set(said)), (name, said)
    given = {f for i in context["top"] for w in whys[i.id] for f in w["rests_on"] if f.startswith("F-")}
    text = Composer(advice, 3)
    for i in context["top"]:
        if whys[i.id]:
            continue
        own = {f for r in i.reasons for f in r.findings if f in text.findings} - given
        for f in own:  # a reason not given elsewhere would have said a sentence already said, or said it again
            found = text._finding_sentence(text.findings[f]).text
            assert set(_SPLIT.split(found)) & set(said) or _says_again(found, set(said)), (name, i.id, f)
        assert text._described(i, set(said)) is None, (name, i.id)


def _respondents(count: int, advisor: str | None = None):
    case = load_case(EXAMPLES / "respondenten.yaml")
    update: dict[str, object] = {"respondents": case.respondents[:count]}
    if advisor is not None:
        climate = case.observations.climate.model_copy(update={"declared": advisor})
        update["observations"] = case.observations.model_copy(update={"climate": climate})
    return diagnose(case.model_copy(update=update))


def test_fewer_than_three_respondents_answers_are_not_told():
    """With two respondents each answer is one person's: the letter says that the answers differ, not what
    they were (in the kernboodschap and *Het beeld* as well as in the respondents' section)."""
    advice = _respondents(2)
    letter = render_letter(advice)
    values = {v.value for d in advice.divergences for v in d.views}
    assert values and advice.divergences
    body = letter.split("## Onze prioriteiten")[0]
    for value in values:
        assert not re.search(rf"uiteen:[^.\n]*\b{value}\b", body), value
    assert "Over het klimaat lopen de antwoorden uiteen" in body


def test_the_advisor_is_counted_apart_from_the_respondents():
    """The advisor's own answer is ours ("wij zelf zagen"), never a fourth respondent."""
    advice = _respondents(3, advisor="conflict")
    letter = render_letter(advice)
    for d in advice.divergences:
        assert d.respondents <= 3
    assert "vier respondenten" not in letter and "van de vier" not in letter
    assert "wij zelf zagen conflict" in letter


# The few facts of a thin case, told as the client told them.


@every("name", all_names)
def test_a_thin_letter_opens_with_the_case_s_own_words_and_says_them_once(name):
    advice = advice_of(name)
    text = Composer(advice, 3)
    description = " ".join((advice.case.description or "").split())
    if not text.thin or not description:
        return
    first = _SPLIT.split(description, maxsplit=1)[0]
    context = context_of(name)
    assert context["sentences"]["core"][0]["text"].rstrip(".") == first.rstrip("."), name
    assert context["sentences"]["core"][0]["rests_on"] == ["description"]
    assert first not in context["text"]["description"], name  # Het beeld does not say it again
    letter = letter_of(name)
    assert letter.count(first.rstrip(".")) == 1, name


_SUCCESS = ("results_visible", "results_embedded")


@every("name", all_names)
def test_no_open_question_about_what_the_case_reports_as_a_success(name):
    """ "Heeft de samenwerking al snelle, zichtbare successen geboekt?" where the partners say that what it
    yields is visible and part of their everyday work."""
    advice = advice_of(name)
    scores = {s.id: s.respondents_mean if s.respondents_mean is not None else s.advisor for s in advice.statements}
    succeeded = (
        advice.fact("results.visible") is True
        or advice.fact("results.embedded") in ("ja", "deels")
        or any((scores.get(s) or 0) >= 4 for s in _SUCCESS)
    )
    evaluated = advice.fact("results.evaluated") is True or (scores.get("evaluated_together") or 0) >= 4
    for question in context_of(name)["text"]["questions"]:
        assert not (succeeded and "success" in question), (name, question)
        assert not (evaluated and "samen geëvalueerd" in question), (name, question)


_KIND_LABELS = (
    "gemeente|GGD|zorgaanbieder|welzijnsorganisatie|woningcorporatie|kennisinstelling|bedrijf|zorgverzekeraar|"
    "school|huisartsen|maatschappelijke organisatie|provincie|Rijk"
)


@every("name", all_names)
def test_partners_are_named_without_the_intake_s_kind_in_brackets(name):
    """ "Aannemer A (bedrijf)", "… en zeven sportverenigingen (maatschappelijke organisatie)": the kind is the
    intake's word; the letter names the partners as the client knows them."""
    for sentence in context_of(name)["text"]["picture"]:
        if "Dat zijn" in sentence or "Dat is" in sentence or "Daaronder" in sentence:
            assert not re.search(rf"\((?:{_KIND_LABELS})\)", sentence), (name, sentence)


@pytest.mark.parametrize(
    ("domain", "clause"),
    [
        ("gezondheid in de wijk", "aan gezondheid in de wijk"),
        ("preventie", "aan preventie"),
        ("sport en bewegen", "aan sport en bewegen"),
        ("wijkverpleging", "aan wijkverpleging"),
        ("gezond opgroeien in de wijk", "aan gezond opgroeien in de wijk"),
        ("gezonde leefomgeving", "aan een gezonde leefomgeving"),
        (
            "publieke gezondheid, beleid, onderzoek en praktijk",
            "aan het thema ‘publieke gezondheid, beleid, onderzoek en praktijk’",
        ),
        ("kansrijke start, eerste 1000 dagen", "aan het thema ‘kansrijke start, eerste 1000 dagen’"),
    ],
)
def test_a_field_of_work_reads_without_article_and_without_quotes(domain, clause):
    """ "werken samen aan het thema ‘gezondheid in de wijk’" is stilted where "aan gezondheid in de wijk" is
    Dutch; a list the advisor typed stays a named theme."""
    from samenwerkwijzer.wording._dutch import domain_clause

    assert domain_clause(domain) == clause


@every("name", all_names)
def test_no_masculine_pronoun_for_a_partner_or_a_role(name):
    """ "laat hem expertises en belangen modereren" (who leads the regie), "een partner bereid zijn eigen
    activiteit …": a partner or a role is "die" or "de eigen", never "hij", "hem" or "zijn eigen"."""
    from .test_letter_defect_classes import own_words, texts_of

    for text in texts_of(name):
        # The status table's rows are the findings' titles (rules/, reported to the lead), not the letter's words.
        words = "\n".join(
            line for line in own_words(text).splitlines() if not re.search(r"^\||Aandachtspunt|Ernstig:", line)
        )
        found = re.findall(r".{30}\b(?:hij|hem)\b.{20}|\bpartner\b[^.]*\bzijn eigen\b", words)
        assert not found, (name, found)


@every("name", all_names)
def test_our_own_steps_say_every_order_in_the_first_person(name):
    """ "Wij zetten alle lopende activiteiten op een rij en toets ze aan de gedeelde ambitie": the second
    order of a step we take on is ours too ("en toetsen ze")."""
    advice = advice_of(name)
    orders = {p.step.split(" ", 1)[0].lower() for i in advice.interventions for p in i.plan} | {"toets"}
    context = context_of(name)
    for i in context["top"]:
        for plan in context["plans"][i.id]:
            if plan["owner"] != "wij":
                continue
            for word in re.findall(r"\ben (\w+) (?:ze|het|die|dat|de|een)\b", plan["step"]):
                assert word not in orders, (name, plan["step"])


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Jeugdhulporganisaties", "de jeugdhulporganisaties"),
        ("Regiocoördinatoren JOGG Achterhoek", "de regiocoördinatoren JOGG Achterhoek"),
        ("Achterhoekse JOGG-gemeenten", "de Achterhoekse JOGG-gemeenten"),
        ("Zuid-Limburgse gemeenten", "de Zuid-Limburgse gemeenten"),
        ("Bibliotheek", "de bibliotheek"),
        ("Andere Zuid-Limburgse gemeenten", "andere Zuid-Limburgse gemeenten"),
        ("Ministerie van VWS", "het Ministerie van VWS"),
        ("GGD", "de GGD"),
        ("Senioren uit de wijk", "de senioren uit de wijk"),
        (
            "Fysiotherapeut en beweegconsulent van het zorgcentrum",
            "de fysiotherapeut en beweegconsulent van het zorgcentrum",
        ),
        ("Twee gemeenten in de regio", "twee gemeenten in de regio"),
        ("Basisschool De Linde", "Basisschool De Linde"),
        ("Maatschappelijk werk", "het maatschappelijk werk"),
        ("GGD Oost", "GGD Oost"),
        ("Sportbedrijf Beweeg", "Sportbedrijf Beweeg"),
        ("Universiteit Maastricht", "de Universiteit Maastricht"),
    ],
)
def test_a_group_of_organisations_is_a_description_with_its_article(name, said):
    """ "Dat zijn twee gemeenten in de regio, de scholen voor v(s)o en mbo en Jeugdhulporganisaties": a plural
    group reads in lower case with "de", a proper name as it is."""
    from samenwerkwijzer.wording._case_words import partner_name

    assert partner_name(name) == said


@every("name", all_names)
def test_no_step_is_one_more_job_for_an_overloaded_trekker(name):
    """Owners (review class G): where one or two carry everything (the others lean back) or the trekker has
    no time, a step the knowledge gives the trekker goes to the kernteam or to us, not to "de trekker"."""
    advice = advice_of(name)
    overloaded = (
        advice.fact("leadership.others_lean_back") is True or advice.fact("leadership.trekker_has_time") is False
    )
    if not overloaded:
        return
    text = Composer(advice, 3)
    for i in text.top:
        for step in i.plan:
            if step.owner == "trekker":
                assert text.owner("trekker") != "de trekker", (name, i.id, step.step)


@every("name", all_names)
def test_a_title_inside_a_source_title_is_quoted(name):
    """ "*Zesde leernetwerkbijeenkomst Maak ruimte voor gezondheid: …*" reads as one run of words; the
    network's name is quoted inside the title (‘Maak ruimte voor gezondheid’)."""
    sources = letter_of(name).split("## Bronnen")[-1]
    assert "leernetwerkbijeenkomst Maak ruimte" not in sources, name


@every("name", all_names)
def test_a_count_is_the_case_s_count_not_the_rule_s_threshold(name):
    """ "telt al meer dan vijf organisaties", "Er nemen meer dan tien private partners deel": the case gives the
    number; the letter says it."""
    for text, _ in _case_sentences(name):
        assert not re.search(r"\bmeer dan (?:vijf|tien) (?:organisaties|private partners)\b", text), (name, text)
        assert "een grote groep partners zonder kernteam" not in text, (name, text)


@every("name", all_names)
def test_the_kernboodschap_says_the_count_of_partners_once_as_a_fact(name):
    """ "werken twaalf partners samen … De samenwerking telt twaalf partners en heeft geen kernteam. De
    samenwerking is nog in de fase van vormgeven, maar telt al twaalf partners.": one count, said once."""
    core = context_of(name)["text"]["core"]
    assert len(re.findall(r"\btelt (?:al )?\w+ partners\b", core)) + ("partners samen" in core) <= 1, (name, core)


@every("name", all_names)
def test_the_meeting_is_proposed_when_the_first_steps_fall(name):
    """Boilerplate (review §9): "binnen twee weken na deze brief" in every letter, also where a first step is
    due at the next meeting; there the letter proposes that meeting."""
    advice = advice_of(name)
    text = Composer(advice, 3)
    letter = letter_of(name)
    if "## Voorstel voor uw volgende overleg" not in letter:
        return
    proposal = letter.split("## Voorstel voor uw volgende overleg\n\n")[1].split("\n")[0]
    assert proposal.count("daarvoor") <= 1, (name, proposal)
    if any(i.plan and i.plan[0].when in ("direct", "volgend_overleg") for i in text.top):
        assert "in uw eerstvolgende overleg" in proposal, (name, proposal)
    else:
        assert "in uw eerstvolgende overleg" not in proposal, (name, proposal)


@every("name", all_names)
def test_a_step_of_all_partners_does_not_name_them_again(name):
    """ "**Alle partners, vóór 15 april 2026.** Bespreek met de partners welke …" says the partners twice."""
    context = context_of(name)
    for i in context["top"]:
        for plan in context["plans"][i.id]:
            if plan["owner"] == "alle partners":
                assert not re.match(r"\w+ met de partners\b", plan["step"]), (name, plan["step"])


@every("name", all_names)
def test_the_steps_in_the_kernboodschap_can_be_counted(name):
    """ "Wij raden u drie stappen aan: …, evalueer de samenwerking samen en kies bewust het vervolg en bepaal een
    partnershipambitie": where a title has its own "en", the steps are separated by semicolons."""
    context = context_of(name)
    titles = [i.title for i in context["top"]]
    advice = next((s["text"] for s in context["sentences"]["core"] if s["text"].startswith("Wij raden u")), "")
    if len(titles) > 1 and any(" en " in t or "," in t for t in titles):
        assert advice.count("; ") == len(titles) - 1, (name, advice)


@every("name", all_names)
def test_a_conversation_about_discord_is_led_from_outside(name):
    """Owners (review, respondenten): where there is discord or a conflict, a step on the climate that the
    knowledge gives the trekker is ours ("Wij plannen een gesprek …"), not one of the parties'."""
    advice = advice_of(name)
    text = Composer(advice, 3)
    if advice.fact("climate.level") not in ("onenigheid", "conflict") or not text.outsider():
        return
    for i in text.top:
        if i.tier != "klimaat":
            continue
        for step in i.plan:
            if step.owner == "trekker":
                assert text._owner_of(i, step.owner) == "wij", (name, i.id, step.step)


def test_where_respondents_differ_the_kernboodschap_says_on_what():
    """Review (respondenten): the kernboodschap was silent on the second divergence (regie)."""
    core = context_of("respondenten")["text"]["core"]
    assert "Over het klimaat en over de regie lopen de antwoorden uiteen" in core
    assert "spreekt van onenigheid" in core


@every("name", all_names)
def test_the_kernboodschap_does_not_count_groups_as_single_partners(name):
    """ "werken twee partners samen" where the two are the Achterhoekse JOGG-gemeenten and their regional
    coordinators, "werken één partners samen": a small set with a group in it is named."""
    from samenwerkwijzer.wording._partner_names import is_group

    advice = advice_of(name)
    core = context_of(name)["text"]["core"]
    partners = advice.case.partners
    assert "één partners" not in core, name
    count = advice.fact("network.partner_count")
    if len(partners) == count and count <= 4 and any(is_group(p.name) for p in partners):
        assert f"{number(count)} partners samen" not in core, (name, core)


def test_an_order_after_a_colon_in_our_step_is_ours_too():
    """ "Wij maken een actoranalyse: zet alle (mogelijke) partners op een rij …" gives the reader an order."""
    from samenwerkwijzer.wording._dutch import first_person

    step = "Maak een actoranalyse: zet alle (mogelijke) partners op een rij met hun doelen."
    assert first_person(step, "wij", frozenset({"maak", "zet"})) == (
        "Wij maken een actoranalyse: wij zetten alle (mogelijke) partners op een rij met hun doelen."
    )
    assert first_person(step, "ik", frozenset({"maak", "zet"})).startswith("Ik maak een actoranalyse: ik zet alle")


@every("name", all_names)
def test_het_beeld_does_not_count_groups_as_single_partners(name):
    """ "Er doen twee partners mee, onder wie één private partij. Dat zijn de gemeente Utrecht en zeven
    bedrijven.": seven companies are not one private partner."""
    from samenwerkwijzer.wording._partner_names import is_group

    advice = advice_of(name)
    partners = advice.case.partners
    count = advice.fact("network.partner_count")
    if not (count and len(partners) == count <= 4 and any(is_group(p.name) for p in partners)):
        return
    picture = " ".join(context_of(name)["text"]["picture"])
    assert f"Er doen {number(count)} partners mee" not in picture, (name, picture)


@every("name", all_names)
def test_the_status_table_says_op_orde_only_where_an_answer_says_so(name):
    """A condition is 'op orde (voor zover bekend)' in the client's table only with an answer about it behind
    that row (the statement that says so, or an observation of the condition itself); what the kind or the phase
    of the collaboration implies is no data."""
    from samenwerkwijzer.wording._reading import _SECTIONS

    advice = advice_of(name)
    context = context_of(name)
    titles = {c.title: c.id for c in advice.conditions}
    for row in context["text"]["profile"]:
        if row["status"].startswith("op orde (voor zover bekend)"):
            sections = _SECTIONS[titles[row["title"]]]
            answered = any(f.path.split(".", 1)[0] in sections for f in advice.facts)
            assert ":" in row["reason"] or answered, (name, row)  # "<who>: <the statement>", or an answer there


@every("name", all_names)
def test_the_closing_begins_where_the_letter_begins_and_quotes_no_agenda_item(name):
    text = context_of(name)["text"]["closing"]
    assert "‘" not in text and "bovenaan de agenda" not in text, (name, text)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Regionale JOGG-samenwerking Achterhoek", "de Regionale JOGG-samenwerking Achterhoek"),
        ("Jongerenwerk in Twenterand", "het Jongerenwerk in Twenterand"),
        ("Consortium Zuidwijk", "het Consortium Zuidwijk"),
        ("Sterke Schakels", "de samenwerking Sterke Schakels"),
    ],
)
def test_a_name_whose_head_noun_follows_an_adjective_takes_that_noun_s_article(name, said):
    """'Advies over de samenwerking Regionale JOGG-samenwerking Achterhoek' said 'samenwerking' twice."""
    from samenwerkwijzer.wording._dutch import name_with_article

    assert name_with_article(name) == said


def test_an_alternative_order_in_our_own_step_repeats_the_subject():
    """'Wij spelen … Theater van Besluit, of bespreek de zes besluitvormingsstrategieën' mixed two persons."""
    from samenwerkwijzer.wording._dutch import first_person

    step = "Speel met de partners het spel Theater van Besluit, of bespreek de zes strategieën."
    assert first_person(step, "wij") == (
        "Wij spelen met de partners het spel Theater van Besluit, of wij bespreken de zes strategieën."
    )
    assert (
        first_person(step, "ik")
        == "Ik speel met de partners het spel Theater van Besluit, of ik bespreek de zes strategieën."
    )


@pytest.mark.parametrize("funding", [{"months_left": 0}, {"end_date": "2026-01-01"}])
def test_a_subsidy_that_has_ended_is_said_to_have_ended(funding):
    """'De subsidie loopt over nul maanden af' and 'loopt op 1 januari 2026 af' in a letter of December 2026 (the
    README walkthrough, K-buurt): an ended subsidy reads as ended, and nothing says the time is short."""
    from samenwerkwijzer import case_from_data

    case = case_from_data(
        {
            "name": "Buurtnetwerk",
            "assessed_on": "2026-12-07",
            "context": {"type": "netwerk", "phase": "verankeren"},
            "observations": {"funding": {"subsidy": True, "continuation_plan": False, **funding}},
        }
    )
    letter = render_letter(diagnose(case))
    assert "nul maanden" not in letter and "loopt op 1 januari 2026 af" not in letter
    assert "is afgelopen" in letter or "is op 1 januari 2026 afgelopen" in letter
    assert "tijd kort" not in letter


@every("name", all_names)
def test_a_priority_whose_reason_an_earlier_one_gives_says_so(name):
    """review14 (Almelo): the money step after a cut had "Hierover gaat uw vraag." as its whole reason, because the
    cut was the first priority's reason. Such a priority says "Om dezelfde reden als bij de … prioriteit."."""
    context = context_of(name)
    whys = context["sentences"]["why"]
    text = Composer(advice_of(name), 3)
    given: set[str] = set()
    for i in context["top"]:
        own = [w for w in whys[i.id] if w["text"] != ANSWERS_THE_QUESTION]
        behind = {f for r in i.reasons for f in r.findings if f in text.findings and not text.findings[f].asked}
        if not own and behind & given:
            raise AssertionError((name, i.id, "no reason of its own and none pointing at the earlier priority"))
        if own and own[0]["text"].startswith("Om dezelfde reden"):
            assert {f for f in own[0]["rests_on"] if f.startswith("F-")} <= given, (name, i.id, own)
        given |= {f for w in whys[i.id] for f in w["rests_on"] if f.startswith("F-")}


def test_no_step_goes_to_a_trekker_the_case_says_has_no_time():
    """walk7: "Er is een trekker, maar die heeft er geen tijd voor" and then "**De trekker, binnen twee weken.**"
    (the case said only that the trekker has too little time, not that there is a trekker)."""
    from samenwerkwijzer import Case

    case = Case.model_validate(
        {
            "name": "Wijkteam Oost",
            "context": {"type": "netwerk", "phase": "vormgeven"},
            "partners": [
                {"name": "Gemeente Oost", "kind": "gemeente", "roles": ["financier"]},
                {"name": "Welzijn Oost", "kind": "welzijnsorganisatie", "roles": ["uitvoerder"]},
            ],
            "observations": {"leadership": {"trekker_has_time": False}},
        }
    )
    letter = render_letter(diagnose(case))
    assert "**De trekker," not in letter
    assert "**Wij," in letter or "**Het kernteam," in letter


def test_a_second_order_of_our_own_step_agrees_with_wij():
    """walk8: "Wij zoeken sleutelfiguren … en betrek hen bij het benaderen van bewoners."."""
    from samenwerkwijzer.wording._dutch import first_person

    step = "Zoek sleutelfiguren die de mensen kennen, en betrek hen bij het benaderen van bewoners."
    assert (
        first_person(step, "wij")
        == "Wij zoeken sleutelfiguren die de mensen kennen, en betrekken hen bij het benaderen van bewoners."
    )
