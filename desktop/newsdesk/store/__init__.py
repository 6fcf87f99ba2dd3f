"""The workspace store: tables, applying mutations, search, migrations, attachments.

Used by the desktop (a local SQLite workspace) and by the sync server (the shared database);
the same code runs on SQLite and on PostgreSQL.
"""
