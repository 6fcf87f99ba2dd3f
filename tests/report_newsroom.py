"""A small newsroom's November 2026, built row by row, whose production figures are worked out
by hand in ``tests/store/test_reports.py``. Times are Beijing time (the newsroom's zone).

November 2026 starts on a Sunday; the 6th is a Friday, the 9th a Monday.

- 新闻 (two review levels): chief 王主编; editor 李编辑 proposes and writes; 周初审 and
  吴复审 review.
- 文化 (one review level): editor 张编辑 proposes and writes; 周初审 reviews.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert

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
    Role,
    RoleGrant,
    Target,
    User,
    Verdict,
)
from newsdesk.store.codec import TABLES, to_row

BEIJING = ZoneInfo("Asia/Shanghai")
NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BEIJING)


USERS = (
    User(id="u-admin", login="admin", name="管理员", is_admin=True),
    User(id="u-wang", login="wang", name="王主编"),
    User(id="u-li", login="li", name="李编辑"),
    User(id="u-zhang", login="zhang", name="张编辑"),
    User(id="u-zhou", login="zhou", name="周初审"),
    User(id="u-wu", login="wu", name="吴复审"),
)
CHANNELS = (
    Channel(id="c-news", name="新闻", review_levels=2, slug="news", silence_days=7),
    Channel(id="c-culture", name="文化", review_levels=1, slug="culture"),
)
GRANTS = tuple(
    RoleGrant(id=RoleGrant.key(user, channel, role), user_id=user, channel_id=channel, role=role)
    for user, channel, role in (
        ("u-wang", "c-news", Role.CHIEF),
        ("u-li", "c-news", Role.EDITOR),
        ("u-zhang", "c-culture", Role.EDITOR),
        ("u-zhou", "c-news", Role.REVIEWER1),
        ("u-zhou", "c-culture", Role.REVIEWER1),
        ("u-wu", "c-news", Role.REVIEWER2),
    )
)


def _proposal(pid: str, channel: str, who: str, created: dt.datetime, **kw: object) -> Proposal:
    return Proposal(
        id=pid,
        channel_id=channel,
        proposer_id=who,
        title=f"选题 {pid}",
        created_at=created,
        updated_at=created,
        **kw,  # type: ignore[arg-type]
    )


PROPOSALS = (
    _proposal(
        "p1",
        "c-news",
        "u-li",
        at(2, 9),
        state=ProposalState.ASSIGNED,
        assignees=("u-li",),
        due_date=dt.date(2026, 11, 6),
        article_id="a1",
    ),
    _proposal(
        "p2",
        "c-news",
        "u-li",
        at(3, 9),
        state=ProposalState.RETURNED,
        return_reason="与已有选题重复",
    ),
    _proposal(
        "p3",
        "c-culture",
        "u-zhang",
        at(4, 9),
        state=ProposalState.RETURNED,
        return_reason="与已有选题重复",
    ),
    _proposal(
        "p4",
        "c-culture",
        "u-zhang",
        at(5, 9),
        state=ProposalState.RETURNED,
        return_reason="时效性不足",
    ),
    _proposal("p5", "c-news", "u-li", at(5, 10), state=ProposalState.DRAFT),
    _proposal(
        "p6",
        "c-culture",
        "u-zhang",
        at(6, 9),
        state=ProposalState.DELETED,
        deleted_from=ProposalState.SUBMITTED,
    ),
    # 31 October 23:30 in Beijing: October's, although it is 15:30 UTC.
    _proposal("p7", "c-news", "u-li", at(31, 23, 30, month=10), state=ProposalState.SELECTED),
    # 1 November 00:30 in Beijing: November's, although it is still 31 October in UTC.
    _proposal("p8", "c-news", "u-li", at(1, 0, 30), state=ProposalState.SELECTED),
    _proposal(
        "p9",
        "c-culture",
        "u-zhang",
        at(20, 9, month=10),
        state=ProposalState.IN_PROGRESS,
        assignees=("u-zhang",),
        due_date=dt.date(2026, 11, 13),
        article_id="a3",
    ),
    _proposal(
        "p10",
        "c-culture",
        "u-zhang",
        at(21, 9, month=10),
        state=ProposalState.ASSIGNED,
        assignees=("u-zhang",),
        due_date=dt.date(2026, 11, 25),
    ),
    _proposal(
        "p11",
        "c-news",
        "u-li",
        at(22, 9, month=10),
        state=ProposalState.ASSIGNED,
        assignees=("u-li",),
        due_date=dt.date(2026, 11, 30),
    ),
)


def _article(aid: str, channel: str, owner: str, body: str, **kw: object) -> Article:
    created = kw.pop("created_at", at(1, 8))
    return Article(
        id=aid,
        channel_id=channel,
        owner_id=owner,
        title=f"稿件 {aid}",
        body_html=body,
        created_at=created,  # type: ignore[arg-type]
        updated_at=kw.pop("updated_at", created),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


ARTICLES = (
    _article(
        "a1",
        "c-news",
        "u-li",
        "<p>区图书馆周末开放。</p>",
        topic_id="p1",
        state=ArticleState.PUBLISHED,
        revision_number=2,
        published_version=2,
    ),
    _article(
        "a2",
        "c-news",
        "u-li",
        "<p>转载文章</p>",
        kind=ArticleKind.REPOST,
        state=ArticleState.RETRACTED,
        revision_number=1,
        published_version=1,
        retract_reason="版权方要求撤稿",
        updated_at=at(20, 8),
    ),
    _article(
        "a3",
        "c-culture",
        "u-zhang",
        "<p>被退回的文化稿</p>",
        topic_id="p9",
        state=ArticleState.REJECTED,
        revision_number=1,
    ),
    _article(
        "a4",
        "c-culture",
        "u-zhang",
        "<p>文化周末好去处</p>",
        created_at=at(29, 8, month=10),
        state=ArticleState.PUBLISHED,
        revision_number=1,
        published_version=1,
    ),
    _article(
        "a5",
        "c-news",
        "u-li",
        "<p>待审的稿件</p>",
        state=ArticleState.IN_REVIEW,
        review_level=1,
        revision_number=1,
    ),
)


def _revision(article: str, number: int, created: dt.datetime, author: str) -> Revision:
    return Revision(
        id=f"{article}-r{number}",
        article_id=article,
        number=number,
        content_hash=f"{article}-h{number}",
        author_id=author,
        created_at=created,
        content=(("title", f"稿件 {article}"),),
    )


REVISIONS = (
    _revision("a1", 1, at(6, 17), "u-li"),  # Friday 17:00, on the due date
    _revision("a1", 2, at(9, 10), "u-li"),  # Monday, after the return
    _revision("a2", 1, at(11, 9), "u-li"),
    _revision("a3", 1, at(16, 9), "u-zhang"),  # three days after the due date
    _revision("a4", 1, at(30, 9, month=10), "u-zhang"),
    _revision("a5", 1, at(25, 9), "u-li"),
)


def _decision(
    did: str,
    article: str,
    number: int,
    level: int,
    who: str,
    verdict: Verdict,
    decided: dt.datetime,
    received: dt.datetime | None = None,
) -> ReviewDecision:
    return ReviewDecision(
        id=did,
        article_id=article,
        revision_number=number,
        revision_hash=f"{article}-h{number}",
        level=level,
        reviewer_id=who,
        verdict=verdict,
        decided_at=decided,
        received_at=received,
    )


DECISIONS = (
    # Returned across the weekend: Friday 17:00 → Monday 09:00 is 64 hours.
    _decision("d1", "a1", 1, 1, "u-zhou", Verdict.RETURN, at(9, 9), at(9, 9)),
    _decision("d2", "a1", 2, 1, "u-zhou", Verdict.APPROVE, at(9, 12), at(9, 12)),  # 2 h
    _decision("d3", "a1", 2, 2, "u-wu", Verdict.APPROVE, at(9, 15), at(9, 15)),  # 3 h after d2
    # The reviewer's clock says 09:30; the service received it at 10:00: 1 hour.
    _decision("d4", "a2", 1, 1, "u-zhou", Verdict.APPROVE, at(11, 9, 30), at(11, 10)),
    _decision("d5", "a2", 1, 2, "u-wu", Verdict.APPROVE, at(11, 11)),  # 1 h, no receive time
    _decision("d6", "a3", 1, 1, "u-zhou", Verdict.REJECT, at(16, 13), at(16, 13)),  # 4 h
    _decision("d7", "a4", 1, 1, "u-zhou", Verdict.APPROVE, at(30, 11, month=10)),  # October's
)


def _publication(
    pid: str, article: str, target: Target, version: int, when: dt.datetime, note: str = ""
) -> Publication:
    return Publication(
        id=pid,
        article_id=article,
        revision_hash=f"{article}-h",
        target=target,
        version=version,
        location=f"{target.value}/{article}.html",
        publisher_id="u-wang",
        published_at=when,
        correction_note=note,
        retracted=article == "a2",
    )


PUBLICATIONS = (
    _publication("pub1", "a1", Target.PC, 1, at(10, 9)),
    _publication("pub2", "a1", Target.WAP, 1, at(10, 9)),
    _publication("pub3", "a1", Target.APP, 1, at(10, 9)),
    _publication("pub4", "a1", Target.PC, 2, at(12, 10), "更正人名"),
    _publication("pub5", "a1", Target.WAP, 2, at(12, 10), "更正人名"),
    _publication("pub6", "a2", Target.PC, 1, at(11, 14)),
    _publication("pub7", "a4", Target.PC, 1, at(2, 8)),
    _publication("pub8", "a4", Target.APP, 1, at(2, 8)),
)


def build(conn: Connection) -> None:
    """Lay the newsroom down in a migrated database."""
    for rows in (USERS, CHANNELS, GRANTS, PROPOSALS, ARTICLES, REVISIONS, DECISIONS, PUBLICATIONS):
        conn.execute(insert(TABLES[type(rows[0])]), [to_row(row) for row in rows])
