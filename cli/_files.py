"""Writing the CLI's output: to standard output, or atomically to a file.

The rules, in one place:

- ``-o -`` is standard output (as is leaving ``-o`` out); an empty name, or a
  name ending in a path separator, is refused as bad usage.
- The target must be absent or a regular file. A device, FIFO, socket or
  directory is never replaced, not even with ``--force`` (as root,
  ``-o /dev/null --force`` would otherwise replace ``/dev/null``); anything
  under ``/dev`` (but ``/dev/shm``) or ``/proc``, such as ``/dev/stdout``,
  is refused with a hint to use ``-o -``.
- A symbolic link counts as existing, dangling or not: without ``--force`` it
  is refused. With ``--force``, a link to a regular file is written
  *through*: the file it points at is replaced atomically and the link
  stays. A dangling link, or a link to anything but a regular file, is
  refused even with ``--force``.
- The content goes to a temporary file beside the target, named
  ``.NAME.PID.XXXXXXXX.swwtmp``, which is fsynced, renamed over the target
  and the directory fsynced; an error or interruption removes it, so a
  target is either the old file or the complete new one. A temporary file
  left by a killed process (its pid no longer running, or older than a
  minute) is removed on the next write to the same target.
- Control characters and terminal escape sequences are removed from all
  text written (see :func:`samenwerkwijzer.render._letter.strip_control`).
- A write error (full disk, file too large, closed standard output) is one
  clear message and exit code 1, never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

import click

from samenwerkwijzer import strip_control

STDOUT = Path("-")
TEMP_SUFFIX = ".swwtmp"
STALE_AFTER = 60.0  # seconds
NAME_IN_TEMP = 100  # characters of the target's name kept in the temporary file's name


class OutputPath(click.Path):
    """``-o FILE``: a file name, or ``-`` for standard output. Refuses an
    empty name and a name ending in a separator (a directory) as usage
    errors, before the separator is lost in a :class:`~pathlib.Path`."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path, allow_dash=True)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Path):
            return value
        text = os.fsdecode(value)
        if text == "":
            self.fail("de bestandsnaam is leeg; geef een bestandsnaam, of - voor standaarduitvoer", param, ctx)
        if text == "-":
            return STDOUT
        separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
        if text.endswith(separators) or text in (".", ".."):
            self.fail(f"{text!r} is een map; geef de naam van een bestand om te schrijven", param, ctx)
        return super().convert(value, param, ctx)


class _CleanText(io.TextIOWrapper):
    """A text file that drops control characters and escape sequences."""

    def write(self, s: str) -> int:
        super().write(strip_control(s))
        return len(s)


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "een map"),
        (stat.S_ISCHR, "een apparaat"),
        (stat.S_ISBLK, "een apparaat"),
        (stat.S_ISFIFO, "een benoemde pijp (FIFO)"),
        (stat.S_ISSOCK, "een socket"),
    ):
        if test(mode):
            return name
    return "geen gewoon bestand"


#: The operating system's most common reasons in Dutch (the library's own table is private to it).
_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang",
    errno.EPERM: "niet toegestaan",
    errno.EISDIR: "is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.EEXIST: "bestaat al",
    errno.EPIPE: "de lezer is weg",
    errno.EBADF: "niet open",
    errno.EIO: "leesfout of schrijffout van het apparaat",
    errno.EFBIG: "het bestand wordt te groot",
    errno.EDQUOT: "de schijfruimte van de gebruiker is op",
}


def reason(exc: BaseException) -> str:
    """Why an operating-system call failed, in Dutch."""
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        return _REASONS.get(number, f"systeemfout {errno.errorcode.get(number, number)}")
    # An OSError without a number carries this package's own (Dutch) message, e.g. the intake's.
    return str(exc) or "systeemfout"


