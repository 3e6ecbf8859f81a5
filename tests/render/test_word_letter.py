"""The Word letter is a real letter: letterhead, addressee, place and date,
"Betreft:", salutation, body, signature, page numbers, sources at the end;
and it fits on four A4 pages once LibreOffice has laid it out."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from samenwerkwijzer import Advice, render_docx, soffice
from samenwerkwijzer.cli import app
from samenwerkwijzer.render._pdf import ConverterMissingError, docx_to_pdf

from ..conftest import EXAMPLES, ROOT, skip_unless_installed

COMBINED = EXAMPLES / "gecombineerd.yaml"


def _png() -> bytes:
    """A one-pixel PNG: enough for Word to place a logo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0\0\0\0")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


PIXEL = _png()


@pytest.fixture(scope="module")
def combined() -> Advice:
    recorded = ROOT / "tests" / "recorded" / "gecombineerd.json"
    advice = Advice.model_validate_json(recorded.read_text(encoding="utf-8"))
    case = advice.case.model_copy(update={"advisor_organisation": "Bureau Verbinden", "letter_place": "Zuidstad"})
    return advice.model_copy(update={"case": case})


@pytest.fixture(scope="module")
def letter(combined) -> bytes:
    return render_docx(combined, logo=PIXEL)


def test_the_word_letter_opens_with_the_letter_layout(letter):
    document = docx.Document(io.BytesIO(letter))
    header = document.sections[0].first_page_header.paragraphs[0]
    assert header.style.name == "Briefhoofd" and "Bureau Verbinden" in header.text
    assert header._p.xpath(".//pic:pic")  # the logo
    opening = [(p.style.name, p.text) for p in document.paragraphs[:7]]
    assert opening[0] == ("Adres", "Leden van de stuurgroep")
    assert opening[1] == ("Adres", "Consortium Gezond Opgroeien Zuidwijk")
    assert opening[3] == ("Plaats en datum", "Zuidstad, 22 november 2026")
    assert opening[4] == ("Betreft", "Betreft: Advies over het Consortium Gezond Opgroeien Zuidwijk")
    assert opening[5][1] == "Geachte leden van de stuurgroep,"
    texts = [p.text for p in document.paragraphs]
    # Name and function on two lines, with room to sign above them.
    signature = texts.index("Marieke de Vries\nadviseur samenwerking\nBureau Verbinden")
    assert texts.index("Met vriendelijke groet,") == signature - 1
    assert document.paragraphs[signature].paragraph_format.space_before.pt >= 24
    assert document.paragraphs[signature - 1].paragraph_format.keep_with_next
    assert texts.index("Bronnen") > texts.index("Met vriendelijke groet,")
    footer = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer


def test_a_logo_that_is_no_image_is_refused_clearly(combined):
    from samenwerkwijzer import InputError

    with pytest.raises(InputError, match="logo"):
        render_docx(combined, logo=b"not an image")


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_the_word_letter_fits_on_four_pages(letter):
    if soffice() is None:
        skip_unless_installed("LibreOffice")
    pdf = docx_to_pdf(letter)
    assert pdf[:5] == b"%PDF-"
    assert 1 <= _pages(pdf) <= 4
    if pdftotext := shutil.which("pdftotext"):
        text = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        assert "Betreft:" in text and "Kernboodschap" in text


def test_pdf_without_libreoffice_says_so_in_dutch(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConverterMissingError, match="LibreOffice is nodig|LibreOffice nodig"):
        docx_to_pdf(b"")
    result = CliRunner().invoke(app, ["diagnose", str(COMBINED), "--format", "pdf", "-o", "-"])
    assert result.exit_code != 0 and "LibreOffice" in result.output


def test_unknown_letterhead_place_and_signer_leave_visible_slots():
    advice = Advice.model_validate_json((ROOT / "tests" / "recorded" / "subsidie-eindigt.json").read_text("utf-8"))
    document = docx.Document(io.BytesIO(render_docx(advice)))
    assert document.sections[0].first_page_header.paragraphs[0].text == "[briefhoofd]"
    # The letterhead on the first page only: the pages after it carry none.
    assert document.sections[0].different_first_page_header_footer
    assert "[briefhoofd]" not in "".join(p.text for p in document.sections[0].header.paragraphs)
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("[plaats], ") for t in texts)
    assert "[naam]\n[functie]" in texts


def test_headings_keep_with_next_and_table_rows_do_not_split(letter):
    document = docx.Document(io.BytesIO(letter))
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
    for table in document.tables:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    agenda = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert agenda and all(p.paragraph_format.keep_with_next for p in agenda[:4])


RECORDED = sorted((ROOT / "tests" / "recorded").glob("*.json"))


def test_every_example_s_word_letter_fits_four_pages_without_a_stranded_heading(tmp_path):
    """Laid out by LibreOffice with Carlito (Calibri's metric twin): at most
    four pages, and no page ends with a heading (CI installs the font). One
    LibreOffice run converts all letters."""
    command = soffice()
    if command is None:
        skip_unless_installed("LibreOffice")
    if not Path("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf").exists():
        skip_unless_installed("fonts-crosextra-carlito")
    headings: dict[str, set[str]] = {}
    for path in RECORDED:
        letter = render_docx(Advice.model_validate_json(path.read_text("utf-8")))
        (tmp_path / f"{path.stem}.docx").write_bytes(letter)
        document = docx.Document(io.BytesIO(letter))
        headings[path.stem] = {p.text.strip() for p in document.paragraphs if p.style.name.startswith("Heading")}
    subprocess.run(
        [command, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *sorted(str(p) for p in tmp_path.glob("*.docx"))],
        capture_output=True, check=True, timeout=300,
    )  # fmt: skip
    pdftotext = shutil.which("pdftotext")
    for stem, names in headings.items():
        pdf = (tmp_path / f"{stem}.pdf").read_bytes()
        assert _pages(pdf) <= 4, stem
        if pdftotext is None:
            continue
        text = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        for page in [p for p in text.split("\f") if p.strip()][:-1]:
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            body = lines[:-1] if lines and lines[-1].isdigit() else lines  # the page number
            assert body and body[-1] not in names, (stem, body[-1])
