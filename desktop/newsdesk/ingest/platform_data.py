"""Reading the CSV and XLSX files platforms' back offices export (微信公众号's 图文分析, 微博's
and 抖音's content data, a 留言 list) into one account import.

A file is read as a header row and data rows numbered as a spreadsheet shows them. A mapping
says which column holds which field; each platform has a default that fits its export, and the
mapping a user adjusts is remembered for the platform. Every row is checked before anything is
imported: one bad row and the file is refused with each bad line and its reason, so nothing is
ever half-imported. Items are matched to our published articles by address, then by title.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.model import MessageClass, Platform

CHINA = dt.timezone(dt.timedelta(hours=8))
FIELDS = (
    "title",
    "url",
    "published_on",
    "reads",
    "likes",
    "shares",
    "comments",
    "message_text",
    "message_author",
    "message_time",
    "message_class",
)
NUMBERS = ("reads", "likes", "shares", "comments")
_COMMON = {
    "留言内容": "message_text",
    "评论内容": "message_text",
    "留言人": "message_author",
    "昵称": "message_author",
    "用户昵称": "message_author",
    "留言时间": "message_time",
    "评论时间": "message_time",
    "分类": "message_class",
    "留言分类": "message_class",
}
DEFAULT_MAPPINGS: Mapping[Platform, Mapping[str, str]] = {
    Platform.WECHAT: {
        "文章标题": "title",
        "内容标题": "title",
        "文章链接": "url",
        "发表时间": "published_on",
        "阅读次数": "reads",
        "点赞数": "likes",
        "分享次数": "shares",
        "留言数": "comments",
        **_COMMON,
    },
    Platform.WEIBO: {
        "微博内容": "title",
        "微博链接": "url",
        "发布时间": "published_on",
        "阅读数": "reads",
        "点赞数": "likes",
        "转发数": "shares",
        "评论数": "comments",
        **_COMMON,
    },
    Platform.DOUYIN: {
        "作品名称": "title",
        "作品链接": "url",
        "发布时间": "published_on",
        "播放量": "reads",
        "点赞量": "likes",
        "分享量": "shares",
        "评论量": "comments",
        **_COMMON,
    },
}
_GENERIC = {
    "标题": "title",
    "链接": "url",
    "发布时间": "published_on",
    "阅读量": "reads",
    "点赞": "likes",
    "分享": "shares",
    "评论": "comments",
    **_COMMON,
}
_CLASSES = {
    "咨询": MessageClass.ENQUIRY,
    "投诉": MessageClass.COMPLAINT,
    "建议": MessageClass.SUGGESTION,
    "其他": MessageClass.OTHER,
    "": MessageClass.OTHER,
}


class UnreadableFileError(ValueError):
    """The file cannot be read at all; :attr:`message` says why."""

    def __init__(self, source: str, **params: object) -> None:
        self.message = Message("Import", source, params)
        super().__init__(str(self.message))


@dataclass(frozen=True)
class Sheet:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number as the file shows it, cells)


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: Message


@dataclass(frozen=True)
class Published:
    """One of our published articles, as matching needs it."""

    article_id: str
    title: str
    urls: tuple[str, ...]


@dataclass
class Plan:
    """What an import will do: the mutation's arguments and, for the preview, the matches."""

    figures: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    matched: int = 0

    def args(self) -> dict[str, Any]:
        return {"figures": self.figures, "messages": self.messages}


def _decode(data: bytes) -> str:
    """UTF-8 (with or without its BOM), else GB18030, which reads every GBK file."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError(
        QT_TRANSLATE_NOOP("Import", "The file is neither UTF-8 nor GBK text.")
    )


def read_sheet(path: Path) -> Sheet:
    """The header row and the data rows of a CSV or XLSX export."""
    if path.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(path)
    elif path.suffix.lower() == ".csv":
        rows = [
            (number, tuple(cell.strip() for cell in row))
            for number, row in enumerate(csv.reader(io.StringIO(_decode(path.read_bytes()))), 1)
        ]
    else:
        raise UnreadableFileError(
            QT_TRANSLATE_NOOP("Import", "“{name}” is not a CSV or XLSX file."), name=path.name
        )
    filled = [(n, cells) for n, cells in rows if any(cells)]
    if not filled:
        raise UnreadableFileError(QT_TRANSLATE_NOOP("Import", "The file has no rows."))
    (_, headers), *data = filled
    return Sheet(headers, tuple(data))


def _xlsx_rows(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFileError(
            QT_TRANSLATE_NOOP("Import", "Cannot read the workbook: {problem}"), problem=str(error)
        ) from error
    try:
        sheet = book.worksheets[0]
        return [
            (number, tuple(_cell_text(value) for value in row))
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def mapping_setting(platform: Platform) -> str:
    """The workspace setting that remembers the mapping a user chose for ``platform``."""
    return f"import.mapping.{platform.value}"


def remembered_mapping(
    platform: Platform, headers: Sequence[str], remembered: str | None
) -> dict[str, str]:
    """The mapping last used for the platform where its columns are in this file, else the
    platform's default."""
    if remembered:
        try:
            chosen = json.loads(remembered)
        except ValueError:
            chosen = None
        if isinstance(chosen, dict):
            kept = {h: f for h, f in chosen.items() if h in headers and f in FIELDS}
            if kept:
                return kept
    return default_mapping(platform, headers)


