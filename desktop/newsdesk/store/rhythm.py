"""When each channel last published, for its publishing rhythm (:mod:`newsdesk.core.rhythm`): the
board's warning and the production report's silent days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from newsdesk.core.model import Article, Publication
from newsdesk.store.codec import TABLES, from_db_time


def last_publications(
    conn: Connection, channel_ids: Iterable[str], before: dt.datetime | None = None
) -> dict[str, dt.datetime]:
    """``channel id: time`` of each of ``channel_ids``' last first publication (an article's
    version 1 going out), earlier than ``before`` if given, in one grouped query; a channel that
    never published is left out."""
    articles, publications = TABLES[Article], TABLES[Publication]
    wanted = list(channel_ids)
    if not wanted:
        return {}
    conditions = [publications.c.version == 1, articles.c.channel_id.in_(wanted)]
    if before is not None:  # in UTC, as stored: SQLite compares the written-out times
        conditions.append(publications.c.published_at < before.astimezone(dt.UTC))
    latest = func.max(publications.c.published_at)
    return {
        channel_id: from_db_time(at)
        for channel_id, at in conn.execute(
            select(articles.c.channel_id, latest)
            .join(publications, publications.c.article_id == articles.c.id)
            .where(*conditions)
            .group_by(articles.c.channel_id)
        )
    }
