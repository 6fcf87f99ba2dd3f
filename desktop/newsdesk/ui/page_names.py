"""Names of the main window's pages, for ``--page`` and the settings (importable without Qt
widgets, so the command line can list them before building anything)."""

PAGE_NAMES = ("board", "tasks", "topics", "articles", "review", "published", "reports", "admin")
