""" "My tasks": the topics assigned to the signed-in user, as rows ready for a table.

Rows are built once per snapshot (names, states and dates turned into text then), so ``data()``
only reads memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from newsdesk.core.board import Snapshot
from newsdesk.core.model import Article, Proposal, ProposalState
from newsdesk.core.stage import is_finished, is_overdue, topic_stage
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import iso
from newsdesk.ui.widgets.palette import colours

Index = QModelIndex | QPersistentModelIndex
TOPIC_ID = Qt.ItemDataRole.UserRole
_TASK_STATES = (ProposalState.ASSIGNED, ProposalState.IN_PROGRESS, ProposalState.DONE)


@dataclass(frozen=True)
class Task:
    """One assignment of the user, with the article written for it if the board shows one."""

    topic: Proposal
    article: Article | None
    channel: str
    state: str
    assigned_by: str
    others: str

    @property
    def finished(self) -> bool:
        """Nothing is left to do by the due date: signed off, published or done."""
        return is_finished(self.topic, self.article)

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.topic, self.article, today)


def tasks_of(snapshot: Snapshot, user_id: str) -> list[Task]:
    """The user's assignments: open ones first by due date, then finished ones, latest first."""
    articles = {
        card.article.topic_id: card.article
        for card in snapshot.cards
        if card.article is not None and card.article.topic_id
    }
    locale = QLocale()
    tasks = []
    for topic in snapshot.topics:
        if user_id not in topic.assignees or topic.state not in _TASK_STATES:
            continue
        article = articles.get(topic.id)
        shown = topic_stage(topic, article)
        channel = snapshot.channels.get(topic.channel_id)
        others = [snapshot.name(uid) for uid in topic.assignees if uid != user_id]
        tasks.append(
            Task(
                topic=topic,
                article=article,
                channel=channel.name if channel else "",
                state=translated(shown),
                assigned_by=snapshot.name(topic.assigned_by) if topic.assigned_by else "",
                others=locale.createSeparatedList(others),
            )
        )
    far = dt.date.max
    open_tasks = sorted((t for t in tasks if not t.finished), key=lambda t: t.topic.due_date or far)
    done = sorted(
        (t for t in tasks if t.finished), key=lambda t: t.topic.due_date or far, reverse=True
    )
    return open_tasks + done


class TasksModel(QAbstractTableModel):
    TITLE, CHANNEL, DUE, STATE, ASSIGNED_BY, OTHERS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._today = dt.date.today()

    def set_tasks(self, tasks: Sequence[Task]) -> None:
        self.beginResetModel()
        self._tasks = list(tasks)
        self._today = dt.date.today()
        self.endResetModel()

    def task(self, row: int) -> Task:
        return self._tasks[row]

    def row_of(self, topic_id: str) -> int | None:
        return next((row for row, t in enumerate(self._tasks) if t.topic.id == topic_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Title"),
            self.tr("Channel"),
            self.tr("Due"),
            self.tr("State"),
            self.tr("Assigned by"),
            self.tr("Together with"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._tasks):
            return None
        task = self._tasks[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                task.topic.title,
                task.channel,
                iso(task.topic.due_date),
                task.state,
                task.assigned_by,
                task.others,
            )[column]
        if role == TOPIC_ID:
            return task.topic.id
        overdue = task.overdue(self._today)
        if overdue and column in (self.TITLE, self.DUE, self.STATE):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(colours().qcolor("error"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue and column in (self.DUE, self.STATE):
                return self.tr("Overdue: it was due on {date}.").format(
                    date=iso(task.topic.due_date)
                )
            if column == self.TITLE:
                return task.topic.title
        return None
