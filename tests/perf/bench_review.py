"""The Review page over a demo workspace, each figure against a bare QListView over a
QStandardItemModel holding the same rows, measured in the same run: opening the page (the queue
loaded and its first article shown) and moving to the next article."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.perf import Result
from tests.perf.workspaces import demo_workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView

from newsdesk.store.review_queue import review_queue
from newsdesk.store.workspace import Workspace
from newsdesk.ui.fonts import use_chinese_fonts
from newsdesk.ui.jobs import Runner
from newsdesk.ui.review import ReviewPage
from newsdesk.ui.review.model import QueueModel
from newsdesk.ui.session import Session

TIMEOUT_MS = 30_000
TARGET_MS = 100.0


def _timed(signal: SignalInstance, start: Callable[[], object]) -> float:
    """Milliseconds from calling ``start`` to ``signal``, the event loop running meanwhile."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    started = time.perf_counter()
    start()
    loop.exec()
    elapsed = (time.perf_counter() - started) * 1000
    signal.disconnect(loop.quit)
    return elapsed


def _bare_ms(rows: list[str], runs: int) -> tuple[float, float]:
    """Opening a bare list of ``rows`` (filled and painted) and moving its current row."""
    opened, moved = [], []
    for _ in range(runs):
        started = time.perf_counter()
        model = QStandardItemModel()
        for text in rows:
            model.appendRow(QStandardItem(text))
        view = QListView()
        view.setModel(model)
        view.resize(300, 860)
        view.show()
        view.setCurrentIndex(model.index(0, 0))
        view.repaint()
        opened.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        view.setCurrentIndex(model.index(min(1, len(rows) - 1), 0))
        view.repaint()
        moved.append((time.perf_counter() - started) * 1000)
        view.close()
        view.deleteLater()
    return statistics.median(opened), statistics.median(moved)


def run(quick: bool) -> list[Result]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    use_chinese_fonts(app)
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "ws"
        shutil.copytree(demo_workspace("small" if quick else "large"), copy)
        runner = Runner()
        workspace = Workspace.open(copy)
        try:
            with workspace.store.world() as world:
                user = world.user_by_login("reviewer1")
            assert user is not None
            session = Session.sign_in(workspace, user.id, runner)
            open_times, move_times = [], []
            for _ in range(runs):
                holder: list[ReviewPage] = []

                def open_page(into: list[ReviewPage] = holder) -> None:
                    page = ReviewPage(session)
                    page.resize(1400, 860)
                    into.append(page)
                    page.item_shown.connect(page.repaint)
                    page.show()

                # The page starts loading in its constructor: time from there to the first
                # article shown, listening on a signal every page relays.
                open_times.append(_opened(open_page, holder))
                page = holder[0]
                for step in (1, -1):
                    move_times.append(
                        _timed(page.item_shown, lambda s=step, p=page: p.step_queue(s))
                    )
                page.close()
                page.deleteLater()
                app.processEvents()
            rows = _rows(session)
        finally:
            runner.shutdown()
            workspace.close()
    bare_open, bare_move = _bare_ms(rows, runs)
    open_ms = statistics.median(open_times)
    move_ms = statistics.median(move_times)
    items = f"{len(rows):,} waiting"
    return [
        Result(
            f"review: open the page ({items}), first article shown",
            open_ms,
            "ms",
            bare_open,
            open_ms / bare_open,
            f"< {TARGET_MS:.0f} ms",
            open_ms < TARGET_MS,
        ),
        Result(
            "review: next article shown (median)",
            move_ms,
            "ms",
            bare_move,
            move_ms / bare_move,
            f"< {TARGET_MS:.0f} ms",
            move_ms < TARGET_MS,
        ),
    ]


def _opened(open_page: Callable[[], None], holder: list[ReviewPage]) -> float:
    """Milliseconds from creating a page to its first article shown."""
    loop = QEventLoop()
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    started = time.perf_counter()
    open_page()
    holder[0].item_shown.connect(loop.quit)
    loop.exec()
    return (time.perf_counter() - started) * 1000


def _rows(session: Session) -> list[str]:
    """The queue's rows as the page shows them."""
    with session.workspace.store.engine.connect() as conn:
        items = review_queue(conn, session.actor)
    model = QueueModel()
    model.set_items(items)
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]
