"""The formatting toolbar over a :class:`BodyEditor`, with the small dialogs its commands need.

Every command is a :class:`QAction` with a shortcut where writers expect one; checkable actions
follow the format at the cursor, and undo/redo follow the document's availability.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from newsdesk.ui.editor.body import BodyEditor
from newsdesk.ui.editor.document import CAPTION, QUOTE, block_kind
from newsdesk.ui.widgets.fields import FieldError

LINK_SCHEMES = ("http", "https", "mailto")
_LEADING = (Qt.AlignmentFlag.AlignLeading, Qt.AlignmentFlag(0))


def is_link_address(text: str) -> bool:
    """An absolute http(s) address with a host, or a mailto: address."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme() not in LINK_SCHEMES:
        return False
    return bool(url.path()) if url.scheme() == "mailto" else bool(url.host())


class LinkDialog(QDialog):
    """Asks for a link's address and, optionally, its text."""

    def __init__(self, url: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link"))
        self.url_edit = QLineEdit(url)
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.setMinimumWidth(360)
        self.text_edit = QLineEdit(text)
        self.text_edit.setPlaceholderText(self.tr("The selected text"))
        self.error = FieldError()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Address"), self.url_edit)
        form.addRow("", self.error)
        form.addRow(self.tr("Text"), self.text_edit)
        form.addRow(buttons)

    def _accept(self) -> None:
        if is_link_address(self.url_edit.text()):
            self.accept()
        else:
            self.error.show_error(
                self.tr("Enter an http, https or mailto address, e.g. https://example.com")
            )


class ImageTextDialog(QDialog):
    """Asks for an inserted image's caption (shown under it) and alt text (read to people who
    cannot see it, and shown where it cannot load)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert image"))
        intro = QLabel(self.tr("“{name}”").format(name=name))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.caption_edit = QLineEdit()
        self.caption_edit.setMaxLength(300)
        self.caption_edit.setPlaceholderText(self.tr("Shown under the image"))
        self.caption_edit.setMinimumWidth(360)
        self.alt_edit = QLineEdit()
        self.alt_edit.setMaxLength(300)
        self.alt_edit.setPlaceholderText(self.tr("What the image shows, for screen readers"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Caption"), self.caption_edit)
        form.addRow(self.tr("Alt text"), self.alt_edit)
        form.addRow(buttons)
        self.caption_edit.textChanged.connect(self._suggest_alt)
        self._alt_typed = False
        self.alt_edit.textEdited.connect(lambda _text: setattr(self, "_alt_typed", True))

    def _suggest_alt(self, caption: str) -> None:
        if not self._alt_typed:
            self.alt_edit.setText(caption)


class TableDialog(QDialog):
    """Asks for a new table's size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert table"))
        self.rows = QSpinBox(minimum=1, maximum=100, value=3)
        self.columns = QSpinBox(minimum=1, maximum=20, value=3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Rows"), self.rows)
        form.addRow(self.tr("Columns"), self.columns)
        form.addRow(buttons)


class EditorToolbar(QToolBar):
    """Formatting commands for ``body``; ``find_requested(replace)`` opens the find bar."""

    find_requested = Signal(bool)

    def __init__(self, body: BodyEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorToolbar")
        self.body = body
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.undo_action = self._action(self.tr("Undo"), body.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("Redo"), body.redo, QKeySequence.StandardKey.Redo)
        document = body.document()
        self.undo_action.setEnabled(document.isUndoAvailable())
        self.redo_action.setEnabled(document.isRedoAvailable())
        document.undoAvailable.connect(self.undo_action.setEnabled)
        document.redoAvailable.connect(self.redo_action.setEnabled)
        self.addSeparator()

        self.style_box = QComboBox()
        self.style_box.setToolTip(self.tr("Paragraph style"))
        for text, style in (
            (self.tr("Body text"), "body"),
            (self.tr("Heading 2"), "h2"),
            (self.tr("Heading 3"), "h3"),
            (self.tr("Quote"), "quote"),
            (self.tr("Image caption"), "caption"),
        ):
            self.style_box.addItem(text, style)
        self.style_box.activated.connect(self._style_chosen)
        self.addWidget(self.style_box)

        self.bold_action = self._check(self.tr("Bold"), body.toggle_bold, "Ctrl+B", "B")
        self.bold_action.setFont(_font(bold=True))
        self.italic_action = self._check(self.tr("Italic"), body.toggle_italic, "Ctrl+I", "I")
        self.italic_action.setFont(_font(italic=True))
        self.underline_action = self._check(
            self.tr("Underline"), body.toggle_underline, "Ctrl+U", "U"
        )
        self.underline_action.setFont(_font(underline=True))
        self.strike_action = self._check(self.tr("Strikethrough"), body.toggle_strikeout, "", "S")
        self.strike_action.setFont(_font(strike=True))
        self.addSeparator()

        self.align_menu_button = QToolButton()
        self.align_menu_button.setText(self.tr("Align"))
        self.align_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.align_menu_button)
        self.align_actions: dict[Qt.AlignmentFlag, QAction] = {}
        for text, flag in (
            (self.tr("Align left"), Qt.AlignmentFlag.AlignLeft),
            (self.tr("Center"), Qt.AlignmentFlag.AlignHCenter),
            (self.tr("Align right"), Qt.AlignmentFlag.AlignRight),
            (self.tr("Justify"), Qt.AlignmentFlag.AlignJustify),
        ):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, f=flag: self._align(f))
            self.align_actions[flag] = action
        self.align_menu_button.setMenu(menu)
        self.addWidget(self.align_menu_button)

        self.bullets_action = self._action(
            self.tr("Bullet list"), lambda: body.toggle_list(False), short="•"
        )
        self.numbers_action = self._action(
            self.tr("Numbered list"), lambda: body.toggle_list(True), short="1."
        )
        self.outdent_action = self._action(self.tr("Outdent"), body.outdent, "Ctrl+[", "⇤")
        self.indent_action = self._action(self.tr("Indent"), body.indent, "Ctrl+]", "⇥")
        self.addSeparator()

        self.link_action = self._action(self.tr("Link…"), self.edit_link, "Ctrl+K")
        self.unlink_action = self._action(self.tr("Remove link"), body.remove_link)
        self.image_action = self._action(self.tr("Image…"), self.choose_image)
        self.rule_action = self._action(
            self.tr("Horizontal rule"), body.insert_horizontal_rule, short="—"
        )
        self.table_button = QToolButton()
        self.table_button.setText(self.tr("Table"))
        self.table_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        table_menu = QMenu(self.table_button)
        self.table_action = table_menu.addAction(self.tr("Insert table…"), self.insert_table)
        table_menu.addSeparator()
        self.add_row_action = table_menu.addAction(self.tr("Add row"), body.add_row)
        self.remove_row_action = table_menu.addAction(self.tr("Remove row"), body.remove_row)
        self.add_column_action = table_menu.addAction(self.tr("Add column"), body.add_column)
        self.remove_column_action = table_menu.addAction(
            self.tr("Remove column"), body.remove_column
        )
        self.table_button.setMenu(table_menu)
        self.addWidget(self.table_button)
        self.clear_action = self._action(self.tr("Clear formatting"), body.clear_formatting)
        self.addSeparator()
        self.find_action = self._action(
            self.tr("Find"), lambda: self.find_requested.emit(False), QKeySequence.StandardKey.Find
        )
        self.replace_action = self._action(
            self.tr("Replace"), lambda: self.find_requested.emit(True), "Ctrl+H"
        )

        body.currentCharFormatChanged.connect(self._char_format_changed)
        body.cursorPositionChanged.connect(self.update_state)
        body.use_commands(self.actions())
        self._editable = True
        self.update_state()

    def set_editable(self, editable: bool) -> None:
        """Every editing command off (or on) with the body; finding stays."""
        self._editable = editable
        for action in self.actions():
            if action not in (self.find_action,):
                action.setEnabled(editable)
        for widget in (self.style_box, self.align_menu_button, self.table_button):
            widget.setEnabled(editable)
        if editable:
            document = self.body.document()
            self.undo_action.setEnabled(document.isUndoAvailable())
            self.redo_action.setEnabled(document.isRedoAvailable())
            self.update_state()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey = "",
        short: str = "",
    ) -> QAction:
        action = QAction(short or text, self)
        action.setToolTip(text)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(lambda: slot())
        self.addAction(action)
        return action

    def _check(self, text: str, slot: Callable[[], object], shortcut: str, short: str) -> QAction:
        action = self._action(text, slot, shortcut, short)
        action.setCheckable(True)
        return action

    # commands needing input

    def edit_link(self) -> LinkDialog:
        """Ask for the address of a link on the selection (or the link at the cursor)."""
        cursor = self.body.textCursor()
        href = cursor.charFormat().anchorHref()
        dialog = LinkDialog(href, cursor.selectedText(), self)

        def accepted() -> None:
            self.body.setTextCursor(cursor)  # the selection the dialog was opened on
            text = dialog.text_edit.text()
            keep = cursor.hasSelection() and text == cursor.selectedText()
            self.body.set_link(dialog.url_edit.text().strip(), None if keep or not text else text)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def insert_table(self) -> None:
        dialog = TableDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.body.insert_table(dialog.rows.value(), dialog.columns.value())

    def choose_image(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Insert image"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)")
        )
        if name:
            self.describe_image(Path(name))

    def describe_image(self, path: Path) -> ImageTextDialog:
        """Ask for the caption and alt text of the image at ``path``, then insert it."""
        return self._describe(
            path.name, lambda alt, caption: self.body.insert_image_file(path, alt, caption)
        )

    def describe_attachment(self, sha256: str, name: str) -> ImageTextDialog:
        """Ask for the caption and alt text of an attachment (a dragged material), then insert
        it."""
        return self._describe(
            name, lambda alt, caption: self.body.insert_image(sha256, alt, caption)
        )

    def _describe(self, name: str, insert: Callable[[str, str], object]) -> ImageTextDialog:
        dialog = ImageTextDialog(name, self)
        cursor = self.body.textCursor()

        def accepted() -> None:
            self.body.setTextCursor(cursor)
            insert(dialog.alt_edit.text().strip(), dialog.caption_edit.text().strip())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # state

    def _style_chosen(self, index: int) -> None:
        self.body.set_paragraph_style(self.style_box.itemData(index))
        self.body.setFocus()

    def _align(self, flag: Qt.AlignmentFlag) -> None:
        self.body.set_alignment(flag)
        self.update_state()

    def _char_format_changed(self, fmt: QTextCharFormat) -> None:
        self.bold_action.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic_action.setChecked(fmt.fontItalic())
        self.underline_action.setChecked(fmt.fontUnderline())
        self.strike_action.setChecked(fmt.fontStrikeOut())

    def update_state(self) -> None:
        """Reflect the format, paragraph style, alignment and table at the cursor."""
        cursor = self.body.textCursor()
        self._char_format_changed(self.body.currentCharFormat())
        block = cursor.blockFormat()
        heading = block.headingLevel()
        kind = block_kind(block)
        style = {2: "h2", 3: "h3"}.get(heading, kind if kind in (QUOTE, CAPTION) else "body")
        self.style_box.setCurrentIndex(self.style_box.findData(style))
        alignment = block.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
        for flag, action in self.align_actions.items():
            leading = flag == Qt.AlignmentFlag.AlignLeft and alignment in _LEADING
            action.setChecked(flag == alignment or leading)
        in_table = cursor.currentTable() is not None
        for action in (
            self.add_row_action,
            self.remove_row_action,
            self.add_column_action,
            self.remove_column_action,
        ):
            action.setEnabled(in_table)
        self.unlink_action.setEnabled(bool(cursor.charFormat().anchorHref()))


def _font(
    bold: bool = False, italic: bool = False, underline: bool = False, strike: bool = False
) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    font.setUnderline(underline)
    font.setStrikeOut(strike)
    return font
