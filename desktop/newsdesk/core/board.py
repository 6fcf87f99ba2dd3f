"""The kanban board: which column each proposal or article stands in, the cards and snapshot a
board shows, and what moving a card from one column to another means.

A topic that is being written is shown by its article, so each story has one card at a time.
:data:`MOVE_RULES` says, per move, which mutation it makes, what it needs besides the card, and
which rule of the core decides whether the actor may make it; the board's menus, drags and
keyboard moves all ask it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from newsdesk.core import articles, proposals
from newsdesk.core.actor import Actor
from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.model import (
    Article,
    ArticleState,
    Channel,
    Priority,
    Proposal,
    ProposalState,
    ReviewDecision,
    User,
)
from newsdesk.core.mutation import Kind
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

PROPOSAL_COLUMNS = {
    ProposalState.DRAFT: Column.DRAFT,
    ProposalState.SUBMITTED: Column.SUBMITTED,
    ProposalState.RETURNED: Column.RETURNED,
    ProposalState.SELECTED: Column.SELECTED,
    ProposalState.ASSIGNED: Column.ASSIGNED,
}
ARTICLE_COLUMNS = {
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
        return PROPOSAL_COLUMNS.get(item.state)
    return ARTICLE_COLUMNS.get(item.state)


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


@dataclass(frozen=True)
class Card:
    """One story on the board: a proposal, or an article (with the topic it was written for).

    The article carries no ``body_html``: the board never shows it, and bodies can be large.
    """

    column: Column
    proposal: Proposal | None = None
    article: Article | None = None
    topic: Proposal | None = None

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def item(self) -> Proposal | Article:
        if self.proposal is not None:
            return self.proposal
        assert self.article is not None, "a card holds a proposal or an article"
        return self.article

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def channel_id(self) -> str:
        return self.item.channel_id

    @property
    def updated_at(self) -> dt.datetime:
        return self.item.updated_at

    @property
    def publish_at(self) -> dt.datetime | None:
        """When the signed-off article goes out by itself (定时发布), or ``None``. Read with
        the article's other columns in the board's one query: no card asks the store alone."""
        article = self.article
        if article is None or article.state != ArticleState.SIGNED_OFF:
            return None
        return article.publish_at

    @property
    def assignment(self) -> Proposal | None:
        """The topic whose assignment (editors, due date) this card carries, if any."""
        return self.topic or (self.proposal if self.proposal and self.proposal.assignees else None)

    @property
    def due_date(self) -> dt.date | None:
        topic = self.assignment
        return topic.due_date if topic else None

    @property
    def priority(self) -> Priority:
        source = self.proposal or self.topic
        return source.priority if source else Priority.NORMAL

    @property
    def materials(self) -> int:
        source = self.proposal or self.topic
        return len(source.materials) if source else 0

    def person_ids(self) -> tuple[str, ...]:
        """Who the card is about: assignees of a topic, else the proposer or the article's owner."""
        topic = self.assignment
        if topic is not None:
            return topic.assignees
        item = self.item
        return (item.proposer_id,) if isinstance(item, Proposal) else (item.owner_id,)


def is_overdue(card: Card, today: dt.date) -> bool:
    """Due before today and not yet out of the door."""
    due = card.due_date
    return due is not None and due < today and card.column != Column.PUBLISHED


def sort_key(card: Card, today: dt.date) -> tuple[Any, ...]:
    """Overdue first, then by due date (undated last), priority (high first), most recently
    updated; the id keeps the order total, so equal cards never swap places between loads."""
    due = card.due_date
    return (
        not is_overdue(card, today),
        due is None,
        due or dt.date.max,
        -card.priority,
        -card.updated_at.timestamp(),
        card.id,
    )


@dataclass(frozen=True)
class Snapshot:
    """Everything the board and its pages show to one user, as of one moment."""

    cards: tuple[Card, ...]
    topics: tuple[Proposal, ...]  # selected, assigned, being written, done and deleted topics
    channels: Mapping[str, Channel]
    users: Mapping[str, User]
    totals: Mapping[Column, int] | None = None
    """``None``: every card is here. Otherwise this is a board's first screen: only the first
    cards of each column in :func:`sort_key`'s order (no topics), and how many each column has."""

    def name(self, user_id: str) -> str:
        user = self.users.get(user_id)
        return user.name if user else "?"

    @cached_property
    def names(self) -> Mapping[str, str]:
        """Each user's current name by id, to show the @mentions in notes with."""
        return {user_id: user.name for user_id, user in self.users.items()}


