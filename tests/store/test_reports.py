"""November 2026's production report of the newsroom in ``tests/report_newsroom.py``, on a real
SQLite file and a real PostgreSQL database; every expected number is worked out by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import Engine

from newsdesk.core.actor import Actor
from newsdesk.core.reports import Output, Report, Scope, production_report
from newsdesk.core.rhythm import publishing_rhythm
from newsdesk.store import migrate
from newsdesk.store.reports import gather
from newsdesk.store.rhythm import last_publications
from newsdesk.store.store import make_engine
from tests import report_newsroom as newsroom

FIRST, LAST = newsroom.NOVEMBER


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    with engine.begin() as conn:
        migrate.upgrade(conn)
        newsroom.build(conn)
    yield engine
    engine.dispose()


def november(engine: Engine, scope: Scope | None = None) -> Report:
    with engine.connect() as conn:
        facts = gather(conn, FIRST, LAST)
    return production_report(facts, FIRST, LAST, scope=scope)


# 新闻: proposals p1, p2, p8 submitted (p5 is a draft, p7 is October's in Beijing time); p1
# (assigned) and p8 selected; p2 returned. Written (first submitted in November): a1, a2, a5.
# Published for the first time: a1 (PC, WAP, APP on the 10th) and a2 (PC on the 11th); a1
# original, a2 repost; 字数 9 (区图书馆周末开放 8 + 。1) + 4 (转载文章) = 13. Assignments: p1 due
# the 6th, a1 submitted the 6th at 17:00 → on time; p11 due the 30th, nothing yet, today is the
# 30th → open. Corrections: a1's version 2 (the 12th). Retractions: a2 (the 20th).
NEWS = Output(
    proposals_submitted=3,
    proposals_selected=2,
    proposals_returned=1,
    articles_written=3,
    articles_published=2,
    published_pc=2,
    published_wap=1,
    published_app=1,
    originals=1,
    reposts=1,
    zishu=13,
    on_time=1,
    overdue=0,
    open=1,
    corrections=1,
    retractions=1,
)
# 文化: p3, p4 returned, p6 deleted after submission → 3 submitted, 0 selected, 2 returned.
# Written: a3 (a4 was first submitted in October). Published: a4 on the 2nd (PC, APP), original,
# 字数 7 (文化周末好去处). Assignments: p9 due the 13th, a3 submitted the 16th → overdue; p10 due
# the 25th, nothing submitted by the 30th → overdue.
CULTURE = Output(
    proposals_submitted=3,
    proposals_selected=0,
    proposals_returned=2,
    articles_written=1,
    articles_published=1,
    published_pc=1,
    published_wap=0,
    published_app=1,
    originals=1,
    reposts=0,
    zishu=7,
    on_time=0,
    overdue=2,
    open=0,
    corrections=0,
    retractions=0,
)


def test_every_figure_of_november(engine: Engine) -> None:
    report = november(engine)
    lines = {line.name: line for line in report.channels}
    assert list(lines) == ["文化", "新闻"]  # by name
    assert lines["新闻"].output == NEWS
    assert lines["文化"].output == CULTURE
    # 李编辑 does all of 新闻's work, 张编辑 all of 文化's.
    people = {line.name: line.output for line in report.people}
    assert people == {"李编辑": NEWS, "张编辑": CULTURE}
    assert report.total.articles_published == 3
    assert report.total.zishu == 20
    # 与已有选题重复 twice (p2, p3), 时效性不足 once (p4).
    assert report.return_reasons == (("与已有选题重复", 2), ("时效性不足", 1))


def test_review_turnaround_per_level(engine: Engine) -> None:
    level1, level2 = november(engine).levels
    # Level 1 in November: d1 return 64 h (Friday 17:00 → Monday 09:00, across the weekend),
    # d2 approve 2 h (a1's second revision, 10:00 → 12:00), d4 approve 1 h (submitted 09:00,
    # received 10:00, although the reviewer's clock said 09:30), d6 reject 4 h. d7 is October's.
    # Waits 1, 2, 4, 64: median (2 + 4) / 2 = 3; 90th percentile: rank ⌈0.9 × 4⌉ = 4 → 64.
    assert (level1.level, level1.decisions, level1.approved) == (1, 4, 2)
    assert (level1.returned, level1.rejected) == (1, 1)
    assert (level1.returned_share, level1.rejected_share) == (0.25, 0.25)
    assert (level1.median_hours, level1.p90_hours) == (3.0, 64.0)
    # Level 2: d3 3 h after d2's approval (12:00 → 15:00), d5 1 h after d4's receipt (10:00 →
    # 11:00). Median (1 + 3) / 2 = 2; 90th percentile: rank ⌈0.9 × 2⌉ = 2 → 3.
    assert (level2.level, level2.decisions, level2.approved, level2.returned) == (2, 2, 2, 0)
    assert (level2.median_hours, level2.p90_hours) == (2.0, 3.0)


def test_silent_days_and_weekly_publications(engine: Engine) -> None:
    report = november(engine)
    lines = {line.name: line for line in report.channels}
    # 新闻 published new articles on the 10th and 11th only (the 12th is a correction): 30 − 2 =
    # 28 silent days, the longest run the 12th to the 30th, 19 days.
    assert (lines["新闻"].silent_days, lines["新闻"].longest_silence) == (28, 19)
    # 文化 only on the 2nd: 29 silent days, the 3rd to the 30th, 28 in a row.
    assert (lines["文化"].silent_days, lines["文化"].longest_silence) == (29, 28)
    # On the 30th 新闻 (7 days allowed) last published a new article on the 11th, 19 days before;
    # 文化 (no interval) on the 2nd, 28 days before.
    assert (lines["新闻"].silence_limit, lines["新闻"].days_since_published) == (7, 19)
    assert (lines["文化"].silence_limit, lines["文化"].days_since_published) == (None, 28)
    # Weeks from Monday 26 October (1 November is a Sunday): a4 in the week of the 2nd, a1 and a2
    # in the week of the 9th, nothing later.
    assert report.weekly == (
        (dt.date(2026, 10, 26), 0),
        (dt.date(2026, 11, 2), 1),
        (dt.date(2026, 11, 9), 2),
        (dt.date(2026, 11, 16), 0),
        (dt.date(2026, 11, 23), 0),
        (dt.date(2026, 11, 30), 0),
    )


def test_corrections_and_retractions_with_reasons(engine: Engine) -> None:
    amendments = november(engine).amendments
    assert [(m.day, m.channel, m.title, m.retraction, m.reason) for m in amendments] == [
        (dt.date(2026, 11, 12), "新闻", "稿件 a1", False, "更正人名"),
        (dt.date(2026, 11, 20), "新闻", "稿件 a2", True, "版权方要求撤稿"),
    ]


def _actor(user_id: str) -> Actor:
    user = next(u for u in newsroom.USERS if u.id == user_id)
    return Actor.of(user, newsroom.GRANTS)


def test_a_chief_sees_the_channels_they_lead_and_an_editor_their_own(engine: Engine) -> None:
    chief = november(engine, Scope.of(_actor("u-wang")))
    assert [line.name for line in chief.channels] == ["新闻"]
    assert chief.channels[0].output == NEWS
    assert chief.total.articles_published == 2
    editor = november(engine, Scope.of(_actor("u-zhang")))
    assert [line.name for line in editor.people] == ["张编辑"]
    assert editor.people[0].output == CULTURE
    assert editor.return_reasons == (("与已有选题重复", 1), ("时效性不足", 1))
    # Only 文化's decision on a3 is 张编辑's work: one level-1 rejection after 4 hours.
    (level1,) = editor.levels
    assert (level1.decisions, level1.rejected, level1.median_hours) == (1, 1, 4.0)
    admin = november(engine, Scope.of(_actor("u-admin")))
    assert admin == november(engine)


def test_a_period_that_ends_before_it_starts_is_refused(engine: Engine) -> None:
    with engine.connect() as conn:
        facts = gather(conn, FIRST, LAST)
    with pytest.raises(ValueError, match="ends before it starts"):
        production_report(facts, LAST, FIRST)


def test_one_channel_picked_out(engine: Engine) -> None:
    culture = november(engine, Scope().narrowed("c-culture"))
    assert [line.name for line in culture.channels] == ["文化"]
    assert culture.total == CULTURE
    assert [line.name for line in culture.people] == ["张编辑"]
    # The chief of 新闻 picking 文化 sees nothing of it: they do not lead it.
    chief = november(engine, Scope.of(_actor("u-wang")).narrowed("c-culture"))
    assert chief.channels == ()
    assert chief.total == Output()


def test_a_month_still_under_way_counts_up_to_today(engine: Engine) -> None:
    with engine.connect() as conn:
        facts = gather(conn, FIRST, LAST)
    report = production_report(facts, FIRST, LAST, today=dt.date(2026, 11, 20))
    lines = {line.name: line for line in report.channels}
    # 新闻 by the 20th: 20 days, 2 with a new article → 18 silent; the 1st–9th and the 12th–20th
    # are both 9 days. 文化: 19 silent, the 3rd–20th in a row, 18.
    assert (lines["新闻"].silent_days, lines["新闻"].longest_silence) == (18, 9)
    assert (lines["文化"].silent_days, lines["文化"].longest_silence) == (19, 18)
    assert lines["新闻"].days_since_published == 9  # on the 20th, since the 11th
    assert lines["文化"].days_since_published == 18
    # p10 is due the 25th: not overdue yet on the 20th, still open; p9 (due the 13th) is late.
    assert (lines["文化"].output.overdue, lines["文化"].output.open) == (1, 1)


def test_each_channels_last_publication_and_its_rhythm(engine: Engine) -> None:
    with engine.connect() as conn:
        last = last_publications(conn, ["c-news", "c-culture", "c-nothing"])
        assert last_publications(conn, []) == {}
        # Before the 11th 14:00, 新闻's last new article is a1 (the 10th 09:00).
        earlier = last_publications(conn, ["c-news"], before=newsroom.at(11, 14))
    assert earlier == {"c-news": newsroom.at(10, 9).astimezone(dt.UTC)}
    # 新闻's last new article is a2 (PC, the 11th 14:00); a1's corrections on the 12th re-publish
    # old news and do not count. 文化's is a4 (the 2nd 08:00). c-nothing published nothing.
    assert last == {
        "c-news": newsroom.at(11, 14).astimezone(dt.UTC),
        "c-culture": newsroom.at(2, 8).astimezone(dt.UTC),
    }
    channels = [
        newsroom.CHANNELS[0],  # 7 days
        replace(newsroom.CHANNELS[1], silence_days=30),
    ]
    # On the 20th: 新闻 silent since the 11th, 9 days, over its 7; 文化 since the 2nd, 18 days,
    # within its 30.
    rhythms = publishing_rhythm(channels, last, dt.date(2026, 11, 20))
    assert [(r.name, r.last_published, r.days_silent, r.over) for r in rhythms] == [
        ("文化", dt.date(2026, 11, 2), 18, False),
        ("新闻", dt.date(2026, 11, 11), 9, True),
    ]
