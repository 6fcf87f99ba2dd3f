"""The service's own receive time beside the desktop's (mutations, review decisions), and the
desktop's index of which rows each pending mutation wrote (filled from the outbox as it is).

Revision ID: 0008_outbox_and_server_time
Revises: 0007_blob_uploads
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_outbox_and_server_time"
down_revision: str | None = "0007_blob_uploads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE_OF_PREFIX = {
    "user": "users",
    "channel": "channels",
    "role": "role_grants",
    "attachment": "attachments",
    "proposal": "proposals",
    "topic": "proposals",
    "article": "articles",
}


def upgrade() -> None:
    with op.batch_alter_table("mutations") as batch:
        batch.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("review_decisions") as batch:
        batch.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))
    outbox_rows = op.create_table(
        "outbox_rows",
        sa.Column("mutation_id", sa.String(length=64), nullable=False),
        sa.Column("entity_table", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint(
            "mutation_id", "entity_table", "row_id", name=op.f("pk_outbox_rows")
        ),
    )
    op.create_index(
        "ix_outbox_rows_entity_table_row_id", "outbox_rows", ["entity_table", "row_id"]
    )
    _index_outbox(outbox_rows)


def _index_outbox(outbox_rows: sa.Table) -> None:
    mutations = sa.table(
        "mutations",
        sa.column("id", sa.String),
        sa.column("kind", sa.String),
        sa.column("entity", sa.String),
        sa.column("status", sa.String),
        sa.column("before_images", sa.JSON),
    )
    conn = op.get_bind()
    found = conn.execute(
        sa.select(mutations.c.id, mutations.c.kind, mutations.c.entity, mutations.c.before_images)
        .where(mutations.c.status == "pending")
    )
    values: list[dict[str, str]] = []
    for mutation_id, kind, entity, images in found:
        keys = {(str(table), str(key)) for table, key, _ in images or ()}
        table = _TABLE_OF_PREFIX.get(str(kind).split(".")[0])
        if table is not None and entity:
            keys.add((table, str(entity)))
        values += [
            {"mutation_id": mutation_id, "entity_table": t, "row_id": k} for t, k in sorted(keys)
        ]
    if values:
        op.bulk_insert(outbox_rows, values)


def downgrade() -> None:
    op.drop_index("ix_outbox_rows_entity_table_row_id", table_name="outbox_rows")
    op.drop_table("outbox_rows")
    with op.batch_alter_table("review_decisions") as batch:
        batch.drop_column("received_at")
    with op.batch_alter_table("mutations") as batch:
        batch.drop_column("received_at")
