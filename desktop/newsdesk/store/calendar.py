"""The editorial calendar's read model: the entries of a date range, and what has no date yet.

Each entry kind has one row in :data:`SOURCES` (its entries between two days, one query over an
indexed date or time column) and may have one in :data:`UNSCHEDULED` (its undated items). A
month of a 100,000-item workspace is therefore a few range queries, never a query per row.
Each range is fetched whole (``.all()``): fetched row by row, a month's thousands of rows cost
more in the result's per-row calls than in making the entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from newsdesk.core.actor import Actor
from newsdesk.core.calendar import DayMark, Entry, EntryKind, day_marks
from newsdesk.core.i18n import Message
from newsdesk.core.model import Article, ArticleState, Channel, Proposal, ProposalState
from newsdesk.core.workdays import HolidayFileError, calendar
from newsdesk.store.codec import TABLES, from_db_time
from newsdesk.store.queries import visible_channels

PROPOSALS = TABLES[Proposal]
ARTICLES = TABLES[Article]
UNSCHEDULED_SHOWN = 200  # the undated list shows the newest; the rest is counted
S = ProposalState


@dataclass(frozen=True)
class Scope:
    """Whose calendar, over which channels (those they may see, narrowed by the filter)."""

    actor: Actor
    channel_ids: frozenset[str]


Source = Callable[[Connection, Scope, dt.date, dt.date], list[Entry]]
Undated = Callable[[Connection, Scope, int], tuple[list[Entry], int]]


def _proposals_shown(scope: Scope) -> ColumnElement[bool]:
    """Proposals on their way to the topic library: a draft only for its proposer (as on the
    board), a submitted one for the channel, a selected topic until it is assigned. Written as
    states *and* a draft test, not as an OR of two cases, so that the (channel, state, date)
    indexes serve it."""
    c = PROPOSALS.c
    return and_(
        c.channel_id.in_(scope.channel_ids),
        c.state.in_([S.DRAFT.value, S.SUBMITTED.value, S.SELECTED.value]),
        or_(c.state != S.DRAFT.value, c.proposer_id == scope.actor.id),
    )


def _proposal_entries(conn: Connection, scope: Scope, first: dt.date, last: dt.date) -> list[Entry]:
    c = PROPOSALS.c
    rows = conn.execute(
        select(c.id, c.channel_id, c.title, c.planned_date)
        .where(c.planned_date.between(first, last), _proposals_shown(scope))
        .order_by(c.planned_date, c.priority.desc(), c.title)
    ).all()
    return [Entry(EntryKind.PROPOSAL, *row) for row in rows]


def _undated_proposals(conn: Connection, scope: Scope, limit: int) -> tuple[list[Entry], int]:
    c = PROPOSALS.c
    undated = and_(c.planned_date.is_(None), _proposals_shown(scope))
    rows = conn.execute(
        select(c.id, c.channel_id, c.title)
        .where(undated)
        .order_by(c.priority.desc(), c.updated_at.desc())
        .limit(limit)
    )
    entries = [Entry(EntryKind.PROPOSAL, *row, None) for row in rows]
    total = conn.execute(select(func.count()).select_from(PROPOSALS).where(undated)).scalar_one()
    return entries, total


def _assignment_entries(
    conn: Connection, scope: Scope, first: dt.date, last: dt.date
) -> list[Entry]:
    c = PROPOSALS.c
    rows = conn.execute(
        select(c.id, c.channel_id, c.title, c.due_date, c.article_id)
        .where(
            c.due_date.between(first, last),
            c.channel_id.in_(scope.channel_ids),
            c.state.in_([S.ASSIGNED.value, S.IN_PROGRESS.value]),
        )
        .order_by(c.due_date, c.priority.desc(), c.title)
    ).all()
    return [Entry(EntryKind.ASSIGNMENT, *row) for row in rows]


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def _publication_entries(
    conn: Connection, scope: Scope, first: dt.date, last: dt.date
) -> list[Entry]:
    """The signed-off articles due out from ``first`` to ``last`` in local time: one range over
    the ``publish_at`` index. Only a signed-off article counts, as for the board's clock chip
    and the scheduler (:mod:`newsdesk.store.schedule`): a time left on an article in another
    state sends nothing out."""
    c = ARTICLES.c
    rows = conn.execute(
        select(c.id, c.channel_id, c.title, c.publish_at)
        .where(
            c.publish_at >= _local_midnight(first),
            c.publish_at < _local_midnight(last + dt.timedelta(days=1)),
            c.channel_id.in_(scope.channel_ids),
            c.state == ArticleState.SIGNED_OFF.value,
        )
        .order_by(c.publish_at, c.title)
    ).all()
    entries = []
    for article_id, channel_id, title, publish_at in rows:
        at = from_db_time(publish_at).astimezone()
        entries.append(
            Entry(EntryKind.PUBLICATION, article_id, channel_id, title, at.date(), article_id, at)
        )
    return entries


# Each source gives its entries by day (and time), and a stable sort by day keeps them in this
# order within a day: the timed ones first, by their time, as a day's schedule reads.
SOURCES: Mapping[EntryKind, Source] = {
    EntryKind.PUBLICATION: _publication_entries,
    EntryKind.PROPOSAL: _proposal_entries,
    EntryKind.ASSIGNMENT: _assignment_entries,
}
UNSCHEDULED: Mapping[EntryKind, Undated] = {
    EntryKind.PROPOSAL: _undated_proposals,
}


@dataclass(frozen=True)
class CalendarData:
    """What the calendar page shows for one range, read in one go on the database thread."""

    first: dt.date
    last: dt.date
    channels: dict[str, Channel]  # every channel the user may see, for the filter and colours
    entries: tuple[Entry, ...]
    unscheduled: tuple[Entry, ...]
    unscheduled_total: int
    marks: dict[dt.date, DayMark] = field(default_factory=dict)
    holiday_problem: Message | None = None  # why the holiday file could not be read


def load_calendar(
    conn: Connection, actor: Actor, first: dt.date, last: dt.date, only: Sequence[str] = ()
) -> CalendarData:
    """The entries from ``first`` to ``last`` inclusive in ``actor``'s channels (or those of
    ``only``), by day, the undated items, and the holidays of those days."""
    channels = visible_channels(conn, actor)
    scope = Scope(actor, frozenset(set(channels) & set(only) if only else channels))
    entries = [entry for source in SOURCES.values() for entry in source(conn, scope, first, last)]
    entries.sort(key=attrgetter("day"))
    unscheduled: list[Entry] = []
    total = 0
    for undated in UNSCHEDULED.values():
        shown, count = undated(conn, scope, UNSCHEDULED_SHOWN)
        unscheduled += shown
        total += count
    try:
        marks, problem = day_marks(calendar(), first, last), None
    except HolidayFileError as error:
        marks, problem = {}, error.message
    return CalendarData(
        first, last, channels, tuple(entries), tuple(unscheduled), total, marks, problem
    )
