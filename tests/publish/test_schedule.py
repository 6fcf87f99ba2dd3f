"""定时发布 on a demo workspace: a due article is published once, through the Publisher, to a
real HTTP endpoint; a second run, a replayed attempt and an interrupted run publish nothing
twice; a rescheduled article is not published at its old time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.core.articles import scheduled_publication_id
from newsdesk.core.model import Article, ArticleState, Target
from newsdesk.core.mutation import Kind
from newsdesk.publish.publisher import Outgoing, Publisher, PublishingSettings, Sent
from newsdesk.publish.schedule import publish_due
from newsdesk.store import schedule
from newsdesk.store.workspace import Workspace
from tests.publish.receiver import Receiver, serve
from tests.publish.test_publisher import article, articles, demo_folder, must, user_id
from tests.publish.test_publisher import workspace as workspace

__all__ = ["demo_folder", "workspace"]

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
AT = NOW + dt.timedelta(hours=1)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from serve(0)


def scheduled(workspace: Workspace, at: dt.datetime = AT) -> Article:
    signed = articles(workspace, ArticleState.SIGNED_OFF, "新闻")[0]
    must(workspace, "publisher", Kind.ARTICLE_SCHEDULE, signed.id, publish_at=at.isoformat())
    return article(workspace, signed.id)


def publisher(workspace: Workspace, receiver: Receiver) -> Publisher:
    settings = PublishingSettings(endpoints={"app": receiver.url})
    return Publisher(workspace, settings, sleep=lambda _: None)


def app_files(workspace: Workspace, article_id: str) -> int:
    with workspace.store.world() as world:
        return len([p for p in world.publications(article_id) if p.target == Target.APP])


def test_the_store_lists_scheduled_and_due_publications(workspace: Workspace) -> None:
    due = scheduled(workspace)
    with workspace.store.engine.connect() as conn:
        (listed,) = schedule.scheduled_publications(conn, NOW, NOW + dt.timedelta(days=1))
        later = AT + dt.timedelta(seconds=1)
        assert schedule.scheduled_publications(conn, later, later + dt.timedelta(days=1)) == []
        assert schedule.due_publications(conn, AT - dt.timedelta(seconds=1)) == []
        assert schedule.due_publications(conn, AT) == [listed]
    assert listed.article_id == due.id and listed.title == due.title
    assert listed.channel_id == due.channel_id and listed.publish_at == AT
    assert listed.scheduled_by == user_id(workspace, "publisher")


def test_a_due_article_is_published_exactly_once_in_its_schedulers_name(
    workspace: Workspace, receiver: Receiver
) -> None:
    due = scheduled(workspace)
    assert publish_due(publisher(workspace, receiver), AT - dt.timedelta(minutes=1)) == []
    assert article(workspace, due.id).state == ArticleState.SIGNED_OFF
    assert receiver.requests == 0

    [done] = publish_due(publisher(workspace, receiver), AT + dt.timedelta(seconds=5))
    assert done.report.accepted and done.report.failures == ()
    after = article(workspace, due.id)
    assert after.state == ArticleState.PUBLISHED and after.publish_at is None
    assert after.published_version == due.published_version + 1
    with workspace.store.world() as world:
        publications = list(world.publications(due.id))
    assert {p.publisher_id for p in publications} == {user_id(workspace, "publisher")}
    posted = len([w for w in done.report.written if w.target == Target.APP])
    assert posted and receiver.requests == posted == len(receiver.stored)

    assert publish_due(publisher(workspace, receiver), AT + dt.timedelta(minutes=1)) == []
    assert receiver.requests == posted
    assert app_files(workspace, due.id) == 1


def test_a_replayed_scheduled_publication_delivers_nothing_again(
    workspace: Workspace, receiver: Receiver
) -> None:
    due = scheduled(workspace)
    sender = publisher(workspace, receiver)
    attempt = sender.publish_mutation(
        due.scheduled_by or "",
        due.id,
        at=AT,
        mutation_id=scheduled_publication_id(due),
        scheduled_for=AT,
    )
    first = sender.apply_and_send(attempt)
    assert first.accepted and first.delivered
    requests = receiver.requests
    again = sender.apply_and_send(attempt)
    assert again.applied is not None and again.applied.replayed
    assert again.written == () and again.delivered == ()
    assert receiver.requests == requests
    assert article(workspace, due.id).published_version == due.published_version + 1


def test_a_rescheduled_article_is_not_published_at_its_old_time(
    workspace: Workspace, receiver: Receiver
) -> None:
    due = scheduled(workspace)
    later = AT + dt.timedelta(hours=2)
    must(workspace, "publisher", Kind.ARTICLE_SCHEDULE, due.id, publish_at=later.isoformat())
    assert publish_due(publisher(workspace, receiver), AT + dt.timedelta(minutes=1)) == []
    assert article(workspace, due.id).state == ArticleState.SIGNED_OFF
    assert receiver.requests == 0
    [done] = publish_due(publisher(workspace, receiver), later)
    assert done.report.accepted
    assert article(workspace, due.id).state == ArticleState.PUBLISHED


def test_a_cancelled_article_is_not_published(workspace: Workspace, receiver: Receiver) -> None:
    due = scheduled(workspace)
    must(workspace, "publisher", Kind.ARTICLE_UNSCHEDULE, due.id)
    assert publish_due(publisher(workspace, receiver), AT + dt.timedelta(days=1)) == []
    assert article(workspace, due.id).state == ArticleState.SIGNED_OFF
    assert receiver.requests == 0


class StopsBeforeDelivering(Publisher):
    """A publisher whose process stops after the publication was recorded, before a file
    went out."""

    def deliver(self, outgoing: Outgoing, *, progress: object = None) -> Sent:
        raise SystemExit("the service was stopped")


def test_an_interrupted_run_is_delivered_by_the_next_one_and_published_once(
    workspace: Workspace, receiver: Receiver, tmp_path: Path
) -> None:
    due = scheduled(workspace)
    settings = PublishingSettings(endpoints={"app": receiver.url})
    with pytest.raises(SystemExit):
        publish_due(StopsBeforeDelivering(workspace, settings), AT)
    assert article(workspace, due.id).state == ArticleState.PUBLISHED
    assert receiver.requests == 0
    assert publish_due(publisher(workspace, receiver), AT + dt.timedelta(seconds=30)) == []
    assert receiver.requests == len(receiver.stored) > 0
    delivered = receiver.requests
    assert publish_due(publisher(workspace, receiver), AT + dt.timedelta(minutes=1)) == []
    assert receiver.requests == delivered
    assert app_files(workspace, due.id) == 1
    with workspace.store.engine.connect() as conn:
        assert schedule.unsent(conn) == []
