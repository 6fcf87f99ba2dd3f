"""A newer desktop release the sync server announces, shown quietly: a status-bar button and a
Help menu entry opening the notes and the installer's address; nothing is downloaded, and a
dismissed release stays hidden until a newer one is announced."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from newsdesk import __version__
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync.client import State
from newsdesk.sync.protocol import DesktopRelease
from newsdesk.ui.jobs import Runner
from newsdesk.ui.pages import build_pages
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow
from newsdesk.ui.shell.release_notice import ReleaseDialog
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController
from tests.sync.conftest import LiveServer, seed
from tests.sync.desks import Desk
from tests.ui.conftest import until

SHOTS = Path("/tmp/newsdesk-shots")
INSTALLER = "https://it.branch.example/newsdesk-999.1.0.msi"


@dataclass
class Synced:
    window: MainWindow
    settings: QSettings


@pytest.fixture
def synced_window(
    qtbot: QtBot, tmp_path: Path, run: Any, request: pytest.FixtureRequest, chinese: None
) -> Iterator[Synced]:
    """The main window of a synced workspace, in Chinese, after one round against a server
    announcing the release ``request.param``."""
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    seed(engine)
    release = DesktopRelease(
        version=request.param,
        installer_url=INSTALLER,
        notes="稿件列表更快；\n审核意见可以引用原文。",
    )
    with LiveServer(engine, latest_desktop=release) as live:
        desk = Desk(tmp_path / "desk", live.url, "editor")
        desk.close()
        workspace = Workspace.open(tmp_path / "desk")
        runner = Runner()
        session = Session.sign_in(workspace, desk.user_id, runner)
        sync = SyncController(session)
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        pages = build_pages(session, SnapshotStore(session), settings, sync)
        window = MainWindow(session, pages.sidebar, settings, "desk", server=live.url)
        qtbot.addWidget(window)
        sync.status.connect(lambda status: window.show_sync(status, live.url))
        window.resize(1280, 800)
        window.show()

        async def flow() -> None:
            sync.start(live.url)
            await until(lambda: sync.last.state is State.ONLINE)

        try:
            run(flow())
            yield Synced(window, settings)
        finally:
            sync.shutdown()
            run(asyncio.sleep(0.05))  # the cancelled sync loop ends on the event loop
            runner.shutdown()
            workspace.close()
    engine.dispose()


class Browser(QObject):
    """Stands where the system's browser would: Qt hands it the addresses it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.mark.parametrize("synced_window", ["999.1.0"], indirect=True)
def test_a_newer_release_is_noticed_quietly_and_opens_only_on_a_click(
    qtbot: QtBot, synced_window: Synced
) -> None:
    window = synced_window.window
    button, action = window.release_button, window.release_action
    assert button.isVisible() and button.text() == "有新版本 999.1.0…"
    assert action.isVisible() and action.text() == "有新版本 999.1.0…"
    assert window.findChild(ReleaseDialog) is None  # nothing pops up by itself
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "release-notice.png"))
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        button.click()
        dialog = window.findChild(ReleaseDialog)
        assert isinstance(dialog, ReleaseDialog)
        qtbot.waitExposed(dialog)
        assert "采编台 999.1.0" in dialog.windowTitle() and __version__ in dialog.text()
        assert INSTALLER in dialog.text()
        assert "审核意见可以引用原文" in dialog.informativeText()
        dialog.grab().save(str(SHOTS / "release-dialog.png"))
        assert browser.opened == []
        dialog.download.click()
        assert browser.opened == [INSTALLER]
    finally:
        QDesktopServices.unsetUrlHandler("https")


@pytest.mark.parametrize("synced_window", ["999.1.0"], indirect=True)
def test_a_dismissed_release_stays_hidden_until_a_newer_one(synced_window: Synced) -> None:
    window = synced_window.window
    window.release_action.trigger()
    dialog = window.findChild(ReleaseDialog)
    assert isinstance(dialog, ReleaseDialog)
    dialog.dismiss.click()
    assert not window.release_button.isVisible() and not window.release_action.isVisible()
    assert synced_window.settings.value("updates/dismissed") == "999.1.0"
    window.notice_release(DesktopRelease(version="999.1.0", installer_url=INSTALLER))
    assert not window.release_button.isVisible()
    window.notice_release(DesktopRelease(version="999.2.0", installer_url=INSTALLER))
    assert window.release_button.isVisible()
    assert window.release_button.text() == "有新版本 999.2.0…"


@pytest.mark.parametrize("synced_window", [__version__, "0.0.1"], indirect=True)
def test_the_same_or_an_older_release_is_not_mentioned(synced_window: Synced) -> None:
    window = synced_window.window
    assert window.connection_label.text() == "在线"
    assert not window.release_button.isVisible() and not window.release_action.isVisible()


def test_the_branch_s_page_of_new_versions_is_offered_with_the_notice_and_in_help(
    qtbot: QtBot, tmp_path: Path, chinese: None
) -> None:
    """The branch preset's ``updates`` page: named in the release dialog with a button of its
    own, and in the Help menu even when the server announces nothing; opened only on a click."""
    page = "https://it.branch.example/newsdesk"
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    release = DesktopRelease(version="999.1.0", installer_url=INSTALLER, notes="更快。")
    dialog = ReleaseDialog(release, settings, parent, updates=page)
    assert dialog.informativeText() == f"更快。\n\n本分社在 {page} 提供各版本。"
    assert dialog.branch_page.text() == "打开本分社的页面"
    plain = ReleaseDialog(release, settings, parent)
    assert plain.informativeText() == "更快。" and plain.branch_page.isHidden()
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        dialog.show()
        qtbot.waitExposed(dialog)
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "release-dialog-branch-page.png"))
        assert browser.opened == []
        dialog.branch_page.click()
        assert browser.opened == [page]
    finally:
        QDesktopServices.unsetUrlHandler("https")
