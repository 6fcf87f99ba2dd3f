"""定时发布 as a publisher sets it: a publication time picked in local time, shown the same way
on the card's chip, in the details and in the pickers.

The picker starts at the next full half-hour (when desks plan their releases) and shows the
weekday, so "Tuesday 07:30" is not mistaken for Monday's. A time that has passed is refused
here, with a sentence saying so, before any mutation is made; the core refuses it again if the
clock moved on meanwhile, and its reason is shown the same way.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from newsdesk.ui.widgets.fields import FieldError

HALF_HOUR = dt.timedelta(minutes=30)


def next_half_hour(now: dt.datetime) -> dt.datetime:
    """The first full or half hour after ``now`` (local time, to the minute)."""
    local = now.astimezone()
    start = local.replace(minute=0 if local.minute < 30 else 30, second=0, microsecond=0)
    return start + HALF_HOUR


def _qdatetime(at: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()))


def publish_time_text(at: dt.datetime) -> str:
    """The time as the details and messages write it: "12月8日 周二 07:30"."""
    fmt = QCoreApplication.translate("PublishTime", "ddd d MMM HH:mm")
    return QLocale().toString(_qdatetime(at), fmt)


def chip_text(at: dt.datetime) -> str:
    """The card's chip: "定时 12月8日 07:30"."""
    fmt = QCoreApplication.translate("PublishTime", "d MMM HH:mm")
    when = QLocale().toString(_qdatetime(at), fmt)
    return QCoreApplication.translate("PublishTime", "Scheduled {time}").format(time=when)


def is_late(at: dt.datetime, now: dt.datetime | None = None) -> bool:
    """Whether a scheduled time has come and the article is still not out: the service that
    publishes it is down or cannot reach the store, which a publisher needs to see."""
    return at <= (now or dt.datetime.now(dt.UTC))


def past_time_message(at: dt.datetime) -> str:
    return QCoreApplication.translate(
        "PublishTime", "{time} has already passed: choose a later publication time."
    ).format(time=publish_time_text(at))


class PublishTimeEdit(QDateTimeEdit):
    """A local date and time to the minute, with the weekday and a calendar to pick from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishTime")
        self.setAccessibleName(self.tr("Publication time"))
        self.setCalendarPopup(True)
        self.setDisplayFormat(self.tr("yyyy-MM-dd ddd HH:mm"))
        self.set_publish_at(next_half_hour(dt.datetime.now(dt.UTC)))

    def publish_at(self) -> dt.datetime:
        """The chosen time, in UTC (the seconds dropped: the picker shows minutes)."""
        seconds = self.dateTime().toSecsSinceEpoch()
        return dt.datetime.fromtimestamp(seconds - seconds % 60, dt.UTC)

    def set_publish_at(self, at: dt.datetime) -> None:
        self.setDateTime(_qdatetime(at))

    def problem(self, now: dt.datetime) -> str | None:
        """Why the chosen time cannot be used at ``now``, or ``None``."""
        at = self.publish_at()
        return past_time_message(at) if at <= now else None


class ScheduleChoice(QWidget):
    """ "定时发布" beside a sign-off: unticked, the article is signed off to be published by
    hand as before; ticked, it goes out by itself at the chosen time."""

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Scheduled publishing"), self)
        self.check.setObjectName("schedulePublication")
        self.set_refusal(None)
        self.time = PublishTimeEdit(self)
        self.time.setEnabled(False)
        self.check.toggled.connect(self._toggled)
        # One above the other: the decision panel beside a review is narrow.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.time)

    def _toggled(self, on: bool) -> None:
        if on:
            # Picked again each time: a form left open since the morning starts from now.
            self.time.set_publish_at(next_half_hour(dt.datetime.now(dt.UTC)))
        self.time.setEnabled(on)
        self.toggled.emit(on)

    def reset(self) -> None:
        self.check.setChecked(False)

    def set_refusal(self, reason: str | None) -> None:
        """Offer scheduling, or disable it with the core's ``reason`` as the tooltip."""
        if reason is not None:
            self.check.setChecked(False)
        self.check.setEnabled(reason is None)
        self.check.setToolTip(reason or self.tr("Publish the article by itself at the chosen time"))

    def publish_at(self) -> dt.datetime | None:
        """The chosen time when scheduling is ticked, else ``None``."""
        return self.time.publish_at() if self.check.isChecked() else None

    def problem(self, now: dt.datetime) -> str | None:
        return self.time.problem(now) if self.check.isChecked() else None


class PublishTimeDialog(QDialog):
    """Asks for a publication time: to sign off and schedule, or to change a scheduled time.
    A time that has passed keeps the dialog open with the reason under the picker."""

    def __init__(
        self,
        window_title: str,
        text: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        current: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publishTimeDialog")
        self.setWindowTitle(window_title)
        self.setMinimumWidth(420)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.time = PublishTimeEdit(self)
        if current is not None:
            self.time.set_publish_at(current)
        self.error = FieldError(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.time.dateTimeChanged.connect(lambda _time: self.error.clear_error())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("Publication time"), self))
        layout.addWidget(self.time)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def publish_at(self) -> dt.datetime:
        return self.time.publish_at()

    def accept(self) -> None:
        problem = self.time.problem(dt.datetime.now(dt.UTC))
        if problem is not None:
            self.error.show_error(problem)
            self.time.setFocus()
            return
        super().accept()
