"""Refusals: why an action may not happen, as a value the UI can show and the server can send."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

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
    LOADING = "loading"  # not yet: what the decision needs is still being read


@dataclass(frozen=True)
class Refusal:
    code: RefusalCode
    message: Message

    def __str__(self) -> str:
        return str(self.message)

    def to_json(self) -> dict[str, Any]:
        """The refusal as a refused mutation's record keeps it and a push's outcome carries it:
        the code, the untranslated sentence with its parameters, and the English text."""
        return {
            "code": self.code.value,
            "source": self.message.source,
            "params": dict(self.message.params),
            "message": str(self),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Refusal:
        """What :meth:`to_json` wrote, read back; a code this version does not know reads as
        invalid, and a record without its sentence keeps the English text."""
        record = data or {}
        try:
            code = RefusalCode(str(record.get("code")))
        except ValueError:
            code = RefusalCode.INVALID
        source = record.get("source")
        if not source:  # only the English text: shown as it is, braces and all
            source = str(record.get("message") or "").replace("{", "{{").replace("}", "}}")
        params = record.get("params") or {}
        return cls(code, Message("Refusal", str(source), MappingProxyType(dict(params))))


def refuse(code: RefusalCode, source: str, /, **params: object) -> Refusal:
    """A refusal whose ``source`` was marked with ``QT_TRANSLATE_NOOP("Refusal", ...)``."""
    return Refusal(code, Message("Refusal", source, MappingProxyType(dict(params))))
