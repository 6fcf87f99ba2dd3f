"""``apply`` throughput: the large demo newsroom's own mutations (its real mix of kinds, in its
order) decided by the core rules and written, as sync applies them, in batches of 1,000,
against a raw SQLAlchemy Core bulk insert of the rows they made (every table, and the log) into
the same kind of database."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.store import migrate
from newsdesk.store.apply import MUTATIONS, Status, mutation_from_row
from newsdesk.store.codec import TABLES
from newsdesk.store.store import Store, make_engine
from newsdesk.store.workspace import Workspace
from tests.core.newsroom import CREDITS
from tests.perf import Result
from tests.perf.workspaces import demo_workspace

BATCH = 1_000

WORDS = (
    "新闻",
    "文化",
    "图书馆",
    "社区",
    "惠民",
    "服务",
    "活动",
    "发布",
    "非遗",
    "展览",
    "读者",
    "志愿者",
    "乡村",
    "振兴",
    "教育",
    "医院",
    "政务",
    "改革",
    "民生",
    "春节",
    "数字",
    "阅读",
)


@contextmanager
def databases(kind: str) -> Iterator[Callable[[], str]]:
    """Yield a factory of fresh, empty database URLs of ``kind``; all are removed afterwards."""
    created: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        admin = None
        if kind == "postgresql":
            admin = create_engine(os.environ["NEWSDESK_TEST_PG_URL"], isolation_level="AUTOCOMMIT")

        def fresh() -> str:
            name = f"newsdesk_bench_{uuid.uuid4().hex[:12]}"
            if admin is None:
                return f"sqlite:///{Path(folder) / name}.db"
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            created.append(name)
            return make_url(str(admin.url)).set(database=name).render_as_string(hide_password=False)

        try:
            yield fresh
        finally:
            if admin is not None:
                with admin.connect() as conn:
                    for name in created:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


def _migrated(url: str) -> Store:
    engine = make_engine(url)
    with engine.begin() as conn:
        migrate.upgrade(conn)
    return Store(engine)


def _newsroom(admin: str, editor: str, channel: str) -> list[Mutation]:
    return [
        mutation(admin, Kind.USER_CREATE, admin, login="admin", name="管理员", is_admin=True),
        mutation(admin, Kind.USER_CREATE, editor, login="editor", name="编辑"),
        mutation(admin, Kind.CHANNEL_CREATE, channel, name="新闻", review_levels=3, **CREDITS),
        mutation(
            admin,
            Kind.ROLE_GRANT,
            f"{editor}/{channel}/editor",
            user_id=editor,
            channel_id=channel,
            role="editor",
        ),
    ]


def _warm_up(fresh: Callable[[], str]) -> None:
    """One small run first, so neither side pays for first-use compilation in the timing."""
    admin, editor, channel = new_id(), new_id(), new_id()
    store = _migrated(fresh())
    store.apply(_newsroom(admin, editor, channel), Status.ACCEPTED)
    store.apply(
        [
            mutation(editor, Kind.PROPOSAL_CREATE, channel_id=channel, title="预热")
            for _ in range(200)
        ],
        Status.ACCEPTED,
    )
    store.engine.dispose()


def demo_log(count: int) -> list[Mutation]:
    """The first ``count`` mutations of the large demo newsroom, in order: its real mix of
    kinds (setup, proposals, selections, assignments, edits, reviews, sign-offs, publications,
    corrections, retractions), each as its author made it."""
    return workspace_log(demo_workspace("large"), count)


def workspace_log(folder: Path, count: int | None = None) -> list[Mutation]:
    """The first ``count`` mutations (all of them without it) of the workspace at ``folder``,
    in the order they were made."""
    with Workspace.open(folder) as workspace, workspace.store.engine.connect() as conn:
        rows = conn.execute(select(MUTATIONS).order_by(MUTATIONS.c.seq).limit(count)).mappings()
        return [mutation_from_row(row) for row in rows]


def _rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every entity row and the mutation log as ``store`` holds them."""
    with store.engine.connect() as conn:
        found = {
            table.name: [dict(r) for r in conn.execute(select(table)).mappings()]
            for table in TABLES.values()
        }
        found[MUTATIONS.name] = [
            {k: v for k, v in r.items() if k != "seq"}
            for r in conn.execute(select(MUTATIONS)).mappings()
        ]
    return found


def measure(kind: str, count: int) -> list[Result]:
    mix = demo_log(count)
    kinds = len({m.kind for m in mix})
    with databases(kind) as fresh:
        _warm_up(fresh)
        store = _migrated(fresh())
        started = time.perf_counter()
        for start in range(0, len(mix), BATCH):  # as the demo and a push apply them
            applied = store.apply(mix[start : start + BATCH], Status.ACCEPTED)
            assert all(a.accepted for a in applied), [str(a.outcome) for a in applied][:3]
        apply_seconds = time.perf_counter() - started
        rows = _rows(store)
        store.engine.dispose()

        raw = _migrated(fresh())
        started = time.perf_counter()
        with raw.engine.begin() as conn:
            for table in [*TABLES.values(), MUTATIONS]:
                if rows[table.name]:
                    conn.execute(insert(table), rows[table.name])
        raw_seconds = time.perf_counter() - started
        raw.engine.dispose()
    rate, raw_rate = count / apply_seconds, count / raw_seconds
    ratio = rate / raw_rate
    if kind == "sqlite":
        target, met = "≥ 5,000/s and ratio ≥ 0.2 (within 5×)", rate >= 5000 and ratio >= 0.2
    else:
        target, met = "informational (push below is the PostgreSQL target)", True
    return [
        Result(
            f"apply {count:,} demo mutations ({kinds} kinds) into {kind}",
            rate,
            "mutations/s",
            raw_rate,
            ratio,
            target,
            met,
        )
    ]


def run(quick: bool) -> list[Result]:
    count = 2_000 if quick else 10_000
    results = measure("sqlite", count)
    if os.environ.get("NEWSDESK_TEST_PG_URL"):
        results += measure("postgresql", count)
    return results
