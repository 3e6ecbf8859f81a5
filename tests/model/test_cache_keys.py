"""The caches' keys (engine/model/_cache.py, ``fingerprint``): a package on disk is read directly (``os.scandir``)
instead of through importlib.resources, a quarter of the time; the files, their names, their order and their
content must be the same, so that the keys are too."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from samenwerkwijzer.model import _cache


def _through_resources(folder, prefix: str) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                out += _through_resources(entry, name)
        elif not entry.name.endswith((".pyc", ".pyo")):
            out.append((name, entry.read_bytes()))
    return out


@pytest.mark.parametrize("package", ["samenwerkwijzer.knowledge", "samenwerkwijzer.rules"])
def test_a_package_on_disk_is_read_as_through_importlib_resources(package):
    folder = resources.files(package)
    assert isinstance(folder, Path)
    direct = _cache._package_files(folder, package)
    assert direct == _through_resources(folder, package)
    assert len(direct) > 10 and all(not name.endswith(".pyc") and "__pycache__" not in name for name, _ in direct)


def test_byte_code_is_left_out_and_a_changed_file_is_read_anew(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("tekst\n")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "c.pyc").write_bytes(b"\0")
    before = _cache._package_files(tmp_path, "p")
    assert [name for name, _ in before] == ["p/a.yaml", "p/sub/b.txt"]
    (tmp_path / "sub" / "b.txt").write_text("andere tekst\n")
    assert _cache._package_files(tmp_path, "p") != before
