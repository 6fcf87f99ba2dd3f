"""Channels name the default 来源 and 责任编辑 of their new articles and the folder (slug) of
their exported pages; a revision records the findings its writer submitted over.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channels") as batch:
        batch.add_column(
            sa.Column("default_source", sa.String(length=200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column(
                "default_responsible_editor",
                sa.String(length=100),
                nullable=False,
                server_default="",
            )
        )
        batch.add_column(
            sa.Column("slug", sa.String(length=40), nullable=False, server_default="")
        )
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("open_findings", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("open_findings")
    with op.batch_alter_table("channels") as batch:
        batch.drop_column("slug")
        batch.drop_column("default_responsible_editor")
        batch.drop_column("default_source")
