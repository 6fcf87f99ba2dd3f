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
    caption: str = ""  # the text of the figure's ``<figcaption>``, if it has one


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[BodyImage] = []
        self._figure: list[int] = []  # per open <figure>: the index of its first image
        self._caption: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.images.append(BodyImage(values.get("src") or "", values.get("alt") or ""))
        elif tag == "figure":
            self._figure.append(len(self.images))
        elif tag == "figcaption" and self._figure:
            self._caption = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption" and self._caption is not None and self._figure:
            first = self._figure[-1]
            caption = " ".join("".join(self._caption).split())
            if first < len(self.images):
                last = self.images[-1]
                self.images[-1] = BodyImage(last.src, last.alt, caption)
            self._caption = None
        elif tag == "figure" and self._figure:
            self._figure.pop()

    def handle_data(self, data: str) -> None:
        if self._caption is not None:
            self._caption.append(data)


def body_images(body_html: str) -> list[BodyImage]:
    """Every ``<img>`` of ``body_html`` in document order, with its figure's caption."""
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
