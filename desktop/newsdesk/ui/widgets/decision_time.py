"""When a review decision was made, as people read it: by the service's clock once it has the
decision, with the reviewer's own clock beside it when the two disagree (a laptop's clock days
off while it worked offline)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from newsdesk.store.history import DecisionEntry


def local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def decision_time(decision: DecisionEntry) -> str:
    """``2026-12-05 09:12``, or ``server 2026-12-05 09:12 (this computer 2026-12-02 09:11)``."""
    if not decision.skewed or decision.received_at is None:
        return local(decision.when)
    return QCoreApplication.translate(
        "DecisionTime", "server {server} (this computer {local})"
    ).format(server=local(decision.received_at), local=local(decision.decided_at))
