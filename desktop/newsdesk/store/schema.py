"""The tables, declared with SQLAlchemy Core. Column names are the entity field names.

The migrations in ``migrations/versions`` create these tables; a test checks that the head
migration and these declarations agree. Core tables, not ORM models: nothing here maps rows to
objects (the codec does), and declaring 33 mapped classes cost about 0.09 s of every start.
"""

from typing import Any, Final

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)
from sqlalchemy.types import TypeEngine

ID = String(64)
MOMENT = DateTime(timezone=True)
SCHEMA_HEAD = "0017_source_follows"  # the newest migration; a test checks it against Alembic's head
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def required(
    name: str, kind: TypeEngine[Any] | type[TypeEngine[Any]], **options: Any
) -> Column[Any]:
    """A column every row fills in (most are)."""
    return Column(name, kind, nullable=False, **options)


def optional(
    name: str, kind: TypeEngine[Any] | type[TypeEngine[Any]], **options: Any
) -> Column[Any]:
    """A column that may be empty (NULL)."""
    return Column(name, kind, nullable=True, **options)


USERS: Final = Table(
    "users",
    metadata,
    Column("id", ID, primary_key=True),
    required("login", String(40), unique=True),
    required("name", String(60)),
    required("is_admin", Boolean),
    required("disabled", Boolean),
    required("is_auditor", Boolean, server_default=false()),
    optional("password_hash", String(512)),
    required("row_version", Integer),
)

CHANNELS: Final = Table(
    "channels",
    metadata,
    Column("id", ID, primary_key=True),
    required("name", String(40), unique=True),
    required("colour", String(7)),
    required("review_levels", Integer),
    required("targets", JSON),
    required("allow_same_reviewer", Boolean),
    required("hidden_columns", JSON),
    required("typo_fast_path", Boolean, server_default=false()),
    required("default_source", String(200), server_default=""),
    required("default_responsible_editor", String(100), server_default=""),
    required("slug", String(40), server_default=""),
    optional("silence_days", Integer),
    required("row_version", Integer),
)

ROLE_GRANTS: Final = Table(
    "role_grants",
    metadata,
    Column("id", String(200), primary_key=True),
    required("user_id", ID, index=True),
    required("channel_id", ID),
    required("role", String(20)),
    required("active", Boolean),
    required("row_version", Integer),
)

PROPOSALS: Final = Table(
    "proposals",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID),
    required("proposer_id", ID, index=True),
    required("title", String(120)),
    required("angle", Text),
    required("materials", JSON),
    required("priority", Integer),
    optional("planned_date", Date),
    required("tags", JSON),
    required("state", String(20)),
    required("return_reason", Text),
    optional("returned_by", ID),
    optional("deleted_from", String(20)),
    optional("deleted_by", ID),
    required("assignees", JSON),
    optional("due_date", Date),
    optional("assigned_by", ID),
    optional("article_id", ID),
    required("created_at", MOMENT),
    required("updated_at", MOMENT, index=True),
    required("row_version", Integer),
    Index(None, "channel_id", "state"),
    # The calendar's ranges: per channel and state, a seek to the first day and a scan.
    Index(None, "channel_id", "state", "planned_date"),
    Index(None, "channel_id", "state", "due_date"),
)

ARTICLES: Final = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID),
    required("owner_id", ID, index=True),
    required("title", String(120)),
    optional("topic_id", ID),
    required("subtitle", String(200)),
    required("author", String(100)),
    required("source", String(200)),
    required("responsible_editor", String(100)),
    required("summary", Text),
    optional("cover", String(64)),
    required("tags", JSON),
    required("targets", JSON),
    required("kind", String(20)),
    required("original_url", Text),
    optional("original_published_at", MOMENT),
    required("body_html", Text),
    required("state", String(20)),
    required("review_level", Integer),
    required("revision_number", Integer),
    optional("revision_hash", String(64)),
    optional("published_hash", String(64)),
    required("published_version", Integer),
    required("is_correction", Boolean),
    required("retract_reason", Text),
    optional("merge_revision_id", ID),
    required("typo_fix", Boolean, server_default=false()),
    optional("publish_at", MOMENT, index=True),
    optional("scheduled_by", ID),
    required("created_at", MOMENT),
    required("updated_at", MOMENT, index=True),
    required("row_version", Integer),
    Index(None, "channel_id", "state"),
)

REVISIONS: Final = Table(
    "revisions",
    metadata,
    Column("id", ID, primary_key=True),
    required("article_id", ID),
    required("number", Integer),
    required("content_hash", String(64)),
    required("author_id", ID),
    required("created_at", MOMENT),
    required("content", JSON),
    required("kind", String(20), server_default="submitted"),
    optional("base", JSON),
    required("open_findings", JSON, server_default="[]"),
    required("row_version", Integer),
    Index(None, "article_id", "number"),
)

