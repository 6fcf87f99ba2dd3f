"""The board's first screen, read from the database, against the whole board sorted in Python,
on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from newsdesk.core.board import Card, Column, sort_key
from newsdesk.core.ids import new_id
from newsdesk.core.model import User
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.store import reads
from newsdesk.store.codec import TABLES
from newsdesk.store.queries import load_first_screen, load_snapshot
from newsdesk.store.store import Store
from tests.store.boards import apply_board_demo

PER_COLUMN = 7


def test_the_first_screen_is_the_top_of_every_column_for_everyone(
    store: Store, tmp_path: Path
) -> None:
    """For each person of a 600-story newsroom: each column's first cards are exactly the
    first of the whole column in the board's order (the same cards, topics and all), its
    Published cards the most recently updated, and every column's count is the whole's."""
    apply_board_demo(store, tmp_path, items=600)
    with store.engine.connect() as conn:  # drafts: their proposer's alone
        editor = conn.execute(select(TABLES[User].c.id).where(TABLES[User].c.login == "editor"))
        editor_id = editor.scalar_one()
        actor = reads.actor(conn, editor_id)
    assert not isinstance(actor, Refusal)
    channel_id = sorted(actor.channels())[0]
    drafts = [
        mutation(editor_id, Kind.PROPOSAL_CREATE, new_id(), channel_id=channel_id, title=title)
        for title in ("社区食堂试运营", "夜间图书馆开放", "旧城改造回访")
    ]
    assert all(a.accepted for a in store.apply(drafts))
    today = dt.date.today()
    compared = drafts_seen = 0
    with store.engine.connect() as conn:
        users = conn.execute(select(TABLES[User].c.id, TABLES[User].c.login)).all()
        for user_id, login in users:
            actor = reads.actor(conn, user_id)
            if isinstance(actor, Refusal):
                continue
            whole = load_snapshot(conn, actor)
            first = load_first_screen(conn, actor, per_column=PER_COLUMN)
            assert first.totals is not None and not first.topics
            assert first.channels == whole.channels and first.users == whole.users
            drafts_seen += first.totals[Column.DRAFT]
            for column in Column:
                everything = [c for c in whole.cards if c.column == column]
                shown = [c for c in first.cards if c.column == column]
                assert first.totals[column] == len(everything), (login, column)
                if column == Column.PUBLISHED:
                    newest = sorted(everything, key=lambda c: c.updated_at, reverse=True)
                    assert set(shown) == set(newest[:PER_COLUMN]), login
                    continue
                ordered: list[Card] = sorted(everything, key=lambda c: sort_key(c, today))
                assert (
                    sorted(shown, key=lambda c: sort_key(c, today))[:PER_COLUMN]
                    == (ordered[:PER_COLUMN])
                ), (login, column)
                compared += min(PER_COLUMN, len(everything))
    assert compared > 100
    assert drafts_seen == 3
