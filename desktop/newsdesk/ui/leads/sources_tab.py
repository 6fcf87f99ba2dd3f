"""The Admin page's 来源 (Sources) tab: the feeds each channel follows, and how polling them
goes (when last polled, and the last error in words).

Each change is a ``source.*`` mutation through the session, like every other; the dialog says
what is wrong with a field before anything is sent (no name, not a web address, polled more
often than every 5 minutes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import Channel, FeedKind, Source
from newsdesk.core.mutation import MAX_POLL_MINUTES, MIN_POLL_MINUTES, Kind, Mutation
from newsdesk.store.leads import SourceRow, SourcesView, sources_overview
from newsdesk.ui.i18n import translated
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import FieldError, is_web_address, local_time, with_error
from newsdesk.ui.widgets.rows_model import Index, RowsModel
from newsdesk.ui.widgets.views import PlaceholderTableView, fit_columns


class SourcesModel(RowsModel[SourceRow]):
    NAME, CHANNEL, URL, EVERY, STATE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(5, lambda row: row.source.id, parent)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Channel"),
            self.tr("Feed address"),
            self.tr("Every"),
            self.tr("Polling"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.row(index.row())
        column = index.column()
        if column == self.NAME:
            return row.source.name
        if column == self.CHANNEL:
            return row.channel
        if column == self.URL:
            return row.source.url
        if column == self.EVERY:
            return self.tr("{minutes} min").format(minutes=row.source.interval_minutes)
        return self.standing(row)

    def standing(self, row: SourceRow) -> str:
        state = row.state
        if row.source.paused:
            return self.tr("Paused")
        if state is None or state.last_polled_at is None:
            return self.tr("Not polled yet")
        if state.last_error is not None:
            return self.tr("Failed {count} time(s) in a row: {error}. Next try {when}").format(
                count=state.failures,
                error=translated(state.last_error),
                when=local_time(state.next_poll_at) if state.next_poll_at else "-",
            )
        return self.tr("Polled {when}").format(when=local_time(state.last_polled_at))


class SourceDialog(QDialog):
    """A source's settings; ``values()`` once accepted."""

    def __init__(
        self, channels: Sequence[Channel], source: Source | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit source") if source else self.tr("New source"))
        self.setMinimumWidth(520)
        self.name_edit = QLineEdit(source.name if source else "")
        self.name_edit.setMaxLength(60)
        self.name_error = FieldError()
        self.url_edit = QLineEdit(source.url if source else "")
        self.url_edit.setPlaceholderText("https://")
        self.url_error = FieldError()
        self.kind_box = QComboBox()
        kinds = (
            (FeedKind.AUTO, self.tr("Tell by the feed")),
            (FeedKind.RSS, "RSS"),
            (FeedKind.ATOM, "Atom"),
            (FeedKind.JSON, "JSON Feed"),
        )
        for kind, text in kinds:
            self.kind_box.addItem(text, kind.value)
        self.kind_box.setCurrentIndex(self.kind_box.findData(source.kind if source else "auto"))
        self.channel_box = QComboBox()
        for channel in sorted(channels, key=lambda c: c.name):
            self.channel_box.addItem(channel.name, channel.id)
        if source is not None:
            self.channel_box.setCurrentIndex(self.channel_box.findData(source.channel_id))
        self.channel_error = FieldError()
        self.interval_box = QSpinBox()
        self.interval_box.setRange(1, MAX_POLL_MINUTES)
        self.interval_box.setSuffix(self.tr(" min"))
        self.interval_box.setValue(source.interval_minutes if source else 30)
        self.interval_error = FieldError()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name"), with_error(self.name_edit, self.name_error))
        form.addRow(self.tr("Feed address"), with_error(self.url_edit, self.url_error))
        form.addRow(self.tr("Kind"), self.kind_box)
        form.addRow(self.tr("Channel"), with_error(self.channel_box, self.channel_error))
        form.addRow(self.tr("Poll every"), with_error(self.interval_box, self.interval_error))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def problems(self) -> bool:
        """Say what is wrong with each field; whether anything is."""
        wrong = False
        for error in (self.name_error, self.url_error, self.channel_error, self.interval_error):
            error.clear_error()
        if self.channel_box.currentData() is None:
            self.channel_error.show_error(self.tr("Choose the channel whose leads these are."))
            wrong = True
        if not self.name_edit.text().strip():
            self.name_error.show_error(self.tr("Give the source a name."))
            wrong = True
        if not is_web_address(self.url_edit.text().strip()):
            self.url_error.show_error(
                self.tr("The feed address must be a web address starting with http:// or https://.")
            )
            wrong = True
        if self.interval_box.value() < MIN_POLL_MINUTES:
            self.interval_error.show_error(
                self.tr("Poll at most every {minutes} minutes; feeds change no faster.").format(
                    minutes=MIN_POLL_MINUTES
                )
            )
            wrong = True
        return wrong

    def check_and_accept(self) -> None:
        if not self.problems():
            self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text().strip(),
            "url": self.url_edit.text().strip(),
            "kind": self.kind_box.currentData(),
            "channel_id": self.channel_box.currentData(),
            "interval_minutes": self.interval_box.value(),
        }


