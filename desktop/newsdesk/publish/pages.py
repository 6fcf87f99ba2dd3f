"""The PC and WAP pages of the web exporters: articles, channel indexes and retraction notices.

Pages are rendered from Jinja2 templates (``resources/templates``; an installation may override
any of them from a folder of its own) with autoescaping on, so every metadata value (title,
author, tags, …) is text in the page, never markup. The article body is the one piece of HTML,
and it is sanitised twice:

1. ``clean_html``, the editor's allow-list, which keeps ``<img src="attachment:<sha256>">``;
2. after the attachment sources are replaced by the exported image files (``image_href``, through
   ``rewrite_image_sources``, the one way bodies' image references are rewritten), the
   body is sanitised again with the *export* allow-list: the same elements and attributes, no
   ``attachment:`` scheme, relative URLs allowed (the image files sit next to the page). The
   WAP page's ``loading="lazy"`` is added by that sanitiser itself (a fixed value, never read
   from the input), so no attribute outside the allow-list can come from the article.

``image_href``'s result is checked by that second pass like any other URL.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, NamedTuple
from urllib.parse import urljoin, urlsplit

import nh3
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from newsdesk.core.body import attachment_digest, rewrite_image_sources, strip_html
from newsdesk.core.model import ArticleKind, RevisionContent
from newsdesk.paths import resources_dir
from newsdesk.publish.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html

PageTarget = Literal["pc", "wap"]
"""The web targets; APP output is JSON and has no pages."""

ImageHref = Callable[[str, str], str]
"""``image_href(sha256, target)``: the URL of an attachment's exported image, relative to the
page (``images/<sha256>-1600.jpg``) or absolute."""

BEIJING: Final = dt.timezone(dt.timedelta(hours=8), "UTC+08:00")
"""China Standard Time: the default zone of the times shown to readers."""

_WEB_SCHEMES: Final = frozenset({"http", "https"})
_EXPORT_URL_SCHEMES: Final = {"http", "https", "mailto"}
_DESCRIPTION_LENGTH: Final = 120
_TARGETS: Final = ("pc", "wap")


class Templates:
    """The page templates: an installation's override folder first, then the shipped ones."""

    def __init__(self, override: Path | None = None, *, tz: dt.tzinfo = BEIJING) -> None:
        """``override``: a folder whose templates replace the shipped ones of the same name.

        ``tz`` is the zone in which times are shown (the ``datetime`` attributes stay ISO 8601
        with their offset).
        """
        loaders = [FileSystemLoader(override)] if override is not None else []
        loaders.append(FileSystemLoader(resources_dir() / "templates"))
        self.environment = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters["shown"] = lambda when: _shown(when, tz)
        self.environment.filters["iso"] = _iso
        self.environment.filters["web_url"] = web_url

    def render(self, name: str, **context: object) -> str:
        """The template ``name`` rendered with ``context``."""
        return self.environment.get_template(name).render(**context)

    def snapshot(self) -> Templates:
        """These templates as their files are from now on, each read once: for many pages
        rendered in one go (an export), which need not look for changed files page by page."""
        snapshot = copy.copy(self)
        # A cache of its own (Jinja's default size): nothing loaded before is used unchecked.
        snapshot.environment = self.environment.overlay(auto_reload=False, cache_size=400)
        return snapshot


@dataclass(frozen=True, kw_only=True)
class SiteInfo:
    """The site the pages are published on.

    ``base_url`` (``https://news.example.cn/``), when set, makes ``og:url`` and an absolute
    ``og:image``; ``article_path`` is where an article's PC page lives under it.
    """

    name: str
    base_url: str | None = None
    article_path: str = "{id}.html"

    def article_url(self, article_id: str) -> str | None:
        """The absolute URL of an article's PC page, if the site has a (web) base URL."""
        base = web_url(self.base_url or "")
        if not urlsplit(base).scheme:  # unset, or relative: og:url must be absolute
            return None
        return urljoin(
            base if base.endswith("/") else base + "/", self.article_path.format(id=article_id)
        )


@dataclass(frozen=True, kw_only=True)
class PageArticle:
    """What a page shows of one published version of an article.

    ``body_html`` has been through ``clean_html`` (rendering cleans it again regardless);
    ``cover`` is the SHA-256 of the cover attachment, resolved per target by ``image_href``
    like the body's images. ``corrections`` are the (time, note) of each correction, oldest
    first.
    """

    id: str
    channel: str
    title: str
    subtitle: str = ""
    author: str = ""
    source: str = ""
    responsible_editor: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()
    body_html: str = ""
    cover: str | None = None
    published_at: dt.datetime
    version: int = 1
    corrections: tuple[tuple[dt.datetime, str], ...] = ()
    kind: ArticleKind = ArticleKind.ORIGINAL
    original_url: str = ""

    def __post_init__(self) -> None:
        """Rejects naive times: a page states its time zone."""
        for when in (self.published_at, *(when for when, _ in self.corrections)):
            if when.utcoffset() is None:
                raise ValueError(f"naive datetime {when.isoformat()} in article {self.id}")


def page_article(
    article_id: str,
    channel: str,
    content: RevisionContent,
    published_at: dt.datetime,
    *,
    version: int = 1,
    corrections: tuple[tuple[dt.datetime, str], ...] = (),
) -> PageArticle:
    """What a page shows of a revision's ``content``."""
    return PageArticle(
        id=article_id,
        channel=channel,
        title=content.title,
        subtitle=content.subtitle,
        author=content.author,
        source=content.source,
        responsible_editor=content.responsible_editor,
        summary=content.summary,
        tags=content.tags,
        body_html=content.body_html,
        cover=content.cover,
        published_at=published_at,
        version=version,
        corrections=corrections,
        kind=content.kind,
        original_url=content.original_url,
    )


