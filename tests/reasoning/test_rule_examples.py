"""Each rule draws exactly the conclusions its examples expect on the cases it
fires on, and stays silent on its near misses.

The examples are data beside the rules, ``rules/<module>/examples.yaml`` (not
installed with the package; see DEVELOPERS.md, "Rule examples")."""

from __future__ import annotations

import functools
import re

import pytest
import yaml

from samenwerkwijzer.authoring._examples import EXAMPLE_DATE, RuleExamples, concluded_by, load_examples
from samenwerkwijzer.authoring._ruledocs import module_name, run_example
from samenwerkwijzer.model._errors import InputError
from samenwerkwijzer.rules import MODULES, PREFIXES, all_rules
from samenwerkwijzer.rules.dsl import Diagnose

from ..conftest import ROOT, fired_rules, run
from ..every import every

EXAMPLES_DIR = ROOT / "rules"
RULES = {r.id: r for r in all_rules()}


@functools.cache
def examples() -> dict[str, RuleExamples]:
    """Read when a test asks, not while every test worker collects this file (``every`` takes the functions
    below and calls them when its test runs)."""
    return load_examples(EXAMPLES_DIR)


def firing() -> list[tuple[str, int]]:
    return [(rule_id, n) for rule_id, ex in sorted(examples().items()) for n in range(len(ex.fires))]


def silent() -> list[tuple[str, int]]:
    return [(rule_id, n) for rule_id, ex in sorted(examples().items()) for n in range(len(ex.silent))]


def test_every_rule_has_examples_in_the_file_of_its_module():
    assert set(examples()) == set(RULES), {
        "without examples": set(RULES) - set(examples()),
        "not a rule": set(examples()) - set(RULES),
    }
    concerns = {p.parent.name for p in EXAMPLES_DIR.glob("*/examples.yaml")}
    assert concerns == {m.__name__.rsplit(".", 1)[1] for m in MODULES}
    for rule_id, ex in examples().items():
        home = module_name(RULES[rule_id])
        assert ex.source.parent.name == home, f"{rule_id} belongs in rules/{home}/examples.yaml"
        assert ex.fires and ex.silent, rule_id


@every(("rule_id", "n"), firing, ids=lambda case: f"{case[0]}-fires-{case[1]}")
def test_rule_fires_and_draws_the_expected_conclusions(rule_id, n):
    example = examples()[rule_id].fires[n]
    concluded = concluded_by(run_example(rule_id, example.case), rule_id)
    assert concluded, f"{rule_id} did not fire on its case {n} (on {EXAMPLE_DATE})"
    assert concluded.as_data() == example.expect.as_data(), f"{rule_id} case {n}: see {examples()[rule_id].location}"


@every(("rule_id", "n"), silent, ids=lambda case: f"{case[0]}-silent-{case[1]}")
def test_rule_stays_silent_on_its_near_miss(rule_id, n):
    assert rule_id not in fired_rules(run_example(rule_id, examples()[rule_id].silent[n]))


def test_rule_ids_carry_their_module_prefix():
    for prefix, module in PREFIXES.items():
        rules = [r for r in all_rules() if (r.module == module.__name__ or r.module.startswith(module.__name__ + "."))]
        assert rules, prefix
        assert all(r.id.startswith(prefix) for r in rules), [r.id for r in rules if not r.id.startswith(prefix)]
    assert set(PREFIXES.values()) == set(MODULES)


def test_each_module_s_findings_live_in_its_own_findings_file():
    """rules/<module>/findings.yaml holds exactly the findings rules/<module>/__init__.py diagnoses."""
    for module in MODULES:
        name = module.__name__.rsplit(".", 1)[1]
        listed = {f["id"] for f in yaml.safe_load((ROOT / "rules" / name / "findings.yaml").read_text())}
        diagnosed = {
            c.finding
            for r in all_rules()
            if (r.module == module.__name__ or r.module.startswith(module.__name__ + "."))
            for c in r.then
            if isinstance(c, Diagnose)
        }
        assert listed == diagnosed, name


def test_interventions_are_filed_by_their_tier():
    for path in sorted((ROOT / "knowledge" / "interventions").glob("*.yaml")):
        assert {i["tier"] for i in yaml.safe_load(path.read_text())} == {path.stem}, path.name


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("ROL001: {fires: [], silent: [{case: {}}]}", "moet een lijst met ten minste één item zijn"),
        ("ROL001: {fires: [{case: {}}], silent: [{case: {}}]}", "precies de sleutels 'case' en 'expect'"),
        ("ROL001: {fires: [{case: {}, expect: {finding: [F]}}], silent: [{case: {}}]}", "onbekende sleutel 'finding'"),
        ("ROL001: {fires: [{case: {}, expect: {findings: [F, F]}}], silent: [{case: {}}]}", "noemt een id twee keer"),
        ("ROL001: {fires: [{case: {name: x}, expect: {findings: [F]}}], silent: [{case: {}}]}", "heeft hier geen naam"),
        ("ROL001: {fires: [{case: {}, expect: {findings: [F]}}], silent: [{}]}", "precies de sleutel 'case'"),
        ("ROL001: {fires: [{case: {}, expect: {findings: [F]}}]}", "precies de sleutels 'fires' en 'silent'"),
    ],
)
def test_malformed_examples_are_refused_naming_file_and_entry(tmp_path, text, problem):
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "examples.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(problem)) as raised:
        load_examples(tmp_path)
    assert "roles/examples.yaml: ROL001" in str(raised.value)


