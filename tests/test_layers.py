"""The package's modules import in one direction: rules (and their DSL) and
knowledge at the bottom, the engine above them, the CLI on top. No cycle,
also not through an import inside a function."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

# The package and its sub-packages; in a checkout each is its own top-level folder.
PACKAGES = [
    "samenwerkwijzer",
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
    """Module -> the package's modules it imports (anywhere in its code)."""
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
    return graph


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
