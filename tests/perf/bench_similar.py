"""Duplicate lookup: the LSH band index against comparing the query with every signature.

100,000 articles (10,000 with ``--quick``) in a SQLite workspace file; each query is a lightly
edited copy of one of them, which both ways must find first.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from newsdesk.core.similar import Signature, most_similar, signature, text_of
from newsdesk.store import migrate, similar
from newsdesk.store.store import make_engine
from tests.perf import Result
from tests.store.test_similar import newsroom_texts

TARGET_MS = 50.0
QUERIES = 20


def _edited(text: str, rng: random.Random) -> str:
    cut = rng.randint(0, max(0, len(text) - 20))
    return "据报道，" + text[:cut] + text[cut + 8 :]


def _brute_force(conn: sa.Connection, title: str, text: str) -> list[tuple[str, str, float]]:
    query = signature(text_of(title, text))
    assert query is not None
    rows = conn.execute(
        sa.select(
            similar.SIGNATURES.c.kind, similar.SIGNATURES.c.doc_id, similar.SIGNATURES.c.signature
        )
    )
    return most_similar(
        query, [(r.kind, r.doc_id, Signature.from_bytes(r.signature)) for r in rows]
    )


def run(quick: bool) -> list[Result]:
    count = 10_000 if quick else 100_000
    documents = list(newsroom_texts(count, seed=11))
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        with engine.begin() as conn:
            migrate.upgrade(conn)
        started = time.perf_counter()
        with engine.begin() as conn:
            for start in range(0, count, 2000):
                similar.index_similar(conn, documents[start : start + 2000])
        build = time.perf_counter() - started
        picks = rng.sample(documents, QUERIES)
        queries = [(title, _edited(text, rng), (kind, key)) for kind, key, title, text in picks]
        lsh: list[float] = []
        brute: list[float] = []
        with engine.connect() as conn:
            for title, text, expected in queries:
                started = time.perf_counter()
                found = similar.similar_to(conn, title, text)
                lsh.append(time.perf_counter() - started)
                started = time.perf_counter()
                everything = _brute_force(conn, title, text)
                brute.append(time.perf_counter() - started)
                if not found or found[0][:2] != expected or everything[0][:2] != expected:
                    raise RuntimeError(f"the edited copy of {expected} was not found first")
        engine.dispose()
    value = statistics.median(lsh) * 1000
    baseline = statistics.median(brute) * 1000
    return [
        Result(
            name=f"duplicate lookup among {count // 1000}k documents",
            value=value,
            unit="ms",
            baseline=baseline,
            ratio=value / baseline,
            target=f"< {TARGET_MS:.0f} ms (baseline: every signature compared)",
            met=value < TARGET_MS,
        ),
        Result(
            name=f"similarity index build, {count // 1000}k documents",
            value=count / build,
            unit="docs/s",
            baseline=count / build,
            ratio=1.0,
            target="informational",
            met=True,
        ),
    ]
