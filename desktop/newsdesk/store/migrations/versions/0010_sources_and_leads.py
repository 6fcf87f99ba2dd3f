"""Subscribed sources, the leads their feeds bring, and where polling each one stands.

Revision ID: 0010_sources_and_leads
Revises: 0009_similar_texts
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_sources_and_leads"
down_revision: str | None = "0009_similar_texts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.String(length=64)
_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", _ID, nullable=False),
        sa.Column("channel_id", _ID, nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("interval_minutes", sa.Integer(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("added_by", _ID, nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_index("ix_sources_channel_id", "sources", ["channel_id"])
    op.create_table(
        "leads",
        sa.Column("id", _ID, nullable=False),
        sa.Column("source_id", _ID, nullable=False),
        sa.Column("channel_id", _ID, nullable=False),
        sa.Column("guid", sa.String(length=2000), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("published_at", _TIME, nullable=True),
        sa.Column("found_at", _TIME, nullable=False),
        sa.Column("read_by", sa.JSON(), nullable=False),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.Column("dismissed_by", _ID, nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
    )
    op.create_index("ix_leads_source_id_guid", "leads", ["source_id", "guid"], unique=True)
    op.create_index("ix_leads_channel_id_found_at", "leads", ["channel_id", "found_at"])
    op.create_table(
        "source_polls",
        sa.Column("source_id", _ID, nullable=False),
        sa.Column("last_polled_at", _TIME, nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_poll_at", _TIME, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("leased_until", _TIME, nullable=True),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_source_polls")),
    )
    op.create_index("ix_source_polls_next_poll_at", "source_polls", ["next_poll_at"])


def downgrade() -> None:
    op.drop_table("source_polls")
    op.drop_table("leads")
    op.drop_table("sources")
