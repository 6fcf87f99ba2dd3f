"""A channel may name the longest it goes without publishing before the board warns (the
publishing rhythm of 001 §5.3.3.2); no value, no warning.

Revision ID: 0016_channel_rhythm
Revises: 0015_calendar_dates
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_channel_rhythm"
down_revision: str | None = "0015_calendar_dates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channels") as batch:
        batch.add_column(sa.Column("silence_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("channels") as batch:
        batch.drop_column("silence_days")
