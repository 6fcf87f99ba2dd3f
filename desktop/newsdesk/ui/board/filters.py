"""Narrowing the board: by channel, person, text and date, and showing deleted proposals.

A filter is a plain value compiled once into one predicate over cards, which each column's
model runs over the cards it holds: no proxy models, and no per-row calls into Qt. The text
search itself runs in the database (the store's Chinese full-text index) off the UI thread;
its result is the set of matching ids the predicate checks against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCollator, QDate, QLocale, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from newsdesk.core.board import Card, Snapshot
from newsdesk.ui.board.model import Accepts, Narrowing
from newsdesk.ui.widgets.palette import colours

SEARCH_DELAY_MS = 250
ANY = ""
"""The item data of "All channels" and "Everyone". Never ``None``: PySide6 6.12 on Python 3.11
drops a reference to ``None`` each time an empty QVariant comes back (``currentData()``)."""


@dataclass(frozen=True)
class BoardFilter:
    channel_id: str | None = None
    person_id: str | None = None
    text: str = ""
    dates: tuple[dt.date, dt.date] | None = None  # due or planned date within, inclusive
    show_deleted: bool = False

    @property
    def narrows(self) -> bool:
        """Whether any card may be left out (deleted cards aside)."""
        return bool(self.channel_id or self.person_id or self.text.strip() or self.dates)


def involves(card: Card, user_id: str) -> bool:
    """Whether ``user_id`` proposed, owns, or is assigned the card's story."""
    if user_id in card.person_ids():
        return True
    source = card.proposal or card.topic
    if source is not None and source.proposer_id == user_id:
        return True
    return card.article is not None and card.article.owner_id == user_id


def card_date(card: Card) -> dt.date | None:
    """The due date, else the planned date: the day the story is meant for."""
    source = card.proposal or card.topic
    return card.due_date or (source.planned_date if source else None)


def matches_text(card: Card, ids: frozenset[str]) -> bool:
    """Found by the search itself, or (an article) through the topic it was written for."""
    return card.id in ids or (card.topic is not None and card.topic.id in ids)


def compile_filter(board_filter: BoardFilter, found: frozenset[str] | None) -> Narrowing:
    """What ``board_filter`` shows; ``found`` holds the ids the text search matched (``None``:
    no text to search for)."""
    checks: list[Accepts] = []
    person_id = board_filter.person_id
    if person_id:
        checks.append(lambda card: involves(card, person_id))
    dates = board_filter.dates
    if dates:
        first, last = dates

        def within(card: Card) -> bool:
            day = card_date(card)
            return day is not None and first <= day <= last

        checks.append(within)
    if found is not None:
        checks.append(lambda card: matches_text(card, found))
    return Narrowing(
        channel_id=board_filter.channel_id or None,
        show_deleted=board_filter.show_deleted,
        checks=tuple(checks),
    )


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def _magnifier() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colours().qcolor("faint"), 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawEllipse(QRectF(2.5, 2.5, 8, 8))
    painter.drawLine(QPointF(9.5, 9.5), QPointF(13.5, 13.5))
    painter.end()
    return QIcon(pixmap)


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """The row of filters above the columns; ``changed`` says the filter is different.

    ``desk_channels``: the desk's channels by name (the branch preset's), most wanted first; the
    first the workspace has is chosen once it appears, unless a channel was chosen already."""

    changed = Signal()

    def __init__(
        self, me: str, parent: QWidget | None = None, *, desk_channels: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("boardFilters")
        self._me = me
        self._desk_channels = tuple(desk_channels)
        self.channel = QComboBox(self)
        self.channel.setAccessibleName(self.tr("Channel"))
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Person"))
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search titles and text"))
        self.search.setPlaceholderText(self.tr("Search titles and text"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(_magnifier(), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(360)
        self.by_date = QCheckBox(self.tr("Due or planned"), self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        today = QDate.currentDate()
        for edit, value, name in (
            (self.date_from, today, self.tr("From")),
            (self.date_to, today.addDays(14), self.tr("To")),
        ):
            edit.setCalendarPopup(True)
            edit.setDate(value)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.deleted = QToolButton(self)
        self.deleted.setText(self.tr("Show deleted"))
        self.deleted.setCheckable(True)
        self.deleted.setToolTip(self.tr("Show deleted proposals you can restore"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(8)
        layout.addWidget(self.channel)
        layout.addWidget(self.person)
        layout.addWidget(self.search, 1)
        layout.addSpacing(8)
        layout.addWidget(self.by_date)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.date_to)
        layout.addSpacing(8)
        layout.addWidget(self.deleted)
        layout.addStretch(1)

        self._typing = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.channel.currentIndexChanged.connect(self._forget_desk_channels)
        self.channel.currentIndexChanged.connect(self.changed)
        self.person.currentIndexChanged.connect(self.changed)
        self.by_date.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.deleted.toggled.connect(self.changed)
        self.set_choices(None)

    def value(self) -> BoardFilter:
        dates = None
        if self.by_date.isChecked():
            first, last = _to_date(self.date_from.date()), _to_date(self.date_to.date())
            dates = (min(first, last), max(first, last))
        return BoardFilter(
            channel_id=str(self.channel.currentData()) or None,
            person_id=str(self.person.currentData()) or None,
            text=self.search.text().strip(),
            dates=dates,
            show_deleted=self.deleted.isChecked(),
        )

    def set_choices(self, snapshot: Snapshot | None) -> None:
        """Offer the snapshot's channels and people, keeping what is chosen if it still exists."""
        channels = list(snapshot.channels.values()) if snapshot else []
        users = [u for u in snapshot.users.values() if not u.disabled] if snapshot else []
        collator = QCollator(QLocale())
        channels.sort(key=lambda c: collator.sortKey(c.name))
        users.sort(key=lambda u: collator.sortKey(u.name))
        self._refill(
            self.channel,
            [(self.tr("All channels"), ANY, None)]
            + [(c.name, c.id, _dot(c.colour)) for c in channels],
        )
        self._refill(
            self.person,
            [(self.tr("Everyone"), ANY, None), (self.tr("Me"), self._me, None)]
            + [(u.name, u.id, None) for u in users if u.id != self._me],
        )
        desk = next((c for name in self._desk_channels for c in channels if c.name == name), None)
        if desk is not None:
            self.channel.setCurrentIndex(self.channel.findData(desk.id))

    def _refill(self, combo: QComboBox, items: Sequence[tuple[str, str, QIcon | None]]) -> None:
        """Replace the combo's items, unless they are the same (an open popup stays open)."""
        present = [(combo.itemText(i), str(combo.itemData(i))) for i in range(combo.count())]
        if present == [(text, data) for text, data, _ in items]:
            return
        chosen = str(combo.currentData()) if combo.count() else ANY
        combo.blockSignals(True)
        combo.clear()
        for text, data, icon in items:
            if icon is None:
                combo.addItem(text, data)
            else:
                combo.addItem(icon, text, data)
        found = combo.findData(chosen)
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)
        if found < 0:
            self.changed.emit()  # what was chosen is gone: the filter widened

    def _forget_desk_channels(self) -> None:
        """A channel is chosen: the desk's default has been applied or is not wanted."""
        self._desk_channels = ()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.changed.emit()

    def _dates_changed(self) -> None:
        if self.by_date.isChecked():
            self.changed.emit()
