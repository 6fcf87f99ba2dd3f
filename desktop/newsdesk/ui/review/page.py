"""The Review page: the queue on the left, the selected article and the decision on the right.

The queue loads on the database thread and reloads when articles or reviews change. A decision
is an ordinary mutation naming the revision shown (so it works offline and a newer revision
makes it stale); a refusal shows the core's reason and keeps the form as typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence, Set
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QListView, QSplitter, QVBoxLayout, QWidget

from newsdesk.core.actor import Actor
from newsdesk.core.articles import may_schedule, required_checklist
from newsdesk.core.ids import new_id
from newsdesk.core.mentions import stored
from newsdesk.core.model import ArticleState, Verdict
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.refusal import Refusal
from newsdesk.core.sensitive import SensitiveMatcher
from newsdesk.core.world import Area
from newsdesk.store.apply import Applied
from newsdesk.store.history import ArticleHistory, article_history
from newsdesk.store.reads import Conn
from newsdesk.store.review_queue import SIGN_OFF, QueueItem, review_queue
from newsdesk.ui.editor.document import blob_images
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job, OneAtATime
from newsdesk.ui.notifications.mentions import MentionCompleter
from newsdesk.ui.review.decision import DecisionPanel
from newsdesk.ui.review.details import ArticleView
from newsdesk.ui.review.model import ITEM_ROLE, QueueModel, step_label
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import alive
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.publish_time import publish_time_text
from newsdesk.wordlists import load_word_lists, shipped_wordlists_dir

WATCHED = frozenset({Area.ARTICLES, Area.REVIEWS, Area.ROLES, Area.CHANNELS})


def _row_to_select(items: Sequence[QueueItem], keep: str | None, previous: int) -> int | None:
    """The row a load selects: the article selected before if it still waits, else the row
    where the selection was (the next article, once one is decided), else the first."""
    for row, item in enumerate(items):
        if item.id == keep:
            return row
    return min(max(previous, 0), len(items) - 1) if items else None


class ReviewPage(QWidget):
    count_changed = Signal(int)
    queue_loaded = Signal()  # the queue shows the latest load
    item_shown = Signal(str)  # the article whose details are now shown

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review")
        self.session = session
        self.model = QueueModel(self)
        self.queue = QListView(self)
        self.message_bar = MessageBar(self)
        self.view = ArticleView(blob_images(session.workspace.blobs), self)
        self._shown: ArticleHistory | None = None
        self._item: QueueItem | None = None
        self._coming: ArticleHistory | None = None
        self._loads = OneAtATime(self._load)
        self._detail_generation = 0
        # The database thread reads the site's name, the word lists and the queue while the
        # rest is built; the name and lists first, so the article is checked as soon as it is
        # shown and its pages as published never print a default name.
        self.view.published.use_site_of(session)
        self._load_matcher()
        self.reload()
        self.queue.setObjectName("reviewQueue")
        self.queue.setAccessibleName(self.tr("Review queue"))
        self.queue.setModel(self.model)
        self.queue.setUniformItemSizes(True)
        self.queue.setAlternatingRowColors(True)
        self.queue.setSpacing(2)
        self.queue.selectionModel().currentChanged.connect(self._current_changed)
        self.decision = DecisionPanel(self)
        self.decision.setMinimumWidth(300)
        self.mentions = (
            MentionCompleter(self.decision.comment, session),
            MentionCompleter(self.decision.anchor_note, session),
        )
        self.view.selection_changed.connect(self.decision.set_selection_available)
        self.decision.anchor_requested.connect(self._add_anchor)
        self.decision.verdict_chosen.connect(self.decide)
        self.decision.sign_off_chosen.connect(self.sign_off)
        self.queue.setMinimumWidth(180)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.queue)
        split.addWidget(self.view)
        split.addWidget(self.decision)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setSizes([300, 760, 340])
        for index in range(split.count()):
            split.setCollapsible(index, False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(split, 1)
        self._shortcuts()
        self._set_loading(self.tr("Loading the review queue…"))
        session.changed.connect(self._changed)

    # --- the queue -----------------------------------------------------------------------

    @property
    def shown(self) -> ArticleHistory | None:
        """The article and revisions on display, or ``None`` when nothing is selected."""
        return self._shown

    def reload(self) -> None:
        self._loads.request()

    def _load(self) -> None:
        actor: Actor = self.session.actor
        item = self._item
        keep = item.id if item else None
        # An article on display stays as it is if the load keeps its revision.
        shown = (item.id, item.article.revision_hash) if item and self._shown else None
        previous = self.queue.currentIndex().row()

        def read(conn: Conn) -> tuple[list[QueueItem], ArticleHistory | None]:
            items = review_queue(conn, actor)
            row = _row_to_select(items, keep, previous)
            if row is None or (items[row].id, items[row].article.revision_hash) == shown:
                return items, None
            # The article the load will show comes with the queue: one trip, not two.
            return items, article_history(conn, items[row].id)

        self.session.read(read, self._loaded, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._loads.fail()
        self.session.runner.failed.emit(error)

    def _loaded(self, loaded: tuple[list[QueueItem], ArticleHistory | None]) -> None:
        if not alive(self):
            return
        if self._loads.finish():
            return
        items, self._coming = loaded
        previous = self.queue.currentIndex().row()
        keep = self._item.id if self._item else None
        self.model.set_items(items)
        self.count_changed.emit(len(items))
        row = _row_to_select(items, keep, previous)
        if row is None:
            self._item = None
            self._set_empty()
        else:
            self._select(row)
        self._coming = None
        self.queue_loaded.emit()

    def _changed(self, areas: Set[Area], initiator: object) -> None:
        if initiator is not self and areas & WATCHED:
            self.reload()

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        selection = self.queue.selectionModel()
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.queue.scrollTo(index)

    def select_article(self, article_id: str) -> bool:
        """Show ``article_id`` if it is in the queue; ``False`` if it is not."""
        row = self.model.row_of(article_id)
        if row is not None:
            self._select(row)
        return row is not None

    def step_queue(self, step: int) -> None:
        """Select the next (``1``) or previous (``-1``) item of the queue."""
        count = self.model.rowCount()
        if count:
            row = self.queue.currentIndex().row()
            self._select(min(max(row + step, 0), count - 1))

    # --- the selected article ------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item: QueueItem | None = current.data(ITEM_ROLE) if current.isValid() else None
        if item is None:
            return
        if (
            self._shown is not None
            and self._item is not None
            and self._item.id == item.id
            and self._item.article.revision_hash == item.article.revision_hash
        ):
            return
        self._item = item
        self._set_loading(item.article.title)
        self._detail_generation += 1
        generation = self._detail_generation
        coming = self._coming
        if (
            coming is not None
            and coming.article.id == item.id
            and coming.article.revision_hash == item.article.revision_hash
        ):
            self._show(generation, item, coming)
            return
        article_id = item.id
        self.session.read(
            lambda conn: article_history(conn, article_id),
            lambda history: self._show(generation, item, history),
            self._failed_detail,
        )

    def _failed_detail(self, error: BaseException) -> None:
        self.session.runner.failed.emit(error)

    def _show(self, generation: int, item: QueueItem, history: ArticleHistory | None) -> None:
        if not alive(self) or generation != self._detail_generation:
            return
        if history is None:
            self.reload()
            return
        self._shown = history
        self.decision.setEnabled(True)
        self.view.show_history(history, item.channel.name)
        self.decision.show_step(item.step, required_checklist(history.article))
        if item.step == SIGN_OFF:
            # Whether the article, once signed off, may be scheduled (a correction may not).
            signed = dataclasses.replace(history.article, state=ArticleState.SIGNED_OFF)
            refusal = may_schedule(self.session.actor, signed, item.channel)
            self.decision.schedule.set_refusal(translated(refusal.message) if refusal else None)
        self.decision.set_heading(
            self.tr("{step} of revision {number} · {channel}").format(
                step=step_label(item.step),
                number=history.article.revision_number,
                channel=item.channel.name,
            )
        )
        self.item_shown.emit(item.id)

    def _set_empty(self) -> None:
        self._set_loading(self.tr("Nothing waits for your review."))

    def _set_loading(self, title: str) -> None:
        """No decision can be made until the article shown is the one loaded."""
        self._shown = None
        self.view.clear()
        self.view.title.setText(title)
        self.decision.setEnabled(False)

    def _add_anchor(self, note: str) -> None:
        anchor = self.view.selected_anchor(stored(note, self.mentions[1].chosen))
        if anchor is None:
            self.message_bar.show_message(
                self.tr("Select a passage of the article first."), Tone.WARNING
            )
            return
        self.decision.add_anchor(anchor)

    # --- deciding ------------------------------------------------------------------------

    def decide(self, verdict: Verdict) -> None:
        """Apply ``verdict`` on the revision shown, with the form's comment and checklist."""
        if self._shown is None or self._item is None or self._item.step == SIGN_OFF:
            return
        article = self._shown.article
        args: dict[str, Any] = {
            "decision_id": new_id(),
            "revision_hash": article.revision_hash or "",
            "level": int(self._item.step),
            "verdict": verdict.value,
            "comment": self.mentions[0].text(),
        }
        if verdict == Verdict.APPROVE:
            args["checked"] = self.decision.checked()
        if anchors := self.decision.anchors():
            args["anchors"] = anchors
        self._apply(self.session.mutation(Kind.ARTICLE_REVIEW, article.id, **args))

    def sign_off(self) -> None:
        """Sign off the revision shown; with 定时发布 ticked, to be published at the chosen
        time, which must not have passed (nothing is sent if it has)."""
        if self._shown is None or self._item is None or self._item.step != SIGN_OFF:
            return
        schedule = self.decision.schedule
        problem = schedule.problem(dt.datetime.now(dt.UTC))
        if problem is not None:
            self.message_bar.show_message(problem, Tone.ERROR)
            schedule.time.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        publish_at = schedule.publish_at()
        timing: dict[str, Any] = (
            {} if publish_at is None else {"publish_at": publish_at.isoformat()}
        )
        article = self._shown.article
        self._apply(
            self.session.mutation(
                Kind.ARTICLE_SIGN_OFF,
                article.id,
                sign_off_id=new_id(),
                revision_hash=article.revision_hash or "",
                **timing,
            ),
            ""
            if publish_at is None
            else self.tr("Signed off “{title}”; it will be published at {time}.").format(
                title=article.title, time=publish_time_text(publish_at)
            ),
        )

    def _apply(self, mutation: Mutation, done_text: str = "") -> None:
        """Apply ``mutation``; once accepted, say ``done_text`` if there is one."""
        self.decision.setEnabled(False)

        def done(applied: list[Applied]) -> None:
            if not alive(self):
                return
            self.decision.setEnabled(True)
            outcome = applied[0].outcome
            if isinstance(outcome, Refusal):
                self.message_bar.show_message(translated(outcome.message), Tone.ERROR)
                return
            if done_text:
                self.message_bar.show_message(done_text, Tone.INFO)
            else:
                self.message_bar.hide()
            self._item = None
            self._shown = None
            self.reload()

        self.session.apply([mutation], done, initiator=self)

    # --- keyboard ------------------------------------------------------------------------

    def _shortcuts(self) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+Down", lambda: self.step_queue(1)),
            ("Ctrl+Up", lambda: self.step_queue(-1)),
            ("Ctrl+Return", self._approve_key),
            ("Ctrl+Enter", self._approve_key),
            ("Ctrl+R", self._return_key),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=scope)
        # J and K only where they cannot be typing: the queue and the article.
        for widget in (self.queue, self.view.browser):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and event.key() in (Qt.Key.Key_J, Qt.Key.Key_K)
        ):
            self.step_queue(1 if event.key() == Qt.Key.Key_J else -1)
            return True
        return super().eventFilter(watched, event)

    def _approve_key(self) -> None:
        if self._item is not None and self._item.step == SIGN_OFF:
            self.sign_off()
        else:
            self.decide(Verdict.APPROVE)

    def _return_key(self) -> None:
        if self._item is None or self._item.step == SIGN_OFF:
            return
        if not self.decision.comment_text():
            self.decision.focus_comment()
            return
        self.decide(Verdict.RETURN)

    # --- checks --------------------------------------------------------------------------

    def _load_matcher(self) -> None:
        extra = self.session.workspace.wordlists

        def build() -> SensitiveMatcher:
            # The editor names lists it could not read; the review checks with the others.
            return SensitiveMatcher(load_word_lists(shipped_wordlists_dir(), extra).entries)

        Job(build).success(self._matcher_ready).run(self.session.runner)

    def _matcher_ready(self, matcher: SensitiveMatcher) -> None:
        if alive(self):
            self.view.set_matcher(matcher)
