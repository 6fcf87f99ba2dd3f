"""The article body format: what a body's HTML holds besides its text.

Issue 15 makes this module the one home of the body format (the attachment scheme, image
references, block elements, text extraction); it starts here with the images: their sources
and their alt texts, which readers see (and screen readers speak) though they are no body text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final
from urllib.parse import urlsplit

ATTACHMENT_SCHEME: Final = "attachment"


@dataclass(frozen=True)
class BodyImage:
    src: str
    alt: str


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[BodyImage] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.images.append(BodyImage(values.get("src") or "", values.get("alt") or ""))


def body_images(body_html: str) -> list[BodyImage]:
    """Every ``<img>`` of ``body_html``, in document order."""
    if "<img" not in body_html.lower():
        return []
    parser = _Images()
    parser.feed(body_html)
    parser.close()
    return parser.images


def is_remote(src: str) -> bool:
    """Whether an image source points at someone else's server (not a workspace attachment)."""
    scheme = urlsplit(src.strip()).scheme.lower()
    return scheme in ("http", "https") or src.strip().startswith("//")
