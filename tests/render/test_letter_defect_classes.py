"""Issue 24: the Dutch layer and the letter's fidelity to the case, tested per
class of defect over the letters of all examples and panel cases (Markdown,
the client's HTML letter, Word text)."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.parser import parse_xml

from samenwerkwijzer import Advice, render_docx, render_html, render_letter
from samenwerkwijzer.authoring._panel import PANEL_DATE, PanelCase, load_panel, load_panel_case
from samenwerkwijzer.render._letter import letter_context
from samenwerkwijzer.wording._dutch import domain_phrase

from ..conftest import EXAMPLES, ROOT
from ..every import every

RECORDED = ROOT / "tests" / "recorded"
TEMPLATES = ROOT / "engine" / "render" / "templates"
CASES = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("verhalen/*.yaml")])
NAMES = [p.relative_to(EXAMPLES).with_suffix("").as_posix() for p in CASES]
PANEL = ROOT / "tests" / "panel"
# The panel's cases too, real ones included, entered through the intake (diagnosed here; the examples are
# read as recorded).


@functools.cache
def panel_items() -> dict[str, PanelCase]:
    """Read when a test asks, not while every test worker collects this file (``@every("name", all_names)``
    takes the function)."""
    return {f"panel/{item.group + '/' if item.group else ''}{item.case}": item for item in load_panel(PANEL)}


def all_names() -> list[str]:
    return NAMES + sorted(panel_items())


@functools.cache
def advice_of(name: str) -> Advice:
    if name.startswith("panel/"):
        from samenwerkwijzer import diagnose

        return diagnose(load_panel_case(panel_items()[name]), today=PANEL_DATE)
    return Advice.model_validate_json((RECORDED / f"{Path(name).name}.json").read_text(encoding="utf-8"))


@functools.cache
def texts_of(name: str) -> tuple[str, str, str]:
    advice, letter = advice_of(name), letter_of(name)
    # The Word and HTML letters print the Markdown letter (render_letter, pure): made once, given to both.
    word_text = word_text_of(render_docx(advice, markdown=letter))
    html = re.sub(r"<[^>]+>", " ", render_html(advice, markdown=letter))  # the client's letter in HTML
    return letter, html, word_text


def word_text_of(data: bytes) -> str:
    """The Word letter's text as python-docx reads it (``docx.Document(...).paragraphs``, each paragraph's ``text``:
    its runs, tabs and breaks; the paragraphs of the body, not those in tables), from the document part alone:
    opening the whole package (styles, numbering, settings, theme) was four fifths of the 15 ms a letter took.
    test_the_word_text_is_what_python_docx_reads checks that the two agree."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = parse_xml(package.read("word/document.xml")).body
    return "\n".join(p.text for p in body.p_lst)


# Rendering is pure (DEVELOPERS.md): each case's Markdown letter and letter context are made once and read by
# every test of the case, instead of once per test (twenty tests a case read them; the tests only read them).
@functools.cache
def letter_of(name: str) -> str:
    return render_letter(advice_of(name))


@functools.cache
def context_of(name: str, appendix: bool = False) -> dict[str, Any]:
    return letter_context(advice_of(name), 3, appendix=appendix)


def own_words(text: str) -> str:
    return re.sub(r"“[^”]*”", "“”", text.split("Bronnen")[0])


def test_the_templates_name_no_id_and_compare_no_fact_with_a_literal():
    for path in TEMPLATES.glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b[FI]-[A-Z]{3,}", text), path.name
        assert "facts[" not in text, path.name
        assert not re.search(r"months_left|climate\.level|<= ?12", text), path.name


def test_a_subsidy_ending_with_a_plan_gives_no_urgent_opening():
    from samenwerkwijzer import diagnose, load_case

    case = load_case(EXAMPLES / "subsidie-eindigt.yaml")
    funding = case.observations.funding.model_copy(update={"continuation_plan": True, "dependency": "laag"})
    case = case.model_copy(update={"observations": case.observations.model_copy(update={"funding": funding})})
    advice = diagnose(case)
    assert not advice.timing.urgent
    assert "op korte termijn keuzes nodig" not in render_letter(advice)


def test_the_word_text_is_what_python_docx_reads():
    for name in ("gecombineerd", "respondenten", all_names()[-1]):  # the last a panel case
        data = render_docx(advice_of(name), markdown=letter_of(name))
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        assert word_text_of(data) == "\n".join(p.text for p in paragraphs), name
        assert len(paragraphs) > 20, name


