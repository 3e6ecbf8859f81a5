"""The HTML report: the letter of the Markdown version plus the reasoning,
self-contained, escaped, deterministic, and (where Chromium is installed)
rendered on screen and on paper."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from samenwerkwijzer import Advice, case_from_data, diagnose, render_letter
from samenwerkwijzer.cli import app
from samenwerkwijzer.render._html import render_html
from samenwerkwijzer.trainer import explain

from ..conftest import EXAMPLES, TODAY, run, skip_unless_installed

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SUMMARY = "Hoe komen wij hierbij?"


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str, cls: str | None = None) -> list[Node]:
        """Descendants with this tag (and class), in document order."""
        found: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and (cls is None or cls in (child.attrs.get("class") or "").split()):
                    found.append(child)
                found += child.all(tag, cls)
        return found

    def one(self, tag: str, cls: str | None = None) -> Node:
        found = self.all(tag, cls)
        assert len(found) == 1, (tag, cls, len(found))
        return found[0]


class _TreeBuilder(HTMLParser):
    """A strict little DOM: every element must be closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"end tag for void element <{tag}>"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> tuple[Node, str | None]:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], [n.tag for n in builder.stack]
    return builder.root, builder.doctype


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def combined(example) -> Advice:
    return example("gecombineerd")


def test_is_a_complete_dutch_html5_document(combined):
    html = render_html(combined, reasoning=True)
    root, doctype = parse(html)
    assert doctype is not None and doctype.lower() == "doctype html"
    page = root.one("html")
    assert page.attrs["lang"] == "nl"
    assert any(m.attrs.get("charset", "").lower() == "utf-8" for m in root.all("meta"))
    assert root.one("title").text() == f"Advies over het {combined.case.name}"
    assert root.one("h1").text() == root.one("title").text()


def test_has_the_sections_of_the_letter(combined):
    root, _ = parse(render_html(combined, reasoning=True))
    assert [h.text() for h in root.all("h2")] == [
        "In één oogopslag",
        "Het beeld in het kort",
        "Onze diagnose per conditie",
        "Onze prioriteiten",
        "Tot slot",
        "Bijlage A – Uitwerking van de overige interventies",
        "Bijlage B – Bewust niet geadviseerd",
        "Bronnen",
    ]
    h3 = [h.text() for h in root.all("h3")]
    for condition in combined.conditions:
        assert condition.title in h3
    text = _squash(root.text())
    assert "Geachte leden van de stuurgroep," in text
    assert "Met vriendelijke groet," in text and "Marieke de Vries" in text
    for source in combined.sources:
        assert source.title in text
    for suppressed in combined.suppressed:
        assert suppressed.title in text


def test_top_interventions_with_steps_and_quotes_then_the_rest(combined):
    root, _ = parse(render_html(combined, top=3, reasoning=True))
    articles = root.all("article", "intervention")
    assert [a.attrs["id"] for a in articles] == [i.id for i in combined.interventions]
    advice_section = next(s for s in root.all("section") if s.attrs.get("id") == "advies")
    appendix = next(s for s in root.all("section") if s.attrs.get("id") == "bijlage-a")
    assert len(advice_section.all("article")) == 3
    assert len(appendix.all("article")) == len(combined.interventions) - 3
    for intervention, article in zip(combined.interventions, articles, strict=True):
        assert _squash(article.one("h3").text()) == f"{intervention.rank}. {intervention.title}"
        quotes = [_squash(q.one("p").text()) for q in article.all("blockquote")]
        assert quotes == [f"“{_squash(r.quote)}”" for r in intervention.references]
        steps = _squash(article.text())
        for step in intervention.first_steps:
            assert _squash(step) in steps
    for article in articles[:3]:
        assert len(article.one("ol", "steps").all("li")) > 0


