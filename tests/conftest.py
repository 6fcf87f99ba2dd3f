"""Shared fixtures: real databases, never mocks.

PostgreSQL tests read ``NEWSDESK_TEST_PG_URL`` (an existing database on a server with rights to
create databases), create a database of their own and drop it afterwards. They skip only when
the variable is unset; ``.ci/run`` sets it, so in CI they run.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsdesk.store import migrate
from newsdesk.store.store import Store, make_engine

PG_URL = os.environ.get("NEWSDESK_TEST_PG_URL")


@pytest.fixture(autouse=True, scope="session")
def no_branch_preset(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No branch preset unless a test writes one: the machine's own /etc/newsdesk/branch.toml
    must never reach a test, nor the commands tests start."""
    before = os.environ.get("NEWSDESK_PRESET")
    os.environ["NEWSDESK_PRESET"] = str(tmp_path_factory.mktemp("preset") / "none.toml")
    yield
    if before is None:
        del os.environ["NEWSDESK_PRESET"]
    else:
        os.environ["NEWSDESK_PRESET"] = before


@pytest.fixture(autouse=True, scope="session")
def server_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sync service's configuration (its audit key and anchors) in a folder of the test
    run's, for this process and the commands it starts, never the user's own."""
    folder = tmp_path_factory.mktemp("config")
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    yield folder
    if before is None:
        del os.environ["XDG_CONFIG_HOME"]
    else:
        os.environ["XDG_CONFIG_HOME"] = before


def _pg_admin_url() -> str:
    if not PG_URL:
        pytest.skip("NEWSDESK_TEST_PG_URL is not set")
    return PG_URL


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    admin_url = _pg_admin_url()
    name = f"newsdesk_t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind: a real SQLite file, and a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated store on each kind of database."""
    engine = make_engine(database_url)
    with engine.begin() as conn:
        migrate.upgrade(conn)
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system of its own, full soon enough."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.decode()}")
    try:
        yield mount
    finally:
        with contextlib.suppress(Exception):
            subprocess.run(["umount", str(mount)], check=True)
