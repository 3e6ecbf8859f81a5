"""Rule documentation: a page per rule with real quotes and a real example,
the ``rules`` commands, and the committed ``docs/rules/`` kept up to date."""

from __future__ import annotations

import functools
import json
import re

import pytest
import yaml
from click.testing import CliRunner

import samenwerkwijzer
import samenwerkwijzer.authoring
from samenwerkwijzer.authoring._examples import Expect, FiringCase, RuleExamples, load_examples
from samenwerkwijzer.authoring._ruledoc_pages import GENERATED_MARKER, rule_docs, rule_page
from samenwerkwijzer.authoring._ruledocs import module_name, rule_doc
from samenwerkwijzer.cli import app
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.model._errors import InputError
from samenwerkwijzer.model._source_text import quote_is_in_source
from samenwerkwijzer.rules import all_rules
from samenwerkwijzer.rules.dsl import leaves

from ..conftest import ROOT
from ..every import every

DOCS_DIR = ROOT / "docs" / "rules"
RULES = {r.id: r for r in all_rules()}
KB = load_catalogue()
REFERENCES = {ref.quote: ref for _, ref in KB.references()}
REGENERATE = "samenwerkwijzer rules docs docs/rules"
EXAMPLES = load_examples(ROOT / "rules")
EXAMPLE_HEADINGS = ("Example", "Stays silent when")


@functools.cache
def docs() -> dict[str, str]:
    return rule_docs(EXAMPLES)


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def section(page: str, heading: str) -> str:
    return page.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def yaml_case(text: str) -> dict[str, object]:
    match = re.search(r"```yaml\n(.*?)\n```", text, re.S)
    assert match, text
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def quotes(page: str) -> list[str]:
    """The quoted source passages on a page (not their attribution lines)."""
    return [line[2:] for line in page.splitlines() if line.startswith("> ") and not line.startswith("> — ")]


def test_a_rule_without_examples_is_refused_by_name():
    without = {k: v for k, v in EXAMPLES.items() if k != "ROL001"}
    with pytest.raises(InputError, match=r"ROL001 heeft geen voorbeelden; voeg ze toe aan rules/roles/examples.yaml"):
        rule_page("ROL001", without)


def test_there_is_an_index_and_a_page_per_rule():
    english = {"README.md"} | {f"{rule_id}.md" for rule_id in RULES}
    assert set(docs()) == english | {f"nl/{name}" for name in english}


@every("rule_id", sorted(RULES))
def test_page_names_the_rule_and_quotes_its_sources_verbatim(rule_id):
    rule, page = RULES[rule_id], docs()[f"{rule_id}.md"]
    assert page.startswith(f"# {rule_id} · {rule.name}\n\n{rule.title}\n")
    for heading in ("What it detects", "Why", "Not when", "What it concludes", "Example", "Stays silent when"):
        assert f"\n## {heading}\n" in page
    doc, why = rule_doc(rule.doc), section(page, "Why")
    assert doc.summary in why and doc.part("Why") in why and f"**Source:** {doc.part('Source')}" in why
    assert doc.part("Not when")[1:] in section(page, "Not when")  # the page opens it with a capital
    found = quotes(page)
    assert found, f"{rule_id}: no source quote"
    for quote in found:
        assert quote in REFERENCES, f"{rule_id}: {quote!r} is not a quote in the knowledge"
        assert quote_is_in_source(REFERENCES[quote])
    for cond in leaves(rule.when):
        assert f"`{cond.subject}`" in section(page, "What it detects")


def test_example_shows_what_the_run_concluded():
    page = rule_page("NET101", EXAMPLES)
    example = section(page, "Example")
    assert "- finding `F-TE-VEEL-PARTNERS-VOOR-START`" in example
    assert "withheld intervention `I-NETWERK-VERBREDEN`" in example and "recommended by NET104" in example
    detects = section(page, "What it detects")
    assert "[NET001](NET001.md)" in detects
    assert "Er zijn nu al meer partners" in section(page, "What it concludes")
    assert "`rules/network/examples.yaml` states what NET101 must conclude" in example
    assert yaml_case(example) == {"name": "Voorbeeld NET101", **EXAMPLES["NET101"].fires[0].case}
    assert yaml_case(section(page, "Stays silent when")) == {"name": "Voorbeeld NET101", **EXAMPLES["NET101"].silent[0]}


def test_a_rule_with_several_cases_shows_each_numbered():
    rol001 = EXAMPLES["ROL001"]
    second = {"observations": {"leadership": {"regie": "onduidelijk", "trekker": True}}}
    several = RuleExamples(
        "ROL001",
        rol001.source,
        (*rol001.fires, FiringCase(second, Expect(findings=("F-REGIE-ONDUIDELIJK",)))),
        (*rol001.silent, {}),
    )
    page = rule_page("ROL001", {**EXAMPLES, "ROL001": several})
    example, silent = section(page, "Example"), section(page, "Stays silent when")
    assert "The rule fires on these cases:" in example and "on each case (`expect`)" in example
    assert "### Case 1" in example and "### Case 2" in example and "trekker_has_time" not in example
    assert example.count("and concluded") == 2 and "trekker: true" in example.split("### Case 2")[1]
    assert "near misses:" in silent and "### Case 2" in silent


