"""Exporting published articles to a folder: PC and WAP pages, APP ninjs documents, renditions.

The layout under the output folder, per target ``t`` (``pc``, ``wap``, ``app``)::

    t/<channel>/<article id>.html   (.json for app)
    t/<channel>/index.html, index-2.html, …   (pc and wap: the channel's index, newest first)
    app/<channel>/feed.json                   (the APP feed manifest)
    t/images/<sha256>-<width>.<jpg|png>          (renditions, shared by every article)

What is exported is the frozen revision readers were given (the one whose content hash is the
article's ``published_hash``), never the draft an editor may be correcting. A retracted article
is exported as the retraction notice (PC, WAP) and a ``canceled`` ninjs document whose version
is one above the last published one. Image renditions are computed in a thread pool: Pillow
releases the GIL while it scales and encodes. Files are written by a second pool, several at
once, while the next articles are rendered: creating a file and flushing it to the disk wait on
the file system, and flushes in flight together share its journal commits.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Final, NamedTuple, TypeVar

from newsdesk.core.body import attached_images
from newsdesk.core.model import (
    ArticleState,
    Channel,
    RevisionContent,
    Target,
)
from newsdesk.files import write_atomically
from newsdesk.paths import within
from newsdesk.publish.ninjs import FeedEntry, article_document, feed_manifest, validate_ninjs
from newsdesk.publish.pages import (
    ImageHref,
    IndexEntry,
    PageArticle,
    PageTarget,
    SiteInfo,
    Templates,
    index_filename,
    page_article,
    paginate,
    render_index,
    render_pc,
    render_retracted,
    render_wap,
)
from newsdesk.publish.renditions import RENDITION_WIDTHS, RenditionCache, RenditionInfo
from newsdesk.publish.sanitize import clean_html
from newsdesk.store import reads
from newsdesk.store.reads import Conn, Published, Read
from newsdesk.store.workspace import Workspace

_ORDER: Final = (Target.PC, Target.WAP, Target.APP)
T = TypeVar("T")
_UNSAFE_IN_PATH: Final = re.compile(r'[\s/\\:*?"<>|#%&{}$!\'@+`=]+')
_WRITERS: Final = 8  # files written at once: their flushes to the disk share journal commits
_AHEAD: Final = 4 * _WRITERS  # articles export_all renders ahead of their files' writing, at most


class Written(NamedTuple):
    """One file the exporter wrote: its target, its path relative to the output folder, its
    content."""

    target: Target
    path: str
    data: bytes


class ExportError(Exception):
    """An article cannot be exported (unknown, or never published)."""


class NotExported(NamedTuple):
    """An article :meth:`Exporter.export_all` could not write, and why."""

    article_id: str
    reason: str


TEMPORARY: Final = ".newsdesk-"  # the name of a file being written starts so; see _write


def channel_folder(channel: Channel) -> str:
    """The channel's folder in exported paths (``<channel>`` above): its slug (``news``), or,
    until an administrator sets one, its name made safe for a path (``新闻``), never an id."""
    return channel.slug or _UNSAFE_IN_PATH.sub("-", channel.name).strip("-. ") or channel.id


def publication_locations(
    folder: str, article_id: str, targets: Iterable[Target]
) -> dict[Target, str]:
    """Where each target's file of an article is, relative to the output folder: the
    ``location`` of its publication; ``folder`` is the :func:`channel_folder`."""
    return {
        target: f"{target.value}/{folder}/{article_id}."
        + ("json" if target == Target.APP else "html")
        for target in targets
    }


def image_digests(content: RevisionContent) -> list[str]:
    """The SHA-256 of every workspace image a revision shows (cover first), without repeats."""
    found = [content.cover] if content.cover else []
    return list(dict.fromkeys(found + attached_images(clean_html(content.body_html))))


class Exporter:
    """Writes the published articles of a workspace to the folder ``out``.

    ``uri_base`` is the absolute base of the APP documents' URIs (default: the site's base URL,
    else the output folder as a ``file:`` URI, with ``/app`` appended). ``workers`` is the size
    of the rendition thread pool (default: the CPU count; 1 renders in the calling thread).
    ``conn`` is the connection to read the workspace through (default: a new one each time).
    Use it as a context manager, or call :meth:`close`, to stop its thread pools.
    """

    def __init__(
        self,
        workspace: Workspace,
        out: Path,
        site: SiteInfo,
        templates: Templates,
        *,
        uri_base: str | None = None,
        workers: int | None = None,
        per_page: int = 20,
        conn: Conn | None = None,
    ) -> None:
        self.workspace = workspace
        self._conn = conn
        self.out = out
        self.site = site
        self.templates = templates
        self.per_page = per_page
        base = uri_base or self.site.base_url or out.resolve().as_uri()
        self.uri_base = base.rstrip("/") + "/app"
        self.workers = workers or os.cpu_count() or 1
        self._pool: Executor | None = None
        self._writers: Executor | None = None
        self._caches = {t: RenditionCache(out / t.value / "images") for t in _ORDER}
        self.failures: list[NotExported] = []  # what the last export_all could not write
        self.created: list[Path] = []  # files that were not there before this exporter wrote them

    def __enter__(self) -> Exporter:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Stops the rendition and writing thread pools."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._writers is not None:
            self._writers.shutdown()
            self._writers = None

    # --- reading ------------------------------------------------------------------------------

    def _read(self, read: Read[T]) -> T:
        """``read`` of the workspace as the exporter's connection sees it (a publication not
        committed yet, while its files are written), else as committed."""
        if self._conn is not None:
            return read(self._conn)
        with self.workspace.store.engine.connect() as conn:
            return read(conn)

    def _listed(self, article_id: str) -> tuple[Published, Channel]:
        def read(conn: Conn) -> tuple[list[Published], Channel]:
            article = reads.article(conn, article_id)
            if article is None:
                raise ExportError(f"no article {article_id}")
            if article.state not in reads.LISTED_STATES or not article.published_hash:
                raise ExportError(f"article {article_id} is not published ({article.state})")
            channel = reads.channel(conn, article.channel_id)
            assert channel is not None, f"article {article_id} has no channel"
            return reads.published(conn, [article]), channel

        listed, channel = self._read(read)
        if not listed:
            raise ExportError(f"article {article_id} has no published revision")
        return listed[0], channel

    def _listed_since(self, since: dt.date | None) -> list[tuple[Published, Channel]]:
        """The published and retracted articles (published since ``since``), with their
        channels, in one read."""

        def read(conn: Conn) -> list[tuple[Published, Channel]]:
            listed = [
                entry
                for entry in reads.published(conn, reads.listed_articles(conn))
                if since is None or entry.last_published.date() >= since
            ]
            channels: dict[str, Channel] = {}
            for entry in listed:
                channel_id = entry.article.channel_id
                if channel_id not in channels:
                    channel = reads.channel(conn, channel_id)
                    assert channel is not None, f"article {entry.article.id} has no channel"
                    channels[channel_id] = channel
            return [(entry, channels[entry.article.channel_id]) for entry in listed]

        return self._read(read)

    def published_ids(self, since: dt.date | None = None) -> list[str]:
        """The published and retracted articles, optionally those published since ``since``."""
        return [entry.article.id for entry, _ in self._listed_since(since)]

    # --- writing ------------------------------------------------------------------------------

    def _write(self, file: Written) -> Written:
        path = within(self.out, file.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists()
        write_atomically(path, file.data, prefix=TEMPORARY)
        if not existed:
            self.created.append(path)
        return file

    def _writer_pool(self) -> Executor:
        if self._writers is None:
            self._writers = ThreadPoolExecutor(_WRITERS, thread_name_prefix="export-writer")
        return self._writers

    def _write_all(self, files: Sequence[Written]) -> list[Written]:
        """Writes ``files`` at once; when one cannot be, raises the first such error once every
        other write has ended (so :attr:`created` holds every file that was made)."""
        writing = [self._writer_pool().submit(self._write, file) for file in files]
        wait(writing)
        return [future.result() for future in writing]

    def _write_in_turn(
        self, shown: list[Written], pages: Sequence[Written], error: Exception | None
    ) -> list[Written]:
        """Writes ``pages`` one after the other and returns them after ``shown`` (renditions, on
        disk already), as :meth:`export_article` would; then raises ``error`` (met rendering the
        page after them), if any."""
        written = shown + [self._write(page) for page in pages]
        if error is not None:
            raise error
        return written

    def sweep(self) -> int:
        """Remove files an export killed midway left half-written; returns how many."""
        found = [p for p in self.out.rglob(f"{TEMPORARY}*.tmp") if p.is_file()]
        for path in found:
            path.unlink(missing_ok=True)
        return len(found)

    def make_renditions(self, digests: Sequence[str]) -> None:
        """Make (or find made) every rendition any target shows of ``digests``: image work
        that needs no database, done before the export that does."""
        self._renditions(digests, _ORDER)

    def _renditions(
        self, digests: Sequence[str], targets: Collection[Target]
    ) -> dict[tuple[str, Target], list[RenditionInfo]]:
        """Every rendition of ``digests`` the ``targets`` need, made in the thread pool."""
        jobs = [
            (sha, t, w)
            for sha in digests
            for t in _ORDER
            if t in targets
            for w in RENDITION_WIDTHS[t.value]
        ]

        def make(job: tuple[str, Target, int]) -> RenditionInfo:
            sha, target, width = job
            return self._caches[target].info(sha, width, lambda: self.workspace.blobs.read(sha))

        if self.workers == 1 or len(jobs) < 2:
            infos = [make(job) for job in jobs]
        else:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="rendition")
            infos = list(self._pool.map(make, jobs))
        found: dict[tuple[str, Target], list[RenditionInfo]] = {}
        for (sha, target, _), info in zip(jobs, infos, strict=True):
            found.setdefault((sha, target), []).append(info)
        return found

    def _rendition_files(
        self, renditions: Mapping[tuple[str, Target], Sequence[RenditionInfo]]
    ) -> list[Written]:
        return [
            Written(
                target,
                f"{target.value}/{info.href}",
                (self.out / target.value / info.href).read_bytes(),
            )
            for (_, target), infos in renditions.items()
            for info in infos
        ]

    def _page_article(self, entry: Published, channel: Channel) -> PageArticle:
        notes = {
            p.version: (p.published_at, p.correction_note)
            for p in entry.publications
            if p.correction_note
        }
        return page_article(
            entry.article.id,
            channel.name,
            entry.content,
            entry.first_published,
            version=entry.article.published_version,
            corrections=tuple(sorted(notes.values())),
        )

    def _document(
        self,
        entry: Published,
        channel: Channel,
        images: Mapping[str, Sequence[RenditionInfo]],
    ) -> dict[str, object]:
        article = entry.article
        retracted = article.state == ArticleState.RETRACTED
        notes = sorted((p.version, p.correction_note) for p in entry.publications)
        document = article_document(
            article_id=article.id,
            revision_content=entry.content,
            version=article.published_version + (1 if retracted else 0),
            published_at=article.updated_at if retracted else entry.last_published,
            pubstatus="canceled" if retracted else "usable",
            uri_base=self.uri_base,
            channel_name=channel.name,
            images=images,
            correction_note=notes[-1][1] if notes else "",
            first_published_at=entry.first_published,
        )
        problems = validate_ninjs(document)
        if problems:
            raise ValueError(f"invalid ninjs for article {article.id}: {'; '.join(problems)}")
        return document

    def export_article(
        self, article_id: str, targets: Collection[Target] | None = None, *, indexes: bool = True
    ) -> list[Written]:
        """Writes one article for ``targets`` (default: all) that its channel and it enable,
        then (unless ``indexes`` is false) its channel's indexes and feed."""
        entry, channel = self._listed(article_id)
        wanted = _wanted(entry, channel, targets)
        shown, pages = self._files(entry, channel, wanted, self.templates)
        written = shown + [self._write(page) for page in pages]
        if indexes:
            written += self.export_indexes(channel.id, wanted)
        return written

    def _files(
        self, entry: Published, channel: Channel, wanted: Sequence[Target], templates: Templates
    ) -> tuple[list[Written], Iterator[Written]]:
        """The renditions an article shows (on disk already), and its pages for ``wanted``,
        each rendered as it is asked for."""
        if entry.article.state == ArticleState.RETRACTED:
            return [], self._notices(entry, channel, wanted, templates)
        renditions = self._renditions(image_digests(entry.content), wanted)
        pages = self._pages(entry, channel, wanted, renditions, templates)
        return self._rendition_files(renditions), pages

    def _notices(
        self, entry: Published, channel: Channel, wanted: Sequence[Target], templates: Templates
    ) -> Iterator[Written]:
        """A retracted article's notice (PC, WAP) and ``canceled`` document (APP)."""
        article = entry.article
        locations = publication_locations(channel_folder(channel), article.id, wanted)
        for target in wanted:
            if target == Target.APP:
                data = _json(self._document(entry, channel, {}))
            else:
                page: PageTarget = "pc" if target == Target.PC else "wap"
                html = render_retracted(
                    templates,
                    entry.content.retracted().title,
                    article.retract_reason,
                    article.updated_at,
                    page,
                )
                data = html.encode()
            yield Written(target, locations[target], data)

    def _pages(
        self,
        entry: Published,
        channel: Channel,
        wanted: Sequence[Target],
        renditions: Mapping[tuple[str, Target], Sequence[RenditionInfo]],
        templates: Templates,
    ) -> Iterator[Written]:
        """A published article's pages (PC, WAP) and document (APP)."""
        locations = publication_locations(channel_folder(channel), entry.article.id, wanted)
        page_article = self._page_article(entry, channel)
        for target in wanted:
            if target == Target.APP:
                images = {sha: infos for (sha, t), infos in renditions.items() if t == target}
                data = _json(self._document(entry, channel, images))
            else:
                by_sha = {
                    sha: f"../{max(infos, key=lambda i: i.width).href}"
                    for (sha, t), infos in renditions.items()
                    if t == target
                }
                render = render_pc if target == Target.PC else render_wap
                html = render(templates, page_article, _hrefs(by_sha), self.site)
                data = html.encode()
            yield Written(target, locations[target], data)

    def export_indexes(self, channel_id: str, targets: Collection[Target]) -> list[Written]:
        """Regenerates a channel's index pages (PC, WAP) and APP feed manifest."""
        return self._write_all(self._index_files(channel_id, targets, self.templates))

    def _index_files(
        self, channel_id: str, targets: Collection[Target], templates: Templates
    ) -> list[Written]:
        """A channel's index pages (PC, WAP) and APP feed manifest, rendered."""

        def read(conn: Conn) -> tuple[Channel | None, list[Published]]:
            articles = reads.listed_articles(conn, channel_id=channel_id)
            return reads.channel(conn, channel_id), reads.published(conn, articles)

        channel, listed = self._read(read)
        if channel is None:
            raise ExportError(f"no channel {channel_id}")
        files: list[Written] = []
        live = [e for e in listed if e.article.state == ArticleState.PUBLISHED]
        live_ids = {e.article.id for e in live}
        for target in (t for t in _ORDER if t in targets and t in channel.targets):
            folder = f"{target.value}/{channel_folder(channel)}"
            if target == Target.APP:
                feed = feed_manifest(
                    channel.name,
                    (
                        FeedEntry(
                            uri=f"{self.uri_base}/articles/{e.article.id}",
                            version=e.article.published_version
                            + (0 if e.article.id in live_ids else 1),
                            versioncreated=(
                                e.last_published
                                if e.article.id in live_ids
                                else e.article.updated_at
                            ),
                            pubstatus="usable" if e.article.id in live_ids else "canceled",
                            href=f"{e.article.id}.json",
                        )
                        for e in listed
                    ),
                )
                files.append(Written(target, f"{folder}/feed.json", _json(feed)))
                continue
            page_target: PageTarget = "pc" if target == Target.PC else "wap"
            pages = paginate(
                [
                    IndexEntry(
                        title=e.content.title,
                        href=f"{e.article.id}.html",
                        published_at=e.first_published,
                        summary=e.content.summary,
                    )
                    for e in live
                ],
                self.per_page,
            )
            for number, entries in enumerate(pages, 1):
                html = render_index(
                    templates, channel.name, entries, number, len(pages), page_target
                )
                path = f"{folder}/{index_filename(number)}"
                files.append(Written(target, path, html.encode()))
        return files

    def export_all(
        self, targets: Collection[Target] | None = None, since: dt.date | None = None
    ) -> list[Written]:
        """Every published article (and retraction notice), then each channel's indexes once.

        An article that cannot be written (a missing image, an id no file may be named by) is
        listed in :attr:`failures` and the others are written all the same; a full disk stops
        the export (``OSError`` with ``ENOSPC``)."""
        self.sweep()
        self.failures = []
        written: list[Written] = []
        channels: set[str] = set()
        # Each article's files are written in turn by one writer while the next articles are
        # rendered; their outcomes are taken in the order of the articles.
        writing: deque[tuple[str, str, Future[list[Written]]]] = deque()
        templates = self.templates.snapshot()

        def take_oldest() -> None:
            article_id, channel_id, future = writing.popleft()
            try:
                files = future.result()
            except (ExportError, OSError, ValueError) as error:
                if isinstance(error, OSError) and error.errno == errno.ENOSPC:
                    raise
                self.failures.append(NotExported(article_id, str(error)))
                return
            written.extend(files)
            if files:
                channels.add(channel_id)

        try:
            for entry, channel in self._listed_since(since):
                shown: list[Written] = []
                pages: list[Written] = []
                failed: Exception | None = None
                try:
                    wanted = _wanted(entry, channel, targets)
                    shown, files = self._files(entry, channel, wanted, templates)
                    pages.extend(files)
                except (ExportError, OSError, ValueError) as error:
                    failed = error
                future = self._writer_pool().submit(self._write_in_turn, shown, pages, failed)
                writing.append((entry.article.id, channel.id, future))
                if len(writing) > _AHEAD:
                    take_oldest()
            while writing:
                take_oldest()
        finally:
            wait([future for _, _, future in writing])
        for channel_id in sorted(channels):
            indexes = self._index_files(channel_id, set(targets or _ORDER), templates)
            written += self._write_all(indexes)
        return written


def _wanted(entry: Published, channel: Channel, targets: Collection[Target] | None) -> list[Target]:
    """The ``targets`` (default: all) that an article's channel and the article enable."""
    return [
        t
        for t in _ORDER
        if t in channel.targets and t in entry.article.targets and (targets is None or t in targets)
    ]


def _hrefs(by_sha: Mapping[str, str]) -> ImageHref:
    """The ``image_href`` of a page whose images are ``by_sha``."""
    return lambda sha, _target: by_sha.get(sha, "")


def _json(document: Mapping[str, object]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode()
