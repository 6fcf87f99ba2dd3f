"""Security: auditors, the audit log's address and result, throttling by address and account
locks, attachment visibility by channel, rows a desktop set aside, and a desktop's audit outbox.

Revision ID: 0006_issue20
Revises: 0005
"""

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006_issue20"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("is_auditor", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("address", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("result", sa.String(length=20), nullable=True))
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    with op.batch_alter_table("login_throttle") as batch:
        batch.add_column(
            sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "address_throttle",
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_address_throttle")),
    )
    op.create_table(
        "attachment_refs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "channel_id", name=op.f("pk_attachment_refs")),
    )
    op.create_index("ix_attachment_refs_channel_id", "attachment_refs", ["channel_id"])
    _share_attachments_by_channel()
    op.create_table(
        "set_aside",
        sa.Column("entity_table", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=200), nullable=False),
        sa.Column("row", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("entity_table", "row_id", name=op.f("pk_set_aside")),
    )
    op.create_table(
        "audit_outbox",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_outbox")),
    )


_REFERENCE = re.compile(r"attachment:([0-9a-f]{64})", re.IGNORECASE)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _refs(bind: sa.Connection) -> Iterator[tuple[str, str]]:
    """(sha256, channel) for what proposals, articles and revisions refer to."""
    for channel, materials in bind.execute(sa.text("SELECT channel_id, materials FROM proposals")):
        for material in _json(materials) or []:
            if material.get("kind") == "file":
                yield material["value"], channel
    for channel, cover, body in bind.execute(
        sa.text("SELECT channel_id, cover, body_html FROM articles")
    ):
        if cover:
            yield cover, channel
        for sha in _REFERENCE.findall(body or ""):
            yield sha.lower(), channel
    query = "SELECT a.channel_id, r.content FROM revisions r JOIN articles a ON a.id = r.article_id"
    for channel, content in bind.execute(sa.text(query)):
        values = _json(content) or {}
        if values.get("cover"):
            yield values["cover"], channel
        for sha in _REFERENCE.findall(str(values.get("body_html") or "")):
            yield sha.lower(), channel


def _share_attachments_by_channel() -> None:
    """Attachments pulled so far went to everyone: from now on only to their items' readers."""
    bind = op.get_bind()
    refs = sorted(set(_refs(bind)))
    if refs:
        op.bulk_insert(
            sa.table("attachment_refs", sa.column("sha256"), sa.column("channel_id")),
            [{"sha256": sha, "channel_id": channel} for sha, channel in refs],
        )
    bind.execute(
        sa.text("UPDATE changes SET channel_id = '#attachment' WHERE entity_table = 'attachments'")
    )


def downgrade() -> None:
    op.drop_table("audit_outbox")
    op.drop_table("set_aside")
    op.drop_index("ix_attachment_refs_channel_id", table_name="attachment_refs")
    op.drop_table("attachment_refs")
    op.drop_table("address_throttle")
    with op.batch_alter_table("login_throttle") as batch:
        batch.drop_column("locked")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("result")
        batch.drop_column("address")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("is_auditor")
