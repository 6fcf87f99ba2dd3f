"""Labels show text as text.

A QLabel left at its default format (``AutoText``) guesses whether its text is markup, so a
name someone typed as ``<h1 style=color:red>…`` would be shown as a red heading, and an ``<img>``
in a title would be fetched. Every label still guessing when it is first shown (polished) is
made plain text here, once for the whole application; the few labels that do show markup say so
with ``setTextFormat(Qt.TextFormat.RichText)`` and escape the data they put in it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel


class PlainTextLabels(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Polish
            and isinstance(watched, QLabel)
            and watched.textFormat() == Qt.TextFormat.AutoText
        ):
            watched.setTextFormat(Qt.TextFormat.PlainText)
        return False


def install(app: QApplication) -> PlainTextLabels:
    """Make every label of ``app`` that does not ask for markup plain text."""
    guard = PlainTextLabels(app)
    app.installEventFilter(guard)
    return guard
