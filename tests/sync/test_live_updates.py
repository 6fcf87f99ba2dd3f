"""Live updates against the real service on 127.0.0.1: a desktop keeps a long-poll open and
pulls as soon as the head moves, well before its 5-second poll; on PostgreSQL a push accepted
by one service instance wakes the long-polls held by another on the same database."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, event

from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.store import make_engine
from newsdesk.sync.client import SyncClient, SyncLoop
from newsdesk.sync.heads import Heads
from newsdesk.sync.status import State, SyncStatus
from tests.sync.conftest import Api, LiveServer, Newsroom, seed
from tests.sync.desks import Desk


def heads_of(server: LiveServer) -> Heads:
    heads = server.server.config.app.state.heads
    assert isinstance(heads, Heads)
    return heads


async def until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {seconds} s")
        await asyncio.sleep(0.01)


def test_a_change_on_one_desktop_shows_on_the_other_within_a_second(
    live: LiveServer, room: Newsroom, desk: Callable[[str], Desk]
) -> None:
    office, laptop = desk("editor"), desk("editor")
    heads = heads_of(live)

    made_here: list[str] = []

    async def morning() -> None:
        sender = SyncClient(office.replica, live.url, blobs=office.workspace.blobs)
        receiver = SyncClient(laptop.replica, live.url, blobs=laptop.workspace.blobs)
        statuses: list[SyncStatus] = []
        syncing = SyncLoop(receiver, statuses.append, interval=5.0)
        task = asyncio.create_task(syncing.run())
        try:
            await until(lambda: any(s.state is State.ONLINE for s in statuses), 10)
            await until(lambda: heads.waiting == 1, 10)
            for title in ("早班快讯 7:30", "新政解读", "晚间推送"):
                made = office.must(Kind.PROPOSAL_CREATE, channel_id=room.news, title=title)
                done = await sender.round()
                assert done.pushed == 1
                proposal = made.mutation.entity
                assert proposal is not None
                made_here.append(proposal)
                # Each of three within a second: the 5-second poll cannot explain them all.
                await until(lambda p=proposal: _holds(laptop, p), 1.0)
            rounds = sum(1 for s in statuses if s.state is State.ONLINE)
            assert rounds <= 1 + 3 * 2  # one round per change (at most one more from the poll)
        finally:
            syncing.stop()
            await asyncio.gather(task, return_exceptions=True)
            await sender.close()
            await receiver.close()
        assert syncing.watcher is not None and syncing.watcher.done()

    asyncio.run(morning())
    titles = [laptop.proposal(p).title for p in made_here]
    assert titles == ["早班快讯 7:30", "新政解读", "晚间推送"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_live_updates_outlast_a_failed_read_on_this_computer(
    live: LiveServer,
    room: Newsroom,
    desk: Callable[[str], Desk],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The workspace fails the long-poll's read of its cursor once (a disk error): the failure
    is logged, the wait backs off and resumes, and a colleague's change still arrives at once,
    long before the next round (an hour away here)."""
    office, laptop = desk("editor"), desk("editor")
    heads = heads_of(live)
    failed: list[str] = []

    def from_the_watcher() -> bool:
        frame = sys._getframe()
        while frame is not None:
            if frame.f_code.co_qualname.startswith("SyncLoop._watch"):
                return True
            frame = frame.f_back  # type: ignore[assignment]
        return False

    def disk_error_on_the_watcher_s_first_read(
        _conn: Any, _cursor: Any, statement: str, *_args: Any
    ) -> None:
        if not failed and "settings" in statement and from_the_watcher():
            failed.append(statement)
            raise sqlite3.OperationalError("disk I/O error")

    async def day() -> None:
        sender = SyncClient(office.replica, live.url, blobs=office.workspace.blobs)
        receiver = SyncClient(laptop.replica, live.url, blobs=laptop.workspace.blobs)
        statuses: list[SyncStatus] = []
        syncing = SyncLoop(receiver, statuses.append, interval=3600.0)
        task = asyncio.create_task(syncing.run())
        try:
            await until(lambda: any(s.state is State.ONLINE for s in statuses), 10)
            await until(lambda: heads.waiting == 1, 10)  # waiting again after the back-off
            made = office.must(Kind.PROPOSAL_CREATE, channel_id=room.news, title="午间快讯")
            assert (await sender.round()).pushed == 1
            proposal = made.mutation.entity
            assert proposal is not None
            await until(lambda: _holds(laptop, proposal), 1.0)
            assert syncing.watcher is not None and not syncing.watcher.done()
        finally:
            syncing.stop()
            await asyncio.gather(task, return_exceptions=True)
            await sender.close()
            await receiver.close()
        assert [s.state for s in statuses].count(State.FAILED) == 0  # the rounds never failed

    engine = laptop.workspace.store.engine
    event.listen(engine, "before_cursor_execute", disk_error_on_the_watcher_s_first_read)
    try:
        with caplog.at_level(logging.ERROR, logger="newsdesk.sync.client"):
            asyncio.run(day())
    finally:
        event.remove(engine, "before_cursor_execute", disk_error_on_the_watcher_s_first_read)
    assert len(failed) == 1
    assert [r.getMessage() for r in caplog.records] == [
        "waiting for changes failed on this computer"
    ]


