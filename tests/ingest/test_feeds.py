"""Feeds as subscribed sources give them: RSS in GBK, Atom from a WeChat bridge, JSON Feed
from a Weibo bridge; hostile documents refused; conditional fetches from a real local site."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from newsdesk.core.model import FeedKind
from newsdesk.ingest import web
from newsdesk.ingest.feeds import (
    ACCEPT,
    MAX_FEED_BYTES,
    FeedError,
    FeedProblem,
    parse_date,
    parse_feed,
)
from tests.websites import Route, Site

FEEDS = Path(__file__).parent / "feeds"
LOCAL = web.Policy(allow_private=True)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><item><title>&lol9;</title><link>https://a.cn/</link></item>
</channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&secret;</title><link>https://a.cn/</link></item>
</channel></rss>"""


def feed_bytes(name: str, encoding: str = "utf-8") -> bytes:
    return (FEEDS / name).read_text(encoding="utf-8").encode(encoding)


def test_an_rss_feed_in_gbk_is_read_by_its_declaration() -> None:
    feed = parse_feed(
        feed_bytes("rss_gbk.xml", "gbk"), "application/rss+xml", "https://rm.example.cn/rss"
    )
    assert feed.kind is FeedKind.RSS and feed.title == "某市融媒体中心"
    first, second = feed.items  # no link, or a script link: left out
    assert first.title == "我市启动暴雨Ⅳ级应急响应"
    assert first.guid == "rm-a1"
    assert first.summary == "市防汛指挥部决定，自5日8时起启动暴雨Ⅳ级应急响应。"
    assert first.published_at == dt.datetime(2026, 12, 5, 0, 30, tzinfo=dt.UTC)
    assert second.url == "https://rm.example.cn/2026/12/05/a2.html"
    assert second.guid == second.url  # no guid: the link tells it apart
    assert second.published_at == dt.datetime(2026, 12, 4, 23, 15, tzinfo=dt.UTC)


def test_the_http_headers_charset_wins_over_a_wrong_declaration() -> None:
    data = feed_bytes("rss_gbk.xml", "utf-8")  # declares GBK, is UTF-8, as the header says
    feed = parse_feed(data, "text/xml; charset=utf-8")
    assert feed.items[0].title == "我市启动暴雨Ⅳ级应急响应"


def test_an_atom_feed_from_a_wechat_bridge() -> None:
    feed = parse_feed(feed_bytes("atom.xml"), "application/atom+xml")
    assert feed.kind is FeedKind.ATOM
    first, second = feed.items
    assert first.url == "https://mp.weixin.qq.com/s/AbCdEf"  # the alternate, not the enclosure
    assert first.guid == "urn:wechat:MzA4NDI3NjcyNA==:2651"
    assert first.summary == "会议指出，要做好冬季能源保供工作。"
    assert first.published_at == dt.datetime(2026, 12, 4, 21, 5, tzinfo=dt.UTC)
    assert second.published_at == dt.datetime(2026, 12, 5, 2, 0, tzinfo=dt.UTC)


def test_a_json_feed_from_a_weibo_bridge() -> None:
    feed = parse_feed(feed_bytes("feed.json"), "application/feed+json")
    assert feed.kind is FeedKind.JSON
    first, second = feed.items
    assert first.title == "【#寒潮预警#】中央气象台发布寒潮蓝色预警"
    assert first.published_at == dt.datetime(2026, 12, 4, 22, 0, tzinfo=dt.UTC)
    assert second.guid == "4971234568"
    assert second.title == "没有标题的微博，以正文开头作标题"


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_a_feed_declaring_entities_is_refused_before_any_is_expanded(document: bytes) -> None:
    with pytest.raises(FeedError) as refused:
        parse_feed(document)
    assert refused.value.problem is FeedProblem.DECLARATIONS
    assert "DTD" in str(refused.value.message)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (b"<html><body>Not a feed</body></html>", FeedProblem.NOT_A_FEED),
        (b'<rss version="2.0"><channel><item>', FeedProblem.MALFORMED),
        (b'{"version": "1", "items": []}', FeedProblem.NOT_A_FEED),
        (b"{not json", FeedProblem.MALFORMED),
    ],
)
def test_what_is_not_a_feed_says_so(document: bytes, problem: FeedProblem) -> None:
    with pytest.raises(FeedError) as refused:
        parse_feed(document)
    assert refused.value.problem is problem


