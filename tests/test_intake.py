"""The intake: scripted runs give the same case as a hand-written file, stopping after any answer and
resuming gives the same case, only questions that can still change the advice are asked, and every
question can say why it is asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from samenwerkwijzer import Case, case_from_data, diagnose, load_case, parse_case, render_letter
from samenwerkwijzer._case import Respondent
from samenwerkwijzer._catalogue import load_catalogue
from samenwerkwijzer._facts import CASE_PATHS
from samenwerkwijzer._intake import Intake
from samenwerkwijzer._prompts import render_prompt
from samenwerkwijzer._relevance import possible_rules
from samenwerkwijzer.cli import _intake as cli_intake
from samenwerkwijzer.cli import app
from samenwerkwijzer.rules import all_rules

KB = load_catalogue()

# The situation of examples/rollen-onduidelijk.yaml, with a climate and a subsidy that ends.
HAND_WRITTEN = """
name: Wijkaanpak Gezond Noord
description: Vier organisaties zijn een integrale wijkaanpak gestart.
context:
  domain: gezondheid in de wijk
  type: integraal
  phase: vormgeven
partners:
  - {name: Gemeente Noorddam, kind: gemeente, roles: [beslisser, financier]}
  - {name: GGD Noord, kind: ggd, roles: [uitvoerder]}
  - {name: Welzijn Noord, kind: welzijnsorganisatie, roles: [uitvoerder]}
  - {name: Bewonersplatform Noord, kind: bewoners, roles: [gebruiker]}
observations:
  leadership:
    regie: onduidelijk
    trekker: true
    trekker_has_time: false
    trekker_has_mandate: false
  climate:
    declared: waakzaam
    signs: [niet_alle_kaarten_op_tafel, onderwerpen_mijden]
  funding:
    subsidy: true
    months_left: 6
    dependency: hoog
    continuation_plan: false
  ambition:
    shared: true
