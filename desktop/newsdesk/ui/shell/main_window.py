"""The main window: navigation sidebar, pages, menus and the status bar."""

from __future__ import annotations

import platform
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
    qVersion,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from newsdesk import __version__
from newsdesk.ingest.addresses import addresses_in
from newsdesk.sync.status import State, SyncStatus
from newsdesk.ui.i18n import translated
from newsdesk.ui.session import Session

if TYPE_CHECKING:  # the release notice loads the sync protocol (pydantic): after the first frame
    from newsdesk.sync.protocol import DesktopRelease
    from newsdesk.ui.shell.release_notice import ReleaseDialog


@dataclass(frozen=True)
class Page:
    name: str  # used by --page and in the settings
    title: str
    build: Callable[[], QWidget]  # called once: when the page is first shown, or after that


SIDEBAR_ROW_HEIGHT = 38
CLOSE_WAIT_MS = 5_000
SIDEBAR_PADDING = 72  # the item's margins and padding in the style sheet, and the frame


class MainWindow(QMainWindow):
    page_changed = Signal(str)
    switch_workspace_requested = Signal()
    repost_requested = Signal(list)  # web addresses dropped on the window, to repost

    def __init__(
        self,
        session: Session,
        pages: Sequence[Page],
        settings: QSettings,
        workspace_name: str,
        parent: QWidget | None = None,
        server: str | None = None,
        updates: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.server = server  # the sync server, shown in About; None when the workspace is local
        self.updates = updates  # the branch preset's page of new versions (https), if it has one
        self.settings = settings
        self.pages = list(pages)
        self._built: dict[str, QWidget] = {}
        # Called before the window closes, with what to do once pages have saved their work.
        self.before_close: Callable[[Callable[[], None]], None] | None = None
        self._ready_to_close = False
        self.setWindowTitle(self.tr("Newsdesk — {workspace}").format(workspace=workspace_name))
        self.sidebar = QListWidget(self)
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            item = QListWidgetItem(page.title, self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            item.setSizeHint(QSize(0, SIDEBAR_ROW_HEIGHT))
            self.stack.addWidget(QWidget(self.stack))  # stands in until the page is built
        # Wide enough for the longest title in the current language: titles are never elided.
        metrics = QFontMetrics(self.sidebar.font())
        widest = max(metrics.horizontalAdvance(page.title) for page in self.pages)
        self.sidebar.setMinimumWidth(widest + SIDEBAR_PADDING)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([168, 1100])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self._build_menus()
        self.setAcceptDrops(True)
        self.restore()

    # --- pages ----------------------------------------------------------------------------

    def set_count(self, name: str, count: int) -> None:
        """Show how many things wait on page ``name`` next to its title in the sidebar."""
        row = next(i for i, p in enumerate(self.pages) if p.name == name)
        title = self.pages[row].title
        self.sidebar.item(row).setText(f"{title}  {count}" if count > 0 else title)

    def page(self, name: str) -> QWidget:
        """Page ``name``, built now if it was not yet."""
        row = next(i for i, p in enumerate(self.pages) if p.name == name)
        return self._page_at(row)

    def _page_at(self, row: int) -> QWidget:
        page = self.pages[row]
        widget = self._built.get(page.name)
        if widget is None:
            widget = self._built[page.name] = page.build()
            state = self.settings.value(f"pages/{page.name}")
            if isinstance(state, QByteArray) and hasattr(widget, "restore_state"):
                widget.restore_state(state)
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
        return widget

    def build_other_pages(self) -> None:
        """Build the pages not built yet, one per turn of the event loop, so the window keeps
        answering between them (their counts in the sidebar come from the built pages)."""
        waiting = next((i for i, p in enumerate(self.pages) if p.name not in self._built), None)
        if waiting is not None:
            self._page_at(waiting)
            QTimer.singleShot(0, self.build_other_pages)

    @property
    def current_page(self) -> str:
        return self.pages[max(self.sidebar.currentRow(), 0)].name

    def show_page(self, name: str) -> None:
        index = next((i for i, p in enumerate(self.pages) if p.name == name), 0)
        self.sidebar.setCurrentRow(index)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self._page_at(row)
            self.stack.setCurrentIndex(row)
            self.page_changed.emit(self.pages[row].name)

    # --- status bar -----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        user = self.session.user
        self.user_label = QLabel(
            self.tr("Signed in: {name} ({login})").format(name=user.name, login=user.login), self
        )
        self.connection_label = QLabel(self.tr("Offline: working on this computer"), self)
        self.pending_label = QLabel(self)
        self.sync_label = QLabel(self.tr("Last sync: never"), self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        # A newer release the server announces: a quiet button, never a window of its own.
        self.release: DesktopRelease | None = None
        self.release_button = QPushButton(self)
        self.release_button.setFlat(True)
        self.release_button.hide()
        self.release_button.clicked.connect(self.show_release)
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        for widget in (
            self.release_button,
            self.busy,
            self.connection_label,
            self.pending_label,
            self.sync_label,
        ):
            bar.addPermanentWidget(widget)
        self.session.pending_changed.connect(self.show_pending)
        self.session.runner.busy_changed.connect(self._show_busy)

    def show_sync(self, status: SyncStatus, server: str | None) -> None:
        """The connection's state, what waits to be sent, and when the last sync was."""
        self.show_pending(status.pending)
        texts = {
            State.ONLINE: self.tr("Online"),
            State.SYNCING: self.tr("Syncing…"),
            State.OFFLINE: self.tr("Offline: the server cannot be reached"),
            State.FAILED: self.tr("Not synced: a problem on this computer"),
            State.SIGN_IN: self.tr("Offline: sign in to the server again"),
            State.RESTORED: self.tr("Paused: the server was restored"),
            State.UPDATE: self.tr("Paused: Newsdesk needs an update"),
        }
        self.connection_label.setText(texts[status.state])
        self.notice_release(status.latest_desktop)
        tip = server or ""
        if status.error is not None:
            tip += "\n" + translated(status.error)
        if status.retry_in is not None and status.state in (State.OFFLINE, State.FAILED):
            tip += "\n" + self.tr("Trying again in {seconds} s.").format(
                seconds=round(status.retry_in)
            )
        self.connection_label.setToolTip(tip.strip())
        if status.last_sync is not None:
            self.sync_label.setText(
                self.tr("Last sync: {time}").format(
                    time=status.last_sync.astimezone().strftime("%H:%M")
                )
            )

    def show_pending(self, count: int) -> None:
        self.pending_label.setText(self.tr("%n change(s) waiting to sync", "", count))

    def _show_busy(self, jobs: int) -> None:
        self.busy.setVisible(jobs > 0)

    # --- menus ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setEnabled(False)
        self.file_menu.addAction(self.sync_action)
        self.repost_action = QAction(self.tr("&Repost from the web…"), self)
        self.repost_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.repost_action.setStatusTip(
            self.tr(
                "Make repost articles from web addresses (those on the clipboard are filled in)"
            )
        )
        self.file_menu.addAction(self.repost_action)
        switch = QAction(self.tr("Open another &workspace…"), self)
        switch.triggered.connect(self.switch_workspace_requested)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(switch)
        self.file_menu.addSeparator()
        self.file_menu.addAction(quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        for number, page in enumerate(self.pages, 1):
            action = QAction(page.title, self)
            if number <= 10:  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth, as on the keyboard
                action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.triggered.connect(lambda _=False, name=page.name: self.show_page(name))
            self.view_menu.addAction(action)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = about = QAction(self.tr("&About Newsdesk"), self)
        about.triggered.connect(self.show_about)
        about_qt = QAction(self.tr("About &Qt"), self)
        about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self))
        self.release_action = QAction(self)
        self.release_action.setVisible(False)
        self.release_action.triggered.connect(self.show_release)
        help_menu.addAction(self.release_action)
        # The branch's own page of new versions: where to look when the server announces none.
        self.updates_action = QAction(self.tr("Your branch's page of new versions…"), self)
        self.updates_action.setVisible(self.updates is not None)
        self.updates_action.setToolTip(self.updates or "")
        self.updates_action.triggered.connect(self.open_updates)
        help_menu.addAction(self.updates_action)
        help_menu.addAction(about)
        help_menu.addAction(about_qt)

    def add_menu(self, title: str, actions: Sequence[QAction]) -> QMenu:
        """A menu of a page's actions, before Help; the actions keep their shortcuts."""
        menu = QMenu(title, self)
        menu.addActions(list(actions))
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        return menu

    def show_about(self) -> QMessageBox:
        """The version and what a support call asks first: which workspace, which server, and
        the Qt and Python underneath."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Newsdesk"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.tr("<h3>Newsdesk 采编台 {version}</h3>").format(version=__version__))
        server = self.server or self.tr("none (this workspace does not sync)")
        details = [
            self.tr(
                "An editorial desk for new-media departments: proposals, topics, writing, review "
                "level by level, sign-off and publishing to PC, WAP and the app."
            ),
            self.tr("Workspace: {path}").format(path=self.session.workspace.folder),
            self.tr("Sync server: {server}").format(server=server),
            self.tr("Qt {qt} · PySide6 {pyside} · Python {python}").format(
                qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
            ),
        ]
        box.setInformativeText("<br>".join(escape(line) for line in details))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        return box

    def notice_release(self, release: DesktopRelease | None) -> None:
        """Show, quietly, that ``release`` is available, unless it is not newer than this
        desktop or the user dismissed it (or a newer one)."""
        from newsdesk.ui.shell.release_notice import worth_showing

        shown = worth_showing(release, self.settings)
        self.release = release if shown else None
        if release is not None and shown:
            text = self.tr("Newsdesk {version} is available…").format(version=release.version)
            self.release_button.setText(text)
            self.release_action.setText(text)
        self.release_button.setVisible(shown)
        self.release_action.setVisible(shown)

    def show_release(self) -> ReleaseDialog | None:
        if self.release is None:
            return None
        from newsdesk.ui.shell.release_notice import ReleaseDialog

        dialog = ReleaseDialog(self.release, self.settings, self, updates=self.updates)
        dialog.dismiss.clicked.connect(lambda: self.notice_release(self.release))
        dialog.open()
        return dialog

    def open_updates(self) -> None:
        """The branch's page of new versions, in the browser (only ever an https address)."""
        if self.updates is not None:
            QDesktopServices.openUrl(QUrl(self.updates))

    # --- settings -------------------------------------------------------------------------

    def restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.show_page(str(self.settings.value("window/page", self.pages[0].name)))

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/page", self.current_page)
        for name, widget in self._built.items():  # a page never built keeps its saved state
            if hasattr(widget, "save_state"):
                self.settings.setValue(f"pages/{name}", widget.save_state())
        self.settings.sync()

    # --- dropped web addresses --------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if _dropped_addresses(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        addresses = _dropped_addresses(event.mimeData())
        if addresses:
            event.acceptProposedAction()
            self.repost_requested.emit(addresses)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.before_close is not None and not self._ready_to_close:
            # Let the pages save first (an editor's last keystrokes), then close for real;
            # a page that never answers must not keep the window open for ever.
            event.ignore()
            # Closing again from inside this handler would be ignored by Qt (the window is
            # still closing), so the pages' answer closes it from the event loop.
            self.before_close(lambda: QTimer.singleShot(0, self._close_now))
            QTimer.singleShot(CLOSE_WAIT_MS, self._close_now)
            return
        self.save()
        super().closeEvent(event)

    def _close_now(self) -> None:
        if not self._ready_to_close:
            self._ready_to_close = True
            self.close()


def _dropped_addresses(data: QMimeData) -> list[str]:
    """The web addresses a drag carries: links dragged from a browser, or text holding them."""
    links = [url.toString() for url in data.urls() if url.scheme() in ("http", "https")]
    return links or (addresses_in(data.text()) if data.hasText() else [])
