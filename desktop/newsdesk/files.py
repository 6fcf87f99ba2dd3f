"""Writing a file so that a crash or a full disk never leaves it half-written."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path


def write_atomically(
    path: Path, data: bytes | Iterable[bytes], *, prefix: str = ".", mode: int = 0o666
) -> None:
    """Replace ``path`` with ``data`` (bytes, or blocks of bytes) all at once.

    The data goes to a temporary file in the same folder (named ``<prefix><name>.<random>.tmp``,
    so concurrent writers never share one and a sweep can find leftovers), is flushed to the
    disk, and is then renamed over ``path``: readers see the old file or the new one, never a
    part. If anything fails, the temporary file is removed and ``path`` is as it was.
    ``mode`` is the new file's permissions before the umask (``0o600``: the owner's only).
    """
    temporary = path.with_name(f"{prefix}{path.name}.{secrets.token_hex(8)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, mode)
    try:
        with os.fdopen(descriptor, "wb") as file:
            for block in [data] if isinstance(data, bytes) else data:
                file.write(block)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
