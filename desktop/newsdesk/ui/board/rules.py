"""What the domain core says about a card beyond its moves (:data:`newsdesk.core.board.MOVE_RULES`
says what each move makes and who may make it): editing, deleting and restoring a proposal, the
deleted cards, and the column a keyboard move leads to. Asked from the board's in-memory values
before anything is written; the store asks the same functions again when a change is applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum

from newsdesk.core import proposals
from newsdesk.core.actor import Actor
from newsdesk.core.board import MOVES, NOT_THIS_CARD, Card, Column, Move, Snapshot, column_of
from newsdesk.core.model import Channel, Proposal, ProposalState
from newsdesk.core.refusal import Refusal


class Edit(StrEnum):
    """Actions on a proposal card that are not moves between columns."""

    EDIT = "edit"
    DELETE = "delete"
    RESTORE = "restore"


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
