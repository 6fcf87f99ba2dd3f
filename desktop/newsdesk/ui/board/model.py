"""One column of the board as a list model over :class:`Card` values held in memory.

``data()`` answers from memory only (calibre's lesson: a view asks for every row on every
paint). A new snapshot is merged row by row — removed, inserted and changed rows are announced
as such — so a card moving between columns is one removal and one insertion, and the views keep
their scroll position and selection instead of being reset.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)

from newsdesk.core.board import Card, Column, Snapshot, is_overdue, sort_key
from newsdesk.core.labels import label
from newsdesk.core.model import ProposalState
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets import publish_time

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
"""The :class:`Card` of a row."""

MIME_TYPE = "application/x-newsdesk-card"
"""A dragged card: JSON ``{"id": ..., "column": ...}``."""

Index = QModelIndex | QPersistentModelIndex

RESET_ABOVE_RUNS = 200
"""A change of filter announced as more runs of removed and inserted rows than this resets
the column instead: each run costs the views a round of work, a reset one."""
Accepts = Callable[[Card], bool]


@dataclass(frozen=True)
class Narrowing:
    """Which of a column's cards are shown: one channel's (``None``: every channel's), deleted
    proposals or not, and those every one of ``checks`` accepts (a person, dates, the ids the
    search found).

    The column answers the channel and deleted questions, which every change of channel asks
    of every card, from a compact list of each card's channel and deletion kept in the
    column's order: at 100,000 cards, following each card to its proposal (scattered in memory,
    one cache miss after another) was most of what a change of filter cost."""

    channel_id: str | None = None
    show_deleted: bool = False
    checks: tuple[Accepts, ...] = ()

    @property
    def keeps_all(self) -> bool:
        return self.channel_id is None and self.show_deleted and not self.checks


SHOW_ALL = Narrowing(show_deleted=True)


def is_deleted(card: Card) -> bool:
    return card.proposal is not None and card.proposal.state == ProposalState.DELETED


def drag_payload(card: Card) -> QMimeData:
    mime = QMimeData()
    payload = {"id": card.id, "column": card.column.value}
    mime.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
    return mime


def dragged(mime: QMimeData) -> tuple[str, Column] | None:
    """The (card id, source column) a drag carries, or ``None`` if it carries no card."""
    if not mime.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
        return str(payload["id"]), Column(payload["column"])
    except (ValueError, KeyError, TypeError):
        return None


def _stable(positions: Sequence[int]) -> set[int]:
    """Indexes into ``positions`` of a longest increasing subsequence: the rows that can stay
    where they are while everything else is removed and re-inserted."""
    tails: list[int] = []  # positions[tail_index[k]] is the smallest tail of a run of length k+1
    tail_index: list[int] = []
    previous = [-1] * len(positions)
    for i, position in enumerate(positions):
        k = bisect_left(tails, position)
        if k == len(tails):
            tails.append(position)
            tail_index.append(i)
        else:
            tails[k] = position
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i != -1:
        keep.add(i)
        i = previous[i]
    return keep


def _runs(indexes: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Sorted indexes grouped into (first, last) runs of consecutive numbers."""
    first = last = -2
    for i in indexes:
        if i != last + 1:
            if last >= 0:
                yield first, last
            first = i
        last = i
    if last >= 0:
        yield first, last


