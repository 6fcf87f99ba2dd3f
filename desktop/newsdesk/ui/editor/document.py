"""Article HTML ↔ QTextDocument, in the allow-list of ``newsdesk.publish.sanitize`` only.

Qt's own ``setHtml``/``toHtml`` are not used: the export is a page of inline fonts and colours,
and the import loses what our HTML means (a blockquote becomes margins, a figure caption an
ordinary paragraph). Instead the loader builds the document with a QTextCursor from a parsed tree
and the serialiser walks blocks, lists, tables and fragments, so each construct maps to exactly
one format and back. Conventions the editor relies on:

* Paragraph kinds live in a block user property, ``BLOCK_KIND``: ``"quote"`` (a paragraph of a
  ``<blockquote>``; consecutive quote blocks form one blockquote), ``"figure"`` (a block holding
  an image, written as ``<figure>``) and ``"caption"`` (written as the ``<figcaption>`` of the
  figure block right before it; a caption with no figure before it is an ordinary paragraph).
  Headings use ``QTextBlockFormat.headingLevel`` (2 and 3); a horizontal rule is a block with
  ``BlockTrailingHorizontalRulerWidth``, as in Qt's own import.
* An image's ``alt`` text is the image format's ``IMAGE_ALT`` property; its name is the ``src``
  (``attachment:<sha256>`` for workspace images). The loader sizes a workspace image from its
  header and leaves decoding it to the view showing the document (its ``loadResource``, asked
  only for the images it paints, decodes them on a worker thread: see ``background_images``),
  so a long article with many photographs opens without decoding the ones off screen; a
  missing or unreadable image and a remote one are registered as the placeholder, so Qt never
  looks for a file.
* Bold means a weight of at least ``QFont.Bold``. Headings and header cells look heavier through
  a lighter weight (DemiBold) and a size adjustment, which are not bold, so a heading is never
  written as ``<h2><strong>``; a header row (``th``) never repeats ``<strong>`` either.
* Whitespace collapses as in HTML, in both directions, and empty paragraphs are not written:
  ``to_html(load(to_html(doc))) == to_html(doc)``.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Final, Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)

from newsdesk.core.body import BODY_BLOCKS, Element, attachment_digest, read_tree
from newsdesk.publish.sanitize import alignment, clean_html
from newsdesk.store.blobs import BlobStore
from newsdesk.ui.widgets.palette import colours


class ImageSource(Protocol):
    """The images of attachments, by SHA-256."""

    def __call__(self, sha256: str) -> QImage | None:
        """The decoded image; None when it is missing or unreadable."""

    def size(self, sha256: str) -> QSize | None:
        """Its size in pixels, read from its header without decoding it; None when it is
        missing or unreadable."""


BLOCK_KIND: Final = QTextFormat.Property.UserProperty + 1
IMAGE_ALT: Final = QTextFormat.Property.UserProperty + 2
QUOTE: Final = "quote"
FIGURE: Final = "figure"
CAPTION: Final = "caption"
MAX_IMAGE_WIDTH: Final = 640  # display width only; never written to the HTML

_HEADING_SIZE: Final = {2: 2, 3: 1}  # QTextCharFormat size adjustment, as Qt's import uses
_QUOTE_MARGIN: Final = 24.0
_OBJECT: Final = "\ufffc"
_LINE_BREAK: Final = "\u2028"
_SPACES: Final = re.compile(r"[ \t\n\r\f]+")
_ALIGN_TO_FLAG: Final = {
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}
_ORDERED_STYLES: Final = frozenset(
    {
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    }
)


class BlobImages:
    """The images of the workspace's attachments; ``unwritten`` gives the bytes of an image
    added but not yet written to the workspace (None for the others)."""

    def __init__(
        self, blobs: BlobStore, unwritten: Callable[[str], bytes | None] | None = None
    ) -> None:
        self._blobs = blobs
        self._unwritten = unwritten

    def __call__(self, sha256: str) -> QImage | None:
        data = self._unwritten(sha256) if self._unwritten is not None else None
        try:
            decoded = QImage.fromData(data if data is not None else self._blobs.read(sha256))
        except (OSError, ValueError):
            return None
        return None if decoded.isNull() else decoded

    def size(self, sha256: str) -> QSize | None:
        data = self._unwritten(sha256) if self._unwritten is not None else None
        if data is not None:
            return image_size(data)
        try:
            path = self._blobs.path(sha256)
        except ValueError:
            return None
        found = QImageReader(str(path)).size() if path.is_file() else QSize()
        return found if found.isValid() and not found.isEmpty() else None


def image_size(data: bytes) -> QSize | None:
    """The size in pixels of the image in ``data``, from its header (decoded only in a format
    whose reader cannot tell it without); None if it is not an image Qt can read."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if not reader.canRead():
        return None
    found = reader.size()
    if not found.isValid():
        found = reader.read().size()
    return found if found.isValid() and not found.isEmpty() else None


