"""The application's colours, light and dark, in one place.

Widgets never name a colour: they ask :func:`colours` for a role (``text``, ``muted``,
``error``…) and get the value for the palette in force. The dark set is chosen when the system
palette is dark (Windows 11 dark mode, a dark desktop theme, ``-platform …:darkmode=2``) or when
Qt reports a dark colour scheme, so every label, field and status text keeps its contrast.
Channel colours are data (an administrator picks them) and are not roles here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colours:
    """Colour roles as ``#rrggbb`` (or ``#aarrggbb``) strings, usable in style sheets."""

    window: str
    surface: str  # cards, panels and the board's background
    surface_alt: str  # a board column, a quiet panel
    surface_hover: str
    surface_selected: str
    text: str
    muted: str  # secondary text: dates, hints, metadata
    faint: str  # disabled-looking text and icons
    border: str
    border_strong: str
    accent: str  # links, the selection, the focus
    on_accent: str  # text on an accent (or status) fill
    accent_soft: str
    error: str
    error_soft: str
    warning: str
    warning_soft: str
    success: str
    success_soft: str
    sensitive: str  # a sensitive word's underline
    punctuation: str  # a punctuation finding's underline
    personal: str  # personal data's underline
    inserted_text: str
    inserted_background: str
    deleted_text: str
    deleted_background: str
    changed_old_row: str
    changed_new_row: str
    gap: str  # the empty side of an inserted or deleted paragraph
    note_highlight: str  # a review note's passage
    placeholder_image: str
    sidebar: str
    sidebar_text: str
    sidebar_hover: str
    status_bar: str

    def qcolor(self, role: str) -> QColor:
        return QColor(getattr(self, role))


LIGHT = Colours(
    window="#f6f7f9",
    surface="#ffffff",
    surface_alt="#f3f4f6",
    surface_hover="#fbfbfc",
    surface_selected="#f3f7ff",
    text="#1d2433",
    muted="#57606a",
    faint="#8a8f98",
    border="#dcdfe4",
    border_strong="#b8bec9",
    accent="#1f6feb",
    on_accent="#ffffff",
    accent_soft="#e8f1fd",
    error="#c62828",
    error_soft="#fdecea",
    warning="#a04f00",
    warning_soft="#fff4e5",
    success="#1d6b3a",
    success_soft="#e3f5ea",
    sensitive="#d32f2f",
    punctuation="#ef6c00",
    personal="#8250df",
    inserted_text="#116329",
    inserted_background="#c8f0d2",
    deleted_text="#a40e26",
    deleted_background="#ffd7d5",
    changed_old_row="#fff5f4",
    changed_new_row="#f1faf3",
    gap="#f6f8fa",
    note_highlight="#fff3a3",
    placeholder_image="#eeeeee",
    sidebar="#1e293b",
    sidebar_text="#cbd5e1",
    sidebar_hover="#334155",
    status_bar="#eef1f5",
)

DARK = Colours(
    window="#1b1e23",
    surface="#23272e",
    surface_alt="#2b3038",
    surface_hover="#2f343d",
    surface_selected="#26344d",
    text="#e6e9ef",
    muted="#a9b1bd",
    faint="#7d8590",
    border="#3a404a",
    border_strong="#59606c",
    accent="#5b9bff",
    on_accent="#0d1117",
    accent_soft="#1c2c45",
    error="#ff7b72",
    error_soft="#3d1f1f",
    warning="#f0b35a",
    warning_soft="#3a2c17",
    success="#6fd08c",
    success_soft="#1b3324",
    sensitive="#ff6b6b",
    punctuation="#ffa657",
    personal="#c297ff",
    inserted_text="#aff5b4",
    inserted_background="#1f4a2c",
    deleted_text="#ffc1bd",
    deleted_background="#5a1e22",
    changed_old_row="#2d1f22",
    changed_new_row="#1c2b21",
    gap="#262a31",
    note_highlight="#5c4d12",
    placeholder_image="#3a3f47",
    sidebar="#14171c",
    sidebar_text="#c3cad5",
    sidebar_hover="#2a313c",
    status_bar="#20242a",
)

ROLES = tuple(f.name for f in fields(Colours))

ON_AVATAR = "#ffffff"
"""The initials drawn on an avatar."""
AVATARS = ("#5b7bd5", "#3f9c8f", "#c2703d", "#8a63c7", "#c2527a", "#4f8a3c", "#7a7f8c")
"""People's avatar fills (white initials on them read on light and dark grounds alike)."""
CHANNEL_PRESETS = ("#1f6feb", "#2da44e", "#bf3989", "#d1242f", "#bc4c00", "#8250df", "#0a7d8c")
"""The colours an administrator is offered for a channel (its colour is then data)."""


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) draws light text on a dark ground."""
    if palette is None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            if app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
                return True
            palette = app.palette()
        else:
            return False
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def colours(palette: QPalette | None = None) -> Colours:
    """The colour set for ``palette`` (default: the application's)."""
    return DARK if is_dark(palette) else LIGHT


def banner_style(object_name: str) -> str:
    """The style sheet of a warning banner (read-only article, returned proposal, images
    from other servers): a soft warning ground, a warning edge, ordinary text."""
    c = colours()
    return (
        f"#{object_name} {{ background: {c.warning_soft}; border: 1px solid {c.warning};"
        f" border-radius: 6px; }} #{object_name} QLabel {{ color: {c.text}; }}"
    )


def dark_palette() -> QPalette:
    """A complete dark :class:`QPalette` in the dark set's colours, for the application's style
    when the system asks for dark but its own palette is light (Fusion on some desktops)."""
    c = DARK
    palette = QPalette()
    role = QPalette.ColorRole
    for name, value in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.surface),
        (role.AlternateBase, c.surface_alt),
        (role.ToolTipBase, c.surface_alt),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.faint),
        (role.Text, c.text),
        (role.Button, c.surface_alt),
        (role.ButtonText, c.text),
        (role.BrightText, c.error),
        (role.Light, c.border_strong),
        (role.Midlight, c.border),
        (role.Mid, c.faint),
        (role.Dark, c.sidebar),
        (role.Shadow, "#000000"),
        (role.Highlight, c.accent),
        (role.HighlightedText, c.on_accent),
        (role.Link, c.accent),
        (role.LinkVisited, c.personal),
    ):
        palette.setColor(name, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, name, QColor(c.faint))
    return palette


@dataclass(frozen=True)
class Paper:
    """The colours of charts and printed reports. :data:`PAPER` is white paper (the PDF, a PNG,
    and the screen in a light theme); :data:`DARK_SCREEN` draws a chart on a dark desktop."""

    ground: str = "#ffffff"
    ink: str = "#1f2328"
    muted: str = "#57606a"
    rule: str = "#d0d7de"
    shade: str = "#f6f8fa"
    series: tuple[str, ...] = ("#1f6feb", "#e8833a", "#2da44e")


PAPER = Paper()
DARK_SCREEN = Paper(
    ground=DARK.surface,
    ink=DARK.text,
    muted=DARK.muted,
    rule=DARK.border,
    shade=DARK.surface_alt,
    series=("#5b9bff", "#f0a35a", "#6fd08c"),  # the paper's hues, light enough for dark
)


def chart_colours(palette: QPalette | None = None) -> Paper:
    """The colours a chart on screen is drawn in under ``palette`` (default: the
    application's)."""
    return DARK_SCREEN if is_dark(palette) else PAPER
