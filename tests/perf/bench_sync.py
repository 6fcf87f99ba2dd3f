"""Sync throughput and latency: the real service (``newsdesk-server serve``, its own process) over
the local PostgreSQL, and desktop clients (real workspaces, the real client) in this process.

- push 10,000 mutations from one desktop, against a raw bulk insert of the same rows into
  PostgreSQL (target: 2,000/s or more, ratio ≥ 0.1, i.e. within 10×);
- a fresh desktop pulling those 10,000 items, against a raw bulk insert of the same rows into a
  workspace database (same targets);
- a no-op round (nothing to push, nothing new) under 50 ms, against a bare health request;
- 20 desktops syncing in a loop (each round pushes one new proposal) for 60 s with no errors,
  p95 round latency against the no-op round's.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from sqlalchemy import insert, select

from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.apply import MUTATIONS
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync.client import SyncClient
from newsdesk.sync.replica import Replica
from newsdesk.sync.rows import SYNCED, from_wire, to_wire
from tests.perf import Result
from tests.perf.bench_apply import _migrated, databases
from tests.sync.conftest import PASSWORD, free_port, seed

SERVER = str(Path(sys.executable).with_name("newsdesk-server"))
LOG_COLUMNS = ("id", "actor", "at", "kind", "entity", "base_version", "args", "status")


@contextlib.contextmanager
def serving(url: str) -> Iterator[str]:
    port = free_port()
    address = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [SERVER, "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{address}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the service did not start") from None
                time.sleep(0.05)
        yield address
    finally:
        process.terminate()
        process.wait(30)


class Desktop:
    def __init__(self, folder: Path, address: str, login: str) -> None:
        self.workspace = Workspace.open(folder, create=True)
        self.replica = Replica(self.workspace.store)
        self.address = address
        self.login = login

    def client(self) -> SyncClient:
        return SyncClient(self.replica, self.address, blobs=self.workspace.blobs)

    async def connect(self) -> None:
        client = self.client()
        try:
            await client.connect(self.login, PASSWORD)
        finally:
            await client.close()

    def close(self) -> None:
        self.workspace.close()


def _push_and_pull(address: str, room_news: str, count: int, folder: Path) -> dict[str, float]:
    author = Desktop(folder / "author", address, "editor")
    asyncio.run(author.connect())
    user_id = author.replica.account or ""
    # Made and applied in one go, and not kept: a desktop holds its outbox in the database,
    # not in memory (10,000 live objects here would slow every collection during the push).
    author.workspace.store.apply(
        [
            mutation(
                user_id, Kind.PROPOSAL_CREATE, channel_id=room_news, title=f"选题{i}", angle="角度"
            )
            for i in range(count)
        ]
    )

    async def push() -> float:
        client = author.client()
        try:
            started = time.perf_counter()
            sent = await client.push()
            seconds = time.perf_counter() - started
            assert sent == count, sent
            await client.pull()
            return seconds
        finally:
            await client.close()

    push_seconds = asyncio.run(push())
    assert author.workspace.store.pending_count() == 0
    with author.workspace.store.engine.connect() as conn:
        log_rows = [
            {name: row[name] for name in LOG_COLUMNS}
            for row in conn.execute(select(MUTATIONS)).mappings()
        ]
    author.close()

    reader = Desktop(folder / "reader", address, "chief")
    client = reader.client()

    async def pull() -> tuple[float, int]:
        try:
            await client.sign_in("chief", PASSWORD)
            started = time.perf_counter()
            rows, _, _ = await client.pull()
            return time.perf_counter() - started, rows
        finally:
            await client.close()

    pull_seconds, pulled = asyncio.run(pull())
    assert pulled >= count, pulled
    proposals = SYNCED["proposals"][1]
    with reader.workspace.store.engine.connect() as conn:
        pulled_rows = [dict(r) for r in conn.execute(select(proposals)).mappings()]
    reader.close()
    return {
        "push": push_seconds,
        "pull": pull_seconds,
        "pulled": float(pulled),
        **_raw_inserts(pulled_rows, log_rows, folder),
    }


def _raw_inserts(
    rows: list[dict[str, object]], log_rows: list[dict[str, object]], folder: Path
) -> dict[str, float]:
    """The same rows bulk-inserted with SQLAlchemy Core: into PostgreSQL (what push writes) and
    into a fresh workspace database (what pull writes)."""
    proposals = SYNCED["proposals"][1]
    clean = [from_wire(proposals, to_wire(proposals, r)) for r in rows]
    timings: dict[str, float] = {}
    with databases("postgresql") as fresh:
        store = _migrated(fresh())
        started = time.perf_counter()
        with store.engine.begin() as conn:
            conn.execute(insert(proposals), clean)
            conn.execute(insert(MUTATIONS), log_rows)
        timings["raw_pg"] = time.perf_counter() - started
        store.engine.dispose()
    with Workspace.open(folder / "raw", create=True) as workspace:
        started = time.perf_counter()
        with workspace.store.engine.begin() as conn:
            conn.execute(insert(proposals), clean)
        timings["raw_sqlite"] = time.perf_counter() - started
    return timings


async def _noop_rounds(address: str, folder: Path, runs: int) -> tuple[float, float]:
    desk = Desktop(folder / "idle", address, "reviewer1")
    await desk.connect()
    client = desk.client()
    try:
        await client.round()
        rounds, health = [], []
        for _ in range(runs):
            started = time.perf_counter()
            await client.round()
            rounds.append(time.perf_counter() - started)
            started = time.perf_counter()
            await client.http.get("/v1/health")
            health.append(time.perf_counter() - started)
    finally:
        await client.close()
        desk.close()
    return statistics.median(rounds), statistics.median(health)


async def _many_clients(
    address: str, news: str, folder: Path, clients: int, seconds: float
) -> tuple[list[float], int, int]:
    desks = [Desktop(folder / f"c{i}", address, "editor") for i in range(clients)]
    for desk in desks:
        await desk.connect()
    latencies: list[float] = []
    errors = 0
    rounds = 0
    deadline = time.monotonic() + seconds

    async def loop(desk: Desktop) -> None:
        nonlocal errors, rounds
        client = desk.client()
        user_id = desk.replica.account or ""
        try:
            while time.monotonic() < deadline:
                made = mutation(user_id, Kind.PROPOSAL_CREATE, channel_id=news, title="压测")
                await asyncio.to_thread(desk.workspace.store.apply, [made])
                started = time.perf_counter()
                try:
                    await client.round()
                    rounds += 1
                except Exception:
                    errors += 1
                latencies.append(time.perf_counter() - started)
        finally:
            await client.close()

    await asyncio.gather(*(loop(desk) for desk in desks))
    left = sum(desk.workspace.store.pending_count() for desk in desks)
    for desk in desks:
        desk.close()
    return latencies, errors + left, rounds


def run(quick: bool) -> list[Result]:
    if not os.environ.get("NEWSDESK_TEST_PG_URL"):
        print("bench_sync needs NEWSDESK_TEST_PG_URL (the local PostgreSQL)", file=sys.stderr)
        return []
    count = 2_000 if quick else 10_000
    load_seconds = 10.0 if quick else 60.0
    results: list[Result] = []
    with databases("postgresql") as fresh, tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        url = fresh()
        engine = make_engine(url)
        room = seed(engine)
        engine.dispose()
        with serving(url) as address:
            timings = _push_and_pull(address, room.news, count, folder)
            push_rate, raw_pg = count / timings["push"], count / timings["raw_pg"]
            results.append(
                Result(
                    f"push {count:,} mutations to PostgreSQL",
                    push_rate,
                    "mutations/s",
                    raw_pg,
                    push_rate / raw_pg,
                    "≥ 2,000/s and ratio ≥ 0.1",
                    push_rate >= 2000 and push_rate / raw_pg >= 0.1,
                )
            )
            pulled = timings["pulled"]
            pull_rate, raw_sqlite = pulled / timings["pull"], count / timings["raw_sqlite"]
            results.append(
                Result(
                    f"fresh desktop pulls {int(pulled):,} items",
                    pull_rate,
                    "items/s",
                    raw_sqlite,
                    pull_rate / raw_sqlite,
                    "≥ 2,000/s and ratio ≥ 0.1",
                    pull_rate >= 2000 and pull_rate / raw_sqlite >= 0.1,
                )
            )
            noop, health = asyncio.run(_noop_rounds(address, folder, 30))
            results.append(
                Result(
                    "no-op sync round (median)",
                    noop * 1000,
                    "ms",
                    health * 1000,
                    noop / health,
                    "< 50 ms",
                    noop < 0.050,
                )
            )
            latencies, errors, rounds = asyncio.run(
                _many_clients(address, room.news, folder, 20, load_seconds)
            )
            p95 = statistics.quantiles(latencies, n=20)[-1]
            results.append(
                Result(
                    f"20 desktops syncing for {load_seconds:.0f} s: p95 round "
                    f"({rounds:,} rounds, {errors} errors)",
                    p95 * 1000,
                    "ms",
                    noop * 1000,
                    p95 / noop,
                    "no errors",
                    errors == 0,
                )
            )
    return results
