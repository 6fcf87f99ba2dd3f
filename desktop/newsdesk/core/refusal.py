"""Refusals: why an action may not happen, as a value the UI can show and the server can send."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from newsdesk.core.i18n import Message


class RefusalCode(StrEnum):
    INVALID = "invalid"  # the request itself is malformed
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"  # the actor lacks the role
    WRONG_STATE = "wrong_state"  # not possible in the thing's current state
    STALE = "stale"  # judged a revision that is no longer current
    SAME_REVIEWER = "same_reviewer"
    INCOMPLETE_REVIEW = "incomplete_review"
    DUPLICATE = "duplicate"
    DISABLED = "disabled"
    CONFLICT = "conflict"  # someone else changed the thing since the actor last saw it


@dataclass(frozen=True)
class Refusal:
    code: RefusalCode
    message: Message

    def __str__(self) -> str:
        return str(self.message)


def refuse(code: RefusalCode, source: str, /, **params: object) -> Refusal:
    """A refusal whose ``source`` was marked with ``QT_TRANSLATE_NOOP("Refusal", ...)``."""
    return Refusal(code, Message("Refusal", source, MappingProxyType(dict(params))))
