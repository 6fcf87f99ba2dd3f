"""The bell, its list and the tray message through real widgets: two desktops of one editor
syncing with the real service on 127.0.0.1, and an @mention completed from pinyin initials
over the demo workspace."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.core.model import Verdict
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.notifications import Event, NoticeKind, Notification, Subject
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync.status import State
from newsdesk.ui.editor.articles_page import ArticlesPage
from newsdesk.ui.jobs import Runner
from newsdesk.ui.notifications import settings as tray_settings
from newsdesk.ui.notifications.bell import Bell, install
from newsdesk.ui.notifications.center import NotificationCenter, TrayAnnouncer
from newsdesk.ui.notifications.settings_dialog import DEFAULT_QUIET, SettingsDialog
from newsdesk.ui.pages import build_pages
from newsdesk.ui.review import ReviewPage
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController
from tests.sync.conftest import Api, LiveServer, Newsroom, seed
from tests.sync.desks import Desk
from tests.ui.conftest import until
from tests.ui.notices import Told, center_of
from tests.ui.test_desktop_day import close_desktop, open_desktop
from tests.ui.test_review import Desk as EditorDesk
from tests.ui.test_review import SignIn, open_page, show, tick_checklist

SHOTS = Path("/tmp/newsdesk-shots")


@dataclass
class Window:
    window: MainWindow
    bell: Bell
    sync: SyncController
    runner: Runner
    workspace: Workspace
    told: Told

    def close(self) -> None:
        self.sync.shutdown()
        self.runner.shutdown()
        self.workspace.close()


def open_window(qtbot: QtBot, folder: Path, user_id: str, name: str) -> Window:
    workspace = Workspace.open(folder)
    runner = Runner()
    session = Session.sign_in(workspace, user_id, runner)
    sync = SyncController(session)
    settings = QSettings(str(folder.parent / f"{name}.ini"), QSettings.Format.IniFormat)
    snapshots = SnapshotStore(session)
    window = MainWindow(
        session, build_pages(session, snapshots, settings, sync).sidebar, settings, name
    )
    qtbot.addWidget(window)
    told = Told()
    bell = install(window, session, settings, told)
    bell.center.reload()
    window.resize(1280, 800)
    return Window(window, bell, sync, runner, workspace, told)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[LiveServer, Newsroom]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    room = seed(engine)
    with LiveServer(engine) as live:
        yield live, room
    engine.dispose()


def test_a_returned_proposal_rings_the_editors_bell_on_both_desktops_and_reading_it_syncs(
    qtbot: QtBot, tmp_path: Path, server: tuple[LiveServer, Newsroom], run: Any, english: None
) -> None:
    live, room = server
    office = Desk(tmp_path / "office", live.url, "editor")
    laptop = Desk(tmp_path / "laptop", live.url, "editor")
    proposal = office.must(
        Kind.PROPOSAL_CREATE, channel_id=room.news, title="城市书房延时开放", angle="采访读者"
    ).mutation.entity
    office.must(Kind.PROPOSAL_SUBMIT, proposal)
    office.sync()
    editor_id = office.user_id
    office.close()
    laptop.close()
    first = open_window(qtbot, tmp_path / "office", editor_id, "office")
    second = open_window(qtbot, tmp_path / "laptop", editor_id, "laptop")
    # The laptop's window is in front; the office's is not, so only it tells the tray.
    first.window.show()
    second.window.show()
    second.window.activateWindow()
    chief = Api(live.url, "chief")

    async def both_online() -> None:
        first.sync.start(live.url)
        second.sync.start(live.url)
        for w in (first, second):
            await until(lambda w=w: w.sync.last.state is State.ONLINE)
        await until(lambda: first.bell.text() == "" and second.bell.text() == "")

    async def the_return_arrives() -> None:
        first.sync.sync_now()
        second.sync.sync_now()
        for w in (first, second):
            await until(lambda w=w: w.bell.unread == 1, seconds=10)
        assert first.bell.text() == "1"
        assert first.bell.accessibleName() == "Notifications: 1 unread"

    async def read_on_the_laptop() -> None:
        second.bell.show_list()
        popup = second.bell.popup
        assert popup.isVisible()
        popup.list.setCurrentIndex(popup.model.index(0))
        notification = popup.current()
        assert notification is not None
        assert notification.event is Event.PROPOSAL_RETURNED
        assert "角度不够新" in popup.model.index(0).data()
        SHOTS.mkdir(exist_ok=True)
        popup.grab().save(str(SHOTS / "notifications-en.png"))
        qtbot.mouseClick(popup.read_button, Qt.MouseButton.LeftButton)
        await until(lambda: second.bell.unread == 0)
        # A round that ended after the click, with nothing left to send: the read reached the
        # service (the status from before the click said 0 pending too).
        before = second.sync.last.last_sync
        second.sync.sync_now()
        await until(lambda: second.sync.last.last_sync != before and second.sync.last.pending == 0)
        first.sync.sync_now()
        await until(lambda: first.bell.unread == 0)

    try:
        run(both_online())
        assert chief.push(
            mutation(room.users["chief"], Kind.PROPOSAL_RETURN, proposal, reason="角度不够新")
        ).is_success
        assert second.window.isActiveWindow() and not first.window.isActiveWindow()
        run(the_return_arrives())
        assert first.told.messages == [
            ("Newsdesk", "Chief returned your proposal “城市书房延时开放”")
        ]
        assert second.told.messages == []  # the window in front says it itself
        run(read_on_the_laptop())
    finally:
        chief.close()
        first.close()
        second.close()


def test_an_at_mention_from_pinyin_initials_notifies_the_colleague(
    qtbot: QtBot, english: None, workspace: Workspace, sign_in: SignIn
) -> None:
    desk = EditorDesk(workspace, sign_in)
    article = desk.write("文化")
    page = open_page(qtbot, sign_in("reviewer1"))
    show(qtbot, page, article)
    tick_checklist(qtbot, page)
    comment = page.decision.comment
    comment.setFocus()
    comment.insertPlainText("导语太长，请 ")
    qtbot.keyClicks(comment, "@lq")
    completer = page.mentions[0]
    qtbot.waitUntil(lambda: completer.popup.isVisible())
    assert completer.model.stringList() == ["李强"]
    qtbot.keyClick(comment, Qt.Key.Key_Return)
    assert comment.toPlainText() == "导语太长，请 @李强 "
    comment.insertPlainText("看看")
    note = page.decision.anchor_note
    qtbot.keyClicks(note, "@ljh")
    qtbot.waitUntil(lambda: page.mentions[1].popup.isVisible())
    assert page.mentions[1].model.stringList() == ["刘建华"]
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert note.text() == "@刘建华 "
    note.clear()
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        page.decide(Verdict.RETURN)
    assert not page.message_bar.isVisible(), page.message_bar.text

    told = Told()
    center, settings = center_of(qtbot, workspace, sign_in("liqiang"), told)
    mention = next(n for n in center.current.items if n.event is Event.MENTIONED)
    assert mention.subject_id == article
    assert mention.detail == "导语太长，请 @李强 看看"
    assert mention.id in center.current.unread

    # A second mention while his window is not in front goes to the tray, unless he muted
    # mentions or it is his quiet hours.
    page.close()
    again = desk.write("文化", title="非遗展演今晚开始")
    tray_settings.save(settings, tray_settings.TraySettings(muted=frozenset({NoticeKind.LEAD})))
    page = open_page(qtbot, sign_in("reviewer1"))
    show(qtbot, page, again)
    tick_checklist(qtbot, page)
    qtbot.keyClicks(page.decision.comment, "@liq")
    qtbot.waitUntil(lambda: page.mentions[0].popup.isVisible())
    qtbot.keyClick(page.decision.comment, Qt.Key.Key_Tab)
    page.decision.comment.insertPlainText("请定稿")
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        page.decide(Verdict.RETURN)
    center.reload()
    qtbot.waitUntil(lambda: bool(told.messages), timeout=10_000)
    assert told.messages == [("Newsdesk", "周敏 mentioned you in “非遗展演今晚开始”")]


def test_the_tray_is_used_where_there_is_one_and_its_absence_is_no_error(
    qtbot: QtBot,
) -> None:
    owner = QObject()
    tray = TrayAnnouncer(owner)
    assert tray.available == QSystemTrayIcon.isSystemTrayAvailable()
    tray.announce("Newsdesk", "周敏 mentioned you")
    assert (tray.tray is not None) == tray.available


def test_quiet_hours_run_over_midnight() -> None:
    import datetime as dt

    quiet = tray_settings.TraySettings(quiet_from=dt.time(22), quiet_until=dt.time(7))
    assert quiet.quiet_at(dt.time(23, 30)) and quiet.quiet_at(dt.time(6, 59))
    assert not quiet.quiet_at(dt.time(7)) and not quiet.quiet_at(dt.time(12))
    assert not quiet.shows(NoticeKind.MENTION, dt.time(1))
    assert tray_settings.TraySettings().shows(NoticeKind.MENTION, dt.time(1))


def test_screenshot_of_the_bell_list_in_chinese(
    qtbot: QtBot, qtmodeltester: Any, chinese: None, workspace: Workspace, sign_in: SignIn
) -> None:
    """A day's notifications of the demo's editor, in Chinese, as the list shows them."""
    editor = sign_in("editor")
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    settings = QSettings(str(workspace.folder / "editor.ini"), QSettings.Format.IniFormat)
    center = NotificationCenter(editor, settings, window, Told())
    bell = Bell(center, window)
    bell.move(820, 660)
    window.show()
    center.reload()
    qtbot.waitUntil(lambda: center.current.items != (), timeout=10_000)
    assert bell.text() == str(center.current.unread_count)
    assert bell.accessibleName() == f"通知：{center.current.unread_count} 条未读"
    bell.show_list()
    popup = bell.popup
    texts = [popup.model.index(row).data() for row in range(popup.model.rowCount())]
    assert texts and all("“" in text for text in texts)
    assert popup.all_button.text() == "全部标为已读(&A)"
    qtmodeltester.check(popup.model)
    SHOTS.mkdir(exist_ok=True)
    popup.grab().save(str(SHOTS / "notifications-zh_CN.png"))


@pytest.mark.usefixtures("english")
def test_opening_a_notification_goes_to_its_item_in_the_real_desktop(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> None:
    desktop = open_desktop(qtbot, qapp, workspace.folder, tmp_path / "settings.ini", "editor")
    try:
        window = desktop.window
        assert window is not None
        bell = window.findChild(Bell)
        assert isinstance(bell, Bell)
        assert bell.accessibleName().startswith("Notifications:")
        qtbot.waitUntil(lambda: bell.center.current.items != (), timeout=10_000)
        items = bell.center.current.items
        approved = next(n for n in items if n.subject is Subject.ARTICLE)
        assigned = next(n for n in items if n.event is Event.ASSIGNED)
        before = bell.unread

        def open_row(n: Notification) -> None:
            bell.show_list()
            popup = bell.popup
            row = [x.id for x in popup.model.found.items].index(n.id)
            popup.list.setCurrentIndex(popup.model.index(row))
            qtbot.mouseClick(popup.open_button, Qt.MouseButton.LeftButton)
            assert not popup.isVisible()

        open_row(approved)
        articles = window.page("articles")
        assert isinstance(articles, ArticlesPage)
        qtbot.waitUntil(lambda: window.current_page == "articles", timeout=5_000)
        qtbot.waitUntil(
            lambda: any(e.article_id == approved.subject_id for e in articles.editors()),
            timeout=5_000,
        )
        qtbot.waitUntil(lambda: bell.unread == before - 1, timeout=5_000)
        open_row(assigned)
        qtbot.waitUntil(lambda: window.current_page == "board", timeout=5_000)
    finally:
        close_desktop(qtbot, desktop)


@pytest.mark.usefixtures("english")
def test_a_waiting_review_opens_in_the_queue_and_the_settings_are_kept(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> None:
    settings_file = tmp_path / "settings.ini"
    desktop = open_desktop(qtbot, qapp, workspace.folder, settings_file, "reviewer1")
    try:
        window = desktop.window
        assert window is not None
        bell = window.findChild(Bell)
        assert isinstance(bell, Bell)
        qtbot.waitUntil(lambda: bell.center.current.items != (), timeout=10_000)
        waiting = next(n for n in bell.center.current.items if n.event is Event.TO_REVIEW)
        bell.center.open(waiting)
        review = window.page("review")
        assert isinstance(review, ReviewPage)
        qtbot.waitUntil(lambda: window.current_page == "review", timeout=5_000)
        qtbot.waitUntil(
            lambda: review.shown is not None and review.shown.article.id == waiting.subject_id,
            timeout=10_000,
        )

        bell.show_list()
        qtbot.mouseClick(bell.popup.settings_button, Qt.MouseButton.LeftButton)
        dialog = window.findChild(SettingsDialog)
        assert isinstance(dialog, SettingsDialog)
        dialog.kinds[NoticeKind.LEAD].setChecked(False)
        dialog.quiet.setChecked(True)
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "notification-settings-en.png"))
        dialog.accept()
        kept = tray_settings.load(QSettings(str(settings_file), QSettings.Format.IniFormat))
        assert kept.muted == {NoticeKind.LEAD}
        assert (kept.quiet_from, kept.quiet_until) == DEFAULT_QUIET
    finally:
        close_desktop(qtbot, desktop)
