"""Downloading the images a pasted page points at, so the article shows its own copies.

Nothing published may point at someone else's server: the host may change or remove the
picture, count the readers, or refuse to serve it at all. WeChat's image host
(``mmbiz.qpic.cn``) refuses hot-linking: without a WeChat page as the referrer it answers with
a "not allowed to quote" picture or an error. So an image is fetched with the page it was
pasted from as the referrer (where it is known), else with the host's own page for the hosts
known to require one, and once more with the image's own origin when the host refused.

What comes back must be an image of a size the workspace accepts; anything else is a
:class:`FetchError` whose ``reason`` says in a word what went wrong, for a clear message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final
from urllib.parse import unquote, urlsplit

import httpx

TIMEOUT_S: Final = 20.0
USER_AGENT: Final = "Mozilla/5.0 (Newsdesk image fetcher)"
# Hosts that serve an image only to their own pages; the referrer they expect.
REFERER_REQUIRED: Final = {
    "mmbiz.qpic.cn": "https://mp.weixin.qq.com/",
    "mmbiz.qlogo.cn": "https://mp.weixin.qq.com/",
    "mmsns.qpic.cn": "https://mp.weixin.qq.com/",
}
_IMAGE_SIGNATURES: Final = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)


class FetchProblem(StrEnum):
    REFUSED = "refused"  # the host answered 401/403 even with a referrer
    NOT_FOUND = "not_found"
    NOT_AN_IMAGE = "not_an_image"
    TOO_LARGE = "too_large"
    UNREACHABLE = "unreachable"  # no answer: offline, no such host, timed out
    SERVER_ERROR = "server_error"


class FetchError(Exception):
    def __init__(self, url: str, problem: FetchProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {url} {detail}".strip())
        self.url = url
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class FetchedImage:
    url: str
    data: bytes
    mime: str
    name: str  # a file name for the attachment, from the URL


def image_mime(data: bytes) -> str | None:
    """The image type ``data`` starts like, or ``None``."""
    for signature, mime in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def referers(url: str, page_url: str | None) -> list[str | None]:
    """The referrers to try for ``url``, in order (``None``: send none)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    first: str | None = page_url or REFERER_REQUIRED.get(host)
    origin = f"{parts.scheme}://{parts.netloc}/"
    tries = [first, origin] if first != origin else [first]
    return list(dict.fromkeys(tries))


def file_name(url: str, mime: str) -> str:
    """A readable file name for an image fetched from ``url``."""
    last = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or "image"
    suffix = "." + mime.split("/", 1)[1].replace("jpeg", "jpg")
    stem = last.rsplit(".", 1)[0] if "." in last else last
    return (stem[:80] or "image") + suffix


def fetch_image(
    url: str,
    page_url: str | None,
    *,
    max_bytes: int,
    client: httpx.Client | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> FetchedImage:
    """Download the image at ``url`` (pasted from ``page_url``, when known).

    Raises :class:`FetchError`. ``client`` is for tests and for reusing connections."""
    own = client is None
    http = client or httpx.Client(timeout=TIMEOUT_S, follow_redirects=True)
    try:
        last: FetchError | None = None
        for referer in referers(url, page_url):
            if cancelled():
                break
            try:
                return _fetch_once(http, url, referer, max_bytes)
            except FetchError as error:
                last = error
                if error.problem is not FetchProblem.REFUSED and error.problem is not (
                    FetchProblem.NOT_AN_IMAGE
                ):
                    raise
        raise last or FetchError(url, FetchProblem.UNREACHABLE)
    finally:
        if own:
            http.close()


def _fetch_once(http: httpx.Client, url: str, referer: str | None, max_bytes: int) -> FetchedImage:
    headers = {"User-Agent": USER_AGENT, "Accept": "image/*"}
    if referer:
        headers["Referer"] = referer
    try:
        with http.stream("GET", url, headers=headers) as response:
            if response.status_code in (401, 403):
                raise FetchError(url, FetchProblem.REFUSED, str(response.status_code))
            if response.status_code in (404, 410):
                raise FetchError(url, FetchProblem.NOT_FOUND, str(response.status_code))
            if response.status_code >= 400:
                raise FetchError(url, FetchProblem.SERVER_ERROR, str(response.status_code))
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > max_bytes:
                raise FetchError(url, FetchProblem.TOO_LARGE, str(declared))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, FetchProblem.TOO_LARGE, str(size))
                chunks.append(chunk)
    except httpx.HTTPError as error:
        raise FetchError(url, FetchProblem.UNREACHABLE, str(error)) from error
    data = b"".join(chunks)
    mime = image_mime(data)
    if mime is None:
        raise FetchError(url, FetchProblem.NOT_AN_IMAGE)
    return FetchedImage(url, data, mime, file_name(url, mime))


def page_url_of(html: str) -> str | None:
    """The address of the page an HTML clipboard fragment came from, where the browser said:
    Windows' ``SourceURL:`` header or comment, a ``<base href>``, or the page's ``og:url``."""
    for marker in ("SourceURL:", "<!--SourceURL:"):
        at = html.find(marker)
        if at >= 0:
            rest = html[at + len(marker) :].lstrip()
            candidate = rest.split()[0].removesuffix("-->") if rest.split() else ""
            if candidate.startswith(("http://", "https://")):
                return candidate
    for pattern in ('<base href="', 'property="og:url" content="'):
        at = html.find(pattern)
        if at >= 0:
            candidate = html[at + len(pattern) :].split('"', 1)[0]
            if candidate.startswith(("http://", "https://")):
                return candidate
    return None