@every("name", all_names)
def test_dutch_classes_in_markdown_html_and_word(name):
    advice = advice_of(name)
    for text in texts_of(name):
        words = own_words(text)
        assert f"‘{advice.case.name}’" not in text  # the name with its article, not quoted
        assert "Geachte leden van de leden" not in text and "Geachte leden van leden" not in text
        assert not re.search(r"\bhij\b", words), re.findall(r".{40}\bhij\b.{20}", words)
        assert "gezet worden" not in words
        assert ", en wie de eerste stap zet" not in words
        assert not re.search(r"[!?]\.", text)
        assert "Bron:*" not in text and "*Bron:" not in text
        assert "Wil niet alles" not in words
        domain = advice.case.domain
        if domain and domain_phrase(domain) != domain:  # a countable domain with its article
            assert f" aan {domain}" not in words and f" rond {domain}" not in words


@every("name", all_names)
def test_every_sentence_rests_on_the_case(name):
    advice = advice_of(name)
    known = {f.path for f in advice.facts} | {f.id for f in advice.findings} | {"description", "respondents"}
    known |= {i.id for i in advice.interventions} | {f"statements.{s.id}" for s in advice.statements}
    context = context_of(name)
    sentences = context["sentences"]
    for part in ("core", "picture"):
        for s in sentences[part]:
            assert s["rests_on"], s
            assert set(s["rests_on"]) <= known | {"description"}, s
    for sentences_of in sentences["why"].values():
        for s in sentences_of:
            assert s["rests_on"] and set(s["rests_on"]) <= known, s


@every("name", all_names)
def test_one_distinct_why_per_priority_and_at_most_five_more(name):
    context = context_of(name)
    whys = [context["text"]["why"][i.id] for i in context["top"] if context["text"]["why"][i.id]]
    assert len(whys) == len(set(whys))
    assert len(context["more"]) <= 5
    top = {i.id for i in context["top"]}
    assert not top & {i.id for i in context["more"]}
    for i in context["top"]:
        steps = [p["step"] for p in context["plans"][i.id]]
        assert len(steps) == len(set(steps))


@every("name", all_names)
def test_the_respondents_section_has_no_raw_value_and_counts_no_small_group(name):
    advice = advice_of(name)
    letter = letter_of(name)
    if "## Waar partners verschillend kijken" not in letter:
        return
    section = letter.split("## Waar partners verschillend kijken")[1].split("\n## ")[0]
    assert "[" not in section and "_" not in section
    for d in advice.divergences:
        told = any(v.respondents for v in d.views) or d.respondents >= 3
        line = next((x for x in section.splitlines() if x.startswith(f"- {d.label[:1].upper()}{d.label[1:]}:")), "")
        if not told:  # fewer than three respondents: that the answers differ, not what they were
            assert line.endswith("de antwoorden lopen uiteen."), line
        if d.respondents < 3:
            assert not re.search(r"\((?:één|twee)\)", section)


def test_the_advisor_is_counted_apart_and_not_outside_when_a_partner():
    advice = advice_of("respondenten")
    for d in advice.divergences:
        assert sum(v.count for v in d.views) >= d.respondents
    partner = advice.case.partners[0].name
    inside = advice.model_copy(update={"case": advice.case.model_copy(update={"advisor_organisation": partner})})
    assert "met iemand van buiten erbij" not in render_letter(inside)


def test_the_signature_has_name_and_function_on_two_lines_or_a_slot():
    letter = letter_of("gecombineerd")
    assert "Marieke de Vries  \nadviseur samenwerking" in letter
    assert "[naam]" in letter_of("subsidie-eindigt")


def test_a_sentence_about_a_pps_s_own_phases_stays_out_of_a_case_without_companies():
    """Walk6: the sentence below stood in a network's letter; it belongs to a PPS's own phases."""
    from samenwerkwijzer.model._quotes import sentence_fits

    pps = "Voor een publiek-private samenwerking zijn evalueren en beëindigen eigen fasen."
    assert not sentence_fits(pps, frozenset({"zorg"}), True)
    assert sentence_fits(pps, frozenset({"zorg", "bedrijfsleven"}), True)
    assert pps not in letter_of("gecombineerd")


