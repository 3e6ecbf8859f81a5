"""For integrators: the public API, its contracts, batch runs and threads."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import samenwerkwijzer
from samenwerkwijzer import case_from_data, diagnose, json_schema, json_schema_text, load_case
from samenwerkwijzer.cli import app

from ..conftest import EXAMPLES, ROOT, TODAY
from ..strategies import cases

SCHEMAS = ROOT / "docs" / "schemas"


def test_public_api_is_explicit_and_importable():
    # constants first, then names in alphabetical order, each once
    assert samenwerkwijzer.__all__ == sorted(set(samenwerkwijzer.__all__), key=lambda n: (not n.isupper(), n))
    for name in samenwerkwijzer.__all__:
        assert hasattr(samenwerkwijzer, name), name
    assert not any(name.startswith("_") and name != "__version__" for name in samenwerkwijzer.__all__)
    assert (ROOT / "engine" / "py.typed").exists()


def test_readme_library_example_runs(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"### As a library\n\n```python\n(.+?)```", readme, re.DOTALL)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(example, "README.md", "exec"), namespace)  # noqa: S102
    assert isinstance(namespace["advice"], samenwerkwijzer.Advice)
    assert str(namespace["letter"]).startswith("# Advies")


def test_the_package_passes_mypy_strict_as_installed_for_development(tmp_path):
    """On the install the README's test command makes (editable, in setuptools'
    strict mode: a tree of links mypy can follow), as a developer runs it: with
    mypy's incremental cache in the checkout's .mypy_cache (ignored by git), so
    that a run after the first checks again only what changed since."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir",
         str(ROOT / ".mypy_cache"), "-p", "samenwerkwijzer"],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


@pytest.mark.parametrize("kind", ["case", "advice"])
def test_committed_schemas_are_current(kind):
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(kind), (
        f"docs/schemas/{kind}.schema.json is stale: run "
        f"`samenwerkwijzer schema {kind} -o docs/schemas/{kind}.schema.json --force`"
    )


@functools.cache
def _validator(kind: str) -> jsonschema.protocols.Validator:
    """What ``jsonschema.validate`` does before it validates, done once per schema instead of once per example:
    the schema's own check against its metaschema (a quarter of a second of CPU for the two schemas, each time)."""
    schema = json_schema(kind)
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_and_their_advice_validate_against_the_schemas(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _validator("case").validate(json.loads(json.dumps(data, default=str)))
    advice = json.loads(diagnose(load_case(path), today=TODAY).model_dump_json())
    _validator("advice").validate(advice)
    assert advice["schema_version"] == "1.0"


def test_schema_command():
    result = CliRunner().invoke(app, ["schema", "advice"])
    assert result.exit_code == 0 and json.loads(result.output)["title"] == "Advice"


@pytest.fixture
def batch_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c-kapot.yaml").write_text("name: X\nobservations: {climate: {declared: heet}}\n", encoding="utf-8")
    (folder / "notities.txt").write_text("geen casus", encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_processes_the_rest_reports_the_broken_one_and_keeps_order(batch_folder, tmp_path, workers):
    out = tmp_path / f"out-{workers}.jsonl"
    result = CliRunner().invoke(app, ["batch", str(batch_folder), "-o", str(out), "--workers", str(workers)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = sorted(p.name for p in batch_folder.iterdir() if p.suffix == ".yaml")
    assert [Path(r["source"]).name for r in lines] == expected
    broken = [r for r in lines if not r["ok"]]
    assert [Path(r["source"]).name for r in broken] == ["c-kapot.yaml"]
    assert broken[0]["error"]["problems"][0]["location"] == "observations.climate.declared"
    assert all(r["advice"]["schema_version"] == "1.0" for r in lines if r["ok"])
    assert f"{len(expected)} cases, {len(expected) - 1} diagnosed, 1 failed" in result.output
    assert "c-kapot.yaml" in result.output


def test_batch_with_two_workers_equals_one(batch_folder, tmp_path):
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"o{workers}.jsonl"
        CliRunner().invoke(app, ["batch", str(batch_folder), "-o", str(out), "--workers", str(workers)])
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_batch_reads_jsonl(tmp_path):
    source = tmp_path / "cases.jsonl"
    good = json.dumps({"name": "A", "observations": {"leadership": {"regie": "onduidelijk"}}})
    source.write_text(f"{good}\n\nnot json\n{good}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(source)])
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [(r["source"].rsplit(":", 1)[1], r["ok"]) for r in lines] == [("1", True), ("3", False), ("4", True)]
    assert result.exit_code == 1


def test_batch_rejects_unusable_input(tmp_path):
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "nergens")])
    assert result.exit_code == 2 and "map of bestand bestaat niet" in result.output


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(cases(), min_size=30, max_size=30))
def test_diagnose_from_eight_threads_equals_single_threaded(generated):
    inputs = [case_from_data(c) for c in generated] + [load_case(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    expected = [diagnose(c, today=TODAY).model_dump_json() for c in inputs]
    results: dict[tuple[int, int], str] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def work(worker: int) -> None:
        try:
            barrier.wait()
            for n, case in enumerate(inputs):
                results[(worker, n)] = diagnose(case, today=TODAY).model_dump_json()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for (_, n), got in results.items():
        assert got == expected[n]
    assert len(results) == 8 * len(inputs)
