"""Who uploaded each file, so that referring to a file needs having it.

Revision ID: 0007_blob_uploads
Revises: 0006_issue20
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_blob_uploads"
down_revision: str | None = "0006_issue20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blob_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "user_id", name=op.f("pk_blob_uploads")),
    )


def downgrade() -> None:
    op.drop_table("blob_uploads")
