"""The Sync problems page: what the server refused, with its reason, the articles whose
concurrent edits wait for a merge, and what arrived that this computer could not read; plus the
connection's state and "Sync now"."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import Article
from newsdesk.core.mutation import Kind
from newsdesk.core.world import Area
from newsdesk.store import reads
from newsdesk.sync.replica import Problem, Replica, SetAside
from newsdesk.sync.status import State, SyncStatus
from newsdesk.ui.editor.merge import MergeDialog
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session
from newsdesk.ui.sync.controller import SyncController
from newsdesk.ui.widgets.fields import heading, muted

WATCHED = frozenset({Area.ARTICLES, Area.PROPOSALS, Area.REVIEWS, Area.PUBLICATIONS})


def kind_text(kind: Kind) -> str:
    """What a mutation did, in a few words."""
    translate = QCoreApplication.translate
    noun, verb = kind.value.split(".")
    nouns = {
        "user": translate("SyncPage", "user"),
        "channel": translate("SyncPage", "channel"),
        "role": translate("SyncPage", "role"),
        "attachment": translate("SyncPage", "attachment"),
        "proposal": translate("SyncPage", "proposal"),
        "topic": translate("SyncPage", "topic"),
        "article": translate("SyncPage", "article"),
        "account": translate("SyncPage", "platform account"),
        "target": translate("SyncPage", "yearly target"),
        "message": translate("SyncPage", "reader message"),
    }
    verbs = {
        "create": translate("SyncPage", "create"),
        "update": translate("SyncPage", "change"),
        "edit": translate("SyncPage", "edit"),
        "merge": translate("SyncPage", "merge"),
        "submit": translate("SyncPage", "submit"),
        "select": translate("SyncPage", "select"),
        "return": translate("SyncPage", "return"),
        "delete": translate("SyncPage", "delete"),
        "restore": translate("SyncPage", "restore"),
        "assign": translate("SyncPage", "assign"),
        "start": translate("SyncPage", "start writing"),
        "withdraw": translate("SyncPage", "withdraw"),
        "review": translate("SyncPage", "review"),
        "sign_off": translate("SyncPage", "sign off"),
        "schedule": translate("SyncPage", "schedule the publication of"),
        "unschedule": translate("SyncPage", "cancel the scheduled publication of"),
        "publish": translate("SyncPage", "publish"),
        "correct": translate("SyncPage", "correct"),
        "retract": translate("SyncPage", "retract"),
        "grant": translate("SyncPage", "grant"),
        "revoke": translate("SyncPage", "revoke"),
        "add": translate("SyncPage", "add"),
        "set_password": translate("SyncPage", "set password"),
        "record_month": translate("SyncPage", "record the month of"),
        "import": translate("SyncPage", "import into"),
        "set": translate("SyncPage", "set"),
        "answer": translate("SyncPage", "answer"),
        "close": translate("SyncPage", "close"),
    }
    return translate("SyncPage", "{verb} {noun}").format(
        verb=verbs.get(verb, verb), noun=nouns.get(noun, noun)
    )


@dataclass(frozen=True)
class ProblemRow:
    problem: Problem
    subject: str  # the title of the article or proposal concerned, if known here


@dataclass(frozen=True)
class Loaded:
    problems: list[ProblemRow]
    merges: list[Article]
    set_aside: list[SetAside]


def load(replica: Replica) -> Loaded:
    problems = replica.problems()
    rows: list[ProblemRow] = []
    with replica.store.engine.connect() as conn:
        titles = reads.titles(conn, [problem.mutation.entity for problem in problems])
    for problem in problems:
        rows.append(ProblemRow(problem, titles.get(problem.mutation.entity, "")))
    return Loaded(rows, replica.needing_merge(), replica.set_aside())


class SyncPage(QWidget):
    count_changed = Signal(int)  # refusals plus merges waiting

    def __init__(self, session: Session, controller: SyncController) -> None:
        super().__init__()
        self.session = session
        self.controller = controller
        self.loaded = Loaded([], [], [])
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.clicked.connect(controller.sync_now)
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        top.addWidget(self.sync_button)
        self.refused = QTreeWidget(self)
        self.refused.setAccessibleName(self.tr("Refused changes"))
        self.refused.setHeaderLabels(
            [self.tr("When"), self.tr("Change"), self.tr("Concerning"), self.tr("Reason")]
        )
        self.refused.setRootIsDecorated(False)
        fit = QHeaderView.ResizeMode.ResizeToContents
        for column in range(3):
            self.refused.header().setSectionResizeMode(column, fit)
        self.refused.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.refused.setWordWrap(True)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setToolTip(
            self.tr("Put the selected refusals away; the change stays refused.")
        )
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.merges = QTreeWidget(self)
        self.merges.setAccessibleName(self.tr("Articles to merge"))
        self.merges.setHeaderLabels([self.tr("Article"), self.tr("Last changed")])
        self.merges.setRootIsDecorated(False)
        self.merges.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.merges.header().setStretchLastSection(False)
        self.merges.itemActivated.connect(lambda _item, _col: self.merge_selected())
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        self.merge_button.clicked.connect(self.merge_selected)
        self.unreadable = QTreeWidget(self)
        self.unreadable.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Reason")])
        self.unreadable.setRootIsDecorated(False)
        self.unreadable.setAccessibleName(self.tr("Rows set aside"))
        for column in range(2):
            self.unreadable.header().setSectionResizeMode(column, fit)
        self.unreadable_title = heading(
            self.tr("Received but not readable here (set aside; the rest of the sync goes on)")
        )
        self.refused_empty = muted(QLabel(self.tr("Nothing was refused."), self))
        self.merges_empty = muted(QLabel(self.tr("No article needs a merge."), self))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sync"), 1.4))
        layout.addLayout(top)
        layout.addWidget(heading(self.tr("Changes the server refused")))
        layout.addWidget(self.refused_empty)
        layout.addWidget(self.refused, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        layout.addLayout(row)
        layout.addWidget(heading(self.tr("Articles that need a merge")))
        layout.addWidget(self.merges_empty)
        layout.addWidget(self.merges, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.merge_button)
        layout.addLayout(row)
        layout.addWidget(self.unreadable_title)
        layout.addWidget(self.unreadable, 1)
        # With both lists empty (hidden), the spare height goes here, not between the lines.
        layout.addStretch(0)
        controller.status.connect(self.show_status)
        session.changed.connect(self._on_changed)
        self.show_status(controller.last)
        self.reload()

    def _on_changed(self, areas: Set[Area], _initiator: object) -> None:
        if areas & WATCHED:
            self.reload()

    def show_status(self, status: SyncStatus) -> None:
        self.sync_button.setEnabled(self.controller.connected)
        self.state.setText(status_text(status, self.controller))
        if status.state in (State.ONLINE, State.OFFLINE, State.FAILED):
            self.reload()

    def reload(self) -> None:
        replica = self.controller.replica
        Job(lambda: load(replica), self).success(self._show).run(self.session.runner)

    def _show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.refused.clear()
        for row in loaded.problems:
            when = row.problem.mutation.at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = translated(row.problem.refusal.message)
            item = QTreeWidgetItem([when, kind_text(row.problem.mutation.kind), row.subject, text])
            item.setToolTip(3, text)
            item.setData(0, Qt.ItemDataRole.UserRole, row.problem.mutation.id)
            self.refused.addTopLevelItem(item)
        self.merges.clear()
        for article in loaded.merges:
            changed = article.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QTreeWidgetItem([article.title, changed])
            item.setData(0, Qt.ItemDataRole.UserRole, article.id)
            self.merges.addTopLevelItem(item)
        self.refused.setVisible(bool(loaded.problems))
        self.refused_empty.setVisible(not loaded.problems)
        self.dismiss_button.setEnabled(bool(loaded.problems))
        self.merges.setVisible(bool(loaded.merges))
        self.merges_empty.setVisible(not loaded.merges)
        self.merge_button.setEnabled(bool(loaded.merges))
        self.unreadable.clear()
        for aside in loaded.set_aside:
            when = aside.at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QTreeWidgetItem([when, f"{aside.table} {aside.key}", aside.reason])
            item.setToolTip(2, aside.reason)
            self.unreadable.addTopLevelItem(item)
        self.unreadable.setVisible(bool(loaded.set_aside))
        self.unreadable_title.setVisible(bool(loaded.set_aside))
        first = self.merges.topLevelItem(0)
        if loaded.merges and first is not None and self.merges.currentItem() is None:
            self.merges.setCurrentItem(first)
        self.count_changed.emit(len(loaded.problems) + len(loaded.merges) + len(loaded.set_aside))

    def dismiss_selected(self) -> None:
        ids = [item.data(0, Qt.ItemDataRole.UserRole) for item in self.refused.selectedItems()]
        if not ids:
            return
        replica = self.controller.replica
        Job(lambda: replica.dismiss(ids), self).success(lambda _: self.reload()).run(
            self.session.runner
        )

    def merge_selected(self) -> MergeDialog | None:
        item = self.merges.currentItem()
        if item is None:
            return None
        article_id = item.data(0, Qt.ItemDataRole.UserRole)
        article = next((a for a in self.loaded.merges if a.id == article_id), None)
        if article is None:
            return None
        dialog = MergeDialog(self.session, article, self)
        dialog.open()
        return dialog


def status_text(status: SyncStatus, controller: SyncController) -> str:
    translate = QCoreApplication.translate
    if not controller.connected:
        return translate(
            "SyncPage",
            "This workspace is not connected to a server: everything stays on this computer.",
        )
    server = controller.client.url if controller.client else ""
    texts = {
        State.ONLINE: translate("SyncPage", "Online with {server}."),
        State.SYNCING: translate("SyncPage", "Syncing with {server}…"),
        State.OFFLINE: translate("SyncPage", "Offline: {server} cannot be reached just now."),
        State.FAILED: translate(
            "SyncPage", "Not synced with {server}: trying again shortly, or choose Sync now."
        ),
        State.SIGN_IN: translate("SyncPage", "{server} asks you to sign in again."),
        State.RESTORED: translate("SyncPage", "{server} was restored from a backup."),
        State.UPDATE: translate(
            "SyncPage", "Paused: {server} needs a newer Newsdesk than this one."
        ),
    }
    text = texts[status.state].format(server=server)
    if status.last_sync is not None:
        text += " " + translate("SyncPage", "Last sync at {time}.").format(
            time=status.last_sync.astimezone().strftime("%H:%M:%S")
        )
    if status.error is not None:
        text += " " + translated(status.error)
    return text
