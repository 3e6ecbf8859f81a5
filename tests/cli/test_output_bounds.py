"""Hardening of the output side: write errors, -o edge cases, case text that
tries to become structure or terminal control, Experta's logging and import
order, the jinja2 pin (review items 12, 13, 16, 17)."""

from __future__ import annotations

import errno
import io
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from samenwerkwijzer import render_html, render_letter
from samenwerkwijzer.cli import _files, app
from samenwerkwijzer.cli._app import atomic_output, emit
from samenwerkwijzer.render._docx import render_docx
from samenwerkwijzer.render._letter import markdown_inline, strip_control

from ..conftest import EXAMPLES, ROOT, run

COMBINED = str(EXAMPLES / "gecombineerd.yaml")
CLI = [sys.executable, "-m", "samenwerkwijzer.cli"]


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(_files.TEMP_SUFFIX))


# 12. Write errors: one paragraph, exit 1, no partial target, no temporary file


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_file_too_large_is_a_clear_error(tmp_path):
    target = tmp_path / "advies.md"
    proc = subprocess.run(
        [*CLI, "diagnose", COMBINED, "--format", "json", "-o", str(target)],  # the advice: well over 8 kB
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=_limit_file_size,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == f"samenwerkwijzer: kan {target} niet schrijven (het bestand wordt te groot)\n"
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_full_disk_is_a_clear_error(tmp_path, monkeypatch):
    def full(self, s):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(_files._CleanText, "write", full)
    target = tmp_path / "advies.md"
    result = invoke("diagnose", COMBINED, "-o", str(target))
    assert result.exit_code == 1
    assert result.output == f"samenwerkwijzer: kan {target} niet schrijven (de schijf is vol)\n"
    assert list(tmp_path.iterdir()) == []


def test_full_disk_on_standard_output_is_a_clear_error():
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*CLI, "diagnose", COMBINED], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stderr == "samenwerkwijzer: kan niet naar standaarduitvoer schrijven (de schijf is vol)\n"


