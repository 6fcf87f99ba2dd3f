"""@mention completion in the text fields where colleagues are addressed: a review comment, an
anchored comment, a proposal's note. Typing "@" and a few letters offers colleagues whose name,
login, pinyin or pinyin initials start with them ("@lq" and "@liq" find 李强), after a space, at
the start or after a Chinese character ("请@lq"), but not inside an e-mail address.

Choosing one writes "@李强 " into the field, or "@李强（liqiang2） " when a colleague shares the
name, and remembers whom that label means. The field never holds the stored token: what the user
sees is what they edit, and :meth:`MentionCompleter.text` turns the labels still in the text into
tokens naming the user by id when the text is saved (see :mod:`newsdesk.core.mentions`). So any
edit afterwards is right without tracking positions: a label deleted or broken is no mention,
one copied elsewhere in the field is the same person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QPlainTextEdit

from newsdesk.core.mentions import Mention, editable, is_address, label, stored
from newsdesk.core.model import User
from newsdesk.store.notifications import colleagues
from newsdesk.ui.session import Session

MAX_OFFERED = 8
_CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


@dataclass(frozen=True)
class Colleague:
    mention: Mention
    label: str  # the name, with the login when a colleague shares the name
    keys: tuple[str, ...]  # lower-case: name, login, pinyin, pinyin initials


def colleague(user: User, users: Sequence[User]) -> Colleague:
    from pypinyin import Style, lazy_pinyin  # its dictionaries take 0.2 s to load

    syllables = lazy_pinyin(user.name)
    initials = lazy_pinyin(user.name, style=Style.FIRST_LETTER)
    keys = (user.name, user.login, "".join(syllables), "".join(initials))
    return Colleague(
        Mention(user.id, user.name),
        label(user, users),
        tuple(dict.fromkeys(k.lower() for k in keys if k)),
    )


def colleagues_of(users: Sequence[User]) -> list[Colleague]:
    """Each of ``users`` as mentions offer them; run where they are read, on the database
    thread, not the UI's: loading the pinyin dictionaries takes 0.2 s, and every name its share."""
    return [colleague(user, users) for user in users]


def offered(typed: str, people: Sequence[Colleague]) -> list[Colleague]:
    """The colleagues ``typed`` (what follows the "@") starts a key of."""
    wanted = typed.lower()
    return [p for p in people if any(k.startswith(wanted) for k in p.keys)][:MAX_OFFERED]


class MentionCompleter(QObject):
    """Completes @mentions in ``field`` (a QPlainTextEdit or a QLineEdit)."""

    def __init__(self, field: QPlainTextEdit | QLineEdit, session: Session) -> None:
        super().__init__(field)
        self.field = field
        self.people: list[Colleague] = []
        self.chosen: dict[str, Mention] = {}  # label → whom it means
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
        session.read(lambda conn: colleagues_of(colleagues(conn)), self._loaded, owner=self)

    def _loaded(self, people: list[Colleague]) -> None:
        self.people = people
        if self.field.hasFocus():
            self._typed()  # an "@…" typed before the colleagues were read is offered now

    def text(self) -> str:
        """The field's text as it is saved: stripped, each chosen mention a token."""
        return stored(self._text_and_cursor()[0].strip(), self.chosen)

    def set_text(self, text: str, users: Sequence[User]) -> None:
        """Show saved ``text`` in the field, its mentions labelled among ``users``."""
        shown, self.chosen = editable(text, users)
        if isinstance(self.field, QLineEdit):
            self.field.setText(shown)
        else:
            self.field.setPlainText(shown)

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
        if any(ch.isspace() for ch in word) or is_address(text, start):
            return None
        return start, word

    def _typed(self) -> None:
        text = self._text_and_cursor()[0]
        if not text:
            self.chosen.clear()  # the field was cleared for the next comment
        found = self.typed()
        people = offered(found[1], self.people) if found is not None else []
        if not people:
            self.popup.hide()
            return
        self.model.setStringList([p.label for p in people])
        self.popup.setCurrentIndex(self.model.index(0))
        self.completer.complete(self._cursor_rect())

    def _cursor_rect(self) -> QRect:
        rect = self.field.cursorRect()
        rect.setWidth(220)
        return rect

    def insert(self, chosen: str) -> None:
        """Replace the "@…" being typed by "@" and the ``chosen`` colleague's label."""
        found = self.typed()
        person = next((p for p in self.people if p.label == chosen), None)
        if found is None or person is None:
            return
        self.chosen[person.label] = person.mention
        name = person.label
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
