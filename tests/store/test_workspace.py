"""Opening workspaces: bad ones are refused with a clear message and left exactly as they were."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Kind, mutation
from newsdesk.store import migrate
from newsdesk.store.store import WrongThreadError, make_engine
from newsdesk.store.workspace import DB_NAME, Workspace, WorkspaceError


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_workspace(folder: Path) -> str:
    admin = new_id()
    with Workspace.open(folder, create=True) as workspace:
        workspace.store.apply(
            [mutation(admin, Kind.USER_CREATE, admin, login="admin", name="管理员", is_admin=True)]
        )
    return admin


def refused(folder: Path, *words: str) -> str:
    before = snapshot(folder)
    with pytest.raises(WorkspaceError) as caught:
        Workspace.open(folder)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert snapshot(folder) == before, "a refused workspace must be left untouched"
    return message


def test_a_new_workspace_is_a_folder_with_a_wal_database(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    admin = make_workspace(folder)
    with Workspace.open(folder) as workspace:
        with workspace.store.world() as world:
            user = world.user(admin)
        assert user is not None and user.name == "管理员"
        with workspace.store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert (folder / DB_NAME).is_file()


def test_attachments_are_stored_by_content_hash(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws", create=True) as workspace:
        data = "图片数据".encode() * 1000
        sha = workspace.blobs.put(data)
        assert sha == hashlib.sha256(data).hexdigest()
        assert workspace.blobs.put(data) == sha
        assert workspace.blobs.read(sha) == data
        source = tmp_path / "photo.jpg"
        source.write_bytes(data + b"!")
        other = workspace.blobs.put_file(source)
        assert workspace.blobs.read(other) == data + b"!"
        workspace.blobs.path(sha).write_bytes(b"tampered")
        with pytest.raises(OSError, match="damaged"):
            workspace.blobs.read(sha)


def test_a_missing_workspace_is_named(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no Newsdesk workspace"):
        Workspace.open(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_a_damaged_file_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"\x00garbage, not a database" * 100)
    refused(folder, "damaged", DB_NAME)


def test_a_truncated_database_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder)
    db = folder / DB_NAME
    db.write_bytes(db.read_bytes()[:100] + b"\xff" * 5000)
    refused(folder, "damaged")


def test_a_foreign_database_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    with sqlite3.connect(folder / DB_NAME) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    refused(folder, "not a Newsdesk workspace")


def test_a_workspace_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder)
    with sqlite3.connect(folder / DB_NAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    refused(folder, "newer version", "9999_from_the_future")


def test_an_older_workspace_is_copied_aside_then_upgraded(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    engine = make_engine(f"sqlite:///{folder / DB_NAME}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('marker', '旧数据')"))
    engine.dispose()
    with Workspace.open(folder) as workspace:
        with workspace.store.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()
        assert workspace.store.setting("marker") == "旧数据"
    (backup,) = (folder / "backups").glob("newsdesk-schema-0001-*.db")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT value FROM settings").fetchone() == ("旧数据",)
    conn.close()


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` unwritable even for root (which ignores permission bits)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip(
            "running as root where chattr +i is not permitted: cannot make a folder "
            "read-only for this test"
        )
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_read_only_folder_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder)
    with read_only(folder):
        message = refused(folder, "cannot write", str(folder))
    assert "permission" in message


def test_a_connection_used_off_the_thread_that_took_it_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder, create=True) as workspace, workspace.store.engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
        failures: list[BaseException] = []

        def elsewhere() -> None:
            try:
                conn.execute(text("SELECT 1"))
            except BaseException as error:
                failures.append(error)

        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join()
        assert [type(f) for f in failures] == [WrongThreadError]
        assert conn.execute(text("SELECT 1")).scalar() == 1  # still fine on its own thread

    def own_connection() -> int:
        with Workspace.open(folder) as reopened, reopened.store.engine.connect() as mine:
            return int(mine.execute(text("SELECT 2")).scalar_one())

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(own_connection).result() == 2


def overwrite_a_page_unnoticed(db: Path) -> None:
    """Damage the middle of ``db`` in place, then set its time of last change back: size,
    inode and time all as they were."""
    before = db.stat()
    with db.open("r+b") as file:
        file.seek(before.st_size // 2)
        file.write(b"\xde\xad" * 2048)
    os.utime(db, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_workspace_closed_cleanly_and_untouched_since_opens_without_reading_every_page(
    tmp_path: Path,
) -> None:
    """Reading every page for damage takes seconds at 100,000 items; a file exactly as
    Newsdesk's clean close left it is not read again. What changes the file outside Newsdesk
    changes its time, and is checked (the other tests); only damage that keeps size, inode and
    time, which no program writing the file does, would pass, as here."""
    folder = tmp_path / "ws"
    make_workspace(folder)
    db = folder / DB_NAME
    with sqlite3.connect(db) as conn:  # enough rows that the middle page holds some
        conn.execute("CREATE TABLE filler (text TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("填充" * 200,)] * 500)
    conn.close()
    with Workspace.open(folder):
        pass
    assert (folder / f"{DB_NAME}-closed").is_file()
    overwrite_a_page_unnoticed(db)
    with Workspace.open(folder) as workspace:
        assert not (folder / f"{DB_NAME}-closed").exists(), "spent while the file is open"
        with workspace.store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA quick_check(1)").scalar() != "ok"


def test_after_a_crash_the_next_open_reads_every_page(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder)
    db = folder / DB_NAME
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE filler (text TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("填充" * 200,)] * 500)
    conn.close()
    with Workspace.open(folder):
        pass
    crashed = Workspace.open(folder)
    crashed.store.engine.dispose()  # the process dies: no clean close, no record of one
    overwrite_a_page_unnoticed(db)
    refused(folder, "damaged")


def test_a_refused_workspace_keeps_its_record_of_the_last_clean_close(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder)
    assert (folder / f"{DB_NAME}-closed").is_file()
    db = folder / DB_NAME
    with db.open("r+b") as file:
        file.seek(db.stat().st_size - 4096)
        file.write(b"\xde\xad" * 2048)
    refused(folder, "damaged")
