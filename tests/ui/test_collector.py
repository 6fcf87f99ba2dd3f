"""Garbage is collected on the UI thread only, by Python's own thresholds."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.ui.collector import MainThreadCollector, collect_if_due


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
        collector.deleteLater()


def test_nothing_is_collected_below_the_threshold() -> None:
    gc.collect()
    assert collect_if_due() == 0
