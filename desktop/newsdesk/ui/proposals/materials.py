"""The materials of a proposal (notes, links, files) as a small table model."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from newsdesk.core.model import Material, MaterialKind

Index = QModelIndex | QPersistentModelIndex


class MaterialsModel(QAbstractTableModel):
    """Kind and content of each material, in the order they were added; no repeats."""

    KIND, CONTENT = range(2)

    def __init__(self, materials: Iterable[Material] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._materials: list[Material] = list(dict.fromkeys(materials))

    def materials(self) -> tuple[Material, ...]:
        return tuple(self._materials)

    def material(self, row: int) -> Material:
        return self._materials[row]

    def add(self, material: Material) -> bool:
        """Append ``material``; ``False`` if an equal one is already there."""
        if any((m.kind, m.value) == (material.kind, material.value) for m in self._materials):
            return False
        row = len(self._materials)
        self.beginInsertRows(QModelIndex(), row, row)
        self._materials.append(material)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._materials[row]
        self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._materials)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Kind"), self.tr("Content"))[section] if 0 <= section < 2 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._materials):
            return None
        material = self._materials[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.KIND:
                return self._kind_name(material.kind)
            if material.kind == MaterialKind.FILE:
                return material.label or material.value[:12]
            return " ".join(material.value.split())  # one line in the table
        if role == Qt.ItemDataRole.ToolTipRole:
            return material.value if material.kind != MaterialKind.FILE else material.label
        return None

    def _kind_name(self, kind: MaterialKind) -> str:
        if kind == MaterialKind.TEXT:
            return self.tr("Note")
        if kind == MaterialKind.LINK:
            return self.tr("Link")
        return self.tr("File")
