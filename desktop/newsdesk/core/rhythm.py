"""The publishing rhythm of each channel (001 §5.3.3.2): how long since it last published, and
whether that is longer than the administrator allows.

A channel publishes when one of its articles goes out for the first time (version 1 to any
target); corrections re-publish old news and do not count, as for the silent days of the
production report. Days are the newsroom's days (:func:`local_day`, the report's too):
an article published yesterday evening and one published yesterday morning both leave the
channel silent for one day today, and a channel that published today has been silent for none.

A channel allowing ``silence_days = 7`` is over its interval on the eighth day without a
publication: "publish within seven days" is kept by a publication seven days ago. A channel with
an interval that has never published is over it at once: nothing shows it keeps the rhythm, and
the warning is what tells the newsroom to start. A channel without an interval is never over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from newsdesk.core.model import Channel

NEWSROOM_ZONE = ZoneInfo("Asia/Shanghai")


def local_day(at: dt.datetime, zone: dt.tzinfo = NEWSROOM_ZONE) -> dt.date:
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(zone).date()


def days_silent(
    last_published: dt.datetime | None, today: dt.date, zone: dt.tzinfo = NEWSROOM_ZONE
) -> int | None:
    """Whole newsroom days from the day of ``last_published`` to ``today`` (0 the same day);
    ``None`` for a channel that never published."""
    if last_published is None:
        return None
    return max((today - local_day(last_published, zone)).days, 0)


@dataclass(frozen=True)
class ChannelRhythm:
    channel_id: str
    name: str
    silence_days: int | None  # the longest silence allowed; None: no warning
    last_published: dt.date | None  # the day of the last first publication; None: never
    days_silent: int | None  # whole days since that day; None: never published

    @property
    def over(self) -> bool:
        """Silent longer than the channel allows."""
        if self.silence_days is None:
            return False
        return self.days_silent is None or self.days_silent > self.silence_days


def publishing_rhythm(
    channels: Iterable[Channel],
    last_published: Mapping[str, dt.datetime],
    today: dt.date,
    zone: dt.tzinfo = NEWSROOM_ZONE,
) -> tuple[ChannelRhythm, ...]:
    """Each of ``channels``' rhythm on ``today``, by channel name; ``last_published`` holds the
    time of each channel's last first publication (a channel missing from it never published)."""
    rhythms = []
    for channel in channels:
        at = last_published.get(channel.id)
        rhythms.append(
            ChannelRhythm(
                channel.id,
                channel.name,
                channel.silence_days,
                None if at is None else local_day(at, zone),
                days_silent(at, today, zone),
            )
        )
    return tuple(sorted(rhythms, key=lambda r: (r.name, r.channel_id)))


def over_interval(rhythms: Iterable[ChannelRhythm]) -> tuple[ChannelRhythm, ...]:
    """The channels silent longer than they allow, the longest silent first (never published
    before all)."""
    over = [r for r in rhythms if r.over]
    return tuple(
        sorted(over, key=lambda r: (r.days_silent is not None, -(r.days_silent or 0), r.name))
    )