def test_every_intervention_has_its_reasoning(combined):
    root, _ = parse(render_html(combined, reasoning=True))
    articles = root.all("article", "intervention")
    assert len(root.all("details")) == len(combined.interventions) == len(articles)
    for article in articles:
        details = article.one("details")
        assert details.one("summary").text() == SUMMARY
        assert "open" not in details.attrs
        [explanation] = explain(combined, article.attrs["id"])
        text = _squash(details.text())
        chain = [r.one("code", "rule-id").text() for r in details.all("li", "rule")]
        assert chain == [step.rule for step in explanation.steps]
        for step in explanation.steps:
            assert step.rule_title in text and step.rule_name in text
        for fact in explanation.case_facts:
            assert fact.path in text and fact.label in text
        for finding in explanation.findings:
            assert finding.id in text and finding.title in text
        assert f"Waarom plaats {explanation.rank} van {explanation.of}?" in text
        assert explanation.tier_title in text


def test_ranking_is_explained_against_the_intervention_above(combined):
    root, _ = parse(render_html(combined, reasoning=True))
    details = [_squash(d.text()) for d in root.all("details")]
    assert "Deze interventie staat bovenaan" in details[0]
    for item, text in zip(combined.interventions, details, strict=False):
        assert _squash(item.placed_by) in text  # what decided the place, from the ranking model
    for above, item, text in zip(combined.interventions, combined.interventions[1:], details[1:], strict=False):
        if not item.serves_with:
            assert f"Deze interventie staat na ‘{above.title}’, omdat" in text


def test_shares_its_sentences_with_the_markdown_letter(example):
    for name in ("gecombineerd", "klimaat-waakzaam", "rollen-onduidelijk", "subsidie-eindigt", "te-veel-partners"):
        advice = example(name)
        letter = render_letter(advice)
        root, _ = parse(render_html(advice, reasoning=True))
        picture = letter.split("## Het beeld in het kort\n")[1].split("\n## ")[0]
        bullets = [line[2:] for line in picture.splitlines() if line.startswith("- ")]
        assert bullets and [li.text() for li in root.one("ul", "situation").all("li")] == bullets
        # The client's HTML letter is the Markdown letter, converted.
        client, _ = parse(render_html(advice))
        text = _squash(client.text())
        for paragraph in letter.split("\n\n"):
            if paragraph[:1].isalpha() and "*" not in paragraph:
                assert _squash(paragraph) in text, paragraph


def test_an_empty_case_reads_well():
    root, _ = parse(render_html(run({}), reasoning=True))
    text = _squash(root.text())
    assert "geen aanleiding voor specifieke interventies" in text
    assert "[naam adviseur]" not in text and "Met vriendelijke groet," in text
    assert root.all("details") == [] and root.all("ul", "situation") == []
    assert "Bijlage" not in text


def test_is_self_contained(combined):
    html = render_html(combined, reasoning=True)
    root, _ = parse(html)
    assert root.all("link") == [] and root.all("img") == [] and root.all("iframe") == []
    for node in root.all("script"):
        assert "src" not in node.attrs
    for tag in ("a", "script", "img", "link", "source", "iframe", "object", "embed", "form"):
        for node in root.all(tag):
            for attr in ("src", "href", "action", "data"):
                value = (node.attrs.get(attr) or "").lower()
                assert not value.startswith(("http:", "https:", "//")), (tag, attr, value)
    assert "http://" not in html and "https://" not in html
    assert "@import" not in html and "url(" not in html
    style = root.one("style").text()
    assert "@media print" in style and "@page" in style
    assert "beforeprint" in root.one("script").text()


