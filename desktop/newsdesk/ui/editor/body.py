"""The article body editor: a QTextEdit whose content is always article HTML.

Every command is one undo step (``beginEditBlock``/``endEditBlock``) and, like Qt's textedit
example, a character format applies to the selection or else to the word under the cursor. The
document model and its HTML are described in ``newsdesk.ui.editor.document``; this widget only
edits it. Images never enter the document as data: they are stored through ``store_image`` (the
caller puts the bytes into the workspace's attachments) and referenced as ``attachment:<sha256>``.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMimeData,
    QSize,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QImage,
    QImageReader,
    QImageWriter,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
    QTextFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.core.body import attachment_url, is_remote
from newsdesk.ingest.images import page_url_of
from newsdesk.publish.paste import clean_pasted
from newsdesk.ui.editor.background_images import BackgroundImages
from newsdesk.ui.editor.document import (
    BLOCK_KIND,
    CAPTION,
    FIGURE,
    QUOTE,
    ImageSource,
    block_kind,
    heading_char_format,
    html_document,
    image_format,
    image_size,
    is_ordered,
    kind_block_format,
    load_html,
    placeholder_image,
    set_anchor,
    to_html,
)
from newsdesk.ui.widgets.materials_view import dropped_attachment

StoreImage = Callable[[bytes, str], str | None]
"""Saves image bytes as an attachment (name: for messages) and gives its SHA-256, or None."""

PARAGRAPH_STYLES: Final = {"body": ("", 0), "h2": ("", 2), "h3": ("", 3), QUOTE: (QUOTE, 0)}
_MB: Final = 1024 * 1024


OBJECT_REPLACEMENT: Final = "\ufffc"  # where an image sits in a block's text


def _source_page(source: QMimeData) -> str | None:
    """The page the clipboard's HTML was copied from, where the browser put it: Firefox's
    ``text/x-moz-url-priv`` (Windows puts it in the HTML itself, see ``page_url_of``)."""
    for kind in ("text/x-moz-url-priv", "text/x-moz-url"):
        if source.hasFormat(kind):
            raw = bytes(source.data(kind).data())
            text = raw.decode("utf-16" if raw[1:2] == b"\0" else "utf-8", "replace")
            url = text.split("\n", 1)[0].strip("\0 \r")
            if url.startswith(("http://", "https://")):
                return url
    return None


_DESTRUCTIVE: Final = (
    QKeySequence.StandardKey.DeleteEndOfLine,
    QKeySequence.StandardKey.DeleteCompleteLine,
)


def _destroys_text(event: QKeyEvent) -> bool:
    """Whether ``event`` is one of Qt's bindings that deletes a line or its rest (Ctrl+K on
    Linux and macOS): newsroom editors expect them to do nothing, or their own command."""
    return any(event.matches(key) for key in _DESTRUCTIVE)


def _image_suffixes() -> frozenset[str]:
    return frozenset(
        "." + bytes(name.data()).decode().lower() for name in QImageReader.supportedImageFormats()
    )


class BodyEditor(QTextEdit):
    """Rich-text editing of an article body in the allowed HTML subset."""

    problem = Signal(str)
    """A translated sentence saying why something was not inserted."""
    attachment_dropped = Signal(str, str)
    """(sha256, name): an image material dropped on the body, to insert once described."""
    remote_images = Signal(object, object)
    """(tuple[str, ...], str | None): http(s) image URLs a paste left in the body, for the caller
    to fetch, and the address of the page they were pasted from (the referrer some hosts want),
    when the clipboard says."""
    pasted_image_encoded = Signal(int, object)
    """(paste number, PNG bytes or None): emitted on a worker thread, handled on the UI thread."""

    def __init__(
        self, store_image: StoreImage, images: ImageSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store_image = store_image
        self._images = images
        self.background = BackgroundImages(self, images)
        self._pastes = itertools.count()
        self._pasting: dict[int, QTextCursor] = {}  # where each image being encoded goes
        self.pasted_image_encoded.connect(self._insert_pasted_image)
        self._suffixes = _image_suffixes()
        self._commands: list[QAction] = []
        self.setAcceptRichText(True)
        self.setAccessibleName(self.tr("Article body"))

    def use_commands(self, actions: Iterable[QAction]) -> None:
        """Let ``actions``' shortcuts (Ctrl+B, Ctrl+K, Ctrl+F…) work while the body has the focus,
        ahead of Qt's own text bindings: on Linux and macOS Ctrl+K would otherwise delete to the
        end of the line, whatever was selected."""
        self._commands = [action for action in actions if not action.shortcut().isEmpty()]

    def _command_for(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self._commands:
            if any(
                key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for key in action.shortcuts()
            ):
                return action
        return None

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (self._command_for(event) is not None or _destroys_text(event))
        ):
            event.accept()  # it comes to keyPressEvent, not to a shortcut or Qt's binding
            return True
        return super().event(event)

    # content

    def html(self) -> str:
        return to_html(self.document())

    def set_html(self, html: str) -> None:
        """Replace the body; not undoable, and the document counts as unmodified. Pictures
        still being encoded from a paste belonged to the body replaced: they are dropped."""
        self._pasting.clear()
        document = self.document()
        load_html(document, html, self._images)
        document.clearUndoRedoStacks()
        document.setModified(False)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt override)
        """Images come from the attachments only (a placeholder otherwise), never from disk,
        and are decoded off the UI thread."""
        image = self.background.resource(kind, name)
        return image if image is not None else super().loadResource(kind, name)

    # paragraph commands

    def set_paragraph_style(self, style: str) -> None:
        """ "body", "h2", "h3", "quote" or "caption" for the blocks of the selection."""
        kind, heading = (CAPTION, 0) if style == CAPTION else PARAGRAPH_STYLES[style]
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks(cursor):
            fmt = block.blockFormat()
            fmt.setHeadingLevel(heading)
            fresh = kind_block_format(kind, heading)
            fmt.setProperty(BLOCK_KIND, kind)
            fmt.setLeftMargin(fresh.leftMargin())
            fmt.setRightMargin(fresh.rightMargin())
            edit = QTextCursor(block)
            edit.setBlockFormat(fmt)
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            self._restyle_heading(edit, heading)
        if not cursor.hasSelection():
            self.mergeCurrentCharFormat(heading_char_format(heading))  # what is typed next
        cursor.endEditBlock()

    def _restyle_heading(self, cursor: QTextCursor, heading: int) -> None:
        """Heading size on the text, keeping bold that the user set (weight Bold and above)."""
        look = heading_char_format(heading)
        cursor.mergeBlockCharFormat(look)

        def restyle(fmt: QTextCharFormat) -> QTextCharFormat:
            size = look.property(QTextFormat.Property.FontSizeAdjustment)
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, size)
            if fmt.fontWeight() < QFont.Weight.Bold:
                fmt.setFontWeight(look.fontWeight())
            return fmt

        self._rewrite_chars(cursor, restyle)

    def set_alignment(self, align: Qt.AlignmentFlag) -> None:
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        self._merge_block(fmt)

    def toggle_list(self, ordered: bool) -> None:
        """Make the selected paragraphs a list; the same kind again removes it, the other kind
        changes it."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if current is not None and is_ordered(current.format().style()) == ordered:
            for block in self._selected_blocks(cursor):
                listed = block.textList()
                if listed is not None:
                    listed.remove(block)
                    self._reset_indent(block)
        elif current is not None:
            fmt = current.format()
            fmt.setStyle(self._list_style(ordered))
            current.setFormat(fmt)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(self._list_style(ordered))
            fmt.setIndent(1)
            cursor.createList(fmt)
        cursor.endEditBlock()

    def indent(self) -> None:
        """In a list, one level deeper; elsewhere the paragraph becomes a quote (the only
        indentation article HTML has)."""
        self._shift(1)

    def outdent(self) -> None:
        """In a list, one level up (out of the list from the top level); a quote becomes body."""
        self._shift(-1)

    def _shift(self, step: int) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks(cursor):
            listed = block.textList()
            if listed is None:
                self._set_kind(block, QUOTE if step > 0 else "")
                continue
            depth = listed.format().indent() + step
            if depth < 1:
                listed.remove(block)
                self._reset_indent(block)
                continue
            target = self._list_at(block, depth)
            if target is not None:
                listed.remove(block)
                target.add(block)
            else:
                fmt = QTextListFormat(listed.format())
                fmt.setIndent(depth)
                QTextCursor(block).createList(fmt)
        cursor.endEditBlock()

    def _list_at(self, block: QTextBlock, depth: int) -> QTextList | None:
        """The list at ``depth`` that ``block`` continues: the nearest one before it, if no
        shallower list item stands between them."""
        previous = block.previous()
        while previous.isValid() and previous.textList() is not None:
            found = previous.textList()
            indent = found.format().indent()
            if indent == depth:
                return found
            if indent < depth:
                return None
            previous = previous.previous()
        return None

    def _set_kind(self, block: QTextBlock, kind: str) -> None:
        fmt = block.blockFormat()
        fresh = kind_block_format(kind)
        fmt.setProperty(BLOCK_KIND, kind)
        fmt.setLeftMargin(fresh.leftMargin())
        fmt.setRightMargin(fresh.rightMargin())
        QTextCursor(block).setBlockFormat(fmt)

    def _reset_indent(self, block: QTextBlock) -> None:
        fmt = block.blockFormat()
        fmt.setIndent(0)
        QTextCursor(block).setBlockFormat(fmt)

    @staticmethod
    def _list_style(ordered: bool) -> QTextListFormat.Style:
        return QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc

    def insert_horizontal_rule(self) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        rule = QTextBlockFormat()
        rule.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        cursor.insertBlock(rule)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # character commands

    def toggle_bold(self) -> None:
        bold = self.currentCharFormat().fontWeight() >= QFont.Weight.Bold
        fmt = QTextCharFormat()
        heading = self.textCursor().blockFormat().headingLevel()
        normal = QFont.Weight.DemiBold if heading else QFont.Weight.Normal
        fmt.setFontWeight(normal if bold else QFont.Weight.Bold)
        self._merge_chars(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self._merge_chars(fmt)

    def toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(not self.currentCharFormat().fontUnderline())
        self._merge_chars(fmt)

    def toggle_strikeout(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontStrikeOut(not self.currentCharFormat().fontStrikeOut())
        self._merge_chars(fmt)

    def set_link(self, url: str, text: str | None = None) -> None:
        """Link the selection (or the word under the cursor) to ``url``; with ``text``, insert
        that text as the link instead, replacing any selection."""
        fmt = QTextCharFormat()
        set_anchor(fmt, url)
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if text is None and not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if text is not None or not cursor.hasSelection():
            linked = QTextCharFormat(self.currentCharFormat())
            set_anchor(linked, url)
            cursor.insertText(text or url, linked)
        else:
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def remove_link(self) -> None:
        """Unlink the selection, or the whole link under the cursor."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor = self._link_under(cursor)
        cursor.beginEditBlock()
        self._rewrite_chars(cursor, _without_link)
        cursor.endEditBlock()

    def _link_under(self, cursor: QTextCursor) -> QTextCursor:
        """A cursor selecting the run of text linked to the same address as the cursor's."""
        found = QTextCursor(cursor)
        href = cursor.charFormat().anchorHref()
        runs: list[list[int]] = []
        it = cursor.block().begin()
        while href and not it.atEnd():
            fragment = it.fragment()
            it += 1
            if fragment.charFormat().anchorHref() != href:
                continue
            if runs and runs[-1][1] == fragment.position():
                runs[-1][1] += fragment.length()
            else:
                runs.append([fragment.position(), fragment.position() + fragment.length()])
        for start, end in runs:
            if start <= cursor.position() <= end:
                found.setPosition(start)
                found.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return found

    def clear_formatting(self) -> None:
        """Remove bold, italic, underline, strikeout and sub/superscript from the selection (or
        word); links, headings and the other paragraph styles stay."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        heading = cursor.blockFormat().headingLevel()
        cursor.beginEditBlock()
        self._rewrite_chars(cursor, lambda fmt: _plain(fmt, heading))
        cursor.endEditBlock()
        self.setCurrentCharFormat(_plain(self.currentCharFormat(), heading))

    # tables

    def insert_table(self, rows: int, columns: int) -> None:
        fmt = QTextTableFormat()
        fmt.setBorder(1)
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorderCollapse(True)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertTable(max(rows, 1), max(columns, 1), fmt)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def add_row(self) -> None:
        self._table_edit(lambda table, cell: table.insertRows(cell.row() + cell.rowSpan(), 1))

    def remove_row(self) -> None:
        """Remove the cursor's row (the last row takes the table with it)."""
        self._table_edit(lambda table, cell: table.removeRows(cell.row(), 1))

    def add_column(self) -> None:
        self._table_edit(
            lambda table, cell: table.insertColumns(cell.column() + cell.columnSpan(), 1)
        )

    def remove_column(self) -> None:
        self._table_edit(lambda table, cell: table.removeColumns(cell.column(), 1))

    def _table_edit(self, edit: Callable[..., None]) -> None:
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None:
            return
        cursor.beginEditBlock()
        edit(table, table.cellAt(cursor))
        cursor.endEditBlock()

    # images

    def insert_image(self, sha256: str, alt: str = "", caption: str = "") -> None:
        """A figure with the attachment's image (and a caption paragraph if given), in blocks of
        its own at the cursor."""
        size = self._images.size(sha256) or placeholder_image().size()
        self._insert_figure(attachment_url(sha256), alt, caption, size)

    def _insert_figure(
        self, name: str, alt: str, caption: str, size: QSize, at: QTextCursor | None = None
    ) -> None:
        """The figure is laid out at ``size``; its image is decoded on a worker thread when it is
        first shown (``loadResource``), as an opened article's are. Inserted at ``at`` when
        given: the caret moves past the figure only if it is still there."""
        caret = self.textCursor()
        cursor = caret if at is None else QTextCursor(at)
        follow = at is None or (not caret.hasSelection() and caret.position() == at.position())
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if cursor.block().length() > 1:
            cursor.insertBlock(kind_block_format(FIGURE), QTextCharFormat())
        else:
            cursor.setBlockFormat(kind_block_format(FIGURE))
        cursor.insertImage(image_format(name, alt, size))
        if caption:
            cursor.insertBlock(kind_block_format(CAPTION), QTextCharFormat())
            cursor.insertText(caption, QTextCharFormat())
        if not cursor.atBlockEnd() or not cursor.block().next().isValid():
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        else:
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        cursor.endEditBlock()
        if follow:
            self.setTextCursor(cursor)

    def insert_image_file(self, path: Path, alt: str = "", caption: str = "") -> bool:
        """Store the image file as an attachment and insert it; False (and ``problem``) if not."""
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                self._too_large(path.name, size)
                return False
            data = path.read_bytes()
        except OSError as error:
            self.problem.emit(
                self.tr("“{name}” could not be read: {reason}").format(
                    name=path.name, reason=error.strerror or str(error)
                )
            )
            return False
        return self._insert_image_data(data, path.name, alt, caption)

    def _insert_image_data(
        self,
        data: bytes,
        name: str,
        alt: str = "",
        caption: str = "",
        at: QTextCursor | None = None,
    ) -> bool:
        if len(data) > MAX_ATTACHMENT_BYTES:
            self._too_large(name, len(data))
            return False
        size = image_size(data)  # from the header: a photograph decodes on a worker thread
        if size is None:
            self.problem.emit(
                self.tr("“{name}” was not inserted: it is not an image Newsdesk can read.").format(
                    name=name
                )
            )
            return False
        sha256 = self._store_image(data, name)
        if sha256 is None:
            self.problem.emit(
                self.tr(
                    "“{name}” was not inserted: it could not be stored as an attachment."
                ).format(name=name)
            )
            return False
        self._insert_figure(attachment_url(sha256), alt, caption, size, at)
        return True

    def _too_large(self, name: str, size: int) -> None:
        self.problem.emit(
            self.tr(
                "“{name}” was not inserted: it is {size} MB, "
                "and an image may be at most {limit} MB."
            ).format(name=name, size=f"{size / _MB:,.1f}", limit=MAX_ATTACHMENT_BYTES // _MB)
        )

    # clipboard and drag and drop

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt override)
        return (
            bool(self._image_paths(source))
            or dropped_attachment(source) is not None
            or source.hasImage()
            or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Image files and image data become attachments; HTML is cleaned into article HTML
        (remote images reported); anything else is plain text."""
        paths = self._image_paths(source)
        if paths:
            for path in paths:
                self.insert_image_file(path)
            return
        attachment = dropped_attachment(source)
        if attachment is not None:
            if not self.isReadOnly():
                self.attachment_dropped.emit(*attachment)
            return
        if source.hasHtml() and self._paste_html(source.html(), _source_page(source)):
            return
        if source.hasImage():
            self._paste_image(source.imageData())
        elif source.hasText():
            self.textCursor().insertText(source.text())
            self.ensureCursorVisible()

    def _image_paths(self, source: QMimeData) -> list[Path]:
        if not source.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
        return [path for path in paths if path.suffix.lower() in self._suffixes]

    @property
    def pasting(self) -> int:
        """How many pasted images are being encoded, to be inserted when they are."""
        return len(self._pasting)

    def _paste_image(self, data: object) -> None:
        """A pasted picture (a screenshot, a copied image) is stored as PNG, encoded on a worker
        thread: a full-screen capture took a third of a second to encode, the editor frozen.
        It is inserted where it was pasted when ready; what is typed meanwhile stays after it."""
        image = data.toImage() if isinstance(data, QPixmap) else data
        if not isinstance(image, QImage) or image.isNull():
            return
        cursor = self.textCursor()
        cursor.removeSelectedText()
        at = QTextCursor(cursor)
        at.setKeepPositionOnInsert(True)
        number = next(self._pastes)
        self._pasting[number] = at
        QThreadPool.globalInstance().start(functools.partial(self._encode_pasted, number, image))

    def _encode_pasted(self, number: int, image: QImage) -> None:
        """On a worker thread."""
        encoded = QByteArray()
        buffer = QBuffer(encoded)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        written = QImageWriter(buffer, QByteArray(b"PNG")).write(image)
        buffer.close()
        with contextlib.suppress(RuntimeError):  # the editor was closed meanwhile
            self.pasted_image_encoded.emit(number, bytes(encoded.data()) if written else None)

    def _insert_pasted_image(self, number: int, data: bytes | None) -> None:
        at = self._pasting.pop(number, None)
        if at is None or self.isReadOnly():
            return
        name = self.tr("Pasted image")
        if data is None:
            self.problem.emit(
                self.tr(
                    "“{name}” was not inserted: it could not be stored as an attachment."
                ).format(name=name)
            )
            return
        at.setKeepPositionOnInsert(False)
        at.clearSelection()  # its anchor moved past what was typed at it meanwhile
        self._insert_image_data(data, name, at=at)

    def _paste_html(self, html: str, page_url: str | None = None) -> bool:
        """Paste ``html`` cleaned; ``False`` when nothing of it is article content (the
        clipboard's plain text is pasted then, so a paste is never lost without a word)."""
        pasted = clean_pasted(html)
        if not pasted.html:
            return False
        fragment = QTextDocumentFragment(html_document(pasted.html, self._images))
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertFragment(fragment)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if pasted.remote_images:
            self.remote_images.emit(tuple(pasted.remote_images), page_url or page_url_of(html))
        return True

    def replace_image_source(self, old: str, new: str) -> int:
        """Point every image shown from ``old`` at ``new`` (a downloaded copy), keeping its alt
        text and place; returns how many were changed. Joined to the last undo step: undoing
        the paste undoes both. The image is decoded on a worker thread when it is shown."""
        document = self.document()
        found: list[tuple[int, int, QTextImageFormat]] = []
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                char_format = fragment.charFormat()
                if char_format.isImageFormat() and char_format.toImageFormat().name() == old:
                    found.append(
                        (fragment.position(), fragment.length(), char_format.toImageFormat())
                    )
                fragments += 1
            block = block.next()
        if not found:
            return 0
        cursor = QTextCursor(document)
        cursor.joinPreviousEditBlock()
        for position, length, shown in found:
            shown.setName(new)
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(shown)
        cursor.endEditBlock()
        return len(found)

    def remote_sources(self) -> list[str]:
        """The http(s) addresses of the images the body still shows from other servers."""
        found: list[str] = []
        block = self.document().begin()
        while block.isValid():
            if OBJECT_REPLACEMENT in block.text():
                fragments = block.begin()
                while not fragments.atEnd():
                    char_format = fragments.fragment().charFormat()
                    if char_format.isImageFormat():
                        name = char_format.toImageFormat().name()
                        if is_remote(name) and name not in found:
                            found.append(name)
                    fragments += 1
            block = block.next()
        return found

    # keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """The editor's commands run on their keys; Qt's bindings that delete text without a
        selection's say-so (delete to end of line, delete line) do nothing; Tab in a table moves
        to the next cell (adding a row after the last); Enter at the end of a heading, caption or
        figure starts a body paragraph, not another heading (Qt would copy the block format)."""
        command = self._command_for(event)
        if command is not None:
            if command.isEnabled():
                command.trigger()
            return
        if _destroys_text(event):
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._tab_in_table(
            forward=event.key() == Qt.Key.Key_Tab
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            return
        cursor = self.textCursor()
        fmt = cursor.blockFormat()
        special = fmt.headingLevel() > 0 or block_kind(fmt) in (CAPTION, FIGURE)
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            and special
            and cursor.atBlockEnd()
            and cursor.currentList() is None
        ):
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            self.setTextCursor(cursor)
            self.setCurrentCharFormat(QTextCharFormat())
            return
        super().keyPressEvent(event)

    def _tab_in_table(self, *, forward: bool) -> bool:
        """Move to the next (previous) cell of the table at the cursor; False outside one."""
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None or self.isReadOnly():
            return False
        cell = table.cellAt(cursor)
        index = cell.row() * table.columns() + cell.column() + (1 if forward else -1)
        if index < 0:
            return True
        if index >= table.rows() * table.columns():
            cursor.beginEditBlock()
            table.appendRows(1)
            cursor.endEditBlock()
        target = table.cellAt(index // table.columns(), index % table.columns())
        moved = target.firstCursorPosition()
        moved.setPosition(target.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(moved)
        return True

    # helpers

    def _merge_chars(self, fmt: QTextCharFormat) -> None:
        """As Qt's textedit example: the selection, or else the word under the cursor, and the
        format for what is typed next."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)  # inside the edit block: still one undo step
        cursor.endEditBlock()

    def _merge_block(self, fmt: QTextBlockFormat) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.mergeBlockFormat(fmt)
        cursor.endEditBlock()

    def _selected_blocks(self, cursor: QTextCursor) -> list[QTextBlock]:
        document = self.document()
        block = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [block]
        while block != last and block.isValid():
            block = block.next()
            blocks.append(block)
        return blocks

    def _rewrite_chars(
        self, cursor: QTextCursor, change: Callable[[QTextCharFormat], QTextCharFormat]
    ) -> None:
        """Apply ``change`` to each fragment's format in the selection: unlike a merge, it can
        remove properties."""
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.document().findBlock(start)
        spans: list[tuple[int, int, QTextCharFormat]] = []
        while block.isValid() and block.position() <= end:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                lo = max(start, fragment.position())
                hi = min(end, fragment.position() + fragment.length())
                if lo < hi and not fragment.charFormat().isImageFormat():
                    spans.append((lo, hi, change(QTextCharFormat(fragment.charFormat()))))
            block = block.next()
        for lo, hi, fmt in spans:
            piece = QTextCursor(self.document())
            piece.setPosition(lo)
            piece.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            piece.setCharFormat(fmt)


def _without_link(fmt: QTextCharFormat) -> QTextCharFormat:
    fmt.setAnchor(False)
    fmt.clearProperty(QTextFormat.Property.AnchorHref)
    fmt.clearForeground()
    return fmt


def _plain(fmt: QTextCharFormat, heading: int) -> QTextCharFormat:
    fmt.setFontWeight(heading_char_format(heading).fontWeight())
    fmt.setFontItalic(False)
    fmt.setFontUnderline(False)
    fmt.setFontStrikeOut(False)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignNormal)
    return fmt
