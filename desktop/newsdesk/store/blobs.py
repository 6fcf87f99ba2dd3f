"""Content-addressed files: each stored once, under the SHA-256 of its bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from newsdesk.core.ids import is_sha256
from newsdesk.files import write_atomically

_BLOCK = 1 << 20


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        if not self.has(sha256):
            self._write(sha256, [data])
        return sha256

    def remove(self, sha256: str) -> None:
        """Forget a file nothing refers to (one stored for a change that was then refused)."""
        self.path(sha256).unlink(missing_ok=True)

    def put_file(self, source: Path) -> str:
        digest = hashlib.sha256()
        with source.open("rb") as f:
            while block := f.read(_BLOCK):
                digest.update(block)
        sha256 = digest.hexdigest()
        if not self.has(sha256):
            with source.open("rb") as f:
                self._write(sha256, iter(lambda: f.read(_BLOCK), b""))
        return sha256

    def read(self, sha256: str) -> bytes:
        data = self.path(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise OSError(f"attachment {sha256} is damaged: its content no longer matches its hash")
        return data

    def _write(self, sha256: str, blocks: Iterable[bytes]) -> None:
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, blocks, prefix=".incoming-", mode=0o600)
