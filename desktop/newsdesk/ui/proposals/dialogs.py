"""The chief's dialogs for a proposal: return it with a reason, assign it to editors.

Each is opened with ``open()``; the caller reads the answer when ``accepted`` fires. The proposal
editor lives in :mod:`newsdesk.ui.proposals.editor` and is re-exported here, so a page imports
all three from one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QCollator,
    QDate,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.board import Snapshot
from newsdesk.core.model import Proposal, ProposalState, User
from newsdesk.store.blobs import BlobStore
from newsdesk.ui.proposals.editor import ProposalEditor
from newsdesk.ui.widgets.fields import (
    DIALOG_MARGIN,
    FieldError,
    alive,
    heading,
    muted,
)
from newsdesk.ui.widgets.materials_view import MaterialsView
from newsdesk.ui.widgets.palette import colours

__all__ = ["AssignDialog", "ProposalEditor", "ReturnDialog"]

MAX_REASON = 2000  # the schema's limit for a return reason
DEFAULT_DAYS = 3  # a due date this many days ahead when the proposal plans none
_OPEN = (ProposalState.ASSIGNED, ProposalState.IN_PROGRESS)
_USER_ID = Qt.ItemDataRole.UserRole
_SEARCH_TEXT = Qt.ItemDataRole.UserRole + 1


class ReturnDialog(QDialog):
    """Asks the chief why a proposal goes back to its proposer, who will read the reason."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return proposal"))
        self.setMinimumWidth(480)
        explanation = QLabel(
            self.tr(
                "The proposer sees this reason with the returned proposal. Say what is missing "
                "or why the story is not taken, so that they can improve it and submit it again."
            )
        )
        explanation.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason for returning (required)"))
        self.reason_edit.setTabChangesFocus(True)
        self._count = muted(QLabel())
        self._count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Return to proposer"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN)
        layout.addWidget(heading(self.tr("Return “{title}”").format(title=title)))
        layout.addWidget(explanation)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self._count)
        layout.addWidget(self._buttons)
        self.reason_edit.textChanged.connect(self._update)
        self._update()
        self.reason_edit.setFocus()

    def reason(self) -> str:
        """The reason as typed, without surrounding blanks."""
        return self.reason_edit.toPlainText().strip()

    def _update(self) -> None:
        length = len(self.reason())
        too_long = length > MAX_REASON
        self._count.setText(
            self.tr("{count}/{limit} characters").format(count=length, limit=MAX_REASON)
        )
        self._count.setStyleSheet(f"color: {colours().error};" if too_long else "")
        self.ok_button.setEnabled(0 < length <= MAX_REASON)


