"""The editorial calendar (日历): planned dates, due dates and scheduled publication times by day,
and what has no date yet.

The page reads one range at a time on the database thread (:func:`load_calendar`); the latest
request wins, so paging quickly through months never shows an older month last. Dropping an
entry on a day applies the entry's re-planning mutation through the session, as any other
change; a refusal is shown with its reason and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.calendar import Entry, add_months, month_grid, moved_to, replan, week_of
from newsdesk.core.world import Area
from newsdesk.store.apply import Applied
from newsdesk.store.calendar import CalendarData, load_calendar
from newsdesk.store.reads import Conn
from newsdesk.ui.calendar.grid import CalendarGrid, EntryKey, Mode
from newsdesk.ui.calendar.unscheduled import UnscheduledModel
from newsdesk.ui.i18n import translated
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import heading, muted
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.publish_time import publish_time_text

ALL = ""  # the channel filter's "all channels"
UNSCHEDULED_WIDTH = 210
_REFRESHING = frozenset({Area.PROPOSALS, Area.ARTICLES, Area.CHANNELS, Area.ROLES})


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CalendarPage(QWidget):
    """Month or week of the editorial calendar, with the undated items beside it."""

    open_item = Signal(object)  # Entry: double-clicked, to be opened as the board opens it
    loaded = Signal()  # a range was read and is shown

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar")
        self._session = session
        self.mode = Mode.MONTH
        self.anchor = dt.date.today()
        self.data: CalendarData | None = None
        self._request = 0
        self._stale = True

        self.grid = CalendarGrid(self)
        self.grid.dropped.connect(self._replan)
        self.grid.activated.connect(self.open_item)
        self.grid.day_activated.connect(self._show_week_of)

        self.previous_button = QToolButton(self)
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(self.tr("Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous"))
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(lambda: self.show_day(dt.date.today()))
        self.period = heading("", 1.1)
        self.period.setWordWrap(False)

        self.month_button = QToolButton(self)
        self.month_button.setText(self.tr("Month"))
        self.week_button = QToolButton(self)
        self.week_button.setText(self.tr("Week"))
        modes = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            modes.addButton(button)
        self.month_button.setChecked(True)
        self.month_button.clicked.connect(lambda: self.set_mode(Mode.MONTH))
        self.week_button.clicked.connect(lambda: self.set_mode(Mode.WEEK))

        self.channel = QComboBox(self)
        self.channel.setAccessibleName(self.tr("Channel"))
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel.addItem(self.tr("All channels"), ALL)
        self.channel.currentIndexChanged.connect(lambda _: self.reload())

        self.unscheduled_model = UnscheduledModel(self)
        self.unscheduled = QListView(self)
        self.unscheduled.setAccessibleName(self.tr("Unscheduled"))
        self.unscheduled.setModel(self.unscheduled_model)
        self.unscheduled.setDragEnabled(True)
        self.unscheduled.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.unscheduled.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.unscheduled.setIconSize(QSize(10, 10))
        self.unscheduled.setUniformItemSizes(True)
        self.unscheduled.doubleClicked.connect(
            lambda index: self.open_item.emit(self.unscheduled_model.entry(index.row()))
        )
        self.unscheduled_title = heading(self.tr("Unscheduled"))
        self.unscheduled_hint = muted(QLabel(self.tr("Drag an item onto a day to plan it.")))
        self.unscheduled_hint.setWordWrap(True)
        side = QWidget(self)
        side.setFixedWidth(UNSCHEDULED_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.unscheduled_title)
        side_layout.addWidget(self.unscheduled_hint)
        side_layout.addWidget(self.unscheduled, 1)

        self.message_bar = MessageBar(self)
        title = heading(self.tr("Calendar"), 1.5)
        title.setObjectName("pageTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        for widget in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.month_button)
        top.addWidget(self.week_button)
        top.addSpacing(8)
        top.addWidget(self.channel)
        body = QHBoxLayout()
        body.addWidget(self.grid, 1)
        body.addSpacing(12)
        body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addLayout(body, 1)

        session.changed.connect(self._changed)
        self._show_period()

    # --- what is shown ----------------------------------------------------------------------

    def days(self) -> list[dt.date]:
        return month_grid(self.anchor) if self.mode == Mode.MONTH else week_of(self.anchor)

    def show_day(self, day: dt.date) -> None:
        """Show the month or week holding ``day``."""
        self.anchor = day
        self._show_period()
        self.reload()

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.month_button.setChecked(mode == Mode.MONTH)
        self.week_button.setChecked(mode == Mode.WEEK)
        self._show_period()
        self.reload()

    def _show_week_of(self, day: dt.date) -> None:
        self.anchor = day
        self.set_mode(Mode.WEEK)

    def _step(self, direction: int) -> None:
        if self.mode == Mode.MONTH:
            self.show_day(add_months(self.anchor, direction))
        else:
            self.show_day(self.anchor + dt.timedelta(days=7 * direction))

    def _show_period(self) -> None:
        days = self.days()
        if self.mode == Mode.MONTH:
            text = self.tr("{month}/{year}").format(year=self.anchor.year, month=self.anchor.month)
        else:
            text = self.tr("{first} – {last}").format(
                first=self.tr("{month}/{day}/{year}").format(
                    year=days[0].year, month=days[0].month, day=days[0].day
                ),
                last=self.tr("{month}/{day}/{year}").format(
                    year=days[-1].year, month=days[-1].month, day=days[-1].day
                ),
            )
        self.period.setText(text)

    # --- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the shown range again; the answer to an older request is dropped."""
        self._request += 1
        request, days, actor = self._request, self.days(), self._session.actor
        chosen = self.channel.currentData()
        only = (str(chosen),) if chosen else ()
        self._stale = False

        def read(conn: Conn) -> CalendarData:
            return load_calendar(conn, actor, days[0], days[-1], only)

        self._session.read(read, lambda data: self._loaded(request, data), owner=self)

    def _loaded(self, request: int, data: CalendarData) -> None:
        if request != self._request:
            return
        self.data = data
        self._refill_channels(data)
        month = self.anchor.month if self.mode == Mode.MONTH else None
        self.grid.set_content(
            self.mode,
            self.days(),
            month,
            data.entries,
            data.marks,
            data.channels,
            dt.date.today(),
        )
        self.unscheduled_model.set_entries(data.unscheduled, data.channels)
        title = self.tr("Unscheduled ({count})").format(count=data.unscheduled_total)
        self.unscheduled_title.setText(title)
        if data.holiday_problem is not None:
            self.message_bar.show_message(translated(data.holiday_problem), Tone.WARNING)
        self.loaded.emit()

    def _refill_channels(self, data: CalendarData) -> None:
        channels = sorted(data.channels.values(), key=lambda c: c.name)
        present = [str(self.channel.itemData(i)) for i in range(1, self.channel.count())]
        if present == [c.id for c in channels]:
            return
        chosen = self.channel.currentData()
        self.channel.blockSignals(True)
        while self.channel.count() > 1:
            self.channel.removeItem(1)
        for channel in channels:
            self.channel.addItem(_swatch(channel.colour), channel.name, channel.id)
        found = self.channel.findData(chosen)
        self.channel.setCurrentIndex(max(0, found))
        self.channel.blockSignals(False)

    def _changed(self, areas: frozenset[Area], initiator: object) -> None:
        if not areas & _REFRESHING:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's API
        super().showEvent(event)
        if self._stale:
            self.reload()

    # --- re-planning ------------------------------------------------------------------------

    def entry(self, key: EntryKey) -> Entry | None:
        """The shown entry (on a day or undated) that ``key`` names."""
        if self.data is None:
            return None
        for entry in (*self.data.entries, *self.data.unscheduled):
            if (entry.kind, entry.entity_id) == key:
                return entry
        return None

    def _replan(self, key: EntryKey, day: dt.date) -> None:
        entry = self.entry(key)
        if entry is None or entry.day == day:
            return
        mutation = replan(self._session.user.id, entry, day)
        if entry.at is not None:
            success = self.tr("“{title}” will be published at {time}.").format(
                title=entry.title, time=publish_time_text(moved_to(entry.at, day))
            )
        else:
            success = self.tr("“{title}” is now planned for {day}.").format(
                title=entry.title, day=day.isoformat()
            )
        self._session.apply(
            [mutation], lambda applied: self._replanned(applied, success), initiator=self
        )

    def _replanned(self, applied: list[Applied], success: str) -> None:
        report(self.message_bar, applied, success)
