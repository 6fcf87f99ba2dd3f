"""Search over the large demo workspace, as the search box runs it, against a plain
``LIKE '%q%'`` scan of the same proposals and articles (titles and texts) in the same database.
In scale mode, the board's search (every matching id, no ranking) over a board workspace of each
size, against the same scan."""

from __future__ import annotations

from functools import partial

import sqlalchemy as sa

from newsdesk.store.queries import ARTICLES, PROPOSALS
from newsdesk.store.workspace import Workspace
from tests.perf import Result, median_of
from tests.perf.workspaces import board_workspace, demo_workspace

QUERIES = (("2-char", "文化"), ("2-char", "社区"), ("3-char", "志愿者"), ("4-char", "公共文化"))
TARGET_MS = 50.0
BOARD_TARGET_MS = 100.0  # the target for the board's search at 100,000 items


def _scan(conn: sa.Connection, query: str) -> int:
    pattern = f"%{query}%"
    found = conn.execute(
        sa.select(PROPOSALS.c.id).where(
            PROPOSALS.c.title.like(pattern) | PROPOSALS.c.angle.like(pattern)
        )
    ).all()
    found += conn.execute(
        sa.select(ARTICLES.c.id).where(
            ARTICLES.c.title.like(pattern) | ARTICLES.c.body_html.like(pattern)
        )
    ).all()
    return len(found)


def run(quick: bool) -> list[Result]:
    size = "small" if quick else "large"
    results = []
    with Workspace.open(demo_workspace(size)) as workspace:
        store = workspace.store
        with store.engine.connect() as conn:
            for label, query in QUERIES:
                matched = _scan(conn, query)
                store.search(query)  # warm the caches before timing
                value = median_of(21, partial(store.search, query)) * 1000
                baseline = median_of(21, partial(_scan, conn, query)) * 1000
                results.append(
                    Result(
                        f"search {size} demo {label} {query} (LIKE matches {matched})",
                        value,
                        "ms",
                        baseline,
                        value / baseline,
                        f"< {TARGET_MS:g} ms",
                        value < TARGET_MS,
                    )
                )
    return results


def run_scale(items: int) -> list[Result]:
    results = []
    with Workspace.open(board_workspace(items)) as workspace:
        store = workspace.store
        with store.engine.connect() as conn:
            for label, query in QUERIES[::2]:
                matched = _scan(conn, query)
                found = len(store.matching_ids(query))  # warms the caches before timing
                value = median_of(11, partial(store.matching_ids, query)) * 1000
                baseline = median_of(11, partial(_scan, conn, query)) * 1000
                results.append(
                    Result(
                        f"board search, {items:,} items, {label} {query} "
                        f"({found} ids; LIKE matches {matched})",
                        value,
                        "ms",
                        baseline,
                        value / baseline,
                        f"< {BOARD_TARGET_MS:g} ms",
                        value < BOARD_TARGET_MS,
                    )
                )
    return results
