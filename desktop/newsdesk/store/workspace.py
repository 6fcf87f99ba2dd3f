"""A workspace: a folder holding the local SQLite database (WAL mode) and the attachments.

Opening one never damages it: a damaged file, a workspace written by a newer Newsdesk or a
folder that cannot be written are refused with a message saying so, before anything is written;
an older workspace is copied aside before it is upgraded.
"""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from pathlib import Path
from types import MappingProxyType, ModuleType

import platformdirs
from sqlalchemy import exc

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.store.blobs import BlobStore
from newsdesk.store.schema import SCHEMA_HEAD
from newsdesk.store.store import (
    SYNC_SERVER,
    Store,
    keep_connections_on_their_thread,
    make_engine,
)

DB_NAME = "newsdesk.db"
CLOSED_NAME = DB_NAME + "-closed"
"""Beside the database after a clean close: the file's size, inode and time of last change as
Newsdesk left it. While they still match, the file has not been written since, and the next open
need not read every page to find damage (a 100,000-item workspace is over a gigabyte: seconds)."""
SQLITE_MAGIC = b"SQLite format 3\x00"
DEMO_SETTING = "demo_password"
"""The setting that marks a demo newsroom; its value is the demo password, which the sign-in
dialog tells (a demo's passwords are no secret)."""
DEMO_LOGIN = "editor"
"""The user a demo's sign-in dialog offers first: an editor sees the whole journey."""


class WorkspaceError(Exception):
    """A workspace cannot be opened; ``message`` says why, for people."""

    def __init__(self, source: str, **params: object) -> None:
        self.message = Message("Workspace", source, MappingProxyType(params))
        super().__init__(str(self.message))


def disk_full(error: BaseException) -> bool:
    """Whether ``error`` (a file write, SQLite's or SQLAlchemy's) says the disk is full."""
    if isinstance(error, exc.DBAPIError):
        error = error.orig if error.orig is not None else error
    if isinstance(error, sqlite3.OperationalError):
        return "disk is full" in str(error)
    return isinstance(error, OSError) and error.errno == errno.ENOSPC


def disk_full_error(path: Path) -> WorkspaceError:
    return WorkspaceError(
        QT_TRANSLATE_NOOP(
            "Workspace",
            "The disk is full: {path} could not be written. Free some space and try again; "
            "nothing was left half-made.",
        ),
        path=str(path),
    )


def _damaged(db: Path, reason: str) -> WorkspaceError:
    return WorkspaceError(
        QT_TRANSLATE_NOOP(
            "Workspace",
            "{path} is damaged ({reason}). Restore it from a backup or open another workspace.",
        ),
        path=str(db),
        reason=reason,
    )


def default_location() -> Path:
    return platformdirs.user_data_path("Newsdesk", appauthor=False) / "workspace"


def _check_writable(folder: Path) -> None:
    probe = folder / ".newsdesk-write-check"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Workspace",
                "Newsdesk cannot write to the folder {path} ({reason}). Choose another "
                "folder or ask for write permission.",
            ),
            path=str(folder),
            reason=error.strerror or str(error),
        ) from None


def _probe_version(db: Path) -> str | None:
    """The workspace's schema revision, read without writing anything, not even a lock file."""
    with db.open("rb") as f:
        if f.read(16) != SQLITE_MAGIC:
            raise WorkspaceError(
                QT_TRANSLATE_NOOP(
                    "Workspace",
                    "{path} is damaged or is not a Newsdesk workspace: it is not a "
                    "database file. Restore it from a backup or open another workspace.",
                ),
                path=str(db),
            )
    wal = db.with_name(db.name + "-wal")
    immutable = "" if wal.exists() and wal.stat().st_size else "&immutable=1"
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro{immutable}", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise WorkspaceError(
                        QT_TRANSLATE_NOOP(
                            "Workspace", "{path} is a database, but not a Newsdesk workspace."
                        ),
                        path=str(db),
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise _damaged(db, str(error)) from None


def _fingerprint(db: Path) -> str | None:
    """Who the database file is now, or ``None`` while a write-ahead log remains beside it (not
    closed, or not cleanly: its changes are not in the file yet)."""
    if db.with_name(db.name + "-wal").exists():
        return None
    found = db.stat()
    return f"{found.st_size} {found.st_ino} {found.st_mtime_ns}"


