"""The entities of a newsroom, as immutable values.

A change never edits an entity in place: the lifecycle functions return new values (with
``row_version`` bumped), which the store writes and the sync layer ships.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum


class Role(StrEnum):
    """Roles granted per channel. ``admin`` is global and lives on :class:`User`."""

    EDITOR = "editor"
    CHIEF = "chief"
    REVIEWER1 = "reviewer1"
    REVIEWER2 = "reviewer2"
    REVIEWER3 = "reviewer3"
    PUBLISHER = "publisher"

    @staticmethod
    def reviewer(level: int) -> Role:
        return (Role.REVIEWER1, Role.REVIEWER2, Role.REVIEWER3)[level - 1]


class Target(StrEnum):
    PC = "pc"
    WAP = "wap"
    APP = "app"


class ProposalState(StrEnum):
    """A proposal (报题) and, once selected, the topic (选题) it becomes."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    SELECTED = "selected"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELETED = "deleted"


class ArticleState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SIGNED_OFF = "signed_off"
    PUBLISHED = "published"
    REJECTED = "rejected"
    RETRACTED = "retracted"


class ArticleKind(StrEnum):
    ORIGINAL = "original"
    REPOST = "repost"


class RevisionKind(StrEnum):
    SUBMITTED = "submitted"  # frozen when the article was submitted for review
    TYPO_FIX = "typo_fix"  # a correction submitted on the channel's short path for typos
    CONFLICT = "conflict"  # an edit that lost a race with another one, kept for merging


class Verdict(StrEnum):
    APPROVE = "approve"
    RETURN = "return"
    REJECT = "reject"


class Priority(IntEnum):
    LOW = 0
    NORMAL = 1
    HIGH = 2
    URGENT = 3


class ChecklistItem(StrEnum):
    """The review checklist of the users' rules (001 §5.3.2)."""

    TRUTH = "truth"  # 真实、准确、完整
    REPOST_AUTHORISED = "repost_authorised"  # 转载授权
    COPYRIGHT = "copyright"  # 素材版权
    NO_RESTRICTED_INFO = "no_restricted_info"  # 不宜公开信息


class MaterialKind(StrEnum):
    TEXT = "text"
    LINK = "link"
    FILE = "file"


class FeedKind(StrEnum):
    """How a subscribed source's feed is written; ``auto`` tells by the document."""

    AUTO = "auto"
    RSS = "rss"
    ATOM = "atom"
    JSON = "json"


class Platform(StrEnum):
    """Where a platform account publishes: the self-media platforms, the app and the website."""

    WECHAT = "wechat"  # 微信公众号
    WEIBO = "weibo"  # 微博
    DOUYIN = "douyin"  # 抖音
    TOUTIAO = "toutiao"  # 今日头条
    CHANNELS = "channels"  # 视频号
    APP = "app"
    WEBSITE = "website"
    OTHER = "other"


class MessageClass(StrEnum):
    """What a reader's 留言 asks for (001 §5.4): each class has its own duty."""

    ENQUIRY = "enquiry"  # 咨询: answered within two working days
    COMPLAINT = "complaint"  # 投诉
    SUGGESTION = "suggestion"  # 建议: registered for the periodic summary
    OTHER = "other"  # 其他