def test_a_reader_that_goes_away_is_no_traceback():
    read, write = os.pipe()
    os.close(read)  # like `| head -1` that has already stopped reading
    try:
        proc = subprocess.run([*CLI, "diagnose", COMBINED], stdout=write, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    finally:
        os.close(write)
    assert proc.returncode == 1
    assert proc.stderr == ""


def test_closed_standard_output_is_a_clear_error():
    proc = subprocess.run(
        [*CLI, "diagnose", COMBINED], stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=lambda: os.close(1)
    )
    assert proc.returncode == 1
    assert proc.stderr == "samenwerkwijzer: kan niet naar standaarduitvoer schrijven: die is gesloten\n"


# 13. -o edge cases


def test_a_dangling_symlink_counts_as_existing(tmp_path):
    link = tmp_path / "advies.md"
    link.symlink_to(tmp_path / "elders.md")
    refused = invoke("diagnose", COMBINED, "-o", str(link))
    assert refused.exit_code == 1 and "bestaat al (een symbolische koppeling)" in refused.output
    forced = invoke("diagnose", COMBINED, "-o", str(link), "--force")
    assert forced.exit_code == 1 and "dat niet bestaat; die wordt niet gevolgd" in forced.output
    assert link.is_symlink() and not (tmp_path / "elders.md").exists()
    assert leftovers(tmp_path) == []


def test_force_writes_through_a_symlink_to_a_regular_file(tmp_path):
    real = tmp_path / "echt.md"
    real.write_text("oud", encoding="utf-8")
    link = tmp_path / "advies.md"
    link.symlink_to(real)
    assert invoke("diagnose", COMBINED, "-o", str(link)).exit_code == 1
    assert real.read_text(encoding="utf-8") == "oud"
    assert invoke("diagnose", COMBINED, "-o", str(link), "--force").exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# Advies")


def test_a_symlink_to_a_non_regular_file_is_refused_even_with_force(tmp_path):
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    link = tmp_path / "advies.md"
    link.symlink_to(fifo)
    result = invoke("diagnose", COMBINED, "-o", str(link), "--force")
    assert result.exit_code == 1 and "een benoemde pijp (FIFO)" in result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink()


def test_a_fifo_is_never_replaced(tmp_path):
    fifo = tmp_path / "advies.md"
    os.mkfifo(fifo)
    for extra in ([], ["--force"]):
        result = invoke("diagnose", COMBINED, "-o", str(fifo), *extra)
        assert (
            result.exit_code == 1
            and "is een benoemde pijp (FIFO); dat wordt niet door een bestand vervangen" in result.output
        )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_devices_are_refused_with_a_hint(device):
    before = os.stat("/dev/null")
    result = invoke("diagnose", COMBINED, "-o", device, "--force")
    assert result.exit_code == 1
    assert "geen gewoon bestand" in result.output and "-o - of laat -o weg" in result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_dash_is_standard_output():
    result = invoke("diagnose", COMBINED, "-o", "-")
    assert result.exit_code == 0 and result.output.startswith("# Advies")
    assert not Path("-").exists()


def test_batch_style_dash_writes_standard_output():
    runner = CliRunner()
    with runner.isolation() as (out, _err, *_), atomic_output(_files.STDOUT, force=False) as handle:
        handle.write("tekst\x1b[31m\n")
    assert out.getvalue() == b"tekst\n"


def test_a_name_ending_in_a_separator_is_refused(tmp_path):
    result = invoke("diagnose", COMBINED, "-o", f"{tmp_path}/nieuwemap/")
    assert result.exit_code == 2 and "is een map" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_existing_directory_is_refused(tmp_path):
    result = invoke("diagnose", COMBINED, "-o", str(tmp_path))
    assert result.exit_code == 2 and "directory" in result.output


def test_an_empty_name_is_refused():
    result = invoke("diagnose", COMBINED, "-o", "")
    assert result.exit_code == 2 and "de bestandsnaam is leeg" in result.output
    assert "bestaat al" not in result.output


def test_temporary_files_have_a_recognisable_name_with_the_pid(tmp_path, monkeypatch):
    seen: list[str] = []
    original = _files._CleanText.write

    def spy(self, s):
        seen.extend(os.listdir(tmp_path))
        return original(self, s)

    monkeypatch.setattr(_files._CleanText, "write", spy)
    assert invoke("diagnose", COMBINED, "-o", str(tmp_path / "advies.md")).exit_code == 0
    assert seen and all(re.fullmatch(rf"\.advies\.md\.{os.getpid()}\.\w+\.swwtmp", name) for name in seen)
    assert os.listdir(tmp_path) == ["advies.md"]


def test_stale_temporary_files_are_removed_on_the_next_write(tmp_path):
    dead_pid = 2**22 + 12345  # above the kernel's pid_max default: never running
    dead = tmp_path / f".advies.md.{dead_pid}.abc123.swwtmp"
    old = tmp_path / ".advies.md.1.def456.swwtmp"  # pid 1 runs, but the file is old
    fresh = tmp_path / ".advies.md.1.ghi789.swwtmp"  # another writer, still at work
    other = tmp_path / ".ander.md.99999999.abc.swwtmp"
    unrelated = tmp_path / ".advies.md.notities"
    for path in (dead, old, fresh, other, unrelated):
        path.write_text("x", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert invoke("diagnose", COMBINED, "-o", str(tmp_path / "advies.md")).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["advies.md", fresh.name, other.name, unrelated.name])


def test_the_file_is_synced_before_the_rename_and_the_directory_after(tmp_path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(a, b):
        events.append("replace")
        real_replace(a, b)

    monkeypatch.setattr(_files.os, "fsync", fsync)
    monkeypatch.setattr(_files.os, "replace", replace)
    assert invoke("diagnose", COMBINED, "-o", str(tmp_path / "advies.md")).exit_code == 0
    assert events == ["fsync file", "replace", "fsync dir"]


def test_an_interrupted_write_leaves_no_target_and_no_temporary_file(tmp_path):
    target = tmp_path / "advies.md"
    with pytest.raises(KeyboardInterrupt), atomic_output(target, force=False) as handle:
        handle.write("half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


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
    # An observed problem, so that the description is the picture's own paragraphs (not the kernboodschap's opening).
    "observations": {"network": {"roles_missing": ["financier", "gebruiker"]}},
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
    assert "Jan  \n\\===" in letter
    assert [t.tag for t in _tokens(letter) if t.type == "heading_open"].count("h1") == 1


def test_case_text_is_text_in_the_word_letter():
    document = docx.Document(io.BytesIO(render_docx(_hostile_advice())))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert [text for style, text in styles if style == "Betreft"] == [
        "Betreft: Advies over de samenwerking Zorg & <b>Welzijn</b> *vet*"
    ]
    headings = {text for style, text in styles if style.startswith("Heading")}
    assert not headings & {"Kop", "Geachte"}
    assert ("Normal", "# Kop") in styles
    assert len(document.tables) == 1
    text = "\n".join(t for _, t in styles)
    assert "<img src=x onerror=alert(1)>" in text and "[klik hier](https://evil.example)" in text
    assert "Bureau Samen" in text and "gekaapt" not in text
    assert document.core_properties.title.startswith("Advies over de samenwerking Zorg & <b>")


def test_case_text_is_text_in_the_html_letter():
    html = render_html(_hostile_advice())
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert(1)" not in html and "<b>Welzijn" not in html
    assert "Zorg &amp; &lt;b&gt;Welzijn" in html and "&amp;lt;" not in html  # escaped once
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", html)


def test_knowledge_texts_are_not_escaped(example):
    # gecombineerd's passages are all cited by number (its text and steps say them); subsidie-eindigt prints one.
    letters = [render_letter(example(name)) for name in ("gecombineerd", "subsidie-eindigt")]
    assert all("\\" not in letter for letter in letters)  # nothing from the knowledge or the Dutch is escaped
    assert any("“" in letter for letter in letters) and all("‘" in letter for letter in letters)


@pytest.mark.parametrize(
    "text", ["maatschappelijke_organisatie", "GGD-regio Oost 2.0", "Zorg & Welzijn", "A.B. (Bureau) 'citaat' \"x\""]
)
def test_ordinary_case_text_is_not_escaped(text):
    assert markdown_inline(text) == text


def test_strip_control_keeps_text_tabs_and_newlines():
    assert strip_control("a\x1b]0;titel\x07b\x1b[1;31mc\x1b[0m\td\ne\x9b2Jf\x1bcg\x00h") == "abc\td\nefgh"
    assert strip_control("niets\x1b]0;onafgesloten rest") == "niets0;onafgesloten rest"  # never eats the rest


def test_the_cli_strips_terminal_control_from_output_and_files(tmp_path):
    runner = CliRunner()
    with runner.isolation() as (out, _err, *_):
        emit("titel\x1b]0;gekaapt\x07 en \x1b[2Jscherm\n", None, force=False)
    assert out.getvalue() == b"titel en scherm\n"
    target = tmp_path / "uit.txt"
    emit("a\x1b]0;gekaapt\x07b\x9b31m\n", target, force=False)
    assert target.read_text(encoding="utf-8") == "ab\n"


def test_the_cli_prints_no_terminal_control_from_a_case(tmp_path):
    case = tmp_path / "casus.yaml"
    case.write_text('name: "A\\e]0;gekaapt\\aB"\ndescription: "\\e[2Jweg"\n', encoding="utf-8")
    proc = subprocess.run([*CLI, "diagnose", str(case)], capture_output=True, cwd=ROOT)
    assert proc.returncode in (0, 2)  # 2 when the input validation refuses control characters
    assert b"\x1b" not in proc.stdout + proc.stderr and b"\x07" not in proc.stdout + proc.stderr
    assert b"Traceback" not in proc.stderr


def test_error_messages_carry_no_terminal_control(tmp_path):
    result = invoke("diagnose", str(tmp_path / "geen\x1b]0;x\x07.yaml"))
    assert result.exit_code == 2 and "\x1b" not in result.output and "\x07" not in result.output


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
        "del collections.Mapping\n"
        + _DIAGNOSE
        + "from samenwerkwijzer.reasoning.experta._experta import KnowledgeEngine\n"
        "assert KnowledgeEngine is experta.KnowledgeEngine\n"
        "assert not hasattr(collections, 'Mapping')\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_broken_experta_is_a_clear_import_error():
    proc = _python(
        "import sys\n"
        "sys.modules['frozendict'] = None  # frozendict missing\n"
        "import samenwerkwijzer  # loads its names on first use\n"
        "try:\n"
        "    samenwerkwijzer.diagnose\n"
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


def test_a_word_letter_goes_to_standard_output_only_into_a_pipe():
    result = CliRunner().invoke(app, ["diagnose", COMBINED, "--format", "docx", "-o", "-"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert docx.Document(io.BytesIO(result.stdout_bytes)).paragraphs[0].style.name == "Adres"


def test_everything_a_command_prints_is_cleaned(monkeypatch):
    # step prints with click.echo itself, not through emit.
    import samenwerkwijzer.trainer._text_views as reports

    hostile = lambda step, ids: "regel\x1b]0;gekaapt\x07 \x1b[2Jgevuurd\n"  # noqa: E731
    monkeypatch.setattr(reports, "format_story_step", hostile)
    import samenwerkwijzer.trainer

    monkeypatch.setattr(samenwerkwijzer.trainer, "format_story_step", hostile)  # where the CLI reads it
    result = invoke("step", COMBINED, "--steps", "1")
    assert result.exit_code == 0 and result.output.startswith("regel gevuurd\n")
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_click_usage_errors_carry_no_terminal_control():
    result = invoke("batch", "geen\x1b]0;gekaapt\x07map")
    assert result.exit_code == 2 and "\x1b" not in result.output and "\x07" not in result.output
