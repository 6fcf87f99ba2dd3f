"""The calendar's days: a month of six weeks or one week, painted from plain values.

The grid holds the entries it was given and paints them; it never reads the database. An entry
is a chip with its channel's colour down the left edge, as a card on the board; a scheduled
publication has its time before its title (with the board's clock in a month), and in week view
today's column has a line between the publications that are out and those to come. Dragging a chip
(or an undated item from the list beside the grid) onto a day emits :attr:`CalendarGrid.dropped`;
the page turns that into the entry's re-planning mutation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from newsdesk.core.calendar import DAYS_IN_WEEK, DayMark, Entry, EntryKind
from newsdesk.core.model import Channel
from newsdesk.ui.board.delegate import CLOCK, paint_clock
from newsdesk.ui.widgets.palette import Colours, colours
from newsdesk.ui.widgets.publish_time import publish_time_text

MIME = "application/x-newsdesk-calendar-entry"
EntryKey = tuple[EntryKind, str]

HEADER = 24.0  # the weekday names above the days
MONTH_CHIP = 19.0
WEEK_CHIP = 56.0
GAP = 3.0
STRIP = 4.0  # the channel's colour down a chip's left edge
TODAY_LINE = 3.0
NOW_LINE = 2.0


class Mode(Enum):
    MONTH = "month"
    WEEK = "week"


def kind_label(kind: EntryKind) -> str:
    """The word before an entry's title that says which of its dates the day is."""
    labels = {
        EntryKind.PROPOSAL: QCoreApplication.translate("CalendarGrid", "Planned"),
        EntryKind.ASSIGNMENT: QCoreApplication.translate("CalendarGrid", "Due"),
        EntryKind.PUBLICATION: QCoreApplication.translate("CalendarGrid", "Scheduled"),
    }
    return labels[kind]


def time_text(at: dt.datetime) -> str:
    """The local time of day: "07:30"."""
    return f"{at.astimezone():%H:%M}"


def entry_label(entry: Entry) -> str:
    """The kind's word, after the local time for an entry that has one: "07:30 定时"."""
    if entry.at is None:
        return kind_label(entry.kind)
    return f"{time_text(entry.at)} {kind_label(entry.kind)}"


def weekday_names() -> list[str]:
    return [
        QCoreApplication.translate("CalendarGrid", "Mon"),
        QCoreApplication.translate("CalendarGrid", "Tue"),
        QCoreApplication.translate("CalendarGrid", "Wed"),
        QCoreApplication.translate("CalendarGrid", "Thu"),
        QCoreApplication.translate("CalendarGrid", "Fri"),
        QCoreApplication.translate("CalendarGrid", "Sat"),
        QCoreApplication.translate("CalendarGrid", "Sun"),
    ]


def entry_mime(entry: Entry) -> QMimeData:
    """What a dragged entry carries: its kind and the id its re-planning changes."""
    mime = QMimeData()
    payload = json.dumps({"kind": entry.kind.value, "id": entry.entity_id})
    mime.setData(MIME, QByteArray(payload.encode()))
    mime.setText(entry.title)
    return mime


