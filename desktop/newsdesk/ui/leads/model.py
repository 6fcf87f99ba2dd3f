"""The leads as rows of a table: title, source, time; unread ones in bold.

A reload that brings the same leads in the same order (someone read one, the usual case) only
repaints the rows whose read state changed, so the selection and the scroll position stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from newsdesk.store.leads import LeadRow
from newsdesk.ui.widgets.fields import local_time

Index = QModelIndex | QPersistentModelIndex


class LeadsModel(QAbstractTableModel):
    TITLE, SOURCE, TIME = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LeadRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[LeadRow]) -> None:
        new = list(rows)
        if [r.lead.id for r in new] != [r.lead.id for r in self._rows]:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        old, self._rows = self._rows, new
        for number, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.TIME))

    def lead(self, row: int) -> LeadRow:
        return self._rows[row]

    def row_of(self, lead_id: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.lead.id == lead_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Title"), self.tr("Source"), self.tr("Time"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if row.unread else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.unread:
            return self.tr("unread")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.TITLE:
            return row.lead.title
        if column == self.SOURCE:
            return row.source_name
        return local_time(row.lead.published_at or row.lead.found_at)
