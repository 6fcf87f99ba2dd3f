"""The administrator's directory on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from newsdesk.core.model import Role
from newsdesk.core.mutation import Kind
from newsdesk.store.directory import directory
from newsdesk.store.store import Store
from tests.core.newsroom import Newsroom


def test_directory_lists_users_channels_and_active_grants(store: Store) -> None:
    room = Newsroom()
    editor, news = room.ids["editor"], room.news
    room.must("admin", Kind.USER_UPDATE, editor, disabled=True)
    room.must("admin", Kind.USER_SET_PASSWORD, editor, password_hash="secret-verifier")
    room.must("admin", Kind.ROLE_REVOKE, f"{editor}/{news}/editor")
    store.apply([m for m, _ in room.log])

    with store.engine.connect() as conn:
        found = directory(conn)

    logins = [u.login for u in found.users]
    assert logins == sorted(room.ids)
    assert all(u.password_hash is None for u in found.users)
    assert next(u for u in found.users if u.id == editor).disabled
    assert [c.name for c in found.channels] == ["Library", "News"]
    assert next(c for c in found.channels if c.id == news).review_levels == 3
    assert all(g.active for g in found.grants)
    assert found.roles_of(editor) == {(room.library, Role.EDITOR)}
    assert found.roles_of(room.ids["allround"]) == {
        (news, Role.REVIEWER1),
        (news, Role.REVIEWER2),
        (news, Role.REVIEWER3),
        (room.library, Role.REVIEWER1),
    }
    assert found.roles_of(room.ids["admin"]) == frozenset()
