"""The queue as a list model over plain rows: ``data()`` never touches the database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from newsdesk.core.labels import label
from newsdesk.core.model import Priority, Role
from newsdesk.store.review_queue import SIGN_OFF, QueueItem, Step
from newsdesk.ui.i18n import translated

Index = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`QueueItem`."""


def step_label(step: Step) -> str:
    """初审 / 复审 / 终审 / 签发, in the user's language."""
    role = Role.PUBLISHER if step == SIGN_OFF else Role.reviewer(int(step))
    return translated(label(role))


def _details(item: QueueItem) -> str:
    parts = [item.channel.name, step_label(item.step)]
    if item.due_date is not None:
        when = QDate(item.due_date.year, item.due_date.month, item.due_date.day)
        due = QLocale().toString(when, QLocale.FormatType.ShortFormat)
        parts.append(QCoreApplication.translate("ReviewQueue", "due {date}").format(date=due))
    if item.priority >= Priority.HIGH:
        parts.append(translated(label(item.priority)))
    parts.append(item.owner)
    return " · ".join(parts)


class QueueModel(QAbstractListModel):
    """One row per waiting article: its title, then channel, step, due date and owner."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[QueueItem] = []

    @property
    def items(self) -> Sequence[QueueItem]:
        return self._items

    def set_items(self, items: Sequence[QueueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def row_of(self, article_id: str) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == article_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.article.title}\n{_details(item)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _details(item)
        if role == ITEM_ROLE:
            return item
        return None
