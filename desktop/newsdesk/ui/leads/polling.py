"""A desktop without a sync service polls its workspace's sources itself, every minute.

The feeds are fetched on asyncio (under qasync, as the sync client's requests are), the
database work runs on the database thread, and the leads are applied as the signed-in user's
changes, so the screens hear of them as of any other. Only the sources of channels whose
sources the user may keep are polled: the leads of the others would be refused.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QObject, QTimer

from newsdesk.core.model import Role
from newsdesk.core.mutation import Mutation
from newsdesk.ingest import web
from newsdesk.ingest.poller import PUBLIC_ONLY, Poller, Report
from newsdesk.ui.session import Session

EVERY_MS: Final = 60_000


class DesktopPolling(QObject):
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
        self._round: asyncio.Future[Report] | None = None

    @property
    def may_poll(self) -> bool:
        return self.poller.channel_ids is None or bool(self.poller.channel_ids)

    def start(self) -> None:
        if self.may_poll:
            self.timer.start()
            self.poll_now()

    def poll_now(self) -> asyncio.Future[Report] | None:
        """Start a round unless one is still running; the round, to await in tests."""
        if self._round is None or self._round.done():
            self._round = asyncio.ensure_future(self.poller.poll_due())
        return self._round

    def stop(self) -> None:
        self.timer.stop()
        if self._round is not None:
            self._round.cancel()

    def _add(self, leads: Sequence[Mutation]) -> None:
        if leads:
            self.session.apply(list(leads))
