"""Working days by the shipped Chinese calendar, and a holiday file an administrator got wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.core import workdays
from newsdesk.core.workdays import Calendar, HolidayFileError

D = dt.date


def test_the_national_day_week_and_its_adjusted_saturday() -> None:
    # 2026: 10/1–10/7 off; Sunday 9/20 and Saturday 10/10 worked in exchange.
    assert not workdays.is_working_day(D(2026, 10, 1))
    assert not workdays.is_working_day(D(2026, 10, 5))  # a Monday inside the holiday
    assert workdays.is_working_day(D(2026, 10, 10))  # 调休 Saturday
    assert workdays.is_working_day(D(2026, 9, 20))  # 调休 Sunday
    assert not workdays.is_working_day(D(2026, 10, 11))  # an ordinary Sunday
    # Wednesday 9/30 plus two working days: Thursday 10/8 and Friday 10/9.
    assert workdays.add_working_days(D(2026, 9, 30), 2) == D(2026, 10, 9)
    # Friday 10/9 plus one is the 调休 Saturday 10/10; plus two the Monday 10/12.
    assert workdays.add_working_days(D(2026, 10, 9), 1) == D(2026, 10, 10)
    assert workdays.add_working_days(D(2026, 10, 9), 2) == D(2026, 10, 12)
    assert workdays.add_working_days(D(2026, 10, 8), -1) == D(2026, 9, 30)
    # 9/30 → 10/12: 10/8, 10/9, 10/10, 10/12.
    assert workdays.working_days_between(D(2026, 9, 30), D(2026, 10, 12)) == 4
    assert workdays.working_days_between(D(2026, 10, 12), D(2026, 9, 30)) == -4


def test_2025_spring_festival_and_its_two_worked_weekend_days() -> None:
    assert workdays.is_working_day(D(2025, 1, 26))  # Sunday, 调休
    assert not workdays.is_working_day(D(2025, 2, 4))  # Tuesday, 春节
    assert workdays.is_working_day(D(2025, 2, 8))  # Saturday, 调休
    # Monday 1/27 plus one working day: 1/28–2/4 off, so Wednesday 2/5.
    assert workdays.add_working_days(D(2025, 1, 27), 1) == D(2025, 2, 5)


def test_the_shipped_file_covers_2025_to_2027_and_marks_the_unconfirmed_year() -> None:
    calendar = workdays.calendar()
    assert {2025, 2026, 2027} <= calendar.years
    assert calendar.provisional == frozenset({2027})


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            '[2026]\nholidays = ["2026-10-01", "2026-13-01"]\n',
            "line 2: “2026-13-01” in 2026.holidays",
        ),
        (
            '[2026]\nholidays = ["2025-10-01"]\n',
            "“2025-10-01” in 2026.holidays is not a date of 2026",
        ),
        ("[2026]\nholiday = []\n", "line 2: unknown field “2026.holiday”"),
        ("[26]\nholidays = []\n", "line 1: “26” is not a year"),
        ('[2026]\nholidays = ["2026-10-10"]\nworkdays = ["2026-10-10"]\n', "both a holiday and"),
        ("[2026]\nholidays = [\n", "is not valid TOML"),
    ],
)
def test_a_bad_file_is_refused_naming_the_line_and_the_field(text: str, says: str) -> None:
    with pytest.raises(HolidayFileError) as caught:
        Calendar.parse(text, "cn.toml")
    assert says in str(caught.value)


def test_an_administrator_s_file_replaces_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "holidays.toml"
    own.write_text('[2026]\nholidays = ["2026-12-07"]\n', encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_HOLIDAYS", str(own))
    assert workdays.holiday_file() == own
    assert not workdays.is_working_day(D(2026, 12, 7))
    assert workdays.is_working_day(D(2026, 10, 1))  # the shipped 国庆 is not in this file
