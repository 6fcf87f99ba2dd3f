"""What a lifecycle handler works with: the world as it is, who acts, and the mutation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from newsdesk.core.actor import Actor
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.model import Channel, Entity
from newsdesk.core.mutation import Mutation
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.world import World

E = TypeVar("E", bound=Entity)


@dataclass(frozen=True)
class Context:
    world: World
    actor: Actor
    mutation: Mutation

    @property
    def at(self) -> dt.datetime:
        return self.mutation.at

    @property
    def entity_id(self) -> str:
        return self.mutation.entity

    def channel(self, channel_id: str) -> Channel | Refusal:
        channel = self.world.channel(channel_id)
        if channel is None:
            return refuse(
                RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That channel does not exist.")
            )
        return channel


def evolve(entity: E, at: dt.datetime | None = None, **changes: Any) -> E:
    """A new value of ``entity`` with ``changes``, its row version bumped and its time stamped."""
    if at is not None and hasattr(entity, "updated_at"):
        changes["updated_at"] = at
    changes["row_version"] = entity.row_version + 1
    if not changes.keys() <= _copyable_fields(type(entity)):
        return dataclasses.replace(entity, **changes)  # an unknown field raises here
    # What ``dataclasses.replace`` makes, without calling ``__init__`` with every field: a
    # large share of deciding a batch was spent there.
    evolved = object.__new__(type(entity))
    evolved.__dict__.update(entity.__dict__, **changes)
    return evolved


_COPYABLE_FIELDS: dict[type, frozenset[str]] = {}


def _copyable_fields(cls: type) -> frozenset[str]:
    """The fields of ``cls``, if a copy of an instance's ``__dict__`` with some of them changed
    is what its ``__init__`` would make (nothing to run after it, no slots); else none."""
    found = _COPYABLE_FIELDS.get(cls)
    if found is None:
        copyable = not hasattr(cls, "__post_init__") and "__slots__" not in vars(cls)
        found = frozenset(f.name for f in dataclasses.fields(cls)) if copyable else frozenset()
        _COPYABLE_FIELDS[cls] = found
    return found
