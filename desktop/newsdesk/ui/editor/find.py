"""Find and replace in the article body: a bar under the editor, not a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)


class FindBar(QWidget):
    """Next/previous, match case, replace and replace all (one undo step) in ``editor``."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match case"))
        self.previous_button = QPushButton(self.tr("Previous"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.clicked.connect(self.find_next)
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button = QPushButton(self.tr("Replace all"))
        self.replace_all_button.clicked.connect(self.replace_all)
        self.result = QLabel()
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.find_edit, 2)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.case_box)
        layout.addWidget(self.replace_edit, 2)
        layout.addWidget(self.replace_button)
        layout.addWidget(self.replace_all_button)
        layout.addWidget(self.result, 1)
        layout.addWidget(close)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.hide()

    def open(self, replace: bool) -> None:
        """Show the bar with the selection as the text to find, focused."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setEnabled(not read_only)

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        text = self.find_edit.text()
        if not text:
            return False
        document = self.editor.document()
        found = document.find(text, self.editor.textCursor(), self._flags(backward))
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(text, start, self._flags(backward))
        if found.isNull():
            self.result.setText(self.tr("Not found"))
            return False
        self.result.clear()
        self.editor.setTextCursor(found)
        return True

    def _matches(self, cursor: QTextCursor) -> bool:
        selected = cursor.selectedText()
        wanted = self.find_edit.text()
        if self.case_box.isChecked():
            return selected == wanted
        return selected.casefold() == wanted.casefold()

    def replace(self) -> None:
        """Replace the current match (if the selection is one) and go to the next."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and self._matches(cursor):
            cursor.insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match in one undo step; how many were replaced."""
        text = self.find_edit.text()
        if not text:
            return 0
        document = self.editor.document()
        replacement = self.replace_edit.text()
        edit = QTextCursor(document)
        edit.beginEditBlock()
        count = 0
        found = document.find(text, 0, self._flags())
        while not found.isNull():
            found.insertText(replacement)
            count += 1
            found = document.find(text, found, self._flags())
        edit.endEditBlock()
        self.result.setText(self.tr("Replaced {count}").format(count=count))
        return count
