"""Twenty desktops pushing at once through two service processes' worth of servers on one
PostgreSQL, while another desktop pulls in small pages: no row is ever skipped."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.store import make_engine
from tests.sync.conftest import Api, LiveServer, seed

PUSHERS = 20
PUSHES = 10
PER_PUSH = 5


def test_twenty_concurrent_pushers_never_make_a_pull_skip_a_row(pg_url: str) -> None:
    engine, other = make_engine(pg_url), make_engine(pg_url)
    room = seed(engine)
    try:
        with LiveServer(engine) as first, LiveServer(other) as second:
            chief = Api(first.url, "chief")
            created: list[str] = []
            lock = threading.Lock()

            def push(number: int) -> None:
                api = Api((first, second)[number % 2].url, "editor")
                try:
                    for _ in range(PUSHES):
                        batch = [
                            mutation(
                                api.user_id,
                                Kind.PROPOSAL_CREATE,
                                channel_id=room.news,
                                title=f"并发 {number}",
                            )
                            for _ in range(PER_PUSH)
                        ]
                        outcomes = api.push(*batch).json()["outcomes"]
                        assert all(o["status"] == "accepted" for o in outcomes)
                        with lock:
                            created.extend(str(m.entity) for m in batch)
                finally:
                    api.close()

            seen: set[str] = set()
            cursor = 0

            def pull_round() -> bool:
                nonlocal cursor
                page = chief.pull(cursor, limit=7)
                seen.update(r["key"] for r in page["rows"] if r["table"] == "proposals")
                cursor = page["cursor"]
                return bool(page["more"])

            with ThreadPoolExecutor(PUSHERS) as pool:
                futures = [pool.submit(push, n) for n in range(PUSHERS)]
                while not all(f.done() for f in futures):
                    pull_round()
                for future in futures:
                    future.result()
            while pull_round():
                pass
            assert len(created) == PUSHERS * PUSHES * PER_PUSH
            assert seen == set(created)
            chief.close()
    finally:
        engine.dispose()
        other.dispose()
