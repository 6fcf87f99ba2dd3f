"""What the domain core says about acting on a card, asked from the board's in-memory values.

The board asks before it writes, so a refusal is shown at once (and menu items are disabled
with the reason); the store asks the same functions again when the change is applied. The
board holds no review decisions: an approved article has every level's approval of its current
revision, so that part of the sign-off check is left to the store (and to :func:`check_sign_off`
with the decisions read from the database).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum

from newsdesk.core import articles, proposals
from newsdesk.core.actor import Actor
from newsdesk.core.board import MOVES, Column, Move, column_of
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.model import Article, Channel, Proposal, ProposalState, ReviewDecision
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.store.queries import Card, Snapshot


class Edit(StrEnum):
    """Actions on a proposal card that are not moves between columns."""

    EDIT = "edit"
    DELETE = "delete"
    RESTORE = "restore"


PROPOSAL_MOVES = (Move.SUBMIT_PROPOSAL, Move.SELECT, Move.RETURN, Move.ASSIGN, Move.START)
ARTICLE_MOVES = (Move.SUBMIT_ARTICLE, Move.WITHDRAW, Move.SIGN_OFF, Move.PUBLISH)

NOT_THIS_CARD = refuse(
    RefusalCode.WRONG_STATE,
    QT_TRANSLATE_NOOP("Refusal", "That does not apply to this card."),
)


def deleted_column(proposal: Proposal) -> Column | None:
    """Where a deleted proposal stood, which is where it is shown while deleted cards are."""
    return column_of(replace(proposal, state=proposal.deleted_from or ProposalState.DRAFT))


def restorable_cards(actor: Actor, snapshot: Snapshot) -> list[Card]:
    """Deleted proposals ``actor`` may restore, as cards in the column they were deleted from."""
    cards = []
    for proposal in snapshot.topics:
        channel = snapshot.channels.get(proposal.channel_id)
        if proposal.state != ProposalState.DELETED or channel is None:
            continue
        column = deleted_column(proposal)
        if column is not None and proposals.may_restore(actor, proposal, channel) is None:
            cards.append(Card(column, proposal=proposal))
    return cards


def check_publish(actor: Actor, article: Article, channel: Channel) -> Refusal | None:
    """``may_publish`` as far as the board can tell: who and which state (the approvals and
    the sign-off record are the store's to check when the article is published)."""
    refusal = articles.may_publish(actor, article, channel, (), None)
    if refusal and refusal.code == RefusalCode.INCOMPLETE_REVIEW:
        return None
    return refusal


def check_sign_off(
    actor: Actor, article: Article, channel: Channel, decisions: Sequence[ReviewDecision] | None
) -> Refusal | None:
    """``may_sign_off``; with ``decisions=None`` (not read yet) only who and which state."""
    refusal = articles.may_sign_off(actor, article, channel, decisions or ())
    if decisions is None and refusal and refusal.code == RefusalCode.INCOMPLETE_REVIEW:
        return None
    return refusal


def check_move(actor: Actor, move: Move, card: Card, channel: Channel) -> Refusal | None:
    """``None`` when ``actor`` may make ``move`` with ``card`` now, else the core's reason."""
    proposal, article = card.proposal, card.article
    if proposal is not None and move in PROPOSAL_MOVES:
        if move == Move.SUBMIT_PROPOSAL:
            return proposals.may_submit(actor, proposal)
        if move == Move.SELECT:
            return proposals.may_select(actor, proposal, channel)
        if move == Move.RETURN:
            return proposals.may_return(actor, proposal, channel)
        if move == Move.ASSIGN:
            return proposals.may_assign(actor, proposal, channel)
        return proposals.may_start(actor, proposal)
    if article is not None and move in ARTICLE_MOVES:
        if move == Move.SUBMIT_ARTICLE:
            return articles.may_submit(actor, article, card.topic)
        if move == Move.WITHDRAW:
            # While the first level has not decided the article still waits at level 1: any
            # level-one decision on the current revision would have moved it on or back.
            return articles.may_withdraw(actor, article, card.topic, ())
        if move == Move.PUBLISH:
            return check_publish(actor, article, channel)
        return check_sign_off(actor, article, channel, None)
    return NOT_THIS_CARD


def check_edit(actor: Actor, edit: Edit, card: Card, channel: Channel) -> Refusal | None:
    proposal = card.proposal
    if proposal is None:
        return NOT_THIS_CARD
    if edit == Edit.EDIT:
        return proposals.may_edit(actor, proposal, channel)
    if edit == Edit.DELETE:
        return proposals.may_delete(actor, proposal, channel)
    return proposals.may_restore(actor, proposal, channel)


def neighbour(card: Card, step: int, shown: Sequence[Column]) -> Column | None:
    """The column Ctrl+Left (``step=-1``) or Ctrl+Right (``step=1``) sends ``card`` to.

    The nearest shown column in that direction that a move leads to; going right never means
    returning a proposal, because the Returned column stands between Submitted and the topic
    library (returning is Ctrl+Left from the topic library, or the Return… action).
    """
    order = list(Column)
    start = order.index(card.column)
    candidates = order[start + 1 :] if step > 0 else order[:start][::-1]
    for column in candidates:
        move = MOVES.get((card.column, column))
        if column in shown and move is not None and not (step > 0 and move == Move.RETURN):
            return column
    return None
