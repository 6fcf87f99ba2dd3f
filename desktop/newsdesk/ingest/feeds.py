"""Reading the feeds a newsroom subscribes to: RSS 2.0 (and RSS 1.0), Atom and JSON Feed.

A feed comes from someone else's server, so it is parsed as hostile input. XML is read with
expat directly, and a document that declares a DTD or an entity is refused before any entity is
expanded: that is what the "billion laughs" and external-entity attacks need, and no feed does.
The text is decoded first (a byte-order mark, the HTTP header's charset, the XML declaration's,
UTF-8, or the likeliest), since expat itself knows no GBK or GB18030, which Chinese feeds use.

Dates are read in the forms feeds write them: RFC 822 (RSS), ISO 8601 (Atom, JSON Feed), and the
Chinese forms bridges for WeChat and Weibo produce ("2026年12月5日 08:30", "2026-12-05 08:30").
A time without a zone is taken as China Standard Time, as those feeds mean it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any, Final, NoReturn
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from newsdesk.core.body import strip_html
from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.model import FeedKind
from newsdesk.ingest.web import decode

MAX_FEED_BYTES: Final = 5 * 1024 * 1024
MAX_SUMMARY: Final = 5000
MAX_TITLE: Final = 300
ACCEPT: Final = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
CHINA: Final = dt.timezone(dt.timedelta(hours=8))
ATOM: Final = "{http://www.w3.org/2005/Atom}"
RSS1: Final = "{http://purl.org/rss/1.0/}"
RDF: Final = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC: Final = "{http://purl.org/dc/elements/1.1/}"
CONTENT: Final = "{http://purl.org/rss/1.0/modules/content/}"
_XML_DECLARATION: Final = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_CHINESE_DATE: Final = re.compile(
    r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}))?)?"
)


class FeedProblem(StrEnum):
    NOT_A_FEED = "not_a_feed"
    MALFORMED = "malformed"
    DECLARATIONS = "declarations"
    WRONG_KIND = "wrong_kind"


_EXPLANATIONS: Final = {
    FeedProblem.NOT_A_FEED: QT_TRANSLATE_NOOP(
        "Feeds", "the address gives no RSS, Atom or JSON feed ({detail})"
    ),
    FeedProblem.MALFORMED: QT_TRANSLATE_NOOP("Feeds", "the feed is not well-formed ({detail})"),
    FeedProblem.DECLARATIONS: QT_TRANSLATE_NOOP(
        "Feeds",
        "the feed declares a DTD or entities, which feeds never need and attacks do; it was not "
        "read",
    ),
    FeedProblem.WRONG_KIND: QT_TRANSLATE_NOOP(
        "Feeds", "the source is set as {expected}, but the address gives {detail}"
    ),
}


class FeedError(Exception):
    def __init__(self, problem: FeedProblem, detail: str = "", expected: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}".strip())
        self.problem = problem
        self.detail = detail
        self.expected = expected

    @property
    def message(self) -> Message:
        return Message(
            "Feeds", _EXPLANATIONS[self.problem], {"detail": self.detail, "expected": self.expected}
        )


@dataclass(frozen=True)
class Item:
    guid: str  # the item's own id, else its link: what tells one item from another
    url: str
    title: str
    summary: str
    published_at: dt.datetime | None


@dataclass(frozen=True)
class Feed:
    kind: FeedKind
    title: str
    items: tuple[Item, ...]


def parse_feed(
    data: bytes, content_type: str = "", base_url: str = "", kind: FeedKind = FeedKind.AUTO
) -> Feed:
    """The items of a feed document; :class:`FeedError` says why it cannot be read."""
    text = _text(data, content_type)
    found = _kind_of(text)
    if kind is not FeedKind.AUTO and found is not None and found is not kind:
        raise FeedError(FeedProblem.WRONG_KIND, found.value, kind.value)
    if found is FeedKind.JSON:
        return _json_feed(text, base_url)
    root = parse_xml(text)
    if root.tag == "rss":
        return _rss(_found(root.find("channel")), base_url, "")
    if root.tag == f"{RDF}RDF":
        return _rss(_found(root.find(f"{RSS1}channel")), base_url, RSS1, root)
    if root.tag == f"{ATOM}feed":
        return _atom(root, base_url)
    raise FeedError(FeedProblem.NOT_A_FEED, root.tag.rpartition("}")[2])


def _found(element: Element | None) -> Element:
    return Element("channel") if element is None else element


def _text(data: bytes, content_type: str) -> str:
    """The document as text. An XML declaration's encoding counts as the header's when the
    header names none: GBK feeds say so only there."""
    header_names_charset = "charset=" in content_type.lower()
    declared = _XML_DECLARATION.match(data[:200])
    if declared and not header_names_charset:
        content_type = f"text/xml; charset={declared.group(1).decode('ascii')}"
    text, _ = decode(data, content_type)
    return text.lstrip("\ufeff")


def _kind_of(text: str) -> FeedKind | None:
    head = text.lstrip()[:2000]
    if head.startswith("{"):
        return FeedKind.JSON
    if "<rss" in head or "<rdf:RDF" in head or "purl.org/rss/1.0" in head:
        return FeedKind.RSS
    if "http://www.w3.org/2005/Atom" in head and re.search(r"<(\w+:)?feed[\s>]", head):
        return FeedKind.ATOM
    return None


def _refuse_declarations(*_: Any) -> NoReturn:
    raise FeedError(FeedProblem.DECLARATIONS)


def parse_xml(text: str) -> Element:
    """``text`` as an element tree, namespaced tags as ``{uri}name``; refused with
    :class:`FeedError` if it declares a DTD or entities, or is not well-formed XML."""
    parser = expat.ParserCreate(namespace_separator="}")
    builder = TreeBuilder()
    parser.StartDoctypeDeclHandler = _refuse_declarations
    parser.EntityDeclHandler = _refuse_declarations
    parser.UnparsedEntityDeclHandler = _refuse_declarations
    parser.ExternalEntityRefHandler = _refuse_declarations
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def start(tag: str, attributes: dict[str, str]) -> None:
        builder.start(name(tag), {name(k): v for k, v in attributes.items()})

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        raise FeedError(FeedProblem.MALFORMED, str(error)) from error
    root: Element = builder.close()
    return root


def _child_text(element: Element, *tags: str) -> str:
    for tag in tags:
        child = element.find(tag)
        if child is not None and (child.text or "").strip():
            return (child.text or "").strip()
    return ""


def _link(href: str, base_url: str) -> str:
    """An absolute http(s) address, or "" for anything else (javascript:, mailto:, data:)."""
    absolute = urljoin(base_url, href.strip()) if href.strip() else ""
    return absolute if urlsplit(absolute).scheme.lower() in ("http", "https") else ""


def _clean(html: str, limit: int) -> str:
    text = " ".join(strip_html(html).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item(guid: str, url: str, title: str, summary: str, published: str) -> Item | None:
    if not url:
        return None
    clean_summary = _clean(summary, MAX_SUMMARY)
    clean_title = _clean(title, MAX_TITLE) or clean_summary[:60] or url
    return Item(
        guid=(guid.strip() or url)[:2000],
        url=url,
        title=clean_title,
        summary=clean_summary,
        published_at=parse_date(published),
    )


def _rss(channel: Element, base_url: str, ns: str, items_parent: Element | None = None) -> Feed:
    parent = items_parent if items_parent is not None else channel
    items: list[Item] = []
    for entry in parent.iter(f"{ns}item"):
        url = _link(_child_text(entry, f"{ns}link"), base_url)
        guid = entry.find("guid")
        if not url and guid is not None and guid.get("isPermaLink", "true") != "false":
            url = _link(guid.text or "", base_url)
        item = _item(
            _child_text(entry, "guid") or entry.get(f"{RDF}about", ""),
            url,
            _child_text(entry, f"{ns}title"),
            _child_text(entry, f"{ns}description", f"{CONTENT}encoded"),
            _child_text(entry, "pubDate", f"{DC}date"),
        )
        if item is not None:
            items.append(item)
    return Feed(FeedKind.RSS, _child_text(channel, f"{ns}title"), tuple(items))


def _atom_link(entry: Element, base_url: str) -> str:
    links = entry.findall(f"{ATOM}link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return _link(link.get("href", ""), base_url)
    return _link(links[0].get("href", ""), base_url) if links else ""


def _atom(root: Element, base_url: str) -> Feed:
    items: list[Item] = []
    for entry in root.iter(f"{ATOM}entry"):
        item = _item(
            _child_text(entry, f"{ATOM}id"),
            _atom_link(entry, base_url),
            _child_text(entry, f"{ATOM}title"),
            _child_text(entry, f"{ATOM}summary", f"{ATOM}content"),
            _child_text(entry, f"{ATOM}published", f"{ATOM}updated"),
        )
        if item is not None:
            items.append(item)
    return Feed(FeedKind.ATOM, _child_text(root, f"{ATOM}title"), tuple(items))


def _json_feed(text: str, base_url: str) -> Feed:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise FeedError(FeedProblem.MALFORMED, str(error)) from error
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedError(FeedProblem.NOT_A_FEED, "JSON")
    entries = document.get("items")
    items: list[Item] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue

        def text_of(*keys: str, entry: dict[str, Any] = entry) -> str:
            return next((str(entry[k]) for k in keys if isinstance(entry.get(k), str)), "")

        url = _link(text_of("url", "external_url"), base_url)
        item = _item(
            text_of("id") or str(entry.get("id") or ""),
            url,
            text_of("title"),
            text_of("summary", "content_text", "content_html"),
            text_of("date_published", "date_modified"),
        )
        if item is not None:
            items.append(item)
    return Feed(FeedKind.JSON, str(document.get("title") or ""), tuple(items))


def parse_date(text: str) -> dt.datetime | None:
    """A feed's date in UTC, or ``None`` when it is missing or unreadable."""
    text = text.strip()
    if not text:
        return None
    for read in _date_readers():
        try:
            found = read(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if found is not None:
            at = found if found.tzinfo else found.replace(tzinfo=CHINA)
            return at.astimezone(dt.UTC)
    return None


def _date_readers() -> Iterator[Callable[[str], dt.datetime | None]]:
    yield parsedate_to_datetime
    yield lambda text: dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    yield _chinese_date


def _chinese_date(text: str) -> dt.datetime | None:
    match = _CHINESE_DATE.search(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    return dt.datetime(year, month, day, hour, minute, second)
