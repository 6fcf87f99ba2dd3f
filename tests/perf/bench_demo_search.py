"""Search over the large demo workspace, as the board's search box runs it, against a plain
``LIKE '%q%'`` scan of the same proposals and articles (titles and texts) in the same database."""

from __future__ import annotations

from functools import partial

import sqlalchemy as sa

from newsdesk.store.queries import ARTICLES, PROPOSALS
from newsdesk.store.workspace import Workspace
from tests.perf import Result, median_of
from tests.perf.workspaces import demo_workspace

QUERIES = (("2-char", "文化"), ("2-char", "社区"), ("3-char", "志愿者"), ("4-char", "公共文化"))
TARGET_MS = 50.0


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