"""

# What the advisor types for it; everything after the last line is skipped.
SCRIPT = [
    "Wijkaanpak Gezond Noord",
    "Vier organisaties zijn een integrale wijkaanpak gestart.",
    "gezondheid in de wijk",
    "1",  # context.type by number: integraal
    "vormgeven",
    "Gemeente Noorddam",
    "gemeente",
    "beslisser, financier",
    "GGD Noord",
    "2",  # ggd
    "?",  # why are roles asked?
    "uitvoerder",
    "Welzijn Noord",
    "welzijn",  # an unambiguous beginning: welzijnsorganisatie
    "2",
    "Bewonersplatform Noord",
    "bewoners",
    "gebruiker",
    "",  # no more partners
    "-",  # no more partners than the four listed
    "onduidelijk",
    "ja",  # trekker
    "misschien",  # not an answer: asked again
    "nee",  # time
    "ja",  # mandate ...
    "terug",  # ... no: back
    "nee",
    "-",  # board support
    "-",  # others lean back
    "-",  # controlling
    "-",  # trekker at odds with the partners
    "-",  # leadership back in hierarchy
    "-",  # chair from the largest party
    "waakzaam",
    "5, onderwerpen_mijden",  # signs: a number and a name
    "-",  # levels
    "-",  # organisations want to join
    "-",  # a policy domain missing
    "-",  # part of a larger network
    "-",  # split in two groups
    "ja",  # subsidy
    "6",
    "hoog",
    "nee",  # continuation plan
    "-",  # separate streams
    "-",  # how it came about
    "-",  # capacity and money
    "-",  # accountability
    "ja",  # shared ambition
]

# Facts the rules read that the intake asks about (not how respondents compare: that follows from their answers).
READ_FACTS = sorted(
    {
        c.subject
        for r in all_rules()
        for c in r.when
        if c.op != "finding" and c.subject in CASE_PATHS and not c.subject.startswith("respondents.")
    }
)
FINDING_TITLES = [f.title for f in KB.findings]


def hand_written() -> Case:
    return parse_case(HAND_WRITTEN)


def feed(lines: list[str], intake: Intake | None = None) -> Intake:
    intake = intake or Intake()
    for line in lines:
        if intake.done:
            break
        intake.respond(line)
    return intake


def full_script() -> list[str]:
    """SCRIPT and exactly as many skips as the intake then still asks."""
    intake = feed(SCRIPT)
    lines = list(SCRIPT)
    while not intake.done:
        intake.respond("")
        lines.append("")
    return lines


def intake_cli(*args: str, input: str | None = None, catch: bool = False):
    return CliRunner().invoke(app, ["intake", *args], input=input, catch_exceptions=catch)


def asked(lines: list[str], intake: Intake | None = None) -> list[str]:
    return list(feed(lines, intake).asked)


# -- 1. a scripted intake gives the hand-written case -----------------------------


def test_scripted_intake_equals_the_hand_written_case(tmp_path):
    target = tmp_path / "case.yaml"
    result = intake_cli("-o", str(target), input="\n".join(full_script()) + "\n")
    assert result.exit_code == 0, result.output
    assert "Klaar. De casus staat in" in result.output
    assert f"samenwerkwijzer diagnose {target}" in result.output
    assert load_case(target) == hand_written()
    assert not (tmp_path / "case.yaml.intake.json").exists()


def test_answers_file_with_comments(tmp_path):
    script = tmp_path / "antwoorden.txt"
    script.write_text("# een intake uit een bestand\n" + "\n".join(full_script()) + "\n", encoding="utf-8")
    target = tmp_path / "case.yaml"
    result = intake_cli("--answers", str(script), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert load_case(target) == hand_written()


def test_the_library_gives_the_same_case():
    intake = feed(full_script())
    assert intake.done
    assert intake.case() == hand_written()
    assert case_from_data(intake.case_data()) == hand_written()


def test_letter_right_away(tmp_path):
    target = tmp_path / "case.yaml"
    result = intake_cli("-o", str(target), "--letter", input="\n".join(full_script()) + "\n")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Advies over ")
    assert "Hoe heet de samenwerking?" in result.stderr  # the conversation stays out of the letter

    letter = tmp_path / "advies.md"
    target.unlink()
    result = intake_cli("-o", str(target), "--letter-output", str(letter), input="\n".join(full_script()) + "\n")
    assert result.exit_code == 0
    assert letter.read_text(encoding="utf-8").startswith("# Advies over ")


# -- 2. stopping after any answer and resuming gives the same case -------------------


def test_every_prefix_resumes_to_the_same_answers():
    lines = full_script()
    whole = feed(lines)
    first = Intake()  # after k answers: the script's first k, given one at a time as k goes up
    for k in range(len(lines) + 1):
        if k:
            feed(lines[k - 1 : k], first)
        resumed = Intake.from_progress(json.loads(json.dumps(first.progress())))
        assert resumed.current == first.current
        feed(lines[k:], resumed)
        assert resumed.answers == whole.answers, k  # nothing asked twice, nothing lost
        assert resumed.case() == whole.case()


def test_stopping_at_any_answer_and_resuming_on_the_command_line(tmp_path):
    """Every prefix is resumed in the library test above; here a spread of them through
    the command line, where every answer is written and synced to disk."""
    lines = full_script()
    expected = hand_written()
    n = len(lines)
    for k in sorted({1, 2, 3, n // 4, n // 3, n // 2, 2 * n // 3, 3 * n // 4, n - 2, n - 1, n}):
        target = tmp_path / f"case{k}.yaml"
        first = intake_cli("-o", str(target), input="".join(f"{line}\n" for line in lines[:k]))
        assert first.exit_code == 0, first.output
        load_case(target)  # valid after every answer
        if k < len(lines):
            assert f"--resume {target}" in first.output
            assert json.loads(Path(f"{target}.intake.json").read_text(encoding="utf-8"))["answers"]
        second = intake_cli("--resume", str(target), input="".join(f"{line}\n" for line in lines[k:]))
        if k == len(lines):
            assert second.exit_code == 1  # nothing left to resume
            assert "al afgerond" in second.output
        else:
            assert second.exit_code == 0, second.output
            assert "Klaar." in second.output
        assert load_case(target) == expected, k
        assert not Path(f"{target}.intake.json").exists()


def _interrupting_reader(after: int, exc: BaseException):
    """A reader that gives the script's answers and raises ``exc`` when asked for answer ``after + 1``."""
    lines = iter(full_script())
    count = 0

    def make(answers_file, err):
        def read(prompt: str) -> str | None:
            nonlocal count
            if count == after:
                raise exc
            count += 1
            return next(lines, None)

        return read

    return make


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), RuntimeError("crash")], ids=["ctrl-c", "crash"])
@pytest.mark.parametrize("after", [1, 7, 22, 36])
def test_interrupted_intake_is_saved_and_resumable(tmp_path, monkeypatch, exc, after):
    target = tmp_path / "case.yaml"
    monkeypatch.setattr(cli_intake, "_reader", _interrupting_reader(after, exc))
    result = intake_cli("-o", str(target), catch=True)
    if isinstance(exc, KeyboardInterrupt):
        assert result.exit_code == 130
        assert "Onderbroken. Alles is bewaard" in result.output
    else:
        assert isinstance(result.exception, RuntimeError)
    assert load_case(target) == feed(full_script()[:after]).case()  # every answer before it is on disk
    monkeypatch.undo()
    rest = "".join(f"{line}\n" for line in full_script()[after:])
    resumed = intake_cli("--resume", str(target), input=rest)
    assert resumed.exit_code == 0, resumed.output
    assert load_case(target) == hand_written()


