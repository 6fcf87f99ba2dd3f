"""定时发布: the signed-off articles waiting for their publication time."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import ColumnElement, Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsdesk.core.model import Article, ArticleState, ScheduledPublication
from newsdesk.store.codec import TABLES, from_db_time
from newsdesk.store.schema import SETTINGS

ARTICLES = TABLES[Article]


def _query(conn: Connection, *conditions: ColumnElement[bool]) -> list[ScheduledPublication]:
    query = (
        select(
            ARTICLES.c.id,
            ARTICLES.c.title,
            ARTICLES.c.channel_id,
            ARTICLES.c.publish_at,
            ARTICLES.c.scheduled_by,
        )
        .where(
            ARTICLES.c.publish_at.is_not(None),
            ARTICLES.c.state == ArticleState.SIGNED_OFF.value,
            *conditions,
        )
        .order_by(ARTICLES.c.publish_at, ARTICLES.c.id)
    )
    return [
        ScheduledPublication(
            article_id=row.id,
            title=row.title,
            channel_id=row.channel_id,
            publish_at=from_db_time(row.publish_at),
            scheduled_by=row.scheduled_by or "",
        )
        for row in conn.execute(query)
    ]


def scheduled_publications(
    conn: Connection, start: dt.datetime, end: dt.datetime
) -> list[ScheduledPublication]:
    """The publications scheduled from ``start`` (included) to ``end`` (excluded), soonest
    first: what a calendar shows."""
    return _query(conn, ARTICLES.c.publish_at >= start, ARTICLES.c.publish_at < end)


def due_publications(conn: Connection, now: dt.datetime) -> list[ScheduledPublication]:
    """The publications whose time has come by ``now`` and that have not gone out, soonest
    first."""
    return _query(conn, ARTICLES.c.publish_at <= now)


UNSENT_KEY = "publish.scheduled.unsent"
"""The setting listing the articles a scheduled publication published whose files were not
delivered yet: written in the publishing transaction, cleared once delivered, so a crash in
between is delivered after the restart instead of missed."""


def unsent(conn: Connection) -> list[str]:
    """The articles published at their time whose files have not been delivered yet."""
    stored = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == UNSENT_KEY)).scalar()
    return [str(a) for a in json.loads(stored)] if stored else []


def _keep_unsent(conn: Connection, article_ids: list[str]) -> None:
    value = json.dumps(article_ids)
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    statement = insert(SETTINGS).values(key=UNSENT_KEY, value=value)
    conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def note_unsent(conn: Connection, article_id: str) -> None:
    """Remember, in the publishing transaction, that ``article_id`` awaits delivery."""
    found = unsent(conn)
    if article_id not in found:
        _keep_unsent(conn, [*found, article_id])


def forget_unsent(conn: Connection, article_id: str) -> None:
    """``article_id`` was delivered (or its delivery failed and is remembered for a retry)."""
    found = unsent(conn)
    if article_id in found:
        _keep_unsent(conn, [a for a in found if a != article_id])
