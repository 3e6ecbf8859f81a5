"""walk7: an answers file's answer the intake never asks for (a mistyped key, a follow-up its statement did not open)
is named on standard error, in Dutch; the intake still completes."""

from __future__ import annotations

from click.testing import CliRunner

from samenwerkwijzer.cli._app import app


def test_an_answer_the_intake_never_asked_for_is_named(tmp_path):
    answers = tmp_path / "antwoorden.yml"
    answers.write_text(
        "name: Wijkteam\ncontext.tpye: netwerk\npartners:\n  - Gemeente X (gemeente)\n"
        "follow_up:\n  observations.leadership.trekker_has_time: nee\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["intake", "-o", str(tmp_path / "case.yaml"), "--answers", str(answers)])
    assert result.exit_code == 0, result.output[-400:]
    assert "Let op: 2 antwoorden zijn uit antwoorden.yml niet gebruikt" in result.stderr
    assert "context.tpye" in result.stderr and "observations.leadership.trekker_has_time" in result.stderr


def test_a_file_whose_answers_were_all_asked_gets_no_warning(tmp_path):
    answers = tmp_path / "antwoorden.yml"
    answers.write_text(
        "name: Wijkteam\ncontext.type: netwerk\npartners:\n  - Gemeente X (gemeente)\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["intake", "-o", str(tmp_path / "case.yaml"), "--answers", str(answers)])
    assert result.exit_code == 0
    assert "Let op" not in result.stderr