def test_stop_and_end_of_input_keep_everything(tmp_path):
    target = tmp_path / "case.yaml"
    result = intake_cli("-o", str(target), input="Mijn casus\nstop\n")
    assert result.exit_code == 0
    assert "Gestopt. Alles is bewaard" in result.output
    assert load_case(target) == Case(name="Mijn casus")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Opgesteld met samenwerkwijzer intake.")
    result = intake_cli("--resume", "-o", str(target), input="Een beschrijving\n")
    assert result.exit_code == 0
    assert "Verder waar de intake stopte (1 antwoorden bewaard)." in result.output
    assert load_case(target).description == "Een beschrijving"


def test_nothing_is_written_before_the_case_has_a_name(tmp_path):
    target = tmp_path / "case.yaml"
    result = intake_cli("-o", str(target), input="")
    assert result.exit_code == 0
    assert "er was nog niets te bewaren" in result.output
    assert not target.exists()


def test_a_partner_being_entered_is_kept_in_the_progress(tmp_path):
    target = tmp_path / "case.yaml"
    intake_cli("-o", str(target), input="X\n\n\n\n\nGemeente Y\n")  # name of a partner, no kind yet
    assert load_case(target).partners == []  # the case stays valid
    result = intake_cli("--resume", str(target), input="gemeente\n")
    assert "Wat voor organisatie is Gemeente Y?" in result.output
    assert [p.name for p in load_case(target).partners] == ["Gemeente Y"]


# -- 3. why, and only what matters ----------------------------------------------


def _answer(step, yes: bool) -> str:
    """An answer to any question: ja or nee, the first option, a small number; one partner, a huisarts."""
    if step.key == "name":
        return "Casus"
    if step.key.startswith("partners[") and step.key.endswith(".name"):
        return "Huisartsen West" if step.key == "partners[0].name" else ""
    if step.key == "partners[0].kind":
        return "huisartsen"
    if step.kind == "boolean":
        return "ja" if yes else "nee"
    if step.kind == "integer":
        return "6"
    if step.kind in ("choice", "multiple"):
        return step.options[0]
    return ""


def test_every_question_the_rules_read_says_why_with_a_finding():
    covered: set[str] = set()
    for yes in (True, False):  # between them, every question is asked
        intake = Intake()
        while (step := intake.current) is not None:
            reply = intake.respond("?")
            assert reply.kind == "why" and intake.current == step
            assert reply.message.startswith("Waarom deze vraag?")
            if step.facts:
                assert any(title in reply.message for title in FINDING_TITLES), (step.key, reply.message)
                covered.update(step.facts)
            intake.respond(_answer(step, yes))
    assert set(READ_FACTS) <= covered


