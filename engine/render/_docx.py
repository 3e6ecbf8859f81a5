"""Render advice as a Word letter (.docx): a pure function from data to bytes.

Advisors edit letters in Word, so the document has real structure: Word's
Title and Heading styles, real bulleted and numbered lists (List Bullet /
List Number, numbering restarting per list), the profile as a Word table,
bold and italic where the letter has them, the source quotes as Quote
paragraphs. It says exactly what the Markdown letter says, because it *is*
the Markdown letter of :func:`render_letter`, converted: the letter
templates write a small Markdown subset (headings, paragraphs, ``-`` and
``1.`` lists, tables, ``**bold**``, ``*italic*``, ``---``), parsed here with
markdown-it-py; a section added to ``letter.md.j2`` appears in Word as is.

The output is deterministic: core properties (title, author, dates) come from
the advice and the zip entries carry the letter date, so the same advice
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from ..model._advice import Advice
from ..model._errors import InputError
from ..wording._dutch import name_with_article, number_word
from ._docx_package import stable_save
from ._docx_styles import LETTER_STYLES, StyleIds
from ._letter import DEFAULT_TOP, render_letter

FONT = "Calibri"
LETTERHEAD_SLOT = "[briefhoofd]"
PLACE_SLOT = "[plaats]"
FONT_SIZE = Pt(11)
LANGUAGE = "nl-NL"
# A4 with margins of 25 mm left and right.
_PAGE_WIDTH, _PAGE_HEIGHT, _SIDE_MARGIN = Mm(210), Mm(297), Mm(25)
_TEXT_WIDTH = _PAGE_WIDTH - 2 * _SIDE_MARGIN
_MONO = "Consolas"

# Characters XML 1.0 cannot hold (case text may carry them through JSON).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@functools.cache
def _parser() -> MarkdownIt:
    # CommonMark plus tables; raw HTML off, so case text such as "<b>" stays text.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_docx(
    advice: Advice,
    *,
    top: int = DEFAULT_TOP,
    appendix: bool = False,
    logo: bytes | None = None,
    markdown: str | None = None,
) -> bytes:
    """The advice as a Word letter (the bytes of a .docx file): a letterhead
    (the advisor's organisation, and ``logo``, an image, when given), the
    addressee, place and date, "Betreft:", then the letter of
    :func:`render_letter` (``top`` and ``appendix`` as there), page numbers.
    ``markdown`` is a letter text to use instead (the advisor's edit of it)."""
    if markdown is None:
        markdown = render_letter(advice, top=top, appendix=appendix)
    markdown = _NOT_XML.sub("", markdown)
    nodes = SyntaxTreeNode(_parser().parse(markdown)).children
    document = docx.Document(io.BytesIO(_blank_letter()))
    styles = StyleIds(document)
    writer = _Writer(document, styles)
    # The Markdown letter opens with its title and the date: here they go into the letter's layout.
    subject = _plain(nodes[0]) if nodes and nodes[0].type == "heading" else ""
    place_date = _plain(nodes[1]) if len(nodes) > 1 and nodes[1].type == "paragraph" else ""
    writer.title = subject
    _letter_layout(document, styles, advice, subject=subject, place_date=place_date, logo=logo)
    writer.blocks(nodes[2:] if subject else nodes)
    case = advice.case
    properties = document.core_properties
    # Word's core properties hold at most 255 characters each.
    properties.title = _property(writer.title)
    properties.author = _property(_NOT_XML.sub("", case.advisor or ""))
    properties.last_modified_by = properties.author
    properties.subject = ""
    properties.keywords = ""
    properties.comments = ""
    properties.category = ""
    properties.revision = 1
    properties.language = LANGUAGE
    when = dt.datetime(case.letter_date.year, case.letter_date.month, case.letter_date.day)
    properties.created = when
    properties.modified = when
    properties.last_printed = when
    return stable_save(document, when)


_LOGO_HEIGHT = Cm(1.6)


def _letter_layout(
    document: Document, styles: StyleIds, advice: Advice, *, subject: str, place_date: str, logo: bytes | None
) -> None:
    """Letterhead, addressee block, place and date, and the subject line."""
    case = advice.case
    section = document.sections[0]
    # The letterhead on the first page only, as on a letter on the organisation's paper.
    section.different_first_page_header_footer = True
    header = section.first_page_header.paragraphs[0]
    header._p.style = styles.id(styles.letter_style("Briefhoofd"))
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if logo is not None:
        try:
            header.add_run().add_picture(io.BytesIO(logo), height=_LOGO_HEIGHT)
        except Exception:  # python-docx raises several kinds for an image it cannot read
            raise InputError("het logo is geen afbeelding die Word kan tonen (PNG, JPEG, GIF of BMP)") from None
        if case.advisor_organisation:
            header.add_run().add_break()
    if case.advisor_organisation:
        header.add_run(_NOT_XML.sub("", case.advisor_organisation)).bold = True
    elif logo is None:
        header.add_run(LETTERHEAD_SLOT)  # a visible slot for the letterhead
    address = styles.letter_style("Adres")
    addressee = case.addressee or f"De partners van {name_with_article(case.name)}"
    styles.add_paragraph(_NOT_XML.sub("", addressee[:1].upper() + addressee[1:]), style=address)
    if case.addressee:
        styles.add_paragraph(_NOT_XML.sub("", case.name), style=address)
    styles.add_paragraph(style=address)
    if not case.letter_place:
        place_date = f"{PLACE_SLOT}, {place_date}"  # a visible slot for the place
    styles.add_paragraph(place_date, style=styles.letter_style("Plaats en datum"))
    line = styles.add_paragraph(style=styles.letter_style("Betreft"))
    line.add_run("Betreft: ").bold = True
    line.add_run(subject)


def _property(text: str) -> str:
    return text if len(text) <= _MAX_PROPERTY else text[: _MAX_PROPERTY - 1] + "…"


_MAX_PROPERTY = 255


@functools.cache
def _blank_letter() -> bytes:
    """The blank letter of :func:`_new_document` with the letter layout's paragraph styles, saved once: every
    letter starts from these bytes (python-docx's own template read and set up again for every letter, and the
    four styles added, were a tenth of a letter's rendering; the document is the same, byte for byte)."""
    document = _new_document()
    styles = StyleIds(document)
    for name in LETTER_STYLES:
        styles.letter_style(name)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _new_document() -> Document:
    """A blank A4 document with a readable font, Dutch proofing and page numbers."""
    document = docx.Document()
    package = document.part.package
    # The stock template carries a thumbnail of some other page; drop it.
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel_id)
    section = document.sections[0]
    section.page_width, section.page_height = _PAGE_WIDTH, _PAGE_HEIGHT
    section.left_margin = section.right_margin = _SIDE_MARGIN
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = FONT_SIZE
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:val"), LANGUAGE)
            lang.set(qn("w:eastAsia"), LANGUAGE)
    quote = document.styles["Quote"]
    quote.paragraph_format.left_indent = Cm(0.75)
    quote.paragraph_format.right_indent = Cm(0.75)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    return document


@dataclass
class _Style:
    """How an inline run is formatted."""

    bold: bool = False
    italic: bool = False
    mono: bool = False


_HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}  # deeper: Heading 3
_REGARDS = "Met vriendelijke groet,"
_SHORT_INTRO = 200  # characters: a heading's intro this short stays with what follows
_KEPT_TOGETHER = 8  # an ordered list or a table of at most this many items stays on one page
#: The most columns a table of the letter may have (the status table has three).
MAX_TABLE_COLUMNS = 12


