"""The administrator's read model: every user, channel and active role grant, as plain values.

Password verifiers stay in the database: the user query does not select them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from newsdesk.core.model import Channel, Role, RoleGrant, User
from newsdesk.store.codec import TABLES, from_row

USERS = TABLES[User]
CHANNELS = TABLES[Channel]
GRANTS = TABLES[RoleGrant]


@dataclass(frozen=True)
class Directory:
    """Users by login, channels by name, and the roles currently held."""

    users: tuple[User, ...]
    channels: tuple[Channel, ...]
    grants: tuple[RoleGrant, ...]

    def roles_of(self, user_id: str) -> frozenset[tuple[str, Role]]:
        """The (channel id, role) pairs ``user_id`` holds."""
        return frozenset((g.channel_id, g.role) for g in self.grants if g.user_id == user_id)


def directory(conn: Connection) -> Directory:
    """Three queries: users (without password hashes), channels, active grants."""
    columns = [c for c in USERS.c if c.name != "password_hash"]
    users = tuple(
        from_row(User, {**row, "password_hash": None})
        for row in conn.execute(select(*columns).order_by(USERS.c.login)).mappings()
    )
    channels = tuple(
        from_row(Channel, row)
        for row in conn.execute(select(CHANNELS).order_by(CHANNELS.c.name)).mappings()
    )
    grants = tuple(
        from_row(RoleGrant, row)
        for row in conn.execute(
            select(GRANTS).where(GRANTS.c.active.is_(True)).order_by(GRANTS.c.id)
        ).mappings()
    )
    return Directory(users, channels, grants)