def blob_images(
    blobs: BlobStore, unwritten: Callable[[str], bytes | None] | None = None
) -> ImageSource:
    """An ImageSource reading the workspace's attachments (see :class:`BlobImages`)."""
    return BlobImages(blobs, unwritten)


def placeholder_image() -> QImage:
    """What stands for an image that cannot be shown: a crossed grey box, so it stays visible
    (and deletable) instead of collapsing to nothing."""
    image = QImage(160, 100, QImage.Format.Format_ARGB32)
    image.fill(colours().qcolor("placeholder_image"))
    painter = QPainter(image)
    painter.setPen(QPen(colours().qcolor("faint"), 2))
    painter.drawRect(QRectF(1, 1, 158, 98))
    painter.drawLine(1, 1, 159, 99)
    painter.drawLine(1, 99, 159, 1)
    painter.end()
    return image


def is_ordered(style: QTextListFormat.Style) -> bool:
    return style in _ORDERED_STYLES


def block_kind(block_format: QTextBlockFormat) -> str:
    kind = block_format.property(BLOCK_KIND)
    return kind if isinstance(kind, str) else ""


def image_format(name: str, alt: str, size: QSize) -> QTextImageFormat:
    """An image of ``size`` pixels shown at most :data:`MAX_IMAGE_WIDTH` wide. Both sides are
    set, so laying the document out never needs the image decoded."""
    fmt = QTextImageFormat()
    fmt.setName(name)
    fmt.setProperty(IMAGE_ALT, alt)
    scale = min(1.0, MAX_IMAGE_WIDTH / size.width())
    fmt.setWidth(size.width() * scale)
    fmt.setHeight(size.height() * scale)
    return fmt


PARAGRAPH_GAP = 8  # pixels below each paragraph


def kind_block_format(kind: str, heading: int = 0) -> QTextBlockFormat:
    """A fresh block format for a paragraph kind; the quote indent is only how it looks."""
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(heading)
    # Room between paragraphs, for reading; margins are how the editor shows the text and are
    # never written to the article's HTML.
    fmt.setBottomMargin(PARAGRAPH_GAP)
    if heading:
        fmt.setTopMargin(PARAGRAPH_GAP)
    if kind:
        fmt.setProperty(BLOCK_KIND, kind)
    if kind == QUOTE:
        fmt.setLeftMargin(_QUOTE_MARGIN)
        fmt.setRightMargin(_QUOTE_MARGIN)
    if kind == FIGURE:
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return fmt


def heading_char_format(heading: int) -> QTextCharFormat:
    """How heading text looks: larger and heavier, but not bold (see the module notes)."""
    fmt = QTextCharFormat()
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, _HEADING_SIZE.get(heading, 0))
    fmt.setFontWeight(QFont.Weight.DemiBold if heading else QFont.Weight.Normal)
    return fmt


