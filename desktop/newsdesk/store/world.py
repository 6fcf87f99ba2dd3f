"""The domain's :class:`~newsdesk.core.world.World` over a database connection.

One instance serves one batch of mutations inside one transaction. Reads are cached and
overlaid with the batch's own pending writes, so a later mutation sees what an earlier one in
the same batch did; :meth:`DbWorld.flush` writes everything with one statement per table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    String,
    any_,
    bindparam,
    func,
    insert,
    select,
    update,
)

from newsdesk.core.model import (
    AccountMonth,
    Article,
    Attachment,
    Channel,
    Entity,
    Lead,
    NotificationReads,
    PlatformAccount,
    PlatformFigures,
    Proposal,
    Publication,
    ReaderMessage,
    ReviewDecision,
    Revision,
    RoleGrant,
    SignOff,
    Source,
    SourceFollows,
    User,
    YearTarget,
)
from newsdesk.store.codec import TABLES, from_row, key_column, to_row

E = TypeVar("E", bound=Entity)
_MISSING = object()
CHUNK = 2000  # ids per IN (...) query, well under SQLite's 32,766 variables


def among(
    conn: Connection, column: ColumnElement[Any], values: Sequence[Any]
) -> ColumnElement[bool]:
    """``column IN values``. On PostgreSQL ``column = ANY(:values)``, one array parameter: the
    statement reads the same for any number of values, so it is compiled, sent and planned
    once, where an ``IN`` list of each new length is rendered and planned anew (half the cost
    of the lookups a push makes)."""
    if conn.dialect.name == "postgresql":
        # Strings as VARCHAR[] without the column's length: a cast to VARCHAR(64) would cut a
        # longer value to one that may exist.
        item = String() if isinstance(column.type, String) else column.type
        return column == any_(bindparam(None, list(values), type_=ARRAY(item)))
    return column.in_(values)


class ConcurrentWriteError(RuntimeError):
    """Another transaction changed a row this batch read; the batch must be decided again."""


class DbWorld:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cache: dict[tuple[type, str], Any] = {}
        # class -> key -> (latest value, row_version in the database or None if the row is new)
        self._pending: dict[type, dict[str, tuple[Entity, int | None]]] = defaultdict(dict)
        # (class, column, value) -> the rows the database holds with that value
        self._children: dict[tuple[type, str, Any], list[Any]] = {}
        # (class, column) -> value -> key -> this batch's pending values, made on first use
        self._pending_by: dict[tuple[type, str], dict[Any, dict[str, Entity]]] = {}

    # --- reading ------------------------------------------------------------------------------

    def exists(self, cls: type[Entity], key: str) -> bool:
        return self._by_key(cls, key) is not None

    def _by_key(self, cls: type[E], key: str | None) -> E | None:
        if key is None:
            return None
        pending = self._pending[cls].get(key)
        if pending is not None:
            return pending[0]  # type: ignore[return-value]
        return self._stored(cls, key)

    def current(self, cls: type[E], key: str) -> E | None:
        """The row's value as this batch sees it: staged, cached or read."""
        return self._by_key(cls, key)

    def prefetch(self, cls: type[Entity], keys: Iterable[str]) -> None:
        """Load many rows in a few queries, so deciding a batch does not query row by row."""
        table, column = TABLES[cls], key_column(cls)
        wanted = [k for k in set(keys) if (cls, k) not in self._cache]
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            for key in chunk:
                self._cache[(cls, key)] = None
            for row in self.conn.execute(
                select(table).where(among(self.conn, table.c[column], chunk))
            ).mappings():
                self._cache[(cls, row[column])] = from_row(cls, row)

    def prefetch_children(self, cls: type[Entity], column: str, keys: Iterable[str]) -> None:
        """Load the rows of ``cls`` whose ``column`` holds one of ``keys`` in a few queries, as
        :meth:`_where` finds them one key at a time (remembered under the key itself)."""
        table = TABLES[cls]
        wanted = [k for k in set(keys) if (cls, column, k) not in self._children]
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            found: dict[str, list[Any]] = {key: [] for key in chunk}
            for row in self.conn.execute(
                select(table).where(among(self.conn, table.c[column], chunk))
            ).mappings():
                found[row[column]].append(from_row(cls, row))
            for key, rows in found.items():
                self._children[(cls, column, key)] = rows

    def _where(self, cls: type[E], column: str, value: Any) -> list[E]:
        """Rows of ``cls`` whose ``column`` is ``value``, with this batch's pending values laid
        over them."""
        memo_key = (cls, column, value)
        if memo_key not in self._children:
            table = TABLES[cls]
            self._children[memo_key] = [
                from_row(cls, row)
                for row in self.conn.execute(
                    select(table).where(table.c[column] == value)
                ).mappings()
            ]
        stored = self._children[memo_key]
        by_value = self._pending_by_column(cls, column)  # type: ignore[arg-type]
        pending: dict[str, Any] | None = by_value.get(value)
        # Most reads find rows of the database alone or of this batch alone: no merging then.
        if not pending:
            return list(stored)
        if not stored:
            return list(pending.values())
        found = {e.id: e for e in stored}
        found.update(pending)
        return list(found.values())

    def _pending_by_column(self, cls: type[Entity], column: str) -> dict[Any, dict[str, Entity]]:
        """This batch's pending values of ``cls`` by their ``column`` (kept by :meth:`stage`), so
        laying them over a query's rows does not go through every pending value each time."""
        index = self._pending_by.get((cls, column))
        if index is None:
            index = self._pending_by[(cls, column)] = defaultdict(dict)
            for key, (entity, _) in self._pending[cls].items():
                index[getattr(entity, column)][key] = entity
        return index

    def user(self, user_id: str) -> User | None:
        return self._by_key(User, user_id)

    def user_by_login(self, login: str) -> User | None:
        found = self._where(User, "login", login.lower())
        return found[0] if found else None

    def has_users(self) -> bool:
        if self._pending[User]:
            return True
        table = TABLES[User]
        return bool(self.conn.execute(select(func.count()).select_from(table)).scalar())

    def channel(self, channel_id: str) -> Channel | None:
        return self._by_key(Channel, channel_id)

    def channel_by_name(self, name: str) -> Channel | None:
        found = self._where(Channel, "name", name)
        return found[0] if found else None

    def channel_by_slug(self, slug: str) -> Channel | None:
        found = self._where(Channel, "slug", slug)
        return found[0] if found else None

    def grant(self, grant_id: str) -> RoleGrant | None:
        return self._by_key(RoleGrant, grant_id)

    def grants_of(self, user_id: str) -> Sequence[RoleGrant]:
        return [g for g in self._where(RoleGrant, "user_id", user_id) if g.active]

    def proposal(self, proposal_id: str) -> Proposal | None:
        return self._by_key(Proposal, proposal_id)

    def article(self, article_id: str) -> Article | None:
        return self._by_key(Article, article_id)

    def revision(self, revision_id: str) -> Revision | None:
        return self._by_key(Revision, revision_id)

    # Decisions and sign-offs are read per article, every revision at once (a handful of rows):
    # that way a batch's are prefetched by article, whichever revision each mutation meets.
    def decisions(self, article_id: str, revision_number: int) -> Sequence[ReviewDecision]:
        return [
            d
            for d in self._where(ReviewDecision, "article_id", article_id)
            if d.revision_number == revision_number
        ]

    def sign_off(self, article_id: str, revision_number: int) -> SignOff | None:
        found = [
            s
            for s in self._where(SignOff, "article_id", article_id)
            if s.revision_number == revision_number
        ]
        return found[0] if found else None

    def publications(self, article_id: str) -> Sequence[Publication]:
        return self._where(Publication, "article_id", article_id)

    def attachment(self, sha256: str) -> Attachment | None:
        return self._by_key(Attachment, sha256)

    def source(self, source_id: str) -> Source | None:
        return self._by_key(Source, source_id)

    def sources_of(self, channel_id: str) -> Sequence[Source]:
        return self._where(Source, "channel_id", channel_id)

    def lead(self, lead_id: str) -> Lead | None:
        return self._by_key(Lead, lead_id)

    def account(self, account_id: str) -> PlatformAccount | None:
        return self._by_key(PlatformAccount, account_id)

    def account_month(self, month_id: str) -> AccountMonth | None:
        return self._by_key(AccountMonth, month_id)

    def figures(self, figures_id: str) -> PlatformFigures | None:
        return self._by_key(PlatformFigures, figures_id)

    def target(self, target_id: str) -> YearTarget | None:
        return self._by_key(YearTarget, target_id)

    def message(self, message_id: str) -> ReaderMessage | None:
        return self._by_key(ReaderMessage, message_id)

    def notification_reads(self, user_id: str) -> NotificationReads | None:
        return self._by_key(NotificationReads, user_id)

    def source_follows(self, user_id: str) -> SourceFollows | None:
        return self._by_key(SourceFollows, user_id)

    # --- writing ------------------------------------------------------------------------------

    def stage(self, entities: Iterable[Entity]) -> None:
        for entity in entities:
            cls = type(entity)
            pending = self._pending[cls]
            previous = pending.get(entity.id)
            if previous is not None:
                pending[entity.id] = (entity, previous[1])
            else:
                pending[entity.id] = (
                    entity,
                    None if entity.row_version == 1 else entity.row_version - 1,
                )
            for (indexed, column), index in self._pending_by.items():
                if indexed is cls:
                    if previous is not None:
                        index[getattr(previous[0], column)].pop(entity.id, None)
                    index[getattr(entity, column)][entity.id] = entity

    def staged(self) -> list[tuple[Entity, Entity | None]]:
        """Every value waiting to be written, with the row the database holds under it
        (``None``: it is a new row)."""
        return [
            (entity, None if db_version is None else self._stored(cls, key))
            for cls, pending in self._pending.items()
            for key, (entity, db_version) in pending.items()
        ]

    def _stored(self, cls: type[E], key: str) -> E | None:
        """The row as the database holds it, before this batch's writes."""
        cached = self._cache.get((cls, key), _MISSING)
        if cached is _MISSING:
            table = TABLES[cls]
            row = (
                self.conn.execute(select(table).where(table.c[key_column(cls)] == key))
                .mappings()
                .first()
            )
            cached = from_row(cls, row) if row is not None else None
            self._cache[(cls, key)] = cached
        return cached  # type: ignore[no-any-return]

    def flush(self) -> None:
        """Write the pending values: inserts, then updates guarded by the version they read."""
        inserts: dict[type, list[dict[str, Any]]] = defaultdict(list)
        updates: dict[type, list[dict[str, Any]]] = defaultdict(list)
        for entity, db_version in (v for p in self._pending.values() for v in p.values()):
            row = to_row(entity)
            if db_version is None:
                inserts[type(entity)].append(row)
            else:
                row["_key"], row["_expected"] = row[key_column(type(entity))], db_version
                updates[type(entity)].append(row)
        for cls, rows in inserts.items():
            self.conn.execute(insert(TABLES[cls]), rows)
        for cls, rows in updates.items():
            table, column = TABLES[cls], key_column(cls)
            statement = (
                update(table)
                .where(table.c[column] == bindparam("_key"))
                .where(table.c.row_version == bindparam("_expected"))
                .values({c.name: bindparam(c.name) for c in table.columns})
            )
            for row in rows:
                # Executed row by row: the row count per statement is what detects a lost race.
                if self.conn.execute(statement, row).rowcount != 1:
                    raise ConcurrentWriteError(f"{table.name} {row['_key']} changed meanwhile")
        for cls, pending in self._pending.items():
            for key, (entity, _) in pending.items():
                self._cache[(cls, key)] = entity
        self._pending.clear()
        self._pending_by.clear()
        self._children.clear()
