"""The sync service's work on its database, without HTTP: sign-in, push, pull, blobs, audit.

Writes are serialised: on PostgreSQL by a transaction-scoped advisory lock shared by every
service process, on SQLite (one process) by a lock in the process. So sequence numbers are
committed in the order they are handed out, and a pull whose cursor passed a number can never
meet a row committed later with a smaller one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsdesk.core.apply import actor_of
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, Attachment, Entity, User
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.world import Changes
from newsdesk.passwords import verify_password
from newsdesk.store.apply import MUTATIONS, Applied, Status, apply
from newsdesk.store.codec import TABLES, key_column
from newsdesk.store.schema import AuditRow, Base, BlobRow, ChangeRow, LoginThrottleRow, TokenRow
from newsdesk.store.store import SETTINGS
from newsdesk.sync import attachments, protocol, rows

CHANGES = Base.metadata.tables[ChangeRow.__tablename__]
TOKENS = Base.metadata.tables[TokenRow.__tablename__]
THROTTLE = Base.metadata.tables[LoginThrottleRow.__tablename__]
AUDIT = Base.metadata.tables[AuditRow.__tablename__]
BLOBS = Base.metadata.tables[BlobRow.__tablename__]
ARTICLES = TABLES[Article]
USERS = TABLES[User]
BLOBS_ROWS = TABLES[Attachment].name

EPOCH_KEY: Final = "server.epoch"
WRITE_LOCK_KEY: Final = 7_301_993  # the advisory lock every service process takes to write
GENESIS: Final = "0" * 64
MAX_FAILURES: Final = 5  # failed sign-ins per login within THROTTLE_WINDOW before a lockout
THROTTLE_WINDOW: Final = dt.timedelta(minutes=15)
LOCKOUT: Final = dt.timedelta(minutes=15)

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


class ThrottledError(Exception):
    """Too many failed sign-ins for this login: try again after ``until``."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


class ForbiddenError(Exception):
    """The signed-in user may not do this; the reason is for the answer and the audit log."""