def default_mapping(platform: Platform, headers: Sequence[str]) -> dict[str, str]:
    """Which field each known column holds, by the platform's usual export."""
    known = DEFAULT_MAPPINGS.get(platform, _GENERIC)
    mapping: dict[str, str] = {}
    for header in headers:
        wanted = known.get(header) or _GENERIC.get(header)
        if wanted and wanted not in mapping.values():
            mapping[header] = wanted
    return mapping


def _number(text: str) -> int | None:
    cleaned = text.replace(",", "").replace("，", "").strip()
    if cleaned in ("", "-", "--"):
        return 0
    scale = 1
    if cleaned.endswith("万"):
        cleaned, scale = cleaned[:-1], 10_000
    try:
        value = float(cleaned) * scale
    except ValueError:
        return None
    return round(value) if value >= 0 else None


_DATE = re.compile(
    r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


def _moment(text: str) -> dt.datetime | None:
    found = _DATE.fullmatch(text.strip())
    if not found:
        return None
    year, month, day, hour, minute, second = found.groups()
    try:
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=CHINA,
        )
    except ValueError:
        return None


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _url_key(url: str) -> str:
    return (
        url.strip()
        .rstrip("/")
        .split("#")[0]
        .lower()
        .removeprefix("https://")
        .removeprefix("http://")
    )


def plan(
    sheet: Sheet, mapping: Mapping[str, str], published: Iterable[Published]
) -> Plan | list[RowProblem]:
    """The import ``sheet`` makes under ``mapping``, or every bad row with its reason."""
    header_of = {wanted: header for header, wanted in mapping.items()}
    column = {
        wanted: sheet.headers.index(header)
        for header, wanted in mapping.items()
        if header in sheet.headers
    }
    problems: list[RowProblem] = []
    if "title" not in column and "message_text" not in column:
        return [
            RowProblem(
                1,
                Message(
                    "Import",
                    QT_TRANSLATE_NOOP(
                        "Import", "No column is mapped to the title or to the message text."
                    ),
                ),
            )
        ]
    articles = list(published)
    by_url = {_url_key(u): a.article_id for a in articles for u in a.urls if u}
    by_title = {_key(a.title): a.article_id for a in articles}
    result = Plan()
    for line, cells in sheet.rows:
        row = _Row(line, cells, column, header_of, problems)
        if row.get("title"):
            _figure_row(row, by_url, by_title, result)
        if row.get("message_text"):
            _message_row(row, result)
        if not row.get("title") and not row.get("message_text"):
            row.bad(QT_TRANSLATE_NOOP("Import", "The row has neither a title nor a message."))
    return problems or result


@dataclass(frozen=True)
class _Row:
    """One data row under a mapping: its fields' text, and its problems reported by line."""

    line: int
    cells: tuple[str, ...]
    column: Mapping[str, int]
    header_of: Mapping[str, str]
    problems: list[RowProblem]

    def get(self, name: str) -> str:
        index = self.column.get(name)
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""

    def header(self, name: str) -> str:
        """The file's name for the column holding ``name``."""
        return self.header_of.get(name, name)

    def bad(self, source: str, **params: object) -> None:
        self.problems.append(RowProblem(self.line, Message("Import", source, params)))


def _figure_row(cell: _Row, by_url: dict[str, str], by_title: dict[str, str], result: Plan) -> None:
    moment = _moment(cell.get("published_on"))
    if moment is None:
        cell.bad(
            QT_TRANSLATE_NOOP("Import", "“{value}” is not a date (column “{column}”)."),
            value=cell.get("published_on"),
            column=cell.header("published_on"),
        )
        return
    row: dict[str, Any] = {
        "title": cell.get("title")[:300],
        "published_on": moment.date().isoformat(),
    }
    url = cell.get("url")
    if url:
        if not url.lower().startswith(("http://", "https://")):
            cell.bad(QT_TRANSLATE_NOOP("Import", "“{value}” is not a web address."), value=url[:80])
            return
        row["url"] = url
    for name in NUMBERS:
        value = _number(cell.get(name))
        if value is None:
            cell.bad(
                QT_TRANSLATE_NOOP("Import", "“{value}” is not a count (column “{column}”)."),
                value=cell.get(name),
                column=cell.header(name),
            )
            return
        row[name] = value
    article_id = by_url.get(_url_key(url)) if url else None
    article_id = article_id or by_title.get(_key(row["title"]))
    if article_id:
        row["article_id"] = article_id
        result.matched += 1
    result.figures.append(row)


def _message_row(cell: _Row, result: Plan) -> None:
    moment = _moment(cell.get("message_time"))
    if moment is None:
        cell.bad(
            QT_TRANSLATE_NOOP("Import", "“{value}” is not a date (column “{column}”)."),
            value=cell.get("message_time"),
            column=cell.header("message_time"),
        )
        return
    category = _CLASSES.get(cell.get("message_class"))
    if category is None:
        cell.bad(
            QT_TRANSLATE_NOOP("Import", "“{value}” is not one of 咨询, 投诉, 建议, 其他."),
            value=cell.get("message_class"),
        )
        return
    result.messages.append(
        {
            "text": cell.get("message_text")[:5000],
            "author": cell.get("message_author")[:100],
            "received_at": moment.isoformat(),
            "category": category.value,
        }
    )
