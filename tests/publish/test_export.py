"""Exporting a demo workspace: PC, WAP and APP files, renditions, indexes, publish, retraction."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from newsdesk.core.model import Article, ArticleState, Target
from newsdesk.demo import build_demo
from newsdesk.publish.export import Exporter, channel_folder, image_digests
from newsdesk.publish.ninjs import validate_ninjs
from newsdesk.publish.pages import SiteInfo, Templates
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.workspace import Workspace

SITE = SiteInfo(name="滨江日报", base_url="https://news.example.cn/")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export-demo") / "ws"
    with Workspace.open(folder, create=True) as workspace:
        build_demo(workspace)
    return folder


@pytest.fixture
def workspace(demo_folder: Path, tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "ws"
    shutil.copytree(demo_folder, folder)
    with Workspace.open(folder) as opened:
        yield opened


def folder_of(workspace: Workspace, article: Article) -> str:
    """The article's channel folder in exported paths (its slug in the demo)."""
    with workspace.store.world() as world:
        channel = world.channel(article.channel_id)
    assert channel is not None
    return channel_folder(channel)


def articles(workspace: Workspace, state: ArticleState) -> list[Article]:
    table = TABLES[Article]
    with workspace.store.engine.connect() as conn:
        rows = conn.execute(select(table).where(table.c.state == state.value)).mappings()
        return [from_row(Article, row) for row in rows]


def with_images(workspace: Workspace, state: ArticleState) -> Article:
    """An article in ``state`` whose published revision shows at least one image."""
    with Exporter(workspace, workspace.folder / "probe", SITE, Templates()) as exporter:
        for article in articles(workspace, state):
            entry, _ = exporter._listed(article.id)
            if image_digests(entry.content):
                return article
    raise AssertionError(f"the demo has no {state} article with images")


def test_a_published_article_is_written_for_every_target(
    workspace: Workspace, tmp_path: Path
) -> None:
    article = with_images(workspace, ArticleState.PUBLISHED)
    out = tmp_path / "out"
    with Exporter(workspace, out, SITE, Templates()) as exporter:
        written = exporter.export_article(article.id)
    paths = {w.path for w in written}
    channel = folder_of(workspace, article)
    for target, suffix in (("pc", "html"), ("wap", "html"), ("app", "json")):
        path = f"{target}/{channel}/{article.id}.{suffix}"
        assert path in paths
        assert (out / path).read_bytes() == next(w.data for w in written if w.path == path)
    document = json.loads((out / f"app/{channel}/{article.id}.json").read_text())
    assert validate_ninjs(document) == []
    assert document["pubstatus"] == "usable"
    assert document["version"] == str(article.published_version)
    assert document["associations"], "the images become associated pictures"
    pc_images = list((out / "pc/images").iterdir())
    wap_images = list((out / "wap/images").iterdir())
    assert pc_images and wap_images
    for folder, limit in ((pc_images, 1600), (wap_images, 720)):
        for image in folder:
            with Image.open(image) as opened:
                assert opened.width <= limit
                assert "exif" not in opened.info
    pc_page = (out / f"pc/{channel}/{article.id}.html").read_text()
    assert "attachment:" not in pc_page and "../images/" in pc_page
    index = (out / f"pc/{channel}/index.html").read_text()
    assert f"{article.id}.html" in index
    feed = json.loads((out / f"app/{channel}/feed.json").read_text())
    assert any(item["href"] == f"{article.id}.json" for item in feed["items"])


def test_export_shows_the_published_revision_not_a_later_draft(
    workspace: Workspace, tmp_path: Path
) -> None:
    article = articles(workspace, ArticleState.PUBLISHED)[0]
    with Exporter(workspace, tmp_path / "out", SITE, Templates()) as exporter:
        entry, _ = exporter._listed(article.id)
        written = exporter.export_article(article.id, {Target.PC})
    assert {w.target for w in written} == {Target.PC}
    page = next(w.data.decode() for w in written if w.path.endswith(f"{article.id}.html"))
    assert entry.content.title in page


def test_a_retracted_article_is_a_notice_and_a_canceled_document(
    workspace: Workspace, tmp_path: Path
) -> None:
    article = articles(workspace, ArticleState.RETRACTED)[0]
    out = tmp_path / "out"
    with Exporter(workspace, out, SITE, Templates()) as exporter:
        written = exporter.export_article(article.id)
    channel = folder_of(workspace, article)
    document = json.loads((out / f"app/{channel}/{article.id}.json").read_text())
    assert validate_ninjs(document) == []
    assert document["pubstatus"] == "canceled"
    assert document["version"] == str(article.published_version + 1)
    assert "bodies" not in document
    for target in ("pc", "wap"):
        page = (out / f"{target}/{channel}/{article.id}.html").read_text()
        assert article.retract_reason in page
    assert not any("/images/" in w.path for w in written)
    index = (out / f"pc/{channel}/index.html").read_text()
    assert f"{article.id}.html" not in index
    feed = json.loads((out / f"app/{channel}/feed.json").read_text())
    [item] = [i for i in feed["items"] if i["href"] == f"{article.id}.json"]
    assert item["pubstatus"] == "canceled"


def test_export_all_writes_every_published_article_single_threaded_too(
    workspace: Workspace, tmp_path: Path
) -> None:
    published = articles(workspace, ArticleState.PUBLISHED)
    with Exporter(workspace, tmp_path / "out", SITE, Templates(), workers=1) as exporter:
        written = exporter.export_all()
    paths = {w.path for w in written}
    for article in published:
        for target in article.targets:
            suffix = "json" if target == Target.APP else "html"
            assert f"{target.value}/{folder_of(workspace, article)}/{article.id}.{suffix}" in paths
    with workspace.store.world() as world:
        for article in published:
            channel = world.channel(article.channel_id)
            assert channel is not None
            if Target.PC not in channel.targets:
                assert f"pc/{channel_folder(channel)}/index.html" not in paths


def test_export_all_writes_the_files_each_article_alone_would(
    workspace: Workspace, tmp_path: Path
) -> None:
    with Exporter(workspace, tmp_path / "all", SITE, Templates()) as exporter:
        everything = {w.path: w.data for w in exporter.export_all()}
        ids = exporter.published_ids()
    alone: dict[str, bytes] = {}
    with Exporter(workspace, tmp_path / "alone", SITE, Templates()) as exporter:
        for article_id in ids:
            alone |= {w.path: w.data for w in exporter.export_article(article_id)}
    assert everything == alone
    for root in ("all", "alone"):
        assert {p: (tmp_path / root / p).read_bytes() for p in everything} == everything


def test_each_export_renders_with_the_templates_as_they_are_when_it_begins(
    workspace: Workspace, tmp_path: Path
) -> None:
    override = tmp_path / "templates"
    (override / "pc").mkdir(parents=True)
    index = override / "pc" / "index.html"
    out = tmp_path / "out"
    with Exporter(workspace, out, SITE, Templates(override)) as exporter:
        for edition in ("第一版", "第二版"):
            index.write_text(f"{{{{ channel }}}} {edition}", encoding="utf-8")
            written = exporter.export_all({Target.PC})
            pages = [w for w in written if w.path.endswith("/index.html")]
            assert pages
            for page in pages:
                assert (out / page.path).read_text(encoding="utf-8").endswith(f" {edition}")
