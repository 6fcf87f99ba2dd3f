"""Garbage is collected on the UI thread only, by Python's own thresholds."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.store.workspace import Workspace
from newsdesk.ui.collector import HOLD_S, THAW_S, MainThreadCollector, collect_if_due
from tests.ui.test_desktop_day import close_desktop, open_desktop


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_the_collector_switches_automatic_collection_off_and_collects_on_its_timer(
    qtbot: QtBot, qapp: QApplication
) -> None:
    gc.enable()
    collector = MainThreadCollector(qapp, interval_ms=10)
    try:
        assert not gc.isenabled()
        gc.collect()
        threshold = gc.get_threshold()[0]
        for _ in range(threshold + 10):
            Node()
        assert gc.get_count()[0] > threshold
        qtbot.waitUntil(lambda: gc.get_count()[0] < threshold, timeout=2000)
    finally:
        shiboken6.delete(collector)  # now: its timer would go on collecting in later tests


def test_nothing_is_collected_below_the_threshold() -> None:
    gc.collect()
    assert collect_if_due() == 0


def test_what_lives_long_is_left_out_of_collections_until_the_next_thaw(qapp: QApplication) -> None:
    """Kept long-lived, a cycle is not collected (no collection scans it), until the first call
    after THAW_S collects everything once more."""
    now = [0.0]
    collector = MainThreadCollector(qapp, clock=lambda: now[0])
    try:
        node = Node()
        kept = weakref.ref(node)
        collector.keep_long_lived()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert kept() is not None
        now[0] = THAW_S - 1
        collector.keep_long_lived()
        gc.collect()
        assert kept() is not None
        now[0] = THAW_S
        collector.keep_long_lived()
        assert kept() is None and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        shiboken6.delete(collector)  # now: its timer would go on collecting in later tests


class Loads(QObject):
    """What ``follow_board`` reads of a snapshot store: whether a load runs, and its signal."""

    updated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.loading = False


def test_nothing_is_collected_while_a_board_loads_nor_held_off_for_long(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """The load's objects all count as young until the timer comes: collecting them scanned a
    second's worth of a 100,000-card board on the UI thread, 20 to 60 ms at a time. While a load
    runs nothing is collected, and never for more than HOLD_S in a row."""
    now = [0.0]
    collector = MainThreadCollector(qapp, interval_ms=10, clock=lambda: now[0])
    loads = Loads()
    collector.follow_board(loads)  # type: ignore[arg-type]
    try:
        gc.collect()
        threshold = gc.get_threshold()[0]
        loads.loading = True
        cycles = [Node() for _ in range(threshold + 10)]
        del cycles
        qtbot.wait(100)
        assert gc.get_count()[0] > threshold  # ten timer ticks, no collection
        now[0] = HOLD_S
        qtbot.waitUntil(lambda: gc.get_count()[0] < threshold, timeout=2000)
        loads.loading = False
        cycles = [Node() for _ in range(threshold + 10)]
        del cycles
        qtbot.waitUntil(lambda: gc.get_count()[0] < threshold, timeout=2000)
    finally:
        shiboken6.delete(collector)  # now: its timer would go on collecting in later tests


def test_the_desktop_keeps_the_whole_board_long_lived_once_it_has_loaded(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> None:
    """At 100,000 cards every full collection scanned the board's half a million objects on the
    UI thread (a quarter of a second each, every minute or two of work, and after each reload):
    the desktop leaves each whole board it loads out of the collections."""
    collector = MainThreadCollector(qapp)
    gc.unfreeze()
    desktop = open_desktop(
        qtbot, qapp, workspace.folder, tmp_path / "settings.ini", "wangfang", collector
    )
    try:
        snapshots = desktop.snapshots
        assert snapshots is not None
        qtbot.waitUntil(lambda: snapshots.current is not None)
        assert gc.get_freeze_count() > 0
        board = snapshots.current
        gc.unfreeze()
        snapshots.reload()
        qtbot.waitUntil(lambda: snapshots.current is not board)
        assert gc.get_freeze_count() > 0  # the new board, in its turn
    finally:
        close_desktop(qtbot, desktop)
        gc.unfreeze()
        shiboken6.delete(collector)  # now: its timer would go on collecting in later tests
