"""The review queue read back from a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from sqlalchemy import event

from newsdesk.core.actor import Actor
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, Priority
from newsdesk.core.mutation import Kind
from newsdesk.store.review_queue import SIGN_OFF, review_queue
from newsdesk.store.store import Store
from tests.core.newsroom import Newsroom


def actor(store: Store, room: Newsroom, login: str) -> Actor:
    with store.world() as world:
        user = world.user(room.ids[login])
        assert user is not None
        return Actor.of(user, world.grants_of(user.id))


def stored(store: Store, room: Newsroom) -> None:
    applied = store.apply([m for m, accepted in room.log if accepted])
    assert all(a.accepted for a in applied)


def test_each_reviewer_sees_the_articles_at_their_level(store: Store) -> None:
    room = Newsroom()
    first = room.article_in(ArticleState.IN_REVIEW)
    second = room.article_in(ArticleState.IN_REVIEW, level=2)
    approved = room.article_in(ArticleState.APPROVED)
    library = room.article_in(ArticleState.IN_REVIEW, room.library)
    room.article_in(ArticleState.DRAFT)
    room.article_in(ArticleState.SIGNED_OFF)
    stored(store, room)
    with store.engine.connect() as conn:
        queues = {
            login: [(i.id, i.step) for i in review_queue(conn, actor(store, room, login))]
            for login in ("reviewer1", "reviewer2", "reviewer3", "publisher", "editor")
        }
        reviewer1 = actor(store, room, "reviewer1")
        statements: list[str] = []

        def count(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(store.engine, "before_cursor_execute", count)
        items = review_queue(conn, reviewer1)
        event.remove(store.engine, "before_cursor_execute", count)
    assert sorted(queues["reviewer1"]) == sorted([(first, 1), (library, 1)])
    assert queues["reviewer2"] == [(second, 2)]
    assert queues["reviewer3"] == []
    assert queues["publisher"] == [(approved, SIGN_OFF)]
    assert queues["editor"] == []
    assert len(statements) <= 4
    by_id = {i.id: i for i in items}
    assert by_id[first].owner == "Editor"
    assert by_id[first].channel.name == "News"
    assert by_id[library].channel.review_levels == 1
    assert by_id[first].revision_number == 1
    assert by_id[first].article.body_html == ""


def topic_article(room: Newsroom, due: str, priority: Priority) -> str:
    """An article written for a topic due on ``due`` with ``priority``, submitted for review."""
    pid = (
        room.must(
            "editor",
            Kind.PROPOSAL_CREATE,
            channel_id=room.news,
            title="城市书房开放时间延长",
            priority=int(priority),
        )
        .upserts[0]
        .id
    )
    room.must("editor", Kind.PROPOSAL_SUBMIT, pid)
    room.must("chief", Kind.PROPOSAL_SELECT, pid)
    room.must("chief", Kind.PROPOSAL_ASSIGN, pid, assignees=[room.ids["editor"]], due_date=due)
    article_id = new_id()
    room.must("editor", Kind.TOPIC_START, pid, article_id=article_id)
    room.submit(article_id)
    return article_id


def test_due_first_then_urgent_then_oldest(store: Store) -> None:
    room = Newsroom()
    plain = room.article_in(ArticleState.IN_REVIEW)
    late = topic_article(room, "2026-12-20", Priority.URGENT)
    early = topic_article(room, "2026-12-01", Priority.NORMAL)
    early_urgent = topic_article(room, "2026-12-01", Priority.URGENT)
    stored(store, room)
    with store.engine.connect() as conn:
        items = review_queue(conn, actor(store, room, "reviewer1"))
    assert [i.id for i in items] == [early_urgent, early, late, plain]
    assert items[0].priority == Priority.URGENT
    assert str(items[0].due_date) == "2026-12-01"
