"""Exported pages in a real browser: headless Chromium at a desktop and a phone width.

The screenshots are kept under the test's temporary folder (``pytest --basetemp DIR`` to find
them) so that a person can look at what readers will see.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from newsdesk.core.model import Article, ArticleState
from newsdesk.demo import build_demo
from newsdesk.publish.export import Exporter, image_digests
from newsdesk.publish.pages import PageArticle, SiteInfo, Templates, render_wap
from newsdesk.publish.sanitize import clean_html
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.workspace import Workspace
from tests.publish.browser import Chromium, find_chromium

SITE = SiteInfo(name="滨江日报", base_url="https://news.example.cn/")
DESKTOP, PHONE = 1280, 360


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    executable = find_chromium()
    if executable is None:
        pytest.fail("Chromium is missing: `sh scripts/bootstrap.sh test` installs it")
    with Chromium(executable) as opened:
        yield opened


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Article]]:
    """The demo newsroom exported; its published articles, those with images first."""
    root = tmp_path_factory.mktemp("browser")
    with Workspace.open(root / "ws", create=True) as workspace:
        build_demo(workspace)
        table = TABLES[Article]
        with workspace.store.engine.connect() as conn:
            query = select(table).where(table.c.state == ArticleState.PUBLISHED.value)
            published = [from_row(Article, row) for row in conn.execute(query).mappings()]
        with Exporter(workspace, root / "out", SITE, Templates()) as exporter:
            exporter.export_all()
            published.sort(
                key=lambda a: (not image_digests(exporter._listed(a.id)[0].content), a.id)
            )
    shutil.rmtree(root / "ws")
    return root / "out", published


def page(out: Path, target: str, article: Article) -> Path:
    return out / target / article.channel_id / f"{article.id}.html"


@pytest.mark.slow
def test_wap_pages_fit_a_phone_without_scrolling_sideways(
    browser: Chromium, exported: tuple[Path, list[Article]], tmp_path: Path
) -> None:
    out, published = exported
    assert published, "the demo publishes articles"
    for article in published:
        shot = browser.shoot(page(out, "wap", article), PHONE)
        (tmp_path / f"wap-{PHONE}-{article.id}.png").write_bytes(shot.png)
        assert shot.viewport_width == PHONE
        assert shot.scroll_width <= PHONE, f"{article.title}: {shot.scroll_width}px wide"


@pytest.mark.slow
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_article_and_index_pages_render_at_desktop_and_phone_widths(
    browser: Chromium, exported: tuple[Path, list[Article]], tmp_path: Path, width: int
) -> None:
    out, published = exported
    first = published[0]
    for target in ("pc", "wap"):
        for name, path in (
            ("article", page(out, target, first)),
            ("index", out / target / first.channel_id / "index.html"),
        ):
            shot = browser.shoot(path, width)
            (tmp_path / f"{target}-{name}-{width}.png").write_bytes(shot.png)
            assert shot.png.startswith(b"\x89PNG"), path
            if target == "wap" or width == DESKTOP:
                assert shot.scroll_width <= width, f"{path} is {shot.scroll_width}px wide"


def test_a_wap_page_with_wide_content_still_fits_a_phone(browser: Chromium, tmp_path: Path) -> None:
    shas = [c * 64 for c in "de"]
    columns = "".join(f"<th>第{i}季度城乡居民人均可支配收入</th>" for i in range(12))
    body = clean_html(
        "<p>" + "NewsdeskWideUnbrokenToken" * 12 + "</p>"
        "<p>https://www.example.gov.cn/" + "very-long-path-segment/" * 10 + "</p>"
        f"<table><thead><tr>{columns}</tr></thead></table>"
        f'<figure><img src="attachment:{shas[0]}" alt="宽图" width="2400" height="600">'
        "<figcaption>全景</figcaption></figure>"
        f'<p><img src="attachment:{shas[1]}" alt="大图"></p>'
    )
    (tmp_path / "images").mkdir()
    for sha in shas:
        Image.new("RGB", (2400, 600), "steelblue").save(tmp_path / "images" / f"{sha}.png")
    article = PageArticle(
        id="wide",
        channel="本地新闻",
        title="一篇有宽表格、长链接和大图的稿件" * 3,
        author="李明",
        source="https://www.example.gov.cn/" + "x" * 120,
        body_html=body,
        published_at=dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC),
    )
    page = tmp_path / "wide.html"
    page.write_text(
        render_wap(Templates(), article, lambda sha, _target: f"images/{sha}.png", SITE)
    )
    shot = browser.shoot(page, PHONE)
    (tmp_path / f"wap-wide-{PHONE}.png").write_bytes(shot.png)
    assert shot.scroll_width <= PHONE, f"{shot.scroll_width}px wide"
