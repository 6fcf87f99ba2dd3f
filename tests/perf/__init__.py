"""Benchmarks: ``python -m tests.perf [--quick] [--json PATH]``.

Every benchmark measures its own baseline in the same run, so ratios compare like with like on
whatever machine runs them. ``ratio`` is always ``value / baseline`` in the benchmark's unit.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    baseline: float
    ratio: float
    target: str
    met: bool

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Seconds taken by the fastest of ``runs`` calls: the least disturbed by the machine."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
