"""The tables, as typed SQLAlchemy models. Column names are the entity field names.

The migrations in ``migrations/versions`` create these tables; a test checks that the head
migration and these models agree.
"""

# No "from __future__ import annotations" here: SQLAlchemy would evaluate every Mapped[...]
# annotation from its text, a fifth of this module's import time (at every start).
import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(64)
SCHEMA_HEAD = "0017_source_follows"  # the newest migration; a test checks it against Alembic's head
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: DateTime(timezone=True),
        dict[str, Any]: JSON,
        list[Any]: JSON,
        dict[str, Any] | None: JSON,
        list[Any] | None: JSON,
    }


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    is_admin: Mapped[bool]
    disabled: Mapped[bool]
    is_auditor: Mapped[bool] = mapped_column(server_default=false())
    password_hash: Mapped[str | None] = mapped_column(String(512))
    row_version: Mapped[int]


class ChannelRow(Base):
    __tablename__ = "channels"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    colour: Mapped[str] = mapped_column(String(7))
    review_levels: Mapped[int]
    targets: Mapped[list[Any]]
    allow_same_reviewer: Mapped[bool]
    hidden_columns: Mapped[list[Any]]
    typo_fast_path: Mapped[bool] = mapped_column(server_default=false())
    default_source: Mapped[str] = mapped_column(String(200), server_default="")
    default_responsible_editor: Mapped[str] = mapped_column(String(100), server_default="")
    slug: Mapped[str] = mapped_column(String(40), server_default="")
    silence_days: Mapped[int | None]
    row_version: Mapped[int]


class RoleGrantRow(Base):
    __tablename__ = "role_grants"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, index=True)
    channel_id: Mapped[str] = mapped_column(ID)
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool]
    row_version: Mapped[int]


class ProposalRow(Base):
    __tablename__ = "proposals"
    __table_args__ = (
        Index(None, "channel_id", "state"),
        # The calendar's ranges: per channel and state, a seek to the first day and a scan.
        Index(None, "channel_id", "state", "planned_date"),
        Index(None, "channel_id", "state", "due_date"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID)
    proposer_id: Mapped[str] = mapped_column(ID, index=True)
    title: Mapped[str] = mapped_column(String(120))
    angle: Mapped[str] = mapped_column(Text)
    materials: Mapped[list[Any]]
    priority: Mapped[int]
    planned_date: Mapped[dt.date | None] = mapped_column(Date)
    tags: Mapped[list[Any]]
    state: Mapped[str] = mapped_column(String(20))
    return_reason: Mapped[str] = mapped_column(Text)
    returned_by: Mapped[str | None] = mapped_column(ID)
    deleted_from: Mapped[str | None] = mapped_column(String(20))
    deleted_by: Mapped[str | None] = mapped_column(ID)
    assignees: Mapped[list[Any]]
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    assigned_by: Mapped[str | None] = mapped_column(ID)
    article_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime] = mapped_column(index=True)
    row_version: Mapped[int]


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (Index(None, "channel_id", "state"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID)
    owner_id: Mapped[str] = mapped_column(ID, index=True)
    title: Mapped[str] = mapped_column(String(120))
    topic_id: Mapped[str | None] = mapped_column(ID)
    subtitle: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(200))
    responsible_editor: Mapped[str] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text)
    cover: Mapped[str | None] = mapped_column(String(64))
    tags: Mapped[list[Any]]
    targets: Mapped[list[Any]]
    kind: Mapped[str] = mapped_column(String(20))
    original_url: Mapped[str] = mapped_column(Text)
    original_published_at: Mapped[dt.datetime | None]
    body_html: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    review_level: Mapped[int]
    revision_number: Mapped[int]
    revision_hash: Mapped[str | None] = mapped_column(String(64))
    published_hash: Mapped[str | None] = mapped_column(String(64))
    published_version: Mapped[int]
    is_correction: Mapped[bool]
    retract_reason: Mapped[str] = mapped_column(Text)
    merge_revision_id: Mapped[str | None] = mapped_column(ID)
    typo_fix: Mapped[bool] = mapped_column(server_default=false())
    publish_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    scheduled_by: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime] = mapped_column(index=True)
    row_version: Mapped[int]


