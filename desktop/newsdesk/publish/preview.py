"""An article as it will be published, before it is: the PC page, the WAP page and the APP
(ninjs) document of a revision's content, rendered by the exporters' own code and templates.

The Review page and the editor's preview show these, so what a reviewer approves is what the
exporter writes. Only the image addresses differ: every image is ``images/<sha256>`` (the
widget showing the page supplies the pictures under those names), where the export writes
scaled renditions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from newsdesk.core.model import RevisionContent
from newsdesk.publish.export import image_digests
from newsdesk.publish.ninjs import article_document
from newsdesk.publish.pages import (
    PageTarget,
    SiteInfo,
    Templates,
    page_article,
    render_pc,
    render_wap,
)
from newsdesk.publish.renditions import RenditionInfo

PREVIEW_IMAGES: Final = "images/"
_PREVIEW_URI: Final = "."


def preview_href(sha256: str, _target: PageTarget | str = "pc") -> str:
    """The address of an attachment's image in a preview."""
    return f"{PREVIEW_IMAGES}{sha256}"


@dataclass(frozen=True)
class PublishedPreview:
    pc_html: str
    wap_html: str
    ninjs: dict[str, object]
    images: tuple[str, ...]  # the SHA-256 of every image the pages show, cover first


def render_preview(
    article_id: str,
    channel_name: str,
    content: RevisionContent,
    *,
    templates: Templates,
    site: SiteInfo,
    published_at: dt.datetime | None = None,
    version: int = 1,
) -> PublishedPreview:
    """The three outputs of a revision's ``content``, as if published at
    ``published_at`` (default: now)."""
    when = published_at or dt.datetime.now(dt.UTC)
    page = page_article(article_id, channel_name, content, when, version=version)
    images = tuple(image_digests(content))
    renditions = {
        sha: [RenditionInfo(href=preview_href(sha), width=0, height=0, mime="image/*", size=0)]
        for sha in images
    }
    document = article_document(
        article_id=article_id,
        revision_content=content,
        version=version,
        published_at=when,
        pubstatus="usable",
        uri_base=_PREVIEW_URI,
        channel_name=channel_name,
        images=renditions,
        first_published_at=when,
    )
    return PublishedPreview(
        pc_html=render_pc(templates, page, preview_href, site),
        wap_html=render_wap(templates, page, preview_href, site),
        ninjs=document,
        images=images,
    )
