"""The desktop's outbox beyond its order: how big a change may be, which saves coalesce, and
which rows each pending change wrote.

*Size.* The newsroom server reads requests up to a limit it announces; the sync client keeps
that limit here (:data:`MAX_REQUEST`). A change that could never fit in one request is refused
before it is queued, with a reason people can act on, instead of jamming the outbox.

*Coalescing.* An editor's autosaves are a stream of ``article.edit`` mutations of one article,
each carrying the changed fields and their base. Consecutive unsent ones are one change: the
newest values with, field by field, the *earliest* base, so a conflict is detected exactly as
the saves one by one would detect it. A save is never folded into a mutation that may have
reached the server (the client marks how far it has sent, :data:`SENT`).

*Rows touched.* ``outbox_rows`` indexes, per pending mutation, the rows it wrote (its
before-images) and the entity it names, so a pull finds the pending changes under a page's rows
without reading the whole outbox.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from sqlalchemy import Connection, delete, insert, select, update

from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.store.schema import MUTATIONS, OUTBOX_ROWS, SETTINGS

MAX_REQUEST: Final = "sync.max_request_bytes"  # the server's announced request limit
SENT: Final = "sync.sent"  # the local seq up to which mutations may have reached the server
ENVELOPE: Final = 1024  # bytes a push request needs besides its mutations
CHUNK: Final = 2000
PENDING: Final = "pending"

_TABLE_OF_PREFIX: Final = {
    "user": "users",
    "channel": "channels",
    "role": "role_grants",
    "attachment": "attachments",
    "proposal": "proposals",
    "topic": "proposals",
    "article": "articles",
    "source": "sources",
    "lead": "leads",
    "account": "platform_accounts",
    "target": "year_targets",
    "message": "reader_messages",
    "notification": "notification_reads",
}


def wire_bytes(m: Mutation) -> bytes:
    """``m`` as a push request carries it (compact UTF-8 JSON)."""
    return json.dumps(m.to_wire(), ensure_ascii=False, separators=(",", ":")).encode()


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def too_large(size: int, limit: int) -> Refusal:
    return refuse(
        RefusalCode.INVALID,
        QT_TRANSLATE_NOOP(
            "Refusal",
            "This change is too large to send to the newsroom server ({size}; it takes at most "
            "{limit} at once). Nothing was saved: shorten the text or split the article, and "
            "add large images as attachments rather than pasted into the text.",
        ),
        size=megabytes(size),
        limit=megabytes(limit),
    )


def _setting(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == key)).scalar()
    return None if value is None else str(value)


def request_limit(conn: Connection) -> int | None:
    """The largest request the server takes, as it last said (``None``: no server known)."""
    value = _setting(conn, MAX_REQUEST)
    return int(value) if value else None


def check_size(m: Mutation, limit: int | None) -> Refusal | None:
    """A refusal when ``m`` alone could not be pushed under ``limit``."""
    if limit is None:
        return None
    size = len(wire_bytes(m))
    return too_large(size, limit) if size + ENVELOPE > limit else None


def sent_upto(conn: Connection) -> int:
    return int(_setting(conn, SENT) or 0)


def touched_keys(m: Mutation, images: Sequence[Any] | None) -> set[tuple[str, str]]:
    """The rows a pending mutation wrote, and the entity it names (so a page bringing that
    entity applies again a change that did not apply here before)."""
    keys = {(str(table), str(key)) for table, key, _ in images or ()}
    table = _TABLE_OF_PREFIX.get(m.kind.value.split(".")[0])
    if table is not None and m.entity:
        keys.add((table, m.entity))
    return keys


def index_rows(conn: Connection, entries: Mapping[str, Iterable[tuple[str, str]]]) -> None:
    """Record the rows each pending mutation (by id) touched."""
    values = [
        {"mutation_id": mutation_id, "entity_table": table, "row_id": key}
        for mutation_id, keys in entries.items()
        for table, key in sorted(set(keys))
    ]
    if values:
        conn.execute(insert(OUTBOX_ROWS), values)


def forget_rows(conn: Connection, mutation_ids: Sequence[str]) -> None:
    for start in range(0, len(mutation_ids), CHUNK):
        conn.execute(
            delete(OUTBOX_ROWS).where(
                OUTBOX_ROWS.c.mutation_id.in_(mutation_ids[start : start + CHUNK])
            )
        )


def is_empty(conn: Connection) -> bool:
    """Whether no pending mutation touched any row (nothing waits, or nothing that wrote)."""
    return conn.execute(select(OUTBOX_ROWS.c.mutation_id).limit(1)).first() is None


def pending_under(conn: Connection, keys: Iterable[tuple[str, str]]) -> set[str]:
    """The pending mutations that touched any of ``keys``."""
    by_table: dict[str, list[str]] = {}
    for table, key in keys:
        by_table.setdefault(table, []).append(key)
    found: set[str] = set()
    for table, wanted in by_table.items():
        for start in range(0, len(wanted), CHUNK):
            found.update(
                conn.execute(
                    select(OUTBOX_ROWS.c.mutation_id).where(
                        OUTBOX_ROWS.c.entity_table == table,
                        OUTBOX_ROWS.c.row_id.in_(wanted[start : start + CHUNK]),
                    )
                ).scalars()
            )
    return found


def writers_of(
    conn: Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], set[str]]:
    """The pending mutations that touched each of ``keys`` (those no pending mutation touched
    are left out)."""
    by_table: dict[str, list[str]] = {}
    for table, key in keys:
        by_table.setdefault(table, []).append(key)
    found: dict[tuple[str, str], set[str]] = {}
    for table, wanted in by_table.items():
        for start in range(0, len(wanted), CHUNK):
            query = select(OUTBOX_ROWS.c.row_id, OUTBOX_ROWS.c.mutation_id).where(
                OUTBOX_ROWS.c.entity_table == table,
                OUTBOX_ROWS.c.row_id.in_(wanted[start : start + CHUNK]),
            )
            for row_id, mutation_id in conn.execute(query):
                found.setdefault((table, row_id), set()).add(mutation_id)
    return found


def rows_of(conn: Connection, mutation_ids: Sequence[str]) -> dict[str, set[tuple[str, str]]]:
    """The rows each of ``mutation_ids`` touched."""
    found: dict[str, set[tuple[str, str]]] = {i: set() for i in mutation_ids}
    for start in range(0, len(mutation_ids), CHUNK):
        query = select(OUTBOX_ROWS).where(
            OUTBOX_ROWS.c.mutation_id.in_(mutation_ids[start : start + CHUNK])
        )
        for row in conn.execute(query):
            found[row.mutation_id].add((row.entity_table, row.row_id))
    return found


# --- coalescing --------------------------------------------------------------------------------


def coalescable(earlier: Mapping[str, Any], later: Mutation) -> bool:
    """Whether ``later`` may be folded into the logged mutation ``earlier`` (a row's values)."""
    return (
        later.kind is Kind.ARTICLE_EDIT
        and earlier["kind"] == Kind.ARTICLE_EDIT.value
        and earlier["entity"] == later.entity
        and earlier["actor"] == later.actor
        and earlier["status"] == PENDING
    )


def folded(earlier: Mapping[str, Any], later: Mutation, images: list[Any]) -> dict[str, Any]:
    """``earlier`` (a logged row's values) with ``later``'s edit folded in: the newest values,
    the earliest base of each field, the before-images of rows ``later`` first wrote."""
    before = dict(earlier["args"])
    after = dict(later.args)
    base = {**dict(after.pop("base", None) or {}), **dict(before.pop("base", None) or {})}
    args: dict[str, Any] = {**before, **after}
    if base:
        args["base"] = base
    held = {(table, key) for table, key, _ in earlier["before_images"] or ()}
    merged_images = list(earlier["before_images"] or ()) + [
        image for image in images if (image[0], image[1]) not in held
    ]
    return {**earlier, "args": args, "at": later.at, "before_images": merged_images}


def last_unsent(conn: Connection) -> dict[str, Any] | None:
    """The newest pending mutation, if it cannot have reached the server yet."""
    row = (
        conn.execute(
            select(MUTATIONS)
            .where(MUTATIONS.c.status == PENDING)
            .order_by(MUTATIONS.c.seq.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    if row is None or row["seq"] <= sent_upto(conn):
        return None
    return dict(row)


def rewrite(conn: Connection, row: Mapping[str, Any], added: Iterable[tuple[str, str]]) -> None:
    """Store a logged mutation that a later save was folded into."""
    conn.execute(
        update(MUTATIONS)
        .where(MUTATIONS.c.id == row["id"])
        .values(args=row["args"], at=row["at"], before_images=row["before_images"])
    )
    known = rows_of(conn, [row["id"]])[row["id"]]
    index_rows(conn, {row["id"]: set(added) - known})
