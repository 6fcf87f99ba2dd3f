"""The production statistics tab, driven as a department head drives it, over the hand-built
November of ``tests/report_newsroom.py`` (the figures are worked out in
``tests/store/test_reports.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.store.workspace import Workspace
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session
from newsdesk.ui.stats.charts import draw_bar_chart
from newsdesk.ui.stats.production import ProductionTab, period_of
from newsdesk.ui.widgets.palette import DARK, PAPER
from tests import report_newsroom as newsroom

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(tmp_path / "desk", create=True)
    with opened.store.engine.begin() as conn:
        newsroom.build(conn)
    yield opened
    opened.close()


@pytest.fixture
def tab_for(
    desk: Workspace, runner: Runner, qtbot: QtBot
) -> Iterator[Callable[[str], ProductionTab]]:
    sessions: list[Session] = []

    def make(user_id: str) -> ProductionTab:
        sessions.append(Session.sign_in(desk, user_id, runner))
        tab = ProductionTab(sessions[-1])
        qtbot.addWidget(tab)
        tab.resize(1280, 720)
        tab.show()
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.period.setCurrentIndex(tab.period.findData("custom"))
            tab.first.setDate(QDate(2026, 11, 1))
            tab.last.setDate(QDate(2026, 11, 30))
        qtbot.waitUntil(lambda: tab.report is not None and tab.report.first.day == 1)
        return tab

    yield make
    for session in sessions:
        session.shutdown()


def rows(tab: ProductionTab, index: int) -> list[list[str]]:
    model = tab.models[index]
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_periods() -> None:
    import datetime as dt

    today = dt.date(2026, 12, 6)
    assert period_of("this_month", today) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert period_of("last_month", today) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert period_of("this_quarter", today) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert period_of("this_year", today) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert period_of("last_month", dt.date(2027, 1, 15)) == (
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 31),
    )


def test_the_head_of_department_reads_november_in_chinese(
    tab_for: Callable[[str], ProductionTab], chinese: None, qtbot: QtBot, tmp_path: Path
) -> None:
    tab = tab_for("u-admin")
    # 文化 then 新闻, as worked out by hand.
    assert rows(tab, 0) == [
        [
            "文化",
            "3",
            "0",
            "2",
            "1",
            "1",
            "1",
            "0",
            "1",
            "1",
            "0",
            "7",
            "0",
            "2",
            "0",
            "0",
            "0",
            "29",
            "28",
            "",
            "28",
        ],
        [
            "新闻",
            "3",
            "2",
            "1",
            "3",
            "2",
            "2",
            "1",
            "1",
            "1",
            "1",
            "13",
            "1",
            "0",
            "1",
            "1",
            "1",
            "28",
            "19",
            "7",
            "19",
        ],
    ]
    assert rows(tab, 2)[0] == ["初审", "4", "2", "1", "1", "25.0%", "25.0%", "3.0", "64.0"]
    weekly = tab.charts[0].chart()
    assert weekly is not None and weekly.series[0].values == (0, 1, 2, 0, 0, 0)
    assert tab.status.text() == "发布 3 篇，共 20 字。"
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.grab().save(str(SHOTS / "stats_production_zh_CN.png"))

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.channel.setCurrentIndex(tab.channel.findText("新闻"))
    assert [row[0] for row in rows(tab, 0)] == ["新闻"]

    out = tmp_path / "十一月.xlsx"
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        tab.export_to(out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [cell.value for cell in sheet[4]][:5] == ["新闻", 3, 2, 1, 3]
    assert tab.progress.isHidden()
    assert all(button.isEnabled() for button in tab.buttons.values())

    tab.table_tabs.setCurrentIndex(3)  # the return reasons
    csv_file = tmp_path / "reasons.csv"
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        tab.export_to(csv_file)
    assert csv_file.read_text(encoding="utf-8-sig").splitlines() == [
        "原因,报题数",
        "与已有选题重复,1",
    ]


def test_a_chief_chooses_among_the_channels_they_lead(
    tab_for: Callable[[str], ProductionTab], english: None, qtmodeltester: ModelTester
) -> None:
    tab = tab_for("u-wang")
    for model in tab.models:
        qtmodeltester.check(model)
    assert [tab.channel.itemText(i) for i in range(tab.channel.count())] == [
        "All channels",
        "新闻",
    ]
    assert [row[0] for row in rows(tab, 0)] == ["新闻"]


@pytest.mark.usefixtures("dark", "chinese")
def test_on_a_dark_desktop_the_charts_are_drawn_dark_and_the_pdf_stays_paper(
    tab_for: Callable[[str], ProductionTab],
) -> None:
    """A chart on screen takes the dark desktop's ground and light ink (a white panel glares
    on a dark desktop); the same chart drawn for paper keeps its white ground and dark ink."""
    tab = tab_for("u-admin")
    chart = tab.charts[0]
    assert chart.chart() is not None
    shot = chart.grab().toImage()
    assert shot.pixelColor(2, 2).name() == DARK.surface
    inks = {shot.pixelColor(x, y).name() for x in range(shot.width()) for y in range(30)}
    assert DARK.text in inks
    paper = QImage(shot.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor(PAPER.ground))
    painter = QPainter(paper)
    chart_drawing = chart.chart()
    assert chart_drawing is not None
    draw_bar_chart(painter, QRectF(paper.rect()), chart_drawing, chart.font())
    painter.end()
    paper_inks = {paper.pixelColor(x, y).name() for x in range(paper.width()) for y in range(30)}
    assert PAPER.ink in paper_inks and DARK.text not in paper_inks
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.grab().save(str(SHOTS / "stats_production_dark_zh_CN.png"))
