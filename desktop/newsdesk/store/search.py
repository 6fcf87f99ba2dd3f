"""Full-text search over proposals and articles, on SQLite (FTS5) and PostgreSQL (tsvector).

Both backends index the tokens of :mod:`newsdesk.core.search_tokens` (CJK bigrams plus run ends,
lower-case words) and search every query term as a phrase of consecutive tokens, so any Chinese
substring of two or more characters is found exactly where it occurs; a single character is a
prefix search over the index. Neither database tokenises anything itself:

* SQLite: ``search_document`` holds the plain text, keys and channel; the FTS5 table
  ``search_fts`` (same rowid) holds the space-separated tokens, which its ``ascii`` tokenizer
  merely splits at the spaces. Ranked by bm25 with titles weighing ten times bodies.
* PostgreSQL: ``search_document`` holds the plain text and a ``tsvector`` written as a literal
  here (title tokens weight A, body tokens weight D, one unused position between them so no
  phrase spans both) with a GIN index, searched with ``<->`` phrases and ranked by ts_rank_cd
  with the same 10:1 weights. A tsvector keeps at most 256 positions per lexeme and none past
  16383, so ``<->`` alone would miss phrases late in long documents; those documents also store
  their tokens as text (``terms``) and such phrases are checked with ``strpos`` there.

Query text only ever reaches the databases as tokens, which are letters and digits only, quoted
and bound as parameters: FTS5 and tsquery syntax in a query is searched for, never interpreted.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from newsdesk.core.body import strip_html
from newsdesk.core.search_tokens import (
    PREFIX_MARK,
    index_tokens,
    query_tokens,
    snippet,
)
from newsdesk.store import similar

KINDS: Final = frozenset({"proposal", "article"})
IDS_PER_QUERY: Final = 2000  # ids per IN (...) query, well under SQLite's 32,766 variables

TITLE_WEIGHT: Final = 10.0
"""How much more a title token counts than a body token, on both backends."""

# tsvector limits (PostgreSQL's MAXNUMPOS and MAXENTRYPOS - 1): positions past these are lost.
_PG_MAX_POSITIONS_PER_LEXEME: Final = 256
_PG_MAX_POSITION: Final = 16383
# Body positions as tsvector text (body tokens have the default weight, D), precomputed because
# formatting them was most of the time spent indexing.
_PG_POSITIONS: Final = tuple(str(position) for position in range(_PG_MAX_POSITION + 1))

_SQLITE: Final = sa.MetaData()
_SQLITE_DOCS: Final = sa.Table(
    "search_document",
    _SQLITE,
    sa.Column("id", sa.Integer, primary_key=True),  # = search_fts.rowid
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("doc_id", sa.String(64), nullable=False),
    sa.Column("channel_id", sa.String(64), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.UniqueConstraint("kind", "doc_id", name="uq_search_document_kind_doc_id"),
)
# Created by _FTS5_DDL, described here only to build statements.
_SQLITE_FTS: Final = sa.Table(
    "search_fts",
    sa.MetaData(),
    sa.Column("rowid", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("body", sa.Text),
)
# The "ascii" tokenizer splits only at ASCII non-alphanumerics, here the spaces between tokens;
# unicode61 would apply its own Unicode tables (and diacritic folding) to tokens already folded.
_FTS5_DDL: Final = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'ascii')"
)


@functools.cache
def _pg_docs() -> sa.Table:
    """PostgreSQL's ``search_document``, made when first used: a desktop on SQLite never loads
    the PostgreSQL dialect (some 40 ms at every start)."""
    from sqlalchemy.dialects import postgresql as pg

    return sa.Table(
        "search_document",
        sa.MetaData(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("channel_id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("tsv", pg.TSVECTOR, nullable=False),
        # " title tokens \n body tokens ", only when tsv lost positions; else NULL.
        sa.Column("terms", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("kind", "doc_id", name="pk_search_document"),
        sa.Index("ix_search_document_tsv", "tsv", postgresql_using="gin"),
    )


# ts_rank_cd weights for D (body), C, B, A (title).
_PG_WEIGHTS: Final = f"{{0.1, 0.1, 0.1, {0.1 * TITLE_WEIGHT}}}"


@dataclass(frozen=True)
class SearchDocument:
    """A proposal or an article as search sees it; ``body`` may be HTML or plain text."""

    kind: str
    id: str
    title: str
    body: str
    channel_id: str


@dataclass(frozen=True)
class SearchHit:
    """One result: ``rank`` is higher for better hits (comparable within one search only)."""

    kind: str
    id: str
    rank: float
    snippet: str


@dataclass(frozen=True)
class _Prepared:
    document: SearchDocument
    body: str
    title_tokens: list[str]
    body_tokens: list[str]
    signature: bytes | None = None  # the similar-text signature, when known already


@dataclass(frozen=True)
class Indexed:
    """What the index held for a document it no longer does: its text and what was derived
    from it, so indexing the same text again (a pulled row laid where the outbox's was taken
    back) does not tokenise and sign it again, which is most of indexing."""

    title: str
    body: str  # as indexed: plain text
    title_tokens: list[str]
    body_tokens: list[str]
    signature: bytes | None  # None: the document had no signature row


def _dialect(conn: sa.Connection) -> str:
    name = conn.dialect.name
    if name not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"full-text search does not support {name}")
    return name


def create_search_schema(conn: sa.Connection) -> None:
    """Create the search tables and the similarity tables beside them (if missing) in the
    caller's transaction."""
    similar.create_similar_schema(conn)
    if _dialect(conn) == "sqlite":
        _SQLITE.create_all(conn)
        conn.execute(sa.text(_FTS5_DDL))
    else:
        _pg_docs().metadata.create_all(conn)
        # Keep tsvectors in the row (they barely compress): ranking reads every match's tsvector,
        # and fetching each from the TOAST table doubled the time of broad queries.
        conn.execute(sa.text("ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE MAIN"))


