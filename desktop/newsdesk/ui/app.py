"""The composition root: builds the application, its session and its window.

Nothing here is a module-level global: ``run`` makes every object and hands each what it needs.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.handlers
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from newsdesk import __version__
from newsdesk.core.actor import Actor
from newsdesk.core.board import Snapshot
from newsdesk.core.calendar import Entry
from newsdesk.core.model import User
from newsdesk.core.notifications import Event, Notification, Subject
from newsdesk.core.refusal import Refusal
from newsdesk.preset import desktop_preset
from newsdesk.store import reads
from newsdesk.store.apply import count_pending
from newsdesk.store.queries import largest_editable_article, users_for_sign_in
from newsdesk.store.workspace import DEMO_SETTING, Workspace, WorkspaceError, default_location
from newsdesk.sync.replica import Replica
from newsdesk.ui.collector import MainThreadCollector
from newsdesk.ui.errors import install_excepthook, report_failures
from newsdesk.ui.fonts import use_chinese_fonts
from newsdesk.ui.i18n import translated
from newsdesk.ui.icon import app_icon
from newsdesk.ui.jobs import Job, Runner
from newsdesk.ui.notifications import bell as notifications_bell
from newsdesk.ui.page_names import EDITOR_PAGE
from newsdesk.ui.pages import Pages, build_pages
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow
from newsdesk.ui.shell.sign_in import SignInDialog
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController
from newsdesk.ui.theme import apply_theme
from newsdesk.ui.widgets import plain_text

if TYPE_CHECKING:  # these load with the pages or the background work, after the first frame
    from newsdesk.ui.board import BoardPage
    from newsdesk.ui.editor.articles_page import ArticlesPage
    from newsdesk.ui.leads.polling import DesktopPolling
    from newsdesk.ui.published.scheduling import DesktopScheduling
    from newsdesk.ui.shell.welcome import WelcomeDialog

log = logging.getLogger(__name__)


def process_age() -> float:
    """Seconds since this process started (from the kernel on Linux, so imports count too)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            started_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.process_time()


