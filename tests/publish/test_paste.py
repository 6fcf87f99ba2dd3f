"""clean_pasted on Word, WPS, WeChat and web-page HTML: text, structure, images, safety."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.body import strip_html
from newsdesk.publish.paste import clean_pasted
from tests.publish.allowlist import tags_of, violations
from tests.publish.soup import html_soup

FIXTURES = Path(__file__).parent / "fixtures"
# Elements whose text no reader sees (strip_html already drops script, style and template).
_INVISIBLE = re.compile(
    r"<(head|title|iframe|noscript|svg|button|select|textarea|xml)\b.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)


def cjk(html: str) -> str:
    """The CJK characters of the visible text of ``html``, in order."""
    return "".join(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", strip_html(html)))


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# fixture → (counts of tags expected in the result, the remote images, in order)
EXPECTED: dict[str, tuple[dict[str, int], tuple[str, ...]]] = {
    "word_export.html": (
        {"h2": 2, "h3": 1, "ul": 2, "li": 3, "table": 1, "tr": 3, "td": 6, "a": 1, "img": 0},
        (),
    ),
    "wps_export.html": ({"h2": 1, "h3": 1, "ol": 1, "li": 3, "ul": 0, "em": 1, "u": 1}, ()),
    "wechat_article.html": (
        {"h2": 0, "img": 2, "a": 1, "strong": 2, "em": 1, "u": 1},
        (
            "https://mmbiz.qpic.cn/mmbiz_jpg/Xy7aBcDeF0gH1iJ2kL3mN4oP5qR6sT7u/640?wx_fmt=jpeg&from=appmsg",
            "https://mmbiz.qpic.cn/mmbiz_png/Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv/640?wx_fmt=png",
        ),
    ),
    "news_page.html": (
        {"h2": 1, "h3": 1, "ul": 1, "li": 3, "img": 1, "a": 1, "strong": 1, "em": 1},
        ("https://news.example.edu.cn/uploads/2024/11/award.jpg",),
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_is_reduced_to_the_allow_list(name: str) -> None:
    assert violations(clean_pasted(read(name)).html) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_keeps_the_visible_chinese_text(name: str) -> None:
    source = read(name)
    assert cjk(clean_pasted(source).html) == cjk(_INVISIBLE.sub("", source))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_keeps_its_structure_and_lists_remote_images(name: str) -> None:
    counts, remote = EXPECTED[name]
    pasted = clean_pasted(read(name))
    found = Counter(tags_of(pasted.html))
    assert {tag: found[tag] for tag in counts} == counts
    assert pasted.remote_images == remote


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_paste_is_idempotent(name: str) -> None:
    once = clean_pasted(read(name))
    assert clean_pasted(once.html) == once


def test_word_fake_list_becomes_a_nested_list() -> None:
    html = clean_pasted(read("word_export.html")).html
    assert (
        "<ul><li>加强<strong>重点区域</strong>巡查</li><li>及时发布预警信息"
        "<ul><li>通过短信和广播同步推送</li></ul></li></ul>"
    ) in html


def test_chinese_list_marker_stays_a_paragraph_with_its_text() -> None:
    assert "<p>（一）报名方式</p>" in clean_pasted(read("wps_export.html")).html


def test_word_source_line_breaks_between_chinese_are_not_spaces() -> None:
    assert clean_pasted("<p>新闻\r\n发布，\n“会议”</p>").html == "<p>新闻发布，“会议”</p>"
    assert clean_pasted("<p>新闻 发布</p>").html == "<p>新闻 发布</p>"
    assert clean_pasted("<p> Hello\n  world&nbsp; 你好 </p>").html == "<p>Hello world 你好</p>"


def test_headings_are_mapped_to_h2_and_h3() -> None:
    html = (
        "<h1>一</h1><h4>二</h4><h6>三</h6><p class=MsoTitle>四</p>"
        "<p class=MsoHeading1>五</p><p class='MsoNormal MsoHeading3'>六</p>"
    )
    assert clean_pasted(html).html == (
        "<h2>一</h2><h3>二</h3><h3>三</h3><h2>四</h2><h2>五</h2><h3>六</h3>"
    )


def test_empty_paragraphs_are_dropped() -> None:
    html = (
        "<p>&nbsp;</p><p><br></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p><span> </span></p>正文"
    )
    assert clean_pasted(html).html == "<p>正文</p>"


def test_images_wechat_data_src_and_data_uris() -> None:
    html = (
        '<p><img data-src="https://mmbiz.qpic.cn/a/640" src="data:image/gif;base64,R0lGOD"></p>'
        '<p>文<img src="data:image/png;base64,iVBORw0KGgo=">字</p>'
        '<p><img src="//img.example.com/b.jpg"><img src="https://mmbiz.qpic.cn/a/640"></p>'
        f'<p><img src="attachment:{"ab" * 32}" alt="图"></p>'
    )
    pasted = clean_pasted(html)
    assert pasted.html == (
        '<p><img src="https://mmbiz.qpic.cn/a/640"></p><p>文字</p>'
        '<p><img src="https://img.example.com/b.jpg"><img src="https://mmbiz.qpic.cn/a/640"></p>'
        f'<p><img src="attachment:{"ab" * 32}" alt="图"></p>'
    )
    assert pasted.remote_images == ("https://mmbiz.qpic.cn/a/640", "https://img.example.com/b.jpg")


def test_hidden_elements_are_dropped_but_wechat_visibility_is_not_hiding() -> None:
    html = (
        '<div id="js_content" style="visibility: hidden;"><p>正文</p>'
        '<span style="display:none">隐藏</span><span style="mso-hide:all">批注</span></div>'
    )
    assert clean_pasted(html).html == "<p>正文</p>"


def test_inline_styles_become_emphasis_without_nesting_twice() -> None:
    html = (
        '<p><b><span style="font-weight:bold">粗</span></b>'
        '<span style="font-style:italic;text-decoration:underline">斜</span></p>'
    )
    assert clean_pasted(html).html == "<p><strong>粗</strong><em><u>斜</u></em></p>"


def test_alignment_is_inherited_from_containers() -> None:
    html = '<section style="text-align:center"><span>图注</span><p align=right>右</p></section>'
    assert clean_pasted(html).html == (
        '<p style="text-align:center">图注</p><p style="text-align:right">右</p>'
    )


def test_links_keep_safe_urls_only() -> None:
    html = '<p><a href="javascript:alert(1)">甲</a><a href="/x">乙</a><a href="https://e.cn">丙</a></p>'
    assert clean_pasted(html).html == (
        '<p>甲乙<a href="https://e.cn" rel="noopener noreferrer">丙</a></p>'
    )


@settings(max_examples=300)
@given(st.one_of(html_soup, st.text(max_size=60)))
def test_clean_pasted_is_idempotent(html: str) -> None:
    once = clean_pasted(html)
    assert clean_pasted(once.html) == once


@settings(max_examples=300)
@given(html_soup)
def test_no_handler_or_bad_url_survives_a_pasted_soup(html: str) -> None:
    pasted = clean_pasted(html)
    assert violations(pasted.html) == []
    assert all(url.startswith(("http://", "https://")) for url in pasted.remote_images)
