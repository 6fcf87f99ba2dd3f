"""What every HTTP exchange with the sync service goes through, before any route sees it.

* Bodies: POST and PUT must declare their length (411), within the limit (413), and arrive at a
  pace (408): a client that declares more than it sends, or trickles it, would otherwise hold
  the request open for ever. The body is read here whole and handed on.
* Headers: no answer may be cached (the sign-in answer holds a token), sniffed, framed or run
  as a page; HSTS is sent when the service itself speaks TLS.
"""

from __future__ import annotations

import asyncio
from typing import Final

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsdesk.sync import protocol

BODY_IDLE: Final = 10.0  # seconds a body may pause between two pieces
BODY_RATE: Final = 16 * 1024  # bytes a second a body may not stay under, after a grace period
BODY_GRACE: Final = 30.0
SECURITY_HEADERS: Final = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
}
HSTS: Final = "max-age=31536000"
POLICY: Final = "Content-Security-Policy"


class _CutError(Exception):
    """The client went away before its body was complete."""


class Guard:
    def __init__(
        self, app: ASGIApp, *, idle: float = BODY_IDLE, max_body: int = protocol.MAX_BODY
    ) -> None:
        self.app = app
        self.idle = idle
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name == POLICY and POLICY in headers:
                        continue  # a page of the service's own (/docs) names what it loads
                    headers[name] = value
                if https:
                    headers["Strict-Transport-Security"] = HSTS
            await send(message)

        if scope["method"] in ("POST", "PUT"):
            blob = scope["path"].startswith("/v1/blobs/")
            limit = protocol.MAX_BLOB if blob else self.max_body
            length = Headers(scope=scope).get("content-length")
            refusal: JSONResponse | None = None
            if length is None:
                refusal = JSONResponse({"detail": "A Content-Length header is required."}, 411)
            elif not length.isdigit() or int(length) > limit:
                refusal = JSONResponse(
                    {"detail": f"The body is larger than the limit of {limit} bytes."}, 413
                )
            if refusal is not None:
                await refusal(scope, receive, send_guarded)
                return
            assert length is not None
            try:
                body = await self._read(receive, int(length))
            except TimeoutError:
                slow = JSONResponse(
                    {"detail": "The body arrived too slowly, or less of it than announced."},
                    408,
                    headers={"Connection": "close"},
                )
                await slow(scope, receive, send_guarded)
                return
            except _CutError:
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_guarded)

    async def _read(self, receive: Receive, length: int) -> bytes:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + BODY_GRACE + length / BODY_RATE
        parts: list[bytes] = []
        while True:
            wait = min(self.idle, deadline - loop.time())
            if wait <= 0:
                raise TimeoutError
            message = await asyncio.wait_for(receive(), wait)
            if message["type"] == "http.disconnect":
                raise _CutError
            parts.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(parts)


def _replay(body: bytes, original: Receive) -> Receive:
    """The body read already, then the connection's own messages (a disconnect, later)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive
