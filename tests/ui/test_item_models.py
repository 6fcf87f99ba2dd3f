"""Qt's own model tester over the item models not checked with their pages elsewhere: the
archive, a publication history, and the Articles page's list, each filled from the demo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from newsdesk.core.model import ArticleState
from newsdesk.ui.editor.articles_page import ArticlesPage
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from tests.ui.test_published import open_page, select

SignIn = Callable[[str], Session]


def test_the_archive_and_history_models_pass_qts_model_tester(
    qtbot: QtBot, qtmodeltester: Any, sign_in: SignIn
) -> None:
    page = open_page(qtbot, sign_in("publisher"))
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.sorted)
    qtmodeltester.check(page.history)
    select(qtbot, page, ArticleState.PUBLISHED)
    assert page.history.rowCount() > 0
    qtmodeltester.check(page.history)
    with qtbot.waitSignal(page.archive_loaded, timeout=5000):
        page.search.setText("没有这样的稿件标题")
    assert page.model.rowCount() == 0


def test_the_articles_model_passes_qts_model_tester(
    qtbot: QtBot, qtmodeltester: Any, sign_in: SignIn, tmp_path: Any
) -> None:
    session = sign_in("editor")
    snapshots = SnapshotStore(session)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = ArticlesPage(session, snapshots, settings)
    qtbot.addWidget(page)
    page.show()
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    with qtbot.waitSignal(snapshots.updated, timeout=5000):
        snapshots.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    page.search.setText("新")
