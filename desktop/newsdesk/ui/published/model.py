"""The archive as a table model over plain rows (``data()`` never touches the database), and
the publication history of one article."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from newsdesk.core.labels import label
from newsdesk.core.model import ArticleState, Publication
from newsdesk.store.archive import ArchiveItem
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import local_time
from newsdesk.ui.widgets.palette import colours

Index = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`ArchiveItem`."""

HISTORY_COLUMNS = 6  # published, target, version, publisher, note, location


class Column(IntEnum):
    TITLE = 0
    CHANNEL = 1
    TARGETS = 2
    VERSION = 3
    PUBLISHED = 4
    STATUS = 5


def status_text(item: ArchiveItem) -> str:
    if item.correcting:
        return QCoreApplication.translate("Archive", "Correction under way")
    return translated(label(item.article.state))


def targets_text(item: ArchiveItem) -> str:
    return " · ".join(t.value.upper() for t in item.targets)


class ArchiveModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ArchiveItem] = []

    @property
    def items(self) -> Sequence[ArchiveItem]:
        return self._items

    def set_items(self, items: Sequence[ArchiveItem]) -> None:
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

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        translate = QCoreApplication.translate
        return {
            Column.TITLE: translate("Archive", "Title"),
            Column.CHANNEL: translate("Archive", "Channel"),
            Column.TARGETS: translate("Archive", "Targets"),
            Column.VERSION: translate("Archive", "Version"),
            Column.PUBLISHED: translate("Archive", "Last published"),
            Column.STATUS: translate("Archive", "Status"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        column = Column(index.column())
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.TITLE:
                return item.article.title
            if column == Column.CHANNEL:
                return item.channel.name
            if column == Column.TARGETS:
                return targets_text(item)
            if column == Column.VERSION:
                return str(item.article.published_version)
            if column == Column.PUBLISHED:
                return local_time(item.last_published)
            return status_text(item)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS:
            if item.article.state == ArticleState.RETRACTED:
                return colours().qcolor("error")
            if item.correcting:
                return colours().qcolor("warning")
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return item.article.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.VERSION:
            return Qt.AlignmentFlag.AlignCenter
        return None


class HistoryModel(QAbstractTableModel):
    """The publications of one article, newest first: when, to which target, which version,
    by whom, the correction note (and whether it was withdrawn), and the file's location."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Publication] = []
        self._names: dict[str, str] = {}

    def set_item(self, item: ArchiveItem | None) -> None:
        self.beginResetModel()
        self._rows = list(reversed(item.publications)) if item else []
        self._names = dict(item.publishers) if item else {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else HISTORY_COLUMNS

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        translate = QCoreApplication.translate
        return (
            translate("Archive", "Published"),
            translate("Archive", "Target"),
            translate("Archive", "Version"),
            translate("Archive", "Publisher"),
            translate("Archive", "Note"),
            translate("Archive", "Location"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        publication = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and publication.retracted:
            return colours().qcolor("error")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return local_time(publication.published_at)
        if column == 1:
            return publication.target.value.upper()
        if column == 2:
            return str(publication.version)
        if column == 3:
            return self._names.get(publication.publisher_id, "")
        if column == 5:
            return publication.location
        note = publication.correction_note
        if publication.retracted:
            withdrawn = QCoreApplication.translate("Archive", "withdrawn")
            return f"{note} ({withdrawn})" if note else withdrawn
        return note
