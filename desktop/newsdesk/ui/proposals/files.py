"""Copying files into the workspace's attachments, as the proposal editor's background job.

Runs off the UI thread (it hashes and copies whole files); checks the size limit before reading
a byte, so an oversized file costs nothing.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.core.model import Material, MaterialKind
from newsdesk.store.blobs import BlobStore

MAX_LABEL = 200  # the schema's limit for a material's label


@dataclass(frozen=True)
class ImportedFile:
    """A file now held in the workspace under its SHA-256."""

    sha256: str
    name: str
    size: int
    mime: str

    def material(self) -> Material:
        return Material(MaterialKind.FILE, self.sha256, self.name[:MAX_LABEL])


class Problem(Enum):
    TOO_LARGE = "too_large"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class RefusedFile:
    """A file that was not added, and why (``detail``: the size, or the system's message)."""

    name: str
    problem: Problem
    size: int = 0
    detail: str = ""


def import_files(
    blobs: BlobStore, paths: Iterable[Path], limit: int = MAX_ATTACHMENT_BYTES
) -> list[ImportedFile | RefusedFile]:
    """Copy each of ``paths`` into ``blobs``, or say why not; one result per path, in order."""
    results: list[ImportedFile | RefusedFile] = []
    for path in paths:
        try:
            if not path.is_file():
                results.append(RefusedFile(path.name, Problem.NOT_A_FILE))
                continue
            size = path.stat().st_size
            if size > limit:
                results.append(RefusedFile(path.name, Problem.TOO_LARGE, size=size))
                continue
            sha256 = blobs.put_file(path)
        except OSError as error:
            results.append(
                RefusedFile(path.name, Problem.UNREADABLE, detail=error.strerror or str(error))
            )
            continue
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        results.append(ImportedFile(sha256, path.name, blobs.path(sha256).stat().st_size, mime))
    return results