# Loading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Marks:
    """The inline formatting in effect while walking the tree."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    sub: bool = False
    sup: bool = False
    href: str = ""


@dataclass(frozen=True)
class _Context:
    kind: str = ""
    heading: int = 0
    header_cell: bool = False
    item: _ListLevel | None = None  # the list a new block joins (inside an <li>)
    levels: tuple[_ListLevel, ...] = ()


@dataclass
class _ListLevel:
    format: QTextListFormat
    list: QTextList | None = None


_MARK_TAGS: Final = {
    "strong": "bold",
    "b": "bold",
    "em": "italic",
    "i": "italic",
    "u": "underline",
    "s": "strike",
    "del": "strike",
    "sub": "sub",
    "sup": "sup",
}


class _Loader:
    def __init__(self, cursor: QTextCursor, images: ImageSource) -> None:
        self.cursor = cursor
        self.images = images
        self.fresh = True  # the cursor's block is empty and unused: the next block takes it
        self.space: QTextCharFormat | None = None  # a collapsed space waiting for more text
        self.block_start = True

    # blocks

    def children(self, nodes: list[Element | str], ctx: _Context) -> None:
        inline: list[Element | str] = []
        for node in nodes:
            if isinstance(node, Element) and node.tag in BODY_BLOCKS:
                self.implicit(inline, ctx)
                inline = []
                self.block(node, ctx)
            else:
                inline.append(node)
        self.implicit(inline, ctx)

    def implicit(self, nodes: list[Element | str], ctx: _Context) -> None:
        """Inline content outside any paragraph: a paragraph of the surrounding kind."""
        if any(isinstance(node, Element) or node.strip(" \t\n\r\f") for node in nodes):
            self.new_block(ctx, "")
            self.inline(nodes, ctx, _Marks())

    def block(self, node: Element, ctx: _Context) -> None:
        tag = node.tag
        if tag in ("p", "h2", "h3", "figcaption"):
            heading = {"h2": 2, "h3": 3}.get(tag, ctx.heading)
            kind = CAPTION if tag == "figcaption" else ctx.kind
            inner = replace(ctx, kind=kind, heading=heading)
            self.new_block(inner, node.attrs.get("style", ""))
            self.inline(node.children, inner, _Marks())
        elif tag == "blockquote":
            self.children(node.children, replace(ctx, kind=QUOTE))
        elif tag == "figure":
            self.children(node.children, replace(ctx, kind=FIGURE))
        elif tag in ("ul", "ol"):
            fmt = QTextListFormat()
            ordered = tag == "ol"
            fmt.setStyle(
                QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
            )
            fmt.setIndent(len(ctx.levels) + 1)
            levels = (*ctx.levels, _ListLevel(fmt))
            for child in node.children:
                if isinstance(child, Element) and child.tag == "li":
                    self.block(child, replace(ctx, levels=levels, item=None))
                elif isinstance(child, Element):
                    self.block(child, replace(ctx, levels=levels, item=levels[-1]))
        elif tag == "li":
            item = ctx.levels[-1] if ctx.levels else None
            inner = replace(ctx, item=item)
            nodes = node.children
            if not any(isinstance(n, Element) and n.tag in BODY_BLOCKS for n in nodes):
                self.new_block(inner, node.attrs.get("style", ""))
                self.inline(nodes, inner, _Marks())
            else:
                self.children(nodes, inner)
        elif tag == "table":
            self.table(node, ctx)
        elif tag == "hr":
            rule = QTextBlockFormat()
            rule.setProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                QTextLength(QTextLength.Type.PercentageLength, 100),
            )
            self.place_block(rule, QTextCharFormat())

    def new_block(self, ctx: _Context, style: str) -> None:
        kind = ctx.kind if ctx.item is None else ""
        fmt = kind_block_format(kind, ctx.heading if ctx.item is None else 0)
        align = _ALIGN_TO_FLAG.get(alignment(style) or "")
        if align is not None:
            fmt.setAlignment(align)
        self.place_block(fmt, self.base_format(ctx))
        if ctx.item is not None:
            if ctx.item.list is None:
                ctx.item.list = self.cursor.createList(ctx.item.format)
            else:
                ctx.item.list.add(self.cursor.block())

    def place_block(self, fmt: QTextBlockFormat, chars: QTextCharFormat) -> None:
        if self.fresh:
            self.cursor.setBlockFormat(fmt)
            if self.cursor.currentTable() is None:
                # In a cell, the first block's char format is the cell's format (its spans).
                self.cursor.setBlockCharFormat(chars)
            self.fresh = False
        else:
            self.cursor.insertBlock(fmt, chars)
        self.space = None
        self.block_start = True

    def table(self, node: Element, ctx: _Context) -> None:
        rows = [row for row in _rows(node) if row]
        if not rows:
            return
        grid: dict[tuple[int, int], bool] = {}
        placed: list[tuple[int, int, int, int, Element]] = []
        for r, row in enumerate(rows):
            c = 0
            for cell in row:
                while grid.get((r, c)):
                    c += 1
                rowspan = min(_span(cell, "rowspan"), len(rows) - r)
                colspan = _span(cell, "colspan")
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid[(r + dr, c + dc)] = True
                placed.append((r, c, rowspan, colspan, cell))
                c += colspan
        columns = max(c for _, c in grid) + 1
        fmt = QTextTableFormat()
        fmt.setBorder(1)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorderCollapse(True)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if all(cell.tag == "th" for cell in rows[0]):
            fmt.setHeaderRowCount(1)
        if not self.fresh:
            self.cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        table = self.cursor.insertTable(len(rows), columns, fmt)
        for r, c, _rowspan, _colspan, cell in placed:
            self.cursor = table.cellAt(r, c).firstCursorPosition()
            self.fresh = True
            inner = _Context(header_cell=cell.tag == "th")
            if any(isinstance(n, Element) and n.tag in BODY_BLOCKS for n in cell.children):
                self.children(cell.children, inner)
            else:
                self.new_block(inner, cell.attrs.get("style", ""))
                self.inline(cell.children, inner, _Marks())
        # Merged last: typing into a cell's empty first block resets the cell's format (its spans).
        for r, c, rowspan, colspan, _cell in placed:
            if rowspan > 1 or colspan > 1:
                table.mergeCells(r, c, rowspan, colspan)
        # A copy of a cursor already in this document: wrapping table.document() anew would
        # give Python a second wrapper that can delete the document when it is collected.
        self.cursor = QTextCursor(self.cursor)
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = True

    def base_format(self, ctx: _Context) -> QTextCharFormat:
        if ctx.header_cell:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.DemiBold)
            return fmt
        return heading_char_format(ctx.heading if ctx.item is None else 0)

    # inline

    def inline(self, nodes: list[Element | str], ctx: _Context, marks: _Marks) -> None:
        for node in nodes:
            if isinstance(node, str):
                self.text(node, ctx, marks)
            elif node.tag == "br":
                self.cursor.insertText(_LINE_BREAK, self.char_format(ctx, marks))
                self.space = None
                self.block_start = True
            elif node.tag == "img":
                self.flush_space()
                self.image(node.attrs.get("src", ""), node.attrs.get("alt", ""))
                self.block_start = False
            elif node.tag == "a":
                self.inline(node.children, ctx, replace(marks, href=node.attrs.get("href", "")))
            elif node.tag in _MARK_TAGS:
                mark: dict[str, Any] = {_MARK_TAGS[node.tag]: True}
                self.inline(node.children, ctx, replace(marks, **mark))
            else:
                self.inline(node.children, ctx, marks)

    def text(self, text: str, ctx: _Context, marks: _Marks) -> None:
        for index, word in enumerate(_SPACES.split(text)):
            if index and not self.block_start:
                # The space keeps the formatting of where it was written: "a <b>b</b>" stays so.
                self.space = self.space or self.char_format(ctx, marks)
            if word:
                self.flush_space()
                self.cursor.insertText(word, self.char_format(ctx, marks))
                self.block_start = False

    def flush_space(self) -> None:
        if self.space is not None:
            self.cursor.insertText(" ", self.space)
            self.space = None

    def image(self, src: str, alt: str) -> None:
        digest = attachment_digest(src)
        size = self.images.size(digest) if digest is not None else None
        if size is None:
            placeholder = placeholder_image()
            document = self.cursor.document()
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), placeholder)
            size = placeholder.size()
        self.cursor.insertImage(image_format(src, alt, size))

    def char_format(self, ctx: _Context, marks: _Marks) -> QTextCharFormat:
        fmt = self.base_format(ctx)
        if marks.bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontItalic(marks.italic)
        fmt.setFontUnderline(marks.underline)
        fmt.setFontStrikeOut(marks.strike)
        if marks.sub or marks.sup:
            fmt.setVerticalAlignment(
                QTextCharFormat.VerticalAlignment.AlignSuperScript
                if marks.sup
                else QTextCharFormat.VerticalAlignment.AlignSubScript
            )
        if marks.href:
            set_anchor(fmt, marks.href)
        return fmt


def set_anchor(fmt: QTextCharFormat, href: str) -> None:
    """A link: the anchor properties, shown in the link colour (colours are never written)."""
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setForeground(colours().qcolor("accent"))


def _rows(table: Element) -> Iterator[list[Element]]:
    for child in table.children:
        if not isinstance(child, Element):
            continue
        if child.tag == "tr":
            yield [c for c in child.children if isinstance(c, Element) and c.tag in ("td", "th")]
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from _rows(child)


def _span(cell: Element, name: str) -> int:
    value = cell.attrs.get(name, "1")
    return max(1, min(int(value), 100)) if value.isdigit() else 1


def insert_html(cursor: QTextCursor, html: str, images: ImageSource) -> None:
    """Build ``html`` (sanitised first) at ``cursor``, which must be at an empty block's start
    for the first paragraph to take that block."""
    loader = _Loader(cursor, images)
    loader.fresh = cursor.block().length() == 1
    loader.children(read_tree(clean_html(html)).children, _Context())


def load_html(document: QTextDocument, html: str, images: ImageSource) -> None:
    """Replace the document's content with ``html``; each image becomes a document resource."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    insert_html(cursor, html, images)
    cursor.endEditBlock()


