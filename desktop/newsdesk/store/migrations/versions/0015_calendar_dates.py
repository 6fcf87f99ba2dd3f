"""Index proposals by planned date and by due date, for the calendar's month and week ranges.

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
    op.create_index("ix_proposals_planned_date", "proposals", ["planned_date"])
    op.create_index("ix_proposals_due_date", "proposals", ["due_date"])


def downgrade() -> None:
    op.drop_index("ix_proposals_due_date", "proposals")
    op.drop_index("ix_proposals_planned_date", "proposals")
