"""One-click repost: an address in, a 转载 article with its own copies of the images out.

The page and its images are fetched on the network (:func:`fetch_repost`, asynchronous), then
kept in one step on the database's thread (:func:`keep_repost`): the images become attachments,
the body points at them, and the article is created as a repost with its source, author,
责任编辑 and original address — all in one transaction, so a refusal leaves nothing behind.
Images that could not be fetched stay listed with the reason; the body keeps their web address,
which the editor shows as a problem to solve and the core refuses to submit, so nothing is
published hot-linked.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

import httpx
from sqlalchemy import Connection

from newsdesk.core.actor import Actor
from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.core.apply import actor_of
from newsdesk.core.body import attachment_url, rewrite_image_sources
from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.model import ArticleKind
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.ingest.extract import Extracted, ExtractError, extract
from newsdesk.ingest.web import Image, Policy, WebError, fetch_image, fetch_page, new_client
from newsdesk.store.apply import Applied
from newsdesk.store.similar import SimilarItem, similar_items
from newsdesk.store.workspace import Workspace
from newsdesk.store.world import DbWorld

IMAGES_AT_ONCE: Final = 4
PAGES_AT_ONCE: Final = 3


@dataclass(frozen=True)
class Fetched:
    """A page's article and its images, fetched, not yet kept."""

    article: Extracted
    images: dict[str, Image] = field(default_factory=dict)
    failed: dict[str, Message] = field(default_factory=dict)  # image address → why


@dataclass(frozen=True)
class Reposted:
    url: str
    article_id: str
    title: str
    images: int
    failed: dict[str, Message]
    similar: tuple[SimilarItem, ...] = ()  # what the newsroom already has like it


class RepostRefusedError(Exception):
    def __init__(self, url: str, refusal: Refusal) -> None:
        super().__init__(str(refusal))
        self.url = url
        self.refusal = refusal


async def fetch_repost(
    client: httpx.AsyncClient,
    url: str,
    policy: Policy,
    *,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
) -> Fetched:
    """The article at ``url`` and its images; :class:`WebError` or
    :class:`~newsdesk.ingest.extract.ExtractError` when there is no article to repost."""
    page = await fetch_page(client, url.strip(), policy)
    article = await asyncio.to_thread(extract, page.html, page.url)
    wanted = list(dict.fromkeys([*article.remote_images, *filter(None, [article.lead_image])]))
    images: dict[str, Image] = {}
    failed: dict[str, Message] = {}
    gate = asyncio.Semaphore(IMAGES_AT_ONCE)
    progress(0, len(wanted))

    async def one(image_url: str) -> None:
        async with gate:
            try:
                images[image_url] = await fetch_image(
                    client, image_url, page.url, policy, max_bytes=MAX_ATTACHMENT_BYTES
                )
            except WebError as error:
                failed[image_url] = error.message
            progress(len(images) + len(failed), len(wanted))

    await asyncio.gather(*(one(image_url) for image_url in wanted))
    if article.lead_image in failed and article.lead_image not in article.remote_images:
        del failed[article.lead_image]  # only the cover: the article simply has none
    return Fetched(article, images, failed)


def keep_repost(workspace: Workspace, actor_id: str, channel_id: str, fetched: Fetched) -> Reposted:
    """Store the images and create the repost article, all or nothing; on the database thread."""
    article = fetched.article
    digests = {url: hashlib.sha256(image.data).hexdigest() for url, image in fetched.images.items()}
    stored_before = {sha for sha in digests.values() if workspace.blobs.has(sha)}
    for image in fetched.images.values():
        workspace.blobs.put(image.data)
    attachments = [
        mutation(
            actor_id,
            Kind.ATTACHMENT_ADD,
            digests[url],
            mime=image.mime,
            size=len(image.data),
            name=image.name[:255],
        )
        for url, image in fetched.images.items()
    ]
    unique = list({m.entity: m for m in attachments}.values())
    cover = digests.get(article.lead_image or "")
    fields: dict[str, Any] = {
        "channel_id": channel_id,
        "title": article.title,
        "kind": ArticleKind.REPOST.value,
        "original_url": article.url[:2000],
        "author": article.author,
        "source": article.source,
        "responsible_editor": article.responsible_editor,
        "body_html": _localised(article.body_html, digests),
    }
    if cover:
        fields["cover"] = cover
    if article.published_at is not None:
        fields["original_published_at"] = article.published_at.isoformat()
    create = mutation(actor_id, Kind.ARTICLE_CREATE, **fields)

    def all_accepted(_conn: Connection, applied: list[Applied]) -> None:
        for each in applied:
            if isinstance(each.outcome, Refusal):
                raise RepostRefusedError(article.url, each.outcome)

    mutations: list[Mutation] = [*unique, create]
    try:
        workspace.store.apply(mutations, before_commit=all_accepted)
    except BaseException:
        for sha in set(digests.values()) - stored_before:
            workspace.blobs.remove(sha)
        raise
    with workspace.store.engine.connect() as conn:
        actor = actor_of(DbWorld(conn), actor_id)
        alike = (
            similar_items(
                conn,
                actor,
                article.title,
                article.body_html,
                url=article.url,
                exclude=("article", create.entity),
            )
            if isinstance(actor, Actor)
            else []
        )
    return Reposted(
        article.url,
        create.entity,
        article.title,
        len(set(digests.values())),
        fetched.failed,
        tuple(alike),
    )


