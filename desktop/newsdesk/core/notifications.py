"""Notifications: what concerns one person, derived from the rows every desktop already syncs.

There is no separate notification channel that could disagree with the board. Each accepted
mutation leaves its trace in the synced rows (a proposal returned with its reason, a review
decision with its comment and anchors, a retraction, a lead), and :func:`derive` reads those
traces back as notifications for one person. So they work offline and after a restart, and
two desktops of the same person derive the same list.

A notification's id is stable: it names the trace it comes from (the decision, the proposal
and its return reason, the due date), so "read" can be remembered by id. What a user has read
is one synced row per user (:class:`~newsdesk.core.model.NotificationReads`): everything up to
a time, plus the ids read one by one since; marking read only ever adds, so two desktops
marking offline merge by union.

A new lead is news for those who follow its source (:class:`~newsdesk.core.model.SourceFollows`,
another per-user synced row), whatever their roles in its channel; someone who follows no
source hears of the leads of the channels where they are editor or chief (:func:`_follows`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from newsdesk.core.actor import Actor
from newsdesk.core.context import Context, evolve
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.mentions import mentioned, render
from newsdesk.core.model import (
    MAX_READ_IDS,
    Article,
    ArticleState,
    Lead,
    NotificationReads,
    Proposal,
    ProposalState,
    Publication,
    ReviewDecision,
    Role,
    User,
    Verdict,
)
from newsdesk.core.refusal import RefusalCode, refuse
from newsdesk.core.world import Changes, Outcome

KEPT_DAYS = 30  # older notifications are dropped from the list
LEAD_DAYS = 2  # a lead is news for this long
SHOWN = 200


class NoticeKind(StrEnum):
    """The kinds a user can turn off one by one."""

    ASSIGNED = "assigned"
    PROPOSAL = "proposal"  # my proposal selected or returned
    REVIEW = "review"  # my article approved, returned or rejected at a level
    WAITING = "waiting"  # an item waits on my review level or my sign-off
    COMMENT = "comment"  # a comment anchored in my article
    CORRECTION = "correction"  # my piece corrected or retracted
    DUE = "due"  # due tomorrow or passed
    LEAD = "lead"  # a repost lead from a source I follow, else in one of my channels
    MENTION = "mention"  # someone @mentioned me


STANDING = frozenset({NoticeKind.WAITING, NoticeKind.DUE})
"""Kinds that stay, however old, while they hold: the item still waits, the work is still due."""


class Event(StrEnum):
    ASSIGNED = "assigned"
    SELECTED = "selected"
    PROPOSAL_RETURNED = "proposal_returned"
    APPROVED = "approved"
    RETURNED = "returned"
    REJECTED = "rejected"
    TO_REVIEW = "to_review"
    TO_SIGN = "to_sign"
    ANCHORED = "anchored"
    CORRECTED = "corrected"
    RETRACTED = "retracted"
    DUE_TOMORROW = "due_tomorrow"
    OVERDUE = "overdue"
    LEAD = "lead"
    MENTIONED = "mentioned"


KIND_OF: dict[Event, NoticeKind] = {
    Event.ASSIGNED: NoticeKind.ASSIGNED,
    Event.SELECTED: NoticeKind.PROPOSAL,
    Event.PROPOSAL_RETURNED: NoticeKind.PROPOSAL,
    Event.APPROVED: NoticeKind.REVIEW,
    Event.RETURNED: NoticeKind.REVIEW,
    Event.REJECTED: NoticeKind.REVIEW,
    Event.TO_REVIEW: NoticeKind.WAITING,
    Event.TO_SIGN: NoticeKind.WAITING,
    Event.ANCHORED: NoticeKind.COMMENT,
    Event.CORRECTED: NoticeKind.CORRECTION,
    Event.RETRACTED: NoticeKind.CORRECTION,
    Event.DUE_TOMORROW: NoticeKind.DUE,
    Event.OVERDUE: NoticeKind.DUE,
    Event.LEAD: NoticeKind.LEAD,
    Event.MENTIONED: NoticeKind.MENTION,
}


class Subject(StrEnum):
    """What "open" shows: the proposal or topic, the article, or the lead."""

    PROPOSAL = "proposal"
    ARTICLE = "article"
    LEAD = "lead"


@dataclass(frozen=True)
class Notification:
    id: str  # stable: names the trace it was derived from
    event: Event
    at: dt.datetime
    subject: Subject
    subject_id: str
    title: str  # the proposal's, article's or lead's
    actor_id: str | None = None  # who did it, when known
    detail: str = ""  # the reason, the comment, the quote
    level: int = 0  # the review level, for decisions and waiting items

    @property
    def kind(self) -> NoticeKind:
        return KIND_OF[self.event]


@dataclass(frozen=True)
class Traces:
    """The synced rows a person's notifications are derived from (what they may see)."""

    proposals: Sequence[Proposal] = ()
    articles: Sequence[Article] = ()
    decisions: Sequence[ReviewDecision] = ()
    publications: Sequence[Publication] = ()
    leads: Sequence[Lead] = ()
    users: Sequence[User] = ()
    followed: frozenset[str] = frozenset()  # the ids of the sources the person follows


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def derive(traces: Traces, me: Actor, now: dt.datetime) -> list[Notification]:
    """Every notification for ``me`` in ``traces``, newest first: at most :data:`SHOWN`, none
    older than :data:`KEPT_DAYS` (``now`` is aware and in the user's zone: it says which day
    is tomorrow). Nothing ``me`` did themselves notifies them."""
    found: list[Notification] = []
    found += _from_proposals(traces.proposals, me, now)
    articles = {a.id: a for a in traces.articles}
    assigned = {p.id for p in traces.proposals if me.id in p.assignees}
    mine = {a.id for a in traces.articles if a.owner_id == me.id or a.topic_id in assigned}
    found += _from_decisions(traces.decisions, articles, mine)
    found += _from_articles(traces.articles, mine, me)
    found += _from_publications(traces.publications, articles, mine)
    found += _from_leads(traces.leads, traces.followed, me, now)
    found += _mentions(traces, articles, me.id)
    oldest = now - dt.timedelta(days=KEPT_DAYS)
    names = {u.id: u.name for u in traces.users}
    unique = {
        n.id: replace(n, detail=render(n.detail, names))
        for n in found
        if (n.at >= oldest or n.kind in STANDING) and n.actor_id != me.id
    }
    return sorted(unique.values(), key=lambda n: (n.at, n.id), reverse=True)[:SHOWN]


