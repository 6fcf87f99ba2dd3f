"""A report's 字数: the parser-free text and the single-purpose count give the editor's count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.core.body import counted_text, strip_html
from newsdesk.core.textstats import count, zishu

BODIES = [
    "纯文本，没有标签。",
    "<p>区图书馆周末开放。</p><p>COVID-19 疫苗接种点</p>",
    "<p><b>新</b>闻 <i>iPhone</i>发布</p>",
    "<p>CO<b>VID</b>-19</p>",  # an inline tag inside a word does not split it
    "<p>first</p><p>second</p>",  # a block boundary does
    "<p>一行<br>两行<br/>three</p>",
    "<ul><li>甲</li><li>乙 &amp; 丙 &lt;丁&gt; &#x6708;</li></ul>",
    "<h2>标题</h2><blockquote>引文 quote</blockquote><table><tr><td>1</td><td>2</td></tr></table>",
    "<p>图片<img src='attachment:ab' alt='不计'>之后</p>"
    "<figure><figcaption>图说</figcaption></figure>",
    "<style>p { color: red }</style><p>可见</p><script>var x = '不可见';</script>",
    "<!-- 注释 --><p>正文&nbsp;text</p>",
]


@pytest.mark.parametrize("body", BODIES)
def test_the_same_count_as_the_parsed_text(body: str) -> None:
    assert count(counted_text(body)).zishu == count(strip_html(body)).zishu


@given(st.text(alphabet=st.sampled_from("新闻，。“”、ab1-. \n\u200b\u2019’COVID月⽉《》…")))
def test_zishu_alone_is_the_editors_count(text: str) -> None:
    assert zishu(text) == count(text).zishu


@pytest.mark.parametrize("body", BODIES)
def test_zishu_of_each_body(body: str) -> None:
    assert zishu(counted_text(body)) == count(strip_html(body)).zishu
