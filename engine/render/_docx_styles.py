"""The Word letter's paragraph styles by name, each resolved to its style id once per document.

python-docx resolves a style's name on every paragraph it is given a style for (a search by name, then a scan
of all the document's styles for the default one, to store no id for it): that was a third of a Word letter's
rendering. Here each name is resolved once per document, the same way, and the paragraph stores the same id
python-docx's own ``paragraph.style = name`` stores, so the document is the same, byte for byte.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

_PARAGRAPH = WD_STYLE_TYPE.PARAGRAPH

#: The letter layout's own paragraph styles, based on Normal: name, font size (None: Normal's), space after (pt).
LETTER_STYLES: dict[str, tuple[Pt | None, int]] = {
    "Briefhoofd": (Pt(10), 0),
    "Adres": (None, 0),
    "Plaats en datum": (None, 12),
    "Betreft": (None, 12),
}


class StyleIds:
    """One document's paragraph styles: name to style id, each looked up once."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._ids: dict[str, str | None] = {}
        self._default: BaseStyle | None = None

    def id(self, name: str) -> str | None:
        """The id ``paragraph.style = name`` stores: ``None`` for the default paragraph style (Normal)."""
        if name not in self._ids:
            styles = self.document.styles
            style = styles[name]  # raises KeyError for a style the document does not have
            if style.type != _PARAGRAPH:
                raise ValueError(f"assigned style is type {style.type}, need type {_PARAGRAPH}")
            if self._default is None:
                self._default = styles.default(_PARAGRAPH)  # a new style is never the default: read once
            self._ids[name] = None if style == self._default else style.style_id
        return self._ids[name]

    def add_paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        """``document.add_paragraph(text, style)``, with the style's id looked up once per document."""
        paragraph = self.document.add_paragraph(text)
        if style is not None:
            paragraph._p.style = self.id(style)
        return paragraph

    def letter_style(self, name: str) -> str:
        """A paragraph style of the letter layout (``LETTER_STYLES``), made on first use."""
        styles = self.document.styles
        if name not in self._ids and styles.element.get_by_name(name) is None:
            size, after = LETTER_STYLES[name]
            style = styles.add_style(name, _PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.space_after = Pt(after)
            if size is not None:
                style.font.size = size
        return name


__all__ = [
    "LETTER_STYLES",
    "StyleIds",
]
