"""A person's notifications, read from the workspace: the recent rows they are derived from, in
a few queries, handed to :func:`newsdesk.core.notifications.derive`, with what they have read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlalchemy import ColumnElement, Connection, Text, cast, func, or_, select

from newsdesk.core.actor import Actor
from newsdesk.core.model import (
    Article,
    ArticleState,
    Entity,
    Lead,
    Proposal,
    ProposalState,
    Publication,
    ReviewDecision,
    Role,
    User,
)
from newsdesk.core.notifications import (
    KEPT_DAYS,
    LEAD_DAYS,
    Notification,
    Traces,
    derive,
    is_read,
)
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.world import CHUNK, DbWorld

E = TypeVar("E", bound=Entity)


@dataclass(frozen=True)
class Notifications:
    """A person's notifications, newest first, which of them are unread, and everyone's names."""

    items: tuple[Notification, ...]
    unread: frozenset[str]  # notification ids
    names: dict[str, str]  # user id -> display name

    @property
    def unread_count(self) -> int:
        return len(self.unread)


def _all(conn: Connection, cls: type[E], *where: ColumnElement[bool]) -> list[E]:
    """The rows of ``cls`` that hold ``where``; an article's body, large and never needed
    here, is left out."""
    table = TABLES[cls]
    columns = [c for c in table.columns if c.name != "body_html"]
    return [
        from_row(cls, {**row, "body_html": ""} if cls is Article else row)
        for row in conn.execute(select(*columns).where(*where)).mappings()
    ]


def traces(conn: Connection, me: Actor, now: dt.datetime) -> Traces:
    """The rows of the last :data:`KEPT_DAYS` days the notifications of ``me`` can come from:
    proposals they made or are assigned, their articles and what happened to them, the items
    waiting in their channels, and every text that mentions anyone (whom it mentions is for
    :func:`derive` to read). The rest of a large newsroom's month is left in the database."""
    since = now - dt.timedelta(days=KEPT_DAYS)
    proposals_t, articles_t = TABLES[Proposal], TABLES[Article]
    decisions_t, publications_t = TABLES[ReviewDecision], TABLES[Publication]
    open_topics = (ProposalState.ASSIGNED.value, ProposalState.IN_PROGRESS.value)
    waiting = (ArticleState.IN_REVIEW.value, ArticleState.APPROVED.value)
    # Assignees are a JSON list of ids; a mention is "@" and a name or a user token.
    assigned = cast(proposals_t.c.assignees, Text).like(f'%"{me.id}"%')
    my_topics = select(proposals_t.c.id).where(assigned)
    my_articles = select(articles_t.c.id).where(
        (articles_t.c.owner_id == me.id) | articles_t.c.topic_id.in_(my_topics)
    )
    proposals: list[Proposal] = _all(
        conn,
        Proposal,
        (proposals_t.c.updated_at >= since) | proposals_t.c.state.in_(open_topics),
        (proposals_t.c.proposer_id == me.id)
        | assigned
        | proposals_t.c.angle.contains("@")
        | proposals_t.c.return_reason.contains("@"),
    )
    decisions: list[ReviewDecision] = _all(
        conn,
        ReviewDecision,
        func.coalesce(decisions_t.c.received_at, decisions_t.c.decided_at) >= since,
        decisions_t.c.article_id.in_(my_articles)
        | decisions_t.c.comment.contains("@")
        | cast(decisions_t.c.anchors, Text).contains("@"),
    )
    publications: list[Publication] = _all(
        conn,
        Publication,
        publications_t.c.published_at >= since,
        publications_t.c.article_id.in_(my_articles),
    )
    articles: dict[str, Article] = {
        a.id: a
        for a in _all(
            conn,
            Article,
            (articles_t.c.updated_at >= since) | articles_t.c.state.in_(waiting),
            (articles_t.c.owner_id == me.id)
            | articles_t.c.topic_id.in_(my_topics)
            | _waiting_on(me),
        )
    }
    wanted = sorted(
        ({d.article_id for d in decisions} | {p.article_id for p in publications}) - set(articles)
    )
    for start in range(0, len(wanted), CHUNK):
        for a in _all(conn, Article, articles_t.c.id.in_(wanted[start : start + CHUNK])):
            articles[a.id] = a
    topics = sorted(
        {a.topic_id for a in articles.values() if a.topic_id} - {p.id for p in proposals}
    )
    for start in range(0, len(topics), CHUNK):
        proposals += _all(conn, Proposal, proposals_t.c.id.in_(topics[start : start + CHUNK]))
    leads_t = TABLES[Lead]
    leads: list[Lead] = _all(
        conn,
        Lead,
        leads_t.c.found_at >= now - dt.timedelta(days=LEAD_DAYS),
        leads_t.c.dismissed.is_(False),
    )
    users: list[User] = _all(conn, User)
    return Traces(
        tuple(proposals),
        tuple(articles.values()),
        tuple(decisions),
        tuple(publications),
        tuple(leads),
        tuple(users),
    )


def _waiting_on(me: Actor) -> ColumnElement[bool]:
    """The articles waiting on ``me``: at a review level they hold in the article's channel, or
    approved in a channel where they sign off."""
    articles_t = TABLES[Article]
    waits = [
        (articles_t.c.state == ArticleState.IN_REVIEW.value)
        & (articles_t.c.review_level == level)
        & articles_t.c.channel_id.in_(
            [c for c in me.channels() if me.holds(Role.reviewer(level), c)]
        )
        for level in (1, 2, 3)
    ]
    signing = [c for c in me.channels() if me.holds(Role.PUBLISHER, c)]
    waits.append(
        (articles_t.c.state == ArticleState.APPROVED.value) & articles_t.c.channel_id.in_(signing)
    )
    return or_(*waits)


def notifications(conn: Connection, me: Actor, now: dt.datetime) -> Notifications:
    """What concerns ``me`` now (``now`` aware, in the user's zone), read or not."""
    world = DbWorld(conn)
    follows = world.source_follows(me.id)
    followed = frozenset(follows.source_ids if follows else ())
    found = replace(traces(conn, me, now), followed=followed)
    items = derive(found, me, now)
    reads = world.notification_reads(me.id)
    return Notifications(
        tuple(items),
        frozenset(n.id for n in items if not is_read(n, reads)),
        {u.id: u.name for u in found.users},
    )


def colleagues(conn: Connection) -> Sequence[User]:
    """Everyone who can be @mentioned: the enabled users, by name."""
    users_t = TABLES[User]
    return [
        from_row(User, row)
        for row in conn.execute(
            select(users_t).where(users_t.c.disabled.is_(False)).order_by(users_t.c.name)
        ).mappings()
    ]
