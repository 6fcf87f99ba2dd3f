"""Reading HTML nobody checked: it never fails, and trees stay shallow."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.body import (
    MAX_DEPTH,
    Element,
    attached_images,
    attachment_digest,
    attachment_url,
    image_sources,
    read_tree,
    rewrite_image_sources,
    strip_html,
)
from newsdesk.core.model import RevisionContent
from newsdesk.core.search_tokens import index_tokens
from newsdesk.core.textdiff import html_paragraphs, units
from newsdesk.core.textstats import count
from newsdesk.publish.paste import clean_pasted
from newsdesk.publish.sanitize import clean_html

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


def test_image_sources_are_rewritten_where_they_stand_and_nowhere_else() -> None:
    sha = "a" * 64
    html = (
        f'<p>x</p>\n<img alt="a>b src=&quot;attachment:{sha}&quot;" src="attachment:{sha}">'
        f"<img src='https://example.cn/p.png?a=1&amp;b=2'/><p>attachment:{sha}</p>"
    )
    rewritten = rewrite_image_sources(
        html, lambda src: f"images/{d}.jpg" if (d := attachment_digest(src)) else None
    )
    assert rewritten == (
        f'<p>x</p>\n<img alt="a>b src=&quot;attachment:{sha}&quot;" src="images/{sha}.jpg">'
        f"<img /><p>attachment:{sha}</p>"
    )
    assert attached_images(html) == [sha]
    assert image_sources(html) == [f"attachment:{sha}", "https://example.cn/p.png?a=1&b=2"]


def test_an_attachment_reference_is_read_in_any_case_and_nothing_else_is_one() -> None:
    sha = "ab" * 32
    assert attachment_digest(attachment_url(sha)) == sha
    assert attachment_digest(" ATTACHMENT:" + sha.upper()) == sha
    assert attachment_digest("attachment:" + sha[:-1]) is None
    assert attachment_digest("https://example.cn/" + sha) is None


def test_a_retracted_revision_keeps_its_headline_and_gives_no_text() -> None:
    content = RevisionContent.of(
        {
            "title": "标题",
            "summary": "摘要",
            "cover": "c" * 64,
            "tags": ["a"],
            "body_html": "<p>x</p>",
        }
    )
    assert content.retracted() == RevisionContent(title="标题", tags=("a",))


def test_search_diff_and_word_count_agree_on_what_an_east_asian_letter_is() -> None:
    for letter in ("新", "한", "ア", "〇"):
        pair = letter * 2
        assert count(pair).cjk_chars == 2
        assert index_tokens(pair) == [pair, letter]  # a bigram and the run's end, not a word
        assert units(pair) == [letter, letter]  # compared one by one, not as a word
