"""Who may read an attachment on the server: its uploader, administrators, and the members of
every channel holding an item that refers to it (a proposal's file, an article's cover or body
image, a revision of one). Content-addressed files are shared between items, so visibility is
the union over every reference ever made; a reference made later in another channel sends the
attachment's row again to that channel's desktops.

Referring to a file needs having it: knowing a file's hash is not enough, or anyone who learnt
the hash of another channel's file could refer to it in their own channel and read it. One has a
file who may read it already, or who uploaded its bytes (again, if the server had them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from sqlalchemy import ColumnElement, Connection, and_, insert, or_, select

from newsdesk.core.body import attachment_digests
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.model import (
    AccountMonth,
    Article,
    Attachment,
    Entity,
    Material,
    MaterialKind,
    Proposal,
    Revision,
    User,
)
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.store.codec import TABLES
from newsdesk.store.schema import ATTACHMENT_REFS as REFS
from newsdesk.store.schema import BLOB_UPLOADS as UPLOADS
from newsdesk.store.schema import BLOBS, CHANGES

if TYPE_CHECKING:
    from newsdesk.sync.audit_log import AuditLog
    from newsdesk.sync.ledger import Ledger

ATTACHMENTS: Final = TABLES[Attachment]


def referenced(entity: Entity) -> set[str]:
    """The attachments ``entity`` refers to."""
    if isinstance(entity, Proposal):
        return {m.value for m in entity.materials if m.kind is MaterialKind.FILE}
    if isinstance(entity, Article):
        return attachment_digests(entity.body_html) | ({entity.cover} if entity.cover else set())
    if isinstance(entity, AccountMonth):
        return {entity.screenshot} if entity.screenshot else set()
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
    return sha256 in possessed(conn, {sha256}, channels, user_id)


def possessed(
    conn: Connection, digests: Iterable[str], channels: frozenset[str] | None, user_id: str
) -> set[str]:
    """The files among ``digests`` the user (reading ``channels``; ``None``: every one) has:
    referred to in a channel they read, added or uploaded by them."""
    wanted = sorted(set(digests))
    if channels is None or not wanted:
        return set(wanted)
    by_ref = select(REFS.c.sha256).where(
        REFS.c.sha256.in_(wanted), REFS.c.channel_id.in_(sorted(channels))
    )
    own = select(ATTACHMENTS.c.sha256).where(
        ATTACHMENTS.c.sha256.in_(wanted), ATTACHMENTS.c.added_by == user_id
    )
    uploaded = select(UPLOADS.c.sha256).where(
        UPLOADS.c.sha256.in_(wanted), UPLOADS.c.user_id == user_id
    )
    return set(conn.execute(by_ref.union(own, uploaded)).scalars())


def requested(m: Mutation) -> set[str]:
    """The files ``m`` would refer to: an attachment row, a cover, body images, materials."""
    found = {m.entity} if m.kind is Kind.ATTACHMENT_ADD else set()
    cover, body = m.args.get("cover"), m.args.get("body_html")
    if isinstance(cover, str) and cover:
        found.add(cover)
    screenshot = m.args.get("screenshot")
    if isinstance(screenshot, str) and screenshot:
        found.add(screenshot)
    if isinstance(body, str):
        found |= attachment_digests(body)
    materials = m.args.get("materials")
    for material in materials if isinstance(materials, list | tuple) else ():
        # As pushed (JSON) or as parsed: whatever the core would take for a file.
        if isinstance(material, Material):
            material = {"kind": material.kind.value, "value": material.value}
        if isinstance(material, Mapping) and material.get("kind") == MaterialKind.FILE.value:
            found.add(str(material.get("value")))
    return found


def unheld(
    conn: Connection, mutations: Iterable[Mutation], channels: frozenset[str] | None, user_id: str
) -> dict[str, Refusal]:
    """The mutations referring to a file their author does not have, each with its refusal
    (the same whether the file exists or not: the answer must not tell)."""
    wanted = {m.id: requested(m) for m in mutations}
    held = possessed(conn, set().union(*wanted.values()), channels, user_id)
    return {
        mutation_id: refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "This refers to a file you have not uploaded and may not read; "
                "add the file again from your computer.",
            ),
        )
        for mutation_id, digests in wanted.items()
        if digests - held
    }


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


class Blobs:
    """The files behind attachments: stored once by hash, each upload remembered as proof of
    having it, read only by those who may (see the module's docstring)."""

    def __init__(self, log: AuditLog, ledger: Ledger) -> None:
        self.log = log
        self.ledger = ledger

    def put(self, sha256: str, data: bytes, user: User) -> None:
        """Stores ``data`` under its hash (once), and that ``user`` has it: uploading the bytes
        again proves having them as well as the first upload did."""
        with self.log.writing() as conn:
            if not conn.execute(select(BLOBS.c.sha256).where(BLOBS.c.sha256 == sha256)).first():
                conn.execute(insert(BLOBS), {"sha256": sha256, "size": len(data), "data": data})
            uploaded = select(UPLOADS).where(
                UPLOADS.c.sha256 == sha256, UPLOADS.c.user_id == user.id
            )
            if not conn.execute(uploaded).first():
                conn.execute(insert(UPLOADS), {"sha256": sha256, "user_id": user.id})

    def get(self, sha256: str, user: User) -> bytes | None:
        """The file, if ``user`` may read it (see :mod:`newsdesk.sync.attachments`)."""
        with self.log.engine.connect() as conn:
            if not may_read(conn, sha256, self.ledger.visible_channels(conn, user), user.id):
                return None
            found = conn.execute(select(BLOBS.c.data).where(BLOBS.c.sha256 == sha256)).scalar()
        return bytes(found) if found is not None else None
