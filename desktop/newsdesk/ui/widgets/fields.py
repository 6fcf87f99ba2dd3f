"""Small pieces the proposal forms and tables share: inline errors, dates, tags, web addresses."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from newsdesk.ui.widgets.palette import colours

MAX_TAGS = 30  # the mutation schema's limits for tags
MAX_TAG_LENGTH = 40
_TAG_SEPARATORS = re.compile(r"[,，、;；\n]")
DIALOG_MARGIN = 20


def alive(obj: QObject) -> bool:
    """Whether ``obj``'s Qt side still exists: a dialog may close before its job ends."""
    return isValid(obj)


def parse_tags(text: str) -> list[str]:
    """Tags typed with commas (half or full width), 、 or semicolons, without repeats."""
    tags: list[str] = []
    for part in _TAG_SEPARATORS.split(text):
        tag = part.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def is_web_address(text: str) -> bool:
    """An absolute http or https address with a host, as a link material needs."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())


def iso(date: dt.date | None) -> str:
    """``2026-11-23``: the one date format people in both languages read without doubt."""
    return date.isoformat() if date else ""


def local_time(moment: dt.datetime) -> str:
    """A stored (UTC) time in the machine's time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class FieldError(QLabel):
    """A red sentence under a field that says what is wrong with it; hidden while all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {colours().error};")
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def with_error(field: QWidget, error: FieldError) -> QWidget:
    """``field`` with its error line underneath, as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


def muted(label: QLabel) -> QLabel:
    """``label`` in the palette's secondary text colour (right in light and dark themes)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def heading(text: str, scale: float = 1.15) -> QLabel:
    """A dialog's first line (or, larger, a page's title): bold and a little larger."""
    shown = QLabel(text)
    shown.setWordWrap(True)
    font = QFont(shown.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    shown.setFont(font)
    return shown
