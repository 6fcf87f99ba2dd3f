"""Which proposals and articles look like a given text: MinHash signatures and their LSH band
hashes (:mod:`newsdesk.core.similar`), kept beside the full-text index.

They are derived data, like the search index: written wherever a document is (re)indexed, on
this desktop only, never synced. A lookup reads the rows sharing one of the query's band
hashes (an index lookup per band), then compares only those candidates' signatures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

import sqlalchemy as sa

from newsdesk.core.actor import Actor
from newsdesk.core.addresses import normalised_url
from newsdesk.core.model import Article, MaterialKind, Proposal, ProposalState
from newsdesk.core.similar import Signature, most_similar, signature, text_of
from newsdesk.store.schema import ARTICLES, PROPOSALS
from newsdesk.store.world import DbWorld

METADATA: Final = sa.MetaData()
SIGNATURES: Final = sa.Table(
    "similar_signature",
    METADATA,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("doc_id", sa.String(64), primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)
BANDS: Final = sa.Table(
    "similar_band",
    METADATA,
    sa.Column("band", sa.BigInteger, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("doc_id", sa.String(64), nullable=False),
    sa.Index("ix_similar_band_band", "band"),
    sa.Index("ix_similar_band_doc", "kind", "doc_id"),
)


def create_similar_schema(conn: sa.Connection) -> None:
    METADATA.create_all(conn)


def drop_similar_schema(conn: sa.Connection) -> None:
    METADATA.drop_all(conn)


def index_similar(
    conn: sa.Connection,
    documents: Sequence[tuple[str, str, str, str]],
    *,
    new: bool = False,
    signatures: Mapping[tuple[str, str], bytes] | None = None,
) -> None:
    """(Re)index documents given as (kind, id, title, plain text), in the caller's transaction.

    ``new=True`` promises that none of ``documents`` is indexed yet, which saves deleting their
    old signatures and bands. ``signatures``: the ones known already (of this very text), by
    (kind, id)."""
    if not documents:
        return
    if not new:
        remove_similar(conn, [(kind, key) for kind, key, _title, _text in documents])
    known = signatures or {}
    rows: list[tuple[str, str, bytes]] = []
    bands: list[tuple[int, str, str]] = []
    for kind, key, title, text in {(d[0], d[1]): d for d in documents}.values():
        stored = known.get((kind, key))
        found = (
            Signature.from_bytes(stored) if stored is not None else signature(text_of(title, text))
        )
        if found is None:
            continue
        rows.append((kind, key, found.to_bytes()))
        bands.extend((band, kind, key) for band in found.bands())
    if rows:
        _insert_plain(conn, SIGNATURES, rows)
        _insert_plain(conn, BANDS, bands)


def signatures_of(
    conn: sa.Connection, kind: str, doc_ids: Sequence[str]
) -> dict[tuple[str, str], bytes]:
    """The stored signatures of the documents of ``kind`` with ids ``doc_ids``, by (kind, id)
    (asked with the kind, the key's first column, so the key's index is used)."""
    query = sa.select(SIGNATURES.c.kind, SIGNATURES.c.doc_id, SIGNATURES.c.signature).where(
        SIGNATURES.c.kind == kind, SIGNATURES.c.doc_id.in_(doc_ids)
    )
    return {(row.kind, row.doc_id): bytes(row.signature) for row in conn.execute(query)}


def _insert_plain(conn: sa.Connection, table: sa.Table, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert ``rows`` (values in the table's column order) straight through the driver: they
    are plain numbers, text and bytes that need no type processing, and processing each of a
    document's eight band rows was most of what indexing it cost."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    columns = ", ".join(column.name for column in table.columns)
    marks = ", ".join([mark] * len(table.columns))
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", rows)


def remove_similar(conn: sa.Connection, keys: Sequence[tuple[str, str]]) -> None:
    if not keys:
        return
    rows = [{"k_kind": kind, "k_id": key} for kind, key in keys]
    for table in (SIGNATURES, BANDS):
        conn.execute(
            sa.delete(table).where(
                table.c.kind == sa.bindparam("k_kind"), table.c.doc_id == sa.bindparam("k_id")
            ),
            rows,
        )


def similar_to(
    conn: sa.Connection,
    title: str,
    text: str,
    *,
    exclude: tuple[str, str] | None = None,
    limit: int = 5,
) -> list[tuple[str, str, float]]:
    """The documents (kind, id, estimated similarity) most like ``title`` and ``text``."""
    query = signature(text_of(title, text))
    if query is None:
        return []
    candidates = sa.select(SIGNATURES.c.kind, SIGNATURES.c.doc_id, SIGNATURES.c.signature).where(
        sa.tuple_(SIGNATURES.c.kind, SIGNATURES.c.doc_id).in_(
            sa.select(BANDS.c.kind, BANDS.c.doc_id).where(BANDS.c.band.in_(query.bands()))
        )
    )
    found = [
        (row.kind, row.doc_id, Signature.from_bytes(row.signature))
        for row in conn.execute(candidates)
        if (row.kind, row.doc_id) != exclude
    ]
    return most_similar(query, found, limit)


@dataclass(frozen=True)
class SimilarItem:
    """An existing proposal or article like the text being written, for a hint."""

    kind: str  # "proposal" or "article"
    id: str
    title: str
    by: str  # the proposer's or the article owner's name
    at: dt.datetime  # when it was proposed or started
    deleted: bool
    similarity: float
    same_address: bool = False  # a repost of, or material linking, the same original page


def _item(
    world: DbWorld, entity: Proposal | Article, score: float, same_address: bool = False
) -> SimilarItem:
    author = entity.proposer_id if isinstance(entity, Proposal) else entity.owner_id
    user = world.user(author)
    return SimilarItem(
        "proposal" if isinstance(entity, Proposal) else "article",
        entity.id,
        entity.title,
        user.name if user else "?",
        entity.created_at,
        isinstance(entity, Proposal) and entity.state is ProposalState.DELETED,
        score,
        same_address,
    )


def same_address_items(
    conn: sa.Connection,
    actor: Actor,
    url: str,
    *,
    exclude: tuple[str, str] | None = None,
    limit: int = 3,
) -> list[SimilarItem]:
    """The articles reposted from ``url`` and the proposals with a link to it that the actor
    may see, newest first; addresses compared as :func:`normalised_url` writes them."""
    wanted = normalised_url(url)
    if not wanted:
        return []
    parts = urlsplit(wanted)
    # Narrowed in SQL by the host and the path, which every way of writing the address
    # contains (up to their case); compared exactly once normalised.
    path = parts.path.rstrip("/")

    def narrowed(column: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
        return sa.and_(
            sa.func.lower(column).contains(parts.hostname or "", autoescape=True),
            column.contains(path, autoescape=True),
        )

    world = DbWorld(conn)
    entities: list[Proposal | Article] = []
    for article_id in conn.scalars(
        sa.select(ARTICLES.c.id).where(narrowed(sa.cast(ARTICLES.c.original_url, sa.Text)))
    ):
        article = world.article(article_id)
        if article is not None and normalised_url(article.original_url) == wanted:
            entities.append(article)
    for proposal_id in conn.scalars(
        sa.select(PROPOSALS.c.id).where(narrowed(sa.cast(PROPOSALS.c.materials, sa.Text)))
    ):
        proposal = world.proposal(proposal_id)
        if proposal is not None and any(
            m.kind is MaterialKind.LINK and normalised_url(m.value) == wanted
            for m in proposal.materials
        ):
            entities.append(proposal)
    visible = sorted(
        (
            e
            for e in entities
            if (("proposal" if isinstance(e, Proposal) else "article"), e.id) != exclude
            and (actor.is_admin or e.channel_id in actor.channels())
        ),
        key=lambda e: e.created_at,
        reverse=True,
    )
    return [_item(world, entity, 1.0, same_address=True) for entity in visible[:limit]]


def similar_items(
    conn: sa.Connection,
    actor: Actor,
    title: str,
    text: str,
    *,
    url: str = "",
    exclude: tuple[str, str] | None = None,
    limit: int = 3,
) -> list[SimilarItem]:
    """What the actor may see that is most like ``title`` and ``text`` (a hint, never a block):
    first what comes from the same original address ``url``, then what reads alike."""
    found = same_address_items(conn, actor, url, exclude=exclude, limit=limit) if url else []
    world = DbWorld(conn)
    seen = {(item.kind, item.id) for item in found}
    for kind, key, score in similar_to(conn, title, text, exclude=exclude, limit=limit * 3):
        entity = world.proposal(key) if kind == "proposal" else world.article(key)
        if (kind, key) in seen or entity is None:
            continue
        if actor.is_admin or entity.channel_id in actor.channels():
            found.append(_item(world, entity, score))
    return found[:limit]
