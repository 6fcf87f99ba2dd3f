"""Screen readers hear a name for every interactive widget and the facts of every card; the
Chinese interface uses one word for each term."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from newsdesk.core.board import Column
from newsdesk.store.workspace import Workspace
from newsdesk.ui.board import BoardPage
from scripts.translations import CATALOGUES
from tests.ui.test_desktop_day import close_desktop, open_desktop

ZH_CN = CATALOGUES / "newsdesk_zh_CN.ts"
PAGES = ("board", "tasks", "topics", "articles", "review", "published", "sync", "reports", "admin")
# Qt's own parts of a view (headers, the corner button, a spin box's line edit) are named by Qt.
QT_PARTS = re.compile(r"^qt_")


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


@pytest.mark.usefixtures("chinese")
def test_every_interactive_widget_has_an_accessible_name(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> None:
    desktop = open_desktop(qtbot, qapp, workspace.folder, tmp_path / "s.ini", "chief")
    try:
        window = desktop.window
        assert window is not None
        for page in PAGES:
            window.show_page(page)
            qtbot.wait(50)
        unnamed = [
            f"{type(widget).__name__}:{widget.objectName()} in {widget.parent().objectName()}"
            f" {getattr(widget, 'placeholderText', lambda: '')()}"
            for kind in (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractItemView, QComboBox)
            for widget in window.findChildren(kind)
            if not isinstance(widget, QHeaderView)
            and not QT_PARTS.match(widget.objectName())
            and not widget.parent().inherits("QComboBoxPrivateContainer")
            and not _name(widget)
        ]
        assert unnamed == [], "\n".join(unnamed)
        board = window.page("board")
        assert isinstance(board, BoardPage)
        model = board.models[Column.ASSIGNED]
        assert model.rowCount() > 0
        spoken = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
        card = model.card(0)
        assert card.title in spoken
        assert "频道：" in spoken and "状态：" in spoken and "人员：" in spoken
        assert card.due_date is None or card.due_date.isoformat() in spoken
    finally:
        close_desktop(qtbot, desktop)


def _translations() -> list[tuple[str, str]]:
    text = ZH_CN.read_text(encoding="utf-8")
    return re.findall(r"<source>(.*?)</source>\s*<translation>(.*?)</translation>", text, re.S)


@pytest.mark.parametrize(
    ("avoid", "use"),
    [
        ("栏目", "频道"),
        ("发布渠道", "发布终端"),
        ("App", "APP"),
    ],
)
def test_one_word_for_each_term(avoid: str, use: str) -> None:
    found = [(s, t) for s, t in _translations() if avoid in t]
    assert found == [], f"write {use}"


def test_the_card_menu_is_not_named_like_the_articles_page() -> None:
    translations = dict(_translations())
    assert translations["&amp;Card"] != translations["Articles"].split("(")[0] + "(&amp;C)"
    assert "稿件" not in translations["&amp;Card"]
    assert translations["Last sync: never"] == "上次同步：尚未同步"
