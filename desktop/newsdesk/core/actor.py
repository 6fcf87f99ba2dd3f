"""Who is acting: a user together with the roles they hold in each channel."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.core.model import Role, RoleGrant, User


@dataclass(frozen=True)
class Actor:
    user: User
    roles: frozenset[tuple[str, Role]]

    @classmethod
    def of(cls, user: User, grants: Iterable[RoleGrant]) -> Actor:
        return cls(
            user,
            frozenset((g.channel_id, g.role) for g in grants if g.active and g.user_id == user.id),
        )

    @property
    def id(self) -> str:
        return self.user.id

    @property
    def is_admin(self) -> bool:
        return self.user.is_admin and not self.user.disabled

    def holds(self, role: Role, channel_id: str) -> bool:
        return not self.user.disabled and (channel_id, role) in self.roles

    def channels(self) -> frozenset[str]:
        """The channels where this actor holds any role: what they may see."""
        return frozenset(channel for channel, _ in self.roles)

    def review_levels(self, channel_id: str) -> tuple[int, ...]:
        return tuple(level for level in (1, 2, 3) if self.holds(Role.reviewer(level), channel_id))
