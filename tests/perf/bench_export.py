"""Export throughput: articles written to PC, WAP and APP per second.

The articles are put straight into a temporary workspace's tables as published rows (channel,
article, frozen revision, publications) and their images into its attachment store: driving
1,000 articles through the review lifecycle by mutations would measure ``apply``, not export.
The export itself is the real :class:`~newsdesk.publish.export.Exporter` over that store.

* with 3 distinct images per article, renditions in the thread pool (one worker per CPU),
  against the same work with one worker (the baseline), each with a cold rendition cache;
* text only, against the bare renderers (``render_pc``, ``render_wap``, ``article_document``)
  called in memory on the same articles: the cost of reading the store and writing files.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import insert

from newsdesk.core.articles import current_hash, revision_content
from newsdesk.core.ids import new_id
from newsdesk.core.model import (
    Article,
    ArticleState,
    Channel,
    Publication,
    Revision,
    RevisionContent,
    Target,
)
from newsdesk.publish.export import Exporter, publication_locations
from newsdesk.publish.ninjs import article_document
from newsdesk.publish.pages import PageArticle, SiteInfo, Templates, render_pc, render_wap
from newsdesk.store.codec import TABLES, to_row
from newsdesk.store.workspace import Workspace
from tests.perf import Result

SITE = SiteInfo(name="滨江日报", base_url="https://news.example.cn/")
TEXT_TARGET = 200.0  # articles per second, text only
START = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)
PARAGRAPH = (
    "<p>城市书房延长开放时间，读者在夜间也能借阅图书、参加讲座。馆员介绍了新的服务安排。</p>"
)


def _picture(number: int) -> bytes:
    """A distinct 1200×800 JPEG (each is a rendition cache miss)."""
    image = Image.new("RGB", (1200, 800), (number * 37 % 256, number * 91 % 256, 180))
    draw = ImageDraw.Draw(image)
    for step in range(0, 1200, 60):
        draw.line((step, 0, 1200 - step, 800), fill=(step % 256, 120, number % 256), width=9)
    draw.text((40, 40), f"#{number}", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def _fill(workspace: Workspace, count: int, images: int) -> list[Article]:
    """``count`` published articles in one channel, each showing ``images`` pictures."""
    channel = Channel(id=new_id(), name="新闻")
    publisher = new_id()
    articles: list[Article] = []
    rows: dict[type, list[dict[str, object]]] = {Channel: [to_row(channel)]}
    for index in range(count):
        shas = [workspace.blobs.put(_picture(index * images + n)) for n in range(images)]
        body = PARAGRAPH * 6 + "".join(
            f'<p><img src="attachment:{sha}" alt=""></p>' for sha in shas
        )
        at = START + dt.timedelta(minutes=index)
        draft = Article(
            id=new_id(),
            channel_id=channel.id,
            owner_id=publisher,
            title=f"城市书房开放时间延长（{index}）",
            summary="夜间也能借阅",
            tags=("图书馆", "惠民"),
            body_html=body,
            cover=shas[0] if shas else None,
            created_at=at,
            updated_at=at,
        )
        digest = current_hash(draft)
        article = Article(
            **{
                **{f: getattr(draft, f) for f in draft.__dataclass_fields__},
                "state": ArticleState.PUBLISHED,
                "revision_number": 1,
                "revision_hash": digest,
                "published_hash": digest,
                "published_version": 1,
            }
        )
        articles.append(article)
        revision = Revision(
            id=new_id(),
            article_id=article.id,
            number=1,
            content_hash=digest,
            author_id=publisher,
            created_at=at,
            content=tuple(revision_content(article).items()),
        )
        rows.setdefault(Article, []).append(to_row(article))
        rows.setdefault(Revision, []).append(to_row(revision))
        for target, location in publication_locations(channel.id, article.id, Target).items():
            publication = Publication(
                id=new_id(),
                article_id=article.id,
                revision_hash=digest,
                target=target,
                version=1,
                location=location,
                publisher_id=publisher,
                published_at=at,
            )
            rows.setdefault(Publication, []).append(to_row(publication))
    with workspace.store.engine.begin() as conn:
        for cls, batch in rows.items():
            conn.execute(insert(TABLES[cls]), batch)
    return articles


def _export_rate(workspace: Workspace, out: Path, count: int, workers: int) -> float:
    """Articles per second exporting the whole workspace to a fresh ``out``."""
    shutil.rmtree(out, ignore_errors=True)
    with Exporter(workspace, out, SITE, Templates(), workers=workers) as exporter:
        started = time.perf_counter()
        exporter.export_all()
        return count / (time.perf_counter() - started)


def _render_rate(articles: list[Article]) -> float:
    """Articles per second through the bare renderers, in memory, no store and no files."""
    templates = Templates()
    started = time.perf_counter()
    for article in articles:
        page = PageArticle(
            id=article.id,
            channel="新闻",
            title=article.title,
            summary=article.summary,
            tags=article.tags,
            body_html=article.body_html,
            published_at=article.created_at,
        )
        render_pc(templates, page, lambda _sha, _target: "", SITE)
        render_wap(templates, page, lambda _sha, _target: "", SITE)
        article_document(
            article_id=article.id,
            revision_content=RevisionContent.of(revision_content(article)),
            version=1,
            published_at=article.created_at,
            pubstatus="usable",
            uri_base="https://news.example.cn/app",
            channel_name="新闻",
            images={},
        )
    return len(articles) / (time.perf_counter() - started)


def run(quick: bool) -> list[Result]:
    count = 100 if quick else 1000
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-export-") as temp:
        root = Path(temp)
        with Workspace.open(root / "images", create=True) as workspace:
            _fill(workspace, count, 3)
            pooled = _export_rate(workspace, root / "out", count, cpus)
            single = _export_rate(workspace, root / "out", count, 1)
        with Workspace.open(root / "text", create=True) as workspace:
            articles = _fill(workspace, count, 0)
            text = max(_export_rate(workspace, root / "out", count, cpus) for _ in range(3))
            bare = max(_render_rate(articles) for _ in range(3))
    return [
        Result(
            name=f"export {count} articles × 3 images, 3 targets, {cpus} rendition threads",
            value=pooled,
            unit="articles/s",
            baseline=single,
            ratio=pooled / single,
            target="faster than one thread when there are 2+ CPUs (ratio > 1)",
            met=cpus < 2 or pooled > single,
        ),
        Result(
            name=f"export {count} text-only articles, 3 targets (baseline: bare renderers)",
            value=text,
            unit="articles/s",
            baseline=bare,
            ratio=text / bare,
            target=f"≥ {TEXT_TARGET:.0f}/s",
            met=text >= TEXT_TARGET,
        ),
    ]
