"""What waits on one person, counted from the board's snapshot: topics assigned to them and not
started, their proposals and articles that came back to them, articles waiting on a review
level (or the sign-off) they hold, and proposals waiting for a chief to select them. My tasks
and the board show these numbers, so nobody hunts."""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.core.actor import Actor
from newsdesk.core.board import Snapshot
from newsdesk.core.model import ArticleState, ProposalState, Role


@dataclass(frozen=True)
class NeedsMe:
    assigned: int  # topics assigned to me that I have not started
    returned: int  # my proposals returned, my articles back from review
    to_review: int  # articles at a review level I hold, or approved where I sign off
    to_select: int = 0  # proposals submitted in channels I am chief of

    @property
    def total(self) -> int:
        return self.assigned + self.returned + self.to_review + self.to_select

    @property
    def tasks(self) -> int:
        """What the My tasks page holds for me: assignments to start and work sent back."""
        return self.assigned + self.returned


def needs_me(snapshot: Snapshot, actor: Actor) -> NeedsMe:
    me = actor.id
    assigned = sum(
        1 for t in snapshot.topics if t.state == ProposalState.ASSIGNED and me in t.assignees
    )
    returned = to_review = to_select = 0
    for card in snapshot.cards:
        proposal, article, topic = card.proposal, card.article, card.topic
        if proposal is not None:
            returned += proposal.state == ProposalState.RETURNED and proposal.proposer_id == me
            to_select += proposal.state == ProposalState.SUBMITTED and actor.holds(
                Role.CHIEF, proposal.channel_id
            )
            continue
        if article is None:
            continue
        mine = article.owner_id == me or (topic is not None and me in topic.assignees)
        if article.state == ArticleState.DRAFT and article.revision_number > 0 and mine:
            returned += 1
        else:
            to_review += _waits_on(actor, article.state, article.review_level, article.channel_id)
    return NeedsMe(assigned, returned, to_review, to_select)


def _waits_on(actor: Actor, state: ArticleState, level: int, channel_id: str) -> bool:
    if state == ArticleState.IN_REVIEW:
        return actor.holds(Role.reviewer(level), channel_id)
    return state == ArticleState.APPROVED and actor.holds(Role.PUBLISHER, channel_id)
