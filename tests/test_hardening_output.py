"""Hardening of the output side: write errors, -o edge cases, case text that
tries to become structure or terminal control, Experta's logging and import
order, the jinja2 pin (review items 12, 13, 16, 17)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tomllib

import docx
import pytest
from markdown_it import MarkdownIt

from samenwerkwijzer import render_html, render_letter
from samenwerkwijzer._docx import render_docx
from samenwerkwijzer._letter import markdown_inline, strip_control

from .conftest import EXAMPLES, ROOT, run

COMBINED = str(EXAMPLES / "gecombineerd.yaml")
CLI = [sys.executable, "-m", "samenwerkwijzer.cli"]


# 16. Case text never becomes structure or terminal control

HOSTILE = {
    "name": "Zorg & <b>Welzijn</b> *vet*",
    "description": "# Kop\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n<img src=x onerror=alert(1)>\n\n"
    "[klik hier](https://evil.example) ![](https://evil.example/x.png)\n\n- lijst\n1. nummer\n\n---\n\n> citaat\n"
    "    code\n\n`tick` _nadruk_ &amp; ~~weg~~",
    "addressee": "# Geachte",
    "advisor": "Jan_de_Vries",
    "advisor_organisation": "===",
    "context": {"domain": "<script>alert(1)</script>", "type": "netwerk"},
    "partners": [
        {"name": "[Partner](javascript:alert(1))", "kind": "overig", "roles": ["beslisser"]},
        {"name": "1. Stichting | Pijp", "kind": "gemeente", "roles": ["uitvoerder"]},
    ],
}
ESCAPES = "\x1b]0;gekaapt\x07\x1b[31m\x1b[0m\x9b2J\x07\x00\r"


def _hostile_advice():
    advice = run(HOSTILE)
    # Control characters from elsewhere (the library API takes any Advice): injected after the diagnosis.
    case = advice.case.model_copy(update={"advisor_organisation": f"Bureau{ESCAPES} Samen"})
    return advice.model_copy(update={"case": case})


def _tokens(markdown: str) -> list:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")  # stricter than the Word letter's parser
    tokens = parser.parse(markdown)
    return tokens + [child for t in tokens for child in (t.children or [])]


def test_case_text_is_text_in_the_markdown_letter():
    letter = render_letter(_hostile_advice())
    types = [t.type for t in _tokens(letter)]
    assert types.count("table_open") == 1  # the profile, nothing from the description
    assert [t.tag for t in _tokens(letter) if t.type == "heading_open"].count("h1") == 1
    for forbidden in ("html_block", "html_inline", "link_open", "image", "code_block", "code_inline", "s_open"):
        assert forbidden not in types, forbidden
    assert "blockquote_open" not in types and "hr" not in types
    # What a reader sees is the literal text.
    inline_text = "".join(t.content for t in _tokens(letter) if t.type == "text")
    for literal in (
        "# Kop",
        "| a | b |",
        "<img src=x onerror=alert(1)>",
        "[klik hier](https://evil.example)",
        "- lijst",
        "1. nummer",
        "`tick` _nadruk_ &amp; ~~weg~~",
        "Geachte # Geachte,",
        "Jan_de_Vries",
        "<script>alert(1)</script>",
        "[Partner](javascript:alert(1))",
        "1. Stichting | Pijp",
        "Zorg & <b>Welzijn</b> *vet*",
    ):
        assert literal in inline_text, literal
    assert "Bureau Samen" in letter  # the organisation line, its controls dropped
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", letter)


def test_organisation_cannot_underline_the_signature_into_a_heading():
    letter = render_letter(run({"advisor": "Jan", "advisor_organisation": "==="}))
    assert "Jan\n\\===" in letter
    assert [t.tag for t in _tokens(letter) if t.type == "heading_open"].count("h1") == 1


def test_case_text_is_text_in_the_word_letter():
    document = docx.Document(io.BytesIO(render_docx(_hostile_advice())))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert [text for style, text in styles if style == "Title"] == [
        "Advies over de samenwerking ‘Zorg & <b>Welzijn</b> *vet*’"
    ]
    headings = {text for style, text in styles if style.startswith("Heading")}
    assert not headings & {"Kop", "Geachte"}
    assert ("Normal", "# Kop") in styles
    assert len(document.tables) == 1
    text = "\n".join(t for _, t in styles)
    assert "<img src=x onerror=alert(1)>" in text and "[klik hier](https://evil.example)" in text
    assert "Bureau Samen" in text and "gekaapt" not in text
    assert document.core_properties.title.startswith("Advies over de samenwerking ‘Zorg & <b>")


def test_case_text_is_text_in_the_html_letter():
    html = render_html(_hostile_advice())
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert(1)" not in html and "<b>Welzijn" not in html
    assert "Zorg &amp; &lt;b&gt;Welzijn" in html and "&amp;lt;" not in html  # escaped once
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", html)


def test_knowledge_texts_are_not_escaped(example):
    letter = render_letter(example("gecombineerd"))
    assert "\\" not in letter  # nothing from the knowledge base or the Dutch sentences is escaped
    assert "“" in letter and "‘" in letter


@pytest.mark.parametrize(
    "text", ["maatschappelijke_organisatie", "GGD-regio Oost 2.0", "Zorg & Welzijn", "A.B. (Bureau) 'citaat' \"x\""]
)
def test_ordinary_case_text_is_not_escaped(text):
    assert markdown_inline(text) == text


def test_strip_control_keeps_text_tabs_and_newlines():
    assert strip_control("a\x1b]0;titel\x07b\x1b[1;31mc\x1b[0m\td\ne\x9b2Jf\x1bcg\x00h") == "abc\td\nefgh"
    assert strip_control("niets\x1b]0;onafgesloten rest") == "niets0;onafgesloten rest"  # never eats the rest


# 17. Experta stays quiet, imports in any order; jinja2 with its security fixes

_DIAGNOSE = (
    "from samenwerkwijzer import diagnose, load_case\n"
    f"advice = diagnose(load_case({COMBINED!r}))\n"
    "assert advice.interventions\n"
)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)


def test_experta_logs_nothing_for_a_host_at_debug_level():
    proc = _python(
        "import logging\n"
        "logging.basicConfig(level=logging.DEBUG)\n"
        "root = logging.getLogger()\n"
        "handlers = list(root.handlers)\n"
        "records = []\n"
        "class Count(logging.Handler):\n"
        "    def emit(self, record):\n"
        "        records.append(record.name)\n"
        "root.addHandler(Count())\n" + _DIAGNOSE + "assert root.level == logging.DEBUG\n"
        "assert root.handlers[:-1] == handlers, root.handlers\n"
        "assert not [n for n in records if n.startswith('experta')], len(records)\n"
        "logging.getLogger('experta').warning('still reaches the host')\n"
        "assert records[-1] == 'experta', records\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_host_level_on_the_experta_logger_is_kept():
    proc = _python(
        "import logging\n"
        "logging.getLogger('experta').setLevel(logging.DEBUG)\n"
        "import samenwerkwijzer\n"
        "assert logging.getLogger('experta').level == logging.DEBUG\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_host_whose_own_experta_import_failed_can_still_diagnose():
    proc = _python(
        "try:\n"
        "    import experta  # frozendict 1.2 needs collections.Mapping, which the host lacks\n"
        "except AttributeError:\n"
        "    pass\n"
        "try:\n"
        "    import frozendict\n"
        "except AttributeError:\n"
        "    pass\n" + _DIAGNOSE
    )
    assert proc.returncode == 0, proc.stderr


def test_a_host_that_imported_experta_first_shares_it():
    proc = _python(
        "import collections, collections.abc, logging\n"
        "collections.Mapping = collections.abc.Mapping\n"
        "import experta\n"
        "del collections.Mapping\n" + _DIAGNOSE + "from samenwerkwijzer._experta import KnowledgeEngine\n"
        "assert KnowledgeEngine is experta.KnowledgeEngine\n"
        "assert not hasattr(collections, 'Mapping')\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_broken_experta_is_a_clear_import_error():
    proc = _python(
        "import sys\n"
        "sys.modules['frozendict'] = None  # frozendict missing\n"
        "try:\n"
        "    import samenwerkwijzer\n"
        "except ImportError as exc:\n"
        "    assert 'samenwerkwijzer cannot import Experta' in str(exc), exc\n"
        "    assert 'frozendict' in str(exc)\n"
        "else:\n"
        "    raise SystemExit('imported')\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_jinja2_is_pinned_past_its_security_fixes():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert "jinja2>=3.1.6,<4" in dependencies
