"""Drag and drop in tests: Qt ignores a bare drop, so send enter, move, then drop, as a real drag
does. The event constructors take QPoint in some PySide6 releases and QPointF in others."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

E = TypeVar("E", QDragEnterEvent, QDragMoveEvent, QDropEvent)


def _event(kind: type[E], at: QPoint, action: Qt.DropAction, mime: QMimeData) -> E:
    args = (action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return kind(QPointF(at), *args)
    except TypeError:
        return kind(at, *args)


def drag_and_drop(
    target: QWidget,
    mime: QMimeData,
    action: Qt.DropAction = Qt.DropAction.MoveAction,
    at: QPoint | None = None,
) -> tuple[QDragEnterEvent, QDropEvent]:
    """Drag ``mime`` over ``target`` and drop it there; returns the enter and drop events."""
    point = at if at is not None else target.rect().center()
    enter = _event(QDragEnterEvent, point, action, mime)
    QApplication.sendEvent(target, enter)
    QApplication.sendEvent(target, _event(QDragMoveEvent, point, action, mime))
    drop = _event(QDropEvent, point, action, mime)
    QApplication.sendEvent(target, drop)
    return enter, drop
