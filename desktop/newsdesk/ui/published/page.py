"""The Published page: the archive of everything published, filtered by channel, target, date
and full-text search; the publication history of the selected article; and the actions on it
(re-publish, start a correction, retract) plus retrying deliveries that did not arrive.

The archive loads on the database thread and reloads when articles, publications, channels or
roles change; each action's button says, in its tooltip, why it is unavailable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.articles import may_correct, may_retract
from newsdesk.core.board import Snapshot
from newsdesk.core.model import ArticleState, Role, Target
from newsdesk.core.refusal import Refusal
from newsdesk.core.world import Area
from newsdesk.publish.publisher import TARGET_ORDER, FailedDelivery
from newsdesk.store.archive import ArchiveFilter, ArchiveItem, archive
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import OneAtATime
from newsdesk.ui.published.actions import PublishingActions
from newsdesk.ui.published.model import (
    ITEM_ROLE,
    ArchiveModel,
    Column,
    HistoryModel,
    status_text,
    targets_text,
)
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.fields import alive, heading, muted
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.palette import colours

WATCHED = frozenset({Area.ARTICLES, Area.PUBLICATIONS, Area.CHANNELS, Area.ROLES})
SEARCH_DELAY_MS = 300
SHOWN_FAILURES = 10  # listed in the retry button's tooltip
PERIODS = (0, 1, 7, 30, 365)  # days back; 0 is any time


class PublishedPage(QWidget):
    archive_loaded = Signal()  # the list shows the latest load
    open_article = Signal(str)  # a correction started: edit the article

    def __init__(
        self, session: Session, snapshots: SnapshotStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("published")
        self.session = session
        self.publishing = PublishingActions(session, self)
        self.message_bar = MessageBar(self)
        self.publishing.message.connect(self.message_bar.show_message)
        self.publishing.failures_changed.connect(self._set_failure_count)
        self.publishing.sent.connect(lambda _id: self.reload())
        self.filters = self._build_filters()
        self._build_list()
        self._build_details()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(self.filters)
        layout.addWidget(split, 1)
        self._item: ArchiveItem | None = None
        self._failures: list[FailedDelivery] = []
        self._out: Path | None = None  # the output folder, once read
        self._loads = OneAtATime(self._load)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        session.changed.connect(self._changed)
        self._fill_channels(snapshots.current)
        snapshots.updated.connect(self._fill_channels)
        self._show_item(None)
        self.reload()
        self.publishing.load_state(self._state_loaded)

    # --- building -----------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        self.search = QLineEdit(self)
        self.search.setObjectName("archiveSearch")
        self.search.setAccessibleName(self.tr("Search the archive"))
        self.search.setPlaceholderText(self.tr("Search published articles"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.channel_filter = QComboBox(self)
        self.target_filter = QComboBox(self)
        self.target_filter.addItem(self.tr("All targets"), None)
        for target in TARGET_ORDER:
            self.target_filter.addItem(target.value.upper(), target.value)
        self.period_filter = QComboBox(self)
        for days in PERIODS:
            self.period_filter.addItem(self._period_text(days), days)
        for combo in (self.channel_filter, self.target_filter, self.period_filter):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryDeliveries")
        self.retry_button.setStyleSheet(f"color: {colours().warning};")
        self.retry_button.clicked.connect(self.publishing.retry_failed)
        self.retry_button.hide()
        self.settings_button = QPushButton(self.tr("Publishing settings…"), self)
        self.settings_button.clicked.connect(self.publishing.edit_settings)
        self.settings_button.setVisible(self.session.actor.is_admin)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.channel_filter)
        filters.addWidget(self.target_filter)
        filters.addWidget(self.period_filter)
        filters.addStretch(1)
        filters.addWidget(self.retry_button)
        filters.addWidget(self.settings_button)
        return filters

    def _period_text(self, days: int) -> str:
        if days == 0:
            return self.tr("Any time")
        if days == 1:
            return self.tr("Today")
        return self.tr("Last {days} days").format(days=days)

    def _build_list(self) -> None:
        self.model = ArchiveModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Published articles"))
        self.table.setObjectName("archive")
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.PUBLISHED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (Column.CHANNEL, Column.TARGETS, Column.VERSION, Column.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.PUBLISHED, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def _build_details(self) -> None:
        self.details = QWidget(self)
        self.title = heading("", 1.3)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = muted(QLabel(self.details))
        self.summary.setWordWrap(True)
        self.reason = QLabel(self.details)
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(f"color: {colours().error};")
        self.history = HistoryModel(self)
        self.history_view = QTableView(self.details)
        self.history_view.setAccessibleName(self.tr("Publication history"))
        self.history_view.setObjectName("publicationHistory")
        self.history_view.setModel(self.history)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.verticalHeader().hide()
        history_header = self.history_view.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the note
        history_header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.history_view.setWordWrap(False)
        self.history_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.open_button = QPushButton(self.tr("Open page"), self.details)
        self.open_button.clicked.connect(self.open_page)
        self.republish_button = QPushButton(self.tr("Re-publish"), self.details)
        self.republish_button.clicked.connect(self.republish)
        self.correct_button = QPushButton(self.tr("Correct…"), self.details)
        self.correct_button.clicked.connect(self.correct)
        self.retract_button = QPushButton(self.tr("Retract…"), self.details)
        self.retract_button.clicked.connect(self.retract)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.republish_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.retract_button)
        layout = QVBoxLayout(self.details)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.reason)
        layout.addWidget(QLabel(self.tr("Publication history"), self.details))
        layout.addWidget(self.history_view, 1)
        layout.addLayout(buttons)

    def _fill_channels(self, snapshot: Snapshot | None) -> None:
        """The channels the user sees, kept in step with the snapshot; the choice is kept."""
        if snapshot is None:
            return
        chosen = self.channel_filter.currentData()
        self.channel_filter.blockSignals(True)
        self.channel_filter.clear()
        self.channel_filter.addItem(self.tr("All channels"), "")
        for channel in sorted(snapshot.channels.values(), key=lambda c: c.name):
            self.channel_filter.addItem(channel.name, channel.id)
        found = self.channel_filter.findData(chosen)
        self.channel_filter.setCurrentIndex(max(found, 0))
        self.channel_filter.blockSignals(False)
        if found < 0 and chosen:  # the chosen channel is gone: show all
            self.reload()

    # --- loading ------------------------------------------------------------------------------

    def wanted(self) -> ArchiveFilter:
        days = int(self.period_filter.currentData() or 0)
        target = self.target_filter.currentData()
        return ArchiveFilter(
            channel_id=str(self.channel_filter.currentData() or ""),
            target=Target(target) if target else None,
            since=dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days - 1) if days else None,
            text=self.search.text().strip(),
        )

    def reload(self) -> None:
        self._loads.request()

    def _load(self) -> None:
        actor, wanted = self.session.actor, self.wanted()
        self.session.read(lambda conn: archive(conn, actor, wanted), self._loaded, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._loads.fail()
        self.session.runner.failed.emit(error)

    def _loaded(self, items: list[ArchiveItem]) -> None:
        if not alive(self):
            return
        if self._loads.finish():
            return
        keep = self._item.id if self._item else None
        self.model.set_items(items)
        row = self.model.row_of(keep) if keep else None
        if row is None and items:
            row = self.model.row_of(self._top_item_id())
        if row is None:
            self._show_item(None)
        else:
            index = self.sorted.mapFromSource(self.model.index(row, 0))
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
            self._show_item(self.model.items[row])
        self.archive_loaded.emit()

    def _top_item_id(self) -> str:
        top = self.sorted.index(0, 0)
        item = top.data(ITEM_ROLE) if top.isValid() else None
        return item.id if isinstance(item, ArchiveItem) else ""

    def _changed(self, areas: Set[Area], _initiator: object) -> None:
        if areas & WATCHED:
            self.reload()

    # --- the selected article -----------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.data(ITEM_ROLE) if current.isValid() else None
        self._show_item(item if isinstance(item, ArchiveItem) else None)

    @property
    def item(self) -> ArchiveItem | None:
        return self._item

    def _show_item(self, item: ArchiveItem | None) -> None:
        self._item = item
        self.history.set_item(item)
        if item is None:
            self.title.setText(
                self.tr("Nothing published matches.")
                if self.model.rowCount()
                or self.search.text()
                or self.channel_filter.currentIndex() > 0
                else self.tr("Nothing has been published yet.")
            )
            self.summary.clear()
            self.reason.hide()
            for button in self._buttons():
                button.setEnabled(False)
                button.setToolTip("")
            return
        article = item.article
        self.title.setText(article.title)
        self.summary.setText(
            " · ".join(
                [
                    item.channel.name,
                    targets_text(item),
                    self.tr("version {version}").format(version=article.published_version),
                    status_text(item),
                ]
            )
        )
        retracted = article.state == ArticleState.RETRACTED
        self.reason.setText(
            self.tr("Retracted: {reason}").format(reason=article.retract_reason)
            if retracted
            else ""
        )
        self.reason.setVisible(retracted)
        actor = self.session.actor
        self.open_button.setEnabled(self._out is not None)
        self._enable(self.correct_button, may_correct(actor, article, None, item.channel))
        self._enable(self.retract_button, may_retract(actor, article, item.channel))
        if article.state != ArticleState.PUBLISHED:
            self.republish_button.setEnabled(False)
            self.republish_button.setToolTip(
                self.tr(
                    "Only a live article can be re-published; a correction is published "
                    "from the board once it is signed off."
                )
            )
        elif not actor.holds(Role.PUBLISHER, item.channel.id):
            self.republish_button.setEnabled(False)
            self.republish_button.setToolTip(
                self.tr("Only a publisher of “{channel}” can publish articles.").format(
                    channel=item.channel.name
                )
            )
        else:
            self._enable(self.republish_button, None)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.open_button,
            self.republish_button,
            self.correct_button,
            self.retract_button,
        )

    @staticmethod
    def _enable(button: QPushButton, refusal: Refusal | None) -> None:
        button.setEnabled(refusal is None)
        button.setToolTip(translated(refusal.message) if refusal else "")

    # --- actions ------------------------------------------------------------------------------

    @staticmethod
    def _page_path(item: ArchiveItem) -> str:
        live = [p for p in item.publications if p.target != Target.APP]
        chosen = live[-1] if live else item.publications[-1]
        return chosen.location

    def open_page(self) -> None:
        """Open the exported page (PC if there is one) in the system's browser or viewer."""
        item = self._item
        if item is None or self._out is None:
            return
        path = self._out / self._page_path(item)
        if not path.is_file():
            self.message_bar.show_message(
                self.tr("The exported page is not in {folder}; re-publish the article.").format(
                    folder=self._out
                ),
                Tone.WARNING,
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def republish(self) -> None:
        if self._item is not None:
            self.publishing.republish(self._item.id, self._item.article.title)

    def correct(self) -> None:
        if self._item is not None:
            self.publishing.start_correction(self._item.id, self.open_article.emit)

    def retract(self) -> None:
        if self._item is not None:
            self.publishing.retract(self._item.id, self._item.article.title)

    # --- failed deliveries --------------------------------------------------------------------

    def _state_loaded(self, failures: list[FailedDelivery], out: Path) -> None:
        self._failures, self._out = failures, out
        self._set_failure_count(len(failures))
        if self._item is not None:
            self.open_button.setEnabled(True)

    def _set_failure_count(self, count: int) -> None:
        self.retry_button.setVisible(count > 0)
        self.retry_button.setText(
            self.tr("Retry %n failed delivery(s)", "", count) if count else ""
        )
        if count and len(self._failures) != count:
            self.publishing.load_state(self._state_loaded)
            return
        lines = [f"{f.path} → {f.destination}: {f.reason}" for f in self._failures[:SHOWN_FAILURES]]
        if len(self._failures) > SHOWN_FAILURES:
            lines.append("…")
        self.retry_button.setToolTip("\n".join(lines))