class RevisionRow(Base):
    __tablename__ = "revisions"
    __table_args__ = (Index(None, "article_id", "number"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ID)
    number: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    author_id: Mapped[str] = mapped_column(ID)
    created_at: Mapped[dt.datetime]
    content: Mapped[dict[str, Any]]
    kind: Mapped[str] = mapped_column(String(20), server_default="submitted")
    base: Mapped[dict[str, Any] | None]
    open_findings: Mapped[list[Any]] = mapped_column(server_default="[]")
    row_version: Mapped[int]


class ReviewDecisionRow(Base):
    __tablename__ = "review_decisions"
    __table_args__ = (Index(None, "article_id", "revision_number"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ID)
    revision_number: Mapped[int]
    revision_hash: Mapped[str] = mapped_column(String(64))
    level: Mapped[int]
    reviewer_id: Mapped[str] = mapped_column(ID)
    verdict: Mapped[str] = mapped_column(String(10))
    comment: Mapped[str] = mapped_column(Text)
    checked: Mapped[list[Any]]
    anchors: Mapped[list[Any]]
    decided_at: Mapped[dt.datetime]  # by the reviewer's clock
    received_at: Mapped[dt.datetime | None]  # by the service's, once it accepted the decision
    row_version: Mapped[int]


class SignOffRow(Base):
    __tablename__ = "sign_offs"
    __table_args__ = (Index(None, "article_id", "revision_number"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ID)
    revision_number: Mapped[int]
    revision_hash: Mapped[str] = mapped_column(String(64))
    publisher_id: Mapped[str] = mapped_column(ID)
    signed_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class PublicationRow(Base):
    __tablename__ = "publications"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ID, index=True)
    revision_hash: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(10))
    version: Mapped[int]
    location: Mapped[str] = mapped_column(Text)
    publisher_id: Mapped[str] = mapped_column(ID)
    published_at: Mapped[dt.datetime]
    correction_note: Mapped[str] = mapped_column(Text)
    retracted: Mapped[bool]
    row_version: Mapped[int]


class AttachmentRow(Base):
    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    name: Mapped[str] = mapped_column(String(255))
    added_by: Mapped[str] = mapped_column(ID)
    added_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, index=True)
    name: Mapped[str] = mapped_column(String(60))
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))
    interval_minutes: Mapped[int]
    paused: Mapped[bool]
    removed: Mapped[bool]
    added_by: Mapped[str] = mapped_column(ID)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class LeadRow(Base):
    __tablename__ = "leads"
    __table_args__ = (
        Index(None, "source_id", "guid", unique=True),
        Index(None, "channel_id", "found_at"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    source_id: Mapped[str] = mapped_column(ID)
    channel_id: Mapped[str] = mapped_column(ID)
    guid: Mapped[str] = mapped_column(String(2000))
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    published_at: Mapped[dt.datetime | None]
    found_at: Mapped[dt.datetime]
    read_by: Mapped[list[Any]]
    dismissed: Mapped[bool]
    dismissed_by: Mapped[str | None] = mapped_column(ID)
    row_version: Mapped[int]


class PlatformAccountRow(Base):
    __tablename__ = "platform_accounts"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, index=True)
    platform: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    removed: Mapped[bool]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class AccountMonthRow(Base):
    __tablename__ = "account_months"
    __table_args__ = (Index(None, "account_id", "month", unique=True),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, index=True)
    account_id: Mapped[str] = mapped_column(ID)
    month: Mapped[str] = mapped_column(String(7))
    followers: Mapped[int]
    screenshot: Mapped[str | None] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(ID)
    updated_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class PlatformFiguresRow(Base):
    __tablename__ = "platform_figures"
    __table_args__ = (
        Index(None, "account_id", "published_on"),
        Index(None, "channel_id", "published_on"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID)
    account_id: Mapped[str] = mapped_column(ID)
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(Text)
    published_on: Mapped[dt.date] = mapped_column(Date)
    article_id: Mapped[str | None] = mapped_column(ID, index=True)
    reads: Mapped[int]
    likes: Mapped[int]
    shares: Mapped[int]
    comments: Mapped[int]
    imported_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class YearTargetRow(Base):
    __tablename__ = "year_targets"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, index=True)
    account_id: Mapped[str | None] = mapped_column(ID)
    year: Mapped[int]
    publications: Mapped[int]
    reads: Mapped[int]
    followers: Mapped[int]
    set_by: Mapped[str] = mapped_column(ID)
    updated_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class ReaderMessageRow(Base):
    __tablename__ = "reader_messages"
    __table_args__ = (Index(None, "channel_id", "received_at"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID)
    account_id: Mapped[str] = mapped_column(ID)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[dt.datetime]
    category: Mapped[str] = mapped_column(String(12))
    assignee: Mapped[str | None] = mapped_column(ID)
    state: Mapped[str] = mapped_column(String(10))
    answer: Mapped[str] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(ID)
    answered_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    row_version: Mapped[int]


class NotificationReadsRow(Base):
    """Which notifications a user has read; one row per user, pulled only by that user."""

    __tablename__ = "notification_reads"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    up_to: Mapped[dt.datetime | None]
    read_ids: Mapped[list[Any]]
    row_version: Mapped[int]


class SourceFollowsRow(Base):
    """The sources a user follows; one row per user, pulled only by that user."""

    __tablename__ = "source_follows"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    source_ids: Mapped[list[Any]]
    row_version: Mapped[int]


class SourcePollRow(Base):
    """Where polling each source stands, on the machine that polls it (the service, or a desktop
    without one): not synced. ``leased_until`` is a poller's claim on the source, so two pollers
    never fetch it at once; a claim left by a poller that died runs out by itself."""

    __tablename__ = "source_polls"
    source_id: Mapped[str] = mapped_column(ID, primary_key=True)
    last_polled_at: Mapped[dt.datetime | None]
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int]
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    leased_until: Mapped[dt.datetime | None]


class MutationRow(Base):
    """Every mutation this database accepted, in order. Locally, ``pending`` ones are the outbox."""

    __tablename__ = "mutations"
    __table_args__ = (Index(None, "status", "seq"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(ID, unique=True)
    actor: Mapped[str] = mapped_column(ID)
    at: Mapped[dt.datetime]
    kind: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(200))
    base_version: Mapped[int | None]
    args: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(10))
    refusal: Mapped[dict[str, Any] | None]  # why the server refused it (status "refused")
    before_images: Mapped[list[Any] | None]  # client: the rows a pending one replaced, to undo
    # Server: when the service received it, by its own clock (``at`` is the desktop's).
    received_at: Mapped[dt.datetime | None]


class OutboxRowRow(Base):
    """Desktop: which rows each pending mutation wrote, so a pulled page takes back and applies
    again only the pending mutations under the rows it brings."""

    __tablename__ = "outbox_rows"
    __table_args__ = (Index(None, "entity_table", "row_id"),)
    mutation_id: Mapped[str] = mapped_column(ID, primary_key=True)
    entity_table: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(200), primary_key=True)


