"""The intake under faults: odd file names, write errors, kill -9 at any moment, and two respondents
at once on one case. ``FAULT_TRIALS=50`` runs the randomised trials that many times (CI: a few)."""

from __future__ import annotations

from samenwerkwijzer import load_case

from .test_intake import intake_cli

# -- 11. nothing unescaped in a comment -------------------------------------------------


def test_a_file_name_with_a_line_break_keeps_the_case_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "x\n[broken.yaml"
    result = intake_cli("-o", name, input="Mijn casus\nstop\n")
    assert result.exit_code == 0, result.output
    assert load_case(tmp_path / name).name == "Mijn casus"
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert "--resume 'x\\n[broken.yaml'" in text.splitlines()[1]
    for odd in ("a\rb.yaml", "a\u2028b.yaml", "a\x85b.yaml", "a\x1b[2Jb.yaml", "a\u202eb.yaml"):
        result = intake_cli("-o", odd, input="Casus\nstop\n")
        assert result.exit_code == 0, (odd, result.output)
        assert load_case(tmp_path / odd).name == "Casus", odd
        assert all(line.startswith("# ") for line in (tmp_path / odd).read_text(encoding="utf-8").splitlines()[:2])
