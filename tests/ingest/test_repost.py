"""Reposting from pages written in the markup of real Chinese outlets (a WeChat article, a
人民网 page, a GBK-encoded 新华网 page), served on 127.0.0.1, into a real workspace; and every
way a fetch goes wrong, each with its reason and nothing left behind."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import func, select

from newsdesk.core.body import body_images
from newsdesk.core.model import Article, ArticleKind, Role
from newsdesk.demo import build_demo
from newsdesk.ingest.extract import CHINA, ExtractError, extract
from newsdesk.ingest.repost import (
    Fetched,
    Reposted,
    RepostRefusedError,
    fetch_repost,
    keep_repost,
)
from newsdesk.ingest.web import Policy, Problem, WebError, check_address, decode, new_client
from newsdesk.store.codec import TABLES
from newsdesk.store.workspace import Workspace
from tests.test_cli import newsdesk
from tests.websites import Route, Site, picture

INTRANET = Policy(allow_private=True)  # the test site is on 127.0.0.1


@dataclass(frozen=True)
class Newsroom:
    workspace: Workspace
    editor: str  # the id of an editor of …
    channel: str  # … this channel
    login: str
    channel_name: str


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    """The demo newsroom, and an editor with one of their channels."""
    workspace = Workspace.open(tmp_path_factory.mktemp("repost") / "desk", create=True)
    summary = build_demo(workspace)
    editor = next(
        entry
        for entry in summary.logins
        if any(role is Role.EDITOR for role, _ in entry.roles) and not entry.is_admin
    )
    channel_name = next(names for role, names in editor.roles if role is Role.EDITOR)[0]
    with workspace.store.world() as world:
        user = world.user_by_login(editor.login)
        channel = world.channel_by_name(channel_name)
    assert user is not None and channel is not None
    yield Newsroom(workspace, user.id, channel.id, editor.login, channel_name)
    workspace.close()


def fetch(url: str, policy: Policy = INTRANET, client: httpx.AsyncClient | None = None) -> Fetched:
    async def go() -> Fetched:
        async with client or new_client() as http:
            return await fetch_repost(http, url, policy)

    return asyncio.run(go())


def failure(
    url: str, policy: Policy = INTRANET, client: httpx.AsyncClient | None = None
) -> Problem:
    with pytest.raises(WebError) as raised:
        fetch(url, policy, client)
    return raised.value.problem


def stored(workspace: Workspace, article_id: str) -> Article:
    with workspace.store.world() as world:
        article = world.article(article_id)
    assert article is not None
    return article


def test_a_wechat_article_with_its_images_becomes_a_local_repost(
    site: Site, newsroom: Newsroom
) -> None:
    workspace, editor, channel = newsroom.workspace, newsroom.editor, newsroom.channel
    url = site.page("/s/AbCdEf123", "wechat.html")
    wechat = site.url + "/s/"
    site.routes["/mmbiz_jpg/photo01/640?wx_fmt=jpeg"] = Route(picture("red"), needs_referer=wechat)
    site.routes["/mmbiz_png/photo02/640?wx_fmt=png"] = Route(
        picture("blue", kind="PNG"), needs_referer=wechat
    )
    site.routes["/mmbiz_jpg/cover01/0?wx_fmt=jpeg"] = Route(picture("green"), needs_referer=wechat)

    fetched = fetch(url)
    article = fetched.article
    assert article.title == "图书馆“夜读”专场来了！每周五开放到晚十点"
    assert article.source == "滨江文旅"  # the 公众号
    assert article.author == "林小雨"
    assert article.responsible_editor == "赵敏"
    assert article.published_at == dt.datetime.fromtimestamp(1764468000, CHINA)
    assert "夜读" in article.body_html and "编辑：赵敏" not in article.body_html
    assert fetched.failed == {}

    reposted = keep_repost(workspace, editor, channel, fetched)
    kept = stored(workspace, reposted.article_id)
    assert kept.kind is ArticleKind.REPOST and kept.original_url == url
    assert (kept.source, kept.author, kept.responsible_editor) == ("滨江文旅", "林小雨", "赵敏")
    assert kept.original_published_at == dt.datetime.fromtimestamp(1764468000, CHINA)
    sources = [image.src for image in body_images(kept.body_html)]
    assert len(sources) == 2 and all(src.startswith("attachment:") for src in sources)
    assert kept.cover is not None and workspace.blobs.has(kept.cover)
    assert all(workspace.blobs.has(src.removeprefix("attachment:")) for src in sources)


def test_a_people_daily_page_gives_its_outlet_reporter_and_editors(site: Site) -> None:
    url = site.page("/n1/2026/1130/c1008-4000001.html", "people.html")
    site.routes["/img/2026/1130/reading01.jpg"] = Route(picture("red"), needs_referer=url)
    fetched = fetch(url)
    article = fetched.article
    assert article.title == "我市第十届读书节开幕 数万市民共享书香"
    assert article.source == "人民网－人民日报"
    assert article.author == "张三"  # the reporter, not the 责编 the page's metadata names
    assert article.responsible_editor == "王五 李六"
    assert article.published_at == dt.datetime(2026, 11, 30, 8, 15, tzinfo=CHINA)
    assert "全民读书节" in article.body_html
    for chrome in ("热点推荐", "版权所有", "首页", "分享让更多人看到", "责编"):
        assert chrome not in article.body_html
    assert fetched.failed == {}
    image_requests = [ref for path, ref in site.requests if path.startswith("/img/")]
    assert image_requests and all(ref == url for ref in image_requests)


def test_a_gbk_page_is_read_in_its_own_charset(site: Site) -> None:
    url = site.page("/local/2026-12/01/c_1.htm", "xinhua_gbk.html", encoding="gbk")
    article = fetch(url).article
    assert article.title == "冬季农产品产销对接会在我县举行"
    assert article.source == "新华网"
    assert article.author == "陈晓 刘洋"
    assert article.responsible_editor == "周航"
    assert article.published_at == dt.datetime(2026, 12, 1, 9, 30, 12, tzinfo=CHINA)
    assert "产销对接" in article.body_html and "纠错" not in article.body_html


def test_charsets_from_header_meta_or_guess() -> None:
    text = (
        "<html><body><p>冬季农产品产销对接会在我县举行，意向采购金额达3.2亿元。</p></body></html>"
    )
    assert decode(text.encode("gb18030"), "text/html; charset=GB2312") == (text, "gb18030")
    meta = '<meta charset="gbk">' + text
    assert decode(meta.encode("gbk"), "text/html")[0] == meta
    assert decode(text.encode("gb18030"), None)[0] == text
    assert decode(text.encode("utf-8"), "text/html")[0] == text


def test_an_image_that_fails_is_listed_and_stays_out_of_what_is_published(
    site: Site, newsroom: Newsroom
) -> None:
    workspace, editor, channel = newsroom.workspace, newsroom.editor, newsroom.channel
    url = site.page("/n1/2026/1130/c1008-4000002.html", "people.html")  # its image is missing
    fetched = fetch(url)
    missing = site.url + "/img/2026/1130/reading01.jpg"
    assert set(fetched.failed) == {missing}
    reposted: Reposted = keep_repost(workspace, editor, channel, fetched)
    assert set(reposted.failed) == {missing}
    kept = stored(workspace, reposted.article_id)
    assert [image.src for image in body_images(kept.body_html)] == [missing]
    assert kept.cover is None


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        (Route(b"%PDF-1.7", headers={"Content-Type": "application/pdf"}), Problem.NOT_HTML),
        (Route(b"", status=404), Problem.NOT_FOUND),
        (Route(b"", status=403), Problem.REFUSED),
        (Route(b"", status=402), Problem.PAYWALL),
        (Route(b"", status=503), Problem.SERVER_ERROR),
        (Route(b"", headers={"Content-Length": str(50 * 1024 * 1024)}), Problem.TOO_LARGE),
        (
            Route(stream_bytes=50 * 1024 * 1024, headers={"Content-Type": "text/html"}),
            Problem.TOO_LARGE,
        ),
    ],
)
def test_what_is_not_a_page_to_repost_is_refused_with_its_reason(
    site: Site, route: Route, problem: Problem
) -> None:
    site.routes["/bad"] = route
    assert failure(site.url + "/bad") is problem


def test_a_redirect_loop_and_a_slow_site_are_refused(site: Site) -> None:
    site.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Route(status=302, headers={"Location": "/a"})
    assert failure(site.url + "/a") is Problem.TOO_MANY_REDIRECTS
    site.routes["/slow"] = Route(b"<p>late</p>", delay=3, headers={"Content-Type": "text/html"})
    impatient = httpx.AsyncClient(timeout=0.5, follow_redirects=False)
    assert failure(site.url + "/slow", client=impatient) is Problem.TIMED_OUT


def test_this_computer_and_the_private_network_are_refused_unless_allowed(site: Site) -> None:
    url = site.page("/n1/ok.html", "people.html")
    assert failure(url, Policy()) is Problem.PRIVATE_ADDRESS
    for address in ("http://10.1.2.3/a.html", "http://[::1]/", "http://169.254.169.254/latest"):
        with pytest.raises(WebError) as raised:
            asyncio.run(check_address(address, Policy()))
        assert raised.value.problem is Problem.PRIVATE_ADDRESS
    for address in ("file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)"):
        with pytest.raises(WebError) as raised:
            asyncio.run(check_address(address, INTRANET))
        assert raised.value.problem is Problem.NOT_HTTP


def test_every_redirect_is_checked_like_the_address_itself(site: Site) -> None:
    site.routes["/hop"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    assert failure(site.url + "/hop") is Problem.NOT_HTTP
    site.routes["/hop2"] = Route(status=301, headers={"Location": "/n1/ok.html"})
    site.page("/n1/ok.html", "people.html")
    assert failure(site.url + "/hop2", Policy()) is Problem.PRIVATE_ADDRESS


def test_a_paywalled_page_and_a_page_without_an_article_are_told_apart(site: Site) -> None:
    url = site.page("/paid.html", "paywall.html")
    with pytest.raises(ExtractError) as raised:
        fetch(url)
    assert raised.value.paywall
    with pytest.raises(ExtractError) as nothing:
        extract("<html><body><div>首页 新闻 体育</div></body></html>", "https://a.cn/")
    assert not nothing.value.paywall


def test_a_refused_repost_leaves_no_article_and_no_files(site: Site, newsroom: Newsroom) -> None:
    workspace, editor = newsroom.workspace, newsroom.editor
    url = site.page("/s/refused", "wechat.html")
    wechat = site.url + "/s/"
    site.routes["/mmbiz_jpg/photo01/640?wx_fmt=jpeg"] = Route(
        picture("olive"), needs_referer=wechat
    )
    site.routes["/mmbiz_png/photo02/640?wx_fmt=png"] = Route(
        picture("navy", kind="PNG"), needs_referer=wechat
    )
    fetched = fetch(url)
    table = TABLES[Article]
    with workspace.store.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(table)).scalar()
    with pytest.raises(RepostRefusedError):
        keep_repost(workspace, editor, "no-such-channel", fetched)
    with workspace.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(table)).scalar() == before
    assert fetched.images
    for image in fetched.images.values():
        assert not workspace.blobs.has(hashlib.sha256(image.data).hexdigest())


def test_the_command_line_reposts_each_address_and_says_which_failed(
    site: Site, newsroom: Newsroom
) -> None:
    good = site.page("/local/2026-12/01/c_2.htm", "xinhua_gbk.html", encoding="gbk")
    site.routes["/gone"] = Route(status=404)
    args = ["repost", "--workspace", str(newsroom.workspace.folder), "--as", newsroom.login]
    args += ["--channel", newsroom.channel_name]
    result = newsdesk(*args, "--allow-private", good, site.url + "/gone")
    assert result.returncode == 1, result.stderr
    assert "《冬季农产品产销对接会在我县举行》" in result.stdout
    assert f"Not reposted: {site.url}/gone: the site says the page does not exist" in result.stderr
    private = newsdesk(*args, good, lang="zh_CN")
    assert private.returncode == 1 and "私有网络" in private.stderr, private.stderr
    unknown = newsdesk(*args[:-1], "没有这个栏目", good)
    assert unknown.returncode == 2 and "There is no channel “没有这个栏目”" in unknown.stderr


def test_reposting_a_page_again_says_it_is_the_same_original_address(
    site: Site, newsroom: Newsroom
) -> None:
    first = site.page("/local/2026-12/01/c_3.htm", "xinhua_gbk.html", encoding="gbk")
    again = site.page("/local/2026-12/01/c_3.htm?utm_source=rss", "xinhua_gbk.html", "gbk")
    args = ["repost", "--workspace", str(newsroom.workspace.folder), "--as", newsroom.login]
    args += ["--channel", newsroom.channel_name, "--allow-private"]
    once = newsdesk(*args, first)
    assert once.returncode == 0, once.stderr
    assert "same original address" not in once.stderr
    twice = newsdesk(*args, again + "#comments", lang="zh_CN")
    assert twice.returncode == 0, twice.stderr
    assert "与本地已有的《冬季农产品产销对接会在我县举行》" in twice.stderr
    assert "同一原文地址" in twice.stderr.splitlines()[0]
