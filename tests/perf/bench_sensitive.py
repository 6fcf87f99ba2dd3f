"""Sensitive-word scan: the Aho–Corasick matcher against a ``str.find`` loop over every word.

10,000 words of 2–6 ideographs and a Chinese text of 100,000 characters (10,000 with ``--quick``)
with a few hundred planted hits, all generated from a fixed seed.
"""

from __future__ import annotations

import random

from newsdesk.core.sensitive import SensitiveMatcher, WordEntry
from tests.perf import Result, best_of

SEED = 20261123
WORDS = 10_000
TARGET_MS = 30.0
TARGET_RATIO = 0.05


def _words(rng: random.Random, pool: list[str]) -> list[str]:
    words: set[str] = set()
    while len(words) < WORDS:
        words.add("".join(rng.choices(pool, k=rng.randint(2, 6))))
    return sorted(words)


def _text(rng: random.Random, pool: list[str], words: list[str], length: int) -> str:
    """Filler ideographs and punctuation with a list word every 200–400 characters."""
    filler = [*pool, "，", "。", "、", " ", "A", "b"]
    parts: list[str] = []
    size = 0
    while size < length:
        run = rng.randint(200, 400)
        parts += [*rng.choices(filler, k=run), rng.choice(words)]
        size += run + len(parts[-1])
    return "".join(parts)[:length]


def _naive(words: list[str], text: str) -> list[tuple[int, int]]:
    """Every occurrence of every word, one ``str.find`` loop per word, case-folded."""
    folded = text.lower()
    hits = []
    for word in words:
        needle = word.lower()
        start = folded.find(needle)
        while start >= 0:
            hits.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    return sorted(hits)


def run(quick: bool) -> list[Result]:
    rng = random.Random(SEED)
    pool = [chr(code) for code in rng.sample(range(0x4E00, 0x9FA6), 3500)]
    words = _words(rng, pool)
    length = 10_000 if quick else 100_000
    text = _text(rng, pool, words, length)
    entries = [WordEntry(word, "演示", "bench") for word in words]
    runs = 3 if quick else 7

    build = best_of(runs, lambda: SensitiveMatcher(entries)) * 1000
    matcher = SensitiveMatcher(entries)
    found = [(hit.start, hit.end) for hit in matcher.find_all(text)]
    if found != _naive(words, text):
        raise RuntimeError("the matcher and the naive scan disagree")
    scan = best_of(runs, lambda: matcher.find(text)) * 1000
    naive = best_of(max(1, runs // 3), lambda: _naive(words, text)) * 1000
    ratio = scan / naive
    return [
        Result(
            name=f"sensitive scan {length // 1000}k chars × {WORDS // 1000}k words",
            value=scan,
            unit="ms",
            baseline=naive,
            ratio=ratio,
            target=f"≤ {TARGET_MS:.0f} ms and ≥ 20× faster (ratio ≤ {TARGET_RATIO})",
            met=scan <= TARGET_MS and ratio <= TARGET_RATIO,
        ),
        Result(
            name=f"sensitive matcher build, {WORDS // 1000}k words",
            value=build,
            unit="ms",
            baseline=build,
            ratio=1.0,
            target="informational",
            met=True,
        ),
    ]
