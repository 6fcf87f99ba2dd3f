"""Desktops whose clocks are days off: the service keeps its own receive time beside theirs,
and history is ordered and shown by the service's (a real service on 127.0.0.1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select

from newsdesk.core.model import ReviewDecision
from newsdesk.store.apply import MUTATIONS
from newsdesk.store.codec import TABLES, from_db_time
from newsdesk.store.history import revisions
from tests.sync.conftest import LiveServer, Newsroom
from tests.sync.desks import Desk

MakeDesk = Callable[[str], Desk]
DAYS = dt.timedelta(days=3)
DECISIONS = TABLES[ReviewDecision]


def near_now(moment: dt.datetime) -> bool:
    return abs(from_db_time(moment) - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_decisions_made_on_wrong_clocks_are_ordered_and_shown_by_the_services(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor, ahead, behind = desk("editor"), desk("reviewer1"), desk("reviewer2")
    ahead.clock_skew, behind.clock_skew = DAYS, -DAYS
    article = editor.write(room.news, "跨时区审稿")
    editor.submit(article)
    editor.sync()
    ahead.sync()
    assert ahead.review(article, 1).accepted  # three days in the future, by its clock
    ahead.sync()
    behind.sync()
    assert behind.review(article, 2).accepted  # later, but three days in the past
    behind.sync()
    editor.sync()

    with live.engine.connect() as conn:
        pushed = conn.execute(
            select(MUTATIONS.c.at, MUTATIONS.c.received_at).where(
                MUTATIONS.c.actor.in_([ahead.user_id, behind.user_id])
            )
        ).all()
        decided = conn.execute(select(DECISIONS.c.decided_at, DECISIONS.c.received_at)).all()
    assert len(pushed) == len(decided) == 2
    for client_time, server_time in [*pushed, *decided]:
        assert near_now(server_time)
        assert not near_now(client_time)  # kept as the desktop said, beside the service's

    with editor.workspace.store.engine.connect() as conn:
        (entry,) = revisions(conn, article)
    assert [d.level for d in entry.decisions] == [1, 2]  # by the desktops' clocks: 2 before 1
    assert all(d.skewed and near_now(d.when) for d in entry.decisions)
    assert entry.decisions[0].decided_at - entry.decisions[0].when > dt.timedelta(days=2)


def test_a_decision_not_synced_yet_shows_the_desktops_time_alone(
    desk: MakeDesk, room: Newsroom
) -> None:
    editor, reviewer = desk("editor"), desk("reviewer1")
    article = editor.write(room.news, "本机审稿")
    editor.submit(article)
    editor.sync()
    reviewer.sync()
    reviewer.review(article, 1)
    with reviewer.workspace.store.engine.connect() as conn:
        (entry,) = revisions(conn, article)
    (decision,) = entry.decisions
    assert decision.received_at is None
    assert not decision.skewed
    assert decision.when == decision.decided_at
