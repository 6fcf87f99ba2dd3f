"""Showing what went wrong: refusals inline, unexpected failures with copyable details."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.ui.jobs import Runner

log = logging.getLogger(__name__)


def show_failure(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """A short message for people (what failed, what to do), with the technical details one
    click away to copy."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Newsdesk"))
    box.setText(
        QCoreApplication.translate(
            "Errors",
            "Something went wrong and the action was not completed. Your saved work is safe.",
        )
    )
    box.setInformativeText(
        (str(error) or type(error).__name__)
        + "\n\n"
        + QCoreApplication.translate(
            "Errors",
            "Try again. If it fails again, copy the details and send them to your administrator.",
        )
    )
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def report_failures(runner: Runner, parent: Callable[[], QWidget | None]) -> None:
    """Every background job that fails with no handler of its own is shown to the user (the
    runner's ``failed`` signal, in one place: the composition root calls this)."""
    runner.failed.connect(lambda error: show_failure(parent(), error))


def install_excepthook(parent: QWidget | None = None) -> None:
    """Send exceptions that reach the event loop to :func:`show_failure` (and to the log)."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, error, trace))
        if isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        show_failure(parent, error)

    sys.excepthook = hook
