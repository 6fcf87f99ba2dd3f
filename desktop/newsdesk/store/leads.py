"""The leads a user may see (newest first, with their source's name and whether they read
them), and the sources with where polling each stands, for the screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, func, select

from newsdesk.core.actor import Actor
from newsdesk.core.model import Channel, Lead, Source
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.directory import directory
from newsdesk.store.polls import PollState, poll_states, sources

LEADS: Final = TABLES[Lead]
SOURCES: Final = TABLES[Source]
SHOWN: Final = 500


@dataclass(frozen=True)
class LeadRow:
    lead: Lead
    source_name: str
    unread: bool


def visible_leads(conn: Connection, actor: Actor, limit: int = SHOWN) -> list[LeadRow]:
    """The newest ``limit`` leads not dismissed, of the channels ``actor`` may see, newest
    first (by the item's own time, else when it was found)."""
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
