"""Applying a batch costs a few statements per table, not one per mutation (measured by counting
the statements a real database receives; the speed itself is benchmarked in tests/perf)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select

from newsdesk.core.mutation import Mutation
from newsdesk.demo import build_demo
from newsdesk.store.apply import MUTATIONS, Status, mutation_from_row
from newsdesk.store.search import KINDS
from newsdesk.store.store import Store
from newsdesk.store.workspace import Workspace

# Tables the rules looked into once per mutation: whether the id a mutation chooses for a
# revision, decision, sign-off or publication is taken, and an article's decisions, sign-offs and
# publications. Now at most two queries each per batch: the chosen ids, and the articles' rows.
PER_MUTATION_BEFORE = ("revisions", "review_decisions", "sign_offs", "publications")


@pytest.fixture(scope="module")
def demo_log(tmp_path_factory: pytest.TempPathFactory) -> list[Mutation]:
    """A board demo's whole history: its real mix of kinds, in order."""
    folder = tmp_path_factory.mktemp("board") / "ws"
    with Workspace.open(folder, create=True) as workspace:
        build_demo(workspace, "board", items=120)
        with workspace.store.engine.connect() as conn:
            rows = conn.execute(select(MUTATIONS).order_by(MUTATIONS.c.seq)).mappings()
            return [mutation_from_row(row) for row in rows]


@pytest.fixture
def statements(store: Store) -> Iterator[Counter[tuple[str, str]]]:
    """(verb, table) of every statement ``store`` sends, counted."""
    counted: Counter[tuple[str, str]] = Counter()

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        verb = statement.split(None, 1)[0].upper()
        table = re.search(r"\b(?:FROM|INTO|UPDATE)\s+\"?(\w+)", statement)
        counted[verb, table.group(1) if table else ""] += 1

    event.listen(store.engine, "before_cursor_execute", count)
    yield counted
    event.remove(store.engine, "before_cursor_execute", count)


def test_a_batch_looks_up_the_ids_it_chooses_once_per_table(
    store: Store, demo_log: list[Mutation], statements: Counter[tuple[str, str]]
) -> None:
    setup = next(i for i, m in enumerate(demo_log) if m.kind.value.startswith("proposal"))
    store.apply(demo_log[:setup], Status.ACCEPTED)
    work = demo_log[setup:]
    assert len(work) > 500
    statements.clear()
    applied = store.apply(work, Status.ACCEPTED)
    assert all(a.accepted for a in applied), [str(a.outcome) for a in applied if not a.accepted]
    for table in PER_MUTATION_BEFORE:
        assert statements["SELECT", table] <= 2, (table, statements)
    # Once per kind of document: the index's key leads with the kind (asked by id alone, SQLite
    # read the whole index).
    assert statements["SELECT", "search_document"] <= len(KINDS), statements
    assert statements["INSERT", "search_document"] <= 2, statements
    assert sum(statements.values()) < len(work) // 10, statements
    with store.engine.connect() as conn:
        logged = conn.execute(select(func.count()).select_from(MUTATIONS)).scalar_one()
    assert logged == len(demo_log)
