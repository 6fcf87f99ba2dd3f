"""The desktop's side of sync over its local database: the outbox, pulled pages, the cursor.

A pulled page is laid down in one transaction: the outbox's effects are taken back (newest
first, from their before-images), rows this desktop cannot read are set aside (kept and
reported, never retried for ever: another user's content must not stop this desktop's sync),
the server's other rows are written, the outcomes the server reports
settle the outbox, what is still pending is applied again on top, and the cursor that covers the
page is saved, all or nothing. A pull never deletes a local row, so an empty or restored server
cannot wipe a desktop.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, delete, insert, select, update

from newsdesk.core.model import Article, Proposal
from newsdesk.core.mutation import Mutation
from newsdesk.store import search
from newsdesk.store.apply import MUTATIONS, Status, mutation_from_row, replay, search_document
from newsdesk.store.codec import from_db_time, from_row, row_from_json
from newsdesk.store.schema import AuditOutboxRow, Base, SetAsideRow
from newsdesk.store.store import SETTINGS, SYNC_SERVER, Store
from newsdesk.store.world import CHUNK, DbWorld
from newsdesk.sync import protocol
from newsdesk.sync.rows import BY_ARTICLE, SECRET_COLUMNS, SYNCED, from_wire

CURSOR: Final = "sync.cursor"
EPOCH: Final = "sync.epoch"
SERVER: Final = SYNC_SERVER  # the service's address
ACCOUNT: Final = "sync.user"  # the id of the user this workspace syncs as
VERIFIER: Final = "sync.verifier"  # Argon2 hash of the account's password, for offline sign-in
USERS: Final = SYNCED["users"][1]
SET_ASIDE: Final = Base.metadata.tables[SetAsideRow.__tablename__]
AUDIT_OUTBOX: Final = Base.metadata.tables[AuditOutboxRow.__tablename__]  # see Store.note
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """A mutation the server refused, with its reason, for the Sync problems panel."""

    mutation: Mutation
    code: str
    message: str
    source: str | None
    params: Mapping[str, Any]


@dataclass(frozen=True)
class SetAside:
    """A pulled row this desktop could not lay down, and why."""

    table: str
    key: str
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class PageApplied:
    rows: int
    accepted: int
    refused: int
    tables: frozenset[str]  # what changed, so screens re-read only what they show
    set_aside: int = 0


class Replica:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- settings -----------------------------------------------------------------------------

    @property
    def cursor(self) -> int:
        return int(self.store.setting(CURSOR) or 0)

    @property
    def epoch(self) -> str | None:
        return self.store.setting(EPOCH)

    @property
    def server(self) -> str | None:
        return self.store.setting(SERVER)

    @property
    def account(self) -> str | None:
        return self.store.setting(ACCOUNT)

    def connect(self, server: str, user_id: str) -> None:
        """Remember which service and account this workspace syncs with."""
        self.store.set_setting(SERVER, server)
        self.store.set_setting(ACCOUNT, user_id)

    def remember_verifier(self, user_id: str, verifier: str) -> None:
        """Keep an Argon2 verifier of the account's password, so it can sign in offline; it is
        laid on the account's row now if pulled already, else when the row arrives."""
        with self.store.engine.begin() as conn:
            _set(conn, VERIFIER, verifier)
            _lay_verifier(conn)

    # --- the outbox ---------------------------------------------------------------------------

    def outbox_after(self, seq: int, limit: int = protocol.MAX_PUSH) -> list[tuple[int, Mutation]]:
        """Pending mutations after local sequence number ``seq``, in order, with theirs."""
        query = (
            select(MUTATIONS)
            .where(MUTATIONS.c.status == Status.PENDING.value, MUTATIONS.c.seq > seq)
            .order_by(MUTATIONS.c.seq)
            .limit(limit)
        )
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [(int(row["seq"]), mutation_from_row(row)) for row in rows]

    def problems(self) -> list[Problem]:
        """Refused mutations their author has not put away yet, oldest first."""
        query = (
            select(MUTATIONS)
            .where(MUTATIONS.c.status == Status.REFUSED.value)
            .order_by(MUTATIONS.c.seq)
        )
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            Problem(
                mutation_from_row(row),
                str((row["refusal"] or {}).get("code", "")),
                str((row["refusal"] or {}).get("message", "")),
                (row["refusal"] or {}).get("source"),
                dict((row["refusal"] or {}).get("params") or {}),
            )
            for row in rows
        ]

    def dismiss(self, mutation_ids: Iterable[str]) -> None:
        ids = list(mutation_ids)
        with self.store.engine.begin() as conn:
            conn.execute(
                update(MUTATIONS)
                .where(MUTATIONS.c.id.in_(ids), MUTATIONS.c.status == Status.REFUSED.value)
                .values(status=Status.DISMISSED.value)
            )

    def needing_merge(self) -> list[Article]:
        """Articles holding a conflict revision that waits for a merge."""
        table = SYNCED["articles"][1]
        with self.store.engine.connect() as conn:
            ids = conn.execute(
                select(table.c.id)
                .where(table.c.merge_revision_id.is_not(None))
                .order_by(table.c.updated_at.desc())
            ).scalars()
            world = DbWorld(conn)
            found = [world.article(i) for i in ids]
        return [a for a in found if a is not None]

    # --- pulling ------------------------------------------------------------------------------

    def apply_page(self, page: protocol.PullResponse) -> PageApplied:
        """Lay down one pulled page and save its cursor and epoch, in one transaction."""
        with self.store.engine.begin() as conn:
            pending = _pending(conn)
            touched = _undo(conn, pending)
            readable, unreadable = _vet(page.rows)
            _set_aside(conn, readable, unreadable)
            written = _write_rows(conn, readable)
            tables = set(written)
            touched |= tables
            known = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == EPOCH)).scalar()
            if page.channels is not None and known == page.epoch:
                dropped = _drop_unseen(conn, frozenset(page.channels))
                touched |= dropped
                for key in dropped:
                    written.pop(key, None)
            # The state under the outbox is indexed now; the replay indexes what it changes.
            _reindex(conn, touched, written)
            accepted, refused = _settle(conn, page.outcomes)
            still = [m for m in pending if m.id not in accepted and m.id not in refused]
            images = replay(conn, still)
            for mutation_id, image in images.items():
                conn.execute(
                    update(MUTATIONS)
                    .where(MUTATIONS.c.id == mutation_id)
                    .values(before_images=image)
                )
            if "users" in {t for t, _ in tables}:
                _lay_verifier(conn)
            _set(conn, CURSOR, str(page.cursor))
            _set(conn, EPOCH, page.epoch)
        return PageApplied(
            len(page.rows),
            len(accepted),
            len(refused),
            frozenset(t for t, _ in tables),
            len(unreadable),
        )

    def audit_outbox(self, limit: int = 500) -> list[dict[str, Any]]:
        """Events waiting for the server's audit log, oldest first, as the wire carries them."""
        query = select(AUDIT_OUTBOX).order_by(AUDIT_OUTBOX.c.at).limit(limit)
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            {
                "id": row["id"],
                "at": from_db_time(row["at"]).isoformat(),
                "event": row["event"],
                "detail": row["detail"],
            }
            for row in rows
        ]

    def forget_reported(self, ids: Sequence[str]) -> None:
        with self.store.engine.begin() as conn:
            conn.execute(delete(AUDIT_OUTBOX).where(AUDIT_OUTBOX.c.id.in_(list(ids))))

    def set_aside(self) -> list[SetAside]:
        """The pulled rows this desktop could not lay down, newest first."""
        query = select(SET_ASIDE).order_by(SET_ASIDE.c.at.desc())
        with self.store.engine.connect() as conn:
            found = conn.execute(query).all()
        return [
            SetAside(row.entity_table, row.row_id, row.reason, from_db_time(row.at))
            for row in found
        ]

    def prepare_repush(self, epoch: str, actor: str) -> int:
        """The server was restored from an older backup (its epoch changed): put every change
        this workspace made back in the outbox, to push again. The server recognises the ones it
        still has by their ids; nothing local is removed. Returns how many will be pushed."""
        with self.store.engine.begin() as conn:
            changed = conn.execute(
                update(MUTATIONS)
                .where(
                    MUTATIONS.c.status == Status.ACCEPTED.value,
                    MUTATIONS.c.actor == actor,
                )
                .values(status=Status.PENDING.value, before_images=None)
            ).rowcount
            _set(conn, CURSOR, "0")
            _set(conn, EPOCH, epoch)
        return int(changed)


