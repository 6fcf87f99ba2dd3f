"""Full-text search latency over generated Chinese news: ``python -m tests.perf --only search``.

Indexes 10,000 documents (1,000 with ``--quick``; titles of about 20 characters, bodies of about
800) into SQLite (only desktops search, each its own workspace; the PostgreSQL path ran nowhere
deployed and is no longer timed), then times
``search()`` (the top 50 hits with snippets) for a two-character, a four-character and a mixed
Chinese/English query. The baseline is the scan search would replace: ``LIKE '%q%'`` on title or
body over the same rows in a plain table of the same database, returning every match. Each name
ends with how many documents that scan matched. The board filter rows time ``matching_ids()``
(every matching id) against the ranked search with snippets the board used to ask for.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

import sqlalchemy as sa

from newsdesk.store.search import (
    SearchDocument,
    create_search_schema,
    index_documents,
    matching_ids,
    search,
)
from tests.perf import Result, median_of

QUERIES = (("2-char", "新闻"), ("4-char", "经济发展"), ("mixed", "iPhone发布"))
TARGET_MS = 50.0

# Common words of Chinese news, most frequent first (sampled with Zipf-like weights).
_WORDS = (
    "的 在 和 是 了 为 与 对 将 也 有 都 等 中 上 新闻 发展 工作 记者 表示 经济 社会 国家 "
    "建设 企业 今年 市场 政府 服务 城市 文化 群众 项目 部门 推进 加强 全国 活动 教育 科技 "
    "创新 管理 政策 改革 安全 健康 医疗 环境 生态 旅游 交通 农业 乡村 振兴 产业 数字 网络 "
    "平台 数据 信息 技术 人工智能 互联网 新能源 汽车 体育 比赛 学校 学生 老师 居民 社区 "
    "志愿者 干部 单位 中心 公司 银行 金融 投资 消费 价格 增长 提高 促进 实现 开展 举行 召开 "
    "参加 介绍 指出 强调 要求 目前 去年 近日 上午 下午 北京 上海 广州 深圳 地区 国际 世界 "
    "中国 历史 传统 艺术 电影 音乐 节目 媒体 融媒体 直播 视频 手机 用户 读者 观众 重要 积极 "
    "进一步 全面 高质量 可持续 防控 气候 天气 降雨 高温 发布 发布会 采访 报道 会议 iPhone "
    "AI 5G App"
)
VOCABULARY = tuple(_WORDS.split())
WEIGHTS = [1 / (rank + 4) for rank in range(len(VOCABULARY))]


def _text(rng: random.Random, length: int) -> str:
    """Words and Chinese punctuation, about ``length`` characters, without spaces."""
    parts: list[str] = []
    size = 0
    while size < length:
        word = rng.choices(VOCABULARY, WEIGHTS)[0]
        mark = rng.choices(("", "，", "。", "、"), (20, 4, 2, 1))[0]
        parts.append(word + mark)
        size += len(word) + len(mark)
    return "".join(parts)


def documents(count: int) -> list[SearchDocument]:
    """``count`` articles and proposals, the same for every run."""
    rng = random.Random(20240601)
    return [
        SearchDocument(
            "article" if i % 3 else "proposal",
            f"doc-{i:05d}",
            _text(rng, 20),
            _text(rng, 800),
            f"channel-{i % 7}",
        )
        for i in range(count)
    ]


PLAIN = sa.Table(
    "bench_plain",
    sa.MetaData(),
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)


def _load(engine: sa.Engine, docs: list[SearchDocument]) -> None:
    """Index ``docs`` and copy them into the plain baseline table."""
    with engine.begin() as conn:
        create_search_schema(conn)
        PLAIN.create(conn)
        for start in range(0, len(docs), 1000):
            index_documents(conn, docs[start : start + 1000])
        conn.execute(
            sa.insert(PLAIN), [{"id": d.id, "title": d.title, "body": d.body} for d in docs]
        )


def _fetch_all(conn: sa.Connection, statement: sa.Select[tuple[str]]) -> list[sa.Row[tuple[str]]]:
    """The baseline: every row the scan matches."""
    return list(conn.execute(statement).all())


def _measure(
    backend: str, engine: sa.Engine, docs: list[SearchDocument], runs: int
) -> list[Result]:
    """Load ``docs`` into ``engine``'s database and time each query against its baseline."""
    _load(engine, docs)
    results = []
    with engine.connect() as conn:
        for label, query in QUERIES:
            pattern = f"%{query}%"
            scan = sa.select(PLAIN.c.id).where(
                PLAIN.c.title.like(pattern) | PLAIN.c.body.like(pattern)
            )
            matched = len(conn.execute(scan).all())
            search(conn, query)  # warm the caches before timing
            value = median_of(runs, partial(search, conn, query)) * 1000
            baseline = median_of(runs, partial(_fetch_all, conn, scan)) * 1000
            results.append(
                Result(
                    name=f"search {backend} {len(docs)} docs {label} (LIKE matches {matched})",
                    value=value,
                    unit="ms",
                    baseline=baseline,
                    ratio=value / baseline,
                    target=f"< {TARGET_MS:g} ms",
                    met=value < TARGET_MS,
                )
            )
    return results


@contextmanager
def _sqlite() -> Iterator[sa.Engine]:
    """An engine on a new database file, deleted afterwards."""
    with tempfile.TemporaryDirectory() as directory:
        engine = sa.create_engine(f"sqlite:///{directory}/search.db")
        try:
            yield engine
        finally:
            engine.dispose()


def _board_filter(engine: sa.Engine, docs: list[SearchDocument], runs: int) -> list[Result]:
    """The board's search: every matching id (``matching_ids``), against what it asked for
    before, 2 x the documents as ranked hits with snippets, of which it kept the ids."""
    results = []
    with engine.connect() as conn:
        for label, query in QUERIES[:2]:
            matching_ids(conn, query)
            value = median_of(runs, partial(matching_ids, conn, query)) * 1000
            baseline = median_of(runs, partial(search, conn, query, limit=2 * len(docs))) * 1000
            results.append(
                Result(
                    name=f"board filter ids {len(docs)} docs {label}",
                    value=value,
                    unit="ms",
                    baseline=baseline,
                    ratio=value / baseline,
                    target="< 100 ms",
                    met=value < 100,
                )
            )
    return results


def run(quick: bool) -> list[Result]:
    """The results on SQLite, the only database that searches: each desktop's workspace (the
    sync service keeps no full-text index)."""
    docs = documents(1_000 if quick else 10_000)
    runs = 11 if quick else 31
    with _sqlite() as engine:
        return _measure("sqlite", engine, docs, runs) + _board_filter(engine, docs, runs)
