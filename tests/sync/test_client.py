"""Desktops syncing with the real service on 127.0.0.1 (SQLite and PostgreSQL) through the real
client: offline work, conflicts, stale approvals, lost answers, interrupted pulls."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event, func, select

from newsdesk.core.model import Article, Proposal
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.refusal import RefusalCode
from newsdesk.passwords import verify_password
from newsdesk.store import search
from newsdesk.store.apply import MUTATIONS, search_document
from newsdesk.store.workspace import Workspace
from newsdesk.store.world import DbWorld
from newsdesk.sync.client import CancelledError, Progress, SyncClient, SyncLoop
from newsdesk.sync.replica import CURSOR
from newsdesk.sync.rows import SYNCED
from newsdesk.sync.service import Service
from newsdesk.sync.status import State, SyncStatus
from tests.sync.conftest import PASSWORD, LiveServer, Newsroom, free_port
from tests.sync.desks import Desk, FlakyTransport, disk_fails_once, server_view

MakeDesk = Callable[[str], Desk]


def assert_same_as_server(desk: Desk, url: str) -> None:
    assert desk.rows() == server_view(url, desk.login)


def test_two_desktops_working_offline_on_different_things_end_up_like_the_server(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor, chief = desk("editor"), desk("chief")
    editor.sync()
    chief.sync()
    article = editor.write(room.news, "雪后道路通行情况")
    proposal = chief.must(
        Kind.PROPOSAL_CREATE, channel_id=room.news, title="春运专题", angle="车站探访"
    ).mutation.entity
    chief.must(Kind.PROPOSAL_SUBMIT, proposal)
    assert editor.workspace.store.pending_count() == 1
    editor.sync()
    chief.sync()
    editor.sync()
    assert editor.workspace.store.pending_count() == chief.workspace.store.pending_count() == 0
    assert_same_as_server(editor, live.url)
    assert_same_as_server(chief, live.url)
    assert chief.article(article).title == "雪后道路通行情况"
    assert editor.proposal(proposal).title == "春运专题"


def test_the_same_body_edited_on_two_desktops_becomes_a_conflict_and_nothing_is_lost(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    first, second = desk("editor"), desk("editor")
    article = first.write(room.news, body="<p>原文</p>")
    first.sync()
    second.sync()
    first.must(
        Kind.ARTICLE_EDIT, article, body_html="<p>甲改</p>", base={"body_html": "<p>原文</p>"}
    )
    second.must(
        Kind.ARTICLE_EDIT, article, body_html="<p>乙改</p>", base={"body_html": "<p>原文</p>"}
    )
    first.sync()
    second.sync()
    first.sync()
    for each in (first, second):
        got = each.article(article)
        assert got.body_html == "<p>甲改</p>"
        assert got.merge_revision_id is not None
        with each.workspace.store.world() as world:
            conflict = world.revision(got.merge_revision_id)
        assert conflict is not None and conflict.field("body_html") == "<p>乙改</p>"
        assert_same_as_server(each, live.url)
    assert second.replica.needing_merge()[0].id == article
    second.must(
        Kind.ARTICLE_MERGE,
        article,
        revision_id=second.article(article).merge_revision_id,
        body_html="<p>甲改乙改</p>",
    )
    second.sync()
    first.sync()
    assert first.article(article).body_html == "<p>甲改乙改</p>"
    assert first.replica.needing_merge() == []


def test_an_approval_of_a_revision_that_changed_meanwhile_is_refused_and_shown(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor, reviewer = desk("editor"), desk("reviewer1")
    article = editor.write(room.news)
    editor.submit(article)
    editor.sync()
    reviewer.sync()
    reviewer_approval = reviewer.review(article, 1)
    assert reviewer_approval.accepted  # offline, it looked fine
    editor.must(Kind.ARTICLE_WITHDRAW, article)
    editor.must(Kind.ARTICLE_EDIT, article, body_html="<p>改过的稿子</p>")
    editor.submit(article)
    editor.sync()
    reviewer.sync()
    (problem,) = reviewer.replica.problems()
    assert problem.mutation.id == reviewer_approval.mutation.id
    assert problem.refusal.code is RefusalCode.STALE
    assert "changed" in str(problem.refusal)
    assert reviewer.article(article).review_level == 1  # the approval was taken back
    assert_same_as_server(reviewer, live.url)


def test_a_push_whose_answer_is_lost_has_one_effect(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor = desk("editor")
    article = editor.write(room.news, "只应出现一次")

    def lose_push(request: httpx.Request, _: int) -> bool:
        # The pull's answers too: else the pull that follows a failed push settles it.
        return request.url.path in ("/v1/sync/push", "/v1/sync/pull")

    editor.transport = lambda: FlakyTransport(lose_push)
    with pytest.raises(Exception, match="cannot be reached"):
        editor.sync()
    assert editor.workspace.store.pending_count() == 1
    editor.transport = None
    editor.sync()
    editor.sync()
    assert editor.workspace.store.pending_count() == 0
    seen = server_view(live.url, "editor")
    assert [k for k in seen if k[0] == "articles"] == [("articles", article)]
    with live.engine.connect() as conn:
        count = conn.execute(
            select(func.count()).select_from(MUTATIONS).where(MUTATIONS.c.entity == article)
        ).scalar()
    assert count == 1


def test_a_pull_cancelled_midway_resumes_from_its_saved_page(
    desk: MakeDesk, live: LiveServer, room: Newsroom, tmp_path: Path
) -> None:
    author = desk("editor")
    for number in range(12):
        author.write(room.news, f"稿件{number}")
    author.sync()
    reader = Desk(tmp_path / "reader", live.url, "chief", pull=False)
    pages: list[Progress] = []

    async def first_pages(client: SyncClient) -> None:
        await client.pull(pages.append, cancelled=lambda: len(pages) >= 2, page_size=5)

    with pytest.raises(CancelledError):
        reader.run(first_pages)
    saved = int(reader.workspace.store.setting(CURSOR) or 0)
    assert 0 < saved == pages[-1].cursor < pages[-1].head
    reader.sync()
    assert_same_as_server(reader, live.url)
    reader.close()


def test_offline_sign_in_works_after_one_online_sign_in(desk: MakeDesk, room: Newsroom) -> None:
    chief = desk("chief")
    chief.sync()
    with chief.workspace.store.world() as world:
        me = world.user(chief.user_id)
    assert me is not None and verify_password(me.password_hash, PASSWORD)
    with chief.workspace.store.world() as world:
        other = world.user(room.users["editor"])
    assert other is not None and other.password_hash is None  # nobody else's secret


def test_a_mutation_that_can_never_apply_does_not_block_the_ones_behind_it(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    laptop, office = desk("editor"), desk("editor")
    article = laptop.write(room.news, "年终盘点")
    laptop.sync()
    office.sync()
    doomed = laptop.must(Kind.ARTICLE_EDIT, article, title="年终盘点（改）")
    behind = laptop.write(room.news, "跨年活动预告")
    office.submit(article)  # under review now: the laptop's edit can never apply
    office.sync()
    laptop.sync()
    (problem,) = laptop.replica.problems()
    assert problem.mutation.id == doomed.mutation.id
    assert problem.refusal.code is RefusalCode.WRONG_STATE
    assert laptop.article(article).title == "年终盘点"  # the server's, not the refused edit
    assert ("articles", behind) in server_view(live.url, "editor")
    assert laptop.workspace.store.pending_count() == 0
    assert_same_as_server(laptop, live.url)
    laptop.replica.dismiss([doomed.mutation.id])
    assert laptop.replica.problems() == []


def test_changes_made_while_a_sync_runs_are_pushed_by_the_next_round(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor = desk("editor")
    editor.write(room.news, "第一篇")
    made: list[str] = []

    async def round_with_typing(client: SyncClient) -> None:
        await client.push()

        def meanwhile(_: Progress) -> None:
            if not made:
                made.append(editor.write(room.news, "同步时写的"))

        await client.pull(meanwhile)

    editor.run(round_with_typing)
    assert editor.workspace.store.pending_count() == 1
    assert editor.article(made[0]).title == "同步时写的"
    editor.sync()
    assert editor.workspace.store.pending_count() == 0
    assert ("articles", made[0]) in server_view(live.url, "editor")


def test_an_editor_demoted_while_offline_has_offline_approvals_refused(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor, reviewer = desk("editor"), desk("reviewer1")
    article = editor.write(room.news)
    editor.submit(article)
    editor.sync()
    reviewer.sync()
    approval = reviewer.review(article, 1)
    assert approval.accepted
    Service(live.engine).ledger.administer(
        [
            mutation(
                room.users["admin"],
                Kind.ROLE_REVOKE,
                f"{room.users['reviewer1']}/{room.news}/reviewer1",
            )
        ]
    )
    reviewer.sync()
    (problem,) = reviewer.replica.problems()
    assert problem.mutation.id == approval.mutation.id
    assert problem.refusal.code is RefusalCode.FORBIDDEN
    assert server_view(live.url, "editor")[("articles", article)]["review_level"] == 1
    # The channel is no longer hers to read: the desktop let go of its articles too.
    assert ("articles", article) not in reviewer.rows()
    assert_same_as_server(reviewer, live.url)


def test_a_delete_does_not_silently_beat_a_concurrent_edit(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor, chief = desk("editor"), desk("chief")
    proposal = editor.must(
        Kind.PROPOSAL_CREATE, channel_id=room.news, title="夜市调查", angle="消费"
    ).mutation.entity
    editor.must(Kind.PROPOSAL_SUBMIT, proposal)
    editor.sync()
    chief.sync()
    seen = chief.proposal(proposal).row_version
    editor.sync()
    chief.must(Kind.PROPOSAL_RETURN, proposal, reason="请补充采访对象")
    chief.sync()
    editor.sync()
    editor.must(Kind.PROPOSAL_UPDATE, proposal, angle="补充了摊主采访")
    editor.sync()
    deleting = chief.do(Kind.PROPOSAL_DELETE, proposal, base_version=seen + 1)
    assert deleting.accepted  # offline, it looked fine
    chief.sync()
    (problem,) = chief.replica.problems()
    assert problem.refusal.code is RefusalCode.CONFLICT
    assert chief.proposal(proposal).angle == "补充了摊主采访"
    assert_same_as_server(chief, live.url)


def test_conflicts_are_decided_alike_whatever_the_desktops_clocks_say(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    import datetime as dt

    first, second = desk("editor"), desk("editor")
    first.clock_skew = dt.timedelta(days=4)
    second.clock_skew = -dt.timedelta(days=3)
    article = first.write(room.news, body="<p>原文</p>")
    first.sync()
    second.sync()
    first.must(Kind.ARTICLE_EDIT, article, body_html="<p>甲</p>", base={"body_html": "<p>原文</p>"})
    second.must(
        Kind.ARTICLE_EDIT, article, body_html="<p>乙</p>", base={"body_html": "<p>原文</p>"}
    )
    second.sync()  # the one whose clock is days behind arrives first, and wins
    first.sync()
    second.sync()
    for each in (first, second):
        assert each.article(article).body_html == "<p>乙</p>"
        assert_same_as_server(each, live.url)


def test_the_outbox_and_the_sign_in_survive_a_restart(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor = desk("editor")
    article = editor.write(room.news, "重启前写的")
    editor.close()
    again = Desk(editor.workspace.folder, live.url, "editor", sign_in=False)
    try:
        again.sync()
        assert ("articles", article) in server_view(live.url, "editor")
        assert again.workspace.store.pending_count() == 0
    finally:
        again.close()


def test_the_loop_backs_off_while_the_server_is_down_and_recovers(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    editor = desk("editor")
    editor.write(room.news, "断网时写的")
    reports: list[SyncStatus] = []

    async def two_steps(url: str) -> list[float | None]:
        client = SyncClient(editor.replica, url, blobs=editor.workspace.blobs)
        loop = SyncLoop(client, reports.append)
        try:
            return [await loop.step(), await loop.step()]
        finally:
            await client.close()

    down = asyncio.run(two_steps(f"http://127.0.0.1:{free_port()}"))
    offline = [r for r in reports if r.state is State.OFFLINE]
    assert len(offline) == 2 and offline[0].pending == 1
    assert down[0] is not None and down[1] is not None and down[1] > down[0]
    reports.clear()
    asyncio.run(two_steps(live.url))
    assert reports[-1].state is State.ONLINE
    assert reports[-1].pending == 0 and reports[-1].last_sync is not None


def test_a_round_failing_on_this_computer_is_reported_and_syncing_goes_on(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    """A round failing here rather than at the server (the workspace's disk, a defect) ended the
    loop: the status stayed "syncing" and nothing synced again until the desktop restarted."""
    editor = desk("editor")
    editor.write(room.news, "磁盘出错时写的")
    reports: list[SyncStatus] = []

    async def until(condition: Callable[[], bool]) -> None:
        for _ in range(500):
            if condition():
                return
            await asyncio.sleep(0.02)
        raise AssertionError(f"the loop never reported it: {reports}")

    async def sync_through_the_failure() -> None:
        client = SyncClient(editor.replica, live.url, blobs=editor.workspace.blobs)
        loop = SyncLoop(client, reports.append, live=False)
        running = asyncio.create_task(loop.run())
        try:
            await until(lambda: bool(reports) and reports[-1].state is State.FAILED)
            assert not running.done()
            loop.poke()
            await until(lambda: reports[-1].state is State.ONLINE)
        finally:
            loop.stop()
            await running
            await client.close()

    with disk_fails_once(editor.workspace.store.engine) as failed:
        asyncio.run(sync_through_the_failure())
    assert failed
    broken = next(r for r in reports if r.state is State.FAILED)
    assert broken.pending == 1 and broken.retry_in is not None
    assert str(broken.error) == (
        "Syncing failed on this computer: (sqlite3.OperationalError) disk I/O error"
    )
    assert reports[-1].pending == 0 and reports[-1].error is None
    assert_same_as_server(editor, live.url)


def test_a_pull_under_an_unsent_creation_keeps_one_search_entry(
    desk: MakeDesk, room: Newsroom
) -> None:
    """Found by the property test: replaying an unsent creation after a pull indexed it twice."""
    editor = desk("editor")
    made = editor.must(
        Kind.PROPOSAL_CREATE, channel_id=room.news, title="古籍修复", angle="修复师"
    ).mutation.entity
    editor.run(lambda client: client.pull())
    hits = editor.workspace.store.search("古籍修复")
    assert [hit.id for hit in hits] == [made]


SEARCH_INDEX = {
    "documents": "SELECT d.kind, d.doc_id, d.channel_id, d.title, d.body, f.title, f.body "
    "FROM search_document d JOIN search_fts f ON f.rowid = d.id",
    "signatures": "SELECT kind, doc_id, signature FROM similar_signature",
    "bands": "SELECT band, kind, doc_id FROM similar_band",
}


def search_index(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """What the workspace's search and similarity indexes hold, by document (not by rowid)."""
    with workspace.store.engine.connect() as conn:
        return {
            name: sorted(map(tuple, conn.exec_driver_sql(query)), key=repr)
            for name, query in SEARCH_INDEX.items()
        }


def test_a_first_pull_lays_down_and_indexes_every_row_as_indexing_each_alone_would(
    desk: MakeDesk, live: LiveServer, room: Newsroom, tmp_path: Path
) -> None:
    """A first pull, several pages long, holds the server's rows and indexes each proposal and
    article exactly as indexing it on its own in an empty workspace does: the same text, the
    same tokens, the same similarity signature and bands."""
    author = desk("editor")
    for number in range(8):
        author.write(
            room.news,
            f"古籍修复展第{number}场",
            f"<p>修复师讲述宋版书&amp;元刻本</p><p>ＡＢＣ全角{number}号，Café résumé</p>",
        )
        author.must(
            Kind.PROPOSAL_CREATE,
            channel_id=room.news,
            title=f"春运专题{number}",
            angle="车站探访" * number,
        )
    author.must(Kind.PROPOSAL_CREATE, channel_id=room.news, title="短", angle="")
    author.sync()
    reader = Desk(tmp_path / "reader", live.url, "chief", pull=False)
    reader.run(lambda client: client.pull(page_size=7))
    assert_same_as_server(reader, live.url)
    alone = Workspace.open(tmp_path / "alone", create=True)
    with reader.workspace.store.engine.connect() as held, alone.store.engine.begin() as conn:
        world = DbWorld(held)
        for cls, table_name in ((Proposal, "proposals"), (Article, "articles")):
            for key in held.execute(select(SYNCED[table_name][1].c.id)).scalars():
                document = search_document(world.current(cls, key))
                assert document is not None
                search.index_documents(conn, [document])
    assert search_index(reader.workspace) == search_index(alone)
    assert len(search_index(alone)["documents"]) == 17
    alone.close()
    reader.close()


WRITES_TO_AN_ARTICLE = re.compile(
    r"^(INSERT INTO|DELETE FROM|UPDATE) (articles|search_\w+|similar_\w+)\b", re.IGNORECASE
)


def test_the_desktops_own_changes_coming_back_are_not_written_again(
    desk: MakeDesk, live: LiveServer, room: Newsroom
) -> None:
    """Each autosave's round took the article back, wrote the server's copy of it (the
    desktop's own, unchanged) and indexed its whole body again; now the round that settles it
    writes nothing to the article or the search index, and the search still finds the
    article by its new text alone."""
    editor = desk("editor")
    article_id = editor.write(room.news, "古籍修复展开幕", "<p>展览介绍旧稿</p>")
    editor.sync()
    editor.must(
        Kind.ARTICLE_EDIT,
        article_id,
        body_html="<p>修复师讲述宋版书修复</p>",
        base={"body_html": "<p>展览介绍旧稿</p>"},
    )
    written: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if WRITES_TO_AN_ARTICLE.match(statement.lstrip()):
            written.append(statement)

    engine = editor.workspace.store.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        done = editor.sync()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert done.pushed == 1 and editor.workspace.store.pending_count() == 0
    assert written == []
    assert [hit.id for hit in editor.workspace.store.search("宋版书")] == [article_id]
    assert editor.workspace.store.search("旧稿") == []
    assert_same_as_server(editor, live.url)
