"""Python's cyclic garbage collector, run only on the UI thread.

Left to itself, the collector runs on whichever thread happens to allocate, often the database
thread; when the garbage holds a Qt object (a closed dialog caught in a reference cycle through
a connected lambda, say), destroying it there crashes the whole process. So automatic collection
is switched off and this timer collects on the UI thread, by the same thresholds Python uses.

What lives long is left out of the collections (``keep_long_lived``): a board of 100,000 cards is
half a million objects, and every full collection scanned them all on the UI thread, a quarter of
a second each time. While a whole board loads, nothing is collected (``follow_board``): what the
load makes is the board, left out once it arrives.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from newsdesk.ui.snapshot import SnapshotStore

CHECK_MS = 1000
THAW_S = 600.0
"""At most this often, what was kept long-lived is scanned again, for garbage in reference
cycles among it."""
HOLD_S = 30.0
"""The longest collections wait for a load: loads following each other closely (a busy
newsroom's changes) do not put collecting off for good."""


def collect_if_due() -> int:
    """Collect the generations whose allocation counts passed their thresholds."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
    return gc.collect(generation)


class MainThreadCollector(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = CHECK_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        gc.disable()
        self._clock = clock
        self._thawed_at = clock()
        self._holding: Callable[[], bool] = lambda: False
        self._held_since: float | None = None
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._collect)
        self._timer.start()

    def follow_board(self, snapshots: SnapshotStore) -> None:
        """Keep each whole board ``snapshots`` loads long-lived, and collect nothing while one
        is loading. The load's objects are made on the database thread, and with automatic
        collection off they all count as young until the timer comes: each young-generation
        collection scanned a second's worth of a 100,000-card board, 20 to 60 ms on the UI
        thread, four or five times a load."""
        self._holding = lambda: snapshots.loading
        snapshots.updated.connect(lambda _snapshot: self.keep_long_lived())

    def _collect(self) -> None:
        if self._holding():
            if self._held_since is None:
                self._held_since = self._clock()
            if self._clock() - self._held_since < HOLD_S:
                return
        self._held_since = None
        collect_if_due()

    def keep_long_lived(self) -> None:
        """What is alive now will live long (the whole board, just loaded): no collection scans
        it from now on (``gc.freeze``). Reference counting still frees it when it is replaced;
        only garbage in reference cycles among it waits, for the next thaw: the first call after
        :data:`THAW_S` collects everything once more, when the board has just loaded again (a
        moment the user already waits for)."""
        if self._clock() - self._thawed_at >= THAW_S:
            gc.unfreeze()
            gc.collect()
            self._thawed_at = self._clock()
        gc.freeze()