def html_document(html: str, images: ImageSource) -> QTextDocument:
    """A new document holding ``html`` (for pasting it as a fragment)."""
    document = QTextDocument()
    load_html(document, html, images)
    return document


# Serialising --------------------------------------------------------------------------------

_MARK_ORDER: Final = ("a", "strong", "em", "u", "s", "sub", "sup")


def _children(start: QTextFrame.iterator) -> Iterator[QTextBlock | QTextFrame]:
    it = start
    while not it.atEnd():
        frame = it.currentFrame()
        yield frame if frame is not None else it.currentBlock()
        it += 1


def _marks(fmt: QTextCharFormat, header: bool) -> tuple[tuple[str, str], ...]:
    """The inline tags of a fragment, outermost first, in one fixed order (stable output)."""
    found: list[tuple[str, str]] = []
    if fmt.isAnchor() and fmt.anchorHref():
        found.append(("a", fmt.anchorHref()))
    if fmt.fontWeight() >= QFont.Weight.Bold and not header:
        found.append(("strong", ""))
    if fmt.fontItalic():
        found.append(("em", ""))
    if fmt.fontUnderline():
        found.append(("u", ""))
    if fmt.fontStrikeOut():
        found.append(("s", ""))
    vertical = fmt.verticalAlignment()
    if vertical == QTextCharFormat.VerticalAlignment.AlignSubScript:
        found.append(("sub", ""))
    elif vertical == QTextCharFormat.VerticalAlignment.AlignSuperScript:
        found.append(("sup", ""))
    return tuple(found)


