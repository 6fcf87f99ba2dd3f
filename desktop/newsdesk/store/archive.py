"""The archive of published material: every article that was ever published (live, retracted,
or under correction), with the history of its publications, as the Published page lists it.

Loaded in a few queries (articles, publications, channels, names), so the page's model answers
Qt from memory.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from newsdesk.core.actor import Actor
from newsdesk.core.model import Article, ArticleState, Channel, Publication, Target, User
from newsdesk.store import search
from newsdesk.store.codec import TABLES, from_row

ARTICLES = TABLES[Article]
PUBLICATIONS = TABLES[Publication]
CHANNELS = TABLES[Channel]
USERS = TABLES[User]
SEARCH_LIMIT = 1000  # hits asked of the full-text index per search


@dataclass(frozen=True)
class ArchiveFilter:
    """What the Published page asks for; empty fields do not filter. Dates are inclusive and
    compare with the last publication, in UTC."""

    channel_id: str = ""
    target: Target | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str = ""


@dataclass(frozen=True)
class ArchiveItem:
    """One published article. ``article`` carries no ``body_html``; ``publications`` are all of
    its publications, oldest first; ``publishers`` maps their publisher ids to names."""

    article: Article
    channel: Channel
    publications: tuple[Publication, ...]
    publishers: dict[str, str]

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def first_published(self) -> dt.datetime:
        return self.publications[0].published_at

    @property
    def last_published(self) -> dt.datetime:
        return self.publications[-1].published_at

    @property
    def targets(self) -> tuple[Target, ...]:
        """The targets the article went to, in the usual order."""
        sent = {p.target for p in self.publications}
        return tuple(t for t in (Target.PC, Target.WAP, Target.APP) if t in sent)

    @property
    def retracted(self) -> bool:
        return self.article.state == ArticleState.RETRACTED

    @property
    def correcting(self) -> bool:
        """A correction is under way: the readers still see the last published version."""
        return self.article.state not in (ArticleState.PUBLISHED, ArticleState.RETRACTED)


def archive(conn: Connection, actor: Actor, wanted: ArchiveFilter) -> list[ArchiveItem]:
    """The published articles of the channels ``actor`` may see (an administrator: all) that
    match ``wanted``, most recently published first."""
    visible = None if actor.is_admin else sorted(actor.channels())
    if visible is not None and not visible:
        return []
    without_body = [c for c in ARTICLES.columns if c.name != "body_html"]
    query = select(*without_body).where(ARTICLES.c.published_version > 0)
    if visible is not None:
        query = query.where(ARTICLES.c.channel_id.in_(visible))
    if wanted.channel_id:
        query = query.where(ARTICLES.c.channel_id == wanted.channel_id)
    if wanted.text.strip():
        hits = search.search(
            conn, wanted.text, kinds=["article"], channel_ids=visible, limit=SEARCH_LIMIT
        )
        if not hits:
            return []
        query = query.where(ARTICLES.c.id.in_([h.id for h in hits]))
    articles = {
        row["id"]: from_row(Article, {**row, "body_html": ""})
        for row in conn.execute(query).mappings()
    }
    if not articles:
        return []
    publications: dict[str, list[Publication]] = defaultdict(list)
    for row in conn.execute(
        select(PUBLICATIONS)
        .where(PUBLICATIONS.c.article_id.in_(sorted(articles)))
        .order_by(PUBLICATIONS.c.published_at, PUBLICATIONS.c.target)
    ).mappings():
        publication = from_row(Publication, row)
        publications[publication.article_id].append(publication)
    channels = {
        c.id: c
        for c in (
            from_row(Channel, row)
            for row in conn.execute(
                select(CHANNELS).where(
                    CHANNELS.c.id.in_(sorted({a.channel_id for a in articles.values()}))
                )
            ).mappings()
        )
    }
    publisher_ids = sorted({p.publisher_id for ps in publications.values() for p in ps})
    names = {
        str(user_id): str(name)
        for user_id, name in conn.execute(
            select(USERS.c.id, USERS.c.name).where(USERS.c.id.in_(publisher_ids))
        )
    }
    items = [
        ArchiveItem(article, channels[article.channel_id], tuple(found), names)
        for article_id, article in articles.items()
        if (found := publications.get(article_id))
    ]
    items = [item for item in items if _matches(item, wanted)]
    items.sort(key=lambda item: (item.last_published, item.id), reverse=True)
    return items


def _matches(item: ArchiveItem, wanted: ArchiveFilter) -> bool:
    if wanted.target is not None and wanted.target not in item.targets:
        return False
    last = item.last_published.astimezone(dt.UTC).date()
    if wanted.since is not None and last < wanted.since:
        return False
    return wanted.until is None or last <= wanted.until
