"""The facts a production report is computed from, gathered from a workspace's SQLite file or
the service's database with a handful of set-based queries (never one query per row).

Each query takes what the period can touch: proposals written and decisions made in it, the
publications of it, the assignments due in it; articles are read without their bodies, and the
body is read (to count its 字数) only of the articles first published in the period. The figures
themselves are :func:`newsdesk.core.reports.production_report`'s.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, func, select

from newsdesk.core.body import counted_text
from newsdesk.core.model import (
    Article,
    ArticleKind,
    ArticleState,
    Channel,
    Proposal,
    ProposalState,
    Publication,
    ReviewDecision,
    Revision,
    RevisionKind,
    Target,
    User,
    Verdict,
)
from newsdesk.core.reports import (
    ArticleFact,
    AssignmentFact,
    DecisionFact,
    Facts,
    ProposalFact,
    PublicationFact,
    period_bounds,
)
from newsdesk.core.rhythm import NEWSROOM_ZONE
from newsdesk.core.textstats import zishu
from newsdesk.store.codec import TABLES, from_db_time
from newsdesk.store.rhythm import last_publications

_SUBMITTED = (RevisionKind.SUBMITTED.value, RevisionKind.TYPO_FIX.value)


def gather(
    conn: Connection, first: dt.date, last: dt.date, zone: dt.tzinfo = NEWSROOM_ZONE
) -> Facts:
    """The facts of the days ``first`` to ``last`` in ``conn``'s database."""
    start, end = period_bounds(first, last, zone)
    users, channels = TABLES[User], TABLES[Channel]
    proposals, articles = TABLES[Proposal], TABLES[Article]
    revisions, decisions = TABLES[Revision], TABLES[ReviewDecision]
    publications = TABLES[Publication]

    first_submitted = {
        article_id: from_db_time(at)
        for article_id, at in conn.execute(
            select(revisions.c.article_id, func.min(revisions.c.created_at))
            .where(revisions.c.kind == RevisionKind.SUBMITTED.value)
            .group_by(revisions.c.article_id)
        )
    }
    first_published = (
        select(publications.c.article_id)
        .where(
            publications.c.version == 1,
            publications.c.published_at >= start,
            publications.c.published_at < end,
        )
        .distinct()
    )
    characters = {
        article_id: zishu(counted_text(body))
        for article_id, body in conn.execute(
            select(articles.c.id, articles.c.body_html).where(articles.c.id.in_(first_published))
        )
    }
    article_facts = [
        ArticleFact(
            id=row.id,
            channel_id=row.channel_id,
            owner_id=row.owner_id,
            title=row.title,
            kind=ArticleKind(row.kind),
            zishu=characters.get(row.id, 0),
            first_submitted_at=first_submitted.get(row.id),
            retracted_at=(
                from_db_time(row.updated_at) if row.state == ArticleState.RETRACTED else None
            ),
            retract_reason=row.retract_reason,
        )
        for row in conn.execute(
            select(
                articles.c.id,
                articles.c.channel_id,
                articles.c.owner_id,
                articles.c.title,
                articles.c.kind,
                articles.c.state,
                articles.c.updated_at,
                articles.c.retract_reason,
            )
        )
    ]
    proposal_facts = [
        ProposalFact(
            channel_id=row.channel_id,
            proposer_id=row.proposer_id,
            state=ProposalState(row.state),
            deleted_from=ProposalState(row.deleted_from) if row.deleted_from else None,
            return_reason=row.return_reason,
            created_at=from_db_time(row.created_at),
        )
        for row in conn.execute(
            select(
                proposals.c.channel_id,
                proposals.c.proposer_id,
                proposals.c.state,
                proposals.c.deleted_from,
                proposals.c.return_reason,
                proposals.c.created_at,
            ).where(proposals.c.created_at >= start, proposals.c.created_at < end)
        )
    ]
    assignment_facts = [
        AssignmentFact(
            channel_id=row.channel_id,
            assignees=tuple(row.assignees),
            due_date=row.due_date,
            submitted_at=first_submitted.get(row.article_id) if row.article_id else None,
        )
        for row in conn.execute(
            select(
                proposals.c.channel_id,
                proposals.c.assignees,
                proposals.c.due_date,
                proposals.c.article_id,
            ).where(
                proposals.c.due_date >= first,
                proposals.c.due_date <= last,
                proposals.c.state != ProposalState.DELETED.value,
            )
        )
        if row.assignees
    ]
    publication_facts = [
        PublicationFact(
            article_id=row.article_id,
            target=Target(row.target),
            version=row.version,
            published_at=from_db_time(row.published_at),
            correction_note=row.correction_note,
        )
        for row in conn.execute(
            select(
                publications.c.article_id,
                publications.c.target,
                publications.c.version,
                publications.c.published_at,
                publications.c.correction_note,
            ).where(publications.c.published_at >= start, publications.c.published_at < end)
        )
    ]
    decided_at = func.coalesce(decisions.c.received_at, decisions.c.decided_at)
    reviewed = (
        select(decisions.c.article_id).where(decided_at >= start, decided_at < end).distinct()
    )
    decision_facts = [
        DecisionFact(
            article_id=row.article_id,
            revision_number=row.revision_number,
            level=row.level,
            reviewer_id=row.reviewer_id,
            verdict=Verdict(row.verdict),
            at=from_db_time(row.received_at or row.decided_at),
        )
        for row in conn.execute(
            select(
                decisions.c.article_id,
                decisions.c.revision_number,
                decisions.c.level,
                decisions.c.reviewer_id,
                decisions.c.verdict,
                decisions.c.decided_at,
                decisions.c.received_at,
            ).where(decisions.c.article_id.in_(reviewed))
        )
    ]
    submissions = {
        (row.article_id, row.number): from_db_time(row.created_at)
        for row in conn.execute(
            select(revisions.c.article_id, revisions.c.number, revisions.c.created_at).where(
                revisions.c.article_id.in_(reviewed), revisions.c.kind.in_(_SUBMITTED)
            )
        )
    }
    channel_rows = conn.execute(
        select(channels.c.id, channels.c.name, channels.c.silence_days)
    ).all()
    return Facts(
        channels={row.id: row.name for row in channel_rows},
        people={row.id: row.name for row in conn.execute(select(users.c.id, users.c.name))},
        proposals=proposal_facts,
        articles=article_facts,
        publications=publication_facts,
        assignments=assignment_facts,
        decisions=decision_facts,
        submissions=submissions,
        silence_days={row.id: row.silence_days for row in channel_rows if row.silence_days},
        last_published=last_publications(conn, [row.id for row in channel_rows], before=end),
    )
