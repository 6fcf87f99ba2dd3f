"""Full-text search for Chinese and mixed text, on a real SQLite file and a real PostgreSQL.

PostgreSQL runs when ``NEWSDESK_TEST_PG_URL`` is set: one database of its own for this module,
dropped at the end. Each test gets fresh search tables.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.core.body import strip_html
from newsdesk.core.search_tokens import (
    PREFIX_MARK,
    index_tokens,
    query_tokens,
    snippet,
)
from newsdesk.store.search import (
    SearchDocument,
    SearchHit,
    create_search_schema,
    drop_search_schema,
    index_documents,
    matching_ids,
    remove_documents,
    search,
)

# Few distinct characters, so random queries are often, but not always, substrings.
CJK_ALPHABET = "新闻发布会文化中"
SYNTAX_QUERIES = (
    '"',
    "'",
    "*",
    ":",
    "&",
    "|",
    "!",
    "(",
    ")",
    "()",
    "\\",
    "^",
    "-",
    "+",
    "<->",
    ":*",
    '"新闻',
    "新闻'",
    "新闻*",
    "新闻:*",
    "title:新闻",
    "{title body}:新闻",
    "NEAR(新闻 文化)",
    "NEAR(新闻, 2)",
    "新闻 AND",
    "AND 新闻",
    "OR",
    "NOT 新闻",
    "新闻 & !文化",
    "新闻 | 文化",
    "'新闻' <-> '文化'",
    "(新闻",
    "新闻)",
    "-新闻",
    "^新闻",
    "新闻\x00文化",
    "\\'新闻\\'",
)


def doc(
    doc_id: str, title: str, body: str = "", *, kind: str = "article", channel: str = "c1"
) -> SearchDocument:
    return SearchDocument(kind, doc_id, title, body, channel)


def ids(hits: Sequence[SearchHit]) -> list[str]:
    return [hit.id for hit in hits]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[sa.Engine]:
    """One database of each kind for the module: a SQLite file, a new PostgreSQL database."""
    if request.param == "sqlite":
        engine = sa.create_engine(f"sqlite:///{tmp_path_factory.mktemp('search') / 'search.db'}")
        yield engine
        engine.dispose()
        return
    admin_url = os.environ.get("NEWSDESK_TEST_PG_URL")
    if not admin_url:
        pytest.skip("NEWSDESK_TEST_PG_URL is not set")
    name = f"newsdesk_t_{uuid.uuid4().hex}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine = sa.create_engine(sa.make_url(admin_url).set(database=name))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def conn(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection with empty search tables; the test's writes are rolled back."""
    with engine.connect() as connection:
        with connection.begin():
            create_search_schema(connection)
        yield connection
        connection.rollback()
        with connection.begin():
            drop_search_schema(connection)


# --- tokens (pure) ---------------------------------------------------------------------------


def test_cjk_runs_become_bigrams_and_a_run_end() -> None:
    assert index_tokens("新闻发布") == ["新闻", "闻发", "发布", "布"]
    assert index_tokens("苹果iPhone15发布会，ＡＢＣ") == [
        "苹果",
        "果",
        "iphone15",
        "发布",
        "布会",
        "会",
        "abc",
    ]
    assert index_tokens("新") == ["新"]


def test_queries_become_phrases() -> None:
    assert query_tokens("新闻发布") == [["新闻", "闻发", "发布"]]
    assert query_tokens("  新闻  iPhone发布会 新闻 ") == [["新闻"], ["iphone", "发布", "布会"]]
    assert query_tokens("新") == [["新" + PREFIX_MARK]]
    assert query_tokens("abc新") == [["abc", "新" + PREFIX_MARK]]
    assert query_tokens("新闻abc") == [["新闻", "闻", "abc"]]
    assert query_tokens("!!! ()") == []


