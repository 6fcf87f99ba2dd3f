"""Checks that HTML stays inside the allow-list, by parsing it (not by looking for substrings)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from newsdesk.publish.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
)

_ALIGN_STYLE = re.compile(r"text-align: ?(left|center|right|justify)")
# What a browser ignores inside a URL before reading its scheme: controls, spaces, tabs, newlines.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
            return
        for name, value in attrs:
            text = value or ""
            if name not in ALLOWED_ATTRIBUTES.get(tag, frozenset()) or name.startswith("on"):
                self.problems.append(f"attribute {tag}[{name}]")
            elif name in ("href", "src"):
                url = _IGNORED_IN_URL.sub("", text).lower()
                scheme, colon, _ = url.partition(":")
                if not colon or scheme not in ALLOWED_URL_SCHEMES or "/" in scheme:
                    self.problems.append(f"url {tag}[{name}]={text!r}")
            elif name == "style" and not _ALIGN_STYLE.fullmatch(text):
                self.problems.append(f"style {tag}[style]={text!r}")
            elif name == "rel" and text != "noopener noreferrer":
                self.problems.append(f"rel {text!r}")

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        self.problems.append(f"declaration {decl!r}")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"declaration {data!r}")

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"processing instruction {data!r}")


def violations(html: str) -> list[str]:
    """Everything in ``html`` the allow-list does not permit (empty when it is clean)."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    problems = inspector.problems
    if re.search(r"<\s*script", html, re.IGNORECASE):
        problems.append("a <script> tag")
    return problems


def tags_of(html: str) -> list[str]:
    """The start tags of ``html`` in order, for counting structure."""
    found: list[str] = []

    class _Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append(tag)

    parser = _Tags()
    parser.feed(html)
    parser.close()
    return found