def test_case_text_is_escaped():
    evil = "<script>alert(1)</script>"
    case = case_from_data(
        {
            "name": "<b>Kwaad</b> & co",
            "description": 'Een <img src=x onerror="alert(2)"> beschrijving & meer.',
            "addressee": '"de stuurgroep"',
            "advisor": "<i>Advi</i>seur",
            "context": {"domain": "<u>wijk</u>"},
            "partners": [{"name": evil, "kind": "overig", "roles": ["beslisser"]}],
            "observations": {"leadership": {"regie": "onduidelijk"}},
        }
    )
    html = render_html(diagnose(case, today=TODAY), reasoning=True)
    assert "<script>alert" not in html and "alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Kwaad</b>" not in html and "<img" not in html and "<i>Advi" not in html and "<u>wijk" not in html
    root, _ = parse(html)
    assert root.all("img") == [] and root.all("b") == [] and root.all("i") == [] and root.all("u") == []
    [script] = root.all("script")  # only the report's own
    assert "alert" not in script.text()
    text = root.text()
    assert evil in text and "<b>Kwaad</b> & co" in text and '"de stuurgroep"' in text
    assert root.one("title").text() == "Advies over de samenwerking <b>Kwaad</b> & co"


def test_rendering_is_pure_and_deterministic(example):
    advice = example("gecombineerd")
    before = advice.model_dump_json()
    html = render_html(advice, reasoning=True)
    assert render_html(advice, reasoning=True) == html
    assert render_html(example("gecombineerd"), reasoning=True) == html
    assert advice.model_dump_json() == before
    assert html.endswith("</html>\n")


def test_top_works_as_in_the_letter(combined):
    root, _ = parse(render_html(combined, top=1, reasoning=True))
    advice_section = next(s for s in root.all("section") if s.attrs.get("id") == "advies")
    assert len(advice_section.all("article")) == 1
    assert "Dit is de stap die wij u als eerste aanraden" in _squash(advice_section.text())
    with pytest.raises(Exception, match="top is ten minste 1"):
        render_html(combined, top=0, reasoning=True)


def test_cli_writes_the_html_report(tmp_path):
    target = tmp_path / "advies.html"
    args = ["diagnose", str(EXAMPLES / "gecombineerd.yaml"), "--format", "html", "--reasoning", "-o", str(target)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    root, _ = parse(target.read_text(encoding="utf-8"))
    assert len(root.all("details")) > 3
    client = tmp_path / "brief.html"
    letter = ["diagnose", str(EXAMPLES / "gecombineerd.yaml"), "--format", "html", "-o", str(client)]
    assert CliRunner().invoke(app, letter, catch_exceptions=False).exit_code == 0
    page, _ = parse(client.read_text(encoding="utf-8"))
    assert page.all("details") == [] and "Kernboodschap" in page.text()
    again = CliRunner().invoke(app, args, catch_exceptions=False)
    assert again.exit_code == 1 and "bestaat al" in again.output


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        if found := shutil.which(name):
            return found
    return None


def test_chromium_renders_and_prints_the_report(tmp_path, combined):
    chromium = _chromium()
    if chromium is None:
        skip_unless_installed("Chromium")
    report = tmp_path / "advies.html"
    report.write_text(render_html(combined, reasoning=True), encoding="utf-8")
    png, pdf = tmp_path / "advies.png", tmp_path / "advies.pdf"
    base = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    for extra in (
        [f"--screenshot={png}", "--window-size=1200,2000"],
        [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"],
    ):
        done = subprocess.run(
            [*base, *extra, report.as_uri()], capture_output=True, text=True, timeout=180, env=env, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
    pdftotext = shutil.which("pdftotext")
    if pdftotext:  # the printed report shows the reasoning, not only its summary
        printed = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert printed.count(SUMMARY) == len(combined.interventions)
        assert "Regels, van gegevens naar advies".upper() in printed.upper()
        assert printed.upper().count("WAAROM PLAATS") == len(combined.interventions)
    # The client's letter prints on at most five A4 pages.
    letter, letter_pdf = tmp_path / "brief.html", tmp_path / "brief.pdf"
    letter.write_text(render_html(combined), encoding="utf-8")
    printing = [*base, f"--print-to-pdf={letter_pdf}", "--no-pdf-header-footer", letter.as_uri()]
    done = subprocess.run(printing, capture_output=True, text=True, timeout=180, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert 1 <= len(re.findall(rb"/Type\s*/Page(?![s\w])", letter_pdf.read_bytes())) <= 5
