"""Alembic environment: migrations always run on a connection handed in by ``store.migrate``."""

from alembic import context

from newsdesk.store.migrate import include_name
from newsdesk.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    include_name=include_name,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
