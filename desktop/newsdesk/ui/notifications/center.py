"""The signed-in user's notifications on this desktop: re-derived on the database thread when
synced or local changes arrive, marked read through a mutation (so the user's other desktops
agree), and told through the system tray when the window is not active."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from newsdesk.core.actor import Actor
from newsdesk.core.mutation import Kind
from newsdesk.core.notifications import Notification
from newsdesk.store.notifications import Notifications, notifications
from newsdesk.store.reads import Conn
from newsdesk.ui.icon import app_icon
from newsdesk.ui.jobs import OneAtATime
from newsdesk.ui.notifications import settings as tray_settings
from newsdesk.ui.notifications.texts import headline
from newsdesk.ui.session import Session

log = logging.getLogger(__name__)
REFRESH_MS = 10 * 60 * 1000  # due dates turn with the day, without any change arriving
TRAY_AT_ONCE = 3  # more new ones at once are summed up in one message
MAX_IDS = 200  # what one notification.read carries


class Announcer(Protocol):
    """Where desktop messages go: the system tray, or what a test records."""

    def announce(self, title: str, body: str) -> None: ...


class TrayAnnouncer:
    """Messages through :class:`QSystemTrayIcon`. Where the desktop has no tray (a bare X server,
    the offscreen platform), there is nowhere to show them: they are logged and dropped, and the
    bell still counts them."""

    def __init__(self, parent: QObject) -> None:
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if self.available:
            self.tray = QSystemTrayIcon(app_icon(), parent)
            self.tray.setToolTip(parent.tr("Newsdesk"))
            self.tray.show()
        else:
            log.info("no system tray on this desktop: notifications show in the bell only")

    def announce(self, title: str, body: str) -> None:
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information)


class NotificationCenter(QObject):
    updated = Signal(object)  # Notifications
    open_requested = Signal(object)  # the Notification to open

    def __init__(
        self,
        session: Session,
        settings: QSettings,
        window: QWidget,
        announcer: Announcer | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.announcer: Announcer = announcer or TrayAnnouncer(self)
        self.clock = clock or (lambda: dt.datetime.now().astimezone())
        self.current = Notifications((), frozenset(), {})
        self._told: set[str] | None = None  # unread ids already told (None: nothing loaded yet)
        self._loads = OneAtATime(self._load)
        session.changed.connect(lambda _areas, _initiator: self.reload())
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._timer.start()

    def reload(self) -> None:
        self._loads.request()

    def _load(self) -> None:
        actor: Actor = self.session.actor
        now = self.clock()

        def read(conn: Conn) -> Notifications:
            return notifications(conn, actor, now)

        self.session.read(read, self._loaded, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self._loads.fail()
        self.session.runner.failed.emit(error)

    def _loaded(self, found: Notifications) -> None:
        if self._loads.finish():
            return
        self.current = found
        fresh = [n for n in found.items if n.id in found.unread]
        if self._told is not None and not self.window.isActiveWindow():
            self._tell([n for n in fresh if n.id not in self._told])
        self._told = {n.id for n in fresh}
        self.updated.emit(found)

    def _tell(self, new: list[Notification]) -> None:
        chosen = tray_settings.load(self.settings)
        moment = self.clock().time()
        shown = [n for n in new if chosen.shows(n.kind, moment)]
        for n in shown[:TRAY_AT_ONCE]:
            self.announcer.announce(self.tr("Newsdesk"), headline(n, self.current.names))
        more = len(shown) - TRAY_AT_ONCE
        if more > 0:
            self.announcer.announce(
                self.tr("Newsdesk"),
                QCoreApplication.translate(
                    "NotificationCenter", "%n more notification(s)", None, more
                ),
            )

    def mark_read(self, ids: Iterable[str]) -> None:
        wanted = [i for i in ids if i in self.current.unread][:MAX_IDS]
        if wanted:
            me = self.session.user.id
            self.session.apply([self.session.mutation(Kind.NOTIFICATION_READ, me, ids=wanted)])

    def mark_all_read(self) -> None:
        """Everything up to the newest notification shown, and the unread ones by id too (their
        time may move when their item changes)."""
        items = self.current.items
        if not items:
            return
        me = self.session.user.id
        newest = max(n.at for n in items)
        unread = [n.id for n in items if n.id in self.current.unread][:MAX_IDS]
        self.session.apply(
            [
                self.session.mutation(
                    Kind.NOTIFICATION_READ, me, ids=unread, up_to=newest.isoformat()
                )
            ]
        )

    def open(self, notification: Notification) -> None:
        self.mark_read([notification.id])
        self.open_requested.emit(notification)
