"""The board showing exactly 10,000 cards (a board demo of that many items), each figure against
a bare QListView over a QStandardItemModel holding the same titles, measured in the same run:
start to the first frame with cards (whole processes), scrolling a column, a filter change (until
every column has laid its cards out and they are painted: a column draws no card before),
memory, and the longest garbage collection on the UI thread while the board reloads and the user
works, against the desktop's collector keeping nothing long-lived."""

from __future__ import annotations

import compileall
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tests.perf import Result
from tests.perf.workspaces import board_workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView

import newsdesk
from newsdesk.core.board import Column
from newsdesk.store.workspace import DB_NAME, Workspace
from newsdesk.ui.board import BoardPage
from newsdesk.ui.board.columns import ColumnView
from newsdesk.ui.collector import MainThreadCollector
from newsdesk.ui.fonts import use_chinese_fonts
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore

# The bare baseline: the same titles in the simplest Qt list, timed the same way (from the
# kernel's start time of the process to the first paint of the window).
BARE_FIRST_PAINT = r"""
import os, sqlite3, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView

def age():
    with open("/proc/self/stat", encoding="ascii") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")

app = QApplication([])
db = sqlite3.connect(sys.argv[1])
query = (  # the cards the board shows: proposals before their topic starts, articles at work
    "SELECT title FROM proposals WHERE state IN ('submitted', 'returned', 'selected', 'assigned')"
    " UNION ALL SELECT title FROM articles"
    " WHERE state IN ('draft', 'in_review', 'approved', 'signed_off')"
)
titles = [row[0] for row in db.execute(query)]
model = QStandardItemModel()
for title in titles:
    model.appendRow(QStandardItem(title))
view = QListView()
view.setModel(model)
view.resize(1440, 900)

class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{age():.3f} {model.rowCount()}")
            QTimer.singleShot(0, app.quit)
            view.viewport().removeEventFilter(self)
        return False

first = First()
view.viewport().installEventFilter(first)
view.show()
app.exec()
"""


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _best(runs: int, command: list[str], pattern: str) -> tuple[float, str]:
    """The fastest of ``runs`` runs of ``command``: its seconds (``pattern``'s first group) and
    the rest of what it printed."""
    found = []
    for _ in range(runs):
        out = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ).stdout
        match = re.search(pattern, out)
        if match is None:
            raise RuntimeError(f"no timing in the output of {command[:3]}: {out!r}")
        found.append((float(match.group(1)), out[match.end() :].strip()))
    return min(found)


