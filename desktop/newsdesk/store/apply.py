"""Applying mutations to a database: decide each with the core rules, write what was accepted.

The whole batch is one transaction (the caller's). Re-applying a mutation whose id the database
already holds has no further effect, which is what makes pushing twice harmless.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, func, insert, select

from newsdesk.core import operations
from newsdesk.core.apply import decide
from newsdesk.core.body import strip_html
from newsdesk.core.mentions import render
from newsdesk.core.model import (
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
    User,
    YearTarget,
)
from newsdesk.core.mutation import Kind, Mutation, parse_args
from newsdesk.core.refusal import Refusal
from newsdesk.core.world import Changes, Outcome
from newsdesk.store import outbox, search
from newsdesk.store.codec import TABLES, from_db_time, key_column, row_to_json, to_row
from newsdesk.store.schema import MUTATIONS
from newsdesk.store.world import CHUNK, DbWorld, among

# The columns :func:`mutation_from_row` reads: selecting only these spares decoding the
# before-images, as large as the rows a mutation changed.
MUTATION_COLUMNS = tuple(
    MUTATIONS.c[name] for name in ("id", "actor", "at", "kind", "entity", "args", "base_version")
)

# The entity class a mutation kind's ``entity`` names, so a batch's rows load in bulk.
_ENTITY_OF_PREFIX: dict[str, type[Entity]] = {
    "user": User,
    "channel": Channel,
    "role": RoleGrant,
    "attachment": Attachment,
    "proposal": Proposal,
    "topic": Proposal,
    "article": Article,
    "source": Source,
    "lead": Lead,
    "account": PlatformAccount,
    "target": YearTarget,
    "message": ReaderMessage,
    "notification": NotificationReads,
}
# The ids a mutation chooses for the records it creates. The rules check that each is not taken
# yet; prefetched for the whole batch, that check costs one query per table, not one per id.
_CHOSEN_IDS: dict[str, type[Entity]] = {
    "revision_id": Revision,
    "decision_id": ReviewDecision,
    "sign_off_id": SignOff,
}


class Status(StrEnum):
    PENDING = "pending"  # applied here, not yet accepted by the server: the outbox
    ACCEPTED = "accepted"  # accepted by the server (or applied on the server itself)
    REFUSED = "refused"  # refused by the server: undone here, kept to show its author why
    DISMISSED = "dismissed"  # a refusal its author has read and put away


@dataclass(frozen=True)
class Applied:
    mutation: Mutation
    outcome: Outcome
    replayed: bool = False  # the database already had this mutation; nothing was done again

    @property
    def accepted(self) -> bool:
        return isinstance(self.outcome, Changes)


def _known_ids(conn: Connection, ids: Sequence[str]) -> set[str]:
    known: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        known.update(
            conn.execute(select(MUTATIONS.c.id).where(among(conn, MUTATIONS.c.id, chunk))).scalars()
        )
    return known


def _prefetch(world: DbWorld, mutations: Sequence[Mutation]) -> None:
    by_class: dict[type[Entity], set[str]] = {}
    channels: set[str] = set()
    for m in mutations:
        cls = _ENTITY_OF_PREFIX[m.kind.value.split(".")[0]]
        by_class.setdefault(cls, set()).add(m.entity)
        channel_id = m.args.get("channel_id")
        if isinstance(channel_id, str):
            channels.add(channel_id)
        for name, chosen_cls in _CHOSEN_IDS.items():
            chosen = m.args.get(name)
            if isinstance(chosen, str):
                by_class.setdefault(chosen_cls, set()).add(chosen)
        for publication in (
            (m.args.get("publications") or ()) if m.kind == Kind.ARTICLE_PUBLISH else ()
        ):
            if isinstance(publication, Mapping) and isinstance(publication.get("id"), str):
                by_class.setdefault(Publication, set()).add(publication["id"])
        if m.kind == Kind.ACCOUNT_IMPORT:
            _prefetch_import(by_class, m)
    by_class.setdefault(Channel, set()).update(channels)
    by_class.setdefault(User, set()).update(m.actor for m in mutations)
    for cls, keys in by_class.items():
        world.prefetch(cls, keys)
    articles = by_class.get(Article, set())
    for child in (ReviewDecision, SignOff, Publication):
        world.prefetch_children(child, "article_id", articles)


def _prefetch_import(by_class: dict[type[Entity], set[str]], m: Mutation) -> None:
    """The figures and 留言 an import names, so thousands of rows are looked up in a few queries;
    arguments the core will refuse anyway load nothing."""
    args = parse_args(m.kind, m.args)
    if isinstance(args, Refusal):
        return
    figures, messages = operations.import_keys(m.entity, args)
    by_class.setdefault(PlatformFigures, set()).update(figures)
    by_class.setdefault(ReaderMessage, set()).update(messages)
    articles = {row["article_id"] for row in args.get("figures", ()) if row.get("article_id")}
    by_class.setdefault(Article, set()).update(articles)


# The fields :func:`search_document` reads: a row that changed none of them (a state change, a
# review, a sign-off) is indexed already, and indexing it again is most of a batch's writing.
_SEARCHED_FIELDS: dict[type[Entity], tuple[str, ...]] = {
    Proposal: ("id", "title", "angle", "materials", "tags", "channel_id"),
    Article: ("id", "title", "subtitle", "summary", "tags", "author", "body_html", "channel_id"),
}


def _search_changed(entity: Entity, stored: Entity | None) -> bool:
    """Whether ``entity`` reads differently for search than the row it replaces."""
    fields = _SEARCHED_FIELDS.get(type(entity))
    if fields is None:
        return False
    if stored is None:
        return True
    return any(getattr(entity, name) != getattr(stored, name) for name in fields)


def search_document(entity: Entity) -> search.SearchDocument | None:
    """What full-text search indexes for a proposal or an article."""
    if isinstance(entity, Proposal):
        notes = " ".join(m.value for m in entity.materials if m.kind.value == "text")
        # Mentions by the names they were written with: a colleague's id is nothing to look for.
        body = " ".join((render(entity.angle, {}), notes, " ".join(entity.tags)))
        return search.SearchDocument("proposal", entity.id, entity.title, body, entity.channel_id)
    if isinstance(entity, Article):
        body = " ".join(
            (
                entity.subtitle,
                entity.summary,
                " ".join(entity.tags),
                entity.author,
                strip_html(entity.body_html),
            )
        )
        return search.SearchDocument("article", entity.id, entity.title, body, entity.channel_id)
    return None


def mutation_from_row(row: Mapping[Any, Any]) -> Mutation:
    return Mutation(
        id=row["id"],
        actor=row["actor"],
        at=from_db_time(row["at"]),
        kind=Kind(row["kind"]),
        entity=row["entity"],
        args=MappingProxyType(dict(row["args"])),
        base_version=row["base_version"],
    )


def count_pending(conn: Connection) -> int:
    """How many mutations wait in the outbox."""
    return int(
        conn.execute(
            select(func.count())
            .select_from(MUTATIONS)
            .where(MUTATIONS.c.status == Status.PENDING.value)
        ).scalar_one()
    )


def _log_row(
    m: Mutation, status: Status, images: list[Any] | None, received_at: dt.datetime | None
) -> dict[str, Any]:
    return {
        "id": m.id,
        "actor": m.actor,
        "at": m.at,
        "kind": m.kind.value,
        "entity": m.entity,
        "base_version": m.base_version,
        "args": dict(m.args),
        "status": status.value,
        "before_images": images,
        "received_at": received_at,
    }


def _received(upserts: Sequence[Entity], at: dt.datetime | None) -> Sequence[Entity]:
    """The rows a mutation wrote, its review decisions stamped with the service's receive
    time (the reviewer's clock may be days off; the service's orders and reports)."""
    if at is None:
        return upserts
    return [
        dataclasses.replace(e, received_at=at)
        if isinstance(e, ReviewDecision) and e.received_at is None
        else e
        for e in upserts
    ]


def _before_images(world: DbWorld, upserts: Sequence[Entity]) -> list[Any]:
    """What each row looked like before a pending mutation changed it (``None``: it was new),
    so a pull can take the mutation back and lay the server's rows underneath."""
    images: list[Any] = []
    for entity in upserts:
        cls = type(entity)
        table, key = TABLES[cls], getattr(entity, key_column(cls))
        prior = None if entity.row_version == 1 else world.current(cls, key)
        images.append(
            [table.name, key, None if prior is None else row_to_json(table, to_row(prior))]
        )
    return images


