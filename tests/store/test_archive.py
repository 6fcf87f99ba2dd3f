"""The archive of published articles, read back from a real SQLite file and a real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools

from newsdesk.core.actor import Actor
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, Target
from newsdesk.core.mutation import Kind
from newsdesk.store.archive import ArchiveFilter, archive
from newsdesk.store.store import Store
from tests.core.newsroom import Newsroom


def actor(store: Store, room: Newsroom, login: str) -> Actor:
    with store.world() as world:
        user = world.user(room.ids[login])
        assert user is not None
        return Actor.of(user, world.grants_of(user.id))


def published_newsroom(store: Store) -> tuple[Newsroom, dict[str, str]]:
    """News: one live article, one under correction (published a second time, two days later);
    Library: one retracted. Plus a draft that was never published."""
    room = Newsroom()
    live = room.new_article()
    room.must("editor", Kind.ARTICLE_EDIT, live, title="城市书房夜间开放", targets=["pc", "app"])
    room.article_to(live, ArticleState.SIGNED_OFF)
    room.must(
        "publisher",
        Kind.ARTICLE_PUBLISH,
        live,
        revision_hash=room.article(live).revision_hash,
        publications=[
            {"id": new_id(), "target": "pc", "location": "pc/n/live.html"},
            {"id": new_id(), "target": "app", "location": "app/n/live.json"},
        ],
    )
    retracted = room.article_in(ArticleState.RETRACTED, room.library)
    correcting = room.article_in(ArticleState.PUBLISHED)
    room.clock = itertools.count(3 * 24 * 60)  # three days after the start
    room.must("editor", Kind.ARTICLE_CORRECT, correcting)
    room.article_to(correcting, ArticleState.SIGNED_OFF)
    room.publish(correcting, note="更正了开放时间")
    room.must("editor", Kind.ARTICLE_CORRECT, correcting)
    room.article_in(ArticleState.DRAFT)
    applied = store.apply([m for m, accepted in room.log if accepted])
    assert all(a.accepted for a in applied)
    return room, {"live": live, "retracted": retracted, "correcting": correcting}


def test_the_archive_lists_every_published_article_newest_first(store: Store) -> None:
    room, ids = published_newsroom(store)
    with store.engine.connect() as conn:
        items = archive(conn, actor(store, room, "admin"), ArchiveFilter())
    assert [i.id for i in items] == [ids["correcting"], ids["retracted"], ids["live"]]
    by_id = {i.id: i for i in items}
    correcting = by_id[ids["correcting"]]
    assert correcting.correcting and not correcting.retracted
    assert [p.version for p in correcting.publications] == [1, 2]
    assert correcting.publications[-1].correction_note == "更正了开放时间"
    assert correcting.publishers[correcting.publications[0].publisher_id] == "Publisher"
    assert by_id[ids["retracted"]].retracted
    assert all(p.retracted for p in by_id[ids["retracted"]].publications)
    assert by_id[ids["live"]].targets == (Target.PC, Target.APP)
    assert by_id[ids["live"]].article.body_html == ""  # the list does not carry bodies


def test_each_user_sees_only_their_channels(store: Store) -> None:
    room, ids = published_newsroom(store)
    with store.engine.connect() as conn:
        outsider = archive(conn, actor(store, room, "outsider"), ArchiveFilter())
        reviewer2 = archive(conn, actor(store, room, "reviewer2"), ArchiveFilter())
    assert [i.id for i in outsider] == [ids["retracted"]]  # an editor of the library only
    assert {i.id for i in reviewer2} == {ids["live"], ids["correcting"]}


def test_filters_by_channel_target_date_and_text(store: Store) -> None:
    room, ids = published_newsroom(store)
    admin = actor(store, room, "admin")
    start = dt.date(2026, 11, 1)

    def found(**wanted: object) -> set[str]:
        with store.engine.connect() as conn:
            return {i.id for i in archive(conn, admin, ArchiveFilter(**wanted))}  # type: ignore[arg-type]

    assert found(channel_id=room.library) == {ids["retracted"]}
    assert found(target=Target.APP) == {ids["live"]}
    assert found(since=start + dt.timedelta(days=2)) == {ids["correcting"]}
    assert found(until=start) == {ids["live"], ids["retracted"]}
    assert found(text="夜间开放") == {ids["live"]}
    assert found(text="没有这样的稿件") == set()
