"""The checks over every text that will be published, not the body alone.

A finding is a sensitive word from the word lists, a misplaced punctuation mark, or personal data
that must not be published (:mod:`newsdesk.core.personal_data`). The editor and the Review page
show the same findings, from the same function, for the title, subtitle, summary, author, source,
responsible editor, tags and the images' alt texts; the body is checked paragraph by paragraph by
the editor's highlighter, with :func:`text_findings` too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from newsdesk.core.body import body_images
from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.personal_data import PersonalKind, personal_data
from newsdesk.core.sensitive import SensitiveMatcher
from newsdesk.core.textstats import punctuation_findings


class FindingKind(StrEnum):
    SENSITIVE = "sensitive"
    PUNCTUATION = "punctuation"
    PERSONAL = "personal"


@dataclass(frozen=True)
class Finding:
    """One finding in a text. ``start``/``end`` are code point offsets into that text;
    ``detail`` is a sensitive word's category, the punctuation to write instead, or the
    :class:`PersonalKind` of personal data."""

    kind: FindingKind
    start: int
    end: int
    found: str
    detail: str


@dataclass(frozen=True)
class FieldFinding:
    """A finding in one published field other than the body (``field`` is its name, or
    ``"image_alt"`` for an image's alt text)."""

    field: str
    finding: Finding


TEXT_FIELDS: Final = ("title", "subtitle", "summary", "author", "source", "responsible_editor")
"""The published fields that are one plain text each."""
CHECKED_FIELDS: Final = (*TEXT_FIELDS, "tags", "image_alt")

FIELD_NAMES: Final[Mapping[str, Message]] = {
    "title": Message("Field", QT_TRANSLATE_NOOP("Field", "Title")),
    "subtitle": Message("Field", QT_TRANSLATE_NOOP("Field", "Subtitle")),
    "summary": Message("Field", QT_TRANSLATE_NOOP("Field", "Summary")),
    "author": Message("Field", QT_TRANSLATE_NOOP("Field", "Author")),
    "source": Message("Field", QT_TRANSLATE_NOOP("Field", "Source")),
    "responsible_editor": Message("Field", QT_TRANSLATE_NOOP("Field", "Responsible editor")),
    "tags": Message("Field", QT_TRANSLATE_NOOP("Field", "Tags")),
    "image_alt": Message("Field", QT_TRANSLATE_NOOP("Field", "Image alt text")),
    "body": Message("Field", QT_TRANSLATE_NOOP("Field", "Body")),
}

PERSONAL_NAMES: Final[Mapping[str, Message]] = {
    PersonalKind.ID_NUMBER: Message("Field", QT_TRANSLATE_NOOP("Field", "ID card number")),
    PersonalKind.MOBILE: Message("Field", QT_TRANSLATE_NOOP("Field", "Mobile number")),
    PersonalKind.BANK_CARD: Message("Field", QT_TRANSLATE_NOOP("Field", "Bank card number")),
    PersonalKind.EMAIL: Message("Field", QT_TRANSLATE_NOOP("Field", "E-mail address")),
    PersonalKind.LICENCE_PLATE: Message("Field", QT_TRANSLATE_NOOP("Field", "Licence plate")),
}


def text_findings(text: str, matcher: SensitiveMatcher | None) -> list[Finding]:
    """The findings in one paragraph or field value, in text order."""
    found = [
        Finding(FindingKind.SENSITIVE, hit.start, hit.end, text[hit.start : hit.end], hit.category)
        for hit in (matcher.find(text) if matcher is not None else ())
    ]
    found += (
        Finding(FindingKind.PUNCTUATION, f.start, f.end, f.found, f.suggestion)
        for f in punctuation_findings(text)
    )
    found += (
        Finding(FindingKind.PERSONAL, hit.start, hit.end, hit.found(text), hit.kind.value)
        for hit in personal_data(text)
    )
    found.sort(key=lambda finding: finding.start)
    return found


def field_texts(content: Mapping[str, object]) -> list[tuple[str, str]]:
    """(field, text) of every published text of a revision's content except the body: one
    entry per tag and per image alt text."""
    texts: list[tuple[str, str]] = []
    for name in TEXT_FIELDS:
        value = content.get(name)
        if isinstance(value, str) and value.strip():
            texts.append((name, value))
    tags = content.get("tags")
    if isinstance(tags, list | tuple):
        texts += (("tags", str(tag)) for tag in tags if str(tag).strip())
    body = content.get("body_html")
    if isinstance(body, str):
        texts += (("image_alt", image.alt) for image in body_images(body) if image.alt.strip())
    return texts


def field_findings(
    content: Mapping[str, object], matcher: SensitiveMatcher | None
) -> list[FieldFinding]:
    """The findings in every published field of ``content`` but the body, field by field."""
    return [
        FieldFinding(name, finding)
        for name, text in field_texts(content)
        for finding in text_findings(text, matcher)
    ]