REVIEW_DECISIONS: Final = Table(
    "review_decisions",
    metadata,
    Column("id", ID, primary_key=True),
    required("article_id", ID),
    required("revision_number", Integer),
    required("revision_hash", String(64)),
    required("level", Integer),
    required("reviewer_id", ID),
    required("verdict", String(10)),
    required("comment", Text),
    required("checked", JSON),
    required("anchors", JSON),
    required("decided_at", MOMENT),  # by the reviewer's clock
    optional("received_at", MOMENT),  # by the service's, once it accepted the decision
    required("row_version", Integer),
    Index(None, "article_id", "revision_number"),
)

SIGN_OFFS: Final = Table(
    "sign_offs",
    metadata,
    Column("id", ID, primary_key=True),
    required("article_id", ID),
    required("revision_number", Integer),
    required("revision_hash", String(64)),
    required("publisher_id", ID),
    required("signed_at", MOMENT),
    required("row_version", Integer),
    Index(None, "article_id", "revision_number"),
)

PUBLICATIONS: Final = Table(
    "publications",
    metadata,
    Column("id", ID, primary_key=True),
    required("article_id", ID, index=True),
    required("revision_hash", String(64)),
    required("target", String(10)),
    required("version", Integer),
    required("location", Text),
    required("publisher_id", ID),
    required("published_at", MOMENT),
    required("correction_note", Text),
    required("retracted", Boolean),
    required("row_version", Integer),
)

ATTACHMENTS: Final = Table(
    "attachments",
    metadata,
    Column("sha256", String(64), primary_key=True),
    required("mime", String(100)),
    required("size", Integer),
    required("name", String(255)),
    required("added_by", ID),
    required("added_at", MOMENT),
    required("row_version", Integer),
)

SOURCES: Final = Table(
    "sources",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID, index=True),
    required("name", String(60)),
    required("url", Text),
    required("kind", String(10)),
    required("interval_minutes", Integer),
    required("paused", Boolean),
    required("removed", Boolean),
    required("added_by", ID),
    required("created_at", MOMENT),
    required("updated_at", MOMENT),
    required("row_version", Integer),
)

LEADS: Final = Table(
    "leads",
    metadata,
    Column("id", ID, primary_key=True),
    required("source_id", ID),
    required("channel_id", ID),
    required("guid", String(2000)),
    required("url", Text),
    required("title", String(300)),
    required("summary", Text),
    optional("published_at", MOMENT),
    required("found_at", MOMENT),
    required("read_by", JSON),
    required("dismissed", Boolean),
    optional("dismissed_by", ID),
    required("row_version", Integer),
    Index(None, "source_id", "guid", unique=True),
    Index(None, "channel_id", "found_at"),
)

PLATFORM_ACCOUNTS: Final = Table(
    "platform_accounts",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID, index=True),
    required("platform", String(20)),
    required("name", String(60)),
    required("removed", Boolean),
    required("created_at", MOMENT),
    required("updated_at", MOMENT),
    required("row_version", Integer),
)

ACCOUNT_MONTHS: Final = Table(
    "account_months",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID, index=True),
    required("account_id", ID),
    required("month", String(7)),
    required("followers", Integer),
    optional("screenshot", String(64)),
    required("recorded_by", ID),
    required("updated_at", MOMENT),
    required("row_version", Integer),
    Index(None, "account_id", "month", unique=True),
)

PLATFORM_FIGURES: Final = Table(
    "platform_figures",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID),
    required("account_id", ID),
    required("title", String(300)),
    required("url", Text),
    required("published_on", Date),
    optional("article_id", ID, index=True),
    required("reads", Integer),
    required("likes", Integer),
    required("shares", Integer),
    required("comments", Integer),
    required("imported_at", MOMENT),
    required("row_version", Integer),
    Index(None, "account_id", "published_on"),
    Index(None, "channel_id", "published_on"),
)

YEAR_TARGETS: Final = Table(
    "year_targets",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID, index=True),
    optional("account_id", ID),
    required("year", Integer),
    required("publications", Integer),
    required("reads", Integer),
    required("followers", Integer),
    required("set_by", ID),
    required("updated_at", MOMENT),
    required("row_version", Integer),
)

READER_MESSAGES: Final = Table(
    "reader_messages",
    metadata,
    Column("id", ID, primary_key=True),
    required("channel_id", ID),
    required("account_id", ID),
    required("text", Text),
    required("author", String(100)),
    required("received_at", MOMENT),
    required("category", String(12)),
    optional("assignee", ID),
    required("state", String(10)),
    required("answer", Text),
    optional("answered_by", ID),
    optional("answered_at", MOMENT),
    required("created_at", MOMENT),
    required("updated_at", MOMENT),
    required("row_version", Integer),
    Index(None, "channel_id", "received_at"),
)

# Which notifications a user has read; one row per user, pulled only by that user.
NOTIFICATION_READS: Final = Table(
    "notification_reads",
    metadata,
    Column("id", ID, primary_key=True),
    optional("up_to", MOMENT),
    required("read_ids", JSON),
    required("row_version", Integer),
)