def test_a_source_set_as_rss_that_gives_atom_says_which() -> None:
    with pytest.raises(FeedError) as refused:
        parse_feed(feed_bytes("atom.xml"), kind=FeedKind.RSS)
    assert refused.value.problem is FeedProblem.WRONG_KIND
    assert str(refused.value.message) == "the source is set as rss, but the address gives atom"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sat, 05 Dec 2026 08:30:00 GMT", dt.datetime(2026, 12, 5, 8, 30, tzinfo=dt.UTC)),
        ("2026-12-05T08:30:00+08:00", dt.datetime(2026, 12, 5, 0, 30, tzinfo=dt.UTC)),
        ("2026-12-05T08:30:00Z", dt.datetime(2026, 12, 5, 8, 30, tzinfo=dt.UTC)),
        ("2026年12月5日 08:30", dt.datetime(2026, 12, 5, 0, 30, tzinfo=dt.UTC)),
        ("2026年12月05日08时30分", dt.datetime(2026, 12, 5, 0, 30, tzinfo=dt.UTC)),
        ("2026/12/5", dt.datetime(2026, 12, 4, 16, 0, tzinfo=dt.UTC)),
        ("昨天", None),
        ("", None),
    ],
)
def test_dates_in_the_forms_feeds_write_them(text: str, expected: dt.datetime | None) -> None:
    assert parse_date(text) == expected


def fetch(site: Site, path: str, **validators: str | None) -> web.Fetched:
    async def run() -> web.Fetched:
        async with web.new_client() as client:
            return await web.fetch_if_changed(
                client,
                site.url + path,
                LOCAL,
                accept=ACCEPT,
                max_bytes=MAX_FEED_BYTES,
                **validators,
            )

    return asyncio.run(run())


def test_a_conditional_fetch_honours_the_etag(site: Site) -> None:
    site.routes["/rss"] = Route(
        feed_bytes("atom.xml"), headers={"Content-Type": "application/atom+xml"}, etag='"v1"'
    )
    first = fetch(site, "/rss")
    assert not first.not_modified and first.etag == '"v1"' and first.data
    again = fetch(site, "/rss", etag=first.etag)
    assert again.not_modified and again.data == b"" and again.etag == '"v1"'
    assert site.conditions[-1] == ("/rss", '"v1"', "")
    site.routes["/rss"].etag = '"v2"'
    changed = fetch(site, "/rss", etag='"v1"')
    assert not changed.not_modified and changed.etag == '"v2"'


def test_a_conditional_fetch_sends_last_modified_back(site: Site) -> None:
    stamp = "Sat, 05 Dec 2026 08:00:00 GMT"
    site.routes["/feed"] = Route(b"{}", headers={"Last-Modified": stamp})
    first = fetch(site, "/feed")
    assert first.last_modified == stamp
    fetch(site, "/feed", last_modified=first.last_modified)
    assert site.conditions[-1] == ("/feed", "", stamp)


def test_a_feed_on_a_private_address_is_refused_unless_allowed(site: Site) -> None:
    site.routes["/rss"] = Route(feed_bytes("atom.xml"))

    async def run() -> None:
        async with web.new_client() as client:
            await web.fetch_if_changed(
                client, site.url + "/rss", web.Policy(), accept=ACCEPT, max_bytes=MAX_FEED_BYTES
            )

    with pytest.raises(web.WebError) as refused:
        asyncio.run(run())
    assert refused.value.problem is web.Problem.PRIVATE_ADDRESS
