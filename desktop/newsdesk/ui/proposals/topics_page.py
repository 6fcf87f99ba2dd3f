"""The topic library (选题库): every selected topic, searchable, and the chief's actions on one.

Search narrows the table by title at once and, a moment later, by the store's Chinese full-text
search (titles, angles, notes and tags), which runs on the database thread. Each action is
enabled by the core's rule for it; a disabled one says why in its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.actor import Actor
from newsdesk.core.board import Snapshot
from newsdesk.core.model import Channel, Proposal
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.proposals import may_assign, may_delete, may_edit, may_restore, may_return
from newsdesk.core.refusal import Refusal
from newsdesk.store import search
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn
from newsdesk.ui.i18n import translated
from newsdesk.ui.proposals.details import TopicDetails
from newsdesk.ui.proposals.dialogs import AssignDialog, ProposalEditor, ReturnDialog
from newsdesk.ui.proposals.roster import load_editors
from newsdesk.ui.proposals.topics_model import TopicRow, TopicsFilter, TopicsModel
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.deferred import UntilShown
from newsdesk.ui.widgets.fields import alive, heading, iso, muted
from newsdesk.ui.widgets.message_bar import MessageBar
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.views import PlaceholderTableView, fit_columns

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the store
SEARCH_LIMIT = 1000

Rule = Callable[[Actor, Proposal, Channel], Refusal | None]


class TopicsPage(QWidget):
    """The topic library with search, channel filter, deleted topics and the chief's actions."""

    open_article = Signal(str)  # from a topic's details: open its article in the editor

    def __init__(
        self, session: Session, snapshots: SnapshotStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("topics")
        self._session = session
        self._snapshots = snapshots  # kept alive with the page
        self._snapshot: Snapshot | None = None
        self._search_generation = 0
        self._model = TopicsModel(self)
        self._filter = TopicsFilter(self)
        self._filter.setSourceModel(self._model)

        self.search_box = QLineEdit()
        self.search_box.setAccessibleName(self.tr("Search the topic library"))
        self.search_box.setPlaceholderText(self.tr("Search titles, angles, notes and tags"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(self._search_changed)
        self.channel_box = QComboBox()
        self.channel_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel_box.currentIndexChanged.connect(
            lambda: self._filter.set_channel(self.channel_box.currentData())
        )
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.show_deleted.toggled.connect(self._toggle_deleted)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.return_button = QPushButton(self.tr("Return…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.hide()
        self.edit_button.clicked.connect(self.edit_selected)
        self.assign_button.clicked.connect(self.assign_selected)
        self.return_button.clicked.connect(self.return_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self._rules: list[tuple[QPushButton, Rule, str]] = [
            (self.edit_button, may_edit, self.tr("Change the title, angle, plan and materials.")),
            (self.assign_button, may_assign, self.tr("Choose the editors and the due date.")),
            (
                self.return_button,
                may_return,
                self.tr("Send it back to the proposer, with a reason."),
            ),
            (self.delete_button, may_delete, self.tr("Remove it from the library (restorable).")),
            (self.restore_button, may_restore, self.tr("Bring it back where it was.")),
        ]
        self.message_bar = MessageBar(self)

        self.view = PlaceholderTableView()
        self.view.setAccessibleName(self.tr("Topics"))
        self.view.setModel(self._filter)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TopicsModel.UPDATED, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self._open_details)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        for signal in (
            self._filter.modelReset,
            self._filter.rowsInserted,
            self._filter.rowsRemoved,
            self._filter.layoutChanged,
        ):
            signal.connect(self._update_summary)

        self.summary = muted(QLabel())
        self._build_layout()
        self._until_shown = UntilShown(self, self._show)
        snapshots.updated.connect(self._until_shown.offer)
        if snapshots.current is not None:
            self._until_shown.offer(snapshots.current)
        else:
            self.view.set_placeholder(self.tr("Loading the topic library…"))
            self._update_actions()

    def _build_layout(self) -> None:
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = heading(self.tr("Topic library"), 1.5)
        title.setObjectName("pageTitle")
        titles.addWidget(title)
        titles.addWidget(self.summary)
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.channel_box)
        filters.addWidget(self.show_deleted)
        actions = QHBoxLayout()
        for button, _, _ in self._rules:
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addLayout(titles)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.view, 1)

    @property
    def model(self) -> TopicsModel:
        return self._model

    @property
    def proxy(self) -> TopicsFilter:
        return self._filter

    # --- showing ----------------------------------------------------------------------------

    def _show(self, snapshot: Snapshot) -> None:
        selected = self._selected()
        self._snapshot = snapshot
        self._fill_channels(snapshot)
        self._model.set_snapshot(snapshot, self._session.user.id)
        fit_columns(self.view, self._model, TopicsModel.TITLE)
        if selected is not None:
            self.select(selected.topic.id)
        self._update_summary()
        self._update_actions()

    def _fill_channels(self, snapshot: Snapshot) -> None:
        current = self.channel_box.currentData()
        self.channel_box.blockSignals(True)
        self.channel_box.clear()
        self.channel_box.addItem(self.tr("All channels"), None)
        for channel in snapshot.channels.values():
            self.channel_box.addItem(channel.name, channel.id)
        index = self.channel_box.findData(current)
        self.channel_box.setCurrentIndex(max(index, 0))
        self.channel_box.blockSignals(False)
        self._filter.set_channel(self.channel_box.currentData())

    def select(self, topic_id: str) -> bool:
        """Select ``topic_id``'s row if the filter shows it."""
        row = self._model.row_of(topic_id)
        if row is None:
            return False
        index = self._filter.mapFromSource(self._model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        return True

    def _update_summary(self) -> None:
        shown = self._filter.rowCount()
        total = self._model.count(deleted=self.show_deleted.isChecked())
        if shown == total:
            self.summary.setText(self.tr("Topics: {count}").format(count=total))
        else:
            self.summary.setText(
                self.tr("Showing {shown} of {total} topics").format(shown=shown, total=total)
            )
        if self._snapshot is None:
            return
        if total:
            self.view.set_placeholder(self.tr("No topic matches the search and filters."))
        else:
            self.view.set_placeholder(
                self.tr(
                    "The topic library is empty. A topic arrives here when a channel chief "
                    "selects a submitted proposal."
                )
            )

    def _toggle_deleted(self, show: bool) -> None:
        self._filter.set_show_deleted(show)
        self.restore_button.setVisible(show)

    # --- searching --------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self._search_generation += 1
        self._filter.set_text(text)
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()

    def _run_search(self) -> None:
        query = self.search_box.text().strip()
        if not query or self._snapshot is None:
            return
        generation = self._search_generation
        channel_ids = list(self._snapshot.channels)

        def find(conn: Conn) -> list[str]:
            hits = search.search(
                conn, query, kinds=("proposal",), channel_ids=channel_ids, limit=SEARCH_LIMIT
            )
            return [hit.id for hit in hits]

        def found(ids: list[str]) -> None:
            if alive(self) and generation == self._search_generation:
                self._filter.set_hits(ids)

        self._session.read(find, found)

    # --- actions ----------------------------------------------------------------------------

    def _selected(self) -> TopicRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self._model.topic_row(self._filter.mapToSource(rows[0]).row())

    def _channel(self, topic: Proposal) -> Channel | None:
        return self._snapshot.channels.get(topic.channel_id) if self._snapshot else None

    def _update_actions(self) -> None:
        row = self._selected()
        channel = self._channel(row.topic) if row else None
        for button, rule, description in self._rules:
            if row is None or channel is None:
                button.setEnabled(False)
                button.setToolTip(self.tr("Select a topic first."))
                continue
            refusal = rule(self._session.actor, row.topic, channel)
            button.setEnabled(refusal is None)
            button.setToolTip(translated(refusal.message) if refusal else description)

    def _allowed(self, button: QPushButton) -> tuple[Proposal, Snapshot] | None:
        """The selected topic and the snapshot, if ``button``'s rule allows the action now."""
        row = self._selected()
        if row is None or self._snapshot is None:
            return None
        channel = self._channel(row.topic)
        rule = next(r for b, r, _ in self._rules if b is button)
        if channel is None or rule(self._session.actor, row.topic, channel) is not None:
            return None
        return row.topic, self._snapshot

    def _apply(self, mutation: Mutation, success: str) -> None:
        def done(applied: list[Applied]) -> None:
            if alive(self):
                report(self.message_bar, applied, success)

        self._session.apply([mutation], done, initiator=self)

    def edit_selected(self) -> None:
        allowed = self._allowed(self.edit_button)
        if allowed is None:
            return
        topic, snapshot = allowed
        editor = ProposalEditor(self._session, snapshot, topic, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(
            lambda _id: self.message_bar.show_message(self.tr("The changes were saved."))
        )
        editor.open()

    def assign_selected(self) -> None:
        allowed = self._allowed(self.assign_button)
        if allowed is None:
            return
        topic, snapshot = allowed
        dialog = AssignDialog(snapshot, topic, self, blobs=self._session.workspace.blobs)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def assign() -> None:
            assignees, due = dialog.assignees(), dialog.due_date()
            names = QLocale().createSeparatedList([snapshot.name(u) for u in assignees])
            self._apply(
                self._session.mutation(
                    Kind.PROPOSAL_ASSIGN, topic.id, assignees=assignees, due_date=due.isoformat()
                ),
                self.tr("“{title}” was assigned to {names}, due {date}.").format(
                    title=topic.title, names=names, date=iso(due)
                ),
            )

        dialog.accepted.connect(assign)
        load_editors(self._session, snapshot, topic.channel_id, dialog.set_editors)
        dialog.open()

    def return_selected(self) -> None:
        allowed = self._allowed(self.return_button)
        if allowed is None:
            return
        topic, snapshot = allowed
        dialog = ReturnDialog(topic.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._apply(
                self._session.mutation(Kind.PROPOSAL_RETURN, topic.id, reason=dialog.reason()),
                self.tr("“{title}” was returned to {name}, who will see your reason.").format(
                    title=topic.title, name=snapshot.name(topic.proposer_id)
                ),
            )
        )
        dialog.open()

    def delete_selected(self) -> None:
        allowed = self._allowed(self.delete_button)
        if allowed is None:
            return
        topic, _ = allowed
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete topic"))
        box.setText(self.tr("Delete “{title}”?").format(title=topic.title))
        box.setInformativeText(
            self.tr("It leaves the topic library. You can restore it later with “Show deleted”.")
        )
        confirm = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is confirm:
                self._apply(
                    self._session.mutation(
                        Kind.PROPOSAL_DELETE, topic.id, base_version=topic.row_version
                    ),
                    self.tr("“{title}” was deleted. Tick “Show deleted” to restore it.").format(
                        title=topic.title
                    ),
                )

        box.finished.connect(answered)
        box.open()

    def restore_selected(self) -> None:
        allowed = self._allowed(self.restore_button)
        if allowed is None:
            return
        topic, _ = allowed
        self._apply(
            self._session.mutation(Kind.PROPOSAL_RESTORE, topic.id),
            self.tr("“{title}” was restored.").format(title=topic.title),
        )

    def _open_details(self, index: QModelIndex) -> None:
        if not index.isValid() or self._snapshot is None:
            return
        row = self._model.topic_row(self._filter.mapToSource(index).row())
        article = next(
            (
                card.article
                for card in self._snapshot.cards
                if card.article is not None and card.article.id == row.topic.article_id
            ),
            None,
        )
        dialog = TopicDetails(
            self._snapshot, row.topic, article, self, blobs=self._session.workspace.blobs
        )
        dialog.open_article.connect(self.open_article)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
