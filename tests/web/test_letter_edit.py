"""The letter edited in the browser before download (issue 24), and the logo of its letterhead: the edit kept with
the measurement (the advice JSON untouched), every letter download using it, "terug naar de voorgestelde tekst",
CSRF and size limits; a logo PNG or JPEG only (magic bytes, size, dimensions), shown in the Word letterhead and the
HTML letter, removable, and hostile files refused."""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from samenwerkwijzer.web import Database, create_app
from samenwerkwijzer.web._letter_page import MAX_LETTER_CHARS
from samenwerkwijzer.web._logo import MAX_LOGO_BYTES, LogoError, checked_logo

from ..webkit import TestClient, csrf_of, import_case

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "rollen-onduidelijk.yaml"
EDIT = "Wij stellen voor om in januari samen met de stuurgroep de rollen door te lopen, in de Kerkzaal."


def png(width: int = 4, height: int = 2, claim: tuple[int, int] | None = None) -> bytes:
    """A small valid PNG (white pixels); with ``claim`` its header states another size (a decompression bomb's)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", *(claim or (width, height)), 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a JPEG with a baseline frame header of the given size, and its end marker."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> Iterator[TestClient]:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('brief') / 'web.db'}")
    with TestClient(create_app(db, require_login=False)) as c:
        yield c
    db.dispose()


@pytest.fixture(scope="module")
def mid(client) -> int:
    return import_case(client, EXAMPLE.read_bytes())


def _text_area(html: str) -> str:
    found = re.search(r'<textarea id="tekst"[^>]*>(.*?)</textarea>', html, re.S)
    assert found, "the letter page has no text to edit"
    import html as h

    return h.unescape(found.group(1))


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_an_edited_letter_downloads_with_the_edit_and_the_advice_stays(client, mid):
    page = client.get(f"/metingen/{mid}/brief")
    assert page.status_code == 200
    proposed = _text_area(page.text)
    assert proposed.startswith("# ") and "Terug naar de voorgestelde tekst" not in page.text
    advice_before = client.get(f"/metingen/{mid}/advies.json").text
    edited = proposed.replace("\n\n", f"\n\n{EDIT}\n\n", 2)
    response = client.post(f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf_of(page.text), "tekst": edited})
    assert response.status_code == 200 and "De tekst van de brief is bewaard." in response.text
    assert EDIT in _text_area(response.text) and "Terug naar de voorgestelde tekst" in response.text
    # Word (read by python-docx), Markdown, HTML and the preview all carry the edit.
    word = client.get(f"/metingen/{mid}/advies.docx")
    assert word.status_code == 200 and EDIT in _docx_text(word.content)
    assert EDIT in client.get(f"/metingen/{mid}/advies.md").text
    assert EDIT in client.get(f"/metingen/{mid}/advies.html").text
    assert EDIT in client.get(f"/metingen/{mid}/voorbeeld").text
    # The advice JSON is never edited.
    assert client.get(f"/metingen/{mid}/advies.json").text == advice_before
    # Back to the proposed text: the downloads follow.
    page = client.get(f"/metingen/{mid}/brief")
    back = client.post(f"/metingen/{mid}/brief/tekst/terug", data={"csrf_token": csrf_of(page.text)})
    assert back.status_code == 200 and "De brief heeft weer de voorgestelde tekst." in back.text
    assert _text_area(back.text) == proposed
    assert EDIT not in _docx_text(client.get(f"/metingen/{mid}/advies.docx").content)
    assert client.get(f"/metingen/{mid}/advies.md").text == proposed


def test_the_letter_text_needs_the_form_token_and_has_bounds(client, mid):
    page = client.get(f"/metingen/{mid}/brief")
    csrf = csrf_of(page.text)
    assert client.post(f"/metingen/{mid}/brief/tekst", data={"tekst": "# Brief\n\nGehackt.\n"}).status_code == 403
    refused = client.post(
        f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf, "tekst": "x" * (MAX_LETTER_CHARS + 1)}
    )
    assert refused.status_code == 422 and "te lang" in refused.text
    refused = client.post(f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf, "tekst": "# Brief\n\x1b[31m"})
    assert refused.status_code == 422 and "stuurteken" in refused.text
    refused = client.post(f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf, "tekst": "  \n"})
    assert refused.status_code == 422 and "De brief is leeg" in refused.text
    assert "Gehackt" not in client.get(f"/metingen/{mid}/advies.md").text
    # Raw HTML in the edit stays text in the HTML letter (markdown-it with HTML off).
    client.post(
        f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf, "tekst": "# Brief\n\n<script>alert(1)</script>\n"}
    )
    html = client.get(f"/metingen/{mid}/advies.html").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    client.post(f"/metingen/{mid}/brief/tekst/terug", data={"csrf_token": csrf})


def _upload(client: TestClient, mid: int, content: bytes, name: str = "logo.png", kind: str = "image/png"):
    csrf = csrf_of(client.get(f"/metingen/{mid}/brief").text)
    return client.post(f"/metingen/{mid}/brief/logo", data={"csrf_token": csrf}, files={"logo": (name, content, kind)})


def test_a_logo_shows_in_the_word_letterhead_and_the_html_letter_and_can_be_removed(client, mid):
    image = png(40, 20)
    response = _upload(client, mid, image)
    assert response.status_code == 200 and "Het logo is bewaard." in response.text
    assert 'alt="Het huidige logo"' in response.text
    document = docx.Document(io.BytesIO(client.get(f"/metingen/{mid}/advies.docx").content))
    header = document.sections[0].first_page_header
    blobs = [rel.target_part.blob for rel in header.part.rels.values() if "image" in rel.reltype]
    assert blobs == [image]
    assert "data:image/png;base64," in client.get(f"/metingen/{mid}/advies.html").text
    assert "data:image/png;base64," in client.get(f"/metingen/{mid}/voorbeeld").text
    csrf = csrf_of(client.get(f"/metingen/{mid}/brief").text)
    removed = client.post(f"/metingen/{mid}/brief/logo/verwijderen", data={"csrf_token": csrf})
    assert removed.status_code == 200 and "Het logo is verwijderd." in removed.text
    assert "data:image/png" not in client.get(f"/metingen/{mid}/advies.html").text
    document = docx.Document(io.BytesIO(client.get(f"/metingen/{mid}/advies.docx").content))
    assert not [r for r in document.sections[0].first_page_header.part.rels.values() if "image" in r.reltype]


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HOSTILE = {
    "svg named png": (SVG, "logo.png", "image/png"),
    "svg": (SVG, "logo.svg", "image/svg+xml"),
    "html with a png header": (b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>", "logo.png", "image/png"),
    "too large": (png() + b"\x00" * MAX_LOGO_BYTES, "logo.png", "image/png"),
    "huge dimensions": (png(1, 1, claim=(60000, 60000)), "logo.png", "image/png"),
    "a header that lies": (
        png(1, 1).replace(b"IHDR\x00\x00\x00\x01", b"IHDR\x00\x00\x00\x02"),
        "logo.png",
        "image/png",
    ),
    "empty": (b"", "logo.png", "image/png"),
    "gif": (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "logo.gif", "image/gif"),
    "jpeg of 20000 by 20000": (jpeg_header(20000, 20000), "logo.jpg", "image/jpeg"),
    "jpeg cut off": (jpeg_header(10, 10)[:12], "logo.jpg", "image/jpeg"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_no_logo(client, mid, name):
    content, filename, kind = HOSTILE[name]
    response = _upload(client, mid, content, filename, kind)
    assert response.status_code == 422, name
    assert re.search(r'role="alert">[^<]*(PNG|JPEG|kB|beeldpunten)', response.text), name
    assert "Het huidige logo" not in response.text
    assert "data:image" not in client.get(f"/metingen/{mid}/advies.html").text


def test_the_logo_check_reads_dimensions_from_the_image_itself():
    assert checked_logo(png(40, 20)) == ("image/png", (40, 20))
    assert checked_logo(jpeg_header(300, 120)) == ("image/jpeg", (300, 120))
    with pytest.raises(LogoError):
        checked_logo(png(40, 20)[:30])  # the header's checksum is cut off
    with pytest.raises(LogoError, match="beeldpunten"):
        checked_logo(png(1, 1, claim=(5000, 10)))


def test_a_logo_upload_needs_the_form_token(client, mid):
    response = client.post(f"/metingen/{mid}/brief/logo", files={"logo": ("logo.png", png(), "image/png")})
    assert response.status_code == 403


def test_the_page_says_when_the_proposed_text_changed_after_the_edit(client, mid):
    page = client.get(f"/metingen/{mid}/brief")
    csrf = csrf_of(page.text)
    client.post(f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf, "tekst": _text_area(page.text) + EDIT})
    assert "de voorgestelde tekst is sindsdien veranderd" not in client.get(f"/metingen/{mid}/brief").text
    # Another letter date changes the proposed text (its date line): the edit stays, the page says so.
    client.post(f"/metingen/{mid}/brief", data={"csrf_token": csrf, "letter_date": "2027-01-15", "disclose": "nee"})
    page = client.get(f"/metingen/{mid}/brief").text
    assert "de voorgestelde tekst is sindsdien veranderd" in page and EDIT in _text_area(page)
    assert EDIT in client.get(f"/metingen/{mid}/advies.md").text
    client.post(f"/metingen/{mid}/brief/tekst/terug", data={"csrf_token": csrf})
    assert "15 januari 2027" in client.get(f"/metingen/{mid}/advies.md").text


def test_the_next_measurement_keeps_the_logo_but_not_the_edited_text(client):
    mid = import_case(client, EXAMPLE.read_bytes())
    _upload(client, mid, png(30, 10))
    page = client.get(f"/metingen/{mid}/brief")
    client.post(f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf_of(page.text), "tekst": "# Brief\n\n" + EDIT})
    cid = re.search(r'href="/samenwerkingen/(\d+)"', client.get(f"/metingen/{mid}/resultaat").text).group(1)
    overview = client.get(f"/samenwerkingen/{cid}").text
    second = client.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf_of(overview)})
    mid2 = int(re.search(r"/metingen/(\d+)/resultaat", str(second.url)).group(1))
    assert mid2 != mid
    assert 'alt="Het huidige logo"' in client.get(f"/metingen/{mid2}/brief").text
    assert EDIT not in client.get(f"/metingen/{mid2}/advies.md").text


def test_the_pdf_letter_is_made_from_the_edited_text_and_the_logo(client, mid, monkeypatch):
    from samenwerkwijzer.web import _results

    seen: dict[str, object] = {}

    def pdf(advice, **options):  # LibreOffice's conversion of the Word letter, as render_pdf is called
        seen.update(options)
        return b"%PDF-1.4"

    monkeypatch.setattr(_results, "render_pdf", pdf)
    page = client.get(f"/metingen/{mid}/brief")
    edited = _text_area(page.text) + "\n" + EDIT + "\n"
    client.post(f"/metingen/{mid}/brief/tekst", data={"csrf_token": csrf_of(page.text), "tekst": edited})
    image = png(12, 6)
    _upload(client, mid, image)
    assert client.get(f"/metingen/{mid}/advies.pdf").content == b"%PDF-1.4"
    assert EDIT in str(seen["markdown"]) and seen["logo"] == image
    csrf = csrf_of(client.get(f"/metingen/{mid}/brief").text)
    client.post(f"/metingen/{mid}/brief/tekst/terug", data={"csrf_token": csrf})
    client.post(f"/metingen/{mid}/brief/logo/verwijderen", data={"csrf_token": csrf})


def test_a_table_too_wide_for_the_word_letter_is_refused_when_kept_and_by_the_library():
    """Red team R2-1: a table of a thousand columns took seconds per Word download (and grows with the square)."""
    from samenwerkwijzer.render import _docx
    from samenwerkwijzer.web import _letter_page

    assert _letter_page.MAX_TABLE_COLUMNS == _docx.MAX_TABLE_COLUMNS
    wide = "| " + " | ".join(f"k{n}" for n in range(200)) + " |\n|" + "---|" * 200 + "\n|" + " x |" * 200 + "\n"
    assert _letter_page._widest_table(wide) == 200
    assert _letter_page._widest_table("| a | b | c |\n|---|---|---|\n") == 3
    from samenwerkwijzer import InputError, diagnose, load_case, render_docx

    advice = diagnose(load_case(EXAMPLE))
    with pytest.raises(InputError, match="twaalf kolommen"):
        render_docx(advice, markdown="# Brief\n\nGeachte partners,\n\n" + wide)


def test_a_logo_word_cannot_place_is_refused_at_the_upload():
    """Red team R2-4: a PNG whose resolution rounds to zero dots per inch passed the check, and then every Word
    and PDF download of the measurement failed until the logo was removed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    good = png()
    zero_dpi = good[:33] + chunk(b"pHYs", struct.pack(">IIB", 1, 1, 1)) + good[33:]  # 1 dot per metre
    checked_logo(good)
    with pytest.raises(LogoError):
        checked_logo(zero_dpi)