def _write(conn: Connection, world: DbWorld, index: bool = True) -> None:
    """Flush what ``world`` staged, and index the proposals and articles among it."""
    documents: dict[bool, list[search.SearchDocument]] = {True: [], False: []}
    for entity, stored in world.staged() if index else ():
        if _search_changed(entity, stored) and (document := search_document(entity)) is not None:
            documents[stored is None].append(document)
    world.flush()
    for is_new, batch in documents.items():
        search.index_documents(conn, batch, new=is_new)


def apply(
    conn: Connection,
    mutations: Sequence[Mutation],
    status: Status = Status.PENDING,
    *,
    index: bool = True,
    received_at: dt.datetime | None = None,
    known: Collection[str] | None = None,
) -> list[Applied]:
    """Decide and write ``mutations`` in order, inside the caller's transaction.

    A refused mutation writes nothing; the ones after it are still applied. Pending ones keep
    the before-images that let a pull take them back, are refused when too large for the
    server, and coalesce with the unsent edit before them (see :mod:`newsdesk.store.outbox`).
    ``index=False`` leaves the full-text index alone (the sync service keeps none: each desktop
    searches its own workspace). ``received_at`` is the service's clock, kept beside each
    mutation's own time and on the review decisions it makes. ``known``: which of ``mutations``
    the database holds already, when the caller has just looked that up in this transaction.
    """
    known = set(known) if known is not None else _known_ids(conn, [m.id for m in mutations])
    world = DbWorld(conn)
    _prefetch(world, mutations)
    queued = status is Status.PENDING
    limit = outbox.request_limit(conn) if queued else None
    previous = outbox.last_unsent(conn) if queued else None
    stored: dict[str, Any] | None = None  # ``previous`` when it is a stored one, rewritten
    results: list[Applied] = []
    log_rows: list[dict[str, Any]] = []
    for m in mutations:
        if m.id in known:
            results.append(Applied(m, Changes(()), replayed=True))
            continue
        outcome = (outbox.check_size(m, limit) if queued else None) or decide(world, m)
        results.append(Applied(m, outcome))
        if not isinstance(outcome, Changes):
            continue
        upserts = _received(outcome.upserts, received_at)
        images = _before_images(world, upserts) if queued else None
        world.stage(upserts)
        known.add(m.id)
        if queued and previous is not None and outbox.coalescable(previous, m):
            merged = outbox.folded(previous, m, images or [])
            if outbox.check_size(mutation_from_row(merged), limit) is None:
                if log_rows:
                    log_rows[-1] = merged
                else:
                    stored = merged
                previous = merged
                continue
        previous = _log_row(m, status, images, received_at)
        log_rows.append(previous)
    _write(conn, world, index)
    if stored is not None:
        outbox.rewrite(
            conn, stored, outbox.touched_keys(mutation_from_row(stored), stored["before_images"])
        )
    if log_rows:
        conn.execute(insert(MUTATIONS), log_rows)
        if queued:
            outbox.index_rows(
                conn,
                {
                    row["id"]: outbox.touched_keys(mutation_from_row(row), row["before_images"])
                    for row in log_rows
                },
            )
    return results


def replay(conn: Connection, mutations: Sequence[Mutation]) -> dict[str, list[Any] | None]:
    """Apply outbox mutations again on top of newer rows (after a pull), in order.

    Returns each one's new before-images, ``None`` for one that no longer applies here: it
    stays in the outbox all the same, for the server to decide and report."""
    world = DbWorld(conn)
    _prefetch(world, mutations)
    images: dict[str, list[Any] | None] = {}
    for m in mutations:
        outcome = decide(world, m)
        if isinstance(outcome, Changes):
            images[m.id] = _before_images(world, outcome.upserts)
            world.stage(outcome.upserts)
        else:
            images[m.id] = None
    _write(conn, world)
    return images