def test_conditions_are_described_with_labels_and_threshold_values():
    detects = section(rule_page("NET001", EXAMPLES), "What it detects")
    assert (
        "aantal partners (`network.partner_count`) > 5 "
        "(`start_max_partners`: Grootste aantal organisaties om mee te starten)" in detects
    )
    assert "fase (`context.phase`) is one of `verkennen`, `vormgeven`" in detects


def test_index_links_every_rule():
    index = docs()["README.md"]
    for rule_id, rule in RULES.items():
        assert f"| [{rule_id}]({rule_id}.md) | `{rule.name}` | {rule.title} |" in index


def test_generation_is_deterministic():
    assert rule_docs(load_examples(ROOT / "rules")) == docs()


def test_committed_docs_are_up_to_date():
    on_disk = _written(DOCS_DIR)
    expected = docs()
    problems = [f"missing {n}" for n in expected if n not in on_disk]
    problems += [f"stale {n}" for n in expected if n in on_disk and on_disk[n] != expected[n]]
    problems += [f"extra {n}" for n in on_disk if n not in expected]
    assert not problems, f"docs/rules is out of date ({', '.join(sorted(problems))}); run `{REGENERATE}`"


# ---------------------------------------------------------------- CLI


def test_rules_list_text_and_json():
    text = invoke("rules", "list")
    assert text.exit_code == 0
    lines = text.output.splitlines()
    assert [line.split()[0] for line in lines] == sorted(RULES)
    assert lines[0].split(maxsplit=2)[1:] == [RULES[lines[0][:6]].name, RULES[lines[0][:6]].title]
    data = json.loads(invoke("rules", "list", "--format", "json").output)
    assert [item["id"] for item in data] == sorted(RULES)
    net001 = next(item for item in data if item["id"] == "NET001")
    assert net001["module"] == "samenwerkwijzer.rules.network"
    assert net001["conditions"][0].startswith("aantal partners (network.partner_count) > 5 (start_max_partners: ")
    assert net001["conclusions"] == [
        {
            "kind": "diagnose",
            "id": "F-TE-VEEL-PARTNERS-VOOR-START",
            "title": KB.finding["F-TE-VEEL-PARTNERS-VOOR-START"].title,
        }
    ]


def test_rules_show_prints_the_page_for_any_case():
    result = invoke("rules", "show", "rol001")
    assert result.exit_code == 0
    assert result.output == docs()["nl/ROL001.md"]  # Dutch by default, for trainers
    english = invoke("rules", "show", "ROL001", "--lang", "en")
    assert english.exit_code == 0 and english.output == docs()["ROL001.md"]


def test_dutch_pages_have_every_section_in_dutch():
    pages = docs()
    assert {name for name in pages if name.startswith("nl/")} == {f"nl/{name}" for name in pages if "/" not in name}
    page = pages["nl/NET102.md"]
    for heading in ("## Wat de regel signaleert", "## Waarom", "## Wat de regel concludeert", "## Voorbeeld"):
        assert f"\n{heading}\n" in page
    english = {"What it detects", "The rule fires", "What the sources say", "Diagnosing it", "recommends", "severity"}
    assert not [word for word in english if word in page]
    assert RULES["NET102"].doc.splitlines()[0] not in page  # the English docstring stays on the English page
    assert "Wat de bronnen zeggen:" in page and "[alle regels](README.md)" in page
    assert pages["nl/README.md"].startswith("# Regels\n")


@pytest.mark.parametrize(("given", "suggested"), [("ROL0001", "ROL001"), ("net1o1", "NET101")])
def test_rules_show_unknown_id_exits_2_with_did_you_mean(given, suggested):
    result = invoke("rules", "show", given)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert f"onbekende regel '{given}'" in result.output and f"bedoelt u {suggested}" in result.output


