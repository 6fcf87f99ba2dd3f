"""The sources a user follows sync to their own desktops and nobody else's, through the real
service on 127.0.0.1, on SQLite and PostgreSQL; following offline on two desktops merges."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsdesk.core.mutation import Kind, mutation
from tests.sync.conftest import Newsroom
from tests.sync.desks import Desk

TABLE = "source_follows"


def a_source(chief: Desk, room: Newsroom, name: str) -> str:
    made = chief.must(
        Kind.SOURCE_ADD, channel_id=room.news, name=name, url=f"https://{name}.example.cn/rss"
    )
    return made.mutation.entity


def test_a_follow_on_the_laptop_shows_on_the_office_desktop_and_nowhere_else(
    desk: Callable[[str], Desk], api: Any, room: Newsroom
) -> None:
    chief = desk("chief")
    wire, agency = a_source(chief, room, "wire"), a_source(chief, room, "agency")
    chief.sync()
    laptop, office = desk("editor"), desk("editor")
    me = laptop.user_id

    # Both offline: the laptop follows one source, the office desktop the other.
    laptop.must(Kind.SOURCE_FOLLOW, wire, follow=True)
    office.must(Kind.SOURCE_FOLLOW, agency, follow=True)
    laptop.sync()
    office.sync()
    laptop.sync()
    for each in (laptop, office):
        assert sorted(each.rows()[(TABLE, me)]["source_ids"]) == sorted([wire, agency])

    # The latest decision on a source the service received wins.
    office.must(Kind.SOURCE_FOLLOW, wire, follow=False)
    office.sync()
    laptop.sync()
    assert laptop.rows()[(TABLE, me)]["source_ids"] == [agency]

    chief.sync()
    assert not any(table == TABLE for table, _ in chief.rows())
    for login in ("chief", "admin", "reviewer2"):
        theirs, _ = api(login).pull_all()
        assert (TABLE, me) not in theirs


def test_who_cannot_see_the_channel_cannot_follow_its_source(
    desk: Callable[[str], Desk], api: Any, room: Newsroom
) -> None:
    chief = desk("chief")
    wire = a_source(chief, room, "wire")
    chief.sync()
    librarian = api("librarian")

    answer = librarian.push(
        mutation(room.users["librarian"], Kind.SOURCE_FOLLOW, wire, follow=True)
    ).json()
    assert answer["outcomes"][0]["code"] == "not_found"
    rows, _ = librarian.pull_all()
    assert (TABLE, room.users["librarian"]) not in rows
