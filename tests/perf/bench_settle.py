"""Settling the outbox: ``python -m tests.perf --only settle``.

A desktop made N changes offline (an editor's working mix, :mod:`tests.perf.mix`), pushes them
to the real service (its own process, over a SQLite file) and pulls until the outbox is empty.
Timed: the desktop laying the pulled pages down (taking back and applying again what each page
touches, settling outcomes), summed over the pages. Settling must grow linearly with the work:
N = 20,000 within 2.5x the time of N = 10,000 (``--quick``: 4,000 against 2,000). The baseline is
the smaller run.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync import protocol
from newsdesk.sync.client import SyncClient
from newsdesk.sync.replica import PageApplied, Replica
from tests.perf import Result
from tests.perf.bench_sync import serving
from tests.perf.mix import editor_mix
from tests.sync.conftest import PASSWORD, seed


class TimedReplica(Replica):
    """A replica that adds up the time spent laying pulled pages down."""

    seconds = 0.0

    def apply_page(self, page: protocol.PullResponse) -> PageApplied:
        started = time.perf_counter()
        try:
            return super().apply_page(page)
        finally:
            self.seconds += time.perf_counter() - started


def settle(folder: Path, count: int) -> float:
    """Seconds spent settling ``count`` pending changes, pushed to a fresh service."""
    url = f"sqlite:///{folder / 'server.db'}"
    engine = make_engine(url)
    room = seed(engine)
    engine.dispose()
    with serving(url) as address, Workspace.open(folder / "desk", create=True) as workspace:
        replica = TimedReplica(workspace.store)

        async def connect() -> None:
            client = SyncClient(replica, address, blobs=workspace.blobs)
            try:
                await client.connect("editor", PASSWORD)
            finally:
                await client.close()

        asyncio.run(connect())
        user_id = replica.account or ""
        workspace.store.apply(list(editor_mix(user_id, room.news, count)))
        assert workspace.store.pending_count() == count
        replica.seconds = 0.0

        async def sync() -> None:
            client = SyncClient(replica, address, blobs=workspace.blobs)
            try:
                while workspace.store.pending_count():
                    done = await client.round()
                    assert done.push_error is None, done.push_error
            finally:
                await client.close()

        asyncio.run(sync())
        assert not replica.problems()
        return replica.seconds


def run(quick: bool) -> list[Result]:
    small = 2_000 if quick else 10_000
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "small").mkdir()
        (Path(scratch) / "large").mkdir()
        base = settle(Path(scratch) / "small", small)
        large = settle(Path(scratch) / "large", 2 * small)
    ratio = large / base
    return [
        Result(
            f"settle {2 * small:,} pending vs {small:,} (s)",
            large,
            "s",
            base,
            ratio,
            "ratio ≤ 2.5 (linear)",
            ratio <= 2.5,
        )
    ]
