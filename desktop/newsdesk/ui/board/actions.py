"""Everything one can do with a card, as QActions the board's menus and the main window share.

Each action asks the core first (:mod:`newsdesk.ui.board.rules`), so it is disabled with the
reason as its tooltip when it may not happen; a drag or a keyboard move that is not allowed
says why in the page's message bar. Allowed changes become mutations applied on the database
thread; a refusal from the store (someone else moved the card first) is shown the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from newsdesk.core import articles, proposals
from newsdesk.core.board import (
    ARTICLE_MOVES,
    COLUMN_TITLES,
    MOVE_RULES,
    MOVES,
    NOT_THIS_CARD,
    PROPOSAL_MOVES,
    STILL_LOADING,
    Card,
    Column,
    Move,
    Need,
    Snapshot,
    check_sign_off,
    move_between,
)
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ArticleState, Channel, Role
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal
from newsdesk.store import reads
from newsdesk.store.apply import Applied
from newsdesk.ui.board import display, rules
from newsdesk.ui.board.model import is_deleted
from newsdesk.ui.board.rules import Edit
from newsdesk.ui.i18n import translated
from newsdesk.ui.proposals.roster import load_editors
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.message_bar import Tone
from newsdesk.ui.widgets.publish_time import PublishTimeDialog, publish_time_text

if TYPE_CHECKING:
    from newsdesk.ui.published.actions import PublishingActions


def _set_state(action: QAction, refusal: Refusal | None, hint: str = "") -> None:
    """Enable ``action``, or disable it with the core's reason as its tooltip and status tip."""
    action.setEnabled(refusal is None)
    tip = translated(refusal.message) if refusal else hint or action.text().rstrip("…")
    action.setToolTip(tip)
    action.setStatusTip(tip)


