"""The application's look: a calm light theme with a dark navigation sidebar."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE = """
QMainWindow { background: #f6f7f9; }
#sidebar {
    background: #1e293b; color: #cbd5e1; border: none; padding-top: 12px; outline: 0;
}
#sidebar::item { padding: 9px 18px; border-radius: 6px; margin: 1px 8px; }
#sidebar::item:selected { background: #2563eb; color: white; }
#sidebar::item:hover:!selected { background: #334155; color: white; }
#pageTitle { font-size: 18pt; font-weight: 600; color: #0f172a; }
#placeholderText { color: #475569; font-size: 11pt; }
#formError { color: #c62828; }
QStatusBar { background: #eef1f5; color: #334155; }
QStatusBar QLabel { padding: 0 8px; }
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
