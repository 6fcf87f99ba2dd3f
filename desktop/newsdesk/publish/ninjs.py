"""The APP output: one IPTC ninjs 2.x JSON document per article, and a feed manifest per channel.

The documents follow the ninjs 2.1 schema (http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json):

* ``uri`` is the only required property; it is stable per article, so every version (and the
  retraction) of an article is the same news object. ``version`` is a string.
* ``headlines``, ``descriptions`` and ``bodies`` are arrays of ``{role, contenttype, value}``.
* ``renditions`` is an array of objects that each need a ``name``; ``associations`` is an array of
  ninjs objects that each need a ``name`` and a ``uri``. (ninjs 1.x used objects keyed by name.)
* ``pubstatus`` is one of ``usable``, ``withheld``, ``canceled``; dates are RFC 3339 date-times.
* There is no ``keywords`` property in 2.x: tags become ``subjects`` (``rel`` "tag"), and the
  channel a subject with ``rel`` "channel".

Images stored in the workspace (``attachment:<sha256>`` in the body) become associated
``picture`` objects with one rendition per width, and the body's ``<img src>`` points at the
widest one. :func:`validate_ninjs` checks a document against the schema's rules, written out here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urlsplit

from newsdesk.core.body import attached_images, attachment_digest, rewrite_image_sources
from newsdesk.core.model import ArticleKind, RevisionContent
from newsdesk.publish.pages import web_url
from newsdesk.publish.renditions import RenditionInfo
from newsdesk.publish.sanitize import clean_html

NINJS_VERSION: Final = "2.1"
NINJS_SCHEMA: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"

PubStatus = Literal["usable", "withheld", "canceled"]
PUBSTATUSES: Final = ("usable", "withheld", "canceled")
NEWS_TYPES: Final = ("text", "audio", "video", "picture", "graphic", "composite", "component")


@dataclass(frozen=True)
class FeedEntry:
    """One article in a channel's feed: the newest version of its document, and where it is."""

    uri: str
    version: int
    versioncreated: dt.datetime
    pubstatus: PubStatus
    href: str


