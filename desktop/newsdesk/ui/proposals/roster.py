"""Who may be assigned a topic: the editors of its channel.

The snapshot knows the users but not their role grants, so the list is read on the database
thread. A page opening :class:`~newsdesk.ui.proposals.dialogs.AssignDialog` does::

    dialog = AssignDialog(snapshot, proposal, self)
    load_editors(session, snapshot, proposal.channel_id, dialog.set_editors)
    dialog.open()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Connection

from newsdesk.core.actor import Actor
from newsdesk.core.board import Snapshot
from newsdesk.core.model import Role, User
from newsdesk.store.world import DbWorld
from newsdesk.ui.session import Session


def channel_editors(conn: Connection, users: Iterable[User], channel_id: str) -> list[User]:
    """Those of ``users`` who hold the editor role in ``channel_id`` and are not disabled."""
    world = DbWorld(conn)
    return [
        user
        for user in users
        if Actor.of(user, world.grants_of(user.id)).holds(Role.EDITOR, channel_id)
    ]


def load_editors(
    session: Session,
    snapshot: Snapshot,
    channel_id: str,
    done: Callable[[list[User]], object],
) -> None:
    """Read the editors of ``channel_id`` off the UI thread and hand them to ``done``."""
    users = list(snapshot.users.values())
    session.read(lambda conn: channel_editors(conn, users, channel_id), done)
