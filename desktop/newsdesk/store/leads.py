"""The leads a user may see (newest first, with their source's name and whether they read
them), the sources with where polling each stands, and the sources a user may follow, for the
screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, func, select

from newsdesk.core.actor import Actor
from newsdesk.core.model import Channel, Lead, Source
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.directory import directory
from newsdesk.store.polls import PollState, poll_states, sources
from newsdesk.store.world import DbWorld

LEADS: Final = TABLES[Lead]
SOURCES: Final = TABLES[Source]
SHOWN: Final = 500


@dataclass(frozen=True)
class LeadRow:
    lead: Lead
    source_name: str
    unread: bool


def followed(conn: Connection, user_id: str) -> frozenset[str]:
    """The ids of the sources ``user_id`` follows."""
    follows = DbWorld(conn).source_follows(user_id)
    return frozenset(follows.source_ids if follows else ())


def visible_leads(
    conn: Connection, actor: Actor, limit: int = SHOWN, *, only_followed: bool = False
) -> list[LeadRow]:
    """The newest ``limit`` leads not dismissed, of the channels ``actor`` may see, newest
    first (by the item's own time, else when it was found); ``only_followed``: only those of
    the sources ``actor`` follows."""
    newest = func.coalesce(LEADS.c.published_at, LEADS.c.found_at)
    query = (
        select(LEADS, SOURCES.c.name.label("source_name"))
        .join(SOURCES, SOURCES.c.id == LEADS.c.source_id)
        .where(LEADS.c.dismissed.is_(False))
        .order_by(newest.desc(), LEADS.c.id)
        .limit(limit)
    )
    if not actor.is_admin:
        query = query.where(LEADS.c.channel_id.in_(sorted(actor.channels())))
    if only_followed:
        query = query.where(LEADS.c.source_id.in_(sorted(followed(conn, actor.id))))
    rows = []
    for row in conn.execute(query).mappings():
        lead = from_row(Lead, row)
        rows.append(LeadRow(lead, row["source_name"], actor.id not in lead.read_by))
    return rows


@dataclass(frozen=True)
class SourceRow:
    source: Source
    channel: str
    state: PollState | None


@dataclass(frozen=True)
class SourcesView:
    rows: tuple[SourceRow, ...]
    channels: tuple[Channel, ...]


def sources_overview(conn: Connection) -> SourcesView:
    """Every source not removed with its channel's name and its polling, and the channels."""
    channels = tuple(directory(conn).channels)
    names = {c.id: c.name for c in channels}
    states = poll_states(conn)
    rows = tuple(
        SourceRow(s, names.get(s.channel_id, "?"), states.get(s.id)) for s in sources(conn)
    )
    return SourcesView(rows, channels)


@dataclass(frozen=True)
class FollowRow:
    source: Source
    channel: str
    following: bool


def followable_sources(conn: Connection, actor: Actor) -> list[FollowRow]:
    """The sources not removed of the channels ``actor`` may see, by channel and name, and
    whether they follow each."""
    names = {c.id: c.name for c in directory(conn).channels}
    mine = followed(conn, actor.id)
    rows = [
        FollowRow(s, names.get(s.channel_id, "?"), s.id in mine)
        for s in sources(conn, None if actor.is_admin else actor.channels())
    ]
    return sorted(rows, key=lambda r: (r.channel, r.source.name))
