"""The shell: signing in, the welcome screen, and the main window's pages, menus and status bar."""

from __future__ import annotations

import functools
import platform
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from newsdesk import __version__
from newsdesk.core.mutation import Kind
from newsdesk.demo import DEMO_PASSWORD
from newsdesk.passwords import verify_password
from newsdesk.store.queries import users_for_sign_in
from newsdesk.store.workspace import DEMO_SETTING, Workspace
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow, Page
from newsdesk.ui.shell.placeholder import PlaceholderPage
from newsdesk.ui.shell.sign_in import SignInDialog
from newsdesk.ui.shell.welcome import create_workspace, open_demo


def sign_in_dialog(qtbot: QtBot, workspace: Workspace, runner: Runner) -> SignInDialog:
    with workspace.store.engine.connect() as conn:
        users = users_for_sign_in(conn)
    dialog = SignInDialog(users, "demo", runner, last_login="chief")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_wrong_password_is_refused_and_the_right_one_signs_in(
    qtbot: QtBot, workspace: Workspace, runner: Runner, english: None
) -> None:
    dialog = sign_in_dialog(qtbot, workspace, runner)
    assert dialog.chosen_login() == "chief"
    qtbot.keyClicks(dialog.password, "wrong password")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.problem.text() == "The user or the password is wrong."
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.signed_in) as signal:
        dialog.buttons.accepted.emit()
    with workspace.store.world() as world:
        chief = world.user_by_login("chief")
    assert chief is not None and signal.args == [chief.id]


def test_a_new_workspace_starts_with_its_administrator(tmp_path: Path) -> None:
    folder = create_workspace(tmp_path / "newsroom", "boss", "主编", "s3cret-password")
    with Workspace.open(folder) as workspace, workspace.store.world() as world:
        boss = world.user_by_login("boss")
    assert boss is not None and boss.is_admin and boss.name == "主编"
    assert verify_password(boss.password_hash, "s3cret-password")


def test_the_demo_is_created_once_and_then_reopened(tmp_path: Path) -> None:
    folder = open_demo(tmp_path / "demo")
    with Workspace.open(folder) as workspace:
        first = workspace.store.setting("workspace_id"), workspace.store.pending_count()
    assert open_demo(folder) == folder
    with Workspace.open(folder) as workspace:
        assert (workspace.store.setting("workspace_id"), workspace.store.pending_count()) == first


def window(qtbot: QtBot, session: Session, settings: QSettings) -> MainWindow:
    pages = [
        Page(
            name,
            name.title(),
            functools.partial(PlaceholderPage, name, name.title(), f"{name} page"),
        )
        for name in ("board", "tasks", "topics")
    ]
    made = MainWindow(session, pages, settings, "demo")
    qtbot.addWidget(made)
    made.show()
    return made


