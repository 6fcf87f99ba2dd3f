"""The kanban board page: filters, a message bar, the columns and the selected card's details.

Data comes only from the :class:`SnapshotStore`: each new snapshot is merged into the column
models, and the selected card is followed wherever it went (into another column after a move,
or out of sight behind a filter). Changes go through :class:`BoardActions`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.board import Card, Column, Snapshot
from newsdesk.core.rhythm import ChannelRhythm, local_day, over_interval, publishing_rhythm
from newsdesk.store.needs_me import NeedsMe, needs_me
from newsdesk.store.rhythm import last_publications
from newsdesk.ui.board import rules
from newsdesk.ui.board.actions import BoardActions
from newsdesk.ui.board.columns import ColumnStrip, ColumnView
from newsdesk.ui.board.details import CardDetails
from newsdesk.ui.board.filters import BoardFilter, FilterBar, compile_filter
from newsdesk.ui.board.model import CardListModel
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.materials_view import MaterialsView
from newsdesk.ui.widgets.message_bar import MessageBar
from newsdesk.ui.widgets.palette import Colours, colours

STATE_VERSION = 1
DETAILS_WIDTH = 300
RECENT_PUBLISHED = 30  # published cards on the board; the Published page has them all
RHYTHM_CHECK_MS = 60 * 60 * 1000  # days pass with the board open: the rhythm is read again hourly


def board_style(c: Colours) -> str:
    """The board's style sheet in the colours ``c``."""
    return f"""
#board {{ background: {c.surface}; }}
#columnStrip, #columnStripInner {{ background: {c.surface}; }}
#boardColumn {{ background: {c.surface_alt}; border: 1px solid {c.surface_alt};
    border-radius: 10px; }}
#boardColumn[dropState="ok"] {{ background: {c.accent_soft}; border: 1px dashed {c.accent}; }}
#boardColumn[dropState="refused"] {{ background: {c.error_soft};
    border: 1px dashed {c.error}; }}
#boardColumn QListView {{ background: transparent; border: none; }}
#columnHeader {{ color: {c.text}; padding: 0 14px; }}
#cardDetails {{ background: {c.surface}; }}
#needsMe {{ color: {c.accent}; font-weight: 600; }}
#rhythmWarning {{ background: {c.warning_soft}; color: {c.text};
    border: 1px solid {c.warning}; border-left: 4px solid {c.warning}; border-radius: 6px;
    padding: 6px 10px; }}
QSplitter#boardSplitter::handle {{ background: {c.border}; }}
#boardColumn QScrollBar:vertical {{ background: transparent; width: 8px; margin: 2px; }}
#boardColumn QScrollBar::handle:vertical {{ background: {c.border_strong}; border-radius: 2px;
    min-height: 32px; }}
#boardColumn QScrollBar::handle:vertical:hover {{ background: {c.faint}; }}
#boardColumn QScrollBar::add-line, #boardColumn QScrollBar::sub-line {{ height: 0; }}
"""


