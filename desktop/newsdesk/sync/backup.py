"""Backing up the service's database while it runs, and restoring it into an empty database.

A backup is gzip'd JSON lines: a header (with the audit chain's head), then one line per row of
every table, then a trailer with the number of rows and an HMAC of every line before it under
the service's audit key. It is taken from one consistent snapshot (a REPEATABLE READ transaction
on PostgreSQL; on SQLite, SQLite's own online backup of the file first). A restore refuses a
backup whose signature does not hold (edited, rows added or duplicated, made with another key)
or that ends early (truncated), saying which. A restore gets a new epoch, so every desktop
notices that the server may have lost what it accepted after the backup, and offers to push it
again.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import hmac
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Connection, Engine, LargeBinary, Table, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from newsdesk.core.model import User
from newsdesk.store import migrate
from newsdesk.store.codec import TABLES
from newsdesk.store.schema import SCHEMA_HEAD, SETTINGS, metadata
from newsdesk.store.store import make_engine
from newsdesk.sync import audit
from newsdesk.sync.audit_log import EPOCH_KEY, AuditLog, new_epoch

FORMAT: Final = "newsdesk-server-backup"
BATCH: Final = 1000


class BackupError(Exception):
    """The backup cannot be read or restored; the message says why."""


def _tables() -> list[Table]:
    return [t for t in metadata.sorted_tables if t.name != "alembic_version"]


def _out(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$t": (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, bytes | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _in(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "$t":
            return dt.datetime.fromisoformat(inner)
        if tag == "$d":
            return dt.date.fromisoformat(inner)
        if tag == "$b":
            return base64.b64decode(inner)
    return value


def _dump(conn: Connection, out: Path, key: bytes) -> int:
    count = 0
    signature = hmac.new(key, digestmod=hashlib.sha256)
    seq, hash_ = audit.head(conn)
    with gzip.open(out, "wt", encoding="utf-8") as file:

        def write(line: str) -> None:
            file.write(line)
            signature.update(line.encode("utf-8"))

        header = {"format": FORMAT, "schema": SCHEMA_HEAD, "audit_head": [seq, hash_]}
        write(json.dumps(header) + "\n")
        for table in _tables():
            for row in conn.execute(select(table)).mappings():
                line = {"table": table.name, "row": {k: _out(v) for k, v in row.items()}}
                write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
        file.write(json.dumps({"end": True, "rows": count, "hmac": signature.hexdigest()}) + "\n")
    return count


def backup(engine: Engine, out: Path, key: bytes) -> int:
    """Writes a consistent snapshot of the database to ``out``; returns the number of rows."""
    if engine.dialect.name == "sqlite":
        source = engine.url.database
        if not source:
            raise BackupError("an in-memory database cannot be backed up")
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "snapshot.db"
            with sqlite3.connect(source) as live, sqlite3.connect(copy) as target:
                live.backup(target)
            snapshot = make_engine(f"sqlite:///{copy}")
            try:
                with snapshot.connect() as conn:
                    return _dump(conn, out, key)
            finally:
                snapshot.dispose()
    snapshot_reads = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot_reads as conn, conn.begin():
        return _dump(conn, out, key)


def _signed_lines(source: Path, key: bytes) -> list[dict[str, Any]]:
    """The backup's lines, once its signature and its length are checked (``BackupError``
    saying what is wrong otherwise)."""
    signature = hmac.new(key, digestmod=hashlib.sha256)
    lines: list[dict[str, Any]] = []
    trailer: dict[str, Any] | None = None
    try:
        with gzip.open(source, "rt", encoding="utf-8") as file:
            for text_line in file:
                line = json.loads(text_line)
                if isinstance(line, dict) and line.get("end") is True:
                    trailer = line
                    break
                signature.update(text_line.encode("utf-8"))
                lines.append(line)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{source} is not a readable backup ({error})") from error
    if not lines or not isinstance(lines[0], dict) or lines[0].get("format") != FORMAT:
        raise BackupError(f"{source} is not a Newsdesk server backup")
    if trailer is None:
        raise BackupError(
            f"{source} is incomplete: it ends after {len(lines) - 1} rows, before its "
            "signature (the file was cut short)"
        )
    if not hmac.compare_digest(str(trailer.get("hmac", "")), signature.hexdigest()):
        raise BackupError(
            f"{source} does not match its signature: it was changed after it was made (rows "
            "edited, added, removed or repeated), or made by a server with another audit key"
        )
    if trailer.get("rows") != len(lines) - 1:
        raise BackupError(f"{source} holds another number of rows than it was made with")
    return lines


def restore(engine: Engine, source: Path, keys: audit.Keys) -> int:
    """Restores ``source`` into ``engine``'s database, which must be empty; gives it a new
    epoch. Returns the number of rows restored."""
    lines = _signed_lines(source, keys.key)
    header = lines[0]
    if header.get("schema") != SCHEMA_HEAD:
        raise BackupError(
            f"{source} has schema {header.get('schema')}; this version restores {SCHEMA_HEAD}"
        )
    tables = {t.name: t for t in _tables()}
    try:
        with engine.begin() as conn:
            count = _load(conn, source, lines[1:], tables)
    except IntegrityError as error:
        raise BackupError(f"{source} holds the same row twice ({error.orig})") from None
    restored = AuditLog(engine, keys)
    with restored.writing() as conn:
        restored.record(
            conn,
            "restored",
            "newsdesk-server",
            None,
            {"from": source.name, "count": count, "backup_audit_head": header.get("audit_head")},
            result="ok",
        )
    return count


def _load(
    conn: Connection, source: Path, lines: list[dict[str, Any]], tables: dict[str, Table]
) -> int:
    migrate.upgrade(conn)
    users = conn.execute(select(func.count()).select_from(TABLES[User]))
    if users.scalar_one():
        raise BackupError("restore into a new, empty database: this one has users")
    count = 0
    batch: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        table = tables.get(line.get("table", ""))
        if table is None:
            raise BackupError(f"{source} names an unknown table {line.get('table')!r}")
        row = {k: _in(v) for k, v in line["row"].items()}
        if table.name == SETTINGS.name and row["key"] == EPOCH_KEY:
            continue
        batch.setdefault(table.name, []).append(row)
        count += 1
        if len(batch[table.name]) >= BATCH:
            conn.execute(insert(table), batch.pop(table.name))
    for name, rows in batch.items():
        conn.execute(insert(tables[name]), rows)
    conn.execute(insert(SETTINGS), {"key": EPOCH_KEY, "value": new_epoch()})
    if conn.dialect.name == "postgresql":
        for table in tables.values():
            for column in table.primary_key.columns:
                if column.autoincrement is True and not isinstance(column.type, LargeBinary):
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                            f"'{column.name}'), coalesce(max({column.name}), 0) + 1, false) "
                            f"FROM {table.name}"
                        )
                    )
    return count
