"""Who may be assigned a topic: the editors of its channel.

The snapshot knows the users but not their role grants, so the list is read on the database
thread. A page opening :class:`~newsdesk.ui.proposals.dialogs.AssignDialog` does::

    dialog = AssignDialog(snapshot, proposal, self)
    load_editors(session, snapshot, proposal.channel_id, dialog.set_editors)
    dialog.open()
"""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.core.board import Snapshot
from newsdesk.core.model import User
from newsdesk.store.reads import channel_editors
from newsdesk.ui.session import Session


def load_editors(
    session: Session,
    snapshot: Snapshot,
    channel_id: str,
    done: Callable[[list[User]], object],
) -> None:
    """Read the editors of ``channel_id`` off the UI thread and hand them to ``done``."""
    users = list(snapshot.users.values())
    session.read(lambda conn: channel_editors(conn, users, channel_id), done)
