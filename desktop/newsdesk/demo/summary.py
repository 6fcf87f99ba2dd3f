"""What a demo build made, and who can sign in to it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, FromClause, func, select

from newsdesk.core.model import ArticleState, Role
from newsdesk.demo.cast import CHANNELS, PEOPLE, Person
from newsdesk.store import schema
from newsdesk.store.workspace import Workspace


@dataclass(frozen=True)
class DemoLogin:
    """A demo user: each role they hold, with the names of the channels where they hold it."""

    login: str
    name: str
    is_admin: bool
    roles: tuple[tuple[Role, tuple[str, ...]], ...]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`~newsdesk.demo.build_demo` made, and who can sign in."""

    channels: int
    users: int
    proposals: int
    articles: int
    published: int
    attachments: int
    logins: tuple[DemoLogin, ...]


def summarise(workspace: Workspace) -> DemoSummary:
    """Count what the demo build put in ``workspace``; list the demo users."""
    articles = schema.ARTICLES
    with workspace.store.engine.connect() as conn:
        return DemoSummary(
            channels=_count(conn, schema.CHANNELS),
            users=_count(conn, schema.USERS),
            proposals=_count(conn, schema.PROPOSALS),
            articles=_count(conn, articles),
            published=_count(conn, articles, articles.c.state == ArticleState.PUBLISHED.value),
            attachments=_count(conn, schema.ATTACHMENTS),
            logins=tuple(_login(person) for person in PEOPLE),
        )


def _login(person: Person) -> DemoLogin:
    """``person`` as the summary lists them: role by role, channels in creation order."""
    roles = tuple(
        (role, tuple(c.name for c in CHANNELS if c.key in keys)) for role, keys in person.roles
    )
    return DemoLogin(person.login, person.name, person.is_admin, roles)


def _count(conn: Connection, table: FromClause, *where: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())
