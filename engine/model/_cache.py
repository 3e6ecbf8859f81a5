"""Caches kept between runs: what every process would otherwise rebuild.

A command-line run is a new process each time; validating the knowledge base
and compiling the letter templates cost it more than the diagnosis. Both
results are kept in the user's own cache directory (``platformdirs``:
``~/.cache/samenwerkwijzer`` on Linux), under a key made of everything they
depend on (:func:`fingerprint`), so a stale entry is never read: another key is
looked for, and the old entry is replaced.

An entry is read only from a directory and a file that belong to the user
running the command and that no one else may write (see SECURITY.md, "Caches"):
a catalogue entry is a pickle, and reading a pickle runs code. Anything amiss (a
missing, corrupt, foreign or unreadable entry, a read-only disk) means the
entry is rebuilt and, where possible, written again; a cache never makes a
command fail.

``SAMENWERKWIJZER_NO_CACHE=1`` turns every cache off; ``SAMENWERKWIJZER_CACHE_DIR``
puts them elsewhere (the tests use a temporary directory).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .._version import __version__

NO_CACHE_ENV = "SAMENWERKWIJZER_NO_CACHE"
CACHE_DIR_ENV = "SAMENWERKWIJZER_CACHE_DIR"
APP_NAME = "samenwerkwijzer"


def enabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "").strip() in ("", "0")


def _owned_and_private(st: os.stat_result) -> bool:
    """Owned by the user running this process, and writable by no one else."""
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    geteuid = getattr(os, "geteuid", None)  # not on Windows, where the profile folder is private
    return geteuid is None or st.st_uid == geteuid()


def cache_dir() -> Path | None:
    """The cache directory, created if need be; None when caching is off or
    the directory is not safe to read code from."""
    if not enabled():
        return None
    configured = os.environ.get(CACHE_DIR_ENV, "").strip()
    if configured:
        root = Path(configured)
    else:
        import platformdirs  # only when the cache is used

        root = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = root.stat()
    except OSError:
        return None
    return root if stat.S_ISDIR(st.st_mode) and _owned_and_private(st) else None


def fingerprint(*parts: str, packages: Iterable[str] = (), files: Iterable[Path] = ()) -> str:
    """A key for a cache entry: this package's version, the Python it runs on,
    the given ``parts`` (dependency versions, options) and the content of every
    file of the given packages and of the given files."""
    digest = hashlib.sha256()
    for part in (__version__, sys.version, sys.implementation.cache_tag or "", *parts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for package in packages:
        for name, data in _package_files(resources.files(package), package):
            digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    for path in files:
        digest.update(str(path.name).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:40]


def _package_files(folder: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    """Every file of a package but its byte code, by name below ``prefix``, in name order."""
    if isinstance(folder, Path):  # a package on disk: read directly, a quarter of the time through Traversable
        return _folder_files(str(folder), prefix)
    out: list[tuple[str, bytes]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                out += _package_files(entry, name)
        elif not entry.name.endswith((".pyc", ".pyo")):
            out.append((name, entry.read_bytes()))
    return out


def _folder_files(folder: str, prefix: str) -> list[tuple[str, bytes]]:
    """:func:`_package_files` of a folder on disk (the same names, order and content)."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    out: list[tuple[str, bytes]] = []
    for entry in entries:
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                out += _folder_files(entry.path, name)
        elif not entry.name.endswith((".pyc", ".pyo")):
            with open(entry.path, "rb") as handle:
                out.append((name, handle.read()))
    return out


def entry_path(directory: Path, name: str, key: str) -> Path:
    return directory / f"{name}-{key}.bin"


def read(name: str, key: str) -> bytes | None:
    """The entry ``name`` under ``key``, or None (no cache, no entry, or an
    entry that is not the user's own and private)."""
    directory = cache_dir()
    return None if directory is None else read_file(entry_path(directory, name, key))


def read_file(path: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode) or not _owned_and_private(st):
            return None
        try:
            return handle.read()
        except OSError:
            return None


def write(name: str, key: str, data: bytes) -> None:
    """Store an entry atomically (readers see the old entry or the new one) and
    remove the entries of ``name`` under other keys; failures are ignored."""
    directory = cache_dir()
    if directory is not None:
        write_file(entry_path(directory, name, key), data, stale=f"{name}-")


def write_file(path: Path, data: bytes, *, stale: str | None = None) -> None:
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".bin")  # mode 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    if stale is not None:
        for old in path.parent.glob(f"{stale}*.bin"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()


__all__ = [
    "APP_NAME",
    "CACHE_DIR_ENV",
    "NO_CACHE_ENV",
    "cache_dir",
    "enabled",
    "entry_path",
    "fingerprint",
    "read",
    "read_file",
    "write",
    "write_file",
]
