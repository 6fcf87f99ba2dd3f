"""One web page's address written one way, so two reposts of the same original are found.

Pages are linked with the scheme and host in any case, with or without a trailing slash, with
a ``#fragment`` pointing inside the page, and with tracking parameters that feeds and sharing
buttons append (``utm_source``, WeChat's ``scene`` …); none of these changes which page it is.
The rest of the query does (WeChat and many CMSs name the article there), so it is kept, sorted.
A page at http and at https is one page: sites serve both, and links use either.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES: Final = ("utm_", "spm")
_TRACKING: Final = frozenset(
    {
        "from",
        "isappinstalled",
        "scene",
        "srcid",
        "chksm",
        "sharer_shareid",
        "sharer_sharetime",
        "fbclid",
        "gclid",
    }
)
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


def normalised_url(url: str) -> str:
    """``url`` as it is compared with other addresses; ``""`` for what is no web address."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return ""
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _TRACKING and not key.lower().startswith(_TRACKING_PREFIXES)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https" if scheme == "http" else scheme, netloc, path, urlencode(query), ""))
