"""The pages of the main window, in sidebar order. Pages that later versions fill say so.

Each page is built, and its module imported, the first time it is needed: the window's first
frame waits only for the page it shows; the window builds the others one at a time afterwards.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import Page
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController

if TYPE_CHECKING:
    from newsdesk.ui.admin.page import AdminPage
    from newsdesk.ui.board import BoardPage
    from newsdesk.ui.calendar import CalendarPage
    from newsdesk.ui.editor.articles_page import ArticlesPage
    from newsdesk.ui.leads.page import LeadsPage
    from newsdesk.ui.proposals.tasks_page import TasksPage
    from newsdesk.ui.proposals.topics_page import TopicsPage
    from newsdesk.ui.published.page import PublishedPage
    from newsdesk.ui.review.page import ReviewPage
    from newsdesk.ui.stats.page import StatsPage
    from newsdesk.ui.sync.page import SyncPage

W = TypeVar("W", bound=QWidget)


class Lazy(Generic[W]):
    """A page made by ``build`` when first asked for; whoever wires it in says so with
    :meth:`when_built`, which never builds it."""

    def __init__(self, build: Callable[[], W]) -> None:
        self._build = build
        self._widget: W | None = None
        self._waiting: list[Callable[[W], object]] = []

    @property
    def built(self) -> bool:
        return self._widget is not None

    def get(self) -> W:
        if self._widget is None:
            self._widget = self._build()
            waiting, self._waiting = self._waiting, []
            for use in waiting:
                use(self._widget)
        return self._widget

    def when_built(self, use: Callable[[W], object]) -> None:
        """Call ``use`` with the page now if it is built, else as soon as it is."""
        if self._widget is None:
            self._waiting.append(use)
        else:
            use(self._widget)


@dataclass(frozen=True)
class Pages:
    """The main window's pages, each as its own type, and the sidebar's entries in order."""

    board: Lazy[BoardPage]
    tasks: Lazy[TasksPage]
    topics: Lazy[TopicsPage]
    calendar: Lazy[CalendarPage]
    leads: Lazy[LeadsPage]
    articles: Lazy[ArticlesPage]
    review: Lazy[ReviewPage]
    published: Lazy[PublishedPage]
    sync: Lazy[SyncPage]
    stats: Lazy[StatsPage]
    admin: Lazy[AdminPage]
    sidebar: tuple[Page, ...]


def build_pages(
    session: Session,
    snapshots: SnapshotStore,
    settings: QSettings,
    sync: SyncController,
    *,
    desk_channels: Sequence[str] = (),
) -> Pages:
    """Every page, each built when first shown; ``desk_channels`` (the branch preset's) is the
    board's first channel filter."""
    translate = QCoreApplication.translate

    def board() -> BoardPage:
        from newsdesk.ui.board import BoardPage

        return BoardPage(session, snapshots, desk_channels=desk_channels)

    def tasks() -> TasksPage:
        from newsdesk.ui.proposals.tasks_page import TasksPage

        return TasksPage(session, snapshots)

    def topics() -> TopicsPage:
        from newsdesk.ui.proposals.topics_page import TopicsPage

        return TopicsPage(session, snapshots)

    def calendar() -> CalendarPage:
        from newsdesk.ui.calendar import CalendarPage

        return CalendarPage(session)

    def leads() -> LeadsPage:
        from newsdesk.ui.leads.page import LeadsPage

        return LeadsPage(session, snapshots)

    def articles() -> ArticlesPage:
        from newsdesk.ui.editor.articles_page import ArticlesPage

        return ArticlesPage(session, snapshots, settings)

    def review() -> ReviewPage:
        from newsdesk.ui.review.page import ReviewPage

        return ReviewPage(session)

    def published() -> PublishedPage:
        from newsdesk.ui.published.page import PublishedPage

        return PublishedPage(session, snapshots)

    def sync_page() -> SyncPage:
        from newsdesk.ui.sync.page import SyncPage

        return SyncPage(session, sync)

    def stats() -> StatsPage:
        from newsdesk.ui.stats.page import StatsPage

        return StatsPage(session, snapshots)

    def admin() -> AdminPage:
        from newsdesk.ui.admin.page import AdminPage

        return AdminPage(session, sync)

    pages = Pages(
        board=Lazy(board),
        tasks=Lazy(tasks),
        topics=Lazy(topics),
        calendar=Lazy(calendar),
        leads=Lazy(leads),
        articles=Lazy(articles),
        review=Lazy(review),
        published=Lazy(published),
        sync=Lazy(sync_page),
        stats=Lazy(stats),
        admin=Lazy(admin),
        sidebar=(),
    )
    sidebar = [
        Page("board", translate("Pages", "Board"), pages.board.get),
        Page("tasks", translate("Pages", "My tasks"), pages.tasks.get),
        Page("topics", translate("Pages", "Topic library"), pages.topics.get),
        Page("calendar", translate("Pages", "Calendar"), pages.calendar.get),
        Page("leads", translate("Pages", "Leads"), pages.leads.get),
        Page("articles", translate("Pages", "Articles"), pages.articles.get),
        Page("review", translate("Pages", "Review"), pages.review.get),
        Page("published", translate("Pages", "Published"), pages.published.get),
        Page("sync", translate("Pages", "Sync"), pages.sync.get),
        Page("reports", translate("Pages", "Statistics"), pages.stats.get),
    ]
    sidebar.append(Page("admin", translate("Pages", "Admin"), pages.admin.get))
    return dataclasses.replace(pages, sidebar=tuple(sidebar))
