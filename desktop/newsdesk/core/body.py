"""The article body format: reading a body's HTML, safely, and what it holds besides its text.

Issue 15 makes this module the one home of the body format (the attachment scheme, image
references, block elements, text extraction). Here so far: the one way Newsdesk reads HTML, and
the images (their sources, alt texts and captions, which readers see and screen readers speak).

Bodies come from other people's desktops, from paste and from web pages, so reading one must
never fail and never take unbounded resources: one body that breaks a reader would break every
desktop that syncs it. Python's ``HTMLParser`` is the tokenizer (fast, forgiving), with two
things added here once for every reader in Newsdesk:

* **It cannot throw.** The only exceptions ``HTMLParser`` raises on markup come from the SGML
  code it inherits for ``<![`` ("marked sections": ``<![ x``, ``<![><img …>``), which plain HTML
  does not have. :class:`MarkupReader` reads ``<![…>`` as browsers and nh3 (html5ever) do: a
  bogus comment that ends at the first ``>``, handed to ``unknown_decl`` so Word's
  ``<![if !supportLists]>`` brackets still mark its list bullets.
* **Trees are shallow.** :class:`TreeReader` keeps at most :data:`MAX_DEPTH` open elements;
  deeper ones are unwrapped (their content stays, in the deepest element), so code walking the
  tree recursively cannot run out of stack on ten thousand nested ``<div>``s, and
  :func:`bounded` gives the sanitiser input whose nesting cannot make it slow.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final
from urllib.parse import urlsplit

MAX_DEPTH: Final = 100
"""Open elements a tree keeps; real articles (WeChat's nested sections included) use far
fewer, and recursive walks over this many stay well inside Python's stack."""

VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
"""Elements that never have content or an end tag."""

_TAG: Final = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)")


class MarkupReader(HTMLParser):
    """``HTMLParser`` that reads any text without raising (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def read(self, html: str) -> None:
        """Feed all of ``html`` and close."""
        self.feed(html)
        self.close()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        end = self.rawdata.find(">", i + 3)
        if end < 0:
            return -1  # incomplete: close() hands the rest over as text
        if report:
            self.unknown_decl(self.rawdata[i + 3 : end].rstrip("]").strip())
        return end + 1

    def unknown_decl(self, data: str) -> None:
        """A ``<![…]>`` bracket's content (e.g. ``if !supportLists``); ignored by default."""


class Element:
    """An element of a read tree: its tag, attributes and children (elements and text)."""

    __slots__ = ("attrs", "children", "tag")

    def __init__(
        self, tag: str, attrs: dict[str, str] | None = None, children: list[Node] | None = None
    ) -> None:
        self.tag = tag
        self.attrs = attrs if attrs is not None else {}
        self.children: list[Node] = children if children is not None else []


Node = Element | str


class TreeReader(MarkupReader):
    """HTML as a tree under :attr:`root`, at most :data:`MAX_DEPTH` open elements deep.

    An end tag closes the innermost open element of its name (and what is open inside it); one
    without an open element of its name is ignored. Subclasses add HTML's implied closings
    (:meth:`close_to`) and their own filtering, and place elements with :meth:`place`.
    """

    def __init__(self, root: Element | None = None) -> None:
        super().__init__()
        self.root = root if root is not None else Element("#root")
        self.stack: list[Element] = [self.root]

    def place(self, element: Element) -> None:
        """Append ``element`` to the innermost open element and open it, unless it is void or
        the tree is already :data:`MAX_DEPTH` deep (then its content goes where it stands)."""
        if element.tag in VOID:
            self.stack[-1].children.append(element)
        elif len(self.stack) <= MAX_DEPTH:
            self.stack[-1].children.append(element)
            self.stack.append(element)

    def close_to(self, tags: set[str] | frozenset[str], barriers: frozenset[str]) -> None:
        """Close the innermost open element named in ``tags``, unless a barrier comes first."""
        for depth in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[depth].tag
            if tag in tags:
                del self.stack[depth:]
                return
            if tag in barriers:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.place(Element(tag, first_values(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.close_to({tag}, frozenset())

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def first_values(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Attributes as a mapping; the first of duplicates wins, as in browsers."""
    values: dict[str, str] = {}
    for name, value in attrs:
        values.setdefault(name, value or "")
    return values


def read_tree(html: str) -> Element:
    """``html`` as a tree (see :class:`TreeReader`)."""
    reader = TreeReader()
    reader.read(html)
    return reader.root


def serialise(nodes: list[Node]) -> Iterator[str]:
    """Nodes as HTML: text escaped, attributes quoted, void elements without an end tag."""
    for node in nodes:
        if isinstance(node, str):
            yield html_lib.escape(node, quote=False)
            continue
        attrs = "".join(f' {name}="{html_lib.escape(value)}"' for name, value in node.attrs.items())
        yield f"<{node.tag}{attrs}>"
        if node.tag not in VOID:
            yield from serialise(node.children)
            yield f"</{node.tag}>"


def nesting(html: str) -> int:
    """How deep ``html`` nests at most, counting every start tag of a non-void element until its
    end tag: never less than the real depth (implied closings are not applied), cheap to tell."""
    depth = deepest = 0
    for closing, name in _TAG.findall(html):
        if name.lower() in VOID:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def bounded(html: str) -> str:
    """``html`` itself when it nests at most :data:`MAX_DEPTH` deep, else re-written from its
    shallow tree."""
    if nesting(html) <= MAX_DEPTH:
        return html
    return "".join(serialise(read_tree(html).children))


ATTACHMENT_SCHEME: Final = "attachment"

_ATTACHMENT_REFERENCE: Final = re.compile(r"attachment:([0-9a-f]{64})", re.IGNORECASE)


def attachment_digests(html: str) -> set[str]:
    """The SHA-256 of every attachment ``html`` refers to (images and links alike)."""
    return {digest.lower() for digest in _ATTACHMENT_REFERENCE.findall(html)}


@dataclass(frozen=True)
class BodyImage:
    src: str
    alt: str
    caption: str = ""  # the text of the figure's ``<figcaption>``, if it has one


class _Images(MarkupReader):
    def __init__(self) -> None:
        super().__init__()
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
    parser.read(body_html)
    return parser.images


def is_remote(src: str) -> bool:
    """Whether an image source points at someone else's server (not a workspace attachment)."""
    scheme = urlsplit(src.strip()).scheme.lower()
    return scheme in ("http", "https") or src.strip().startswith("//")
