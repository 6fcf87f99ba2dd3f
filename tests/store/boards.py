"""A board demo newsroom applied to a store of either kind, for tests that read it at scale."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from newsdesk.demo import build_demo
from newsdesk.store.apply import MUTATIONS, Status, mutation_from_row
from newsdesk.store.store import Store
from newsdesk.store.workspace import Workspace


def apply_board_demo(store: Store, scratch: Path, items: int) -> None:
    """The log of a board demo of ``items`` stories (built in a workspace under ``scratch``),
    applied to ``store`` as the service accepted it."""
    with Workspace.open(scratch / "board", create=True) as workspace:
        build_demo(workspace, "board", items=items)
        with workspace.store.engine.connect() as conn:
            rows = conn.execute(select(MUTATIONS).order_by(MUTATIONS.c.seq)).mappings()
            log = [mutation_from_row(row) for row in rows]
    for start in range(0, len(log), 1_000):
        assert all(a.accepted for a in store.apply(log[start : start + 1_000], Status.ACCEPTED))
