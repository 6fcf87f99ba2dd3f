"""The desktop's sync screens against the real service on 127.0.0.1: connecting a workspace,
the status bar, the Sync page with a refused approval, and merging a conflict.

Network work runs on asyncio under qasync, as in the application: each test drives the widgets
from a coroutine run by a qasync loop and waits with ``asyncio.sleep``, never a blocking wait.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.core.mutation import Kind
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync import admin
from newsdesk.sync.client import SyncClient, SyncError
from newsdesk.sync.replica import Replica
from newsdesk.sync.status import State
from newsdesk.ui.app import Desktop
from newsdesk.ui.editor.merge import MergeDialog
from newsdesk.ui.jobs import Runner
from newsdesk.ui.pages import build_pages
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.connect import ConnectDialog, PasswordDialog
from newsdesk.ui.sync.controller import SyncController
from newsdesk.ui.sync.page import SyncPage
from tests.sync.conftest import PASSWORD, LiveServer, Newsroom, keys, seed
from tests.sync.desks import Desk, disk_fails_once, server_view
from tests.ui.conftest import until
from tests.ui.test_desktop_day import close_desktop

SHOTS = Path("/tmp/newsdesk-shots")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[LiveServer, Newsroom]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    room = seed(engine)
    with LiveServer(engine) as live:
        yield live, room
    engine.dispose()


def test_connecting_pulls_the_newsroom_and_checks_the_input(
    qtbot: QtBot, tmp_path: Path, server: tuple[LiveServer, Newsroom], run: Any, english: None
) -> None:
    live, _ = server
    dialog = ConnectDialog(tmp_path / "newsroom")
    qtbot.addWidget(dialog)
    dialog.show()
    connected: list[tuple[Path, str]] = []
    dialog.connected.connect(lambda folder, user: connected.append((folder, user)))

    async def flow() -> None:
        dialog.server.setText("newsdesk.example")
        dialog.connect_button.click()
        assert "http://" in dialog.problem.text()
        dialog.server.setText(live.url)
        dialog.login.setText("editor")
        dialog.password.setText("wrong password")
        dialog.connect_button.click()
        await until(lambda: "Wrong login or password" in dialog.problem.text())
        assert dialog.connect_button.isEnabled()
        dialog.password.setText(PASSWORD)
        dialog.connect_button.click()
        await until(lambda: bool(connected))

    run(flow())
    folder, user_id = connected[0]
    with Workspace.open(folder) as workspace, workspace.store.world() as world:
        me = world.user(user_id)
        assert me is not None and me.login == "editor"
        assert world.channel_by_name("新闻") is not None


def test_the_status_bar_and_the_sync_page_show_a_refused_approval_and_a_merge(
    qtbot: QtBot,
    tmp_path: Path,
    server: tuple[LiveServer, Newsroom],
    run: Any,
    english: None,
) -> None:
    live, room = server
    editor = Desk(tmp_path / "a", live.url, "editor")
    laptop = Desk(tmp_path / "b", live.url, "editor")
    article = editor.write(room.news, body="<p>原文</p>")
    other = editor.write(room.news, "将被提交")
    editor.sync()
    laptop.sync()
    base = {"body_html": "<p>原文</p>"}
    editor.must(Kind.ARTICLE_EDIT, article, body_html="<p>他们的</p>", base=base)
    editor.submit(other)
    editor.sync()
    laptop.must(Kind.ARTICLE_EDIT, article, body_html="<p>我的</p>", base=base)
    laptop.must(Kind.ARTICLE_EDIT, other, title="离线改名")  # refused: it is under review now
    laptop.close()
    editor.close()

    workspace = Workspace.open(tmp_path / "b")
    runner = Runner()
    session = Session.sign_in(workspace, laptop.user_id, runner)
    snapshots = SnapshotStore(session)
    sync = SyncController(session)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        session, build_pages(session, snapshots, settings, sync).sidebar, settings, "b"
    )
    qtbot.addWidget(window)
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    page.count_changed.connect(lambda count: window.set_count("sync", count))
    sync.status.connect(lambda status: window.show_sync(status, live.url))
    window.resize(1280, 800)
    window.show()
    window.show_page("sync")

    async def flow() -> None:
        sync.start(live.url)
        await until(lambda: sync.last.state is State.ONLINE and sync.last.pending == 0)
        await until(lambda: page.merges.topLevelItemCount() == 1)
        assert window.connection_label.text() == "Online"
        assert window.sync_label.text().startswith("Last sync:")
        await until(lambda: page.refused.topLevelItemCount() == 1)
        reason = page.refused.topLevelItem(0).text(3)
        assert "under review" in reason
        sync_row = next(i for i, p in enumerate(window.pages) if p.name == "sync")
        assert window.sidebar.item(sync_row).text().endswith("2")
        SHOTS.mkdir(exist_ok=True)
        window.grab().save(str(SHOTS / "sync-page.png"))
        dialog = page.merge_selected()
        assert isinstance(dialog, MergeDialog)
        await until(lambda: dialog.buttons.isEnabled())
        assert dialog.differing() == ["body_html"]
        dialog.grab().save(str(SHOTS / "sync-merge.png"))
        dialog.choose("body_html", mine=True)
        dialog.body_result.setPlainText("他们的\n我的")
        dialog.save()
        await until(lambda: not dialog.isVisible())
        await until(lambda: page.merges.topLevelItemCount() == 0)
        await until(lambda: sync.last.state is State.ONLINE and sync.last.pending == 0)

    try:
        run(flow())
        with workspace.store.world() as world:
            merged = world.article(article)
        assert merged is not None
        assert merged.body_html == "<p>他们的</p><p>我的</p>"
        assert merged.merge_revision_id is None
    finally:
        sync.shutdown()
        runner.shutdown()
        workspace.close()


def test_an_expired_sign_in_asks_for_the_password_and_syncing_resumes(
    qtbot: QtBot, tmp_path: Path, server: tuple[LiveServer, Newsroom], run: Any, english: None
) -> None:
    live, room = server
    desk = Desk(tmp_path / "desk", live.url, "editor")
    token = desk.workspace.store.setting("sync.token")
    httpx.post(f"{live.url}/v1/auth/logout", headers={"Authorization": f"Bearer {token}"})
    article = desk.write(room.news, "登录过期时写的")
    desk.close()
    workspace = Workspace.open(tmp_path / "desk")
    runner = Runner()
    session = Session.sign_in(workspace, desk.user_id, runner)
    sync = SyncController(session)

    async def flow() -> None:
        sync.start(live.url)
        await until(lambda: sync.last.state is State.SIGN_IN)
        await until(lambda: _password_dialog() is not None)
        dialog = _password_dialog()
        assert dialog is not None
        dialog.password.setText("wrong")
        dialog.buttons.accepted.emit()
        await until(lambda: "Wrong login or password" in dialog.problem.text())
        dialog.password.setText(PASSWORD)
        dialog.buttons.accepted.emit()
        await until(lambda: sync.last.state is State.ONLINE and sync.last.pending == 0)

    try:
        run(flow())
        seen = server_view(live.url, "editor")
        assert ("articles", article) in seen
    finally:
        sync.shutdown()
        runner.shutdown()
        workspace.close()


def _password_dialog() -> PasswordDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PasswordDialog)]
    return next((w for w in found if w.isVisible()), None)


def test_a_restored_server_is_noticed_and_given_back_its_losses_when_the_user_agrees(
    qtbot: QtBot, tmp_path: Path, server: tuple[LiveServer, Newsroom], run: Any, english: None
) -> None:
    live, room = server
    desk = Desk(tmp_path / "desk", live.url, "editor")
    admin.backup(live.engine, keys(), tmp_path / "backup.jsonl.gz")
    lost = desk.write(room.news, "备份之后写的")
    desk.sync()
    desk.close()
    restored_engine = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    admin.restore(restored_engine, keys(), tmp_path / "backup.jsonl.gz")
    workspace = Workspace.open(tmp_path / "desk")
    runner = Runner()
    session = Session.sign_in(workspace, desk.user_id, runner)
    sync = SyncController(session)

    def question() -> QMessageBox | None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return next((b for b in boxes if b.isVisible()), None)

    with LiveServer(restored_engine) as restored:

        async def flow() -> None:
            sync.start(restored.url)
            await until(lambda: sync.last.state is State.RESTORED)
            await until(lambda: question() is not None)
            box = question()
            assert box is not None and "restored" in box.text()
            not_now = next(b for b in box.buttons() if b.text() == "Not now")
            not_now.click()
            await until(lambda: question() is None)
            assert sync.last.state is State.RESTORED
            assert ("articles", lost) not in server_view(restored.url, "editor")
            sync.sync_now()  # "Not now" keeps syncing paused; the next sync asks again
            await until(lambda: question() is not None)
            box = question()
            assert box is not None
            push_again = next(b for b in box.buttons() if b.text() == "Push again")
            push_again.click()
            await until(lambda: sync.last.state is State.ONLINE and sync.last.pending == 0)

        try:
            run(flow())
            assert ("articles", lost) in server_view(restored.url, "editor")
        finally:
            sync.shutdown()
            runner.shutdown()
            workspace.close()
            restored_engine.dispose()


def test_an_unencrypted_address_on_the_network_is_refused_unless_allowed(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    dialog = ConnectDialog(tmp_path / "newsroom")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.login.setText("editor")
    dialog.password.setText(PASSWORD)
    dialog.server.setText("http://10.20.30.40:8765")
    assert dialog.plain_http.isVisible()
    problem = dialog.problem_with_input()
    assert problem is not None and "not encrypted" in problem
    dialog.plain_http.setChecked(True)
    assert dialog.problem_with_input() is None
    dialog.server.setText("https://newsdesk.example.cn")
    assert not dialog.plain_http.isVisible() and dialog.problem_with_input() is None
    dialog.server.setText("http://127.0.0.1:8765")  # this computer: nothing crosses a network
    assert not dialog.plain_http.isVisible()


def test_the_client_itself_will_not_send_in_clear_text_to_another_machine(
    tmp_path: Path,
) -> None:
    workspace = Workspace.open(tmp_path / "ws", create=True)
    try:
        client = SyncClient(Replica(workspace.store), "http://10.20.30.40:9")

        async def attempt() -> None:
            try:
                await client.sign_in("editor", PASSWORD)
            finally:
                await client.close()

        with pytest.raises(SyncError) as refused:
            asyncio.run(attempt())
        assert "not encrypted" in str(refused.value)
    finally:
        workspace.close()


def test_a_service_needing_a_newer_desktop_pauses_syncing_and_says_so_in_chinese(
    qtbot: QtBot, tmp_path: Path, run: Any, chinese: None
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    room = seed(engine)
    with LiveServer(engine) as live:
        desk = Desk(tmp_path / "desk", live.url, "editor")
    desk.write(room.news, "等待更新时写的")
    desk.close()
    workspace = Workspace.open(tmp_path / "desk")
    runner = Runner()
    session = Session.sign_in(workspace, desk.user_id, runner)
    snapshots = SnapshotStore(session)
    sync = SyncController(session)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        session, build_pages(session, snapshots, settings, sync).sidebar, settings, "desk"
    )
    qtbot.addWidget(window)
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    window.resize(1280, 800)
    window.show()
    window.show_page("sync")
    with LiveServer(engine, min_desktop="999.0") as gated:
        sync.status.connect(lambda status: window.show_sync(status, gated.url))

        async def flow() -> None:
            sync.start(gated.url)
            await until(lambda: sync.last.state is State.UPDATE)

        try:
            run(flow())
            assert window.connection_label.text() == "已暂停：采编台需要更新"
            assert "999.0" in window.connection_label.toolTip()
            assert "信息技术部门" in window.connection_label.toolTip()
            assert page.state.text().startswith(f"已暂停：{gated.url} 需要更新版本的采编台。")
            assert sync.last.pending == 1
            SHOTS.mkdir(exist_ok=True)
            window.grab().save(str(SHOTS / "sync-update-needed.png"))
        finally:
            sync.shutdown()
            runner.shutdown()
            workspace.close()
            engine.dispose()


def test_a_sync_failing_on_this_computer_says_so_in_chinese_and_sync_now_recovers(
    qtbot: QtBot, tmp_path: Path, server: tuple[LiveServer, Newsroom], run: Any, chinese: None
) -> None:
    """The workspace's disk fails one write mid-round: the status bar and the Sync page say the
    problem is on this computer (not that the server is unreachable), with the cause and the
    retry; Sync now then sends what waited."""
    live, room = server
    desk = Desk(tmp_path / "desk", live.url, "editor")
    article = desk.write(room.news, "磁盘出错时写的")
    desk.close()
    workspace = Workspace.open(tmp_path / "desk")
    runner = Runner()
    session = Session.sign_in(workspace, desk.user_id, runner)
    sync = SyncController(session)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        session,
        build_pages(session, SnapshotStore(session), settings, sync).sidebar,
        settings,
        "desk",
    )
    qtbot.addWidget(window)
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    sync.status.connect(lambda status: window.show_sync(status, live.url))
    window.resize(1280, 720)
    window.show()
    window.show_page("sync")

    async def flow() -> None:
        sync.start(live.url)
        await until(lambda: sync.last.state is State.FAILED)
        assert window.connection_label.text() == "未同步：本机出错"
        tip = window.connection_label.toolTip()
        assert "本机同步出错：(sqlite3.OperationalError) disk I/O error" in tip
        assert "秒后重试" in tip
        assert page.state.text().startswith(f"未能与 {live.url} 同步：稍后自动重试")
        assert "本机同步出错" in page.state.text()
        assert window.pending_label.text().startswith("1")
        SHOTS.mkdir(exist_ok=True)
        window.grab().save(str(SHOTS / "sync-failed-here.png"))
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        await until(lambda: sync.last.state is State.ONLINE and sync.last.pending == 0)
        assert window.connection_label.text() != "未同步：本机出错"
        assert "本机同步出错" not in page.state.text()

    try:
        with disk_fails_once(workspace.store.engine) as failed:
            run(flow())
        assert failed
        assert ("articles", article) in server_view(live.url, "editor")
    finally:
        sync.shutdown()
        runner.shutdown()
        workspace.close()


def test_the_real_desktop_opens_a_synced_workspace_and_syncs_from_its_database_thread(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, server: tuple[LiveServer, Newsroom], run: Any
) -> None:
    live, room = server
    desk = Desk(tmp_path / "desk", live.url, "editor")
    article = desk.write(room.news, "桌面同步")
    desk.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    args = argparse.Namespace(
        workspace=str(tmp_path / "desk"),
        user="editor",
        smoke=False,
        page="sync",
        screenshot=None,
        article=None,
    )
    desktop = Desktop(qapp, args, settings)

    async def flow() -> None:
        desktop.start()
        await until(lambda: desktop.sync is not None)
        sync = desktop.sync
        assert sync is not None
        await until(lambda: sync.last.state is State.ONLINE and sync.last.pending == 0)

    try:
        run(flow())
    finally:
        close_desktop(qtbot, desktop)
    assert ("articles", article) in server_view(live.url, "editor")


def test_a_colleague_s_change_arrives_at_once_and_signing_out_ends_the_long_poll(
    qtbot: QtBot, tmp_path: Path, server: tuple[LiveServer, Newsroom], run: Any, english: None
) -> None:
    live, room = server
    heads = live.server.config.app.state.heads
    chief = Desk(tmp_path / "chief", live.url, "chief")
    desk = Desk(tmp_path / "desk", live.url, "editor")
    desk.close()
    workspace = Workspace.open(tmp_path / "desk")
    runner = Runner()
    session = Session.sign_in(workspace, desk.user_id, runner)
    sync = SyncController(session)
    announced: list[frozenset[str]] = []
    session.changed.connect(lambda areas, *_: announced.append(frozenset(areas)))
    article = chief.write(room.news, "频道负责人的稿子")

    async def flow() -> None:
        sync.start(live.url)
        await until(lambda: sync.last.state is State.ONLINE)
        assert sync.loop is not None
        watcher = sync.loop.watcher
        await until(lambda: heads.waiting == 1)
        announced.clear()
        await asyncio.to_thread(chief.sync)
        # Well inside the 5-second poll: the long-poll told the desktop.
        await until(lambda: _has_article(workspace, article), seconds=1.0)
        await until(lambda: bool(announced))
        sync.shutdown()  # what signing out and quitting do
        assert watcher is not None
        await until(lambda: watcher.done())
        await until(lambda: heads.waiting == 0, seconds=5.0)  # the service saw it go

    try:
        run(flow())
    finally:
        sync.shutdown()
        runner.shutdown()
        workspace.close()
        chief.close()


def _has_article(workspace: Workspace, article_id: str) -> bool:
    with workspace.store.world() as world:
        return world.article(article_id) is not None