@pytest.fixture
def two_instances(pg_url: str) -> Iterator[tuple[LiveServer, LiveServer, Newsroom]]:
    """Two service instances on one PostgreSQL database, each with its own engine and its own
    listener, as two ``serve`` processes behind a proxy are."""
    engines: list[Engine] = [make_engine(pg_url), make_engine(pg_url)]
    room = seed(engines[0])
    try:
        with LiveServer(engines[0]) as one, LiveServer(engines[1]) as two:
            yield one, two, room
    finally:
        for engine in engines:
            engine.dispose()


def test_a_push_to_one_instance_wakes_a_long_poll_held_by_another(
    two_instances: tuple[LiveServer, LiveServer, Newsroom],
) -> None:
    one, two, room = two_instances
    editor = Api(one.url, "editor")
    watcher = Api(two.url, "chief")
    head = watcher.pull()["head"]
    answers: list[tuple[float, dict[str, Any]]] = []

    def hold() -> None:
        started = time.monotonic()
        answer = watcher.http.get("/v1/changes/wait", params={"after": head})
        assert answer.status_code == 200, answer.text
        answers.append((time.monotonic() - started, answer.json()))

    waiting = threading.Thread(target=hold)
    waiting.start()
    try:
        deadline = time.monotonic() + 10
        while heads_of(two).waiting == 0:
            assert time.monotonic() < deadline, "the long-poll never reached instance two"
            time.sleep(0.01)
        time.sleep(0.3)
        assert not answers, "the long-poll answered before anything changed"
        pushed = editor.push(
            mutation(editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title="两地同步")
        )
        assert pushed.status_code == 200, pushed.text
        (outcome,) = pushed.json()["outcomes"]
        waiting.join(20)
        assert answers, "instance two was not told of the push to instance one"
        waited, moved = answers[0]
        assert moved["head"] == outcome["seq"] > head
        assert waited < 10  # woken by the notification, not by the 25-second timeout
    finally:
        waiting.join(30)
        editor.close()
        watcher.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_long_poll_answers_at_its_timeout_and_refuses_bad_input(live: LiveServer) -> None:
    anonymous = httpx.get(f"{live.url}/v1/changes/wait", params={"after": 0})
    assert anonymous.status_code == 401
    chief = Api(live.url, "chief")
    try:
        head = chief.pull()["head"]
        started = time.monotonic()
        quiet = chief.http.get("/v1/changes/wait", params={"after": head, "timeout": 0.5})
        assert quiet.status_code == 200
        assert quiet.json()["head"] == head
        assert time.monotonic() - started >= 0.5
        behind = chief.http.get("/v1/changes/wait", params={"after": head - 1})
        assert behind.json()["head"] == head  # already past: answered at once
        for params in ({"after": -1}, {"after": "x"}, {"after": 0, "timeout": 3600}, {}):
            bad = chief.http.get("/v1/changes/wait", params=params)
            assert bad.status_code == 422, params
            assert bad.json()["detail"][0]["loc"][-1] in ("after", "timeout")
    finally:
        chief.close()


def _holds(desk: Desk, proposal_id: str) -> bool:
    with desk.workspace.store.world() as world:
        return world.proposal(proposal_id) is not None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_stopping_the_service_answers_the_long_polls_at_once(
    engine: Engine, room: Newsroom
) -> None:
    del room
    answers: list[int] = []
    with LiveServer(engine) as server:
        chief = Api(server.url, "chief")
        head = chief.pull()["head"]

        def hold() -> None:
            answers.append(chief.http.get("/v1/changes/wait", params={"after": head}).status_code)

        waiting = threading.Thread(target=hold)
        waiting.start()
        deadline = time.monotonic() + 10
        while heads_of(server).waiting == 0:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        stopping = time.monotonic()
    waiting.join(5)
    chief.close()
    assert answers == [200]
    assert time.monotonic() - stopping < 5  # not the 25 s the long-poll would have held