def _set(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(SETTINGS).where(SETTINGS.c.key == key))
    conn.execute(insert(SETTINGS).values(key=key, value=value))


def _lay_verifier(conn: Connection) -> None:
    account = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == ACCOUNT)).scalar()
    verifier = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == VERIFIER)).scalar()
    if account and verifier:
        conn.execute(update(USERS).where(USERS.c.id == account).values(password_hash=verifier))


def _pending(conn: Connection) -> list[Mutation]:
    query = (
        select(MUTATIONS)
        .where(MUTATIONS.c.status == Status.PENDING.value)
        .order_by(MUTATIONS.c.seq)
    )
    rows = conn.execute(query).mappings().all()
    return [mutation_from_row(row) for row in rows]


def _undo(conn: Connection, pending: Sequence[Mutation]) -> set[tuple[str, str]]:
    """Take the outbox's effects back, newest first, from the rows it replaced."""
    touched: set[tuple[str, str]] = set()
    if not pending:
        return touched
    images = conn.execute(
        select(MUTATIONS.c.before_images)
        .where(MUTATIONS.c.status == Status.PENDING.value)
        .order_by(MUTATIONS.c.seq.desc())
    ).scalars()
    unindexed: list[tuple[str, str]] = []
    for batch in images:
        for table_name, key, image in reversed(batch or []):
            table = SYNCED[table_name][1]
            column = table.c[_key_name(table_name)]
            conn.execute(delete(table).where(column == key))
            if image is not None:
                conn.execute(insert(table).values(row_from_json(table, image)))
            elif table_name in _SEARCH_KINDS:
                unindexed.append((_SEARCH_KINDS[table_name], key))
            touched.add((table_name, key))
    # A row the outbox created is gone again: so is its search entry, or replaying the
    # creation would index it twice.
    search.remove_documents(conn, unindexed)
    return touched


