"""定时发布 on a desktop without a sync service: a round on the publishing thread, the database
touched only on its own thread (the store refuses any other), the due article published once
to a real HTTP endpoint and announced to the screens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection, select

from newsdesk.core.model import Article, ArticleState, Target
from newsdesk.core.mutation import Kind
from newsdesk.core.world import Area
from newsdesk.publish.publisher import PublishingSettings, save_settings
from newsdesk.publish.schedule import Published
from newsdesk.store.apply import Applied
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.reads import article
from newsdesk.ui.published.scheduling import EVERY_MS, DesktopScheduling
from newsdesk.ui.session import Session
from tests.publish.receiver import Receiver, serve


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from serve(0)


def signed_off(conn: Connection) -> Article:
    table = TABLES[Article]
    query = select(table).where(table.c.state == ArticleState.SIGNED_OFF.value)
    return from_row(Article, conn.execute(query).mappings().first() or {})


def test_a_desktop_without_a_server_publishes_a_due_article_once_off_the_ui_thread(
    qtbot: QtBot, sign_in: Callable[[str], Session], receiver: Receiver
) -> None:
    session = sign_in("publisher")
    save_settings(session.workspace, PublishingSettings(endpoints={"app": receiver.url}))
    session.workspace.store.confine(session.runner.on_its_thread)
    found: list[Article] = []
    session.read(signed_off, found.append)
    qtbot.waitUntil(lambda: bool(found))
    [due] = found
    publish_at = dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=300)
    applied: list[list[Applied]] = []
    session.apply(
        [session.mutation(Kind.ARTICLE_SCHEDULE, due.id, publish_at=publish_at.isoformat())],
        applied.append,
    )
    qtbot.waitUntil(lambda: bool(applied))
    assert applied[0][0].accepted, applied[0][0].outcome
    heard: list[frozenset[Area]] = []
    session.changed.connect(lambda areas, _initiator: heard.append(areas))
    rounds: list[list[Published]] = []
    scheduling = DesktopScheduling(session)
    scheduling.published.connect(rounds.append)
    assert scheduling.timer.interval() == EVERY_MS

    scheduling.start()  # a round at once: not due yet
    assert not scheduling.publish_now()  # one round at a time
    qtbot.waitUntil(lambda: len(rounds) == 1, timeout=15_000)
    assert rounds[0] == [] and receiver.requests == 0
    qtbot.waitUntil(lambda: dt.datetime.now(dt.UTC) > publish_at)

    assert scheduling.publish_now()
    qtbot.waitUntil(lambda: len(rounds) == 2, timeout=30_000)
    [done] = rounds[1]
    assert done.due.article_id == due.id and done.report.accepted
    posted = [w for w in done.report.written if w.target == Target.APP]
    assert posted and receiver.requests == len(posted) == len(receiver.stored)
    qtbot.waitUntil(lambda: any(Area.PUBLICATIONS in areas for areas in heard))

    assert scheduling.publish_now()
    qtbot.waitUntil(lambda: len(rounds) == 3, timeout=15_000)
    assert rounds[2] == [] and receiver.requests == len(posted)
    scheduling.stop()
    after: list[Article | None] = []
    session.read(lambda conn: article(conn, due.id), after.append)
    qtbot.waitUntil(lambda: bool(after))
    published = after[0]
    assert published is not None and published.state == ArticleState.PUBLISHED
    assert published.publish_at is None
