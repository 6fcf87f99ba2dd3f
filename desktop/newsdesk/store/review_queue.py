"""The review queue: every article waiting for one person's decision, in the order to take them.

An article in review waits for the reviewers of its current level; an approved one waits for the
publishers of its channel (签发). Loaded in two queries (the articles with their topics' due
dates and their owners' names, then their channels), so the queue's model answers Qt from memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, Connection, and_, or_, select

from newsdesk.core.actor import Actor
from newsdesk.core.model import Article, ArticleState, Channel, Priority, Proposal, Role, User
from newsdesk.store.codec import TABLES, from_row

ARTICLES = TABLES[Article]
PROPOSALS = TABLES[Proposal]
USERS = TABLES[User]
CHANNELS = TABLES[Channel]

SIGN_OFF: Literal["sign_off"] = "sign_off"
Step = int | Literal["sign_off"]
"""A review level (1, 2 or 3), or the publisher's sign-off."""


@dataclass(frozen=True)
class QueueItem:
    """One article waiting for the actor. ``article`` carries no ``body_html``."""

    article: Article
    channel: Channel
    step: Step
    due_date: dt.date | None
    priority: Priority
    owner: str

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def revision_number(self) -> int:
        return self.article.revision_number

    @property
    def updated_at(self) -> dt.datetime:
        return self.article.updated_at


def step_of(actor: Actor, article: Article) -> Step | None:
    """What ``actor`` would decide on ``article`` now; ``None`` when it does not wait for them."""
    level = article.review_level
    if (
        article.state == ArticleState.IN_REVIEW
        and level in (1, 2, 3)
        and actor.holds(Role.reviewer(level), article.channel_id)
    ):
        return level
    if article.state == ArticleState.APPROVED and actor.holds(Role.PUBLISHER, article.channel_id):
        return SIGN_OFF
    return None


def _sort_key(item: QueueItem) -> tuple[bool, dt.date, int, dt.datetime]:
    due = item.due_date
    return (due is None, due or dt.date.max, -int(item.priority), item.updated_at)


def _waiting(actor: Actor) -> list[ColumnElement[bool]]:
    """What :func:`step_of` asks, as conditions on the articles table: only the rows waiting for
    ``actor`` are read (a reviewer of one level in a channel would otherwise read every article
    in review there)."""

    def held(role: Role) -> list[str]:
        return sorted(channel for channel, granted in actor.roles if granted == role)

    articles = ARTICLES.c
    conditions = [
        and_(
            articles.state == ArticleState.IN_REVIEW.value,
            articles.review_level == level,
            articles.channel_id.in_(channels),
        )
        for level in (1, 2, 3)
        if (channels := held(Role.reviewer(level)))
    ]
    if publishing := held(Role.PUBLISHER):
        conditions.append(
            and_(articles.state == ArticleState.APPROVED.value, articles.channel_id.in_(publishing))
        )
    return conditions


def review_queue(conn: Connection, actor: Actor) -> list[QueueItem]:
    """The articles waiting for ``actor``: earliest due first (none last), then the most urgent,
    then the longest waiting."""
    waits = _waiting(actor)
    if actor.user.disabled or not waits:
        return []
    without_body = [c for c in ARTICLES.columns if c.name != "body_html"]
    # Each row brings its topic's due date and priority and its owner's name.
    rows = conn.execute(
        select(
            *without_body,
            PROPOSALS.c.id.label("topic_found"),
            PROPOSALS.c.due_date.label("topic_due_date"),
            PROPOSALS.c.priority.label("topic_priority"),
            USERS.c.name.label("owner_name"),
        )
        .select_from(
            ARTICLES.outerjoin(PROPOSALS, PROPOSALS.c.id == ARTICLES.c.topic_id).outerjoin(
                USERS, USERS.c.id == ARTICLES.c.owner_id
            )
        )
        .where(or_(*waits))
    ).mappings()
    waiting: list[tuple[Article, Step, dt.date | None, Priority, str]] = []
    for row in rows:
        article = from_row(Article, {**row, "body_html": ""})
        step = step_of(actor, article)
        if step is None:
            continue
        found = row["topic_found"] is not None
        waiting.append(
            (
                article,
                step,
                row["topic_due_date"] if found else None,
                Priority(row["topic_priority"]) if found else Priority.NORMAL,
                "?" if row["owner_name"] is None else str(row["owner_name"]),
            )
        )
    if not waiting:
        return []
    channels = {
        c.id: c
        for c in (
            from_row(Channel, row)
            for row in conn.execute(
                select(CHANNELS).where(
                    CHANNELS.c.id.in_(sorted({a.channel_id for a, *_ in waiting}))
                )
            ).mappings()
        )
    }
    items = [
        QueueItem(
            article=article,
            channel=channels[article.channel_id],
            step=step,
            due_date=due,
            priority=priority,
            owner=owner,
        )
        for article, step, due, priority, owner in waiting
    ]
    items.sort(key=_sort_key)
    return items