class _Writer:
    """Walks the Markdown syntax tree and appends to the document."""

    def __init__(self, document: Document, styles: StyleIds) -> None:
        self.document = document
        self.styles = styles
        self.title = ""
        self.page_break = False  # set by ---: the next block starts a new page
        self.after_heading = False  # the block just written was a heading
        self.previous_text = ""  # the text of the paragraph written last

    # Blocks

    def blocks(self, nodes: list[SyntaxTreeNode], *, quote: bool = False, list_level: int = 0) -> None:
        for node in nodes:
            self.block(node, quote=quote, list_level=list_level)

    def block(self, node: SyntaxTreeNode, *, quote: bool, list_level: int) -> None:
        kind = node.type
        if kind == "heading":
            level = int(node.tag[1:])
            paragraph = self.paragraph(_HEADING_STYLES.get(level, "Heading 3"))
            self.inline(paragraph, node.children)
            paragraph.paragraph_format.keep_with_next = True  # never alone at the foot of a page
            if level == 1 and not self.title:
                self.title = paragraph.text
            self.after_heading = True
            return
        elif kind == "paragraph":
            style = "Quote" if quote or self._is_source_quote(node) else None
            paragraph = self.paragraph(style)
            self.inline(paragraph, node.children)
            text = paragraph.text
            if (
                _is_label(node) or text == _REGARDS or self.after_heading and len(text) <= _SHORT_INTRO
            ):  # **Eerste stappen** stays with the list below it
                paragraph.paragraph_format.keep_with_next = True
            if self.previous_text == _REGARDS:  # the signature: room to sign above the name
                paragraph.paragraph_format.space_before = Pt(36)
                paragraph.paragraph_format.keep_together = True
            self.previous_text = text
        elif kind in ("bullet_list", "ordered_list"):
            self.list_block(node, list_level + 1, quote=quote)
        elif kind == "table":
            self.table(node)
        elif kind == "hr":
            self.page_break = True
        elif kind == "blockquote":
            self.blocks(node.children, quote=True, list_level=list_level)
        elif kind in ("code_block", "fence", "html_block"):
            paragraph = self.paragraph("Quote" if quote else None)
            self.text(paragraph, node.content.rstrip("\n"), _Style(mono=kind != "html_block"))
        else:  # anything else the parser may produce: keep its text
            paragraph = self.paragraph(None)
            if node.children:
                self.inline(paragraph, node.children)
            else:
                self.text(paragraph, node.content, _Style())
        self.after_heading = False

    def paragraph(self, style: str | None) -> Paragraph:
        paragraph = self.styles.add_paragraph(style=style)
        if self.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.page_break = False
        return paragraph

    def _is_source_quote(self, node: SyntaxTreeNode) -> bool:
        """``“…” [n]``: the letter's quote from a source document, with its note number."""
        text = _plain(node)
        return text.startswith("“") and bool(re.search(r"” \[\d+\]$", text))

    def list_block(self, node: SyntaxTreeNode, level: int, *, quote: bool) -> None:
        ordered = node.type == "ordered_list"
        depth = f" {min(level, 3)}" if level > 1 else ""
        style = ("List Number" if ordered else "List Bullet") + depth
        num_id = self._restart_numbering(style, int(node.attrs.get("start", 1))) if ordered else None
        together = ordered and len(node.children) <= _KEPT_TOGETHER  # the agenda on one page
        for number, item in enumerate(node.children, start=1):
            first = True
            for child in item.children:
                if child.type == "paragraph" and first:
                    paragraph = self.paragraph(style)
                    if num_id is not None:
                        _set_numbering(paragraph, num_id)
                    self.inline(paragraph, child.children)
                    if together and number < len(node.children):
                        paragraph.paragraph_format.keep_with_next = True
                    first = False
                elif child.type == "paragraph":
                    self.inline(self.paragraph(f"List Continue{depth}"), child.children)
                else:
                    self.block(child, quote=quote, list_level=level)

    def _restart_numbering(self, style: str, start: int) -> int:
        """A new numbering instance for one ordered list, so that each list
        of first steps counts from ``start`` again (Word would otherwise go on
        where the previous list with this style stopped)."""
        numbering = self.document.part.numbering_part.element
        style_num = self.document.styles[style].element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    def table(self, node: SyntaxTreeNode) -> None:
        rows = [(section.type == "thead", row) for section in node.children for row in section.children]
        if not rows:
            return
        columns = max(len(row.children) for _, row in rows)
        if columns > MAX_TABLE_COLUMNS:  # an edited letter's table: Word's layout grows with rows times columns
            raise InputError(f"een tabel in de brief heeft hoogstens {number_word(MAX_TABLE_COLUMNS)} kolommen")
        if self.page_break:
            self.paragraph(None)  # a table cannot start a page itself; an empty line can
        table: Table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        shares = [14] * columns  # at least a column for "op orde"
        for n, ((header, row), table_row) in enumerate(zip(rows, table.rows, strict=True), start=1):
            cells = table_row.cells
            _cant_split(table_row)
            if header:
                _repeat_as_header(table_row)
            for column, (cell, source) in enumerate(zip(cells, row.children, strict=False)):
                paragraph = cell.paragraphs[0]
                self.inline(paragraph, source.children, _Style(bold=header))
                if len(rows) <= _KEPT_TOGETHER and n < len(rows):  # a short table on one page
                    paragraph.paragraph_format.keep_with_next = True
                longest_word = max((len(word) for word in paragraph.text.split()), default=0)
                shares[column] = max(shares[column], min(len(paragraph.text), 50), longest_word + 3)
        # Widths after content: short columns (Conditie, Stand) narrow, the explanation wide. Each row's cells
        # are read once (python-docx's column.cells walks the whole table for every column: quadratic).
        widths = [Emu(int(_TEXT_WIDTH * share / sum(shares))) for share in shares]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for table_row in table.rows:
            for cell, width in zip(table_row.cells, widths, strict=False):
                cell.width = width

    # Inline

    def inline(self, paragraph: Paragraph, nodes: list[SyntaxTreeNode], style: _Style | None = None) -> None:
        style = style or _Style()
        for node in nodes:
            kind = node.type
            if kind == "inline":
                self.inline(paragraph, node.children, style)
            elif kind == "text":
                self.text(paragraph, node.content, style)
            elif kind == "strong":
                self.inline(paragraph, node.children, _Style(True, style.italic, style.mono))
            elif kind == "em":
                self.inline(paragraph, node.children, _Style(style.bold, True, style.mono))
            elif kind in ("softbreak", "hardbreak"):
                paragraph.add_run().add_break()  # a line break, as in a signature
            elif kind == "code_inline":
                self.text(paragraph, node.content, _Style(style.bold, style.italic, True))
            elif node.children:  # link, image, …: their text
                self.inline(paragraph, node.children, style)
            else:
                self.text(paragraph, node.content, style)

    @staticmethod
    def text(paragraph: Paragraph, text: str, style: _Style) -> None:
        if not text:
            return
        run = paragraph.add_run(text)
        if style.bold:
            run.bold = True
        if style.italic:
            run.italic = True
        if style.mono:
            run.font.name = _MONO


def _is_label(paragraph: SyntaxTreeNode) -> bool:
    """A paragraph that is all bold, such as ``**Eerste stappen**``."""
    inline = paragraph.children[0] if paragraph.children else None
    return inline is not None and len(inline.children) == 1 and inline.children[0].type == "strong"


def _plain(node: SyntaxTreeNode) -> str:
    return "".join(n.content for n in node.walk() if n.type in ("text", "code_inline"))


def _set_numbering(paragraph: Paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _cant_split(row: _Row) -> None:
    """A table row that is never split over two pages."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_as_header(row: _Row) -> None:
    """Mark a table row as a header row, repeated on every page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


__all__ = ["FONT", "FONT_SIZE", "LANGUAGE", "MAX_TABLE_COLUMNS", "render_docx"]
