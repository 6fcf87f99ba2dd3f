"""The topic library (选题库) as a table model, and the filter in front of it.

Rows are built once per snapshot, so ``data()`` only reads memory. The filter narrows by
channel, by a search (title text at once, the store's full-text hits when they arrive) and hides
deleted topics unless asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from newsdesk.core.board import Snapshot
from newsdesk.core.labels import label
from newsdesk.core.model import Article, Priority, Proposal, ProposalState
from newsdesk.core.stage import is_overdue, topic_stage
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import iso, local_time
from newsdesk.ui.widgets.palette import colours

Index = QModelIndex | QPersistentModelIndex
TOPIC_ID = Qt.ItemDataRole.UserRole
SORT_KEY = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TopicRow:
    """A topic with the texts its row shows."""

    topic: Proposal
    channel: str
    colour: str
    proposer: str
    priority: str
    assignment: str
    stage: str
    overdue: bool
    updated: str

    @property
    def deleted(self) -> bool:
        return self.topic.state == ProposalState.DELETED


class TopicsModel(QAbstractTableModel):
    TITLE, CHANNEL, PROPOSER, PRIORITY, PLANNED, ASSIGNMENT, STAGE, UPDATED = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TopicRow] = []

    def set_snapshot(self, snapshot: Snapshot, user_id: str) -> None:
        """Show the snapshot's topics; a deleted draft stays private to its proposer."""
        articles = {
            card.article.topic_id: card.article
            for card in snapshot.cards
            if card.article is not None and card.article.topic_id
        }
        today = dt.date.today()
        rows = [
            self._row(snapshot, topic, articles.get(topic.id), today)
            for topic in snapshot.topics
            if not (
                topic.state == ProposalState.DELETED
                and topic.deleted_from == ProposalState.DRAFT
                and topic.proposer_id != user_id
            )
        ]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _row(
        self, snapshot: Snapshot, topic: Proposal, article: Article | None, today: dt.date
    ) -> TopicRow:
        channel = snapshot.channels.get(topic.channel_id)
        return TopicRow(
            topic=topic,
            channel=channel.name if channel else "",
            colour=channel.colour if channel else colours().faint,
            proposer=snapshot.name(topic.proposer_id),
            priority=translated(label(topic.priority)),
            assignment=self._assignment(snapshot, topic),
            stage=translated(topic_stage(topic, article)),
            overdue=is_overdue(topic, article, today),
            updated=local_time(topic.updated_at),
        )

    def _assignment(self, snapshot: Snapshot, topic: Proposal) -> str:
        names = QLocale().createSeparatedList([snapshot.name(uid) for uid in topic.assignees])
        state = topic.state
        if state == ProposalState.ASSIGNED:
            return self.tr("Assigned to {names}, due {date}").format(
                names=names, date=iso(topic.due_date)
            )
        if state == ProposalState.IN_PROGRESS:
            return self.tr("Being written by {names}").format(names=names)
        if state == ProposalState.DONE:
            return self.tr("Done")
        if state == ProposalState.DELETED:
            return self.tr("Deleted by {name}").format(name=snapshot.name(topic.deleted_by or ""))
        return self.tr("Not assigned")

    def count(self, *, deleted: bool) -> int:
        """How many topics there are, counting the deleted ones only if ``deleted``."""
        return sum(1 for r in self._rows if deleted or not r.deleted)

    def topic_row(self, row: int) -> TopicRow:
        return self._rows[row]

    def row_of(self, topic_id: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.topic.id == topic_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Title"),
            self.tr("Channel"),
            self.tr("Proposer"),
            self.tr("Priority"),
            self.tr("Planned"),
            self.tr("Assignment"),
            self.tr("Stage"),
            self.tr("Last change"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[column]
        if role == SORT_KEY:
            if column == self.PRIORITY:
                return int(row.topic.priority)
            if column == self.PLANNED:
                return iso(row.topic.planned_date)
            if column == self.UPDATED:
                return row.topic.updated_at.isoformat()
            return self._texts(row)[column]
        if role == TOPIC_ID:
            return row.topic.id
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue and column == self.STAGE:
            return self.tr("Overdue: it was due on {date}.").format(date=iso(row.topic.due_date))
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.ASSIGNMENT):
            return self._texts(row)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.CHANNEL:
            return QColor(row.colour)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.deleted:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            if row.overdue and column in (self.TITLE, self.ASSIGNMENT, self.STAGE):
                return QBrush(colours().qcolor("error"))
            if column == self.PRIORITY and row.topic.priority == Priority.URGENT:
                return QBrush(colours().qcolor("error"))
            if column == self.PRIORITY and row.topic.priority < Priority.HIGH:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and (
            row.deleted
            or (column == self.PRIORITY and row.topic.priority >= Priority.HIGH)
            or (row.overdue and column == self.STAGE)
        ):
            font = QFont()
            font.setItalic(row.deleted)
            font.setBold(not row.deleted)
            return font
        return None

    def _texts(self, row: TopicRow) -> tuple[str, ...]:
        return (
            row.topic.title,
            row.channel,
            row.proposer,
            row.priority,
            iso(row.topic.planned_date),
            row.assignment,
            row.stage,
            row.updated,
        )


class TopicsFilter(QSortFilterProxyModel):
    """Narrows the library by channel, search and deletion; sorts by each column's key."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_KEY)
        self.setSortLocaleAware(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._channel_id: str | None = None
        self._show_deleted = False
        self._text = ""
        self._hits: frozenset[str] = frozenset()

    def set_channel(self, channel_id: str | None) -> None:
        self.beginFilterChange()
        self._channel_id = channel_id
        self._filter_changed()

    def set_show_deleted(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_deleted = show
        self._filter_changed()

    def set_text(self, text: str) -> None:
        """Match titles containing ``text`` at once; full-text hits come with :meth:`set_hits`."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self._hits = frozenset()
        self._filter_changed()

    def set_hits(self, topic_ids: Collection[str]) -> None:
        """Also show the topics the store's full-text search found for the current text."""
        self.beginFilterChange()
        self._hits = frozenset(topic_ids)
        self._filter_changed()

    def _filter_changed(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, TopicsModel) or source_parent.isValid():
            return False
        row = model.topic_row(source_row)
        if row.deleted and not self._show_deleted:
            return False
        if self._channel_id is not None and row.topic.channel_id != self._channel_id:
            return False
        if not self._text:
            return True
        return self._text in row.topic.title.casefold() or row.topic.id in self._hits
