"""The branch preset on the welcome screen: "连接到 <branch>" with the address filled in, through
to a connected workspace; a broken preset named on screen while the desktop starts anyway."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.preset import PRESET_ENV
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.ui.app import Desktop
from newsdesk.ui.board import BoardPage
from newsdesk.ui.shell.welcome import WelcomeDialog
from newsdesk.ui.sync.connect import ConnectDialog
from tests.sync.conftest import PASSWORD, LiveServer, seed
from tests.ui.conftest import until
from tests.ui.test_desktop_day import close_desktop

SHOTS = Path("/tmp/newsdesk-shots")
UPDATES = "https://it.branch.example/newsdesk"


@pytest.fixture
def starting(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Desktop]:
    """A desktop starting on a machine with no workspace yet (its data folder in tmp_path)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    args = argparse.Namespace(
        workspace=None, user=None, smoke=False, page=None, screenshot=None, article=None
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desktop = Desktop(qapp, args, settings)
    yield desktop
    desktop.shutdown()


def welcome(desktop: Desktop) -> WelcomeDialog:
    desktop.start()
    dialog = desktop._dialog
    assert isinstance(dialog, WelcomeDialog)
    return dialog


def preset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "branch.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(PRESET_ENV, str(path))
    return path


def test_the_welcome_screen_offers_the_branch_s_server_and_connects_to_it(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    starting: Desktop,
    run: Any,
    chinese: None,
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    seed(engine)
    with LiveServer(engine) as live:
        preset(
            tmp_path,
            monkeypatch,
            f'branch = "城东分社"\nserver = "{live.url}"\n'
            f'channels = ["城东新闻", "图书馆", "新闻"]\nupdates = "{UPDATES}"\n',
        )
        dialog = welcome(starting)
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.branch_button.isVisible()
        assert dialog.branch_button.text() == "连接到 城东分社…"
        assert dialog.branch_button.toolTip() == live.url
        assert not dialog.preset_problem.isVisible()
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "welcome-preset.png"))
        dialog.branch_button.click()
        connect = dialog._connect_dialog
        assert isinstance(connect, ConnectDialog) and connect.isVisible()
        assert connect.server.text() == live.url
        assert connect.folder.text() == str(tmp_path / "data" / "Newsdesk" / "newsroom")
        connect.grab().save(str(SHOTS / "welcome-preset-connect.png"))
        opened: list[Path] = []
        dialog.connected.connect(lambda folder, _user: opened.append(folder))
        connect.login.setText("editor")
        connect.password.setText(PASSWORD)

        async def flow() -> None:
            connect.connect_button.click()
            await until(lambda: bool(opened))
            # The desktop opens the connected workspace, signed in as the editor, its board on
            # the first of the preset's channels this desk holds (the editor works for 新闻 only).
            await until(lambda: starting.window is not None)
            window = starting.window
            assert window is not None
            await until(lambda: window.findChild(BoardPage) is not None)
            board = window.findChild(BoardPage)
            assert isinstance(board, BoardPage)
            await until(lambda: board.filters.channel.currentText() == "新闻")
            assert window.updates_action.isVisible()
            assert window.updates_action.text() == "本分社的新版本页面…"
            assert window.updates_action.toolTip() == UPDATES

        try:
            run(flow())
        finally:
            close_desktop(qtbot, starting)
    with Workspace.open(opened[0]) as workspace:
        assert workspace.store.setting("sync.server") == live.url
    engine.dispose()


def test_without_a_preset_the_welcome_screen_is_as_before(
    qtbot: QtBot, starting: Desktop, chinese: None
) -> None:
    dialog = welcome(starting)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.branch_button.isVisible()
    assert not dialog.preset_problem.isVisible()
    dialog.hide()  # closing it would quit the application (nothing else is open)


def test_a_broken_preset_is_named_on_screen_and_the_desktop_starts_anyway(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    starting: Desktop,
    chinese: None,
) -> None:
    path = preset(tmp_path, monkeypatch, 'branch = "城东分社"\nserver = "newsdesk.example.cn"\n')
    dialog = welcome(starting)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.preset_problem.isVisible()
    assert dialog.preset_problem.text() == (
        f"无法使用分社预设 {path}：“server”必须是以 https:// 或 http:// 开头的地址。"
    )
    assert not dialog.branch_button.isVisible()
    assert dialog.demo_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "welcome-broken-preset.png"))
    dialog.hide()  # closing it would quit the application (nothing else is open)