def drop_search_schema(conn: sa.Connection) -> None:
    """Drop the search and similarity tables (if present) in the caller's transaction."""
    similar.drop_similar_schema(conn)
    if _dialect(conn) == "sqlite":
        conn.execute(sa.text("DROP TABLE IF EXISTS search_fts"))
        _SQLITE.drop_all(conn)
    else:
        _pg_docs().metadata.drop_all(conn)


def _prepare(
    docs: Sequence[SearchDocument], removed: Mapping[tuple[str, str], Indexed]
) -> list[_Prepared]:
    """Tokenised documents, one per key (the last one wins, as it would one by one); the
    tokens and signature of ``removed`` ones whose text is the same are taken as they were."""
    latest: dict[tuple[str, str], SearchDocument] = {}
    for doc in docs:
        if doc.kind not in KINDS:
            raise ValueError(f"unknown search document kind {doc.kind!r}")
        latest[doc.kind, doc.id] = doc
    prepared = []
    for key, doc in latest.items():
        body = strip_html(doc.body)
        was = removed.get(key)
        if was is not None and was.title == doc.title and was.body == body:
            prepared.append(_Prepared(doc, body, was.title_tokens, was.body_tokens, was.signature))
        else:
            prepared.append(_Prepared(doc, body, index_tokens(doc.title), index_tokens(body)))
    return prepared


def index_documents(
    conn: sa.Connection,
    docs: Sequence[SearchDocument],
    *,
    new: bool = False,
    removed: Mapping[tuple[str, str], Indexed] | None = None,
) -> None:
    """Add or replace ``docs`` (keyed by kind and id) in the caller's transaction.

    ``new=True`` promises that none of ``docs`` is indexed yet, which saves looking for old
    versions to replace. ``removed``: what :func:`remove_documents` returned in this
    transaction, whose derived data is reused for the same text.
    """
    prepared = _prepare(docs, removed or {})
    if not prepared:
        return
    # Only what is indexed already has an old version to take out: on a first pull, nothing.
    indexed = set() if new else _indexed_keys(conn, [p.document for p in prepared])
    if _dialect(conn) == "sqlite":
        _index_sqlite(conn, prepared, indexed)
    else:
        _index_pg(conn, prepared)
    similar.remove_similar(conn, sorted(indexed))
    similar.index_similar(
        conn,
        [(p.document.kind, p.document.id, p.document.title, p.body) for p in prepared],
        new=True,
        signatures={
            (p.document.kind, p.document.id): p.signature
            for p in prepared
            if p.signature is not None
        },
    )


