"""The expert panel (tests/panel/): the scorer counts correctly, every panel case is a valid
case file built from verbatim passages with expectations naming known interventions, and
the shipped rules reach the acceptance threshold of issue 11."""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from samenwerkwijzer import Advice, InputError, KnowledgeBaseError
from samenwerkwijzer.authoring import panel_folder, score_panel
from samenwerkwijzer.authoring._panel import (
    EXPECT_SUFFIX,
    PANEL_DATE,
    Expectation,
    PanelCase,
    PanelScore,
    load_panel,
    load_panel_case,
    retired_interventions,
    score_ranking,
    summarise,
)
from samenwerkwijzer.cli import app
from samenwerkwijzer.model._case import Case
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.model._source_text import quote_is_in_source
from samenwerkwijzer.model._vocabulary import Reference
from samenwerkwijzer.reasoning._rule_book import RuleBook

from ..every import every
from ..render.test_letter_defect_classes import advice_of, panel_items

PANEL = Path(__file__).parents[1] / "panel"
CASES = sorted(p for p in PANEL.glob("*.yaml") if not p.name.endswith((EXPECT_SUFFIX, ".answers.yaml")))
# The recall each group of the panel must keep through the intake (the goal is 0.90 for both;
# these floors are what the shipped rules reach today and may only go up). The held-out group was written by
# someone who never saw the rules' work and measured once before anyone worked from it (0.69, then 0.67 after the
# recall work, 0.82 after a second round that read its misses); its floor is what it measures. The second
# held-out group (holdout2) was written the same way while the rules were being improved elsewhere, and measured
# blind twice: 0.54 (21 of 39 MUST themes; 2 MUST-NOT hits) before and after that second round (0.72 after a
# third round that read its misses). The third held-out group (holdout3, eight new published cases) was written the
# same way and measured blind on the rules of rounds three and four: 0.52 (14 of 27 MUST themes; no MUST-NOT hit);
# its floor is that, rounded down to 0.05. The fourth held-out group (holdout4, twelve new published cases) was written
# the same way (expectations committed before encoding) and measured blind once: 0.61 (22 of 36 MUST themes; no
# MUST-NOT hit); its floor is that, rounded down to 0.05, raised to 0.63 after a round that read holdout3's and
# holdout4's misses (0.64). The fifth held-out group (holdout5, twelve new published cases, expectations committed
# before encoding) was measured blind once on the rules of that round: 0.61 (22 of 36 MUST themes; no MUST-NOT hit;
# the rules before that round: 0.64); its floor is 0.60. The sixth held-out group (holdout6, twelve more published
# cases, written the same way) was measured blind once on the rules of the round after that: 0.58 (21 of 36; no
# MUST-NOT hit; the same 0.58 on the rules of before either round); its floor is 0.55. The seventh held-out group
# (holdout7, twelve more published cases, written the same way by a helper who never ran the engine on them) was
# measured blind once, on the rules with the interests advice (SIT057) and the board-support checklist item: 0.70
# (26 of 37; no MUST-NOT hit; the rules of before that round also 0.70); its floor is 0.70. The floors of the
# other groups were raised to what the rules of 7 December reach, and every `first` is at place one. The eighth
# held-out group (holdout8, twelve more published cases, written the same way, its encoder answering the new
# question what the collaboration itself asks advice on where the page says it) was measured blind once, on the rules
# with that question: 0.72 (26 of 36; no MUST-NOT hit; the same 0.72 with its answers to the question left out); 0.75
# once the question ranks with the situation's advice. The other groups' answers files then got the question too, by a
# helper who saw only each case's facts (69 of 157 files): holdout2 fell from 0.72 to 0.64 and holdout3 from 0.59 to
# 0.56 (15 of 27; their questions' advice takes a place in the top that an expected theme had), and once a case with
# no observed problem has its question answered first (a question about the form answered by the content first),
# holdout4 0.67 (24 of 36) and holdout6 0.64 (23 of 36); the floors follow. The ninth held-out group (holdout9,
# eleven more published cases, written the same way, its encoder answering the question where the page says it) was
# measured blind once, on the rules of the end of the sixth session: 0.47 (16 of 34; no MUST-NOT hit; 0.53 with its
# answers to the question left out, and 0.53 on the rules of the session's start); its floor is 0.47. The tenth
# held-out group (holdout10, ten more published cases, five of them in the social domain and three from rekenkamer
# or evaluation reports) was measured blind once, on the rules of 24338f9 (seventh session): 0.62 (20 of 32; no
# MUST-NOT hit); 0.66 once a competition the checklist names is advised on while nobody says whether it was discussed
# (SIT058, which also gained a theme of holdout4; 21 of 32), 0.69 once the intake can say that policy and
# execution do not reach each other (NET009; its Barendrecht encoder named it as not enterable); its floor is 0.68.
# The eleventh held-out group (holdout11, ten more published cases, written the same way by a helper who never ran
# the engine on them, after those rules had landed) was measured blind once, on the rules of 9605ee8: 0.72 (23 of
# 32; no MUST-NOT hit; six of its nine misses at places six to nine); its floor is 0.71. The twelfth held-out group
# (holdout12, ten more published cases: five going well, four starting, two ending; written the same way) was
# measured blind once, on the rules of 33e91e6 (eighth session): 0.66 (19 of 29; no MUST-NOT hit; eight of its ten
# misses ranked at places six to seventeen, two never advised); its floor is 0.65. The thirteenth (holdout13, twelve
# more: two integral, five in care, ten going well or unremarkable, from provinces little used before) was measured
# blind once, on the rules of ac40123 (eighth session): 0.61 (22 of 36; no MUST-NOT hit; eight of its fourteen misses
# ranked at places six to eleven, six never advised); its floor is 0.60. The fourteenth (holdout14, ten more: youth and
# education, housing, municipality with companies, three from evaluation or audit-office reports) was measured blind
# once, on the rules of 8ba8a97 (eighth session, after those below): 0.73 (22 of 30; no MUST-NOT hit; seven of its
# eight misses ranked at places six to fourteen); its floor is 0.72. The real cases' floor fell from 0.75 to 0.73
# in the same session, by one change measured over the whole panel: a collaboration whose results are visible or
# evaluated is advised to share and celebrate its successes at severity midden (it was laag, ranking six to twelve
# as the last of the situation's advice): nine themes gained across seven groups, five lost, two of them real and one
# of holdout10 (whose floor fell from 0.68 to 0.65 with it).
RECALL_FLOOR = {
    "": 0.91,
    "real": 0.73,
    "holdout": 0.84,
    "holdout2": 0.64,
    "holdout3": 0.55,
    "holdout4": 0.69,
    "holdout5": 0.69,
    "holdout6": 0.63,
    "holdout7": 0.70,
    "holdout8": 0.75,
    "holdout9": 0.47,
    "holdout10": 0.65,
    "holdout11": 0.71,
    "holdout12": 0.65,
    "holdout13": 0.60,
    "holdout14": 0.72,
}
MUST_NOT_CEILING = 0
FIRSTS_MISSED_CEILING = 0
QUOTE = re.compile(r"#\s+(\d{3}) “(.+?)” \(")