@settings(max_examples=200)
@given(st.text())
def test_tokens_are_letters_and_digits(text: str) -> None:
    tokens = index_tokens(text) + [t for p in query_tokens(text) for t in p]
    for char in "".join(tokens).replace(PREFIX_MARK, ""):
        assert char.isalnum() or unicodedata.category(char) == "Cn"


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("<>/&;#x= '\"pbscriptle新闻") | st.characters()))
def test_strip_html_accepts_anything(html: str) -> None:
    assert "  " not in strip_html(html)


def test_strip_html() -> None:
    html = (
        "<h1>标题</h1><p>新<b>闻</b>发布&amp;会&nbsp;<a href='x'>链接</a></p>"
        "<script>var 秘密 = '<p>';</script><style>p { color: red }</style>"
        "<ul><li>一</li><li>二</li></ul>行<br>尾<!-- 注释 -->"
    )
    assert strip_html(html) == "标题 新闻发布&会 链接 一 二 行 尾"
    assert strip_html("纯文本 a < b") == "纯文本 a < b"


def test_snippet_is_around_the_first_match() -> None:
    text = "开头" * 50 + "苹果公司举行iPhone发布会。" + "结尾" * 50
    found = snippet(text, "iphone发布")
    assert "iPhone发布" in found
    assert found.startswith("…") and found.endswith("…")
    assert len(found) <= 82
    assert snippet("短文", "没有") == "短文"
    assert snippet("Straße " * 30 + "新闻", "新闻").endswith("新闻")


# --- search (both databases) -----------------------------------------------------------------


def test_two_character_words_are_found(conn: sa.Connection) -> None:
    index_documents(
        conn,
        [
            doc("a", "本台新闻", "今天发布了新的节目单。"),
            doc("b", "活动预告", "传统文化节将在周末举行。"),
            doc("c", "天气", "明天多云。"),
        ],
    )
    assert ids(search(conn, "新闻")) == ["a"]
    assert ids(search(conn, "文化")) == ["b"]
    assert ids(search(conn, "多云")) == ["c"]
    assert ids(search(conn, "文化节")) == ["b"]
    assert search(conn, "文化")[0].snippet == "传统文化节将在周末举行。"
    assert search(conn, "新闻")[0].snippet == "今天发布了新的节目单。"  # only the title matches


def test_non_substrings_are_not_found(conn: sa.Connection) -> None:
    index_documents(conn, [doc("a", "新闻发布", "新闻，闻发；会")])
    for query in ("闻新", "发新", "新发", "布会", "新闻发会", "闻发会"):
        assert search(conn, query) == [], query
    assert ids(search(conn, "新闻发")) == ["a"]
    assert ids(search(conn, "闻发")) == ["a"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    title=st.text(alphabet=CJK_ALPHABET + "，x ", max_size=12),
    body=st.text(alphabet=CJK_ALPHABET + "，。 ab", min_size=2, max_size=80),
    data=st.data(),
)
def test_cjk_queries_match_exactly_the_substrings(
    conn: sa.Connection, title: str, body: str, data: st.DataObject
) -> None:
    """Any CJK query is found exactly when it is a substring of the title or the body."""
    runs = [run for run in re.findall(f"[{CJK_ALPHABET}]+", title + " " + body) if len(run) > 1]
    from_text: bool = data.draw(st.booleans(), label="substring")
    if runs and from_text:
        run = data.draw(st.sampled_from(runs), label="run")
        start = data.draw(st.integers(0, len(run) - 2), label="start")
        query = run[start : data.draw(st.integers(start + 2, len(run)), label="end")]
    else:
        query = data.draw(st.text(alphabet=CJK_ALPHABET, min_size=1, max_size=3), label="query")
    index_documents(conn, [doc("d", title, body)])  # replaces the previous example's document
    hits = search(conn, query)
    assert ids(hits) == (["d"] if query in title or query in body else [])
    assert matching_ids(conn, query) == frozenset(ids(hits))
    if query in body:
        assert query in hits[0].snippet


