"""The letter an advisor can send: quotes on point, short, concrete, no raw codes, correct Dutch.

Every check runs over the letters of all examples (examples/*.yaml and examples/verhalen/*.yaml).
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path

import pytest

from samenwerkwijzer import Advice, render_docx, render_html, render_letter
from samenwerkwijzer.model._quotes import MAX_QUOTES, case_sectors, fits_case, statement_problem
from samenwerkwijzer.render._letter import letter_context

from ..conftest import EXAMPLES, ROOT
from ..every import every

RECORDED = ROOT / "tests" / "recorded"

CASES = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("verhalen/*.yaml")])
NAMES = [p.relative_to(EXAMPLES).with_suffix("").as_posix() for p in CASES]


@functools.cache
def advice_of(name: str) -> Advice:
    """The example's advice as recorded (tests/reasoning/test_recorded.py checks that a
    diagnosis gives exactly this): reading it is much faster than diagnosing."""
    return Advice.model_validate_json((RECORDED / f"{Path(name).name}.json").read_text(encoding="utf-8"))


@functools.cache
def letter_of(name: str, appendix: bool = False) -> str:
    return render_letter(advice_of(name), appendix=appendix)


def own_words(letter: str) -> str:
    """The advisor's text: quotes (“…”), quoted phrases (‘…’) and the list of
    sources (titles and sections as the documents have them) taken out."""
    letter = re.sub(r"\n## Bronnen\n.*?(?=\n---\n|\Z)", "", letter, flags=re.S)
    return re.sub(r"‘[^’\n]*’", "‘’", re.sub(r"“[^”]*”", "“”", letter))


def body_of(letter: str) -> str:
    """From the greeting to the signature: no title, date, sources or appendix."""
    body = letter.split("\n## Bronnen")[0].split("\n---\n")[0]
    return body.split("\n", 3)[3]


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# Acceptance 1: at most two quotes per intervention, each advice or made for this case,
# none of the passages the review found off or weak for the intervention named.

OFF_OR_WEAK = {
    "I-EFFECTEN-ZICHTBAAR-MAKEN": ["Ze moeten uitkomsten presenteren"],
    "I-VERVOLG-NA-SUBSIDIE": ["Cruciaal voor de voortzetting van BOR", "Duurzaam samenwerken is dat je op de lange"],
    "I-NETWERK-VERBREDEN": ["Breder kijken dan alleen setting wonen"],
    "I-BESTUURLIJK-EIGENAARSCHAP": ["in het belang van hun eigen ziekenhuis"],
    "I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR": ["Toen hebben we onze focus verlegd naar de scholen"],
    "I-KRACHTENVELD-ANALYSEREN": ["De netwerkbijeenkomst was gericht om"],
    "I-REGIE-BELEGGEN": ["wordt meestal gedeeld", "Hoe deel je die regierol toe"],
    "I-BELANGEN-OP-TAFEL": ["belangen van leerlingen, ouders, medewerkers"],
    "I-FOCUS-EN-FASEREN": ["Onze uitdaging voor de komende jaren"],
    "I-KERNTEAM-EN-SCHIL": ["Daarbij kunnen de verschillende ziekenhuizen"],
    "I-TIJD-INVESTEREN-IN-RELATIES": ["Met name die fysieke aanwezigheid"],
    "I-KLIMAAT-SAMEN-METEN": ["Hoe ‘meet’ je de temperatuur"],
    "I-REGELMATIGE-REFLECTIE": ["Zorg voor regelmatige reflectie; is de onderlinge"],
    "I-SAMENHANG-ZICHTBAAR-MAKEN": ["Het domein van de individuele casuïstiek"],
    "I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN": ["Bij samenwerken hoort ook onderhandelen"],
}
# Where a passage is allowed after all: the school passage in a school case, and so on.
ONLY_WHERE = {
    "belangen van leerlingen, ouders, medewerkers": "onderwijs",
    "Toen hebben we onze focus verlegd naar de scholen": "onderwijs",
    "in het belang van hun eigen ziekenhuis": "zorg",
    "Daarbij kunnen de verschillende ziekenhuizen": "zorg",
}


@every("name", NAMES)
def test_every_printed_quote_is_advice_or_fits_the_case_and_none_is_off(name):
    advice = advice_of(name)
    context = letter_context(advice, 3, appendix=True)
    sectors = case_sectors(p.kind for p in advice.case.partners)
    climate = advice.fact("climate.level")
    by_id = {i.id: i for i in advice.interventions}
    for iid, printed in context["quotes"].items():
        assert len(printed) <= MAX_QUOTES, iid
        references = {r.quote: r for r in by_id[iid].references}
        for quote in printed:
            if not quote["printable"]:  # cited only, where none of the priority's passages can be printed
                continue
            ref = references[quote["verbatim"]]
            assert ref.role == "advies" or (ref.fits is not None and ref.role == "illustratie"), (iid, ref.quote)
            assert fits_case(ref.fits, sectors, climate if isinstance(climate, str) else None), (iid, ref.quote)
            for off in OFF_OR_WEAK.get(iid, []):
                if off in ref.quote:
                    assert ONLY_WHERE.get(off) in sectors, (iid, off)
    letter = letter_of(name, appendix=True)
    for section in re.split(r"\n### ", letter):
        assert section.count("\n“") <= MAX_QUOTES


def test_a_school_passage_prints_only_in_a_school_case():
    school = "belangen van leerlingen, ouders, medewerkers"
    printed = {name: school in letter_of(name, appendix=True) for name in NAMES}
    for name, shown in printed.items():
        if shown:
            assert "onderwijs" in case_sectors(p.kind for p in advice_of(name).case.partners), name


# Acceptance 2: the combined case's letter.


def test_combined_letter_is_short_urgent_and_concrete():
    letter = letter_of("gecombineerd")
    body = body_of(letter)
    assert words(body) <= 1200
    core = letter.split("## Kernboodschap\n\n")[1].split("\n\n")[0]
    assert "zes maanden" in core
    assert 3 <= len(re.findall(r"[.!?](?:\s|$)", core)) <= 5
    assert "gedeelde ambitie" in core  # what goes well
    priorities = letter.split("## Onze prioriteiten")[1].split("\n## ")[0]
    sections = re.split(r"\n### \d+\. ", priorities)[1:]
    assert len(sections) == 3
    for section in sections:
        steps = re.findall(r"^- \*\*(.+?)\.\*\* ", section, re.M)
        assert steps, section
        owner, moment = steps[0].split(", ", 1)
        assert owner in ("De stuurgroep", "Alle partners", "Gemeente Zuidstad") or owner.startswith("De ")
        assert re.search(r"binnen \w+ weken|vóór \d+ \w+|eerstvolgende overleg|direct", moment), moment
        assert section.count("\n“") <= 2
    meeting = letter.split("## Voorstel voor uw volgende overleg")[1].split("\n## ")[0]
    assert "twee uur" in meeting and "verbeteragenda" in meeting
    assert len(re.findall(r"^\d+\. ", meeting, re.M)) == 5


@every("name", NAMES)
def test_every_letter_body_stays_under_fifteen_hundred_words(name):
    assert words(body_of(letter_of(name))) <= 1500


def test_top_changes_the_number_of_priorities_and_appendix_adds_the_rest():
    advice = advice_of("gecombineerd")
    five = render_letter(advice, top=5)
    assert len(re.findall(r"^### \d+\. ", five.split("## Ook het overwegen")[0], re.M)) == 5
    full = render_letter(advice, appendix=True)
    for i in advice.interventions[3:]:
        assert f"### {i.rank}. {i.title}" in full
    assert "Bewust niet geadviseerd" in full and "Bewust niet geadviseerd" not in render_letter(advice)


# Acceptance 3: no raw code, file name or hash in any client letter, in any format.

RAW = re.compile(
    r"\b[a-z]+_[a-z_]+\b"  # snake_case values
    r"|\b[A-Z]{3}\d{3}\b"  # rule ids
    r"|\b[FI]-[A-Z]{3,}"  # finding and intervention ids
    r"|\b[a-z]{3,}\.[a-z_]{3,}\b"  # field paths
    r"|\w\.(?:txt|ya?ml|json|md|docx)\b"  # file names
    r"|\b[0-9a-f]{12,}\b"  # hashes
)


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    return " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))


@every("name", NAMES)
def test_no_raw_codes_in_any_client_letter(name):
    advice, letter = advice_of(name), letter_of(name, appendix=True)
    # The HTML and Word letters print the Markdown letter (render_letter, pure): made once, given to both, as each
    # would make it (the same advice, top and appendix).
    html = render_html(advice, appendix=True, markdown=letter)
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    texts = {
        "markdown": letter,
        "html": html,
        "docx": _docx_text(render_docx(advice, appendix=True, markdown=letter)),
    }
    for fmt, text in texts.items():
        assert not RAW.findall(text), (fmt, RAW.findall(text)[:5])


def test_the_reasoning_report_keeps_the_codes_for_trainers():
    report = render_html(advice_of("gecombineerd"), reasoning=True)
    assert "I-TREKKER-AANWIJZEN" in report and "Hoe komen wij hierbij?" in report


# Acceptance 5: a test per defect class, over the letters of all examples.

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"


def _running_text(letter: str) -> str:
    text = own_words(letter)
    text = re.sub(r"\[\d+\]", "", text)  # note markers
    text = re.sub(rf"\b\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?", "", text)  # dates
    text = re.sub(r"\b(?:19|20)\d\d\b", "", text)  # years (also in the case's own description)
    text = re.sub(r"^\s*(?:#+ )?\d+\. ", "", text, flags=re.M)  # numbered lists and headings
    return text


@every("name", NAMES)
def test_numbers_up_to_twenty_in_words_and_no_sentence_opens_with_a_digit(name):
    text = _running_text(letter_of(name, appendix=True))
    assert not re.findall(r"\b(?:1?[0-9]|20)\b", text)
    assert not re.findall(r"(?:^|[.!?] )\d", text, re.M)


@every("name", NAMES)
def test_no_capital_after_a_colon_or_semicolon_except_names(name):
    advice = advice_of(name)
    names = [p.name for p in advice.case.partners] + [advice.case.name, "Common Eye", "Bron", "GGD"]
    text = own_words(letter_of(name, appendix=True))
    for match in re.finditer(r"[:;] (\w[\w ]*)", text):
        rest = match.group(1)
        if rest[:1].isupper() and not any(rest.startswith(n) for n in names):
            pytest.fail(f"capital after a colon or semicolon: {text[match.start() - 40 : match.end()]!r}")


@every("name", NAMES)
def test_advisor_writes_u_and_one_pronoun_form(name):
    text = own_words(letter_of(name, appendix=True))
    assert not re.findall(r"\b(?:je|jij|jou|jouw|jezelf|jullie)\b", text, re.I)
    assert not re.findall(r"\bhij of zij\b|\bzijn of haar\b|\bhem of haar\b|\bhij/zij\b", text)
    assert "voor uzelf na" not in text


DEFECTS = [
    "niemand die een van de rollen",  # the roles sentence named every role while one was missing
    "berust op vijf Nederlandse publicaties",
    "niet helder is wie de regie voert",  # tautology
    "warmste beeld",
    "op het gebied van",
    "[naam adviseur]",
    "Geachte de ",
    "Waarom:* ",
]


@every("name", NAMES)
def test_listed_defects_are_gone(name):
    advice = advice_of(name)
    letter = letter_of(name, appendix=True)
    for defect in DEFECTS:
        assert defect not in letter, defect
    if advice.fact("funding.months_left") is not None:
        assert "binnen een jaar" not in own_words(letter)
    missing = advice.fact("network.missing_roles")
    if isinstance(missing, list) and [m for m in missing if m != "financier"]:
        assert re.search(r"Aan tafel ontbre(ekt|ken) nog ", letter)
    cited = len({n["source"] for n in letter_context(advice, 3, appendix=True)["notes"]})
    counts = re.findall(r"Ons advies steunt op (\w+) publicaties?", letter)
    if cited:
        assert counts == [["één", "twee", "drie", "vier", "vijf"][cited - 1]]


@every("name", NAMES)
def test_an_unassessed_condition_says_so_in_table_and_text(name):
    advice = advice_of(name)
    letter = letter_of(name, appendix=True)
    for condition in advice.conditions:
        section = letter.split(f"\n### {condition.title}\n")[-1].split("\n#")[0]
        if condition.status == "niet beoordeeld":
            assert "geen aandachtspunten" not in section
            assert "nog geen gegevens" in section


def test_openings_and_closings_vary_with_the_case():
    letters = [letter_of(name) for name in NAMES]
    openings = {letter.split(",\n\n", 1)[1].split(". ")[0] for letter in letters}
    closings = {letter.split("## Tot slot\n\n")[1].split("\n")[0] for letter in letters}
    assert len(openings) >= 3 and len(closings) >= 2


def test_few_respondents_are_not_counted_and_a_view_is_a_view():
    letter = letter_of("respondenten")
    divergence = letter.split("## Waar partners verschillend kijken")[1].split("\n## ")[0]
    assert not re.search(r"\((?:één|twee|drie)\)", divergence)
    # A view is a view: the answers differ, and no majority answer is stated as fact.
    assert "Over het klimaat lopen de antwoorden uiteen" in letter
    assert "Over de regie lopen de antwoorden uiteen" in letter
    assert "In de samenwerking is sprake van onenigheid" not in letter
    assert "De regie is duidelijk belegd" not in letter


# kb check: a quote is a whole statement.


@pytest.mark.parametrize(
    ("quote", "problem"),
    [
        ("inzicht in aannames over andere organisaties", "starts mid-sentence"),
        ("Check of je alle relevante partijen hebt betrokken:", "ends with ':'"),
        ("Hebben partijen voldoende oog voor de verschillende motieven?", "is a question"),
        ("Tips en adviezen", "a heading or a fragment"),
    ],
)
def test_kb_check_refuses_a_quote_that_is_no_whole_statement(quote, problem):
    from samenwerkwijzer.authoring._kbcheck import check_knowledge_base
    from samenwerkwijzer.model._catalogue import load_catalogue

    kb = load_catalogue()
    source = next(r.source for i in kb.interventions for r in i.references if quote[:20] in _source_text(r.source))
    broken = kb.interventions[0].references[0].model_copy(update={"quote": quote, "source": source})
    first = kb.interventions[0].model_copy(update={"references": (broken,)})
    changed = kb.model_copy(update={"interventions": (first, *kb.interventions[1:])})
    assert statement_problem(broken, questions_allowed=False).startswith(problem)
    issues = [i for i in check_knowledge_base(changed, rules=[], samples=0) if i.check == "statements"]
    assert any(problem in i.message for i in issues), issues


def test_a_question_is_a_whole_statement_where_the_advice_is_to_ask_it():
    from samenwerkwijzer.model._vocabulary import Reference

    quote = "Hoe ‘meet’ je de temperatuur in jouw samenwerking, en wat kun je doen?"
    ref = Reference(source="004_88b54933500dbbd6.txt", locator="x", quote=quote)
    assert statement_problem(ref, questions_allowed=True) is None


def _source_text(source: str) -> str:
    from samenwerkwijzer.model._source_text import normalise_text, read_source_text

    return normalise_text(read_source_text(source))


@every("name", NAMES)
def test_the_appendices_are_lettered_in_order(name):
    """walk7: "Bijlage A" then "Bijlage C" where nothing was withheld."""
    letters = re.findall(r"^## Bijlage ([A-Z]) –", letter_of(name, appendix=True), re.M)
    assert letters == list("ABC"[: len(letters)]), (name, letters)
