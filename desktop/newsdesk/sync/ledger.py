"""The ledger: mutations in, rows out.

A push is decided by the core exactly as on the desktop, numbered, and recorded row by row (which
row changed last at which number, readable in which channel) and in the audit log; what was
refused is kept with its reason so a repeated push gets the same answer. A pull returns the rows
changed after a cursor, one mutation's rows never split over two pages. The server's own
administrative changes (``init``, ``users``, the password API) go through the same path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsdesk.core.apply import actor_of
from newsdesk.core.model import Article, Attachment, Entity, User
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.world import Changes
from newsdesk.store.apply import Applied, Status, apply
from newsdesk.store.codec import TABLES, key_column
from newsdesk.store.schema import CHANGES, MUTATIONS
from newsdesk.store.world import among
from newsdesk.sync import accounts, attachments, audit, heads, protocol, rows
from newsdesk.sync.audit_log import AuditLog

ARTICLES = TABLES[Article]
USERS = TABLES[User]
BLOBS_ROWS = TABLES[Attachment].name


class ForbiddenError(Exception):
    """The signed-in user may not do this; the reason is for the answer and the audit log."""


class Ledger:
    def __init__(self, log: AuditLog) -> None:
        self.log = log
        # Told the new head once a transaction that accepted mutations committed (from the
        # committing thread): the long-polls of :mod:`newsdesk.sync.heads`.
        self.listeners: list[Callable[[int], None]] = []

    def _announce(self, seqs: Mapping[str, int]) -> None:
        if seqs:
            head = max(seqs.values())
            for listener in list(self.listeners):
                listener(head)

    def head(self, conn: Connection) -> int:
        return int(conn.execute(select(func.coalesce(func.max(MUTATIONS.c.seq), 0))).scalar_one())

    def push(
        self,
        user: User,
        batch: Sequence[protocol.WireMutation],
        *,
        token: str | None = None,
        client: accounts.Client | None = None,
    ) -> list[protocol.Outcome]:
        """Apply ``batch`` for ``user`` in one transaction; each mutation's outcome, in order.

        A mutation the server already has gets its recorded outcome again. Raises ``ForbiddenError``
        (and audits it) when a mutation names another actor: nothing is applied then. ``token``
        (the hash of the one pushing) survives the user's own password change; ``client`` is
        who pushed, for the audit log.
        """
        address = client.address if client else None
        strangers = sorted({m.actor for m in batch if m.actor != user.id})
        if strangers:
            with self.log.writing() as conn:
                self.log.record(
                    conn,
                    "forbidden",
                    user.login,
                    user.id,
                    {"push_as": strangers, "mutations": [m.id for m in batch]},
                    address=address,
                    result="forbidden",
                )
            raise ForbiddenError("a push may only carry the signed-in user's own mutations")
        with self.log.writing() as conn:
            known = _recorded(conn, [m.id for m in batch])
            fresh: list[Mutation] = []
            invalid: dict[str, protocol.Outcome] = {}
            seen: set[str] = set(known)
            for wire in batch:
                if wire.id in seen:
                    continue
                seen.add(wire.id)
                try:
                    fresh.append(_mutation_of(wire))
                except ValueError as error:
                    invalid[wire.id] = _invalid(wire, str(error))
            unheld = attachments.unheld(conn, fresh, self.visible_channels(conn, user), user.id)
            applied, seqs = self._accept(
                conn,
                [m for m in fresh if m.id not in unheld],
                user.login,
                keep_token=token,
                address=address,
                known=frozenset(),  # what the database held is in ``known``, not in ``fresh``
            )
            refused = [Applied(m, unheld[m.id]) for m in fresh if m.id in unheld] + [
                a for a in applied if isinstance(a.outcome, Refusal)
            ]
            malformed = [w for w in batch if w.id in invalid]
            if refused or invalid:
                _record_refusals(conn, refused, malformed, invalid)
            self.log.record_many(
                conn,
                [_refused_entry(user.login, a, address) for a in refused]
                + [
                    audit.Entry(
                        "mutation_refused",
                        user.login,
                        user.id,
                        {
                            "id": w.id,
                            "kind": w.kind,
                            "entity": w.entity,
                            "reason": invalid[w.id].message,
                            "size": len(canonical(w.args)),
                        },
                        address,
                        "refused",
                    )
                    for w in malformed
                ],
            )
            outcomes = {
                **known,
                **{
                    i: protocol.Outcome(id=i, status="accepted", seq=seq) for i, seq in seqs.items()
                },
                **_recorded(conn, [a.mutation.id for a in refused] + list(invalid)),
            }
        self._announce(seqs)
        return [outcomes[m.id] for m in batch]

    def _accept(
        self,
        conn: Connection,
        mutations: Sequence[Mutation],
        login: str,
        *,
        keep_token: str | None = None,
        address: str | None = None,
        known: frozenset[str] | None = None,
    ) -> tuple[list[Applied], dict[str, int]]:
        """Apply ``mutations`` as the server; number, ledger and audit the accepted ones.
        Returns every outcome, and the sequence numbers of the newly accepted. ``known``: which
        of them the database holds already, when the caller has just looked that up."""
        # No full-text index here: nothing on the server searches, each desktop indexes its
        # own workspace, and indexing cost a fifth of every push.
        applied = apply(
            conn,
            mutations,
            Status.ACCEPTED,
            index=False,
            received_at=self.log.clock(),
            known=known,
        )
        accepted = [a for a in applied if isinstance(a.outcome, Changes) and not a.replayed]
        seqs = _seqs(conn, [a.mutation.id for a in accepted])
        self._ledger(
            conn,
            [(seqs[a.mutation.id], a.outcome) for a in accepted if isinstance(a.outcome, Changes)],
        )
        for a in accepted:
            _revoke_after(conn, a.mutation, keep_token)
        self.log.record_many(
            conn,
            [
                audit.Entry(
                    "mutation",
                    login,
                    a.mutation.actor,
                    {
                        "id": a.mutation.id,
                        "kind": a.mutation.kind.value,
                        "entity": a.mutation.entity,
                        "seq": seqs[a.mutation.id],
                        "digest": audit.stored_mutation_digest(a.mutation, conn.dialect),
                        **_ledger_rows(conn, a.outcome),
                    },
                    address,
                    "ok",
                )
                for a in accepted
                if isinstance(a.outcome, Changes)
            ],
        )
        if seqs and conn.dialect.name == "postgresql":
            # Delivered on commit to every service process listening (see heads.py).
            conn.execute(
                text("SELECT pg_notify(:channel, :head)"),
                {"channel": heads.CHANNEL, "head": str(max(seqs.values()))},
            )
        return applied, seqs

    def administer(
        self,
        mutations: Sequence[Mutation],
        *,
        login: str = "newsdesk-server",
        keep_token: str | None = None,
        before_commit: Callable[[Connection, list[Applied]], object] | None = None,
    ) -> list[Applied]:
        """Apply mutations made by the server's own administrator commands (``init``, ``users``),
        its password API and its scheduled publishing, exactly as pushed ones are: decided,
        numbered, in the ledger and the audit log (a refusal too). ``before_commit`` does what
        must succeed for them to be kept (writing a publication's files), in the transaction;
        if it raises, nothing is recorded."""
        with self.log.writing() as conn:
            applied, seqs = self._accept(conn, mutations, login, keep_token=keep_token)
            self.log.record_many(
                conn, [_refused_entry(login, a, None) for a in applied if not a.accepted]
            )
            if before_commit is not None:
                before_commit(conn, applied)
        self._announce(seqs)
        return applied

    def _ledger(self, conn: Connection, accepted: Sequence[tuple[int, Changes]]) -> None:
        """Record, per row, the sequence number of its newest change and whose it is."""
        latest: dict[tuple[str, str], tuple[int, Entity]] = {}
        for seq, changes in accepted:
            for entity in changes.upserts:
                table = TABLES[type(entity)]
                latest[(table.name, str(getattr(entity, key_column(type(entity)))))] = (
                    seq,
                    entity,
                )
        if not latest:
            return
        article_ids = {str(e.article_id) for _, e in latest.values() if hasattr(e, "article_id")}
        query = select(ARTICLES.c.id, ARTICLES.c.channel_id).where(
            among(conn, ARTICLES.c.id, sorted(article_ids))
        )
        article_channels = {row.id: row.channel_id for row in conn.execute(query)}
        refs = attachments.channel_refs((e for _, e in latest.values()), article_channels)
        reshared = attachments.record(conn, refs)
        values = [
            {
                "entity_table": name,
                "row_id": key,
                "seq": seq,
                "channel_id": rows.channel_of(
                    name,
                    {
                        "id": key,
                        "article_id": getattr(entity, "article_id", None),
                        "channel_id": getattr(entity, "channel_id", None),
                    },
                    article_channels,
                ),
                "deleted": False,
            }
            for (name, key), (seq, entity) in latest.items()
        ]
        # Readable in a new channel now: sent again, so that channel's desktops get the row.
        newest = max(seq for seq, _ in accepted)
        values += [
            {
                "entity_table": BLOBS_ROWS,
                "row_id": sha,
                "seq": newest,
                "channel_id": rows.PRIVATE_ATTACHMENT,
                "deleted": False,
            }
            for sha in sorted(reshared - {k for t, k in latest if t == BLOBS_ROWS})
        ]
        insert_ = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        statement = insert_(CHANGES)
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=["entity_table", "row_id"],
                set_={
                    "seq": statement.excluded.seq,
                    "channel_id": statement.excluded.channel_id,
                    "deleted": statement.excluded.deleted,
                },
            ),
            values,
        )

    def visible_channels(self, conn: Connection, user: User) -> frozenset[str] | None:
        """The channels ``user`` may read (``None``: every channel, for an administrator)."""
        actor = actor_of(_world(conn), user.id)
        if isinstance(actor, Refusal):
            return frozenset()
        return None if actor.is_admin else actor.channels()

    def pull(self, user: User, request: protocol.PullRequest) -> protocol.PullResponse:
        with self.log.engine.connect() as conn:
            visible = self.visible_channels(conn, user)
            if request.channels is not None and visible is not None:
                unseen = sorted(set(request.channels) - visible)
                if unseen:
                    with self.log.writing() as write:
                        self.log.record(
                            write, "forbidden", user.login, user.id, {"pull_channels": unseen}
                        )
                    names = ", ".join(unseen)
                    raise ForbiddenError(f"the user may not read these channels: {names}")
            wanted = visible if request.channels is None else frozenset(request.channels)
            head = self.head(conn)
            own = rows.private_to(user.id)
            query = select(CHANGES).where(
                CHANGES.c.seq > request.cursor,
                CHANGES.c.channel_id.is_(None)
                | ~CHANGES.c.channel_id.startswith(rows.PRIVATE_USER)
                | (CHANGES.c.channel_id == own),
            )
            if wanted is not None:
                query = query.where(
                    CHANGES.c.channel_id.is_(None)
                    | CHANGES.c.channel_id.in_(sorted(wanted))
                    | (CHANGES.c.channel_id == own)
                    | attachments.visible_changes(wanted, user.id)
                )
            found = (
                conn.execute(query.order_by(CHANGES.c.seq).limit(request.limit + 1))
                .mappings()
                .all()
            )
            more = len(found) > request.limit
            if more:
                # Never split one mutation's rows over two pages: the cursor would skip some.
                last = found[request.limit]["seq"]
                page = [r for r in found if r["seq"] < last]
                if not page:
                    page = list(
                        conn.execute(
                            query.where(CHANGES.c.seq == last).order_by(CHANGES.c.row_id)
                        ).mappings()
                    )
                    more = head > last
                cursor = page[-1]["seq"]
            else:
                page = list(found)
                cursor = max(head, request.cursor)
            wire_rows = _rows(conn, page)
            outcomes = list(
                _recorded(
                    conn,
                    None,
                    actor=user.id,
                    after=request.cursor,
                    upto=cursor,
                ).values()
            )
        return protocol.PullResponse(
            rows=wire_rows,
            outcomes=outcomes,
            cursor=cursor,
            more=more,
            epoch=self.log.epoch(),
            head=head,
            channels=None if visible is None else sorted(visible),
        )


def _world(conn: Connection) -> Any:
    from newsdesk.store.world import DbWorld

    return DbWorld(conn)


def _seqs(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    query = select(MUTATIONS.c.id, MUTATIONS.c.seq).where(among(conn, MUTATIONS.c.id, ids))
    return {row.id: row.seq for row in conn.execute(query)}


def _outcome(row: Mapping[Any, Any]) -> protocol.Outcome:
    if row["status"] == "refused":
        return protocol.Outcome.refused(row["id"], row["seq"], Refusal.from_json(row["refusal"]))
    return protocol.Outcome(id=row["id"], status="accepted", seq=row["seq"])


def canonical(value: Any) -> str:
    return audit.canonical(value)


def _refused_entry(login: str, applied: Applied, address: str | None) -> audit.Entry:
    """A refused change for the audit log: who, what, why and how big, never its payload."""
    assert isinstance(applied.outcome, Refusal)
    m = applied.mutation
    forbidden = applied.outcome.code == RefusalCode.FORBIDDEN
    return audit.Entry(
        "forbidden" if forbidden else "mutation_refused",
        login,
        m.actor,
        {
            "id": m.id,
            "kind": m.kind.value,
            "entity": m.entity,
            "code": applied.outcome.code.value,
            "reason": str(applied.outcome)[:500],
            "size": len(canonical(dict(m.args))),
        },
        address,
        "forbidden" if forbidden else "refused",
    )


def _revoke_after(conn: Connection, m: Mutation, keep_token: str | None) -> None:
    """A new password or a disabled account ends every sign-in of that user (but the one
    changing their own password)."""
    if m.kind is Kind.USER_SET_PASSWORD:
        accounts.revoke_tokens(conn, m.entity, keep_token if m.entity == m.actor else None)
        login = conn.execute(select(USERS.c.login).where(USERS.c.id == m.entity)).scalar()
        if login is not None:
            accounts.unlock(conn, str(login))
    elif m.kind is Kind.USER_UPDATE and m.args.get("disabled") is True:
        accounts.revoke_tokens(conn, m.entity)


def _ledger_rows(conn: Connection, changes: Changes) -> dict[str, Any]:
    """``{"rows": {table: {key: digest}}}`` for the users, channels and role grants written."""
    found: dict[str, dict[str, str]] = {}
    for table in audit.LEDGER_TABLES:
        keys = [str(e.id) for e in changes.upserts if TABLES[type(e)] is table]
        if keys:
            rows = conn.execute(select(table).where(among(conn, table.c.id, keys))).mappings().all()
            found[table.name] = audit.row_digests(table.name, rows)
    return {"rows": found} if found else {}


_PASSWORDS_ELSEWHERE: Final = (
    "passwords are set through /v1/auth/password and /v1/users, where the password policy "
    "is checked"
)


def _mutation_of(wire: protocol.WireMutation) -> Mutation:
    """The mutation a pushed one describes; ``ValueError`` names what is wrong with it."""
    if wire.kind == Kind.USER_SET_PASSWORD.value or (
        wire.kind == Kind.USER_CREATE.value and wire.args.get("password_hash") is not None
    ):
        raise ValueError(_PASSWORDS_ELSEWHERE)
    return Mutation.from_wire(wire.model_dump())


def _recorded(
    conn: Connection,
    ids: Sequence[str] | None,
    *,
    actor: str | None = None,
    after: int = 0,
    upto: int | None = None,
) -> dict[str, protocol.Outcome]:
    """Recorded outcomes: of ``ids``, or of ``actor``'s mutations numbered in (after, upto]."""
    columns = (MUTATIONS.c.id, MUTATIONS.c.seq, MUTATIONS.c.status, MUTATIONS.c.refusal)
    query = select(*columns)
    if ids is not None:
        if not ids:
            return {}
        query = query.where(among(conn, MUTATIONS.c.id, sorted(set(ids))))
    else:
        query = query.where(MUTATIONS.c.actor == actor, MUTATIONS.c.seq > after)
        if upto is not None:
            query = query.where(MUTATIONS.c.seq <= upto)
    return {
        row["id"]: _outcome(row) for row in conn.execute(query.order_by(MUTATIONS.c.seq)).mappings()
    }


def _malformed(reason: str) -> Refusal:
    return Refusal.from_json(
        {"code": RefusalCode.INVALID.value, "message": f"malformed mutation: {reason}"}
    )


def _invalid(wire: protocol.WireMutation, reason: str) -> protocol.Outcome:
    return protocol.Outcome.refused(wire.id, None, _malformed(reason))


def _record_refusals(
    conn: Connection,
    refused: Sequence[Any],
    malformed: Sequence[protocol.WireMutation],
    invalid: Mapping[str, protocol.Outcome],
) -> None:
    """Refused mutations are kept too, so a repeated push gets the same answer."""
    values = [
        {
            "id": a.mutation.id,
            "actor": a.mutation.actor,
            "at": a.mutation.at,
            "kind": a.mutation.kind.value,
            "entity": a.mutation.entity or "",
            "base_version": a.mutation.base_version,
            "args": {},  # the reason and the size are kept, not the payload (it may be huge)
            "status": "refused",
            "refusal": {**a.outcome.to_json(), "size": len(canonical(dict(a.mutation.args)))},
        }
        for a in refused
    ]
    values += [
        {
            "id": w.id,
            "actor": w.actor,
            "at": w.at,
            "kind": w.kind,
            "entity": w.entity or "",
            "base_version": w.base_version,
            "args": {},
            "status": "refused",
            "refusal": {**invalid[w.id].refusal().to_json(), "size": len(canonical(w.args))},
        }
        for w in malformed
    ]
    conn.execute(insert(MUTATIONS), values)


def _rows(conn: Connection, page: Sequence[Mapping[Any, Any]]) -> list[protocol.WireRow]:
    """The current values of the rows a page of the ledger names, in the page's order."""
    keys: dict[str, list[str]] = {}
    for change in page:
        keys.setdefault(change["entity_table"], []).append(change["row_id"])
    values: dict[tuple[str, str], dict[str, Any]] = {}
    for name, wanted in keys.items():
        cls, table = rows.SYNCED[name]
        column = table.c[key_column(cls)]
        for row in conn.execute(select(table).where(among(conn, column, wanted))).mappings():
            values[(name, rows.key_of(table, row))] = rows.to_wire(table, row)
    return [
        protocol.WireRow(
            table=change["entity_table"],
            key=change["row_id"],
            row=None
            if change["deleted"]
            else values.get((change["entity_table"], change["row_id"])),
            deleted=bool(change["deleted"]),
        )
        for change in page
    ]