@pytest.mark.parametrize("command", [[], ["list"], ["show"], ["docs"]])
def test_every_rules_command_has_help(command):
    result = invoke("rules", *command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.fixture
def generated_once(monkeypatch):
    """``rules docs`` given the pages of docs() when it reads the same examples: a generation gives
    the same pages every time (test_generation_is_deterministic), and the command generates on each
    run. For other examples it generates them as ever."""
    generate = samenwerkwijzer.rule_docs

    def rule_docs(examples):
        return dict(docs()) if examples == EXAMPLES else generate(examples)

    # The command imports it from the authoring face when it runs (cli/_rules.py); the core face re-exports it.
    monkeypatch.setattr(samenwerkwijzer.authoring, "rule_docs", rule_docs)
    monkeypatch.setattr(samenwerkwijzer, "rule_docs", rule_docs)


def test_rules_docs_writes_checks_and_removes_stale_pages(tmp_path, generated_once):
    target = tmp_path / "rules"
    assert invoke("rules", "docs", str(target), "--check").exit_code == 1
    assert not target.exists()
    assert invoke("rules", "docs", str(target)).exit_code == 0
    assert _written(target) == docs()
    assert invoke("rules", "docs", str(target), "--check").exit_code == 0

    (target / "ROL001.md").write_text("verouderd\n" + GENERATED_MARKER + "\n", encoding="utf-8")
    (target / "XYZ001.md").write_text("# XYZ001\n" + GENERATED_MARKER + "\n", encoding="utf-8")
    (target / "AMB001.md").unlink()
    check = invoke("rules", "docs", str(target), "--check")
    assert check.exit_code == 1
    for line in ("stale", "ROL001.md"), ("extra", "XYZ001.md"), ("missing", "AMB001.md"):
        assert any(all(word in out for word in line) for out in check.output.splitlines()), line
    assert "samenwerkwijzer rules docs" in check.output
    assert (target / "ROL001.md").read_text(encoding="utf-8").startswith("verouderd")  # --check wrote nothing

    assert invoke("rules", "docs", str(target)).exit_code == 0
    assert _written(target) == docs()


def _written(target):
    return {p.relative_to(target).as_posix(): p.read_text(encoding="utf-8") for p in target.rglob("*.md")}


def test_rules_docs_refuses_to_replace_files_it_did_not_write(tmp_path, generated_once):
    (tmp_path / "README.md").write_text("# Mijn project\n", encoding="utf-8")
    (tmp_path / "NOTES.md").write_text("aantekeningen\n", encoding="utf-8")
    refused = invoke("rules", "docs", str(tmp_path))
    assert refused.exit_code == 1 and "--force" in refused.output
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Mijn project\n"
    assert (tmp_path / "NOTES.md").exists() and not (tmp_path / "ROL001.md").exists()
    assert invoke("rules", "docs", str(tmp_path), "--force").exit_code == 0
    assert not (tmp_path / "NOTES.md").exists()
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == docs()["README.md"]


# ---------------------------------------------------------------- an installed package has no examples


def test_without_examples_a_page_says_where_they_live(monkeypatch):
    monkeypatch.setattr(samenwerkwijzer.authoring, "examples_folder", lambda: None)  # the CLI reads it from here
    result = invoke("rules", "show", "ROL001", "--lang", "en")
    assert result.exit_code == 0
    page = result.output
    for heading in EXAMPLE_HEADINGS:
        assert f"\n## {heading}\n" not in page
    note = [line for line in page.splitlines() if "rules/roles/examples.yaml" in line]
    assert len(note) == 1 and "not installed" in note[0]
    assert page.split(note[0])[0] == docs()["ROL001.md"].split("## Example")[0]
    assert page.rstrip().endswith(GENERATED_MARKER)


def test_without_examples_rules_docs_refuses(monkeypatch, tmp_path):
    monkeypatch.setattr(samenwerkwijzer.authoring, "examples_folder", lambda: None)  # the CLI reads it from here
    result = invoke("rules", "docs", str(tmp_path / "rules"))
    assert result.exit_code == 1
    assert "rules/<concern>/examples.yaml" in result.output and "checkout van de broncode" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "rules").exists()


def test_the_index_lists_each_intervention_with_the_concerns_whose_rules_recommend_it():
    from samenwerkwijzer.authoring._ruledocs import intervention_concerns
    from samenwerkwijzer.model._catalogue import load_catalogue
    from samenwerkwijzer.rules import all_rules
    from samenwerkwijzer.rules.dsl import Recommend

    by = intervention_concerns()
    assert set(by) == {i.id for i in load_catalogue().interventions}  # every intervention has a recommending rule
    for rule in all_rules():
        for c in rule.then:
            if isinstance(c, Recommend):
                assert rule.id in by[c.intervention][module_name(rule)]
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    row = next(line for line in index.splitlines() if line.startswith("| I-TREKKER-AANWIJZEN |"))
    assert "`roles`" in row and "[ROL102](ROL102.md)" in row


def test_each_concern_folder_has_its_generated_page_linking_every_rule_to_its_page():
    """Issue 20, acceptance 1: from the root, rules/<concern>/ holds the rules, findings, suppression sentences,
    examples and a page that links each rule's generated page: two steps to each."""
    from samenwerkwijzer.authoring import concern_pages
    from samenwerkwijzer.cli._rules import changes

    expected = concern_pages()
    assert changes(ROOT / "rules", expected) == [], f"run `{REGENERATE}`"
    for rule in all_rules():
        concern = module_name(rule)
        page = expected[f"{concern}/README.md"]
        assert f"(../../docs/rules/{rule.id}.md)" in page and (DOCS_DIR / f"{rule.id}.md").is_file()
        for data in ("__init__.py", "findings.yaml", "examples.yaml"):
            assert (ROOT / "rules" / concern / data).is_file()
