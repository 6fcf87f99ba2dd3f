"""The reads the desktop's screens and the exporter make, as named functions returning core values.

Screens and exporters do not query tables: they hand one of these functions (or a composition of
them) to the database thread, with the connection it gives them as an opaque :data:`Conn`, and get
plain values back. So the knowledge of tables and queries stays in ``newsdesk.store``, and
``newsdesk.ui`` and ``newsdesk.publish`` import no SQLAlchemy (the architecture test says so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from sqlalchemy import Connection, select

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.core.mentions import mentioned_ids, render
from newsdesk.core.model import (
    Anchor,
    Article,
    ArticleState,
    Channel,
    Proposal,
    Publication,
    ReviewDecision,
    Revision,
    RevisionContent,
    Role,
    User,
    Verdict,
)
from newsdesk.core.refusal import Refusal
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.history import UNKNOWN_PERSON
from newsdesk.store.world import CHUNK, DbWorld

if TYPE_CHECKING:  # the reports load with the statistics page, not at every start
    from newsdesk.core.reports import Report, Scope

T = TypeVar("T")

Conn: TypeAlias = Connection
"""A connection to the workspace's database, as the database thread hands it to a read."""

Read: TypeAlias = Callable[[Conn], T]
"""A read to run on the database thread."""


def article(conn: Conn, article_id: str) -> Article | None:
    """The article as the store holds it."""
    return DbWorld(conn).article(article_id)


def actor(conn: Conn, user_id: str) -> Actor | Refusal:
    """Who ``user_id`` is now, with their roles (or why they may not act)."""
    return actor_of(DbWorld(conn), user_id)


@dataclass(frozen=True)
class ArticleContext:
    """An article with what deciding about it needs: its topic, its channel and the decisions
    on its current revision."""

    article: Article
    topic: Proposal | None
    channel: Channel | None
    decisions: tuple[ReviewDecision, ...]


def article_context(conn: Conn, article_id: str) -> ArticleContext | None:
    """The article ``article_id`` with its topic, channel and current decisions."""
    world = DbWorld(conn)
    found = world.article(article_id)
    if found is None:
        return None
    return ArticleContext(
        found,
        world.proposal(found.topic_id) if found.topic_id else None,
        world.channel(found.channel_id),
        tuple(world.decisions(found.id, found.revision_number)),
    )


def article_and_channel(conn: Conn, article_id: str) -> tuple[Article, Channel] | None:
    """The article and its channel, if both are there."""
    world = DbWorld(conn)
    found = world.article(article_id)
    channel = world.channel(found.channel_id) if found is not None else None
    return (found, channel) if found is not None and channel is not None else None


@dataclass(frozen=True)
class ReturnNote:
    """A reviewer's return of the article's latest revision, as its writer reads it."""

    level: int
    reviewer: str
    comment: str
    decided_at: dt.datetime
    anchors: tuple[Anchor, ...]


def return_notes(conn: Conn, article_id: str) -> tuple[ReturnNote, ...]:
    """The returns of the article's latest revision, oldest first (none when it was not
    returned)."""
    world = DbWorld(conn)
    found = world.article(article_id)
    if found is None or found.revision_number == 0:
        return ()
    notes = []
    for decision in world.decisions(found.id, found.revision_number):
        if decision.verdict != Verdict.RETURN:
            continue
        reviewer = world.user(decision.reviewer_id)
        texts = [decision.comment, *(a.comment for a in decision.anchors)]
        named = (world.user(i) for text in texts for i in mentioned_ids(text))
        names = {u.id: u.name for u in named if u is not None}
        notes.append(
            ReturnNote(
                level=decision.level,
                reviewer=reviewer.name if reviewer is not None else UNKNOWN_PERSON,
                comment=render(decision.comment, names),
                # By the service's clock once it has the decision: the reviewer's may be off.
                decided_at=decision.received_at or decision.decided_at,
                anchors=tuple(
                    replace(a, comment=render(a.comment, names)) for a in decision.anchors
                ),
            )
        )
    return tuple(sorted(notes, key=lambda n: (n.decided_at, n.level)))


