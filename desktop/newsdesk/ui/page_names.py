"""Names of the main window's pages, for ``--page`` and the settings (importable without Qt
widgets, so the command line can list them before building anything)."""

PAGE_NAMES = (
    "board",
    "tasks",
    "topics",
    "calendar",
    "leads",
    "articles",
    "review",
    "published",
    "sync",
    "reports",
    "admin",
)
# Not a page of its own: the articles page with an article open in the editor.
EDITOR_PAGE = "editor"
