"""Repost extraction: our :func:`~newsdesk.ingest.extract.extract` against bare
``trafilatura.extract`` on the same pages.

The fixture pages of tests/ingest/pages (a WeChat article, a 人民网 page, a GBK 新华网 page and a
paywalled page) are encoded as their sites serve them and decoded as the repost path decodes
them; ours also reads the bylines, the metadata and the images, so it does more per page than the
baseline, which only finds the body.
"""

from __future__ import annotations

from pathlib import Path

import trafilatura

from newsdesk.ingest.extract import ExtractError, extract
from newsdesk.ingest.web import decode
from tests.perf import Result, best_of

PAGES = Path(__file__).parent.parent / "ingest" / "pages"
# (file, the charset its site serves it in, an address like the site's)
FIXTURES = (
    ("wechat.html", "utf-8", "https://mp.weixin.qq.com/s/AbCdEf123"),
    ("people.html", "utf-8", "http://society.people.com.cn/n1/2026/1130/c1008-4000001.html"),
    ("xinhua_gbk.html", "gbk", "http://www.news.cn/local/2026-12/01/c_1.htm"),
    ("paywall.html", "utf-8", "https://finance.example.cn/paid.html"),
)
TARGET_PAGES_PER_SECOND = 20.0


def _served() -> list[tuple[bytes, str, str]]:
    return [
        ((PAGES / name).read_text(encoding="utf-8").encode(charset), charset, url)
        for name, charset, url in FIXTURES
    ]


def _ours(pages: list[tuple[bytes, str, str]]) -> int:
    articles = 0
    for data, charset, url in pages:
        html, _ = decode(data, f"text/html; charset={charset}")
        try:
            extract(html, url)
        except ExtractError:
            continue  # the paywalled page: refused, which is work done too
        articles += 1
    return articles


def _bare(pages: list[tuple[str, str]]) -> int:
    return sum(1 for html, url in pages if trafilatura.extract(html, url=url))


def run(quick: bool) -> list[Result]:
    served = _served()
    decoded = [
        (decode(data, f"text/html; charset={charset}")[0], url) for data, charset, url in served
    ]
    if _ours(served) != len(FIXTURES) - 1:
        raise RuntimeError("an article page of the fixture set gave no article")
    rounds = 5 if quick else 25
    runs = 3 if quick else 5
    ours = best_of(runs, lambda: [_ours(served) for _ in range(rounds)])
    bare = best_of(runs, lambda: [_bare(decoded) for _ in range(rounds)])
    pages = rounds * len(FIXTURES)
    value = pages / ours
    baseline = pages / bare
    return [
        Result(
            name=f"repost extraction, {len(FIXTURES)} fixture pages × {rounds}",
            value=value,
            unit="pages/s",
            baseline=baseline,
            ratio=value / baseline,
            target=f"≥ {TARGET_PAGES_PER_SECOND:.0f} pages/s (baseline: bare trafilatura.extract)",
            met=value >= TARGET_PAGES_PER_SECOND,
        )
    ]