# The sources a user follows; one row per user, pulled only by that user.
SOURCE_FOLLOWS: Final = Table(
    "source_follows",
    metadata,
    Column("id", ID, primary_key=True),
    required("source_ids", JSON),
    required("row_version", Integer),
)

# Where polling each source stands, on the machine that polls it (the service, or a desktop
# without one): not synced. ``leased_until`` is a poller's claim on the source, so two pollers
# never fetch it at once; a claim left by a poller that died runs out by itself.
SOURCE_POLLS: Final = Table(
    "source_polls",
    metadata,
    Column("source_id", ID, primary_key=True),
    optional("last_polled_at", MOMENT),
    optional("etag", Text),
    optional("last_modified", Text),
    required("failures", Integer),
    optional("next_poll_at", MOMENT, index=True),
    optional("last_error", Text),
    optional("leased_until", MOMENT),
)

# Every mutation this database accepted, in order. Locally, ``pending`` ones are the outbox.
MUTATIONS: Final = Table(
    "mutations",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    required("id", ID, unique=True),
    required("actor", ID),
    required("at", MOMENT),
    required("kind", String(40)),
    required("entity", String(200)),
    optional("base_version", Integer),
    required("args", JSON),
    required("status", String(10)),
    optional("refusal", JSON),  # why the server refused it (status "refused")
    optional("before_images", JSON),  # client: the rows a pending one replaced, to undo
    # Server: when the service received it, by its own clock (``at`` is the desktop's).
    optional("received_at", MOMENT),
    Index(None, "status", "seq"),
)

# Desktop: which rows each pending mutation wrote, so a pulled page takes back and applies
# again only the pending mutations under the rows it brings.
OUTBOX_ROWS: Final = Table(
    "outbox_rows",
    metadata,
    Column("mutation_id", ID, primary_key=True),
    Column("entity_table", String(40), primary_key=True),
    Column("row_id", String(200), primary_key=True),
    Index(None, "entity_table", "row_id"),
)

# Small key/value facts about the workspace (its id, the sync cursor, ...).
SETTINGS: Final = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    required("value", Text),
)

# Server: the sequence number of the last accepted change to each row, which pull reads.
#
# ``channel_id`` is whose members may see the row (``None``: everyone signed in).
CHANGES: Final = Table(
    "changes",
    metadata,
    Column("entity_table", String(40), primary_key=True),
    Column("row_id", String(200), primary_key=True),
    required("seq", Integer, index=True),
    optional("channel_id", ID),
    required("deleted", Boolean),
)

# Server: bearer tokens, stored as their SHA-256 so a leaked table signs nobody in.
TOKENS: Final = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    required("user_id", ID, index=True),
    required("issued_at", MOMENT),
    required("expires_at", MOMENT),
    required("revoked", Boolean),
)

# Server: recent failed sign-ins per login, shared by every service process.
LOGIN_THROTTLE: Final = Table(
    "login_throttle",
    metadata,
    Column("login", String(100), primary_key=True),
    required("failures", Integer),
    required("first_failure_at", MOMENT),
    optional("locked_until", MOMENT),
    required("locked", Boolean, server_default=false()),  # until an administrator unlocks
)

# Server: recent failed sign-ins per client address, whatever login they tried.
ADDRESS_THROTTLE: Final = Table(
    "address_throttle",
    metadata,
    Column("address", String(64), primary_key=True),
    required("failures", Integer),
    required("first_failure_at", MOMENT),
    optional("blocked_until", MOMENT),
)

# Server: the append-only audit log; each entry's hash covers the previous entry's hash.
AUDIT_LOG: Final = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    required("at", MOMENT, index=True),
    required("event", String(20)),
    optional("actor_id", ID),
    required("login", String(100)),
    required("detail", JSON),
    required("prev_hash", String(64)),
    required("hash", String(64)),
    optional("address", String(64)),  # the client's, when one asked
    optional("result", String(20)),  # ok, failed, refused, throttled...
)

# Server: attachment contents, stored once under the SHA-256 of their bytes.
BLOBS: Final = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    required("size", Integer),
    required("data", LargeBinary),
)

# Server: who uploaded a file's bytes (again, too): having them lets one refer to the file.
BLOB_UPLOADS: Final = Table(
    "blob_uploads",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("user_id", ID, primary_key=True),
)

# Server: the channels whose items reference an attachment; their members may read it.
ATTACHMENT_REFS: Final = Table(
    "attachment_refs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("channel_id", ID, primary_key=True, index=True),
)

# Desktop: pulled rows this desktop could not lay down, kept and reported, not retried.
SET_ASIDE: Final = Table(
    "set_aside",
    metadata,
    Column("entity_table", String(40), primary_key=True),
    Column("row_id", String(200), primary_key=True),
    optional("row", JSON),
    required("reason", Text),
    required("at", MOMENT),
)

# Desktop: what the server's audit log should hear of (offline sign-ins, exports).
AUDIT_OUTBOX: Final = Table(
    "audit_outbox",
    metadata,
    Column("id", ID, primary_key=True),
    required("at", MOMENT),
    required("event", String(20)),
    required("detail", JSON),
)
