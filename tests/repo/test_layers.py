"""The package's modules import in one direction: rules (and their DSL) and
knowledge at the bottom, the engine above them, the CLI on top. No cycle,
also not through an import inside a function."""

from __future__ import annotations

import ast
import functools
import importlib
from pathlib import Path

import pytest

# The package and its sub-packages; in a checkout each is its own top-level folder.
PACKAGES = [
    "samenwerkwijzer",
    *(f"samenwerkwijzer.{room}" for room in ("model", "wording", "reasoning", "reasoning.experta", "render")),
    *(f"samenwerkwijzer.{room}" for room in ("trainer", "intake", "authoring")),
    "samenwerkwijzer.rules",
    "samenwerkwijzer.knowledge",
    "samenwerkwijzer.cli",
    "samenwerkwijzer.web",
]


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for package in PACKAGES:
        folder = Path(importlib.import_module(package).__file__ or "").resolve().parent
        for path in folder.glob("*.py"):
            out[package if path.stem == "__init__" else f"{package}.{path.stem}"] = path
    return out


def _imports() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (anywhere in its code). A fresh copy for each test of the graph
    the package's sources give, parsed once (eight tests read it)."""
    return {name: set(targets) for name, targets in _parsed_imports().items()}


@functools.cache
def _parsed_imports() -> dict[str, frozenset[str]]:
    paths = _modules()
    assert len(paths) > 50 and "samenwerkwijzer.cli._intake" in paths and "samenwerkwijzer.rules.dsl" in paths
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            for target in targets:
                if target in paths and target != name:
                    graph[name].add(target)
    return {name: frozenset(targets) for name, targets in graph.items()}


def _is_under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_import_graph_has_no_cycle():
    graph = _imports()
    # The package root only re-exports (lazily, for start-up time): leave it out of the walk.
    graph = {m: {t for t in ts if t != "samenwerkwijzer"} for m, ts in graph.items() if m != "samenwerkwijzer"}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycle = path[path.index(target) :] + [target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_imports_only_point_down():
    graph = _imports()
    for module, targets in graph.items():
        for target in targets:
            if _is_under(module, "samenwerkwijzer.rules"):
                assert _is_under(target, "samenwerkwijzer.rules"), f"{module} imports {target}"
            if _is_under(target, "samenwerkwijzer.cli"):
                assert _is_under(module, "samenwerkwijzer.cli"), f"{module} imports {target}"
            if _is_under(target, "samenwerkwijzer.web"):
                # The web application is an interface beside the CLI; only the CLI's serve command starts it.
                assert _is_under(module, "samenwerkwijzer.web") or module == "samenwerkwijzer.cli._serve", (
                    f"{module} imports {target}"
                )
            if _is_under(module, "samenwerkwijzer.knowledge"):
                assert _is_under(target, "samenwerkwijzer.knowledge"), f"{module} imports {target}"


@pytest.mark.parametrize("interface", ["samenwerkwijzer.cli", "samenwerkwijzer.web"])
def test_the_interfaces_use_only_the_public_api(interface):
    graph = _imports()
    for module, targets in graph.items():
        if _is_under(module, interface):
            private = sorted(t for t in targets if not _is_under(t, interface) and t.rpartition(".")[2].startswith("_"))
            assert private == [], f"{module} imports private modules {private}"


#: The engine's rooms and the rooms each may import (docs/architecture.md; each room's docstring says the same).
ROOMS: dict[str, set[str]] = {
    "model": set(),
    "wording": {"model"},
    "reasoning.experta": set(),
    "reasoning": {"model", "wording", "reasoning.experta"},
    "render": {"model", "wording"},
    "trainer": {"model", "wording", "reasoning", "reasoning.experta", "render"},
    "intake": {"model", "wording", "reasoning", "reasoning.experta"},
    "authoring": {"model", "wording", "reasoning", "reasoning.experta", "render", "trainer", "intake"},
}


def _room(module: str) -> str | None:
    for room in sorted(ROOMS, key=len, reverse=True):
        if _is_under(module, f"samenwerkwijzer.{room}"):
            return room
    return None


def test_every_engine_module_lives_in_a_room_or_is_a_face():
    faces = {"samenwerkwijzer", "samenwerkwijzer._version", "samenwerkwijzer._startup"}
    faces |= {"samenwerkwijzer.batch", "samenwerkwijzer.pdf"}
    others = ("samenwerkwijzer.rules", "samenwerkwijzer.knowledge", "samenwerkwijzer.cli", "samenwerkwijzer.web")
    homeless = [m for m in _imports() if not _is_under_any(m, others) and m not in faces and _room(m) is None]
    assert homeless == []


def _is_under_any(module: str, packages: tuple[str, ...]) -> bool:
    return any(_is_under(module, p) for p in packages)


def test_no_room_imports_sideways():
    """Render reads only the model and its wording; the trainer never reaches into the intake; the model
    imports no other room. An import inside a function counts too."""
    wrong = []
    for module, targets in _imports().items():
        here = _room(module)
        if here is None:
            continue
        for target in targets:
            there = _room(target)
            if there is not None and there != here and there not in ROOMS[here]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_the_rooms_say_what_they_may_import():
    for room, allowed in ROOMS.items():
        doc = importlib.import_module(f"samenwerkwijzer.{room}").__doc__ or ""
        assert "May import" in doc or "Room rule" in doc, room
        for other in allowed - {"reasoning.experta"}:
            assert f"``{other}``" in doc, (room, other)


@pytest.mark.parametrize("interface", ["samenwerkwijzer.cli", "samenwerkwijzer.web"])
def test_the_interfaces_import_faces_not_rooms(interface):
    inner = ("model", "wording", "reasoning", "render")
    graph = _imports()
    wrong = sorted(
        f"{m} -> {t}"
        for m, ts in graph.items()
        if _is_under(m, interface)
        for t in ts
        if any(_is_under(t, f"samenwerkwijzer.{room}") for room in inner)
    )
    assert wrong == []


#: The most lines a module of the engine, the rules, the CLI or the web application may have (issue 20).
MAX_MODULE_LINES = 450

#: Modules still longer, each being split in its own work. This set may only shrink: a module in it that is
#: short enough fails the test until it is taken out, and no module may join it.
PENDING_SPLITS: frozenset[str] = frozenset()  # every module is within the bound; a new one over it fails


def _module_lines() -> dict[str, int]:
    """Every module of the engine, the rules, the CLI and the web application by its path in the checkout
    (``engine/model/_case.py``), with its number of lines."""
    package = Path(importlib.import_module("samenwerkwijzer").__file__ or "").parent
    out: dict[str, int] = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] == "knowledge" or not path.is_file():
            continue
        name = relative.as_posix() if relative.parts[0] in ("rules", "cli", "web") else f"engine/{relative.as_posix()}"
        out[name] = len(path.read_text(encoding="utf-8").splitlines())
    return out


def test_no_module_is_longer_than_450_lines():
    lines = _module_lines()
    assert "engine/model/_catalogue.py" in lines and "cli/_intake.py" in lines and "web/_app.py" in lines
    too_long = sorted(f"{name} ({n} lines)" for name, n in lines.items() if n > MAX_MODULE_LINES)
    assert [m for m in too_long if m.split(" (")[0] not in PENDING_SPLITS] == [], "split these modules"
    done = sorted(name for name in PENDING_SPLITS if lines.get(name, 0) <= MAX_MODULE_LINES)
    assert done == [], "these are short enough now (or gone): take them out of PENDING_SPLITS"
