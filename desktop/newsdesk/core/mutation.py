"""The mutation: one user action, as data that can be applied, queued, pushed and audited.

``args`` holds JSON values only (text, numbers, booleans, lists, objects), so a mutation crosses
the wire unchanged. :func:`parse_args` checks them against the kind's schema and returns typed
values, or a refusal naming the field at fault.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.ids import is_safe_id, is_sha256, new_id
from newsdesk.core.model import (
    MAX_REVIEW_LEVELS,
    MAX_SILENCE_DAYS,
    Anchor,
    ArticleKind,
    ChecklistItem,
    FeedKind,
    Material,
    MaterialKind,
    MessageClass,
    Platform,
    Priority,
    Role,
    Target,
    Verdict,
)
from newsdesk.core.refusal import Refusal, RefusalCode, refuse


class Kind(StrEnum):
    USER_CREATE = "user.create"
    USER_UPDATE = "user.update"
    USER_SET_PASSWORD = "user.set_password"
    CHANNEL_CREATE = "channel.create"
    CHANNEL_UPDATE = "channel.update"
    ROLE_GRANT = "role.grant"
    ROLE_REVOKE = "role.revoke"
    ATTACHMENT_ADD = "attachment.add"
    PROPOSAL_CREATE = "proposal.create"
    PROPOSAL_UPDATE = "proposal.update"
    PROPOSAL_SUBMIT = "proposal.submit"
    PROPOSAL_SELECT = "proposal.select"
    PROPOSAL_RETURN = "proposal.return"
    PROPOSAL_DELETE = "proposal.delete"
    PROPOSAL_RESTORE = "proposal.restore"
    PROPOSAL_ASSIGN = "proposal.assign"
    TOPIC_START = "topic.start"
    TOPIC_RESCHEDULE = "topic.reschedule"
    ARTICLE_CREATE = "article.create"
    ARTICLE_EDIT = "article.edit"
    ARTICLE_MERGE = "article.merge"
    ARTICLE_SUBMIT = "article.submit"
    ARTICLE_WITHDRAW = "article.withdraw"
    ARTICLE_REVIEW = "article.review"
    ARTICLE_SIGN_OFF = "article.sign_off"
    ARTICLE_SCHEDULE = "article.schedule"
    ARTICLE_UNSCHEDULE = "article.unschedule"
    ARTICLE_PUBLISH = "article.publish"
    ARTICLE_CORRECT = "article.correct"
    ARTICLE_RETRACT = "article.retract"
    SOURCE_ADD = "source.add"
    SOURCE_UPDATE = "source.update"
    SOURCE_REMOVE = "source.remove"
    SOURCE_FOLLOW = "source.follow"
    LEAD_ADD = "lead.add"
    LEAD_READ = "lead.read"
    LEAD_DISMISS = "lead.dismiss"
    LEAD_UNDISMISS = "lead.undismiss"
    ACCOUNT_ADD = "account.add"
    ACCOUNT_UPDATE = "account.update"
    ACCOUNT_RECORD_MONTH = "account.record_month"
    ACCOUNT_IMPORT = "account.import"
    TARGET_SET = "target.set"
    MESSAGE_ADD = "message.add"
    MESSAGE_UPDATE = "message.update"
    MESSAGE_ANSWER = "message.answer"
    MESSAGE_CLOSE = "message.close"
    NOTIFICATION_READ = "notification.read"


@dataclass(frozen=True)
class Mutation:
    id: str
    actor: str
    at: dt.datetime
    kind: Kind
    entity: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    base_version: int | None = None

    def to_wire(self) -> dict[str, Any]:
        """The mutation as a push carries it (JSON-ready); :meth:`from_wire` reads it back."""
        return {
            "id": self.id,
            "actor": self.actor,
            "at": self.at.astimezone(dt.UTC).isoformat(),
            "kind": self.kind.value,
            "entity": self.entity,
            "base_version": self.base_version,
            "args": dict(self.args),
        }

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Mutation:
        """The one way back from what :meth:`to_wire` made (a decoded push, the outbox, the
        ledger); raises ``ValueError`` (or ``KeyError``) naming what is wrong with ``data``."""
        stamp = data["at"]
        at = stamp if isinstance(stamp, dt.datetime) else dt.datetime.fromisoformat(str(stamp))
        if at.tzinfo is None:
            raise ValueError("'at' must carry a time zone")
        base_version = data.get("base_version")
        if base_version is not None and not isinstance(base_version, int):
            raise ValueError("'base_version' must be an integer or null")
        args = data.get("args", {})
        if not isinstance(args, Mapping):
            raise ValueError("'args' must be an object")
        return cls(
            id=str(data["id"]),
            actor=str(data["actor"]),
            at=at,
            kind=Kind(data["kind"]),
            entity=str(data.get("entity") or ""),
            args=MappingProxyType(dict(args)),
            base_version=base_version,
        )


def mutation(
    actor: str,
    kind: Kind,
    entity: str | None = None,
    /,
    *,
    at: dt.datetime | None = None,
    base_version: int | None = None,
    **args: Any,
) -> Mutation:
    """A new mutation by ``actor``; a create without ``entity`` gets a fresh id."""
    return Mutation(
        id=new_id(),
        actor=actor,
        at=at or dt.datetime.now(dt.UTC),
        kind=kind,
        entity=entity or new_id(),
        args=MappingProxyType(args),
        base_version=base_version,
    )


# --- argument schemas -------------------------------------------------------------------------


class T(StrEnum):
    TEXT = "text"
    URL = "url"  # http(s) only: links reach readers' pages and the app's documents
    INT = "int"
    DAYS = "days"  # a whole number of days within the bounds, or null for none
    BOOL = "bool"
    DATE = "date"
    TIME = "time"  # ISO 8601 with its time zone
    ID = "id"
    SHA256 = "sha256"
    TEXT_LIST = "text_list"
    ID_LIST = "id_list"
    TARGETS = "targets"
    ROLE = "role"
    PRIORITY = "priority"
    KIND = "article_kind"
    VERDICT = "verdict"
    CHECKLIST = "checklist"
    MATERIALS = "materials"
    ANCHORS = "anchors"
    PUBLICATIONS = "publications"
    COLOUR = "colour"
    FINDINGS = "findings"  # up to 50 short descriptions of open findings
    ARTICLE_VALUES = "article_values"  # some article fields and their values
    FEED_KIND = "feed_kind"
    PLATFORM = "platform"
    MESSAGE_CLASS = "message_class"
    MONTH = "month"  # YYYY-MM
    FIGURES = "figures"  # rows of an account's export: one item's figures each
    MESSAGES = "messages"  # readers' 留言 from an account's export


@dataclass(frozen=True)
class Arg:
    type: T
    required: bool = False
    max_len: int = 200
    low: int = 0
    high: int = 2**31


TITLE = Arg(T.TEXT, True, 120)
BODY = Arg(T.TEXT, max_len=2_000_000)
NOTE = Arg(T.TEXT, max_len=5_000)
_ARTICLE_FIELDS = {
    "title": Arg(T.TEXT, max_len=120),
    "subtitle": Arg(T.TEXT, max_len=200),
    "author": Arg(T.TEXT, max_len=100),
    "source": Arg(T.TEXT, max_len=200),
    "responsible_editor": Arg(T.TEXT, max_len=100),
    "summary": Arg(T.TEXT, max_len=1000),
    "cover": Arg(T.SHA256),
    "tags": Arg(T.TEXT_LIST, max_len=30),
    "targets": Arg(T.TARGETS),
    "kind": Arg(T.KIND),
    "original_url": Arg(T.URL, max_len=2000),
    "original_published_at": Arg(T.TIME),
    "body_html": BODY,
}
_PROPOSAL_FIELDS = {
    "title": Arg(T.TEXT, max_len=120),
    "angle": Arg(T.TEXT, max_len=5000),
    "materials": Arg(T.MATERIALS),
    "priority": Arg(T.PRIORITY),
    "planned_date": Arg(T.DATE),
    "tags": Arg(T.TEXT_LIST, max_len=30),
}
_CHANNEL_FIELDS = {
    "name": Arg(T.TEXT, max_len=40),
    "colour": Arg(T.COLOUR),
    "review_levels": Arg(T.INT, low=1, high=MAX_REVIEW_LEVELS),
    "targets": Arg(T.TARGETS),
    "allow_same_reviewer": Arg(T.BOOL),
    "typo_fast_path": Arg(T.BOOL),
    "hidden_columns": Arg(T.TEXT_LIST, max_len=20),
    "default_source": Arg(T.TEXT, max_len=200),
    "default_responsible_editor": Arg(T.TEXT, max_len=100),
    "slug": Arg(T.TEXT, max_len=40),
    "silence_days": Arg(T.DAYS, low=1, high=MAX_SILENCE_DAYS),
}

MIN_POLL_MINUTES = 5
MAX_POLL_MINUTES = 7 * 24 * 60
_SOURCE_FIELDS = {
    "name": Arg(T.TEXT, max_len=60),
    "url": Arg(T.URL, max_len=2000),
    "kind": Arg(T.FEED_KIND),
    "interval_minutes": Arg(T.INT, low=MIN_POLL_MINUTES, high=MAX_POLL_MINUTES),
    "paused": Arg(T.BOOL),
}


_FIGURE_FIELDS = {
    "title": Arg(T.TEXT, True, 300),
    "url": Arg(T.URL, max_len=2000),
    "published_on": Arg(T.DATE, True),
    "article_id": Arg(T.ID),
    "reads": Arg(T.INT),
    "likes": Arg(T.INT),
    "shares": Arg(T.INT),
    "comments": Arg(T.INT),
}
_MESSAGE_FIELDS = {
    "text": Arg(T.TEXT, True, 5000),
    "author": Arg(T.TEXT, max_len=100),
    "received_at": Arg(T.TIME, True),
    "category": Arg(T.MESSAGE_CLASS),
}
MAX_IMPORT_ROWS = 5000


def _required(fields: Mapping[str, Arg], *names: str) -> dict[str, Arg]:
    return {
        name: (Arg(a.type, True, a.max_len, a.low, a.high) if name in names else a)
        for name, a in fields.items()
    }


SCHEMAS: Mapping[Kind, Mapping[str, Arg]] = {
    Kind.USER_CREATE: {
        "login": Arg(T.TEXT, True, 40),
        "name": Arg(T.TEXT, True, 60),
        "password_hash": Arg(T.TEXT, max_len=512),
        "is_admin": Arg(T.BOOL),
        "is_auditor": Arg(T.BOOL),
    },
    Kind.USER_UPDATE: {
        "name": Arg(T.TEXT, max_len=60),
        "is_admin": Arg(T.BOOL),
        "is_auditor": Arg(T.BOOL),
        "disabled": Arg(T.BOOL),
    },
    Kind.USER_SET_PASSWORD: {"password_hash": Arg(T.TEXT, True, 512)},
    Kind.CHANNEL_CREATE: _required(_CHANNEL_FIELDS, "name"),
    Kind.CHANNEL_UPDATE: _CHANNEL_FIELDS,
    Kind.ROLE_GRANT: {
        "user_id": Arg(T.ID, True),
        "channel_id": Arg(T.ID, True),
        "role": Arg(T.ROLE, True),
    },
    Kind.ROLE_REVOKE: {},
    Kind.ATTACHMENT_ADD: {
        "mime": Arg(T.TEXT, True, 100),
        "size": Arg(T.INT, True),
        "name": Arg(T.TEXT, max_len=255),
    },
    Kind.PROPOSAL_CREATE: {"channel_id": Arg(T.ID, True), **_required(_PROPOSAL_FIELDS, "title")},
    Kind.PROPOSAL_UPDATE: _PROPOSAL_FIELDS,
    Kind.PROPOSAL_SUBMIT: {},
    Kind.PROPOSAL_SELECT: {},
    Kind.PROPOSAL_RETURN: {"reason": Arg(T.TEXT, True, 2000)},
    Kind.PROPOSAL_DELETE: {},
    Kind.PROPOSAL_RESTORE: {},
    Kind.PROPOSAL_ASSIGN: {"assignees": Arg(T.ID_LIST, True, 20), "due_date": Arg(T.DATE, True)},
    Kind.TOPIC_START: {"article_id": Arg(T.ID, True)},
    Kind.TOPIC_RESCHEDULE: {"due_date": Arg(T.DATE, True)},
    Kind.ARTICLE_CREATE: {"channel_id": Arg(T.ID, True), **_required(_ARTICLE_FIELDS, "title")},
    # ``base``: the values the edited fields had when the editor loaded them, so an edit made
    # on top of someone else's change is kept as a conflict instead of overwriting it.
    Kind.ARTICLE_EDIT: {**_ARTICLE_FIELDS, "base": Arg(T.ARTICLE_VALUES)},
    Kind.ARTICLE_MERGE: {"revision_id": Arg(T.ID, True), **_ARTICLE_FIELDS},
    Kind.ARTICLE_SUBMIT: {
        "revision_id": Arg(T.ID, True),
        "content_hash": Arg(T.SHA256, True),
        "open_findings": Arg(T.FINDINGS, max_len=50),
    },
    Kind.ARTICLE_WITHDRAW: {},
    Kind.ARTICLE_REVIEW: {
        "decision_id": Arg(T.ID, True),
        "revision_hash": Arg(T.SHA256, True),
        "level": Arg(T.INT, True, low=1, high=MAX_REVIEW_LEVELS),
        "verdict": Arg(T.VERDICT, True),
        "comment": NOTE,
        "checked": Arg(T.CHECKLIST),
        "anchors": Arg(T.ANCHORS),
    },
    # ``publish_at``: 定时发布, the article goes out by itself at that time.
    Kind.ARTICLE_SIGN_OFF: {
        "sign_off_id": Arg(T.ID, True),
        "revision_hash": Arg(T.SHA256, True),
        "publish_at": Arg(T.TIME),
    },
    Kind.ARTICLE_SCHEDULE: {"publish_at": Arg(T.TIME, True)},
    Kind.ARTICLE_UNSCHEDULE: {},
    # ``scheduled_for``: the publication time a scheduled publication was made for; refused
    # when the article is no longer scheduled for it (rescheduled, cancelled, corrected).
    Kind.ARTICLE_PUBLISH: {
        "revision_hash": Arg(T.SHA256, True),
        "publications": Arg(T.PUBLICATIONS, True),
        "correction_note": NOTE,
        "scheduled_for": Arg(T.TIME),
    },
    Kind.ARTICLE_CORRECT: {"typo": Arg(T.BOOL)},
    Kind.ARTICLE_RETRACT: {"reason": Arg(T.TEXT, True, 2000)},
    Kind.SOURCE_ADD: {"channel_id": Arg(T.ID, True), **_required(_SOURCE_FIELDS, "name", "url")},
    Kind.SOURCE_UPDATE: {"channel_id": Arg(T.ID), **_SOURCE_FIELDS},
    Kind.SOURCE_REMOVE: {},
    Kind.LEAD_ADD: {
        "source_id": Arg(T.ID, True),
        "guid": Arg(T.TEXT, True, 2000),
        "url": Arg(T.URL, True, 2000),
        "title": Arg(T.TEXT, True, 300),
        "summary": Arg(T.TEXT, max_len=5000),
        "published_at": Arg(T.TIME),
    },
    Kind.LEAD_READ: {},
    Kind.LEAD_DISMISS: {},
    Kind.LEAD_UNDISMISS: {},
    Kind.ACCOUNT_ADD: {
        "channel_id": Arg(T.ID, True),
        "platform": Arg(T.PLATFORM, True),
        "name": Arg(T.TEXT, True, 60),
    },
    Kind.ACCOUNT_UPDATE: {"name": Arg(T.TEXT, max_len=60), "removed": Arg(T.BOOL)},
    Kind.ACCOUNT_RECORD_MONTH: {
        "month": Arg(T.MONTH, True),
        "followers": Arg(T.INT, True),
        "screenshot": Arg(T.SHA256),
    },
    Kind.ACCOUNT_IMPORT: {
        "figures": Arg(T.FIGURES, max_len=MAX_IMPORT_ROWS),
        "messages": Arg(T.MESSAGES, max_len=MAX_IMPORT_ROWS),
    },
    Kind.TARGET_SET: {
        "channel_id": Arg(T.ID, True),
        "account_id": Arg(T.ID),
        "year": Arg(T.INT, True, low=2000, high=2100),
        "publications": Arg(T.INT, True),
        "reads": Arg(T.INT, True),
        "followers": Arg(T.INT, True),
    },
    Kind.MESSAGE_ADD: {"account_id": Arg(T.ID, True), **_MESSAGE_FIELDS},
    Kind.MESSAGE_UPDATE: {"category": Arg(T.MESSAGE_CLASS), "assignee": Arg(T.ID)},
    Kind.MESSAGE_ANSWER: {"answer": Arg(T.TEXT, True, 5000)},
    Kind.MESSAGE_CLOSE: {},
    # The entity is the source; ``follow`` false unfollows it.
    Kind.SOURCE_FOLLOW: {"follow": Arg(T.BOOL, True)},
    # The entity is the user; ids read one by one and/or everything up to a time.
    Kind.NOTIFICATION_READ: {"ids": Arg(T.ID_LIST, max_len=200), "up_to": Arg(T.TIME)},
}


def _bad(name: str, source: str, **params: object) -> Refusal:
    return refuse(RefusalCode.INVALID, source, field=name, **params)


def _text(name: str, value: Any, spec: Arg) -> str | Refusal:
    if not isinstance(value, str):
        return _bad(name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be text."))
    text: str = value.strip()
    if spec.required and not text:
        return _bad(name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must not be empty."))
    if len(text) > spec.max_len:
        return _bad(
            name,
            QT_TRANSLATE_NOOP(
                "Refusal", "The field “{field}” is too long (at most {limit} characters)."
            ),
            limit=spec.max_len,
        )
    return text


# Made once: iterating an enum class is slow, and a priority is checked in most mutations.
_PRIORITIES = frozenset(Priority)
_ROLES = frozenset(Role)


def _choice(name: str, value: Any, enum: type[StrEnum]) -> Any:
    try:
        return enum(value)
    except ValueError:
        return _bad(
            name,
            QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be one of: {allowed}."),
            allowed=", ".join(e.value for e in enum),
        )


def _list(name: str, value: Any, spec: Arg) -> list[Any] | Refusal:
    if not isinstance(value, list):
        return _bad(name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be a list."))
    if len(value) > spec.max_len:
        return _bad(
            name,
            QT_TRANSLATE_NOOP(
                "Refusal", "The field “{field}” has too many items (at most {limit})."
            ),
            limit=spec.max_len,
        )
    return value


def _id(name: str, value: Any) -> str | Refusal:
    if not is_safe_id(value):
        return _bad(
            name,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "The field “{field}” must be an id: up to 64 letters, digits, - and _.",
            ),
        )
    return str(value)


def _url(name: str, value: Any, spec: Arg) -> str | Refusal:
    """An absolute http(s) address, or "" where the field is optional."""
    text = _text(name, value, spec)
    if isinstance(text, Refusal) or not text:
        return text
    scheme, colon, rest = text.partition(":")
    if not (colon and scheme.lower() in ("http", "https") and rest.startswith("//") and rest[2:]):
        return _bad(
            name,
            QT_TRANSLATE_NOOP(
                "Refusal", "The field “{field}” must be a web address starting with http(s)://."
            ),
        )
    return text


def _parse_one(name: str, value: Any, spec: Arg) -> Any:
    kind = spec.type
    if value is None and not spec.required and kind in (T.SHA256, T.DATE, T.TIME, T.ID, T.DAYS):
        return None
    if kind == T.ID:
        return _id(name, value)
    if kind == T.URL:
        return _url(name, value, spec)
    if kind == T.TEXT:
        return _text(name, value, spec)
    if kind == T.SHA256:
        if not isinstance(value, str) or not is_sha256(value):
            return _bad(
                name,
                QT_TRANSLATE_NOOP(
                    "Refusal", "The field “{field}” must be a SHA-256 hash in lower-case hex."
                ),
            )
        return value
    if kind == T.COLOUR:
        if not (
            isinstance(value, str)
            and len(value) == 7
            and value[0] == "#"
            and all(c in "0123456789abcdefABCDEF" for c in value[1:])
        ):
            return _bad(
                name,
                QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be a colour like #1f6feb."),
            )
        return value.lower()
    if kind in (T.INT, T.DAYS):
        if isinstance(value, bool) or not isinstance(value, int):
            return _bad(
                name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be a whole number.")
            )
        if not spec.low <= value <= spec.high:
            return _bad(
                name,
                QT_TRANSLATE_NOOP(
                    "Refusal", "The field “{field}” must be between {low} and {high}."
                ),
                low=spec.low,
                high=spec.high,
            )
        return value
    if kind == T.BOOL:
        if not isinstance(value, bool):
            return _bad(
                name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be true or false.")
            )
        return value
    if kind == T.DATE:
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return _bad(
                name,
                QT_TRANSLATE_NOOP(
                    "Refusal", "The field “{field}” must be a date written YYYY-MM-DD."
                ),
            )
    if kind == T.TIME:
        return _time(name, value)
    if kind == T.FEED_KIND:
        return _choice(name, value, FeedKind)
    if kind == T.PLATFORM:
        return _choice(name, value, Platform)
    if kind == T.MESSAGE_CLASS:
        return _choice(name, value, MessageClass)
    if kind == T.MONTH:
        return _month(name, value)
    if kind == T.ROLE:
        return _choice(name, value, Role)
    if kind == T.KIND:
        return _choice(name, value, ArticleKind)
    if kind == T.VERDICT:
        return _choice(name, value, Verdict)
    if kind == T.PRIORITY:
        if isinstance(value, bool) or not isinstance(value, int) or value not in _PRIORITIES:
            return _bad(
                name,
                QT_TRANSLATE_NOOP(
                    "Refusal", "The field “{field}” must be a priority from 0 (low) to 3 (urgent)."
                ),
            )
        return Priority(value)
    if kind == T.ARTICLE_VALUES:
        return _article_values(name, value)
    items = _list(name, value, spec)
    if isinstance(items, Refusal):
        return items
    return _parse_items(name, items, kind)


def _time(name: str, value: Any) -> dt.datetime | Refusal:
    try:
        at = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        at = None
    if at is None or at.tzinfo is None:
        return _bad(
            name,
            QT_TRANSLATE_NOOP(
                "Refusal", "The field “{field}” must be a time in ISO 8601 with its time zone."
            ),
        )
    return at.astimezone(dt.UTC)


def _month(name: str, value: Any) -> str | Refusal:
    try:
        ok = (
            isinstance(value, str)
            and len(value) == 7
            and bool(dt.date.fromisoformat(value + "-01"))
        )
    except ValueError:
        ok = False
    if not ok:
        return _bad(
            name,
            QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be a month written YYYY-MM."),
        )
    return str(value)


def _records(
    name: str, items: list[Any], fields: Mapping[str, Arg]
) -> tuple[dict[str, Any], ...] | Refusal:
    """Each item checked against ``fields``; a refusal names the item's field as
    ``figures[3].reads`` (items counted from 1)."""
    records = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            return _bad(
                f"{name}[{number}]",
                QT_TRANSLATE_NOOP("Refusal", "An item of “{field}” is not shaped as expected."),
            )
        for key in item:
            if key not in fields:
                return _bad(
                    f"{name}[{number}].{key}",
                    QT_TRANSLATE_NOOP("Refusal", "Unknown field “{field}”."),
                )
        record: dict[str, Any] = {}
        for key, spec in fields.items():
            where = f"{name}[{number}].{key}"
            if key not in item:
                if spec.required:
                    return _bad(
                        where, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” is required.")
                    )
                continue
            value = _parse_one(where, item[key], spec)
            if isinstance(value, Refusal):
                return value
            record[key] = value
        records.append(record)
    return tuple(records)


def _article_values(name: str, value: Any) -> dict[str, Any] | Refusal:
    if not isinstance(value, Mapping):
        return _bad(name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must be an object."))
    parsed: dict[str, Any] = {}
    for field_name, field_value in value.items():
        spec = _ARTICLE_FIELDS.get(field_name)
        if spec is None:
            return _bad(name, QT_TRANSLATE_NOOP("Refusal", "Unknown field “{field}”."))
        one = _parse_one(field_name, field_value, spec)
        if isinstance(one, Refusal):
            return one
        parsed[field_name] = one
    return parsed


def _parse_items(name: str, items: list[Any], kind: T) -> Any:
    if kind == T.FINDINGS:
        findings: list[str] = []
        for item in items:
            text = _text(name, item, Arg(T.TEXT, True, 200))
            if isinstance(text, Refusal):
                return text
            findings.append(text)
        return tuple(findings)
    if kind in (T.TEXT_LIST, T.ID_LIST):
        out: list[str] = []
        for item in items:
            text = (
                _id(name, item) if kind == T.ID_LIST else _text(name, item, Arg(T.TEXT, True, 40))
            )
            if isinstance(text, Refusal):
                return text
            if text not in out:
                out.append(text)
        return tuple(out)
    if kind in (T.TARGETS, T.CHECKLIST):
        enum: type[StrEnum] = Target if kind == T.TARGETS else ChecklistItem
        parsed = []
        for item in items:
            choice = _choice(name, item, enum)
            if isinstance(choice, Refusal):
                return choice
            if choice not in parsed:
                parsed.append(choice)
        return tuple(parsed)
    if kind == T.FIGURES:
        return _records(name, items, _FIGURE_FIELDS)
    if kind == T.MESSAGES:
        return _records(name, items, _MESSAGE_FIELDS)
    shape = QT_TRANSLATE_NOOP("Refusal", "An item of “{field}” is not shaped as expected.")
    if kind == T.MATERIALS:
        materials = []
        for item in items:
            if not isinstance(item, Mapping) or set(item) - {"kind", "value", "label"}:
                return _bad(name, shape)
            material_kind = _choice(name, item.get("kind"), MaterialKind)
            value_spec = Arg(T.TEXT, True, 10_000)
            value = (
                _url(name, item.get("value"), value_spec)
                if material_kind == MaterialKind.LINK
                else _text(name, item.get("value"), value_spec)
            )
            label = _text(name, item.get("label", ""), Arg(T.TEXT, False, 200))
            for part in (material_kind, value, label):
                if isinstance(part, Refusal):
                    return part
            if material_kind == MaterialKind.FILE and not is_sha256(str(value)):
                return _bad(name, shape)
            materials.append(Material(material_kind, str(value), str(label)))
        return tuple(materials)
    if kind == T.ANCHORS:
        anchors = []
        for item in items:
            if not isinstance(item, Mapping) or set(item) != {"start", "end", "quote", "comment"}:
                return _bad(name, shape)
            start, end = item["start"], item["end"]
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                return _bad(name, shape)
            quote = _text(name, item["quote"], Arg(T.TEXT, True, 2000))
            comment = _text(name, item["comment"], Arg(T.TEXT, True, 2000))
            if isinstance(quote, Refusal) or isinstance(comment, Refusal):
                return _bad(name, shape)
            anchors.append(Anchor(start, end, quote, comment))
        return tuple(anchors)
    if kind == T.PUBLICATIONS:
        publications = []
        for item in items:
            if not isinstance(item, Mapping) or set(item) != {"id", "target", "location"}:
                return _bad(name, shape)
            target = _choice(name, item["target"], Target)
            pid = _id(name, item["id"])
            location = _text(name, item["location"], Arg(T.TEXT, True, 2000))
            for part in (target, pid, location):
                if isinstance(part, Refusal):
                    return part
            publications.append((str(pid), target, str(location)))
        if not publications:
            return _bad(
                name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must not be empty.")
            )
        return tuple(publications)
    raise AssertionError(f"no parser for {kind}")


def parse_args(kind: Kind, args: Mapping[str, Any]) -> dict[str, Any] | Refusal:
    """Typed arguments for ``kind``, or a refusal naming the first field at fault."""
    schema = SCHEMAS[kind]
    for name in args:
        if name not in schema:
            return _bad(name, QT_TRANSLATE_NOOP("Refusal", "Unknown field “{field}”."))
    parsed: dict[str, Any] = {}
    for name, spec in schema.items():
        if name not in args:
            if spec.required:
                return _bad(name, QT_TRANSLATE_NOOP("Refusal", "The field “{field}” is required."))
            continue
        value = _parse_one(name, args[name], spec)
        if isinstance(value, Refusal):
            return value
        parsed[name] = value
    return parsed


def entity_problem(m: Mutation) -> Refusal | None:
    """Why the ids of ``m`` (its own, its actor's, its entity's) cannot be ids, if they cannot."""
    bad = QT_TRANSLATE_NOOP("Refusal", "“{value}” is not a valid id.")
    for value in (m.id, m.actor):
        if not is_safe_id(value):
            return refuse(RefusalCode.INVALID, bad, value=value[:80])
    if m.kind in (Kind.ROLE_GRANT, Kind.ROLE_REVOKE):
        user_id, _, rest = m.entity.partition("/")
        channel_id, _, role = rest.partition("/")
        ok = is_safe_id(user_id) and is_safe_id(channel_id) and role in _ROLES
    elif m.kind == Kind.ATTACHMENT_ADD:
        ok = is_sha256(m.entity)
    else:
        ok = is_safe_id(m.entity)
    return None if ok else refuse(RefusalCode.INVALID, bad, value=m.entity[:80])
