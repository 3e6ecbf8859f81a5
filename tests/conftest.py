from __future__ import annotations

import atexit
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from samenwerkwijzer import Advice, case_from_data, diagnose


def _temporary_files_in_memory() -> None:
    """The test run's temporary files (tmp_path, the caches below, and through TMPDIR those of the
    subprocesses: the CLI, servers, pip, Chromium) go to /dev/shm where it is a roomy RAM disk: the
    intake and the file writers sync every file and folder they write, and on a disk those syncs
    took most of their tests' time. The same code runs, the syncs included; only the disk under
    them is quicker. A TMPDIR set by whoever runs the tests is kept."""
    if "TMPDIR" in os.environ:
        return
    try:
        room = os.statvfs("/dev/shm")
    except OSError:
        return
    if room.f_bavail * room.f_frsize >= 4 << 30 and os.access("/dev/shm", os.W_OK | os.X_OK):
        os.environ["TMPDIR"] = tempfile.tempdir = "/dev/shm"


_temporary_files_in_memory()


def _fewer_full_collections() -> None:
    """The garbage collector's full collections (its oldest generation) a tenth as often in the test processes: each
    walks every object the process holds, and a test process holds many (the modules of the application and its
    libraries, and the caches of every case's advice and letters), so that each took 0.08 to 0.2 s of CPU and the
    render and reasoning tests, one process, spent 4 to 6 s in 34 of them. The young generations are collected as
    before, so cyclic garbage is still freed, only later when it has grown old. Servers, the CLI and the other
    processes the tests start keep Python's own setting."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 100)


_fewer_full_collections()

# The caches kept between runs (engine/model/_cache.py) go to a fresh directory of
# this test run, never the user's own; subprocesses inherit it. The run's test workers (pytest-xdist) share
# the one their parent made (its entries are written beside and renamed into place, as for concurrent CLI
# runs): each worker validated the catalogue and compiled the templates again before. The process that made
# the directory removes it.
_SHARED_CACHE = "SAMENWERKWIJZER_TEST_CACHE_DIR"
if os.environ.get("PYTEST_XDIST_WORKER") and os.path.isdir(os.environ.get(_SHARED_CACHE, "")):
    os.environ["SAMENWERKWIJZER_CACHE_DIR"] = os.environ[_SHARED_CACHE]
else:
    os.environ["SAMENWERKWIJZER_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="samenwerkwijzer-test-cache-")
    os.environ[_SHARED_CACHE] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, True)

    def _stop_the_run_s_postgres(shared: Path = Path(_CACHE)) -> None:
        """The PostgreSQL server the run's processes shared (tests/webkit.py), stopped as the run ends (before its
        folder is removed: the last registered runs first)."""
        if (shared / "postgres.folder").exists():
            from .webkit import stop_shared_postgres

            stop_shared_postgres(shared)

    atexit.register(_stop_the_run_s_postgres)
os.environ.pop("SAMENWERKWIJZER_NO_CACHE", None)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 11, 22)


def skip_unless_installed(what: str) -> None:
    """Skip a test that needs a system part (Chromium, Graphviz, …) that is
    not installed, except under ``.ci/run``: it installs them, and sets
    SAMENWERKWIJZER_CI_TOOLS=1 so that a missing part fails instead."""
    import os

    if os.environ.get("SAMENWERKWIJZER_CI_TOOLS") == "1":
        pytest.fail(f"{what} should have been installed by .ci/run")
    pytest.skip(f"{what} is not installed")


def run(data: dict[str, Any]) -> Advice:
    """Diagnose a case given as a dict, with a fixed date."""
    return diagnose(case_from_data({"name": "Testcasus", **data}), today=TODAY)


def fired_rules(advice: Advice) -> set[str]:
    """Every rule that left a trace in the advice."""
    fired = {f.derived_by for f in advice.facts if f.derived_by}
    for finding in advice.findings:
        fired |= {r.rule for r in finding.reasons}
    for intervention in advice.interventions:
        fired |= {r.rule for r in intervention.reasons}
    for s in advice.suppressed:
        fired |= {r.rule for r in s.recommended_by} | {x.rule for x in s.suppressed_by}
    return fired


def recommended(advice: Advice) -> list[str]:
    return [i.id for i in advice.interventions]


@pytest.fixture
def example() -> Iterator[Any]:
    from samenwerkwijzer import load_case

    def _load(name: str) -> Advice:
        return diagnose(load_case(EXAMPLES / f"{name}.yaml"), today=TODAY)

    yield _load


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a clean copy of the tree: a build in place would
    reuse a stale build/ folder and race with another test worker's build."""
    import shutil

    out = tmp_path_factory.mktemp("wheel")
    source = out / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "recorded"
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("samenwerkwijzer-*.whl")
    return built


def _byte_compile_the_package() -> None:
    """Write the package's .pyc files once: the many CLI runs in subprocesses
    then start as an installed package does, also where PYTHONDONTWRITEBYTECODE
    keeps imports from writing them."""
    import compileall

    import samenwerkwijzer

    # Where the package is imported from (in the development install, a tree of links).
    compileall.compile_dir(Path(samenwerkwijzer.__file__).parent, quiet=2, workers=1)


_byte_compile_the_package()

# pytest rewrites the asserts of every test module as it imports it, and keeps the rewritten code in
# tests/__pycache__ only where bytecode may be written: without that, each worker rewrites all of them
# again at every run (seconds of the collection). Test modules imported after this conftest are cached.
sys.dont_write_bytecode = False