def test_why_on_the_command_line(tmp_path):
    result = intake_cli("-o", str(tmp_path / "c.yaml"), input="X\n\n\n\n\n\n-\n\nja\nwaarom\n")
    assert "Waarom deze vraag? De rol van kartrekker wordt vaak onderschat" in result.output
    assert KB.finding["F-TREKKER-ZONDER-TIJD"].title in result.output
    assert KB.intervention["I-TREKKER-TIJD-GEVEN"].title in result.output


def _until(key: str) -> list[str]:
    """The script's lines up to the question ``key`` (not answering it)."""
    intake, lines = Intake(), []
    for line in full_script():
        if intake.current is not None and intake.current.key == key:
            break
        intake.respond(line)
        lines.append(line)
    return lines


SUBSIDY_FOLLOW_UPS = {
    "observations.funding.months_left",
    "observations.funding.dependency",
    "observations.funding.continuation_plan",
}
TREKKER_FOLLOW_UPS = {"observations.leadership.trekker_has_time", "observations.leadership.trekker_has_mandate"}


def test_no_subsidy_means_no_questions_about_it():
    before = _until("observations.funding.subsidy")
    assert not SUBSIDY_FOLLOW_UPS & set(asked([*before, "nee"] + [""] * 80))
    assert set(asked([*before, "ja", "6"] + [""] * 80)) >= SUBSIDY_FOLLOW_UPS
    # A subsidy that runs for years yet: no question about a plan for after it.
    far = asked([*before, "ja", "36"] + [""] * 80)
    assert "observations.funding.months_left" in far
    assert not {"observations.funding.dependency", "observations.funding.continuation_plan"} & set(far)


def test_no_trekker_means_no_questions_about_the_trekker():
    before = _until("observations.leadership.trekker")
    assert not TREKKER_FOLLOW_UPS & set(asked([*before, "nee"] + [""] * 80))
    assert set(asked([*before, "ja"] + [""] * 80)) >= TREKKER_FOLLOW_UPS


def test_the_prompts_show_it_too(tmp_path):
    before = _until("observations.leadership.trekker")
    result = intake_cli("-o", str(tmp_path / "a.yaml"), input="\n".join([*before, "nee"]) + "\n")
    assert "Heeft de trekker voldoende tijd" not in result.output
    result = intake_cli("-o", str(tmp_path / "b.yaml"), input="\n".join([*before, "ja"]) + "\n")
    assert "Heeft de trekker voldoende tijd" in result.output


def test_a_small_collaboration_is_not_asked_about_a_core_team():
    # Four listed partners (not more than start_max_partners): NET002 cannot fire.
    assert "observations.network.core_group" not in asked(full_script())
    before = _until("observations.network.partner_count")
    assert "observations.network.core_group" in asked([*before, "12", "0"] + [""] * 80)


def test_relevance_is_cycle_safe():
    from samenwerkwijzer.rules.dsl import Diagnose, RuleSpec, finding

    loop = (
        RuleSpec("A", "a", "", "", "m", (finding("F-B"),), (Diagnose("F-A"),)),
        RuleSpec("B", "b", "", "", "m", (finding("F-A"),), (Diagnose("F-B"),)),
    )
    assert possible_rules(loop, {}, set(), {}) == set()


# -- 4. back, wrong answers, respondents --------------------------------------------


def test_back_undoes_the_previous_answer():
    before = _until("observations.leadership.trekker")
    intake = feed([*before, "ja"])
    assert intake.current.key == "observations.leadership.trekker_has_time"
    reply = intake.respond("terug")
    assert reply.kind == "back"
    assert intake.current.key == "observations.leadership.trekker"
    assert "trekker" not in intake.case_data()["observations"]["leadership"]
    intake.respond("nee")
    assert intake.case_data()["observations"]["leadership"]["trekker"] is False
    assert intake.current.key == "observations.leadership.board_support"
    assert Intake().respond("terug").kind == "invalid"  # nothing before the first question


