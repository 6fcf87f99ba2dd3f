"""The desktop as one person uses it: the real composition root, the real pages, wired."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.core.model import ArticleState
from newsdesk.publish.publisher import PublishingSettings, save_settings
from newsdesk.store.store import WrongThreadError
from newsdesk.store.workspace import Workspace
from newsdesk.ui.app import Desktop
from newsdesk.ui.collector import MainThreadCollector
from newsdesk.ui.editor.articles_page import ArticlesPage
from newsdesk.ui.jobs import Job
from newsdesk.ui.proposals.tasks_page import TasksPage
from newsdesk.ui.published.page import PublishedPage
from tests.publish.receiver import Receiver, serve


def _args(folder: Path, user: str) -> argparse.Namespace:
    return argparse.Namespace(
        workspace=str(folder), user=user, smoke=False, page="tasks", screenshot=None, article=None
    )


def open_desktop(
    qtbot: QtBot,
    qapp: QApplication,
    folder: Path,
    settings_file: Path,
    login: str,
    collector: MainThreadCollector | None = None,
) -> Desktop:
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    made = Desktop(qapp, _args(folder, login), settings, collector)
    made.start()
    qtbot.waitUntil(lambda: made.window is not None)
    return made


def close_desktop(qtbot: QtBot, made: Desktop) -> None:
    """Close the window as the user does (the pages save first) and shut down."""
    window = made.window
    if window is not None:
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    made.shutdown()


@pytest.fixture
def desktop(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> Iterator[Desktop]:
    made = open_desktop(qtbot, qapp, workspace.folder, tmp_path / "settings.ini", "wangfang")
    yield made
    close_desktop(qtbot, made)


@pytest.mark.usefixtures("english")
def test_start_writing_in_my_tasks_opens_the_editor_on_the_new_article(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    assert window is not None
    tasks = window.page("tasks")
    articles = window.page("articles")
    assert isinstance(tasks, TasksPage) and isinstance(articles, ArticlesPage)
    qtbot.waitUntil(lambda: tasks.model.rowCount() > 0)
    row = next(
        r
        for r in range(tasks.model.rowCount())
        if tasks.model.task(r).article is None and tasks.model.task(r).topic.state == "assigned"
    )
    title = tasks.model.task(row).topic.title
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() != "My tasks")
    assert window.sidebar.item(1).text().split()[-1].isdigit()  # what waits on me is counted
    tasks.view.selectRow(row)
    tasks.start_button.click()
    qtbot.waitUntil(lambda: window.current_page == "articles", timeout=5_000)
    qtbot.waitUntil(lambda: bool(articles.editors()), timeout=5_000)
    editor = articles.editors()[-1]
    qtbot.waitUntil(lambda: editor.metadata.title_edit.text() == title, timeout=5_000)
    assert editor.editable
    assert editor.metadata.summary_edit.toPlainText() == ""  # never the internal angle
    assert "later version" not in tasks.message_bar.text


@pytest.mark.usefixtures("english")
def test_a_failing_background_job_shows_what_failed_and_what_to_do(
    qtbot: QtBot, desktop: Desktop
) -> None:
    def fail() -> None:
        raise OSError(28, "No space left on device")

    Job(fail).run(desktop.runner)

    def shown() -> QMessageBox | None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return next((b for b in boxes if b.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=5_000)
    box = shown()
    assert box is not None
    assert "No space left on device" in box.informativeText()
    assert "Try again" in box.informativeText()
    box.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from serve(0)


def _visible_error_box() -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    return next((b for b in boxes if b.isVisible()), None)


def test_only_the_database_thread_touches_the_desktops_workspace(
    qtbot: QtBot, desktop: Desktop
) -> None:
    workspace = desktop.workspace
    assert workspace is not None
    with pytest.raises(WrongThreadError, match="not on the database thread"):
        workspace.store.setting("sync.server")  # the UI thread, straight to the database
    read: list[str | None] = []
    Job(lambda: workspace.store.setting("sync.server")).success(read.append).run(desktop.runner)
    qtbot.waitUntil(lambda: len(read) == 1)


@pytest.mark.usefixtures("english")
def test_publishing_and_retrying_a_delivery_keep_the_database_on_its_thread(
    qtbot: QtBot,
    qapp: QApplication,
    workspace: Workspace,
    tmp_path: Path,
    receiver: Receiver,
) -> None:
    """The publisher's morning through the real desktop, its database confined to the
    database thread: a republish whose APP endpoint is down, then the retry once it is back.
    Any database work on the UI or the publishing thread would fail the job and say so."""
    receiver.failures = -1
    save_settings(workspace, PublishingSettings(endpoints={"app": receiver.url}))
    made = open_desktop(qtbot, qapp, workspace.folder, tmp_path / "settings.ini", "publisher")
    try:
        window = made.window
        assert window is not None
        window.show_page("published")
        page = window.page("published")
        assert isinstance(page, PublishedPage)
        page.publishing.attempts, page.publishing.backoff = 2, 0.01
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
        row = next(
            r
            for r, item in enumerate(page.model.items)
            if item.article.state == ArticleState.PUBLISHED
        )
        page.table.setCurrentIndex(page.sorted.mapFromSource(page.model.index(row, 0)))
        page.republish_button.click()
        qtbot.waitUntil(lambda: page.retry_button.isVisible(), timeout=20_000)
        assert "did not arrive" in page.message_bar.text
        receiver.failures = 0
        page.retry_button.click()
        qtbot.waitUntil(lambda: not page.retry_button.isVisible(), timeout=20_000)
        assert page.message_bar.text == "Every waiting file was delivered."
        assert receiver.stored
        assert _visible_error_box() is None
    finally:
        close_desktop(qtbot, made)
