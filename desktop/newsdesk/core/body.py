"""The article body format: reading a body's HTML, safely, and what it holds besides its text.

This module is the one home of the body format: the one way Newsdesk reads HTML, the block
elements and the text they hold, the ``attachment:`` scheme by which a body refers to the
workspace's files, the images (their sources, alt texts and captions, which readers see and
screen readers speak) and rewriting their sources, and the East Asian character ranges that
search, the revision diff and the 字数 count all use.

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

import functools
import html as html_lib
import re
from collections.abc import Callable, Iterator
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
_NEWLINE: Final = re.compile("\n")


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


# --- East Asian characters ----------------------------------------------------------------------

CJK_LETTERS: Final = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c"  # 々 〆 〇, Hangzhou numerals, marks
    "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"  # kana, without ・
    "\u3105-\u312f\u31a0-\u31bf"  # Bopomofo
    "\u3131-\u318e\ua960-\ua97c\uac00-\ud7a3\ud7b0-\ud7fb"  # Hangul
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Extension A, Unified, Compatibility Ideographs
    "\uff66-\uffdc"  # half-width katakana and Hangul
    "\U00020000-\U0003ffff"  # Extensions B and later, Compatibility Supplement
)
"""The East Asian letters and digits (a regex character-class body): Han, kana, Bopomofo and
Hangul. Each is a unit of its own, never part of a word: search indexes their bigrams, the diff
compares them one by one, 字数 counts each as one. All of them are alphanumeric or unassigned."""

CJK_MARKS: Final = (
    "\u2e80-\u2eff"  # CJK Radicals Supplement
    "\u2f00-\u2fdf"  # Kangxi Radicals (PDF copy-paste turns 日 into ⽇)
    "\u3099-\u309c"  # kana voicing marks
)
"""Characters written among East Asian letters that are not letters themselves (so search and
the diff treat them as separators) but that 字数 counts as one character each."""

CJK_PUNCTUATION: Final = (
    "\u3001-\u3004\u3008-\u3020\u3030\u3036\u3037\u303d-\u303f"  # CJK Symbols and Punctuation
    "\u30fb"  # ・
    "\ufe10-\ufe1f\ufe30-\ufe6b"  # vertical, compatibility and small forms
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width ASCII punctuation
    "\uffe0-\uffee"  # ￥ ￡ and friends
    "\u00b7\u2014\u2015\u2016\u2018\u2019\u201c\u201d\u2022\u2025-\u2027\u203b\u2e3a\u2e3b"
)  # the last line: · — ― ‖ ‘ ’ “ ” • ‥ … ‧ ※ ⸺ ⸻ as GB/T 15834 uses them
"""The punctuation of Chinese text (a regex character-class body), disjoint from the letters.
Full-width letters and digits (U+FF10–FF5A) are in neither: "２０２６" is a number, like "2026"."""


# --- blocks and text -----------------------------------------------------------------------------

BLOCK_TAGS: Final = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    }
)
"""The elements that end a line of text: the visible text of HTML breaks into blocks at them."""

BODY_BLOCKS: Final = frozenset(
    {"p", "h2", "h3", "blockquote", "figure", "figcaption", "ul", "ol", "li", "table", "hr"}
)
"""The block elements an article body is laid out in (the editor's paragraphs and frames)."""

_HIDDEN_TAGS: Final = frozenset({"head", "script", "style", "template", "title"})


class _TextBlocks(MarkupReader):
    """Collects the visible text of HTML, one string per block element (or line break)."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._parts: list[str] = []
        self._hidden = 0

    def flush(self) -> None:
        """End the current block; its whitespace collapses as a browser shows it."""
        text = " ".join("".join(self._parts).split())
        if text:
            self.blocks.append(text)
        self._parts.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._parts.append(data)


def text_blocks(html: str) -> list[str]:
    """The visible text of each block of ``html`` (p, h2, li, td...), whitespace collapsed;
    script, style and the document's head are not visible."""
    reader = _TextBlocks()
    reader.read(html)
    reader.flush()
    return reader.blocks


def strip_html(html: str) -> str:
    """The text of ``html``: tags removed, entities unescaped, block elements made spaces.

    Inline elements join their neighbours ("<b>新</b>闻" is "新闻"); script and style contents are
    dropped; runs of whitespace become one space.
    """
    if "<" not in html and "&" not in html:  # plain text: skip the parser, it is most of the cost
        return " ".join(html.split())
    return " ".join(_read_body(html)[0])


_HIDDEN_CONTENT: Final = re.compile(
    r"<(head|script|style|template|title)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_BLOCK_TAG: Final = re.compile(
    r"</?(?:" + "|".join(sorted(BLOCK_TAGS, key=len, reverse=True)) + r")(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
_OTHER_TAG: Final = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.DOTALL)


def counted_text(html: str) -> str:
    """What :func:`strip_html` gives a stored (sanitised) body, to count its 字数, without the
    parser: a report counts thousands of bodies. Block tags become spaces, inline tags vanish,
    entities are unescaped; whitespace is left as it is (counting ignores it)."""
    if "<" not in html and "&" not in html:
        return html
    visible = _HIDDEN_CONTENT.sub(" ", html)
    joined = _OTHER_TAG.sub("", _BLOCK_TAG.sub(" ", visible))
    return html_lib.unescape(joined)


# --- attachments and images ----------------------------------------------------------------------

ATTACHMENT_SCHEME: Final = "attachment"
ATTACHMENT_PREFIX: Final = "attachment:"
"""A body refers to a workspace file (an image, a material) as ``attachment:<sha256 hex>``."""

_ATTACHMENT_REFERENCE: Final = re.compile(r"attachment:([0-9a-f]{64})", re.IGNORECASE)


def attachment_url(sha256: str) -> str:
    """The reference to the workspace file with the SHA-256 ``sha256``."""
    return ATTACHMENT_PREFIX + sha256


def attachment_digest(url: str) -> str | None:
    """The SHA-256 (lower case) an ``attachment:`` URL refers to; None for any other URL."""
    found = _ATTACHMENT_REFERENCE.fullmatch(url.strip())
    return found.group(1).lower() if found else None


def attachment_digests(html: str) -> set[str]:
    """The SHA-256 of every attachment ``html`` refers to (images and links alike)."""
    return {digest.lower() for digest in _ATTACHMENT_REFERENCE.findall(html)}


@dataclass(frozen=True)
class BodyImage:
    src: str
    alt: str
    caption: str = ""  # the text of the figure's ``<figcaption>``, if it has one


class _Images(MarkupReader):
    """Every ``<img>`` with its figure's caption, and (for :func:`rewrite_image_sources`)
    where each ``<img …>`` start tag stands in the text, when given that text."""

    def __init__(self, html: str | None = None) -> None:
        super().__init__()
        self.images: list[BodyImage] = []
        self.tags: list[tuple[int, int]] = []  # (start, end) offsets of each <img …> tag
        self._lines = None if html is None else [0, *(m.end() for m in _NEWLINE.finditer(html))]
        self._figure: list[int] = []  # per open <figure>: the index of its first image
        self._caption: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.images.append(BodyImage(values.get("src") or "", values.get("alt") or ""))
            text = self.get_starttag_text()
            if self._lines is not None and text is not None:
                line, column = self.getpos()
                start = self._lines[line - 1] + column
                self.tags.append((start, start + len(text)))
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
    return list(_read_body(body_html)[1])


class _TextAndImages(MarkupReader):
    """What :class:`_TextBlocks` and :class:`_Images` collect, from one pass of the parser."""

    def __init__(self) -> None:
        super().__init__()
        self.text = _TextBlocks()
        self.images = _Images()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.text.handle_starttag(tag, attrs)
        self.images.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.text.handle_endtag(tag)
        self.images.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.text.handle_data(data)
        self.images.handle_data(data)


# Remembered for the last few hundred bodies: submitting an article checks its images and
# indexing it for search reads its text, usually in the same batch, and parsing is most of both.
@functools.lru_cache(maxsize=256)
def _read_body(html: str) -> tuple[tuple[str, ...], tuple[BodyImage, ...]]:
    """The text blocks (as :func:`text_blocks`) and the images of ``html``, read once."""
    reader = _TextAndImages()
    reader.read(html)
    reader.text.flush()
    return tuple(reader.text.blocks), tuple(reader.images.images)


def image_sources(html: str) -> list[str]:
    """The ``src`` of every image in ``html`` that has one, in document order (entities decoded)."""
    return [image.src for image in body_images(html) if image.src]


def attached_images(html: str) -> list[str]:
    """The SHA-256 of every workspace image ``html`` shows, in document order, without repeats."""
    found = (attachment_digest(src) for src in image_sources(html))
    return list(dict.fromkeys(digest for digest in found if digest))


# An attribute of a start tag, matched from where the previous one ended (as HTMLParser reads
# them), so the text of one attribute's value is never taken for another attribute.
_ATTRIBUTE: Final = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
_IMG_START: Final = re.compile(r"<img\b", re.IGNORECASE)
_IMG_NAME: Final = re.compile(r"<img(?:\s|/(?!>))*", re.IGNORECASE)


def _rewritten_tag(tag: str, replace: Callable[[str], str | None]) -> str:
    """An ``<img>`` start tag with the value of its (first) ``src`` replaced."""
    name = _IMG_NAME.match(tag)
    position = name.end() if name else len(tag)
    while match := _ATTRIBUTE.match(tag, position):
        if match.end() == position:
            break
        if match.group(1).lower() == "src" and match.group(3) is not None:
            quoted = match.group(3)
            value = quoted[1:-1] if quoted[:1] in ("'", '"') else quoted
            new = replace(html_lib.unescape(value))
            if new is None:
                return tag[: match.start()] + tag[match.end() :]
            start, end = match.span(3)
            escaped = new.replace("&", "&amp;").replace('"', "&quot;")
            return f'{tag[:start]}"{escaped}"{tag[end:]}'
        position = match.end()
    return tag


def rewrite_image_sources(html: str, replace: Callable[[str], str | None]) -> str:
    """``html`` with every image's ``src`` replaced by ``replace(src)`` (None removes the
    attribute); the rest of the text stays exactly as it is."""
    if not _IMG_START.search(html):
        return html
    reader = _Images(html)
    reader.read(html)
    parts: list[str] = []
    done = 0
    for start, end in reader.tags:
        parts += [html[done:start], _rewritten_tag(html[start:end], replace)]
        done = end
    parts.append(html[done:])
    return "".join(parts)


def is_remote(src: str) -> bool:
    """Whether an image source points at someone else's server (not a workspace attachment)."""
    scheme = urlsplit(src.strip()).scheme.lower()
    return scheme in ("http", "https") or src.strip().startswith("//")
