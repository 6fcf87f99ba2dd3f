"""The kanban board: which column each proposal or article stands in, and what moving a card
from one column to another means.

A topic that is being written is shown by its article, so each story has one card at a time.
"""

from __future__ import annotations

from enum import StrEnum

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.model import Article, ArticleState, Proposal, ProposalState
from newsdesk.core.refusal import Refusal, RefusalCode, refuse


class Column(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    SELECTED = "selected"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    IN_REVIEW = "in_review"
    SIGNED_OFF = "signed_off"
    PUBLISHED = "published"


COLUMN_TITLES: dict[Column, Message] = {
    column: Message("Board", title)
    for column, title in (
        (Column.DRAFT, QT_TRANSLATE_NOOP("Board", "Draft")),
        (Column.SUBMITTED, QT_TRANSLATE_NOOP("Board", "Submitted")),
        (Column.RETURNED, QT_TRANSLATE_NOOP("Board", "Returned")),
        (Column.SELECTED, QT_TRANSLATE_NOOP("Board", "Topic library")),
        (Column.ASSIGNED, QT_TRANSLATE_NOOP("Board", "Assigned")),
        (Column.IN_PROGRESS, QT_TRANSLATE_NOOP("Board", "In progress")),
        (Column.IN_REVIEW, QT_TRANSLATE_NOOP("Board", "In review")),
        (Column.SIGNED_OFF, QT_TRANSLATE_NOOP("Board", "Signed off")),
        (Column.PUBLISHED, QT_TRANSLATE_NOOP("Board", "Published")),
    )
}

_PROPOSAL_COLUMNS = {
    ProposalState.DRAFT: Column.DRAFT,
    ProposalState.SUBMITTED: Column.SUBMITTED,
    ProposalState.RETURNED: Column.RETURNED,
    ProposalState.SELECTED: Column.SELECTED,
    ProposalState.ASSIGNED: Column.ASSIGNED,
}
_ARTICLE_COLUMNS = {
    ArticleState.DRAFT: Column.IN_PROGRESS,
    ArticleState.IN_REVIEW: Column.IN_REVIEW,
    ArticleState.APPROVED: Column.IN_REVIEW,
    ArticleState.SIGNED_OFF: Column.SIGNED_OFF,
    ArticleState.PUBLISHED: Column.PUBLISHED,
}


def column_of(item: Proposal | Article) -> Column | None:
    """The column ``item`` stands in, or ``None`` when it is not on the board (deleted,
    rejected, retracted, or a topic shown by its article)."""
    if isinstance(item, Proposal):
        return _PROPOSAL_COLUMNS.get(item.state)
    return _ARTICLE_COLUMNS.get(item.state)


class Move(StrEnum):
    """What dragging a card from one column to another asks for."""

    SUBMIT_PROPOSAL = "submit_proposal"
    SELECT = "select"
    RETURN = "return"  # asks for a reason
    ASSIGN = "assign"  # asks for editors and a due date
    START = "start"
    SUBMIT_ARTICLE = "submit_article"
    WITHDRAW = "withdraw"
    SIGN_OFF = "sign_off"
    PUBLISH = "publish"


MOVES: dict[tuple[Column, Column], Move] = {
    (Column.DRAFT, Column.SUBMITTED): Move.SUBMIT_PROPOSAL,
    (Column.RETURNED, Column.SUBMITTED): Move.SUBMIT_PROPOSAL,
    (Column.SUBMITTED, Column.SELECTED): Move.SELECT,
    (Column.SUBMITTED, Column.RETURNED): Move.RETURN,
    (Column.SELECTED, Column.RETURNED): Move.RETURN,
    (Column.SELECTED, Column.ASSIGNED): Move.ASSIGN,
    (Column.ASSIGNED, Column.IN_PROGRESS): Move.START,
    (Column.IN_PROGRESS, Column.IN_REVIEW): Move.SUBMIT_ARTICLE,
    (Column.IN_REVIEW, Column.IN_PROGRESS): Move.WITHDRAW,
    (Column.IN_REVIEW, Column.SIGNED_OFF): Move.SIGN_OFF,
    (Column.SIGNED_OFF, Column.PUBLISHED): Move.PUBLISH,
}


def move_between(source: Column, target: Column) -> Move | Refusal:
    """The move a drag from ``source`` to ``target`` means, or why there is none."""
    move = MOVES.get((source, target))
    if move is not None:
        return move
    return refuse(
        RefusalCode.WRONG_STATE,
        QT_TRANSLATE_NOOP("Refusal", "A card cannot go from “{source}” to “{target}”."),
        source=COLUMN_TITLES[source],
        target=COLUMN_TITLES[target],
    )
