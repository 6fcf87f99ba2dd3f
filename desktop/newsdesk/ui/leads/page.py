"""线索 (Leads): what the subscribed sources' feeds brought, newest first, unread in bold.

A lead is read as soon as it is shown; J and K move through the list, Delete dismisses the
lead for everyone (with Undo, and Ctrl+Z), and a lead becomes a proposal (with the lead's
address as material) or a repost in one click. Below the lead, the proposals and articles that
look like it are named, as a hint: someone may already be on the story. The 来源 tab beside the
list is where each user follows the sources they want their bell to ring for
(:mod:`newsdesk.ui.leads.follows`); "only the sources I follow" narrows the list to those.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import Lead, Material, MaterialKind
from newsdesk.core.mutation import Kind
from newsdesk.core.world import Area
from newsdesk.store.apply import Applied
from newsdesk.store.leads import LeadRow, visible_leads
from newsdesk.ui.editor.repost_dialog import RepostDialog
from newsdesk.ui.leads.follows import FollowsTab
from newsdesk.ui.leads.model import LeadsModel
from newsdesk.ui.proposals.editor import ProposalEditor
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.fields import alive, heading, local_time, muted
from newsdesk.ui.widgets.message_bar import MessageBar
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.similar_hint import SimilarHint
from newsdesk.ui.widgets.views import EmptyState, PlaceholderTableView, fit_columns

WATCHED = frozenset({Area.LEADS, Area.SOURCES, Area.ROLES, Area.CHANNELS})  # follows: SOURCES


class LeadsPage(QWidget):
    count_changed = Signal(int)  # unread leads
    open_article = Signal(str)  # a repost made from a lead, to open in the editor

    def __init__(
        self, session: Session, snapshots: SnapshotStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("leads")
        self._session = session
        self._snapshots = snapshots
        self._dismissed: Lead | None = None
        self._last_row = 0  # where the selection was, for the lead after a dismissed one
        self.model = LeadsModel(self)
        self.view = PlaceholderTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Leads"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.set_placeholder(self.tr("Loading the leads…"))
        self.view.selectionModel().selectionChanged.connect(self._selected_changed)
        self.empty = EmptyState(
            self.tr("No leads"),
            self.tr(
                "Leads are the new items of the feeds your newsroom follows. An administrator "
                "adds sources on the Admin page, under Sources."
            ),
        )
        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty)

        self.title = heading("", 1.2)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = muted(QLabel())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link = QLabel()
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(True)
        self.link.setWordWrap(True)
        self.similar_hint = SimilarHint(session)
        self.propose_button = QPushButton(self.tr("Propose…"))
        self.propose_button.setToolTip(self.tr("Propose a story from this lead"))
        self.repost_button = QPushButton(self.tr("Repost…"))
        self.repost_button.setToolTip(self.tr("Repost the article this lead points to"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Dismiss for everyone (Delete)"))
        self.propose_button.clicked.connect(self.propose)
        self.repost_button.clicked.connect(self.repost)
        self.dismiss_button.clicked.connect(self.dismiss)
        actions = QHBoxLayout()
        for button in (self.propose_button, self.repost_button, self.dismiss_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(16, 0, 0, 0)
        for widget in (self.title, self.meta, self.summary, self.link, self.similar_hint):
            detail.addWidget(widget)
        detail.addLayout(actions)
        detail.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(self._stack)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.unread_label = muted(QLabel())
        self.only_followed = QCheckBox(self.tr("Only the sources I follow"))
        self.only_followed.setToolTip(
            self.tr("Show only the leads of the sources you follow, on the Sources tab")
        )
        self.only_followed.toggled.connect(self.reload)
        self.follows_tab = FollowsTab(session)
        leads_tab = QWidget()
        leads_layout = QVBoxLayout(leads_tab)
        leads_layout.setContentsMargins(0, 8, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.unread_label, 1)
        filters.addWidget(self.only_followed)
        leads_layout.addLayout(filters)
        leads_layout.addWidget(splitter, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(leads_tab, self.tr("Leads"))
        self.tabs.addTab(self.follows_tab, self.tr("Sources"))
        self.message_bar = MessageBar(self)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Bring back the lead just dismissed (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        titles = QVBoxLayout()
        page_title = heading(self.tr("Leads"), 1.5)
        page_title.setObjectName("pageTitle")
        titles.addWidget(page_title)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)

        for keys, slot in (
            ("J", lambda: self.step(1)),
            ("K", lambda: self.step(-1)),
            (QKeySequence.StandardKey.Delete, self.dismiss),
            (QKeySequence.StandardKey.Undo, self.undo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        session.changed.connect(self._changed)
        self._show_lead(None)
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    def _changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if areas & WATCHED:
            self.reload()

    def reload(self) -> None:
        actor = self._session.actor
        only_followed = self.only_followed.isChecked()
        self._session.read(
            lambda conn: visible_leads(conn, actor, only_followed=only_followed), self._show_rows
        )
        self.follows_tab.reload()

    def _show_rows(self, rows: list[LeadRow]) -> None:
        selected = self.current()
        self.model.set_rows(rows)
        fit_columns(self.view, self.model, LeadsModel.TITLE)
        self._stack.setCurrentWidget(self.view if rows else self.empty)
        unread = sum(1 for r in rows if r.unread)
        self.unread_label.setText(
            self.tr("{count} unread of {total}").format(count=unread, total=len(rows))
        )
        self.count_changed.emit(unread)
        row = self.model.row_of(selected.lead.id) if selected else None
        if row is None and rows:
            row = min(self._last_row, len(rows) - 1)
        if row is not None:
            self.view.selectRow(row)
        self._show_lead(self.current())

    # --- the current lead ---------------------------------------------------------------------

    def current(self) -> LeadRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.lead(rows[0].row()) if rows else None

    def _selected_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.current()
        if row is not None:
            self._last_row = self.view.selectionModel().selectedRows()[0].row()
        self._show_lead(row)
        self._mark_read()

    def _mark_read(self) -> None:
        """The lead shown is read, once someone sees it (not while the page is hidden)."""
        row = self.current()
        if row is not None and row.unread and self.isVisible():
            self._session.apply([self._session.mutation(Kind.LEAD_READ, row.lead.id)])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._mark_read()

    def _show_lead(self, row: LeadRow | None) -> None:
        for button in (self.propose_button, self.repost_button, self.dismiss_button):
            button.setEnabled(row is not None)
        if row is None:
            self.title.setText(self.tr("Select a lead"))
            for label in (self.meta, self.summary, self.link):
                label.clear()
            self.similar_hint.show_items([])
            return
        lead = row.lead
        self.title.setText(lead.title)
        when = local_time(lead.published_at or lead.found_at)
        self.meta.setText(self.tr("{source} · {when}").format(source=row.source_name, when=when))
        self.summary.setText(lead.summary)
        self.link.setText(f'<a href="{_escaped(lead.url)}">{_escaped(lead.url)}</a>')
        self.similar_hint.look(lead.title, lead.summary, lead.url)

    def step(self, step: int) -> None:
        """The next (J) or previous (K) lead."""
        count = self.model.rowCount()
        if not count:
            return
        rows = self.view.selectionModel().selectedRows()
        here = rows[0].row() if rows else -1
        self.view.selectRow(max(0, min(count - 1, here + step)))

    # --- acting on it -------------------------------------------------------------------------

    def dismiss(self) -> None:
        row = self.current()
        if row is None:
            return
        lead = row.lead
        self._session.apply(
            [self._session.mutation(Kind.LEAD_DISMISS, lead.id)],
            lambda applied: self._dismissed_done(lead, applied),
            initiator=self,
        )

    def _dismissed_done(self, lead: Lead, applied: list[Applied]) -> None:
        if not alive(self):
            return
        report(
            self.message_bar,
            applied,
            self.tr("Dismissed “{title}” for everyone.").format(title=lead.title),
        )
        if applied and applied[0].accepted:
            self._dismissed = lead
            self.undo_button.show()

    def undo(self) -> None:
        lead = self._dismissed
        if lead is None:
            return
        self._dismissed = None
        self.undo_button.hide()
        self._session.apply(
            [self._session.mutation(Kind.LEAD_UNDISMISS, lead.id)],
            lambda applied: (
                report(
                    self.message_bar,
                    applied,
                    self.tr("“{title}” is back among the leads.").format(title=lead.title),
                )
                if alive(self)
                else None
            ),
            initiator=self,
        )

    def propose(self) -> ProposalEditor | None:
        row, snapshot = self.current(), self._snapshots.current
        if row is None or snapshot is None:
            return None
        lead = row.lead
        editor = ProposalEditor(self._session, snapshot, None, self)
        link = Material(MaterialKind.LINK, lead.url, row.source_name)
        editor.start_from(lead.channel_id, lead.title, lead.summary, [link])
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def repost(self) -> RepostDialog | None:
        row, snapshot = self.current(), self._snapshots.current
        if row is None:
            return None
        channels = sorted(snapshot.channels.values(), key=lambda c: c.name) if snapshot else []
        dialog = RepostDialog(self._session, channels, [row.lead.url], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_article.connect(self.open_article)
        dialog.show()
        return dialog


def _escaped(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
