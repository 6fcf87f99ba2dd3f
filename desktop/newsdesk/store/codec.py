"""Converting entities to table rows and back.

Converters are derived once per entity class from its type hints, so adding a field to an entity
needs no code here, only a column (and a migration).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from sqlalchemy import Date, DateTime, Table

from newsdesk.core import model
from newsdesk.core.model import Anchor, Entity, Material, MaterialKind
from newsdesk.store import schema

TABLES: Mapping[type, Table] = {
    model.User: schema.metadata.tables["users"],
    model.Channel: schema.metadata.tables["channels"],
    model.RoleGrant: schema.metadata.tables["role_grants"],
    model.Proposal: schema.metadata.tables["proposals"],
    model.Article: schema.metadata.tables["articles"],
    model.Revision: schema.metadata.tables["revisions"],
    model.ReviewDecision: schema.metadata.tables["review_decisions"],
    model.SignOff: schema.metadata.tables["sign_offs"],
    model.Publication: schema.metadata.tables["publications"],
    model.Attachment: schema.metadata.tables["attachments"],
    model.Source: schema.metadata.tables["sources"],
    model.Lead: schema.metadata.tables["leads"],
    model.PlatformAccount: schema.metadata.tables["platform_accounts"],
    model.AccountMonth: schema.metadata.tables["account_months"],
    model.PlatformFigures: schema.metadata.tables["platform_figures"],
    model.YearTarget: schema.metadata.tables["year_targets"],
    model.ReaderMessage: schema.metadata.tables["reader_messages"],
    model.NotificationReads: schema.metadata.tables["notification_reads"],
    model.SourceFollows: schema.metadata.tables["source_follows"],
}

Convert = Callable[[Any], Any]
E = TypeVar("E", bound=Entity)


def _identity(value: Any) -> Any:
    return value


def _to_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def from_db_time(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive values; everything is stored in UTC.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _material_out(m: Material) -> dict[str, str]:
    return {"kind": m.kind.value, "value": m.value, "label": m.label}


def _material_in(d: Mapping[str, str]) -> Material:
    return Material(MaterialKind(d["kind"]), d["value"], d.get("label", ""))


def _anchor_out(a: Anchor) -> dict[str, object]:
    return dataclasses.asdict(a)


def _anchor_in(d: Mapping[str, Any]) -> Anchor:
    return Anchor(int(d["start"]), int(d["end"]), str(d["quote"]), str(d["comment"]))


def _scalar(hint: Any) -> tuple[Convert, Convert]:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        # A dict lookup: several times faster than calling the enum, over thousands of rows.
        return (lambda v: v.value), hint._value2member_map_.__getitem__
    if hint is dt.datetime:
        return _to_utc, from_db_time
    return _identity, _identity


def _optional(pair: tuple[Convert, Convert]) -> tuple[Convert, Convert]:
    out, into = pair
    if out is _identity and into is _identity:
        return pair
    return (lambda v: None if v is None else out(v)), (lambda v: None if v is None else into(v))


def _converters(hint: Any) -> tuple[Convert, Convert]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _optional(_converters(inner))
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if item is Material:
            return (lambda v: [_material_out(m) for m in v]), (
                lambda v: tuple(_material_in(d) for d in v)
            )
        if item is Anchor:
            return (lambda v: [_anchor_out(a) for a in v]), (
                lambda v: tuple(_anchor_in(d) for d in v)
            )
        if typing.get_origin(item) is tuple:  # Revision.content: key/value pairs
            return (lambda v: dict(v)), (lambda v: tuple(v.items()))
        out, into = _scalar(item)
        if out is _identity and into is _identity:  # tags, assignees: most of a board's rows
            return list, tuple
        return (lambda v: [out(x) for x in v]), (lambda v: tuple(into(x) for x in v))
    return _scalar(hint)


_FIELDS: dict[object, tuple[tuple[str, Convert, Convert], ...]] = {}


def _fields(cls: type[Any]) -> tuple[tuple[str, Convert, Convert], ...]:
    """Each field's name with its converters to and from the database, derived once."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls, vars(model))
        found = tuple((f.name, *_converters(hints[f.name])) for f in dataclasses.fields(cls))
        _FIELDS[cls] = found
    return found


