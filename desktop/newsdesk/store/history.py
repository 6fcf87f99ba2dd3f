"""Read models for an article's history: its frozen revisions and what the reviewers said of each.

Loaded in a few queries (revisions, decisions, the names of the people involved), never one
query per row, so a history panel answers Qt from memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from newsdesk.core.mentions import mentioned_ids, render
from newsdesk.core.model import Article, Proposal, ReviewDecision, Revision, User, Verdict
from newsdesk.store.codec import TABLES, from_row

REVISIONS = TABLES[Revision]
DECISIONS = TABLES[ReviewDecision]
USERS = TABLES[User]
CLOCK_SKEW = dt.timedelta(minutes=5)
UNKNOWN_PERSON = "?"
"""The name shown for someone whose user row is missing (not synced yet)."""


@dataclass(frozen=True)
class DecisionEntry:
    """One reviewer's decision on a revision, with the reviewer's display name."""

    level: int
    verdict: Verdict
    reviewer: str
    comment: str
    decided_at: dt.datetime  # by the reviewer's clock
    received_at: dt.datetime | None = None  # by the service's, once it has the decision

    @property
    def when(self) -> dt.datetime:
        """When it was decided, by the service's clock once it has the decision."""
        return self.received_at or self.decided_at

    @property
    def skewed(self) -> bool:
        """Whether the reviewer's clock and the service's disagree by more than
        :data:`CLOCK_SKEW`, so both are worth showing."""
        return self.received_at is not None and abs(self.received_at - self.decided_at) > CLOCK_SKEW


@dataclass(frozen=True)
class RevisionEntry:
    """A revision with its author's display name and the decisions made on it, oldest first."""

    revision: Revision
    author: str
    decisions: tuple[DecisionEntry, ...]

    @property
    def number(self) -> int:
        return self.revision.number


@dataclass(frozen=True)
class ArticleHistory:
    """What a history panel shows: the article as it is now, its topic, and its revisions."""

    article: Article
    topic: Proposal | None
    entries: tuple[RevisionEntry, ...]  # newest first


def _names(conn: Connection, user_ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(user_ids))
    if not wanted:
        return {}
    rows = conn.execute(select(USERS.c.id, USERS.c.name).where(USERS.c.id.in_(wanted)))
    return {str(user_id): str(name) for user_id, name in rows}


def revisions(conn: Connection, article_id: str) -> list[RevisionEntry]:
    """The revisions of ``article_id``, newest first, in three queries.

    A decision belongs to a revision when it names both its number and its content hash.
    """
    found = [
        from_row(Revision, row)
        for row in conn.execute(
            select(REVISIONS)
            .where(REVISIONS.c.article_id == article_id)
            .order_by(REVISIONS.c.number.desc())
        ).mappings()
    ]
    if not found:
        return []
    decisions = [
        from_row(ReviewDecision, row)
        for row in conn.execute(
            select(DECISIONS)
            .where(DECISIONS.c.article_id == article_id)
            .order_by(
                func.coalesce(DECISIONS.c.received_at, DECISIONS.c.decided_at), DECISIONS.c.level
            )
        ).mappings()
    ]
    people = [r.author_id for r in found] + [d.reviewer_id for d in decisions]
    names = _names(conn, people + [i for d in decisions for i in mentioned_ids(d.comment)])
    by_revision: dict[tuple[int, str], list[DecisionEntry]] = {}
    for d in decisions:
        by_revision.setdefault((d.revision_number, d.revision_hash), []).append(
            DecisionEntry(
                level=d.level,
                verdict=d.verdict,
                reviewer=names.get(d.reviewer_id, UNKNOWN_PERSON),
                comment=render(d.comment, names),
                decided_at=d.decided_at,
                received_at=d.received_at,
            )
        )
    return [
        RevisionEntry(
            revision=r,
            author=names.get(r.author_id, UNKNOWN_PERSON),
            decisions=tuple(by_revision.get((r.number, r.content_hash), ())),
        )
        for r in found
    ]


def revision(conn: Connection, revision_id: str) -> Revision | None:
    """The revision ``revision_id``, or ``None`` when there is none."""
    row = conn.execute(select(REVISIONS).where(REVISIONS.c.id == revision_id)).mappings().first()
    return from_row(Revision, row) if row is not None else None


def article_history(conn: Connection, article_id: str) -> ArticleHistory | None:
    """The article ``article_id`` with its topic and revisions, or ``None`` when it is gone."""
    articles = TABLES[Article]
    row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    if row is None:
        return None
    article = from_row(Article, row)
    topic: Proposal | None = None
    if article.topic_id is not None:
        proposals = TABLES[Proposal]
        topic_row = (
            conn.execute(select(proposals).where(proposals.c.id == article.topic_id))
            .mappings()
            .first()
        )
        topic = from_row(Proposal, topic_row) if topic_row is not None else None
    return ArticleHistory(article, topic, tuple(revisions(conn, article_id)))
