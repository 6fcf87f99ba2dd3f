"""The pages of the main window, in sidebar order. Pages that later versions fill say so."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from newsdesk.ui.admin.page import AdminPage
from newsdesk.ui.articles_page import ArticlesPage
from newsdesk.ui.board import BoardPage
from newsdesk.ui.published.page import PublishedPage
from newsdesk.ui.review.page import ReviewPage
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import Page
from newsdesk.ui.shell.placeholder import PlaceholderPage
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.sync.controller import SyncController
from newsdesk.ui.sync.page import SyncPage
from newsdesk.ui.tasks_page import TasksPage
from newsdesk.ui.topics_page import TopicsPage


def build_pages(
    session: Session, snapshots: SnapshotStore, settings: QSettings, sync: SyncController
) -> list[Page]:
    translate = QCoreApplication.translate
    later = [
        (
            "reports",
            translate("Pages", "Reports"),
            translate("Pages", "Monthly statistics and reports arrive with the reports feature."),
        ),
    ]
    pages = [
        Page("board", translate("Pages", "Board"), BoardPage(session, snapshots)),
        Page("tasks", translate("Pages", "My tasks"), TasksPage(session, snapshots)),
        Page("topics", translate("Pages", "Topic library"), TopicsPage(session, snapshots)),
        Page(
            "articles", translate("Pages", "Articles"), ArticlesPage(session, snapshots, settings)
        ),
        Page("review", translate("Pages", "Review"), ReviewPage(session)),
        Page("published", translate("Pages", "Published"), PublishedPage(session, snapshots)),
        Page("sync", translate("Pages", "Sync"), SyncPage(session, sync)),
    ]
    pages += [Page(name, title, PlaceholderPage(name, title, text)) for name, title, text in later]
    pages.append(Page("admin", translate("Pages", "Admin"), AdminPage(session, sync)))
    return pages
