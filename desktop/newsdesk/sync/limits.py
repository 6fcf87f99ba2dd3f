"""The sizes the sync protocol allows, importable without the protocol's models (pydantic): the
desktop's replica needs them before its first frame."""

from __future__ import annotations

from typing import Final

MAX_PUSH: Final = 500  # mutations per push
MAX_PULL: Final = 5000  # rows per pull page
MAX_BODY: Final = 16 * 1024 * 1024  # bytes of a JSON request, unless the service says otherwise
MAX_BLOB: Final = 64 * 1024 * 1024  # bytes of an attachment
