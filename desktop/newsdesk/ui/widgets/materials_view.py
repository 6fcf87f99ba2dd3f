"""A proposal's materials where people work with them: the card's details, the topic's details
(topic library, My tasks) and the assign dialog.

Each material opens with a double-click or Enter: a link in the browser, a file in the program
the desktop has for it (from a copy in the temporary folder, so the workspace's attachment is
never changed), a note in the preview. Selecting an image shows it; an image can be dragged into
an article, where it is inserted as the same attachment (nothing is copied).
"""

from __future__ import annotations

import mimetypes
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QByteArray, QMimeData, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from newsdesk.core.model import Material, MaterialKind
from newsdesk.store.blobs import BlobStore

ATTACHMENT_MIME: Final = "application/x-newsdesk-attachment"
"""Drag data: ``<sha256>\\n<file name>`` of an attachment already in the workspace."""
PREVIEW_HEIGHT: Final = 160
_MATERIAL_ROLE: Final = Qt.ItemDataRole.UserRole


def attachment_mime(sha256: str, name: str) -> QMimeData:
    data = QMimeData()
    data.setData(ATTACHMENT_MIME, QByteArray(f"{sha256}\n{name}".encode()))
    return data


def dropped_attachment(data: QMimeData) -> tuple[str, str] | None:
    """(sha256, name) of an attachment dragged from a materials list, if ``data`` holds one."""
    if not data.hasFormat(ATTACHMENT_MIME):
        return None
    sha256, _, name = bytes(data.data(ATTACHMENT_MIME).data()).decode().partition("\n")
    return sha256, name


def is_image(material: Material) -> bool:
    guessed = mimetypes.guess_type(material.label or "")[0] or ""
    return material.kind == MaterialKind.FILE and guessed.startswith("image/")


class _MaterialList(QListWidget):
    """The list; image files drag out as attachments."""

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        for item in items:
            material = item.data(_MATERIAL_ROLE)
            if isinstance(material, Material) and is_image(material):
                return attachment_mime(material.value, material.label)
        return QMimeData()


class MaterialsView(QWidget):
    """Lists ``materials``; opens, previews and drags them."""

    def __init__(self, blobs: BlobStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialsView")
        self._blobs = blobs
        self.list = _MaterialList(self)
        self.list.setAccessibleName(self.tr("Materials"))
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.list.itemActivated.connect(self.open_item)
        self.list.currentItemChanged.connect(lambda item, _old: self.preview_item(item))
        self.preview = QLabel(self)
        self.preview.setObjectName("materialPreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.hide()
        self.hint = QLabel(
            self.tr("Double-click to open; drag an image into the article to use it."), self
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)
        self.opened: list[QUrl] = []  # what was handed to the desktop, newest last

    def set_materials(self, materials: Sequence[Material]) -> None:
        self.list.clear()
        self.preview.hide()
        for material in materials:
            item = QListWidgetItem(self._text(material), self.list)
            item.setData(_MATERIAL_ROLE, material)
            item.setToolTip(material.value if material.kind != MaterialKind.FILE else "")
        self.list.setVisible(bool(materials))
        self.hint.setVisible(bool(materials))
        if not materials:
            self.preview.setText(self.tr("No materials."))
            self.preview.show()
        lines = max(1, min(len(materials), 5))
        self.list.setMaximumHeight(lines * (self.list.fontMetrics().height() + 8) + 8)

    def _text(self, material: Material) -> str:
        if material.kind == MaterialKind.LINK:
            return self.tr("Link: {address}").format(address=material.label or material.value)
        if material.kind == MaterialKind.FILE:
            kind = self.tr("Image") if is_image(material) else self.tr("File")
            return f"{kind}: {material.label or material.value[:12]}"
        return self.tr("Note: {text}").format(text=" ".join(material.value.split())[:80])

    def preview_item(self, item: QListWidgetItem | None) -> None:
        material = item.data(_MATERIAL_ROLE) if item is not None else None
        if not isinstance(material, Material):
            self.preview.hide()
            return
        if material.kind == MaterialKind.TEXT:
            self.preview.setText(material.value)
        elif is_image(material):
            image = self._image(material.value)
            if image is None:
                self.preview.setText(self.tr("The image is not in this workspace yet."))
            else:
                scaled = image.scaledToHeight(
                    min(PREVIEW_HEIGHT, image.height()), Qt.TransformationMode.SmoothTransformation
                )
                self.preview.setPixmap(QPixmap.fromImage(scaled))
        else:
            self.preview.hide()
            return
        self.preview.show()

    def open_item(self, item: QListWidgetItem) -> None:
        """Open the material: a link in the browser, a file with the desktop's program."""
        material = item.data(_MATERIAL_ROLE)
        if not isinstance(material, Material):
            return
        if material.kind == MaterialKind.LINK:
            self._open(QUrl(material.value))
        elif material.kind == MaterialKind.FILE:
            copy = self._copy_out(material)
            if copy is None:
                self.preview.setText(self.tr("The file is not in this workspace yet."))
                self.preview.show()
            else:
                self._open(QUrl.fromLocalFile(str(copy)))
        else:
            self.preview_item(item)

    def _open(self, url: QUrl) -> None:
        self.opened.append(url)
        QDesktopServices.openUrl(url)

    def _image(self, sha256: str) -> QImage | None:
        try:
            image = QImage.fromData(self._blobs.read(sha256))
        except (OSError, ValueError):
            return None
        return None if image.isNull() else image

    def _copy_out(self, material: Material) -> Path | None:
        """A copy of the file in the temporary folder, under its own name."""
        folder = Path(tempfile.gettempdir()) / "newsdesk-materials" / material.value[:16]
        name = Path(material.label).name or material.value[:16]
        target = folder / name
        if target.exists():
            return target
        try:
            data = self._blobs.read(material.value)
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except (OSError, ValueError):
            return None
        return target
