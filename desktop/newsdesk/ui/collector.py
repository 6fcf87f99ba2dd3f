"""Python's cyclic garbage collector, run only on the UI thread.

Left to itself, the collector runs on whichever thread happens to allocate, often the database
thread; when the garbage holds a Qt object (a closed dialog caught in a reference cycle through
a connected lambda, say), destroying it there crashes the whole process. So automatic collection
is switched off and this timer collects on the UI thread, by the same thresholds Python uses.

What lives long is left out of the collections (``keep_long_lived``): a board of 100,000 cards is
half a million objects, and every full collection scanned them all on the UI thread, a quarter of
a second each time.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 1000
THAW_S = 600.0
"""At most this often, what was kept long-lived is scanned again, for garbage in reference
cycles among it."""


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
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()

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
