"""``newsdesk report`` on a workspace and ``newsdesk-server report`` on PostgreSQL, run as users
run them, over the hand-built November of ``tests/report_newsroom.py``: the same numbers."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from newsdesk.store import migrate
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from tests import report_newsroom as newsroom
from tests.test_cli import newsdesk

SERVER = str(Path(sys.executable).with_name("newsdesk-server"))
NOVEMBER = ("--from", "2026-11-01", "--to", "2026-11-30")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    with Workspace.open(folder, create=True) as opened, opened.store.engine.begin() as conn:
        newsroom.build(conn)
    return folder


@pytest.fixture
def server_db(pg_url: str) -> str:
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        migrate.upgrade(conn)
        newsroom.build(conn)
    engine.dispose()
    return pg_url


def newsdesk_server(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SERVER, "--lang", lang, *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=300,
    )


def sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_the_desktop_and_the_server_agree_to_the_digit(
    workspace: Path, server_db: str, tmp_path: Path
) -> None:
    desk, server = tmp_path / "desk.xlsx", tmp_path / "server.xlsx"
    result = newsdesk("report", "--workspace", str(workspace), *NOVEMBER, "--out", str(desk))
    assert result.returncode == 0, result.stderr
    assert "desk.xlsx" in result.stdout
    result = newsdesk_server("report", "--db", server_db, *NOVEMBER, "--out", str(server))
    assert result.returncode == 0, result.stderr
    desk_sheets, server_sheets = sheets(desk), sheets(server)
    assert desk_sheets == server_sheets
    assert list(desk_sheets) == [
        "Channels",
        "People",
        "Review turnaround",
        "Top return reasons",
        "Corrections and retractions",
        "Publications per week",
    ]
    channels = desk_sheets["Channels"]
    assert channels[0][0] == "New-media department · Production report · 2026-11-01 to 2026-11-30"
    assert channels[2][:3] == ("Channel", "Proposals", "Selected")
    # The hand-worked figures of tests/store/test_reports.py: 文化 then 新闻, the output columns in
    # order, then the silent days, the longest silence, the publishing interval (新闻's 7 days) and
    # the days since the last new article on the 30th (文化's of the 2nd, 新闻's of the 11th).
    assert channels[3] == ("文化", 3, 0, 2, 1, 1, 1, 0, 1, 1, 0, 7, 0, 2, 0, 0, 0, 29, 28, None, 28)
    assert channels[4] == ("新闻", 3, 2, 1, 3, 2, 2, 1, 1, 1, 1, 13, 1, 0, 1, 1, 1, 28, 19, 7, 19)
    review = desk_sheets["Review turnaround"]
    # Level 1: 4 decisions, medians 3 h and p90 64 h (across the weekend); level 2: 2 h and 3 h.
    assert review[3] == ("First review", 4, 2, 1, 1, 0.25, 0.25, 3, 64)
    assert review[4] == ("Second review", 2, 2, 0, 0, 0, 0, 2, 3)
    weekly = desk_sheets["Publications per week"]
    assert weekly[3:] == [
        (dt.datetime(2026, 10, 26), 0),
        (dt.datetime(2026, 11, 2), 1),
        (dt.datetime(2026, 11, 9), 2),
        (dt.datetime(2026, 11, 16), 0),
        (dt.datetime(2026, 11, 23), 0),
        (dt.datetime(2026, 11, 30), 0),
    ]
    book = openpyxl.load_workbook(desk)
    # Excel's own charts: publications per week, turnaround, output per person.
    charted = {name for name in book.sheetnames if book[name]._charts}
    assert charted == {"People", "Review turnaround", "Publications per week"}


def test_a_chief_counts_the_channels_they_lead(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "chief.csv"
    result = newsdesk(
        "report", "--workspace", str(workspace), *NOVEMBER, "--out", str(out), "--as", "wang"
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0][:2] == ["Channel", "Proposals"]
    assert rows[1:] == [
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
        ]
    ]


def test_any_table_to_csv_in_chinese(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "reasons.csv"
    result = newsdesk(
        "report",
        "--workspace",
        str(workspace),
        *NOVEMBER,
        "--out",
        str(out),
        "--table",
        "review",
        lang="zh_CN",
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0][0] == "审核级别"
    assert rows[1] == ["初审", "4", "2", "1", "1", "25.0%", "25.0%", "3.0", "64.0"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-13-01", "--to", "2026-11-30"), "--from “2026-13-01” is not a date"),
        (("--from", "2026-11-01", "--to", "30.11.2026"), "--to “30.11.2026” is not a date"),
        (("--from", "2026-11-30", "--to", "2026-11-01"), "ends (2026-11-01) before it starts"),
    ],
)
def test_bad_dates_are_named(
    workspace: Path, server_db: str, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = str(tmp_path / "r.xlsx")
    desk = newsdesk("report", "--workspace", str(workspace), *args, "--out", out)
    server = newsdesk_server("report", "--db", server_db, *args, "--out", out)
    for result in (desk, server):
        assert result.returncode == 2
        assert message in result.stderr
    assert not Path(out).exists()


def test_an_unknown_extension_is_refused(workspace: Path, server_db: str, tmp_path: Path) -> None:
    desk = newsdesk(
        "report", "--workspace", str(workspace), *NOVEMBER, "--out", str(tmp_path / "r.docx")
    )
    assert desk.returncode == 2
    assert "“r.docx”: the file must end in .xlsx, .csv, .pdf" in desk.stderr
    server = newsdesk_server(
        "report", "--db", server_db, *NOVEMBER, "--out", str(tmp_path / "r.pdf")
    )
    assert server.returncode == 2
    assert "“r.pdf”: the file must end in .xlsx, .csv" in server.stderr
