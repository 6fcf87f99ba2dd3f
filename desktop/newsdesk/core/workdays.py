"""Working days in China: weekdays, less the public holidays, plus the weekends worked in
exchange (调休). The days and the holidays' names come from a data file
(``resources/holidays/cn.toml``, or the file ``NEWSDESK_HOLIDAYS`` names) that an administrator
replaces when a year's notice is published.

The module-level functions use that file; :class:`Calendar` serves a calendar read from any text.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.paths import resources_dir


class HolidayFileError(ValueError):
    """The holiday file is unreadable; :attr:`message` names the line or the field at fault."""

    def __init__(self, source: str, **params: object) -> None:
        self.message = Message("Holidays", source, params)
        super().__init__(str(self.message))


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]  # weekends worked in exchange for a holiday (调休)
    years: frozenset[int]
    provisional: frozenset[int]  # years whose file lists only the statutory days
    names: Mapping[dt.date, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def parse(cls, text: str, name: str = "cn.toml") -> Calendar:
        """The calendar ``text`` describes, or :class:`HolidayFileError` saying where it is bad."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise HolidayFileError(
                QT_TRANSLATE_NOOP("Holidays", "{file} is not valid TOML: {problem}"),
                file=name,
                problem=str(error),
            ) from error
        holidays: set[dt.date] = set()
        workdays: set[dt.date] = set()
        provisional: set[int] = set()
        names: dict[dt.date, str] = {}
        for year_text, table in data.items():
            if not (year_text.isdigit() and len(year_text) == 4 and isinstance(table, dict)):
                raise HolidayFileError(
                    QT_TRANSLATE_NOOP(
                        "Holidays", "{file}, line {line}: “{field}” is not a year like [2026]."
                    ),
                    file=name,
                    line=_line_of(text, year_text),
                    field=year_text,
                )
            year = int(year_text)
            for key in table:
                if key not in ("holidays", "workdays", "names", "provisional"):
                    raise HolidayFileError(
                        QT_TRANSLATE_NOOP(
                            "Holidays",
                            "{file}, line {line}: unknown field “{field}” (expected holidays, "
                            "workdays, names or provisional).",
                        ),
                        file=name,
                        line=_line_of(text, key),
                        field=f"{year}.{key}",
                    )
            if table.get("provisional") is True:
                provisional.add(year)
            holidays |= _days(text, name, year, "holidays", table.get("holidays", []))
            workdays |= _days(text, name, year, "workdays", table.get("workdays", []))
            names |= _names(text, name, year, table.get("names", {}))
        for day in sorted(holidays & workdays):
            raise HolidayFileError(
                QT_TRANSLATE_NOOP(
                    "Holidays", "{file}, line {line}: {day} is both a holiday and a workday."
                ),
                file=name,
                line=_line_of(text, day.isoformat()),
                day=day.isoformat(),
            )
        return cls(
            frozenset(holidays),
            frozenset(workdays),
            frozenset(int(y) for y in data),
            frozenset(provisional),
            MappingProxyType({day: n for day, n in names.items() if day in holidays}),
        )

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (before it for negative ``n``)."""
        step = 1 if n >= 0 else -1
        left = abs(n)
        while left:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days follow ``start`` up to and including ``end`` (negative when
        ``end`` comes first): a message received on ``start`` is that many working days old."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            self.is_working_day(start + dt.timedelta(days=i))
            for i in range(1, (end - start).days + 1)
        )


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line.split("#", 1)[0]:
            return number
    return 0


def _days(text: str, name: str, year: int, field: str, values: object) -> set[dt.date]:
    if not isinstance(values, list):
        raise HolidayFileError(
            QT_TRANSLATE_NOOP(
                "Holidays", "{file}, line {line}: “{field}” must be a list of dates."
            ),
            file=name,
            line=_line_of(text, field),
            field=f"{year}.{field}",
        )
    days = set()
    for value in values:
        day = value if isinstance(value, dt.date) else None
        if day is None and isinstance(value, str):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                day = None
        if day is None or day.year != year:
            raise HolidayFileError(
                QT_TRANSLATE_NOOP(
                    "Holidays",
                    "{file}, line {line}: “{value}” in {field} is not a date of {year} "
                    "written YYYY-MM-DD.",
                ),
                file=name,
                line=_line_of(text, str(value)),
                value=str(value),
                field=f"{year}.{field}",
                year=year,
            )
        days.add(day)
    return days


def _names(text: str, name: str, year: int, values: object) -> dict[dt.date, str]:
    """``names``: each holiday's name and the first and last day it covers, so that every
    holiday between them carries the name (the 调休 weekends in between stay working days)."""
    if not isinstance(values, dict):
        raise HolidayFileError(
            QT_TRANSLATE_NOOP(
                "Holidays",
                "{file}, line {line}: “{field}” must be a table of names and their first and "
                "last day.",
            ),
            file=name,
            line=_line_of(text, "names"),
            field=f"{year}.names",
        )
    named: dict[dt.date, str] = {}
    for holiday, span in values.items():
        days = sorted(_days(text, name, year, "names", span if isinstance(span, list) else None))
        if not 1 <= len(days) <= 2:
            raise HolidayFileError(
                QT_TRANSLATE_NOOP(
                    "Holidays",
                    "{file}, line {line}: “{holiday}” needs its first and last day, "
                    'like ["2026-10-01", "2026-10-07"].',
                ),
                file=name,
                line=_line_of(text, holiday),
                holiday=holiday,
            )
        day = days[0]
        while day <= days[-1]:
            named[day] = holiday
            day += dt.timedelta(days=1)
    return named


def holiday_file() -> Path:
    """The file the calendar is read from: ``NEWSDESK_HOLIDAYS`` if set, else the shipped one."""
    override = os.environ.get("NEWSDESK_HOLIDAYS")
    return Path(override) if override else resources_dir() / "holidays" / "cn.toml"


@functools.cache
def _calendar(path: Path) -> Calendar:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise HolidayFileError(
            QT_TRANSLATE_NOOP("Holidays", "Cannot read the holiday file {file}: {problem}"),
            file=str(path),
            problem=str(error),
        ) from error
    return Calendar.parse(text, str(path))


def calendar() -> Calendar:
    return _calendar(holiday_file())


def is_working_day(day: dt.date) -> bool:
    return calendar().is_working_day(day)


def add_working_days(day: dt.date, n: int) -> dt.date:
    return calendar().add_working_days(day, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    return calendar().working_days_between(start, end)
