"""Polling the subscribed sources and turning what their feeds carry into leads.

One round: claim the sources that are due (:func:`newsdesk.store.polls.claim_due`, a lease no
other poller can win meanwhile), fetch each feed with a conditional GET (a 304 costs nothing),
read it, and hand the items as ``lead.add`` mutations to ``add_leads``, which decides them on the
normal path: on the service, as the audited login ``newsdesk-poller``; on a desktop without one,
into its own workspace. Items that are leads already make no mutation; and since a lead's id
is its source's and guid's, two pollers racing still make one lead. A failure is recorded as a
message people can read and the source backs off; the next success resets it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import httpx
from sqlalchemy import Engine

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.sources import lead_id
from newsdesk.ingest import web
from newsdesk.ingest.feeds import ACCEPT, MAX_FEED_BYTES, Feed, FeedError, parse_feed
from newsdesk.store import polls

LEASE: Final = dt.timedelta(minutes=5)
ROUND_SECONDS: Final = 60.0
PARALLEL: Final = 4
POLLER_LOGIN: Final = "newsdesk-poller"
PUBLIC_ONLY: Final = web.Policy()

log = logging.getLogger(__name__)

AddLeads = Callable[[Sequence[Mutation]], None]
Clock = Callable[[], dt.datetime]
RunDb = Callable[[Callable[[], Any]], Awaitable[Any]]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Report:
    """What one round did, for logs and tests."""

    polled: int = 0
    unchanged: int = 0
    failed: int = 0
    items: int = 0


class Poller:
    def __init__(
        self,
        engine: Engine,
        actor_id: str,
        add_leads: AddLeads,
        *,
        policy: web.Policy = PUBLIC_ONLY,
        clock: Clock = utc_now,
        run_db: RunDb | None = None,
        channel_ids: frozenset[str] | None = None,
    ) -> None:
        """The database work, ``add_leads`` included, runs through ``run_db`` (a desktop's
        database thread; by default a worker thread). ``channel_ids`` limits the sources polled
        to those channels'."""
        self.engine = engine
        self.actor_id = actor_id
        self.add_leads = add_leads
        self.policy = policy
        self.clock = clock
        self.db = run_db or asyncio.to_thread
        self.channel_ids = channel_ids

    async def poll_due(self) -> Report:
        """One round over the sources due now."""
        now = self.clock()
        claimed: list[polls.Due] = await self.db(
            lambda: polls.claim_due(self.engine, now, LEASE, self.channel_ids)
        )
        if not claimed:
            return Report()
        gate = asyncio.Semaphore(PARALLEL)
        async with web.new_client() as client:

            async def one(due: polls.Due) -> tuple[str, int]:
                async with gate:
                    return await self._poll(client, due)

            outcomes = await asyncio.gather(*(one(due) for due in claimed))
        return Report(
            polled=len(claimed),
            unchanged=sum(1 for kind, _ in outcomes if kind == "unchanged"),
            failed=sum(1 for kind, _ in outcomes if kind == "failed"),
            items=sum(count for _, count in outcomes),
        )

    async def _poll(self, client: httpx.AsyncClient, due: polls.Due) -> tuple[str, int]:
        try:
            fetched = await web.fetch_if_changed(
                client,
                due.url,
                self.policy,
                accept=ACCEPT,
                max_bytes=MAX_FEED_BYTES,
                etag=due.etag,
                last_modified=due.last_modified,
            )
            if not fetched.not_modified:
                feed = parse_feed(fetched.data, fetched.content_type, fetched.url, due.kind)
                leads = await self._leads(due, feed)
                if leads:
                    await self.db(lambda: self.add_leads(leads))
        except (web.WebError, FeedError) as error:
            await self._failed(due, error.message)
            log.info("polling %s failed: %s", due.url, error)
            return "failed", 0
        except Exception as error:
            await self._failed(
                due,
                Message(
                    "Feeds",
                    QT_TRANSLATE_NOOP("Feeds", "the poll failed unexpectedly ({detail})"),
                    {"detail": f"{type(error).__name__}: {error}"},
                ),
            )
            log.exception("polling %s failed", due.url)
            return "failed", 0
        now = self.clock()
        await self.db(
            lambda: polls.succeeded(self.engine, due, now, fetched.etag, fetched.last_modified)
        )
        return ("unchanged", 0) if fetched.not_modified else ("fetched", len(feed.items))

    async def _failed(self, due: polls.Due, error: Message) -> None:
        now = self.clock()
        await self.db(lambda: polls.failed(self.engine, due, now, error))

    async def _leads(self, due: polls.Due, feed: Feed) -> list[Mutation]:
        """``lead.add`` for each item not a lead yet (an item found before would make an
        accepted mutation that changes nothing, in the log and the audit log every round)."""
        at = self.clock()
        ids = [lead_id(due.source_id, item.guid) for item in feed.items]
        known: set[str] = await self.db(lambda: polls.known_leads(self.engine, ids))
        return [
            mutation(
                self.actor_id,
                Kind.LEAD_ADD,
                lead_id(due.source_id, item.guid),
                at=at,
                source_id=due.source_id,
                guid=item.guid,
                url=item.url,
                title=item.title,
                summary=item.summary,
                published_at=item.published_at.isoformat() if item.published_at else None,
            )
            for item in feed.items
            if lead_id(due.source_id, item.guid) not in known
        ]

    async def run(self, stop: asyncio.Event, every: float = ROUND_SECONDS) -> None:
        """Poll a round every ``every`` seconds until ``stop`` is set."""
        while not stop.is_set():
            try:
                await self.poll_due()
            except Exception:
                log.exception("a polling round failed")
            try:
                await asyncio.wait_for(stop.wait(), every)
            except TimeoutError:
                continue