def _expectation(data: dict[str, object]) -> Expectation:
    return Expectation.model_validate({"written_before_running": True, **data})


EXPECT = _expectation(
    {
        "must": [
            {"theme": "de-escaleren", "ids": ["I-A", "I-B"], "first": True, "why": "eerst"},
            {"theme": "plan", "ids": ["I-C"], "why": "urgent"},
            {"theme": "ver weg", "ids": ["I-D"], "why": "laag"},
        ],
        "must_not": [
            {"theme": "verbreden", "ids": ["I-X"], "why": "nooit"},
            {"theme": "niet in de top", "ids": ["I-Y"], "within": 2, "why": "later mag"},
        ],
    }
)


# The scorer, on synthetic rankings


def test_recall_counts_a_theme_once_when_any_of_its_ids_is_in_the_top():
    score = score_ranking("c", "C", ["I-B", "I-A", "I-C", "I-E", "I-F", "I-D"], EXPECT, top=5)
    assert [(t.theme, t.place, t.id, t.found) for t in score.must] == [
        ("de-escaleren", 1, "I-B", True),
        ("plan", 3, "I-C", True),
        ("ver weg", 6, "I-D", False),
    ]
    assert score.found == 2
    assert score.top == ["I-B", "I-A", "I-C", "I-E", "I-F"]


def test_a_theme_that_is_not_advised_has_no_place():
    score = score_ranking("c", "C", ["I-E"], EXPECT)
    assert [t.place for t in score.must] == [None, None, None]
    assert score.found == 0


