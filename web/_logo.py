"""The logo of a letter's letterhead: what an upload must be before it is kept.

Only PNG and JPEG, recognised by their first bytes (never by the file's name or the browser's media type), at
most :data:`MAX_LOGO_BYTES`, and with dimensions read from the image's own header (PNG: the IHDR chunk; JPEG: the
first start-of-frame segment) within :data:`MAX_SIDE` pixels a side and :data:`MAX_PIXELS` in all, so that a
small file that decompresses into an enormous image is refused. SVG is never accepted: it may carry script, and
Word does not show it. The image is shown in the Word letterhead (the library's ``render_docx(logo=…)``) and, as
a ``data:`` address, in the HTML letter, whose CSP allows images from ``data:`` only.
"""

from __future__ import annotations

import base64
import struct
import zlib

from markupsafe import Markup, escape

MAX_LOGO_BYTES = 500 * 1024
MAX_SIDE = 4000
MAX_PIXELS = 8_000_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8\xff"
TYPES = {"png": "image/png", "jpeg": "image/jpeg"}
REFUSED = "Kies een logo als PNG- of JPEG-bestand."
TOO_BIG = f"Een logo is hoogstens {MAX_LOGO_BYTES // 1024} kB; maak het bestand kleiner."
BAD_SIZE = f"Een logo is hoogstens {MAX_SIDE} bij {MAX_SIDE} beeldpunten; maak het kleiner."
DAMAGED = "Dit bestand is geen leesbare PNG- of JPEG-afbeelding."

# The JPEG start-of-frame markers (baseline, progressive, lossless, …); C4, C8 and CC are other segments.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class LogoError(ValueError):
    """Why an upload is no logo (a Dutch sentence)."""


def _png_size(data: bytes) -> tuple[int, int]:
    # The first chunk is IHDR: length 13, type, width, height (big-endian), then a CRC over type and data.
    if len(data) < 33 or data[12:16] != b"IHDR" or struct.unpack(">I", data[8:12])[0] != 13:
        raise LogoError(DAMAGED)
    if zlib.crc32(data[12:29]) != struct.unpack(">I", data[29:33])[0]:
        raise LogoError(DAMAGED)
    width, height = struct.unpack(">II", data[16:24])
    if b"IEND" not in data[-12:]:
        raise LogoError(DAMAGED)
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise LogoError(DAMAGED)
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # segments without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if length < 2 or at + 2 + length > len(data):
            raise LogoError(DAMAGED)
        if marker in _SOF:
            if length < 7:
                raise LogoError(DAMAGED)
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA:  # the image data begins before any frame header: no size to read
            break
        at += 2 + length
    raise LogoError(DAMAGED)


def checked_logo(data: bytes) -> tuple[str, tuple[int, int]]:
    """The media type and size (width, height) of an acceptable logo; :class:`LogoError` otherwise."""
    if not data:
        raise LogoError(REFUSED)
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(TOO_BIG)
    if data.startswith(PNG_SIGNATURE):
        kind, size = "png", _png_size(data)
    elif data.startswith(JPEG_START):
        kind, size = "jpeg", _jpeg_size(data)
        if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
            raise LogoError(DAMAGED)
    else:
        raise LogoError(REFUSED)
    width, height = size
    if width < 1 or height < 1:
        raise LogoError(DAMAGED)
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise LogoError(BAD_SIZE)
    if not _word_reads(data):  # red team R2-4: a logo Word cannot place would break every later download
        raise LogoError(DAMAGED)
    return TYPES[kind], size


def _word_reads(data: bytes) -> bool:
    """Whether the Word letter can place the image: python-docx reads its header and resolution as Word will."""
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
        return image.px_width > 0 and image.px_height > 0 and image.horz_dpi > 0 and image.vert_dpi > 0
    except Exception:  # any image python-docx cannot read
        return False


def data_url(data: bytes, media_type: str) -> str:
    """The image as a ``data:`` address (for the letter's HTML and the letter page)."""
    if media_type not in TYPES.values():
        raise LogoError(REFUSED)
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


LETTERHEAD_STYLE = "text-align:right;margin:0 0 1.5em"


def with_logo(html: str, data: bytes, media_type: str) -> str:
    """The library's HTML letter with the logo at the top of its body, as the Word letterhead has it."""
    image = Markup('<p class="briefhoofd" style="{}"><img src="{}" alt="Logo" style="max-height:4em"></p>').format(
        LETTERHEAD_STYLE, escape(data_url(data, media_type))
    )
    for opening in ('<main class="letter">', "<body>"):
        head, found, rest = html.partition(opening)
        if found:
            return f"{head}{opening}\n{image}{rest}"
    return html


__all__ = [
    "MAX_LOGO_BYTES",
    "MAX_PIXELS",
    "MAX_SIDE",
    "LogoError",
    "checked_logo",
    "data_url",
    "with_logo",
]
