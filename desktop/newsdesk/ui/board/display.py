"""How a card's facts read on screen, shared by the card painter and the details panel so the
two never disagree."""

from __future__ import annotations

import datetime as dt
import zlib

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale
from PySide6.QtGui import QColor

from newsdesk.core.board import Card
from newsdesk.core.model import ArticleState, Channel
from newsdesk.ui.widgets.palette import AVATARS


def short_date(day: dt.date, today: dt.date | None = None) -> str:
    """A due or planned date as a card shows it: without the year when it is this year's."""
    this_year = (today or dt.date.today()).year == day.year
    fmt = (
        QCoreApplication.translate("BoardText", "d MMM")
        if this_year
        else QCoreApplication.translate("BoardText", "d MMM yyyy")
    )
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


def long_date(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def moment(at: dt.datetime) -> str:
    """A time stamp in the local time zone, as the locale writes it."""
    local = QDateTime.fromSecsSinceEpoch(int(at.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def names(values: list[str]) -> str:
    return QCoreApplication.translate("BoardText", ", ").join(values)


def review_progress(card: Card, channel: Channel | None) -> str | None:
    """ "Review 2/3" while an article waits at a level; "Approved" once every level approved."""
    article = card.article
    if article is None or channel is None:
        return None
    if article.state == ArticleState.IN_REVIEW:
        return QCoreApplication.translate("BoardText", "Review {level}/{levels}").format(
            level=article.review_level, levels=channel.review_levels
        )
    if article.state == ArticleState.APPROVED:
        return QCoreApplication.translate("BoardText", "Approved")
    return None


def avatar_colour(user_id: str) -> QColor:
    """A calm colour that stays the same for a person on every card and every run."""
    return QColor(AVATARS[zlib.crc32(user_id.encode("utf-8")) % len(AVATARS)])


def initial(name: str) -> str:
    return name[:1].upper() or "?"