def test_mixed_english_and_chinese(conn: sa.Connection) -> None:
    index_documents(
        conn,
        [
            doc("a", "发布会", "苹果今天举行iPhone发布会，CEO到场。"),
            doc("b", "手机", "iPhone 发布会之外的新闻"),
            doc("c", "Phone", "phone发布会"),
        ],
    )
    for query in ("iPhone发布会", "iphone发布会", "IPHONE发布", "ｉＰｈｏｎｅ发布会", "ceo"):
        assert "a" in ids(search(conn, query)), query
    assert sorted(ids(search(conn, "iphone发布会"))) == ["a", "b"]
    assert sorted(ids(search(conn, "iphone 新闻"))) == ["b"]
    assert ids(search(conn, "phone发布会")) == ["c"]
    assert sorted(ids(search(conn, "iphone发"))) == ["a", "b"]
    hit = next(hit for hit in search(conn, "IPHONE发布会") if hit.id == "a")
    assert "iPhone发布会" in hit.snippet


def test_title_matches_rank_above_body_matches(conn: sa.Connection) -> None:
    index_documents(
        conn,
        [
            doc("body", "今日要闻", "本市举办传统文化展览，市民踊跃参观。"),
            doc("title", "文化展览开幕", "本市举办展览，市民踊跃参观。"),
            *(doc(f"other{i}", "天气预报", f"明天多云，气温{i}度。") for i in range(8)),
        ],
    )
    hits = search(conn, "文化")
    assert ids(hits) == ["title", "body"]
    assert hits[0].rank > hits[1].rank


def test_kind_and_channel_filters(conn: sa.Connection) -> None:
    index_documents(
        conn,
        [
            doc("a1", "新闻一", kind="article", channel="c1"),
            doc("a2", "新闻二", kind="article", channel="c2"),
            doc("p1", "新闻三", kind="proposal", channel="c1"),
        ],
    )
    assert sorted(ids(search(conn, "新闻"))) == ["a1", "a2", "p1"]
    assert sorted(ids(search(conn, "新闻", kinds=["article"]))) == ["a1", "a2"]
    assert ids(search(conn, "新闻", kinds={"proposal"})) == ["p1"]
    assert sorted(ids(search(conn, "新闻", channel_ids=["c1"]))) == ["a1", "p1"]
    assert ids(search(conn, "新闻", kinds=["article"], channel_ids=("c1",))) == ["a1"]
    assert search(conn, "新闻", channel_ids=[]) == []
    assert [(h.kind, h.id) for h in search(conn, "新闻三")] == [("proposal", "p1")]
    assert len(search(conn, "新闻", limit=2)) == 2
    assert matching_ids(conn, "新闻", channel_ids=["c1"]) == {"a1", "p1"}
    assert matching_ids(conn, "新闻", kinds=["proposal"], channel_ids=["c1"]) == {"p1"}
    assert matching_ids(conn, "新闻", channel_ids=[]) == frozenset()


def test_a_filter_gets_every_matching_id_without_a_limit(conn: sa.Connection) -> None:
    """The board filters by every match: none is lost to a ranking cut-off."""
    index_documents(
        conn,
        [doc(f"m{i}", f"新闻{i}", "正文") for i in range(120)]
        + [doc(f"o{i}", "天气", "明天多云") for i in range(30)],
    )
    assert matching_ids(conn, "新闻") == {f"m{i}" for i in range(120)}
    assert matching_ids(conn, "多云") == {f"o{i}" for i in range(30)}
    assert matching_ids(conn, "") == frozenset()


def test_same_id_in_both_kinds_is_two_documents(conn: sa.Connection) -> None:
    index_documents(conn, [doc("x", "新闻", kind="article"), doc("x", "新闻", kind="proposal")])
    assert sorted(h.kind for h in search(conn, "新闻")) == ["article", "proposal"]


