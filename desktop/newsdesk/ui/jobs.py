"""Running work off the UI thread.

One thread owns the database (SQLite connections are not shared across threads, and one writer
keeps the outbox in order); results and failures come back on the UI thread through a queued
signal, so callbacks may touch widgets.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from shiboken6 import Shiboken

T = TypeVar("T")
log = logging.getLogger(__name__)


class Runner(QObject):
    """Runs work on its own thread, one job at a time, and reports back on the UI thread."""

    busy_changed = Signal(int)  # how many jobs are queued or running
    failed = Signal(object)  # an exception no one else handled
    _finished = Signal(object, object)  # (job, future)

    def __init__(self, parent: QObject | None = None, *, name: str = "newsdesk-db") -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> int:
        return self._pending

    def submit(self, job: Job[Any]) -> None:
        if self._closed:  # the application is closing: late refreshes have no one to show to
            log.info("job dropped after shutdown")
            return
        self._pending += 1
        self.busy_changed.emit(self._pending)
        future = self._executor.submit(job.work)
        future.add_done_callback(lambda done: self._finished.emit(job, done))

    async def call(self, work: Callable[[], T]) -> T:
        """Run ``work`` on this runner's thread from a coroutine (the sync client's database
        work shares the thread with the screens', so writes stay in one order)."""
        if self._closed:
            raise RuntimeError("the runner is shut down")
        return await asyncio.wrap_future(self._executor.submit(work))

    def _deliver(self, job: Job[Any], future: Future[Any]) -> None:
        self._pending -= 1
        self.busy_changed.emit(self._pending)
        if future.cancelled():  # dropped at shutdown: nobody is waiting for it any more
            return
        if job.owner is not None and not Shiboken.isValid(job.owner):
            return  # the widget that asked was closed while the work ran
        error = future.exception()
        if error is None:
            for callback in job.on_success:
                callback(future.result())
            return
        log.error("background job failed", exc_info=error)
        if job.on_failure:
            for handler in job.on_failure:
                handler(error)
        else:
            self.failed.emit(error)

    def shutdown(self, *, wait: bool = True) -> None:
        """Wait for the running job (a write must not be cut in half), drop the queued ones;
        ``wait=False`` abandons the running one too (a download nobody will see)."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)


class OneAtATime:
    """Work (a screen's load) that runs once at a time: asked for while it runs, it runs once
    more when the running one ends, however often it was asked meanwhile."""

    def __init__(self, start: Callable[[], object]) -> None:
        """``start`` begins the work; its end is reported with :meth:`finish` or :meth:`fail`."""
        self._start = start
        self.running = False
        self._again = False

    def request(self) -> None:
        """Start the work, or, while it runs, ask for it once more afterwards."""
        if self.running:
            self._again = True
            return
        self.running = True
        self._start()

    def finish(self) -> bool:
        """The running work ended. If it was asked for meanwhile, start it again and return
        True: the result just in is already out of date."""
        self.running = False
        if self._again:
            self._again = False
            self.request()
            return True
        return False

    def fail(self) -> None:
        """The running work failed; a request made meanwhile runs at the next request."""
        self.running = False


class Job(Generic[T]):
    """A piece of work with what to do with its result: ``Job(work).success(f).run(runner)``."""

    def __init__(self, work: Callable[[], T], owner: QObject | None = None) -> None:
        self.work = work
        self.owner = owner  # results are dropped once this object is deleted
        self.on_success: list[Callable[[T], object]] = []
        self.on_failure: list[Callable[[BaseException], object]] = []

    def success(self, callback: Callable[[T], object]) -> Job[T]:
        self.on_success.append(callback)
        return self

    def failure(self, handler: Callable[[BaseException], object]) -> Job[T]:
        self.on_failure.append(handler)
        return self

    def run(self, runner: Runner) -> None:
        runner.submit(self)
