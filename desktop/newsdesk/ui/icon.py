"""The application's icon (drawn by scripts/make_icon.py), one image per size so Qt picks the
sharp one for the title bar, the task bar and the window switcher."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from newsdesk.paths import resources_dir

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_file(size: int) -> Path:
    return resources_dir() / "icons" / f"newsdesk-{size}.png"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(icon_file(size)))
    return icon
