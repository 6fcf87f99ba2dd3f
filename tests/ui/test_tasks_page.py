"""My tasks: assignments made in the topic library reach the assignee, who starts writing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from newsdesk.core.model import ArticleState, ProposalState
from newsdesk.store.workspace import Workspace
from newsdesk.ui.proposals.details import TopicDetails
from newsdesk.ui.proposals.dialogs import AssignDialog
from newsdesk.ui.proposals.tasks_model import TasksModel
from newsdesk.ui.proposals.tasks_page import TasksPage
from newsdesk.ui.proposals.topics_page import TopicsPage
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore

pytestmark = pytest.mark.usefixtures("english")
LIBRARY_TOPIC = "退休“一件事”办事指南"  # selected, not yet assigned, in 政务服务


def page_for(qtbot: QtBot, session: Session) -> TasksPage:
    return page_and_store(qtbot, session)[0]


def page_and_store(qtbot: QtBot, session: Session) -> tuple[TasksPage, SnapshotStore]:
    snapshots = SnapshotStore(session)
    page = TasksPage(session, snapshots)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    snapshots.reload()
    qtbot.waitUntil(lambda: snapshots.current is not None)
    return page, snapshots


def titles(page: TasksPage) -> list[str]:
    model = page.model
    return [model.task(row).topic.title for row in range(model.rowCount())]


def row_of(page: TasksPage, title: str) -> int:
    return titles(page).index(title)


def assign_in_library(qtbot: QtBot, chief: Session, title: str, login: str) -> None:
    """The chief assigns ``title`` to ``login`` through the topic library's Assign dialog."""
    snapshots = SnapshotStore(chief)
    library = TopicsPage(chief, snapshots)
    qtbot.addWidget(library)
    library.show()
    snapshots.reload()
    qtbot.waitUntil(lambda: snapshots.current is not None)
    topic = next(t for t in snapshots.current.topics if t.title == title)  # type: ignore[union-attr]
    assert library.select(topic.id)
    qtbot.mouseClick(library.assign_button, Qt.MouseButton.LeftButton)
    dialog = library.findChild(AssignDialog)
    assert dialog is not None
    model = dialog.editor_list.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    logins = [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    name = dialog.editor_list.visualRect(model.index(logins.index(login), 0))
    click = QPoint(name.right() - 8, name.center().y())  # on the name, beside the check box
    qtbot.mouseClick(dialog.editor_list.viewport(), Qt.MouseButton.LeftButton, pos=click)
    dialog.due_edit.setDate(QDate.currentDate().addDays(5))
    with qtbot.waitSignal(snapshots.updated):  # the library shows the assignment
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "was assigned to" in library.message_bar.text


def test_an_assignment_appears_in_the_assignees_tasks(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    chief, editor = sign_in("chief"), sign_in("editor")
    page, snapshots = page_and_store(qtbot, editor)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert LIBRARY_TOPIC not in titles(page)

    assign_in_library(qtbot, chief, LIBRARY_TOPIC, "editor")
    snapshots.reload()  # what a sync, or the Refresh command, does
    qtbot.waitUntil(lambda: LIBRARY_TOPIC in titles(page))
    row = row_of(page, LIBRARY_TOPIC)
    due = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    model = page.model
    assert model.index(row, TasksModel.DUE).data() == due
    assert model.index(row, TasksModel.STATE).data() == "Assigned"
    assert model.index(row, TasksModel.ASSIGNED_BY).data() == "刘建华"
    assert model.index(row, TasksModel.CHANNEL).data() == "政务服务"


def test_start_writing_creates_the_article_and_opens_it(
    qtbot: QtBot, sign_in: Callable[[str], Session], workspace: Workspace
) -> None:
    chief, editor = sign_in("chief"), sign_in("editor")
    assign_in_library(qtbot, chief, LIBRARY_TOPIC, "editor")
    page = page_for(qtbot, editor)
    qtbot.waitUntil(lambda: LIBRARY_TOPIC in titles(page))
    topic = page.model.task(row_of(page, LIBRARY_TOPIC)).topic

    page.view.selectRow(row_of(page, LIBRARY_TOPIC))
    assert page.start_button.isEnabled()
    with qtbot.waitSignal(page.open_article, timeout=5_000) as opened:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "open in the editor" in page.message_bar.text
    with workspace.store.world() as world:
        started = world.proposal(topic.id)
        assert started is not None and started.state == ProposalState.IN_PROGRESS
        article = world.article(started.article_id or "")
    assert article is not None and opened.args == [article.id]
    assert (article.topic_id, article.owner_id, article.title, article.state) == (
        topic.id,
        editor.user.id,
        LIBRARY_TOPIC,
        ArticleState.DRAFT,
    )
    qtbot.waitUntil(
        lambda: page.model.index(row_of(page, LIBRARY_TOPIC), TasksModel.STATE).data() == "Writing"
    )
    page.view.selectRow(row_of(page, LIBRARY_TOPIC))
    assert not page.start_button.isEnabled()
    assert "not yet started" in page.start_button.toolTip()


def test_double_clicking_a_started_task_shows_its_details(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    page = page_for(qtbot, sign_in("wangfang"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    row = next(r for r in range(page.model.rowCount()) if page.model.task(r).article is not None)
    index = page.model.index(row, TasksModel.TITLE)
    centre = page.view.visualRect(index).center()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    details = page.findChild(TopicDetails)
    assert details is not None and details.isVisible()


def test_overdue_tasks_come_first_in_red(qtbot: QtBot, sign_in: Callable[[str], Session]) -> None:
    page = page_for(qtbot, sign_in("wangfang"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    today = dt.date.today()
    tasks = [page.model.task(r) for r in range(page.model.rowCount())]
    open_dues = [t.topic.due_date for t in tasks if not t.finished]
    assert open_dues == sorted(open_dues)  # type: ignore[type-var]
    overdue = [r for r, t in enumerate(tasks) if t.overdue(today)]
    assert overdue, "the demo has an overdue assignment for 王芳"
    colour = page.model.index(overdue[0], TasksModel.DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QBrush) and colour.color().red() > 150
    assert f"Overdue: {len(overdue)}" in page.summary.text()


def test_someone_without_tasks_is_told_so_plainly(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    page = page_for(qtbot, sign_in("chief"))
    qtbot.waitUntil(page.empty.isVisible)
    assert page.empty.title.text() == "You have no tasks"
    assert not page.start_button.isEnabled()


def test_the_tasks_model_is_a_proper_qt_model(
    qtbot: QtBot, sign_in: Callable[[str], Session], qtmodeltester: object
) -> None:
    page = page_for(qtbot, sign_in("wangfang"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
