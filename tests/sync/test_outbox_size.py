"""Large offline work reaches the service: pushes are sized by bytes as well as count, autosaves
of one article coalesce in the outbox, a change too large for the service is refused before it
is queued, and a push that fails never stops the pull (a real service on 127.0.0.1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.sync import protocol
from newsdesk.sync.client import SyncClient, SyncLoop
from newsdesk.sync.status import State, SyncStatus
from tests.sync.conftest import LiveServer, Newsroom
from tests.sync.desks import Desk, server_view

MakeDesk = Callable[[str], Desk]
LONG = 100_000  # characters of a long article


def body(version: int, length: int = LONG) -> str:
    """A long article's body, different in each version (Chinese: three UTF-8 bytes a
    character, as a real newsroom's text is)."""
    text = f"第{version}稿。" + "城市书房夜间开放，读者络绎不绝。" * (length // 16)
    return f"<p>{text[:length]}</p>"


def autosave(desk: Desk, article: str, version: int, saved: str, length: int = LONG) -> str:
    """One autosave of the article's body, as the editor makes it: new text and its base."""
    text = body(version, length)
    desk.must(Kind.ARTICLE_EDIT, article, body_html=text, base={"body_html": saved})
    return text


def test_thirty_offline_autosaves_of_a_long_article_sync_in_one_round(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    """Thirty saves carry 36 MB of text and base: more than the service takes in one request."""
    editor, chief = desk("editor"), desk("chief")
    article = editor.write(room.news, "长篇通讯")
    editor.sync()
    saved = editor.article(article).body_html
    for version in range(30):
        saved = autosave(editor, article, version, saved)
    proposal = chief.must(
        Kind.PROPOSAL_CREATE, channel_id=room.news, title="夜读专题", angle="书房探访"
    ).mutation.entity
    chief.must(Kind.PROPOSAL_SUBMIT, proposal)
    chief.sync()

    done = editor.sync()

    assert done.push_error is None
    assert editor.workspace.store.pending_count() == 0
    assert editor.replica.problems() == []
    assert editor.proposal(proposal).title == "夜读专题"
    assert editor.rows() == server_view(live.url, "editor")
    assert editor.article(article).body_html == saved


def test_consecutive_autosaves_of_one_article_are_one_change_in_the_outbox(
    desk: MakeDesk, room: Newsroom
) -> None:
    editor = desk("editor")
    article = editor.write(room.news, "长篇通讯", body="<p>初稿</p>")
    editor.sync()
    other = editor.write(room.news, "另一篇")
    editor.must(Kind.ARTICLE_EDIT, article, title="第一稿", base={"title": "长篇通讯"})
    editor.must(
        Kind.ARTICLE_EDIT,
        article,
        title="第二稿",
        body_html="<p>二稿</p>",
        base={"title": "第一稿", "body_html": "<p>初稿</p>"},
    )
    editor.must(
        Kind.ARTICLE_EDIT, article, body_html="<p>三稿</p>", base={"body_html": "<p>二稿</p>"}
    )

    pending = editor.workspace.store.pending()

    assert [(m.kind, m.entity) for m in pending] == [
        (Kind.ARTICLE_CREATE, other),
        (Kind.ARTICLE_EDIT, article),
    ]
    edit = pending[1]
    assert dict(edit.args) == {
        "title": "第二稿",
        "body_html": "<p>三稿</p>",
        # The earliest base of each field: a conflict is detected as the three saves would.
        "base": {"title": "长篇通讯", "body_html": "<p>初稿</p>"},
    }


def test_an_edit_already_sent_is_not_changed_by_a_later_save(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor = desk("editor")
    article = editor.write(room.news, "长篇通讯", body="<p>初稿</p>")
    editor.sync()
    editor.must(
        Kind.ARTICLE_EDIT, article, body_html="<p>二稿</p>", base={"body_html": "<p>初稿</p>"}
    )
    editor.run(lambda client: client.push())  # sent; its outcome not pulled yet
    editor.must(
        Kind.ARTICLE_EDIT, article, body_html="<p>三稿</p>", base={"body_html": "<p>二稿</p>"}
    )

    assert len(editor.workspace.store.pending()) == 2
    editor.sync()
    assert editor.article(article).body_html == "<p>三稿</p>"
    assert editor.rows() == server_view(live.url, "editor")


def test_many_long_articles_go_in_as_many_pushes_as_their_size_needs(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    """Thirty different articles (nothing coalesces), 18 MB of edits."""
    editor = desk("editor")
    articles = [editor.write(room.news, f"稿件{i}") for i in range(30)]
    editor.sync()
    for i, article in enumerate(articles):
        autosave(editor, article, i, editor.article(article).body_html)

    done = editor.sync()

    assert done.push_error is None
    assert done.pushed == 30
    assert editor.workspace.store.pending_count() == 0
    assert editor.rows() == server_view(live.url, "editor")


@pytest.fixture
def small_live(engine: Engine, room: Newsroom) -> Iterator[LiveServer]:
    """A service taking requests of at most 1 MiB."""
    del room
    with LiveServer(engine, max_request_bytes=1024 * 1024) as server:
        yield server


def test_the_service_announces_its_limits(small_live: LiveServer) -> None:
    health = httpx.get(f"{small_live.url}/v1/health").json()
    assert health["max_request_bytes"] == 1024 * 1024
    assert health["max_push"] == protocol.MAX_PUSH


def test_a_change_larger_than_the_service_takes_is_refused_before_it_is_queued(
    tmp_path: Path, small_live: LiveServer, room: Newsroom
) -> None:
    editor = Desk(tmp_path / "editor", small_live.url, "editor")
    try:
        article = editor.write(room.news, "超长稿")
        editor.sync()
        editor.must(Kind.ARTICLE_EDIT, article, body_html=body(1, 1000), base={"body_html": ""})
        before = editor.article(article)

        huge = editor.do(
            Kind.ARTICLE_EDIT,
            article,
            body_html=body(2, 400_000),  # 1.2 MB of UTF-8: more than the service takes
            base={"body_html": before.body_html},
        )

        assert isinstance(huge.outcome, Refusal)
        assert huge.outcome.code is RefusalCode.INVALID
        assert huge.outcome.message.params["limit"] == "1.0 MB"
        assert "too large" in huge.outcome.message.source
        assert editor.article(article) == before
        assert [m.kind for m in editor.workspace.store.pending()] == [Kind.ARTICLE_EDIT]
        done = editor.sync()
        assert done.push_error is None
        assert editor.workspace.store.pending_count() == 0
    finally:
        editor.close()


def test_a_push_the_service_fails_does_not_stop_the_pull(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor, chief = desk("editor"), desk("chief")
    editor.write(room.news, "待发稿")
    proposal = chief.must(
        Kind.PROPOSAL_CREATE, channel_id=room.news, title="夜读专题", angle="书房探访"
    ).mutation.entity
    chief.sync()
    editor.transport = lambda: FailingPushes()
    reports: list[SyncStatus] = []

    async def step(client: SyncClient) -> None:
        await SyncLoop(client, reports.append).step()

    editor.run(step)

    assert editor.proposal(proposal).title == "夜读专题"
    assert editor.workspace.store.pending_count() == 1
    final = reports[-1]
    assert final.state is State.ONLINE
    assert final.error is not None
    assert "503" in str(final.error)


class FailingPushes(httpx.AsyncBaseTransport):
    """The real service, but every push is answered 503, as an overloaded proxy might."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sync/push":
            return httpx.Response(503, json={"detail": "overloaded"}, request=request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