def test_must_not_counts_anywhere_unless_bounded_by_within():
    anywhere = score_ranking("c", "C", ["I-A", "I-C", "I-D", "I-E", "I-F", "I-G", "I-X", "I-Y"], EXPECT)
    assert [(h.theme, h.id, h.place) for h in anywhere.must_not_hits] == [("verbreden", "I-X", 7)]
    inside = score_ranking("c", "C", ["I-Y", "I-A"], EXPECT)
    assert [(h.theme, h.place) for h in inside.must_not_hits] == [("niet in de top", 1)]


def test_first_themes_count_only_at_place_one():
    at_one = summarise([score_ranking("a", "A", ["I-A", "I-C"], EXPECT)])
    at_two = summarise([score_ranking("b", "B", ["I-C", "I-A"], EXPECT)])
    assert (at_one.firsts, at_one.firsts_at_one) == (1, 1)
    assert (at_two.firsts, at_two.firsts_at_one) == (1, 0)
    assert at_two.recall == pytest.approx(2 / 3)


def test_totals_and_the_acceptance_verdict():
    good = score_ranking("a", "A", ["I-A", "I-C", "I-D"], EXPECT)
    bad = score_ranking("b", "B", ["I-C", "I-A", "I-X"], EXPECT)
    assert summarise([good]).passes
    total = summarise([good, bad])
    assert (total.must_total, total.must_found, total.must_not_hits) == (6, 5, 1)
    assert total.recall == pytest.approx(5 / 6)
    assert not total.passes


def test_retired_ids_count_as_their_survivor():
    score = score_ranking("c", "C", ["I-NEW"], EXPECT, retired={"I-B": "I-NEW", "I-X": "I-NEW"})
    assert score.must[0].id == "I-NEW" and score.must[0].place == 1
    assert [h.id for h in score.must_not_hits] == ["I-NEW"]


