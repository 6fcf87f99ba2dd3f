"""The production report as an A4 PDF: the department and period on top, the charts, then every
table, with page numbers, in a Chinese font whose text stays searchable.

Searchable Chinese needs care in the choice of font. Qt writes each font's ToUnicode map by
walking Unicode upwards and giving every glyph the *first* code point that reaches it. Noto Sans
CJK (and Source Han Sans) map the Kangxi radicals (U+2F00–U+2FD5) to the same glyphs as the
ideographs they look like, and the radicals come first: 月 (U+6708) is written as ⽉ (U+2F49), and
a search of the PDF for 月 finds nothing. So the PDF takes the first family of :data:`FAMILIES`
that draws 月 with a glyph of its own, or has no radicals at all (WenQuanYi Micro Hei), checked on
the font actually found, and falls back to the desktop's fonts only when none does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
)

from newsdesk.core.report_tables import Table, cell_text
from newsdesk.core.reports import Report
from newsdesk.ui import fonts
from newsdesk.ui.stats.charts import draw_bar_chart, report_charts
from newsdesk.ui.widgets.palette import PAPER

FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimSun", "PingFang SC")
RESOLUTION = 300
_RADICAL_MOON, _MOON = "\u2f49", "\u6708"

Draw = Callable[[QPainter], None]


def searchable(family: str) -> bool:
    """Whether ``family`` is installed, draws 月, and does not draw ⽉ with the same glyph."""
    if family not in QFontDatabase.families():
        return False
    raw = QRawFont.fromFont(QFont(family))
    moon = raw.glyphIndexesForString(_MOON)
    radical = raw.glyphIndexesForString(_RADICAL_MOON)
    if not moon or moon[0] == 0:
        return False
    return not radical or radical[0] != moon[0]


def pdf_font(point_size: float) -> QFont:
    font = QFont()
    chosen = [family for family in FAMILIES if searchable(family)]
    font.setFamilies(chosen + fonts.FAMILIES)
    font.setPointSizeF(point_size)
    return font


class _Pages:
    """Lays blocks out top to bottom, page after page; drawing waits until the count is known."""

    def __init__(self, body: QRectF) -> None:
        self.body = body
        self.pages: list[list[Draw]] = [[]]
        self.y = body.top()

    def room(self) -> float:
        return self.body.bottom() - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.body.top()

    def place(self, height: float, draw: Callable[[QPainter, QRectF], None]) -> None:
        if height > self.room() and self.y > self.body.top():
            self.new_page()
        area = QRectF(self.body.left(), self.y, self.body.width(), height)
        self.pages[-1].append(lambda painter: draw(painter, area))
        self.y += height


def write_pdf(
    path: Path,
    heading: str,
    report: Report,
    tables: Sequence[Table],
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> None:
    """The report in ``path`` (A4 landscape, so the channel table's columns fit)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(heading)
    writer.setCreator("Newsdesk")
    painter = QPainter(writer)
    try:
        _paint(painter, writer, heading, report, tables, progress)
    finally:
        painter.end()


def _paint(
    painter: QPainter,
    writer: QPdfWriter,
    heading: str,
    report: Report,
    tables: Sequence[Table],
    progress: Callable[[int, int], None],
) -> None:
    text = pdf_font(8)
    title = pdf_font(14)
    title.setBold(True)
    painter.setFont(text)
    line = QFontMetricsF(text, writer).height()
    page = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    page.moveTo(0, 0)
    body = page.adjusted(0, 0, 0, -line * 2)
    pages = _Pages(body)

    def draw_title(p: QPainter, area: QRectF) -> None:
        p.setFont(title)
        p.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, heading)
        p.setFont(text)

    pages.place(line * 3, draw_title)
    translate = QCoreApplication.translate
    charts = report_charts(report, translate)
    width = body.width() / len(charts)
    chart_height = body.height() * 0.45

    def draw_charts(p: QPainter, area: QRectF) -> None:
        for n, chart in enumerate(charts):
            box = QRectF(area.left() + width * n, area.top(), width - line, area.height())
            draw_bar_chart(p, box, chart, text)

    pages.place(chart_height, draw_charts)
    for table in tables:
        _place_table(pages, table, text, line)
    total = len(pages.pages)
    for number, draws in enumerate(pages.pages, start=1):
        if number > 1:
            writer.newPage()
        for draw in draws:
            draw(painter)
        painter.setFont(text)
        painter.setPen(QColor(PAPER.muted))
        painter.drawText(
            QRectF(page.left(), page.bottom() - line * 1.5, page.width(), line * 1.5),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            translate("ReportPdf", "Page {page} of {pages}").format(page=number, pages=total),
        )
        progress(number, total)


def _place_table(pages: _Pages, table: Table, font: QFont, line: float) -> None:
    """The table's title, its heading row and its rows, the heading repeated on each page."""
    bold = QFont(font)
    bold.setBold(True)
    columns = len(table.headings)
    first = min(pages.body.width() * 0.2, pages.body.width() / columns * 3)
    if table.key == "amendments":
        first = pages.body.width() / columns
    rest = (pages.body.width() - first) / max(columns - 1, 1)
    widths = [first] + [rest] * (columns - 1)
    head_height = line * 3.4
    row_height = line * 1.5

    def draw_row(
        cells: Sequence[tuple[str, bool]], shaded: bool, strong: bool
    ) -> Callable[..., None]:
        def draw(p: QPainter, area: QRectF) -> None:
            if shaded:
                p.fillRect(area, QColor(PAPER.shade))
            p.setFont(bold if strong else font)
            p.setPen(QColor(PAPER.ink))
            x = area.left()
            for (cell, number), width in zip(cells, widths, strict=True):
                align = Qt.AlignmentFlag.AlignVCenter | (
                    Qt.AlignmentFlag.AlignRight if number else Qt.AlignmentFlag.AlignLeft
                )
                box = QRectF(x + line * 0.2, area.top(), width - line * 0.4, area.height())
                p.drawText(box, align | Qt.TextFlag.TextWordWrap, cell)
                x += width
            p.setPen(QColor(PAPER.rule))
            p.drawLine(area.bottomLeft(), area.bottomRight())

        return draw

    def draw_caption(p: QPainter, area: QRectF) -> None:
        p.setFont(bold)
        p.setPen(QColor(PAPER.ink))
        p.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, table.title)

    numeric = [
        bool(table.rows) and all(isinstance(row[n], int | float) for row in table.rows)
        for n in range(columns)
    ]
    header = draw_row(list(zip(table.headings, numeric, strict=True)), True, True)
    if pages.room() < line * 2 + head_height + row_height * min(len(table.rows), 3):
        pages.new_page()
    pages.place(line * 2, draw_caption)
    pages.place(head_height, header)
    for row in table.rows:
        if pages.room() < row_height:
            pages.new_page()
            pages.place(head_height, header)
        cells = [
            (cell_text(value, n in table.shares), isinstance(value, int | float))
            for n, value in enumerate(row)
        ]
        pages.place(row_height, draw_row(cells, False, False))
    if not table.rows:
        pages.place(
            row_height, draw_row([("—", False)] + [("", False)] * (columns - 1), False, False)
        )
