"""The application's look: a calm theme (light or dark, as the system is) with a dark navigation
sidebar. The colours come from :mod:`newsdesk.ui.widgets.palette`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from newsdesk.ui.widgets.palette import Colours, colours, dark_palette, is_dark


def style(c: Colours) -> str:
    """The application's style sheet in the colours ``c``."""
    return f"""
QMainWindow {{ background: {c.window}; }}
#sidebar {{
    background: {c.sidebar}; color: {c.sidebar_text}; border: none; padding-top: 12px;
    outline: 0;
}}
#sidebar::item {{ padding: 9px 18px; border-radius: 6px; margin: 1px 8px; }}
#sidebar::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
#sidebar::item:hover:!selected {{ background: {c.sidebar_hover}; color: white; }}
#pageTitle {{ font-size: 18pt; font-weight: 600; color: {c.text}; }}
#placeholderText {{ color: {c.muted}; font-size: 11pt; }}
#formError {{ color: {c.error}; }}
QStatusBar {{ background: {c.status_bar}; color: {c.text}; }}
QStatusBar QLabel {{ padding: 0 8px; color: {c.text}; }}
"""


def apply_theme(app: QApplication) -> None:
    """Fusion in the system's light or dark palette, with the matching style sheet. Fusion
    follows Windows' dark mode itself; where the system asks for dark but hands Fusion a light
    palette (some Linux desktops), the dark palette is set here."""
    app.setStyle("Fusion")
    if app.styleHints().colorScheme() == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setPalette(dark_palette())
    app.setStyleSheet(style(colours()))