# --- what each move makes ------------------------------------------------------------------------


class Need(StrEnum):
    """What a move needs besides the card and the actor, asked of the user or read first."""

    REASON = "reason"  # why a proposal goes back (the user writes it)
    ASSIGNMENT = "assignment"  # the editors and the due date (the user picks them)
    ARTICLE_ID = "article_id"  # a new id for the article the topic starts
    REVISION = "revision"  # the article's body, read, to name the revision submitted
    DECISIONS = "decisions"  # every level's decision on the current revision, read
    PUBLICATION = "publication"  # the publishing settings and a confirmation (its own dialog)


NOT_THIS_CARD = refuse(
    RefusalCode.WRONG_STATE,
    QT_TRANSLATE_NOOP("Refusal", "That does not apply to this card."),
)
STILL_LOADING = refuse(
    RefusalCode.LOADING,
    QT_TRANSLATE_NOOP("Refusal", "The board is still loading its cards: try again in a moment."),
)
"""While only the board's first screen is shown: what a card may do is decided on the whole."""


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


ProposalCheck = Callable[[Actor, Proposal, Channel], Refusal | None]
ArticleCheck = Callable[[Actor, Article, Proposal | None, Channel], Refusal | None]


@dataclass(frozen=True)
class MoveRule:
    """What a move makes (the mutation ``kind``), what it ``needs``, and who may make it: the
    core's check for a proposal card or for an article card (the other card kind cannot)."""

    kind: Kind
    needs: frozenset[Need] = frozenset()
    proposal: ProposalCheck | None = None
    article: ArticleCheck | None = None

    def check(self, actor: Actor, card: Card, channel: Channel) -> Refusal | None:
        """``None`` when ``actor`` may make the move with ``card`` now, else the core's reason
        (as far as the board's values tell: see :func:`check_publish`, :func:`check_sign_off`)."""
        if card.proposal is not None and self.proposal is not None:
            return self.proposal(actor, card.proposal, channel)
        if card.article is not None and self.article is not None:
            return self.article(actor, card.article, card.topic, channel)
        return NOT_THIS_CARD


MOVE_RULES: Mapping[Move, MoveRule] = {
    Move.SUBMIT_PROPOSAL: MoveRule(
        Kind.PROPOSAL_SUBMIT, proposal=lambda actor, p, _c: proposals.may_submit(actor, p)
    ),
    Move.SELECT: MoveRule(Kind.PROPOSAL_SELECT, proposal=proposals.may_select),
    Move.RETURN: MoveRule(
        Kind.PROPOSAL_RETURN, frozenset({Need.REASON}), proposal=proposals.may_return
    ),
    Move.ASSIGN: MoveRule(
        Kind.PROPOSAL_ASSIGN, frozenset({Need.ASSIGNMENT}), proposal=proposals.may_assign
    ),
    Move.START: MoveRule(
        Kind.TOPIC_START,
        frozenset({Need.ARTICLE_ID}),
        proposal=lambda actor, p, _c: proposals.may_start(actor, p),
    ),
    Move.SUBMIT_ARTICLE: MoveRule(
        Kind.ARTICLE_SUBMIT,
        frozenset({Need.REVISION}),
        article=lambda actor, a, topic, _c: articles.may_submit(actor, a, topic),
    ),
    # While the first level has not decided the article still waits at level 1: any level-one
    # decision on the current revision would have moved it on or back.
    Move.WITHDRAW: MoveRule(
        Kind.ARTICLE_WITHDRAW,
        article=lambda actor, a, topic, _c: articles.may_withdraw(actor, a, topic, ()),
    ),
    Move.SIGN_OFF: MoveRule(
        Kind.ARTICLE_SIGN_OFF,
        frozenset({Need.DECISIONS}),
        article=lambda actor, a, _t, c: check_sign_off(actor, a, c, None),
    ),
    Move.PUBLISH: MoveRule(
        Kind.ARTICLE_PUBLISH,
        frozenset({Need.PUBLICATION}),
        article=lambda actor, a, _t, c: check_publish(actor, a, c),
    ),
}
"""Per move: the mutation it makes, what it needs, and the core's check."""

PROPOSAL_MOVES: Sequence[Move] = tuple(m for m, r in MOVE_RULES.items() if r.proposal)
ARTICLE_MOVES: Sequence[Move] = tuple(m for m, r in MOVE_RULES.items() if r.article)
