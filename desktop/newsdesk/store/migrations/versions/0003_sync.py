"""What syncing needs: the change ledger, sign-in tokens, login throttling, the audit chain,
refused mutations and the client's undo images, conflict revisions of articles, and the
short review path for typo corrections.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channels") as batch:
        batch.add_column(
            sa.Column("typo_fast_path", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("merge_revision_id", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("typo_fix", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="submitted")
        )
        batch.add_column(sa.Column("base", sa.JSON(), nullable=True))
    with op.batch_alter_table("mutations") as batch:
        batch.add_column(sa.Column("refusal", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("before_images", sa.JSON(), nullable=True))
    op.create_table(
        "changes",
        sa.Column("entity_table", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=200), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("entity_table", "row_id", name=op.f("pk_changes")),
    )
    op.create_index("ix_changes_seq", "changes", ["seq"])
    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_tokens")),
    )
    op.create_index("ix_tokens_user_id", "tokens", ["user_id"])
    op.create_table(
        "login_throttle",
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=True),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("login_throttle")
    op.drop_index("ix_tokens_user_id", "tokens")
    op.drop_table("tokens")
    op.drop_index("ix_changes_seq", "changes")
    op.drop_table("changes")
    with op.batch_alter_table("mutations") as batch:
        batch.drop_column("before_images")
        batch.drop_column("refusal")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("base")
        batch.drop_column("kind")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("typo_fix")
        batch.drop_column("merge_revision_id")
    with op.batch_alter_table("channels") as batch:
        batch.drop_column("typo_fast_path")