def conflict(conn: Conn, article_id: str) -> tuple[Article, Revision] | None:
    """The article as it is now and the conflict revision it waits to merge, if any."""
    world = DbWorld(conn)
    found = world.article(article_id)
    if found is None or found.merge_revision_id is None:
        return None
    revision = world.revision(found.merge_revision_id)
    return None if revision is None else (found, revision)


def titles(conn: Conn, entity_ids: Iterable[str]) -> dict[str, str]:
    """The title of each article or proposal of ``entity_ids`` that exists."""
    world = DbWorld(conn)
    found: dict[str, str] = {}
    for entity_id in entity_ids:
        item = world.article(entity_id) or world.proposal(entity_id)
        if item is not None:
            found[entity_id] = item.title
    return found


def channel_editors(conn: Conn, users: Iterable[User], channel_id: str) -> list[User]:
    """Those of ``users`` who hold the editor role in ``channel_id`` and are not disabled."""
    world = DbWorld(conn)
    return [
        user
        for user in users
        if Actor.of(user, world.grants_of(user.id)).holds(Role.EDITOR, channel_id)
    ]


# --- what the exporter reads ---------------------------------------------------------------------

LISTED_STATES = (ArticleState.PUBLISHED, ArticleState.RETRACTED)


@dataclass(frozen=True)
class Published:
    """A published or retracted article with the revision readers were given and its
    publications: what an export, a channel index and a feed need of it."""

    article: Article
    content: RevisionContent
    publications: tuple[Publication, ...]

    @property
    def first_published(self) -> dt.datetime:
        return min(p.published_at for p in self.publications)

    @property
    def last_published(self) -> dt.datetime:
        return max(p.published_at for p in self.publications)


def channel(conn: Conn, channel_id: str) -> Channel | None:
    return DbWorld(conn).channel(channel_id)


def listed_articles(conn: Conn, **equals: Any) -> list[Article]:
    """The published and retracted articles whose columns equal ``equals`` (e.g. a channel)."""
    table = TABLES[Article]
    query = select(table).where(table.c.state.in_([s.value for s in LISTED_STATES]))
    for name, value in equals.items():
        query = query.where(table.c[name] == value)
    return [from_row(Article, row) for row in conn.execute(query).mappings()]


def revision_content(conn: Conn, article_id: str, content_hash: str) -> RevisionContent | None:
    """The content of the article's revision ``content_hash``, if it has one."""
    revisions = TABLES[Revision]
    found = conn.execute(
        select(revisions.c.content).where(
            revisions.c.article_id == article_id, revisions.c.content_hash == content_hash
        )
    ).scalar()
    return RevisionContent.of(found) if found is not None else None


def published(conn: Conn, articles: Sequence[Article]) -> list[Published]:
    """The published revision and the publications of each of ``articles`` (in bulk); those
    without either are left out."""
    revisions, publications = TABLES[Revision], TABLES[Publication]
    ids = [a.id for a in articles]
    contents: dict[tuple[str, str], RevisionContent] = {}
    found: dict[str, list[Publication]] = {i: [] for i in ids}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = select(revisions.c.article_id, revisions.c.content_hash, revisions.c.content)
        for revision in conn.execute(query.where(revisions.c.article_id.in_(chunk))):
            contents[(revision.article_id, revision.content_hash)] = RevisionContent.of(
                revision.content
            )
        rows = conn.execute(select(publications).where(publications.c.article_id.in_(chunk)))
        for mapping in rows.mappings():
            publication = from_row(Publication, mapping)
            found[publication.article_id].append(publication)
    listed = []
    for item in articles:
        content = contents.get((item.id, item.published_hash or ""))
        if content is not None and found[item.id]:
            listed.append(Published(item, content, tuple(found[item.id])))
    return listed


def production(first: dt.date, last: dt.date, scope: Scope, today: dt.date) -> Read[Report]:
    """The production report of ``first`` to ``last`` as ``scope`` sees it (the 统计 page)."""
    from newsdesk.core.reports import production_report
    from newsdesk.store.reports import gather

    def read(conn: Conn) -> Report:
        return production_report(gather(conn, first, last), first, last, scope=scope, today=today)

    return read


def channel_names(conn: Conn) -> list[tuple[str, str]]:
    """Every channel as (name, id), by name."""
    table = TABLES[Channel]
    return sorted((row.name, row.id) for row in conn.execute(select(table.c.name, table.c.id)))
