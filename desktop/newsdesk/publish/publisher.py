"""Publishing as the desk does it: apply the publish or retract mutation, export the article
to the output folder, deliver it by HTTP where a target has an endpoint, remember what failed.

The publishing settings (output folder, site, one optional HTTP endpoint per target) live in
the workspace's settings table, so every desktop of a workspace publishes the same way. A file
whose delivery failed stays listed, with the reason, until a later delivery of its article
succeeds: :meth:`Publisher.retry_failed` sends those articles again, and the idempotency key of
each file makes a repeated delivery harmless to the receiver.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from newsdesk.core.articles import current_hash
from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ArticleState, Target
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.publish.delivery import Delivered, FolderDelivery, HttpDelivery
from newsdesk.publish.export import (
    Exporter,
    Written,
    channel_folder,
    image_digests,
    publication_locations,
)
from newsdesk.publish.pages import SiteInfo, Templates
from newsdesk.store import reads
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn
from newsdesk.store.workspace import Workspace

SETTINGS_KEY: Final = "publish.settings"
FAILED_KEY: Final = "publish.failed"
TARGET_ORDER: Final = (Target.PC, Target.WAP, Target.APP)
_NO_HASH: Final = "0" * 64

Progress = Callable[[int, int], None]  # (steps done, steps in all)


@dataclass(frozen=True)
class PublishingSettings:
    """Where published files go. Everything is exported to ``folder`` (empty: the workspace's
    ``export`` folder); a target with its own folder (a web server's document root, a share)
    gets its files copied there too; a target with an endpoint gets them POSTed there (with
    ``Authorization: Bearer <token>`` when a token is set). Keys are target values."""

    folder: str = ""
    site_name: str = ""
    base_url: str = ""
    folders: Mapping[str, str] = field(default_factory=dict)
    endpoints: Mapping[str, str] = field(default_factory=dict)
    tokens: Mapping[str, str] = field(default_factory=dict)

    def problems(self) -> list[Message]:
        """What is wrong with these settings, each naming the field; empty when they are valid."""
        found = []
        for folder in (self.folder, *(f for _, f in sorted(self.folders.items()))):
            if folder and not Path(folder).is_absolute():
                found.append(
                    Message(
                        "Publishing",
                        QT_TRANSLATE_NOOP(
                            "Publishing", "The folder “{folder}” must be an absolute path."
                        ),
                        {"folder": folder},
                    )
                )
        if self.base_url and not _is_http_url(self.base_url):
            found.append(
                Message(
                    "Publishing",
                    QT_TRANSLATE_NOOP(
                        "Publishing",
                        "The site address “{url}” must start with http:// or https:// and "
                        "name a host.",
                    ),
                    {"url": self.base_url},
                )
            )
        for target in sorted({*self.folders, *self.endpoints} - {t.value for t in Target}):
            found.append(
                Message(
                    "Publishing",
                    QT_TRANSLATE_NOOP("Publishing", "There is no target “{target}”."),
                    {"target": target},
                )
            )
        for target, url in sorted(self.endpoints.items()):
            if target not in {t.value for t in Target}:
                continue
            if url and not _is_http_url(url):
                found.append(
                    Message(
                        "Publishing",
                        QT_TRANSLATE_NOOP(
                            "Publishing",
                            "The {target} endpoint “{url}” must start with http:// or "
                            "https:// and name a host.",
                        ),
                        {"target": target.upper(), "url": url},
                    )
                )
        return found

    def endpoint(self, target: Target) -> str:
        return self.endpoints.get(target.value, "")

    def target_folder(self, target: Target) -> str:
        return self.folders.get(target.value, "")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PublishingSettings:
        data = json.loads(text)
        return cls(
            folder=str(data.get("folder", "")),
            site_name=str(data.get("site_name", "")),
            base_url=str(data.get("base_url", "")),
            folders={str(k): str(v) for k, v in data.get("folders", {}).items() if v},
            endpoints={str(k): str(v) for k, v in data.get("endpoints", {}).items() if v},
            tokens={str(k): str(v) for k, v in data.get("tokens", {}).items() if v},
        )


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def load_settings(workspace: Workspace) -> PublishingSettings:
    stored = workspace.store.setting(SETTINGS_KEY)
    return PublishingSettings.from_json(stored) if stored else PublishingSettings()


def save_settings(workspace: Workspace, settings: PublishingSettings) -> None:
    """Stores ``settings``; raises ``ValueError`` naming the first problem if they are invalid."""
    if problems := settings.problems():
        raise ValueError(str(problems[0]))
    workspace.store.set_setting(SETTINGS_KEY, settings.to_json())


@dataclass(frozen=True)
class FailedDelivery:
    """A file that did not reach its endpoint: what, where, when, and why."""

    article_id: str
    target: str
    path: str
    destination: str  # a folder or an endpoint URL
    reason: str
    at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Report:
    """What one publishing action did. ``applied`` is ``None`` for a plain re-delivery."""

    applied: Applied | None
    written: tuple[Written, ...] = ()
    delivered: tuple[Delivered, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.applied is None or self.applied.accepted

    @property
    def failures(self) -> tuple[Delivered, ...]:
        return tuple(d for d in self.delivered if not d.ok)


@dataclass(frozen=True)
class Outgoing:
    """An article's exported files with the version readers will see: all that delivering
    them needs."""

    article_id: str
    version: int
    written: tuple[Written, ...]


@dataclass(frozen=True)
class Sent:
    """How delivering an article's files went, each file with its folder or endpoint."""

    article_id: str
    written: tuple[Written, ...]
    delivered: tuple[tuple[str, Delivered], ...]


def publication_images(conn: Conn, attempt: Mutation) -> list[str]:
    """The workspace images the revision that ``attempt`` publishes shows (none for a
    retraction, which shows only its notice)."""
    if attempt.kind != Kind.ARTICLE_PUBLISH:
        return []
    content = reads.revision_content(conn, attempt.entity, str(attempt.args["revision_hash"]))
    return image_digests(content) if content is not None else []


class Publisher:
    """Publishes, retracts and re-delivers articles of one workspace.

    ``attempts`` and ``backoff`` are the HTTP retry policy (see :class:`HttpDelivery`);
    ``sleep`` is how the backoff waits (tests pass a recorder).
    """

    def __init__(
        self,
        workspace: Workspace,
        settings: PublishingSettings | None = None,
        templates: Templates | None = None,
        *,
        attempts: int = 5,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        default_site_name: str = "Newsdesk",
    ) -> None:
        self.workspace = workspace
        self.settings = settings if settings is not None else load_settings(workspace)
        self.templates = templates or Templates()
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep
        self.site = SiteInfo(
            name=self.settings.site_name or default_site_name,
            base_url=self.settings.base_url or None,
        )

    @property
    def out(self) -> Path:
        """The output folder every export goes to first."""
        return Path(self.settings.folder) if self.settings.folder else self.workspace.export

    # --- the mutations ------------------------------------------------------------------------

    def publish_mutation(
        self,
        actor_id: str,
        article_id: str,
        correction_note: str = "",
        at: dt.datetime | None = None,
        *,
        mutation_id: str | None = None,
        scheduled_for: dt.datetime | None = None,
    ) -> Mutation:
        """The ``article.publish`` mutation for the article as the store holds it now.
        ``mutation_id`` and ``scheduled_for`` make the publication at a scheduled time (see
        :mod:`newsdesk.publish.schedule`)."""
        with self.workspace.store.world() as world:
            article = world.article(article_id)
            channel = world.channel(article.channel_id) if article is not None else None
        targets = (
            [t for t in TARGET_ORDER if t in channel.targets and t in article.targets]
            if article is not None and channel is not None
            else []
        )
        folder = channel_folder(channel) if channel else ""
        locations = publication_locations(folder, article_id, targets)
        args: dict[str, Any] = {
            # A never-reviewed draft has no revision hash: its current hash lets the core say
            # why it cannot be published rather than that the argument is malformed.
            "revision_hash": (article.revision_hash or current_hash(article))
            if article is not None
            else _NO_HASH,
            "publications": [
                {"id": new_id(), "target": t.value, "location": loc} for t, loc in locations.items()
            ],
        }
        if correction_note:
            args["correction_note"] = correction_note
        if scheduled_for is not None:
            args["scheduled_for"] = scheduled_for.astimezone(dt.UTC).isoformat()
        made = mutation(actor_id, Kind.ARTICLE_PUBLISH, article_id, at=at, **args)
        return made if mutation_id is None else dataclasses.replace(made, id=mutation_id)

    def publish(
        self,
        actor_id: str,
        article_id: str,
        correction_note: str = "",
        *,
        progress: Progress | None = None,
        at: dt.datetime | None = None,
    ) -> Report:
        """Applies ``article.publish`` and, if accepted, sends the article to every target."""
        attempt = self.publish_mutation(actor_id, article_id, correction_note, at)
        return self.apply_and_send(attempt, progress=progress)

    def retract(
        self,
        actor_id: str,
        article_id: str,
        reason: str,
        *,
        progress: Progress | None = None,
        at: dt.datetime | None = None,
    ) -> Report:
        """Applies ``article.retract`` and, if accepted, replaces the article on every target
        by the retraction notice."""
        attempt = mutation(actor_id, Kind.ARTICLE_RETRACT, article_id, at=at, reason=reason)
        return self.apply_and_send(attempt, progress=progress)

    def apply_and_send(self, attempt: Mutation, *, progress: Progress | None = None) -> Report:
        """Applies a publish or retract mutation and, if accepted, sends the article to every
        target. The mutation is recorded only once the files are written: on a full disk
        neither is, and what the export made so far is removed."""
        outgoing: list[Outgoing] = []
        store = self.workspace.store
        [applied] = store.apply([attempt], before_commit=self.exporting(outgoing))
        if not applied.accepted or applied.replayed:
            # A replayed mutation was sent when it was first applied (and what failed then is
            # remembered for a retry): sending it again would publish it twice.
            return Report(applied)
        [article] = outgoing
        sent = self.record(self.deliver(article, progress=progress))
        return Report(applied, sent.written, sent.delivered)

    def exporting(self, outgoing: list[Outgoing]) -> Callable[[Conn, list[Applied]], None]:
        """What must succeed before publish or retract mutations are recorded (the store's
        ``before_commit``): exporting the articles they changed, read through the transaction,
        adding each one's files to ``outgoing``. A file that cannot be written removes the
        files this export made and raises, so the mutations are not recorded either."""

        def export(conn: Conn, applied: list[Applied]) -> None:
            with Exporter(
                self.workspace, self.out, self.site, self.templates, conn=conn
            ) as exporter:
                try:
                    for a in applied:
                        if a.accepted and not a.replayed:
                            article_id = a.mutation.entity
                            written = exporter.export_article(article_id)
                            outgoing.append(self._outgoing(conn, article_id, written))
                except BaseException:
                    for file in exporter.created:
                        file.unlink(missing_ok=True)
                    raise

        return export

    def make_renditions(self, digests: Sequence[str]) -> None:
        """Make the image renditions an article will need before it is exported: the slow,
        database-free part of publishing, done first so the export itself is quick."""
        with Exporter(self.workspace, self.out, self.site, self.templates) as exporter:
            exporter.make_renditions(digests)

    # --- sending ------------------------------------------------------------------------------

    def send(self, article_id: str, *, progress: Progress | None = None) -> Report:
        """Exports the article (as published, or its retraction notice) and its channel's
        indexes to the output folder, then delivers them (see :meth:`deliver`)."""
        sent = self.record(self.deliver(self.export(article_id), progress=progress))
        return Report(None, sent.written, sent.delivered)

    def export(self, article_id: str) -> Outgoing:
        """Exports the article and its channel's indexes to the output folder."""
        with Exporter(self.workspace, self.out, self.site, self.templates) as exporter:
            written = exporter.export_article(article_id)
        with self.workspace.store.engine.connect() as conn:
            return self._outgoing(conn, article_id, written)

    def _outgoing(self, conn: Conn, article_id: str, written: Sequence[Written]) -> Outgoing:
        article = reads.article(conn, article_id)
        if article is None:
            raise LookupError(f"no article {article_id}")
        return Outgoing(article_id, document_version(article), tuple(written))

    def deliver(self, outgoing: Outgoing, *, progress: Progress | None = None) -> Sent:
        """Copies each target's files to its own folder and POSTs them to its endpoint, where
        the settings name one. Touches no database: :meth:`record` keeps what happened."""
        article_id, version, written = outgoing.article_id, outgoing.version, outgoing.written
        routes = [  # (target, is a folder, folder or endpoint, files)
            (target, is_folder, destination, files)
            for target in TARGET_ORDER
            if (files := [w for w in written if w.target == target])
            for is_folder, destination in (
                (True, self.settings.target_folder(target)),
                (False, self.settings.endpoint(target)),
            )
            if destination
        ]
        total = 1 + sum(len(files) for *_, files in routes)
        if progress is not None:
            progress(1, total)
        delivered: list[tuple[str, Delivered]] = []
        down: dict[str, str] = {}  # endpoint -> why it failed after every retry
        for target, is_folder, destination, files in routes:
            if is_folder:
                for result in FolderDelivery(Path(destination)).deliver(article_id, version, files):
                    delivered.append((destination, result))
                if progress is not None:
                    progress(1 + len(delivered), total)
                continue
            with self._client(target) as client:
                delivery = HttpDelivery(
                    destination, client, self.attempts, self.backoff, sleep=self.sleep
                )
                for file in files:
                    if destination in down:  # do not wait out every file's retries
                        result = Delivered(file.target, file.path, False, 0, down[destination])
                    else:
                        [result] = delivery.deliver(article_id, version, [file])
                        if not result.ok and not result.refused:
                            down[destination] = result.reason
                    delivered.append((destination, result))
                    if progress is not None:
                        progress(1 + len(delivered), total)
        return Sent(article_id, written, tuple(delivered))

    def record(self, sent: Sent) -> Report:
        """Remembers the files of ``sent`` that failed (replacing what was remembered for its
        article) so they can be shown and retried, and notes the delivery for the audit log."""
        self._remember(sent.article_id, sent.delivered)
        self.workspace.store.note(
            "publish",
            article=sent.article_id,
            files=len(sent.written),
            delivered=sum(1 for _, d in sent.delivered if d.ok),
            failed=sum(1 for _, d in sent.delivered if not d.ok),
        )
        return Report(None, sent.written, tuple(d for _, d in sent.delivered))

    def _client(self, target: Target) -> httpx.Client:
        token = self.settings.tokens.get(target.value, "")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(headers=headers, timeout=httpx.Timeout(30.0, connect=10.0))

    # --- failed deliveries --------------------------------------------------------------------

    def failed(self) -> list[FailedDelivery]:
        """Every file whose last delivery failed, oldest first."""
        stored = self.workspace.store.setting(FAILED_KEY)
        return [FailedDelivery(**entry) for entry in json.loads(stored)] if stored else []

    def _remember(self, article_id: str, delivered: Iterable[tuple[str, Delivered]]) -> None:
        kept = [f for f in self.failed() if f.article_id != article_id]
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        kept += [
            FailedDelivery(article_id, str(d.target), d.path, destination, d.reason, now)
            for destination, d in delivered
            if not d.ok
        ]
        self.workspace.store.set_setting(
            FAILED_KEY, json.dumps([asdict(f) for f in kept], ensure_ascii=False)
        )

    def export_failed(self) -> list[Outgoing]:
        """Exports again every article with a failed file, to be delivered again; an article
        deleted since has nothing left to deliver and is forgotten."""
        outgoing = []
        for article_id in dict.fromkeys(f.article_id for f in self.failed()):
            with self.workspace.store.world() as world:
                exists = world.article(article_id) is not None
            if exists:
                outgoing.append(self.export(article_id))
            else:
                self._remember(article_id, ())
        return outgoing

    def deliver_all(
        self, outgoing: Sequence[Outgoing], *, progress: Progress | None = None
    ) -> list[Sent]:
        """:meth:`deliver` for each of ``outgoing``, with progress counted in articles."""
        sent = []
        for done, article in enumerate(outgoing):
            if progress is not None:
                progress(done, len(outgoing))
            sent.append(self.deliver(article))
        if progress is not None:
            progress(len(outgoing), len(outgoing))
        return sent

    def record_all(self, sent: Sequence[Sent]) -> Report:
        """:meth:`record` for each of ``sent``; the report covers all of them."""
        reports = [self.record(one) for one in sent]
        return Report(
            None,
            tuple(w for r in reports for w in r.written),
            tuple(d for r in reports for d in r.delivered),
        )

    def retry_failed(self, *, progress: Progress | None = None) -> Report:
        """Sends every article with a failed file again; the report covers all of them."""
        return self.record_all(self.deliver_all(self.export_failed(), progress=progress))


def document_version(article: Article) -> int:
    """The version readers see: a retraction notice is one above the last published version."""
    retracted = article.state == ArticleState.RETRACTED
    return article.published_version + (1 if retracted else 0)