def _timestamp(moment: dt.datetime) -> str:
    """``moment`` as an RFC 3339 date-time; naive datetimes are refused rather than guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"datetime without a timezone: {moment!r}")
    return moment.isoformat()


def _picture(
    name: str, uri: str, renditions: Sequence[RenditionInfo], base: str
) -> dict[str, object]:
    """An associated ``picture`` object with its renditions, narrowest first."""
    ordered = sorted(renditions, key=lambda r: (r.width, r.href))
    return {
        "name": name,
        "uri": uri,
        "type": "picture",
        "renditions": [
            {
                "name": f"w{rendition.width}",
                "href": f"{base}/{rendition.href}",
                "contenttype": rendition.mime,
                "width": rendition.width,
                "height": rendition.height,
                "sizeinbytes": rendition.size,
            }
            for rendition in ordered
        ],
    }


def article_document(
    *,
    article_id: str,
    revision_content: RevisionContent,
    version: int,
    published_at: dt.datetime,
    pubstatus: PubStatus,
    uri_base: str,
    channel_name: str,
    images: Mapping[str, Sequence[RenditionInfo]],
    language: str = "zh-CN",
    correction_note: str = "",
    first_published_at: dt.datetime | None = None,
) -> dict[str, object]:
    """The ninjs document of one published (or retracted) version of an article.

    ``images`` the renditions of every image it uses (cover and body, by SHA-256), whose
    relative ``href`` is resolved against ``uri_base``. A retraction is the document re-issued
    with ``pubstatus="canceled"`` and a higher version, of what readers still see of a
    retracted revision (:meth:`RevisionContent.retracted`): no body, summary or pictures.
    Raises ``ValueError`` when an image has no renditions or a datetime has no timezone.
    """
    base = uri_base.rstrip("/")
    canceled = pubstatus == "canceled"
    content = revision_content.retracted() if canceled else revision_content
    document: dict[str, object] = {
        "uri": f"{base}/articles/{article_id}",
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "version": str(version),
    }
    if first_published_at is not None:
        document["firstcreated"] = _timestamp(first_published_at)
    document["versioncreated"] = _timestamp(published_at)
    document["pubstatus"] = pubstatus
    document["language"] = language

    headlines = [{"role": "main", "contenttype": "text/plain", "value": content.title}]
    if content.subtitle:
        headlines.append({"role": "sub", "contenttype": "text/plain", "value": content.subtitle})
    document["headlines"] = headlines

    if content.summary:
        document["descriptions"] = [
            {"role": "summary", "contenttype": "text/plain", "value": content.summary}
        ]

    associations: list[dict[str, object]] = []
    body = clean_html(content.body_html)
    named = ([("cover", content.cover)] if content.cover else []) + [
        (f"image-{index}", sha) for index, sha in enumerate(attached_images(body), 1)
    ]
    widest: dict[str, str] = {}
    for name, sha in named:
        renditions = images.get(sha)
        if not renditions:
            raise ValueError(f"no renditions for image {sha}")
        associations.append(_picture(name, f"{base}/images/{sha}", renditions, base))
        widest[sha] = f"{base}/{max(renditions, key=lambda r: r.width).href}"
    if not canceled:
        body = rewrite_image_sources(
            body, lambda src: widest.get(attachment_digest(src) or "", src)
        )
        document["bodies"] = [{"role": "main", "contenttype": "text/html", "value": body}]

    if content.author:
        document["by"] = content.author
    source = content.source
    original_url = content.original_url
    if source or original_url:
        infosource: dict[str, object] = {"role": "originator"}
        if source:
            infosource["name"] = source
        # http(s) only, whatever an older workspace holds: "javascript:" and "data:" reached
        # the app's documents once.
        if original_url and _is_uri(original_url) and web_url(original_url) == original_url:
            infosource["uri"] = original_url
        document["infosources"] = [infosource]
    if content.kind is ArticleKind.REPOST:
        document.update(_repost_rights(content, language))

    tag_names = [tag for tag in content.tags if tag]
    document["subjects"] = [{"name": channel_name, "rel": "channel"}] + [
        {"name": tag, "rel": "tag"} for tag in tag_names
    ]
    if correction_note:
        document["ednote"] = correction_note
    if associations:
        document["associations"] = associations
    return document


# The document's own language, not the operator's: the terms travel with the text.
_USAGE_TERMS: Final = {
    "zh": "本文转载自{holder}，版权归原作者所有；如需再次转载，请联系版权方。",
    "en": "Reposted from {holder}; copyright remains with the original author. Ask the "
    "copyright holder before reposting it again.",
}


def _repost_rights(content: RevisionContent, language: str) -> dict[str, str]:
    """Whose the reposted text is and on what terms: ``copyrightholder`` is the original
    outlet (its address's host if it has no name), ``usageterms`` says it is a repost; and
    ``contentcreated`` is when the original appeared, if its page said."""
    holder = content.source or (urlsplit(content.original_url).hostname or "")
    rights: dict[str, str] = {}
    if holder:
        terms = _USAGE_TERMS.get(language.split("-")[0].lower(), _USAGE_TERMS["en"])
        rights["copyrightholder"] = holder
        rights["usageterms"] = terms.format(holder=holder)
    if content.original_published_at is not None:
        rights["contentcreated"] = _timestamp(content.original_published_at)
    return rights


def feed_entry(document: Mapping[str, object], href: str) -> FeedEntry:
    """The feed entry of a document made by :func:`article_document`, published at ``href``."""
    pubstatus = document["pubstatus"]
    if pubstatus not in PUBSTATUSES:
        raise ValueError(f"bad pubstatus {pubstatus!r}")
    return FeedEntry(
        uri=str(document["uri"]),
        version=int(str(document["version"])),
        versioncreated=dt.datetime.fromisoformat(str(document["versioncreated"])),
        pubstatus=pubstatus,
        href=href,
    )


def feed_manifest(channel: str, entries: Iterable[FeedEntry]) -> dict[str, object]:
    """The channel's feed: one item per article (its highest version), newest first.

    An app keeps the ``version`` it has of each ``uri`` and fetches only the documents whose
    version changed; a ``canceled`` item tells it to take the article down.
    """
    latest: dict[str, FeedEntry] = {}
    for entry in entries:
        known = latest.get(entry.uri)
        if known is None or entry.version > known.version:
            latest[entry.uri] = entry
    ordered = sorted(latest.values(), key=lambda e: (-e.versioncreated.timestamp(), e.uri))
    return {
        "channel": channel,
        "items": [
            {
                "uri": entry.uri,
                "version": str(entry.version),
                "versioncreated": _timestamp(entry.versioncreated),
                "pubstatus": entry.pubstatus,
                "href": entry.href,
            }
            for entry in ordered
        ],
    }


# --- validation --------------------------------------------------------------------------------

_URI: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f<>\"{}|\\^`]*")
_DATE_TIME: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})"
)

_STRINGS: Final = frozenset(
    {
        "profile",
        "version",
        "copyrightholder",
        "copyrightnotice",
        "usageterms",
        "ednote",
        "language",
        "title",
        "by",
        "slugline",
        "located",
    }
)
_DATE_TIMES: Final = frozenset(
    {"firstcreated", "versioncreated", "contentcreated", "embargoed", "expires"}
)
_ENUMS: Final[Mapping[str, tuple[str, ...]]] = {
    "type": NEWS_TYPES,
    "representationtype": ("full", "partial"),
    "pubstatus": PUBSTATUSES,
}
_TEXT_BLOCKS: Final[Mapping[str, Mapping[str, str]]] = {
    "headlines": {"role": "string", "contenttype": "string", "value": "string"},
    "descriptions": {"role": "string", "contenttype": "string", "value": "string"},
    "bodies": {
        "role": "string",
        "contenttype": "string",
        "value": "string",
        "charcount": "number",
        "wordcount": "number",
    },
}
_ENTITY: Final[Mapping[str, str]] = {
    "name": "string",
    "rel": "string",
    "uri": "uri",
    "literal": "string",
}
# Array properties whose items are objects: allowed keys -> kind of value.
_OBJECT_ARRAYS: Final[Mapping[str, Mapping[str, str]]] = {
    "people": {**_ENTITY, "contactinfo": "array"},
    "organisations": {**_ENTITY, "symbols": "array", "contactinfo": "array"},
    "places": {**_ENTITY, "contactinfo": "array", "geojson": "object"},
    "subjects": {**_ENTITY, "creator": "string", "relevance": "percent", "confidence": "percent"},
    "events": _ENTITY,
    "objects": _ENTITY,
    "infosources": {
        "name": "string",
        "role": "string",
        "uri": "uri",
        "literal": "string",
        "contactinfo": "array",
    },
    "genres": {"name": "string", "uri": "string", "literal": "string"},
    "altids": {"role": "string", "value": "string"},
    "trustindicators": {"role": "uri", "title": "string", "href": "uri"},
    "renditions": {
        "name": "string",
        "href": "uri",
        "contenttype": "string",
        "title": "string",
        "height": "number",
        "width": "number",
        "sizeinbytes": "number",
        "duration": "number",
        "format": "string",
    },
}
_REQUIRED_IN_ITEMS: Final[Mapping[str, tuple[str, ...]]] = {
    **dict.fromkeys(_TEXT_BLOCKS, ("value",)),
    "renditions": ("name",),
}
_OBJECTS: Final[Mapping[str, Mapping[str, str]]] = {
    "standard": {"name": "string", "version": "string", "schema": "uri"},
    "rightsinfo": {"langid": "uri", "linkedrights": "uri", "encodedrights": "string"},
}


def _is_uri(value: str) -> bool:
    """Whether ``value`` is an absolute URI (JSON Schema ``format: uri``): a scheme, then no
    spaces or characters RFC 3986 excludes."""
    return _URI.fullmatch(value) is not None


def _is_date_time(value: str) -> bool:
    """Whether ``value`` is an RFC 3339 date-time (JSON Schema ``format: date-time``)."""
    if _DATE_TIME.fullmatch(value) is None:
        return False
    try:
        dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _value_problem(kind: str, value: object) -> str | None:
    """What is wrong with ``value`` as a value of ``kind``, or None."""
    if kind in ("string", "uri"):
        if not isinstance(value, str):
            return "must be a string"
        if kind == "uri" and not _is_uri(value):
            return f"not an absolute URI: {value!r}"
    elif kind in ("number", "percent"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "must be a number"
        if kind == "percent" and not (isinstance(value, int) and 0 <= value <= 100):
            return "must be an integer from 0 to 100"
    elif kind == "array" and not isinstance(value, list):
        return "must be an array"
    elif kind == "object" and not isinstance(value, dict):
        return "must be an object"
    return None


def _check_object(
    path: str, value: object, keys: Mapping[str, str], required: Iterable[str] = ()
) -> list[str]:
    """Problems of an object with a closed set of ``keys`` (``additionalProperties: false``)."""
    if not isinstance(value, dict):
        return [f"{path}: must be an object"]
    problems = [f"{path}.{key}: required" for key in required if key not in value]
    for key, item in value.items():
        kind = keys.get(key)
        if kind is None:
            problems.append(f"{path}.{key}: unknown property")
        elif (problem := _value_problem(kind, item)) is not None:
            problems.append(f"{path}.{key}: {problem}")
    return problems


def _check_array(
    path: str, value: object, keys: Mapping[str, str], required: Iterable[str]
) -> list[str]:
    if not isinstance(value, list):
        return [f"{path}: must be an array"]
    required = tuple(required)
    problems: list[str] = []
    for index, item in enumerate(value):
        problems += _check_object(f"{path}[{index}]", item, keys, required)
    return problems


def _check(document: object, path: str, association: bool) -> list[str]:
    if not isinstance(document, dict):
        return [f"{path or 'document'}: must be an object"]
    prefix = f"{path}." if path else ""
    required = ("name", "uri") if association else ("uri",)
    problems = [f"{prefix}{key}: required" for key in required if key not in document]
    for key, value in document.items():
        where = f"{prefix}{key}"
        if key == "uri" or (association and key == "name"):
            kind = "uri" if key == "uri" else "string"
            if (problem := _value_problem(kind, value)) is not None:
                problems.append(f"{where}: {problem}")
        elif key in _STRINGS:
            if not isinstance(value, str):
                problems.append(f"{where}: must be a string")
        elif key in _DATE_TIMES:
            if not isinstance(value, str) or not _is_date_time(value):
                problems.append(f"{where}: not an RFC 3339 date-time: {value!r}")
        elif key in _ENUMS:
            if value not in _ENUMS[key]:
                problems.append(f"{where}: {value!r} is not one of {', '.join(_ENUMS[key])}")
        elif key == "urgency":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9:
                problems.append(f"{where}: must be an integer from 1 to 9")
        elif key in _TEXT_BLOCKS:
            problems += _check_array(where, value, _TEXT_BLOCKS[key], ("value",))
        elif key in _OBJECT_ARRAYS:
            problems += _check_array(
                where, value, _OBJECT_ARRAYS[key], _REQUIRED_IN_ITEMS.get(key, ())
            )
        elif key in _OBJECTS:
            problems += _check_object(where, value, _OBJECTS[key])
            if (
                key == "rightsinfo"
                and isinstance(value, dict)
                and ("linkedrights" in value) == ("encodedrights" in value)
            ):
                problems.append(f"{where}: needs exactly one of linkedrights, encodedrights")
        elif key == "associations":
            if not isinstance(value, list):
                problems.append(f"{where}: must be an array")
            else:
                for index, item in enumerate(value):
                    problems += _check(item, f"{where}[{index}]", association=True)
        else:
            problems.append(f"{where}: unknown property")
    return problems


def validate_ninjs(document: object) -> list[str]:
    """What makes ``document`` invalid against ninjs 2.1, each problem naming its field.

    Checks required properties, value types, enumerations, URI and date-time formats, the closed
    property sets, and every associated object as a ninjs object of its own. Empty when valid.
    """
    return _check(document, "", association=False)
