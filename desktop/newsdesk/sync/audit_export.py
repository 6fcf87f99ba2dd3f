"""Audit entries as a spreadsheet: CSV (UTF-8 with a byte-order mark, so Excel and WPS read the
Chinese) or XLSX, chosen by the file's extension. Used by ``newsdesk-server audit export`` and
by the desktop's audit viewer."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

COLUMNS: Final = ("seq", "at", "event", "result", "login", "address", "detail", "hash")


def _cells(entry: Mapping[str, Any]) -> list[str | int]:
    at = entry["at"]
    if isinstance(at, dt.datetime):
        at = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).isoformat()
    detail = json.dumps(entry.get("detail") or {}, ensure_ascii=False, sort_keys=True)
    return [
        int(entry["seq"]),
        str(at),
        str(entry["event"]),
        str(entry.get("result") or ""),
        str(entry["login"]),
        str(entry.get("address") or ""),
        detail,
        str(entry.get("hash") or ""),
    ]


def write(
    path: Path, entries: Iterable[Mapping[str, Any]], headings: Sequence[str] = COLUMNS
) -> int:
    """Write ``entries`` to ``path`` (``.xlsx`` or CSV); returns how many."""
    count = 0
    if path.suffix.lower() == ".xlsx":
        import xlsxwriter  # only here: most runs never write a spreadsheet

        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        sheet = book.add_worksheet("audit")
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, list(headings), bold)
        for entry in entries:
            count += 1
            sheet.write_row(count, 0, _cells(entry))
        sheet.freeze_panes(1, 0)
        book.close()
        return count
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(headings)
        for entry in entries:
            count += 1
            writer.writerow(_cells(entry))
    return count
