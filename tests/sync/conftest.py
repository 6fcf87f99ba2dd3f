"""A real sync service on 127.0.0.1 over a real SQLite file or PostgreSQL database, seeded with a
small newsroom through the service's own administrator path, and a thin HTTP client for it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine

from newsdesk.core.ids import new_id
from newsdesk.core.model import Role
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.passwords import hash_password
from newsdesk.store.store import make_engine
from newsdesk.sync import admin, protocol
from newsdesk.sync.audit import Keys, default_config_dir
from newsdesk.sync.server import create_app
from newsdesk.sync.service import Service
from tests.core.newsroom import CREDITS

if TYPE_CHECKING:
    from tests.sync.desks import Desk

PASSWORD = "newsdesk-pass"
# login -> roles in "news" (three levels) and "library" (one level)
CAST: dict[str, tuple[tuple[Role, ...], tuple[Role, ...]]] = {
    "chief": ((Role.CHIEF,), (Role.CHIEF,)),
    "editor": ((Role.EDITOR,), ()),
    "librarian": ((), (Role.EDITOR,)),
    "reviewer1": ((Role.REVIEWER1,), (Role.REVIEWER1,)),
    "reviewer2": ((Role.REVIEWER2,), ()),
    "reviewer3": ((Role.REVIEWER3,), ()),
    "publisher": ((Role.PUBLISHER,), (Role.PUBLISHER,)),
}


@dataclass
class Newsroom:
    """The seeded ids: users by login, and the two channels."""

    users: dict[str, str] = field(default_factory=dict)
    news: str = ""
    library: str = ""


def keys() -> Keys:
    """The service's audit key and anchors, where the commands look by default."""
    return Keys(default_config_dir())


def seed(engine: Engine) -> Newsroom:
    admin.init(engine, keys(), "admin", "管理员", PASSWORD)
    service = Service(engine)
    room = Newsroom()
    room.users["admin"] = admin._user_id(engine, "admin")
    administrator = room.users["admin"]
    room.news, room.library = new_id(), new_id()
    batch: list[Mutation] = [
        mutation(
            administrator, Kind.CHANNEL_CREATE, room.news, name="新闻", review_levels=3, **CREDITS
        ),
        mutation(
            administrator,
            Kind.CHANNEL_CREATE,
            room.library,
            name="图书馆",
            review_levels=1,
            **CREDITS,
        ),
    ]
    hashed = hash_password(PASSWORD)
    for login, (news_roles, library_roles) in CAST.items():
        user_id = room.users[login] = new_id()
        batch.append(
            mutation(
                administrator,
                Kind.USER_CREATE,
                user_id,
                login=login,
                name=login.title(),
                password_hash=hashed,
            )
        )
        for channel, roles in ((room.news, news_roles), (room.library, library_roles)):
            for role in roles:
                batch.append(
                    mutation(
                        administrator,
                        Kind.ROLE_GRANT,
                        f"{user_id}/{channel}/{role.value}",
                        user_id=user_id,
                        channel_id=channel,
                        role=role.value,
                    )
                )
    applied = service.ledger.administer(batch)
    assert all(a.accepted for a in applied), [str(a.outcome) for a in applied if not a.accepted]
    return room


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    """uvicorn serving the app in a thread of this process."""

    def __init__(
        self,
        engine: Engine,
        *,
        trust_forwarded: bool = False,
        tls: tuple[Path, Path] | None = None,
        **app_options: Any,
    ) -> None:
        """``tls``: serve HTTPS with this certificate and key (PEM files)."""
        self.engine = engine
        self.service = Service(engine)
        self.port = free_port()
        config = uvicorn.Config(
            create_app(self.service, **app_options),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            # With it, a test speaks for clients at many addresses (X-Forwarded-For), as the
            # reverse proxy in front of a real service does.
            proxy_headers=trust_forwarded,
            forwarded_allow_ips="127.0.0.1" if trust_forwarded else None,
            ssl_certfile=str(tls[0]) if tls else None,
            ssl_keyfile=str(tls[1]) if tls else None,
        )
        self.scheme = "https" if tls else "http"
        self.server = admin.HttpServer(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the sync service did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    made = make_engine(database_url)
    yield made
    made.dispose()


@pytest.fixture
def room(engine: Engine) -> Newsroom:
    return seed(engine)


@pytest.fixture
def live(engine: Engine, room: Newsroom) -> Iterator[LiveServer]:
    del room
    with LiveServer(engine) as server:
        yield server


class Api:
    """A signed-in HTTP client of the service, as a hand-crafted script would be."""

    def __init__(self, url: str, login: str, password: str = PASSWORD) -> None:
        self.http = httpx.Client(base_url=url, timeout=30)
        answer = self.http.post(
            "/v1/auth/login",
            json={"protocol": protocol.PROTOCOL, "login": login, "password": password},
        )
        assert answer.status_code == 200, answer.text
        self.token = answer.json()["token"]
        self.user_id = answer.json()["user_id"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"

    def push(self, *mutations: Mutation) -> httpx.Response:
        return self.http.post(
            "/v1/sync/push",
            json={
                "protocol": protocol.PROTOCOL,
                "mutations": [m.to_wire() for m in mutations],
            },
        )

    def pull(self, cursor: int = 0, **extra: Any) -> dict[str, Any]:
        answer = self.http.post(
            "/v1/sync/pull", json={"protocol": protocol.PROTOCOL, "cursor": cursor, **extra}
        )
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result

    def pull_all(self, limit: int = 1000) -> tuple[dict[tuple[str, str], dict[str, Any]], int]:
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        cursor = 0
        while True:
            page = self.pull(cursor, limit=limit)
            for row in page["rows"]:
                rows[(row["table"], row["key"])] = row["row"]
            cursor = page["cursor"]
            if not page["more"]:
                return rows, cursor

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def api(live: LiveServer) -> Iterator[Any]:
    made: list[Api] = []

    def sign_in(login: str, password: str = PASSWORD) -> Api:
        made.append(Api(live.url, login, password))
        return made[-1]

    yield sign_in
    for client in made:
        client.close()


@pytest.fixture
def desk(tmp_path: Path, live: LiveServer) -> Iterator[Callable[[str], Desk]]:
    """``desk("editor")``: a desktop signed in to the live service, closed afterwards."""
    from tests.sync.desks import Desk  # desks imports this module

    made: list[Desk] = []

    def open_desk(login: str) -> Desk:
        made.append(Desk(tmp_path / f"desk-{login}-{len(made)}", live.url, login))
        return made[-1]

    yield open_desk
    for each in made:
        each.close()
