"""An article's history read back from a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, Verdict
from newsdesk.core.mutation import Kind
from newsdesk.store.history import article_history, revision, revisions
from newsdesk.store.store import Store
from tests.core.newsroom import Newsroom

FIRST_BODY = "<p>本报讯 古籍修复展今日开幕。</p>"
SECOND_BODY = "<p>本报讯 古籍修复成果展今日开幕，展出百余件古籍。</p>"


def returned_then_approved() -> tuple[Newsroom, str]:
    """An article submitted, returned at 初审, edited, submitted again and approved at 初审."""
    room = Newsroom()
    article_id = room.new_article()
    room.submit(article_id)
    room.review(article_id, "reviewer1", 1, "return", "请补充展品数量")
    room.must("editor", Kind.ARTICLE_EDIT, article_id, body_html=SECOND_BODY)
    room.submit(article_id)
    room.review(article_id, "reviewer1", 1, comment="同意")
    return room, article_id


def stored(store: Store, room: Newsroom) -> None:
    applied = store.apply([m for m, accepted in room.log if accepted])
    assert all(a.accepted for a in applied)


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def test_revisions_newest_first_with_authors_and_decisions(store: Store) -> None:
    room, article_id = returned_then_approved()
    stored(store, room)
    with store.engine.connect() as conn:
        entries = revisions(conn, article_id)
    assert [e.number for e in entries] == [2, 1]
    assert [e.author for e in entries] == ["Editor", "Editor"]
    assert entries[1].revision.field("body_html") == FIRST_BODY
    assert entries[0].revision.field("body_html") == SECOND_BODY
    (returned,) = entries[1].decisions
    assert (returned.level, returned.verdict, returned.reviewer) == (1, Verdict.RETURN, "Reviewer1")
    assert returned.comment == "请补充展品数量"
    (approved,) = entries[0].decisions
    assert (approved.verdict, approved.comment) == (Verdict.APPROVE, "同意")
    assert approved.decided_at > returned.decided_at


def test_revisions_take_a_few_queries_however_many_there_are(store: Store) -> None:
    room, article_id = returned_then_approved()
    for level in (2, 3):
        room.review(article_id, f"reviewer{level}", level)
    stored(store, room)
    with store.engine.connect() as conn, counted(store) as statements:
        entries = revisions(conn, article_id)
    assert len(entries) == 2
    assert [d.level for d in entries[0].decisions] == [1, 2, 3]
    assert len(statements) == 3


def test_revision_by_id(store: Store) -> None:
    room, article_id = returned_then_approved()
    stored(store, room)
    with store.engine.connect() as conn:
        newest = revisions(conn, article_id)[0].revision
        assert revision(conn, newest.id) == newest
        assert revision(conn, new_id()) is None


def test_article_history_and_an_article_never_submitted(store: Store) -> None:
    room, article_id = returned_then_approved()
    draft_id = room.new_article()
    stored(store, room)
    with store.engine.connect() as conn:
        history = article_history(conn, article_id)
        assert history is not None
        assert history.article.state == ArticleState.IN_REVIEW
        assert history.article.review_level == 2
        assert [e.number for e in history.entries] == [2, 1]
        draft = article_history(conn, draft_id)
        assert draft is not None and draft.entries == ()
        assert revisions(conn, draft_id) == []
        assert article_history(conn, new_id()) is None
