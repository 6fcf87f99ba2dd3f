"""PC and WAP pages: well-formed HTML5, metadata, no script anywhere, page weight, overrides."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from newsdesk.core.model import ArticleKind
from newsdesk.publish.pages import (
    IndexEntry,
    PageArticle,
    SiteInfo,
    Templates,
    export_body,
    index_filename,
    paginate,
    render_index,
    render_pc,
    render_retracted,
    render_wap,
    web_url,
)
from newsdesk.publish.sanitize import clean_html
from tests.publish.soup import html_soup
from tests.publish.test_sanitize import XSS_VECTORS

BEIJING = dt.timezone(dt.timedelta(hours=8))
PUBLISHED = dt.datetime(2026, 11, 23, 9, 30, tzinfo=BEIJING)
SHAS = [c * 64 for c in "abc"]
SITE = SiteInfo(name="滨江日报", base_url="https://news.example.cn/")
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
EVIL = '"><script>alert(1)</script><img src=x onerror=alert(1)>'


def image_href(sha: str, target: str) -> str:
    """The exporter's naming: full size for PC, phone size for WAP."""
    return f"images/{sha}-{1600 if target == 'pc' else 720}.jpg"


class Page(HTMLParser):
    """A parse of a whole page: structure problems, elements with attributes, text, doctype."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.doctype = ""
        self.feed(html)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed {self.stack}")

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"end tag of void <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def meta(self, prop: str) -> list[str]:
        return [a["content"] for a in self.tags("meta") if a.get("property") == prop]

    def dangers(self) -> list[str]:
        """Script elements, event handlers and URLs that run code, wherever they are."""
        found = []
        for tag, attrs in self.elements:
            if tag in ("script", "iframe", "object", "embed", "base", "form"):
                found.append(f"<{tag}>")
            for name, value in attrs.items():
                squeezed = "".join(value.split()).lower()
                if name.startswith("on"):
                    found.append(f"{tag}[{name}]")
                if name in URL_ATTRIBUTES and squeezed.startswith(
                    ("javascript:", "vbscript:", "data:")
                ):
                    found.append(f"{tag}[{name}]={value!r}")
        return found


# Attributes a browser follows or loads as a URL; text such as a title is inert whatever it says.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "poster",
        "background",
        "cite",
        "data",
        "xlink:href",
    }
)


def well_formed(html: str) -> Page:
    """The parse of ``html``, asserting it is a well-formed HTML5 page in Chinese."""
    page = Page(html)
    assert page.problems == []
    assert html.startswith("<!doctype html>")
    assert page.doctype.lower() == "doctype html"
    assert [a.get("lang") for a in page.tags("html")] == ["zh-CN"]
    assert any(a.get("charset") == "utf-8" for a in page.tags("meta"))
    assert any(a.get("name") == "viewport" for a in page.tags("meta"))
    assert len(page.tags("h1")) == 1
    assert len(page.tags("title")) == 1
    return page


def body_html(paragraphs: int = 3) -> str:
    """A Chinese article body: paragraphs, three images (one in a figure), a table, a link."""
    sentence = "市文旅局今日发布消息，滨江步道二期工程已全面完工，预计下月向市民开放。"
    text = "".join(f"<p>{sentence * 2}（第{i}段）</p>" for i in range(paragraphs))
    return (
        "<h2>工程概况</h2>"
        + text
        + f'<figure><img src="attachment:{SHAS[0]}" alt="步道夜景" width="1600" height="900">'
        "<figcaption>滨江步道夜景</figcaption></figure>"
        + f'<p><img src="attachment:{SHAS[1]}" alt="施工现场"></p>'
        + "<table><thead><tr><th>项目</th><th>长度（公里）</th></tr></thead>"
        "<tbody><tr><td>一期</td><td>3.2</td></tr><tr><td>二期</td><td>4.8</td></tr></tbody>"
        "</table>"
        + f'<p style="text-align:center"><img src="attachment:{SHAS[2]}" alt="地图"></p>'
        + '<p>详情见<a href="https://www.example.gov.cn/notice/2026/11/23/abcdefghijklmnop">'
        "通知原文</a>。</p>"
    )


def article(**changes: object) -> PageArticle:
    fields: dict[str, object] = {
        "id": "a1",
        "channel": "本地新闻",
        "title": "滨江步道二期完工 下月开放",
        "subtitle": "全长4.8公里，串联三个公园",
        "author": "李明",
        "source": "滨江日报",
        "responsible_editor": "王芳",
        "summary": "滨江步道二期工程完工，预计下月向市民开放。",
        "tags": ("城市建设", "民生"),
        "body_html": clean_html(body_html()),
        "cover": SHAS[0],
        "published_at": PUBLISHED,
    }
    fields.update(changes)
    return PageArticle(**fields)  # type: ignore[arg-type]


@pytest.fixture
def templates() -> Templates:
    return Templates()


def test_pc_page_is_well_formed_with_opengraph_and_semantic_article(templates: Templates) -> None:
    html = render_pc(templates, article(), image_href, SITE)
    page = well_formed(html)
    assert page.meta("og:type") == ["article"]
    assert page.meta("og:title") == ["滨江步道二期完工 下月开放"]
    assert page.meta("og:description") == ["滨江步道二期工程完工，预计下月向市民开放。"]
    assert page.meta("og:url") == ["https://news.example.cn/a1.html"]
    assert page.meta("og:image") == [f"https://news.example.cn/images/{SHAS[0]}-1600.jpg"]
    assert page.meta("article:published_time") == ["2026-11-23T09:30:00+08:00"]
    assert page.meta("article:tag") == ["城市建设", "民生"]
    for element in ("article", "header", "footer", "time", "table", "figure", "figcaption"):
        assert page.tags(element), element
    assert [a["datetime"] for a in page.tags("time")] == ["2026-11-23T09:30:00+08:00"]
    text = "".join(page.text)
    for expected in ("作者：李明", "来源：滨江日报", "责任编辑：王芳", "2026年11月23日 09:30"):
        assert expected in text
    assert "滨江步道夜景" in text
    assert "市文旅局今日发布消息" in text
    images = [a["src"] for a in page.tags("img")]
    assert images == [f"images/{sha}-1600.jpg" for sha in [SHAS[0], *SHAS]]
    assert "attachment:" not in html
    assert page.dangers() == []


def test_pc_page_without_cover_or_base_url_has_no_og_image_or_url(templates: Templates) -> None:
    page = well_formed(render_pc(templates, article(cover=None), image_href, SiteInfo(name="站")))
    assert page.meta("og:image") == []
    assert page.meta("og:url") == []
    assert page.meta("og:title")


def test_corrections_are_shown_before_the_body(templates: Templates) -> None:
    corrected = article(
        version=2,
        corrections=((PUBLISHED + dt.timedelta(hours=2), "二期长度由5公里更正为4.8公里。"),),
    )
    for render in (render_pc, render_wap):
        html = render(templates, corrected, image_href, SITE)
        well_formed(html)
        assert "更正说明" in html
        assert html.index("二期长度由5公里更正为4.8公里") < html.index("工程概况")


def test_repost_shows_source_and_original_link(templates: Templates) -> None:
    repost = article(kind=ArticleKind.REPOST, original_url="https://origin.example.com/a/1")
    page = well_formed(render_pc(templates, repost, image_href, SITE))
    assert "原文链接" in "".join(page.text)
    assert any(a.get("href") == "https://origin.example.com/a/1" for a in page.tags("a"))
    hostile = article(kind=ArticleKind.REPOST, original_url="javascript:alert(1)")
    page = well_formed(render_pc(templates, hostile, image_href, SITE))
    assert "原文链接" not in "".join(page.text)
    assert page.dangers() == []


def test_wap_page_is_light_lazy_and_has_no_script(templates: Templates) -> None:
    body = clean_html(body_html(paragraphs=38))
    chars = len("".join(Page(body).text))
    assert 2_800 <= chars <= 3_600
    html = render_wap(templates, article(body_html=body), image_href, SITE)
    page = well_formed(html)
    assert not page.tags("script")
    assert "<script" not in html.lower()
    assert len(html.encode()) < 50_000
    images = page.tags("img")
    assert [a["src"] for a in images] == [f"images/{sha}-720.jpg" for sha in [SHAS[0], *SHAS]]
    # Body images load lazily; the cover, at the top of the page, does not.
    assert [a.get("loading") for a in images] == [None, "lazy", "lazy", "lazy"]
    style = "".join(page.text)
    for rule in ("max-width:100%", "height:auto", "display:block;overflow-x:auto", "anywhere"):
        assert rule in style
    assert page.dangers() == []


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_hostile_body_and_metadata_never_reach_a_page(templates: Templates, vector: str) -> None:
    hostile = article(
        title=EVIL,
        subtitle=EVIL,
        author=EVIL,
        source=EVIL,
        responsible_editor=EVIL,
        summary=EVIL,
        tags=(EVIL, "<svg onload=alert(1)>"),
        body_html=clean_html(f"<p>正文开始</p>{vector}<p>正文结束</p>"),
        corrections=((PUBLISHED, EVIL),),
    )
    for render in (render_pc, render_wap):
        html = render(templates, hostile, image_href, SITE)
        page = well_formed(html)
        assert page.dangers() == []
        assert "<script" not in html.lower()
        assert page.tags("h1") == [{}]
        assert EVIL in "".join(page.text)  # shown as text, escaped


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(html_soup)
def test_any_body_makes_a_well_formed_safe_page(templates: Templates, soup: str) -> None:
    for render in (render_pc, render_wap):
        page = well_formed(render(templates, article(body_html=soup), image_href, SITE))
        assert page.dangers() == []


def test_body_is_sanitised_even_if_the_caller_skipped_clean_html(templates: Templates) -> None:
    raw = "".join(XSS_VECTORS)
    for target in ("pc", "wap"):
        assert Page(f"<div>{export_body(raw, image_href, target)}</div>").dangers() == []
    page = well_formed(render_pc(templates, article(body_html=raw), image_href, SITE))
    assert page.dangers() == []


def test_a_hostile_image_href_is_dropped_by_the_second_pass() -> None:
    body = clean_html(f'<p><img src="attachment:{SHAS[0]}" alt="x"></p>')
    for bad in ("javascript:alert(1)", "data:text/html,x", " JaVaScRiPt:alert(1)"):
        out = export_body(body, lambda sha, target, bad=bad: bad, "pc")
        assert Page(f"<div>{out}</div>").dangers() == []
        assert "src" not in out


def test_web_url_keeps_only_relative_and_http_urls() -> None:
    assert web_url("index-2.html") == "index-2.html"
    assert web_url("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", "java\tscript:x", "data:x", "//evil.example/", "mailto:a"):
        assert web_url(bad) == ""


def test_override_folder_takes_precedence(tmp_path: Path) -> None:
    (tmp_path / "retracted.html").write_text(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head>'
        "<body><h1>本台定制：{{ title }}</h1><p>{{ reason }}</p></body></html>",
        encoding="utf-8",
    )
    html = render_retracted(Templates(tmp_path), "旧闻", "<b>失实</b>", PUBLISHED, "pc")
    assert "本台定制：旧闻" in html
    assert "&lt;b&gt;失实&lt;/b&gt;" in html  # autoescape applies to overrides too
    # Templates the override folder lacks still come from the shipped set.
    well_formed(render_pc(Templates(tmp_path), article(), image_href, SITE))


@pytest.mark.parametrize("target", ["pc", "wap"])
def test_retracted_page_shows_the_reason(templates: Templates, target: str) -> None:
    reason = "经核实，文中部分数据有误，现予撤稿。<script>alert(1)</script>"
    html = render_retracted(templates, "滨江步道二期完工", reason, PUBLISHED, target)  # type: ignore[arg-type]
    page = well_formed(html)
    text = "".join(page.text)
    assert "撤稿说明" in text
    assert reason in text
    assert "2026年11月23日 09:30" in text
    assert page.dangers() == []


def test_naive_times_are_refused(templates: Templates) -> None:
    with pytest.raises(ValueError):
        article(published_at=dt.datetime(2026, 11, 23, 9, 30))
    with pytest.raises(ValueError):
        render_retracted(templates, "t", "r", dt.datetime(2026, 11, 23), "pc")


def entries(count: int) -> list[IndexEntry]:
    # Out of order on purpose: pagination must sort.
    return [
        IndexEntry(f"第{n}条新闻", f"a{n}.html", PUBLISHED + dt.timedelta(hours=n), f"摘要{n}")
        for n in sorted(range(count), key=lambda n: (n * 7) % count)
    ]


def test_paginate_is_newest_first_in_full_pages() -> None:
    pages = paginate(entries(45), per_page=20)
    assert [len(p) for p in pages] == [20, 20, 5]
    flat = [entry for p in pages for entry in p]
    assert [e.title for e in flat] == [f"第{n}条新闻" for n in range(44, -1, -1)]
    assert paginate([]) == [[]]
    with pytest.raises(ValueError):
        paginate(entries(3), per_page=0)


@pytest.mark.parametrize("target", ["pc", "wap"])
def test_index_pages_link_to_each_other(templates: Templates, target: str) -> None:
    pages = paginate(entries(45), per_page=20)
    hrefs: dict[str, tuple[str | None, str | None]] = {}
    for number, items in enumerate(pages, start=1):
        html = render_index(templates, "本地新闻", items, number, len(pages), target)  # type: ignore[arg-type]
        page = well_formed(html)
        assert page.dangers() == []
        links = {a.get("rel"): a["href"] for a in page.tags("a") if a.get("rel")}
        hrefs[index_filename(number)] = (links.get("prev"), links.get("next"))
        titles = [a["href"] for a in page.tags("a") if not a.get("rel")]
        assert titles == [e.href for e in items]
        assert f"第 {number} / 3 页" in "".join(page.text)
    assert hrefs == {
        "index.html": (None, "index-2.html"),
        "index-2.html": ("index.html", "index-3.html"),
        "index-3.html": ("index-2.html", None),
    }
    with pytest.raises(ValueError):
        render_index(templates, "本地新闻", [], 4, 3, target)  # type: ignore[arg-type]


def test_index_escapes_entries_and_drops_code_hrefs(templates: Templates) -> None:
    hostile = [IndexEntry(EVIL, "javascript:alert(1)", PUBLISHED, EVIL)]
    page = well_formed(render_index(templates, EVIL, hostile, 1, 1, "pc"))
    assert page.dangers() == []
    assert EVIL in "".join(page.text)


def test_empty_channel_index(templates: Templates) -> None:
    page = well_formed(render_index(templates, "本地新闻", [], 1, 1, "wap"))
    assert "暂无文章" in "".join(page.text)
