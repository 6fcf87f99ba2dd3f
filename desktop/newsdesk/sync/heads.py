"""Telling connected desktops that the head moved, so they pull at once rather than at their
next poll.

A desktop keeps one long-poll open: ``GET /v1/changes/wait?after=SEQ`` answers as soon as the
service's head passes ``SEQ``, or after :data:`WAIT_SECONDS` with the head as it is, and the
desktop pulls (or asks again). A waiting desktop costs this process a coroutine and a socket: no
thread and no database connection, so twenty idle desktops cost nothing measurable.

Where the news comes from:

* every change the ledger commits in this process is announced to :meth:`Heads.moved`, from
  whichever thread committed it (a route's worker thread, the feed poller);
* on PostgreSQL several service processes share one database: the ledger also sends ``NOTIFY
  newsdesk_head`` inside its transaction (PostgreSQL delivers it on commit, never for a
  rolled-back one), and each process LISTENs on one psycopg connection of its own, so a push
  accepted by another process wakes this one's waiters. The listener reconnects with backoff
  and reads the head again once reconnected, as notifications sent meanwhile are lost.

A process shutting down answers every waiter at once (:meth:`Heads.release`), so a stopping
service does not wait out the long-polls.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from typing import Final

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

CHANNEL: Final = "newsdesk_head"  # the PostgreSQL notification channel
WAIT_SECONDS: Final = 25.0  # the longest a long-poll is held (under proxies' idle timeouts)
MAX_BACKOFF: Final = 30.0


def listen_url(engine: Engine) -> str | None:
    """The libpq address a listener connects to, or ``None`` when the database is not
    PostgreSQL (one process: what this process commits is all there is)."""
    if engine.dialect.name != "postgresql":
        return None
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


class Heads:
    """The newest sequence number this process knows of, and the coroutines waiting for it to
    pass theirs. Bound to the event loop that :meth:`start` runs on."""

    def __init__(self, read_head: Callable[[], int], listen: str | None = None) -> None:
        """``read_head``: the database's head, read on a worker thread; ``listen``: the
        PostgreSQL address to LISTEN on (see :func:`listen_url`)."""
        self._read_head = read_head
        self._listen_url = listen
        self._head = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._moved = asyncio.Event()
        self._released = False
        self._listener: asyncio.Task[None] | None = None
        self.waiting = 0  # long-polls held open now

    @property
    def head(self) -> int:
        return self._head

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._released = False
        self._moved = asyncio.Event()
        self._advance(await asyncio.to_thread(self._read_head))
        if self._listen_url is not None:
            self._listener = asyncio.create_task(self._listen(self._listen_url))

    async def stop(self) -> None:
        self.release()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        self._loop = None

    def release(self) -> None:
        """Answer every waiter now, and every later one at once (the process is stopping)."""
        self._released = True
        self._moved.set()

    def moved(self, head: int) -> None:
        """``head`` was committed; callable from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: no one waits
            loop.call_soon_threadsafe(self._advance, head)

    def _advance(self, head: int) -> None:
        if head <= self._head:
            return
        self._head = head
        woken, self._moved = self._moved, asyncio.Event()
        woken.set()

    async def wait(self, after: int, timeout: float = WAIT_SECONDS) -> int:
        """The head, once it passed ``after`` or ``timeout`` seconds went by."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self.waiting += 1
        try:
            while self._head <= after and not self._released:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._moved.wait(), remaining)
        finally:
            self.waiting -= 1
        return self._head

    async def _listen(self, url: str) -> None:
        import psycopg

        failures = 0
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    failures = 0
                    # Notifications sent before LISTEN took effect are lost: read the head.
                    self._advance(await asyncio.to_thread(self._read_head))
                    async for note in conn.notifies():
                        with contextlib.suppress(ValueError):
                            self._advance(int(note.payload))
            except (psycopg.Error, OSError, SQLAlchemyError) as error:
                failures += 1
                delay = min(MAX_BACKOFF, 0.5 * 2.0**failures) * random.uniform(0.8, 1.2)
                log.warning("head listener lost the database (%s); again in %.1f s", error, delay)
                await asyncio.sleep(delay)