class CardListModel(QStringListModel):
    """The cards of one column, sorted, with those the board's filter rejects left out.

    Its rows are counted in C++, by the string list it derives from (one empty string a card
    shown, never read): Qt asks a list's model its number of rows once for every row it lays
    out, and answering in Python was most of laying out a long column (16 ms for 20,000 rows,
    against 1). The list changes only by the string list's ``insertRows`` and ``removeRows``
    (refused to anyone else) and ``setStringList`` (a reset), which announce the change
    themselves; the cards follow in the slots connected first to ``rowsInserted`` and
    ``rowsRemoved`` (in ``resetInternalData``), so that every later listener finds them in
    step."""

    def __init__(self, column: Column, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rowsInserted.connect(self._rows_inserted)
        self.rowsRemoved.connect(self._rows_removed)
        self._arriving: list[Card] = []  # the cards insertRows is making rows for
        self.column = column
        self._all: list[Card] = []  # every card of the column, sorted
        self._rows: list[Card] = []  # the ones shown
        self._narrowing = SHOW_ALL
        self._facts: list[tuple[str, bool]] = []  # each of _all's channel and deletion
        self._chosen: dict[tuple[str | None, bool], list[Card]] = {}  # see _narrowed
        self.recent_limit: int | None = None  # show only this many, the most recently updated
        self.snapshot: Snapshot | None = None  # for names in what screen readers are told
        self._beyond_limit = 0
        self._first_screen_total: int | None = None

    # --- Qt's questions -----------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.row() >= len(self._rows):
            return None
        card = self._rows[index.row()]
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return card.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(card)
        return None

    def spoken(self, card: Card) -> str:
        """The card as a screen reader says it: title, channel, state (and publication time),
        people, due date."""
        translate = QCoreApplication.translate
        parts = [card.title]
        snapshot = self.snapshot
        if snapshot is not None:
            channel = snapshot.channels.get(card.channel_id)
            if channel is not None:
                parts.append(translate("BoardText", "Channel: {name}").format(name=channel.name))
        parts.append(
            translate("BoardText", "State: {state}").format(
                state=translated(label(card.item.state))
            )
        )
        if card.publish_at is not None:
            parts.append(publish_time.chip_text(card.publish_at))
        if snapshot is not None:
            names = "、".join(snapshot.name(user_id) for user_id in card.person_ids())
            parts.append(translate("BoardText", "People: {names}").format(names=names))
        due = card.due_date
        if due is not None:
            text = translate("BoardText", "Due {date}").format(date=due.isoformat())
            if is_overdue(card, dt.date.today()):
                text += translate("BoardText", ", overdue")
            parts.append(text)
        return translate("BoardText", "; ").join(parts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Not the string list's: its rows are editable and take drops.
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's API
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt's API
        cards = [self._rows[i.row()] for i in indexes if i.isValid()]
        return drag_payload(cards[0]) if cards else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's API
        return Qt.DropAction.MoveAction

    # --- the string list's own changes, refused: the rows follow the cards (see _insert) -------

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return False

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return False

    def moveRows(self, *_: object) -> bool:  # noqa: N802 - Qt's API
        return False

    def setData(self, *_: object) -> bool:  # noqa: N802 - Qt's API
        return False

    def sort(self, *_: object) -> None:
        return None

    def canDropMimeData(self, *_: object) -> bool:  # noqa: N802 - Qt's API
        return False  # a drop on a column is the view's to judge (ColumnView.dropEvent)

    def dropMimeData(self, *_: object) -> bool:  # noqa: N802 - Qt's API
        return False

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's API
        return Qt.DropAction.CopyAction

    # --- the board's questions ----------------------------------------------------------------

    @property
    def total(self) -> int:
        """Cards in the column, shown or not."""
        return len(self._all) if self._first_screen_total is None else self._first_screen_total

    @property
    def complete(self) -> bool:
        """Whether the model holds every card of its column, not only the first screen."""
        return self._first_screen_total is None

    def card(self, row: int) -> Card:
        return self._rows[row]

    def row_of(self, card_id: str) -> int | None:
        for row, card in enumerate(self._rows):
            if card.id == card_id:
                return row
        return None

    def set_cards(
        self, cards: Iterable[Card], today: dt.date | None = None, *, total: int | None = None
    ) -> None:
        """Replace the column's cards, announcing only what differs from what is shown.
        ``total``: these are only the first of the column's ``total`` cards (the first screen,
        shown while the whole board loads)."""
        self._first_screen_total = total
        day = today or dt.date.today()
        self._all = sorted(cards, key=lambda card: sort_key(card, day))
        self._facts = [(card.channel_id, is_deleted(card)) for card in self._all]
        self._chosen.clear()
        self._merge(self._limited(self._narrowed()))

    def set_filter(self, narrowing: Narrowing) -> None:
        self._narrowing = narrowing
        self._narrow(self._limited(self._narrowed()))

    def _narrowed(self) -> list[Card]:
        narrowing = self._narrowing
        if narrowing.keeps_all:
            return list(self._all)
        channel = narrowing.channel_id
        key = (channel, narrowing.show_deleted)
        chosen = self._chosen.get(key)
        if chosen is None:  # kept until the cards change: a chief goes back and forth
            hide_deleted = not narrowing.show_deleted
            chosen = self._chosen[key] = [
                card
                for card, (card_channel, deleted) in zip(self._all, self._facts, strict=True)
                if (channel is None or card_channel == channel) and not (hide_deleted and deleted)
            ]
        checks = narrowing.checks
        if checks:
            return [card for card in chosen if all(check(card) for check in checks)]
        return list(chosen)  # the shown rows change in place

    @property
    def beyond_limit(self) -> int:
        """Cards that pass the filter but are left out by :attr:`recent_limit` (not known on the
        first screen)."""
        return self._beyond_limit if self.complete else 0

    def _limited(self, accepted: list[Card]) -> list[Card]:
        limit = self.recent_limit
        if limit is None or len(accepted) <= limit:
            self._beyond_limit = 0
            return accepted
        recent = sorted(accepted, key=lambda card: card.updated_at, reverse=True)[:limit]
        keep = {card.id for card in recent}
        self._beyond_limit = len(accepted) - limit
        return [card for card in accepted if card.id in keep]

    def _narrow(self, new: list[Card]) -> None:
        """Show ``new``, another choice among the same sorted cards (the same objects, in the
        same order): removals and insertions found by identity, where the general merge
        compares values. A change that would take more than :data:`RESET_ABOVE_RUNS` runs of
        rows (from one channel to all, at 100,000 cards: thousands) resets the rows instead;
        the page selects the selected card again either way."""
        kept, shown = set(map(id, new)), set(map(id, self._rows))
        if kept.isdisjoint(shown):  # from one channel to another: all out, all in
            removed = [(0, len(self._rows) - 1)] if self._rows else []
            inserted = [(0, len(new) - 1)] if new else []
        else:  # counted no further than the limit: from one channel to all, thousands
            removed = list(
                islice(
                    _runs(i for i, card in enumerate(self._rows) if id(card) not in kept),
                    RESET_ABOVE_RUNS + 1,
                )
            )
            inserted = list(
                islice(
                    _runs(i for i, card in enumerate(new) if id(card) not in shown),
                    RESET_ABOVE_RUNS + 1 - len(removed),
                )
            )
        if len(removed) + len(inserted) > RESET_ABOVE_RUNS:
            self._arriving = new
            self.setStringList([""] * len(new))  # a reset: resetInternalData takes the cards
            return
        for first, last in reversed(removed):
            self._remove(first, last)
        for first, last in inserted:
            self._insert(first, new[first : last + 1])

    def _insert(self, row: int, cards: list[Card]) -> None:
        self._arriving = cards  # taken by _rows_inserted
        QStringListModel.insertRows(self, row, len(cards))
        self._arriving = []

    def _remove(self, first: int, last: int) -> None:
        QStringListModel.removeRows(self, first, last - first + 1)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        assert len(self._arriving) == last - first + 1, "rows inserted without their cards"
        self._rows[first:first] = self._arriving
        self._arriving = []

    def resetInternalData(self) -> None:  # noqa: N802 - Qt's API
        self._rows, self._arriving = self._arriving, []
        super().resetInternalData()

    def _rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        del self._rows[first : last + 1]

    def _merge(self, new: list[Card]) -> None:
        """Turn the shown rows into ``new`` with removals, insertions and changes."""
        old = self._rows
        position = {card.id: i for i, card in enumerate(new)}
        common = [i for i, card in enumerate(old) if card.id in position]
        stays = _stable([position[old[i].id] for i in common])
        staying = {common[k] for k in stays}
        for first, last in reversed(list(_runs(i for i in range(len(old)) if i not in staying))):
            self._remove(first, last)
        kept = {card.id for card in self._rows}
        for first, last in _runs(i for i, card in enumerate(new) if card.id not in kept):
            self._insert(first, new[first : last + 1])
        changed = [i for i, card in enumerate(new) if self._rows[i] != card]
        self._rows[:] = new  # equal values from a newer snapshot replace the old ones quietly
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first), self.index(last))