Apply = Callable[[Sequence[Mutation], str], None]


class SourcesTab(QWidget):
    def __init__(self, session: Session, apply: Apply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._apply = apply
        self._channels: tuple[Channel, ...] = ()
        self.model = SourcesModel(self)
        self.table = PlaceholderTableView()
        self.table.setModel(self.model)
        self.table.set_placeholder(self.tr("No sources yet: add the feeds to follow."))
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add source…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.add_button.clicked.connect(self.add_source)
        self.edit_button.clicked.connect(self.edit_source)
        self.table.doubleClicked.connect(self.edit_source)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.remove_button.clicked.connect(self.remove_source)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.pause_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    @property
    def channels(self) -> tuple[Channel, ...]:
        return self._channels

    def editing_buttons(self) -> tuple[QPushButton, ...]:
        return (self.add_button, self.edit_button, self.pause_button, self.remove_button)

    def reload(self) -> None:
        self._session.read(sources_overview, self._show)

    def _show(self, view: SourcesView) -> None:
        chosen = self.current()
        self._channels = view.channels
        self.model.set_rows(view.rows)
        fit_columns(self.table, self.model, SourcesModel.STATE)
        row = self.model.row_of(chosen.source.id) if chosen else None
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def current(self) -> SourceRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.current()
        for button in (self.edit_button, self.pause_button, self.remove_button):
            button.setEnabled(row is not None)
        paused = row is not None and row.source.paused
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def add_source(self) -> SourceDialog:
        dialog = SourceDialog(self._channels, None, self)

        def create() -> None:
            values = dialog.values()
            made = self._session.mutation(Kind.SOURCE_ADD, **values)
            self._apply([made], self.tr("Source {name} added.").format(name=values["name"]))

        dialog.accepted.connect(create)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def edit_source(self) -> SourceDialog | None:
        row = self.current()
        if row is None:
            return None
        dialog = SourceDialog(self._channels, row.source, self)

        def save() -> None:
            values = dialog.values()
            changed = self._session.mutation(
                Kind.SOURCE_UPDATE, row.source.id, base_version=row.source.row_version, **values
            )
            self._apply([changed], self.tr("Source {name} saved.").format(name=values["name"]))

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def toggle_pause(self) -> None:
        row = self.current()
        if row is None:
            return
        paused = not row.source.paused
        changed = self._session.mutation(Kind.SOURCE_UPDATE, row.source.id, paused=paused)
        said = (
            self.tr("Source {name} paused.")
            if paused
            else self.tr("Source {name} is polled again.")
        )
        self._apply([changed], said.format(name=row.source.name))

    def remove_source(self) -> QMessageBox | None:
        row = self.current()
        if row is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove source"),
            self.tr("Stop following “{name}”? Its leads stay; no new ones come from it.").format(
                name=row.source.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )

        def remove() -> None:
            removed = self._session.mutation(Kind.SOURCE_REMOVE, row.source.id)
            self._apply([removed], self.tr("Source {name} removed.").format(name=row.source.name))

        box.accepted.connect(remove)
        box.finished.connect(box.deleteLater)
        box.open()
        return box
