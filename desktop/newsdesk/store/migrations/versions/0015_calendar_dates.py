"""Index proposals by channel, state and planned date, and by channel, state and due date, so
the calendar's month and week are range scans whatever the number of items.

Revision ID: 0015_calendar_dates
Revises: 0014_scheduled_publishing
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_calendar_dates"
down_revision: str | None = "0014_scheduled_publishing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_proposals_channel_id_state_planned_date",
        "proposals",
        ["channel_id", "state", "planned_date"],
    )
    op.create_index(
        "ix_proposals_channel_id_state_due_date", "proposals", ["channel_id", "state", "due_date"]
    )


def downgrade() -> None:
    op.drop_index("ix_proposals_channel_id_state_due_date", "proposals")
    op.drop_index("ix_proposals_channel_id_state_planned_date", "proposals")