def test_the_retired_file_is_followed_through_chains(tmp_path):
    retired = tmp_path / "retired.yaml"
    assert retired_interventions(retired) == {}
    retired.write_text("interventions:\n  I-A: I-B\n  I-B: I-C\n", encoding="utf-8")
    assert retired_interventions(retired) == {"I-A": "I-C", "I-B": "I-C"}
    retired.write_text("interventions:\n  I-A: I-B\n  I-B: I-A\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="kring"):
        retired_interventions(retired)
    retired.write_text("interventions: [I-A]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="koppelt elke vervallen id"):
        retired_interventions(retired)


def test_the_loader_refuses_a_case_without_expectations_and_unknown_ids(tmp_path):
    (tmp_path / "a.yaml").write_text("name: A\n", encoding="utf-8")
    with pytest.raises(InputError, match="alleen: a"):
        load_panel(tmp_path)
    (tmp_path / f"a{EXPECT_SUFFIX}").write_text(
        "written_before_running: true\nmust:\n- {theme: t, ids: [I-BESTAAT-NIET], why: w}\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="I-BESTAAT-NIET"):
        load_panel(tmp_path)
    (tmp_path / f"a{EXPECT_SUFFIX}").write_text("must: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="written_before_running"):
        load_panel(tmp_path)


def test_the_whole_path_scores_a_small_panel(tmp_path):
    (tmp_path / "conflict.yaml").write_text(
        "name: Conflict\nobservations:\n  climate: {declared: conflict}\n", encoding="utf-8"
    )
    (tmp_path / f"conflict{EXPECT_SUFFIX}").write_text(
        "written_before_running: true\n"
        "must:\n- {theme: de-escaleren, ids: [I-DE-ESCALEREN, I-NEGATIEF-POSITIEF-FORMULEREN], why: w}\n"
        "must_not:\n- {theme: vriendschappelijk, ids: [I-REGELMATIGE-REFLECTIE], within: 1, why: w}\n",
        encoding="utf-8",
    )
    score = score_panel(tmp_path)
    assert [c.case for c in score.cases] == ["conflict"]
    assert score.recall == 1.0 and score.must_not_hits == 0


# The panel files


def test_the_panel_has_at_least_thirty_cases_each_with_its_expectations(tmp_path):
    assert len(CASES) >= 30
    assert {p.stem for p in CASES} == {p.name.removesuffix(EXPECT_SUFFIX) for p in PANEL.glob(f"*{EXPECT_SUFFIX}")}
    # Found where the user works (a checkout), never beside the installed code.
    assert panel_folder(PANEL.parent.parent) == PANEL.resolve()
    assert panel_folder(tmp_path) is None


def test_every_panel_file_loads_and_names_only_known_interventions():
    known = {i.id for i in load_catalogue().interventions} | set(retired_interventions())
    panel = load_panel(PANEL)  # refuses unknown ids itself; checked again here, plainly
    assert len([item for item in panel if item.group == ""]) == len(CASES)
    assert {item.group for item in panel} == set(RECALL_FLOOR)  # every group has its floor, and only those
    for item in panel:
        case = load_panel_case(item)  # every case through the intake, when it has an answers file
        assert case.name
        assert item.expectation.named_ids() <= known, (item.case, sorted(item.expectation.named_ids() - known))
    assert all(item.entered == "intake" for item in panel), [i.case for i in panel if i.entered != "intake"]


# The published cases, by group, and how many each group holds at least.
_PUBLISHED = {"real": 20, "holdout": 10, "holdout2": 10, "holdout3": 8, "holdout4": 12, "holdout5": 12, "holdout6": 12}
_PUBLISHED |= {"holdout7": 12, "holdout8": 12, "holdout9": 11, "holdout10": 10, "holdout11": 10}
_PUBLISHED |= {"holdout12": 10, "holdout13": 12, "holdout14": 10}


@pytest.mark.parametrize(("folder", "least"), [(PANEL / g, n) for g, n in _PUBLISHED.items()], ids=list(_PUBLISHED))
def test_every_real_case_names_its_published_source_and_was_expected_before_it_was_encoded(folder, least):
    cases = sorted(folder.glob("*.answers.yaml"))
    assert len(cases) >= least
    for path in cases:
        header = path.read_text(encoding="utf-8").split("\nname:")[0]
        assert re.search(r"#\s*Bron:\s*https?://", header), path.name
        expect = yaml.safe_load(
            (folder / path.name.replace(".answers.yaml", EXPECT_SUFFIX)).read_text(encoding="utf-8")
        )
        assert expect["written_before_running"] is True


@every("path", CASES, ids=lambda p: p.stem)
def test_every_case_is_built_from_verbatim_passages_and_says_when_its_expectations_were_written(path):
    sources = {s.id[:3]: s.id for s in load_catalogue().sources}
    header = path.read_text(encoding="utf-8").split("\nname:")[0]
    quotes = QUOTE.findall(header)
    assert quotes, f"{path.name}: no quoted passage in the header"
    for source, quote in quotes:
        assert quote_is_in_source(Reference(source=sources[source], locator="", quote=quote)), (path.name, quote)
    assert "vóór de engine op deze casus draaide" in header
    expect_text = (PANEL / f"{path.stem}{EXPECT_SUFFIX}").read_text(encoding="utf-8")
    assert "vóór de engine op deze casus draaide" in expect_text.splitlines()[0]
    assert yaml.safe_load(expect_text)["written_before_running"] is True


# The shipped rules on the panel


@pytest.fixture(scope="module")
def panel_score() -> PanelScore:
    """``score_panel`` over the panel, each case's advice read where the letters' tests keep it (``_advice`` below:
    the same ``diagnose(load_panel_case(item), today=PANEL_DATE)`` that ``score_panel`` makes), not entered and
    diagnosed a second time (1.4 s of CPU). ``kb panel --check`` below still scores the panel itself, and its
    output must agree with this score."""
    from samenwerkwijzer.authoring import _panel

    made: dict[int, Advice] = {}

    def entered(item: PanelCase, today: date) -> Case:
        assert today == PANEL_DATE, today
        advice = _advice(item)
        made[id(advice.case)] = advice
        return advice.case

    def diagnosed(case: Case, *, today: date, rule_book: RuleBook | None) -> Advice:
        assert today == PANEL_DATE and rule_book is None, (today, rule_book)
        return made[id(case)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_panel, "load_panel_case", entered)
        patch.setattr(_panel, "diagnose", diagnosed)
        return score_panel(PANEL)


def test_acceptance_1_recall_no_must_not_and_every_first_at_place_one(panel_score):
    misses = [
        f"{c.case}: {t.theme} (place {t.place})"
        for c in panel_score.cases
        for t in c.must
        if not t.found or (t.first and t.place != 1)
    ]
    hits = [f"{c.case}: {h.theme} ({h.id} at {h.place})" for c in panel_score.cases for h in c.must_not_hits]
    for group, floor in RECALL_FLOOR.items():
        assert panel_score.groups[group] >= floor, (group, panel_score.groups[group], misses)
    assert panel_score.must_not_hits <= MUST_NOT_CEILING, hits
    assert panel_score.firsts_at_one >= panel_score.firsts - FIRSTS_MISSED_CEILING, misses


@functools.cache
def _all_panel() -> list[PanelCase]:
    """Read when a test asks, not while every test worker collects this file."""
    return load_panel(PANEL)


def _advice(item: PanelCase) -> Advice:
    """A panel case entered through the intake and diagnosed, once for the tests that read it: the two
    acceptance tests here and the letters' tests (tests/render/test_letter_defect_classes.py keeps the cache;
    tests/conftest.py runs this file in that file's worker). Entering and diagnosing are deterministic; the
    tests only read the advice."""
    name = f"panel/{item.group + '/' if item.group else ''}{item.case}"
    assert panel_items()[name].path == item.path, name
    return advice_of(name)


@every("item", _all_panel, ids=lambda i: f"{i.group or 'documents'}/{i.case}")
def test_acceptance_2_every_panel_case_of_every_group_gets_at_least_three_interventions(item):
    # Issue 22, acceptance 2, over every group (documents, real and the six held-out groups), through the
    # intake:
    # a thin case (a phase, a partner list, two statements) still gets the documents' advice for its situation; a case
    # without an observed problem gets that advice with nothing urgent.
    advice = _advice(item)
    assert len(advice.interventions) >= 3, [i.id for i in advice.interventions]
    if not any(f.package is None for f in advice.findings):
        assert not any(i.priority.urgent for i in advice.interventions), [i.id for i in advice.interventions]


@every("item", _all_panel, ids=lambda i: f"{i.group or 'documents'}/{i.case}")
def test_acceptance_3_every_serious_observed_problem_of_a_panel_case_is_served_in_the_top_three(item):
    advice = _advice(item)
    # Findings the ranking model calls one problem (ranking.yaml same_problem) count as one: serving one serves all.
    one = load_catalogue().problem_of
    top = {one.get(f, f) for i in advice.interventions[:3] for r in i.reasons for f in r.findings}
    serious = sorted({one.get(f.id, f.id) for f in advice.findings if f.severity == "hoog" and f.package is None})
    if len(serious) <= 3:
        assert set(serious) <= top, (serious, [i.id for i in advice.interventions[:3]])
    else:  # more serious problems than places: every place of the top three serves one of them
        for i in advice.interventions[:3]:
            assert {one.get(f, f) for r in i.reasons for f in r.findings} & set(serious), (i.id, serious)


def test_kb_panel_prints_every_case_and_the_totals_and_check_gives_the_verdict(panel_score):
    result = CliRunner().invoke(app, ["kb", "panel", str(PANEL), "--check"])
    assert result.exit_code == (0 if panel_score.passes else 1), result.output
    for case in panel_score.cases:
        assert f"{case.case} ({case.entered}): MUST {case.found}/{len(case.must)} in top 5" in result.output
    assert (
        f"panel: {len(panel_score.cases)} cases, MUST recall in top 5 {panel_score.recall:.2f} "
        f"({panel_score.must_found}/{panel_score.must_total}), MUST-NOT hits {panel_score.must_not_hits}, "
        f"firsts at place 1 {panel_score.firsts_at_one}/{panel_score.firsts}"
    ) in result.output


def test_kb_panel_json_is_the_score(panel_score, monkeypatch):
    import samenwerkwijzer.authoring

    # The scoring itself is tested above; here only what the command makes of it.
    # The command imports it from the authoring face when it runs (cli/_kb.py); the core face re-exports it.
    monkeypatch.setattr(samenwerkwijzer.authoring, "score_panel", lambda folder, top: panel_score)
    monkeypatch.setattr(samenwerkwijzer, "score_panel", lambda folder, top: panel_score)
    result = CliRunner().invoke(app, ["kb", "panel", str(PANEL), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert PanelScore.model_validate(json.loads(result.output)) == panel_score


def test_kb_panel_refuses_a_folder_that_is_no_panel(tmp_path):
    result = CliRunner().invoke(app, ["kb", "panel", str(tmp_path)])
    assert result.exit_code == 2
    assert "geen casussen van het panel" in result.output
