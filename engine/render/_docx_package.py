"""The Word letter's package written with fixed dates, so that the same letter gives the same bytes.

python-docx stamps every zip entry with the current time. The letter was saved by python-docx, read back and
written again with fixed dates; :func:`stable_save` writes it once, through python-docx's own package writer
(``PackageWriter``: the same entries, in the same order, with the same content), every entry dated.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter


def stable_save(document: Document, when: dt.datetime) -> bytes:
    """The document's package as ``document.save`` writes it (python-docx's ``OpcPackage.save``: the same
    entries in the same order), but with every entry dated ``when``, so equal content gives equal bytes
    (python-docx stamps entries with the current time). Written once: saving, reading the zip back and
    writing it again with fixed dates was a sixth of a letter's rendering."""
    stamp = (min(max(when.year, 1980), 2107), when.month, when.day, 0, 0, 0)  # what zip can hold
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    # What PackageWriter.write does, with this writer for its physical one (its helpers carry no types).
    steps: Any = PackageWriter
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        writer = _DatedEntries(target, stamp)
        steps._write_content_types_stream(writer, package.parts)
        steps._write_pkg_rels(writer, package.rels)
        steps._write_parts(writer, package.parts)
    return out.getvalue()


@dataclass
class _DatedEntries:
    """python-docx's physical package writer (``write(pack_uri, blob)``), every entry dated ``stamp``."""

    target: zipfile.ZipFile
    stamp: tuple[int, int, int, int, int, int]

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self.stamp)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self.target.writestr(entry, blob)


__all__ = [
    "stable_save",
]
