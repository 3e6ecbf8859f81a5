"""Adding a fact is the case model's field plus its question, nothing else (issue 20, acceptance 4).

A copy of the package gets one new field on the case model (``results.celebrated``, in
``model/_observed_situation.py``) and its question in ``knowledge/questions.yaml``; nothing else is
edited. In the copy the fact has its path, label, domain and case field in the fact tables, the intake
asks it, a case answers it, and a rule may read it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT

FIELD = """    celebrated: bool | None = Field(
        title="successen gevierd",
        default=None,
        description="Have the partners celebrated a success together",
    )
"""
QUESTION = """- fact: results.celebrated
  field: observations.results.celebrated
  question: Hebben de partners een succes samen gevierd?
  answer:
    type: boolean
  help: Successen samen vieren houdt de energie vast.
"""
CHECK = """
import json
from samenwerkwijzer.model import _facts
from samenwerkwijzer import case_from_data, diagnose
from samenwerkwijzer.intake import questions
from samenwerkwijzer.reasoning._rule_checks import rule_problems
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.rules.dsl import RuleSpec, Recommend, is_
path = "results.celebrated"
asked = [q for q in questions() if q.fact == path]
case = case_from_data({"name": "X", "observations": {"results": {"celebrated": True}}})
spec = RuleSpec(id="RES999", title="t", when=(is_(path, True),), then=(Recommend("I-SUCCESSEN-DELEN-EN-VIEREN"),),
               name="celebrated", doc="", module="results")
print(json.dumps({
    "label": _facts.CASE_PATHS.get(path),
    "fields": list(_facts.CASE_FIELDS.get(path, ())),
    "domain": repr(_facts.FACT_DOMAINS.get(path)),
    "asked": [q.question for q in asked],
    "value": case.observations.results.celebrated,
    "problems": rule_problems([spec], load_catalogue()),
    "diagnoses": diagnose(case).fact(path),
}))
"""


def _copy(tmp: Path) -> Path:
    package = tmp / "samenwerkwijzer"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "examples.yaml")
    shutil.copytree(ROOT / "engine", package, ignore=ignore)
    for name in ("rules", "knowledge", "cli", "web"):
        shutil.copytree(ROOT / name, package / name, ignore=ignore)
    return package


def test_a_new_fact_is_its_field_and_its_question(tmp_path):
    package = _copy(tmp_path)
    case_py = package / "model" / "_observed_situation.py"
    text = case_py.read_text(encoding="utf-8")
    anchor = "class Results(StrictModel):"
    start = text.index(anchor)
    end = text.index("\n\n\n", start)
    case_py.write_text(text[:end] + "\n" + FIELD.rstrip("\n") + text[end:], encoding="utf-8")
    questions = package / "knowledge" / "questions.yaml"
    questions.write_text(questions.read_text(encoding="utf-8") + QUESTION, encoding="utf-8")

    env = {"PYTHONPATH": str(tmp_path), "SAMENWERKWIJZER_NO_CACHE": "1", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n" + CHECK],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    import json

    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["label"] == "successen gevierd"
    assert got["fields"] == ["observations.results.celebrated"]
    assert got["domain"] == "<class 'bool'>"
    assert got["asked"] == ["Hebben de partners een succes samen gevierd?"]
    assert got["value"] is True
    assert got["problems"] == []  # a rule may read it
    assert got["diagnoses"] is True  # the Advice carries it as a fact
