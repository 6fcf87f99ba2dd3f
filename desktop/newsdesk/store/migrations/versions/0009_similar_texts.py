"""Signatures of every proposal and article, to show similar ones (duplicate detection).

Revision ID: 0009_similar_texts
Revises: 0008_outbox_and_server_time
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from newsdesk.store import similar

revision: str = "0009_similar_texts"
down_revision: str | None = "0008_outbox_and_server_time"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2000


def upgrade() -> None:
    conn = op.get_bind()
    similar.create_similar_schema(conn)
    indexed = sa.table(
        "search_document",
        sa.column("kind", sa.String),
        sa.column("doc_id", sa.String),
        sa.column("title", sa.Text),
        sa.column("body", sa.Text),
    )
    rows = conn.execute(
        sa.select(indexed.c.kind, indexed.c.doc_id, indexed.c.title, indexed.c.body)
    ).all()
    for start in range(0, len(rows), _BATCH):
        similar.index_similar(conn, [tuple(row) for row in rows[start : start + _BATCH]])


def downgrade() -> None:
    similar.drop_similar_schema(op.get_bind())
