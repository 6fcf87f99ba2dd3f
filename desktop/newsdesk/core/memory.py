"""A :class:`~newsdesk.core.world.World` held in memory: for tests, simulations and previews."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsdesk.core.apply import decide
from newsdesk.core.model import (
    AccountMonth,
    Article,
    Attachment,
    Channel,
    Entity,
    Lead,
    NotificationReads,
    PlatformAccount,
    PlatformFigures,
    Proposal,
    Publication,
    ReaderMessage,
    ReviewDecision,
    Revision,
    RoleGrant,
    SignOff,
    Source,
    SourceFollows,
    User,
    YearTarget,
)
from newsdesk.core.mutation import Mutation
from newsdesk.core.world import Changes, Outcome


@dataclass
class MemoryWorld:
    entities: dict[tuple[type, str], Entity] = field(default_factory=dict)

    def _get(self, kind: type, key: str | None) -> Entity | None:
        return self.entities.get((kind, key)) if key is not None else None

    def exists(self, cls: type[Entity], key: str) -> bool:
        return self._get(cls, key) is not None

    def _all(self, kind: type) -> list[Entity]:
        return [e for (k, _), e in self.entities.items() if k is kind]

    def user(self, user_id: str) -> User | None:
        return self._get(User, user_id)  # type: ignore[return-value]

    def user_by_login(self, login: str) -> User | None:
        return next((u for u in self.users() if u.login == login.lower()), None)

    def users(self) -> list[User]:
        return self._all(User)  # type: ignore[return-value]

    def has_users(self) -> bool:
        return bool(self.users())

    def channel(self, channel_id: str) -> Channel | None:
        return self._get(Channel, channel_id)  # type: ignore[return-value]

    def channel_by_name(self, name: str) -> Channel | None:
        channels: list[Channel] = self._all(Channel)  # type: ignore[assignment]
        return next((c for c in channels if c.name == name), None)

    def channel_by_slug(self, slug: str) -> Channel | None:
        channels: list[Channel] = self._all(Channel)  # type: ignore[assignment]
        return next((c for c in channels if c.slug == slug), None)

    def grant(self, grant_id: str) -> RoleGrant | None:
        return self._get(RoleGrant, grant_id)  # type: ignore[return-value]

    def grants_of(self, user_id: str) -> Sequence[RoleGrant]:
        grants: list[RoleGrant] = self._all(RoleGrant)  # type: ignore[assignment]
        return [g for g in grants if g.user_id == user_id and g.active]

    def proposal(self, proposal_id: str) -> Proposal | None:
        return self._get(Proposal, proposal_id)  # type: ignore[return-value]

    def article(self, article_id: str) -> Article | None:
        return self._get(Article, article_id)  # type: ignore[return-value]

    def revision(self, revision_id: str) -> Revision | None:
        return self._get(Revision, revision_id)  # type: ignore[return-value]

    def decisions(self, article_id: str, revision_number: int) -> Sequence[ReviewDecision]:
        decisions: list[ReviewDecision] = self._all(ReviewDecision)  # type: ignore[assignment]
        return [
            d
            for d in decisions
            if d.article_id == article_id and d.revision_number == revision_number
        ]

    def sign_off(self, article_id: str, revision_number: int) -> SignOff | None:
        sign_offs: list[SignOff] = self._all(SignOff)  # type: ignore[assignment]
        return next(
            (
                s
                for s in sign_offs
                if s.article_id == article_id and s.revision_number == revision_number
            ),
            None,
        )

    def publications(self, article_id: str) -> Sequence[Publication]:
        publications: list[Publication] = self._all(Publication)  # type: ignore[assignment]
        return [p for p in publications if p.article_id == article_id]

    def attachment(self, sha256: str) -> Attachment | None:
        return self._get(Attachment, sha256)  # type: ignore[return-value]

    def source(self, source_id: str) -> Source | None:
        return self._get(Source, source_id)  # type: ignore[return-value]

    def sources_of(self, channel_id: str) -> Sequence[Source]:
        sources: list[Source] = self._all(Source)  # type: ignore[assignment]
        return [s for s in sources if s.channel_id == channel_id]

    def lead(self, lead_id: str) -> Lead | None:
        return self._get(Lead, lead_id)  # type: ignore[return-value]

    def account(self, account_id: str) -> PlatformAccount | None:
        return self._get(PlatformAccount, account_id)  # type: ignore[return-value]

    def account_month(self, month_id: str) -> AccountMonth | None:
        return self._get(AccountMonth, month_id)  # type: ignore[return-value]

    def figures(self, figures_id: str) -> PlatformFigures | None:
        return self._get(PlatformFigures, figures_id)  # type: ignore[return-value]

    def target(self, target_id: str) -> YearTarget | None:
        return self._get(YearTarget, target_id)  # type: ignore[return-value]

    def message(self, message_id: str) -> ReaderMessage | None:
        return self._get(ReaderMessage, message_id)  # type: ignore[return-value]

    def notification_reads(self, user_id: str) -> NotificationReads | None:
        return self._get(NotificationReads, user_id)  # type: ignore[return-value]

    def source_follows(self, user_id: str) -> SourceFollows | None:
        return self._get(SourceFollows, user_id)  # type: ignore[return-value]

    def apply(self, mutation: Mutation) -> Outcome:
        """Decide ``mutation`` and, when accepted, keep what it changed."""
        outcome = decide(self, mutation)
        if isinstance(outcome, Changes):
            for entity in outcome.upserts:
                self.entities[(type(entity), entity.id)] = entity
        return outcome
