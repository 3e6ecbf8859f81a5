"""Render advice as a PDF letter: the Word letter of :func:`render_docx`,
converted by LibreOffice (``soffice --headless``), which must be installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ._advice import Advice
from ._docx import render_docx
from ._errors import SamenwerkwijzerError
from ._letter import DEFAULT_TOP

CONVERT_SECONDS = 120


class ConverterMissingError(SamenwerkwijzerError):
    """The PDF letter needs LibreOffice, and it is not installed."""


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes) -> bytes:
    """A Word document converted to PDF by LibreOffice."""
    command = soffice()
    if command is None:
        raise ConverterMissingError(
            "Voor een PDF-brief is LibreOffice nodig, en dat is hier niet geïnstalleerd. Installeer het "
            "(bijvoorbeeld het pakket libreoffice-writer-nogui) of kies de Word-brief (--format docx)."
        )
    with tempfile.TemporaryDirectory(prefix="samenwerkwijzer-") as folder:
        source = Path(folder) / "brief.docx"
        source.write_bytes(data)
        # A profile of its own: LibreOffice refuses to start beside a running instance on the default one.
        profile = (Path(folder) / "profile").as_uri()
        try:
            subprocess.run(
                [command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", folder,
                 str(source)],
                capture_output=True,
                timeout=CONVERT_SECONDS,
                check=True,
            )  # fmt: skip
            return (Path(folder) / "brief.pdf").read_bytes()
        except (OSError, subprocess.SubprocessError) as exc:
            raise SamenwerkwijzerError(f"LibreOffice kon de brief niet naar PDF omzetten: {exc}") from None


def render_pdf(advice: Advice, *, top: int = DEFAULT_TOP, appendix: bool = False, logo: bytes | None = None) -> bytes:
    """The Word letter of :func:`render_docx` as PDF bytes."""
    return docx_to_pdf(render_docx(advice, top=top, appendix=appendix, logo=logo))


__all__ = ["CONVERT_SECONDS", "ConverterMissingError", "docx_to_pdf", "render_pdf", "soffice"]
