"""Packaging: one import namespace, the Experta trap, no side effects on the host."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from ..conftest import EXAMPLES, ROOT

CHECK_IMPORT = """
import collections, logging, sys
import samenwerkwijzer
samenwerkwijzer.diagnose  # the names load on first use: this one loads the engine, and Experta with it
import frozendict
assert not logging.getLogger().handlers, logging.getLogger().handlers
assert not hasattr(collections, "Mapping"), "compat alias left behind"
assert "samenwerkwijzer.cli" not in sys.modules and "click" not in sys.modules, "library imported the CLI"
print(frozendict.__version__ if hasattr(frozendict, "__version__") else "1.x")
"""


def test_import_in_a_fresh_interpreter_has_no_side_effects():
    proc = subprocess.run([sys.executable, "-c", CHECK_IMPORT], capture_output=True, text=True, cwd="/")
    assert proc.returncode == 0, proc.stderr


def test_a_diagnosis_neither_imports_nor_reads_the_rule_examples():
    """The examples (rules/<concern>/examples.yaml) are authoring data: only the rule pages and the tests load them."""
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == 'open' else None)\n"
        "from samenwerkwijzer import diagnose, load_case, render_html, render_letter\n"
        f"advice = diagnose(load_case({str(EXAMPLES / 'gecombineerd.yaml')!r}))\n"
        "render_letter(advice); render_html(advice)\n"
        "assert not [m for m in sys.modules if m.endswith(('._examples', '._ruledocs'))], sorted(sys.modules)\n"
        "assert not [p for p in opened if p.endswith('examples.yaml')], opened\n"
        "assert [p for p in opened if 'gecombineerd' in p], 'the audit hook saw no file opened'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert proc.returncode == 0, proc.stderr


def test_host_logging_configuration_is_kept():
    code = (
        "import logging; h = logging.StreamHandler(); logging.getLogger().addHandler(h)\n"
        "import samenwerkwijzer\n"
        "assert logging.getLogger().handlers == [h]"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert proc.returncode == 0, proc.stderr


def test_wheel_installs_under_one_namespace_with_data_and_py_typed(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert top_level == {"samenwerkwijzer"}
    for expected in (
        "samenwerkwijzer/py.typed",
        "samenwerkwijzer/render/templates/letter.md.j2",
        "samenwerkwijzer/rules/roles/__init__.py",
        "samenwerkwijzer/cli/__init__.py",
        "samenwerkwijzer/knowledge/interventions/regie.yaml",
        "samenwerkwijzer/rules/roles/findings.yaml",
        "samenwerkwijzer/render/_template_child.py",
        "samenwerkwijzer/knowledge/sources/004_88b54933500dbbd6.txt",
        "samenwerkwijzer/web/templates/base.html",
        "samenwerkwijzer/web/static/htmx.min.js",
        "samenwerkwijzer/web/migrations/env.py",
        "samenwerkwijzer/web/migrations/versions/0001_initial.py",
        "samenwerkwijzer/web/migrations/versions/0002_api_keys.py",
        "samenwerkwijzer/web/templates/les.html",
        "samenwerkwijzer/web/static/les.js",
        "samenwerkwijzer/web/static/swagger-ui-bundle.js",
    ):
        assert expected in names
    shipped = {
        "samenwerkwijzer/knowledge/" + str(p.relative_to(ROOT / "knowledge"))
        for p in (ROOT / "knowledge").rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".txt", ".py")
    }
    assert shipped <= set(names), shipped - set(names)
    # The rules' examples are data of the source checkout (tests, rule pages), not of the package.
    assert not [n for n in names if n.startswith("samenwerkwijzer/rules/") and n.endswith("/examples.yaml")]
    shipped_rules = sorted(n for n in names if n.startswith("samenwerkwijzer/rules/"))
    checkout = {f"samenwerkwijzer/rules/{p.relative_to(ROOT / 'rules')}" for p in (ROOT / "rules").rglob("*.py")}
    for data in ("findings.yaml", "suppressions.yaml"):
        checkout |= {f"samenwerkwijzer/rules/{p.parent.name}/{p.name}" for p in (ROOT / "rules").glob(f"*/{data}")}
    assert shipped_rules == sorted(checkout)  # every concern's rules, findings and suppression sentences


def test_plain_pip_install_in_a_fresh_venv_works_with_frozendict_1_and_2(wheel, tmp_path):
    """What an integrator does: ``pip install samenwerkwijzer`` into a new venv. The wheel goes in
    with ``--no-deps`` and the dependencies come from this test run's own environment, appended to
    the new venv's path (without its .pth files, so this checkout's editable install stays out):
    resolving and downloading them again took half a minute of the suite, and the README's install
    command, which CI runs in a fresh venv, resolves the same dependencies."""
    venv = tmp_path / "venv"
    # Without pip of its own (quicker to make): this process's pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    pip = (sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check")

    def sh(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path)

    site = sh(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip()
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p, "frozendict").exists()]
    assert ours, "the test run's environment has frozendict"
    Path(site, "dependencies.pth").write_text(ours[0] + "\n")
    install = sh(*pip, "install", "-q", "--no-compile", "--no-deps", str(wheel))
    assert install.returncode == 0, install.stderr
    pinned = sh(str(python), "-c", "import importlib.metadata as m; print(m.version('frozendict'))")
    assert pinned.stdout.strip() == "1.2", pinned.stderr
    located = sh(str(python), "-c", "import samenwerkwijzer; print(samenwerkwijzer.__file__)")
    assert located.stdout.startswith(str(venv)), located.stdout  # the wheel's copy, not this checkout
    imported = sh(str(python), "-c", CHECK_IMPORT)
    assert imported.returncode == 0, imported.stderr
    letter = sh(str(venv / "bin" / "samenwerkwijzer"), "diagnose", str(EXAMPLES / "gecombineerd.yaml"))
    assert letter.returncode == 0, letter.stderr
    assert letter.stdout.startswith("# Advies over ")

    # Installed, there are no rule examples: a rule's page says where they live, and writing the pages is refused.
    page = sh(str(venv / "bin" / "samenwerkwijzer"), "rules", "show", "ROL001", "--lang", "en")
    assert page.returncode == 0, page.stderr
    assert "## Example" not in page.stdout and "they live in `rules/roles/examples.yaml`" in page.stdout
    refused = sh(str(venv / "bin" / "samenwerkwijzer"), "rules", "docs", str(tmp_path / "pages"))
    assert refused.returncode == 1 and "checkout van de broncode" in refused.stderr

    # The web application's migrations ship and run: what `samenwerkwijzer serve` does first.
    database = f"sqlite:///{tmp_path / 'web.db'}"
    created = subprocess.run(
        [str(venv / "bin" / "samenwerkwijzer"), "serve", "--database", database, "--create-user", "anna"],
        capture_output=True, text=True, cwd=tmp_path, env=env | {"SAMENWERKWIJZER_PASSWORD": "een goed wachtwoord"},
    )  # fmt: skip
    assert created.returncode == 0 and "Account anna aangemaakt" in created.stdout, created.stderr

    # An integrator who overrides the pin gets frozendict 2.x; that must work too.
    upgrade = sh(*pip, "install", "-q", "--no-deps", "frozendict>=2.4")
    assert upgrade.returncode == 0, upgrade.stderr
    imported = sh(str(python), "-c", CHECK_IMPORT)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip().startswith("2.")
    assert (
        sh(str(venv / "bin" / "samenwerkwijzer"), "diagnose", str(EXAMPLES / "gecombineerd.yaml")).stdout
        == letter.stdout
    )
