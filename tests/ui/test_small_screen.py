"""A 1080p laptop at 150 %: the window is 1280×720 logical pixels. The status bar and the
decision buttons stay on screen, side panels scroll, and the board shows the columns a chief
works in once the others are collapsed and the details panel is hidden."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.core.board import Column
from newsdesk.store.workspace import Workspace
from newsdesk.ui.board import BoardPage
from newsdesk.ui.review.page import ReviewPage
from newsdesk.ui.theme import apply_theme
from tests.ui.test_desktop_day import close_desktop, open_desktop

SHOTS = Path(os.environ.get("NEWSDESK_SHOTS", "/tmp/newsdesk-shots"))
SIZE = (1280, 720)


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(QPoint(0, 0), window.size()).contains(QRect(top_left, widget.size()))


@pytest.mark.usefixtures("chinese")
def test_the_review_page_at_1280_by_720_keeps_its_decision_and_status_bar_in_sight(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> None:
    sheet = qapp.styleSheet()
    apply_theme(qapp)
    desktop = open_desktop(qtbot, qapp, workspace.folder, tmp_path / "s.ini", "reviewer1")
    try:
        window = desktop.window
        assert window is not None
        window.resize(*SIZE)
        window.show_page("review")
        review = window.page("review")
        assert isinstance(review, ReviewPage)
        qtbot.waitUntil(lambda: review.shown is not None, timeout=10_000)
        qtbot.waitUntil(lambda: review.view.has_checks, timeout=10_000)
        qtbot.wait(50)
        assert (window.width(), window.height()) == SIZE
        assert inside(window.statusBar(), window)
        assert inside(window.sync_label, window) and window.sync_label.isVisible()
        decision = review.decision
        for button in (decision.approve, decision.return_button, decision.reject):
            assert button.isVisible() and inside(button, window)
            assert button.visibleRegion().boundingRect().size() == button.size()
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SHOTS / "window-1280x720-review-zh_CN.png"))
    finally:
        close_desktop(qtbot, desktop)
        qapp.setStyleSheet(sheet)


@pytest.mark.usefixtures("chinese")
def test_a_chief_collapses_columns_and_hides_the_details_on_a_small_screen(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> None:
    sheet = qapp.styleSheet()
    apply_theme(qapp)
    settings = tmp_path / "s.ini"
    desktop = open_desktop(qtbot, qapp, workspace.folder, settings, "chief")
    worked_in = (Column.SUBMITTED, Column.SELECTED, Column.ASSIGNED)
    try:
        window = desktop.window
        assert window is not None
        window.resize(*SIZE)
        window.show_page("board")
        board = window.page("board")
        assert isinstance(board, BoardPage)
        qtbot.waitUntil(lambda: board.loaded)
        for column, widget in board.strip.columns.items():
            if column not in worked_in:
                widget.collapse_button.click()
        board.details_action.trigger()
        qtbot.wait(50)
        assert not board.details_panel.isVisible()
        assert board.strip.horizontalScrollBar().maximum() == 0  # everything in sight
        published = board.strip.columns[Column.PUBLISHED]
        assert published.collapsed and not published.view.isVisible()
        assert inside(window.statusBar(), window)
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SHOTS / "window-1280x720-board-zh_CN.png"))
    finally:
        close_desktop(qtbot, desktop)
    # The layout is the user's: it comes back next time.
    again = open_desktop(qtbot, qapp, workspace.folder, settings, "chief")
    try:
        window = again.window
        assert window is not None
        board = window.page("board")
        assert isinstance(board, BoardPage)
        assert set(board.strip.collapsed()) == set(Column) - set(worked_in)
        assert not board.details_action.isChecked()
    finally:
        close_desktop(qtbot, again)
        qapp.setStyleSheet(sheet)