class AssignDialog(QDialog):
    """Chooses the editors who write a topic, and its due date.

    Only editors of the proposal's channel are offered. The snapshot holds no role grants, so
    they come either as ``editors`` or later through :meth:`set_editors` (see
    :func:`newsdesk.ui.proposals.roster.load_editors`); until then the list says it is loading.
    """

    def __init__(
        self,
        snapshot: Snapshot,
        proposal: Proposal,
        parent: QWidget | None = None,
        editors: Sequence[User] | None = None,
        blobs: BlobStore | None = None,
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._proposal = proposal
        self.materials: MaterialsView | None = None
        if blobs is not None and proposal.materials:
            self.materials = MaterialsView(blobs, self)
            self.materials.set_materials(proposal.materials)
        channel = snapshot.channels.get(proposal.channel_id)
        self._channel_name = channel.name if channel else ""
        self.setWindowTitle(self.tr("Assign topic"))
        self.setMinimumSize(520, 480)

        self._model = QStandardItemModel(0, 2, self)
        self._model.setHorizontalHeaderLabels([self.tr("Editor"), self.tr("Open tasks")])
        self._filter = QSortFilterProxyModel(self)
        self._filter.setSourceModel(self._model)
        self._filter.setFilterRole(_SEARCH_TEXT)
        self._filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search by name or login"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter.setFilterFixedString)
        self.editor_list = QTreeView()
        self.editor_list.setModel(self._filter)
        self.editor_list.setRootIsDecorated(False)
        self.editor_list.setUniformRowHeights(True)
        self.editor_list.setAlternatingRowColors(True)
        self.editor_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.editor_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._pressed_state = Qt.CheckState.Unchecked
        self.editor_list.pressed.connect(self._remember)
        self.editor_list.clicked.connect(self._toggle)
        self.status = muted(QLabel())
        self.status.setWordWrap(True)

        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        due = self._default_due()
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.due_error = FieldError()
        self.due_edit.dateChanged.connect(self._update)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Assign"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        intro = QLabel(
            self.tr("Choose the editors of “{channel}” who write it, and when it is due.").format(
                channel=self._channel_name
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_edit)
        due_row.addWidget(self.due_error, 1)
        form.addRow(self.tr("Due date"), due_row)
        if self.materials is not None:
            form.addRow(self.tr("Materials"), self.materials)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN)
        layout.addWidget(heading(self.tr("Assign “{title}”").format(title=proposal.title)))
        layout.addWidget(intro)
        layout.addWidget(self.search_box)
        layout.addWidget(self.editor_list, 1)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self._buttons)
        self._model.itemChanged.connect(self._update)
        if editors is None:
            self.status.setText(
                self.tr("Loading the editors of “{channel}”…").format(channel=self._channel_name)
            )
            self._update()
        else:
            self.set_editors(editors)

    def set_editors(self, editors: Sequence[User]) -> None:
        """Offer ``editors`` (the channel's editors), ticking those already assigned."""
        if not alive(self):
            return  # closed before the list arrived
        self._model.removeRows(0, self._model.rowCount())
        collator = QCollator(QLocale())
        for user in sorted(editors, key=lambda u: collator.sortKey(u.name)):
            name = QStandardItem(user.name)
            name.setCheckable(True)
            name.setEditable(False)
            name.setCheckState(
                Qt.CheckState.Checked
                if user.id in self._proposal.assignees
                else Qt.CheckState.Unchecked
            )
            name.setData(user.id, _USER_ID)
            name.setData(f"{user.name} {user.login}", _SEARCH_TEXT)
            name.setToolTip(user.login)
            load = QStandardItem(str(self._open_tasks(user.id)))
            load.setEditable(False)
            load.setData(f"{user.name} {user.login}", _SEARCH_TEXT)
            load.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self._model.appendRow([name, load])
        if not editors:
            self.status.setText(
                self.tr(
                    "No one holds the editor role in “{channel}” yet; an administrator can "
                    "grant it."
                ).format(channel=self._channel_name)
            )
        self._update()

    def assignees(self) -> list[str]:
        """The ids of the ticked editors, in the order shown."""
        return [
            str(item.data(_USER_ID))
            for row in range(self._model.rowCount())
            if (item := self._model.item(row, 0)).checkState() == Qt.CheckState.Checked
        ]

    def due_date(self) -> dt.date:
        value: dt.date = self.due_edit.date().toPython()  # type: ignore[assignment]
        return value

    def _default_due(self) -> dt.date:
        today = dt.date.today()
        for date in (self._proposal.due_date, self._proposal.planned_date):
            if date is not None and date >= today:
                return date
        return today + dt.timedelta(days=DEFAULT_DAYS)

    def _open_tasks(self, user_id: str) -> int:
        return sum(
            1
            for topic in self._snapshot.topics
            if topic.id != self._proposal.id and topic.state in _OPEN and user_id in topic.assignees
        )

    def _name_item(self, index: QModelIndex) -> QStandardItem:
        return self._model.item(self._filter.mapToSource(index).row(), 0)

    def _remember(self, index: QModelIndex) -> None:
        self._pressed_state = self._name_item(index).checkState()

    def _toggle(self, index: QModelIndex) -> None:
        """A click anywhere on a row ticks or unticks the editor, not only on the box."""
        item = self._name_item(index)
        if item.checkState() == self._pressed_state:  # the box itself was not hit
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _update(self) -> None:
        chosen = len(self.assignees())
        if self._model.rowCount():
            self.status.setText(self.tr("Chosen: {count}").format(count=chosen))
        past = self.due_date() < dt.date.today()
        if past:
            self.due_error.show_error(self.tr("The due date cannot be in the past."))
        else:
            self.due_error.clear_error()
        self.ok_button.setEnabled(chosen > 0 and not past)
