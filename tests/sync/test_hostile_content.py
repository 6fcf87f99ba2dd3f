"""Content from another user never stops a desktop's sync: bodies no parser may choke on, and
rows a desktop cannot lay down, through the real service (SQLite and PostgreSQL) and clients."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, update

from newsdesk.core.model import Article
from newsdesk.core.mutation import Kind
from newsdesk.store.codec import TABLES
from tests.sync.conftest import Newsroom
from tests.sync.desks import Desk

MakeDesk = Callable[[str], Desk]
DEEP = "<div>" * 5000 + "层层嵌套" + "</div>" * 5000


def test_a_poison_body_pushed_by_one_editor_syncs_to_the_reviewer(
    desk: MakeDesk, room: Newsroom
) -> None:
    editor, reviewer = desk("editor"), desk("reviewer1")
    poisoned = editor.write(room.news, "图书馆闭馆通知", "<p>闭馆<![ 通知</p><![><img src=x>")
    deep = editor.write(room.news, "层层嵌套的稿件", DEEP)
    editor.submit(poisoned)
    editor.submit(deep)
    editor.sync()
    for _ in range(2):  # every round, not only the first
        reviewer.sync()
    assert reviewer.article(poisoned).title == "图书馆闭馆通知"
    assert reviewer.article(deep).body_html == DEEP
    hits = reviewer.workspace.store.search("层层嵌套")
    assert deep in {hit.id for hit in hits}
    assert reviewer.replica.set_aside() == []


def test_a_row_a_desktop_cannot_lay_down_is_set_aside_reported_and_not_retried(
    desk: MakeDesk, room: Newsroom, engine: Engine
) -> None:
    editor, reviewer = desk("editor"), desk("reviewer1")
    strange = editor.write(room.news, "新版本服务器写的稿件")
    editor.sync()
    # A state this version does not know (as a newer server would send): not readable here.
    articles = TABLES[Article]
    with engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.id == strange).values(state="embargoed"))
    reviewer.sync()
    [aside] = reviewer.replica.set_aside()
    assert (aside.table, aside.key) == ("articles", strange) and "embargoed" in aside.reason
    later = editor.write(room.news, "之后的稿件")
    editor.must(Kind.ARTICLE_EDIT, later, body_html="<p>新的一段</p>")
    editor.sync()
    done = reviewer.sync()
    assert done.pulled >= 1
    assert reviewer.article(later).body_html == "<p>新的一段</p>"
    assert [a.key for a in reviewer.replica.set_aside()] == [strange]
