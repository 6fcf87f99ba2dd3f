"""The publishing rhythm: days silent per channel and who is over its interval, worked by hand,
and the administrator setting the interval through ``channel.update``."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from newsdesk.core.model import Channel
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.rhythm import over_interval, publishing_rhythm
from tests.core.newsroom import Newsroom

BEIJING = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2026, 12, 10)

NEWS = Channel(id="news", name="新闻", silence_days=7)
CULTURE = Channel(id="culture", name="文化", silence_days=3)
SPORT = Channel(id="sport", name="体育", silence_days=2)
LIBRARY = Channel(id="library", name="图书馆")  # no interval
VIDEO = Channel(id="video", name="视频", silence_days=5)


def beijing(day: int, hour: int, month: int = 12) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=BEIJING)


LAST = {
    # The 1st: 9 days before the 10th, over a 7-day interval.
    "news": beijing(1, 9),
    # The 7th at 23:00 in Beijing is the 7th's 15:00 UTC: 3 days, exactly the interval, kept.
    "culture": beijing(7, 23),
    # The 8th at 07:00 in Beijing is still the 7th in UTC; the newsroom's day is the 8th: 2 days.
    "sport": beijing(8, 7),
    # 40 days ago, but without an interval nobody is warned.
    "library": beijing(31, 12, month=10),
    # video never published.
}


def test_days_silent_counted_in_newsroom_days() -> None:
    rhythms = publishing_rhythm([NEWS, CULTURE, SPORT, LIBRARY, VIDEO], LAST, TODAY)
    table = {r.channel_id: (r.last_published, r.days_silent, r.over) for r in rhythms}
    assert table == {
        "news": (dt.date(2026, 12, 1), 9, True),
        "culture": (dt.date(2026, 12, 7), 3, False),
        "sport": (dt.date(2026, 12, 8), 2, False),
        "library": (dt.date(2026, 10, 31), 40, False),
        "video": (None, None, True),
    }
    assert [r.name for r in rhythms] == ["体育", "图书馆", "文化", "新闻", "视频"]


def test_over_interval_lists_the_never_published_then_the_longest_silent() -> None:
    three_days_late = Channel(id="culture", name="文化", silence_days=1)
    rhythms = publishing_rhythm([NEWS, three_days_late, SPORT, LIBRARY, VIDEO], LAST, TODAY)
    # 视频 never published; 新闻 silent 9 days (> 7); 文化 3 (> 1); 体育 2 (= 2) keeps its rhythm.
    assert [(r.name, r.days_silent) for r in over_interval(rhythms)] == [
        ("视频", None),
        ("新闻", 9),
        ("文化", 3),
    ]


def test_a_publication_today_is_no_silence() -> None:
    (rhythm,) = publishing_rhythm([SPORT], {"sport": beijing(10, 0)}, TODAY)
    assert (rhythm.days_silent, rhythm.over) == (0, False)


def test_an_administrator_sets_and_clears_the_interval() -> None:
    room = Newsroom()
    room.must("admin", Kind.CHANNEL_UPDATE, room.news, silence_days=7)
    channel = room.world.channel(room.news)
    assert channel is not None and channel.silence_days == 7
    room.must("admin", Kind.CHANNEL_UPDATE, room.news, silence_days=None)
    channel = room.world.channel(room.news)
    assert channel is not None and channel.silence_days is None


def test_the_interval_is_a_whole_number_of_days_from_one_set_by_an_administrator() -> None:
    room = Newsroom()
    for bad in (0, -3, 367, 2.5, "7", True):
        refused = room.do("admin", Kind.CHANNEL_UPDATE, room.news, silence_days=bad)
        assert isinstance(refused, Refusal) and refused.code == RefusalCode.INVALID, bad
    refused = room.do("chief", Kind.CHANNEL_UPDATE, room.news, silence_days=7)
    assert isinstance(refused, Refusal) and refused.code == RefusalCode.FORBIDDEN
    channel = room.world.channel(room.news)
    assert channel is not None and channel.silence_days is None
