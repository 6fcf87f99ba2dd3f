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
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection, delete, insert, select, update

from newsdesk.core.model import Article, Proposal
from newsdesk.core.mutation import Mutation
from newsdesk.core.refusal import Refusal
from newsdesk.store import outbox, search
from newsdesk.store.apply import (
    MUTATION_COLUMNS,
    Status,
    mutation_from_row,
    replay,
    search_document,
)
from newsdesk.store.codec import from_db_time, from_row, row_from_json
from newsdesk.store.schema import AUDIT_OUTBOX, MUTATIONS, SET_ASIDE, SETTINGS
from newsdesk.store.store import SYNC_SERVER, Store
from newsdesk.store.world import CHUNK, DbWorld
from newsdesk.sync import limits
from newsdesk.sync.rows import BY_ARTICLE, SECRET_COLUMNS, SYNCED, from_wire

if TYPE_CHECKING:  # its models load pydantic; the desktop's first frame needs only the limits
    from newsdesk.sync import protocol

CURSOR: Final = "sync.cursor"
EPOCH: Final = "sync.epoch"
SERVER: Final = SYNC_SERVER  # the service's address
ACCOUNT: Final = "sync.user"  # the id of the user this workspace syncs as
VERIFIER: Final = "sync.verifier"  # Argon2 hash of the account's password, for offline sign-in
CHANNELS: Final = "sync.channels"  # the channels the user could read at the last page
MAX_PUSH: Final = "sync.max_push"  # the most mutations the server takes in one push
USERS: Final = SYNCED["users"][1]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """A mutation the server refused, with its reason, for the Sync problems panel."""

    mutation: Mutation
    refusal: Refusal


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

    def outbox_after(self, seq: int, limit: int = limits.MAX_PUSH) -> list[tuple[int, Mutation]]:
        """Pending mutations after local sequence number ``seq``, in order, with theirs."""
        query = (
            select(MUTATIONS.c.seq, *MUTATION_COLUMNS)
            .where(MUTATIONS.c.status == Status.PENDING.value, MUTATIONS.c.seq > seq)
            .order_by(MUTATIONS.c.seq)
            .limit(limit)
        )
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [(int(row["seq"]), mutation_from_row(row)) for row in rows]

    def push_limits(self) -> tuple[int, int]:
        """The largest request (bytes) and push (mutations) the server last announced."""
        size = self.store.setting(outbox.MAX_REQUEST)
        count = self.store.setting(MAX_PUSH)
        return (
            int(size) if size else limits.MAX_BODY,
            int(count) if count else limits.MAX_PUSH,
        )

    def set_push_limits(self, max_request_bytes: int, max_push: int) -> None:
        with self.store.engine.begin() as conn:
            _set(conn, outbox.MAX_REQUEST, str(max_request_bytes))
            _set(conn, MAX_PUSH, str(max_push))

    def mark_sent(self, seq: int) -> int:
        """Outbox mutations up to ``seq`` are about to be sent: no later save may be folded
        into them. Returns the mark as it was, for :meth:`unmark_sent`."""
        with self.store.engine.begin() as conn:
            was = outbox.sent_upto(conn)
            _set(conn, outbox.SENT, str(max(was, seq)))
        return was

    def unmark_sent(self, was: int) -> None:
        """The request never reached the server (no connection, or refused at the door)."""
        with self.store.engine.begin() as conn:
            _set(conn, outbox.SENT, str(was))

    def refuse_here(self, mutation_id: str, refusal: Refusal) -> None:
        """A pending mutation no push can carry (the server's limit fell below its size): kept
        as refused, with the reason, for its author to see; it stays applied here until the
        rows it wrote are pulled again."""
        with self.store.engine.begin() as conn:
            conn.execute(
                update(MUTATIONS)
                .where(MUTATIONS.c.id == mutation_id, MUTATIONS.c.status == Status.PENDING.value)
                .values(
                    status=Status.REFUSED.value,
                    before_images=None,
                    refusal=refusal.to_json(),
                )
            )
            outbox.forget_rows(conn, [mutation_id])

    def problems(self) -> list[Problem]:
        """Refused mutations their author has not put away yet, oldest first."""
        query = (
            select(MUTATIONS)
            .where(MUTATIONS.c.status == Status.REFUSED.value)
            .order_by(MUTATIONS.c.seq)
        )
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [Problem(mutation_from_row(row), Refusal.from_json(row["refusal"])) for row in rows]

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
        """Lay down one pulled page and save its cursor and epoch, in one transaction.

        Only the pending mutations under the page are taken back and applied again: those
        that wrote a row the page brings or drops, those the server refused, and, after each,
        the later ones that wrote the same rows. The rest of the outbox stays as it is, so
        settling costs what the page touches, not the outbox's length. A row the page brings
        exactly as this desktop holds it, written only by changes the page accepts (the
        desktop's own changes coming back), is left as it is: nothing to take back, lay down
        or index again."""
        with self.store.engine.begin() as conn:
            vetted = _vet(page.rows)
            keys = set(vetted.decoded)
            known = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == EPOCH)).scalar()
            visible = frozenset(page.channels) if page.channels is not None else None
            dropping = visible is not None and known == page.epoch
            readable_now = json.dumps(sorted(visible or ()))
            held = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == CHANNELS))
            # Only when the channels the user may read changed: else every row held is in one.
            gone = (
                _unseen(conn, visible)
                if visible is not None and dropping and held.scalar() != readable_now
                else set()
            )
            refused_ids = {o.id for o in page.outcomes if o.status == "refused"}
            accepted_ids = {o.id for o in page.outcomes if o.status == "accepted"}
            same = _as_held(conn, vetted.decoded, accepted_ids) - gone
            while True:
                under = _under(conn, (keys - same) | gone, refused_ids)
                restored = {(table, key) for images in under.values() for table, key, _ in images}
                if not same & restored:
                    break
                same -= restored  # taken back with another row: laid down again
            touched, unindexed = _undo(conn, under.values())
            _set_aside(conn, vetted.readable, vetted.unreadable)
            written = _write_rows(conn, vetted, same)
            tables = set(written)
            touched |= tables
            if visible is not None and dropping:
                dropped = _drop(conn, gone | _unseen_among(conn, visible, touched))
                touched |= dropped
                for key in dropped:
                    written.pop(key, None)
            # The state under the outbox is indexed now; the replay indexes what it changes.
            _reindex(conn, touched, written, vetted.documents, unindexed)
            accepted, refused = _settle(conn, page.outcomes)
            outbox.forget_rows(conn, sorted(accepted | refused))
            still = _mutations(conn, [i for i in under if i not in accepted and i not in refused])
            images = replay(conn, still)
            outbox.forget_rows(conn, [m.id for m in still])
            outbox.index_rows(conn, {m.id: outbox.touched_keys(m, images[m.id]) for m in still})
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
            if dropping:
                _set(conn, CHANNELS, readable_now)
        return PageApplied(
            len(page.rows),
            len(accepted),
            len(refused),
            frozenset(t for t, _ in tables),
            len(vetted.unreadable),
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


def _under(conn: Connection, keys: set[tuple[str, str]], refused: set[str]) -> dict[str, list[Any]]:
    """The pending mutations a page must take back, by id oldest first, with their
    before-images: the ones that wrote any of ``keys`` or were ``refused``, and, after each,
    every later one that wrote a row it wrote (taking one back restores its rows as they were
    before it). Only those the page leaves pending are read whole (see :func:`_mutations`)."""
    found: dict[str, int] = {}  # mutation id -> seq
    since: dict[tuple[str, str], int] = {}  # row -> the lowest seq taken back that wrote it

    def take(ids: set[str], later_than: dict[tuple[str, str], int] | None) -> set[tuple[str, str]]:
        """Add those of ``ids`` that qualify; returns the rows the added ones wrote."""
        wrote: set[tuple[str, str]] = set()
        if not ids:
            return wrote
        rows = outbox.rows_of(conn, sorted(ids))
        for mutation_id, seq in _seqs(conn, sorted(ids)).items():
            if later_than is not None and not any(
                seq > later_than.get(key, seq) for key in rows[mutation_id]
            ):
                continue
            found[mutation_id] = seq
            wrote |= rows[mutation_id]
            for key in rows[mutation_id]:
                since[key] = min(since.get(key, seq), seq)
        return wrote

    if not refused and outbox.is_empty(conn):
        return {}
    wrote = take(outbox.pending_under(conn, keys) | refused, None)
    while wrote:
        wrote = take(outbox.pending_under(conn, wrote) - set(found), since)
    if not found:
        return {}
    order = sorted(found, key=found.__getitem__)
    loaded: dict[str, list[Any]] = {}
    for start in range(0, len(order), CHUNK):
        query = select(MUTATIONS.c.id, MUTATIONS.c.before_images).where(
            MUTATIONS.c.id.in_(order[start : start + CHUNK])
        )
        for row in conn.execute(query):
            loaded[row.id] = list(row.before_images or ())
    return {i: loaded[i] for i in order}


def _mutations(conn: Connection, ids: Sequence[str]) -> list[Mutation]:
    """The logged mutations ``ids``, in that order."""
    loaded: dict[str, Mutation] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(*MUTATION_COLUMNS).where(MUTATIONS.c.id.in_(ids[start : start + CHUNK]))
        for row in conn.execute(query).mappings():
            loaded[row["id"]] = mutation_from_row(row)
    return [loaded[i] for i in ids]


def _seqs(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    """The sequence numbers of those of ``ids`` still pending."""
    found: dict[str, int] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(MUTATIONS.c.id, MUTATIONS.c.seq).where(
            MUTATIONS.c.id.in_(ids[start : start + CHUNK]),
            MUTATIONS.c.status == Status.PENDING.value,
        )
        found.update({row.id: int(row.seq) for row in conn.execute(query)})
    return found


def _undo(
    conn: Connection, under: Iterable[list[Any]]
) -> tuple[set[tuple[str, str]], dict[tuple[str, str], search.Indexed]]:
    """Take back the mutations whose before-images are ``under`` (oldest first): each row they
    wrote goes back to its before-image in the oldest of them that wrote it (what taking them
    back one by one, newest first, leaves), written in bulk. Returns the rows restored and what
    the search index held for the rows removed."""
    oldest: dict[tuple[str, str], Any] = {}
    for batch in under:
        for table_name, key, image in batch:
            oldest.setdefault((table_name, key), image)
    by_table: dict[str, list[tuple[str, Any]]] = {}
    for (table_name, key), image in oldest.items():
        by_table.setdefault(table_name, []).append((key, image))
    unindexed: list[tuple[str, str]] = []
    for table_name, found in by_table.items():
        table = SYNCED[table_name][1]
        column = table.c[_key_name(table_name)]
        keys = [key for key, _ in found]
        for start in range(0, len(keys), CHUNK):
            conn.execute(delete(table).where(column.in_(keys[start : start + CHUNK])))
        restored = [row_from_json(table, image) for _, image in found if image is not None]
        if restored:
            conn.execute(insert(table), restored)
        if table_name in _SEARCH_KINDS:
            unindexed += [(_SEARCH_KINDS[table_name], key) for key, image in found if image is None]
    # A row the outbox created is gone again: so is its search entry, or replaying the
    # creation would index it twice.
    return set(oldest), search.remove_documents(conn, unindexed)


_SEARCH_KINDS: Final = {"proposals": "proposal", "articles": "article"}


@dataclass
class _Vetted:
    """A page's rows read once: those this desktop can lay down (decoded, with what search
    indexes of each) and the others with the reason."""

    readable: list[protocol.WireRow]
    unreadable: list[tuple[protocol.WireRow, str]]
    decoded: dict[tuple[str, str], dict[str, Any]]
    documents: dict[tuple[str, str], search.SearchDocument | None]


def _vet(rows: Sequence[protocol.WireRow]) -> _Vetted:
    """Decode each row into its entity and read it for the search index, as laying it down
    will; a row that fails is set aside with the reason."""
    vetted = _Vetted([], [], {}, {})
    for wire in rows:
        if wire.row is None or wire.table not in SYNCED:
            vetted.readable.append(wire)
            continue
        cls, table = SYNCED[wire.table]
        try:
            decoded = from_wire(table, wire.row)
            hidden = dict.fromkeys(SECRET_COLUMNS.get(wire.table, ()))
            document = search_document(from_row(cls, {**hidden, **decoded}))
        except Exception as error:  # whatever another desktop or a newer server sent
            log.warning("set aside %s %s: %r", wire.table, wire.key, error)
            vetted.unreadable.append((wire, f"{type(error).__name__}: {error}"[:2000]))
        else:
            vetted.readable.append(wire)
            vetted.decoded[(wire.table, wire.key)] = decoded
            vetted.documents[(wire.table, wire.key)] = document
    return vetted


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


def _as_held(
    conn: Connection, decoded: Mapping[tuple[str, str], Mapping[str, Any]], accepted: set[str]
) -> set[tuple[str, str]]:
    """Those of the page's rows (``decoded``) that equal the row held here, where every pending
    mutation that wrote the row is among ``accepted``: the server kept the desktop's own
    changes as they were made."""
    if not accepted:
        return set()
    writers = outbox.writers_of(conn, decoded)
    candidates = sorted(key for key, ids in writers.items() if ids <= accepted)
    by_table: dict[str, list[str]] = {}
    for table_name, key in candidates:
        if table_name not in SECRET_COLUMNS:  # held rows keep local secrets the wire lacks
            by_table.setdefault(table_name, []).append(key)
    same: set[tuple[str, str]] = set()
    for table_name, wanted in by_table.items():
        table = SYNCED[table_name][1]
        column = table.c[_key_name(table_name)]
        for start in range(0, len(wanted), CHUNK):
            query = select(table).where(column.in_(wanted[start : start + CHUNK]))
            for held in conn.execute(query).mappings():
                row_key = (table_name, str(held[column.name]))
                if _equal_rows(held, decoded[row_key]):
                    same.add(row_key)
    return same


def _equal_rows(held: Mapping[Any, Any], pulled: Mapping[str, Any]) -> bool:
    """Whether a row held here has the values of a pulled one (SQLite gives times back
    without their zone: they are UTC)."""
    return held.keys() == pulled.keys() and all(
        (
            value.replace(tzinfo=dt.UTC)
            if isinstance(value, dt.datetime) and not value.tzinfo
            else value
        )
        == pulled[name]
        for name, value in held.items()
    )


def _write_rows(
    conn: Connection, vetted: _Vetted, same: set[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """Write the server's rows over the local ones, but for those held ``same`` already (a
    user's local sign-in verifier stays); returns the rows written by table and key."""
    written: dict[tuple[str, str], dict[str, Any]] = {}
    by_table: dict[str, dict[str, dict[str, Any]]] = {}
    for wire in vetted.readable:
        if wire.row is None or wire.table not in SYNCED or (wire.table, wire.key) in same:
            continue
        row = by_table.setdefault(wire.table, {})[wire.key] = vetted.decoded[(wire.table, wire.key)]
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


def _unseen(conn: Connection, channels: frozenset[str]) -> set[tuple[str, str]]:
    """The rows of channels the user may no longer read: proposals, articles (their revisions,
    decisions, sign-offs and publications go with them) and role grants."""
    found: set[tuple[str, str]] = set()
    for table_name, (_, table) in SYNCED.items():
        if "channel_id" in table.c:
            query = select(table.c.id).where(table.c.channel_id.not_in(channels))
            found.update((table_name, key) for key in conn.execute(query).scalars())
    return found


def _unseen_among(
    conn: Connection, channels: frozenset[str], keys: set[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Those of ``keys`` (rows just written or restored) in channels the user may not read."""
    found: set[tuple[str, str]] = set()
    for table_name, (_, table) in SYNCED.items():
        wanted = sorted(key for name, key in keys if name == table_name)
        if "channel_id" not in table.c or not wanted:
            continue
        for start in range(0, len(wanted), CHUNK):
            query = select(table.c.id).where(
                table.c.id.in_(wanted[start : start + CHUNK]),
                table.c.channel_id.not_in(channels),
            )
            found.update((table_name, key) for key in conn.execute(query).scalars())
    return found


def _drop(conn: Connection, gone: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Remove ``gone`` (see :func:`_unseen`), with the rows of each article. Only ever done
    for the server this workspace has been syncing with (same epoch), so a new or restored
    one never can."""
    for table_name, (_, table) in SYNCED.items():
        keys = sorted(key for name, key in gone if name == table_name)
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            if table_name == "articles":
                for child in BY_ARTICLE:
                    child_table = SYNCED[child][1]
                    conn.execute(delete(child_table).where(child_table.c.article_id.in_(chunk)))
            conn.execute(delete(table).where(table.c.id.in_(chunk)))
    return gone


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
                refusal=outcome.refusal().to_json(),
            )
        )
    return set(accepted), set(refused)


def _reindex(
    conn: Connection,
    touched: set[tuple[str, str]],
    written: Mapping[tuple[str, str], Mapping[str, Any]],
    documents: Mapping[tuple[str, str], search.SearchDocument | None],
    unindexed: Mapping[tuple[str, str], search.Indexed],
) -> None:
    """Index again the proposals and articles the page or the undo changed; the page's own rows
    as :func:`_vet` read them, the others read back. What the undo took out of the index
    (``unindexed``) is reused where the text is the same: usually the page brings back the
    desktop's own rows, as they were."""
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
    found: list[search.SearchDocument] = []
    gone: list[tuple[str, str]] = []
    for table_name, key in touched:
        cls = classes.get(table_name)
        if cls is None:
            continue
        if (table_name, key) in written:
            document = documents[(table_name, key)]
        else:
            entity = world.current(cls, key)
            if entity is None:
                gone.append((_SEARCH_KINDS[table_name], key))
                continue
            document = search_document(entity)
        if document is not None:
            found.append(document)
    search.remove_documents(conn, gone)
    search.index_documents(conn, found, removed=unindexed)
