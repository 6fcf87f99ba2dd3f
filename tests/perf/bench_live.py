"""Live updates: how soon a change made on one desktop is visible on another, and what twenty
idle connected desktops cost.

Two ``newsdesk-server serve`` processes on one PostgreSQL database, as behind a load balancer:
the writing desktop pushes to the first, the reading desktop syncs with the second, so every
wake-up crosses processes through LISTEN/NOTIFY.

- change-to-visible latency (median and 95th percentile): from the writer's round starting
  (push, then its own pull) to the reader's round having laid the change down, the reader
  running its real sync loop with the 5-second poll; live updates on, against the poll alone.
  Each change waits a random part of the poll interval first, so the poll's phase is sampled
  evenly;
- idle CPU: twenty desktops connected (each its sync loop, live on), nothing changing, CPU time
  of the service process and of the desktops' process over the idle period, against the same
  desktops polling without live updates.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.store import make_engine
from newsdesk.sync.client import INTERVAL, SyncLoop
from newsdesk.sync.status import State, SyncStatus
from tests.perf import Result
from tests.perf.bench_apply import databases
from tests.perf.bench_sync import Desktop, service_process
from tests.sync.conftest import seed


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _latencies(
    writer: Desktop, reader: Desktop, news: str, changes: int, live: bool
) -> list[float]:
    seen = asyncio.Event()

    def report(status: SyncStatus) -> None:
        if status.state is State.ONLINE:
            seen.set()

    sender = writer.client()
    syncing = SyncLoop(reader.client(), report, interval=INTERVAL, live=live)
    task = asyncio.create_task(syncing.run())
    user_id = writer.replica.account or ""
    found: list[float] = []
    try:
        await asyncio.wait_for(seen.wait(), 30)
        for number in range(changes):
            await asyncio.sleep(random.uniform(0, INTERVAL if not live else 0.2))
            made = mutation(user_id, Kind.PROPOSAL_CREATE, channel_id=news, title=f"快讯 {number}")
            await asyncio.to_thread(writer.workspace.store.apply, [made])
            started = time.perf_counter()
            await sender.round()
            target = await asyncio.to_thread(lambda: writer.replica.cursor)
            while await asyncio.to_thread(lambda: reader.replica.cursor) < target:
                seen.clear()
                await asyncio.wait_for(seen.wait(), 3 * INTERVAL)
            found.append(time.perf_counter() - started)
    finally:
        syncing.stop()
        await asyncio.gather(task, return_exceptions=True)
        await sender.close()
        await syncing.client.close()
    return found


async def _idle(desks: list[Desktop], service_pid: int, seconds: float, live: bool) -> float:
    """CPU seconds the service and this process spent while ``desks`` sat connected."""
    online = [asyncio.Event() for _ in desks]
    loops = [
        SyncLoop(
            desk.client(),
            lambda status, ready=ready: ready.set() if status.state is State.ONLINE else None,
            live=live,
        )
        for desk, ready in zip(desks, online, strict=True)
    ]
    tasks = [asyncio.create_task(loop.run()) for loop in loops]
    try:
        await asyncio.wait_for(asyncio.gather(*(ready.wait() for ready in online)), 60)
        await asyncio.sleep(1)  # the long-polls open
        before = _cpu_seconds(service_pid) + time.process_time()
        await asyncio.sleep(seconds)
        return _cpu_seconds(service_pid) + time.process_time() - before
    finally:
        for loop in loops:
            loop.stop()
        await asyncio.gather(*tasks, return_exceptions=True)
        for loop in loops:
            await loop.client.close()


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def run(quick: bool) -> list[Result]:
    if not os.environ.get("NEWSDESK_TEST_PG_URL"):
        print("bench_live needs NEWSDESK_TEST_PG_URL (the local PostgreSQL)", file=sys.stderr)
        return []
    changes = 20 if quick else 100
    idle_seconds = 10.0 if quick else 30.0
    results: list[Result] = []
    with databases("postgresql") as fresh, tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        url = fresh()
        engine = make_engine(url)
        room = seed(engine)
        engine.dispose()
        with service_process(url) as (first, _), service_process(url) as (second, process):
            writer = Desktop(folder / "writer", first, "editor")
            reader = Desktop(folder / "reader", second, "editor")
            asyncio.run(writer.connect())
            asyncio.run(reader.connect())
            live = asyncio.run(_latencies(writer, reader, room.news, changes, live=True))
            polled = asyncio.run(_latencies(writer, reader, room.news, changes, live=False))
            writer.close()
            reader.close()
            for name, pick in (("median", statistics.median), ("p95", _p95)):
                value, baseline = pick(live), pick(polled)
                results.append(
                    Result(
                        f"change visible on a second desktop, {name} of {changes} "
                        "(live updates, across two service processes; baseline: 5 s poll)",
                        value * 1000,
                        "ms",
                        baseline * 1000,
                        value / baseline,
                        "< 1,000 ms",
                        value < 1.0,
                    )
                )
            desks = [Desktop(folder / f"idle{i}", second, "editor") for i in range(20)]

            async def connect_all() -> None:
                for desk in desks:
                    await desk.connect()

            asyncio.run(connect_all())
            with_live = asyncio.run(_idle(desks, process.pid, idle_seconds, live=True))
            without = asyncio.run(_idle(desks, process.pid, idle_seconds, live=False))
            for desk in desks:
                desk.close()
            results.append(
                Result(
                    f"20 desktops connected and idle for {idle_seconds:.0f} s: CPU time of the "
                    "service and the desktops (live on; baseline: polling only)",
                    with_live,
                    "s",
                    without,
                    with_live / without,
                    "ratio ≤ 1.5",
                    with_live / without <= 1.5,
                )
            )
    return results