_SEARCH_KINDS: Final = {"proposals": "proposal", "articles": "article"}


def _vet(
    rows: Sequence[protocol.WireRow],
) -> tuple[list[protocol.WireRow], list[tuple[protocol.WireRow, str]]]:
    """The rows this desktop can lay down, and the others with the reason: each is decoded
    into its entity and read for the search index, as laying it down will."""
    readable: list[protocol.WireRow] = []
    unreadable: list[tuple[protocol.WireRow, str]] = []
    for wire in rows:
        if wire.row is None or wire.table not in SYNCED:
            readable.append(wire)
            continue
        cls, table = SYNCED[wire.table]
        try:
            decoded = from_wire(table, wire.row)
            hidden = dict.fromkeys(SECRET_COLUMNS.get(wire.table, ()))
            search_document(from_row(cls, {**hidden, **decoded}))
        except Exception as error:  # whatever another desktop or a newer server sent
            log.warning("set aside %s %s: %r", wire.table, wire.key, error)
            unreadable.append((wire, f"{type(error).__name__}: {error}"[:2000]))
        else:
            readable.append(wire)
    return readable, unreadable


def _set_aside(
    conn: Connection,
    readable: Sequence[protocol.WireRow],
    unreadable: Sequence[tuple[protocol.WireRow, str]],
) -> None:
    """Keep the unreadable rows (a later version may read them); forget the ones that now
    arrived readable."""
    held = {
        (r.entity_table, r.row_id)
        for r in conn.execute(select(SET_ASIDE.c.entity_table, SET_ASIDE.c.row_id))
    }
    now = dt.datetime.now(dt.UTC)
    for wire in [*readable, *(w for w, _ in unreadable)]:
        if (wire.table, wire.key) in held:
            conn.execute(
                delete(SET_ASIDE).where(
                    SET_ASIDE.c.entity_table == wire.table, SET_ASIDE.c.row_id == wire.key
                )
            )
    if unreadable:
        conn.execute(
            insert(SET_ASIDE),
            [
                {"entity_table": w.table, "row_id": w.key, "row": w.row, "reason": r, "at": now}
                for w, r in unreadable
            ],
        )


def _key_name(table_name: str) -> str:
    return "sha256" if table_name == "attachments" else "id"


