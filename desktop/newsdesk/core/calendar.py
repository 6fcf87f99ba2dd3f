"""The editorial calendar (排期): what is planned for which day, and how to plan it for another.

The calendar shows dated entries of several kinds: a proposal on its planned date, an
assignment on its due date, a signed-off article at its publication time (定时发布, moved to
another day at the same time of day). Each kind has one row in :data:`REPLANNERS` (which
mutation moves it to another day, built from the entry); the store has one row per kind saying
how to find them.
Moving an entry is an ordinary mutation, so the same rules that allow or refuse an edit on the
board allow or refuse the move, with the same reason.

The days themselves carry marks from the holiday file (:mod:`newsdesk.core.workdays`): the
public holidays with their names, and the weekends worked in exchange (调休).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.workdays import Calendar

DAYS_IN_WEEK = 7
WEEKS_IN_MONTH_VIEW = 6  # any month fits in six Monday-to-Sunday rows


class EntryKind(StrEnum):
    PROPOSAL = "proposal"  # a proposal (报题) or a selected topic, on its planned date
    ASSIGNMENT = "assignment"  # an assigned topic, on its due date
    PUBLICATION = "publication"  # a signed-off article, at its scheduled publication time


class Entry(NamedTuple):
    """One item on the calendar (or, without a ``day``, waiting to be planned). A named tuple
    rather than a frozen dataclass: a month holds thousands, and a frozen dataclass takes
    several times as long to make."""

    kind: EntryKind
    entity_id: str  # what the re-planning mutation changes: a proposal, or an article
    channel_id: str
    title: str
    day: dt.date | None
    article_id: str | None = None  # the article written for it, which opening it shows
    at: dt.datetime | None = None  # the time on ``day`` (local) for an entry that has one


Replanner = Callable[[Entry, dt.date], tuple[Kind, dict[str, Any]]]


def _replan_proposal(entry: Entry, day: dt.date) -> tuple[Kind, dict[str, Any]]:
    return Kind.PROPOSAL_UPDATE, {"planned_date": day.isoformat()}


def _replan_assignment(entry: Entry, day: dt.date) -> tuple[Kind, dict[str, Any]]:
    return Kind.TOPIC_RESCHEDULE, {"due_date": day.isoformat()}


def moved_to(at: dt.datetime, day: dt.date) -> dt.datetime:
    """``at`` moved to ``day`` at the same local time of day (07:30 stays 07:30, across a
    daylight-saving change too)."""
    return dt.datetime.combine(day, at.astimezone().time()).astimezone()


def _replan_publication(entry: Entry, day: dt.date) -> tuple[Kind, dict[str, Any]]:
    if entry.at is None:
        raise ValueError(f"scheduled publication {entry.entity_id} has no time")
    return Kind.ARTICLE_SCHEDULE, {"publish_at": moved_to(entry.at, day).isoformat()}


REPLANNERS: Mapping[EntryKind, Replanner] = {
    EntryKind.PROPOSAL: _replan_proposal,
    EntryKind.ASSIGNMENT: _replan_assignment,
    EntryKind.PUBLICATION: _replan_publication,
}


def replan(actor_id: str, entry: Entry, day: dt.date) -> Mutation:
    """The mutation by ``actor_id`` that plans ``entry`` for ``day``."""
    kind, args = REPLANNERS[entry.kind](entry, day)
    return mutation(actor_id, kind, entry.entity_id, **args)


@dataclass(frozen=True)
class DayMark:
    """A public holiday (``holiday`` is its name, or empty when the file names none) or a
    weekend worked in exchange for one (``workday``)."""

    holiday: str | None = None
    workday: bool = False


def day_marks(calendar: Calendar, first: dt.date, last: dt.date) -> dict[dt.date, DayMark]:
    """The marked days from ``first`` to ``last`` inclusive."""
    marks: dict[dt.date, DayMark] = {}
    day = first
    while day <= last:
        if day in calendar.holidays:
            marks[day] = DayMark(holiday=calendar.names.get(day, ""))
        elif day in calendar.workdays:
            marks[day] = DayMark(workday=True)
        day += dt.timedelta(days=1)
    return marks


def week_of(day: dt.date) -> list[dt.date]:
    """The Monday-to-Sunday week holding ``day`` (Chinese calendars start on Monday)."""
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=i) for i in range(DAYS_IN_WEEK)]


def month_grid(day: dt.date) -> list[dt.date]:
    """Six whole weeks from the Monday on or before the first of ``day``'s month."""
    first = week_of(day.replace(day=1))[0]
    return [first + dt.timedelta(days=i) for i in range(DAYS_IN_WEEK * WEEKS_IN_MONTH_VIEW)]


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s (before it when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
