"""The pages of the main window, in sidebar order. Pages that later versions fill say so."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from newsdesk.ui.articles_page import ArticlesPage
from newsdesk.ui.board import BoardPage
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import Page
from newsdesk.ui.shell.placeholder import PlaceholderPage
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.tasks_page import TasksPage
from newsdesk.ui.topics_page import TopicsPage


def build_pages(session: Session, snapshots: SnapshotStore, settings: QSettings) -> list[Page]:
    translate = QCoreApplication.translate
    later = [
        (
            "review",
            translate("Pages", "Review"),
            translate(
                "Pages",
                "The review queue (初审, 复审, 终审 and sign-off) arrives with the review "
                "feature. Articles submitted for review already wait on the board, in the "
                "In review column.",
            ),
        ),
        (
            "published",
            translate("Pages", "Published"),
            translate(
                "Pages",
                "Publishing to PC, WAP and the app, corrections, retractions and the "
                "archive arrive with the publishing feature.",
            ),
        ),
        (
            "reports",
            translate("Pages", "Reports"),
            translate("Pages", "Monthly statistics and reports arrive with the reports feature."),
        ),
        (
            "admin",
            translate("Pages", "Admin"),
            translate(
                "Pages",
                "Managing users, channels and roles arrives with the administration "
                "feature. Until then the workspace keeps the users and channels it was created "
                "with.",
            ),
        ),
    ]
    pages = [
        Page("board", translate("Pages", "Board"), BoardPage(session, snapshots)),
        Page("tasks", translate("Pages", "My tasks"), TasksPage(session, snapshots)),
        Page("topics", translate("Pages", "Topic library"), TopicsPage(session, snapshots)),
        Page(
            "articles", translate("Pages", "Articles"), ArticlesPage(session, snapshots, settings)
        ),
    ]
    pages += [Page(name, title, PlaceholderPage(name, title, text)) for name, title, text in later]
    return pages
