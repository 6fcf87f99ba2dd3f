"""In Simplified Chinese, no interface text is left in English.

Builds the real main window with every page, signed in as a chief, and reads every text a user
can see: labels, buttons, menu entries, tab and header titles, placeholders and tool tips.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from newsdesk.ui.pages import build_pages
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController

# Words that are the same in both languages: product and format names, and the demo's logins.
KEEP = {
    "Newsdesk",
    "Qt",
    "PC",
    "WAP",
    "App",
    "APP",
    "chief",
    "YYYY",
    "MM",
    "DD",
    "XLSX",
    "CSV",
    "PDF",
}
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    for child in [widget, *widget.findChildren(QWidget)]:
        kind = type(child).__name__
        if isinstance(child, QLabel | QAbstractButton):
            yield kind, child.text()
        if isinstance(child, QLineEdit):
            yield kind, child.placeholderText()
        if isinstance(child, QComboBox):
            for index in range(child.count()):
                yield kind, child.itemText(index)
        if isinstance(child, QTableView | QTreeView) and child.model() is not None:
            model = child.model()
            for section in range(model.columnCount(QModelIndex())):
                header = model.headerData(section, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield kind, header
        if isinstance(child, QMenu):
            for action in child.actions():
                yield "QMenu", action.text()
        if child.toolTip():
            yield kind + " tooltip", child.toolTip()


def english_left(text: str) -> list[str]:
    plain = re.sub(r"<[^>]+>", " ", text)  # markup is not text
    return [word for word in ENGLISH_WORD.findall(plain) if word not in KEEP]


def test_the_chinese_interface_has_no_english_left(
    qtbot: QtBot, sign_in: Callable[[str], Session], chinese: None, tmp_path: Path
) -> None:
    session = sign_in("chief")
    snapshots = SnapshotStore(session)
    snapshots.reload()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        session,
        build_pages(session, snapshots, settings, SyncController(session)).sidebar,
        settings,
        "演示",
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: snapshots.current is not None and not session.runner.busy)
    found = []
    for page in window.pages:
        window.show_page(page.name)
        qtbot.wait(20)
    for kind, text in texts(window):
        if english_left(text):
            found.append(f"{kind}: {text!r}")
    for action in window.menuBar().actions():
        for entry in [action, *(action.menu().actions() if action.menu() else [])]:
            if english_left(entry.text()):
                found.append(f"menu: {entry.text()!r}")
    assert found == []
