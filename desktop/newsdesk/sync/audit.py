"""The service's audit log: an append-only chain that someone with the database alone cannot
bend unnoticed.

Each entry's hash is an HMAC-SHA-256, under a key kept in the service's configuration folder (not
in the database), of the previous entry's hash and the entry itself. So:

* **rewriting** entries (removing a failed sign-in and recomputing the rest) needs the key;
* **truncating** the newest entries is found from the *anchor*: after each write the service
  records the chain's head (sequence number and hash) in a file beside the key, and every
  backup carries it too; the chain must still hold the head an anchor names;
* the **ledger** is covered: the entry of each accepted change holds a digest of the mutation
  and of every user, channel and role-grant row it wrote; verifying compares the database's
  accepted mutations and those rows with what the chain recorded, so a role granted or a
  password hash changed by SQL is named.

Entries older than six months may be *archived* (written to a file with the chain head, then
removed, leaving an ``audit_archived`` entry that names the file and the head it ended at); they
are never silently deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import platformdirs
from sqlalchemy import Connection, Dialect, Engine, insert, select

from newsdesk.core.model import Channel, RoleGrant, User
from newsdesk.core.mutation import Mutation
from newsdesk.files import write_atomically
from newsdesk.store.codec import TABLES, row_to_json
from newsdesk.store.schema import AUDIT_LOG as AUDIT
from newsdesk.store.schema import MUTATIONS, metadata

GENESIS: Final = "0" * 64
KEY_FILE: Final = "audit.key"
LEDGER_TABLES: Final = tuple(TABLES[c] for c in (User, Channel, RoleGrant))
RETENTION: Final = dt.timedelta(days=183)  # 网络安全法 §21: at least six months


def default_config_dir() -> Path:
    return platformdirs.user_config_path("Newsdesk", appauthor=False) / "server"


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value).encode()).hexdigest()


def aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Entry:
    """One thing that happened, before it is chained."""

    event: str
    login: str
    actor_id: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)
    address: str | None = None
    result: str | None = None


class Keys:
    """The HMAC key and the anchors, in the service's configuration folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def key(self) -> bytes:
        path = self.folder / KEY_FILE
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            # Created once, readable by the service's user only; losing it (or changing it)
            # makes every later entry fail to verify, so it is backed up with the service.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as file:
                file.write(secrets.token_hex(32) + "\n")
        return bytes.fromhex(path.read_text(encoding="ascii").strip())

    def anchor_path(self, epoch: str) -> Path:
        return self.folder / f"audit-anchor-{epoch}.json"

    def write_anchor(self, epoch: str, seq: int, hash_: str) -> None:
        """Record the chain's head (atomically: a crash leaves the previous anchor)."""
        path = self.anchor_path(epoch)
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"seq": seq, "hash": hash_}).encode("utf-8")
        write_atomically(path, data, mode=0o600)

    def anchor(self, epoch: str) -> tuple[int, str] | None:
        path = self.anchor_path(epoch)
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data["seq"]), str(data["hash"])