class IndexEntry(NamedTuple):
    """One article in a channel index."""

    title: str
    href: str
    published_at: dt.datetime
    summary: str = ""


def web_url(url: str) -> str:
    """``url`` if it is relative or http(s) (safe in an ``href``), else ``""``."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme:
        return url if parts.scheme.lower() in _WEB_SCHEMES and parts.netloc else ""
    # No scheme: a relative path. A colon before any slash would be read as a scheme by a
    # browser that ignores what urlsplit did not ("java\tscript:"), so refuse it.
    return "" if ":" in url.split("/", 1)[0] or url.startswith("//") else url


def _shown(when: dt.datetime, tz: dt.tzinfo) -> str:
    """A time as readers see it: ``2026年11月23日 19:38``."""
    local = when.astimezone(tz)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _iso(when: dt.datetime) -> str:
    """ISO 8601 to the second, with the offset."""
    return when.isoformat(timespec="seconds")


_EXPORT_ATTRIBUTES: Final[dict[str, set[str]]] = {"*": set()} | {
    tag: set(names - {"rel"}) for tag, names in ALLOWED_ATTRIBUTES.items()
}
"""The allow-list's attributes, without ``rel`` (nh3 sets it itself)."""


def export_body(body_html: str, image_href: ImageHref, target: PageTarget) -> str:
    """An article body ready for a page of ``target``: cleaned, images resolved, re-cleaned."""

    def resolve(src: str) -> str | None:
        digest = attachment_digest(src)
        return image_href(digest, target) if digest else src

    resolved = rewrite_image_sources(clean_html(body_html), resolve)
    return nh3.clean(
        resolved,
        tags=set(ALLOWED_TAGS),
        attributes=_EXPORT_ATTRIBUTES,
        set_tag_attribute_values={"img": {"loading": "lazy"}} if target == "wap" else None,
        link_rel="noopener noreferrer",
        url_schemes=set(_EXPORT_URL_SCHEMES),
        url_relative="pass_through",
        filter_style_properties={"text-align"},
    )


def _check_target(target: str) -> None:
    """Refuses a target that has no templates (the name becomes part of a template path)."""
    if target not in _TARGETS:
        raise ValueError(f"no pages for target {target!r}")


def _article_context(
    article: PageArticle, image_href: ImageHref, site: SiteInfo, target: PageTarget
) -> dict[str, object]:
    """What the article templates of either target are given."""
    body = export_body(article.body_html, image_href, target)
    url = site.article_url(article.id)
    cover = web_url(image_href(article.cover, target)) if article.cover else ""
    description = article.summary or strip_html(body)[:_DESCRIPTION_LENGTH]
    return {
        "article": article,
        "body": body,
        "cover": cover,
        "og_image": urljoin(url, cover) if url and cover else cover,
        "og_url": url or "",
        "description": description,
        "is_repost": article.kind is ArticleKind.REPOST,
        "original_url": web_url(article.original_url),
        "modified_at": article.corrections[-1][0] if article.corrections else None,
        "site": site,
    }


def render_pc(
    templates: Templates, article: PageArticle, image_href: ImageHref, site: SiteInfo
) -> str:
    """The PC (desktop web) page of an article: full-size images, OpenGraph meta."""
    context = _article_context(article, image_href, site, "pc")
    return templates.render("pc/article.html", **context)


def render_wap(
    templates: Templates, article: PageArticle, image_href: ImageHref, site: SiteInfo
) -> str:
    """The WAP (mobile) page of an article: phone-sized lazy images, inline CSS, no script."""
    context = _article_context(article, image_href, site, "wap")
    return templates.render("wap/article.html", **context)


def index_filename(page: int) -> str:
    """The file of page ``page`` (1-based) of a channel index: ``index.html``, ``index-2.html``."""
    return "index.html" if page == 1 else f"index-{page}.html"


def newest_first(entries: Sequence[IndexEntry]) -> list[IndexEntry]:
    """``entries`` sorted by publication time, newest first (stable for equal times)."""
    return sorted(entries, key=lambda entry: entry.published_at, reverse=True)


def paginate(entries: Sequence[IndexEntry], per_page: int = 20) -> list[list[IndexEntry]]:
    """``entries`` newest first, in pages of ``per_page``; a channel with none has one page."""
    if per_page < 1:
        raise ValueError(f"per_page must be positive, not {per_page}")
    ordered = newest_first(entries)
    return [ordered[i : i + per_page] for i in range(0, len(ordered), per_page)] or [[]]


def render_index(
    templates: Templates,
    channel_name: str,
    entries: Sequence[IndexEntry],
    page: int,
    pages: int,
    target: PageTarget,
) -> str:
    """Page ``page`` of ``pages`` of a channel's index, with links to the previous and next."""
    _check_target(target)
    if not 1 <= page <= pages:
        raise ValueError(f"page {page} is not within 1..{pages}")
    return templates.render(
        f"{target}/index.html",
        channel=channel_name,
        entries=newest_first(entries),
        page=page,
        pages=pages,
        previous_href=index_filename(page - 1) if page > 1 else "",
        next_href=index_filename(page + 1) if page < pages else "",
    )


def render_retracted(
    templates: Templates, title: str, reason: str, retracted_at: dt.datetime, target: PageTarget
) -> str:
    """The notice (撤稿说明) that replaces the page of a retracted article."""
    _check_target(target)
    if retracted_at.utcoffset() is None:
        raise ValueError(f"naive datetime {retracted_at.isoformat()}")
    return templates.render(
        "retracted.html", title=title, reason=reason, retracted_at=retracted_at, target=target
    )
