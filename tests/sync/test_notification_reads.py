"""What a user has read of their notifications syncs to their own desktops and nobody else's,
through the real service on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from newsdesk.core.mutation import Kind, mutation
from tests.sync.conftest import Newsroom

TABLE = "notification_reads"


def test_reads_are_pulled_by_their_user_only(api: Any, room: Newsroom) -> None:
    editor, chief, admin = api("editor"), api("chief"), api("admin")
    me = room.users["editor"]
    read = mutation(me, Kind.NOTIFICATION_READ, me, ids=["pr-0190a0b2-0000-7000-8000-000000000000"])
    assert editor.push(read).is_success
    meddling = mutation(room.users["chief"], Kind.NOTIFICATION_READ, me, ids=["x"])
    answer = chief.push(meddling).json()
    assert answer["outcomes"][0]["code"] == "forbidden"

    rows, _ = editor.pull_all()
    assert rows[(TABLE, me)]["read_ids"] == ["pr-0190a0b2-0000-7000-8000-000000000000"]
    for other in (chief, admin):
        theirs, _ = other.pull_all()
        assert (TABLE, me) not in theirs
