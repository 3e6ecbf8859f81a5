"""The caches' keys (engine/model/_cache.py, ``fingerprint``): a package on disk is read directly (``os.scandir``)
instead of through importlib.resources, a quarter of the time; the files, their names, their order and their
content must be the same, so that the keys are too."""

from __future__ import annotations

import zipfile
from importlib import resources
from pathlib import Path

import pytest

from samenwerkwijzer.model import _cache


def _zipped(folder: Path, into: Path) -> zipfile.Path:
    """The folder as a zipped package, whose importlib.resources Traversable is no ``pathlib.Path``: what
    ``_package_files`` reads through ``iterdir`` and ``read_bytes`` (byte code included, to be left out)."""
    with zipfile.ZipFile(into, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"pkg/{path.relative_to(folder).as_posix()}")
    return zipfile.Path(into, at="pkg/")


@pytest.mark.parametrize("package", ["samenwerkwijzer.knowledge", "samenwerkwijzer.rules"])
def test_a_package_on_disk_is_read_as_through_importlib_resources(package, tmp_path):
    folder = resources.files(package)
    assert isinstance(folder, Path)
    direct = _cache._package_files(folder, package)
    assert direct == _cache._package_files(_zipped(folder, tmp_path / "pkg.zip"), package)
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
