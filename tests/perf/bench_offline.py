"""An offline writer: ``python -m tests.perf --only offline``.

An editor signed in, then lost the network and kept writing one long article (100,000
characters of Chinese): 500 autosaves, each the whole body and its base, with the desktop
trying to sync every 25 saves and finding the server unreachable. Then the network is back:
timed from reconnecting until the outbox is empty, on the real service (its own process, over a
SQLite file) and the real client. Target: under 30 s, in consecutive rounds, nothing refused.
The baseline is one round carrying one autosave of the same article.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from pathlib import Path

from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync.client import SyncClient, UnreachableError
from newsdesk.sync.replica import Replica
from tests.perf import Result
from tests.perf.bench_sync import serving
from tests.sync.conftest import PASSWORD, free_port, seed

LENGTH = 100_000
SENTENCE = "城市书房夜间开放，读者络绎不绝。"


def body(version: int) -> str:
    text = SENTENCE * (LENGTH // len(SENTENCE))
    cut = (version * 97) % (len(text) - 20)
    return f"<p>{text[:cut]}第{version}稿{text[cut + len(str(version)) + 2 :]}</p>"


def run(quick: bool) -> list[Result]:
    saves = 100 if quick else 500
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        url = f"sqlite:///{folder / 'server.db'}"
        engine = make_engine(url)
        room = seed(engine)
        engine.dispose()
        with serving(url) as address, Workspace.open(folder / "desk", create=True) as workspace:
            replica = Replica(workspace.store)
            dead = f"http://127.0.0.1:{free_port()}"

            async def go() -> tuple[float, float, float, int, int]:
                online = SyncClient(replica, address, blobs=workspace.blobs)
                offline = SyncClient(replica, dead, blobs=workspace.blobs)
                try:
                    await online.connect("editor", PASSWORD)
                    user = replica.account or ""
                    made = mutation(
                        user,
                        Kind.ARTICLE_CREATE,
                        channel_id=room.news,
                        title="长篇",
                        body_html=body(0),
                    )
                    workspace.store.apply([made])
                    await online.round()
                    article, saved = made.entity, body(0)
                    started = time.perf_counter()
                    workspace.store.apply([edit(user, article, body(1), saved)])
                    await online.round()
                    one = time.perf_counter() - started
                    saved = body(1)
                    started = time.perf_counter()
                    for version in range(2, saves + 2):
                        text = body(version)
                        (applied,) = workspace.store.apply([edit(user, article, text, saved)])
                        assert applied.accepted, applied.outcome
                        saved = text
                        if version % 25 == 0:
                            with contextlib.suppress(UnreachableError):
                                await offline.round()
                    writing = time.perf_counter() - started
                    started = time.perf_counter()
                    rounds = 0
                    while workspace.store.pending_count():
                        done = await online.round()
                        assert done.push_error is None, done.push_error
                        rounds += 1
                    synced = time.perf_counter() - started
                    refused = len(replica.problems())
                    return synced, one, writing, rounds, refused
                finally:
                    await online.close()
                    await offline.close()

            synced, one, writing, rounds, refused = asyncio.run(go())
    return [
        Result(
            f"offline writer: {saves} autosaves of a {LENGTH:,}-char article, reconnect "
            f"({rounds} rounds, {refused} refused; writing took {writing:.1f} s)",
            synced,
            "s",
            one,
            synced / one,
            "< 30 s, nothing refused",
            synced < 30 and refused == 0,
        )
    ]


def edit(user: str, article: str, text: str, saved: str) -> Mutation:
    """One autosave: the new body and the one it replaced."""
    return mutation(user, Kind.ARTICLE_EDIT, article, body_html=text, base={"body_html": saved})
