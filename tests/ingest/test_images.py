"""Which referrer an image is fetched with, and where a clipboard says a page came from."""

from __future__ import annotations

from newsdesk.ingest.images import file_name, image_mime, page_url_of, referers


def test_the_page_is_the_referrer_then_the_images_own_origin() -> None:
    assert referers("https://img.example.com/a.jpg", "https://news.example.com/1.html") == [
        "https://news.example.com/1.html",
        "https://img.example.com/",
    ]


def test_wechat_images_get_a_wechat_page_as_referrer_when_the_page_is_unknown() -> None:
    assert referers("https://mmbiz.qpic.cn/mmbiz_jpg/x/640?wx_fmt=jpeg", None)[0] == (
        "https://mp.weixin.qq.com/"
    )


def test_a_page_with_no_known_referrer_tries_none_then_the_origin() -> None:
    assert referers("https://img.example.com/a.jpg", None) == [None, "https://img.example.com/"]


def test_the_clipboard_names_its_page() -> None:
    windows = "Version:0.9\r\nSourceURL:https://mp.weixin.qq.com/s/abc\r\n<html><body>x"
    assert page_url_of(windows) == "https://mp.weixin.qq.com/s/abc"
    assert page_url_of('<meta property="og:url" content="https://a.cn/1.html">') == (
        "https://a.cn/1.html"
    )
    assert page_url_of("<p>no page</p>") is None


def test_only_images_are_kept_and_named_readably() -> None:
    assert image_mime(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert image_mime(b"<html>") is None
    assert file_name("https://mmbiz.qpic.cn/mmbiz_jpg/AbC/640?wx_fmt=jpeg", "image/jpeg") == (
        "640.jpg"
    )
