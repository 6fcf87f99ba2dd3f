"""Showing what went wrong: refusals inline, unexpected failures with copyable details."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def show_failure(parent: QWidget | None, error: BaseException) -> None:
    """A short message for people, with the technical details one click away to copy."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Newsdesk"))
    box.setText(
        QCoreApplication.translate(
            "Errors",
            "Something went wrong and the action was not completed. Your saved work is safe.",
        )
    )
    box.setInformativeText(str(error) or type(error).__name__)
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.open()


def install_excepthook(parent: QWidget | None = None) -> None:
    """Send exceptions that reach the event loop to :func:`show_failure` (and to the log)."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, error, trace))
        if isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        show_failure(parent, error)

    sys.excepthook = hook
