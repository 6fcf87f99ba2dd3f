"""What an attacker found in the sync service, each closed, over HTTP against the real service
on 127.0.0.1 (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from newsdesk.core.model import MaterialKind
from newsdesk.core.mutation import Kind, mutation
from tests.sync.conftest import Api, Newsroom

SignIn = Callable[..., Api]


def test_an_attachment_is_read_only_by_those_who_may_read_an_item_referring_to_it(
    api: SignIn, room: Newsroom
) -> None:
    editor, librarian, reviewer = api("editor"), api("librarian"), api("reviewer1")
    data = "人事调整方案（内部）".encode() * 200
    sha = hashlib.sha256(data).hexdigest()
    assert editor.http.put(f"/v1/blobs/{sha}", content=data).status_code == 201
    added = mutation(
        editor.user_id,
        Kind.ATTACHMENT_ADD,
        sha,
        mime="application/pdf",
        size=len(data),
        name="机密-人事调整.pdf",
    )
    file = {"kind": MaterialKind.FILE.value, "value": sha, "label": "机密-人事调整.pdf"}
    proposed = mutation(
        editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title="人事", materials=[file]
    )
    outcomes = editor.push(added, proposed).json()["outcomes"]
    assert [o["status"] for o in outcomes] == ["accepted", "accepted"]

    def pulled(who: Api) -> set[str]:
        rows, _ = who.pull_all()
        return {key for table, key in rows if table == "attachments"}

    assert sha not in pulled(librarian)  # 图书馆 only: neither the row
    assert librarian.http.get(f"/v1/blobs/{sha}").status_code == 404  # nor the file
    assert sha in pulled(reviewer)  # 新闻 reads the proposal, so the file
    assert reviewer.http.get(f"/v1/blobs/{sha}").content == data
    assert editor.http.get(f"/v1/blobs/{sha}").content == data

    # The same file referred to in 图书馆 later: now its members get the row, with a new number.
    _, cursor = librarian.pull_all()
    chief = api("chief")
    shared = mutation(
        chief.user_id, Kind.PROPOSAL_CREATE, channel_id=room.library, title="共用", materials=[file]
    )
    assert chief.push(shared).json()["outcomes"][0]["status"] == "accepted"
    later = librarian.pull(cursor)
    assert sha in {row["key"] for row in later["rows"] if row["table"] == "attachments"}
    assert librarian.http.get(f"/v1/blobs/{sha}").content == data
