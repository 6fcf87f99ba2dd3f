"""Where Newsdesk's shipped resources live (templates, translations, word lists, icons)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """``NEWSDESK_RESOURCES`` if set; the bundle's copy in a frozen build; else the package's own
    (package data, so a checkout and an installed wheel find it the same way)."""
    override = os.environ.get("NEWSDESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent / "resources"


def within(folder: Path, relative: str) -> Path:
    """``folder / relative``, refused (``ValueError``) unless it stays inside ``folder``: paths
    built from data (ids, locations) must never climb out of the folder they are written to."""
    target = (folder / relative).resolve()
    if not relative or Path(relative).is_absolute() or not target.is_relative_to(folder.resolve()):
        raise ValueError(f"{relative!r} leads outside {folder}")
    return folder / relative
