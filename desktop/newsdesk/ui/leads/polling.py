"""A desktop without a sync service polls its workspace's sources itself, every minute.

Each round is a job on the network thread (an event loop of its own there fetches the feeds),
its database work on the database thread; when it found leads, the screens are told as of any
other change. Only the sources of channels whose sources the user may keep are polled: the
leads of the others would be refused.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.core.model import Role
from newsdesk.core.mutation import Mutation
from newsdesk.core.world import Area
from newsdesk.ingest import web
from newsdesk.ingest.poller import PUBLIC_ONLY, Poller, Report
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session

EVERY_MS: Final = 60_000


class DesktopPolling(QObject):
    polled = Signal(object)  # the Report of a round that ended

    def __init__(
        self, session: Session, policy: web.Policy = PUBLIC_ONLY, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        actor = session.actor
        channels = (
            None
            if actor.is_admin
            else frozenset(c for c, role in actor.roles if role is Role.CHIEF)
        )
        self.poller = Poller(
            session.workspace.store.engine,
            actor.id,
            self._add,
            policy=policy,
            run_db=session.runner.call,
            channel_ids=channels,
        )
        self.timer = QTimer(self, interval=EVERY_MS)
        self.timer.timeout.connect(self.poll_now)
        self.running = False

    @property
    def may_poll(self) -> bool:
        return self.poller.channel_ids is None or bool(self.poller.channel_ids)

    def start(self) -> None:
        if self.may_poll:
            self.timer.start()
            self.poll_now()

    def poll_now(self) -> bool:
        """Start a round unless one is still running; whether one started."""
        if self.running:
            return False
        self.running = True
        Job(self._round, self).success(self._done).failure(self._failed).run(self.session.network)
        return True

    def stop(self) -> None:
        self.timer.stop()

    def _round(self) -> Report:
        """On the network thread."""
        return asyncio.run(self.poller.poll_due())

    def _add(self, leads: Sequence[Mutation]) -> None:
        """On the database thread, inside a round."""
        self.session.workspace.store.apply(leads)

    def _done(self, report: Report) -> None:
        self.running = False
        if report.items:
            self.session.announce(frozenset({Area.LEADS}))
        self.polled.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.session.runner.failed.emit(error)
