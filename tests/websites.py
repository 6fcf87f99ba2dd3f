"""A web site on 127.0.0.1 serving pages in the markup of real Chinese outlets, and their
images (some only to their own pages, as WeChat's image host does), for repost tests."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image

PAGES = Path(__file__).parent / "ingest" / "pages"


def picture(colour: str, size: tuple[int, int] = (64, 48), kind: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    needs_referer: str | None = None  # a prefix the Referer must start with, else 403
    stream_bytes: int = 0  # send this many bytes in chunks without a Content-Length
    etag: str | None = None  # sent, and a request bringing it back gets a 304


@dataclass
class Site:
    url: str
    routes: dict[str, Route]
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, referer)
    # (path, If-None-Match, If-Modified-Since) of every request
    conditions: list[tuple[str, str, str]] = field(default_factory=list)

    def page(self, path: str, name: str, encoding: str = "utf-8", content_type: str = "") -> str:
        text = (PAGES / name).read_text(encoding="utf-8")
        self.routes[path] = Route(
            text.encode(encoding), headers={"Content-Type": content_type or "text/html"}
        )
        return self.url + path


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        path = self.path
        referer = self.headers.get("Referer", "")
        self.site.requests.append((path, referer))
        etag = self.headers.get("If-None-Match", "")
        self.site.conditions.append((path, etag, self.headers.get("If-Modified-Since", "")))
        route = self.site.routes.get(path)
        if route is None:
            self.send_error(404)
            return
        if route.etag is not None and etag == route.etag:
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.end_headers()
            return
        if route.delay:
            time.sleep(route.delay)
        if route.needs_referer is not None and not referer.startswith(route.needs_referer):
            self.send_error(403)
            return
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.etag is not None:
            self.send_header("ETag", route.etag)
        if route.stream_bytes:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            sent = 0
            try:
                while sent < route.stream_bytes:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass  # the client hung up on a page that was too large, as it should
            return
        if "Content-Length" not in route.headers:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, *_: object) -> None:
        pass


@contextmanager
def serving() -> Iterator[Site]:
    """A site on 127.0.0.1 for as long as the block runs; add its pages with :meth:`Site.page`."""
    routes: dict[str, Route] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    site = Site(f"http://127.0.0.1:{server.server_address[1]}", routes)
    _Handler.site = site
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
