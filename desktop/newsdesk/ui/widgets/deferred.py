"""Work for a hidden page waits until the page is shown.

A page that nobody looks at should not spend the UI thread's time on each change; it keeps only
the latest value and shows that when it becomes visible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


class UntilShown(QObject, Generic[T]):
    def __init__(self, widget: QWidget, show: Callable[[T], object]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.show = show
        self.pending: T | None = None
        widget.installEventFilter(self)

    def offer(self, value: T) -> None:
        """Show ``value`` now if the widget is visible, else when it next becomes visible."""
        if self.widget.isVisible():
            self.pending = None
            self.show(value)
        else:
            self.pending = value

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and self.pending is not None:
            value, self.pending = self.pending, None
            self.show(value)
        return False
