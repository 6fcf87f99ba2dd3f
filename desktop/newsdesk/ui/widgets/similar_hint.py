"""“相似：《…》王芳 昨天报题”: what the newsroom already has like the text being written.

A hint, never a block: it looks again a moment after the writing stops (on the database
thread), and says nothing when nothing is alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from newsdesk.store.similar import SimilarItem, similar_items
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.palette import banner_style

LOOK_AFTER_MS = 500


class SimilarHint(QLabel):
    def __init__(
        self,
        session: Session,
        exclude: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("similarHint")
        self.setStyleSheet(banner_style("similarHint"))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._session = session
        self._exclude = exclude
        self._text = ("", "", "")
        self._timer = QTimer(self, singleShot=True, interval=LOOK_AFTER_MS)
        self._timer.timeout.connect(self._look_now)
        self.items: list[SimilarItem] = []
        self.hide()

    def look(self, title: str, text: str, url: str = "") -> None:
        """Look for items like this title and text, or from the same original address ``url``,
        once the writing pauses."""
        self._text = (title, text, url)
        self._timer.start()

    def _look_now(self) -> None:
        title, text, url = self._text
        actor, exclude = self._session.actor, self._exclude
        self._session.read(
            lambda conn: similar_items(conn, actor, title, text, url=url, exclude=exclude),
            self.show_items,
        )

    def show_items(self, items: Sequence[SimilarItem]) -> None:
        self.items = list(items)
        self.setText(similar_line(items))
        self.setVisible(bool(items))


def describe(item: SimilarItem, today: dt.date) -> str:
    """“《title》王芳 昨天报题” (写稿 for an article; 已删除 when the proposal was deleted;
    【同一原文地址】 first when it comes from the same original page)."""
    translate = QCoreApplication.translate
    day = item.at.astimezone().date()
    if day == today:
        when = translate("SimilarHint", "today")
    elif day == today - dt.timedelta(days=1):
        when = translate("SimilarHint", "yesterday")
    else:
        when = translate("SimilarHint", "{month}/{day}").format(month=day.month, day=day.day)
    if item.kind == "proposal":
        text = translate("SimilarHint", "“{title}”, proposed by {name} {when}")
    else:
        text = translate("SimilarHint", "“{title}”, written by {name} {when}")
    described = text.format(title=item.title, name=item.by, when=when)
    if item.same_address:
        described = translate("SimilarHint", "[same original address] ") + described
    return described + translate("SimilarHint", " (deleted)") if item.deleted else described


def similar_line(items: Sequence[SimilarItem]) -> str:
    """“相似：…；…”, or nothing when nothing is alike."""
    if not items:
        return ""
    today = dt.datetime.now().astimezone().date()
    translate = QCoreApplication.translate
    return translate("SimilarHint", "Similar: {items}").format(
        items=translate("SimilarHint", "; ").join(describe(item, today) for item in items)
    )
