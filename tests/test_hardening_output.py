"""Hardening of the output side: write errors, -o edge cases, case text that
tries to become structure or terminal control, Experta's logging and import
order, the jinja2 pin (review items 12, 13, 16, 17)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from .conftest import EXAMPLES, ROOT

COMBINED = str(EXAMPLES / "gecombineerd.yaml")
CLI = [sys.executable, "-m", "samenwerkwijzer.cli"]


# 17. Experta stays quiet, imports in any order; jinja2 with its security fixes

_DIAGNOSE = (
    "from samenwerkwijzer import diagnose, load_case\n"
    f"advice = diagnose(load_case({COMBINED!r}))\n"
    "assert advice.interventions\n"
)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)


def test_experta_logs_nothing_for_a_host_at_debug_level():
    proc = _python(
        "import logging\n"
        "logging.basicConfig(level=logging.DEBUG)\n"
        "root = logging.getLogger()\n"
        "handlers = list(root.handlers)\n"
        "records = []\n"
        "class Count(logging.Handler):\n"
        "    def emit(self, record):\n"
        "        records.append(record.name)\n"
        "root.addHandler(Count())\n" + _DIAGNOSE + "assert root.level == logging.DEBUG\n"
        "assert root.handlers[:-1] == handlers, root.handlers\n"
        "assert not [n for n in records if n.startswith('experta')], len(records)\n"
        "logging.getLogger('experta').warning('still reaches the host')\n"
        "assert records[-1] == 'experta', records\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_host_level_on_the_experta_logger_is_kept():
    proc = _python(
        "import logging\n"
        "logging.getLogger('experta').setLevel(logging.DEBUG)\n"
        "import samenwerkwijzer\n"
        "assert logging.getLogger('experta').level == logging.DEBUG\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_host_whose_own_experta_import_failed_can_still_diagnose():
    proc = _python(
        "try:\n"
        "    import experta  # frozendict 1.2 needs collections.Mapping, which the host lacks\n"
        "except AttributeError:\n"
        "    pass\n"
        "try:\n"
        "    import frozendict\n"
        "except AttributeError:\n"
        "    pass\n" + _DIAGNOSE
    )
    assert proc.returncode == 0, proc.stderr


def test_a_host_that_imported_experta_first_shares_it():
    proc = _python(
        "import collections, collections.abc, logging\n"
        "collections.Mapping = collections.abc.Mapping\n"
        "import experta\n"
        "del collections.Mapping\n" + _DIAGNOSE + "from samenwerkwijzer._experta import KnowledgeEngine\n"
        "assert KnowledgeEngine is experta.KnowledgeEngine\n"
        "assert not hasattr(collections, 'Mapping')\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_broken_experta_is_a_clear_import_error():
    proc = _python(
        "import sys\n"
        "sys.modules['frozendict'] = None  # frozendict missing\n"
        "try:\n"
        "    import samenwerkwijzer\n"
        "except ImportError as exc:\n"
        "    assert 'samenwerkwijzer cannot import Experta' in str(exc), exc\n"
        "    assert 'frozendict' in str(exc)\n"
        "else:\n"
        "    raise SystemExit('imported')\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_jinja2_is_pinned_past_its_security_fixes():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert "jinja2>=3.1.6,<4" in dependencies