@dataclass(frozen=True)
class SignedIn:
    user: User
    token_hash: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Service:
    def __init__(
        self,
        engine: Engine,
        *,
        token_ttl: dt.timedelta = dt.timedelta(hours=12),
        clock: Clock = utc_now,
    ) -> None:
        self.engine = engine
        self.token_ttl = token_ttl
        self.clock = clock
        self._local_lock = threading.Lock()

    # --- writing ------------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One serialised write transaction (see the module's docstring)."""
        if self.engine.dialect.name == "postgresql":
            with self.engine.begin() as conn:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
                yield conn
            return
        with self._local_lock, self.engine.begin() as conn:
            yield conn

    def epoch(self) -> str:
        """This database's identity: set at ``init``, new after a restore, so a client notices
        a server that lost what it had accepted."""
        with self.engine.connect() as conn:
            value = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == EPOCH_KEY))
            found = value.scalar()
        if found is None:
            raise RuntimeError("the database has no epoch: run `newsdesk-server init` first")
        return str(found)

    def head(self, conn: Connection) -> int:
        return int(conn.execute(select(func.coalesce(func.max(MUTATIONS.c.seq), 0))).scalar_one())

    # --- the audit chain ----------------------------------------------------------------------

    def audit(
        self,
        conn: Connection,
        event: str,
        login: str,
        actor_id: str | None,
        detail: Mapping[str, Any],
    ) -> None:
        """Append an entry; call inside :meth:`writing` (the chain needs one writer)."""
        self.audit_many(conn, [(event, login, actor_id, detail)])

    def audit_many(
        self,
        conn: Connection,
        entries: Sequence[tuple[str, str, str | None, Mapping[str, Any]]],
    ) -> None:
        """Append ``(event, login, actor_id, detail)`` entries, chained, in one statement."""
        if not entries:
            return
        last = conn.execute(
            select(AUDIT.c.seq, AUDIT.c.hash).order_by(AUDIT.c.seq.desc()).limit(1)
        ).first()
        seq = last.seq if last else 0
        prev_hash = last.hash if last else GENESIS
        at = self.clock()
        rows = []
        for event, login, actor_id, detail in entries:
            seq += 1
            entry = {
                "seq": seq,
                "at": at,
                "event": event,
                "actor_id": actor_id,
                "login": login,
                "detail": dict(detail),
            }
            digest = entry_hash(prev_hash, entry)
            rows.append({**entry, "prev_hash": prev_hash, "hash": digest})
            prev_hash = digest
        conn.execute(insert(AUDIT), rows)

    # --- signing in ---------------------------------------------------------------------------

    def login(self, login: str, password: str) -> tuple[str, dt.datetime, User]:
        """A new token for ``login``; raises ``ThrottledError`` or ``PermissionError``."""
        key = login.strip().lower()
        now = self.clock()
        locked: dt.datetime | None = None
        with self.writing() as conn:
            throttle = conn.execute(select(THROTTLE).where(THROTTLE.c.login == key)).first()
            until = _aware(throttle.locked_until) if throttle and throttle.locked_until else None
            if until is not None and until > now:
                locked = until
                self.audit(conn, "login_throttled", key, None, {})
        if locked is not None:  # raised once the audit entry is committed
            raise ThrottledError(locked)
        with self.writing() as conn:
            row = conn.execute(select(USERS).where(USERS.c.login == key)).mappings().first()
            ok = (
                row is not None
                and not row["disabled"]
                and verify_password(row["password_hash"], password)
            )
            if not ok:
                self._failed(conn, key, throttle, now)
                self.audit(conn, "login_failed", key, row["id"] if row else None, {})
        if not ok:
            raise PermissionError("wrong login or password, or the account is disabled")
        assert row is not None
        token = secrets.token_urlsafe(32)
        expires = now + self.token_ttl
        with self.writing() as conn:
            conn.execute(delete(THROTTLE).where(THROTTLE.c.login == key))
            conn.execute(
                insert(TOKENS),
                {
                    "token_hash": token_hash(token),
                    "user_id": row["id"],
                    "issued_at": now,
                    "expires_at": expires,
                    "revoked": False,
                },
            )
            self.audit(conn, "login", key, row["id"], {})
        with self.engine.connect() as conn:
            user = _user(conn, row["id"])
        assert user is not None
        return token, expires, user

    def _failed(self, conn: Connection, key: str, throttle: Any, now: dt.datetime) -> None:
        if throttle is None:
            conn.execute(
                insert(THROTTLE),
                {"login": key, "failures": 1, "first_failure_at": now, "locked_until": None},
            )
            return
        recent = now - _aware(throttle.first_failure_at) <= THROTTLE_WINDOW
        failures = throttle.failures + 1 if recent else 1
        conn.execute(
            update(THROTTLE)
            .where(THROTTLE.c.login == key)
            .values(
                failures=failures,
                first_failure_at=throttle.first_failure_at if recent else now,
                locked_until=now + LOCKOUT if failures >= MAX_FAILURES else None,
            )
        )

    def authenticate(self, token: str) -> SignedIn | None:
        """The user a bearer token signs in, if it is known, unexpired, unrevoked and the user
        is not disabled."""
        digest = token_hash(token)
        with self.engine.connect() as conn:
            found = conn.execute(select(TOKENS).where(TOKENS.c.token_hash == digest)).first()
            if found is None or found.revoked or _aware(found.expires_at) <= self.clock():
                return None
            user = _user(conn, found.user_id)
        if user is None or user.disabled:
            return None
        return SignedIn(user, digest)

    def logout(self, signed_in: SignedIn) -> None:
        with self.writing() as conn:
            conn.execute(
                update(TOKENS)
                .where(TOKENS.c.token_hash == signed_in.token_hash)
                .values(revoked=True)
            )
            self.audit(conn, "logout", signed_in.user.login, signed_in.user.id, {})

    # --- push ---------------------------------------------------------------------------------

    def push(self, user: User, batch: Sequence[protocol.WireMutation]) -> list[protocol.Outcome]:
        """Apply ``batch`` for ``user`` in one transaction; each mutation's outcome, in order.

        A mutation the server already has gets its recorded outcome again. Raises ``ForbiddenError``
        (and audits it) when a mutation names another actor: nothing is applied then.
        """
        strangers = sorted({m.actor for m in batch if m.actor != user.id})
        if strangers:
            with self.writing() as conn:
                self.audit(
                    conn,
                    "forbidden",
                    user.login,
                    user.id,
                    {"push_as": strangers, "mutations": [m.id for m in batch]},
                )
            raise ForbiddenError("a push may only carry the signed-in user's own mutations")
        with self.writing() as conn:
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
            applied, seqs = self._accept(conn, fresh, user.login)
            refused = [a for a in applied if isinstance(a.outcome, Refusal)]
            if refused or invalid:
                _record_refusals(conn, refused, [w for w in batch if w.id in invalid], invalid)
            for a in refused:
                assert isinstance(a.outcome, Refusal)
                if a.outcome.code == RefusalCode.FORBIDDEN:
                    self.audit(
                        conn,
                        "forbidden",
                        user.login,
                        user.id,
                        {"id": a.mutation.id, "kind": a.mutation.kind.value},
                    )
            outcomes = {
                **known,
                **{
                    i: protocol.Outcome(id=i, status="accepted", seq=seq) for i, seq in seqs.items()
                },
                **_recorded(conn, [a.mutation.id for a in refused] + list(invalid)),
            }
        return [outcomes[m.id] for m in batch]

    def _accept(
        self, conn: Connection, mutations: Sequence[Mutation], login: str
    ) -> tuple[list[Applied], dict[str, int]]:
        """Apply ``mutations`` as the server; number, ledger and audit the accepted ones.
        Returns every outcome, and the sequence numbers of the newly accepted."""
        # No full-text index here: nothing on the server searches, each desktop indexes its
        # own workspace, and indexing cost a fifth of every push.
        applied = apply(conn, mutations, Status.ACCEPTED, index=False)
        accepted = [a for a in applied if isinstance(a.outcome, Changes) and not a.replayed]
        seqs = _seqs(conn, [a.mutation.id for a in accepted])
        self._ledger(
            conn,
            [(seqs[a.mutation.id], a.outcome) for a in accepted if isinstance(a.outcome, Changes)],
        )
        self.audit_many(
            conn,
            [
                (
                    "mutation",
                    login,
                    a.mutation.actor,
                    {
                        "id": a.mutation.id,
                        "kind": a.mutation.kind.value,
                        "entity": a.mutation.entity,
                        "seq": seqs[a.mutation.id],
                    },
                )
                for a in accepted
            ],
        )
        return applied, seqs

    def administer(self, mutations: Sequence[Mutation]) -> list[Applied]:
        """Apply mutations made by the server's own administrator commands (``init``, ``users``),
        exactly as pushed ones are: decided, numbered, in the ledger and the audit log."""
        with self.writing() as conn:
            return self._accept(conn, mutations, "newsdesk-server")[0]

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
            ARTICLES.c.id.in_(sorted(article_ids))
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

    # --- pull ---------------------------------------------------------------------------------

    def visible_channels(self, conn: Connection, user: User) -> frozenset[str] | None:
        """The channels ``user`` may read (``None``: every channel, for an administrator)."""
        actor = actor_of(_world(conn), user.id)
        if isinstance(actor, Refusal):
            return frozenset()
        return None if actor.is_admin else actor.channels()

    def pull(self, user: User, request: protocol.PullRequest) -> protocol.PullResponse:
        with self.engine.connect() as conn:
            visible = self.visible_channels(conn, user)
            if request.channels is not None and visible is not None:
                unseen = sorted(set(request.channels) - visible)
                if unseen:
                    with self.writing() as write:
                        self.audit(
                            write, "forbidden", user.login, user.id, {"pull_channels": unseen}
                        )
                    names = ", ".join(unseen)
                    raise ForbiddenError(f"the user may not read these channels: {names}")
            wanted = visible if request.channels is None else frozenset(request.channels)
            head = self.head(conn)
            query = select(CHANGES).where(CHANGES.c.seq > request.cursor)
            if wanted is not None:
                query = query.where(
                    CHANGES.c.channel_id.is_(None)
                    | CHANGES.c.channel_id.in_(sorted(wanted))
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
            epoch=self.epoch(),
            head=head,
            channels=None if visible is None else sorted(visible),
        )

    # --- blobs --------------------------------------------------------------------------------

    def put_blob(self, sha256: str, data: bytes) -> bool:
        """Stores ``data`` under its hash; ``False`` if it was already there."""
        with self.writing() as conn:
            if conn.execute(select(BLOBS.c.sha256).where(BLOBS.c.sha256 == sha256)).first():
                return False
            conn.execute(insert(BLOBS), {"sha256": sha256, "size": len(data), "data": data})
        return True

    def get_blob(self, sha256: str, user: User) -> bytes | None:
        """The file, if ``user`` may read it (see :mod:`newsdesk.sync.attachments`)."""
        with self.engine.connect() as conn:
            if not attachments.may_read(conn, sha256, self.visible_channels(conn, user), user.id):
                return None
            found = conn.execute(select(BLOBS.c.data).where(BLOBS.c.sha256 == sha256)).scalar()
        return bytes(found) if found is not None else None