def _localised(body: str, digests: dict[str, str]) -> str:
    """``body`` with each fetched image pointing at its attachment."""
    return rewrite_image_sources(
        body, lambda src: attachment_url(digests[src]) if src in digests else src
    )


class Outcome(StrEnum):
    REPOSTED = "reposted"
    WARNING = "warning"  # reposted, but something needs the editor (an image not fetched)
    FAILED = "failed"


@dataclass(frozen=True)
class Line:
    """What happened to one address, for a report: one line each."""

    outcome: Outcome
    message: Message


def reposted_lines(
    workspace: Workspace,
    actor_id: str,
    channel_id: str,
    urls: Sequence[str],
    *,
    allow_private: bool = False,
) -> Iterator[Line]:
    """Repost each of ``urls`` (fetched a few at a time), reporting as each is kept; for
    scripts and the command line, where the caller's thread owns the database."""
    policy = Policy(allow_private=allow_private)
    gate = asyncio.Semaphore(PAGES_AT_ONCE)

    async def attempt(client: httpx.AsyncClient, url: str) -> Fetched | Message:
        async with gate:
            try:
                return await fetch_repost(client, url, policy)
            except (WebError, ExtractError) as error:
                return error.message

    async def fetch_all() -> list[Fetched | Message]:
        async with new_client() as client:
            return list(await asyncio.gather(*(attempt(client, url) for url in urls)))

    for url, fetched in zip(urls, asyncio.run(fetch_all()), strict=True):
        if isinstance(fetched, Message):
            yield Line(Outcome.FAILED, _message(NOT_REPOSTED, url=url, reason=fetched))
            continue
        try:
            reposted = keep_repost(workspace, actor_id, channel_id, fetched)
        except RepostRefusedError as refused:
            yield Line(
                Outcome.FAILED, _message(NOT_REPOSTED, url=url, reason=refused.refusal.message)
            )
            continue
        yield Line(
            Outcome.REPOSTED,
            _message(REPOSTED, id=reposted.article_id, title=reposted.title, url=url),
        )
        for item in reposted.similar:
            wording = SAME_ADDRESS if item.same_address else SIMILAR
            yield Line(Outcome.WARNING, _message(wording, title=item.title, by=item.by))
        for image_url, why in reposted.failed.items():
            yield Line(Outcome.WARNING, _message(IMAGE_NOT_FETCHED, url=image_url, reason=why))


REPOSTED: Final = QT_TRANSLATE_NOOP("Repost", "{id}  《{title}》  from {url}")
NOT_REPOSTED: Final = QT_TRANSLATE_NOOP("Repost", "Not reposted: {url}: {reason}")
SIMILAR: Final = QT_TRANSLATE_NOOP("Repost", "  similar to “{title}” by {by}, already here")
SAME_ADDRESS: Final = QT_TRANSLATE_NOOP(
    "Repost", "  same original address as “{title}” by {by}, already here"
)
IMAGE_NOT_FETCHED: Final = QT_TRANSLATE_NOOP(
    "Repost", "  an image could not be fetched and still points at its site: {url} ({reason})"
)


def _message(source: str, **params: object) -> Message:
    return Message("Repost", source, params)
