"""Read models for the desktop: what a screen shows, loaded in a few queries as plain values.

Screens keep these in memory and never query row by row, so their models answer Qt from memory.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, func, select

from newsdesk.core.actor import Actor
from newsdesk.core.articles import may_edit
from newsdesk.core.board import Card, Snapshot, column_of
from newsdesk.core.model import (
    Article,
    ArticleState,
    Channel,
    Proposal,
    ProposalState,
    Role,
    User,
)
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.world import DbWorld

ARTICLES = TABLES[Article]
PROPOSALS = TABLES[Proposal]
_BOARD_PROPOSALS = [
    s.value
    for s in (
        ProposalState.DRAFT,
        ProposalState.SUBMITTED,
        ProposalState.RETURNED,
        ProposalState.SELECTED,
        ProposalState.ASSIGNED,
    )
]
_TOPIC_STATES = [
    s.value
    for s in (
        ProposalState.SELECTED,
        ProposalState.ASSIGNED,
        ProposalState.IN_PROGRESS,
        ProposalState.DONE,
        ProposalState.DELETED,
    )
]
_BOARD_ARTICLES = [
    s.value
    for s in (
        ArticleState.DRAFT,
        ArticleState.IN_REVIEW,
        ArticleState.APPROVED,
        ArticleState.SIGNED_OFF,
        ArticleState.PUBLISHED,
    )
]


def users_for_sign_in(conn: Connection) -> list[User]:
    """The workspace's active users, with their password verifiers, ordered by login."""
    rows = conn.execute(select(TABLES[User]).order_by(TABLES[User].c.login)).mappings()
    return [user for user in (from_row(User, row) for row in rows) if not user.disabled]


def visible_channels(conn: Connection, actor: Actor) -> dict[str, Channel]:
    """The channels ``actor`` may see: where they hold a role, or all of them for an admin."""
    channels = [from_row(Channel, row) for row in conn.execute(select(TABLES[Channel])).mappings()]
    mine = actor.channels()
    return {c.id: c for c in channels if actor.is_admin or c.id in mine}


def _may_see(actor: Actor, proposal: Proposal) -> bool:
    """Drafts are the proposer's own; a returned or deleted proposal is for its proposer and the
    chiefs (who may restore it)."""
    if proposal.state == ProposalState.DRAFT or proposal.deleted_from == ProposalState.DRAFT:
        return proposal.proposer_id == actor.id
    if proposal.state in (ProposalState.RETURNED, ProposalState.DELETED):
        return proposal.proposer_id == actor.id or actor.holds(Role.CHIEF, proposal.channel_id)
    return True


def load_snapshot(conn: Connection, actor: Actor) -> Snapshot:
    channels = visible_channels(conn, actor)
    users = {
        u.id: u
        for u in (from_row(User, row) for row in conn.execute(select(TABLES[User])).mappings())
    }
    # Secrets stay in the database: the screens never need a password hash.
    users = {key: replace(user, password_hash=None) for key, user in users.items()}
    ids = list(channels)
    proposals = [
        from_row(Proposal, row)
        for row in conn.execute(
            select(PROPOSALS)
            .where(
                PROPOSALS.c.channel_id.in_(ids),
                PROPOSALS.c.state.in_(_BOARD_PROPOSALS + _TOPIC_STATES),
            )
            .order_by(PROPOSALS.c.updated_at.desc())
        ).mappings()
    ]
    by_id = {p.id: p for p in proposals}
    without_body = [c for c in ARTICLES.columns if c.name != "body_html"]
    articles = [
        from_row(Article, {**row, "body_html": ""})
        for row in conn.execute(
            select(*without_body)
            .where(ARTICLES.c.channel_id.in_(ids), ARTICLES.c.state.in_(_BOARD_ARTICLES))
            .order_by(ARTICLES.c.updated_at.desc())
        ).mappings()
    ]
    cards: list[Card] = []
    for proposal in proposals:
        column = column_of(proposal)
        if column is not None and _may_see(actor, proposal):
            cards.append(Card(column, proposal=proposal))
    for article in articles:
        column = column_of(article)
        if column is not None:
            topic = by_id.get(article.topic_id) if article.topic_id else None
            cards.append(Card(column, article=article, topic=topic))
    topics = tuple(p for p in proposals if p.state.value in _TOPIC_STATES and _may_see(actor, p))
    return Snapshot(tuple(cards), topics, channels, users)


def largest_editable_article(conn: Connection, actor: Actor) -> str | None:
    """The id of the longest article ``actor`` may edit now (for screenshots and checks)."""
    length = func.length(ARTICLES.c.body_html)
    channels = list(visible_channels(conn, actor))
    rows = conn.execute(
        select(ARTICLES.c.id)
        .where(ARTICLES.c.channel_id.in_(channels), ARTICLES.c.state == ArticleState.DRAFT.value)
        .order_by(length.desc())
    ).scalars()
    world = DbWorld(conn)
    for article_id in rows:
        article = world.article(article_id)
        topic = world.proposal(article.topic_id) if article and article.topic_id else None
        if article is not None and may_edit(actor, article, topic) is None:
            return str(article_id)
    return None
