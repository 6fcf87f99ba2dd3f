"""Running work off the UI thread.

One thread owns the database (SQLite connections are not shared across threads, and one writer
keeps the outbox in order); results and failures come back on the UI thread through a queued
signal, so callbacks may touch widgets.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from shiboken6 import Shiboken

T = TypeVar("T")
log = logging.getLogger(__name__)


class Runner(QObject):
    """Runs work on its own thread, one job at a time, and reports back on the UI thread."""

    busy_changed = Signal(int)  # how many jobs are queued or running
    failed = Signal(object)  # an exception no one else handled
    _finished = Signal(object, object)  # (job's key, box holding its _Outcome)

    def __init__(self, parent: QObject | None = None, *, name: str = "newsdesk-db") -> None:
        super().__init__(parent)
        self._thread: int | None = None
        self._keys = itertools.count()
        self._jobs: dict[int, Job[Any]] = {}  # submitted, not delivered: this thread keeps them
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=name, initializer=self._started
        )
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> int:
        return self._pending

    def _started(self) -> None:
        self._thread = threading.get_ident()

    def on_its_thread(self) -> bool:
        """Whether the caller runs on this runner's thread (its one worker, kept for its life)."""
        return self._thread is not None and threading.get_ident() == self._thread

    def submit(self, job: Job[Any]) -> None:
        if self._closed:  # the application is closing: late refreshes have no one to show to
            log.info("job dropped after shutdown")
            return
        self._pending += 1
        self.busy_changed.emit(self._pending)
        key = next(self._keys)
        self._jobs[key] = job
        self._executor.submit(self._run, key, [job.work])

    async def call(self, work: Callable[[], T]) -> T:
        """Run ``work`` on this runner's thread from a coroutine (the sync client's database
        work shares the thread with the screens', so writes stay in one order)."""
        if self._closed:
            raise RuntimeError("the runner is shut down")
        return await asyncio.wrap_future(self._executor.submit(_handed_over(work)))

    def wait(self, work: Callable[[], T]) -> T:
        """Run ``work`` on this runner's thread and wait for its result, from a job of another
        runner (the publishing thread's database work); never from the UI thread."""
        if self._closed:
            raise RuntimeError("the runner is shut down")
        return self._executor.submit(_handed_over(work)).result()

    def _run(self, key: int, held: list[Callable[[], Any]]) -> None:
        """Run a job's work on this thread and send its outcome to the UI thread.

        A job's work often holds widgets (a bound method, a closure over ``self``), and so
        may the frames of an error's traceback. If this thread dropped the last reference to
        one, Python would delete it here, which crashes Qt. So this thread lets go of all of
        it before the outcome is sent, and the outcome travels in a box the UI thread empties:
        the UI thread, which keeps the job until then, holds the last references.
        """
        work = held.pop()
        try:
            outcome: _Outcome = _Outcome(value=work())
        except BaseException as error:
            outcome = _Outcome(error=error)
        del work
        box = [outcome]
        del outcome
        self._finished.emit(key, box)

    def _deliver(self, key: int, box: list[_Outcome]) -> None:
        job = self._jobs.pop(key)
        outcome = box.pop()
        self._pending -= 1
        self.busy_changed.emit(self._pending)
        if job.owner is not None and not Shiboken.isValid(job.owner):
            return  # the widget that asked was closed while the work ran
        error = outcome.error
        if error is None:
            for callback in job.on_success:
                callback(outcome.value)
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


def _handed_over(work: Callable[[], T]) -> Callable[[], T]:
    """``work``, to be called once on a worker thread that lets go of it before the result is
    out (see :meth:`Runner._run`); the awaiting coroutine keeps its own reference."""
    held = [work]
    return lambda: held.pop()()


@dataclass(frozen=True)
class _Outcome:
    """What a job's work returned, or the error it raised."""

    value: Any = None
    error: BaseException | None = None


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
        """The running work failed; a request made meanwhile is dropped with it (the next
        request starts afresh, once)."""
        self.running = False
        self._again = False


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
