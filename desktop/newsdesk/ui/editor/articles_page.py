"""稿件: the articles the user can see, and an editor tab for each article opened.

Several articles can be open at once. The open tabs are remembered, so after a crash or a kill
the next start reopens them; what was typed is already in the workspace (the editor saves within
two seconds of the last keystroke).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.board import Snapshot
from newsdesk.core.labels import label
from newsdesk.core.model import Article, ArticleState
from newsdesk.ui.editor.article import ArticleEditor
from newsdesk.ui.i18n import translated
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.deferred import UntilShown
from newsdesk.ui.widgets.publish_time import chip_text

Index = QModelIndex | QPersistentModelIndex
OPEN_KEY = "editor/open"  # the article ids of the open tabs, in order


class ArticlesModel(QAbstractTableModel):
    """The articles of a snapshot, newest change first: title, channel, state, last change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Article, str]] = []  # (article, channel name)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self.beginResetModel()
        articles = [card.article for card in snapshot.cards if card.article is not None]
        articles.sort(key=lambda a: a.updated_at, reverse=True)
        self._rows = [
            (a, snapshot.channels[a.channel_id].name)
            for a in articles
            if a.channel_id in snapshot.channels
        ]
        self.endResetModel()

    def article_id(self, row: int) -> str:
        return self._rows[row][0].id

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Title"), self.tr("Channel"), self.tr("State"), self.tr("Changed"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        article, channel = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            changed = article.updated_at.astimezone().strftime("%m-%d %H:%M")
            state = translated(label(article.state))
            if article.state == ArticleState.SIGNED_OFF and article.publish_at is not None:
                state = f"{state} · {chip_text(article.publish_at)}"
            return (article.title, channel, state, changed)[index.column()]
        if role == Qt.ItemDataRole.UserRole:  # sorting: real values, not their text
            changed_at: dt.datetime = article.updated_at
            return (article.title, channel, article.state.value, changed_at.timestamp())[
                index.column()
            ]
        return None


class ArticlesPage(QWidget):
    def __init__(
        self,
        session: Session,
        snapshots: SnapshotStore,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articles")
        self.session = session
        self.settings = settings
        self.model = ArticlesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by title"))
        self.search.setAccessibleName(self.tr("Filter by title"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Articles"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.empty = QLabel(
            self.tr(
                "Double-click an article in the list to open it here. "
                "Several articles can be open at once."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("placeholderText")
        self.right = QStackedWidget(self)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.tabs)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.table, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([430, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter)
        self._until_shown = UntilShown(self, self.model.set_snapshot)
        snapshots.updated.connect(self._until_shown.offer)
        if snapshots.current is not None:
            self._until_shown.offer(snapshots.current)

    # --- editors --------------------------------------------------------------------------

    def editors(self) -> list[ArticleEditor]:
        found = [self.tabs.widget(i) for i in range(self.tabs.count())]
        return [w for w in found if isinstance(w, ArticleEditor)]

    def open_article(self, article_id: str) -> ArticleEditor:
        """Show the editor of ``article_id``, opening a tab for it if needed."""
        for editor in self.editors():
            if editor.article_id == article_id:
                self.tabs.setCurrentWidget(editor)
                return editor
        editor = ArticleEditor(self.session, article_id, self.tabs)
        index = self.tabs.addTab(editor, self.tr("Loading…"))
        editor.title_changed.connect(lambda title, e=editor: self._retitle(e, title))
        self.tabs.setCurrentIndex(index)
        self.right.setCurrentWidget(self.tabs)
        self._remember()
        return editor

    def _retitle(self, editor: ArticleEditor, title: str) -> None:
        index = self.tabs.indexOf(editor)
        if index >= 0:
            self.tabs.setTabText(index, title if len(title) <= 18 else title[:17] + "…")
            self.tabs.setTabToolTip(index, title)

    def close_tab(self, index: int) -> None:
        """Save what is pending in that editor, then close its tab."""
        editor = self.tabs.widget(index)
        if not isinstance(editor, ArticleEditor):
            return

        def closed() -> None:
            position = self.tabs.indexOf(editor)
            if position >= 0:
                self.tabs.removeTab(position)
                editor.deleteLater()
            if self.tabs.count() == 0:
                self.right.setCurrentWidget(self.empty)
            self._remember()

        editor.flush(closed)

    def flush_all(self, done: Callable[[], None]) -> None:
        """Save every open editor's pending changes (before the window closes), then ``done``."""
        waiting = self.editors()
        if not waiting:
            done()
            return
        remaining = {id(editor) for editor in waiting}

        def one_done(editor: ArticleEditor) -> None:
            remaining.discard(id(editor))
            if not remaining:
                done()

        for editor in waiting:
            editor.flush(partial(one_done, editor))

    def reopen(self) -> None:
        """Reopen the tabs that were open when Newsdesk last stopped, however it stopped."""
        saved = str(self.settings.value(OPEN_KEY, "") or "")
        for article_id in (part for part in saved.split(",") if part):
            self.open_article(article_id)

    def _remember(self) -> None:
        self.settings.setValue(OPEN_KEY, ",".join(e.article_id for e in self.editors()))
        self.settings.sync()  # now, not at exit: the point is surviving a crash

    def _activated(self, index: QModelIndex) -> None:
        self.open_article(self.model.article_id(self.proxy.mapToSource(index).row()))
