"""@mention completion in the text fields where colleagues are addressed: a review comment, an
anchored comment, a proposal's note. Typing "@" and a few letters offers colleagues whose name,
login, pinyin or pinyin initials start with them ("@lq" and "@liq" find 李强); choosing one
writes "@李强 " into the text, which is how the mention is kept and later notifies them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin
from PySide6.QtCore import QEvent, QObject, QRect, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QPlainTextEdit

from newsdesk.core.model import User
from newsdesk.store.notifications import colleagues
from newsdesk.ui.session import Session

MAX_OFFERED = 8
_CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


@dataclass(frozen=True)
class Colleague:
    name: str
    keys: tuple[str, ...]  # lower-case: name, login, pinyin, pinyin initials


def colleague(user: User) -> Colleague:
    syllables = lazy_pinyin(user.name)
    initials = lazy_pinyin(user.name, style=Style.FIRST_LETTER)
    keys = (user.name, user.login, "".join(syllables), "".join(initials))
    return Colleague(user.name, tuple(dict.fromkeys(k.lower() for k in keys if k)))


def offered(typed: str, people: Sequence[Colleague]) -> list[str]:
    """The names of the colleagues ``typed`` (what follows the "@") starts a key of."""
    wanted = typed.lower()
    return [p.name for p in people if any(k.startswith(wanted) for k in p.keys)][:MAX_OFFERED]


class MentionCompleter(QObject):
    """Completes @mentions in ``field`` (a QPlainTextEdit or a QLineEdit)."""

    def __init__(self, field: QPlainTextEdit | QLineEdit, session: Session) -> None:
        super().__init__(field)
        self.field = field
        self.people: list[Colleague] = []
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(field)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.popup = QListView()
        self.popup.setAccessibleName(self.tr("Colleagues to mention"))
        self.completer.setPopup(self.popup)
        self.completer.activated.connect(self.insert)
        field.textChanged.connect(self._typed)
        field.installEventFilter(self)
        session.read(colleagues, self._loaded, owner=self)

    def _loaded(self, users: Sequence[User]) -> None:
        self.people = [colleague(u) for u in users]

    def _text_and_cursor(self) -> tuple[str, int]:
        if isinstance(self.field, QLineEdit):
            return self.field.text(), self.field.cursorPosition()
        cursor = self.field.textCursor()
        return self.field.toPlainText(), cursor.position()

    def typed(self) -> tuple[int, str] | None:
        """Where the "@" being completed is, and what follows it up to the cursor."""
        text, position = self._text_and_cursor()
        start = text.rfind("@", 0, position)
        if start < 0:
            return None
        word = text[start + 1 : position]
        if any(ch.isspace() for ch in word) or (start > 0 and text[start - 1].isalnum()):
            return None
        return start, word

    def _typed(self) -> None:
        found = self.typed()
        names = offered(found[1], self.people) if found is not None else []
        if not names:
            self.popup.hide()
            return
        self.model.setStringList(names)
        self.popup.setCurrentIndex(self.model.index(0))
        self.completer.complete(self._cursor_rect())

    def _cursor_rect(self) -> QRect:
        rect = self.field.cursorRect()
        rect.setWidth(220)
        return rect

    def insert(self, name: str) -> None:
        """Replace the "@…" being typed by "@name "."""
        found = self.typed()
        if found is None:
            return
        start, word = found
        if isinstance(self.field, QLineEdit):
            text = self.field.text()
            end = start + 1 + len(word)
            self.field.setText(f"{text[:start]}@{name} {text[end:]}")
            self.field.setCursorPosition(start + len(name) + 2)
        else:
            cursor = self.field.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(start + 1 + len(word), cursor.MoveMode.KeepAnchor)
            cursor.insertText(f"@{name} ")
            self.field.setTextCursor(cursor)
        self.popup.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """While the list is open, Return and Tab choose from it instead of reaching the field."""
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _CHOOSE_KEYS
            and self.popup.isVisible()
        ):
            index = self.popup.currentIndex()
            if index.isValid():
                self.insert(str(index.data()))
            return True
        return False