@every("name", all_names)
def test_the_advice_text_fits_the_case_s_sectors(name):
    from samenwerkwijzer.model._quotes import case_sectors, sentence_fits

    advice = advice_of(name)
    sectors = case_sectors(p.kind for p in advice.case.partners)
    municipal = any(p.kind == "gemeente" for p in advice.case.partners)
    context = context_of(name)
    for i in context["top"]:
        for plan in context["plans"][i.id]:
            assert sentence_fits(plan["step"], sectors, municipal) or len(i.plan) <= 1, plan["step"]
        for q in context["quotes"][i.id]:
            assert sentence_fits(q["quote"], sectors, municipal), q["quote"]


@every("name", all_names)
def test_owners_come_from_the_case(name):
    advice = advice_of(name)
    letter = letter_of(name)
    assert "De adviseur" not in letter and "de adviseur uit" not in letter
    assert "**De bestuurders van de partners," not in letter  # no operational step for the boards
    context = context_of(name)
    owners = [p["owner"] for i in context["top"] for p in context["plans"][i.id][:1]]
    towns = {p.name for p in advice.case.partners if p.kind == "gemeente"}
    if len(owners) == 3:
        assert not (len(set(owners)) == 1 and owners[0] in {f"de gemeente {t[len('Gemeente ') :]}" for t in towns})


@every("name", all_names)
def test_every_printed_quote_is_whole_and_stands_on_its_own(name):
    from samenwerkwijzer.model._quotes import printable_problem, statement_problem
    from samenwerkwijzer.model._vocabulary import Reference

    advice = advice_of(name)
    context = context_of(name, appendix=True)
    by_quote = {r.quote: r for i in advice.interventions for r in i.references}
    for printed in context["quotes"].values():
        for q in printed:
            if not q["printable"]:  # cited only: none of the priority's passages can be printed (its text says it)
                continue
            ref: Reference = by_quote[q["verbatim"]]
            assert statement_problem(ref, questions_allowed=True) is None, q["quote"]
            assert printable_problem(ref, questions_allowed=True) is None, q["quote"]


def test_closings_are_drawn_from_the_case():
    closings = {letter_of(n).split("## Tot slot\n\n")[1].split("\n")[0] for n in NAMES}
    assert len(closings) >= 8


@pytest.mark.parametrize(
    ("domain", "phrase"),
    [
        ("gezonde leefomgeving", "een gezonde leefomgeving"),
        ("gezonde stad", "een gezonde stad"),
        ("sociaal domein", "het sociaal domein"),
        ("wijkaanpak", "de wijkaanpak"),
        ("gezondheidshuis", "een gezondheidshuis"),
        ("dementievriendelijke gemeente", "een dementievriendelijke gemeente"),
        ("gezondheid in de wijk", "gezondheid in de wijk"),
        ("vitaal ouder worden", "vitaal ouder worden"),
        ("de eerste duizend dagen", "de eerste duizend dagen"),
    ],
)
def test_the_domain_reads_as_a_noun_phrase(domain, phrase):
    assert domain_phrase(domain) == phrase


@every("name", all_names)
def test_the_advice_records_what_each_sentence_rests_on(name):
    advice = advice_of(name)
    assert advice.letter is not None
    known = {f.path for f in advice.facts} | {f.id for f in advice.findings} | {"description"}
    known |= {i.id for i in advice.interventions} | {f"statements.{s.id}" for s in advice.statements}
    recorded = advice.letter.model_dump()
    assert recorded == context_of(name)["sentences"]  # the letter says what the Advice records
    for sentence in [*recorded["core"], *recorded["picture"], *(s for ss in recorded["why"].values() for s in ss)]:
        assert sentence["rests_on"] and set(sentence["rests_on"]) <= known, sentence


# Issue 24, second round: the classes of the review of 7 December 2026 (letters-review.md), each with a
# test that fails on the old defect.


def _kernboodschap(letter: str) -> str:
    return letter.split("## Kernboodschap\n\n")[1].split("\n\n")[0]


@every("name", all_names)
def test_no_self_undermining_meta_sentence_and_no_general_text_in_the_kernboodschap(name):
    """Class A: the engine's provenance is never printed; the kernboodschap says what the case shows and
    never the sources' general advice as if it were a finding."""
    letter = letter_of(name)
    assert "niet uit een waargenomen probleem" not in letter
    assert "niet of niet" not in letter
    core = _kernboodschap(letter)
    assert "volgens de bronnen" not in core and "de bronnen adviseren" not in core


