"""Schema migrations with Alembic, run programmatically on an open connection."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util.exc import CommandError
from sqlalchemy import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(conn: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    revision = ScriptDirectory.from_config(config()).get_current_head()
    assert revision is not None
    return revision


def known(revision: str) -> bool:
    """Whether this version of Newsdesk has the migration ``revision``."""
    try:
        return ScriptDirectory.from_config(config()).get_revision(revision) is not None
    except (CommandError, RevisionError):
        return False


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> None:
    command.upgrade(config(conn), target)


def downgrade(conn: Connection, target: str) -> None:
    command.downgrade(config(conn), target)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave the full-text search and similarity tables out of model comparisons: they are
    derived data, dialect-specific, created by ``store.search``, not declared as models."""
    return not (type_ == "table" and name is not None and name.startswith(("search_", "similar_")))
