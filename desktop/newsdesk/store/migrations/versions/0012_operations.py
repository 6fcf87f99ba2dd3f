"""Operations: platform accounts, their monthly records and imported figures, yearly targets and
the register of readers' 留言.

Revision ID: 0012_operations
Revises: 0011_original_published_at
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_operations"
down_revision: str | None = "0011_original_published_at"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.String(length=64)
_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "platform_accounts",
        sa.Column("id", _ID, nullable=False),
        sa.Column("channel_id", _ID, nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_accounts")),
    )
    op.create_index("ix_platform_accounts_channel_id", "platform_accounts", ["channel_id"])
    op.create_table(
        "account_months",
        sa.Column("id", _ID, nullable=False),
        sa.Column("channel_id", _ID, nullable=False),
        sa.Column("account_id", _ID, nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("followers", sa.Integer(), nullable=False),
        sa.Column("screenshot", sa.String(length=64), nullable=True),
        sa.Column("recorded_by", _ID, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_months")),
    )
    op.create_index("ix_account_months_channel_id", "account_months", ["channel_id"])
    op.create_index(
        "ix_account_months_account_id_month", "account_months", ["account_id", "month"], unique=True
    )
    op.create_table(
        "platform_figures",
        sa.Column("id", _ID, nullable=False),
        sa.Column("channel_id", _ID, nullable=False),
        sa.Column("account_id", _ID, nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("article_id", _ID, nullable=True),
        sa.Column("reads", sa.Integer(), nullable=False),
        sa.Column("likes", sa.Integer(), nullable=False),
        sa.Column("shares", sa.Integer(), nullable=False),
        sa.Column("comments", sa.Integer(), nullable=False),
        sa.Column("imported_at", _TIME, nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_figures")),
    )
    op.create_index(
        "ix_platform_figures_account_id_published_on",
        "platform_figures",
        ["account_id", "published_on"],
    )
    op.create_index(
        "ix_platform_figures_channel_id_published_on",
        "platform_figures",
        ["channel_id", "published_on"],
    )
    op.create_index("ix_platform_figures_article_id", "platform_figures", ["article_id"])
    op.create_table(
        "year_targets",
        sa.Column("id", _ID, nullable=False),
        sa.Column("channel_id", _ID, nullable=False),
        sa.Column("account_id", _ID, nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("publications", sa.Integer(), nullable=False),
        sa.Column("reads", sa.Integer(), nullable=False),
        sa.Column("followers", sa.Integer(), nullable=False),
        sa.Column("set_by", _ID, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_year_targets")),
    )
    op.create_index("ix_year_targets_channel_id", "year_targets", ["channel_id"])
    op.create_table(
        "reader_messages",
        sa.Column("id", _ID, nullable=False),
        sa.Column("channel_id", _ID, nullable=False),
        sa.Column("account_id", _ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("received_at", _TIME, nullable=False),
        sa.Column("category", sa.String(length=12), nullable=False),
        sa.Column("assignee", _ID, nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", _ID, nullable=True),
        sa.Column("answered_at", _TIME, nullable=True),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reader_messages")),
    )
    op.create_index(
        "ix_reader_messages_channel_id_received_at",
        "reader_messages",
        ["channel_id", "received_at"],
    )


def downgrade() -> None:
    op.drop_table("reader_messages")
    op.drop_table("year_targets")
    op.drop_table("platform_figures")
    op.drop_table("account_months")
    op.drop_table("platform_accounts")
