"""Through the real service: a 留言 imported and answered on one desktop is seen answered on
another, and never reaches a desktop outside the channel; a month's follower screenshot is read
by the channel only."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from newsdesk.core.model import MessageState, ReaderMessage
from newsdesk.core.mutation import Kind, mutation, parse_args
from newsdesk.core.operations import imported_message_id
from tests.sync.conftest import Api, LiveServer, Newsroom
from tests.sync.desks import Desk

MakeDesk = Callable[[str], Desk]


def message_on(desk: Desk, message_id: str) -> ReaderMessage | None:
    with desk.workspace.store.world() as world:
        return world.message(message_id)


def test_a_message_answered_on_one_desktop_is_answered_on_another(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    chief, editor, outsider = desk("chief"), desk("editor"), desk("librarian")
    account = chief.must(
        Kind.ACCOUNT_ADD, channel_id=room.news, platform="wechat", name="城市日报"
    ).mutation.entity
    chief.sync()
    editor.sync()
    row = {
        "text": "请问少儿借阅证怎么办理？",
        "author": "读者丙",
        "received_at": "2026-12-04T20:15:00+08:00",
        "category": "enquiry",
    }
    editor.must(Kind.ACCOUNT_IMPORT, account, messages=[row])
    parsed = parse_args(Kind.MESSAGE_ADD, {"account_id": account, **row})
    assert isinstance(parsed, dict)
    message_id = imported_message_id(account, "读者丙", parsed["received_at"], row["text"])
    editor.sync()
    chief.sync()
    seen = message_on(chief, message_id)
    assert seen is not None and seen.state == MessageState.OPEN
    chief.must(Kind.MESSAGE_UPDATE, message_id, assignee=editor.user_id)
    chief.sync()
    editor.sync()
    editor.must(Kind.MESSAGE_ANSWER, message_id, answer="携带户口簿到少儿馆办理即可。")
    editor.sync()
    chief.sync()
    outsider.sync()
    answered = message_on(chief, message_id)
    assert answered is not None
    assert answered.state == MessageState.ANSWERED
    assert answered.answer == "携带户口簿到少儿馆办理即可。"
    assert answered.answered_by == editor.user_id and answered.assignee == editor.user_id
    assert chief.workspace.store.pending_count() == editor.workspace.store.pending_count() == 0
    assert message_on(outsider, message_id) is None


def test_a_month_s_follower_screenshot_is_read_by_the_channel_only(
    api: Callable[..., Api], room: Newsroom
) -> None:
    chief, editor, librarian = api("chief"), api("editor"), api("librarian")
    account = mutation(
        chief.user_id, Kind.ACCOUNT_ADD, channel_id=room.news, platform="weibo", name="新闻微博"
    )
    assert chief.push(account).json()["outcomes"][0]["status"] == "accepted"
    data = b"\x89PNG follower page " * 100
    sha = hashlib.sha256(data).hexdigest()
    # Recording a month with a screenshot the editor never uploaded is refused.
    unheld = mutation(
        editor.user_id,
        Kind.ACCOUNT_RECORD_MONTH,
        account.entity,
        month="2026-11",
        followers=15200,
        screenshot=sha,
    )
    assert editor.push(unheld).json()["outcomes"][0]["status"] == "refused"
    assert editor.http.put(f"/v1/blobs/{sha}", content=data).status_code == 201
    added = mutation(
        editor.user_id, Kind.ATTACHMENT_ADD, sha, mime="image/png", size=len(data), name="粉丝.png"
    )
    month = mutation(
        editor.user_id,
        Kind.ACCOUNT_RECORD_MONTH,
        account.entity,
        month="2026-11",
        followers=15200,
        screenshot=sha,
    )
    outcomes = editor.push(added, month).json()["outcomes"]
    assert [o["status"] for o in outcomes] == ["accepted", "accepted"]
    assert chief.http.get(f"/v1/blobs/{sha}").content == data
    assert librarian.http.get(f"/v1/blobs/{sha}").status_code == 404
    rows, _ = librarian.pull_all()
    assert not {key for table, key in rows if table in ("account_months", "platform_accounts")}
