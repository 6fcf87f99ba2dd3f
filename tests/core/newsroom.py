"""A small newsroom in memory, and the moves that take an article or a proposal to any state."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.memory import MemoryWorld
from newsdesk.core.model import (
    Article,
    ArticleState,
    ChecklistItem,
    Proposal,
    ProposalState,
    Role,
)
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.core.world import Changes, Outcome

# Every published page names its 来源 and 责任编辑; the test channels give new articles both.
CREDITS: dict[str, Any] = {"default_source": "本台", "default_responsible_editor": "值班编辑"}

FULL_CHECKLIST = [item.value for item in ChecklistItem]
START = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)

# login -> roles in the three-level channel "news" and the one-level channel "library"
CAST: dict[str, tuple[tuple[Role, ...], tuple[Role, ...]]] = {
    "editor": ((Role.EDITOR,), (Role.EDITOR,)),
    "editor2": ((Role.EDITOR,), ()),
    "chief": ((Role.CHIEF,), (Role.CHIEF,)),
    "reviewer1": ((Role.REVIEWER1,), (Role.REVIEWER1,)),
    "reviewer2": ((Role.REVIEWER2,), ()),
    "reviewer3": ((Role.REVIEWER3,), ()),
    "publisher": ((Role.PUBLISHER,), (Role.PUBLISHER,)),
    "allround": ((Role.REVIEWER1, Role.REVIEWER2, Role.REVIEWER3), (Role.REVIEWER1,)),
    "outsider": ((), (Role.EDITOR,)),
    "admin": ((), ()),
}


class Newsroom:
    def __init__(self) -> None:
        self.world = MemoryWorld()
        self.log: list[tuple[Mutation, bool]] = []  # every mutation tried, and whether accepted
        self.ids: dict[str, str] = {}
        self.clock = itertools.count()
        admin = new_id()
        self.ids["admin"] = admin
        self.must("admin", Kind.USER_CREATE, admin, login="admin", name="Admin", is_admin=True)
        self.news = (
            self.must("admin", Kind.CHANNEL_CREATE, name="News", review_levels=3, **CREDITS)
            .upserts[0]
            .id
        )
        self.library = (
            self.must(
                "admin",
                Kind.CHANNEL_CREATE,
                name="Library",
                review_levels=1,
                **CREDITS,
                allow_same_reviewer=True,
            )
            .upserts[0]
            .id
        )
        for login, (news_roles, library_roles) in CAST.items():
            if login != "admin":
                self.ids[login] = (
                    self.must("admin", Kind.USER_CREATE, login=login, name=login.title())
                    .upserts[0]
                    .id
                )
            for channel, roles in ((self.news, news_roles), (self.library, library_roles)):
                for role in roles:
                    user = self.ids[login]
                    self.must(
                        "admin",
                        Kind.ROLE_GRANT,
                        f"{user}/{channel}/{role.value}",
                        user_id=user,
                        channel_id=channel,
                        role=role.value,
                    )

    def at(self) -> dt.datetime:
        return START + dt.timedelta(minutes=next(self.clock))

    def do(self, who: str, kind: Kind, entity: str | None = None, /, **args: Any) -> Outcome:
        attempt = mutation(self.ids[who], kind, entity, at=self.at(), **args)
        outcome = self.world.apply(attempt)
        self.log.append((attempt, isinstance(outcome, Changes)))
        return outcome

    def must(self, who: str, kind: Kind, entity: str | None = None, /, **args: Any) -> Changes:
        outcome = self.do(who, kind, entity, **args)
        assert not isinstance(outcome, Refusal), f"{kind} by {who} refused: {outcome}"
        return outcome

    def proposal(self, proposal_id: str) -> Proposal:
        found = self.world.proposal(proposal_id)
        assert found is not None
        return found

    def article(self, article_id: str) -> Article:
        found = self.world.article(article_id)
        assert found is not None
        return found

    # --- moves ----------------------------------------------------------------------------

    def propose(self, channel: str | None = None, by: str = "editor") -> str:
        changes = self.must(
            by,
            Kind.PROPOSAL_CREATE,
            channel_id=channel or self.news,
            title="城市书房开放时间延长",
            angle="采访读者与馆员",
        )
        return changes.upserts[0].id

    def proposal_in(self, state: ProposalState, channel: str | None = None) -> str:
        pid = self.propose(channel)
        if state == ProposalState.DRAFT:
            return pid
        if state == ProposalState.DELETED:
            self.must("editor", Kind.PROPOSAL_DELETE, pid)
            return pid
        self.must("editor", Kind.PROPOSAL_SUBMIT, pid)
        if state == ProposalState.SUBMITTED:
            return pid
        if state == ProposalState.RETURNED:
            self.must("chief", Kind.PROPOSAL_RETURN, pid, reason="角度不够新")
            return pid
        self.must("chief", Kind.PROPOSAL_SELECT, pid)
        if state == ProposalState.SELECTED:
            return pid
        self.must(
            "chief",
            Kind.PROPOSAL_ASSIGN,
            pid,
            assignees=[self.ids["editor"]],
            due_date="2026-12-01",
        )
        if state == ProposalState.ASSIGNED:
            return pid
        article_id = new_id()
        self.must("editor", Kind.TOPIC_START, pid, article_id=article_id)
        if state == ProposalState.IN_PROGRESS:
            return pid
        self.article_to(article_id, ArticleState.PUBLISHED)
        return pid

    def new_article(self, channel: str | None = None) -> str:
        changes = self.must(
            "editor",
            Kind.ARTICLE_CREATE,
            channel_id=channel or self.news,
            title="图书馆举办古籍修复展",
            body_html="<p>本报讯 古籍修复展今日开幕。</p>",
        )
        return changes.upserts[0].id

    def submit(self, article_id: str, by: str = "editor") -> None:
        outcome = self.try_submit(article_id, by)
        assert isinstance(outcome, Changes), str(outcome)

    def try_submit(self, article_id: str, by: str = "editor", **extra: Any) -> Outcome:
        """Submit the article as it stands; the core's answer, refusal or changes."""
        return self.do(
            by,
            Kind.ARTICLE_SUBMIT,
            article_id,
            revision_id=new_id(),
            content_hash=current_hash(self.article(article_id)),
            **extra,
        )

    def review(
        self,
        article_id: str,
        by: str,
        level: int,
        verdict: str = "approve",
        comment: str = "",
        **extra: Any,
    ) -> Outcome:
        article = self.article(article_id)
        return self.do(
            by,
            Kind.ARTICLE_REVIEW,
            article_id,
            decision_id=new_id(),
            revision_hash=article.revision_hash,
            level=level,
            verdict=verdict,
            comment=comment,
            checked=FULL_CHECKLIST,
            **extra,
        )

    def approve_all(self, article_id: str) -> None:
        channel = self.world.channel(self.article(article_id).channel_id)
        assert channel is not None
        for level in range(1, channel.review_levels + 1):
            outcome = self.review(article_id, f"reviewer{level}", level)
            assert isinstance(outcome, Changes), str(outcome)

    def sign_off(self, article_id: str) -> None:
        self.must(
            "publisher",
            Kind.ARTICLE_SIGN_OFF,
            article_id,
            sign_off_id=new_id(),
            revision_hash=self.article(article_id).revision_hash,
        )

    def publish(self, article_id: str, note: str = "") -> None:
        article = self.article(article_id)
        extra = {"correction_note": note} if note else {}
        self.must(
            "publisher",
            Kind.ARTICLE_PUBLISH,
            article_id,
            revision_hash=article.revision_hash,
            publications=[{"id": new_id(), "target": "pc", "location": "pc/a.html"}],
            **extra,
        )

    def article_to(self, article_id: str, state: ArticleState, level: int = 1) -> str:
        """Drive ``article_id`` (a draft) to ``state`` by the right people, the right way."""
        if state == ArticleState.DRAFT:
            return article_id
        self.submit(article_id)
        if state == ArticleState.IN_REVIEW:
            for reached in range(1, level):
                self.review(article_id, f"reviewer{reached}", reached)
            return article_id
        if state == ArticleState.REJECTED:
            self.review(article_id, "reviewer1", 1, "reject", "内容失实")
            return article_id
        self.approve_all(article_id)
        if state == ArticleState.APPROVED:
            return article_id
        self.sign_off(article_id)
        if state == ArticleState.SIGNED_OFF:
            return article_id
        self.publish(article_id)
        if state == ArticleState.RETRACTED:
            self.must("publisher", Kind.ARTICLE_RETRACT, article_id, reason="信息有误")
        return article_id

    def article_in(self, state: ArticleState, channel: str | None = None, level: int = 1) -> str:
        return self.article_to(self.new_article(channel), state, level)
