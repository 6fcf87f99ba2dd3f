"""定时发布 for a workspace without a sync service: the desktop publishes the articles whose
time has come itself, every 30 seconds while it runs (a newsroom's service does it otherwise).

Each round is a job on the publishing thread, which makes renditions and delivers files; its
database work is handed to the database thread (the store refuses any other) and waited for.
What was published is announced to the screens as any other change.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.core.world import Area, Changes
from newsdesk.publish.publisher import Publisher
from newsdesk.publish.schedule import Published, publish_due
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session

EVERY_MS: Final = 30_000


class DesktopScheduling(QObject):
    published = Signal(object)  # the list of Published of a round that ended

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self, interval=EVERY_MS)
        self.timer.timeout.connect(self.publish_now)
        self.running = False
        # Publications the core refused (the publisher lost the role): not tried every round.
        self.refused: set[str] = set()

    def start(self) -> None:
        self.timer.start()
        self.publish_now()

    def stop(self) -> None:
        self.timer.stop()

    def publish_now(self) -> bool:
        """Start a round unless one is still running; whether one started."""
        if self.running:
            return False
        self.running = True
        Job(self._round, self).success(self._done).failure(self._failed).run(
            self.session.publishing
        )
        return True

    def _round(self) -> list[Published]:
        """On the publishing thread."""
        db = self.session.runner.wait
        workspace = self.session.workspace
        publisher = db(lambda: Publisher(workspace))
        return publish_due(publisher, dt.datetime.now(dt.UTC), passed_over=set(self.refused), db=db)

    def _done(self, published: list[Published]) -> None:
        self.running = False
        areas: set[Area] = set()
        for item in published:
            applied = item.report.applied
            if applied is None:
                continue
            if isinstance(applied.outcome, Changes):
                areas |= applied.outcome.areas
            else:
                self.refused.add(applied.mutation.id)
        if areas:
            self.session.announce(frozenset(areas))
        self.published.emit(published)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.session.runner.failed.emit(error)