class SettingRow(Base):
    """Small key/value facts about the workspace (its id, the sync cursor, ...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ChangeRow(Base):
    """Server: the sequence number of the last accepted change to each row, which pull reads.

    ``channel_id`` is whose members may see the row (``None``: everyone signed in)."""

    __tablename__ = "changes"
    entity_table: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    seq: Mapped[int] = mapped_column(index=True)
    channel_id: Mapped[str | None] = mapped_column(ID)
    deleted: Mapped[bool]


class TokenRow(Base):
    """Server: bearer tokens, stored as their SHA-256 so a leaked table signs nobody in."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, index=True)
    issued_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    revoked: Mapped[bool]


class LoginThrottleRow(Base):
    """Server: recent failed sign-ins per login, shared by every service process."""

    __tablename__ = "login_throttle"
    login: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int]
    first_failure_at: Mapped[dt.datetime]
    locked_until: Mapped[dt.datetime | None]
    locked: Mapped[bool] = mapped_column(server_default=false())  # until an administrator unlocks


class AddressThrottleRow(Base):
    """Server: recent failed sign-ins per client address, whatever login they tried."""

    __tablename__ = "address_throttle"
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int]
    first_failure_at: Mapped[dt.datetime]
    blocked_until: Mapped[dt.datetime | None]


class AuditRow(Base):
    """Server: the append-only audit log; each entry's hash covers the previous entry's hash."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    event: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str | None] = mapped_column(ID)
    login: Mapped[str] = mapped_column(String(100))
    detail: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(64))  # the client's, when one asked
    result: Mapped[str | None] = mapped_column(String(20))  # ok, failed, refused, throttled...


class BlobRow(Base):
    """Server: attachment contents, stored once under the SHA-256 of their bytes."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class BlobUploadRow(Base):
    """Server: who uploaded a file's bytes (again, too): having them lets one refer to the file."""

    __tablename__ = "blob_uploads"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, primary_key=True)


class AttachmentRefRow(Base):
    """Server: the channels whose items reference an attachment; their members may read it."""

    __tablename__ = "attachment_refs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)


class SetAsideRow(Base):
    """Desktop: pulled rows this desktop could not lay down, kept and reported, not retried."""

    __tablename__ = "set_aside"
    entity_table: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    row: Mapped[dict[str, Any] | None]
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime]


class AuditOutboxRow(Base):
    """Desktop: what the server's audit log should hear of (offline sign-ins, exports)."""

    __tablename__ = "audit_outbox"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at: Mapped[dt.datetime]
    event: Mapped[str] = mapped_column(String(20))
    detail: Mapped[dict[str, Any]]
