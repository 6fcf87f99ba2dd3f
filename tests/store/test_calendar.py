"""The calendar read back from a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from newsdesk.core.actor import Actor
from newsdesk.core.calendar import DayMark, EntryKind
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, Priority, ProposalState
from newsdesk.core.mutation import Kind
from newsdesk.store.calendar import load_calendar
from newsdesk.store.store import Store
from tests.core.newsroom import Newsroom

D = dt.date


def actor(store: Store, room: Newsroom, login: str) -> Actor:
    with store.world() as world:
        user = world.user(room.ids[login])
        assert user is not None
        return Actor.of(user, world.grants_of(user.id))


def stored(store: Store, room: Newsroom) -> None:
    applied = store.apply([m for m, accepted in room.log if accepted])
    assert all(a.accepted for a in applied)


def planned(room: Newsroom, state: ProposalState, day: D | None, channel: str | None = None) -> str:
    pid = room.proposal_in(state, channel)
    if day is not None:
        who = "editor" if state == ProposalState.DRAFT else "chief"
        room.must(who, Kind.PROPOSAL_UPDATE, pid, planned_date=day.isoformat())
    return pid


def test_a_month_holds_the_planned_proposals_and_the_due_assignments(store: Store) -> None:
    room = Newsroom()
    submitted = planned(room, ProposalState.SUBMITTED, D(2026, 10, 1))
    selected = planned(room, ProposalState.SELECTED, D(2026, 10, 31), room.library)
    draft = planned(room, ProposalState.DRAFT, D(2026, 10, 15))
    planned(room, ProposalState.SUBMITTED, D(2026, 11, 1))  # the next month
    deleted = planned(room, ProposalState.SUBMITTED, D(2026, 10, 2))
    room.must("chief", Kind.PROPOSAL_DELETE, deleted)
    undated = planned(room, ProposalState.SUBMITTED, None)
    assigned = room.proposal_in(ProposalState.ASSIGNED)
    writing = room.proposal_in(ProposalState.IN_PROGRESS, room.library)
    room.proposal_in(ProposalState.DONE)
    room.must("chief", Kind.TOPIC_RESCHEDULE, assigned, due_date="2026-10-08")
    room.must("chief", Kind.TOPIC_RESCHEDULE, writing, due_date="2026-10-09")
    stored(store, room)
    with store.engine.connect() as conn:
        editor = actor(store, room, "editor")
        statements: list[str] = []

        def count(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(store.engine, "before_cursor_execute", count)
        data = load_calendar(conn, editor, D(2026, 10, 1), D(2026, 10, 31))
        event.remove(store.engine, "before_cursor_execute", count)
        chief = load_calendar(conn, actor(store, room, "chief"), D(2026, 10, 1), D(2026, 10, 31))
        news_only = load_calendar(conn, editor, D(2026, 10, 1), D(2026, 10, 31), [room.news])
    by_id = {(e.entity_id, e.kind): e.day for e in data.entries}
    assert by_id == {
        (submitted, EntryKind.PROPOSAL): D(2026, 10, 1),
        (selected, EntryKind.PROPOSAL): D(2026, 10, 31),
        (draft, EntryKind.PROPOSAL): D(2026, 10, 15),
        (assigned, EntryKind.ASSIGNMENT): D(2026, 10, 8),
        (writing, EntryKind.ASSIGNMENT): D(2026, 10, 9),
    }
    assert [e.day for e in data.entries] == sorted(e.day for e in data.entries if e.day)
    writing_entry = next(e for e in data.entries if e.entity_id == writing)
    assert writing_entry.article_id == room.proposal(writing).article_id is not None
    # The chief does not see the editor's draft; the filter keeps one channel.
    assert draft not in {e.entity_id for e in chief.entries}
    assert selected not in {e.entity_id for e in news_only.entries}
    assert {e.channel_id for e in news_only.entries} == {room.news}
    assert [e.entity_id for e in data.unscheduled] == [undated]
    assert data.unscheduled_total == 1
    assert data.marks[D(2026, 10, 1)] == DayMark(holiday="国庆节")
    assert data.marks[D(2026, 10, 10)] == DayMark(workday=True)
    assert set(data.channels) == {room.news, room.library}
    # Channels, one range query per kind, the undated list and its count: never one per row.
    assert len(statements) <= 7


def local(day: D, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


def signed_off(room: Newsroom, at: dt.datetime | None, channel: str | None = None) -> str:
    article_id = room.article_in(ArticleState.APPROVED, channel)
    schedule = {"publish_at": at.isoformat()} if at is not None else {}
    room.must(
        "publisher",
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=room.article(article_id).revision_hash,
        **schedule,
    )
    return article_id


def test_scheduled_publications_are_entries_at_their_local_time(store: Store) -> None:
    room = Newsroom()
    late = signed_off(room, local(D(2026, 11, 3), 18, 0))
    early = signed_off(room, local(D(2026, 11, 3), 7, 30))
    midnight = signed_off(room, local(D(2026, 11, 4), 0, 0), room.library)
    signed_off(room, local(D(2026, 11, 9), 0, 0))  # the day after the range
    signed_off(room, None)  # signed off without a time: the publisher publishes it
    published = signed_off(room, local(D(2026, 11, 5), 9, 0))
    room.publish(published)  # published early by hand: no longer scheduled
    due = room.proposal_in(ProposalState.ASSIGNED)
    room.must("chief", Kind.TOPIC_RESCHEDULE, due, due_date="2026-11-03")
    stored(store, room)
    with store.engine.connect() as conn:
        editor = actor(store, room, "editor")
        data = load_calendar(conn, editor, D(2026, 11, 2), D(2026, 11, 8))
        news_only = load_calendar(conn, editor, D(2026, 11, 2), D(2026, 11, 8), [room.news])
        outsider = load_calendar(
            conn, actor(store, room, "editor2"), D(2026, 11, 2), D(2026, 11, 8)
        )
    publications = [e for e in data.entries if e.kind == EntryKind.PUBLICATION]
    assert [(e.entity_id, e.day, e.at) for e in publications] == [
        (early, D(2026, 11, 3), local(D(2026, 11, 3), 7, 30)),
        (late, D(2026, 11, 3), local(D(2026, 11, 3), 18, 0)),
        (midnight, D(2026, 11, 4), local(D(2026, 11, 4), 0, 0)),
    ]
    assert all(e.article_id == e.entity_id for e in publications)
    assert {e.channel_id for e in publications} == {room.news, room.library}
    assert room.article(early).title == publications[0].title
    # Within a day the timed entries come first, by their time, then the dated ones.
    assert [(e.kind, e.entity_id) for e in data.entries if e.day == D(2026, 11, 3)] == [
        (EntryKind.PUBLICATION, early),
        (EntryKind.PUBLICATION, late),
        (EntryKind.ASSIGNMENT, due),
    ]
    assert midnight not in {e.entity_id for e in news_only.entries}
    # Someone who is not in the library channel does not see its publication.
    assert midnight not in {e.entity_id for e in outsider.entries}
    assert {early, late} <= {e.entity_id for e in outsider.entries}


def test_a_day_lists_the_timed_entries_then_proposals_then_assignments_by_priority_and_title(
    store: Store,
) -> None:
    room = Newsroom()
    day = D(2026, 11, 3)

    def proposal(title: str, priority: Priority, state: ProposalState) -> str:
        pid = room.proposal_in(ProposalState.SUBMITTED)
        room.must("chief", Kind.PROPOSAL_UPDATE, pid, title=title, priority=priority.value)
        if state == ProposalState.SUBMITTED:
            room.must("chief", Kind.PROPOSAL_UPDATE, pid, planned_date=day.isoformat())
            return pid
        room.must("chief", Kind.PROPOSAL_SELECT, pid)
        assignees = [room.ids["editor"]]
        room.must("chief", Kind.PROPOSAL_ASSIGN, pid, assignees=assignees, due_date=day.isoformat())
        return pid

    # Made out of order, with titles that sort alike under any collation.
    due_low = proposal("a due", Priority.LOW, ProposalState.ASSIGNED)
    planned_b = proposal("b planned", Priority.NORMAL, ProposalState.SUBMITTED)
    due_urgent = proposal("z due", Priority.URGENT, ProposalState.ASSIGNED)
    planned_high = proposal("c planned", Priority.HIGH, ProposalState.SUBMITTED)
    planned_a = proposal("a planned", Priority.NORMAL, ProposalState.SUBMITTED)
    evening = signed_off(room, local(day, 18, 0))
    morning = signed_off(room, local(day, 7, 30))
    before = planned(room, ProposalState.SUBMITTED, day - dt.timedelta(days=1))
    stored(store, room)
    with store.engine.connect() as conn:
        data = load_calendar(conn, actor(store, room, "chief"), D(2026, 11, 2), D(2026, 11, 8))
    assert [e.entity_id for e in data.entries] == [
        before,
        morning,
        evening,
        planned_high,
        planned_a,
        planned_b,
        due_urgent,
        due_low,
    ]
