"""What the 统计 page's operations tabs show: accounts, months, targets with their progress,
and the 留言 register, limited to the channels the user works in (everything for an admin)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, distinct, func, select, true

from newsdesk.core.actor import Actor
from newsdesk.core.model import (
    AccountMonth,
    Article,
    Channel,
    PlatformAccount,
    PlatformFigures,
    Publication,
    ReaderMessage,
    RoleGrant,
    User,
    YearTarget,
)
from newsdesk.ingest.platform_data import Published
from newsdesk.store.codec import TABLES, from_row

ACCOUNTS = TABLES[PlatformAccount]
MONTHS = TABLES[AccountMonth]
FIGURES = TABLES[PlatformFigures]
TARGETS = TABLES[YearTarget]
MESSAGES = TABLES[ReaderMessage]
ARTICLES = TABLES[Article]
PUBLICATIONS = TABLES[Publication]
CHANNELS = TABLES[Channel]
GRANTS = TABLES[RoleGrant]
USERS = TABLES[User]


def _mine(actor: Actor, column: ColumnElement[str]) -> ColumnElement[bool]:
    return true() if actor.is_admin else column.in_(sorted(actor.channels()))


def channels(conn: Connection, actor: Actor) -> dict[str, str]:
    rows = conn.execute(select(CHANNELS.c.id, CHANNELS.c.name).where(_mine(actor, CHANNELS.c.id)))
    return {r.id: r.name for r in rows}


def accounts(conn: Connection, actor: Actor) -> list[PlatformAccount]:
    query = select(ACCOUNTS).where(_mine(actor, ACCOUNTS.c.channel_id), ~ACCOUNTS.c.removed)
    return [
        from_row(PlatformAccount, r)
        for r in conn.execute(query.order_by(ACCOUNTS.c.name)).mappings()
    ]


def months(conn: Connection, actor: Actor) -> list[AccountMonth]:
    """The months of the accounts still kept: a removed account's months went with it."""
    live = select(ACCOUNTS.c.id).where(~ACCOUNTS.c.removed)
    query = (
        select(MONTHS)
        .where(_mine(actor, MONTHS.c.channel_id), MONTHS.c.account_id.in_(live))
        .order_by(MONTHS.c.month.desc())
    )
    return [from_row(AccountMonth, r) for r in conn.execute(query).mappings()]


def figures_of(conn: Connection, account_id: str) -> list[PlatformFigures]:
    """An account's imported items, newest first."""
    query = (
        select(FIGURES)
        .where(FIGURES.c.account_id == account_id)
        .order_by(FIGURES.c.published_on.desc(), FIGURES.c.title)
    )
    return [from_row(PlatformFigures, r) for r in conn.execute(query).mappings()]


def messages(conn: Connection, actor: Actor) -> list[ReaderMessage]:
    query = (
        select(MESSAGES)
        .where(_mine(actor, MESSAGES.c.channel_id))
        .order_by(MESSAGES.c.received_at.desc())
    )
    return [from_row(ReaderMessage, r) for r in conn.execute(query).mappings()]


def published_articles(conn: Connection, channel_id: str) -> list[Published]:
    """The channel's published articles with their addresses, for matching imported figures."""
    query = (
        select(ARTICLES.c.id, ARTICLES.c.title, PUBLICATIONS.c.location)
        .join(PUBLICATIONS, PUBLICATIONS.c.article_id == ARTICLES.c.id)
        .where(ARTICLES.c.channel_id == channel_id)
    )
    found: dict[str, tuple[str, list[str]]] = {}
    for row in conn.execute(query):
        found.setdefault(row.id, (row.title, []))[1].append(row.location)
    return [Published(a, title, tuple(urls)) for a, (title, urls) in found.items()]


@dataclass(frozen=True)
class Progress:
    """A target and what has been reached so far in its year."""

    target: YearTarget
    publications: int  # our articles published in the year (in the channel)
    reads: int  # reads of the year's items on the account (or all the channel's accounts)
    followers: int  # the latest month's followers of the year


def progress(conn: Connection, actor: Actor, year: int) -> list[Progress]:
    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    query = select(TARGETS).where(_mine(actor, TARGETS.c.channel_id), TARGETS.c.year == year)
    result = []
    for row in conn.execute(query).mappings():
        target = from_row(YearTarget, row)
        published = conn.execute(
            select(func.count(distinct(PUBLICATIONS.c.article_id)))
            .join(ARTICLES, ARTICLES.c.id == PUBLICATIONS.c.article_id)
            .where(
                ARTICLES.c.channel_id == target.channel_id,
                PUBLICATIONS.c.published_at >= start,
                PUBLICATIONS.c.published_at < end,
            )
        ).scalar_one()
        scope = (
            FIGURES.c.account_id == target.account_id
            if target.account_id
            else FIGURES.c.channel_id == target.channel_id
        )
        reads = conn.execute(
            select(func.coalesce(func.sum(FIGURES.c.reads), 0)).where(
                scope,
                FIGURES.c.published_on >= dt.date(year, 1, 1),
                FIGURES.c.published_on <= dt.date(year, 12, 31),
            )
        ).scalar_one()
        month_scope = (
            MONTHS.c.account_id == target.account_id
            if target.account_id
            else MONTHS.c.channel_id == target.channel_id
        )
        latest: dict[str, int] = {}
        for m in conn.execute(
            select(MONTHS.c.account_id, MONTHS.c.followers)
            .where(month_scope, MONTHS.c.month.like(f"{year}-%"))
            .order_by(MONTHS.c.month)
        ):
            latest[m.account_id] = m.followers
        result.append(Progress(target, int(published), int(reads), sum(latest.values())))
    return result


def people(conn: Connection, channel_ids: list[str]) -> dict[str, list[User]]:
    """Who works in each channel (any active role), by name: those a 留言 may be assigned to."""
    query = (
        select(GRANTS.c.channel_id, USERS)
        .join(USERS, USERS.c.id == GRANTS.c.user_id)
        .where(GRANTS.c.active, ~USERS.c.disabled, GRANTS.c.channel_id.in_(channel_ids))
        .order_by(USERS.c.name)
    )
    found: dict[str, dict[str, User]] = {}
    for row in conn.execute(query).mappings():
        user = from_row(User, {k: v for k, v in row.items() if k != "channel_id"})
        found.setdefault(row["channel_id"], {})[user.id] = user
    return {channel: list(users.values()) for channel, users in found.items()}


@dataclass(frozen=True)
class Operations:
    """Everything the 统计 page's operations tabs show, read at once."""

    channels: dict[str, str]
    accounts: list[PlatformAccount]
    months: list[AccountMonth]
    progress: list[Progress]
    messages: list[ReaderMessage]
    people: dict[str, list[User]]


def operations(conn: Connection, actor: Actor, year: int) -> Operations:
    names = channels(conn, actor)
    return Operations(
        names,
        accounts(conn, actor),
        months(conn, actor),
        progress(conn, actor, year),
        messages(conn, actor),
        people(conn, sorted(names)),
    )
