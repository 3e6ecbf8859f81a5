"""Render advice as a PDF letter: the Word letter of :func:`render_docx`,
converted by LibreOffice (``soffice --headless``), which must be installed.

Each conversion runs in a process group of its own, in a temporary folder named after the process that
started it; a conversion that fails or takes too long is ended with its whole group (LibreOffice starts a
helper process). When the process that started a conversion is killed outright (kill -9), its LibreOffice and
folder outlive it: :func:`sweep` ends and removes them, and every conversion sweeps first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..model._advice import Advice
from ..model._errors import SamenwerkwijzerError
from ._docx import render_docx
from ._letter import DEFAULT_TOP

CONVERT_SECONDS = 120
_PREFIX = "samenwerkwijzer-pdf-"


class ConverterMissingError(SamenwerkwijzerError):
    """The PDF letter needs LibreOffice, and it is not installed."""


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _end_group(group: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)


def sweep(folder: str | os.PathLike[str] | None = None) -> int:
    """End the LibreOffice and remove the temporary folder of every conversion whose process is gone; how many."""
    swept = 0
    for found in Path(folder or tempfile.gettempdir()).glob(_PREFIX + "*"):
        try:
            owner = int(found.name[len(_PREFIX) :].split("-", 1)[0])
        except ValueError:
            continue
        if owner == os.getpid() or _alive(owner):
            continue
        with contextlib.suppress(OSError, ValueError):
            _end_group(int((found / "group").read_text(encoding="ascii")))
        shutil.rmtree(found, ignore_errors=True)
        swept += 1
    return swept


def docx_to_pdf(data: bytes) -> bytes:
    """A Word document converted to PDF by LibreOffice."""
    command = soffice()
    if command is None:
        raise ConverterMissingError(
            "Voor een PDF-brief is LibreOffice nodig, en dat is hier niet geïnstalleerd. Installeer het "
            "(bijvoorbeeld het pakket libreoffice-writer-nogui) of kies de Word-brief (--format docx)."
        )
    sweep()
    with tempfile.TemporaryDirectory(prefix=f"{_PREFIX}{os.getpid()}-") as folder:
        source = Path(folder) / "brief.docx"
        source.write_bytes(data)
        # A profile of its own: LibreOffice refuses to start beside a running instance on the default one.
        profile = (Path(folder) / "profile").as_uri()
        arguments = [command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                     folder, str(source)]  # fmt: skip
        try:
            # Its own temporary files go into the folder too, so that removing the folder removes them.
            process = subprocess.Popen(
                arguments,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                env={**os.environ, "TMPDIR": folder},
            )
        except OSError as exc:
            raise SamenwerkwijzerError(f"LibreOffice kon de brief niet naar PDF omzetten: {exc}") from None
        try:
            (Path(folder) / "group").write_text(str(process.pid), encoding="ascii")
            code = process.wait(CONVERT_SECONDS)
            if code != 0:
                raise SamenwerkwijzerError(f"LibreOffice kon de brief niet naar PDF omzetten (code {code}).")
            return (Path(folder) / "brief.pdf").read_bytes()
        except subprocess.TimeoutExpired:
            raise SamenwerkwijzerError(
                f"LibreOffice kon de brief niet binnen {CONVERT_SECONDS} seconden naar PDF omzetten."
            ) from None
        except OSError as exc:
            raise SamenwerkwijzerError(f"LibreOffice kon de brief niet naar PDF omzetten: {exc}") from None
        finally:
            _end_group(process.pid)  # what it left running, its helper included
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)


def render_pdf(advice: Advice, *, top: int = DEFAULT_TOP, appendix: bool = False, logo: bytes | None = None) -> bytes:
    """The Word letter of :func:`render_docx` as PDF bytes."""
    return docx_to_pdf(render_docx(advice, top=top, appendix=appendix, logo=logo))


__all__ = ["CONVERT_SECONDS", "ConverterMissingError", "docx_to_pdf", "render_pdf", "soffice"]