def test_upsert_replaces_the_old_text(conn: sa.Connection) -> None:
    index_documents(conn, [doc("a", "旧标题", "旧的正文"), doc("b", "别的", "旧的正文")])
    index_documents(conn, [doc("a", "新标题", "新的正文", channel="c2")])
    assert ids(search(conn, "旧的")) == ["b"]
    assert ids(search(conn, "新标题")) == ["a"]
    assert search(conn, "旧标题") == []
    assert ids(search(conn, "正文", channel_ids=["c2"])) == ["a"]
    # Within one batch the last version of a document wins.
    index_documents(conn, [doc("c", "第一版"), doc("c", "第二版")])
    assert search(conn, "第一版") == []
    assert ids(search(conn, "第二版")) == ["c"]


def test_removal(conn: sa.Connection) -> None:
    index_documents(
        conn, [doc("a", "新闻甲"), doc("b", "新闻乙"), doc("c", "新闻丙", kind="proposal")]
    )
    remove_documents(conn, [("article", "a"), ("proposal", "c"), ("article", "missing")])
    assert ids(search(conn, "新闻")) == ["b"]
    remove_documents(conn, [])
    index_documents(conn, [doc("a", "新闻甲")])
    assert sorted(ids(search(conn, "新闻"))) == ["a", "b"]


def _index_contents(conn: sa.Connection) -> list[list[tuple[object, ...]]]:
    """Everything the index holds per document, without the row ids it gave them."""
    tokens = (
        "SELECT d.kind, d.doc_id, f.title, f.body FROM search_document d"
        " JOIN search_fts f ON f.rowid = d.id"
        if conn.dialect.name == "sqlite"
        else "SELECT kind, doc_id, tsv::text, terms FROM search_document"
    )
    return [
        sorted(tuple(row) for row in conn.execute(sa.text(query)))
        for query in (
            "SELECT kind, doc_id, channel_id, title, body FROM search_document",
            tokens,
            "SELECT kind, doc_id, signature FROM similar_signature",
            "SELECT band, kind, doc_id FROM similar_band",
        )
    ]


def test_documents_removed_and_indexed_again_are_indexed_as_from_scratch(
    conn: sa.Connection,
) -> None:
    """What a removal returns is reused for the same text only (a sync takes a desktop's rows
    back and lays the server's down, mostly the same): the index ends as if built afresh."""
    before = [doc("a", "新闻发布会", "<p>文化中心的新闻</p>"), doc("b", "文化活动", "发布会上")]
    index_documents(conn, [*before, doc("c", "短", kind="proposal")])
    keys = [("article", "a"), ("article", "b"), ("proposal", "c")]
    removed = remove_documents(conn, keys)
    after = [
        doc("a", "新闻发布会", "<p>文化中心的新闻</p>", channel="c2"),
        doc("b", "文化活动", "发布会上的新文化"),
        doc("c", "短", kind="proposal"),
    ]
    index_documents(conn, after, removed=removed)
    reused = _index_contents(conn)
    remove_documents(conn, keys)
    index_documents(conn, after)
    assert _index_contents(conn) == reused
    assert ids(search(conn, "新文化")) == ["b"]


def test_indexing_and_removing_find_documents_by_their_key_not_by_reading_the_index(
    conn: sa.Connection,
) -> None:
    """Every lookup of indexed documents names the kind, the key's first column: asked by id
    alone, SQLite read the whole index for each page a first pull laid down, a cost growing
    with the workspace (20 ms a query at 126,000 documents)."""
    if conn.dialect.name != "sqlite":
        pytest.skip("SQLite's query plans; PostgreSQL's key is the same (kind, doc_id)")
    index_documents(conn, [doc(f"a{n}", f"新闻{n}", "<p>正文</p>") for n in range(50)])
    selects: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append((statement, parameters))

    sa.event.listen(conn, "before_cursor_execute", remember)
    try:
        index_documents(conn, [doc("a1", "新闻一", "改过"), doc("p1", "选题", kind="proposal")])
        removed = remove_documents(conn, [("article", "a2"), ("proposal", "p1")])
    finally:
        sa.event.remove(conn, "before_cursor_execute", remember)
    assert set(removed) == {("article", "a2"), ("proposal", "p1")}
    assert any("search_document" in statement for statement, _ in selects)
    assert any("similar_signature" in statement for statement, _ in selects)
    for statement, parameters in selects:
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
        # (FTS5 reports its rowid lookups as "SCAN search_fts VIRTUAL TABLE INDEX 0:=".)
        scans = [row[-1] for row in plan if re.match(r"SCAN (search_document|similar_)", row[-1])]
        assert not scans, (statement, scans)


