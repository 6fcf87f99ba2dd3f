"""What the sync loop reports, apart from the client that produces it: the window shows a status
without importing the network stack."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from newsdesk.core.i18n import Message

if TYPE_CHECKING:
    from newsdesk.sync.protocol import DesktopRelease


class State(StrEnum):
    OFFLINE = "offline"  # not connected to a server, or it cannot be reached
    FAILED = "failed"  # a round failed on this computer (its disk, a defect); retried
    SYNCING = "syncing"
    ONLINE = "online"
    SIGN_IN = "sign_in"  # waiting for the user to sign in again
    RESTORED = "restored"  # waiting for the user to decide about a restored server
    UPDATE = "update"  # paused: the server needs a newer desktop


@dataclass(frozen=True)
class SyncStatus:
    state: State
    pending: int = 0
    last_sync: dt.datetime | None = None
    problems: int = 0
    error: Message | None = None
    retry_in: float | None = None
    epoch: str | None = None  # the restored server's epoch, while waiting for a decision
    changed: frozenset[str] = field(default_factory=frozenset)
    latest_desktop: DesktopRelease | None = None  # as the server announces it
