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

import docx
import pytest
from click.testing import CliRunner

from samenwerkwijzer import Advice, render_docx, soffice
from samenwerkwijzer._pdf import ConverterMissingError, docx_to_pdf
from samenwerkwijzer.cli import app

from .conftest import EXAMPLES, ROOT, skip_unless_installed

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
    header = document.sections[0].header.paragraphs[0]
    assert header.style.name == "Briefhoofd" and "Bureau Verbinden" in header.text
    assert header._p.xpath(".//pic:pic")  # the logo
    opening = [(p.style.name, p.text) for p in document.paragraphs[:7]]
    assert opening[0] == ("Adres", "Leden van de stuurgroep")
    assert opening[1] == ("Adres", "Consortium Gezond Opgroeien Zuidwijk")
    assert opening[3] == ("Plaats en datum", "Zuidstad, 22 november 2026")
    assert opening[4] == ("Betreft", "Betreft: Advies over de samenwerking ‘Consortium Gezond Opgroeien Zuidwijk’")
    assert opening[5][1] == "Geachte leden van de stuurgroep,"
    texts = [p.text for p in document.paragraphs]
    signature = texts.index("Marieke de Vries, adviseur samenwerking\nBureau Verbinden")
    assert texts.index("Met vriendelijke groet,") < signature
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
