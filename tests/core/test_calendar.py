"""The calendar's rules: which mutation moves each kind of entry, who may move it, and the days."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.core import workdays
from newsdesk.core.calendar import (
    REPLANNERS,
    DayMark,
    Entry,
    EntryKind,
    add_months,
    day_marks,
    month_grid,
    moved_to,
    replan,
    week_of,
)
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, ProposalState
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal
from newsdesk.core.workdays import Calendar, HolidayFileError
from newsdesk.core.world import Changes
from tests.core.newsroom import Newsroom

D = dt.date


def entry_for(room: Newsroom, proposal_id: str, kind: EntryKind) -> Entry:
    proposal = room.proposal(proposal_id)
    day = proposal.planned_date if kind == EntryKind.PROPOSAL else proposal.due_date
    return Entry(kind, proposal.id, proposal.channel_id, proposal.title, day, proposal.article_id)


def move(room: Newsroom, login: str, entry: Entry, day: dt.date) -> Changes | Refusal:
    return room.world.apply(replan(room.ids[login], entry, day))


def test_every_kind_has_a_way_to_be_replanned() -> None:
    assert set(REPLANNERS) == set(EntryKind)


def test_a_chief_moves_a_submitted_proposal_to_another_planned_date() -> None:
    room = Newsroom()
    pid = room.proposal_in(ProposalState.SUBMITTED)
    entry = entry_for(room, pid, EntryKind.PROPOSAL)
    assert replan(room.ids["chief"], entry, D(2026, 12, 9)).kind == Kind.PROPOSAL_UPDATE
    assert isinstance(move(room, "chief", entry, D(2026, 12, 9)), Changes)
    assert room.proposal(pid).planned_date == D(2026, 12, 9)


def test_the_proposer_replans_their_draft_but_not_once_it_is_submitted() -> None:
    room = Newsroom()
    draft = room.proposal_in(ProposalState.DRAFT)
    assert isinstance(
        move(room, "editor", entry_for(room, draft, EntryKind.PROPOSAL), D(2026, 12, 3)), Changes
    )
    assert room.proposal(draft).planned_date == D(2026, 12, 3)
    submitted = room.proposal_in(ProposalState.SUBMITTED)
    refused = move(room, "editor", entry_for(room, submitted, EntryKind.PROPOSAL), D(2026, 12, 3))
    assert isinstance(refused, Refusal)
    assert "chief" in str(refused)
    assert room.proposal(submitted).planned_date is None


@pytest.mark.parametrize("state", [ProposalState.ASSIGNED, ProposalState.IN_PROGRESS])
def test_a_chief_gives_an_assignment_a_new_due_date(state: ProposalState) -> None:
    room = Newsroom()
    pid = room.proposal_in(state)
    entry = entry_for(room, pid, EntryKind.ASSIGNMENT)
    assert entry.day == D(2026, 12, 1)
    assert replan(room.ids["chief"], entry, D(2026, 12, 4)).kind == Kind.TOPIC_RESCHEDULE
    assert isinstance(move(room, "chief", entry, D(2026, 12, 4)), Changes)
    after = room.proposal(pid)
    assert (after.due_date, after.state, after.assignees) == (
        D(2026, 12, 4),
        state,
        (room.ids["editor"],),
    )


def test_the_assignee_cannot_move_their_own_due_date_and_is_told_why() -> None:
    room = Newsroom()
    pid = room.proposal_in(ProposalState.ASSIGNED)
    refused = move(room, "editor", entry_for(room, pid, EntryKind.ASSIGNMENT), D(2026, 12, 20))
    assert isinstance(refused, Refusal)
    assert "Only a chief of the channel “News”" in str(refused)
    assert room.proposal(pid).due_date == D(2026, 12, 1)


def test_a_finished_topic_keeps_its_due_date() -> None:
    room = Newsroom()
    pid = room.proposal_in(ProposalState.DONE)
    refused = move(room, "chief", entry_for(room, pid, EntryKind.ASSIGNMENT), D(2026, 12, 20))
    assert isinstance(refused, Refusal)
    assert "not yet done" in str(refused)


def local_time(days_from_today: int, hour: int, minute: int) -> dt.datetime:
    day = dt.date.today() + dt.timedelta(days=days_from_today)
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


def scheduled_entry(room: Newsroom, at: dt.datetime) -> Entry:
    """An article signed off by the publisher to go out by itself at ``at``, as the calendar
    shows it."""
    article_id = room.article_in(ArticleState.APPROVED)
    room.must(
        "publisher",
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=room.article(article_id).revision_hash,
        publish_at=at.isoformat(),
    )
    article = room.article(article_id)
    return Entry(
        EntryKind.PUBLICATION,
        article.id,
        article.channel_id,
        article.title,
        at.date(),
        article.id,
        at,
    )


def test_a_publisher_moves_a_scheduled_publication_to_another_day_at_the_same_time() -> None:
    room = Newsroom()
    entry = scheduled_entry(room, local_time(1, 7, 30))
    day_after = dt.date.today() + dt.timedelta(days=2)
    moving = replan(room.ids["publisher"], entry, day_after)
    assert moving.kind == Kind.ARTICLE_SCHEDULE
    assert isinstance(move(room, "publisher", entry, day_after), Changes)
    article = room.article(entry.entity_id)
    assert article.publish_at == local_time(2, 7, 30)
    assert article.publish_at is not None
    assert article.publish_at.astimezone().time() == dt.time(7, 30)
    assert (article.state, article.scheduled_by) == (ArticleState.SIGNED_OFF, room.ids["publisher"])


def test_moving_a_publication_keeps_the_local_time_of_day_across_months() -> None:
    at = dt.datetime.combine(D(2026, 10, 31), dt.time(23, 45)).astimezone()
    assert (
        moved_to(at, D(2026, 11, 2))
        == dt.datetime.combine(D(2026, 11, 2), dt.time(23, 45)).astimezone()
    )


@pytest.mark.parametrize(
    ("login", "days", "says"),
    [
        ("editor", 2, "Only a publisher of “News” can schedule its publications."),
        ("chief", 2, "Only a publisher of “News” can schedule its publications."),
        ("publisher", -1, "has passed; choose a later time"),
    ],
)
def test_a_publication_is_not_moved_by_whoever_may_not_schedule_nor_into_the_past(
    login: str, days: int, says: str
) -> None:
    room = Newsroom()
    at = local_time(1, 7, 30)
    entry = scheduled_entry(room, at)
    refused = move(room, login, entry, dt.date.today() + dt.timedelta(days=days))
    assert isinstance(refused, Refusal)
    assert says in str(refused)
    assert room.article(entry.entity_id).publish_at == at


def test_a_publication_without_its_time_cannot_be_moved() -> None:
    entry = Entry(EntryKind.PUBLICATION, "a1", "c1", "无时间", D(2026, 12, 8), "a1")
    with pytest.raises(ValueError, match="has no time"):
        replan("someone", entry, D(2026, 12, 9))


def test_national_day_is_marked_with_its_name_and_the_worked_saturday_after_it() -> None:
    marks = day_marks(workdays.calendar(), D(2026, 9, 28), D(2026, 10, 11))
    assert marks[D(2026, 10, 1)] == DayMark(holiday="国庆节")
    assert marks[D(2026, 10, 7)] == DayMark(holiday="国庆节")
    assert marks[D(2026, 10, 10)] == DayMark(workday=True)
    assert D(2026, 10, 9) not in marks  # an ordinary Friday
    assert D(2026, 10, 11) not in marks  # an ordinary Sunday: weekends need no mark
    assert day_marks(workdays.calendar(), D(2026, 2, 14), D(2026, 2, 15)) == {
        D(2026, 2, 14): DayMark(workday=True),
        D(2026, 2, 15): DayMark(holiday="春节"),
    }


def test_a_holiday_file_without_names_still_marks_its_holidays() -> None:
    calendar = Calendar.parse('[2026]\nholidays = ["2026-10-01"]\n')
    assert day_marks(calendar, D(2026, 10, 1), D(2026, 10, 1)) == {D(2026, 10, 1): DayMark("")}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('[2026]\nholidays = []\nnames = ["国庆节"]\n', "line 3: “2026.names” must be a table"),
        (
            "[2026]\nholidays = []\n[2026.names]\n"
            '"国庆节" = ["2026-10-01", "2026-10-02", "2026-10-03"]\n',
            "line 4: “国庆节” needs its first and last day",
        ),
        (
            '[2026]\nholidays = []\n[2026.names]\n"国庆节" = ["2026-10-01", "2027-10-07"]\n',
            "“2027-10-07” in 2026.names is not a date of 2026",
        ),
    ],
)
def test_a_bad_names_table_is_reported_by_line(text: str, says: str) -> None:
    with pytest.raises(HolidayFileError, match=says):
        Calendar.parse(text)


def test_the_month_view_starts_on_the_monday_before_the_first() -> None:
    grid = month_grid(D(2026, 10, 17))
    assert grid[0] == D(2026, 9, 28)  # 2026-10-01 is a Thursday
    assert len(grid) == 42 and grid[-1] == D(2026, 11, 8)
    assert week_of(D(2026, 10, 4)) == [D(2026, 9, 28) + dt.timedelta(days=i) for i in range(7)]
    assert add_months(D(2026, 12, 31), 1) == D(2027, 1, 1)
    assert add_months(D(2026, 1, 15), -1) == D(2025, 12, 1)
