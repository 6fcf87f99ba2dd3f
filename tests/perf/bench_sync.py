"""Sync throughput and latency: the real service (``newsdesk-server serve``, its own process) over
the local PostgreSQL, and desktop clients (real workspaces, the real client) in this process.

- a fresh desktop's first pull of the large demo newsroom (every table: users, channels, roles,
  proposals, articles, revisions, decisions, sign-offs, publications, attachments) from a
  service that applied the demo's own mutations, against a raw bulk insert of the same rows
  into a workspace database (target: 5,000 rows/s or more); in the scale mode, the same over
  the board newsroom of each size, with the pull's peak memory (target: flat, the pull keeps
  one page at a time);
- one editor's 10,000 offline changes (a working mix: proposals created, updated, submitted,
  articles created and edited) pushed, the clock stopped when the outbox is empty (the pulls
  that settle it included), against a raw bulk insert of the rows and log they made into
  PostgreSQL (target: 2,000/s or more, ratio ≥ 0.1, i.e. within 10×);
- a no-op round (nothing to push, nothing new) under 50 ms, against a bare health request;
- 20 desktops syncing in a loop (each round pushes one new proposal) for 60 s with no errors,
  p95 round latency against the no-op round's.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, insert, select

from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.demo import DEMO_PASSWORD
from newsdesk.store import migrate
from newsdesk.store.apply import MUTATIONS
from newsdesk.store.store import SETTINGS, make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync.audit_log import EPOCH_KEY, new_epoch
from newsdesk.sync.client import SyncClient
from newsdesk.sync.replica import Replica
from newsdesk.sync.rows import SYNCED
from newsdesk.sync.service import Service
from tests.perf import Result
from tests.perf.bench_apply import _migrated, databases, demo_log, workspace_log
from tests.perf.mix import editor_mix
from tests.perf.workspaces import board_workspace
from tests.sync.conftest import PASSWORD, free_port, seed

SERVER = str(Path(sys.executable).with_name("newsdesk-server"))
LOG_COLUMNS = ("id", "actor", "at", "kind", "entity", "base_version", "args", "status")


@contextlib.contextmanager
def serving(url: str) -> Iterator[str]:
    with service_process(url) as (address, _process):
        yield address


@contextlib.contextmanager
def service_process(url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``newsdesk-server serve`` on ``url``: its address, once it answers, and its process."""
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
        yield address, process
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


def _push(address: str, room_news: str, count: int, folder: Path) -> dict[str, float]:
    """One editor's ``count`` offline changes (an editor's working mix) pushed, timed until the
    outbox is empty (the pulls settling it included), against a raw insert of the rows and log
    they made into PostgreSQL."""
    author = Desktop(folder / "author", address, "editor")
    asyncio.run(author.connect())
    user_id = author.replica.account or ""
    author.workspace.store.apply(list(editor_mix(user_id, room_news, count)))
    assert author.workspace.store.pending_count() == count

    async def push() -> float:
        client = author.client()
        try:
            started = time.perf_counter()
            while author.workspace.store.pending_count():
                done = await client.round()
                assert done.push_error is None, done.push_error
            return time.perf_counter() - started
        finally:
            await client.close()

    seconds = asyncio.run(push())
    assert not author.replica.problems()
    rows = _all_rows(author.workspace.store.engine)
    with author.workspace.store.engine.connect() as conn:
        rows[MUTATIONS.name] = [
            {name: row[name] for name in LOG_COLUMNS}
            for row in conn.execute(select(MUTATIONS)).mappings()
        ]
    author.close()
    with databases("postgresql") as fresh:
        store = _migrated(fresh())
        raw = _raw_insert(store.engine, rows)
        store.engine.dispose()
    return {"push": seconds, "raw": raw}


def _all_rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as conn:
        return {
            name: [dict(r) for r in conn.execute(select(table)).mappings()]
            for name, (_, table) in SYNCED.items()
        }


def _raw_insert(engine: Engine, rows: dict[str, list[dict[str, Any]]]) -> float:
    """Seconds to bulk-insert ``rows`` (by table name) with SQLAlchemy Core, in one transaction."""
    tables = {name: table for name, (_, table) in SYNCED.items()} | {MUTATIONS.name: MUTATIONS}
    started = time.perf_counter()
    with engine.begin() as conn:
        for name, found in rows.items():
            if found:
                conn.execute(insert(tables[name]), found)
    return time.perf_counter() - started


def _newsroom_server(url: str, log: list[Mutation]) -> None:
    """A service database holding the newsroom ``log`` made (every table, as its own people made
    it), applied through the service's own path."""
    engine = make_engine(url)
    with engine.begin() as conn:
        migrate.upgrade(conn)
        conn.execute(insert(SETTINGS), {"key": EPOCH_KEY, "value": new_epoch()})
    service = Service(engine)
    for start in range(0, len(log), 1_000):
        applied = service.ledger.administer(log[start : start + 1_000])
        assert all(a.accepted for a in applied)
    engine.dispose()


