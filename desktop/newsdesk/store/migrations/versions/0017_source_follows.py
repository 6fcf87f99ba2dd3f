"""The sources each user follows, one synced row per user.

Revision ID: 0017_source_follows
Revises: 0016_channel_rhythm
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_source_follows"
down_revision: str | None = "0016_channel_rhythm"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_follows",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("source_ids", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_follows")),
    )


def downgrade() -> None:
    op.drop_table("source_follows")
