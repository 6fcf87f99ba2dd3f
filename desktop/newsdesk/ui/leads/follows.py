"""The 线索 page's 来源 (Sources) tab: the sources of the channels the user may see, and which of
them they follow (关注). Following a source rings the bell for each new lead it brings, whatever
the user's roles in its channel; it is the user's own choice, synced to their other desktops.

A follow is a ``source.follow`` mutation through the session like every other change; the
check box in the 关注 column and the button below the list both toggle it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from newsdesk.core.mutation import Kind
from newsdesk.store.apply import Applied
from newsdesk.store.leads import FollowRow, followable_sources
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import alive, muted
from newsdesk.ui.widgets.message_bar import MessageBar
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.rows_model import Index, RowsModel
from newsdesk.ui.widgets.views import PlaceholderTableView, fit_columns


class FollowsModel(RowsModel[FollowRow]):
    FOLLOWING, NAME, CHANNEL = range(3)
    toggled = Signal(object, bool)  # the FollowRow, and whether to follow it now

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(3, lambda row: row.source.id, parent)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.FOLLOWING:
            return self.tr(
                "Following a source, each new lead it brings rings your bell, whatever your roles "
                "in its channel."
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Follow"), self.tr("Name"), self.tr("Channel"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        found = super().flags(index)
        if index.isValid() and index.column() == self.FOLLOWING:
            found |= Qt.ItemFlag.ItemIsUserCheckable
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        column = index.column()
        if column == self.FOLLOWING:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.following else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Following") if row.following else self.tr("Follow")
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    self.tr("You hear of each new lead of “{name}”. Click to stop.")
                    if row.following
                    else self.tr("Click to hear of each new lead of “{name}” in the bell.")
                ).format(name=row.source.name)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return row.source.name if column == self.NAME else row.channel

    def setData(  # noqa: N802 - Qt's name
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            not index.isValid()
            or index.column() != self.FOLLOWING
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        self.toggled.emit(self.row(index.row()), Qt.CheckState(value) == Qt.CheckState.Checked)
        return False  # the row changes when the mutation is applied and the list reloads


class FollowsTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = FollowsModel(self)
        self.model.toggled.connect(self.set_following)
        self.table = PlaceholderTableView()
        self.table.setModel(self.model)
        self.table.set_placeholder(self.tr("No sources in your channels yet."))
        self.table.setAccessibleName(self.tr("Sources to follow"))
        self.table.selectionModel().currentRowChanged.connect(self._update_button)
        tip = self.tr(
            "Following a source, each new lead it brings rings your bell, whatever your roles in "
            "its channel. Following none, you hear of the leads of the channels where you are "
            "editor or chief."
        )
        self.explanation = muted(QLabel(tip))
        self.explanation.setWordWrap(True)
        self.follow_button = QPushButton(self.tr("Follow"))
        self.follow_button.setToolTip(tip)
        self.follow_button.clicked.connect(self.toggle_current)
        self.message_bar = MessageBar(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.follow_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.explanation)
        layout.addWidget(self.message_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_button()

    def reload(self) -> None:
        actor = self._session.actor
        self._session.read(lambda conn: followable_sources(conn, actor), self._show)

    def _show(self, rows: list[FollowRow]) -> None:
        chosen = self.current()
        self.model.set_rows(rows)
        fit_columns(self.table, self.model, FollowsModel.CHANNEL)
        # Wide enough for the check box and either word, so following one does not resize it.
        words = (self.tr("Follow"), self.tr("Following"))
        box = self.table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        wanted = max(self.table.fontMetrics().horizontalAdvance(w) for w in words) + box + 24
        header = self.table.horizontalHeader()
        header.resizeSection(FollowsModel.FOLLOWING, max(header.sectionSize(0), wanted))
        row = self.model.row_of(chosen.source.id) if chosen else None
        if row is not None:
            self.table.selectRow(row)
        self._update_button()

    def current(self) -> FollowRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _update_button(self) -> None:
        row = self.current()
        self.follow_button.setEnabled(row is not None)
        # The button says what a click does; the list's 关注 column shows the state.
        following = row is not None and row.following
        self.follow_button.setText(self.tr("Unfollow") if following else self.tr("Follow"))

    def toggle_current(self) -> None:
        row = self.current()
        if row is not None:
            self.set_following(row, not row.following)

    def set_following(self, row: FollowRow, follow: bool) -> None:
        name = row.source.name
        said = (
            self.tr("You follow “{name}”: its new leads ring your bell.")
            if follow
            else self.tr("You no longer follow “{name}”.")
        ).format(name=name)

        def done(applied: list[Applied]) -> None:
            if alive(self):
                report(self.message_bar, applied, said)

        self._session.apply(
            [self._session.mutation(Kind.SOURCE_FOLLOW, row.source.id, follow=follow)],
            done,
            initiator=self,
        )
