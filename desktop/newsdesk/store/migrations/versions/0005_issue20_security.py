"""Security: auditors, the audit log's address and result, throttling by address and account
locks, attachment visibility by channel, rows a desktop set aside, and a desktop's audit outbox.

Revision ID: 0005_issue20
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_issue20"
down_revision: str | None = "0004"
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