def test_query_syntax_is_searched_literally(conn: sa.Connection) -> None:
    index_documents(conn, [doc("a", "新闻", "文化"), doc("b", "title:新闻 AND", "near 新闻")])
    for query in SYNTAX_QUERIES:
        search(conn, query)  # must not raise
    assert sorted(ids(search(conn, '"新闻"'))) == ["a", "b"]
    assert sorted(ids(search(conn, "新闻*"))) == ["a", "b"]
    assert ids(search(conn, "title:新闻")) == ["b"]
    assert ids(search(conn, "NEAR(新闻")) == ["b"]
    assert ids(search(conn, "新闻 AND")) == ["b"]
    assert ids(search(conn, "新闻 & !文化")) == ["a"]
    assert search(conn, "NOT 新闻") == []


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(max_size=30) | st.sampled_from(SYNTAX_QUERIES))
def test_any_query_is_safe(conn: sa.Connection, query: str) -> None:
    assert isinstance(search(conn, query), list)


def test_empty_queries_find_nothing(conn: sa.Connection) -> None:
    index_documents(conn, [doc("a", "新闻")])
    for query in ("", " ", "\u3000\t\n", "，。！", "()"):
        assert search(conn, query) == []
    assert search(conn, "新闻", limit=0) == []


def test_a_single_character_is_a_prefix_search(conn: sa.Connection) -> None:
    index_documents(
        conn,
        [doc("start", "新闻"), doc("end", "创新"), doc("alone", "新"), doc("none", "中国")],
    )
    assert sorted(ids(search(conn, "新"))) == ["alone", "end", "start"]
    assert sorted(ids(search(conn, "创新 新"))) == ["end"]


def test_html_bodies_are_stripped(conn: sa.Connection) -> None:
    body = "<p>新<b>闻</b>发布&amp;会</p><script>var 秘密 = 1;</script><p class='x'>尾声</p>"
    index_documents(conn, [doc("a", "标题", body)])
    hits = search(conn, "新闻发布")
    assert ids(hits) == ["a"]
    assert hits[0].snippet == "新闻发布&会 尾声"
    for query in ("秘密", "script", "class", "amp", "布会"):
        assert search(conn, query) == [], query


def test_phrases_late_in_long_documents(conn: sa.Connection) -> None:
    """PostgreSQL keeps 256 positions per lexeme and none past 16383: the index copes."""
    repeated = "新闻报道，" * 300 + "新闻联播结束。"  # 300 times each bigram
    long = "".join(chr(0x4E00 + i % 2000) for i in range(17000)) + "。末尾的独特短语 iPhone发布。"
    index_documents(conn, [doc("repeated", "甲", repeated), doc("long", "乙", long)])
    assert ids(search(conn, "新闻联播")) == ["repeated"]
    assert ids(search(conn, "闻联")) == ["repeated"]
    assert ids(search(conn, "独特短语")) == ["long"]
    assert ids(search(conn, "末尾的独特")) == ["long"]
    assert search(conn, "报道新闻") == []
    assert search(conn, "短语末尾") == []
    assert ids(search(conn, "iphone发")) == ["long"]
    assert search(conn, "iphone末") == []
    assert matching_ids(conn, "末尾的独特") == {"long"}
    assert matching_ids(conn, "报道新闻") == frozenset()
    assert "独特短语" in search(conn, "独特短语")[0].snippet


def test_schema_is_created_once_and_dropped(conn: sa.Connection) -> None:
    with conn.begin():
        create_search_schema(conn)  # again: no error
        index_documents(conn, [doc("a", "新闻")])
    with conn.begin():
        drop_search_schema(conn)
        create_search_schema(conn)
        assert search(conn, "新闻") == []
