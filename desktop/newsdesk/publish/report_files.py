"""A production report's tables written to files without Qt, so the server writes them too: any
table to CSV (UTF-8 with a byte-order mark, which Excel and WPS need to read the Chinese), and
the whole report to XLSX with XlsxWriter (faster than openpyxl for writing): one sheet per table,
with Excel's own charts beside the tables they draw (publications per week, review turnaround,
output per person)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsdesk.core.report_tables import CONTEXT, Table, Translate, cell_text, table_by_key

SUFFIXES = (".xlsx", ".csv", ".pdf")


def write_csv(path: Path, table: Table) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(table.headings)
        for row in table.rows:
            writer.writerow(
                [cell_text(value, column in table.shares) for column, value in enumerate(row)]
            )


def write_xlsx(
    path: Path,
    heading: str,
    tables: Sequence[Table],
    translate: Translate,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> None:
    """The report in ``path``: a sheet per table under ``heading`` (department and period)."""
    import xlsxwriter  # only here: most runs never write a spreadsheet

    workbook = xlsxwriter.Workbook(str(path))
    try:
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        percent = workbook.add_format({"num_format": "0.0%"})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for done, table in enumerate(tables):
            sheet = workbook.add_worksheet(table.title[:31])
            sheet.write(0, 0, heading, title)
            sheet.write_row(2, 0, table.headings, bold)
            for r, row in enumerate(table.rows, start=3):
                for c, value in enumerate(row):
                    if isinstance(value, dt.date):
                        sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), day)
                    elif c in table.shares:
                        sheet.write_number(r, c, float(value or 0), percent)
                    else:
                        sheet.write(r, c, value)
            sheet.set_column(0, 0, 16)
            sheet.set_column(1, len(table.headings) - 1, 11)
            chart = _chart(workbook, table, translate)
            if chart is not None:
                sheet.insert_chart(3 + len(table.rows) + 2, 0, chart)
            progress(done + 1, len(tables))
    finally:
        workbook.close()


def _chart(workbook: Any, table: Table, translate: Translate) -> Any:
    """Excel's chart for the tables people would rather look at, or ``None``."""
    if not table.rows or table.key not in ("weekly", "review", "people"):
        return None
    sheet = table.title[:31].replace("'", "''")
    last = 3 + len(table.rows) - 1
    categories = [f"'{sheet}'", 3, 0, last, 0]
    if table.key == "weekly":
        chart = workbook.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": table.headings[1],
                "categories": categories,
                "values": [f"'{sheet}'", 3, 1, last, 1],
            }
        )
    elif table.key == "review":
        chart = workbook.add_chart({"type": "bar"})
        for column in (7, 8):
            chart.add_series(
                {
                    "name": table.headings[column],
                    "categories": categories,
                    "values": [f"'{sheet}'", 3, column, last, column],
                }
            )
    else:
        chart = workbook.add_chart({"type": "bar"})
        published = table.headings.index(translate(CONTEXT, "Published"))
        chart.add_series(
            {
                "name": table.headings[published],
                "categories": categories,
                "values": [f"'{sheet}'", 3, published, last, published],
            }
        )
    chart.set_title({"name": table.title})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 640, "height": 320})
    return chart


def write_report(
    path: Path,
    heading: str,
    tables: Sequence[Table],
    translate: Translate,
    table_key: str = "channels",
) -> None:
    """``path`` by its extension: ``.xlsx`` the whole report, ``.csv`` the table ``table_key``."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(path, heading, tables, translate)
    elif suffix == ".csv":
        write_csv(path, table_by_key(tables, table_key))
    else:
        raise ValueError(suffix)
