"""Scheduled publishing (定时发布): when a signed-off article goes out, and who scheduled it.

Revision ID: 0014_scheduled_publishing
Revises: 0013_notification_reads
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_scheduled_publishing"
down_revision: str | None = "0013_notification_reads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("publish_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("scheduled_by", sa.String(length=64), nullable=True))
        batch.create_index(batch.f("ix_articles_publish_at"), ["publish_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_index(batch.f("ix_articles_publish_at"))
        batch.drop_column("scheduled_by")
        batch.drop_column("publish_at")
