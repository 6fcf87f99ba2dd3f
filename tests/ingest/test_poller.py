"""The poller against a real feed site on 127.0.0.1, on a real SQLite file and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select

from newsdesk.core.model import Lead
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.ingest import web
from newsdesk.ingest.poller import Poller, Report
from newsdesk.store import polls
from newsdesk.store.apply import MUTATIONS, Status
from newsdesk.store.codec import TABLES
from newsdesk.store.store import Store
from tests.core.newsroom import Newsroom
from tests.ingest.test_feeds import BILLION_LAUGHS
from tests.websites import Route, Site

FEEDS = Path(__file__).parent / "feeds"
START = dt.datetime(2026, 12, 5, 8, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def minutes(self, count: int) -> None:
        self.now = START + dt.timedelta(minutes=count)


def subscribed(store: Store, site: Site, interval: int = 10) -> tuple[Newsroom, str]:
    room = Newsroom()
    store.apply([m for m, _ in room.log])
    site.routes["/feed"] = Route(
        (FEEDS / "atom.xml").read_bytes(),
        headers={"Content-Type": "application/atom+xml"},
        etag='"v1"',
    )
    add = mutation(
        room.ids["chief"],
        Kind.SOURCE_ADD,
        channel_id=room.news,
        name="新华社公众号",
        url=site.url + "/feed",
        interval_minutes=interval,
    )
    (applied,) = store.apply([add])
    assert applied.accepted
    return room, add.entity


def poller_of(store: Store, room: Newsroom, clock: Clock) -> Poller:
    def add_leads(leads: Sequence[Mutation]) -> None:
        refused = [a for a in store.apply(list(leads), Status.ACCEPTED) if not a.accepted]
        assert not refused, refused

    return Poller(
        store.engine,
        room.ids["admin"],
        add_leads,
        policy=web.Policy(allow_private=True),
        clock=clock,
    )


def count(store: Store, table: object) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def feed_requests(site: Site) -> list[tuple[str, str, str]]:
    return [c for c in site.conditions if c[0] == "/feed"]


def state(store: Store, source_id: str) -> polls.PollState:
    with store.engine.connect() as conn:
        return polls.poll_states(conn)[source_id]


def test_new_items_become_leads_once_and_an_unchanged_feed_costs_a_304(
    store: Store, site: Site
) -> None:
    room, source_id = subscribed(store, site)
    clock = Clock()
    poller = poller_of(store, room, clock)
    assert asyncio.run(poller.poll_due()) == Report(polled=1, items=2)
    assert count(store, TABLES[Lead]) == 2
    logged = count(store, MUTATIONS)
    assert asyncio.run(poller.poll_due()) == Report()  # not due again before its interval
    clock.minutes(10)
    assert asyncio.run(poller.poll_due()) == Report(polled=1, unchanged=1)
    assert feed_requests(site)[-1] == ("/feed", '"v1"', "")
    site.routes["/feed"].etag = '"v2"'  # changed, with the same items: no lead, no mutation
    clock.minutes(20)
    assert asyncio.run(poller.poll_due()) == Report(polled=1, items=2)
    assert (count(store, TABLES[Lead]), count(store, MUTATIONS)) == (2, logged)
    assert state(store, source_id).next_poll_at == START + dt.timedelta(minutes=30)


def test_a_failing_source_backs_off_and_recovers(store: Store, site: Site) -> None:
    room, source_id = subscribed(store, site, interval=10)
    site.routes["/feed"].status = 500
    clock = Clock()
    poller = poller_of(store, room, clock)
    waited = 0
    for delay in (20, 40, 80):
        clock.minutes(waited)
        assert asyncio.run(poller.poll_due()).failed == 1
        assert state(store, source_id).next_poll_at == clock.now + dt.timedelta(minutes=delay)
        clock.minutes(waited + delay - 1)
        assert asyncio.run(poller.poll_due()) == Report()  # backing off
        waited += delay
    failing = state(store, source_id)
    assert failing.failures == 3
    assert str(failing.last_error) == "the site had an error (500)"
    site.routes["/feed"].status = 200
    clock.minutes(waited)
    assert asyncio.run(poller.poll_due()) == Report(polled=1, items=2)
    recovered = state(store, source_id)
    assert (recovered.failures, recovered.last_error) == (0, None)
    assert recovered.next_poll_at == clock.now + dt.timedelta(minutes=10)


def test_the_backoff_stops_at_six_hours() -> None:
    assert polls.next_delay(120, 1) == dt.timedelta(hours=4)
    assert polls.next_delay(120, 2) == dt.timedelta(hours=6)
    assert polls.next_delay(10, 30) == polls.next_delay(10, 3000) == dt.timedelta(hours=6)


def test_two_pollers_fetch_a_source_once(store: Store, site: Site) -> None:
    room, _ = subscribed(store, site)
    site.routes["/feed"].delay = 0.5
    reports: list[Report] = []
    start = threading.Barrier(2)

    def poll() -> None:
        poller = poller_of(store, room, Clock())
        start.wait()
        reports.append(asyncio.run(poller.poll_due()))

    threads = [threading.Thread(target=poll) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.polled for r in reports) == [0, 1]
    assert len(feed_requests(site)) == 1
    assert count(store, TABLES[Lead]) == 2


def test_a_feed_with_entity_declarations_is_refused_and_recorded(store: Store, site: Site) -> None:
    room, source_id = subscribed(store, site)
    site.routes["/feed"] = Route(BILLION_LAUGHS, headers={"Content-Type": "application/rss+xml"})
    report = asyncio.run(poller_of(store, room, Clock()).poll_due())
    assert report.failed == 1
    assert "DTD" in str(state(store, source_id).last_error)
    assert count(store, TABLES[Lead]) == 0


def test_paused_and_removed_sources_are_not_polled(store: Store, site: Site) -> None:
    room, source_id = subscribed(store, site)
    store.apply([mutation(room.ids["chief"], Kind.SOURCE_UPDATE, source_id, paused=True)])
    poller = poller_of(store, room, Clock())
    assert asyncio.run(poller.poll_due()) == Report()
    store.apply([mutation(room.ids["chief"], Kind.SOURCE_UPDATE, source_id, paused=False)])
    store.apply([mutation(room.ids["chief"], Kind.SOURCE_REMOVE, source_id)])
    assert asyncio.run(poller.poll_due()) == Report()
    assert feed_requests(site) == []
