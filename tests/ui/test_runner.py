"""The database runner: work on its own thread, results on the UI thread, and whatever the
work held let go of on the UI thread (Qt objects must not be deleted on a worker thread)."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from newsdesk.ui.jobs import Job, Runner


def _deleted_on(holder: QObject, threads: list[str]) -> None:
    holder.destroyed.connect(
        lambda *_: threads.append(threading.current_thread().name),
        Qt.ConnectionType.DirectConnection,
    )


@pytest.mark.parametrize("fails", [False, True], ids=["succeeds", "raises"])
def test_what_a_jobs_work_holds_is_deleted_on_the_ui_thread(
    qtbot: QtBot, runner: Runner, fails: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test's log capture would keep each failure's traceback (and what it holds) alive.
    monkeypatch.setattr(logging.getLogger("newsdesk.ui.jobs"), "disabled", True)
    threads: list[str] = []
    outcomes: list[object] = []
    for _ in range(200):
        holder = QObject()  # no parent: Python owns it, so its last reference deletes it
        _deleted_on(holder, threads)

        def work(kept: QObject = holder) -> str:
            if fails:
                raise RuntimeError(kept.objectName() or "failed")  # a traceback holding it
            return kept.objectName()

        Job(work).success(outcomes.append).failure(
            lambda error: outcomes.append(type(error).__name__)
        ).run(runner)
        del holder, work
    qtbot.waitUntil(lambda: len(outcomes) == 200)
    qtbot.waitUntil(lambda: len(threads) == 200)
    assert set(threads) == {threading.main_thread().name}


def test_results_come_back_in_order_on_the_ui_thread(qtbot: QtBot, runner: Runner) -> None:
    seen: list[tuple[int, bool, bool]] = []
    for n in range(20):
        Job(lambda n=n: (n, runner.on_its_thread())).success(
            lambda got: seen.append((*got, runner.on_its_thread()))
        ).run(runner)
    qtbot.waitUntil(lambda: len(seen) == 20)
    assert seen == [(n, True, False) for n in range(20)]
    assert runner.busy == 0
