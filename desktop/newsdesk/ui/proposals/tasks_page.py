""" "My tasks" (我的任务): the topics assigned to the signed-in user, and starting to write one.

Starting creates the topic's article (``topic.start``) and opens it in the editor
(``open_article``). The page counts what waits on the user (``count_changed``): assignments not
started and work that came back.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.board import Snapshot
from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Kind
from newsdesk.core.proposals import may_start
from newsdesk.store.apply import Applied
from newsdesk.store.needs_me import NeedsMe, needs_me
from newsdesk.ui.i18n import translated
from newsdesk.ui.proposals.details import TopicDetails
from newsdesk.ui.proposals.tasks_model import Task, TasksModel, tasks_of
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.deferred import UntilShown
from newsdesk.ui.widgets.fields import alive, heading, muted
from newsdesk.ui.widgets.message_bar import MessageBar
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.views import EmptyState, PlaceholderTableView, fit_columns


class TasksPage(QWidget):
    """The signed-in user's assignments, open ones first by due date."""

    open_article = Signal(str)  # the article to open in the editor
    count_changed = Signal(int)  # assignments to start and work sent back

    def __init__(
        self, session: Session, snapshots: SnapshotStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tasks")
        self._session = session
        self._snapshots = snapshots  # kept alive with the page
        self._snapshot: Snapshot | None = None
        self._needs: NeedsMe | None = None
        self._model = TasksModel(self)
        self.view = PlaceholderTableView()
        self.view.setAccessibleName(self.tr("My tasks"))
        self.view.setModel(self._model)
        self.view.set_placeholder(self.tr("Loading your tasks…"))
        self.empty = EmptyState(
            self.tr("You have no tasks"),
            self.tr(
                "When a channel chief assigns a topic to you, it appears here with its due date, "
                "and you can start writing it."
            ),
        )
        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty)
        self.view.doubleClicked.connect(self._open_details)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        self.summary = muted(QLabel())
        self.start_button = QPushButton(self.tr("Start writing"))
        self.details_button = QPushButton(self.tr("Details…"))
        self.start_button.clicked.connect(self.start_writing)
        self.details_button.clicked.connect(lambda: self._open_details(self.view.currentIndex()))
        self.message_bar = MessageBar(self)

        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = heading(self.tr("My tasks"), 1.5)
        title.setObjectName("pageTitle")
        titles.addWidget(title)
        titles.addWidget(self.summary)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addWidget(self._stack, 1)

        self._until_shown = UntilShown(self, self._show)
        snapshots.updated.connect(self._until_shown.offer)
        if snapshots.current is not None:
            self._until_shown.offer(snapshots.current)
        else:
            self._update_actions()

    @property
    def model(self) -> TasksModel:
        return self._model

    def _show(self, snapshot: Snapshot) -> None:
        selected = self._selected()
        self._snapshot = snapshot
        tasks = tasks_of(snapshot, self._session.user.id)
        self._needs = needs_me(snapshot, self._session.actor)
        self.count_changed.emit(self._needs.tasks)
        self._model.set_tasks(tasks)
        fit_columns(self.view, self._model, TasksModel.TITLE)
        self._stack.setCurrentWidget(self.view if tasks else self.empty)
        self.start_button.setVisible(bool(tasks))
        self.details_button.setVisible(bool(tasks))
        row = self._model.row_of(selected.topic.id) if selected else None
        if row is not None:
            self.view.selectRow(row)
        self._summarise(tasks)
        self._update_actions()

    def _summarise(self, tasks: list[Task]) -> None:
        today = dt.date.today()
        still_open = sum(1 for t in tasks if not t.finished)
        overdue = sum(1 for t in tasks if t.overdue(today))
        parts = [self.tr("Open: {count}").format(count=still_open)] if tasks else []
        if overdue:
            parts.append(self.tr("Overdue: {count}").format(count=overdue))
        needs = self._needs
        if needs is not None and needs.assigned:
            parts.append(self.tr("To start: {count}").format(count=needs.assigned))
        if needs is not None and needs.returned:
            parts.append(self.tr("Returned to you: {count}").format(count=needs.returned))
        if needs is not None and needs.to_review:
            parts.append(self.tr("Waiting on your review: {count}").format(count=needs.to_review))
        self.summary.setText(" · ".join(parts))

    def _selected(self) -> Task | None:
        rows = self.view.selectionModel().selectedRows()
        return self._model.task(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        task = self._selected()
        self.details_button.setEnabled(task is not None)
        if task is None:
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr("Select a task first."))
            return
        refusal = may_start(self._session.actor, task.topic)
        self.start_button.setEnabled(refusal is None)
        self.start_button.setToolTip(
            translated(refusal.message)
            if refusal
            else self.tr("Create the article for this topic and start writing it.")
        )

    def start_writing(self) -> None:
        """Start the selected topic: its article is created, the topic is in progress."""
        task = self._selected()
        if task is None or may_start(self._session.actor, task.topic) is not None:
            return
        self.start_button.setEnabled(False)
        article_id = new_id()
        mutation = self._session.mutation(Kind.TOPIC_START, task.topic.id, article_id=article_id)
        self._session.apply(
            [mutation], lambda applied: self._started(task, article_id, applied), initiator=self
        )

    def _started(self, task: Task, article_id: str, applied: list[Applied]) -> None:
        if not alive(self):
            return
        report(
            self.message_bar,
            applied,
            self.tr("Writing has started: “{title}” is open in the editor.").format(
                title=task.topic.title
            ),
        )
        if applied and applied[0].accepted:
            self.open_article.emit(article_id)
        self._update_actions()

    def _open_details(self, index: QModelIndex) -> None:
        if not index.isValid() or self._snapshot is None:
            return
        task = self._model.task(index.row())
        dialog = TopicDetails(
            self._snapshot, task.topic, task.article, self, blobs=self._session.workspace.blobs
        )
        dialog.open_article.connect(self.open_article)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