def test_an_edited_html_letter_fetches_nothing_from_elsewhere():
    """Red team R2-3: an image in the edit became <img src="https://…"> in the saved HTML file, which has no
    server's CSP around it; the letter now turns no Markdown image into one and carries its own CSP."""
    from samenwerkwijzer import diagnose, load_case, render_html

    advice = diagnose(load_case(EXAMPLE))
    page = render_html(advice, markdown="# Brief\n\nGeachte partners,\n\n![spoor](https://evil.example/t.png)\n")
    assert not re.search(r"<img[^>]+src=\"(?!data:)", page)
    assert "default-src 'none'" in page


def test_the_place_on_the_letter_is_given_on_the_letter_page_and_replaces_the_open_slot(client):
    """The web letter had '[plaats]' and no field to fill it in (the walk of 2026-12-07)."""
    mid = import_case(client, EXAMPLE.read_bytes())
    assert "[plaats]" in _docx_text(client.get(f"/metingen/{mid}/advies.docx").content)
    page = client.get(f"/metingen/{mid}/brief").text
    assert 'name="letter_place"' in page
    saved = client.post(f"/metingen/{mid}/brief", data={"csrf_token": csrf_of(page), "letter_place": "Amersfoort"})
    # The advisor stays on the letter page (its notice about an edited text shows there).
    assert str(saved.url).endswith("/brief?opgeslagen=gegevens") and "De briefgegevens zijn bewaard." in saved.text
    assert "Amersfoort" in client.get(f"/metingen/{mid}/advies.md").text
    word = _docx_text(client.get(f"/metingen/{mid}/advies.docx").content)
    assert "[plaats]" not in word and "Amersfoort" in word
    assert 'value="Amersfoort"' in client.get(f"/metingen/{mid}/brief").text
