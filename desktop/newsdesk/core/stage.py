"""Where a topic really stands: the proposal's state until writing starts, then its article's.

"In progress" says little to a chief planning the day; "in review at 复审" or "signed off" says
what happens next and who holds it. The topic library, My tasks and the board's counts use
these, and :func:`is_overdue` for the red mark: a topic is overdue while its due date has passed
and nothing is left to wait for (signed off, published or done).
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.labels import label
from newsdesk.core.model import Article, ArticleState, Proposal, ProposalState, Role

_FINISHED = (ArticleState.SIGNED_OFF, ArticleState.PUBLISHED)


def _message(source: str, **params: object) -> Message:
    return Message("Stage", source, MappingProxyType(params))


def topic_stage(topic: Proposal, article: Article | None) -> Message:
    """The stage a topic is at, in words: its article's when there is one."""
    if article is None or topic.state in (ProposalState.DELETED, ProposalState.RETURNED):
        if topic.state == ProposalState.IN_PROGRESS:
            return _message(QT_TRANSLATE_NOOP("Stage", "Writing"))
        return label(topic.state)
    state = article.state
    if state == ArticleState.DRAFT:
        if article.revision_number > 0:
            return _message(
                QT_TRANSLATE_NOOP("Stage", "Being revised (revision {number})"),
                number=article.revision_number,
            )
        return _message(QT_TRANSLATE_NOOP("Stage", "Writing"))
    if state == ArticleState.IN_REVIEW:
        return _message(
            QT_TRANSLATE_NOOP("Stage", "In review: {level}"),
            level=label(Role.reviewer(max(1, min(3, article.review_level)))),
        )
    if state == ArticleState.APPROVED:
        return _message(QT_TRANSLATE_NOOP("Stage", "Approved, waiting for sign-off"))
    return label(state)


def is_finished(topic: Proposal, article: Article | None) -> bool:
    """Nothing is left to wait for: signed off, published or done."""
    return topic.state == ProposalState.DONE or (article is not None and article.state in _FINISHED)


def is_overdue(topic: Proposal, article: Article | None, today: dt.date) -> bool:
    due = topic.due_date
    return (
        due is not None
        and due < today
        and topic.state in (ProposalState.ASSIGNED, ProposalState.IN_PROGRESS)
        and not is_finished(topic, article)
    )