def test_wrong_answers_are_asked_again_with_a_reason():
    intake = feed(_until("observations.leadership.trekker"))
    for wrong, reason in [("misschien", "ja of nee"), ("7", "ja of nee")]:
        reply = intake.respond(wrong)
        assert reply.kind == "invalid" and reason in reply.message
        assert intake.current.key == "observations.leadership.trekker"
    intake = feed(["X", "", "", "9"])
    assert intake.current.key == "context.type"
    assert "nummer van 1 tot en met 5" in intake.respond("9").message
    assert "geen van de mogelijke antwoorden" in intake.respond("stichting").message
    assert "meer dan één" in intake.respond("inte").message
    assert Intake().respond("").message == "Deze vraag is verplicht."
    intake = feed(["X", "", "", "", "", "A", "gemeente", ""])
    assert "al een partner" in intake.respond("A").message
    assert intake.respond("B").kind == "answered"
    assert intake.respond("").kind == "invalid" and intake.current.key == "partners[1].kind"


def test_wrong_answer_on_the_command_line(tmp_path):
    before = _until("observations.leadership.trekker")
    result = intake_cli("-o", str(tmp_path / "a.yaml"), input="\n".join([*before, "misschien", "ja"]) + "\n")
    assert result.output.count("Is er één trekker (kartrekker)") == 2
    assert "Antwoord met ja of nee (of j/n)." in result.output
    assert load_case(tmp_path / "a.yaml").observations.leadership.trekker is True


def test_numbers_dates_and_counts():
    before = _until("observations.funding.subsidy")
    intake = feed([*before, "ja", "30-6-2027"])
    assert intake.case_data()["observations"]["funding"] == {"subsidy": True, "end_date": yaml.safe_load("2027-06-30")}
    assert "minimaal 0" in feed([*before, "ja"]).respond("-1").message
    counts = _until("observations.network.partner_count")
    intake = feed(counts)
    assert "minimaal 4" in intake.respond("3").message
    intake = feed([*counts, "12"])
    assert intake.current.key == "observations.network.private_partner_count"
    assert "hoogstens 12" in intake.respond("13").message
    intake.respond("2")
    assert intake.case().observations.network.private_partner_count == 2


def test_prompts_show_the_answers_they_take():
    intake = feed(_until("observations.climate.signs"))
    prompt = render_prompt(intake.current)
    assert "5. Nog niet alle kaarten liggen op tafel" in prompt
    assert "_" not in prompt
    assert "(1. strategisch, 2. tactisch, 3. uitvoerend; nummers of namen" in render_prompt(feed(["-"], intake).current)
    assert render_prompt(feed(["-"], intake).current).endswith("(ja/nee)")


def _write_case(tmp_path: Path) -> Path:
    target = tmp_path / "case.yaml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    return target


def test_a_respondent_is_added_without_touching_the_advisor(tmp_path):
    target = _write_case(tmp_path)
    before = load_case(target)
    answers = ["duidelijk", "nee", "-", "-", "-", "-", "-", "-", "-", "conflict"]
    result = intake_cli("--respondent", "Anna de Vries", "-o", str(target), input="\n".join(answers + [""] * 80))
    assert result.exit_code == 0, result.output
    assert "Heeft de trekker voldoende tijd" not in result.output  # her own trekker answer counts
    assert "Hoe heet de samenwerking" not in result.output and "Naam van partner" not in result.output
    after = load_case(target)
    assert after.model_copy(update={"respondents": []}) == before
    [anna] = after.respondents
    assert anna == Respondent.model_validate(
        {
            "name": "Anna de Vries",
            "observations": {
                "leadership": {"regie": "duidelijk", "trekker": False},
                "climate": {"declared": "conflict"},
            },
        }
    )
    # A second respondent, stopped halfway and resumed.
    result = intake_cli("--respondent", "Bram", "-o", str(target), input="onduidelijk\n")
    assert "--respondent Bram --resume" in result.output
    assert Path(f"{target}.intake.bram.json").exists()
    result = intake_cli("--respondent", "Bram", "--resume", "-o", str(target), input="ja\nnee\n" + "\n" * 80)
    assert result.exit_code == 0, result.output
    after = load_case(target)
    assert [r.name for r in after.respondents] == ["Anna de Vries", "Bram"]
    assert after.respondents[0] == anna
    assert after.respondents[1].observations.leadership.model_dump(exclude_defaults=True) == {
        "regie": "onduidelijk",
        "trekker": True,
        "trekker_has_time": False,
    }
    assert after.model_copy(update={"respondents": []}) == before
    # Asking the same respondent again needs --force.
    result = intake_cli("--respondent", "Bram", "-o", str(target), input="")
    assert result.exit_code == 1 and "al antwoorden van Bram" in result.output


