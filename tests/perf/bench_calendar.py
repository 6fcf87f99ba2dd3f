"""The calendar's month over a board demo of 10,000 items, against a bare SQL query of the same
rows (sqlite3, no SQLAlchemy, no objects) measured in the same run: reading the month
(:func:`load_calendar`: channels, one range query per entry kind, the undated list and its
count, the holidays), the page going from "show this month" to the month painted, and the part
of that on the UI thread (the read runs on the database thread)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import time
from pathlib import Path

from tests.perf import Result, median_of
from tests.perf.workspaces import board_workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from newsdesk.core.calendar import add_months, month_grid
from newsdesk.store.calendar import CalendarData, load_calendar
from newsdesk.store.workspace import DB_NAME, Workspace
from newsdesk.ui.calendar import CalendarPage
from newsdesk.ui.fonts import use_chinese_fonts
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session

TIMEOUT_MS = 30_000
# The same rows as the calendar's month for a chief of every channel: proposals on their way
# to the topic library by planned date (drafts only their own), assignments by due date.
BARE = """
SELECT id, channel_id, title, planned_date FROM proposals
 WHERE planned_date BETWEEN ? AND ?
   AND (state IN ('submitted', 'selected') OR (state = 'draft' AND proposer_id = ?))
UNION ALL
SELECT id, channel_id, title, due_date FROM proposals
 WHERE due_date BETWEEN ? AND ? AND state IN ('assigned', 'in_progress')
"""


def _bare_ms(
    database: Path, user_id: str, first: dt.date, last: dt.date, runs: int
) -> tuple[float, int]:
    db = sqlite3.connect(database)
    bounds = (first.isoformat(), last.isoformat(), user_id, first.isoformat(), last.isoformat())
    rows = len(db.execute(BARE, bounds).fetchall())
    seconds = median_of(runs, lambda: db.execute(BARE, bounds).fetchall())
    db.close()
    return seconds * 1000, rows


def _shown_ms(page: CalendarPage, day: dt.date) -> float:
    """From asking for ``day``'s month to the month painted, the event loop running."""
    loop = QEventLoop()
    page.loaded.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    started = time.perf_counter()
    page.show_day(day)
    loop.exec()
    page.grid.repaint()
    elapsed = (time.perf_counter() - started) * 1000
    page.loaded.disconnect(loop.quit)
    return elapsed


def _lay_out_and_paint(page: CalendarPage, data: CalendarData) -> None:
    page.grid.set_content(
        page.mode,
        page.days(),
        page.anchor.month,
        data.entries,
        data.marks,
        data.channels,
        dt.date.today(),
    )
    page.unscheduled_model.set_entries(data.unscheduled, data.channels)
    page.grid.repaint()


def run(quick: bool) -> list[Result]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    use_chinese_fonts(app)
    items = 2_000 if quick else 10_000
    runs = 5 if quick else 15
    folder = board_workspace(items)
    today = dt.date.today()
    days = month_grid(today)
    runner = Runner()
    with Workspace.open(folder) as workspace:
        with workspace.store.world() as world:
            chief = world.user_by_login("chief")
        assert chief is not None
        bare_ms, rows = _bare_ms(folder / DB_NAME, chief.id, days[0], days[-1], runs)
        session = Session.sign_in(workspace, chief.id, runner)
        actor = session.actor
        with workspace.store.engine.connect() as conn:
            shown = load_calendar(conn, actor, days[0], days[-1])
            read_ms = 1000 * median_of(runs, lambda: load_calendar(conn, actor, days[0], days[-1]))
        assert len(shown.entries) == rows, (len(shown.entries), rows)
        page = CalendarPage(session)
        page.resize(1100, 680)
        page.show()
        _shown_ms(page, today)
        shown_runs = []
        for i in range(runs):
            # Alternate months so that each run reads and paints a month anew.
            shown_runs.append(_shown_ms(page, add_months(today, i % 2)))
        page_ms = statistics.median(shown_runs)
        data = page.data
        assert data is not None
        ui_ms = 1000 * median_of(runs, lambda: _lay_out_and_paint(page, data))
        page.close()
        page.deleteLater()
        session.shutdown()
    runner.shutdown()
    label = f"{items // 1000}k items, {rows} entries"
    return [
        Result(
            f"calendar month read ({label})",
            read_ms,
            "ms",
            bare_ms,
            read_ms / bare_ms,
            "≤ 3× bare",
            read_ms <= 3 * bare_ms,
        ),
        Result(
            f"calendar month shown ({label})",
            page_ms,
            "ms",
            bare_ms,
            page_ms / bare_ms,
            "≤ 150 ms",
            page_ms <= 150,
        ),
        Result(
            f"calendar month on the UI thread ({label})",
            ui_ms,
            "ms",
            bare_ms,
            ui_ms / bare_ms,
            "≤ 50 ms",
            ui_ms <= 50,
        ),
    ]