def _unchanged_since_closed(db: Path) -> bool:
    """Whether Newsdesk closed ``db`` cleanly and nothing has written it since."""
    try:
        recorded = db.with_name(CLOSED_NAME).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return False
    return recorded == _fingerprint(db)


def synced_server(folder: Path) -> str | None:
    """The server the workspace in ``folder`` syncs with, if any, read without opening the
    workspace (no lock, no migration): the desktop may have it open meanwhile."""
    db = folder / DB_NAME
    if not db.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (SYNC_SERVER,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def _migrations() -> ModuleType:
    """The migration machinery, imported only when needed: Alembic is slow to import, and a
    workspace that is up to date (the usual case) does not need it."""
    from newsdesk.store import migrate

    return migrate


class Workspace:
    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = folder
        self.store = store
        self.blobs = BlobStore(folder / "attachments")

    @property
    def export(self) -> Path:
        """Where published articles are exported unless the publishing settings say otherwise."""
        return self.folder / "export"

    @property
    def wordlists(self) -> Path:
        """The administrator's own sensitive-word lists, added to the shipped ones."""
        return self.folder / "wordlists"

    @classmethod
    def open(cls, folder: Path, *, create: bool = False) -> Workspace:
        folder = folder.expanduser().resolve()
        db = folder / DB_NAME
        if not db.exists():
            if not create:
                raise WorkspaceError(
                    QT_TRANSLATE_NOOP("Workspace", "There is no Newsdesk workspace in {path}."),
                    path=str(folder),
                )
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise WorkspaceError(
                    QT_TRANSLATE_NOOP(
                        "Workspace", "Newsdesk cannot create the folder {path} ({reason})."
                    ),
                    path=str(folder),
                    reason=error.strerror or str(error),
                ) from None
            version = None
        elif not db.is_file():
            raise WorkspaceError(
                QT_TRANSLATE_NOOP(
                    "Workspace",
                    "{path} is not a database file (it is a folder or a device). Open another "
                    "workspace.",
                ),
                path=str(db),
            )
        else:
            version = _probe_version(db)
            if version not in (None, SCHEMA_HEAD) and not _migrations().known(version):
                raise WorkspaceError(
                    QT_TRANSLATE_NOOP(
                        "Workspace",
                        "{path} was written by a newer version of Newsdesk (schema "
                        "{version}). Install that version to open it; nothing was changed.",
                    ),
                    path=str(folder),
                    version=version,
                )
        _check_writable(folder)
        unchanged = version is not None and _unchanged_since_closed(db)
        if version is not None and version != SCHEMA_HEAD:
            cls._copy_aside(db, version)
        engine = make_engine(f"sqlite:///{db}")
        keep_connections_on_their_thread(engine)
        try:
            with engine.begin() as conn:
                if version != SCHEMA_HEAD:
                    _migrations().upgrade(conn)
                # Every page is read (one overwritten page must be noticed here, not in the
                # middle of an export) unless the file is as Newsdesk's clean close left it.
                found = (
                    "ok"
                    if version == SCHEMA_HEAD and unchanged
                    else conn.exec_driver_sql("PRAGMA quick_check(1)").scalar()
                )
        except exc.DatabaseError as error:
            engine.dispose()
            if disk_full(error):
                raise disk_full_error(db) from None
            raise _damaged(db, str(error.orig)) from None
        if found != "ok":
            engine.dispose()
            raise _damaged(db, str(found))
        # Spent: from now on this process writes the file, and only its clean close says again
        # what the file is (after a crash the next open reads every page).
        db.with_name(CLOSED_NAME).unlink(missing_ok=True)
        return cls(folder, Store(engine))

    @staticmethod
    def _copy_aside(db: Path, version: str) -> Path:
        """A consistent copy of ``db`` in ``backups/`` before an upgrade changes it."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = db.parent / "backups" / f"newsdesk-schema-{version}-{stamp}.db"
        target.parent.mkdir(exist_ok=True)
        source = sqlite3.connect(db)
        try:
            copy = sqlite3.connect(target)
            with copy:
                source.backup(copy)
            copy.close()
        finally:
            source.close()
        return target

    def close(self) -> None:
        self.store.engine.dispose()
        db = self.folder / DB_NAME
        try:
            fingerprint = _fingerprint(db)
            if fingerprint is not None:
                db.with_name(CLOSED_NAME).write_text(fingerprint, encoding="ascii")
        except OSError:
            pass  # the next open reads every page instead: slower, never wrong

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
