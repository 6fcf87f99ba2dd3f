"""What the reviewers said when they returned the article: shown to its editor beside the body.

:class:`ReviewNotes` lists the overall comment of each return decision on the article's latest
revision (who, which level, when) and every comment anchored to a passage, with its quote.
Clicking an anchored comment selects the passage in the body; every passage still in the text is
highlighted with :meth:`QTextEdit.setExtraSelections`, which leaves the document (and so what is
saved) alone.

An anchor's offsets count characters of ``strip_html(body_html)`` at the time of the review; the
editor may have written since, so :func:`locate` looks for the quote itself, taking the
occurrence nearest the original offset.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from newsdesk.core.labels import label
from newsdesk.core.model import Anchor, Role, Verdict
from newsdesk.core.world import Area
from newsdesk.store.history import UNKNOWN_PERSON
from newsdesk.store.world import DbWorld
from newsdesk.ui.i18n import translated
from newsdesk.ui.proposals.fields import alive
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.palette import colours

HIGHLIGHT_DELAY_MS = 200  # re-find the passages once typing pauses this long
ANCHOR_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ReturnNote:
    """One reviewer's return of a revision, with the reviewer's display name."""

    level: int
    reviewer: str
    comment: str
    decided_at: dt.datetime
    anchors: tuple[Anchor, ...]


def load_review_notes(article_id: str) -> Callable[[Connection], tuple[ReturnNote, ...]]:
    """The read that :class:`ReviewNotes` runs on the database thread: the returns of the
    article's latest revision, oldest first (none when it was not returned)."""

    def query(conn: Connection) -> tuple[ReturnNote, ...]:
        world = DbWorld(conn)
        article = world.article(article_id)
        if article is None or article.revision_number == 0:
            return ()
        notes = []
        for decision in world.decisions(article.id, article.revision_number):
            if decision.verdict != Verdict.RETURN:
                continue
            reviewer = world.user(decision.reviewer_id)
            notes.append(
                ReturnNote(
                    level=decision.level,
                    reviewer=reviewer.name if reviewer is not None else UNKNOWN_PERSON,
                    comment=decision.comment,
                    # By the service's clock once it has the decision: the reviewer's may be off.
                    decided_at=decision.received_at or decision.decided_at,
                    anchors=decision.anchors,
                )
            )
        return tuple(sorted(notes, key=lambda n: (n.decided_at, n.level)))

    return query


def locate(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where ``anchor``'s quote is in ``text`` (a document's plain text), as (start, end)
    positions; the occurrence nearest the anchor's offset wins, ``None`` when it is gone.

    Runs of whitespace (paragraph breaks included) and embedded objects match one space, as
    they do in ``strip_html``.
    """
    quote = " ".join(anchor.quote.split())
    if not quote:
        return None
    folded: list[str] = []
    positions: list[int] = []  # the position in ``text`` of each character of ``folded``
    for position, char in enumerate(text):
        if char.isspace() or char == "\ufffc":
            if folded and folded[-1] != " ":
                folded.append(" ")
                positions.append(position)
            continue
        folded.append(char)
        positions.append(position)
    haystack = "".join(folded)
    best: int | None = None
    found = haystack.find(quote)
    while found != -1:
        if best is None or abs(found - anchor.start) < abs(best - anchor.start):
            best = found
        found = haystack.find(quote, found + 1)
    if best is None:
        return None
    return positions[best], positions[best + len(quote) - 1] + 1


class ReviewNotes(QWidget):
    """The reviewers' comments on the latest returned revision of article ``article_id``.

    Changes announced with initiator ``text_edits`` (the editor's autosave) only edit the text,
    which never changes the notes: they are not re-read then.
    """

    notes_changed = Signal(bool)  # whether there is anything to show

    def __init__(
        self,
        session: Session,
        article_id: str,
        body: QTextEdit,
        parent: QWidget | None = None,
        text_edits: object = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewNotes")
        self._session = session
        self._article_id = article_id
        self._body = body
        self._text_edits = text_edits
        self._notes: tuple[ReturnNote, ...] = ()

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self.show_passage)
        self.list.itemActivated.connect(self.show_passage)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

        self._highlight_timer = QTimer(self, singleShot=True, interval=HIGHLIGHT_DELAY_MS)
        self._highlight_timer.timeout.connect(self.highlight)
        body.document().contentsChanged.connect(self._highlight_timer.start)
        session.changed.connect(self._session_changed)
        self.reload()

    # public

    @property
    def notes(self) -> tuple[ReturnNote, ...]:
        return self._notes

    def anchors(self) -> list[Anchor]:
        return [anchor for note in self._notes for anchor in note.anchors]

    def reload(self) -> None:
        self._session.read(load_review_notes(self._article_id), self._show)

    def show_passage(self, item: QListWidgetItem) -> None:
        """Select the passage ``item``'s comment is about, or say it is gone."""
        anchor = item.data(ANCHOR_ROLE)
        if not isinstance(anchor, Anchor):
            return
        found = locate(self._body.toPlainText(), anchor)
        if found is None:
            self.status.setText(
                self.tr("“{quote}” is no longer in the text.").format(quote=anchor.quote)
            )
            return
        self.status.clear()
        cursor = QTextCursor(self._body.document())
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        self._body.setTextCursor(cursor)
        self._body.ensureCursorVisible()
        self._body.setFocus(Qt.FocusReason.OtherFocusReason)

    def highlight(self) -> None:
        """Mark every quoted passage still in the body."""
        text = self._body.toPlainText()
        marked = QTextCharFormat()
        marked.setBackground(colours().qcolor("note_highlight"))
        selections: list[QTextEdit.ExtraSelection] = []
        for anchor in self.anchors():
            found = locate(text, anchor)
            if found is None:
                continue
            cursor = QTextCursor(self._body.document())
            cursor.setPosition(found[0])
            cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = marked
            selections.append(selection)
        self._body.setExtraSelections(selections)

    # private

    def _show(self, notes: tuple[ReturnNote, ...]) -> None:
        if not alive(self) or (notes == self._notes and self.heading.text()):
            return
        self._notes = notes
        self.list.clear()
        self.status.clear()
        if notes:
            self.heading.setText(self.tr("The reviewers returned the article:"))
        else:
            self.heading.setText(self.tr("No review comments on the latest revision."))
        for note in notes:
            self._add_note(note)
        self.highlight()
        self.notes_changed.emit(bool(notes))

    def _add_note(self, note: ReturnNote) -> None:
        said = self.tr("{time} · {level} {reviewer}").format(
            time=note.decided_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            level=translated(label(Role.reviewer(note.level))),
            reviewer=note.reviewer,
        )
        overall = QListWidgetItem(
            self.tr("{decision}\n{comment}").format(decision=said, comment=note.comment)
        )
        font = overall.font()
        font.setBold(True)
        overall.setFont(font)
        self.list.addItem(overall)
        for anchor in note.anchors:
            item = QListWidgetItem(
                self.tr("“{quote}”\n{comment}").format(quote=anchor.quote, comment=anchor.comment)
            )
            item.setData(ANCHOR_ROLE, anchor)
            item.setToolTip(self.tr("Click to select the passage in the text"))
            self.list.addItem(item)

    def _session_changed(self, areas: frozenset[Area], initiator: object) -> None:
        if initiator is self._text_edits and initiator is not None:
            return
        if areas & {Area.REVIEWS, Area.ARTICLES}:
            self.reload()
