"""The stories the signed-in user sees, kept current for every page that shows them.

Loaded on the database thread in a few queries (the first time, the top of each column first,
for the board's first screen); reloaded when a change touches proposals, articles, channels,
users or roles. One load runs at a time: a change that arrives while one runs loads once more
afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Set

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.core.board import Snapshot
from newsdesk.core.world import Area
from newsdesk.store.queries import load_first_screen, load_snapshot
from newsdesk.ui.jobs import OneAtATime
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
    first_screen = Signal(object)  # Snapshot with totals, before the first whole one

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current: Snapshot | None = None
        self._first_screen_asked = False
        self._whole_waits = False
        self._loads = OneAtATime(self._load)
        # Several changes in quick succession (a batch, a sync) cause one reload.
        self._debounce = QTimer(self, singleShot=True, interval=30)
        self._debounce.timeout.connect(self.reload)
        session.changed.connect(self._on_changed)

    def _on_changed(self, areas: Set[Area], _initiator: object) -> None:
        if areas & WATCHED:
            if self._loads.running:
                self._loads.request()  # once the running load ends
            else:
                self._debounce.start()

    @property
    def loading(self) -> bool:
        return self._loads.running

    def reload(self) -> None:
        """Load the stories, unless a load is running (a change arriving meanwhile loads again
        after it: see ``_on_changed``)."""
        if not self._loads.running:
            self._loads.request()

    def once_loaded(self, use: Callable[[Snapshot], object]) -> None:
        """``use(snapshot)`` with the whole snapshot: now if it has loaded, else when it has
        (never if its load fails: that is reported)."""
        if self.current is not None:
            use(self.current)
            return

        def arrived(snapshot: Snapshot) -> None:
            self.updated.disconnect(arrived)
            use(snapshot)

        self.updated.connect(arrived)

    def load_for_first_frame(self) -> None:
        """The first load of a window being built: the top of each column, for its first frame;
        the whole waits for :meth:`first_frame_shown`. Read meanwhile, the whole (a quarter of a
        second of decoding at 10,000 items) took the interpreter from the window laying out and
        painting that frame."""
        self._whole_waits = self.current is None
        self.reload()

    def first_frame_shown(self) -> None:
        """The window's first frame is painted: the whole loads now, if it waited for it."""
        if self._whole_waits:
            self._whole_waits = False
            self._load_whole()

    def _load(self) -> None:
        actor = self.session.actor
        if self.current is None and not self._first_screen_asked:
            # The top of each column first: at 100,000 items the whole takes seconds, and the
            # board can show its first screen meanwhile (read before it on the same thread).
            self._first_screen_asked = True

            def failed(error: BaseException) -> None:
                self.first_frame_shown()  # no frame to wait for: the whole may still load
                self.session.runner.failed.emit(error)

            self.session.read(
                lambda conn: load_first_screen(conn, actor),
                lambda snapshot: None if self.current else self.first_screen.emit(snapshot),
                failed,
                owner=self,
            )
            if self._whole_waits:
                return  # still loading: changes meanwhile load once more after the whole
        self._load_whole()

    def _load_whole(self) -> None:
        actor = self.session.actor

        def loaded(snapshot: Snapshot) -> None:
            self._loads.finish()  # a change came meanwhile: the next load is under way
            self.current = snapshot
            self.updated.emit(snapshot)

        def failed(error: BaseException) -> None:
            self._loads.fail()
            self.session.runner.failed.emit(error)

        self.session.read(lambda conn: load_snapshot(conn, actor), loaded, failed)
