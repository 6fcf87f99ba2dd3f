"""A message bar across the top of a page: refusals and notices without a modal dialog."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from newsdesk.ui.widgets.palette import colours


class Tone(Enum):
    """(background, accent) roles of the palette."""

    INFO = ("accent_soft", "accent")
    WARNING = ("warning_soft", "warning")
    ERROR = ("error_soft", "error")


class MessageBar(QFrame):
    """Shows one message at a time; it hides itself after a while or when closed."""

    SHOWN_MS = 12_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName("messageText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=self.SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, tone: Tone = Tone.INFO) -> None:
        c = colours()
        background, accent = (getattr(c, role) for role in tone.value)
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {accent};"
            f" border-radius: 6px; }} #messageText {{ color: {c.text}; }}"
        )
        self.label.setText(text)
        self.show()
        self._timer.start()
