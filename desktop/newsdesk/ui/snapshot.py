"""The stories the signed-in user sees, kept current for every page that shows them.

Loaded on the database thread in a few queries; reloaded when a change touches proposals,
articles, channels, users or roles. One load runs at a time: asking again while one runs loads
once more afterwards only if a change arrived meanwhile.
"""

from __future__ import annotations

from collections.abc import Set

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.core.board import Snapshot
from newsdesk.core.world import Area
from newsdesk.store.queries import load_snapshot
from newsdesk.ui.session import Session

WATCHED = frozenset(
    {
        Area.PROPOSALS,
        Area.ARTICLES,
        Area.CHANNELS,
        Area.USERS,
        Area.ROLES,
        Area.REVIEWS,
        Area.PUBLICATIONS,
    }
)


class SnapshotStore(QObject):
    updated = Signal(object)  # Snapshot

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current: Snapshot | None = None
        self._changes = 0  # changes announced so far
        self._loading_since: int | None = None  # the change count when the running load began
        # Several changes in quick succession (a batch, a sync) cause one reload.
        self._debounce = QTimer(self, singleShot=True, interval=30)
        self._debounce.timeout.connect(self.reload)
        session.changed.connect(self._on_changed)

    def _on_changed(self, areas: Set[Area], _initiator: object) -> None:
        if areas & WATCHED:
            self._changes += 1
            self._debounce.start()

    @property
    def loading(self) -> bool:
        return self._loading_since is not None

    def reload(self) -> None:
        if self._loading_since is not None:
            return  # the running load's end checks whether a change came in meanwhile
        self._loading_since = self._changes
        actor = self.session.actor

        def loaded(snapshot: Snapshot) -> None:
            started, self._loading_since = self._loading_since, None
            self.current = snapshot
            self.updated.emit(snapshot)
            if started != self._changes:
                self.reload()

        def failed(error: BaseException) -> None:
            self._loading_since = None
            self.session.runner.failed.emit(error)

        self.session.read(lambda conn: load_snapshot(conn, actor), loaded, failed)