def to_row(entity: Entity) -> dict[str, Any]:
    return {name: out(getattr(entity, name)) for name, out, _ in _fields(type(entity))}


_DECODERS: dict[object, Callable[[Mapping[Any, Any]], Any]] = {}

REPEATED = frozenset(
    {"channel_id", "proposer_id", "owner_id", "author_id", "reviewer_id", "publisher_id"}
    | {"account_id", "source_id", "user_id", "tags", "assignees"}
)
"""Fields whose values are drawn from a few hundred (channels, people, accounts, sources, tags)
and repeat over every row. Decoded, each is the one shared string (``sys.intern``) rather than
a copy per row: at 100,000 stories that is tens of megabytes, and comparing them (the board's
filters) finds the same object at once."""


def _shared(name: str) -> bool:
    return name in REPEATED or name.endswith("_by")


def _intern_optional(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


def _intern_each(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(map(sys.intern, values))


def _decoder(cls: type[Any]) -> Callable[[Mapping[Any, Any]], Any]:
    """A function building ``cls`` from a row, written out once for the class: screens decode
    thousands of rows at a time, and a generic loop over fields costs several times more."""
    found = _DECODERS.get(cls)
    if found is None:
        namespace: dict[str, Any] = {"cls": cls}
        arguments = []
        for number, (name, _, into) in enumerate(_fields(cls)):
            if _shared(name):
                into = {_identity: _intern_optional, tuple: _intern_each}.get(into, into)
            if into is _identity:
                arguments.append(f"{name}=row[{name!r}]")
            else:
                namespace[f"into{number}"] = into
                arguments.append(f"{name}=into{number}(row[{name!r}])")
        exec(f"def decode(row):\n    return cls({', '.join(arguments)})", namespace)
        found = _DECODERS[cls] = namespace["decode"]
    return found


def from_row(cls: type[E], row: Mapping[Any, Any]) -> E:
    return _decoder(cls)(row)  # type: ignore[no-any-return]


def key_column(cls: type) -> str:
    return "sha256" if cls is model.Attachment else "id"


def row_to_json(
    table: Table, row: Mapping[str, Any], hidden: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """A table row as JSON values (times in ISO 8601 with their zone), leaving out ``hidden``."""
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.name in hidden:
            continue
        value = row[column.name]
        if isinstance(value, dt.datetime):
            value = (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out[column.name] = value
    return out


def row_from_json(
    table: Table, data: Mapping[str, Any], hidden: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The row to write from JSON values; raises ``ValueError`` naming a missing or malformed
    column."""
    row: dict[str, Any] = {}
    for name, parse in _json_readers(table, hidden):
        if name not in data:
            raise ValueError(f"{table.name}: the column {name!r} is missing")
        value = data[name]
        row[name] = value if parse is None or value is None else parse(str(value))
    return row


@functools.cache
def _json_readers(
    table: Table, hidden: frozenset[str]
) -> tuple[tuple[str, Callable[[str], Any] | None], ...]:
    """Each column of ``table`` but ``hidden`` with what reads its JSON text, if anything:
    looked up once per table, not for every column of every row a pull brings."""
    readers: list[tuple[str, Callable[[str], Any] | None]] = []
    for column in table.columns:
        if column.name in hidden:
            continue
        if isinstance(column.type, DateTime):
            readers.append((column.name, dt.datetime.fromisoformat))
        elif isinstance(column.type, Date):
            readers.append((column.name, dt.date.fromisoformat))
        else:
            readers.append((column.name, None))
    return tuple(readers)