def test_a_rule_id_in_two_files_is_refused(tmp_path):
    text = "ROL001: {fires: [{case: {}, expect: {findings: [F]}}], silent: [{case: {}}]}"
    for name in ("roles", "climate"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "examples.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="staat al in rules/climate/examples.yaml"):
        load_examples(tmp_path)


def test_retired_ids_are_never_reused_and_point_to_a_rule():
    from samenwerkwijzer.rules import RETIRED

    ids = {r.id for r in all_rules()}
    assert RETIRED and not set(RETIRED) & ids
    assert set(RETIRED.values()) <= ids
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    for old, new in RETIRED.items():
        assert f"| {old} | [{new}]({new}.md) |" in index
        assert not (ROOT / "docs" / "rules" / f"{old}.md").exists()


def test_a_rule_with_any_of_fires_once_for_each_alternative_that_holds():
    advice = run(
        {
            "context": {"type": "netwerk"},
            "partners": [{"name": f"P{n}", "kind": "gemeente", "roles": ["uitvoerder"]} for n in range(8)],
            "observations": {"leadership": {"trekker": False, "regie": "onduidelijk"}},
        }
    )
    [finding] = [f for f in advice.findings if f.id == "F-NETWERKLEIDERSCHAP-NIET-BELEGD"]
    assert [(r.rule, r.findings) for r in finding.reasons] == [
        ("ROL008", ["F-GEEN-TREKKER"]),
        ("ROL008", ["F-REGIE-ONDUIDELIJK"]),
    ]


def test_the_dsl_s_holds_and_the_compiled_engine_agree_on_every_rule():
    """Two interpreters of conditions: the Experta patterns that fire rules, and
    ``holds`` that explanations and checks use. Over random facts, a rule fires
    exactly when its conditions hold in the final facts and findings (the engine
    only adds facts, and ``unknown`` only reads case facts)."""
    import random

    from samenwerkwijzer.authoring._kbcheck_witness import random_facts
    from samenwerkwijzer.model._catalogue import load_catalogue
    from samenwerkwijzer.reasoning._rule_book import shared_runner
    from samenwerkwijzer.rules.dsl import holds

    kb, runner, rng = load_catalogue(), shared_runner(), random.Random(7)
    fired_somewhere: set[str] = set()
    for _ in range(100):
        result = runner.run(random_facts(rng, kb))
        facts = {path: value for path, (value, _) in result.facts.items()}
        fired = {f.rule for f in result.firings}
        fired_somewhere |= fired
        for rule in all_rules():
            holding = all(holds(c, facts, result.findings.keys(), kb.threshold) for c in rule.when)
            assert holding == (rule.id in fired), rule.id
    assert len(fired_somewhere) > len(all_rules()) // 2  # the random facts reach most rules


def _doc_problems(doc: str, titles: tuple[str, ...]) -> list[str]:
    """What is wrong with one rule docstring against the fixed form (empty when nothing is)."""
    from samenwerkwijzer.authoring._ruledocs import DOC_HEADINGS, rule_doc

    parsed, problems = rule_doc(doc), []
    if "\n" in doc.strip().partition("\n\n")[0] or not parsed.summary:
        problems.append("no one-line conclusion followed by a blank line")
    if tuple(name for name, _ in parsed.headings) != DOC_HEADINGS:
        problems.append(f"headings {[name for name, _ in parsed.headings]}, not {list(DOC_HEADINGS)} in that order")
    problems += [f"{name!r} is empty" for name, text in parsed.headings if not text]
    if len(parsed.part("Why").split()) < 6:
        problems.append("'Why' has fewer than six words")
    if not any(title in parsed.part("Source") for title in titles):
        problems.append("'Source' names no document title of knowledge/sources.yaml")
    return problems


def test_every_rule_docstring_has_why_source_and_not_when():
    """Like ruff's rule docs: each rule's docstring is a one-line conclusion, then three fixed headings in
    this order, each non-empty: ``Why:`` (at least six words), ``Source:`` (a document title or short title
    of knowledge/sources.yaml) and ``Not when:`` (the guards and suppressions, or what it leaves to other
    rules) (DEVELOPERS.md, "Adding a rule")."""
    from samenwerkwijzer.model._catalogue import load_catalogue

    titles = tuple(t for s in load_catalogue().sources for t in (s.title, s.short))
    wrong = {r.id: problems for r in all_rules() if (problems := _doc_problems(r.doc or "", titles))}
    assert wrong == {}


def test_the_docstring_check_refuses_a_rule_without_not_when():
    """The check above fails on a docstring that lacks a heading, has them out of order, or leaves one empty."""
    titles = ("Common Eye",)
    good = "Climate is as declared.\n\nWhy: with no signs observed, the partners' reading is all there is.\n"
    source = 'Source: Common Eye — "Hoe herken je het?".\n'
    assert _doc_problems(good + source + "Not when: the signs are known.", titles) == []
    assert _doc_problems(good + source, titles) != []
    assert _doc_problems(good + source + "Not when:", titles) != []
    assert _doc_problems(good + "Not when: the signs are known.\n" + source, titles) != []
    assert _doc_problems(good + 'Source: "Hoe herken je het?".\nNot when: x.', titles) != []
