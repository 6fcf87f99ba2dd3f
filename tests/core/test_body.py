"""Reading HTML nobody checked: it never fails, and trees stay shallow."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.body import MAX_DEPTH, Element, read_tree
from newsdesk.core.search_tokens import strip_html
from newsdesk.core.textdiff import html_paragraphs
from newsdesk.publish.paste import clean_pasted
from newsdesk.publish.sanitize import clean_html, image_sources

# Found by an attacker: Python's HTMLParser raised AssertionError on each of these.
POISON = [
    "<p>审核<![ 稿件</p>",
    "<![><img src=x onerror=alert(1)>",
    "<![CDATA[<img src=x onerror=alert(2)>]]>",
    "<p>a</p><![if !supportLists]>·<![endif]><p>b</p><![ ",
    "x<![foo bar]>y",
]


def depth(node: Element) -> int:
    inner = [depth(c) for c in node.children if isinstance(c, Element)]
    return 1 + max(inner, default=0)


def every_reader(html: str) -> None:
    strip_html(html)
    html_paragraphs(html)
    image_sources(html)
    clean_html(html)
    clean_pasted(html)
    read_tree(html)


def test_the_markup_that_broke_the_parser_is_read_by_every_reader() -> None:
    for html in POISON:
        every_reader(html)
    # As browsers (and nh3) read them: "<![" opens a bogus comment ending at the first ">".
    assert strip_html(POISON[0]) == "审核"
    assert image_sources(POISON[1]) == ["x"]
    assert "onerror" not in clean_html(POISON[1])


def test_thousands_of_nested_elements_become_a_shallow_tree_keeping_the_text() -> None:
    for tag in ("div", "strong", "section", "li"):
        html = f"<{tag}>" * 20_000 + "最深处的文字" + f"</{tag}>" * 20_000
        tree = read_tree(html)
        assert depth(tree) <= MAX_DEPTH + 1
        assert "最深处的文字" in strip_html(html)
        assert "最深处的文字" in clean_pasted(html).html
        assert "最深处的文字" in clean_html(html)
    unclosed = "<strong>" * 5000 + "粗体"
    assert "粗体" in clean_pasted(unclosed).html


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "<!",
                "<![",
                "]",
                "]]>",
                "<!--",
                "-->",
                "</",
                "<p>",
                "</p>",
                "<div ",
                "<img src=",
                '"',
                "'",
                "&",
                "&#",
                "x",
                "审",
                "=",
                "/",
                "?",
                "<?",
                " ",
                "\n",
                "<![if !supportLists]>",
                "<![endif]>",
                "<script>",
                "</script>",
                "<style>",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_no_markup_makes_a_reader_fail(html: str) -> None:
    every_reader(html)
