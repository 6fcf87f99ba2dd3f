"""A production report as the tables people read: what the screen shows, the spreadsheet's sheets,
the PDF's tables and the CSV files. Headings are English source text marked for translation;
whoever writes the tables out translates them (Qt on the desktop, the catalogue on the server)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
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
    return tuple(getattr(output, name) for name in Output.__dataclass_fields__)


def _hours(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def report_tables(report: Report, translate: Translate) -> tuple[Table, ...]:
    """The report's tables, in the order :data:`TABLE_KEYS` lists them."""

    def t(source: str) -> str:
        return translate(CONTEXT, source)

    outputs = tuple(t(h) for h in _OUTPUT_HEADINGS)
    correction, retraction = t("Correction"), t("Retraction")
    return (
        Table(
            "channels",
            t("Channels"),
            (t("Channel"), *outputs, t("Days without publishing"), t("Longest silence (days)")),
            tuple(
                (line.name, *_output_cells(line.output), line.silent_days, line.longest_silence)
                for line in report.channels
            ),
        ),
        Table(
            "people",
            t("People"),
            (t("Person"), *outputs),
            tuple((line.name, *_output_cells(line.output)) for line in report.people),
        ),
        Table(
            "review",
            t("Review turnaround"),
            (
                t("Level"),
                t("Decisions"),
                t("Approved"),
                t("Returned"),
                t("Rejected"),
                t("Share returned"),
                t("Share rejected"),
                t("Median (hours)"),
                t("90th percentile (hours)"),
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
            t("Top return reasons"),
            (t("Reason"), t("Proposals")),
            tuple((reason or t("(no reason given)"), n) for reason, n in report.return_reasons),
        ),
        Table(
            "amendments",
            t("Corrections and retractions"),
            (t("Day"), t("Channel"), t("Title"), t("Kind"), t("Reason")),
            tuple(
                (m.day, m.channel, m.title, retraction if m.retraction else correction, m.reason)
                for m in report.amendments
            ),
        ),
        Table(
            "weekly",
            t("Publications per week"),
            (t("Week of"), t("Articles published")),
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
    return translate(CONTEXT, "{department} · Production report · {first} to {last}").format(
        department=department, first=first.isoformat(), last=last.isoformat()
    )


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
