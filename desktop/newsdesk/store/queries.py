"""Read models for the desktop: what a screen shows, loaded in a few queries as plain values.

Screens keep these in memory and never query row by row, so their models answer Qt from memory.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
)

from newsdesk.core.actor import Actor
from newsdesk.core.articles import may_edit
from newsdesk.core.board import (
    ARTICLE_COLUMNS,
    PROPOSAL_COLUMNS,
    Card,
    Column,
    Snapshot,
    column_of,
)
from newsdesk.core.model import (
    Article,
    ArticleState,
    Channel,
    Priority,
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


def _users(conn: Connection) -> dict[str, User]:
    # Secrets stay in the database: the screens never need a password hash.
    return {
        user.id: replace(user, password_hash=None)
        for user in (from_row(User, row) for row in conn.execute(select(TABLES[User])).mappings())
    }


def load_snapshot(conn: Connection, actor: Actor) -> Snapshot:
    channels = visible_channels(conn, actor)
    users = _users(conn)
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


FIRST_SCREEN = 60
"""Cards per column on the board's first screen: more than the tallest screen shows."""


def _first_of_each_state(
    conn: Connection,
    table: Table,
    query: Select[Any],
    order: tuple[ColumnElement[Any], ...],
    per_state: int,
) -> tuple[list[str], dict[str, int]]:
    """The ids of ``query``'s rows of ``table``, the first ``per_state`` of each state ordered by
    ``order``'s due date (undated last), priority (highest first), latest update and id (byte by
    byte, as Python compares strings), and how many rows each state has.

    One query per state with its own limit, sorting only the ids and what orders them: the
    database keeps the best ``per_state`` rows as it goes, where ranking every row of the state
    (a window function) sorted them all, twice as long at 10,000 items."""
    due, priority, updated, key = order
    if conn.dialect.name != "sqlite":  # SQLite compares bytes already
        key = key.collate("C")
    by_state = table.c.state
    totals: dict[str, int] = {
        state: count
        for state, count in conn.execute(
            query.with_only_columns(by_state, func.count()).group_by(by_state)
        )
    }
    first = (
        query.with_only_columns(table.c.id)
        .where(by_state == bindparam("state"))
        .order_by(due.is_(None), due, priority.desc(), updated.desc(), key)
        .limit(per_state)
    )
    ids: list[str] = []
    for state in sorted(totals):
        ids += conn.execute(first, {"state": state}).scalars()
    return ids, totals


def load_first_screen(conn: Connection, actor: Actor, per_column: int = FIRST_SCREEN) -> Snapshot:
    """The first ``per_column`` cards of each column of :func:`load_snapshot`'s board in
    :func:`sort_key`'s order, with how many cards each column has (``Snapshot.totals``): what
    the board's first frame shows while the whole loads. At 100,000 items the whole takes
    seconds; this decodes a few hundred rows.

    The database orders by due date (undated last), priority, latest update and id, which is
    ``sort_key``'s order: its "overdue first" only ever puts the earliest due dates first. The
    Published column shows its most recently updated cards (the board's limit), so its first
    screen is those. Who may see a proposal is ``_may_see``, written as a condition."""
    channels = visible_channels(conn, actor)
    ids = list(channels)
    chief_of = [channel for channel in ids if actor.holds(Role.CHIEF, channel)]
    mine = PROPOSALS.c.proposer_id == actor.id
    on_board = and_(
        PROPOSALS.c.channel_id.in_(ids),
        PROPOSALS.c.state.in_(_BOARD_PROPOSALS),
        or_(mine, PROPOSALS.c.state != ProposalState.DRAFT.value),
        or_(
            mine,
            PROPOSALS.c.state != ProposalState.RETURNED.value,
            PROPOSALS.c.channel_id.in_(chief_of),
        ),
    )
    assigned_due = case((func.json_array_length(PROPOSALS.c.assignees) > 0, PROPOSALS.c.due_date))
    proposal_ids, proposal_totals = _first_of_each_state(
        conn,
        PROPOSALS,
        select(PROPOSALS.c.id).where(on_board),
        (assigned_due, PROPOSALS.c.priority, PROPOSALS.c.updated_at, PROPOSALS.c.id),
        per_column,
    )
    # An article's card carries its topic as load_snapshot finds it: among the proposals in
    # sight, whoever may see them.
    topic = PROPOSALS.alias("topic")
    topic_in_sight = and_(
        topic.c.channel_id.in_(ids), topic.c.state.in_(_BOARD_PROPOSALS + _TOPIC_STATES)
    )
    published = ArticleState.PUBLISHED.value
    in_sight = ARTICLES.c.channel_id.in_(ids)
    article_ids, article_totals = _first_of_each_state(
        conn,
        ARTICLES,
        select(ARTICLES.c.id)
        .select_from(
            ARTICLES.outerjoin(topic, and_(topic.c.id == ARTICLES.c.topic_id, topic_in_sight))
        )
        .where(in_sight, ARTICLES.c.state.in_(_BOARD_ARTICLES), ARTICLES.c.state != published),
        (
            topic.c.due_date,
            func.coalesce(topic.c.priority, Priority.NORMAL.value),
            ARTICLES.c.updated_at,
            ARTICLES.c.id,
        ),
        per_column,
    )
    newest_published = (
        select(ARTICLES.c.id)
        .where(in_sight, ARTICLES.c.state == published)
        .order_by(ARTICLES.c.updated_at.desc())
    )
    article_ids += conn.execute(newest_published.limit(per_column)).scalars()
    article_totals[published] = conn.execute(
        select(func.count()).select_from(newest_published.subquery())
    ).scalar_one()
    without_body = [c for c in ARTICLES.columns if c.name != "body_html"]
    articles = [
        from_row(Article, {**row, "body_html": ""})
        for row in conn.execute(
            select(*without_body).where(ARTICLES.c.id.in_(article_ids))
        ).mappings()
    ]
    wanted = {a.topic_id for a in articles if a.topic_id} | set(proposal_ids)
    # Which of them are in sight is asked of each row here: given in the query, it made SQLite
    # read every proposal of the channels in those states, not a few hundred by their ids.
    in_sight_states = frozenset(_BOARD_PROPOSALS + _TOPIC_STATES)
    proposals = {
        p.id: p
        for p in (
            from_row(Proposal, row)
            for row in conn.execute(select(PROPOSALS).where(PROPOSALS.c.id.in_(wanted))).mappings()
        )
        if p.channel_id in channels and p.state.value in in_sight_states
    }
    cards = [
        Card(PROPOSAL_COLUMNS[proposals[key].state], proposal=proposals[key])
        for key in proposal_ids
    ]
    cards += [
        Card(ARTICLE_COLUMNS[a.state], article=a, topic=proposals.get(a.topic_id or ""))
        for a in articles
    ]
    totals = dict.fromkeys(Column, 0)
    for state, number in proposal_totals.items():
        totals[PROPOSAL_COLUMNS[ProposalState(state)]] += number
    for state, number in article_totals.items():
        totals[ARTICLE_COLUMNS[ArticleState(state)]] += number
    return Snapshot(tuple(cards), (), channels, _users(conn), totals)
