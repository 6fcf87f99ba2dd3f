"""What each user has read of their notifications, one synced row per user.

Revision ID: 0013_notification_reads
Revises: 0012_operations
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_notification_reads"
down_revision: str | None = "0012_operations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification_reads",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("up_to", sa.DateTime(timezone=True), nullable=True),
        sa.Column("read_ids", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_reads")),
    )


def downgrade() -> None:
    op.drop_table("notification_reads")
