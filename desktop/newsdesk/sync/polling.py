"""The service's poller of subscribed sources: one background thread beside the HTTP server.

It acts as the login ``newsdesk-poller``, an administrator account with no password (no one can
sign in as it), so every lead it adds is decided, numbered and audited as the poller's.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

from sqlalchemy import Engine, select

from newsdesk.core.ids import new_id
from newsdesk.core.model import User
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.ingest import web
from newsdesk.ingest.poller import POLLER_LOGIN, ROUND_SECONDS, Poller
from newsdesk.store.codec import TABLES
from newsdesk.sync.service import Service

USERS = TABLES[User]


def poller_user(running: Service, administrator_id: str) -> str:
    """The poller's user id, created (by ``administrator_id``) the first time."""
    with running.log.engine.connect() as conn:
        found = conn.execute(select(USERS.c.id).where(USERS.c.login == POLLER_LOGIN)).scalar()
    if found is not None:
        return str(found)
    user_id = new_id()
    running.ledger.administer(
        [
            mutation(
                administrator_id,
                Kind.USER_CREATE,
                user_id,
                login=POLLER_LOGIN,
                name="Newsdesk poller",
                is_admin=True,
            )
        ]
    )
    return user_id


class BackgroundPoller:
    """A thread running :meth:`Poller.run` on its own event loop until :meth:`stop`."""

    def __init__(
        self,
        engine: Engine,
        running: Service,
        actor_id: str,
        policy: web.Policy,
        every: float = ROUND_SECONDS,
    ) -> None:
        self.poller = Poller(engine, actor_id, self._add, policy=policy)
        self.running = running
        self.every = every
        self._loop = asyncio.new_event_loop()
        self._stop = asyncio.Event()
        self._thread = threading.Thread(target=self._run, name="newsdesk-poller", daemon=True)

    def _add(self, leads: Sequence[Mutation]) -> None:
        self.running.ledger.administer(list(leads), login=POLLER_LOGIN)

    def _run(self) -> None:
        self._loop.run_until_complete(self.poller.run(self._stop, self.every))

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=30)