class BoardActions(QObject):
    """The actions on the selected card (:meth:`set_card`) and on the board itself.

    ``message(text, tone)`` carries refusals and confirmations for a message bar;
    ``proposal_created(id)`` names a proposal made with :attr:`new_proposal_action`.
    """

    message = Signal(str, object)
    proposal_created = Signal(str)

    def __init__(self, session: Session, snapshots: SnapshotStore, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._snapshots = snapshots
        self._window = parent  # dialogs open over it
        self._publishing: PublishingActions | None = None
        self.card: Card | None = None
        self.shown_columns: Callable[[], Sequence[Column]] = lambda: list(Column)

        self.new_proposal_action = self._action(
            self.tr("New proposal…"), self.new_proposal, QKeySequence.StandardKey.New
        )
        self.new_proposal_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        titles = {
            Move.SUBMIT_PROPOSAL: self.tr("Submit"),
            Move.SELECT: self.tr("Select into topic library"),
            Move.RETURN: self.tr("Return…"),
            Move.ASSIGN: self.tr("Assign…"),
            Move.START: self.tr("Start writing"),
            Move.SUBMIT_ARTICLE: self.tr("Submit for review"),
            Move.WITHDRAW: self.tr("Withdraw from review"),
            Move.SIGN_OFF: self.tr("Sign off"),
            Move.PUBLISH: self.tr("Publish…"),
        }
        self.move_actions: dict[Move, QAction] = {
            move: self._action(text, self._trigger(move)) for move, text in titles.items()
        }
        self.edit_action = self._action(self.tr("Edit…"), self.edit)
        self.delete_action = self._action(
            self.tr("Delete…"), self.delete, QKeySequence.StandardKey.Delete
        )
        self.restore_action = self._action(self.tr("Restore"), self.restore)
        self.schedule_sign_off_action = self._action(
            self.tr("Sign off and schedule…"), self.sign_off_scheduled
        )
        self.reschedule_action = self._action(self.tr("Change publication time…"), self.reschedule)
        self.unschedule_action = self._action(
            self.tr("Cancel scheduled publication…"), self.unschedule
        )
        self.move_back_action = self._action(
            self.tr("Move to previous column"), lambda: self.step(-1), "Ctrl+Left"
        )
        self.move_on_action = self._action(
            self.tr("Move to next column"), lambda: self.step(1), "Ctrl+Right"
        )
        self.set_card(None)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the board has the focus: Delete in a text field deletes text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    def _trigger(self, move: Move) -> Callable[[], None]:
        def trigger() -> None:
            if self.card is not None:
                self.perform(move, self.card)

        return trigger

    # --- for menus ----------------------------------------------------------------------------

    def all_actions(self) -> list[QAction]:
        """Every action, for the page's shortcuts and the main window's menus."""
        return [
            self.new_proposal_action,
            *self.move_actions.values(),
            self.edit_action,
            self.delete_action,
            self.restore_action,
            *self.schedule_actions(),
            self.move_back_action,
            self.move_on_action,
        ]

    def card_actions(self) -> list[QAction | None]:
        """The actions that apply to the selected card, ``None`` between groups."""
        card = self.card
        if card is None:
            return [self.new_proposal_action]
        if card.proposal is None:
            moves = [self.move_actions[move] for move in ARTICLE_MOVES]
            scheduling = self.offered_scheduling(card)
            if self.schedule_sign_off_action in scheduling:
                at = moves.index(self.move_actions[Move.SIGN_OFF]) + 1
                moves.insert(at, self.schedule_sign_off_action)
            changes = [a for a in scheduling if a is not self.schedule_sign_off_action]
            return [*moves, *([None, *changes] if changes else [])]
        last = self.restore_action if is_deleted(card) else self.delete_action
        return [
            *(self.move_actions[move] for move in PROPOSAL_MOVES),
            None,
            self.edit_action,
            last,
        ]

    def schedule_actions(self) -> list[QAction]:
        return [self.schedule_sign_off_action, self.reschedule_action, self.unschedule_action]

    def offered_scheduling(self, card: Card | None) -> list[QAction]:
        """The 定时发布 actions to show for ``card``: none to whoever is no publisher of its
        channel; signing off with a time while it waits for sign-off, changing or cancelling
        the time while it is scheduled (neither once it is published)."""
        snapshot = self._snapshots.current
        channel = snapshot.channels.get(card.channel_id) if card and snapshot else None
        article = card.article if card else None
        if article is None or channel is None:
            return []
        if not self._session.actor.holds(Role.PUBLISHER, channel.id):
            return []
        if card is not None and card.publish_at is not None:
            return [self.reschedule_action, self.unschedule_action]
        if article.state in (ArticleState.IN_REVIEW, ArticleState.APPROVED):
            return [self.schedule_sign_off_action]
        return []

    def _scheduling_refusal(self, card: Card, channel: Channel) -> Refusal | None:
        """Why the scheduled article on ``card`` may not have its time changed or cancelled."""
        article = card.article
        if article is None or card.publish_at is None:
            return NOT_THIS_CARD
        return articles.may_schedule(self._session.actor, article, channel)

    def _schedule_sign_off_refusal(self, card: Card, channel: Channel) -> Refusal | None:
        """Signing off as a board can tell, then whether the signed-off article may be
        scheduled (a correction may not)."""
        article = card.article
        if article is None:
            return NOT_THIS_CARD
        actor = self._session.actor
        signed = dataclasses.replace(article, state=ArticleState.SIGNED_OFF)
        return MOVE_RULES[Move.SIGN_OFF].check(actor, card, channel) or articles.may_schedule(
            actor, signed, channel
        )

    # --- keeping the actions' state current ---------------------------------------------------

    def set_card(self, card: Card | None) -> None:
        """Enable what may be done with ``card`` now, with the core's reason on the others."""
        self.card = card
        snapshot = self._snapshots.current
        self._update_new_proposal(snapshot)
        channel = self._channel_or_refusal(card) if card else None
        actor = self._session.actor
        for move, action in self.move_actions.items():
            if card is None or channel is None:
                action.setEnabled(False)
                continue
            _set_state(
                action,
                channel
                if isinstance(channel, Refusal)
                else MOVE_RULES[move].check(actor, card, channel),
            )
        for edit, action in (
            (Edit.EDIT, self.edit_action),
            (Edit.DELETE, self.delete_action),
            (Edit.RESTORE, self.restore_action),
        ):
            if card is None or channel is None:
                action.setEnabled(False)
                continue
            _set_state(
                action,
                channel
                if isinstance(channel, Refusal)
                else rules.check_edit(actor, edit, card, channel),
            )
        for action, check in (
            (self.schedule_sign_off_action, self._schedule_sign_off_refusal),
            (self.reschedule_action, self._scheduling_refusal),
            (self.unschedule_action, self._scheduling_refusal),
        ):
            if card is None or channel is None:
                action.setEnabled(False)
                continue
            _set_state(action, channel if isinstance(channel, Refusal) else check(card, channel))
        for step, action in ((-1, self.move_back_action), (1, self.move_on_action)):
            target = rules.neighbour(card, step, self.shown_columns()) if card else None
            leads_to = MOVES[(card.column, target)] if card and target else None
            hint = self.move_actions[leads_to].text().rstrip("…") if leads_to else ""
            _set_state(action, None, hint)
            # Enabled whenever a card is selected: pressing the keys says why it cannot move.
            action.setEnabled(card is not None)

    def _update_new_proposal(self, snapshot: Snapshot | None) -> None:
        channels = list(snapshot.channels.values()) if snapshot else []
        refusals = [proposals.may_create(self._session.actor, c) for c in channels]
        if any(refusal is None for refusal in refusals) or not refusals:
            _set_state(self.new_proposal_action, None)
        else:
            _set_state(self.new_proposal_action, refusals[0])

    # --- moving cards -------------------------------------------------------------------------

    def refusal_to_move(self, card: Card, target: Column) -> Refusal | None:
        """Why ``card`` may not go to ``target`` now, or ``None`` if it may."""
        move = move_between(card.column, target)
        if isinstance(move, Refusal):
            return move
        channel = self._channel_or_refusal(card)
        if isinstance(channel, Refusal):
            return channel
        return MOVE_RULES[move].check(self._session.actor, card, channel)

    def move(self, card: Card, target: Column) -> bool:
        """Move ``card`` to ``target`` as a drag there asks; say why not if it may not go."""
        refusal = self.refusal_to_move(card, target)
        if refusal is not None:
            self._refused(refusal)
            return False
        move = MOVES[(card.column, target)]
        self.perform(move, card)
        return True

    def step(self, direction: int) -> None:
        """Ctrl+Left / Ctrl+Right: the selected card to the neighbouring column a move leads to."""
        card = self.card
        if card is None:
            return
        target = rules.neighbour(card, direction, self.shown_columns())
        if target is not None:
            self.move(card, target)
            return
        order = list(Column)
        at = order.index(card.column) + direction
        beside = move_between(card.column, order[at]) if 0 <= at < len(order) else None
        if isinstance(beside, Refusal):
            self._refused(beside)
        else:
            self.message.emit(
                self.tr("No shown column in that direction takes “{title}”.").format(
                    title=card.title
                ),
                Tone.WARNING,
            )

    def perform(self, move: Move, card: Card) -> None:
        """Carry out ``move`` on ``card``: check, ask for what it needs, apply."""
        channel = self._channel_or_refusal(card)
        rule = MOVE_RULES[move]
        refusal = (
            channel
            if isinstance(channel, Refusal)
            else rule.check(self._session.actor, card, channel)
        )
        if refusal is not None:
            self._refused(refusal)
            return
        done = self._done_text(move, card)
        if not rule.needs:
            self._apply(rule.kind, card.id, done)
        elif Need.REASON in rule.needs:
            self._ask_reason(rule.kind, card, done)
        elif Need.ASSIGNMENT in rule.needs:
            self._ask_assignment(rule.kind, card)
        elif Need.ARTICLE_ID in rule.needs:
            self._apply(rule.kind, card.id, done, article_id=new_id())
        elif Need.REVISION in rule.needs:
            self._submit_article(rule.kind, card, done)
        elif Need.DECISIONS in rule.needs:
            self._sign_off(rule.kind, card, done)
        elif Need.PUBLICATION in rule.needs:
            self.publishing().publish(card.id)

    def publishing(self) -> PublishingActions:
        """Publishing, made on first use: the publisher and its delivery are not needed to show
        the board."""
        from newsdesk.ui.published.actions import PublishingActions

        if self._publishing is None:
            self._publishing = PublishingActions(self._session, self._window)
            self._publishing.message.connect(self.message)
        return self._publishing

    def _done_text(self, move: Move, card: Card) -> str:
        target = next(
            (t for (s, t), m in MOVES.items() if s == card.column and m == move), card.column
        )
        return self.tr("Moved “{title}” to “{column}”.").format(
            title=card.title, column=translated(COLUMN_TITLES[target])
        )

    # The proposal dialogs are imported when opened: they load the mention completer's pinyin
    # dictionaries, which the board's first frame need not wait for.

    def _ask_reason(self, kind: Kind, card: Card, done: str) -> None:
        from newsdesk.ui.proposals.dialogs import ReturnDialog

        dialog = ReturnDialog(card.title, self._window)
        self._open(dialog, lambda: self._apply(kind, card.id, done, reason=dialog.reason()))

    def _ask_assignment(self, kind: Kind, card: Card) -> None:
        snapshot = self._snapshots.current
        proposal = card.proposal
        if snapshot is None or proposal is None:
            return
        from newsdesk.ui.proposals.dialogs import AssignDialog

        dialog = AssignDialog(snapshot, proposal, self._window, blobs=self._session.workspace.blobs)
        load_editors(self._session, snapshot, proposal.channel_id, dialog.set_editors)

        def assign() -> None:
            assignees = list(dialog.assignees())
            text = self.tr("Assigned “{title}” to {names}.").format(
                title=card.title, names=display.names([snapshot.name(a) for a in assignees])
            )
            self._apply(
                kind,
                card.id,
                text,
                assignees=assignees,
                due_date=dialog.due_date().isoformat(),
            )

        self._open(dialog, assign)

    def _submit_article(self, kind: Kind, card: Card, done: str) -> None:
        """The board holds articles without their bodies; the revision's hash needs the body."""
        article_id, topic, actor = card.id, card.topic, self._session.actor

        def loaded(article: Article | None) -> None:
            refusal = articles.may_submit(actor, article, topic) if article else NOT_THIS_CARD
            if refusal is not None or article is None:
                self._refused(refusal or NOT_THIS_CARD)
                return
            self._apply(
                kind,
                article.id,
                done,
                revision_id=new_id(),
                content_hash=articles.current_hash(article),
            )

        self._session.read(partial(reads.article, article_id=article_id), loaded)

    def _sign_off(
        self, kind: Kind, card: Card, done: str, publish_at: dt.datetime | None = None
    ) -> None:
        """Signing off needs every level's approval of the current revision, read from the
        database together with the article as it stands there. With ``publish_at`` the
        article goes out by itself at that time (定时发布)."""
        article_id, actor = card.id, self._session.actor
        snapshot = self._snapshots.current
        channel = snapshot.channels.get(card.channel_id) if snapshot else None

        def loaded(found: reads.ArticleContext | None) -> None:
            if found is None or channel is None:
                self._refused(NOT_THIS_CARD)
                return
            article = found.article
            refusal = check_sign_off(actor, article, channel, found.decisions)
            if refusal is not None:
                self._refused(refusal)
                return
            schedule: dict[str, Any] = (
                {} if publish_at is None else {"publish_at": publish_at.isoformat()}
            )
            self._apply(
                kind,
                article.id,
                done,
                sign_off_id=new_id(),
                revision_hash=article.revision_hash,
                **schedule,
            )

        self._session.read(partial(reads.article_context, article_id=article_id), loaded)

    # --- scheduled publishing (定时发布) -------------------------------------------------------

    def _channel_or_refusal(self, card: Card) -> Channel | Refusal:
        """The channel of ``card``, or why nothing may be done with it (yet)."""
        snapshot = self._snapshots.current
        if snapshot is None:
            return STILL_LOADING
        return snapshot.channels.get(card.channel_id) or NOT_THIS_CARD

    def sign_off_scheduled(self) -> None:
        """Sign the selected card off to be published by itself at a time picked in a dialog."""
        card = self.card
        if card is None:
            return
        channel = self._channel_or_refusal(card)
        refusal = (
            channel
            if isinstance(channel, Refusal)
            else self._schedule_sign_off_refusal(card, channel)
        )
        if refusal is not None:
            self._refused(refusal)
            return
        dialog = PublishTimeDialog(
            self.tr("Sign off and schedule"),
            self.tr("Sign off “{title}” and publish it by itself at:").format(title=card.title),
            self.tr("Sign off and schedule"),
            self._window,
        )

        def chosen() -> None:
            at = dialog.publish_at()
            done = self.tr("Signed off “{title}”; it will be published at {time}.").format(
                title=card.title, time=publish_time_text(at)
            )
            self._sign_off(Kind.ARTICLE_SIGN_OFF, card, done, at)

        self._open(dialog, chosen)

    def reschedule(self) -> None:
        """Pick another publication time for the selected scheduled card."""
        card = self.card
        if card is None:
            return
        channel = self._channel_or_refusal(card)
        refusal = (
            channel if isinstance(channel, Refusal) else self._scheduling_refusal(card, channel)
        )
        if refusal is not None:
            self._refused(refusal)
            return
        dialog = PublishTimeDialog(
            self.tr("Change publication time"),
            self.tr("Publish “{title}” by itself at:").format(title=card.title),
            self.tr("Change time"),
            self._window,
            current=card.publish_at,
        )

        def chosen() -> None:
            at = dialog.publish_at()
            done = self.tr("“{title}” will be published at {time}.").format(
                title=card.title, time=publish_time_text(at)
            )
            self._apply(Kind.ARTICLE_SCHEDULE, card.id, done, publish_at=at.isoformat())

        self._open(dialog, chosen)

    def unschedule(self) -> None:
        """Cancel the selected card's publication time, once confirmed: it stays signed off."""
        card = self.card
        if card is None or card.publish_at is None:
            return
        channel = self._channel_or_refusal(card)
        refusal = (
            channel if isinstance(channel, Refusal) else self._scheduling_refusal(card, channel)
        )
        if refusal is not None:
            self._refused(refusal)
            return
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel scheduled publication"))
        box.setText(
            self.tr("Cancel the publication of “{title}” at {time}?").format(
                title=card.title, time=publish_time_text(card.publish_at)
            )
        )
        box.setInformativeText(
            self.tr("It stays signed off: publish it by hand, or schedule it again.")
        )
        box.addButton(self.tr("Cancel scheduled publication"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep the time"), QMessageBox.ButtonRole.RejectRole)
        done = self.tr("“{title}” is no longer scheduled; it stays signed off.").format(
            title=card.title
        )
        self._open(box, lambda: self._apply(Kind.ARTICLE_UNSCHEDULE, card.id, done))

    # --- the other actions --------------------------------------------------------------------

    def new_proposal(self) -> None:
        snapshot = self._snapshots.current
        if snapshot is None:
            return
        from newsdesk.ui.proposals.dialogs import ProposalEditor

        editor = ProposalEditor(self._session, snapshot, None, self._window)
        editor.saved.connect(self.proposal_created)
        self._open(editor, None)

    def edit(self) -> None:
        snapshot = self._snapshots.current
        card = self.card
        if snapshot is None or card is None or card.proposal is None:
            return
        if refusal := self._edit_refusal(Edit.EDIT, card):
            self._refused(refusal)
            return
        from newsdesk.ui.proposals.dialogs import ProposalEditor

        self._open(ProposalEditor(self._session, snapshot, card.proposal, self._window), None)

    def delete(self) -> None:
        card = self.card
        if card is None or card.proposal is None:
            return
        if refusal := self._edit_refusal(Edit.DELETE, card):
            self._refused(refusal)
            return
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete proposal"))
        box.setText(self.tr("Delete “{title}”?").format(title=card.title))
        box.setInformativeText(self.tr("You can restore it later with “Show deleted”."))
        box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        done = self.tr("Deleted “{title}”. Turn on “Show deleted” to restore it.").format(
            title=card.title
        )
        version = card.proposal.row_version
        self._open(
            box, lambda: self._apply(Kind.PROPOSAL_DELETE, card.id, done, base_version=version)
        )

    def restore(self) -> None:
        card = self.card
        if card is None or card.proposal is None:
            return
        if refusal := self._edit_refusal(Edit.RESTORE, card):
            self._refused(refusal)
            return
        done = self.tr("Restored “{title}”.").format(title=card.title)
        self._apply(Kind.PROPOSAL_RESTORE, card.id, done)

    def _edit_refusal(self, edit: Edit, card: Card) -> Refusal | None:
        channel = self._channel_or_refusal(card)
        if isinstance(channel, Refusal):
            return channel
        return rules.check_edit(self._session.actor, edit, card, channel)

    # --- plumbing -----------------------------------------------------------------------------

    def _open(self, dialog: QDialog, accepted: Callable[[], object] | None) -> None:
        """Open ``dialog`` window-modal without blocking; go on when it is accepted."""
        if accepted is not None:
            dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _apply(self, kind: Kind, entity: str, done: str, **args: Any) -> None:
        def applied(results: list[Applied]) -> None:
            refusals = [a.outcome for a in results if isinstance(a.outcome, Refusal)]
            if refusals:
                self._refused(refusals[0])
            else:
                self.message.emit(done, Tone.INFO)

        self._session.apply([self._session.mutation(kind, entity, **args)], applied, self)

    def _refused(self, refusal: Refusal) -> None:
        self.message.emit(translated(refusal.message), Tone.ERROR)
