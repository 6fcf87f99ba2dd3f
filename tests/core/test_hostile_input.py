"""Ids and links are checked where they enter the core: a desktop's own store refuses them as
the server does."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.core.ids import new_id
from newsdesk.core.model import Material, MaterialKind, Role
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.store.store import Store


class Room:
    """An administrator, a channel and an editor in a real database."""

    def __init__(self, store: Store) -> None:
        self.admin, self.channel, self.editor = new_id(), new_id(), new_id()
        grant = f"{self.editor}/{self.channel}/{Role.EDITOR.value}"
        seeded = store.apply(
            [
                mutation(
                    self.admin, Kind.USER_CREATE, self.admin, login="a", name="A", is_admin=True
                ),
                mutation(self.admin, Kind.CHANNEL_CREATE, self.channel, name="新闻"),
                mutation(self.admin, Kind.USER_CREATE, self.editor, login="e", name="E"),
                mutation(
                    self.admin,
                    Kind.ROLE_GRANT,
                    grant,
                    user_id=self.editor,
                    channel_id=self.channel,
                    role="editor",
                ),
            ]
        )
        assert all(a.accepted for a in seeded), [str(a.outcome) for a in seeded]


@pytest.fixture
def room(store: Store) -> Room:
    return Room(store)


@pytest.mark.parametrize("entity", ["../../../../x", "a b", "x'y", "x\ny", "", "a" * 65, "é"])
def test_an_id_that_could_leave_a_folder_is_refused_by_the_store(
    store: Store, room: Room, entity: str
) -> None:
    made = mutation(room.editor, Kind.ARTICLE_CREATE, channel_id=room.channel, title="标题")
    crafted = Mutation(made.id, made.actor, made.at, made.kind, entity, made.args)
    [applied] = store.apply([crafted])
    assert isinstance(applied.outcome, Refusal) and applied.outcome.code is RefusalCode.INVALID


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "JaVaScRiPt:alert(1)",
        "vbscript:x",
        "file:///etc/passwd",
        "//example.com/x",
        "http:/x",
    ],
)
def test_links_accept_http_and_https_only(store: Store, room: Room, url: str) -> None:
    repost = mutation(
        room.editor,
        Kind.ARTICLE_CREATE,
        channel_id=room.channel,
        title="转载",
        kind="repost",
        original_url=url,
    )
    link = Material(MaterialKind.LINK, url)
    proposal = mutation(
        room.editor,
        Kind.PROPOSAL_CREATE,
        channel_id=room.channel,
        title="线索",
        materials=[{"kind": link.kind.value, "value": link.value}],
    )
    for applied in store.apply([repost, proposal]):
        assert isinstance(applied.outcome, Refusal), url
        assert applied.outcome.message.params["field"] in ("original_url", "materials")
    fine = mutation(
        room.editor,
        Kind.ARTICLE_CREATE,
        new_id(),
        at=dt.datetime.now(dt.UTC),
        channel_id=room.channel,
        title="转载",
        original_url="https://www.example.cn/news/1.html",
    )
    assert store.apply([fine])[0].accepted