def test_a_respondent_who_answers_nothing_leaves_the_case_alone(tmp_path):
    target = _write_case(tmp_path)
    result = intake_cli("--respondent", "Anna", "-o", str(target), input="")
    assert result.exit_code == 0 and "er was nog niets te bewaren" in result.output
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN


def test_respondent_needs_an_existing_valid_case(tmp_path):
    result = intake_cli("--respondent", "Anna", input="")
    assert result.exit_code == 2
    result = intake_cli("--respondent", "Anna", "-o", str(tmp_path / "nergens.yaml"), input="")
    assert result.exit_code == 2 and "file not found" in result.output


# -- files and options ------------------------------------------------------------


def test_an_existing_case_is_not_overwritten(tmp_path):
    target = _write_case(tmp_path)
    result = intake_cli("-o", str(target), input="X\n")
    assert result.exit_code == 1 and "--force" in result.output
    assert load_case(target) == hand_written()
    result = intake_cli("-o", str(target), "--force", input="X\n")
    assert result.exit_code == 0
    assert load_case(target) == Case(name="X")


def test_resume_needs_an_interrupted_intake(tmp_path):
    assert intake_cli("--resume", input="").exit_code == 2
    result = intake_cli("--resume", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "b.yaml"), input="")
    assert result.exit_code == 2
    result = intake_cli("--resume", str(tmp_path / "a.yaml"), input="")
    assert result.exit_code == 1 and "geen onderbroken intake" in result.output


def test_default_file_name_comes_from_the_case_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wijkaanpak-gezond-noord.yaml").write_text("name: bezet\n", encoding="utf-8")
    result = intake_cli(input="Wijkaanpak Gezond Noord\nstop\n")
    assert result.exit_code == 0
    assert "wijkaanpak-gezond-noord-2.yaml" in result.output
    assert load_case(tmp_path / "wijkaanpak-gezond-noord-2.yaml").name == "Wijkaanpak Gezond Noord"


def test_json_case_file(tmp_path):
    target = tmp_path / "case.json"
    result = intake_cli("-o", str(target), input="\n".join(full_script()) + "\n")
    assert result.exit_code == 0
    assert load_case(target) == hand_written()


def test_progress_of_another_knowledge_base_is_refused():
    progress = Intake().progress() | {"answers": [{"step": "name", "value": "X"}, {"step": "bestaat.niet", "value": 1}]}
    with pytest.raises(Exception, match="does not match"):
        Intake.from_progress(progress)


def test_nee_to_the_optional_total_means_no_more_partners(tmp_path):
    out = tmp_path / "casus.yaml"
    script = "Wijkaanpak\n-\n-\nintegraal\nverkennen\nGemeente X\ngemeente\nbeslisser\n\nnee\nstop\n"
    result = CliRunner().invoke(app, ["intake", "-o", str(out)], input=script)
    assert result.exit_code == 0, result.output
    assert "Geef een geheel getal" not in result.output
    case = load_case(out)
    assert case.observations.network.partner_count is None and len(case.partners) == 1


def test_the_intake_ends_with_who_signs_for_whom_and_the_date():
    intake = feed(_until("advisor"))
    assert intake.current is not None and intake.current.key == "advisor"
    for line in ("Anna de Vries", "GGD Zuid", "de stuurgroep", "31-2-2027"):
        intake.respond(line)
    assert intake.current is not None and intake.current.key == "letter_date"  # no 31 February: asked again
    assert intake.respond("1-3-2027").kind != "invalid"
    case = intake.case()
    assert case is not None and case.advisor == "Anna de Vries" and str(case.letter_date) == "2027-03-01"
    letter = render_letter(diagnose(case))
    assert "Anna de Vries" in letter and "GGD Zuid" in letter and "1 maart 2027" in letter
    assert "stuurgroep" in letter.split("## Kernboodschap")[0]  # the addressee, above the body
