"""The store: one database (SQLite or PostgreSQL) and the operations the application needs."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Executable, create_engine, event, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Mutation
from newsdesk.store import search
from newsdesk.store.apply import (
    Applied,
    Status,
    apply,
    count_pending,
    mutation_from_row,
)
from newsdesk.store.schema import AUDIT_OUTBOX, MUTATIONS, SETTINGS
from newsdesk.store.world import DbWorld

SYNC_SERVER = "sync.server"  # the setting naming the newsroom server a workspace syncs with


class WrongThreadError(RuntimeError):
    """A database connection was used on another thread than the one that took it."""


def keep_connections_on_their_thread(engine: Engine) -> None:
    """Make a connection of ``engine`` refuse (:class:`WrongThreadError`) to run a statement on
    any thread but the one that took it from the pool.

    The desktop runs its database work on threads of its own (the database thread, the
    publishing thread), each opening its own connections; a connection handed to another
    thread would share one SQLite transaction between two threads unnoticed. This says so at
    the statement that does it.
    """

    @event.listens_for(engine, "checkout")
    def _taken(_dbapi: Any, record: Any, _proxy: Any) -> None:
        record.info["thread"] = threading.get_ident()

    @event.listens_for(engine, "before_cursor_execute")
    def _check(conn: Connection, *_: Any) -> None:
        owner = conn.info.get("thread")
        if owner is not None and owner != threading.get_ident():
            raise WrongThreadError(
                f"a database connection taken on thread {owner} was used on thread "
                f"{threading.get_ident()}"
            )


def confine_to_thread(engine: Engine, is_owner: Callable[[], bool]) -> None:
    """Make ``engine`` refuse (:class:`WrongThreadError`) to run a statement on any thread
    ``is_owner`` does not accept.

    The desktop gives its workspace to one database thread: the screens, the sync client and
    publishing all hand it their database work, so writes stay in one order and no screen
    waits on a statement. This says so at the first statement run anywhere else.
    """

    @event.listens_for(engine, "before_cursor_execute")
    def _check(*_: Any) -> None:
        if not is_owner():
            raise WrongThreadError(
                f"the workspace database was used on thread {threading.current_thread().name}, "
                "not on the database thread"
            )


def make_engine(url: str) -> Engine:
    """An engine with the settings Newsdesk relies on (WAL and a busy timeout on SQLite)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def confine(self, is_owner: Callable[[], bool]) -> None:
        """From now on, run statements only on the thread ``is_owner`` accepts
        (see :func:`confine_to_thread`)."""
        confine_to_thread(self.engine, is_owner)

    def apply(
        self,
        mutations: Sequence[Mutation],
        status: Status = Status.PENDING,
        *,
        before_commit: Callable[[Connection, list[Applied]], object] | None = None,
    ) -> list[Applied]:
        """Apply ``mutations`` in one transaction; see :func:`newsdesk.store.apply.apply`.
        ``before_commit`` does what must succeed for the mutations to be kept (writing a
        publication's files): if it raises, nothing is recorded."""
        with self.engine.begin() as conn:
            applied = apply(conn, mutations, status)
            if before_commit is not None:
                before_commit(conn, applied)
            return applied

    @contextmanager
    def world(self) -> Iterator[DbWorld]:
        """A read-only view for the domain's questions ("may I select this?")."""
        with self.engine.connect() as conn:
            yield DbWorld(conn)

    def pending(self, limit: int | None = None) -> list[Mutation]:
        """The outbox: mutations applied here that the server has not accepted yet, in order."""
        query = (
            select(MUTATIONS)
            .where(MUTATIONS.c.status == Status.PENDING.value)
            .order_by(MUTATIONS.c.seq)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [mutation_from_row(row) for row in conn.execute(query).mappings()]

    def pending_count(self) -> int:
        with self.engine.connect() as conn:
            return count_pending(conn)

    def search(
        self,
        query: str,
        *,
        kinds: Collection[str] | None = None,
        channel_ids: Collection[str] | None = None,
        limit: int = 50,
    ) -> list[search.SearchHit]:
        with self.engine.connect() as conn:
            return search.search(conn, query, kinds=kinds, channel_ids=channel_ids, limit=limit)

    def matching_ids(
        self, query: str, *, channel_ids: Collection[str] | None = None
    ) -> frozenset[str]:
        """The ids of every proposal and article containing ``query``: a filter's search,
        without ranking or snippets."""
        with self.engine.connect() as conn:
            return search.matching_ids(conn, query, channel_ids=channel_ids)

    def note(self, event: str, **detail: Any) -> None:
        """Keep an event for the newsroom server's audit log (an offline sign-in, an export,
        a delivery), sent with the next sync; a workspace that syncs with no server keeps none."""
        if self.setting(SYNC_SERVER) is None:
            return
        with self.engine.begin() as conn:
            conn.execute(
                insert(AUDIT_OUTBOX).values(
                    id=new_id(), at=dt.datetime.now(dt.UTC), event=event, detail=detail
                )
            )

    def setting(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == key)).scalar()
            return str(value) if value is not None else None

    def set_setting(self, key: str, value: str) -> None:
        upsert: Executable
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert  # not on SQLite

            pg = pg_insert(SETTINGS).values(key=key, value=value)
            upsert = pg.on_conflict_do_update(index_elements=["key"], set_={"value": value})
        else:
            lite = sqlite_insert(SETTINGS).values(key=key, value=value)
            upsert = lite.on_conflict_do_update(index_elements=["key"], set_={"value": value})
        with self.engine.begin() as conn:
            conn.execute(upsert)
