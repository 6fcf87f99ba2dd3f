"""``newsdesk-server`` run as a user runs it: init, users, audit verify, backup and restore while
serving, and a service killed with SIGKILL in the middle of a push."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, update

from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.apply import MUTATIONS
from newsdesk.store.store import make_engine
from newsdesk.sync import protocol
from newsdesk.sync.audit import AUDIT
from newsdesk.sync.service import Service
from tests.sync.conftest import PASSWORD, Api, LiveServer, free_port, seed
from tests.sync.desks import Desk, server_view

SERVER = str(Path(sys.executable).with_name("newsdesk-server"))


def server(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    stdin_flag = ["--password-stdin"] if password is not None else []
    return subprocess.run(
        [SERVER, "--lang", "en", *args, *stdin_flag],
        input=f"{password}\n" if password is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_init_and_user_commands(database_url: str) -> None:
    created = server("init", "--db", database_url, "--admin", "root", password="短")
    assert created.returncode == 2 and "at least 10 characters" in created.stderr
    created = server("init", "--db", database_url, "--admin", "root", password=PASSWORD)
    assert created.returncode == 0, created.stderr
    again = server("init", "--db", database_url, "--admin", "root", password=PASSWORD)
    assert again.returncode == 2 and "already has users" in again.stderr
    added = server(
        "users",
        "add",
        "--db",
        database_url,
        "--login",
        "wangfang",
        "--name",
        "王芳",
        password="first-password",
    )
    assert added.returncode == 0, added.stderr
    duplicate = server(
        "users",
        "add",
        "--db",
        database_url,
        "--login",
        "WangFang",
        "--name",
        "王芳",
        password="first-password",
    )
    assert duplicate.returncode == 2 and "already taken" in duplicate.stderr
    reset = server(
        "users",
        "reset-password",
        "--db",
        database_url,
        "--login",
        "wangfang",
        password="second-password",
    )
    assert reset.returncode == 0, reset.stderr
    engine = make_engine(database_url)
    try:
        service = Service(engine)
        with pytest.raises(PermissionError):
            service.accounts.login("wangfang", "first-password")
        assert service.accounts.login("wangfang", "second-password")[2].name == "王芳"
        disabled = server("users", "disable", "--db", database_url, "--login", "wangfang")
        assert disabled.returncode == 0, disabled.stderr
        with pytest.raises(PermissionError):
            service.accounts.login("wangfang", "second-password")
        missing = server("users", "disable", "--db", database_url, "--login", "nobody")
        assert missing.returncode == 2 and "no user “nobody”" in missing.stderr
        verified = server("audit", "verify", "--db", database_url)
        assert verified.returncode == 0 and "verifies" in verified.stdout
        with engine.begin() as conn:
            conn.execute(update(AUDIT).where(AUDIT.c.seq == 2).values(detail={"forged": True}))
        broken = server("audit", "verify", "--db", database_url)
        assert broken.returncode == 1 and "entry 2" in broken.stderr
    finally:
        engine.dispose()


def test_a_backup_taken_while_serving_restores_with_a_new_epoch(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    room = seed(engine)
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    backup_file = tmp_path / "backup.jsonl.gz"
    try:
        with LiveServer(engine) as live:
            editor = Api(live.url, "editor")
            for _ in range(3):
                editor.push(
                    mutation(editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title="稿")
                )
            before_epoch = httpx.get(f"{live.url}/v1/health").json()["epoch"]
            taken = server("backup", "--db", database_url, "--out", str(backup_file))
            assert taken.returncode == 0, taken.stderr
            editor.close()
        with engine.connect() as conn:
            accepted = conn.execute(select(func.count()).select_from(MUTATIONS)).scalar_one()
    finally:
        engine.dispose()
    restored = server("restore", "--db", target, "--from", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    twice = server("restore", "--db", target, "--from", str(backup_file))
    assert twice.returncode == 2 and "empty database" in twice.stderr
    copy = make_engine(target)
    try:
        with copy.connect() as conn:
            assert conn.execute(select(func.count()).select_from(MUTATIONS)).scalar_one() == (
                accepted
            )
        with LiveServer(copy) as live:
            assert httpx.get(f"{live.url}/v1/health").json()["epoch"] != before_epoch
            editor = Api(live.url, "editor")
            rows, _ = editor.pull_all()
            assert sum(1 for table, _ in rows if table == "proposals") == 3
            editor.close()
    finally:
        copy.dispose()
    garbage = tmp_path / "garbage.gz"
    garbage.write_bytes(b"not a backup")
    refused = server(
        "restore", "--db", f"sqlite:///{tmp_path / 'other.db'}", "--from", str(garbage)
    )
    assert refused.returncode == 2 and "not a readable backup" in refused.stderr


def _serve(database_url: str, port: int, *options: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [SERVER, "serve", "--db", database_url, "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the service did not start")


def test_serve_takes_the_request_limit_it_announces(database_url: str) -> None:
    assert (
        server("init", "--db", database_url, "--admin", "root", password=PASSWORD).returncode == 0
    )
    port = free_port()
    process = _serve(database_url, port, "--max-request-mb", "2")
    try:
        health = httpx.get(f"http://127.0.0.1:{port}/v1/health").json()
        assert health["max_request_bytes"] == 2 * 1024 * 1024
        refused = httpx.post(
            f"http://127.0.0.1:{port}/v1/sync/push", content=b" " * (2 * 1024 * 1024 + 1)
        )
        assert refused.status_code == 413
    finally:
        process.terminate()
        process.wait(30)
    assert server("serve", "--db", database_url, "--max-request-mb", "0.5").returncode == 2


def test_a_service_killed_mid_push_loses_nothing_and_duplicates_nothing(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    room = seed(engine)
    port = free_port()
    url = f"http://127.0.0.1:{port}"

    process = _serve(database_url, port)
    try:
        editor = Api(url, "editor")
        batches = [
            [
                mutation(
                    editor.user_id,
                    Kind.PROPOSAL_CREATE,
                    new_id(),
                    channel_id=room.news,
                    title=f"稿{b}-{i}",
                )
                for i in range(protocol.MAX_PUSH)
            ]
            for b in range(4)
        ]
        assert editor.push(*batches[0]).status_code == 200

        def push_second() -> None:
            with contextlib.suppress(httpx.TransportError):
                editor.push(*batches[1])

        pusher = threading.Thread(target=push_second)
        pusher.start()
        time.sleep(0.05)  # the service is reading or applying the second batch
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        pusher.join()
        editor.close()
        process = _serve(database_url, port)
        editor = Api(url, "editor")
        for batch in batches:  # the client retries everything it has no answer for
            outcomes = editor.push(*batch).json()["outcomes"]
            assert all(o["status"] == "accepted" for o in outcomes)
        with engine.connect() as conn:
            ids = [m.id for batch in batches for m in batch]
            stored = conn.execute(
                select(func.count()).select_from(MUTATIONS).where(MUTATIONS.c.id.in_(ids))
            ).scalar_one()
        assert stored == len(ids)
        rows, _ = editor.pull_all()
        assert sum(1 for table, _ in rows if table == "proposals") == len(ids)
        editor.close()
    finally:
        process.kill()
        process.wait()
        engine.dispose()


def test_a_desktop_whose_service_is_killed_mid_push_retries_and_each_change_lands_once(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    room = seed(engine)
    port = free_port()
    process = _serve(database_url, port)
    desk = Desk(tmp_path / "desk", f"http://127.0.0.1:{port}", "editor")
    try:
        made = [desk.write(room.news, f"稿{i}") for i in range(4 * protocol.MAX_PUSH)]

        def stored() -> int:
            with engine.connect() as conn:
                return int(
                    conn.execute(
                        select(func.count())
                        .select_from(MUTATIONS)
                        .where(MUTATIONS.c.actor == desk.user_id)
                    ).scalar_one()
                )

        failures: list[BaseException] = []

        def sync() -> None:
            try:
                desk.sync()
            except Exception as error:  # the service died under it: expected
                failures.append(error)

        syncing = threading.Thread(target=sync)
        syncing.start()
        deadline = time.monotonic() + 60
        while stored() < protocol.MAX_PUSH and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        syncing.join(60)
        assert failures, "the round should have failed with the service gone"
        assert desk.workspace.store.pending_count() > 0
        process = _serve(database_url, port)
        desk.sync()
        assert desk.workspace.store.pending_count() == 0
        assert stored() == len(made)
        seen = server_view(f"http://127.0.0.1:{port}", "editor")
        assert sorted(k for t, k in seen if t == "articles") == sorted(made)
        assert desk.rows() == seen
    finally:
        desk.close()
        process.kill()
        process.wait()
        engine.dispose()