def resolve_target(output: Path, *, force: bool, fail: Callable[[str], NoReturn]) -> Path:
    """The regular file to replace for ``output`` (itself, or the file a
    symbolic link points at with ``force``); calls ``fail`` to refuse."""
    hint = "; voor standaarduitvoer: -o - of laat -o weg"
    real = Path(os.path.realpath(output))
    special = [str(p) for p in (real, output) if str(p).startswith(("/dev/", "/proc/"))]
    if special and not all(p.startswith("/dev/shm/") for p in special):
        fail(f"{output} is geen gewoon bestand; daar wordt niet in geschreven{hint}")
    try:
        info = output.lstat()
    except FileNotFoundError:
        return output
    except OSError as exc:
        fail(f"kan {output} niet schrijven ({reason(exc)})")
    if stat.S_ISLNK(info.st_mode):
        if not force:
            fail(
                f"{output} bestaat al (een symbolische koppeling); --force overschrijft het bestand waarnaar hij wijst"
            )
        try:
            target = real.stat()
        except OSError:
            fail(f"{output} is een symbolische koppeling naar {real}, dat niet bestaat; die wordt niet gevolgd")
        if not stat.S_ISREG(target.st_mode):
            kind = _kind(target.st_mode)
            fail(f"{output} is een symbolische koppeling naar {real}, en dat is {kind}; dat wordt niet vervangen")
        return real
    if not stat.S_ISREG(info.st_mode):
        fail(f"{output} is {_kind(info.st_mode)}; dat wordt niet door een bestand vervangen{hint}")
    if not force:
        fail(f"{output} bestaat al; --force overschrijft het")
    return output


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. EPERM: it exists, as someone else's process
        return True
    return True


def remove_stale_temporaries(target: Path, *, now: float | None = None) -> None:
    """Remove temporary files of earlier writes to ``target`` whose writer
    is gone (no such pid) or that are older than :data:`STALE_AFTER`."""
    pattern = re.compile(
        re.escape(f".{target.name[:NAME_IN_TEMP]}.") + r"([0-9]+)\.[A-Za-z0-9_]+" + re.escape(TEMP_SUFFIX)
    )
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            pid = int(match.group(1))
            if now - info.st_mtime > STALE_AFTER or (pid != os.getpid() and not _alive(pid)):
                os.unlink(entry.path)


def _fsync_directory(directory: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems cannot sync a directory
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def stdout_handle(fail: Callable[[str], NoReturn]) -> Iterator[TextIO]:
    """Standard output as a cleaned text handle (``.buffer`` for bytes);
    a closed or failing standard output fails clearly."""
    stream = sys.stdout
    if stream is None:
        fail("kan niet naar standaarduitvoer schrijven: die is gesloten")
    try:
        yield cast(TextIO, CleanStream(stream))
        stream.flush()
    except OSError as exc:
        stdout_failed(exc, fail)


def write_stdout(text: str, fail: Callable[[str], NoReturn]) -> None:
    """Print ``text`` (cleaned) on standard output."""
    if sys.stdout is None:
        fail("kan niet naar standaarduitvoer schrijven: die is gesloten")
    try:
        click.echo(strip_control(text), nl=False)
        sys.stdout.flush()
    except OSError as exc:
        stdout_failed(exc, fail)


class CleanStream:
    """A text stream whose ``write`` drops control characters and escape
    sequences; everything else (``buffer``, ``isatty``, …) is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, s: str) -> int:
        if not isinstance(s, str):  # click probes with b"": answer as the stream would
            return self._stream.write(s)
        self._stream.write(strip_control(s))
        return len(s)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def stdout_failed(exc: OSError, fail: Callable[[str], NoReturn]) -> NoReturn:
    """Standard output failed: silently for a reader that went away (``| head``),
    with a message otherwise."""
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        discard_stdout()
        sys.exit(1)
    fail(f"kan niet naar standaarduitvoer schrijven ({reason(exc)})")


def discard_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush
    of what is still buffered cannot fail again at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def atomic_file(output: Path, *, force: bool, fail: Callable[[str], NoReturn]) -> Iterator[TextIO]:
    """A cleaned text handle (``.buffer`` for bytes) whose content replaces
    ``output`` only when the block ends without error (see the module)."""
    target = resolve_target(output, force=force, fail=fail)
    remove_stale_temporaries(target)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name[:NAME_IN_TEMP]}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except OSError as exc:
        fail(f"kan {output} niet schrijven ({reason(exc)})")
    try:
        try:
            with _CleanText(os.fdopen(fd, "wb"), encoding="utf-8", newline="\n") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            # mkstemp makes the file private (0600); give it the permissions a new file would get.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            fail(f"kan {output} niet schrijven ({reason(exc)})")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent)


__all__ = [
    "NAME_IN_TEMP",
    "STALE_AFTER",
    "STDOUT",
    "TEMP_SUFFIX",
    "CleanStream",
    "OutputPath",
    "atomic_file",
    "discard_stdout",
    "remove_stale_temporaries",
    "resolve_target",
    "stdout_failed",
    "stdout_handle",
    "write_stdout",
]