@every("name", all_names)
def test_the_first_step_in_the_kernboodschap_is_a_step_not_a_quoted_title(name):
    """Class D/N: no "de eerste stap, bij ‘<imperative>’, kunt u … zetten", and no imperative title in
    quotes in the closing."""
    letter = letter_of(name)
    assert "de eerste stap, bij ‘" not in letter
    assert "te beginnen bij ‘" not in letter


@every("name", all_names)
def test_a_thin_case_gets_a_short_letter_that_asks_what_is_not_known(name):
    """Fidelity: where nothing observed points at a problem, at most two priorities, an honest sentence
    that the advice is the sources' general advice, and the open questions."""
    advice = advice_of(name)
    context = context_of(name)
    letter = letter_of(name)
    general = all(f.package is not None or f.asked for f in advice.findings)  # its own question is no problem
    if general and not advice.timing.within_horizon and not advice.divergences:
        assert len(context["top"]) <= 2 and len(context["more"]) <= 3
        assert "Wat wij weten, wijst niet op een knelpunt" in _kernboodschap(letter)
        if context["text"]["questions"]:
            assert "## Wat wij nog niet weten" in letter
    else:
        assert "## Wat wij nog niet weten" not in letter


@every("name", all_names)
def test_statements_are_a_voice_not_the_partners(name):
    """Class C: one voice is never "de antwoorden … de partners"; a strength from the statements says
    whose reading it is."""
    letter = letter_of(name)
    assert "De antwoorden op de stellingen wijzen op" not in letter
    assert "gemiddeld stemmen de partners ermee in" not in letter
    if "goed gaat:" in letter:
        assert "volgens de antwoorden goed gaat" in letter or "volgens de respondenten goed gaat" in letter


@every("name", all_names)
def test_partner_names_read_as_dutch_inside_a_sentence(name):
    """Plural groups and descriptions keep lower case and their article ("de gemeenten in Zuid-Limburg",
    "vier Sallandse gemeenten"); a kind is not added where the name says it; names are not listed as all
    partners when they are some."""
    letter = letter_of(name)
    assert not re.search(r", (?:De|Vier|Drie|Twee|Gemeenten) [a-z]", own_words(letter))
    assert "Universiteit Maastricht (kennisinstelling)" not in letter
    assert not re.search(r"\b(?:30|40|50|60) partners\b", letter)


def test_the_domain_without_article_is_a_named_theme():
    from samenwerkwijzer.wording._dutch import domain_clause

    assert domain_clause("gezonde leefomgeving") == "aan een gezonde leefomgeving"
    assert domain_clause("publieke gezondheid, beleid, onderzoek en praktijk", "rond") == (
        "rond het thema ‘publieke gezondheid, beleid, onderzoek en praktijk’"
    )


def test_the_kernboodschap_says_the_subsidy_and_its_dependency_once():
    """Repetition: "De subsidie loopt … af. De partners zijn in hoge mate afhankelijk van een subsidie die
    afloopt." was one fact said twice."""
    core = _kernboodschap(letter_of("gecombineerd"))
    assert core.count("subsidie") <= 2
    assert "afhankelijk van een subsidie die afloopt" not in core


def test_a_municipal_budget_cycle_is_named_where_a_municipality_may_pay():
    """Moments: the request for money after the subsidy goes in before the budget cycle's date."""
    context = context_of("gecombineerd")
    whys = " ".join(context["text"]["why"].values())
    assert "begrotingscyclus" in whys and "vóór 1 maart 2027" in whys


@every("name", all_names)
def test_no_owner_is_a_nobody(name):
    """Class G: "Uw organisatie" as an owner in a letter to all partners, and "de penvoerder" where no
    subsidy runs, are gone."""
    advice = advice_of(name)
    context = context_of(name)
    owners = {p["owner"] for i in context["top"] for p in context["plans"][i.id]}
    assert "uw organisatie" not in owners
    if advice.fact("funding.subsidy") is not True:
        assert "de penvoerder" not in owners


def test_a_partner_name_with_a_comma_reads_with_brackets():
    from samenwerkwijzer.wording._case_words import partner_name

    assert partner_name("Gemeente Best, fysiek domein") == "de gemeente Best (fysiek domein)"
    assert partner_name("Vier Sallandse gemeenten") == "vier Sallandse gemeenten"
    assert partner_name("Gemeenten in Zuid-Limburg") == "de gemeenten in Zuid-Limburg"


@every("name", all_names)
def test_no_letter_invites_the_partners_it_is_written_to(name):
    """Owners: "Nodig daarvoor in elk geval ieder schoolbestuur uit" in a letter to the school boards."""
    letter = letter_of(name)
    assert "in elk geval iedere partner" not in letter and "in elk geval ieder schoolbestuur" not in letter