def entry_hash(key: bytes, prev_hash: str, entry: Mapping[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if v is not None or k not in ("address", "result")}
    body["at"] = aware(entry["at"]).isoformat()
    return hmac.new(key, (prev_hash + canonical(body)).encode(), hashlib.sha256).hexdigest()


def _entry(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "seq": row["seq"],
        "at": row["at"],
        "event": row["event"],
        "actor_id": row["actor_id"],
        "login": row["login"],
        "detail": row["detail"],
        "address": row["address"],
        "result": row["result"],
    }


def head(conn: Connection) -> tuple[int, str]:
    last = conn.execute(select(AUDIT.c.seq, AUDIT.c.hash).order_by(AUDIT.c.seq.desc()).limit(1))
    found = last.first()
    return (int(found.seq), str(found.hash)) if found else (0, GENESIS)


def append(
    conn: Connection, key: bytes, at: dt.datetime, entries: Sequence[Entry]
) -> tuple[int, str]:
    """Chain ``entries`` after the head, in one statement; returns the new head."""
    seq, prev_hash = head(conn)
    rows = []
    for entry in entries:
        seq += 1
        values = {
            "seq": seq,
            "at": at,
            "event": entry.event,
            "actor_id": entry.actor_id,
            "login": entry.login,
            "detail": dict(entry.detail),
            "address": entry.address,
            "result": entry.result,
        }
        hash_ = entry_hash(key, prev_hash, values)
        rows.append({**values, "prev_hash": prev_hash, "hash": hash_})
        prev_hash = hash_
    if rows:
        conn.execute(insert(AUDIT), rows)
    return seq, prev_hash


# Ledger columns added after the chain began to vouch for rows: a digest leaves them out while
# they are unset, so a row vouched for before its table had the column still verifies after the
# upgrade, and a value set later is covered like any other.
LATER_COLUMNS: Final = {"channels": frozenset({"silence_days"})}


def row_digests(table_name: str, rows: Sequence[Mapping[Any, Any]]) -> dict[str, str]:
    """``key: digest`` of ledger rows (users, channels, role grants) as the database holds them."""
    table = metadata.tables[table_name]
    later = LATER_COLUMNS.get(table_name, frozenset())
    return {
        str(row["id"]): digest(
            {
                name: value
                for name, value in row_to_json(table, row).items()
                if not (name in later and value is None)
            }
        )
        for row in rows
    }


def mutation_digest(row: Mapping[Any, Any]) -> str:
    """A digest of an accepted mutation as the ``mutations`` table holds it."""
    at = row["at"]
    when = aware(at).astimezone(dt.UTC).isoformat() if isinstance(at, dt.datetime) else at
    return digest(
        {
            "id": row["id"],
            "actor": row["actor"],
            "at": when,
            "kind": row["kind"],
            "entity": row["entity"],
            "base_version": row["base_version"],
            "args": row["args"],
        }
    )


def stored_mutation_digest(mutation: Mutation, dialect: Dialect) -> str:
    """:func:`mutation_digest` of ``mutation`` as the ``mutations`` table will give it back,
    without reading it back: its time goes through the column's own conversions both ways (SQLite
    keeps the wall time without the offset); its arguments are JSON values, which read back
    equal."""
    column = MUTATIONS.c.at.type.dialect_impl(dialect)
    at: Any = mutation.at
    if (bind := column.bind_processor(dialect)) is not None:
        at = bind(at)
    if (result := column.result_processor(dialect, None)) is not None:
        at = result(at)
    return mutation_digest(
        {
            "id": mutation.id,
            "actor": mutation.actor,
            "at": at,
            "kind": mutation.kind.value,
            "entity": mutation.entity,
            "base_version": mutation.base_version,
            "args": dict(mutation.args),
        }
    )


# --- verifying ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What verifying found: ``None`` problem means intact."""

    entries: int
    problem: str | None = None
    seq: int | None = None  # the first entry concerned, if one is

    @property
    def intact(self) -> bool:
        return self.problem is None


def _rows(conn: Connection) -> Iterator[Mapping[Any, Any]]:
    yield from conn.execute(select(AUDIT).order_by(AUDIT.c.seq)).mappings()


def verify(engine: Engine, keys: Keys, epoch: str) -> Verdict:
    """Check the chain, its anchor and the ledger it covers (see the module's docstring)."""
    key = keys.key
    with engine.connect() as conn:
        count = 0
        prev_hash: str | None = None
        expected: int | None = None
        archived: dict[int, str] = {}  # through seq -> head hash, from audit_archived entries
        first: Mapping[str, Any] | None = None
        recorded_mutations: dict[str, str] = {}
        recorded_rows: dict[tuple[str, str], str] = {}
        last_seq, last_hash = 0, GENESIS
        for row in _rows(conn):
            count += 1
            if first is None:
                first = row
                prev_hash, expected = row["prev_hash"], row["seq"]
            if row["seq"] != expected or row["prev_hash"] != prev_hash:
                return Verdict(count, "missing", int(row["seq"]))
            if row["hash"] != entry_hash(key, str(prev_hash), _entry(row)):
                return Verdict(count, "altered", int(row["seq"]))
            detail = row["detail"] or {}
            if row["event"] == "audit_archived":
                archived[int(detail["through"])] = str(detail["head"])
            if row["event"] == "mutation" and "digest" in detail:
                recorded_mutations[str(detail["id"])] = str(detail["digest"])
            vouched = detail.get("rows") if row["event"] in _VOUCHING else None
            for name, keyed in (vouched or {}).items():
                for row_key, row_digest in keyed.items():
                    recorded_rows[(name, row_key)] = row_digest
            prev_hash, expected = row["hash"], int(row["seq"]) + 1
            last_seq, last_hash = int(row["seq"]), str(row["hash"])
        if first is not None and first["seq"] != 1:
            through = int(first["seq"]) - 1
            if archived.get(through) != first["prev_hash"]:
                return Verdict(count, "missing", int(first["seq"]))
        anchor = keys.anchor(epoch)
        if anchor is not None:
            seq, hash_ = anchor
            if seq > last_seq:
                return Verdict(count, "truncated", last_seq + 1)
            if seq > 0 and not _holds(conn, seq, hash_):
                return Verdict(count, "altered", seq)
        problem = _ledger_problem(conn, recorded_mutations, recorded_rows)
        if problem is not None:
            return Verdict(count, problem)
        del last_hash
    return Verdict(count)


_VOUCHING: Final = frozenset({"mutation", "ledger_sealed", "audit_archived"})


def _holds(conn: Connection, seq: int, hash_: str) -> bool:
    found = conn.execute(select(AUDIT.c.hash).where(AUDIT.c.seq == seq)).scalar()
    return found == hash_


def _ledger_problem(
    conn: Connection,
    recorded_mutations: Mapping[str, str],
    recorded_rows: Mapping[tuple[str, str], str],
) -> str | None:
    """The first ledger row the chain does not vouch for, described; ``None`` if none."""
    accepted = select(MUTATIONS).where(MUTATIONS.c.status == "accepted").order_by(MUTATIONS.c.seq)
    seen: set[str] = set()
    for row in conn.execute(accepted).mappings():
        seen.add(row["id"])
        recorded = recorded_mutations.get(row["id"])
        if recorded is not None and recorded != mutation_digest(row):
            return f"ledger:mutation:{row['id']}"
    for mutation_id in recorded_mutations:
        if mutation_id not in seen:
            return f"ledger:mutation:{mutation_id}"
    for table in LEDGER_TABLES:
        rows = conn.execute(select(table)).mappings().all()
        for key, row_digest in row_digests(table.name, rows).items():
            if recorded_rows.get((table.name, key)) != row_digest:
                return f"ledger:{table.name}:{key}"
    return None


# --- reading ------------------------------------------------------------------------------------

SIGN_IN_EVENTS: Final = ("login", "login_failed", "login_throttled", "password_wrong")
FAILED_SIGN_INS: Final = 5  # failures of one login or address in the period before an alert
MASS_REMOVAL: Final = 10  # deletions or retractions by one person within an hour
UNUSUAL_HOURS: Final = range(0, 6)  # sign-ins between midnight and six, the service's time
REMOVALS: Final = frozenset({"proposal.delete", "article.retract"})
ROLE_CHANGES: Final = frozenset({"role.grant", "role.revoke", "user.update", "user.create"})


@dataclass(frozen=True)
class Filters:
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    login: str | None = None
    events: Sequence[str] | None = None
    result: str | None = None
    before: int | None = None


def _where(filters: Filters) -> list[Any]:
    conditions: list[Any] = []
    if filters.start is not None:
        conditions.append(AUDIT.c.at >= filters.start)
    if filters.end is not None:
        conditions.append(AUDIT.c.at < filters.end)
    if filters.login:
        conditions.append(AUDIT.c.login == filters.login.strip().lower())
    if filters.events:
        conditions.append(AUDIT.c.event.in_(list(filters.events)))
    if filters.result:
        conditions.append(AUDIT.c.result == filters.result)
    if filters.before is not None:
        conditions.append(AUDIT.c.seq < filters.before)
    return conditions


def entries(conn: Connection, filters: Filters, limit: int) -> list[Mapping[Any, Any]]:
    """Entries matching ``filters``, newest first, at most ``limit``."""
    query = select(AUDIT).where(*_where(filters)).order_by(AUDIT.c.seq.desc()).limit(limit)
    return list(conn.execute(query).mappings())


def every_entry(conn: Connection, filters: Filters) -> Iterator[Mapping[Any, Any]]:
    """Entries matching ``filters``, oldest first (for exports and archives)."""
    query = select(AUDIT).where(*_where(filters)).order_by(AUDIT.c.seq)
    yield from conn.execute(query).mappings()


@dataclass(frozen=True)
class Alert:
    kind: str
    subject: str
    at: dt.datetime
    count: int
    detail: str = ""


def alerts(conn: Connection, start: dt.datetime, end: dt.datetime) -> list[Alert]:
    """What administrators should look at among the entries of [start, end), newest first."""
    window = Filters(start=start, end=end)
    found: list[Alert] = []
    failures: dict[str, list[dt.datetime]] = {}
    removals: dict[str, list[dt.datetime]] = {}
    logins: list[Mapping[str, Any]] = []
    for row in every_entry(conn, window):
        at = aware(row["at"])
        event, detail = row["event"], row["detail"] or {}
        if event in ("login_failed", "password_wrong"):
            failures.setdefault(f"login:{row['login']}", []).append(at)
            if row["address"]:
                failures.setdefault(f"address:{row['address']}", []).append(at)
        elif event == "login":
            logins.append(row)
            if at.astimezone().hour in UNUSUAL_HOURS:
                found.append(Alert("unusual_hour", row["login"], at, 1, row["address"] or ""))
        elif event == "mutation" and detail.get("kind") in REMOVALS:
            removals.setdefault(row["login"], []).append(at)
        elif event == "mutation" and detail.get("kind") in ROLE_CHANGES:
            found.append(
                Alert("role_change", row["login"], at, 1, f"{detail['kind']} {detail['entity']}")
            )
    for subject, times in failures.items():
        if len(times) >= FAILED_SIGN_INS:
            found.append(Alert("failed_sign_ins", subject.split(":", 1)[1], max(times), len(times)))
    for login, times in removals.items():
        burst = _busiest_hour(times)
        if burst >= MASS_REMOVAL:
            found.append(Alert("mass_removal", login, max(times), burst))
    found += _new_addresses(conn, logins)
    return sorted(found, key=lambda a: a.at, reverse=True)


def _busiest_hour(times: Sequence[dt.datetime]) -> int:
    ordered = sorted(times)
    best = start = 0
    for end, at in enumerate(ordered):
        while at - ordered[start] > dt.timedelta(hours=1):
            start += 1
        best = max(best, end - start + 1)
    return best


def _new_addresses(conn: Connection, logins: Sequence[Mapping[str, Any]]) -> list[Alert]:
    """Sign-ins from an address the user had never signed in from before (once they had
    signed in from somewhere)."""
    found: list[Alert] = []
    for row in logins:
        if not row["address"]:
            continue
        earlier = select(AUDIT.c.address).where(
            AUDIT.c.event == "login", AUDIT.c.login == row["login"], AUDIT.c.seq < row["seq"]
        )
        seen = {a for a in conn.execute(earlier.distinct()).scalars() if a}
        if seen and row["address"] not in seen:
            found.append(Alert("new_address", row["login"], aware(row["at"]), 1, row["address"]))
    return found


# --- archiving ----------------------------------------------------------------------------------

ARCHIVE_FORMAT: Final = "newsdesk-audit-archive"


class ArchiveError(Exception):
    """Entries cannot be archived (too young, or none); the message says why."""


@dataclass(frozen=True)
class Archived:
    through: int  # the last entry archived
    head: str  # its hash: the next entry's prev_hash
    entries: int
    sha256: str  # of the archive file


def write_archive(
    engine: Engine, key: bytes, before: dt.datetime, out: Path, now: dt.datetime
) -> Archived:
    """Write the entries older than ``before`` (at least :data:`RETENTION` old) to ``out``, a
    signed gzip'd JSON-lines file ending with the chain head; the caller then records an
    ``audit_archived`` entry naming it and removes them (so the chain still verifies)."""
    import gzip

    from sqlalchemy import func

    if before > now - RETENTION:
        raise ArchiveError(
            f"entries are kept at least {RETENTION.days} days: archive only those before "
            f"{(now - RETENTION).date().isoformat()}"
        )
    with engine.connect() as conn:
        # The oldest entries up to the first young one: what is archived is a prefix.
        young = conn.execute(select(func.min(AUDIT.c.seq)).where(AUDIT.c.at >= before)).scalar()
        last = conn.execute(select(func.max(AUDIT.c.seq))).scalar() or 0
        oldest = conn.execute(select(func.min(AUDIT.c.seq))).scalar() or 1
        through = (young - 1) if young is not None else last
        if through < oldest:
            raise ArchiveError(f"no entry is older than {before.date().isoformat()}")
        signature = hmac.new(key, digestmod=hashlib.sha256)
        count = 0
        head_hash = GENESIS
        with gzip.open(out, "wt", encoding="utf-8") as file:
            header = json.dumps({"format": ARCHIVE_FORMAT, "through": through}) + "\n"
            file.write(header)
            signature.update(header.encode())
            query = select(AUDIT).where(AUDIT.c.seq <= through).order_by(AUDIT.c.seq)
            for row in conn.execute(query).mappings():
                line = canonical({**row, "at": aware(row["at"]).isoformat()}) + "\n"
                file.write(line)
                signature.update(line.encode())
                head_hash = str(row["hash"])
                count += 1
            trailer = {"end": True, "entries": count, "head": head_hash}
            file.write(json.dumps({**trailer, "hmac": signature.hexdigest()}) + "\n")
    return Archived(int(through), head_hash, count, hashlib.sha256(out.read_bytes()).hexdigest())
