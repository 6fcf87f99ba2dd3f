"""The demo workspaces the benchmarks run over, built once per run.

The runner gives its benchmark processes one folder to share (:data:`SHARED`), so a workspace
built for one benchmark is there for the next; a benchmark run on its own builds its workspaces
in folders removed when it exits."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from newsdesk.demo import build_demo
from newsdesk.store.workspace import Workspace

SHARED = "NEWSDESK_BENCH_WORKSPACES"  # the environment variable naming the shared folder
BUILT = "built"  # written beside a workspace once it is complete


def _workspace(name: str, build: Callable[[Workspace], None]) -> Path:
    shared = os.environ.get(SHARED)
    if shared:
        folder = Path(shared) / name
    else:
        folder = Path(tempfile.mkdtemp(prefix=f"newsdesk-bench-{name}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    if not (folder / BUILT).exists():  # new, or left half-built by a benchmark that broke
        shutil.rmtree(folder / "ws", ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        with Workspace.open(folder / "ws", create=True) as workspace:
            build(workspace)
        (folder / BUILT).touch()
    return folder / "ws"


@cache
def demo_workspace(size: str) -> Path:
    """The folder of a demo workspace of ``size`` ("small" or "large")."""
    return _workspace(size, lambda ws: build_demo(ws, "large" if size == "large" else "small"))


@cache
def board_workspace(cards: int) -> Path:
    """The folder of a demo workspace whose board shows exactly ``cards`` cards to the chief."""
    return _workspace(f"board-{cards}", lambda ws: build_demo(ws, "board", items=cards))
