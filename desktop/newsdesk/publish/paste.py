"""Pasted HTML (Word, WPS, web pages, WeChat articles) reduced to an article body (pure: no I/O).

What editors paste is mostly presentation: Word's ``mso-*`` styles, classes and conditional
comments, WeChat's nested ``section`` wrappers with inline styles on every span, web pages'
scripts and trackers. What the article needs is the text and its structure: paragraphs,
headings, lists, tables, emphasis, links and images. So instead of filtering the input, this
module reads it into a small tree and *rebuilds* the body from the allowed elements only:

* containers (div, section, unknown tags, spans wrapping blocks) disappear, their loose text
  becomes paragraphs, and an alignment set on them carries over to the paragraphs inside;
* h1 and Word's title / heading 1–2 paragraphs become h2, h3–h6 and Word's heading 3+ become h3;
* Word's "fake" lists (paragraphs with ``mso-list``, the bullet in ``<![if !supportLists]>`` or
  a ``mso-list:Ignore`` span) become real ul/ol, nested by level, when the marker is a bullet or
  a Latin number; a Chinese marker (一、, （一）) stays a paragraph with its text, since ol
  cannot render it;
* emphasis given by inline styles (WeChat) becomes strong/em/u/s;
* an image takes WeChat's lazy-load ``data-src`` over its placeholder ``src``; http(s) images
  are kept and reported as remote (to be downloaded into attachments), others are dropped.

Whitespace runs collapse to one space, except that a line break between two CJK characters
(Word wraps its HTML source mid-sentence) is removed rather than shown as a space: Chinese text
comes out exactly as typed. Empty paragraphs are dropped. The result passes through
``clean_html`` and, like it, is a fixed point (pasting the output again changes nothing).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from newsdesk.core.body import VOID, Element, TreeReader, first_values, image_sources, serialise
from newsdesk.publish.sanitize import alignment, clean_html, settle


@dataclass(frozen=True)
class Pasted:
    """A pasted fragment as an article body, and the remote images it still refers to."""

    html: str
    remote_images: tuple[str, ...]


# Skipped with everything inside: code, metadata, embedded documents, form controls, and other
# markup languages. A <form> itself is unwrapped: ASP.NET pages put the whole article in one.
_SKIPPED: Final = frozenset(
    {
        "head",
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "applet",
        "button",
        "select",
        "textarea",
        "title",
        "xml",
        "svg",
        "math",
    }
)
_HEADINGS: Final = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
_WORD_HEADINGS: Final = {"msotitle": "h2", "msoheading1": "h2", "msoheading2": "h2"}
_PARAGRAPHS: Final = frozenset({"p", "pre", "dt", "dd", "address", "summary", "caption"})
_TABLE_PARTS: Final = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
# Elements that start a block: they end an open paragraph, and content containing them is laid
# out as blocks rather than run into one paragraph.
_BLOCKS: Final = (
    frozenset(
        {
            "article",
            "aside",
            "blockquote",
            "body",
            "center",
            "details",
            "dialog",
            "div",
            "dl",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "header",
            "hgroup",
            "hr",
            "html",
            "li",
            "main",
            "nav",
            "ol",
            "section",
            "ul",
        }
    )
    | _PARAGRAPHS
    | _TABLE_PARTS
    | _HEADINGS.keys()
)
_INLINE_TAGS: Final = {
    "b": "strong",
    "strong": "strong",
    "i": "em",
    "em": "em",
    "cite": "em",
    "u": "u",
    "ins": "u",
    "s": "s",
    "strike": "s",
    "del": "del",
    "sub": "sub",
    "sup": "sup",
}
_MARKER: Final = "#marker"  # the list bullet Word puts in <![if !supportLists]>
_MSO_LIST: Final = re.compile(r"mso-list\s*:\s*([^;]*)", re.IGNORECASE)
_LEVEL: Final = re.compile(r"level(\d+)", re.IGNORECASE)
_ORDERED_MARKER: Final = re.compile(
    r"[(（]?(?:\d+(?:\.\d+)*|[a-z]|[ivxlc]+)[.)）、．]?", re.IGNORECASE
)
_SPACE_OR_WORD: Final = re.compile(r"[ \t\n\r\f\xa0]+|[^ \t\n\r\f\xa0]+")
_WIDE: Final = re.compile(
    "[\u00b7\u2014\u2018-\u201f\u2026"  # punctuation that is full-width in Chinese text
    "\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0003ffff]"
)
# Not shown to readers: Word's hidden text, WeChat's hidden cards, tracking pixels.
_HIDDEN: Final = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)
_BOLD: Final = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)\b", re.IGNORECASE)
_ITALIC: Final = re.compile(r"font-style\s*:\s*(italic|oblique)\b", re.IGNORECASE)
_DECORATION: Final = re.compile(r"text-decoration(?:-line)?\s*:\s*([^;]*)", re.IGNORECASE)
_PROTOCOL_RELATIVE: Final = "//"
_PIXEL: Final = 2  # images this small (in width or height) are trackers, not pictures


_Node = Element | str


class _TreeBuilder(TreeReader):
    """Reads HTML into a tree, closing what the HTML parsing rules close implicitly.

    Not a full HTML5 tree builder (nh3 is the one that matters for safety, and it runs on the
    result): it closes an open paragraph at a block, a list item at the next one, a cell at the
    next cell or row, and ignores end tags without a matching open element.
    """

    def __init__(self) -> None:
        super().__init__()
        self._skipping = ""
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            self._skip_depth += tag == self._skipping
            return
        values = first_values(attrs)
        if tag in _SKIPPED or _HIDDEN.search(values.get("style", "")):
            if tag not in VOID:
                self._skipping, self._skip_depth = tag, 1
            return
        self._close_implied(tag)
        # A span Word marks mso-list:Ignore holds a list bullet, like the brackets below.
        ignored = tag == "span" and "ignore" in _mso_list(values).lower()
        self.place(Element(_MARKER if ignored else tag, values))

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            self._skip_depth -= tag == self._skipping
            if not self._skip_depth:
                self._skipping = ""
            return
        self.close_to({tag}, barriers=frozenset())

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.stack[-1].children.append(data)

    def unknown_decl(self, data: str) -> None:
        """Word's ``<![if !supportLists]>``…``<![endif]>`` brackets a list bullet."""
        condition = data.strip().lower()
        if self._skipping:
            return
        if condition.startswith("if") and "supportlists" in condition:
            self.place(Element(_MARKER))
        elif condition == "endif" and self.stack[-1].tag == _MARKER:
            self.stack.pop()

    def _close_implied(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.close_to({"p"}, barriers=_BLOCKS)
        if tag == "li":
            self.close_to({"li"}, barriers=frozenset({"ul", "ol", "table"}))
        elif tag in ("td", "th"):
            self.close_to({"td", "th"}, barriers=frozenset({"tr", "table"}))
        elif tag == "tr":
            self.close_to({"tr"}, barriers=frozenset({"table", "thead", "tbody", "tfoot"}))
        elif tag in ("thead", "tbody", "tfoot"):
            self.close_to({"thead", "tbody", "tfoot"}, barriers=frozenset({"table"}))


def _mso_list(attrs: dict[str, str]) -> str:
    """The value of Word's ``mso-list`` style property, or ""."""
    found = _MSO_LIST.search(attrs.get("style", ""))
    return found.group(1).strip() if found else ""


def _text_of(node: _Node) -> str:
    return node if isinstance(node, str) else "".join(_text_of(child) for child in node.children)


def _own_alignment(element: Element) -> str | None:
    """Alignment from ``style`` or from the old ``align`` attribute Word still writes."""
    return alignment(element.attrs.get("style", "")) or alignment(
        "text-align:" + element.attrs.get("align", "")
    )


def _word_heading(classes: list[str]) -> str | None:
    """h2 or h3 for Word's title, subtitle and heading paragraph classes."""
    for name in classes:
        if name in _WORD_HEADINGS:
            return _WORD_HEADINGS[name]
        if name.startswith("msoheading") or name == "msosubtitle":
            return "h3"
    return None


def _markers(element: Element) -> Iterator[Element]:
    """The outermost list markers in element (Word nests an Ignore span in the bracket)."""
    for child in element.children:
        if isinstance(child, Element):
            if child.tag == _MARKER:
                yield child
            else:
                yield from _markers(child)


def _list_kind(paragraph: Element) -> tuple[str, int] | None:
    """("ul"|"ol", level) for a Word list paragraph whose marker a real list can render."""
    if paragraph.tag != "p":
        return None
    mso_list = _mso_list(paragraph.attrs)
    if not mso_list or mso_list.lower() == "ignore":
        return None
    markers = list(_markers(paragraph))
    if not markers:
        return None
    marker = "".join("".join(_text_of(found) for found in markers).split())
    level = _LEVEL.search(mso_list)
    depth = int(level.group(1)) if level else 1
    if len(marker) == 1 and (not marker.isalnum() or marker in "olnquvØü"):
        return "ul", depth  # a symbol, or a letter that Wingdings or Courier draws as a bullet
    if marker and _ORDERED_MARKER.fullmatch(marker):
        return "ol", depth
    return None


class _Rebuilder:
    """Builds the body from a pasted tree, keeping only what the allow-list can hold."""

    def __init__(self) -> None:
        self._has_block: dict[int, bool] = {}
        self._skip_markers = False
        self._emphasis: set[str] = set()  # the emphasis elements open around the current node

    def body(self, root: Element) -> list[_Node]:
        out: list[_Node] = []
        self._flow(root.children, out, align=None, wrap=True)
        return out

    def _is_block(self, element: Element) -> bool:
        """A block tag, or an inline one wrapping blocks (WeChat's spans around sections)."""
        key = id(element)
        if key not in self._has_block:
            self._has_block[key] = element.tag in _BLOCKS or any(
                isinstance(child, Element) and self._is_block(child) for child in element.children
            )
        return self._has_block[key]

    def _flow(self, nodes: list[_Node], out: list[_Node], align: str | None, wrap: bool) -> None:
        """Lays out block content; loose inline runs become paragraphs when ``wrap``."""
        run: list[_Node] = []
        word_list: list[tuple[Element, str, int]] = []

        def flush() -> None:
            if word_list:
                out.extend(self._word_list(word_list))
                word_list.clear()
            if run:
                if wrap:
                    self._emit(out, _block_of("p", align, run))
                else:
                    out.extend(_tidy(run))
                run.clear()

        for node in nodes:
            if isinstance(node, str):
                if word_list and not node.strip():
                    continue  # the line breaks between a Word list's paragraphs
                run.append(node)
                continue
            kind = _list_kind(node)
            if kind:
                if run:
                    flush()
                word_list.append((node, *kind))
            elif self._is_block(node):
                flush()
                self._block(node, out, align)
            else:
                if word_list:
                    flush()
                run.extend(self._inline(node))
        flush()

    def _block(self, element: Element, out: list[_Node], inherited: str | None) -> None:
        tag = element.tag
        align = _own_alignment(element) or inherited
        if tag in _PARAGRAPHS or tag in _HEADINGS:
            classes = element.attrs.get("class", "").lower().split()
            target = _word_heading(classes) or _HEADINGS.get(tag, "p")
            self._emit(out, _block_of(target, align, self._phrasing(element.children)))
        elif tag in ("ul", "ol"):
            self._emit(out, self._list(element))
        elif tag == "table":
            self._table(element, out)
        elif tag in ("blockquote", "figure"):
            inner: list[_Node] = []
            self._flow(element.children, inner, align, wrap=tag == "blockquote")
            self._emit(out, _element(tag, {}, inner))
        elif tag == "figcaption":
            self._emit(out, _block_of("figcaption", None, self._phrasing(element.children)))
        elif tag == "hr":
            out.append(Element("hr"))
        else:  # a container: div, section, an unknown tag or a span around blocks
            self._flow(element.children, out, align, wrap=True)

    @staticmethod
    def _emit(out: list[_Node], element: Element | None) -> None:
        if element is not None:
            out.append(element)

    def _list(self, element: Element) -> Element | None:
        items: list[_Node] = []
        for child in element.children:
            last = items[-1] if items else None
            if isinstance(child, Element) and child.tag in ("ul", "ol") and last is not None:
                nested = self._list(child)  # a list directly in a list: it belongs to the item
                if nested is not None and isinstance(last, Element):
                    last.children.append(nested)
                continue
            is_item = isinstance(child, Element) and child.tag == "li"
            inner: list[_Node] = []
            children = child.children if isinstance(child, Element) and is_item else [child]
            self._flow(children, inner, None, wrap=False)
            align = _own_alignment(child) if isinstance(child, Element) and is_item else None
            self._emit(items, _element("li", _style(align), inner))
        return _element(element.tag, {}, items)

    def _word_list(self, paragraphs: list[tuple[Element, str, int]]) -> list[_Node]:
        """Word's list paragraphs as real lists, nested by their ``level``."""
        out: list[_Node] = []
        stack: list[tuple[int, Element]] = []  # (level, list element), outermost first
        for paragraph, kind, level in paragraphs:
            self._skip_markers = True
            content = _tidy(self._phrasing(paragraph.children))
            self._skip_markers = False
            if not _has_content(content):
                continue
            while stack and (
                stack[-1][0] > level or (stack[-1][0] == level and stack[-1][1].tag != kind)
            ):
                stack.pop()
            if not stack or stack[-1][0] < level:
                new_list = Element(kind)
                if stack:
                    parent_items = stack[-1][1].children
                    if not parent_items:
                        parent_items.append(Element("li"))
                    parent = parent_items[-1]
                    assert isinstance(parent, Element)
                    parent.children.append(new_list)
                else:
                    out.append(new_list)
                stack.append((level, new_list))
            item = Element("li", _style(_own_alignment(paragraph)))
            item.children = content
            stack[-1][1].children.append(item)
        return out

    def _table(self, table: Element, out: list[_Node]) -> None:
        sections: list[_Node] = []
        loose_rows: list[_Node] = []
        for child in table.children:
            if not isinstance(child, Element):
                continue
            if child.tag == "caption":
                self._block(child, out, None)
            elif child.tag == "tr":
                self._emit(loose_rows, self._row(child))
            elif child.tag in ("thead", "tbody", "tfoot"):
                if loose_rows:
                    sections.append(_with_children(Element("tbody"), loose_rows))
                    loose_rows = []
                rows: list[_Node] = []
                for row in child.children:
                    if isinstance(row, Element) and row.tag == "tr":
                        self._emit(rows, self._row(row))
                tag = "thead" if child.tag == "thead" else "tbody"
                self._emit(sections, _element(tag, {}, rows))
        if loose_rows:
            sections.append(_with_children(Element("tbody"), loose_rows))
        self._emit(out, _element("table", {}, sections))

    def _row(self, row: Element) -> Element | None:
        cells: list[_Node] = []
        for cell in row.children:
            if isinstance(cell, Element) and cell.tag in ("td", "th"):
                attrs = _style(_own_alignment(cell))
                for name in ("colspan", "rowspan"):
                    value = cell.attrs.get(name, "").strip()
                    if value.isdigit() and value != "1":
                        attrs[name] = value
                inner: list[_Node] = []
                self._flow(cell.children, inner, None, wrap=False)
                cells.append(_with_children(Element(cell.tag, attrs), inner))
        return _element("tr", {}, cells)

    def _phrasing(self, nodes: list[_Node]) -> list[_Node]:
        content: list[_Node] = []
        for node in nodes:
            content.extend([node] if isinstance(node, str) else self._inline(node))
        return content

    def _inline(self, element: Element) -> list[_Node]:
        tag = element.tag
        if element.tag == _MARKER and self._skip_markers:
            return []
        if tag == "br":
            return [Element("br")]
        if tag == "img":
            image = _image(element)
            return [image] if image else []
        if tag == "a":
            content = self._phrasing(element.children)
            href = _url(element.attrs.get("href", ""))
            if href:
                attrs = {"href": href}
                if element.attrs.get("title", "").strip():
                    attrs["title"] = element.attrs["title"]
                return [_with_children(Element("a", attrs), content)]
            return content
        wrappers = [wrapper for wrapper in _emphasis(element) if wrapper not in self._emphasis]
        self._emphasis.update(wrappers)
        content = self._phrasing(element.children)
        self._emphasis.difference_update(wrappers)
        for wrapper in reversed(wrappers):
            content = [_with_children(Element(wrapper), content)]
        return content


def _emphasis(element: Element) -> list[str]:
    """The emphasis elements a tag or its inline style stands for (WeChat styles spans)."""
    wrappers = [_INLINE_TAGS[element.tag]] if element.tag in _INLINE_TAGS else []
    style = element.attrs.get("style", "")
    decoration = _DECORATION.search(style)
    lines = decoration.group(1).lower() if decoration else ""
    for found, wrapper in (
        (_BOLD.search(style), "strong"),
        (_ITALIC.search(style), "em"),
        ("underline" in lines, "u"),
        ("line-through" in lines, "s"),
    ):
        if found and wrapper not in wrappers:
            wrappers.append(wrapper)
    return wrappers


def _url(raw: str) -> str:
    """An absolute http(s), mailto or attachment URL, or "" (protocol-relative → https)."""
    url = raw.strip()
    if url.startswith(_PROTOCOL_RELATIVE):
        url = "https:" + url
    scheme = url.partition(":")[0].lower()
    return url if scheme in ("http", "https", "mailto", "attachment") else ""


def _image(element: Element) -> Element | None:
    """An img with the real source (lazy-load ``data-src`` first), or None without one."""
    attrs = element.attrs
    src = ""
    for name in ("data-src", "data-original", "src"):
        src = _url(attrs.get(name, ""))
        if src:
            break
    if not src or src.startswith("mailto:"):
        return None
    sizes = [attrs.get(name, "").strip() for name in ("width", "height")]
    if any(size.isdigit() and int(size) <= _PIXEL for size in sizes):
        return None  # a tracking pixel
    image = Element("img", {"src": src})
    if attrs.get("alt", "").strip():
        image.attrs["alt"] = attrs["alt"].strip()
    for name in ("width", "height"):
        value = attrs.get(name, "").strip()
        if value.isdigit():
            image.attrs[name] = value
    return image


def _style(align: str | None) -> dict[str, str]:
    return {"style": f"text-align: {align}"} if align else {}


def _with_children(element: Element, children: list[_Node]) -> Element:
    element.children = children
    return element


def _element(tag: str, attrs: dict[str, str], children: list[_Node]) -> Element | None:
    """The element, or None when it would be empty (it is dropped then)."""
    if not children:
        return None
    return _with_children(Element(tag, attrs), children)


def _block_of(tag: str, align: str | None, content: list[_Node]) -> Element | None:
    """A paragraph-like element of tidied content, or None if no text or image remains."""
    tidied = _tidy(content)
    return _with_children(Element(tag, _style(align)), tidied) if _has_content(tidied) else None


def _has_content(nodes: list[_Node]) -> bool:
    return any(
        node.strip() if isinstance(node, str) else node.tag == "img" or _has_content(node.children)
        for node in nodes
    )


def _tidy(content: list[_Node]) -> list[_Node]:
    """Whitespace collapsed across the content's text, edge line breaks and empties removed."""
    _collapse_space(content)
    tidied = _prune(content)
    while tidied and isinstance(tidied[0], Element) and tidied[0].tag == "br":
        tidied.pop(0)
    while tidied and isinstance(tidied[-1], Element) and tidied[-1].tag == "br":
        tidied.pop()
    return tidied


def _prune(nodes: list[_Node]) -> list[_Node]:
    """Without empty text and without elements left empty (except br and img)."""
    kept: list[_Node] = []
    for node in nodes:
        if isinstance(node, str):
            if node:
                kept.append(node)
        elif node.tag in ("br", "img"):
            kept.append(node)
        else:
            node.children = _prune(node.children)
            if node.children:
                kept.append(node)
    return kept


def _collapse_space(content: list[_Node]) -> None:
    """Collapses whitespace runs in place across text nodes, as a browser would show them.

    A run becomes one space, or nothing at the start, at the end, next to a line break, or when
    it contains a line break between two CJK characters (a source line wrap, not a space).
    """
    buffers: list[tuple[list[_Node], int, list[str]]] = []
    previous = ""  # the last visible character, "" at the start and after a <br>
    pending: list[str] | None = None  # the buffer where the pending whitespace run started
    pending_break = False

    def flush_space(following: str) -> None:
        nonlocal pending
        wide_join = _WIDE.match(previous) and _WIDE.match(following)
        if pending is not None and previous and not (pending_break and wide_join):
            pending.append(" ")
        pending = None

    def walk(nodes: list[_Node]) -> None:
        nonlocal previous, pending, pending_break
        for index, node in enumerate(nodes):
            if isinstance(node, Element):
                if node.tag == "br":
                    previous, pending = "", None
                elif node.tag == "img":
                    flush_space("\ufffc")
                    previous = "\ufffc"
                else:
                    walk(node.children)
                continue
            buffer: list[str] = []
            buffers.append((nodes, index, buffer))
            for piece in _SPACE_OR_WORD.findall(node):
                if piece[0] in " \t\n\r\f\xa0":
                    if pending is None:
                        pending, pending_break = buffer, False
                    pending_break = pending_break or "\n" in piece or "\r" in piece
                else:
                    flush_space(piece[0])
                    buffer.append(piece)
                    previous = piece[-1]

    walk(content)
    for nodes, index, buffer in buffers:
        nodes[index] = "".join(buffer)


def _rebuild(html: str) -> str:
    """One pass: parse, rebuild from the allowed elements, sanitise."""
    builder = _TreeBuilder()
    builder.read(html)
    return clean_html("".join(serialise(_Rebuilder().body(builder.root))))


def _paragraph(text: str) -> str:
    return f"<p>{html_lib.escape(text, quote=False)}</p>" if text else ""


def clean_pasted(html: str) -> Pasted:
    """Pasted ``html`` as an article body, with its http(s) images listed once each, in order."""
    body = settle(_rebuild, html, _paragraph)
    remote = (src for src in image_sources(body) if src.lower().startswith(("http:", "https:")))
    return Pasted(html=body, remote_images=tuple(dict.fromkeys(remote)))
