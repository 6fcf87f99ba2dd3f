"""A real HTTP endpoint on 127.0.0.1 that receives delivered files, failing when told to."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver(ThreadingHTTPServer):
    """Stores each POSTed file once by its idempotency key; answers 503 to the first
    ``failures`` requests, or to every request when ``failures`` is negative."""

    def __init__(self, failures: int) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.failures = failures
        self.requests = 0
        self.stored: dict[str, dict[str, object]] = {}
        self.authorizations: set[str] = set()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/deliver"


class Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with self.server.lock:
            self.server.requests += 1
            failing = self.server.failures < 0 or self.server.requests <= self.server.failures
            self.server.authorizations.add(self.headers.get("Authorization", ""))
            if not failing:
                self.server.stored.setdefault(self.headers["Idempotency-Key"], json.loads(body))
        self.send_response(503 if failing else 201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def serve(failures: int) -> Iterator[Receiver]:
    server = Receiver(failures)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
