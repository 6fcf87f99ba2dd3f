"""A year's production report over the large demo workspace (6,000 proposals and 4,000 articles,
10,000 items): gathered with a handful of set-based queries and computed by the one pure
function, against the obvious alternative of one SQL aggregate query per figure (per channel,
per person and per review level) — the baseline. The report does more than the baseline (字数
counted in Python from every published body, medians and 90th percentiles), so a ratio under 1
means the set-based design wins even while doing more.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, and_, func, or_, select

from newsdesk.core.model import (
    Article,
    ArticleState,
    Channel,
    Proposal,
    ProposalState,
    Publication,
    ReviewDecision,
    Revision,
    User,
    Verdict,
)
from newsdesk.core.reports import period_bounds, production_report
from newsdesk.core.rhythm import local_day
from newsdesk.store.codec import TABLES
from newsdesk.store.reports import gather
from newsdesk.store.workspace import Workspace
from tests.perf import Result, median_of
from tests.perf.workspaces import demo_workspace

TARGET_SECONDS = 1.0
_SELECTED = [
    s.value
    for s in (
        ProposalState.SELECTED,
        ProposalState.ASSIGNED,
        ProposalState.IN_PROGRESS,
        ProposalState.DONE,
    )
]


def _year(conn: Connection) -> tuple[dt.date, dt.date]:
    """The year up to the demo's last publication."""
    publications = TABLES[Publication]
    latest = conn.execute(select(func.max(publications.c.published_at))).scalar_one()
    last = local_day(latest)
    return last - dt.timedelta(days=364), last


def _report(conn: Connection, first: dt.date, last: dt.date) -> int:
    report = production_report(gather(conn, first, last), first, last)
    return report.total.articles_published


def _figure_by_figure(conn: Connection, first: dt.date, last: dt.date) -> int:
    """The baseline: every count of the report as its own aggregate query."""
    start, end = period_bounds(first, last)
    proposals, articles = TABLES[Proposal], TABLES[Article]
    publications, decisions = TABLES[Publication], TABLES[ReviewDecision]
    revisions = TABLES[Revision]
    first_submission = (
        select(revisions.c.article_id, func.min(revisions.c.created_at).label("at"))
        .group_by(revisions.c.article_id)
        .subquery()
    )
    made = and_(proposals.c.created_at >= start, proposals.c.created_at < end)
    out = and_(publications.c.published_at >= start, publications.c.published_at < end)
    decided = func.coalesce(decisions.c.received_at, decisions.c.decided_at)
    figures = []
    for owner_column, proposal_column, owners in (
        (articles.c.channel_id, proposals.c.channel_id, TABLES[Channel]),
        (articles.c.owner_id, proposals.c.proposer_id, TABLES[User]),
    ):
        for (owner,) in conn.execute(select(owners.c.id)):
            mine = owner_column == owner
            figures += [
                select(func.count()).where(
                    made, proposal_column == owner, proposals.c.state != ProposalState.DRAFT.value
                ),
                select(func.count()).where(
                    made, proposal_column == owner, proposals.c.state.in_(_SELECTED)
                ),
                select(func.count()).where(
                    made,
                    proposal_column == owner,
                    proposals.c.state == ProposalState.RETURNED.value,
                ),
                select(func.count())
                .select_from(
                    articles.join(first_submission, first_submission.c.article_id == articles.c.id)
                )
                .where(mine, first_submission.c.at >= start, first_submission.c.at < end),
                *(
                    select(func.count())
                    .select_from(
                        publications.join(articles, articles.c.id == publications.c.article_id)
                    )
                    .where(mine, out, publications.c.version == 1, publications.c.target == target)
                    for target in ("pc", "wap", "app")
                ),
                *(
                    select(func.count(func.distinct(articles.c.id)))
                    .select_from(
                        publications.join(articles, articles.c.id == publications.c.article_id)
                    )
                    .where(mine, out, publications.c.version == 1, articles.c.kind == kind)
                    for kind in ("original", "repost")
                ),
                select(func.count())
                .select_from(
                    publications.join(articles, articles.c.id == publications.c.article_id)
                )
                .where(mine, out, publications.c.version > 1),
                select(func.count()).where(
                    mine,
                    articles.c.state == ArticleState.RETRACTED.value,
                    articles.c.updated_at >= start,
                    articles.c.updated_at < end,
                ),
                *(
                    select(func.count())
                    .select_from(
                        proposals.outerjoin(
                            first_submission,
                            first_submission.c.article_id == proposals.c.article_id,
                        )
                    )
                    .where(
                        proposal_column == owner,
                        proposals.c.due_date >= first,
                        proposals.c.due_date <= last,
                        in_time,
                    )
                    for in_time in (
                        first_submission.c.at < func.date(proposals.c.due_date, "+1 day"),
                        or_(
                            first_submission.c.at.is_(None),
                            first_submission.c.at >= func.date(proposals.c.due_date, "+1 day"),
                        ),
                    )
                ),
            ]
    for level in (1, 2, 3):
        for verdict in Verdict:
            figures.append(
                select(func.count()).where(
                    decided >= start,
                    decided < end,
                    decisions.c.level == level,
                    decisions.c.verdict == verdict.value,
                )
            )
    return sum(conn.execute(query).scalar_one() for query in figures)


def run(quick: bool) -> list[Result]:
    folder = demo_workspace("small" if quick else "large")
    runs = 3 if quick else 7
    with Workspace.open(folder) as workspace, workspace.store.engine.connect() as conn:
        first, last = _year(conn)
        report = median_of(runs, lambda: _report(conn, first, last))
        baseline = median_of(runs, lambda: _figure_by_figure(conn, first, last))
    return [
        Result(
            name="report: a year of the large demo (vs one aggregate query per figure)",
            value=report,
            unit="s",
            baseline=baseline,
            ratio=report / baseline,
            target=f"< {TARGET_SECONDS:g} s",
            met=report < TARGET_SECONDS,
        )
    ]