def _log_to_file() -> None:
    folder = platformdirs.user_log_path("Newsdesk", appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "newsdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


class FirstPaint(QObject):
    """Calls back once, at the first paint of ``widget`` after ``arm()``."""

    def __init__(self, widget: QObject, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback = callback
        self.armed = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.armed = True
        self.widget.update()  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


@dataclass(frozen=True)
class _Opened:
    """A workspace just opened, with what its sign-in dialog shows."""

    workspace: Workspace
    users: Sequence[User]
    demo_password: str | None


class Desktop:
    """One run of the desktop application."""

    def __init__(
        self,
        app: QApplication,
        args: argparse.Namespace,
        settings: QSettings,
        collector: MainThreadCollector | None = None,
    ) -> None:
        self.app = app
        self.collector = collector
        app.setWindowIcon(app_icon())
        self.args = args
        self.settings = settings
        self.runner = Runner()
        report_failures(self.runner, lambda: self.window)
        self.exit_code = 0
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self.bell: notifications_bell.Bell | None = None
        self.session: Session | None = None
        self.sync: SyncController | None = None
        self.polling: DesktopPolling | None = None
        self.scheduling: DesktopScheduling | None = None
        self._sign_in_users: Sequence[User] = ()
        self._dialog: WelcomeDialog | SignInDialog | None = None  # the open one, kept alive

    def start(self) -> None:
        folder = self.args.workspace or self._last_workspace()
        if folder is None:
            self._welcome()
        else:
            self.open(Path(folder))

    def _last_workspace(self) -> Path | None:
        last = self.settings.value("workspace/last")
        return Path(str(last)) if last else None

    def _welcome(self, problem: str | None = None) -> None:
        from newsdesk.ui.shell.welcome import WelcomeDialog  # with the network stack

        preset, preset_problem = desktop_preset()
        dialog = WelcomeDialog(
            default_location().with_name("demo"),
            self.runner,
            preset=preset,
            preset_problem=preset_problem,
        )
        if problem:
            dialog.status.setText(problem)
        dialog.chosen.connect(self.open)
        dialog.connected.connect(self.open)
        dialog.rejected.connect(self._quit_if_nothing_open)
        dialog.open()
        self._dialog = dialog

    def exit(self, code: int) -> None:
        """Leave the event loop; ``run`` returns ``code``."""
        self.exit_code = code
        self.app.exit(code)

    def _quit_if_nothing_open(self) -> None:
        if self.window is None:
            self.exit(0)

    def open(self, folder: Path, user_id: str | None = None) -> None:
        """Open the workspace in ``folder``: signed in as ``user_id`` when the user just signed
        in to its server, else after the sign-in dialog. The database thread opens it (and
        migrates it, which may take a while) and from then on is the only one to touch it."""

        def work() -> _Opened:
            workspace = Workspace.open(folder)
            try:
                workspace.store.confine(self.runner.on_its_thread)
                with workspace.store.engine.connect() as conn:
                    users = users_for_sign_in(conn)
                return _Opened(workspace, users, workspace.store.setting(DEMO_SETTING))
            except BaseException:
                workspace.close()
                raise

        def failed(error: BaseException) -> None:
            if not isinstance(error, WorkspaceError):
                self.runner.failed.emit(error)
                return
            if self.args.smoke:
                print(translated(error.message), file=sys.stderr)
                self.exit(2)
                return
            self._welcome(translated(error.message))

        Job(work).success(lambda opened: self._opened(folder, user_id, opened)).failure(failed).run(
            self.runner
        )

    def _opened(self, folder: Path, user_id: str | None, opened: _Opened) -> None:
        workspace, users = opened.workspace, opened.users
        self.workspace = workspace
        self.settings.setValue("workspace/last", str(folder))
        if user_id is not None:
            self._signed_in(user_id)
            return
        if self.args.user:
            user = next((u for u in users if u.login == self.args.user.lower()), None)
            if user is None:
                print(
                    QCoreApplication.translate("cli", "No user “{login}” in {path}.").format(
                        login=self.args.user, path=folder
                    ),
                    file=sys.stderr,
                )
                self.exit(2)
                return
            self._signed_in(user.id)
            return
        self._sign_in_users = users
        dialog = SignInDialog(
            users,
            folder.name,
            self.runner,
            str(self.settings.value("workspace/login", "")),
            demo_password=opened.demo_password,
        )
        dialog.signed_in.connect(self._signed_in_here)
        dialog.rejected.connect(self._quit_if_nothing_open)
        dialog.open()
        self._dialog = dialog

    def _signed_in_here(self, user_id: str) -> None:
        """Signed in on this computer, without the server: its audit log hears of it later."""
        assert self.workspace is not None
        store = self.workspace.store
        login = next((u.login for u in self._sign_in_users if u.id == user_id), "")
        Job(
            lambda: store.note(
                "offline_sign_in", login=login, workstation=platform.node(), app=__version__
            )
        ).run(self.runner)
        self._signed_in(user_id)

    def _signed_in(self, user_id: str) -> None:
        """Who ``user_id`` is now (read on the database thread), then their window."""
        assert self.workspace is not None
        store = self.workspace.store

        def who() -> tuple[Actor | Refusal, str | None]:
            with store.engine.connect() as conn:
                return reads.actor(conn, user_id), Replica(store).server

        Job(who).success(lambda found: self._start_session(*found)).run(self.runner)

    def _start_session(self, actor: Actor | Refusal, server: str | None) -> None:
        """The session and window of ``actor``, syncing with ``server`` if it has one."""
        assert self.workspace is not None
        if isinstance(actor, Refusal):
            reason = translated(actor.message)
            if self.args.smoke or self.args.user:
                print(reason, file=sys.stderr)
                self.exit(2)
            else:
                self._welcome(reason)
            return
        session = Session(self.workspace, actor, self.runner)
        self.settings.setValue("workspace/login", session.user.login)
        snapshots = SnapshotStore(session)
        snapshots.load_for_first_frame()  # on the database thread while the window is built
        collector = self.collector
        if collector is not None:
            collector.follow_board(snapshots)
        sync = SyncController(session)
        preset, _problem = desktop_preset()  # a problem was shown on the welcome screen
        pages = build_pages(
            session,
            snapshots,
            self.settings,
            sync,
            desk_channels=preset.channels if preset is not None else (),
        )
        window = MainWindow(
            session,
            pages.sidebar,
            self.settings,
            self.workspace.folder.name,
            server=server,
            updates=preset.updates if preset is not None else None,
        )
        sync.dialog_parent = window
        sync.status.connect(lambda status: window.show_sync(status, server))
        window.sync_action.setEnabled(server is not None)
        window.sync_action.triggered.connect(sync.sync_now)
        pages.sync.when_built(
            lambda page: page.count_changed.connect(lambda count: window.set_count("sync", count))
        )
        if not self.args.smoke:
            sync.start(server)
        self.sync = sync
        window.refresh_action.triggered.connect(snapshots.reload)
        articles = pages.articles
        card_menu = window.add_menu(QCoreApplication.translate("MainWindow", "&Card"), ())
        pages.board.when_built(
            lambda board: card_menu.addActions(board.board_actions.all_actions())
        )
        window.switch_workspace_requested.connect(self._switch)
        window.repost_action.triggered.connect(lambda: self._repost(articles.get(), None))
        window.repost_requested.connect(lambda urls: self._repost(articles.get(), urls))
        pages.board.when_built(
            lambda board: board.card_activated.connect(
                lambda card_id: self._open_card(board, articles.get(), card_id)
            )
        )
        window.before_close = lambda done: (
            articles.get().flush_all(done) if articles.built else done()
        )

        def open_article(article_id: str) -> None:
            self._open_article(articles.get(), article_id)

        pages.published.when_built(lambda page: page.open_article.connect(open_article))
        pages.review.when_built(
            lambda page: page.count_changed.connect(lambda count: window.set_count("review", count))
        )
        pages.tasks.when_built(lambda page: page.open_article.connect(open_article))
        pages.topics.when_built(lambda page: page.open_article.connect(open_article))
        pages.calendar.when_built(
            lambda page: page.open_item.connect(lambda entry: self._open_entry(pages, entry))
        )
        pages.tasks.when_built(
            lambda page: page.count_changed.connect(lambda count: window.set_count("tasks", count))
        )
        pages.board.when_built(
            lambda board: board.needs_me_changed.connect(
                lambda count: window.set_count("board", count)
            )
        )
        pages.board.when_built(
            lambda board: board.archive_requested.connect(lambda: window.show_page("published"))
        )
        pages.leads.when_built(
            lambda page: page.count_changed.connect(lambda count: window.set_count("leads", count))
        )
        pages.leads.when_built(lambda page: page.open_article.connect(open_article))
        bell = notifications_bell.install(window, session, self.settings)
        bell.center.open_requested.connect(lambda n: self._open_notification(pages, n))
        self.window, self.bell = window, bell
        self.session, self.snapshots = session, snapshots
        painted = FirstPaint(window, self._first_paint)
        if self.args.page == EDITOR_PAGE:
            window.show_page("articles")
            self._open_for_smoke(session, articles.get(), painted)
        elif self.args.page == "review":  # the review page loads its own queue
            window.show_page("review")
            review = pages.review.get()
            review.item_shown.connect(lambda _id: painted.arm())
            review.count_changed.connect(lambda count: painted.arm() if count == 0 else None)
        else:
            # The first screen of cards, or the whole board if it came first (a first load
            # that failed, a board built after it).
            for loaded in (snapshots.first_screen, snapshots.updated):
                loaded.connect(lambda _: painted.arm() if painted.widget else None)
            if self.args.page:
                window.show_page(self.args.page)
            if not self.args.smoke:
                # The editors open when Newsdesk last stopped, however it did.
                articles.when_built(lambda page: page.reopen())
        session.read(count_pending, window.show_pending)
        window.show()

    def _open_notification(self, pages: Pages, n: Notification) -> None:
        """Where a notification is about: the review queue for what waits on the user's review,
        the editor for their articles, the board for proposals and topics, the leads."""
        window = self.window
        if window is None:
            return
        if n.event in (Event.TO_REVIEW, Event.TO_SIGN):
            window.show_page("review")
            review = pages.review.get()
            if not review.select_article(n.subject_id):

                def select_once_loaded() -> None:
                    review.queue_loaded.disconnect(select_once_loaded)
                    review.select_article(n.subject_id)

                review.queue_loaded.connect(select_once_loaded)
                review.reload()
        elif n.subject == Subject.ARTICLE:
            self._open_article(pages.articles.get(), n.subject_id)
        elif n.subject == Subject.PROPOSAL:
            window.show_page("board")
            pages.board.get().select(n.subject_id)
        else:
            window.show_page("leads")

    def _open_entry(self, pages: Pages, entry: Entry) -> None:
        """A calendar entry opens as its card on the board does: the article being written in
        the editor, else the proposal selected on the board with its details."""
        if entry.article_id is not None:
            self._open_article(pages.articles.get(), entry.article_id)
        elif self.window is not None:
            self.window.show_page("board")
            pages.board.get().select(entry.entity_id)

    def _open_card(self, board: BoardPage, articles: ArticlesPage, card_id: str) -> None:
        """An article card opens in the editor; a proposal card shows its details (the board's)."""
        card = board.card_by_id(card_id)
        if card is not None and card.article is not None:
            self._open_article(articles, card.article.id)

    def _repost(self, articles: ArticlesPage, addresses: list[str] | None) -> None:
        """The repost dialog, for ``addresses`` (dropped) or else those on the clipboard, once
        the user's channels are known (asked for before the whole board had loaded, it said
        they were an editor in none)."""
        if self.snapshots is not None:
            self.snapshots.once_loaded(
                lambda snapshot: self._open_repost(articles, addresses, snapshot)
            )

    def _open_repost(
        self, articles: ArticlesPage, addresses: list[str] | None, snapshot: Snapshot
    ) -> None:
        from newsdesk.ui.editor.repost_dialog import RepostDialog  # web extraction is heavy

        if self.window is None or self.session is None:
            return
        channels = sorted(snapshot.channels.values(), key=lambda c: c.name)
        dialog = (
            RepostDialog(self.session, channels, addresses, self.window)
            if addresses is not None
            else RepostDialog.from_clipboard(self.session, channels, self.window)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_article.connect(lambda article_id: self._open_article(articles, article_id))
        dialog.show()

    def _open_article(self, articles: ArticlesPage, article_id: str) -> None:
        if self.window is not None:
            self.window.show_page("articles")
            articles.open_article(article_id)

    def _open_for_smoke(
        self, session: Session, articles: ArticlesPage, painted: FirstPaint
    ) -> None:
        """``--page editor``: the ``--article`` given, or the longest one the user may edit."""

        def open_editor(article_id: str | None) -> None:
            if article_id is None:
                print(
                    QCoreApplication.translate(
                        "cli", "{login} may not edit any article in this workspace."
                    ).format(login=session.user.login),
                    file=sys.stderr,
                )
                self.exit(2)
                return
            editor = articles.open_article(article_id)
            editor.title_changed.connect(lambda _title: painted.arm())

        if self.args.article:
            open_editor(self.args.article)
        else:
            actor = session.actor
            session.read(lambda conn: largest_editable_article(conn, actor), open_editor)

    def _first_paint(self) -> None:
        if self.window is None:
            return
        if not self.args.smoke:
            self._after_first_frame()
            return
        seconds = process_age()
        if self.args.screenshot:
            self.window.grab().save(str(self.args.screenshot))
        print(
            QCoreApplication.translate("cli", "First paint after {seconds:.2f} s").format(
                seconds=seconds
            )
        )
        self.window.close()
        self.exit(0)

    def _after_first_frame(self) -> None:
        """What the first frame need not wait for: the other pages, the notifications and, in
        a workspace without a server, polling the sources and publishing what is scheduled
        (their modules load here: web extraction, exporters, images)."""
        assert self.window is not None and self.bell is not None and self.session is not None
        assert self.snapshots is not None
        self.snapshots.first_frame_shown()
        self.window.build_other_pages()
        self.bell.center.reload()
        if self.window.server is None:
            from newsdesk.ui.leads.polling import DesktopPolling
            from newsdesk.ui.published.scheduling import DesktopScheduling

            self.polling = DesktopPolling(self.session)
            self.polling.start()
            self.scheduling = DesktopScheduling(self.session)
            self.scheduling.start()

    def _stop_background(self) -> None:
        if self.polling is not None:
            self.polling.stop()
            self.polling = None
        if self.scheduling is not None:
            self.scheduling.stop()
            self.scheduling = None

    def _switch(self) -> None:
        self._stop_background()
        if self.sync is not None:
            self.sync.shutdown()
            self.sync = None
        if self.window is not None:
            self.window.close()
            self.window = self.bell = None
        if self.session is not None:
            self.session.shutdown()
            self.session = None
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        self.settings.remove("workspace/last")
        self._welcome()

    def shutdown(self) -> None:
        self._stop_background()
        if self.sync is not None:
            self.sync.shutdown()
        if self.session is not None:
            self.session.shutdown()
        self.runner.shutdown()
        if self.workspace is not None:
            self.workspace.close()


def run(args: argparse.Namespace) -> int:
    """Start the desktop; returns the exit code."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the command line creates the QApplication first"
    app.setOrganizationName("Newsdesk")
    app.setApplicationName("Newsdesk")
    app.setApplicationVersion(__version__)
    _log_to_file()
    use_chinese_fonts(app)
    apply_theme(app)
    plain_text.install(app)
    # A smoke run must neither read nor change the user's saved layout: same picture every time.
    scratch = tempfile.TemporaryDirectory() if args.smoke else None
    settings = (
        QSettings(str(Path(scratch.name) / "smoke.ini"), QSettings.Format.IniFormat)
        if scratch
        else QSettings()
    )
    collector = MainThreadCollector(app)
    desktop = Desktop(app, args, settings, collector)
    install_excepthook()
    QTimer.singleShot(0, desktop.start)
    # Qt's event loop drives asyncio's, so network work (sync) runs as tasks on the UI thread
    # without blocking it.
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            loop.run_forever()
        return desktop.exit_code
    finally:
        desktop.shutdown()
        collector.deleteLater()
        if scratch is not None:
            scratch.cleanup()
