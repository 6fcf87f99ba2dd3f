"""Background sync for a signed-in session: the loop, and the questions it needs answered.

Rounds run as an asyncio task on the UI thread's event loop (qasync); their database work runs
on the session's database thread. A local change starts a round shortly after it; the status
bar and the Sync problems page hear of every round through :attr:`SyncController.status`.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.core.world import area_of
from newsdesk.sync.replica import Replica
from newsdesk.sync.rows import SYNCED
from newsdesk.sync.status import State, SyncStatus
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session

if TYPE_CHECKING:  # the network stack loads when syncing starts, not with the window
    from newsdesk.sync.client import SyncClient, SyncLoop

log = logging.getLogger(__name__)
POKE_DELAY_MS = 1500  # a burst of typing syncs once, shortly after it


class SyncController(QObject):
    status = Signal(object)  # SyncStatus

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.replica = Replica(session.workspace.store)
        self.client: SyncClient | None = None
        self.loop: SyncLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._asking = False
        self.dialog_parent: QWidget | None = None
        self._dialog: QWidget | None = None  # the question being asked, if any
        self.last = SyncStatus(State.OFFLINE)
        self._poke = QTimer(self, singleShot=True, interval=POKE_DELAY_MS)
        self._poke.timeout.connect(self.sync_now)

    @property
    def connected(self) -> bool:
        """Whether this workspace syncs with a server at all."""
        return self.client is not None

    def start(self, server: str | None) -> None:
        """Start syncing with ``server`` (the workspace's saved one); ``None``: stay local."""
        if server is None or self.client is not None:
            return
        from newsdesk.sync.client import SyncClient, SyncLoop

        self.client = SyncClient(
            self.replica,
            server,
            blobs=self.session.workspace.blobs,
            run_db=self.session.runner.call,
        )
        self.loop = SyncLoop(self.client, self._report)
        self.session.pending_changed.connect(lambda _count: self._poke.start())
        self._task = asyncio.ensure_future(self.loop.run())

    def sync_now(self) -> None:
        if self.loop is not None:
            self.loop.poke()

    def shutdown(self) -> None:
        """Stop syncing (the workspace is closing); the outbox keeps what was not sent yet."""
        if self.loop is not None:
            self.loop.stop()
        if self._task is not None:
            self._task.cancel()

    def _report(self, status: SyncStatus) -> None:
        self.last = status
        self.status.emit(status)
        if status.changed:
            areas = frozenset(area_of(SYNCED[table][0]) for table in status.changed)
            self.session.announce(areas)
        if status.state is State.SIGN_IN:
            QTimer.singleShot(0, self._ask_password)
        elif status.state is State.RESTORED and status.epoch is not None:
            QTimer.singleShot(0, lambda: self._ask_repush(str(status.epoch)))

    def _ask_password(self) -> None:
        from newsdesk.ui.sync.connect import PasswordDialog

        if self._asking or self.client is None:
            return
        self._asking = True
        dialog = PasswordDialog(self.client, self.session.user.login, self.dialog_parent)

        def closed(_result: int) -> None:
            self._asking = False
            self.sync_now()

        dialog.finished.connect(closed)
        dialog.open()
        self._dialog = dialog  # kept: without a parent window it would be collected at once

    def _ask_repush(self, epoch: str) -> None:
        if self._asking:
            return
        self._asking = True
        box = QMessageBox(self.dialog_parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The server was restored"))
        box.setText(
            self.tr(
                "The sync server was restored from a backup and may have lost changes made "
                "on this computer."
            )
        )
        box.setInformativeText(
            self.tr(
                "Push this workspace's changes to it again? The server recognises the ones it "
                "still has, so nothing is applied twice. Nothing on this computer is deleted "
                "either way. Not now keeps syncing paused until you choose Sync now again."
            )
        )
        push = box.addButton(self.tr("Push again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        user_id = self.session.user.id

        def answered(_result: int) -> None:
            self._asking = False
            if box.clickedButton() is not push:
                return

            Job(lambda: self.replica.prepare_repush(epoch, user_id), self).success(
                lambda _count: self.sync_now()
            ).run(self.session.runner)

        box.finished.connect(answered)
        box.open()
        self._dialog = box