def dragged_key(mime: QMimeData) -> EntryKey | None:
    """The entry a drag carries, or ``None`` when it carries something else."""
    if not mime.hasFormat(MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME).data()).decode())
        return EntryKind(payload["kind"]), str(payload["id"])
    except (ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class _Chip:
    rect: QRectF
    entry: Entry


class CalendarGrid(QWidget):
    """Days in rows of seven, Monday first, each with its entries, holiday and today marks."""

    dropped = Signal(object, object)  # (EntryKey, dt.date): an entry dragged onto a day
    activated = Signal(object)  # Entry: double-clicked
    day_activated = Signal(object)  # dt.date: a day's empty space double-clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(560, 360)
        self.setAccessibleName(QCoreApplication.translate("CalendarGrid", "Calendar"))
        self.mode = Mode.MONTH
        self.days: list[dt.date] = []
        self.month: int | None = None  # days of other months are shown quieter
        self.today = dt.date.today()
        self._by_day: dict[dt.date, list[Entry]] = {}
        self._marks: Mapping[dt.date, DayMark] = {}
        self._channels: Mapping[str, Channel] = {}
        self._chips: list[_Chip] = []
        self._more: dict[dt.date, int] = {}
        self._press: tuple[QPointF, Entry] | None = None
        self._drop_day: dt.date | None = None

    def set_content(
        self,
        mode: Mode,
        days: Sequence[dt.date],
        month: int | None,
        entries: Sequence[Entry],
        marks: Mapping[dt.date, DayMark],
        channels: Mapping[str, Channel],
        today: dt.date,
    ) -> None:
        self.mode, self.days, self.month, self.today = mode, list(days), month, today
        self._marks, self._channels = marks, channels
        self._by_day = {}
        for entry in entries:
            if entry.day is not None:
                self._by_day.setdefault(entry.day, []).append(entry)
        self._lay_out()
        self.update()

    # --- what is where ----------------------------------------------------------------------

    def entries_on(self, day: dt.date) -> list[Entry]:
        return list(self._by_day.get(day, ()))

    def mark_of(self, day: dt.date) -> DayMark | None:
        return self._marks.get(day)

    def hidden_on(self, day: dt.date) -> int:
        """How many of ``day``'s entries do not fit its cell (the cell says "+n more")."""
        return self._more.get(day, 0)

    def day_rect(self, day: dt.date) -> QRectF:
        index = self.days.index(day)
        rows = max(1, len(self.days) // DAYS_IN_WEEK)
        width = self.width() / DAYS_IN_WEEK
        height = (self.height() - HEADER) / rows
        row, column = divmod(index, DAYS_IN_WEEK)
        return QRectF(column * width, HEADER + row * height, width, height)

    def day_at(self, point: QPointF) -> dt.date | None:
        for day in self.days:
            if self.day_rect(day).contains(point):
                return day
        return None

    def chip_at(self, point: QPointF) -> Entry | None:
        for chip in self._chips:
            if chip.rect.contains(point):
                return chip.entry
        return None

    def chip_rect(self, entry: Entry) -> QRectF | None:
        for chip in self._chips:
            if chip.entry == entry:
                return chip.rect
        return None

    def _day_header(self) -> float:
        return 21.0 if self.mode == Mode.MONTH else 44.0

    def _lay_out(self) -> None:
        self._chips, self._more = [], {}
        height = MONTH_CHIP if self.mode == Mode.MONTH else WEEK_CHIP
        for day in self.days:
            cell = self.day_rect(day)
            top = cell.top() + self._day_header()
            entries = self._by_day.get(day, [])
            room = int((cell.bottom() - top - GAP) // (height + GAP))
            shown = entries if len(entries) <= room else entries[: max(0, room - 1)]
            for entry in shown:
                rect = QRectF(cell.left() + GAP, top, cell.width() - 2 * GAP, height)
                self._chips.append(_Chip(rect, entry))
                top += height + GAP
            if len(shown) < len(entries):
                self._more[day] = len(entries) - len(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's API
        self._lay_out()

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's API
        c = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), c.qcolor("surface"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        painter.setFont(small)
        painter.setPen(c.qcolor("muted"))
        width = self.width() / DAYS_IN_WEEK
        for column, name in enumerate(weekday_names()):
            painter.drawText(
                QRectF(column * width, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter, name
            )
        for day in self.days:
            self._paint_day(painter, c, day, small)
        for chip in self._chips:
            self._paint_chip(painter, c, chip, small)
        if self.today in self.days:
            self._paint_now(painter, c)
        painter.end()

    def now_line(self, now: dt.datetime) -> float | None:
        """Where, in week view, today's column has its line between the timed entries that are
        past and those to come (``None`` when it has no timed entry shown). The column has no
        hours, so the line only marks where ``now`` falls in that order."""
        if self.mode != Mode.WEEK:
            return None
        timed = [c for c in self._chips if c.entry.at is not None and c.entry.day == self.today]
        coming = [c for c in timed if c.entry.at is not None and c.entry.at > now]
        if coming:
            return coming[0].rect.top() - GAP / 2
        return timed[-1].rect.bottom() + GAP / 2 if timed else None

    def _paint_now(self, painter: QPainter, c: Colours) -> None:
        y = self.now_line(dt.datetime.now(dt.UTC))
        if y is None:
            return
        cell = self.day_rect(self.today)
        colour = c.qcolor("error")
        painter.fillRect(QRectF(cell.left(), y - NOW_LINE / 2, cell.width(), NOW_LINE), colour)
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(cell.left() + TODAY_LINE + 3, y), 3.5, 3.5)

    def _paint_day(self, painter: QPainter, c: Colours, day: dt.date, small: QFont) -> None:
        cell = self.day_rect(day)
        mark = self._marks.get(day)
        ground = c.surface
        if self.month is not None and day.month != self.month:
            ground = c.surface_alt
        if mark is not None and mark.holiday is not None:
            ground = c.error_soft
        elif mark is not None and mark.workday:
            ground = c.warning_soft
        if day == self.today:
            ground = c.accent_soft
        if day == self._drop_day:
            ground = c.surface_selected
        painter.fillRect(cell, QColor(ground))
        painter.setPen(QPen(c.qcolor("border"), 1))
        painter.drawRect(cell)
        if day == self._drop_day:
            painter.setPen(QPen(c.qcolor("accent"), 2))
            painter.drawRect(cell.adjusted(1, 1, -1, -1))
        header = QRectF(cell.left() + 6, cell.top() + 2, cell.width() - 12, self._day_header() - 4)
        self._paint_day_number(painter, c, day, header)
        painter.setFont(small)
        if mark is not None and (mark.holiday is not None or mark.workday):
            text, role = (
                (mark.holiday or QCoreApplication.translate("CalendarGrid", "Holiday"), "error")
                if mark.holiday is not None
                else (QCoreApplication.translate("CalendarGrid", "Working day"), "warning")
            )
            painter.setPen(c.qcolor(role))
            metrics = QFontMetricsF(small)
            room = header.width() - metrics.horizontalAdvance("00") - 8
            painter.drawText(
                header,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, room),
            )
        if self.mode == Mode.WEEK and day == self.today:
            # Today's line: down the whole of today's column, where the eye finds "now".
            painter.fillRect(
                QRectF(cell.left(), cell.top(), TODAY_LINE, cell.height()), c.qcolor("accent")
            )
        if more := self._more.get(day):
            painter.setPen(c.qcolor("muted"))
            painter.drawText(
                cell.adjusted(GAP + 4, 0, -GAP, -2),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                QCoreApplication.translate("CalendarGrid", "+{count} more").format(count=more),
            )

    def _paint_day_number(
        self, painter: QPainter, c: Colours, day: dt.date, header: QRectF
    ) -> None:
        bold = QFont(self.font())
        bold.setBold(day == self.today)
        painter.setFont(bold)
        if self.mode == Mode.WEEK:
            label = QCoreApplication.translate("CalendarGrid", "{month}/{day}").format(
                month=day.month, day=day.day
            )
        else:
            label = str(day.day)
        if day == self.today:
            painter.setPen(c.qcolor("accent"))
        elif self.month is not None and day.month != self.month:
            painter.setPen(c.qcolor("faint"))
        elif day.weekday() >= 5:
            painter.setPen(c.qcolor("muted"))
        else:
            painter.setPen(c.qcolor("text"))
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)

    def _paint_chip(self, painter: QPainter, c: Colours, chip: _Chip, small: QFont) -> None:
        entry, rect = chip.entry, chip.rect
        channel = self._channels.get(entry.channel_id)
        colour = QColor(channel.colour) if channel else c.qcolor("border_strong")
        tint = QColor(colour)
        tint.setAlpha(46)  # the channel's hue over the day, light or dark alike
        painter.fillRect(rect, c.qcolor("surface"))
        painter.fillRect(rect, tint)
        painter.fillRect(QRectF(rect.left(), rect.top(), STRIP, rect.height()), colour)
        metrics = QFontMetricsF(small)
        text_rect = rect.adjusted(STRIP + 4, 1, -3, -1)
        line = QRectF(text_rect.left(), text_rect.top(), text_rect.width(), MONTH_CHIP - 2)
        painter.setFont(small)
        # A publication time in the accent colour, as on the board's chip, so that it is not
        # read as a due date.
        painter.setPen(c.qcolor("muted" if entry.at is None else "accent"))
        middle_left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        if self.mode == Mode.MONTH:
            label = entry_label(entry)
            if entry.at is not None:
                # A month's chip has no room for the word and the title: the board's clock
                # says 定时 instead.
                paint_clock(painter, c.qcolor("accent"), line.left(), line.center().y())
                line.setLeft(line.left() + CLOCK + 3)
                label = time_text(entry.at)
            painter.drawText(line, middle_left, label)
            title_rect = line.adjusted(metrics.horizontalAdvance(label) + 4, 0, 0, 0)
            title = metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, title_rect.width())
            painter.setPen(c.qcolor("text"))
            painter.drawText(title_rect, middle_left, title)
            return
        # A week's column is narrow: the kind and channel on one line, the title on two below.
        about = " · ".join([entry_label(entry), *([channel.name] if channel else [])])
        if metrics.horizontalAdvance(about) > line.width():
            # Rather the kind whole than the channel cut to "…": the strip shows the channel.
            about = entry_label(entry)
        painter.drawText(
            line, middle_left, metrics.elidedText(about, Qt.TextElideMode.ElideRight, line.width())
        )
        painter.setPen(c.qcolor("text"))
        below = QRectF(
            text_rect.left(), line.bottom(), text_rect.width(), text_rect.bottom() - line.bottom()
        )
        painter.drawText(
            below,
            Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWrapAnywhere,
            entry.title,
        )

    # --- mouse and drag ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.chip_at(QPointF(event.pos()))
            if entry is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(entry), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip(self, entry: Entry) -> str:
        channel = self._channels.get(entry.channel_id)
        when = publish_time_text(entry.at) if entry.at else (entry.day or "")
        lines = [entry.title, f"{kind_label(entry.kind)} {when}"]
        if channel is not None:
            lines.append(channel.name)
        return "\n".join(lines)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's API
        entry = self.chip_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and entry is not None:
            self._press = (event.position(), entry)
        else:
            self._press = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's API
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        start, entry = self._press
        if (event.position() - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(entry_mime(entry))
        rect = self.chip_rect(entry)
        if rect is not None:
            drag.setPixmap(self.grab(rect.toAlignedRect()))
            drag.setHotSpot((start - rect.topLeft()).toPoint())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's API
        entry = self.chip_at(event.position())
        if entry is not None:
            self.activated.emit(entry)
            return
        day = self.day_at(event.position())
        if day is not None:
            self.day_activated.emit(day)

    def _drop_target(self, event: QDragMoveEvent | QDropEvent) -> tuple[EntryKey, dt.date] | None:
        key = dragged_key(event.mimeData())
        day = self.day_at(event.position())
        return (key, day) if key is not None and day is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's API
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's API
        target = self._drop_target(event)
        day = target[1] if target else None
        if day != self._drop_day:
            self._drop_day = day
            self.update()
        if target is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt's API
        self._drop_day = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's API
        target = self._drop_target(event)
        self._drop_day = None
        self.update()
        if target is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(*target)
