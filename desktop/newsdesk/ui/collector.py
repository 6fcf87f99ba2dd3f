"""Python's cyclic garbage collector, run only on the UI thread.

Left to itself, the collector runs on whichever thread happens to allocate, often the database
thread; when the garbage holds a Qt object (a closed dialog caught in a reference cycle through
a connected lambda, say), destroying it there crashes the whole process. So automatic collection
is switched off and this timer collects on the UI thread, by the same thresholds Python uses.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 1000


def collect_if_due() -> int:
    """Collect the generations whose allocation counts passed their thresholds."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
    return gc.collect(generation)


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()
