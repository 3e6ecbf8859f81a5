"""The library's public face: a small core in ``samenwerkwijzer``, the rest in
the public sub-modules ``trainer``, ``intake``, ``authoring`` and ``batch``;
the names the core exported before still import, with a DeprecationWarning."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import samenwerkwijzer

ROOT = Path(__file__).resolve().parents[2]
SUBMODULES = ["trainer", "intake", "authoring", "batch"]

#: Alembic's own files (its environment and the migrations it writes) follow Alembic's layout, not the library's.
NOT_MODULES = ("web/migrations/",)


def test_the_core_is_small_and_every_name_in_it_resolves():
    assert len(samenwerkwijzer.__all__) <= 35
    assert len(set(samenwerkwijzer.__all__)) == len(samenwerkwijzer.__all__)
    for name in samenwerkwijzer.__all__:
        assert getattr(samenwerkwijzer, name) is not None, name


@pytest.mark.parametrize("name", SUBMODULES)
def test_each_public_sub_module_exports_what_it_lists(name):
    module = importlib.import_module(f"samenwerkwijzer.{name}")
    assert module.__all__ and module.__doc__
    for attribute in module.__all__:
        assert hasattr(module, attribute), f"samenwerkwijzer.{name}.{attribute}"
    assert not set(module.__all__) & set(samenwerkwijzer.__all__)


def test_every_name_the_core_had_still_imports_with_a_warning_naming_its_home():
    for name, home in samenwerkwijzer._MOVED.items():
        module, _, attribute = home.partition(":")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = getattr(samenwerkwijzer, name)
        assert [w.category for w in caught] == [DeprecationWarning], name
        if not any(part.startswith("_") for part in module.split(".")):
            assert f"samenwerkwijzer.{module}.{attribute or name}" in str(caught[0].message)
            assert value is getattr(importlib.import_module(f"samenwerkwijzer.{module}"), attribute or name)


def test_the_core_names_give_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in samenwerkwijzer.__all__:
            getattr(samenwerkwijzer, name)


def test_importing_the_package_loads_nothing_it_does_not_use():
    heavy = "('pydantic', 'experta', 'jinja2', 'click', 'yaml')"
    code = f"import sys, samenwerkwijzer; print(sorted(m for m in {heavy} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _declares_all(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return True
    return False


def test_every_module_declares_all():
    """Every module of the library, in every folder (issue 20: "Every module declares `__all__`")."""
    modules = [
        path.relative_to(ROOT).as_posix()
        for folder in ("engine", "rules", "knowledge", "cli", "web")
        for path in sorted((ROOT / folder).rglob("*.py"))
    ]
    modules = [m for m in modules if not m.startswith(NOT_MODULES)]
    assert len(modules) > 150
    missing = [m for m in modules if not _declares_all(ROOT / m)]
    assert missing == []


def test_the_library_faces_are_documented():
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in SUBMODULES:
        assert f"samenwerkwijzer.{name}" in text
    for name in samenwerkwijzer.__all__:
        assert f"`{name}`" in text, name
