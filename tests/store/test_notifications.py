"""Notifications derived from what a day in the newsroom leaves in the workspace, and what each
person has read, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, select

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.core.ids import new_id
from newsdesk.core.mentions import mentioned
from newsdesk.core.model import (
    Article,
    ArticleState,
    Entity,
    Lead,
    Proposal,
    ProposalState,
    Publication,
    ReviewDecision,
    User,
)
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.notifications import Event, NoticeKind, Traces, derive
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.notifications import Notifications, notifications
from newsdesk.store.store import Store
from newsdesk.store.world import DbWorld
from tests.core.newsroom import START, Newsroom
from tests.store.boards import apply_board_demo

E = TypeVar("E", bound=Entity)
NOW = (START + dt.timedelta(hours=3)).astimezone(dt.timezone(dt.timedelta(hours=8)))


def who(store: Store, room: Newsroom, login: str) -> Actor:
    with store.engine.connect() as conn:
        actor = actor_of(DbWorld(conn), room.ids[login])
    assert not isinstance(actor, Refusal)
    return actor


def of(store: Store, room: Newsroom, login: str, now: dt.datetime = NOW) -> Notifications:
    with store.engine.connect() as conn:
        return notifications(conn, who(store, room, login), now)


def events(found: Notifications) -> list[Event]:
    return [n.event for n in found.items]


def a_day(room: Newsroom) -> dict[str, str]:
    returned = room.proposal_in(ProposalState.RETURNED)
    assigned = room.proposal_in(ProposalState.ASSIGNED)
    article = room.new_article()
    room.submit(article)
    room.review(
        article,
        "reviewer1",
        1,
        "return",
        "导语太长 @Editor2 帮忙看看",
        anchors=[{"start": 0, "end": 3, "quote": "本报讯", "comment": "删去"}],
    )
    waiting = room.article_in(ArticleState.IN_REVIEW, level=2)
    return {"returned": returned, "assigned": assigned, "article": article, "waiting": waiting}


def test_a_day_notifies_each_person_of_what_concerns_them(store: Store) -> None:
    room = Newsroom()
    ids = a_day(room)
    store.apply([m for m, ok in room.log if ok])

    editor = of(store, room, "editor")
    by_event = {n.event: n for n in editor.items}
    assert by_event[Event.PROPOSAL_RETURNED].detail == "角度不够新"
    assert by_event[Event.PROPOSAL_RETURNED].subject_id == ids["returned"]
    assert by_event[Event.ASSIGNED].subject_id == ids["assigned"]
    assert by_event[Event.SELECTED].subject_id == ids["assigned"]
    assert by_event[Event.RETURNED].detail.startswith("导语太长")
    assert by_event[Event.RETURNED].level == 1
    assert by_event[Event.ANCHORED].detail == "“本报讯”: 删去"
    # Assigned for 2026-12-01; it is 2026-11-01 here: not due yet, so no due notification.
    assert Event.DUE_TOMORROW not in by_event and Event.OVERDUE not in by_event
    assert editor.unread_count == len(editor.items)
    assert editor.names[room.ids["chief"]] == "Chief"

    assert events(of(store, room, "reviewer2")) == [Event.TO_REVIEW]
    mentions = of(store, room, "editor2").items
    assert [(n.event, n.subject_id) for n in mentions] == [(Event.MENTIONED, ids["article"])]
    # The chief acted on everything here: nothing of it notifies them.
    assert of(store, room, "chief").items == ()

    later = dt.datetime(2026, 11, 30, 9, tzinfo=NOW.tzinfo)
    due = [n for n in of(store, room, "editor", later).items if n.kind == NoticeKind.DUE]
    assert [n.event for n in due] == [Event.DUE_TOMORROW]
    after = dt.datetime(2026, 12, 2, 9, tzinfo=NOW.tzinfo)
    overdue = [n for n in of(store, room, "editor", after).items if n.kind == NoticeKind.DUE]
    assert [n.event for n in overdue] == [Event.OVERDUE]


def test_reading_is_kept_per_user_and_only_by_themself(store: Store) -> None:
    room = Newsroom()
    a_day(room)
    store.apply([m for m, ok in room.log if ok])
    before = of(store, room, "editor")
    first, *rest = before.items

    (applied,) = store.apply(
        [mutation(room.ids["editor"], Kind.NOTIFICATION_READ, room.ids["editor"], ids=[first.id])]
    )
    assert applied.accepted
    assert of(store, room, "editor").unread == before.unread - {first.id}

    (meddling,) = store.apply(
        [mutation(room.ids["chief"], Kind.NOTIFICATION_READ, room.ids["editor"], ids=[rest[0].id])]
    )
    assert isinstance(meddling.outcome, Refusal)
    assert meddling.outcome.code == RefusalCode.FORBIDDEN

    newest = max(n.at for n in before.items)
    store.apply(
        [
            mutation(
                room.ids["editor"],
                Kind.NOTIFICATION_READ,
                room.ids["editor"],
                up_to=newest.isoformat(),
            )
        ]
    )
    assert of(store, room, "editor").unread_count == 0
    assert of(store, room, "reviewer2").unread_count == 1


def test_a_mention_finds_the_longest_name_after_the_at_sign() -> None:
    room = Newsroom()
    users = [u for u in (room.world.user(i) for i in room.ids.values()) if u is not None]
    assert mentioned("请@Editor2核实", users) == {room.ids["editor2"]}
    assert mentioned("@editor 和 @chief", users) == {room.ids["editor"], room.ids["chief"]}
    assert mentioned("邮件 a@b.cn", users) == frozenset()


def test_two_desktops_marking_read_offline_both_count(store: Store) -> None:
    room = Newsroom()
    a_day(room)
    store.apply([m for m, ok in room.log if ok])
    first, second, *_ = of(store, room, "editor").items
    me = room.ids["editor"]
    office = mutation(me, Kind.NOTIFICATION_READ, me, ids=[first.id])
    laptop = mutation(me, Kind.NOTIFICATION_READ, me, ids=[second.id])
    assert all(a.accepted for a in store.apply([office, laptop]))
    assert {first.id, second.id}.isdisjoint(of(store, room, "editor").unread)


def _every(conn: Connection, cls: type[E]) -> tuple[E, ...]:
    return tuple(from_row(cls, row) for row in conn.execute(select(TABLES[cls])).mappings())


def assert_read_as_from_every_row(store: Store, now: dt.datetime) -> int:
    """Each person's notifications, read from only the rows that can concern them, are what
    deriving them from every row of the workspace gives; returns how many there were."""
    shown = 0
    with store.engine.connect() as conn:
        world = DbWorld(conn)
        everything = Traces(
            _every(conn, Proposal),
            _every(conn, Article),
            _every(conn, ReviewDecision),
            _every(conn, Publication),
            _every(conn, Lead),
            _every(conn, User),
        )
        for user in everything.users:
            me = actor_of(world, user.id)
            assert not isinstance(me, Refusal)
            follows = world.source_follows(me.id)
            followed = frozenset(follows.source_ids if follows else ())
            expected = derive(replace(everything, followed=followed), me, now)
            assert list(notifications(conn, me, now).items) == expected, user.login
            shown += len(expected)
    return shown


def test_a_person_reads_only_what_can_concern_them_in_a_large_newsroom(
    store: Store, tmp_path: Path
) -> None:
    """A newsroom of 400 stories at every stage: for everyone, reading only their rows (not the
    whole month, which at 100,000 items held the database for minutes) misses nothing."""
    apply_board_demo(store, tmp_path, items=400)
    assert assert_read_as_from_every_row(store, dt.datetime.now().astimezone()) > 0


def test_a_shared_topic_and_a_mention_reach_everyone_they_concern(store: Store) -> None:
    """Returns, anchored comments and a mention, and a topic two editors share: the one who did
    not write the article hears of its return all the same, and everyone reads exactly what
    deriving from every row gives."""
    room = Newsroom()
    a_day(room)
    shared = room.proposal_in(ProposalState.SELECTED)
    pair = [room.ids["editor"], room.ids["editor2"]]
    room.must("chief", Kind.PROPOSAL_ASSIGN, shared, assignees=pair, due_date="2026-12-01")
    article_id = new_id()
    room.must("editor", Kind.TOPIC_START, shared, article_id=article_id)
    room.submit(article_id)
    room.review(article_id, "reviewer1", 1, "return", "请补充消息来源")
    assert all(a.accepted for a in store.apply([m for m, ok in room.log if ok]))
    returned = [n for n in of(store, room, "editor2").items if n.event == Event.RETURNED]
    assert [n.subject_id for n in returned] == [article_id]
    assert Event.MENTIONED in events(of(store, room, "editor2"))
    assert assert_read_as_from_every_row(store, NOW) > 0