def by_kind(keys: Iterable[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """``keys`` (kind, id) as (kind, ids) chunks of at most :data:`IDS_PER_QUERY` ids.

    Documents are keyed by (kind, id), in that order, so a lookup must name the kind: asked
    by id alone, SQLite reads the whole index (20 ms a query at 126,000 documents, and a
    desktop's first pull asked twice a page)."""
    ids: dict[str, list[str]] = {}
    for kind, key in keys:
        ids.setdefault(kind, []).append(key)
    for kind, found in sorted(ids.items()):
        found = sorted(set(found))
        for start in range(0, len(found), IDS_PER_QUERY):
            yield kind, found[start : start + IDS_PER_QUERY]


def _indexed_keys(conn: sa.Connection, docs: Sequence[SearchDocument]) -> set[tuple[str, str]]:
    """Which of ``docs`` (by kind and id) the index holds."""
    table = _SQLITE_DOCS if _dialect(conn) == "sqlite" else _pg_docs()
    found: set[tuple[str, str]] = set()
    for kind, chunk in by_kind((doc.kind, doc.id) for doc in docs):
        query = sa.select(table.c.kind, table.c.doc_id).where(
            table.c.kind == kind, table.c.doc_id.in_(chunk)
        )
        found.update((kind, doc_id) for kind, doc_id in conn.execute(query))
    return found


def _index_sqlite(
    conn: sa.Connection, prepared: list[_Prepared], indexed: set[tuple[str, str]]
) -> None:
    docs = _SQLITE_DOCS
    upsert = sqlite.insert(docs)
    upsert = upsert.on_conflict_do_update(
        index_elements=["kind", "doc_id"],
        set_={name: upsert.excluded[name] for name in ("channel_id", "title", "body")},
    )
    # The upsert keeps a document's id, so its FTS row is replaced under the same rowid. The ids
    # are read back a chunk at a time: RETURNING in parameter order makes SQLite insert one row
    # per statement, and FTS5 inserts that look the ids up row by row are ~4x slower.
    conn.execute(
        upsert,
        [
            {
                "kind": p.document.kind,
                "doc_id": p.document.id,
                "channel_id": p.document.channel_id,
                "title": p.document.title,
                "body": p.body,
            }
            for p in prepared
        ],
    )
    ids: dict[tuple[str, str], int] = {}
    for kind, chunk in by_kind((p.document.kind, p.document.id) for p in prepared):
        found = sa.select(docs.c.id, docs.c.kind, docs.c.doc_id).where(
            docs.c.kind == kind, docs.c.doc_id.in_(chunk)
        )
        ids.update(((kind, doc_id), row_id) for row_id, kind, doc_id in conn.execute(found))
    returned = [ids[p.document.kind, p.document.id] for p in prepared]
    replaced = [(ids[key],) for key in indexed]
    if replaced:
        conn.exec_driver_sql("DELETE FROM search_fts WHERE rowid = ?", replaced)
    # Straight to the driver: these rows need no type processing, and this is the hot path.
    conn.exec_driver_sql(
        "INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)",
        [
            (row_id, " ".join(p.title_tokens), " ".join(p.body_tokens))
            for row_id, p in zip(returned, prepared, strict=True)
        ],
    )


def _pg_tsvector(title_tokens: list[str], body_tokens: list[str]) -> tuple[str, bool]:
    """A tsvector literal for the tokens, and whether PostgreSQL will drop some positions.

    Written here rather than with to_tsvector so that PostgreSQL's parser (and the database
    locale) cannot split or drop tokens, and so that titles and bodies are not adjacent. Tokens
    are letters and digits only, so quoting them needs no escapes.
    """
    positions: dict[str, list[str]] = {}
    for position, token in enumerate(title_tokens, 1):
        positions.setdefault(token, []).append(f"{position}A")
    start = len(title_tokens) + 2
    labels = itertools.chain(_PG_POSITIONS[start:], itertools.repeat(_PG_POSITIONS[-1]))
    for token, label in zip(body_tokens, labels, strict=False):
        positions.setdefault(token, []).append(label)
    lossy = start + len(body_tokens) - 1 > _PG_MAX_POSITION or any(
        len(found) > _PG_MAX_POSITIONS_PER_LEXEME for found in positions.values()
    )
    literal = " ".join(
        [
            f"'{token}':{','.join(found[:_PG_MAX_POSITIONS_PER_LEXEME])}"
            for token, found in positions.items()
        ]
    )
    return literal, lossy


def _index_pg(conn: sa.Connection, prepared: list[_Prepared]) -> None:
    from sqlalchemy.dialects import postgresql as pg

    rows = []
    for p in prepared:
        tsv, lossy = _pg_tsvector(p.title_tokens, p.body_tokens)
        terms = f" {' '.join(p.title_tokens)} \n {' '.join(p.body_tokens)} " if lossy else None
        rows.append(
            {
                "kind": p.document.kind,
                "doc_id": p.document.id,
                "channel_id": p.document.channel_id,
                "title": p.document.title,
                "body": p.body,
                "tsv_literal": tsv,
                "terms": terms,
            }
        )
    upsert = pg.insert(_pg_docs()).values(tsv=sa.cast(sa.bindparam("tsv_literal"), pg.TSVECTOR))
    upsert = upsert.on_conflict_do_update(
        index_elements=["kind", "doc_id"],
        set_={
            name: upsert.excluded[name] for name in ("channel_id", "title", "body", "tsv", "terms")
        },
    )
    conn.execute(upsert, rows)


def remove_documents(
    conn: sa.Connection, keys: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], Indexed]:
    """Remove the documents with these (kind, id) keys, if indexed, in the caller's transaction;
    returns what the index held for them (on SQLite; nothing on PostgreSQL, whose tsvector
    does not give its tokens back), for :func:`index_documents` to reuse."""
    if not keys:
        return {}
    rows = [{"k_kind": kind, "k_id": doc_id} for kind, doc_id in keys]
    removed: dict[tuple[str, str], Indexed] = {}
    if _dialect(conn) == "sqlite":
        removed = _indexed_sqlite(conn, keys)
        ids = (
            sa.select(_SQLITE_DOCS.c.id)
            .where(
                _SQLITE_DOCS.c.kind == sa.bindparam("k_kind"),
                _SQLITE_DOCS.c.doc_id == sa.bindparam("k_id"),
            )
            .scalar_subquery()
        )
        conn.execute(sa.delete(_SQLITE_FTS).where(_SQLITE_FTS.c.rowid == ids), rows)
        docs = _SQLITE_DOCS
    else:
        docs = _pg_docs()
    conn.execute(
        sa.delete(docs).where(
            docs.c.kind == sa.bindparam("k_kind"), docs.c.doc_id == sa.bindparam("k_id")
        ),
        rows,
    )
    similar.remove_similar(conn, keys)
    return removed


def _indexed_sqlite(
    conn: sa.Connection, keys: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], Indexed]:
    """What the SQLite index holds for ``keys``: the text, its tokens (the FTS row's, split at
    the spaces that joined them: tokens hold none) and its signature."""
    found: dict[tuple[str, str], Indexed] = {}
    for kind, chunk in by_kind(keys):
        signatures = similar.signatures_of(conn, kind, chunk)
        query = (
            sa.select(
                _SQLITE_DOCS.c.kind,
                _SQLITE_DOCS.c.doc_id,
                _SQLITE_DOCS.c.title,
                _SQLITE_DOCS.c.body,
                _SQLITE_FTS.c.title.label("title_tokens"),
                _SQLITE_FTS.c.body.label("body_tokens"),
            )
            .join(_SQLITE_FTS, _SQLITE_FTS.c.rowid == _SQLITE_DOCS.c.id)
            .where(_SQLITE_DOCS.c.kind == kind, _SQLITE_DOCS.c.doc_id.in_(chunk))
        )
        for row in conn.execute(query):
            key = (row.kind, row.doc_id)
            found[key] = Indexed(
                row.title,
                row.body,
                row.title_tokens.split(),
                row.body_tokens.split(),
                signatures.get(key),
            )
    return found


