"""Where Newsdesk's shipped resources live (templates, translations, word lists, icons)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """``NEWSDESK_RESOURCES`` if set; the bundle's copy in a frozen build; else the checkout's."""
    override = os.environ.get("NEWSDESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