def test_the_window_remembers_its_page_and_geometry(
    qtbot: QtBot, sign_in: Callable[[str], Session], tmp_path: Path, english: None
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = window(qtbot, sign_in("editor"), settings)
    go_to_topics = first.view_menu.actions()[2]
    assert go_to_topics.shortcut() == QKeySequence("Ctrl+3")
    go_to_topics.trigger()
    assert first.current_page == "topics"
    first.resize(731, 517)
    first.close()
    second = window(qtbot, sign_in("editor"), settings)
    assert second.current_page == "topics"
    assert (second.width(), second.height()) == (731, 517)


def test_the_status_bar_shows_the_user_and_changes_waiting_to_sync(
    qtbot: QtBot, sign_in: Callable[[str], Session], tmp_path: Path, english: None
) -> None:
    session = sign_in("editor")
    main = window(qtbot, session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert "孙晓雨 (editor)" in main.user_label.text()
    assert "Offline" in main.connection_label.text()
    before = session.workspace.store.pending_count()
    channel = next(iter(session.actor.channels()))
    session.apply([session.mutation(Kind.PROPOSAL_CREATE, channel_id=channel, title="新选题")])
    expected = "1 change waiting to sync" if before == 0 else f"{before + 1} changes waiting"
    qtbot.waitUntil(lambda: main.pending_label.text().startswith(expected))


def test_about_names_the_version_workspace_server_and_qt_in_chinese(
    qtbot: QtBot, sign_in: Callable[[str], Session], tmp_path: Path, chinese: None
) -> None:
    session = sign_in("admin")
    pages = [Page("board", "看板", functools.partial(PlaceholderPage, "board", "看板", "看板"))]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    main = MainWindow(session, pages, settings, "demo", server="https://sync.branch.example")
    qtbot.addWidget(main)
    main.show()
    about = main.about_action
    assert about in main.help_menu.actions()
    assert about.text() == "关于采编台(&A)"
    about.trigger()
    qtbot.waitUntil(lambda: main.findChild(QMessageBox) is not None)
    box = main.findChild(QMessageBox)
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    assert box.windowTitle() == "关于采编台" and __version__ in box.text()
    details = box.informativeText()
    assert f"工作区：{session.workspace.folder}" in details
    assert "同步服务器：https://sync.branch.example" in details
    assert f"Qt {qVersion()}" in details and f"Python {platform.python_version()}" in details
    Path("/tmp/newsdesk-shots").mkdir(exist_ok=True)
    box.grab().save("/tmp/newsdesk-shots/about.png")


def test_about_says_when_the_workspace_does_not_sync(
    qtbot: QtBot, sign_in: Callable[[str], Session], tmp_path: Path, english: None
) -> None:
    main = window(
        qtbot, sign_in("admin"), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    box = main.show_about()
    qtbot.addWidget(box)
    assert "Sync server: none (this workspace does not sync)" in box.informativeText()


def test_placeholder_pages_say_plainly_what_comes_later(qtbot: QtBot) -> None:
    page = PlaceholderPage("review", "Review", "The review queue arrives with the review feature.")
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "The review queue arrives with the review feature." in texts
    assert isinstance(page, QWidget)


def test_the_sidebar_shows_what_waits_on_a_page(
    qtbot: QtBot, sign_in: Callable[[str], Session], tmp_path: Path
) -> None:
    main = window(
        qtbot, sign_in("reviewer1"), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    main.set_count("tasks", 3)
    assert main.sidebar.item(1).text() == "Tasks  3"
    main.set_count("tasks", 0)
    assert main.sidebar.item(1).text() == "Tasks"


def test_the_demo_sign_in_offers_an_editor_and_tells_the_demo_password(
    qtbot: QtBot, workspace: Workspace, runner: Runner, english: None
) -> None:
    with workspace.store.engine.connect() as conn:
        users = users_for_sign_in(conn)
    demo = workspace.store.setting(DEMO_SETTING)
    assert demo == DEMO_PASSWORD
    dialog = SignInDialog(users, "demo", runner, last_login="", demo_password=demo)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_login() == "editor"
    assert dialog.demo_note.isVisible() and "“newsdesk”" in dialog.demo_note.text()
    with qtbot.waitSignal(dialog.signed_in, timeout=10_000):
        dialog.buttons.accepted.emit()  # the password is filled in: one click signs in
    plain = SignInDialog(users, "office", runner, last_login="")
    qtbot.addWidget(plain)
    assert not plain.demo_note.isVisibleTo(plain) and plain.password.text() == ""


def test_the_window_builds_the_page_it_shows_first_and_the_others_one_at_a_time_after(
    qtbot: QtBot, sign_in: Callable[[str], Session], tmp_path: Path
) -> None:
    built: list[str] = []

    def page(name: str) -> Page:
        def build() -> QWidget:
            built.append(name)
            return PlaceholderPage(name, name.title(), f"{name} page")

        return Page(name, name.title(), build)

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    main = MainWindow(
        sign_in("editor"), [page(n) for n in ("board", "tasks", "topics")], settings, "d"
    )
    qtbot.addWidget(main)
    assert built == ["board"]
    main.view_menu.actions()[2].trigger()  # Ctrl+3
    assert built == ["board", "topics"]
    assert main.stack.currentWidget().objectName() == "topics"
    main.build_other_pages()
    assert built == ["board", "topics", "tasks"]
    main.show_page("tasks")
    assert main.stack.currentWidget().objectName() == "tasks"
    assert built == ["board", "topics", "tasks"]  # each page is built once


def test_the_first_ten_pages_have_ctrl_and_a_digit_the_tenth_ctrl_0(
    qtbot: QtBot, sign_in: Callable[[str], Session], tmp_path: Path
) -> None:
    names = [f"page{n}" for n in range(1, 12)]
    pages = [Page(n, n, functools.partial(PlaceholderPage, n, n, n)) for n in names]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    main = MainWindow(sign_in("editor"), pages, settings, "d")
    qtbot.addWidget(main)
    shortcuts = [a.shortcut().toString() for a in main.view_menu.actions()[: len(names)]]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 10)] + ["Ctrl+0", ""]
    main.view_menu.actions()[9].trigger()
    assert main.stack.currentWidget().objectName() == "page10"