def _from_proposals(
    proposals: Iterable[Proposal], me: Actor, now: dt.datetime
) -> Iterable[Notification]:
    working = (ProposalState.ASSIGNED, ProposalState.IN_PROGRESS)
    taken = (ProposalState.SELECTED, *working, ProposalState.DONE)
    for p in proposals:
        if p.proposer_id == me.id and p.state == ProposalState.RETURNED:
            yield Notification(
                f"pr-{p.id}-{_digest(p.return_reason)}",
                Event.PROPOSAL_RETURNED,
                p.updated_at,
                Subject.PROPOSAL,
                p.id,
                p.title,
                p.returned_by,
                p.return_reason,
            )
        if p.proposer_id == me.id and p.state in taken:
            yield Notification(
                f"ps-{p.id}", Event.SELECTED, p.updated_at, Subject.PROPOSAL, p.id, p.title
            )
        if me.id not in p.assignees or p.state not in (*working, ProposalState.DONE):
            continue
        yield Notification(
            f"as-{p.id}",
            Event.ASSIGNED,
            p.updated_at,
            Subject.PROPOSAL,
            p.id,
            p.title,
            p.assigned_by,
        )
        if p.due_date is None or p.state == ProposalState.DONE:
            continue
        today = now.date()
        day = dt.timedelta(days=1)
        if p.due_date == today + day:
            at = dt.datetime.combine(today, dt.time(), now.tzinfo)
            yield Notification(
                f"dt-{p.id}-{p.due_date:%Y%m%d}",
                Event.DUE_TOMORROW,
                at,
                Subject.PROPOSAL,
                p.id,
                p.title,
                detail=p.due_date.isoformat(),
            )
        elif p.due_date < today:
            at = dt.datetime.combine(p.due_date + day, dt.time(), now.tzinfo)
            yield Notification(
                f"dp-{p.id}-{p.due_date:%Y%m%d}",
                Event.OVERDUE,
                at,
                Subject.PROPOSAL,
                p.id,
                p.title,
                detail=p.due_date.isoformat(),
            )


_VERDICT_EVENT = {
    Verdict.APPROVE: Event.APPROVED,
    Verdict.RETURN: Event.RETURNED,
    Verdict.REJECT: Event.REJECTED,
}


def _from_decisions(
    decisions: Iterable[ReviewDecision], articles: dict[str, Article], mine: set[str]
) -> Iterable[Notification]:
    for d in decisions:
        article = articles.get(d.article_id)
        if article is None or d.article_id not in mine:
            continue
        at = d.received_at or d.decided_at
        yield Notification(
            f"rd-{d.id}",
            _VERDICT_EVENT[d.verdict],
            at,
            Subject.ARTICLE,
            article.id,
            article.title,
            d.reviewer_id,
            d.comment,
            d.level,
        )
        if d.anchors:
            first = d.anchors[0]
            yield Notification(
                f"ac-{d.id}",
                Event.ANCHORED,
                at,
                Subject.ARTICLE,
                article.id,
                article.title,
                d.reviewer_id,
                f"“{first.quote}”: {first.comment}",
                len(d.anchors),
            )


