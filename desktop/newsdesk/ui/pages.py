"""The pages of the main window, in sidebar order. Pages that later versions fill say so."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings

from newsdesk.ui.admin.page import AdminPage
from newsdesk.ui.board import BoardPage
from newsdesk.ui.editor.articles_page import ArticlesPage
from newsdesk.ui.leads.page import LeadsPage
from newsdesk.ui.proposals.tasks_page import TasksPage
from newsdesk.ui.proposals.topics_page import TopicsPage
from newsdesk.ui.published.page import PublishedPage
from newsdesk.ui.review.page import ReviewPage
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import Page
from newsdesk.ui.shell.placeholder import PlaceholderPage
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController
from newsdesk.ui.sync.page import SyncPage


@dataclass(frozen=True)
class Pages:
    """The main window's pages, each as its own type, and the sidebar's entries in order."""

    board: BoardPage
    tasks: TasksPage
    topics: TopicsPage
    leads: LeadsPage
    articles: ArticlesPage
    review: ReviewPage
    published: PublishedPage
    sync: SyncPage
    admin: AdminPage
    sidebar: tuple[Page, ...]


def build_pages(
    session: Session, snapshots: SnapshotStore, settings: QSettings, sync: SyncController
) -> Pages:
    translate = QCoreApplication.translate
    later = [
        (
            "reports",
            translate("Pages", "Reports"),
            translate("Pages", "Monthly statistics and reports arrive with the reports feature."),
        ),
    ]
    board = BoardPage(session, snapshots)
    tasks = TasksPage(session, snapshots)
    topics = TopicsPage(session, snapshots)
    leads = LeadsPage(session, snapshots)
    articles = ArticlesPage(session, snapshots, settings)
    review = ReviewPage(session)
    published = PublishedPage(session, snapshots)
    sync_page = SyncPage(session, sync)
    admin = AdminPage(session, sync)
    sidebar = [
        Page("board", translate("Pages", "Board"), board),
        Page("tasks", translate("Pages", "My tasks"), tasks),
        Page("topics", translate("Pages", "Topic library"), topics),
        Page("leads", translate("Pages", "Leads"), leads),
        Page("articles", translate("Pages", "Articles"), articles),
        Page("review", translate("Pages", "Review"), review),
        Page("published", translate("Pages", "Published"), published),
        Page("sync", translate("Pages", "Sync"), sync_page),
    ]
    sidebar += [
        Page(name, title, PlaceholderPage(name, title, text)) for name, title, text in later
    ]
    sidebar.append(Page("admin", translate("Pages", "Admin"), admin))
    return Pages(
        board,
        tasks,
        topics,
        leads,
        articles,
        review,
        published,
        sync_page,
        admin,
        tuple(sidebar),
    )
