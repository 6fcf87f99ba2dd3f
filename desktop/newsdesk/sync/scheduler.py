"""定时发布 on the sync service: a background thread beside the HTTP server publishing the
articles whose time has come, every ``every`` seconds, with the same
:class:`~newsdesk.publish.publisher.Publisher` a desk publishes with.

The delivery endpoints and their tokens are the service's own (``[publishing]`` in
server.toml), never sent to a desktop. Each publication is decided, numbered and audited like a
pushed change (:meth:`~newsdesk.sync.ledger.Ledger.administer`), so desktops pull it as they
pull anyone's. It is made in the name of the publisher who scheduled it: the core checks that
they may still publish in the channel, and the publications name them as the desk's would. The
audit log's login says who made the request — ``newsdesk-scheduler`` — beside that actor, so
the log tells a scheduled publication from one the publisher made by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import platformdirs
from sqlalchemy import Connection, select

from newsdesk.core.mutation import Mutation
from newsdesk.publish.publisher import Publisher, PublishingSettings
from newsdesk.publish.schedule import publish_due
from newsdesk.store.apply import Applied, Status
from newsdesk.store.blobs import BlobStore
from newsdesk.store.schema import BLOBS
from newsdesk.store.store import Store
from newsdesk.store.workspace import Workspace
from newsdesk.sync.service import Service

SCHEDULER_LOGIN: Final = "newsdesk-scheduler"
EVERY_SECONDS: Final = 30.0

log = logging.getLogger(__name__)


def default_folder() -> Path:
    """Where the service keeps what it publishes unless ``[publishing]`` names a folder (its
    ``export`` folder), beside its default database."""
    return platformdirs.user_data_path("Newsdesk", appauthor=False) / "server"


@dataclass(frozen=True)
class Scheduling:
    """``[publishing]`` of server.toml: where and how the service publishes, and how often it
    looks for due publications."""

    settings: PublishingSettings = field(default_factory=PublishingSettings)
    every: float = EVERY_SECONDS
    folder: Path = field(default_factory=default_folder)


class LedgerStore(Store):
    """The service's database as the Publisher writes to it: every mutation goes through the
    ledger (decided, numbered, audited, announced to desktops), as the scheduler's."""

    def __init__(self, running: Service) -> None:
        super().__init__(running.log.engine)
        self.ledger = running.ledger

    def apply(
        self,
        mutations: Sequence[Mutation],
        status: Status = Status.ACCEPTED,
        *,
        before_commit: Callable[[Connection, list[Applied]], object] | None = None,
    ) -> list[Applied]:
        return self.ledger.administer(mutations, login=SCHEDULER_LOGIN, before_commit=before_commit)


class DatabaseBlobs(BlobStore):
    """The attachments the service holds, read from its database (the exporter's images)."""

    def __init__(self, running: Service, root: Path) -> None:
        super().__init__(root)
        self.engine = running.log.engine

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(select(BLOBS.c.sha256).where(BLOBS.c.sha256 == sha256)).first()
        return found is not None

    def read(self, sha256: str) -> bytes:
        with self.engine.connect() as conn:
            found = conn.execute(select(BLOBS.c.data).where(BLOBS.c.sha256 == sha256)).scalar()
        if found is None:
            raise OSError(f"the service does not hold the attachment {sha256}")
        data = bytes(found)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise OSError(f"attachment {sha256} is damaged: its content no longer matches its hash")
        return data


class ServiceWorkspace(Workspace):
    """The service's database and attachments, as the Publisher reads a workspace."""

    def __init__(self, folder: Path, running: Service) -> None:
        super().__init__(folder, LedgerStore(running))
        self.blobs = DatabaseBlobs(running, folder / "attachments")


def service_publisher(running: Service, scheduling: Scheduling) -> Publisher:
    return Publisher(ServiceWorkspace(scheduling.folder, running), scheduling.settings)


class BackgroundScheduler:
    """A thread running :meth:`round` at once and then every ``every`` seconds, until
    :meth:`stop`. Files an endpoint did not take are sent again each round until they arrive.
    A publication the core refused is not tried again by this process: the log has its reason
    once, not every round."""

    def __init__(self, running: Service, scheduling: Scheduling) -> None:
        self.publisher = service_publisher(running, scheduling)
        self.clock = running.log.clock
        self.every = scheduling.every
        self.refused: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsdesk-scheduler", daemon=True)

    def round(self, now: dt.datetime) -> None:
        """Deliver again what did not arrive before, then publish what is due by ``now``."""
        if self.publisher.failed():
            self.publisher.retry_failed()
        for published in publish_due(self.publisher, now, passed_over=self.refused):
            applied = published.report.applied
            if applied is not None and not applied.accepted:
                self.refused.add(applied.mutation.id)
                log.warning(
                    "the scheduled publication of %s was refused: %s",
                    published.due.article_id,
                    applied.outcome,
                )

    def _run(self) -> None:
        while True:
            try:
                self.round(self.clock())
            except Exception:
                # The next round tries again: what was published is recorded, what was not
                # delivered is remembered (see newsdesk.publish.schedule).
                log.exception("scheduled publishing failed")
            if self._stop.wait(self.every):
                return

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)