def _open_tag(mark: tuple[str, str]) -> str:
    tag, href = mark
    return f'<a href="{html_lib.escape(href)}">' if tag == "a" else f"<{tag}>"


def _inline(block: QTextBlock, header: bool = False) -> str:
    """A block's text and images as inline HTML, whitespace collapsed as HTML would."""
    pieces: list[tuple[tuple[tuple[str, str], ...], str]] = []  # (marks, text | image html)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        marks = _marks(fmt, header)
        if fmt.isImageFormat():
            image = fmt.toImageFormat()
            alt = image.property(IMAGE_ALT)
            tag = '<img src="{}" alt="{}">'.format(
                html_lib.escape(image.name()), html_lib.escape(alt if isinstance(alt, str) else "")
            )
            pieces.extend((marks, tag) for char in fragment.text() if char == _OBJECT)
            continue
        for index, line in enumerate(fragment.text().split(_LINE_BREAK)):
            if index:
                pieces.append((marks, "<br>"))
            text = _SPACES.sub(" ", line.replace(_OBJECT, ""))
            if text:
                pieces.append((marks, "\0" + text))  # \0 marks text, to trim spaces below
    _trim_spaces(pieces)
    out: list[str] = []
    opened: tuple[tuple[str, str], ...] = ()
    for marks, piece in pieces:
        if piece == "\0":
            continue
        common = 0
        while common < min(len(opened), len(marks)) and opened[common] == marks[common]:
            common += 1
        out.extend(f"</{tag}>" for tag, _ in reversed(opened[common:]))
        out.extend(_open_tag(mark) for mark in marks[common:])
        opened = marks
        out.append(html_lib.escape(piece[1:], quote=False) if piece[0] == "\0" else piece)
    out.extend(f"</{tag}>" for tag, _ in reversed(opened))
    return "".join(out)


