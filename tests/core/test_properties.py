"""Random sequences of actions by random actors, checked against the rules' promises.

- nothing is published without approvals at every level of the channel for the published
  revision and a sign-off of that revision;
- a refused action changes nothing;
- no one approves two levels of one revision where the channel forbids it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.model import (
    Article,
    Publication,
    ReviewDecision,
    SignOff,
    Verdict,
)
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal
from newsdesk.core.world import Changes
from tests.core.newsroom import CAST, FULL_CHECKLIST, Newsroom

LOGINS = st.sampled_from(sorted(CAST))
PROPOSAL_KINDS = [
    Kind.PROPOSAL_SUBMIT,
    Kind.PROPOSAL_SELECT,
    Kind.PROPOSAL_RETURN,
    Kind.PROPOSAL_DELETE,
    Kind.PROPOSAL_RESTORE,
    Kind.PROPOSAL_ASSIGN,
    Kind.TOPIC_START,
    Kind.PROPOSAL_UPDATE,
]
ARTICLE_KINDS = [
    Kind.ARTICLE_EDIT,
    Kind.ARTICLE_SUBMIT,
    Kind.ARTICLE_WITHDRAW,
    Kind.ARTICLE_REVIEW,
    Kind.ARTICLE_SIGN_OFF,
    Kind.ARTICLE_PUBLISH,
    Kind.ARTICLE_CORRECT,
    Kind.ARTICLE_RETRACT,
]


class NewsroomMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.room = Newsroom()
        self.proposals: list[str] = []
        self.articles: list[str] = []

    def attempt(self, who: str, kind: Kind, entity: str | None, **args: Any) -> Changes | None:
        before = dict(self.room.world.entities)
        outcome = self.room.do(who, kind, entity, **args)
        if isinstance(outcome, Refusal):
            assert self.room.world.entities == before, f"refused {kind} changed the world"
            assert str(outcome), "a refusal must say why"
            return None
        return outcome

    def _entities(self, cls: type) -> list[Any]:
        return [e for (k, _), e in self.room.world.entities.items() if k is cls]

    @rule(who=LOGINS, library=st.booleans())
    def propose(self, who: str, library: bool) -> None:
        channel = self.room.library if library else self.room.news
        if changes := self.attempt(
            who, Kind.PROPOSAL_CREATE, None, channel_id=channel, title="乡村振兴新观察"
        ):
            self.proposals.append(changes.upserts[0].id)

    @rule(who=LOGINS, library=st.booleans())
    def write(self, who: str, library: bool) -> None:
        channel = self.room.library if library else self.room.news
        if changes := self.attempt(
            who,
            Kind.ARTICLE_CREATE,
            None,
            channel_id=channel,
            title="非遗进校园",
            body_html="<p>正文</p>",
        ):
            self.articles.append(changes.upserts[0].id)

    @rule(
        who=LOGINS, kind=st.sampled_from(PROPOSAL_KINDS), pick=st.integers(0, 50), assignee=LOGINS
    )
    def act_on_proposal(self, who: str, kind: Kind, pick: int, assignee: str) -> None:
        if not self.proposals:
            return
        proposal_id = self.proposals[pick % len(self.proposals)]
        args: dict[str, Any] = {
            Kind.PROPOSAL_RETURN: {"reason": "再议"},
            Kind.PROPOSAL_ASSIGN: {
                "assignees": [self.room.ids[assignee]],
                "due_date": "2026-12-01",
            },
            Kind.TOPIC_START: {"article_id": new_id()},
            Kind.PROPOSAL_UPDATE: {"angle": "新的角度"},
        }.get(kind, {})
        changes = self.attempt(who, kind, proposal_id, **args)
        if changes and kind == Kind.TOPIC_START:
            self.articles.append(args["article_id"])

    @rule(
        who=LOGINS,
        kind=st.sampled_from(ARTICLE_KINDS),
        pick=st.integers(0, 50),
        level=st.integers(1, 3),
        verdict=st.sampled_from(list(Verdict)),
        stale=st.booleans(),
        full_checklist=st.booleans(),
    )
    def act_on_article(
        self,
        who: str,
        kind: Kind,
        pick: int,
        level: int,
        verdict: Verdict,
        stale: bool,
        full_checklist: bool,
    ) -> None:
        if not self.articles:
            return
        article = self.room.article(self.articles[pick % len(self.articles)])
        revision_hash = (
            "f" * 64 if stale or article.revision_hash is None else (article.revision_hash)
        )
        args: dict[str, Any] = {
            Kind.ARTICLE_EDIT: {"body_html": f"<p>第{pick}稿</p>"},
            Kind.ARTICLE_SUBMIT: {"revision_id": new_id(), "content_hash": current_hash(article)},
            Kind.ARTICLE_REVIEW: {
                "decision_id": new_id(),
                "revision_hash": revision_hash,
                "level": level,
                "verdict": verdict.value,
                "comment": "" if verdict == Verdict.APPROVE else "改",
                "checked": FULL_CHECKLIST if full_checklist else FULL_CHECKLIST[:1],
            },
            Kind.ARTICLE_SIGN_OFF: {"sign_off_id": new_id(), "revision_hash": revision_hash},
            Kind.ARTICLE_PUBLISH: {
                "revision_hash": revision_hash,
                "correction_note": "更正",
                "publications": [{"id": new_id(), "target": "app", "location": "app/x.json"}],
            },
            Kind.ARTICLE_RETRACT: {"reason": "撤稿"},
        }.get(kind, {})
        self.attempt(who, kind, article.id, **args)

    @rule(pick=st.integers(0, 50))
    def take_the_next_proper_step(self, pick: int) -> None:
        """Move an article on the right way, so that random moves meet every state."""
        if not self.articles:
            return
        room = self.room
        article = room.article(self.articles[pick % len(self.articles)])
        owner = next(login for login, uid in room.ids.items() if uid == article.owner_id)
        revision_hash = article.revision_hash
        state = article.state.value
        if state == "draft":
            self.attempt(
                owner,
                Kind.ARTICLE_SUBMIT,
                article.id,
                revision_id=new_id(),
                content_hash=current_hash(article),
            )
        elif state == "in_review":
            level = article.review_level
            self.attempt(
                f"reviewer{level}",
                Kind.ARTICLE_REVIEW,
                article.id,
                decision_id=new_id(),
                revision_hash=revision_hash,
                level=level,
                verdict="approve",
                checked=FULL_CHECKLIST,
            )
        elif state == "approved":
            self.attempt(
                "publisher",
                Kind.ARTICLE_SIGN_OFF,
                article.id,
                sign_off_id=new_id(),
                revision_hash=revision_hash,
            )
        elif state == "signed_off":
            self.attempt(
                "publisher",
                Kind.ARTICLE_PUBLISH,
                article.id,
                revision_hash=revision_hash,
                correction_note="更正说明",
                publications=[{"id": new_id(), "target": "pc", "location": "pc/x"}],
            )

    @invariant()
    def published_only_what_every_level_approved_and_was_signed_off(self) -> None:
        decisions: list[ReviewDecision] = self._entities(ReviewDecision)
        sign_offs: list[SignOff] = self._entities(SignOff)
        for publication in self._entities(Publication):
            article: Article = self.room.article(publication.article_id)
            channel = self.room.world.channel(article.channel_id)
            assert channel is not None
            for level in range(1, channel.review_levels + 1):
                assert any(
                    d.article_id == article.id
                    and d.level == level
                    and d.verdict == Verdict.APPROVE
                    and d.revision_hash == publication.revision_hash
                    for d in decisions
                )
            assert any(
                s.article_id == article.id and s.revision_hash == publication.revision_hash
                for s in sign_offs
            )

    @invariant()
    def one_person_one_level_where_required(self) -> None:
        approvals: dict[tuple[str, int, str], set[int]] = {}
        for d in self._entities(ReviewDecision):
            if d.verdict == Verdict.APPROVE:
                approvals.setdefault((d.article_id, d.revision_number, d.reviewer_id), set()).add(
                    d.level
                )
        for (article_id, _, _), levels in approvals.items():
            channel = self.room.world.channel(self.room.article(article_id).channel_id)
            assert channel is not None
            assert channel.allow_same_reviewer or len(levels) == 1


NewsroomMachine.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestNewsroom = NewsroomMachine.TestCase
