"""Helpers the notification tests share: what would go to the tray, and one person's
notifications over a workspace."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from newsdesk.store.workspace import Workspace
from newsdesk.ui.notifications.center import NotificationCenter
from newsdesk.ui.session import Session


@dataclass
class Told:
    """Records what would go to the system tray."""

    messages: list[tuple[str, str]] = field(default_factory=list)

    def announce(self, title: str, body: str) -> None:
        self.messages.append((title, body))


def center_of(
    qtbot: QtBot, workspace: Workspace, session: Session, told: Told
) -> tuple[NotificationCenter, QSettings]:
    """The notification centre of ``session``'s user on this workspace, loaded, with the tray
    settings it keeps (in the workspace folder, one file per user)."""
    host = QWidget()
    qtbot.addWidget(host)
    login = session.actor.user.login
    settings = QSettings(str(workspace.folder / f"{login}.ini"), QSettings.Format.IniFormat)
    center = NotificationCenter(session, settings, host, told)
    with qtbot.waitSignal(center.updated, timeout=10_000):
        center.reload()
    return center, settings
