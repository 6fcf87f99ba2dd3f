"""Fetching other people's web pages and their images for a repost, safely.

A repost starts from an address someone pasted, so the address is not trusted: only http(s),
never this computer or the private network (unless an administrator allows it, for a newsroom's
intranet), every redirect checked the same way, a time limit, a size limit read as the bytes
arrive, and the page's own charset honoured (GBK and GB18030 pages are common in China).

What goes wrong is a :class:`WebError` whose ``problem`` says it in a word, for a clear message.
"""

from __future__ import annotations

import asyncio
import codecs
import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final
from urllib.parse import urljoin, urlsplit

import httpx
from charset_normalizer import from_bytes

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.ingest.images import file_name, image_mime, referers

TIMEOUT_S: Final = 20.0
MAX_PAGE_BYTES: Final = 10 * 1024 * 1024
MAX_REDIRECTS: Final = 5
USER_AGENT: Final = "Mozilla/5.0 (compatible; Newsdesk repost; +https://newsdesk.example.cn)"
_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
_META_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# GB2312 and GBK pages often use characters only their superset GB18030 has a name for.
_SUPERSETS: Final = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "ascii": "utf-8"}


class Problem(StrEnum):
    NOT_HTTP = "not_http"
    PRIVATE_ADDRESS = "private_address"
    UNREACHABLE = "unreachable"
    TIMED_OUT = "timed_out"
    NOT_FOUND = "not_found"
    REFUSED = "refused"
    PAYWALL = "paywall"
    SERVER_ERROR = "server_error"
    TOO_LARGE = "too_large"
    NOT_HTML = "not_html"
    NOT_AN_IMAGE = "not_an_image"
    TOO_MANY_REDIRECTS = "too_many_redirects"


_EXPLANATIONS: Final = {
    Problem.NOT_HTTP: QT_TRANSLATE_NOOP(
        "Repost", "only http:// and https:// addresses can be reposted"
    ),
    Problem.PRIVATE_ADDRESS: QT_TRANSLATE_NOOP(
        "Repost",
        "the address is on this computer or the private network; an administrator can allow "
        "intranet addresses",
    ),
    Problem.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Repost", "the page could not be reached (no network, or no such site)"
    ),
    Problem.TIMED_OUT: QT_TRANSLATE_NOOP("Repost", "the site did not answer in time"),
    Problem.NOT_FOUND: QT_TRANSLATE_NOOP("Repost", "the site says the page does not exist"),
    Problem.REFUSED: QT_TRANSLATE_NOOP("Repost", "the site refused to give the page"),
    Problem.PAYWALL: QT_TRANSLATE_NOOP(
        "Repost", "the article is behind a paywall or a sign-in; only its opening is public"
    ),
    Problem.SERVER_ERROR: QT_TRANSLATE_NOOP("Repost", "the site had an error ({detail})"),
    Problem.TOO_LARGE: QT_TRANSLATE_NOOP("Repost", "it is larger than {limit} MB"),
    Problem.NOT_HTML: QT_TRANSLATE_NOOP("Repost", "the address is not a web page ({detail})"),
    Problem.NOT_AN_IMAGE: QT_TRANSLATE_NOOP(
        "Repost", "the site sent something other than an image"
    ),
    Problem.TOO_MANY_REDIRECTS: QT_TRANSLATE_NOOP(
        "Repost", "the site sends the address round in circles (too many redirects)"
    ),
}


