"""The report's charts, drawn with QPainter once for the screen, a PNG and the PDF alike.

Why QPainter and not a chart library: QtCharts still imports but is deprecated since Qt 6.10,
and Qt Graphs' 2D charts are QML-only in PySide6, so neither is a base to build on for years.
pyqtgraph is well kept but made for interactive scientific plots; it would add a dependency for
three bar charts and still need its own export path for the PDF. Bars, a grid and labels are a
few dozen lines of QPainter that draw the same on every device a QPainter paints: a widget, an
image, a QPdfWriter page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.report_tables import CONTEXT, LEVEL_NAMES, Translate
from newsdesk.core.reports import Report
from newsdesk.ui.widgets.palette import PAPER, Paper, chart_colours


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class BarChart:
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]


def report_charts(report: Report, translate: Translate) -> tuple[BarChart, ...]:
    """Publications per week, review turnaround per level and output per person."""

    def t(source: str) -> str:
        return translate(CONTEXT, source)

    return (
        BarChart(
            t(QT_TRANSLATE_NOOP("Report", "Publications per week")),
            tuple(f"{monday.month}/{monday.day}" for monday, _ in report.weekly),
            (
                Series(
                    t(QT_TRANSLATE_NOOP("Report", "Articles published")),
                    tuple(float(n) for _, n in report.weekly),
                ),
            ),
        ),
        BarChart(
            t(QT_TRANSLATE_NOOP("Report", "Review turnaround")),
            tuple(t(LEVEL_NAMES[line.level - 1]) for line in report.levels),
            (
                Series(
                    t(QT_TRANSLATE_NOOP("Report", "Median (hours)")),
                    tuple(line.median_hours or 0 for line in report.levels),
                ),
                Series(
                    t(QT_TRANSLATE_NOOP("Report", "90th percentile (hours)")),
                    tuple(line.p90_hours or 0 for line in report.levels),
                ),
            ),
        ),
        BarChart(
            t(QT_TRANSLATE_NOOP("Report", "Output per person")),
            tuple(line.name for line in report.people),
            (
                Series(
                    t(QT_TRANSLATE_NOOP("Report", "Written")),
                    tuple(float(p.output.articles_written) for p in report.people),
                ),
                Series(
                    t(QT_TRANSLATE_NOOP("Report", "Published")),
                    tuple(float(p.output.articles_published) for p in report.people),
                ),
            ),
        ),
    )


def _nice_top(value: float) -> tuple[float, float]:
    """A round top for the axis at or above ``value``, and the step between grid lines."""
    if value <= 0:
        return 1.0, 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        step *= magnitude
        if value / step <= 5:
            top = math.ceil(value / step) * step
            return top, step
    return value, value


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def draw_bar_chart(
    painter: QPainter, area: QRectF, chart: BarChart, font: QFont, look: Paper = PAPER
) -> None:
    """``chart`` in ``area`` in the colours of ``look``: title on top, legend under it, grouped
    bars with a value grid."""
    fills = [QColor(colour) for colour in look.series]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    small = QFont(font)
    metrics = QFontMetricsF(small, painter.device())
    line = metrics.height()
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor(look.ink))
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line * 1.4), chart.title)
    painter.setFont(small)
    x = area.left()
    legend_y = area.top() + line * 1.5
    for n, series in enumerate(chart.series):
        painter.fillRect(QRectF(x, legend_y + line * 0.2, line * 0.7, line * 0.7), fills[n])
        painter.drawText(QPointF(x + line, legend_y + line * 0.85), series.name)
        x += line * 1.6 + metrics.horizontalAdvance(series.name)
    top_value, step = _nice_top(max((v for s in chart.series for v in s.values), default=0))
    steps = round(top_value / step)
    marks = [_number(step * k) for k in range(steps + 1)]
    axis_width = max(metrics.horizontalAdvance(mark) for mark in marks) + line * 0.5
    plot = QRectF(
        area.left() + axis_width,
        legend_y + line * 1.6,
        area.width() - axis_width,
        area.height() - (legend_y - area.top()) - line * 3.2,
    )
    grid = QPen(QColor(look.rule))
    grid.setWidthF(max(1.0, line / 16))
    for k, mark in enumerate(marks):
        y = plot.bottom() - plot.height() * k / steps
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor(look.muted))
        painter.drawText(
            QRectF(area.left(), y - line / 2, axis_width - line * 0.3, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            mark,
        )
    groups = max(len(chart.labels), 1)
    slot = plot.width() / groups
    bar = slot * 0.7 / max(len(chart.series), 1)
    widest = max((metrics.horizontalAdvance(label) for label in chart.labels), default=0.0)
    every = max(1, math.ceil((widest + line * 0.5) / slot))  # labels that fit side by side
    for g, label in enumerate(chart.labels):
        left = plot.left() + slot * g + slot * 0.15
        for n, series in enumerate(chart.series):
            value = series.values[g]
            height = plot.height() * value / top_value
            rect = QRectF(left + bar * n, plot.bottom() - height, bar * 0.92, height)
            painter.fillRect(rect, fills[n])
        if g % every:
            continue
        painter.setPen(QColor(look.ink))
        room = slot * every
        painter.drawText(
            QRectF(
                plot.left() + slot * g + (slot - room) / 2,
                plot.bottom() + line * 0.2,
                room,
                line * 1.2,
            ),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, room),
        )
    if not chart.labels:
        painter.setPen(QColor(look.muted))
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "—")
    painter.restore()


class ChartView(QWidget):
    """A chart on screen, painted by :func:`draw_bar_chart`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: BarChart | None = None
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_chart(self, chart: BarChart) -> None:
        self._chart = chart
        self.setAccessibleName(chart.title)
        self.update()

    def chart(self) -> BarChart | None:
        return self._chart

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        del event
        painter = QPainter(self)
        look = chart_colours(self.palette())
        painter.fillRect(self.rect(), QColor(look.ground))
        if self._chart is not None:
            area = QRectF(self.rect()).adjusted(8, 6, -8, -4)
            draw_bar_chart(painter, area, self._chart, self.font(), look)
        painter.end()
