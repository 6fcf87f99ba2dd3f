"""Table rows on the wire: JSON values both ways, by the column types of the shared schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from sqlalchemy import Table

from newsdesk.core.model import (
    Attachment,
    NotificationReads,
    Publication,
    ReviewDecision,
    Revision,
    SignOff,
    SourceFollows,
    User,
)
from newsdesk.store.codec import TABLES, key_column, row_from_json, row_to_json

SYNCED: Final = {table.name: (cls, table) for cls, table in TABLES.items()}
"""Every table a pull carries, by name, with its entity class."""

# Rows whose channel is their article's.
BY_ARTICLE: Final = frozenset(
    TABLES[c].name for c in (Revision, ReviewDecision, SignOff, Publication)
)
PRIVATE_ATTACHMENT: Final = "#attachment"
PRIVATE_USER: Final = "#user:"  # rows only their user pulls (reads, follows), by user id
PRIVATE_TABLES: Final = frozenset(TABLES[c].name for c in (NotificationReads, SourceFollows))
SECRET_COLUMNS: Final = {TABLES[User].name: frozenset({"password_hash"})}


def key_of(table: Table, row: Mapping[Any, Any]) -> str:
    cls, _ = SYNCED[table.name]
    return str(row[key_column(cls)])


def to_wire(table: Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row as JSON values; columns no client may hold (password hashes) are left out."""
    return row_to_json(table, row, SECRET_COLUMNS.get(table.name, frozenset()))


def from_wire(table: Table, data: Mapping[str, Any]) -> dict[str, Any]:
    """The row to write, without the secret columns; raises ``ValueError`` naming a column that
    is missing or malformed."""
    return row_from_json(table, data, SECRET_COLUMNS.get(table.name, frozenset()))


def private_to(user_id: str) -> str:
    """The ledger's channel of the rows only ``user_id`` pulls."""
    return f"{PRIVATE_USER}{user_id}"


def channel_of(
    table_name: str, row: Mapping[str, Any], article_channels: Mapping[str, str]
) -> str | None:
    """Whose channel members may see the row; ``None`` for everyone signed in (users, channels).
    Revisions, decisions, sign-offs and publications follow their article; attachments are
    :data:`PRIVATE_ATTACHMENT`, read by who may read an item referring to them; a user's
    notification reads and the sources they follow are theirs alone (:func:`private_to`)."""
    if table_name in PRIVATE_TABLES:
        return private_to(str(row["id"]))
    if table_name == TABLES[Attachment].name:
        return PRIVATE_ATTACHMENT
    if table_name in BY_ARTICLE:
        return article_channels.get(str(row["article_id"]))
    channel = row.get("channel_id")
    return str(channel) if channel is not None else None