def _write_rows(
    conn: Connection, rows: Sequence[protocol.WireRow]
) -> dict[tuple[str, str], dict[str, Any]]:
    """Write the server's rows over the local ones (a user's local sign-in verifier stays);
    returns them by table and key."""
    written: dict[tuple[str, str], dict[str, Any]] = {}
    by_table: dict[str, dict[str, dict[str, Any]]] = {}
    for wire in rows:
        if wire.row is None or wire.table not in SYNCED:
            continue
        table = SYNCED[wire.table][1]
        row = by_table.setdefault(wire.table, {})[wire.key] = from_wire(table, wire.row)
        written[(wire.table, wire.key)] = row
    for table_name, found in by_table.items():
        table = SYNCED[table_name][1]
        column = table.c[_key_name(table_name)]
        keys = list(found)
        verifiers: dict[str, Any] = {}
        if table is USERS:
            for start in range(0, len(keys), CHUNK):
                verifiers.update(
                    conn.execute(
                        select(USERS.c.id, USERS.c.password_hash).where(
                            USERS.c.id.in_(keys[start : start + CHUNK])
                        )
                    ).all()
                )
            for key, row in found.items():
                row["password_hash"] = verifiers.get(key)
        for start in range(0, len(keys), CHUNK):
            conn.execute(delete(table).where(column.in_(keys[start : start + CHUNK])))
        conn.execute(insert(table), list(found.values()))
    return written


def _drop_unseen(conn: Connection, channels: frozenset[str]) -> set[tuple[str, str]]:
    """Remove what belongs to channels the user may no longer read: proposals, articles (with
    their revisions, decisions, sign-offs and publications) and role grants. Only ever done
    for the server this workspace has been syncing with (same epoch), so a new or restored
    one never can."""
    dropped: set[tuple[str, str]] = set()
    for table_name, (_, table) in SYNCED.items():
        if "channel_id" not in table.c:
            continue
        gone = list(
            conn.execute(select(table.c.id).where(table.c.channel_id.not_in(channels))).scalars()
        )
        for start in range(0, len(gone), CHUNK):
            chunk = gone[start : start + CHUNK]
            if table_name == "articles":
                for child in BY_ARTICLE:
                    child_table = SYNCED[child][1]
                    conn.execute(delete(child_table).where(child_table.c.article_id.in_(chunk)))
            conn.execute(delete(table).where(table.c.id.in_(chunk)))
        dropped.update((table_name, key) for key in gone)
    return dropped


def _settle(conn: Connection, outcomes: Sequence[protocol.Outcome]) -> tuple[set[str], set[str]]:
    """Mark the outbox mutations the server decided; returns the accepted and refused ids."""
    accepted = [o.id for o in outcomes if o.status == "accepted"]
    refused = {o.id: o for o in outcomes if o.status == "refused"}
    for start in range(0, len(accepted), CHUNK):
        conn.execute(
            update(MUTATIONS)
            .where(MUTATIONS.c.id.in_(accepted[start : start + CHUNK]))
            .where(MUTATIONS.c.status == Status.PENDING.value)
            .values(status=Status.ACCEPTED.value, before_images=None)
        )
    for outcome in refused.values():
        conn.execute(
            update(MUTATIONS)
            .where(MUTATIONS.c.id == outcome.id)
            .where(MUTATIONS.c.status == Status.PENDING.value)
            .values(
                status=Status.REFUSED.value,
                before_images=None,
                refusal={
                    "code": outcome.code,
                    "message": outcome.message,
                    "source": outcome.source,
                    "params": outcome.params,
                },
            )
        )
    return set(accepted), set(refused)


def _reindex(
    conn: Connection,
    touched: set[tuple[str, str]],
    written: Mapping[tuple[str, str], Mapping[str, Any]],
) -> None:
    """Index again the proposals and articles the page or the undo changed; the page's own rows
    are decoded as they are, the others read back."""
    world = DbWorld(conn)
    classes: dict[str, type[Proposal] | type[Article]] = {
        "proposals": Proposal,
        "articles": Article,
    }
    for table_name, entity_class in classes.items():
        world.prefetch(
            entity_class,
            [key for name, key in touched if name == table_name and (name, key) not in written],
        )
    documents: list[search.SearchDocument] = []
    gone: list[tuple[str, str]] = []
    for table_name, key in touched:
        cls = classes.get(table_name)
        if cls is None:
            continue
        row = written.get((table_name, key))
        entity = from_row(cls, row) if row is not None else world.current(cls, key)
        if entity is None:
            gone.append((_SEARCH_KINDS[table_name], key))
        elif (document := search_document(entity)) is not None:
            documents.append(document)
    search.remove_documents(conn, gone)
    search.index_documents(conn, documents)