@every("name", all_names)
def test_where_nobody_leads_the_lead_comes_first_and_the_advisor_prepares(name):
    """Priorities by time (class D) and owners (class G): with no trekker and unclear regie the letter
    says to begin with the priority that gives a lead (ranks stay); a trekker's step where nobody leads
    and no stuurgroep decides is ours ("wij"), not "alle partners"."""
    advice = advice_of(name)
    context = context_of(name)
    text = context["text"]
    if "In de tijd komt de" in text["advice_intro"]:
        assert advice.fact("leadership.trekker") is False or advice.fact("leadership.regie") == "onduidelijk"
    from samenwerkwijzer.wording._compose import Composer

    if any(p.owner == "trekker" for i in context["top"] for p in i.plan):
        assert Composer(advice, 3).owner("trekker") != "alle partners"


def test_gecombineerd_says_to_begin_with_the_trekker():
    context = context_of("gecombineerd")
    assert "In de tijd komt de tweede eerst" in context["text"]["advice_intro"]
    assert "bespreek wie de rol van trekker op zich neemt" in context["text"]["core"]


def test_the_first_step_is_the_earliest_in_days_not_by_kind():
    """Moments: 'vóór 1 december 2026' in a letter of 1 November is later than 'binnen twee weken'; the
    kernboodschap names the step that comes first in the calendar, and the advisor's own step as ours."""
    from samenwerkwijzer.wording._compose import Composer

    text = Composer(advice_of("subsidie-eindigt"), 3)
    assert text.days("twee_weken") < text.days("maand")
    core = context_of("weer-thuis-wonen-zorg")["text"]["core"]
    assert "De eerste stap nemen wij op ons, binnen twee weken: wij vragen iedere partner" in core


def test_parts_of_one_organisation_are_not_called_partners():
    """Fidelity (Best): two domains of one gemeente are 'onderdelen van de gemeente Best', not 'twee partners'."""
    from samenwerkwijzer import diagnose, load_case

    case = load_case(EXAMPLES / "gecombineerd.yaml")
    parts = [
        p.model_copy(update={"name": f"Gemeente Best, {d} domein"})
        for p, d in zip(case.partners[:2], ("fysiek", "sociaal"), strict=True)
    ]
    case = case.model_copy(update={"partners": parts})
    core = letter_context(diagnose(case), 3)["text"]["core"]
    assert "onderdelen van de gemeente Best samen" in core


# Review of 7 December (third review), classes 1 and 3: the first step and the owners of steps.


@every("name", all_names)
def test_the_kernboodschap_names_the_first_step_of_the_priority_it_begins_with(name):
    from samenwerkwijzer.wording._case_words import lower_first
    from samenwerkwijzer.wording._compose import Composer

    advice = advice_of(name)
    context = context_of(name)
    text = Composer(advice, 3)
    if not text.top or not text.top[0].plan:
        return
    begin = text.top[text.lead_at if text.lead_at is not None else 0]
    plans = context["plans"]
    step = re.split(r"(?<=[.?!]) ", plans[begin.id][0]["step"], maxsplit=1)[0].rstrip(".")
    step = lower_first(re.sub(r",? bijvoorbeeld$", "", step.split(": ")[0]))
    step = step.replace(" van het eerstvolgende overleg", "")  # said once, in the moment before the colon
    core = context["text"]["core"]
    if "De eerste stap" in core:
        assert step in core, (name, step, core)
        assert core.count("eerstvolgende overleg") <= 1, (name, core)
    if begin is not text.top[0]:  # where the letter begins elsewhere than at the first, it says so
        assert "In de tijd komt de" in context["text"]["advice_intro"]


@every("name", all_names)
def test_the_agenda_follows_the_priorities_numbering_and_says_each_first_moment(name):
    """The meeting's agenda takes the priorities in the order of their numbers (reviews letters9 to letters11: an
    agenda in time order read as contradicting the numbering, 4 of 8 letters), each with its first step's moment."""
    from samenwerkwijzer.wording._compose import Composer

    advice = advice_of(name)
    text = Composer(advice, 3)
    plans = {i.id: text.plans(i) for i in advice.interventions}
    agenda = text.agenda(plans)
    assert len(agenda) == len(text.top), (name, agenda)
    for item, i in zip(agenda, text.top, strict=True):
        moment = plans[i.id][0]["moment"]
        assert item.startswith(text._agenda_item(i)), (name, item, i.id)
        assert not moment or moment in item, (name, item, moment)