class BoardPage(QWidget):
    """The board. ``card_activated(id)``: Enter or a double-click on a card."""

    card_activated = Signal(str)
    needs_me_changed = Signal(int)  # how many stories wait on the signed-in user
    archive_requested = Signal()  # show every published item (the Published page)

    def __init__(
        self,
        session: Session,
        snapshots: SnapshotStore,
        parent: QWidget | None = None,
        *,
        desk_channels: Sequence[str] = (),
    ) -> None:
        """``desk_channels``: the branch preset's channels, the first found shown at first."""
        super().__init__(parent)
        self.setObjectName("board")
        self.session = session
        self.snapshots = snapshots
        self.snapshot: Snapshot | None = None
        self.models = {column: CardListModel(column, self) for column in Column}
        self.models[Column.PUBLISHED].recent_limit = RECENT_PUBLISHED
        self.filters = FilterBar(session.actor.id, self, desk_channels=desk_channels)
        self.bar = MessageBar(self)
        self.strip = ColumnStrip(self.models.values(), self)
        self.details = CardDetails(self)
        self.materials = MaterialsView(session.workspace.blobs, self)
        self.details_panel = QWidget(self)
        self.details_panel.setObjectName("detailsPanel")
        panel = QVBoxLayout(self.details_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(0)
        panel.addWidget(self.details, 1)
        self.schedule_buttons = QWidget(self.details_panel)
        self.schedule_buttons.setObjectName("scheduleButtons")
        schedule_row = QHBoxLayout(self.schedule_buttons)
        schedule_row.setContentsMargins(16, 4, 16, 8)
        panel.addWidget(self.schedule_buttons)
        panel.addWidget(self.materials)
        self.materials.hide()
        self.details_action = QAction(self.tr("Details panel"), self)
        self.details_action.setCheckable(True)
        self.details_action.setChecked(True)
        self.details_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.details_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.details_action.toggled.connect(self.details_panel.setVisible)
        self.details_button = QToolButton(self)
        self.details_button.setDefaultAction(self.details_action)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.needs_label = QLabel(self)
        self.needs_label.setObjectName("needsMe")
        self.needs_label.setTextFormat(Qt.TextFormat.PlainText)
        self.rhythm_banner = QLabel(self)
        self.rhythm_banner.setObjectName("rhythmWarning")
        self.rhythm_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.rhythm_banner.setWordWrap(True)
        self.rhythm_banner.setAccessibleName(self.tr("Publishing rhythm"))
        self.rhythm_banner.hide()
        self.rhythm_timer = QTimer(self, interval=RHYTHM_CHECK_MS)
        self.rhythm_timer.timeout.connect(self._recheck_rhythm)
        self.rhythm_timer.start()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("boardSplitter")
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self.strip)
        self.splitter.addWidget(self.details_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([10_000, DETAILS_WIDTH])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        bar_row = QVBoxLayout()
        bar_row.setContentsMargins(12, 0, 12, 6)
        needs_row = QHBoxLayout()
        needs_row.addWidget(self.needs_label)
        needs_row.addStretch(1)
        needs_row.addWidget(self.details_button)
        bar_row.addLayout(needs_row)
        bar_row.addWidget(self.rhythm_banner)
        bar_row.addWidget(self.bar)
        layout.addLayout(bar_row)
        layout.addWidget(self.splitter, 1)
        self.setStyleSheet(board_style(colours()))

        self.board_actions = BoardActions(session, snapshots, self)
        self.board_actions.shown_columns = self.strip.shown
        self.board_actions.message.connect(self.bar.show_message)
        # The details offer what the card's menu offers to change a scheduled publication.
        for action in (self.board_actions.reschedule_action, self.board_actions.unschedule_action):
            button = QToolButton(self.schedule_buttons)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            schedule_row.addWidget(button)
        schedule_row.addStretch(1)
        self.schedule_buttons.hide()
        self.board_actions.proposal_created.connect(self._follow)
        self.menu_action = QAction(self.tr("Card menu"), self)
        self.menu_action.setShortcut(QKeySequence("Shift+F10"))
        self.menu_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.menu_action.triggered.connect(self._menu_for_current)
        self.addActions([*self.board_actions.all_actions(), self.menu_action, self.details_action])
        for column in self.strip.columns.values():
            column.archive_requested.connect(self.archive_requested)

        self._current: str | None = None  # the selected card's id, followed across snapshots
        self._follow_id: str | None = None  # a card to select once it appears
        self._quiet = False  # selection changes made by the page itself, not the user
        self._found: frozenset[str] | None = None
        self._searched = ""
        self._search_generation = 0
        self._rhythm_generation = 0
        for view in self.strip.views():
            view.drop_handler = self._drop
            view.drop_judge = self._judge
            view.selectionModel().selectionChanged.connect(
                lambda *_, v=view: self._selection_changed(v)
            )
            view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
            view.activated.connect(self._activated)
        self.filters.changed.connect(self._filter_changed)
        self._refilter(self.filters.value())
        snapshots.updated.connect(self._load)
        snapshots.first_screen.connect(self._load_first_screen)
        if snapshots.current is not None:
            self._load(snapshots.current)
        else:
            snapshots.reload()

    # --- the saved layout ---------------------------------------------------------------------

    def save_state(self) -> QByteArray:
        """The splitter and the column widths, for the main window to keep in QSettings."""
        state = {
            "version": STATE_VERSION,
            "splitter": bytes(self.splitter.saveState().toBase64().data()).decode("ascii"),
            "widths": self.strip.widths(),
            "collapsed": [column.value for column in self.strip.collapsed()],
            "details": self.details_action.isChecked(),
        }
        return QByteArray(json.dumps(state).encode("utf-8"))

    def restore_state(self, state: QByteArray) -> bool:
        """Restore what :meth:`save_state` returned; ``False`` (and no change) if unreadable."""
        try:
            saved = json.loads(bytes(state.data()).decode("utf-8"))
            if saved.get("version") != STATE_VERSION:
                return False
            splitter = QByteArray.fromBase64(str(saved["splitter"]).encode("ascii"))
            widths = [int(width) for width in saved["widths"]]
            collapsed = [Column(value) for value in saved.get("collapsed", [])]
            details = bool(saved.get("details", True))
        except (ValueError, KeyError, TypeError, AttributeError):
            return False
        self.strip.set_widths(widths)
        self.strip.set_collapsed(collapsed)
        restored = self.splitter.restoreState(splitter)
        self.details_action.setChecked(details)
        return restored

    # --- loading and filtering ----------------------------------------------------------------

    def _load(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        for view in self.strip.views():
            view.delegate.set_snapshot(snapshot)
        self.filters.set_choices(snapshot)
        by_column: dict[Column, list[Card]] = {column: [] for column in Column}
        restorable = rules.restorable_cards(self.session.actor, snapshot)
        for card in (*snapshot.cards, *restorable):
            by_column[card.column].append(card)
        with self._quietly():
            for column, model in self.models.items():
                model.snapshot = snapshot
                model.set_cards(by_column[column])
        if self._searched:
            self._search(self._searched)  # new or changed cards may match now
        self._show_needs(needs_me(snapshot, self.session.actor))
        self._check_rhythm(snapshot)
        self._after_change()

    @property
    def loaded(self) -> bool:
        """Whether the board shows every card (not only the first screen while it loads)."""
        return self.snapshot is not None and self.snapshot.totals is None

    def _load_first_screen(self, snapshot: Snapshot) -> None:
        """The top of each column while the whole board loads: shown, in order, with each
        column's count; what needs the whole (what waits on the user, the channels' rhythm,
        restoring, the card's actions) waits for it."""
        assert snapshot.totals is not None
        self.snapshot = snapshot
        for view in self.strip.views():
            view.delegate.set_snapshot(snapshot)
        self.filters.set_choices(snapshot)
        by_column: dict[Column, list[Card]] = {column: [] for column in Column}
        for card in snapshot.cards:
            by_column[card.column].append(card)
        with self._quietly():
            for column, model in self.models.items():
                model.snapshot = snapshot
                model.set_cards(by_column[column], total=snapshot.totals[column])
        self._after_change()

    def _show_needs(self, needs: NeedsMe) -> None:
        parts = []
        if needs.assigned:
            parts.append(self.tr("assigned to you: {count}").format(count=needs.assigned))
        if needs.returned:
            parts.append(self.tr("returned to you: {count}").format(count=needs.returned))
        if needs.to_review:
            parts.append(self.tr("waiting on your level: {count}").format(count=needs.to_review))
        if needs.to_select:
            parts.append(self.tr("to select: {count}").format(count=needs.to_select))
        self.needs_label.setText(
            self.tr("Needs you — {items}").format(items=" · ".join(parts)) if parts else ""
        )
        self.needs_label.setVisible(bool(parts))
        self.needs_me_changed.emit(needs.total)

    def _check_rhythm(self, snapshot: Snapshot) -> None:
        """Read when each channel in sight last published, then warn of those silent too long;
        the latest snapshot's answer wins."""
        self._rhythm_generation += 1
        generation = self._rhythm_generation
        channels = [c for c in snapshot.channels.values() if c.silence_days is not None]
        if not channels:
            self._show_rhythm(())
            return
        ids = [c.id for c in channels]

        def read(last: dict[str, dt.datetime]) -> None:
            if generation == self._rhythm_generation:
                today = local_day(dt.datetime.now(dt.UTC))
                self._show_rhythm(over_interval(publishing_rhythm(channels, last, today)))

        self.session.read(lambda conn: last_publications(conn, ids), read, owner=self)

    def _recheck_rhythm(self) -> None:
        if self.snapshot is not None:
            self._check_rhythm(self.snapshot)

    def _show_rhythm(self, over: Sequence[ChannelRhythm]) -> None:
        lines = []
        for rhythm in over:
            required = self.tr("required within %n day(s)", "", rhythm.silence_days or 0)
            if rhythm.days_silent is None:
                text = self.tr("{channel}: nothing published yet ({required})")
            else:
                # Always two days or more: a channel is over its interval of at least one day.
                text = self.tr("{channel}: nothing published for {days} days ({required})")
            lines.append(
                text.format(channel=rhythm.name, days=rhythm.days_silent, required=required)
            )
        self.rhythm_banner.setText("\n".join(lines))
        self.rhythm_banner.setVisible(bool(lines))

    def _filter_changed(self) -> None:
        board_filter = self.filters.value()
        if board_filter.text != self._searched:
            self._searched = board_filter.text
            if board_filter.text:
                self._search(board_filter.text)  # the old matches stay until the new arrive
            else:
                self._found = None
        self._refilter(board_filter)

    def _refilter(self, board_filter: BoardFilter) -> None:
        accepts = compile_filter(board_filter, self._found)
        with self._quietly():
            for model in self.models.values():
                model.set_filter(accepts)
        self._after_change()

    def _search(self, text: str) -> None:
        """Ask the full-text index which stories contain ``text``; the latest request wins."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        self._search_generation += 1
        generation = self._search_generation
        store = self.session.workspace.store
        channel_ids = list(snapshot.channels)

        def found(ids: frozenset[str]) -> None:
            if generation == self._search_generation and text == self._searched:
                self._found = ids
                self._refilter(self.filters.value())

        Job(lambda: store.matching_ids(text, channel_ids=channel_ids)).success(found).run(
            self.session.runner
        )

    def _after_change(self) -> None:
        board_filter = self.filters.value()
        self.strip.set_hidden(self._hidden_columns(board_filter))
        for column in self.strip.columns.values():
            column.update_header(filtered=board_filter.narrows)
        self._reselect()

    def _hidden_columns(self, board_filter: BoardFilter) -> list[Column]:
        """Columns every channel in sight hides (or the one channel filtered to hides)."""
        channels = self.snapshot.channels if self.snapshot else {}
        chosen = channels.get(board_filter.channel_id or "")
        in_sight = [chosen] if chosen else list(channels.values())
        if not in_sight:
            return []
        hidden = set(in_sight[0].hidden_columns)
        for channel in in_sight[1:]:
            hidden &= set(channel.hidden_columns)
        return [column for column in Column if column.value in hidden]

    # --- selection ----------------------------------------------------------------------------

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Selection changes inside are the page's own doing, not the user's."""
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    def current_card(self) -> Card | None:
        """The selected card, as the board's actions see it."""
        return self.board_actions.card

    def card_by_id(self, card_id: str, columns: Iterable[Column] = tuple(Column)) -> Card | None:
        for column in columns:
            row = self.models[column].row_of(card_id)
            if row is not None:
                return self.models[column].card(row)
        return None

    def select(self, card_id: str) -> bool:
        """Select the card ``card_id`` where it is shown; ``False`` if it is not shown."""
        for column, model in self.models.items():
            row = model.row_of(card_id)
            if row is None:
                continue
            view = self.strip.columns[column].view
            view.setCurrentIndex(model.index(row))
            view.scrollTo(model.index(row))
            self.strip.reveal(column)
            return True
        return False

    def _selection_changed(self, view: ColumnView) -> None:
        if self._quiet:
            return
        card = view.current_card()
        if card is None:
            if self._current is not None and self.card_by_id(self._current, [view.column]):
                self._show(None)
            return
        with self._quietly():
            for other in self.strip.views():
                if other is not view:
                    other.clearSelection()
        self._show(card)

    def _reselect(self) -> None:
        """Keep the selected card selected after the models changed, wherever it is now."""
        if self._follow_id is not None and self.card_by_id(self._follow_id):
            self._current, self._follow_id = self._follow_id, None
        wanted = self._current
        if wanted is None:
            self._show(None)
            return
        had_focus = any(view.hasFocus() for view in self.strip.views())
        for column, model in self.models.items():
            row = model.row_of(wanted)
            if row is None:
                continue
            view = self.strip.columns[column].view
            index = model.index(row)
            with self._quietly():
                for other in self.strip.views():
                    if other is not view:
                        other.clearSelection()
                if view.currentIndex() != index or not view.selectionModel().isSelected(index):
                    view.setCurrentIndex(index)
            if had_focus:
                view.setFocus()
            self._show(model.card(row))
            return
        with self._quietly():
            for view in self.strip.views():
                view.clearSelection()
        self._show(None)

    def _show(self, card: Card | None) -> None:
        self._current = card.id if card else None
        self.board_actions.set_card(card)
        offered = self.board_actions.offered_scheduling(card)
        self.schedule_buttons.setVisible(self.board_actions.reschedule_action in offered)
        if card is None or self.snapshot is None:
            self.details.clear_card()
            self.materials.hide()
            return
        self.details.show_card(card, self.snapshot)
        source = card.proposal or card.topic
        materials = source.materials if source is not None else ()
        self.materials.set_materials(materials)
        self.materials.setVisible(bool(materials))

    def _follow(self, card_id: str) -> None:
        """Select ``card_id`` as soon as a snapshot shows it (a proposal just created)."""
        self._follow_id = card_id
        if self.select(card_id):
            self._follow_id = None

    # --- the card's menu, Enter, drops --------------------------------------------------------

    def _context_menu(self, view: ColumnView, position: QPoint) -> None:
        index = view.indexAt(position)
        if index.isValid():
            view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actions = self.board_actions
        for action in actions.card_actions() if index.isValid() else [actions.new_proposal_action]:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(position))

    def _menu_for_current(self) -> None:
        for view in self.strip.views():
            if view.current_card() is not None:
                self._context_menu(view, view.visualRect(view.currentIndex()).center())
                return

    def _activated(self) -> None:
        """Enter or a double-click: make sure the details are in sight, and tell the window."""
        card = self.board_actions.card
        if card is None:
            return
        sizes = self.splitter.sizes()
        if sizes[1] == 0:
            self.splitter.setSizes([max(0, sizes[0] - DETAILS_WIDTH), DETAILS_WIDTH])
        self.card_activated.emit(card.id)

    def _drop(self, card_id: str, source: Column, target: Column) -> bool:
        card = self.card_by_id(card_id, [source])
        if card is None:
            return False
        moved = self.board_actions.move(card, target)
        if moved:
            self._current = card.id  # the card stays selected in its new column
        return moved

    def _judge(self, card_id: str, source: Column, target: Column) -> bool:
        card = self.card_by_id(card_id, [source])
        return card is not None and self.board_actions.refusal_to_move(card, target) is None
