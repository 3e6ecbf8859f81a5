"""The web application's modules stay small enough to read: none over 450 lines (split by responsibility); and
they load at start-up only what every server process needs."""

from __future__ import annotations

import ast

from ..conftest import ROOT

MAX_LINES = 450
# Loaded when used, not at import: Alembic when a database is opened (and migrated), python-docx and Markdown-it
# (through the library's Word, HTML and PDF letters) when a letter or an agenda is downloaded. Together a quarter
# of the web application's import; the letters' part was paid by every server process and test worker.
NOT_AT_START = {"alembic", "docx", "markdown_it"}
LIBRARY_NOT_AT_START = {"render_docx", "render_html", "render_pdf"}


def test_no_web_module_is_over_450_lines():
    long = {
        path.name: n
        for path in sorted((ROOT / "web").glob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


def test_no_web_module_imports_what_only_some_requests_need_at_start_up():
    found = []
    for path in sorted((ROOT / "web").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # the module's own statements, not functions'
            if isinstance(node, ast.Import):
                found += [f"{path.name}: {a.name}" for a in node.names if a.name.split(".")[0] in NOT_AT_START]
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in NOT_AT_START:
                    found.append(f"{path.name}: {node.module}")
                elif node.module == "samenwerkwijzer":
                    found += [f"{path.name}: {a.name}" for a in node.names if a.name in LIBRARY_NOT_AT_START]
    assert found == []


def test_the_forms_limits_are_those_the_case_schema_publishes():
    from samenwerkwijzer import json_schema
    from samenwerkwijzer.web._checks import MAX_RESPONDENTS, MAX_TEXT_CHARS

    schema = json_schema("case")
    assert schema["properties"]["name"]["maxLength"] == MAX_TEXT_CHARS == 10_000
    assert schema["properties"]["respondents"]["maxItems"] == MAX_RESPONDENTS
