"""Addresses of one page written in the ways links write them compare equal; different pages
do not."""

from __future__ import annotations

import pytest

from newsdesk.core.addresses import normalised_url

PAGE = "https://www.people.com.cn/n1/2026/1130/c1008-4000001.html"


@pytest.mark.parametrize(
    "written",
    [
        PAGE,
        "  HTTPS://WWW.People.com.cn/n1/2026/1130/c1008-4000001.html  ",
        "http://www.people.com.cn/n1/2026/1130/c1008-4000001.html",
        "https://www.people.com.cn:443/n1/2026/1130/c1008-4000001.html/",
        "https://www.people.com.cn/n1/2026/1130/c1008-4000001.html#comments",
        "https://www.people.com.cn/n1/2026/1130/c1008-4000001.html?utm_source=rss&utm_medium=feed",
        "https://www.people.com.cn/n1/2026/1130/c1008-4000001.html?from=timeline&isappinstalled=0",
    ],
)
def test_one_page_written_many_ways_is_one_address(written: str) -> None:
    assert normalised_url(written) == normalised_url(PAGE)


def test_what_names_the_page_is_kept() -> None:
    wechat = "https://mp.weixin.qq.com/s?__biz=MzA1&mid=26&idx=1&sn=ab12"
    shared = "https://mp.weixin.qq.com/s?sn=ab12&idx=1&mid=26&__biz=MzA1&scene=21&chksm=9f#rd"
    assert normalised_url(shared) == normalised_url(wechat)
    assert normalised_url(wechat) != normalised_url(wechat.replace("idx=1", "idx=2"))
    assert normalised_url(PAGE) != normalised_url(PAGE.replace("4000001", "4000002"))
    assert normalised_url(PAGE) != normalised_url(PAGE.replace("/n1/", "/N1/"))  # paths keep case
    assert normalised_url("https://a.cn:8080/x") != normalised_url("https://a.cn/x")


@pytest.mark.parametrize(
    "written", ["", "不是地址", "ftp://a.cn/x", "https://", "http://a.cn:99999/"]
)
def test_what_is_no_web_address_is_empty(written: str) -> None:
    assert normalised_url(written) == ""