def entry_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    body = {**entry, "at": _aware(entry["at"]).isoformat()}
    return hashlib.sha256((prev_hash + canonical(body)).encode()).hexdigest()


def _world(conn: Connection) -> Any:
    from newsdesk.store.world import DbWorld

    return DbWorld(conn)


def _user(conn: Connection, user_id: str) -> User | None:
    user: User | None = _world(conn).user(user_id)
    return user


def _seqs(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    query = select(MUTATIONS.c.id, MUTATIONS.c.seq).where(MUTATIONS.c.id.in_(ids))
    return {row.id: row.seq for row in conn.execute(query)}


def _outcome(row: Mapping[str, Any]) -> protocol.Outcome:
    if row["status"] == "refused":
        refusal = row["refusal"] or {}
        return protocol.Outcome(
            id=row["id"],
            status="refused",
            seq=row["seq"],
            code=refusal.get("code"),
            source=refusal.get("source"),
            params=refusal.get("params", {}),
            message=refusal.get("message"),
        )
    return protocol.Outcome(id=row["id"], status="accepted", seq=row["seq"])


def _mutation_of(wire: protocol.WireMutation) -> Mutation:
    """The mutation a pushed one describes; ``ValueError`` names what is wrong with it."""
    if wire.at.tzinfo is None:
        raise ValueError("'at' must carry a time zone")
    return Mutation(
        id=wire.id,
        actor=wire.actor,
        at=wire.at,
        kind=Kind(wire.kind),
        entity=wire.entity or "",
        args=MappingProxyType(dict(wire.args)),
        base_version=wire.base_version,
    )


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
        query = query.where(MUTATIONS.c.id.in_(sorted(set(ids))))
    else:
        query = query.where(MUTATIONS.c.actor == actor, MUTATIONS.c.seq > after)
        if upto is not None:
            query = query.where(MUTATIONS.c.seq <= upto)
    return {
        row["id"]: _outcome(row) for row in conn.execute(query.order_by(MUTATIONS.c.seq)).mappings()
    }


def _refusal_json(refusal: Refusal) -> dict[str, Any]:
    return {
        "code": refusal.code.value,
        "source": refusal.message.source,
        "params": {k: v for k, v in refusal.message.params.items()},
        "message": str(refusal),
    }


def _invalid(wire: protocol.WireMutation, reason: str) -> protocol.Outcome:
    return protocol.Outcome(
        id=wire.id,
        status="refused",
        code=RefusalCode.INVALID.value,
        message=f"malformed mutation: {reason}",
    )


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
            "args": json.loads(json.dumps(dict(a.mutation.args), default=str)),
            "status": "refused",
            "refusal": _refusal_json(a.outcome),
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
            "args": json.loads(json.dumps(w.args, default=str)),
            "status": "refused",
            "refusal": {
                "code": invalid[w.id].code,
                "source": None,
                "params": {},
                "message": invalid[w.id].message,
            },
        }
        for w in malformed
    ]
    conn.execute(insert(MUTATIONS), values)


