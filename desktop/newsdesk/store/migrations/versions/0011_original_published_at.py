"""When a reposted article was first published by its original outlet.

Revision ID: 0011_original_published_at
Revises: 0010_sources_and_leads
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_original_published_at"
down_revision: str | None = "0010_sources_and_leads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(
            sa.Column("original_published_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("original_published_at")
