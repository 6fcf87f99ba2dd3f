"""Where polling each subscribed source stands, on the machine that polls it.

A poller claims a due source by leasing its ``source_polls`` row: one conditional UPDATE that
only one transaction can win, on SQLite and PostgreSQL alike, so two pollers (two service
processes, or a service restarted while its old self still runs) never fetch the same source at
once. The lease runs out by itself, so a poller that dies holding one delays the source only
until then. A failure pushes the next poll back by the source's interval doubled for each
failure in a row, up to six hours; a success brings it back to the interval.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, Engine, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from newsdesk.core.i18n import Message
from newsdesk.core.model import FeedKind, Lead, Source
from newsdesk.store.codec import TABLES, from_db_time, from_row
from newsdesk.store.schema import SOURCE_POLLS as POLLS

SOURCES: Final = TABLES[Source]
LEADS: Final = TABLES[Lead]
CHUNK: Final = 2000
MAX_BACKOFF: Final = dt.timedelta(hours=6)


@dataclass(frozen=True)
class Due:
    """A source claimed for one poll, with the validators its last answer gave."""

    source_id: str
    url: str
    kind: FeedKind
    interval_minutes: int
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class PollState:
    last_polled_at: dt.datetime | None
    next_poll_at: dt.datetime | None
    failures: int
    last_error: Message | None


def next_delay(interval_minutes: int, failures: int) -> dt.timedelta:
    """How long until the next poll: the interval, doubled per failure in a row, capped."""
    delay: dt.timedelta = dt.timedelta(minutes=interval_minutes) * 2 ** min(failures, 16)
    return min(delay, MAX_BACKOFF)


def _ensure_rows(engine: Engine, source_ids: list[str]) -> None:
    """A poll row for each source, each inserted on its own: another poller may insert the
    same one meanwhile, which is as good."""
    for source_id in source_ids:
        try:
            with engine.begin() as conn:
                conn.execute(
                    insert(POLLS),
                    {"source_id": source_id, "failures": 0, "next_poll_at": None},
                )
        except IntegrityError:
            continue


def claim_due(
    engine: Engine,
    now: dt.datetime,
    lease: dt.timedelta,
    channel_ids: frozenset[str] | None = None,
) -> list[Due]:
    """The sources due at ``now`` (of ``channel_ids`` if given) that this poller won the lease
    of, until ``now + lease``."""
    query = select(SOURCES.c.id).where(SOURCES.c.removed.is_(False), SOURCES.c.paused.is_(False))
    if channel_ids is not None:
        query = query.where(SOURCES.c.channel_id.in_(sorted(channel_ids)))
    with engine.connect() as conn:
        live_ids = list(conn.execute(query).scalars())
        known = set(conn.execute(select(POLLS.c.source_id)).scalars())
    _ensure_rows(engine, [s for s in live_ids if s not in known])
    claimed: list[Due] = []
    for source_id in live_ids:
        with engine.begin() as conn:
            won = conn.execute(
                update(POLLS)
                .where(
                    POLLS.c.source_id == source_id,
                    or_(POLLS.c.leased_until.is_(None), POLLS.c.leased_until < now),
                    or_(POLLS.c.next_poll_at.is_(None), POLLS.c.next_poll_at <= now),
                )
                .values(leased_until=now + lease)
            ).rowcount
            if won != 1:
                continue
            row = (
                conn.execute(
                    select(SOURCES, POLLS.c.etag, POLLS.c.last_modified)
                    .join(POLLS, POLLS.c.source_id == SOURCES.c.id)
                    .where(SOURCES.c.id == source_id)
                )
                .mappings()
                .one()
            )
            claimed.append(
                Due(
                    source_id=source_id,
                    url=row["url"],
                    kind=FeedKind(row["kind"]),
                    interval_minutes=row["interval_minutes"],
                    etag=row["etag"],
                    last_modified=row["last_modified"],
                )
            )
    return claimed


def succeeded(
    engine: Engine,
    due: Due,
    now: dt.datetime,
    etag: str | None,
    last_modified: str | None,
) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(POLLS)
            .where(POLLS.c.source_id == due.source_id)
            .values(
                last_polled_at=now,
                etag=etag,
                last_modified=last_modified,
                failures=0,
                next_poll_at=now + next_delay(due.interval_minutes, 0),
                last_error=None,
                leased_until=None,
            )
        )


def failed(engine: Engine, due: Due, now: dt.datetime, error: Message) -> None:
    """Record why the poll failed (as a message each reader translates) and back off."""
    with engine.begin() as conn:
        failures = 1 + int(
            conn.execute(
                select(POLLS.c.failures).where(POLLS.c.source_id == due.source_id)
            ).scalar_one()
        )
        conn.execute(
            update(POLLS)
            .where(POLLS.c.source_id == due.source_id)
            .values(
                last_polled_at=now,
                failures=failures,
                next_poll_at=now + next_delay(due.interval_minutes, failures),
                last_error=json.dumps(
                    {"context": error.context, "source": error.source, "params": error.params},
                    ensure_ascii=False,
                    default=str,
                ),
                leased_until=None,
            )
        )


def _message(text: str | None) -> Message | None:
    if not text:
        return None
    data = json.loads(text)
    return Message(str(data["context"]), str(data["source"]), dict(data.get("params") or {}))


def poll_states(conn: Connection) -> Mapping[str, PollState]:
    """Where polling stands for each source this machine polled."""
    return {
        row["source_id"]: PollState(
            last_polled_at=_time(row["last_polled_at"]),
            next_poll_at=_time(row["next_poll_at"]),
            failures=row["failures"],
            last_error=_message(row["last_error"]),
        )
        for row in conn.execute(select(POLLS)).mappings()
    }


def _time(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else from_db_time(value)


def sources(conn: Connection, channel_ids: frozenset[str] | None = None) -> list[Source]:
    """The sources not removed, by channel and name; ``channel_ids`` limits them."""
    query = select(SOURCES).where(SOURCES.c.removed.is_(False))
    if channel_ids is not None:
        query = query.where(and_(SOURCES.c.channel_id.in_(sorted(channel_ids))))
    rows = conn.execute(query.order_by(SOURCES.c.channel_id, SOURCES.c.name)).mappings()
    return [from_row(Source, row) for row in rows]


def known_leads(engine: Engine, lead_ids: list[str]) -> set[str]:
    """Which of ``lead_ids`` are leads already: their items need no mutation again."""
    known: set[str] = set()
    with engine.connect() as conn:
        for start in range(0, len(lead_ids), CHUNK):
            chunk = lead_ids[start : start + CHUNK]
            known.update(conn.execute(select(LEADS.c.id).where(LEADS.c.id.in_(chunk))).scalars())
    return known
