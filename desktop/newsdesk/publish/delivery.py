"""Delivering exported files: to a folder (the default) or by HTTP POST to a configured endpoint.

Every HTTP request carries an ``Idempotency-Key``, the SHA-256 of the article id, its version,
the target and the path, so a receiver recognises a retried or repeated delivery of the same
file and stores it once. Connection errors and 5xx answers are retried with exponential backoff;
a file that still fails is reported with the reason, never dropped silently.
"""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from newsdesk.files import write_atomically
from newsdesk.paths import within
from newsdesk.publish.export import Written


@dataclass(frozen=True)
class Delivered:
    """The outcome of delivering one file: ``ok``, or the ``reason`` it failed; ``refused``
    when the receiver answered that it will not take this file (a 4xx status), as opposed to
    being unreachable or failing."""

    target: str
    path: str
    ok: bool
    attempts: int
    reason: str = ""
    refused: bool = False


def idempotency_key(article_id: str, version: int, target: str, path: str) -> str:
    """The key naming one file of one version of an article, whoever delivers it and when."""
    return hashlib.sha256(f"{article_id}\n{version}\n{target}\n{path}".encode()).hexdigest()


class FolderDelivery:
    """Files put in a folder: written where their content differs, left alone where equal (so
    delivering to the export folder itself is a no-op)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def deliver(self, article_id: str, version: int, files: Sequence[Written]) -> list[Delivered]:
        """Writes each file under ``root``; a file that cannot be written is reported."""
        del article_id, version  # a folder needs no key: the path is the identity
        results = []
        for file in files:
            try:
                destination = within(self.root, file.path)
                if not (destination.is_file() and destination.read_bytes() == file.data):
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    write_atomically(destination, file.data)
            except (OSError, ValueError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                results.append(Delivered(file.target, file.path, False, 1, reason))
            else:
                results.append(Delivered(file.target, file.path, True, 1))
        return results


class HttpDelivery:
    """Files POSTed one by one to ``endpoint`` as JSON ``{article, version, target, path,
    content_base64}``, retried ``attempts`` times with backoff ``backoff * 2**n`` seconds."""

    def __init__(
        self,
        endpoint: str,
        client: httpx.Client,
        attempts: int = 5,
        backoff: float = 0.2,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if attempts < 1:
            raise ValueError(f"attempts must be positive, not {attempts}")
        self.endpoint = endpoint
        self.client = client
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep

    def _post(self, article_id: str, version: int, file: Written) -> Delivered:
        key = idempotency_key(article_id, version, file.target, file.path)
        body = {
            "article": article_id,
            "version": version,
            "target": str(file.target),
            "path": file.path,
            "content_base64": base64.b64encode(file.data).decode("ascii"),
        }
        reason = ""
        for attempt in range(1, self.attempts + 1):
            try:
                response = self.client.post(
                    self.endpoint, json=body, headers={"Idempotency-Key": key}
                )
            except httpx.TransportError as error:
                reason = f"{type(error).__name__}: {error}"
            else:
                if response.is_success:
                    return Delivered(file.target, file.path, True, attempt)
                reason = f"HTTP {response.status_code} {response.reason_phrase}"
                if response.status_code < 500:  # the receiver refused it: retrying will not help
                    return Delivered(file.target, file.path, False, attempt, reason, True)
            if attempt < self.attempts:
                self.sleep(self.backoff * 2 ** (attempt - 1))
        return Delivered(file.target, file.path, False, self.attempts, reason)

    def deliver(self, article_id: str, version: int, files: Sequence[Written]) -> list[Delivered]:
        """POSTs each file; the result of each says whether it arrived, or why not."""
        return [self._post(article_id, version, file) for file in files]