def search(
    conn: sa.Connection,
    query: str,
    *,
    kinds: Collection[str] | None = None,
    channel_ids: Collection[str] | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """Documents containing every term of ``query`` (see query_tokens), best first.

    ``kinds`` and ``channel_ids`` restrict the results when given (an empty collection matches
    nothing). Each hit's snippet is taken from the body around the earliest match (from its
    start if only the title matches; from the title if the body is empty).
    """
    phrases = query_tokens(query)
    if not phrases or limit <= 0:
        return []
    if _dialect(conn) == "sqlite":
        docs, ranked = _SQLITE_DOCS, _ranked_sqlite(phrases)
    else:
        docs, ranked = _pg_docs(), _ranked_pg(phrases)
    # Rank and cut in a subquery, so only the hits' texts are read for snippets.
    best = ranked.where(*_filters(docs, kinds, channel_ids)).limit(limit).subquery()
    rows = conn.execute(
        sa.select(best.c.kind, best.c.doc_id, best.c.rank, docs.c.title, docs.c.body)
        .join_from(best, docs, (docs.c.kind == best.c.kind) & (docs.c.doc_id == best.c.doc_id))
        .order_by(best.c.rank.desc(), best.c.kind, best.c.doc_id)
    )
    return [
        SearchHit(kind, doc_id, float(rank), snippet(body or title, query))
        for kind, doc_id, rank, title, body in rows
    ]


def matching_ids(
    conn: sa.Connection,
    query: str,
    *,
    kinds: Collection[str] | None = None,
    channel_ids: Collection[str] | None = None,
) -> frozenset[str]:
    """The ids of every document containing every term of ``query``, as :func:`search` finds
    them, without ranking, snippets or a limit: what a filter needs (the board's)."""
    phrases = query_tokens(query)
    if not phrases:
        return frozenset()
    if _dialect(conn) == "sqlite":
        docs = _SQLITE_DOCS
        found = (
            sa.select(docs.c.doc_id)
            .join_from(_SQLITE_FTS, docs, docs.c.id == _SQLITE_FTS.c.rowid)
            .where(_sqlite_match(phrases))
        )
    else:
        docs = _pg_docs()
        found = sa.select(docs.c.doc_id).where(*_pg_conditions(phrases))
    return frozenset(conn.execute(found.where(*_filters(docs, kinds, channel_ids))).scalars())


def _stems(phrase: Sequence[str]) -> tuple[list[str], bool]:
    """The phrase's tokens without PREFIX_MARK, and whether its last token is a prefix."""
    return [token.removesuffix(PREFIX_MARK) for token in phrase], phrase[-1].endswith(PREFIX_MARK)


def _fts5_query(phrases: list[list[str]]) -> str:
    """An FTS5 query: each phrase a quoted string (``*`` after it for a prefix), all ANDed.

    Tokens are letters and digits only, so the quotes need no escapes.
    """
    parts = []
    for phrase in phrases:
        stems, is_prefix = _stems(phrase)
        parts.append('"' + " ".join(stems) + '"' + (" *" if is_prefix else ""))
    return " AND ".join(parts)


def _sqlite_match(phrases: list[list[str]]) -> sa.ColumnElement[bool]:
    fts: sa.ColumnClause[Any] = sa.literal_column(_SQLITE_FTS.name)
    return fts.op("MATCH")(_fts5_query(phrases))


def _ranked_sqlite(phrases: list[list[str]]) -> sa.Select[Any]:
    """Matching (kind, doc_id) keys with their rank (negated bm25), best first."""
    docs = _SQLITE_DOCS.c
    fts: sa.ColumnClause[Any] = sa.literal_column(_SQLITE_FTS.name)
    rank = (-sa.func.bm25(fts, TITLE_WEIGHT, 1.0)).label("rank")
    return (
        sa.select(docs.kind, docs.doc_id, rank)
        .join_from(_SQLITE_FTS, _SQLITE_DOCS, docs.id == _SQLITE_FTS.c.rowid)
        .where(_sqlite_match(phrases))
        .order_by(rank.desc(), docs.kind, docs.doc_id)
    )


def _pg_tsquery(phrases: list[list[str]], operator: str) -> str:
    """A tsquery literal: each phrase's lexemes joined by ``operator``, all phrases ANDed."""
    parts = []
    for phrase in phrases:
        stems, is_prefix = _stems(phrase)
        lexemes = [f"'{stem}'" for stem in stems]
        if is_prefix:
            lexemes[-1] += ":*"
        parts.append("(" + f" {operator} ".join(lexemes) + ")")
    return " & ".join(parts)


def _pg_needle(phrase: list[str]) -> str:
    """What ``terms`` contains where ``phrase`` occurs."""
    stems, is_prefix = _stems(phrase)
    return " " + " ".join(stems) + ("" if is_prefix else " ")


def _pg_conditions(phrases: list[list[str]]) -> list[sa.ColumnElement[bool]]:
    """What a matching document satisfies: the GIN index finds rows with every token; phrases
    are then checked on the positions (or, past the tsvector's limits, in ``terms``)."""
    from sqlalchemy.dialects import postgresql as pg

    docs = _pg_docs().c
    all_tokens = sa.cast(sa.literal(_pg_tsquery(phrases, "&")), pg.TSQUERY)
    exact = sa.cast(sa.literal(_pg_tsquery(phrases, "<->")), pg.TSQUERY)
    conditions: list[sa.ColumnElement[bool]] = [docs.tsv.bool_op("@@")(all_tokens)]
    needles = [_pg_needle(phrase) for phrase in phrases if len(phrase) > 1]
    if needles:
        in_terms = [sa.func.strpos(docs.terms, needle) > 0 for needle in needles]
        conditions.append(
            sa.or_(docs.tsv.bool_op("@@")(exact), sa.and_(docs.terms.is_not(None), *in_terms))
        )
    return conditions


def _ranked_pg(phrases: list[list[str]]) -> sa.Select[Any]:
    """Matching (kind, doc_id) keys with their rank (ts_rank_cd), best first."""
    from sqlalchemy.dialects import postgresql as pg

    docs = _pg_docs().c
    exact = sa.cast(sa.literal(_pg_tsquery(phrases, "<->")), pg.TSQUERY)
    weights = sa.cast(sa.literal(_PG_WEIGHTS), pg.ARRAY(sa.REAL))
    rank = sa.func.ts_rank_cd(weights, docs.tsv, exact).label("rank")
    return (
        sa.select(docs.kind, docs.doc_id, rank)
        .where(*_pg_conditions(phrases))
        .order_by(rank.desc(), docs.kind, docs.doc_id)
    )


def _filters(
    docs: sa.Table, kinds: Collection[str] | None, channel_ids: Collection[str] | None
) -> list[sa.ColumnElement[bool]]:
    filters: list[sa.ColumnElement[bool]] = []
    if kinds is not None:
        filters.append(docs.c.kind.in_(list(kinds)))
    if channel_ids is not None:
        filters.append(docs.c.channel_id.in_(list(channel_ids)))
    return filters
