"""The service's database as every part writes to it: one write transaction at a time, each
recording what it did in the hash-chained audit log, whose head is anchored outside the database
once the transaction committed.

Writes are serialised: on PostgreSQL by a transaction-scoped advisory lock shared by every
service process, on SQLite (one process) by a lock in the process. So sequence numbers are
committed in the order they are handed out, and a pull whose cursor passed a number can never
meet a row committed later with a smaller one.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Final

from sqlalchemy import Connection, Engine, select, text

from newsdesk.core.ids import new_id
from newsdesk.store.schema import AUDIT_LOG as AUDIT
from newsdesk.store.schema import SETTINGS
from newsdesk.sync import audit

EPOCH_KEY: Final = "server.epoch"
WRITE_LOCK_KEY: Final = 7_301_993  # the advisory lock every service process takes to write
LOCK: Final = text("SELECT pg_advisory_xact_lock(:key)")
# Values too large to keep inline (a mutation's arguments, an article's body) are compressed with
# LZ4 rather than PostgreSQL's default pglz, where the server has it: pglz took two fifths of the
# time a push spends writing its log. Set for the transaction only, with the lock (no extra trip).
LOCK_AND_LZ4: Final = text(
    "SELECT pg_advisory_xact_lock(:key), set_config('default_toast_compression', 'lz4', true)"
)
HAS_LZ4: Final = text(
    "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
)

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AuditLog:
    def __init__(self, engine: Engine, keys: audit.Keys, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.keys = keys
        self.clock = clock
        self._key = keys.key
        self._local_lock = threading.Lock()
        self._writes = threading.local()  # the audit head a write transaction made
        self._epoch: str | None = None
        self._lz4: bool | None = None  # whether the PostgreSQL server can compress with LZ4

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One serialised write transaction (see the module's docstring); once it committed,
        the audit chain's new head, if it grew, is anchored outside the database."""
        self._writes.head = None
        if self.engine.dialect.name == "postgresql":
            with self.engine.begin() as conn:
                if self._lz4 is None:
                    self._lz4 = bool(conn.execute(HAS_LZ4).scalar())
                conn.execute(LOCK_AND_LZ4 if self._lz4 else LOCK, {"key": WRITE_LOCK_KEY})
                yield conn
            self._anchor()
            return
        with self._local_lock:
            with self.engine.begin() as conn:
                yield conn
            self._anchor()

    def _anchor(self) -> None:
        grown = self._writes.head
        if grown is not None:
            self._writes.head = None
            self.keys.write_anchor(self.epoch(), *grown)

    def epoch(self) -> str:
        """This database's identity: set at ``init``, new after a restore, so a client notices
        a server that lost what it had accepted."""
        if self._epoch is not None:
            return self._epoch
        with self.engine.connect() as conn:
            value = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == EPOCH_KEY))
            found = value.scalar()
        if found is None:
            raise RuntimeError("the database has no epoch: run `newsdesk-server init` first")
        self._epoch = str(found)
        return self._epoch

    def record(
        self,
        conn: Connection,
        event: str,
        login: str,
        actor_id: str | None,
        detail: Mapping[str, Any],
        *,
        address: str | None = None,
        result: str | None = None,
    ) -> None:
        """Append an entry; call inside :meth:`writing` (the chain needs one writer)."""
        self.record_many(conn, [audit.Entry(event, login, actor_id, detail, address, result)])

    def record_many(self, conn: Connection, entries: Sequence[audit.Entry]) -> None:
        """Append entries, chained, in one statement (inside :meth:`writing`)."""
        if entries:
            self._writes.head = audit.append(conn, self._key, self.clock(), entries)

    def seal_ledger(self) -> None:
        """Vouch once for the users, channels and role grants as they are (a database made
        before the chain covered the ledger, or just initialised); later changes are vouched
        for by their own entries."""
        with self.writing() as conn:
            sealed = conn.execute(
                select(AUDIT.c.seq).where(AUDIT.c.event == "ledger_sealed").limit(1)
            ).first()
            if sealed is not None:
                return
            rows = {
                table.name: audit.row_digests(
                    table.name, conn.execute(select(table)).mappings().all()
                )
                for table in audit.LEDGER_TABLES
            }
            self.record(conn, "ledger_sealed", "newsdesk-server", None, {"rows": rows})


def new_epoch() -> str:
    return new_id()