# The run hands each test file to one worker (``--dist loadfile`` in pyproject.toml): a file's module-scoped
# servers and browsers and its module's caches (a case's letter, read by twenty tests) are then made once, not
# once in every worker that ran one of its tests. The files that keep a worker longest go out first, longest
# first, so that the workers finish together instead of one of them starting a long file near the end. By
# path under tests/, from single-process timings (seconds of wall time, fresh clone, 2 cores; `--durations`):
# mypy's cold run, the browsers, the servers with their deliberate time limits, the letters of every case.
_HEAVY_FIRST = (
    "repo/test_integrator_contracts.py",  # 23: mypy --strict, cold as in a fresh clone (16)
    "render/test_letter_defect_classes.py",  # 25: every case's letters, with the files of _SAME_WORKER below
    "web/test_browser.py",  # 21
    "web/test_agenda_browser.py",  # 20: six browsers
    "web/test_hosting.py",  # 18: a body's time limit of six seconds, a header's of one
    "web/test_partners_browser.py",  # 16
    "web/test_red_team.py",  # 12: servers starting at once on PostgreSQL
    "render/test_own_templates.py",  # 10: the sandbox's time and memory bounds
    "authoring/test_ruledocs.py",  # 9
    "reasoning/test_fuzz.py",  # 9
    "repo/test_install.py",  # 9: a wheel and a fresh venv
    "web/test_agenda_server.py",  # 9: servers killed with SIGKILL
    "authoring/test_panel.py",  # 8
    "web/test_api_client.py",  # 7: a client generated and installed
    "render/test_word_letter.py",  # 7: LibreOffice
    "web/test_server.py",  # 6
    "render/test_spelling.py",  # 6
    "web/test_scaling.py",  # 6
    "web/test_classroom_browser.py",  # 6
    "render/test_letter_quality.py",  # 6
    "cli/test_output_bounds.py",  # 6
    "authoring/test_kbcheck.py",  # 5
    "model/test_caches.py",  # 5
    "web/test_lesson_browser.py",  # 5
    "web/test_web.py",  # 4
)


# Within a file, its slowest tests first (by --durations; each waits seconds on a subprocess, a browser or a
# server). By name, wherever their file lives.
_SLOWEST_TESTS = (
    "test_the_package_passes_mypy_strict_as_installed_for_development",
    "test_one_presenter_and_five_phones_choose_the_agenda_together",
    "test_every_example_s_word_letter_fits_four_pages_without_a_stranded_heading",
    "test_plain_pip_install_in_a_fresh_venv_works_with_frozendict_1_and_2",
    "test_a_killed_server_loses_no_acknowledged_vote",
    "test_a_generated_client_diagnoses_an_example_against_a_running_server",
    "test_advisor_and_three_respondents_in_a_real_browser",
    "test_wheel_installs_under_one_namespace_with_data_and_py_typed",
    "test_a_killed_server_loses_no_submitted_answer_of_an_intake_or_a_respondent",
    "test_three_partners_answer_over_https_on_a_phone_and_the_result_waits_for_the_third",
    "test_every_valid_case_diagnoses_and_renders",
    "test_kill_9_during_diagnose_o_leaves_the_old_or_the_new_file_and_no_temporary_file",
    "test_a_client_that_sends_its_body_a_byte_at_a_time_is_cut_off",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests = ROOT / "tests"
    heavy = {tests / name: n for n, name in enumerate(_HEAVY_FIRST)}
    slowest = {name: n for n, name in enumerate(_SLOWEST_TESTS)}

    def rank(item: pytest.Item) -> tuple[int, int]:
        test = getattr(item, "originalname", item.name)
        return heavy.get(item.path, len(heavy)), slowest.get(test, len(slowest))

    items.sort(key=rank)  # stable: the order within a file is kept


# Files that read another file's module caches (each case's advice, letters and letter context, made once by
# tests/render/test_letter_defect_classes.py) run in the worker that runs that file, so that they read what it
# made instead of diagnosing and rendering every case again in a worker of their own: one work unit of the
# scheduler, otherwise ``--dist loadfile`` as it is. By path under tests/.
_SAME_WORKER = {
    "render/test_letter_case_words.py": "render/test_letter_defect_classes.py",
    "render/test_spelling.py": "render/test_letter_defect_classes.py",
    "authoring/test_panel.py": "render/test_letter_defect_classes.py",
    "render/test_letter_review_classes.py": "render/test_letter_defect_classes.py",
}


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook; without xdist it is never called
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getoption("dist") != "loadfile":
        return None  # xdist's own scheduler for any other distribution
    from xdist.scheduler import LoadFileScheduling

    together = {f"tests/{name}": f"tests/{unit}" for name, unit in _SAME_WORKER.items()}

    class FilesSharingCaches(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return together.get(path, path)

    return FilesSharingCaches(config, log)


def pytest_configure(config: pytest.Config) -> None:
    """In the controller of a run with test workers (``-n``), before they start: rewrite the test modules'
    asserts once, into the cache pytest keeps beside them (``__pycache__``, as every run does), so that the
    workers read the rewritten modules instead of each rewriting them all while collecting (1.7 s of CPU a
    process in a fresh clone, where the cache is empty). Where pytest's internals differ, nothing is written
    here and the workers rewrite as before."""
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", None):
        return
    if config.getoption("assertmode") != "rewrite" or sys.dont_write_bytecode:
        return
    try:
        from _pytest.assertion import rewrite

        state = config.stash[rewrite.assertstate_key]
        for module in sorted((ROOT / "tests").rglob("test_*.py")):
            cache = rewrite.get_cache_dir(module)
            pyc = cache / (module.name[:-3] + rewrite.PYC_TAIL)
            if rewrite._read_pyc(module, pyc) is None and rewrite.try_makedirs(cache):
                source_hash, code = rewrite._rewrite_test(module, config)
                rewrite._write_pyc(state, code, source_hash, pyc)
    except Exception:  # pytest's private helpers changed: leave the rewriting to the workers
        return