class MessageState(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


MAX_REVIEW_LEVELS = 3
MAX_SILENCE_DAYS = 366  # the longest publishing interval a channel may allow


@dataclass(frozen=True, kw_only=True)
class User:
    id: str
    login: str
    name: str
    is_admin: bool = False
    disabled: bool = False
    is_auditor: bool = False  # reads the audit log and the administration, changes nothing
    password_hash: str | None = None
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class Channel:
    id: str
    name: str
    colour: str = "#1f6feb"
    review_levels: int = 1
    targets: tuple[Target, ...] = (Target.PC, Target.WAP, Target.APP)
    allow_same_reviewer: bool = False
    hidden_columns: tuple[str, ...] = ()
    typo_fast_path: bool = False  # a typo correction needs only the last review level
    default_source: str = ""  # 来源 of a new article of the channel
    default_responsible_editor: str = ""  # 责任编辑 of a new article of the channel
    slug: str = ""  # the channel's folder in exported paths (news, culture…)
    # The longest a channel may go without publishing before the board warns (001 §5.3.3.2);
    # None: no warning.
    silence_days: int | None = None
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class RoleGrant:
    """A role held in a channel. Revoking keeps the row (``active=False``) so that it syncs."""

    id: str
    user_id: str
    channel_id: str
    role: Role
    active: bool = True
    row_version: int = 1

    @staticmethod
    def key(user_id: str, channel_id: str, role: Role) -> str:
        # Deterministic, so two admins granting the same role offline make one grant, not two.
        return f"{user_id}/{channel_id}/{role.value}"


@dataclass(frozen=True)
class Material:
    """Something attached to a proposal: a note, a link, or a file (by its SHA-256)."""

    kind: MaterialKind
    value: str
    label: str = ""


@dataclass(frozen=True, kw_only=True)
class Proposal:
    id: str
    channel_id: str
    proposer_id: str
    title: str
    angle: str = ""
    materials: tuple[Material, ...] = ()
    priority: Priority = Priority.NORMAL
    planned_date: dt.date | None = None
    tags: tuple[str, ...] = ()
    state: ProposalState = ProposalState.DRAFT
    return_reason: str = ""
    returned_by: str | None = None
    deleted_from: ProposalState | None = None
    deleted_by: str | None = None
    assignees: tuple[str, ...] = ()
    due_date: dt.date | None = None
    assigned_by: str | None = None
    article_id: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class Article:
    id: str
    channel_id: str
    owner_id: str
    title: str
    topic_id: str | None = None
    subtitle: str = ""
    author: str = ""
    source: str = ""
    responsible_editor: str = ""
    summary: str = ""
    cover: str | None = None
    tags: tuple[str, ...] = ()
    targets: tuple[Target, ...] = (Target.PC, Target.WAP, Target.APP)
    kind: ArticleKind = ArticleKind.ORIGINAL
    original_url: str = ""
    original_published_at: dt.datetime | None = None  # a repost's original, as its page says
    body_html: str = ""
    state: ArticleState = ArticleState.DRAFT
    review_level: int = 0
    revision_number: int = 0
    revision_hash: str | None = None
    published_hash: str | None = None
    published_version: int = 0
    is_correction: bool = False
    retract_reason: str = ""
    merge_revision_id: str | None = None  # a conflict revision waiting to be merged
    typo_fix: bool = False  # the correction under way fixes typos only (the short review path)
    # 定时发布: when the signed-off article goes out by itself, and who set that time (the
    # scheduled publication is made in their name). Not content: no revision freezes it.
    publish_at: dt.datetime | None = None
    scheduled_by: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    row_version: int = 1


# The fields a revision freezes and its content hash covers: what readers will see.
REVISION_FIELDS = (
    "title",
    "subtitle",
    "author",
    "source",
    "responsible_editor",
    "summary",
    "cover",
    "tags",
    "targets",
    "kind",
    "original_url",
    "original_published_at",
    "body_html",
)


@dataclass(frozen=True, kw_only=True)
class RevisionContent:
    """What a revision freezes (:data:`REVISION_FIELDS`): the text readers are given, typed.

    Made from a revision's stored content (:meth:`of`), which an older workspace or another
    desktop may have written with missing or odd values: each becomes its field's empty value.
    """

    title: str = ""
    subtitle: str = ""
    author: str = ""
    source: str = ""
    responsible_editor: str = ""
    summary: str = ""
    cover: str | None = None  # the SHA-256 of the cover attachment
    tags: tuple[str, ...] = ()
    kind: ArticleKind = ArticleKind.ORIGINAL
    original_url: str = ""
    original_published_at: dt.datetime | None = None
    body_html: str = ""

    @classmethod
    def of(cls, content: Mapping[str, object] | Iterable[tuple[str, object]]) -> RevisionContent:
        """The content of a revision from its fields (as stored, or as ``Revision.content``)."""
        fields = dict(content)

        def text(name: str) -> str:
            value = fields.get(name)
            return str(value) if value else ""

        tags = fields.get("tags")
        cover = fields.get("cover")
        return cls(
            title=text("title"),
            subtitle=text("subtitle"),
            author=text("author"),
            source=text("source"),
            responsible_editor=text("responsible_editor"),
            summary=text("summary"),
            cover=cover if isinstance(cover, str) and cover else None,
            tags=tuple(str(t) for t in tags) if isinstance(tags, list | tuple) else (),
            kind=ArticleKind(text("kind") or ArticleKind.ORIGINAL),
            original_url=text("original_url"),
            original_published_at=_time(fields.get("original_published_at")),
            body_html=text("body_html"),
        )

    def retracted(self) -> RevisionContent:
        """What readers are still given of a retracted article: who wrote what, under which
        headline and tags, but no text, summary or pictures to distribute again."""
        return replace(self, summary="", cover=None, body_html="")


def _time(value: object) -> dt.datetime | None:
    """A stored time (ISO 8601 with its zone), or ``None`` for a missing or unreadable one."""
    if isinstance(value, dt.datetime):
        return value
    try:
        found = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return found if found is not None and found.tzinfo is not None else None


@dataclass(frozen=True, kw_only=True)
class Revision:
    id: str
    article_id: str
    number: int
    content_hash: str
    author_id: str
    created_at: dt.datetime
    content: tuple[tuple[str, object], ...]
    kind: RevisionKind = RevisionKind.SUBMITTED
    base: tuple[tuple[str, object], ...] | None = None  # a conflict's common ancestor
    # The findings (sensitive words, personal data, …) the writer submitted over, as they were
    # told them; not part of the content or its hash.
    open_findings: tuple[str, ...] = ()
    row_version: int = 1

    def field(self, name: str) -> object:
        return dict(self.content)[name]


@dataclass(frozen=True)
class Anchor:
    """A review comment attached to a passage of the text (character offsets in the plain text)."""

    start: int
    end: int
    quote: str
    comment: str


@dataclass(frozen=True, kw_only=True)
class ReviewDecision:
    id: str
    article_id: str
    revision_number: int
    revision_hash: str
    level: int
    reviewer_id: str
    verdict: Verdict
    comment: str = ""
    checked: tuple[ChecklistItem, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    decided_at: dt.datetime  # by the reviewer's clock, which may be wrong (offline)
    received_at: dt.datetime | None = None  # by the service's, once it accepted the decision
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class SignOff:
    """签发: the publisher's release of one approved revision."""

    id: str
    article_id: str
    revision_number: int
    revision_hash: str
    publisher_id: str
    signed_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class Publication:
    id: str
    article_id: str
    revision_hash: str
    target: Target
    version: int
    location: str
    publisher_id: str
    published_at: dt.datetime
    correction_note: str = ""
    retracted: bool = False
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class Attachment:
    sha256: str
    mime: str
    size: int
    name: str
    added_by: str
    added_at: dt.datetime
    row_version: int = 1

    @property
    def id(self) -> str:
        return self.sha256


@dataclass(frozen=True, kw_only=True)
class Source:
    """A subscribed feed (定向采集): polled for new items, which become a channel's leads.
    Removing keeps the row (``removed=True``) so that the removal syncs."""

    id: str
    channel_id: str
    name: str
    url: str
    kind: FeedKind = FeedKind.AUTO
    interval_minutes: int = 30
    paused: bool = False
    removed: bool = False
    added_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class Lead:
    """An item a source's feed carried (线索). Its id is derived from the source and the item's
    guid (:func:`newsdesk.core.sources.lead_id`), so an item found twice is one lead. Who has
    read it is kept per user; a dismissal is the newsroom's, for everyone."""

    id: str
    source_id: str
    channel_id: str
    guid: str
    url: str
    title: str
    summary: str = ""
    published_at: dt.datetime | None = None
    found_at: dt.datetime
    read_by: tuple[str, ...] = ()
    dismissed: bool = False
    dismissed_by: str | None = None
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class PlatformAccount:
    """A channel's account on a platform (its 微信公众号, its 微博 …). Removing keeps the row."""

    id: str
    channel_id: str
    platform: Platform
    name: str
    removed: bool = False
    created_at: dt.datetime
    updated_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class AccountMonth:
    """An account's month (001 §5.6.1): its followers at the month's end and the screenshot of
    the platform's follower page. One per account and month (``operations.month_id``)."""

    id: str
    channel_id: str
    account_id: str
    month: str  # YYYY-MM
    followers: int
    screenshot: str | None = None  # an attachment's SHA-256
    recorded_by: str
    updated_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class PlatformFigures:
    """One item's figures on a platform as its back office exported them, matched to our
    published article when one fits. Importing it again replaces the figures."""

    id: str
    channel_id: str
    account_id: str
    title: str
    url: str = ""
    published_on: dt.date
    article_id: str | None = None
    reads: int = 0
    likes: int = 0
    shares: int = 0
    comments: int = 0
    imported_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class YearTarget:
    """A channel's (or one of its accounts') targets for a year (001 §6.1)."""

    id: str
    channel_id: str
    account_id: str | None = None
    year: int
    publications: int = 0  # 发布量
    reads: int = 0  # 阅读量
    followers: int = 0  # 关注量
    set_by: str
    updated_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class ReaderMessage:
    """A reader's 留言 on one of our accounts (001 §5.4), and what we did with it."""

    id: str
    channel_id: str
    account_id: str
    text: str
    author: str = ""
    received_at: dt.datetime
    category: MessageClass = MessageClass.OTHER
    assignee: str | None = None
    state: MessageState = MessageState.OPEN
    answer: str = ""
    answered_by: str | None = None
    answered_at: dt.datetime | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class NotificationReads:
    """Which of their notifications a user has read, one row per user (its id is theirs), so
    every desktop of theirs agrees: everything up to ``up_to``, and the ids read one by one
    since (the newest :data:`MAX_READ_IDS`)."""

    id: str
    up_to: dt.datetime | None = None
    read_ids: tuple[str, ...] = ()
    row_version: int = 1


MAX_READ_IDS = 300


@dataclass(frozen=True, kw_only=True)
class SourceFollows:
    """The sources one user follows (关注), one row per user (its id is theirs), pulled by that
    user alone.

    Why one row holding a set, changed by ``source.follow`` carrying the wanted state: the
    service decides each mutation again on its own copy of the row, so a follow only adds its
    source and an unfollow only removes its own; two desktops of the same person that followed
    different sources offline both keep theirs, and for the same source the decision the service
    receives last wins (the person's latest word as the newsroom saw it, whatever their clocks
    say). A set never grows beyond the sources there are, so it has no tombstones to prune."""

    id: str
    source_ids: tuple[str, ...] = ()
    row_version: int = 1


@dataclass(frozen=True, kw_only=True)
class ScheduledPublication:
    """A signed-off article waiting for its publication time (定时发布)."""

    article_id: str
    title: str
    channel_id: str
    publish_at: dt.datetime
    scheduled_by: str


Entity = (
    User
    | Channel
    | RoleGrant
    | Proposal
    | Article
    | Revision
    | ReviewDecision
    | SignOff
    | Publication
    | Attachment
    | Source
    | Lead
    | PlatformAccount
    | AccountMonth
    | PlatformFigures
    | YearTarget
    | ReaderMessage
    | NotificationReads
    | SourceFollows
)
