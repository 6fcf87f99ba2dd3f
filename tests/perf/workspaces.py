"""The demo workspaces the benchmarks run over, built once per process."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from newsdesk.demo import build_demo
from newsdesk.store.workspace import Workspace


@cache
def demo_workspace(size: str) -> Path:
    """The folder of a demo workspace of ``size`` ("small" or "large"), removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix=f"newsdesk-bench-{size}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with Workspace.open(folder / "ws", create=True) as workspace:
        build_demo(workspace, "large" if size == "large" else "small")
    return folder / "ws"


@cache
def board_workspace(cards: int) -> Path:
    """The folder of a demo workspace whose board shows exactly ``cards`` cards to the chief,
    removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix=f"newsdesk-bench-board-{cards}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with Workspace.open(folder / "ws", create=True) as workspace:
        build_demo(workspace, "board", items=cards)
    return folder / "ws"