class WebError(Exception):
    def __init__(self, url: str, problem: Problem, detail: str = "", limit: int = 0) -> None:
        super().__init__(f"{problem.value}: {url} {detail}".strip())
        self.url = url
        self.problem = problem
        self.detail = detail
        self.limit = limit

    @property
    def message(self) -> Message:
        return Message(
            "Repost",
            _EXPLANATIONS[self.problem],
            {"detail": self.detail, "limit": self.limit // (1024 * 1024)},
        )


@dataclass(frozen=True)
class Page:
    url: str  # where the page was in the end, after redirects
    html: str
    encoding: str


@dataclass(frozen=True)
class Image:
    url: str
    data: bytes
    mime: str
    name: str


@dataclass(frozen=True)
class Policy:
    """Which addresses may be fetched: ``allow_private`` is an administrator's permission."""

    allow_private: bool = False


def new_client() -> httpx.AsyncClient:
    """A client that follows no redirect by itself: each hop is checked before it is followed."""
    return httpx.AsyncClient(
        timeout=TIMEOUT_S, follow_redirects=False, headers={"User-Agent": USER_AGENT}
    )


async def check_address(url: str, policy: Policy) -> None:
    """Refuse what is not http(s), and private, loopback, link-local or reserved hosts."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise WebError(url, Problem.NOT_HTTP)
    if policy.allow_private:
        return
    host = parts.hostname
    try:
        addresses: Iterable[str] = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            found = await asyncio.get_running_loop().getaddrinfo(
                host, parts.port or (443 if parts.scheme.lower() == "https" else 80)
            )
        except (OSError, UnicodeError) as error:
            raise WebError(url, Problem.UNREACHABLE, str(error)) from error
        addresses = {str(entry[4][0]) for entry in found}
    for address in addresses:
        if not ipaddress.ip_address(address.split("%", 1)[0]).is_global:
            raise WebError(url, Problem.PRIVATE_ADDRESS, address)


async def _get(
    client: httpx.AsyncClient,
    url: str,
    policy: Policy,
    *,
    accept: str,
    max_bytes: int,
    referer: str | None = None,
    conditions: dict[str, str] | None = None,
) -> tuple[str, int, httpx.Headers, bytes]:
    """The final address, status, headers and body of ``url``, every redirect checked like the
    first. ``conditions`` are conditional-request headers; a 304 comes back with no body."""
    headers = {"Accept": accept, **(conditions or {})}
    if referer:
        headers["Referer"] = referer
    seen: list[str] = []
    current = url
    while True:
        await check_address(current, policy)
        seen.append(current)
        try:
            async with client.stream("GET", current, headers=headers) as response:
                if response.is_redirect and "Location" in response.headers:
                    following = urljoin(current, response.headers["Location"])
                    if following in seen or len(seen) > MAX_REDIRECTS:
                        raise WebError(url, Problem.TOO_MANY_REDIRECTS)
                    current = following
                    continue
                if response.status_code == 304:
                    return current, 304, response.headers, b""
                _check_status(url, response.status_code)
                declared = int(response.headers.get("Content-Length") or 0)
                if declared > max_bytes:
                    raise WebError(url, Problem.TOO_LARGE, str(declared), max_bytes)
                _check_type(url, response.headers, accept)
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise WebError(url, Problem.TOO_LARGE, str(size), max_bytes)
                    chunks.append(chunk)
                return current, response.status_code, response.headers, b"".join(chunks)
        except httpx.TimeoutException as error:
            raise WebError(url, Problem.TIMED_OUT, str(error)) from error
        except httpx.HTTPError as error:
            raise WebError(url, Problem.UNREACHABLE, str(error)) from error


def _check_status(url: str, status: int) -> None:
    if status in (401, 403):
        raise WebError(url, Problem.REFUSED, str(status))
    if status == 402:
        raise WebError(url, Problem.PAYWALL, str(status))
    if status in (404, 410):
        raise WebError(url, Problem.NOT_FOUND, str(status))
    if status >= 400:
        raise WebError(url, Problem.SERVER_ERROR, str(status))


def _check_type(url: str, headers: httpx.Headers, accept: str) -> None:
    declared = headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if accept.startswith("text/html") and declared and declared not in _HTML_TYPES:
        raise WebError(url, Problem.NOT_HTML, declared)


async def fetch_page(
    client: httpx.AsyncClient, url: str, policy: Policy, *, max_bytes: int = MAX_PAGE_BYTES
) -> Page:
    """The web page at ``url`` as text, decoded by its own charset."""
    final, _, headers, data = await _get(
        client,
        url,
        policy,
        accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        max_bytes=max_bytes,
    )
    content_type = headers.get("Content-Type", "")
    html, encoding = decode(data, content_type)
    if "<" not in html[:4096]:
        raise WebError(url, Problem.NOT_HTML, content_type or "text")
    return Page(final, html, encoding)


@dataclass(frozen=True)
class Fetched:
    """What a conditional fetch brought: nothing new (``not_modified``), or the document with
    the validators to send next time."""

    url: str
    data: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    not_modified: bool


async def fetch_if_changed(
    client: httpx.AsyncClient,
    url: str,
    policy: Policy,
    *,
    accept: str,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """``url`` unless it is unchanged since the response that gave ``etag`` and
    ``last_modified`` (If-None-Match / If-Modified-Since, answered by a 304), with the same
    address checks, redirects, time and size limits as any fetch."""
    conditions = {}
    if etag:
        conditions["If-None-Match"] = etag
    if last_modified:
        conditions["If-Modified-Since"] = last_modified
    final, status, headers, data = await _get(
        client, url, policy, accept=accept, max_bytes=max_bytes, conditions=conditions
    )
    not_modified = status == 304
    return Fetched(
        url=final,
        data=data,
        content_type=headers.get("Content-Type", ""),
        etag=headers.get("ETag") or (etag if not_modified else None),
        last_modified=headers.get("Last-Modified") or (last_modified if not_modified else None),
        not_modified=not_modified,
    )


async def fetch_image(
    client: httpx.AsyncClient, url: str, page_url: str | None, policy: Policy, *, max_bytes: int
) -> Image:
    """The image at ``url``, asked for with the page as referrer (hosts such as WeChat's refuse
    others), then with the image's own origin if refused."""
    last: WebError | None = None
    for referer in referers(url, page_url):
        try:
            _, _, _, data = await _get(
                client, url, policy, accept="image/*", max_bytes=max_bytes, referer=referer
            )
        except WebError as error:
            if error.problem is not Problem.REFUSED:
                raise
            last = error
            continue
        mime = image_mime(data)
        if mime is None:
            last = WebError(url, Problem.NOT_AN_IMAGE)
            continue
        return Image(url, data, mime, file_name(url, mime))
    raise last or WebError(url, Problem.UNREACHABLE)


def decode(data: bytes, content_type: str | None) -> tuple[str, str]:
    """``data`` as text: by its byte-order mark, the HTTP header's charset, the page's own
    ``<meta charset>``, strict UTF-8, or else the likeliest charset."""
    for bom, bom_encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom):
            return data.decode(bom_encoding, errors="replace"), bom_encoding
    declared = [_charset_in(content_type or "")]
    meta = _META_CHARSET.search(data[:8192])
    declared.append(meta.group(1).decode("ascii", "ignore") if meta else None)
    for name in declared:
        encoding = _known(name)
        if encoding is not None:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        encoding = _known(best.encoding if best else None) or "gb18030"
        return data.decode(encoding, errors="replace"), encoding


def _charset_in(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return None


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)
