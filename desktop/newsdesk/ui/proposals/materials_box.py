"""The materials part of the proposal editor: notes, links and files, with what is wrong with them.

Files come from a file dialog or are dropped on the editor; they are copied into the workspace's
attachments off the UI thread, and the size limit is checked before a byte is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.core.model import Material, MaterialKind
from newsdesk.ui.jobs import Job
from newsdesk.ui.proposals.files import ImportedFile, Problem, RefusedFile, import_files
from newsdesk.ui.proposals.materials import MaterialsModel
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import FieldError, alive, is_web_address, muted
from newsdesk.ui.widgets.views import PlaceholderTableView

MAX_MATERIAL = 10_000  # the schema's limits
MAX_MATERIALS = 200
_MB = 1024 * 1024
_DROP_HINT = "QTableView { border: 2px dashed palette(highlight); }"


def dropped(data: QMimeData) -> tuple[list[Path], list[str]]:
    """The local files and the web addresses in a drag."""
    files: list[Path] = []
    links: list[str] = []
    for url in data.urls() if data.hasUrls() else []:
        if url.isLocalFile():
            files.append(Path(url.toLocalFile()))
        elif url.scheme() in ("http", "https"):
            links.append(url.toString(QUrl.ComponentFormattingOption.FullyDecoded))
    return files, links


class MaterialsBox(QWidget):
    """A proposal's materials, and the controls that add and remove them."""

    busy_changed = Signal(bool)  # whether files are being copied into the workspace

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._new_files: dict[str, ImportedFile] = {}
        self._copying = 0
        self._file_dialog: QFileDialog | None = None
        self.model = MaterialsModel(parent=self)
        self.view = PlaceholderTableView()
        self.view.setModel(self.model)
        self.view.set_placeholder(
            self.tr("No materials yet. Add notes and links below, or drop files here.")
        )
        self.view.setMinimumHeight(120)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        header.hide()
        header.setSectionResizeMode(MaterialsModel.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MaterialsModel.CONTENT, QHeaderView.ResizeMode.Stretch)
        self.entry = QLineEdit()
        self.entry.setMaxLength(MAX_MATERIAL)
        self.entry.setPlaceholderText(self.tr("A note, or a web address for a link"))
        self.add_note_button = QPushButton(self.tr("Add note"))
        self.add_link_button = QPushButton(self.tr("Add link"))
        self.attach_button = QPushButton(self.tr("Attach files…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.status = muted(QLabel())
        self.error = FieldError()
        self.entry.textChanged.connect(self._update_buttons)
        self.entry.returnPressed.connect(self._add_typed)
        self.add_note_button.clicked.connect(lambda: self._add_entry(MaterialKind.TEXT))
        self.add_link_button.clicked.connect(lambda: self._add_entry(MaterialKind.LINK))
        self.attach_button.clicked.connect(self._choose_files)
        self.remove_button.clicked.connect(self._remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_note_button)
        entry_row.addWidget(self.add_link_button)
        file_row = QHBoxLayout()
        file_row.addWidget(self.attach_button)
        file_row.addWidget(self.remove_button)
        file_row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(entry_row)
        layout.addLayout(file_row)
        layout.addWidget(self.error)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._copying > 0

    def set_materials(self, materials: Iterable[Material]) -> None:
        for material in materials:
            self.model.add(material)

    def materials(self) -> tuple[Material, ...]:
        return self.model.materials()

    def new_files(self) -> list[ImportedFile]:
        """Files copied in here and still listed: each needs an ``attachment.add``."""
        return [
            self._new_files[m.value]
            for m in self.model.materials()
            if m.kind == MaterialKind.FILE and m.value in self._new_files
        ]

    def forget_new_files(self) -> None:
        """The store now holds the attachments; saving again need not add them."""
        self._new_files.clear()

    # --- adding ---------------------------------------------------------------------------

    def add_files(self, paths: Sequence[Path]) -> None:
        """Copy ``paths`` into the workspace off the UI thread; each becomes a file material."""
        if not paths:
            return
        blobs = self._session.workspace.blobs
        files = list(paths)
        self._set_copying(self._copying + len(files))
        Job(lambda: import_files(blobs, files)).success(self._files_imported).failure(
            lambda error: self._files_failed(len(files), error)
        ).run(self._session.runner)

    def accepts(self, data: QMimeData) -> bool:
        files, links = dropped(data)
        return bool(files or links)

    def show_drop_hint(self, shown: bool) -> None:
        self.view.setStyleSheet(_DROP_HINT if shown else "")

    def drop(self, data: QMimeData) -> None:
        """Add the dropped web addresses as links and copy the dropped files."""
        self.show_drop_hint(False)
        files, links = dropped(data)
        for link in links:
            if self.model.rowCount() < MAX_MATERIALS:
                self.model.add(Material(MaterialKind.LINK, link))
        self.add_files(files)

    def _files_imported(self, results: list[ImportedFile | RefusedFile]) -> None:
        if not alive(self):
            return  # the editor closed meanwhile
        problems = []
        for result in results:
            if isinstance(result, RefusedFile):
                problems.append(self._refused_text(result))
                continue
            if self.model.rowCount() >= MAX_MATERIALS:
                problems.append(self._too_many())
                break
            self._new_files[result.sha256] = result
            self.model.add(result.material())
        if problems:
            self.error.show_error("\n".join(problems))
        else:
            self.error.clear_error()
        self._set_copying(self._copying - len(results))

    def _files_failed(self, count: int, error: BaseException) -> None:
        if not alive(self):
            return
        self.error.show_error(
            self.tr("The files could not be copied into the workspace: {reason}").format(
                reason=str(error) or type(error).__name__
            )
        )
        self._set_copying(self._copying - count)

    def _set_copying(self, count: int) -> None:
        was_busy = self.busy
        self._copying = count
        self.status.setText(self.tr("Copying files into the workspace…") if count else "")
        if self.busy != was_busy:
            self.busy_changed.emit(self.busy)

    def _refused_text(self, refused: RefusedFile) -> str:
        if refused.problem == Problem.TOO_LARGE:
            return self.tr(
                "“{name}” was not added: it is {size} MB, and a file may be at most {limit} MB."
            ).format(
                name=refused.name,
                size=f"{refused.size / _MB:,.1f}",
                limit=MAX_ATTACHMENT_BYTES // _MB,
            )
        if refused.problem == Problem.NOT_A_FILE:
            return self.tr(
                "“{name}” was not added: only files can be attached, not folders."
            ).format(name=refused.name)
        return self.tr("“{name}” could not be read: {reason}").format(
            name=refused.name, reason=refused.detail
        )

    def _too_many(self) -> str:
        return self.tr("A proposal can have at most {limit} materials.").format(limit=MAX_MATERIALS)

    def _add_typed(self) -> None:
        """Enter in the entry: a web address becomes a link, anything else a note."""
        text = self.entry.text().strip()
        if text:
            looks_like_link = text.lower().startswith(("http://", "https://"))
            self._add_entry(MaterialKind.LINK if looks_like_link else MaterialKind.TEXT)

    def _add_entry(self, kind: MaterialKind) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        if kind == MaterialKind.LINK and not is_web_address(text):
            self.error.show_error(
                self.tr(
                    "Link: “{text}” is not a web address. A link starts with http:// or https://."
                ).format(text=text)
            )
            self.entry.setFocus()
            return
        if self.model.rowCount() >= MAX_MATERIALS:
            self.error.show_error(self._too_many())
            return
        self.model.add(Material(kind, text))
        self.error.clear_error()
        self.entry.clear()

    def _choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.add_files([Path(n) for n in names]))
        self._file_dialog = dialog
        dialog.open()

    def _remove_selected(self) -> None:
        selected = self.view.selectionModel().selectedRows()
        for row in sorted({index.row() for index in selected}, reverse=True):
            self.model.remove(row)

    def _update_buttons(self) -> None:
        has_text = bool(self.entry.text().strip())
        self.add_note_button.setEnabled(has_text)
        self.add_link_button.setEnabled(has_text)
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())