def _from_articles(
    articles: Iterable[Article], mine: set[str], me: Actor
) -> Iterable[Notification]:
    for a in articles:
        if a.state == ArticleState.IN_REVIEW and me.holds(
            Role.reviewer(a.review_level), a.channel_id
        ):
            yield Notification(
                f"wr-{a.id}-{a.revision_number}-{a.review_level}",
                Event.TO_REVIEW,
                a.updated_at,
                Subject.ARTICLE,
                a.id,
                a.title,
                a.owner_id,
                level=a.review_level,
            )
        elif a.state == ArticleState.APPROVED and me.holds(Role.PUBLISHER, a.channel_id):
            yield Notification(
                f"ws-{a.id}-{a.revision_number}",
                Event.TO_SIGN,
                a.updated_at,
                Subject.ARTICLE,
                a.id,
                a.title,
                a.owner_id,
            )
        elif a.state == ArticleState.RETRACTED and a.id in mine:
            yield Notification(
                f"rt-{a.id}",
                Event.RETRACTED,
                a.updated_at,
                Subject.ARTICLE,
                a.id,
                a.title,
                detail=a.retract_reason,
            )


def _from_publications(
    publications: Iterable[Publication], articles: dict[str, Article], mine: set[str]
) -> Iterable[Notification]:
    for p in publications:
        article = articles.get(p.article_id)
        if article is None or p.article_id not in mine or p.version < 2:
            continue
        yield Notification(
            f"co-{p.article_id}-{p.version}",
            Event.CORRECTED,
            p.published_at,
            Subject.ARTICLE,
            article.id,
            article.title,
            p.publisher_id,
            p.correction_note,
        )


def _follows(lead: Lead, followed: frozenset[str], me: Actor) -> bool:
    """Whether a new lead is news for ``me``. Someone who follows sources hears of the leads of
    those sources, whatever their roles in its channel, as long as they may still see the
    channel; someone who follows none hears of the leads of the channels where they are editor
    or chief, as before following existed, so nobody went quiet when it came."""
    if followed:
        may_see = me.is_admin or lead.channel_id in me.channels()
        return may_see and not me.user.disabled and lead.source_id in followed
    return me.holds(Role.EDITOR, lead.channel_id) or me.holds(Role.CHIEF, lead.channel_id)


def _from_leads(
    leads: Iterable[Lead], followed: frozenset[str], me: Actor, now: dt.datetime
) -> Iterable[Notification]:
    fresh = now - dt.timedelta(days=LEAD_DAYS)
    for lead in leads:
        if _follows(lead, followed, me) and not lead.dismissed and lead.found_at >= fresh:
            yield Notification(
                f"ld-{lead.id}",
                Event.LEAD,
                lead.found_at,
                Subject.LEAD,
                lead.id,
                lead.title,
                detail=lead.summary[:200],
            )


def _mentions(traces: Traces, articles: dict[str, Article], me: str) -> Iterable[Notification]:
    users = traces.users
    for d in traces.decisions:
        article = articles.get(d.article_id)
        texts = [d.comment, *(a.comment for a in d.anchors)]
        said = next((t for t in texts if me in mentioned(t, users)), None)
        if article is not None and said is not None:
            yield Notification(
                f"md-{d.id}",
                Event.MENTIONED,
                d.received_at or d.decided_at,
                Subject.ARTICLE,
                article.id,
                article.title,
                d.reviewer_id,
                said,
            )
    for p in traces.proposals:
        for text, who in ((p.angle, p.proposer_id), (p.return_reason, p.returned_by)):
            if text and me in mentioned(text, users):
                yield Notification(
                    f"mp-{p.id}-{_digest(text)}",
                    Event.MENTIONED,
                    p.updated_at,
                    Subject.PROPOSAL,
                    p.id,
                    p.title,
                    who,
                    text,
                )


def is_read(notification: Notification, reads: NotificationReads | None) -> bool:
    if reads is None:
        return False
    if reads.up_to is not None and notification.at <= reads.up_to:
        return True
    return notification.id in reads.read_ids


def mark_read(ctx: Context, args: dict[str, Any]) -> Outcome:
    """``notification.read``: the user marks notifications read, by id and/or everything up to
    a time. Only the user themself; adding only, so desktops marking offline merge."""
    if ctx.entity_id != ctx.actor.id:
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only the user themself can mark their notifications read."
            ),
        )
    up_to: dt.datetime | None = args.get("up_to")
    ids: tuple[str, ...] = args.get("ids", ())
    current = ctx.world.notification_reads(ctx.actor.id)
    if current is None:
        current = NotificationReads(id=ctx.actor.id, row_version=0)
    new_up_to = (
        current.up_to
        if up_to is None or (current.up_to is not None and current.up_to >= up_to)
        else up_to
    )
    added = tuple(i for i in ids if i not in current.read_ids)
    if new_up_to == current.up_to and not added and current.row_version:
        return Changes(())
    read_ids = (*current.read_ids, *added)[-MAX_READ_IDS:]
    return Changes((evolve(current, up_to=new_up_to, read_ids=read_ids),))
