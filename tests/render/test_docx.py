"""The Word letter: opens with python-docx, has real Word structure (heading
styles, list styles, a table, quotes), says what the Markdown letter says,
and the CLI writes it only to a file."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenwerkwijzer import Advice, case_from_data, diagnose, render_letter
from samenwerkwijzer.cli import app
from samenwerkwijzer.render._docx import render_docx
from samenwerkwijzer.render._letter import letter_context

from ..conftest import EXAMPLES, TODAY, run
from ..strategies import cases

COMBINED = str(EXAMPLES / "gecombineerd.yaml")


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def combined() -> Advice:
    from samenwerkwijzer import load_case

    return diagnose(load_case(COMBINED), today=TODAY)


@pytest.fixture(scope="module")
def document(combined):
    return open_docx(render_docx(combined))


@pytest.fixture(scope="module")
def full(combined):
    """The letter with the appendix: every intervention worked out, and the diagnosis."""
    return open_docx(render_docx(combined, appendix=True))


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_docx_is_a_word_file_that_python_docx_opens(combined):
    data = render_docx(combined)
    assert zipfile.is_zipfile(io.BytesIO(data))
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    document = open_docx(data)
    assert document.paragraphs[0].style.name == "Adres"
    subject = next(p for p in document.paragraphs if p.style.name == "Betreft")
    assert subject.text == "Betreft: Advies over het Consortium Gezond Opgroeien Zuidwijk"


def test_sections_are_word_headings(combined, document, full):
    letter = render_letter(combined)
    sections = [line[3:] for line in letter.splitlines() if line.startswith("## ")]
    assert "Kernboodschap" in sections and "Bronnen" in sections
    assert styled(document, "Heading 1") == sections
    for condition in combined.conditions:
        assert condition.title in styled(full, "Heading 2")


def test_every_top_intervention_is_a_heading_in_the_body_and_the_rest_in_the_appendix(combined, full):
    order = [p.text for p in full.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    closing = order.index("Tot slot")
    for intervention in combined.interventions[:3]:
        assert order.index(f"{intervention.rank}. {intervention.title}") < closing
    for intervention in combined.interventions[3:]:
        assert order.index(f"{intervention.rank}. {intervention.title}") > closing
    assert len(combined.interventions) > 3


def test_appendix_starts_on_a_new_page(full):
    [appendix] = [p for p in full.paragraphs if p.text.startswith("Bijlage A")]
    assert appendix.style.name == "Heading 1" and appendix.paragraph_format.page_break_before


def test_bulleted_and_numbered_lists_use_word_list_styles(combined, document):
    bullets = styled(document, "List Bullet")
    assert any(b.startswith("Er doen negen partners mee") for b in bullets)
    assert any(b.startswith("Het klimaat in de samenwerking is waakzaam") for b in bullets)
    context = letter_context(combined, 3)
    for intervention in context["top"]:
        for step in context["plans"][intervention.id][: context["steps_shown"][intervention.id]]:
            assert any(step["step"] in b for b in bullets)  # steps with the same owner and moment are one bullet
    numbered = styled(document, "List Number")
    assert numbered[0] == "Het advies en de kernboodschap"


def test_each_list_of_first_steps_is_numbered_from_one(combined, document):
    numbering = document.part.numbering_part.element
    lists: dict[int, list[str]] = {}
    for p in document.paragraphs:
        if p.style.name == "List Number":
            lists.setdefault(p._p.pPr.numPr.numId.val, []).append(p.text)
    agenda = ["Het advies en de kernboodschap"]
    agenda += [text.split(" (eerste stap")[0] for text in letter_context(combined, 3)["text"]["agenda"]]
    assert len(lists) == 2  # the agenda of the next meeting, the sources
    assert [step.split(" (eerste stap")[0] for step in list(lists.values())[0][:4]] == agenda
    for num_id in lists:
        num = numbering.num_having_numId(num_id)
        assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_profile_is_a_word_table(combined, document):
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Conditie", "Stand", "Toelichting"]
    profile = letter_context(combined, 3)["text"]["profile"]
    assert rows[1:] == [[row["title"], row["status"], row["reason"]] for row in profile]
    assert not any("Om van op orde te spreken" in row["reason"] for row in profile)  # no intake questions
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_bold_italic_and_quotes(combined, document):
    runs = [run for p in document.paragraphs for run in p.runs]
    assert any(run.bold and run.text == "Waarom nu." for run in runs)
    assert not any(run.text.startswith("Bron:") for run in runs)  # the note number says where it is from
    quotes = styled(document, "Quote")
    printed = letter_context(combined, 3)["quotes"]
    for intervention in combined.interventions[:3]:
        for quote in printed[intervention.id]:
            if quote["quote"]:  # a passage only cited (it leans on its source's context) has its number in the text
                assert f"“{quote['quote']}” [{quote['note']}]" in quotes


def test_sources_section_lists_every_source(combined, document):
    paragraphs = document.paragraphs
    start = next(n for n, p in enumerate(paragraphs) if p.text == "Bronnen" and p.style.name == "Heading 1")
    listed = [p.text for p in paragraphs[start + 1 :]]
    assert all(p.style.name == "List Number" for p in paragraphs[start + 1 :])
    notes = letter_context(combined, 3)["notes"]
    assert len(listed) == len(notes)
    for note, line in zip(notes, listed, strict=True):
        assert note["title"] in line and note["section"] in line and ".txt" not in line


def test_word_letter_says_what_the_markdown_letter_says(combined, document):
    letter = render_letter(combined).replace("*", "").replace("  \n", "\n")
    layout = ("Adres", "Plaats en datum", "Betreft")  # the letter's layout, set apart from the Markdown letter
    texts = [p.text for p in document.paragraphs if p.text and p.style.name not in layout]
    texts += [cell.text for row in document.tables[0].rows for cell in row.cells]
    for text in texts:
        assert text in letter, text
    items = [line for line in letter.splitlines() if re.match(r"(- |[0-9]+\. )", line)]
    listed = [p for p in document.paragraphs if p.style.name.startswith("List ")]
    assert len(listed) == len(items)


def test_rendering_is_deterministic_and_sets_core_properties(combined):
    first, second = render_docx(combined), render_docx(combined)
    assert first == second
    properties = open_docx(first).core_properties
    assert properties.title == "Advies over het Consortium Gezond Opgroeien Zuidwijk"
    assert properties.author == combined.case.advisor
    assert properties.created.date() == properties.modified.date() == combined.case.letter_date
    assert properties.language == "nl-NL"


def test_page_is_a4(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_case_text_is_kept_as_text():
    partner = {"name": "<script>alert(1)</script> & Zn", "kind": "overig", "roles": ["beslisser"]}
    # Control characters are refused when the case is read (tests/model/test_input_bounds.py).
    advice = run({"name": "A & <B> {{ 7*7 }}", "description": "Regel een", "partners": [partner]})
    document = open_docx(render_docx(advice))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Advies over de samenwerking A & <B> {{ 7*7 }}" in text
    assert "Dat is <script>alert(1)</script> & Zn." in text
    assert "Regel een" in text


def test_letter_without_interventions_or_advisor():
    document = open_docx(render_docx(run({})))
    texts = [p.text for p in document.paragraphs]
    assert texts[-2:] == ["Met vriendelijke groet,", "[naam]\n[functie]"]  # visible slots, never nothing
    assert document.core_properties.author == ""
    assert not styled(document, "List Number")
    assert any("geen aanleiding voor specifieke interventies" in p.text for p in document.paragraphs)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40))
def test_every_valid_case_renders_to_a_word_letter(data, name):
    advice = diagnose(case_from_data({**data, "name": name}), today=TODAY)
    document = open_docx(render_docx(advice, top=2))
    assert document.paragraphs[0].style.name == "Adres"
    body = [p.text for p in document.paragraphs]
    context = letter_context(advice, 2)
    # The letter's priorities, numbered as shown (one whose passages a higher one prints already gives way).
    for n, intervention in enumerate(context["top"], 1):
        assert f"{n}. {intervention.title}" in body
    for intervention in context["more"]:
        assert any(line.startswith(f"{intervention.title}. ") for line in body)


# The command line


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_cli_writes_docx_with_the_letter_details_from_options(tmp_path):
    target = tmp_path / "advies.docx"
    result = invoke(
        "diagnose",
        COMBINED,
        "--format",
        "docx",
        "-o",
        str(target),
        "--advisor",
        "Jan Jansen",
        "--organisation",
        "Bureau Samen",
        "--addressee",
        "de stuurgroep",
        "--date",
        "2027-01-05",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    document = open_docx(target.read_bytes())
    texts = [p.text for p in document.paragraphs]
    assert "[plaats], 5 januari 2027" in texts  # no place known: a visible slot
    assert "Geachte leden van de stuurgroep," in texts
    assert "Bureau Samen" in document.sections[0].first_page_header.paragraphs[0].text
    assert "Jan Jansen\nBureau Samen" in texts
    assert document.core_properties.author == "Jan Jansen"
    assert document.core_properties.created.date() == date(2027, 1, 5)
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_cli_refuses_docx_without_an_output_file():
    result = invoke("diagnose", COMBINED, "--format", "docx")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "-o BESTAND" in result.stderr


def test_cli_refuses_to_overwrite_docx_without_force(tmp_path):
    target = tmp_path / "advies.docx"
    target.write_bytes(b"eigen versie")
    refused = invoke("diagnose", COMBINED, "--format", "docx", "-o", str(target))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_bytes() == b"eigen versie"
    assert invoke("diagnose", COMBINED, "--format", "docx", "-o", str(target), "--force").exit_code == 0
    assert open_docx(target.read_bytes()).paragraphs[0].style.name == "Adres"


@pytest.mark.parametrize("bad", ["2027-13-01", "5-1-2027", "2027-02-30", "morgen"])
def test_cli_refuses_a_bad_date(bad):
    result = invoke("diagnose", COMBINED, "--date", bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--date" in result.stderr and "JJJJ-MM-DD" in result.stderr


def test_cli_options_override_the_case_in_the_markdown_letter_too():
    result = invoke("diagnose", COMBINED, "--advisor", "", "--organisation", "Bureau Samen", "--date", "2026-12-01")
    assert result.exit_code == 0
    assert "1 december 2026" in result.stdout
    assert "Met vriendelijke groet,\n\n[naam]  \n[functie]  \nBureau Samen" in result.stdout


def test_a_long_name_and_advisor_fit_word_s_document_properties():
    advice = run({"name": "Samenwerking " + "é" * 400, "advisor": "A" * 400})
    document = docx.Document(io.BytesIO(render_docx(advice)))
    assert len(document.core_properties.title) == 255 and document.core_properties.title.endswith("…")
    assert len(document.core_properties.author) == 255