def _pull(address: str, folder: Path) -> dict[str, float]:
    """A fresh desktop's first pull of the whole newsroom (the administrator sees every
    channel), against a raw insert of the same rows into a fresh workspace."""
    reader = Desktop(folder / "reader", address, "admin")
    client = reader.client()

    async def pull() -> tuple[float, int, float]:
        try:
            await client.sign_in("admin", DEMO_PASSWORD)
            resident = _rss_mb()
            started = time.perf_counter()
            rows, _, _ = await client.pull()
            return time.perf_counter() - started, rows, resident
        finally:
            await client.close()

    seconds, pulled, resident = asyncio.run(pull())
    peak = _peak_mb() - resident
    rows = _all_rows(reader.workspace.store.engine)
    reader.close()
    with Workspace.open(folder / "raw", create=True) as workspace:
        raw = _raw_insert(workspace.store.engine, rows)
    return {
        "pull": seconds,
        "pulled": float(pulled),
        "raw": raw,
        "peak_mb": peak,
        "raw_peak_mb": _peak_mb() - resident,
    }


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _peak_mb() -> float:
    """The most this process has held so far: its memory's high-water mark (``VmHWM``, in KiB).
    Not ``ru_maxrss``, which Linux carries over an exec from the process that started this one:
    the pull's process started from the benchmark's, holding the newsroom it had just built,
    and reported its size as the pull's peak (349 MB at 50,000 items; the pull's own: 110)."""
    with open("/proc/self/status", encoding="ascii") as f:
        kilobytes = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    return kilobytes * 1024 / 1e6


def _pull_result(label: str, timings: dict[str, float]) -> Result:
    pulled = timings["pulled"]
    pull_rate, raw_rate = pulled / timings["pull"], pulled / timings["raw"]
    return Result(
        f"fresh desktop pulls {label} ({int(pulled):,} rows, all tables)",
        pull_rate,
        "rows/s",
        raw_rate,
        pull_rate / raw_rate,
        "≥ 5,000/s",
        pull_rate >= 5000,
    )


# The pull of one size in a process of its own, so its peak memory is the pull's and not what
# an earlier size or the newsroom's making left behind.
PULL_IN_FRESH_PROCESS = """
import json, sys
from pathlib import Path
from tests.perf.bench_sync import _pull
print(json.dumps(_pull(sys.argv[1], Path(sys.argv[2]))))
"""

# The pull pages the newsroom (``PAGE`` rows at a time), so what it holds at its peak does not
# grow with the newsroom: the same bound at every size, where the baseline (every row in memory
# at once, as the raw insert takes them) grows with it.
PULL_PEAK_MB = 200


def run_scale(items: int) -> list[Result]:
    """A fresh desktop's first pull of the board newsroom of ``items`` items."""
    if not os.environ.get("NEWSDESK_TEST_PG_URL"):
        print("bench_sync needs NEWSDESK_TEST_PG_URL (the local PostgreSQL)", file=sys.stderr)
        return []
    with databases("postgresql") as fresh, tempfile.TemporaryDirectory() as scratch:
        newsroom = fresh()
        _newsroom_server(newsroom, workspace_log(board_workspace(items)))
        with serving(newsroom) as address:
            out = subprocess.run(
                [sys.executable, "-c", PULL_IN_FRESH_PROCESS, address, scratch],
                capture_output=True,
                text=True,
                timeout=1800,
                check=True,
            ).stdout
    timings = json.loads(out.splitlines()[-1])
    return [
        _pull_result(f"the board newsroom of {items:,} items", timings),
        Result(
            f"first pull of {items:,} items: peak memory over the process before it",
            timings["peak_mb"],
            "MB",
            timings["raw_peak_mb"],
            timings["peak_mb"] / timings["raw_peak_mb"],
            f"flat: < {PULL_PEAK_MB} MB at every size",
            timings["peak_mb"] < PULL_PEAK_MB,
        ),
    ]


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
        newsroom = fresh()
        _newsroom_server(newsroom, demo_log(10_000 if quick else 1_000_000))
        with serving(newsroom) as address:
            results.append(_pull_result("the demo newsroom", _pull(address, folder)))
        url = fresh()
        engine = make_engine(url)
        room = seed(engine)
        engine.dispose()
        with serving(url) as address:
            timings = _push(address, room.news, count, folder)
            push_rate, raw_pg = count / timings["push"], count / timings["raw"]
            results.append(
                Result(
                    f"push {count:,} editor-mix mutations to PostgreSQL until the outbox is empty",
                    push_rate,
                    "mutations/s",
                    raw_pg,
                    push_rate / raw_pg,
                    "≥ 2,000/s and ratio ≥ 0.1",
                    push_rate >= 2000 and push_rate / raw_pg >= 0.1,
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
