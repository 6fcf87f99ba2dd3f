"""Names, titles, summaries and reasons people typed are shown as the text they are: a label
given ``<h1 style=color:red>`` must not turn it into a heading (Qt guesses rich text)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from newsdesk.core.model import Article, Proposal, User
from newsdesk.store.codec import TABLES
from newsdesk.store.workspace import Workspace
from newsdesk.ui.pages import build_pages
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController

HEADING = "<h1 style=color:red>孙晓雨</h1>"
TITLE = "<b style=color:red>粗体</b>标题<img src=x>"


def hostile(workspace: Workspace) -> None:
    """What others typed, as it arrives from the server (rows as another desktop wrote them)."""
    users, articles, proposals = TABLES[User], TABLES[Article], TABLES[Proposal]
    with workspace.store.engine.begin() as conn:
        conn.execute(update(users).where(users.c.login == "editor").values(name=HEADING))
        conn.execute(update(articles).values(title=TITLE, summary=TITLE))
        conn.execute(update(proposals).values(title=TITLE, angle=TITLE, return_reason=TITLE))
        assert conn.execute(select(articles.c.id)).first() is not None


def test_data_is_shown_as_plain_text_on_every_page(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: Callable[[str], Session],
    tmp_path: Path,
    english: None,
) -> None:
    hostile(workspace)
    session = sign_in("editor")
    snapshots = SnapshotStore(session)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        session,
        build_pages(session, snapshots, settings, SyncController(session)).sidebar,
        settings,
        "w",
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    snapshots.reload()
    offenders: set[str] = set()
    for page in window.pages:
        window.show_page(page.name)
        qtbot.wait(150)
        for label in window.findChildren(QLabel):
            text = label.text()
            shown_as_markup = label.textFormat() != Qt.TextFormat.PlainText
            if ("<h1" in text or "<b style" in text) and shown_as_markup:
                offenders.add(f"{page.name}: {label.objectName() or type(label.parent()).__name__}")
    window.grab().save(str(tmp_path / "hostile.png"))
    assert offenders == set()
    assert HEADING in window.user_label.text()
