"""The items without a date yet (未排期), beside the calendar, to be dragged onto a day."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from newsdesk.core.calendar import Entry
from newsdesk.core.model import Channel
from newsdesk.ui.calendar.grid import MIME, entry_mime

Index = QModelIndex | QPersistentModelIndex


class UnscheduledModel(QAbstractListModel):
    """Undated entries, in the order the store gave them (urgent and recent first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._channels: Mapping[str, Channel] = {}

    def set_entries(self, entries: Sequence[Entry], channels: Mapping[str, Channel]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._channels = channels
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        channel = self._channels.get(entry.channel_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.title}\n{channel.name}" if channel else entry.title
        if role == Qt.ItemDataRole.DecorationRole and channel is not None:
            return QColor(channel.colour)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's API
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt's API
        rows = [i.row() for i in indexes if i.isValid()]
        return entry_mime(self._entries[rows[0]]) if rows else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's API
        return Qt.DropAction.MoveAction
