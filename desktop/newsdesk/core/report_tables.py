"""A production report as the tables people read: what the screen shows, the spreadsheet's sheets,
the PDF's tables and the CSV files. Headings are English source text marked for translation;
whoever writes the tables out translates them (Qt on the desktop, the catalogue on the server)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:  # the command line lists TABLE_KEYS at every start, without the reports
    from newsdesk.core.reports import Output, Report

Translate = Callable[[str, str], str]
"""``translate(context, source)``: a source text in the reader's language."""

Cell = str | int | float | dt.date | None

CONTEXT = "Report"

_OUTPUT_HEADINGS = (
    QT_TRANSLATE_NOOP("Report", "Proposals"),
    QT_TRANSLATE_NOOP("Report", "Selected"),
    QT_TRANSLATE_NOOP("Report", "Returned"),
    QT_TRANSLATE_NOOP("Report", "Written"),
    QT_TRANSLATE_NOOP("Report", "Published"),
    QT_TRANSLATE_NOOP("Report", "PC"),
    QT_TRANSLATE_NOOP("Report", "WAP"),
    QT_TRANSLATE_NOOP("Report", "APP"),
    QT_TRANSLATE_NOOP("Report", "Original"),
    QT_TRANSLATE_NOOP("Report", "Repost"),
    QT_TRANSLATE_NOOP("Report", "Characters"),
    QT_TRANSLATE_NOOP("Report", "On time"),
    QT_TRANSLATE_NOOP("Report", "Overdue"),
    QT_TRANSLATE_NOOP("Report", "Not yet due"),
    QT_TRANSLATE_NOOP("Report", "Corrections"),
    QT_TRANSLATE_NOOP("Report", "Retractions"),
)
LEVEL_NAMES = (
    QT_TRANSLATE_NOOP("Report", "First review"),
    QT_TRANSLATE_NOOP("Report", "Second review"),
    QT_TRANSLATE_NOOP("Report", "Final review"),
)
TABLE_KEYS = ("channels", "people", "review", "reasons", "amendments", "weekly")


@dataclass(frozen=True)
class Table:
    key: str  # channels, people, review, reasons, amendments, weekly
    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    shares: frozenset[int] = frozenset()  # the columns holding a share (0–1), shown as percent


def _output_cells(output: Output) -> tuple[int, ...]:
    return tuple(getattr(output, field.name) for field in dataclasses.fields(output))


