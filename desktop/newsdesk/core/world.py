"""What the lifecycle rules may read, and what they return.

A :class:`World` is the read side the rules need: the store implements it over a database, the
tests and the desktop's quick checks over memory. Rules never write: they return
:class:`Changes`, new values of the entities they change, which the caller persists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

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
from newsdesk.core.refusal import Refusal


class World(Protocol):
    def user(self, user_id: str) -> User | None: ...
    def user_by_login(self, login: str) -> User | None: ...
    def has_users(self) -> bool: ...
    def channel(self, channel_id: str) -> Channel | None: ...
    def channel_by_name(self, name: str) -> Channel | None: ...
    def channel_by_slug(self, slug: str) -> Channel | None: ...
    def grant(self, grant_id: str) -> RoleGrant | None: ...
    def grants_of(self, user_id: str) -> Sequence[RoleGrant]: ...
    def proposal(self, proposal_id: str) -> Proposal | None: ...
    def article(self, article_id: str) -> Article | None: ...
    def revision(self, revision_id: str) -> Revision | None: ...
    def decisions(self, article_id: str, revision_number: int) -> Sequence[ReviewDecision]: ...
    def sign_off(self, article_id: str, revision_number: int) -> SignOff | None: ...
    def publications(self, article_id: str) -> Sequence[Publication]: ...
    def attachment(self, sha256: str) -> Attachment | None: ...
    def source(self, source_id: str) -> Source | None: ...
    def sources_of(self, channel_id: str) -> Sequence[Source]: ...
    def lead(self, lead_id: str) -> Lead | None: ...
    def account(self, account_id: str) -> PlatformAccount | None: ...
    def account_month(self, month_id: str) -> AccountMonth | None: ...
    def figures(self, figures_id: str) -> PlatformFigures | None: ...
    def target(self, target_id: str) -> YearTarget | None: ...
    def message(self, message_id: str) -> ReaderMessage | None: ...
    def notification_reads(self, user_id: str) -> NotificationReads | None: ...
    def source_follows(self, user_id: str) -> SourceFollows | None: ...
    def exists(self, cls: type[Entity], key: str) -> bool: ...


class Area(StrEnum):
    """What a change touched, so each screen refreshes only when its kind of data changed."""

    USERS = "users"
    CHANNELS = "channels"
    ROLES = "roles"
    PROPOSALS = "proposals"
    ARTICLES = "articles"
    REVIEWS = "reviews"
    PUBLICATIONS = "publications"
    ATTACHMENTS = "attachments"
    SOURCES = "sources"
    LEADS = "leads"
    OPERATIONS = "operations"  # platform accounts, their months and figures, targets
    MESSAGES = "messages"
    NOTIFICATIONS = "notifications"


_AREAS: dict[type, Area] = {
    User: Area.USERS,
    Channel: Area.CHANNELS,
    RoleGrant: Area.ROLES,
    Proposal: Area.PROPOSALS,
    Article: Area.ARTICLES,
    Revision: Area.ARTICLES,
    ReviewDecision: Area.REVIEWS,
    SignOff: Area.REVIEWS,
    Publication: Area.PUBLICATIONS,
    Attachment: Area.ATTACHMENTS,
    Source: Area.SOURCES,
    Lead: Area.LEADS,
    PlatformAccount: Area.OPERATIONS,
    AccountMonth: Area.OPERATIONS,
    PlatformFigures: Area.OPERATIONS,
    YearTarget: Area.OPERATIONS,
    ReaderMessage: Area.MESSAGES,
    NotificationReads: Area.NOTIFICATIONS,
    SourceFollows: Area.SOURCES,
}


def area_of(entity_class: type) -> Area:
    return _AREAS[entity_class]


@dataclass(frozen=True)
class Changes:
    """New values of every entity an accepted mutation creates or changes.

    A value with ``row_version == 1`` is new; any other replaces the row it was derived from.
    """

    upserts: tuple[Entity, ...]

    @property
    def areas(self) -> frozenset[Area]:
        return frozenset(_AREAS[type(entity)] for entity in self.upserts)


Outcome = Changes | Refusal
