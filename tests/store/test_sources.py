"""Subscribed sources and their leads, decided by the core and kept by the store, on a real
SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.core.model import FeedKind, Lead, Source
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.notifications import Event
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.sources import lead_id
from newsdesk.store.apply import Applied
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.leads import followable_sources, visible_leads
from newsdesk.store.notifications import notifications
from newsdesk.store.store import Store
from newsdesk.store.world import DbWorld
from tests.core.newsroom import Newsroom

FEED = "https://news.example.cn/rss.xml"


def newsroom_in(store: Store) -> Newsroom:
    room = Newsroom()
    store.apply([m for m, _ in room.log])
    return room


def one(store: Store, m: Mutation) -> Applied:
    (applied,) = store.apply([m])
    return applied


def refusal_of(applied: Applied) -> Refusal:
    assert isinstance(applied.outcome, Refusal), applied.outcome
    return applied.outcome


def add_source(store: Store, room: Newsroom, who: str = "admin", **args: Any) -> Applied:
    fields: dict[str, Any] = {"channel_id": room.news, "name": "新华网", "url": FEED, **args}
    return one(store, mutation(room.ids[who], Kind.SOURCE_ADD, **fields))


def source_row(store: Store, source_id: str) -> Source:
    table = TABLES[Source]
    with store.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == source_id)).mappings().one()
    return from_row(Source, row)


def leads(store: Store) -> list[Lead]:
    table = TABLES[Lead]
    with store.engine.connect() as conn:
        return [from_row(Lead, r) for r in conn.execute(select(table)).mappings()]


def add_lead(
    store: Store, room: Newsroom, source_id: str, guid: str, who: str = "admin"
) -> Applied:
    return one(
        store,
        mutation(
            room.ids[who],
            Kind.LEAD_ADD,
            lead_id(source_id, guid),
            source_id=source_id,
            guid=guid,
            url=f"https://news.example.cn/{guid}.html",
            title="暴雨预警升级",
            summary="市气象台发布暴雨橙色预警",
            published_at="2026-12-05T08:30:00+08:00",
        ),
    )


def test_an_administrator_and_the_channel_chief_keep_sources_and_others_may_not(
    store: Store,
) -> None:
    room = newsroom_in(store)
    added = add_source(store, room, kind="rss", interval_minutes=15)
    assert added.accepted
    source = source_row(store, added.mutation.entity)
    assert (source.name, source.url, source.kind, source.interval_minutes) == (
        "新华网",
        FEED,
        FeedKind.RSS,
        15,
    )
    assert add_source(store, room, "chief", url="https://other.example.cn/atom").accepted
    refused = refusal_of(add_source(store, room, "editor", url="https://third.example.cn/"))
    assert refused.code is RefusalCode.FORBIDDEN
    paused = mutation(room.ids["chief"], Kind.SOURCE_UPDATE, source.id, paused=True)
    assert one(store, paused).accepted and source_row(store, source.id).paused
    by_editor = mutation(room.ids["editor"], Kind.SOURCE_REMOVE, source.id)
    assert refusal_of(one(store, by_editor)).code is RefusalCode.FORBIDDEN
    removed = mutation(room.ids["chief"], Kind.SOURCE_REMOVE, source.id)
    assert one(store, removed).accepted and source_row(store, source.id).removed


def test_bad_source_settings_are_refused_naming_the_field(store: Store) -> None:
    room = newsroom_in(store)
    too_often = refusal_of(add_source(store, room, interval_minutes=4))
    assert too_often.message.params["field"] == "interval_minutes"
    assert "between 5 and" in str(too_often)
    not_web = refusal_of(add_source(store, room, url="file:///etc/passwd"))
    assert not_web.message.params["field"] == "url"
    assert refusal_of(add_source(store, room, name="  ")).message.params["field"] == "name"
    assert refusal_of(add_source(store, room, kind="rdf")).message.params["field"] == "kind"
    assert add_source(store, room).accepted
    twice = refusal_of(add_source(store, room, name="又一个"))
    assert twice.code is RefusalCode.DUPLICATE and "新华网" in str(twice)
    with store.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(TABLES[Source])).scalar()
    assert count == 1


def test_an_item_found_twice_is_one_lead(store: Store) -> None:
    room = newsroom_in(store)
    source_id = add_source(store, room).mutation.entity
    first = add_lead(store, room, source_id, "item-1")
    again = add_lead(store, room, source_id, "item-1")
    assert first.accepted and again.accepted
    assert again.outcome.upserts == ()  # type: ignore[union-attr]
    assert add_lead(store, room, source_id, "item-2").accepted
    found = sorted(leads(store), key=lambda lead: lead.guid)
    assert [lead.guid for lead in found] == ["item-1", "item-2"]
    assert found[0].channel_id == room.news
    assert found[0].published_at == dt.datetime(2026, 12, 5, 0, 30, tzinfo=dt.UTC)


def test_only_keepers_add_leads_named_by_their_item_and_not_to_a_removed_source(
    store: Store,
) -> None:
    room = newsroom_in(store)
    source_id = add_source(store, room).mutation.entity
    assert refusal_of(add_lead(store, room, source_id, "x", who="editor")).code is (
        RefusalCode.FORBIDDEN
    )
    misnamed = mutation(
        room.ids["admin"],
        Kind.LEAD_ADD,
        "not-derived",
        source_id=source_id,
        guid="x",
        url="https://news.example.cn/x.html",
        title="标题",
    )
    assert refusal_of(one(store, misnamed)).code is RefusalCode.INVALID
    one(store, mutation(room.ids["admin"], Kind.SOURCE_REMOVE, source_id))
    assert refusal_of(add_lead(store, room, source_id, "x")).code is RefusalCode.WRONG_STATE
    assert leads(store) == []


def test_read_is_each_users_and_a_dismissal_is_everyones(store: Store) -> None:
    room = newsroom_in(store)
    source_id = add_source(store, room).mutation.entity
    lead = add_lead(store, room, source_id, "item-1").mutation.entity
    for who in ("editor", "editor", "reviewer1"):
        assert one(store, mutation(room.ids[who], Kind.LEAD_READ, lead)).accepted
    (found,) = leads(store)
    assert found.read_by == (room.ids["editor"], room.ids["reviewer1"])
    outsider = refusal_of(one(store, mutation(room.ids["reviewer2"], Kind.LEAD_READ, "nothing")))
    assert outsider.code is RefusalCode.NOT_FOUND
    library_only = room.ids["outsider"]  # an editor of another channel does not see it
    assert refusal_of(one(store, mutation(library_only, Kind.LEAD_DISMISS, lead))).code is (
        RefusalCode.NOT_FOUND
    )
    assert one(store, mutation(room.ids["editor"], Kind.LEAD_DISMISS, lead)).accepted
    (found,) = leads(store)
    assert found.dismissed and found.dismissed_by == room.ids["editor"]
    assert one(store, mutation(room.ids["editor2"], Kind.LEAD_UNDISMISS, lead)).accepted
    (found,) = leads(store)
    assert not found.dismissed and found.dismissed_by is None


def test_who_follows_a_source_is_kept_per_user_and_their_bell_rings_for_it(store: Store) -> None:
    room = newsroom_in(store)
    source_id = add_source(store, room).mutation.entity
    follow = mutation(room.ids["reviewer2"], Kind.SOURCE_FOLLOW, source_id, follow=True)
    assert one(store, follow).accepted
    lead = add_lead(store, room, source_id, "item-1").mutation.entity
    now = dt.datetime.now(dt.UTC)
    with store.engine.connect() as conn:
        world = DbWorld(conn)
        reviewer, editor = (actor_of(world, room.ids[who]) for who in ("reviewer2", "editor"))
        assert isinstance(reviewer, Actor) and isinstance(editor, Actor)
        rang = notifications(conn, reviewer, now).items
        assert [n.subject_id for n in rang if n.event is Event.LEAD] == [lead]
        assert [r.following for r in followable_sources(conn, reviewer)] == [True]
        assert [r.following for r in followable_sources(conn, editor)] == [False]
        assert [r.lead.id for r in visible_leads(conn, reviewer, only_followed=True)] == [lead]
        assert visible_leads(conn, editor, only_followed=True) == []
        # Following nothing, the editor hears of their channel's leads as before.
        rang = notifications(conn, editor, now).items
        assert [n.subject_id for n in rang if n.event is Event.LEAD] == [lead]
