"""Desktops for sync tests: a real workspace folder each, syncing with the real service through
the real client, and a transport that loses, repeats or delays requests on purpose."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import Engine, event, select

from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ChecklistItem, Proposal
from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.apply import Applied
from newsdesk.store.workspace import Workspace
from newsdesk.sync.client import SyncClient
from newsdesk.sync.replica import Replica
from newsdesk.sync.rows import SYNCED, key_of, to_wire
from tests.sync.conftest import PASSWORD, Api

T = TypeVar("T")
FULL_CHECKLIST = [item.value for item in ChecklistItem]
Rows = dict[tuple[str, str], dict[str, Any]]


class Desk:
    """One desktop: a workspace signed in to the service as ``login``."""

    def __init__(
        self, folder: Path, url: str, login: str, *, sign_in: bool = True, pull: bool = True
    ) -> None:
        self.workspace = Workspace.open(folder, create=True)
        self.replica = Replica(self.workspace.store)
        self.url = url
        self.login = login
        self.clock_skew = dt.timedelta(0)
        # Makes the transport of each run (a transport belongs to one event loop).
        self.transport: Callable[[], httpx.AsyncBaseTransport] | None = None
        if sign_in and pull:
            self.run(lambda client: client.connect(login, PASSWORD))
        elif sign_in:
            self.run(lambda client: client.sign_in(login, PASSWORD))
        account = self.replica.account
        assert account is not None
        self.user_id = account

    def close(self) -> None:
        self.workspace.close()

    def run(self, action: Callable[[SyncClient], Awaitable[T]]) -> T:
        async def go() -> T:
            client = SyncClient(
                self.replica,
                self.url,
                blobs=self.workspace.blobs,
                transport=self.transport() if self.transport else None,
            )
            try:
                return await action(client)
            finally:
                await client.close()

        return asyncio.run(go())

    def sync(self) -> Any:
        return self.run(lambda client: client.round())

    def do(self, kind: Kind, entity: str | None = None, /, **args: Any) -> Applied:
        """Apply a mutation locally (pending), as the desktop's UI would."""
        base_version = args.pop("base_version", None)
        at = dt.datetime.now(dt.UTC) + self.clock_skew
        made = mutation(self.user_id, kind, entity, at=at, base_version=base_version, **args)
        (applied,) = self.workspace.store.apply([made])
        return applied

    def must(self, kind: Kind, entity: str | None = None, /, **args: Any) -> Applied:
        applied = self.do(kind, entity, **args)
        assert applied.accepted, f"{kind} refused here: {applied.outcome}"
        return applied

    def article(self, article_id: str) -> Article:
        with self.workspace.store.world() as world:
            found = world.article(article_id)
        assert found is not None
        return found

    def proposal(self, proposal_id: str) -> Proposal:
        with self.workspace.store.world() as world:
            found = world.proposal(proposal_id)
        assert found is not None
        return found

    def write(
        self, channel: str, title: str = "城市书房开放时间延长", body: str = "<p>初稿</p>"
    ) -> str:
        made = self.must(Kind.ARTICLE_CREATE, channel_id=channel, title=title, body_html=body)
        return made.mutation.entity

    def submit(self, article_id: str) -> None:
        self.must(
            Kind.ARTICLE_SUBMIT,
            article_id,
            revision_id=new_id(),
            content_hash=current_hash(self.article(article_id)),
        )

    def review(self, article_id: str, level: int, verdict: str = "approve") -> Applied:
        return self.do(
            Kind.ARTICLE_REVIEW,
            article_id,
            decision_id=new_id(),
            revision_hash=self.article(article_id).revision_hash,
            level=level,
            verdict=verdict,
            checked=FULL_CHECKLIST,
        )

    def rows(self) -> Rows:
        """Every synced row this desktop holds, as the wire carries it."""
        found: Rows = {}
        with self.workspace.store.engine.connect() as conn:
            for name, (_, table) in SYNCED.items():
                for row in conn.execute(select(table)).mappings():
                    found[(name, key_of(table, row))] = to_wire(table, row)
        return found


def server_view(url: str, login: str) -> Rows:
    """What the service lets ``login`` see, read through its own API."""
    api = Api(url, login)
    try:
        rows, _ = api.pull_all()
    finally:
        api.close()
    return {key: row for key, row in rows.items() if row is not None}


class FlakyTransport(httpx.AsyncBaseTransport):
    """Forwards to the real service, but for requests ``fail`` picks, delivers the request and
    then loses the answer, as a dropped connection would."""

    def __init__(self, fail: Callable[[httpx.Request, int], bool]) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.fail = fail
        self.count = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        answer = await self.inner.handle_async_request(request)
        if self.fail(request, self.count):
            await answer.aread()
            await answer.aclose()
            raise httpx.ReadError("the answer was lost", request=request)
        return answer

    async def aclose(self) -> None:
        await self.inner.aclose()


@contextlib.contextmanager
def disk_fails_once(engine: Engine, *, reads: bool = False) -> Iterator[list[str]]:
    """The first write (INSERT or UPDATE) through ``engine``, or with ``reads`` the first
    statement of any kind, fails as a failing disk makes it fail; yields the statement that
    failed, once it has."""
    failed: list[str] = []
    kinds = ("",) if reads else ("INSERT", "UPDATE")

    def fail_the_first_write(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not failed and statement.lstrip().upper().startswith(kinds):
            failed.append(statement)
            raise sqlite3.OperationalError("disk I/O error")

    event.listen(engine, "before_cursor_execute", fail_the_first_write)
    try:
        yield failed
    finally:
        event.remove(engine, "before_cursor_execute", fail_the_first_write)
