"""The one HTML allow-list of Newsdesk, and the sanitiser that enforces it (pure: no I/O).

Article bodies are HTML. Whatever reaches the editor (paste, import) and whatever leaves it (the
PC, WAP and APP exporters) goes through ``clean_html``, so an article can only ever contain the
elements listed here: text structure, emphasis, links, images, figures and tables, with no
scripts, no event handlers, no styling beyond paragraph alignment and no URL that runs code.

The parsing and sanitising is done by nh3 (ammonia over html5ever, a browser-grade HTML5
parser), so the result is what a browser would see, not what a regex thinks. On top of it:

* URLs must be absolute with an allowed scheme; relative URLs are dropped, because an exported
  page lives on another host where they would point somewhere else. Images stored in the
  workspace are ``attachment:<sha256 hex>``; a ``data:`` image is dropped like any other
  ``data:`` URL (the editor stores clipboard images as attachments first).
* ``style`` survives only as one ``text-align`` with a keyword value, rewritten canonically.
* Numeric attributes (width, height, colspan, rowspan) must be plain integers.
* The result is a fixed point: sanitising parses, and re-serialising a parsed tree can change
  how the next parse sees it (``<p><p>x</p></p>`` once its ``<div>`` is gone), so ``clean_html``
  repeats until nothing changes. Idempotence is what lets the editor, the exporters and the
  review hash agree on one text for one revision.
"""

from __future__ import annotations

import functools
import html as html_lib
import logging
import re
from collections.abc import Callable
from typing import Final

import nh3

from newsdesk.core.body import (
    ATTACHMENT_PREFIX,
    ATTACHMENT_SCHEME,
    attachment_digest,
    attachment_url,
    bounded,
    strip_html,
)

_log = logging.getLogger(__name__)

_ALIGNABLE: Final = frozenset({"p", "h2", "h3", "li", "td", "th"})

ALLOWED_TAGS: Final[frozenset[str]] = frozenset(
    {
        "p",
        "h2",
        "h3",
        "blockquote",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "del",
        "sub",
        "sup",
        "ul",
        "ol",
        "li",
        "a",
        "img",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
        "hr",
    }
)
"""Every element an article body may contain."""

ALLOWED_ATTRIBUTES: Final[dict[str, frozenset[str]]] = {
    "a": frozenset({"href", "title", "rel"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "style"}),
    **{tag: frozenset({"style"}) for tag in ("p", "h2", "h3", "li")},
}
"""The attributes each element may carry. ``rel`` on links is always set by the sanitiser
(``noopener noreferrer``), never taken from the input; ``style`` holds only ``text-align``."""

ALLOWED_URL_SCHEMES: Final[frozenset[str]] = frozenset(
    {"http", "https", "mailto", ATTACHMENT_SCHEME}
)
"""Schemes of ``href`` and ``src``; anything else, and any relative URL, is removed."""

ALLOWED_ALIGNMENTS: Final[frozenset[str]] = frozenset({"left", "center", "right", "justify"})
"""The values of ``text-align`` kept on p, h2, h3, li, td and th."""

# Contents dropped with the element: code, embedded documents, forms, metadata and islands of
# other markup (Word's <xml>, SVG, MathML) whose text is not article text.
_DROPPED_WITH_CONTENT: Final = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "noframes",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "title",
        "xml",
        "svg",
        "math",
    }
)
_NUMERIC_ATTRIBUTES: Final = frozenset({"width", "height", "colspan", "rowspan"})
_URL_ATTRIBUTES: Final = frozenset({"href", "src"})
_NUMBER: Final = re.compile(r"[0-9]{1,5}")
_MAX_PASSES: Final = 4


def alignment(style: str) -> str | None:
    """The ``text-align`` keyword of an inline ``style`` value, if it is an allowed one.

    The last declaration wins, as in CSS; case and spacing do not matter.
    """
    found = None
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip().lower() == "text-align":
            found = value.strip().lower()
    return found if found in ALLOWED_ALIGNMENTS else None


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Checks and canonicalises what nh3's allow-list lets through (None drops the attribute)."""
    if attribute == "style":
        align = alignment(value) if tag in _ALIGNABLE else None
        return f"text-align: {align}" if align else None
    if attribute in _NUMERIC_ATTRIBUTES:
        number = value.strip()
        return number if _NUMBER.fullmatch(number) else None
    if attribute in _URL_ATTRIBUTES:
        url = value.strip()
        if url.lower().startswith(ATTACHMENT_PREFIX):
            digest = attachment_digest(url)
            return attachment_url(digest) if digest else None
        return url
    return value


def _clean_once(html: str) -> str:
    """One nh3 pass with the allow-list."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        # "*": nothing on every element (ammonia otherwise allows lang and title everywhere).
        attributes={"*": set()}
        | {tag: set(names - {"rel"}) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel="noopener noreferrer",
        url_schemes=set(ALLOWED_URL_SCHEMES),
        url_relative="deny",
        filter_style_properties={"text-align"},
    )


def settle(step: Callable[[str], str], html: str, fallback: Callable[[str], str]) -> str:
    """``step`` applied to ``html`` until the output no longer changes: a fixed point of step.

    Converges in one or two passes in practice. Should a pathological input keep changing, the
    text alone (``fallback`` of the text) is used if step leaves it unchanged, else nothing; so
    the result is always a fixed point and applying the whole again is a no-op.
    """
    current = step(html)
    if current == html:  # a fixed point already, as a stored body is: a second pass would agree
        return current
    for _ in range(_MAX_PASSES):
        following = step(current)
        if following == current:
            return current
        current = following
    _log.warning("HTML did not settle after %d passes; keeping its text only", _MAX_PASSES)
    plain = fallback(strip_html(current))
    return plain if step(plain) == plain else ""


def _escaped_text(text: str) -> str:
    """Text as HTML, escaped the way nh3 serialises text."""
    return html_lib.escape(text, quote=False)


# An export cleans each body four times in a row: for its images, each page, its APP document.
@functools.lru_cache(maxsize=16)
def clean_html(html: str) -> str:
    """``html`` reduced to the allow-list: safe to store, display and export; idempotent."""
    return settle(_clean_once, bounded(html), _escaped_text)
