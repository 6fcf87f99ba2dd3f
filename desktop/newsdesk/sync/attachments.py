"""Who may read an attachment on the server: its uploader, administrators, and the members of
every channel holding an item that refers to it (a proposal's file, an article's cover or body
image, a revision of one). Content-addressed files are shared between items, so visibility is
the union over every reference ever made; a reference made later in another channel sends the
attachment's row again to that channel's desktops."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from sqlalchemy import ColumnElement, Connection, and_, exists, insert, or_, select

from newsdesk.core.body import attachment_digests
from newsdesk.core.model import Article, Attachment, Entity, MaterialKind, Proposal, Revision
from newsdesk.store.codec import TABLES
from newsdesk.store.schema import AttachmentRefRow, Base, ChangeRow

REFS: Final = Base.metadata.tables[AttachmentRefRow.__tablename__]
CHANGES: Final = Base.metadata.tables[ChangeRow.__tablename__]
ATTACHMENTS: Final = TABLES[Attachment]


def referenced(entity: Entity) -> set[str]:
    """The attachments ``entity`` refers to."""
    if isinstance(entity, Proposal):
        return {m.value for m in entity.materials if m.kind is MaterialKind.FILE}
    if isinstance(entity, Article):
        return attachment_digests(entity.body_html) | ({entity.cover} if entity.cover else set())
    if isinstance(entity, Revision):
        content = dict(entity.content)
        cover, body = content.get("cover"), content.get("body_html")
        found = attachment_digests(body) if isinstance(body, str) else set()
        return found | ({cover} if isinstance(cover, str) and cover else set())
    return set()


def record(conn: Connection, refs: Iterable[tuple[str, str]]) -> set[str]:
    """Store the (sha256, channel) references not known yet; returns the attachments that became
    visible in a channel they were not visible in before (and that exist on the server)."""
    wanted = set(refs)
    if not wanted:
        return set()
    digests = sorted({sha for sha, _ in wanted})
    query = select(REFS.c.sha256, REFS.c.channel_id).where(REFS.c.sha256.in_(digests))
    known = {(row.sha256, row.channel_id) for row in conn.execute(query)}
    fresh = sorted(wanted - known)
    if not fresh:
        return set()
    conn.execute(insert(REFS), [{"sha256": sha, "channel_id": channel} for sha, channel in fresh])
    existing = conn.execute(
        select(ATTACHMENTS.c.sha256).where(ATTACHMENTS.c.sha256.in_({s for s, _ in fresh}))
    ).scalars()
    return set(existing)


def visible_changes(channels: frozenset[str], user_id: str) -> ColumnElement[bool]:
    """The ledger's attachment rows a user reading ``channels`` may pull."""
    by_ref = select(REFS.c.sha256).where(REFS.c.channel_id.in_(sorted(channels)))
    own = select(ATTACHMENTS.c.sha256).where(ATTACHMENTS.c.added_by == user_id)
    return and_(
        CHANGES.c.entity_table == ATTACHMENTS.name,
        or_(CHANGES.c.row_id.in_(by_ref), CHANGES.c.row_id.in_(own)),
    )


def may_read(conn: Connection, sha256: str, channels: frozenset[str] | None, user_id: str) -> bool:
    """Whether the user (reading ``channels``; ``None``: every one) may download the file."""
    if channels is None:
        return True
    by_ref = exists().where(REFS.c.sha256 == sha256, REFS.c.channel_id.in_(sorted(channels)))
    own = exists().where(ATTACHMENTS.c.sha256 == sha256, ATTACHMENTS.c.added_by == user_id)
    return bool(conn.execute(select(or_(by_ref, own))).scalar())


def channel_refs(
    entities: Iterable[Entity], article_channels: Mapping[str, str]
) -> set[tuple[str, str]]:
    """(sha256, channel) for every attachment the entities refer to."""
    found: set[tuple[str, str]] = set()
    for entity in entities:
        digests = referenced(entity)
        if not digests:
            continue
        channel = (
            article_channels.get(entity.article_id)
            if isinstance(entity, Revision)
            else getattr(entity, "channel_id", None)
        )
        if channel:
            found.update((sha, channel) for sha in digests)
    return found
