"""Sign-in and tokens as an attacker tried them, over HTTP against the real service on
127.0.0.1 (SQLite and PostgreSQL)."""

from __future__ import annotations

import concurrent.futures
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select

from newsdesk.core.mutation import Kind, mutation
from newsdesk.sync import accounts, protocol
from newsdesk.sync.audit import AUDIT
from tests.sync.conftest import PASSWORD, Api, LiveServer, Newsroom
from tests.sync.test_server_cli import server

SignIn = Callable[..., Api]
NEW_PASSWORD = "晨报-编辑部-2026"


def login(url: str, name: str, password: str, address: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": address} if address else {}
    return httpx.post(
        f"{url}/v1/auth/login",
        json={"protocol": 1, "login": name, "password": password},
        headers=headers,
        timeout=60,
    )


def still_signed_in(api: Api) -> bool:
    return api.http.post("/v1/sync/pull", json={"protocol": 1}).status_code == 200


@pytest.fixture
def forwarded(engine: Engine, room: Newsroom) -> Iterator[LiveServer]:
    """The service behind a (trusted) proxy: tests choose each request's client address."""
    del room
    with LiveServer(engine, trust_forwarded=True) as live:
        yield live


def test_disabling_resetting_or_changing_a_password_ends_the_tokens(
    live: LiveServer, api: SignIn, room: Newsroom, database_url: str
) -> None:
    del room
    # Disabled, then enabled again: the old token stays dead.
    editor = api("editor")
    assert server("users", "disable", "--db", database_url, "--login", "editor").returncode == 0
    assert server("users", "enable", "--db", database_url, "--login", "editor").returncode == 0
    assert not still_signed_in(editor)
    # A new password set by the administrator: every token of the user ends.
    first, second = api("editor"), api("editor")
    reset = server(
        "users", "reset-password", "--db", database_url, "--login", "editor", password=NEW_PASSWORD
    )
    assert reset.returncode == 0, reset.stderr
    assert not still_signed_in(first) and not still_signed_in(second)
    # The user's own change: every token but the one making it.
    here, elsewhere = api("editor", NEW_PASSWORD), api("editor", NEW_PASSWORD)
    changed = here.http.post(
        "/v1/auth/password",
        json={"protocol": 1, "old_password": NEW_PASSWORD, "new_password": "另一个-新密码-77"},
    )
    assert changed.status_code == 204, changed.text
    assert still_signed_in(here) and not still_signed_in(elsewhere)
    assert login(live.url, "editor", "另一个-新密码-77").status_code == 200


def test_a_stolen_token_cannot_take_the_account(api: SignIn, live: LiveServer) -> None:
    thief = api("editor")  # holds the token, not the password
    guessed = thief.http.post(
        "/v1/auth/password",
        json={"protocol": 1, "old_password": "guess", "new_password": "attacker-owns-it-1"},
    )
    assert guessed.status_code == 403
    # Nor by pushing a password hash of their choosing, as a desktop once could.
    pushed = thief.push(
        mutation(thief.user_id, Kind.USER_SET_PASSWORD, thief.user_id, password_hash="$argon2id$x")
    )
    assert pushed.json()["outcomes"][0]["status"] == "refused"
    assert "/v1/auth/password" in pushed.json()["outcomes"][0]["message"]
    assert login(live.url, "editor", PASSWORD).status_code == 200


@pytest.mark.parametrize("weak", ["x", "1234567", "12345678", "a123456", "newsdesk", "editor"])
def test_one_password_policy_for_the_api_and_the_commands(
    api: SignIn, weak: str, database_url: str
) -> None:
    admin, editor = api("admin"), api("editor")
    made = admin.http.post(
        "/v1/users",
        json={"protocol": 1, "login": "editor2", "name": "新编辑", "password": weak},
    )
    assert made.status_code == 422, made.text
    changed = editor.http.post(
        "/v1/auth/password",
        json={"protocol": 1, "old_password": PASSWORD, "new_password": weak},
    )
    assert changed.status_code == 422, changed.text
    added = server(
        "users", "add", "--db", database_url, "--login", "editor", "--name", "x", password=weak
    )
    assert added.returncode == 2
    # Administrators need ten characters.
    admin_short = admin.http.post(
        "/v1/users",
        json={
            "protocol": 1,
            "login": "root2",
            "name": "管理员二",
            "password": "Xq7-p9#Lw",
            "is_admin": True,
        },
    )
    assert admin_short.status_code == 422 and "10" in admin_short.text
    fine = admin.http.post(
        "/v1/users",
        json={"protocol": 1, "login": "editor2", "name": "新编辑", "password": "春江-水暖-鸭先知"},
    )
    assert fine.status_code == 201, fine.text
    not_admin = editor.http.post(
        "/v1/users",
        json={"protocol": 1, "login": "editor3", "name": "x", "password": "春江-水暖-鸭先知"},
    )
    assert not_admin.status_code == 403


def test_forty_parallel_guesses_do_not_all_get_through(forwarded: LiveServer) -> None:
    with concurrent.futures.ThreadPoolExecutor(40) as pool:
        answers = list(
            pool.map(lambda _: login(forwarded.url, "editor", "wrong").status_code, range(40))
        )
    assert 500 not in answers
    assert answers.count(401) <= accounts.LOGIN_FREE
    assert answers.count(429) >= 40 - accounts.LOGIN_FREE


def test_a_spray_from_one_address_is_slowed_and_does_not_lock_the_accounts(
    forwarded: LiveServer, room: Newsroom
) -> None:
    del room
    attacker = "203.0.113.7"
    answers = [login(forwarded.url, f"user{i}", "123456", attacker).status_code for i in range(30)]
    assert answers[: accounts.ADDRESS_FREE] == [401] * accounts.ADDRESS_FREE
    assert set(answers[accounts.ADDRESS_FREE :]) == {429}
    # Four passwords against six real logins: the address is stopped long before the end.
    sprayed = [
        login(forwarded.url, who, password, "198.51.100.9").status_code
        for password in ("123456", "newsdesk", "password", PASSWORD)
        for who in ("editor", "chief", "reviewer1", "reviewer2", "reviewer3", "publisher")
    ]
    assert 200 not in sprayed and sprayed.count(401) <= accounts.ADDRESS_FREE
    # The real users, elsewhere, still sign in: guessing from one place locked nobody out.
    assert login(forwarded.url, "editor", PASSWORD, "192.0.2.50").status_code == 200


def test_a_login_is_locked_only_after_many_guesses_and_an_administrator_unlocks_it(
    forwarded: LiveServer, api: SignIn, database_url: str, engine: Engine
) -> None:
    for attempt in range(accounts.LOGIN_LOCK):
        # Each from another address, waiting out the login's own slow-down.
        forwarded.service.log.clock = lambda a=attempt: accounts.utc_now() + a * accounts.MAX_WAIT
        login(forwarded.url, "reviewer2", "wrong", f"10.0.{attempt}.1")
    forwarded.service.log.clock = lambda: accounts.utc_now() + 30 * accounts.MAX_WAIT
    locked = login(forwarded.url, "reviewer2", PASSWORD, "10.9.9.9")
    assert locked.status_code == 429 and "locked" in locked.text
    # The administrator sees the lock (what the desktop's Admin page shows); nobody else does.
    listed = api("admin").http.post("/v1/users/locks", json={"protocol": 1})
    assert {"login": "reviewer2", "until": None} in listed.json()["locks"]
    assert api("editor").http.post("/v1/users/locks", json={"protocol": 1}).status_code == 403
    unlocked = server("users", "unlock", "--db", database_url, "--login", "reviewer2")
    assert unlocked.returncode == 0, unlocked.stderr
    assert login(forwarded.url, "reviewer2", PASSWORD, "10.9.9.9").status_code == 200
    with engine.connect() as conn:
        events = set(conn.execute(select(AUDIT.c.event)).scalars())
    assert {"login_throttled", "account_unlocked"} <= events


def test_the_answer_time_does_not_tell_which_logins_exist(forwarded: LiveServer) -> None:
    def timed(name: str, address: str) -> float:
        started = time.perf_counter()
        answer = login(forwarded.url, name, "wrong password", address)
        assert answer.status_code == 401
        return time.perf_counter() - started

    known = [timed("editor", f"172.16.0.{i}") for i in range(4)]
    unknown = [timed(f"nobody{i}", f"172.16.1.{i}") for i in range(4)]
    # Both verify a hash now; before, an unknown login answered some thirty times faster.
    assert statistics.median(unknown) > statistics.median(known) / 3


def test_sign_ins_record_the_address_workstation_and_version(
    forwarded: LiveServer, engine: Engine
) -> None:
    answer = httpx.post(
        f"{forwarded.url}/v1/auth/login",
        json={
            "protocol": protocol.PROTOCOL,
            "login": "chief",
            "password": PASSWORD,
            "workstation": "XINWEN-PC-07",
            "app_version": "0.1.0",
        },
        headers={"X-Forwarded-For": "192.0.2.14"},
    )
    assert answer.status_code == 200
    with engine.connect() as conn:
        row: Any = conn.execute(
            select(AUDIT).where(AUDIT.c.event == "login").order_by(AUDIT.c.seq.desc())
        ).first()
    assert (row.address, row.detail["workstation"], row.detail["app"]) == (
        "192.0.2.14",
        "XINWEN-PC-07",
        "0.1.0",
    )