def _hours(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def report_tables(report: Report, translate: Translate) -> tuple[Table, ...]:
    """The report's tables, in the order :data:`TABLE_KEYS` lists them."""

    def t(source: str) -> str:
        return translate(CONTEXT, source)

    outputs = tuple(t(h) for h in _OUTPUT_HEADINGS)
    correction, retraction = (
        t(QT_TRANSLATE_NOOP("Report", "Correction")),
        t(QT_TRANSLATE_NOOP("Report", "Retraction")),
    )
    return (
        Table(
            "channels",
            t(QT_TRANSLATE_NOOP("Report", "Channels")),
            (
                t(QT_TRANSLATE_NOOP("Report", "Channel")),
                *outputs,
                t(QT_TRANSLATE_NOOP("Report", "Days without publishing")),
                t(QT_TRANSLATE_NOOP("Report", "Longest silence (days)")),
                t(QT_TRANSLATE_NOOP("Report", "Publish at least every (days)")),
                t(QT_TRANSLATE_NOOP("Report", "Days since last publication")),
            ),
            tuple(
                (
                    line.name,
                    *_output_cells(line.output),
                    line.silent_days,
                    line.longest_silence,
                    line.silence_limit,
                    line.days_since_published,
                )
                for line in report.channels
            ),
        ),
        Table(
            "people",
            t(QT_TRANSLATE_NOOP("Report", "People")),
            (t(QT_TRANSLATE_NOOP("Report", "Person")), *outputs),
            tuple((line.name, *_output_cells(line.output)) for line in report.people),
        ),
        Table(
            "review",
            t(QT_TRANSLATE_NOOP("Report", "Review turnaround")),
            (
                t(QT_TRANSLATE_NOOP("Report", "Level")),
                t(QT_TRANSLATE_NOOP("Report", "Decisions")),
                t(QT_TRANSLATE_NOOP("Report", "Approved")),
                t(QT_TRANSLATE_NOOP("Report", "Returned")),
                t(QT_TRANSLATE_NOOP("Report", "Rejected")),
                t(QT_TRANSLATE_NOOP("Report", "Share returned")),
                t(QT_TRANSLATE_NOOP("Report", "Share rejected")),
                t(QT_TRANSLATE_NOOP("Report", "Median (hours)")),
                t(QT_TRANSLATE_NOOP("Report", "90th percentile (hours)")),
            ),
            tuple(
                (
                    t(LEVEL_NAMES[line.level - 1]),
                    line.decisions,
                    line.approved,
                    line.returned,
                    line.rejected,
                    line.returned_share,
                    line.rejected_share,
                    _hours(line.median_hours),
                    _hours(line.p90_hours),
                )
                for line in report.levels
            ),
            frozenset({5, 6}),
        ),
        Table(
            "reasons",
            t(QT_TRANSLATE_NOOP("Report", "Top return reasons")),
            (t(QT_TRANSLATE_NOOP("Report", "Reason")), t(QT_TRANSLATE_NOOP("Report", "Proposals"))),
            tuple(
                (reason or t(QT_TRANSLATE_NOOP("Report", "(no reason given)")), n)
                for reason, n in report.return_reasons
            ),
        ),
        Table(
            "amendments",
            t(QT_TRANSLATE_NOOP("Report", "Corrections and retractions")),
            (
                t(QT_TRANSLATE_NOOP("Report", "Day")),
                t(QT_TRANSLATE_NOOP("Report", "Channel")),
                t(QT_TRANSLATE_NOOP("Report", "Title")),
                t(QT_TRANSLATE_NOOP("Report", "Kind")),
                t(QT_TRANSLATE_NOOP("Report", "Reason")),
            ),
            tuple(
                (m.day, m.channel, m.title, retraction if m.retraction else correction, m.reason)
                for m in report.amendments
            ),
        ),
        Table(
            "weekly",
            t(QT_TRANSLATE_NOOP("Report", "Publications per week")),
            (
                t(QT_TRANSLATE_NOOP("Report", "Week of")),
                t(QT_TRANSLATE_NOOP("Report", "Articles published")),
            ),
            tuple((monday, n) for monday, n in report.weekly),
        ),
    )


def cell_text(value: Cell, share: bool = False) -> str:
    """A cell as text (CSV, PDF, screen): dates in ISO form, shares in percent."""
    if value is None:
        return ""
    if share and isinstance(value, float):
        return f"{value * 100:.1f}%"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def table_by_key(tables: Sequence[Table], key: str) -> Table:
    return next(table for table in tables if table.key == key)


def heading(department: str, first: dt.date, last: dt.date, translate: Translate) -> str:
    """The title over every sheet and page: the department and the period."""
    return translate(
        CONTEXT, QT_TRANSLATE_NOOP("Report", "{department} · Production report · {first} to {last}")
    ).format(department=department, first=first.isoformat(), last=last.isoformat())


def parse_period(first: str, last: str) -> tuple[dt.date, dt.date] | Message:
    """The days a report's ``--from`` and ``--to`` name, or what is wrong with them."""
    days: list[dt.date] = []
    for option, text in (("--from", first), ("--to", last)):
        try:
            days.append(dt.date.fromisoformat(text))
        except ValueError:
            return Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Report", "{option} “{text}” is not a date; write it as YYYY-MM-DD."
                ),
                {"option": option, "text": text},
            )
    if days[1] < days[0]:
        return Message(
            CONTEXT,
            QT_TRANSLATE_NOOP("Report", "The period ends ({last}) before it starts ({first})."),
            {"first": first, "last": last},
        )
    return days[0], days[1]


def check_suffix(name: str, allowed: Sequence[str]) -> Message | None:
    """``None`` when the file's extension is one of ``allowed``, else what to write instead."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if f".{suffix}" in allowed:
        return None
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP("Report", "Cannot write “{name}”: the file must end in {allowed}."),
        {"name": name, "allowed": ", ".join(allowed)},
    )
