"""Notifications derived from what a day in the newsroom leaves in the workspace, and what each
person has read, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import datetime as dt

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.core.mentions import mentioned
from newsdesk.core.model import ArticleState, ProposalState
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.notifications import Event, NoticeKind
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.store.notifications import Notifications, notifications
from newsdesk.store.store import Store
from newsdesk.store.world import DbWorld
from tests.core.newsroom import START, Newsroom

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