def _trim_spaces(pieces: list[tuple[tuple[tuple[str, str], ...], str]]) -> None:
    """Drop spaces at line starts and ends and double spaces across fragments, in place."""
    previous_space = True  # at the start of the block
    for index, (marks, piece) in enumerate(pieces):
        if piece[0] != "\0":
            previous_space = piece == "<br>"
            continue
        text = piece[1:]
        if previous_space:
            text = text.lstrip(" ")
        if text:
            previous_space = text.endswith(" ")
        pieces[index] = (marks, "\0" + text)
    for index in range(len(pieces) - 1, -1, -1):
        marks, piece = pieces[index]
        if piece[0] != "\0":
            if piece == "<br>":
                continue
            return
        text = piece[1:].rstrip(" ")
        pieces[index] = (marks, "\0" + text)
        if text:
            return


def _align(block: QTextBlock) -> str:
    flags = block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
    for name, flag in _ALIGN_TO_FLAG.items():
        if flags == flag:
            return f' style="text-align: {name}"'
    return ""


class _Writer:
    """Writes a sequence of blocks and frames, grouping lists, quotes and figures."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.lists: list[tuple[QTextList, int, str]] = []  # open lists: list, indent, tag
        self.quote = False
        self.figure = False

    def items(self, items: Iterator[QTextBlock | QTextFrame]) -> None:
        for item in items:
            if isinstance(item, QTextBlock):
                self.block(item)
            else:
                self.close(lists=True, quote=True, figure=True)
                if isinstance(item, QTextTable):
                    self.table(item)
                else:
                    self.items(_children(item.begin()))
        self.close(lists=True, quote=True, figure=True)

    def close(self, lists: bool = False, quote: bool = False, figure: bool = False) -> None:
        if figure and self.figure:
            self.out.append("</figure>")
            self.figure = False
        if quote and self.quote:
            self.out.append("</blockquote>")
            self.quote = False
        if lists:
            while self.lists:
                self.out.append(f"</li></{self.lists.pop()[2]}>")

    def block(self, block: QTextBlock) -> None:
        fmt = block.blockFormat()
        kind = block_kind(fmt)
        text = _inline(block)
        listed = block.textList()
        if listed is not None:
            self.close(quote=True, figure=True)
            self.list_item(listed, block, text)
            return
        self.close(lists=True, figure=kind != CAPTION)
        if fmt.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
            self.close(quote=True)
            self.out.append("<hr>")
            if text:
                self.out.append(f"<p>{text}</p>")
        elif kind == FIGURE and text:
            self.close(quote=True)
            self.out.append(f"<figure>{text}")
            self.figure = True
        elif kind == CAPTION and self.figure:
            if text:
                self.out.append(f"<figcaption>{text}</figcaption>")
            self.close(figure=True)
        elif text:
            if kind == QUOTE and not self.quote:
                self.out.append("<blockquote>")
                self.quote = True
            elif kind != QUOTE:
                self.close(quote=True)
            tag = {2: "h2", 3: "h3"}.get(min(max(fmt.headingLevel(), 0), 3), "p")
            if fmt.headingLevel() == 1:
                tag = "h2"
            self.out.append(f"<{tag}{_align(block)}>{text}</{tag}>")

    def list_item(self, listed: QTextList, block: QTextBlock, text: str) -> None:
        indent = listed.format().indent()
        tag = "ol" if is_ordered(listed.format().style()) else "ul"
        while self.lists and (
            self.lists[-1][1] > indent
            or (self.lists[-1][1] == indent and self.lists[-1][0] != listed)
        ):
            self.out.append(f"</li></{self.lists.pop()[2]}>")
        if self.lists and self.lists[-1][0] == listed:
            self.out.append("</li>")
        else:
            self.out.append(f"<{tag}>")
            self.lists.append((listed, indent, tag))
        self.out.append(f"<li{_align(block)}>{text}")

    def table(self, table: QTextTable) -> None:
        header_rows = table.format().headerRowCount()
        if header_rows <= 0 and _first_row_bold(table):
            header_rows = 1
        self.out.append("<table>")
        for r in range(table.rows()):
            self.out.append("<tr>")
            for c in range(table.columns()):
                cell = table.cellAt(r, c)
                if cell.row() != r or cell.column() != c:
                    continue
                tag = "th" if r < header_rows else "td"
                spans = ""
                if cell.rowSpan() > 1:
                    spans += f' rowspan="{cell.rowSpan()}"'
                if cell.columnSpan() > 1:
                    spans += f' colspan="{cell.columnSpan()}"'
                items = list(_children(cell.begin()))
                single = items[0] if len(items) == 1 else None
                if isinstance(single, QTextBlock) and _plain_block(single):
                    content = _inline(single, header=tag == "th")
                    self.out.append(f"<{tag}{spans}{_align(single)}>{content}</{tag}>")
                else:
                    inner = _Writer()
                    inner.items(iter(items))
                    self.out.append(f"<{tag}{spans}>{''.join(inner.out)}</{tag}>")
            self.out.append("</tr>")
        self.out.append("</table>")


def _plain_block(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    return (
        block.textList() is None
        and not block_kind(fmt)
        and fmt.headingLevel() == 0
        and not fmt.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)
    )


def _first_row_bold(table: QTextTable) -> bool:
    """Every first-row cell has text, all of it bold: a header row made by hand."""
    for c in range(table.columns()):
        cell = table.cellAt(0, c)
        found_text = False
        for item in _children(cell.begin()):
            if not isinstance(item, QTextBlock):
                return False
            it = item.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                if fragment.text().strip():
                    found_text = True
                    if fragment.charFormat().fontWeight() < QFont.Weight.Bold:
                        return False
        if not found_text:
            return False
    return table.columns() > 0


def to_html(document: QTextDocument) -> str:
    """The document as article HTML: semantic tags of the allow-list only, sanitised."""
    writer = _Writer()
    writer.items(_children(document.rootFrame().begin()))
    return clean_html("".join(writer.out))