def _rows(conn: Connection, page: Sequence[Mapping[str, Any]]) -> list[protocol.WireRow]:
    """The current values of the rows a page of the ledger names, in the page's order."""
    keys: dict[str, list[str]] = {}
    for change in page:
        keys.setdefault(change["entity_table"], []).append(change["row_id"])
    values: dict[tuple[str, str], dict[str, Any]] = {}
    for name, wanted in keys.items():
        cls, table = rows.SYNCED[name]
        column = table.c[key_column(cls)]
        for row in conn.execute(select(table).where(column.in_(wanted))).mappings():
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


def verify_audit(engine: Engine) -> int | None:
    """The sequence number of the first audit entry that does not verify; ``None`` if all do."""
    prev_hash = GENESIS
    expected_seq = 1
    with engine.connect() as conn:
        for row in conn.execute(select(AUDIT).order_by(AUDIT.c.seq)).mappings():
            entry = {
                "seq": row["seq"],
                "at": row["at"],
                "event": row["event"],
                "actor_id": row["actor_id"],
                "login": row["login"],
                "detail": row["detail"],
            }
            if (
                row["seq"] != expected_seq
                or row["prev_hash"] != prev_hash
                or row["hash"] != entry_hash(prev_hash, entry)
            ):
                return int(row["seq"])
            prev_hash = row["hash"]
            expected_seq += 1
    return None


def new_epoch() -> str:
    return new_id()