@every("name", all_names)
def test_a_step_of_ours_is_said_in_the_first_person(name):
    """ "**Wij, binnen twee weken.** Vraag iedere partner …" gives the reader an order under our name."""
    for text in texts_of(name):
        for owner, rest in re.findall(r"\b(Wij|Ik), [^.*\n]*\.\**\s+(\w+)", text):
            assert rest == owner, (name, owner, rest)


def test_no_open_question_invites_one_partner_to_judge_another():
    """Class 4: "Vindt een partner de verhouding tussen geven en nemen onrechtvaardig?" plants distrust in
    a letter to all partners; the letter asks it of the partners together."""
    from samenwerkwijzer.wording._reading import CaseReading

    judging = "Vindt een partner de verhouding tussen geven en nemen onrechtvaardig?"
    for name in all_names():
        advice = advice_of(name)
        if not advice.conditions or not CaseReading(advice, 3).thin:
            continue
        first = advice.conditions[0].model_copy(update={"reason": f"Wij weten niet: ‘{judging}’"})
        advice = advice.model_copy(update={"conditions": [first, *advice.conditions[1:]]})
        questions = CaseReading(advice, 3).open_questions()
        assert judging not in questions
        assert "Hoe kijken de partners samen naar de verhouding tussen geven en nemen?" in questions
        return
    pytest.fail("no thin letter to ask questions in")


@every("name", all_names)
def test_the_letter_asks_no_judging_question(name):
    for text in texts_of(name):
        # An open question is a line of its own (Markdown list item, Word paragraph, HTML list item).
        assert not re.search(r"^[-\s]*(?:Vindt|Ervaart|Voelt) (?:een|één) partner\b[^?\n]*\?\s*$", text, re.M), name


@every("name", all_names)
def test_each_passage_and_intervention_once_in_a_letter(name):
    """Class 2: the same passage under two priorities (poh-jeugd: "Maak de effecten zichtbaar" beside "Bed de
    werkwijze in", one quote for both) or an intervention in "Ook het overwegen waard" that cites a
    priority's passage says the same thing twice."""
    context = context_of(name)
    printed = [" ".join(q["verbatim"].split()) for i in context["top"] for q in context["quotes"][i.id]]
    assert len(printed) == len(set(printed)), name
    cited = {" ".join(r.quote.split()) for i in context["top"] for r in i.references}
    for i in context["more"]:
        assert not any(" ".join(r.quote.split()) in cited for r in i.references), (name, i.id)
    assert [i.rank for i in context["top"]] == list(range(1, len(context["top"]) + 1)), name


@every("name", all_names)
def test_a_role_no_partner_holds_is_no_claim_about_who_sits_at_the_table(name):
    """Class 5: "De mensen voor wie de samenwerking er is, zitten niet zelf aan tafel" and "Niet aan tafel
    zitten: wie de samenwerking betaalt" state more than the partner list says (and the second where the
    partners pay themselves)."""
    advice = advice_of(name)
    description = (advice.case.description or "").lower()
    for text in texts_of(name):
        if "aan tafel" not in description:
            assert "zitten niet zelf aan tafel" not in text and "Niet aan tafel zitten" not in text, name
        if advice.fact("funding.subsidy") is False:
            assert "staat niemand als financier" not in text, name


@every("name", all_names)
def test_a_passage_that_leans_on_its_source_is_cited_not_printed(name):
    """Review13: "Voor de zeven consortia …" printed in a letter to another consortium. Such a passage keeps its note
    number at the end of the priority's text instead."""
    from samenwerkwijzer.model._quotes import leans_on_context

    context = context_of(name)
    letter = letter_of(name)
    for i in context["top"]:
        for q in context["quotes"][i.id]:
            assert not (q["quote"] and leans_on_context(q["quote"])), (name, q["quote"])
            if not q["quote"]:
                assert f"{i.description} [{q['note']}]" in letter, (name, i.id)


@every("name", all_names)
def test_every_reason_starts_a_paragraph_of_its_own(name):
    """Review14: "…in beeld. [1] **Waarom nu.** De subsidie…" — the reason was glued to the priority's text."""
    letter = letter_of(name)
    for line in letter.splitlines():
        if "**Waarom nu.**" in line or "**Waarom dit advies.**" in line:
            assert line.startswith("**Waarom"), (name, line[:120])
