"""A desktop meeting a server that lost history: restored from an older backup, or brand new.
Nothing local is wiped, the desktop notices (the server epoch) and pushes again what the server
lost once asked to. And a pulled page is all or nothing, cursor included.

The servers here are SQLite files: restoring needs a second, empty database, and the epoch
logic under test is the desktop's, the same whatever database the service uses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from newsdesk.store.store import make_engine
from newsdesk.sync import admin, protocol
from newsdesk.sync.client import EpochChangedError, SignInNeededError
from newsdesk.sync.replica import CURSOR
from tests.sync.conftest import PASSWORD, LiveServer, Newsroom, keys, seed
from tests.sync.desks import Desk, server_view


@pytest.fixture
def origin(tmp_path: Path) -> Iterator[tuple[Engine, Newsroom]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'origin.db'}")
    yield engine, seed(engine)
    engine.dispose()


def test_a_server_restored_from_an_older_backup_is_noticed_and_given_back_what_it_lost(
    tmp_path: Path, origin: tuple[Engine, Newsroom]
) -> None:
    engine, room = origin
    with LiveServer(engine) as first:
        desk = Desk(tmp_path / "desk", first.url, "editor")
        kept = desk.write(room.news, "备份前写的")
        desk.sync()
        admin.backup(engine, keys(), tmp_path / "backup.jsonl.gz")
        lost = desk.write(room.news, "备份后写的")
        desk.sync()
        assert desk.workspace.store.pending_count() == 0
    restored = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    admin.restore(restored, keys(), tmp_path / "backup.jsonl.gz")
    try:
        with LiveServer(restored) as second:
            desk.url = second.url
            before = desk.rows()
            with pytest.raises(EpochChangedError) as noticed:
                desk.sync()
            assert desk.rows() == before  # nothing local was touched
            assert ("articles", lost) not in server_view(second.url, "editor")
            queued = desk.replica.prepare_repush(noticed.value.epoch, desk.user_id)
            assert queued >= 2
            desk.sync()
            seen = server_view(second.url, "editor")
            assert ("articles", kept) in seen and ("articles", lost) in seen
            assert desk.rows() == seen
            assert desk.workspace.store.pending_count() == 0
    finally:
        desk.close()
        restored.dispose()


def test_an_empty_new_server_does_not_wipe_a_desktop(
    tmp_path: Path, origin: tuple[Engine, Newsroom]
) -> None:
    engine, room = origin
    with LiveServer(engine) as first:
        desk = Desk(tmp_path / "desk", first.url, "editor")
        desk.write(room.news, "本地的稿子")
        desk.sync()
    before = desk.rows()
    empty = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    admin.init(empty, keys(), "admin", "管理员", PASSWORD)
    admin.add_user(empty, keys(), "editor", "Editor", PASSWORD, is_admin=False)
    try:
        with LiveServer(empty) as second:
            desk.url = second.url
            with pytest.raises(SignInNeededError):
                desk.sync()  # another server does not know this desktop's sign-in
            with pytest.raises(EpochChangedError):
                desk.run(lambda client: client.connect("editor", PASSWORD))
            assert desk.rows() == before
            assert desk.workspace.store.pending_count() == 0
    finally:
        desk.close()
        empty.dispose()


def test_a_page_and_its_cursor_are_saved_together_or_not_at_all(
    tmp_path: Path, origin: tuple[Engine, Newsroom]
) -> None:
    engine, room = origin
    with LiveServer(engine) as server:
        desk = Desk(tmp_path / "desk", server.url, "editor")
        article = desk.write(room.news, "原标题")
        desk.sync()
        cursor = desk.replica.cursor
        good = dict(desk.rows()[("articles", article)], title="新标题")
        # Readable, but no database takes it (a row it cannot read is set aside instead).
        broken = dict(good, id="other", title=None)
        page = protocol.PullResponse(
            rows=[
                protocol.WireRow(table="articles", key=article, row=good),
                protocol.WireRow(table="articles", key="other", row=broken),
            ],
            outcomes=[],
            cursor=cursor + 10,
            more=False,
            epoch=desk.replica.epoch or "",
            head=cursor + 10,
        )
        with pytest.raises(IntegrityError):
            desk.replica.apply_page(page)
        assert desk.workspace.store.setting(CURSOR) == str(cursor)
        assert desk.article(article).title == "原标题"
        desk.close()