def first_paint(folder: Path, cards: int, runs: int) -> Result:
    """Process start to the first frame with ``cards`` cards; the issue's targets are ≤ 1.5 s
    (and ≤ 2× bare) at 10,000 cards and ≤ 3 s at 100,000.

    The application starts from byte-compiled modules, as an installed one does (pip and the
    bundle compile them; the bare list's PySide6 is compiled too): from a checkout with
    PYTHONDONTWRITEBYTECODE set, as here, it compiled its own modules from source at every start.
    """
    compileall.compile_dir(Path(newsdesk.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "ws"
        shutil.copytree(folder, copy)
        board, _ = _best(
            runs,
            [
                sys.executable,
                "-m",
                "newsdesk",
                "--lang",
                "en",
                "--workspace",
                str(copy),
                "--user",
                "chief",
                "--smoke",
                "--page",
                "board",
            ],
            r"First paint after ([\d.]+) s",
        )
        bare, shown = _best(
            runs, [sys.executable, "-c", BARE_FIRST_PAINT, str(copy / DB_NAME)], r"([\d.]+)"
        )
    if int(shown) != cards:
        raise RuntimeError(f"the bare list showed {shown} titles, not the board's {cards}")
    ratio = board / bare
    if cards > 10_000:
        target, met = "≤ 3 s", board <= 3.0
    else:
        target, met = "≤ 1.5 s and ≤ 2× bare", board <= 1.5 and ratio <= 2.0
    return Result(
        f"board, {cards:,} cards: process start to first frame with cards",
        board,
        "s",
        bare,
        ratio,
        target,
        met,
    )


def _settle(app: QApplication, until: Callable[[], bool], timeout: float = 60) -> None:
    """Run the event loop, as the app does, until ``until()`` holds (asked every millisecond).
    Polling ``processEvents`` with a sleep between turns, as this did, counted the sleeps: a
    layout in batches takes a turn of the loop per batch."""
    if until():
        return
    loop = QEventLoop()
    check = QTimer()
    check.setTimerType(Qt.TimerType.PreciseTimer)
    check.setInterval(1)
    check.timeout.connect(lambda: until() and loop.quit())
    QTimer.singleShot(round(timeout * 1000), loop.quit)
    check.start()
    loop.exec()
    check.stop()
    if not until():
        raise TimeoutError("the board did not load")


def _shows_cards(view: ColumnView) -> bool:
    """Whether the column draws its cards: it draws none before its layout is done, and keeps
    its last frame until then (asked first: that costs nothing)."""
    return view.viewport().updatesEnabled() and view.laid_out()


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _scroll_steps(view: QListView, steps: int) -> Callable[[], None]:
    bar = view.verticalScrollBar()
    state = {"step": 0}

    def step() -> None:
        state["step"] = (state["step"] + 1) % steps
        bar.setValue(bar.maximum() * state["step"] // steps)
        view.viewport().repaint()

    return step


def _longest_collection(
    app: QApplication, snapshots: SnapshotStore, runner: Runner, reloads: int, work_s: float
) -> float:
    """The longest garbage collection on the UI thread (ms) while the board reloads ``reloads``
    times (as a colleague's change makes it), then while ``work_s`` seconds of work allocate as
    editing does."""
    longest, started = [0.0], [0.0]

    def timed(phase: str, _info: dict[str, int]) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            longest[0] = max(longest[0], (time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(timed)
    try:
        for _ in range(reloads):
            snapshots.reload()
            _settle(app, lambda: not snapshots.loading and not runner.busy, timeout=300)
        typed: list[list[int]] = []

        def edit() -> None:
            typed[:] = [[n] for n in range(2000)]

        editing = QTimer()
        editing.timeout.connect(edit)
        editing.start(50)
        end = time.perf_counter() + work_s
        _settle(app, lambda: time.perf_counter() > end, timeout=work_s + 30)
        editing.stop()
    finally:
        gc.callbacks.remove(timed)
    return longest[0]


def in_process(folder: Path, cards: int, quick: bool) -> list[Result]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    use_chinese_fonts(app)
    runs = 15 if quick else 41
    runner = Runner()
    with Workspace.open(folder) as workspace:
        with workspace.store.world() as world:
            chief = world.user_by_login("chief")
        assert chief is not None
        session = Session.sign_in(workspace, chief.id, runner)
        before = _rss_mb()
        snapshots = SnapshotStore(session)
        page = BoardPage(session, snapshots)
        page.resize(1440, 900)
        page.show()
        snapshots.reload()
        _settle(app, lambda: snapshots.current is not None and not runner.busy)
        page.repaint()
        app.processEvents()
        board_mb = _rss_mb() - before
        assert snapshots.current is not None
        shown = sum(model.rowCount() for model in page.models.values())
        if shown != cards:
            raise RuntimeError(f"the board shows {shown:,} cards, not {cards:,}")
        titles = [card.title for card in snapshots.current.cards]
        fullest = max(Column, key=lambda c: page.models[c].rowCount())
        page.strip.ensureWidgetVisible(page.strip.columns[fullest])
        views = [column.view for column in page.strip.columns.values() if column.isVisible()]
        _settle(app, lambda: all(_shows_cards(view) for view in views))
        view = page.strip.columns[fullest].view
        rows = page.models[fullest].rowCount()
        scroll = _median_ms(_scroll_steps(view, 50), runs)

        channels = page.filters.channel
        state = {"index": 0}

        def change_filter() -> None:
            state["index"] = (state["index"] + 1) % channels.count()
            channels.setCurrentIndex(state["index"])
            _settle(app, lambda: all(_shows_cards(view) for view in views))
            page.repaint()

        filtering = _median_ms(change_filter, runs)
        channels.setCurrentIndex(0)

        before_bare = _rss_mb()
        model = QStandardItemModel()
        for title in titles:
            model.appendRow(QStandardItem(title))
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        bare = QListView()
        bare.setModel(proxy)
        bare.resize(1440, 900)
        bare.show()
        bare.repaint()
        app.processEvents()
        bare_mb = _rss_mb() - before_bare
        column_model = QStandardItemModel()
        for title in titles[:rows]:
            column_model.appendRow(QStandardItem(title))
        bare_column = QListView()
        bare_column.setModel(column_model)
        bare_column.resize(view.size())
        bare_column.show()
        bare_column.doItemsLayout()  # as the board's column is: laid out, its items drawn
        app.processEvents()
        bare_scroll = _median_ms(_scroll_steps(bare_column, 50), runs)
        words = ["文化", "社区", "图书馆", ""]
        state["word"] = 0

        def bare_filter() -> None:
            state["word"] = (state["word"] + 1) % len(words)
            proxy.setFilterFixedString(words[state["word"]])
            bare.doItemsLayout()
            bare.repaint()

        bare_filtering = _median_ms(bare_filter, runs)
        # Last, as it leaves the collector the desktop's: the others ran with Python's own.
        collector = MainThreadCollector(app)
        reloads, work_s = (1, 2.0) if quick else (3, 5.0)
        plain_pause = _longest_collection(app, snapshots, runner, reloads, work_s)
        collector.follow_board(snapshots)  # as the desktop does
        pause = _longest_collection(app, snapshots, runner, reloads, work_s)
        for widget in (page, bare, bare_column):
            widget.close()
            widget.deleteLater()
        app.processEvents()
    runner.shutdown()
    memory_mb = 300 if cards > 10_000 else 150
    return [
        Result(
            f"board: scroll a column of {rows:,} cards (per step)",
            scroll,
            "ms",
            bare_scroll,
            scroll / bare_scroll,
            "< 16 ms (60 frames/s)",
            scroll < 16,
        ),
        Result(
            f"board: change the channel filter over {cards:,} cards",
            filtering,
            "ms",
            bare_filtering,
            filtering / bare_filtering,
            "< 100 ms",
            filtering < 100,
        ),
        Result(
            f"board, {cards:,} cards: longest garbage collection on the UI thread "
            f"({reloads} reloads, {work_s:.0f} s of editing)",
            pause,
            "ms",
            plain_pause,
            pause / max(plain_pause, 0.01),
            "< 50 ms (baseline: nothing kept long-lived)",
            pause < 50,
        ),
        Result(
            f"board: memory for {cards:,} cards",
            board_mb,
            "MB",
            bare_mb,
            board_mb / max(bare_mb, 0.1),
            f"< {memory_mb} MB over the empty window",
            board_mb < memory_mb,
        ),
    ]


# The in-process figures of one size, in a process of their own: memory measured after another
# size's board had come and gone would count what that one left behind.
IN_FRESH_PROCESS = """
import json, sys
from pathlib import Path
from tests.perf.bench_board import in_process
results = in_process(Path(sys.argv[1]), int(sys.argv[2]), quick=True)
print(json.dumps([result.as_json() for result in results]))
"""


def run_scale(cards: int) -> list[Result]:
    folder = board_workspace(cards)
    out = subprocess.run(
        [sys.executable, "-c", IN_FRESH_PROCESS, str(folder), str(cards)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout
    measured = [Result(**fields) for fields in json.loads(out.splitlines()[-1])]
    return [first_paint(folder, cards, 2), *measured]


def run(quick: bool) -> list[Result]:
    cards = 1_000 if quick else 10_000
    folder = board_workspace(cards)
    return [first_paint(folder, cards, 2 if quick else 3), *in_process(folder, cards, quick)]
