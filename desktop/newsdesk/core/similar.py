"""Near-duplicate detection over Chinese text: character shingles, MinHash, LSH bands.

Chinese has no spaces, so a text is compared as the set of its three-character runs
(shingles), punctuation and spacing ignored. Two texts are as similar as the share of shingles
they have in common (Jaccard similarity); a MinHash signature estimates that share from a few
numbers per text. One hash per shingle, its top bits choosing one of :data:`SLOTS` slots and
each slot keeping its least value ("one permutation hashing"), makes a signature in one pass;
slots no shingle fell in borrow the next filled slot's value, so short texts compare fairly.

Finding candidates must not compare against every document: the signature is cut into
:data:`BANDS` bands, each hashed to one number, and documents sharing any band hash are the
candidates (locality-sensitive hashing). With 8 bands of 4 slots, a pair at 0.6 similarity
shares a band with probability 0.6, at 0.8 with 0.97, at 0.3 with 0.06.
"""

from __future__ import annotations

import bisect
import re
import struct
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

SHINGLE: Final = 3
SLOTS: Final = 32
BANDS: Final = 8
ROWS: Final = SLOTS // BANDS
MAX_CHARS: Final = 4000  # the opening of a long text says enough about which story it is
SIMILAR: Final = 0.5  # estimated share of shingles above which two texts are shown as similar
_SLOT_BITS: Final = 5  # 2 ** 5 == SLOTS
_VALUE_MASK: Final = (1 << (32 - _SLOT_BITS)) - 1
_EMPTY: Final = _VALUE_MASK + 1
_PACK: Final = struct.Struct(f"<{SLOTS}I")
_NOT_ALNUM: Final = re.compile(r"[\W_]+")
# Every shingle's bytes in a text's UTF-32 encoding, and where each slot's hashes begin: cut and
# looked up in C, not by a Python loop over the shingles, which was most of making a signature.
_SHINGLES: Final = tuple(slice(i, i + SHINGLE * 4) for i in range(0, MAX_CHARS * 4, 4))
_SLOT_FLOORS: Final = tuple(slot << (32 - _SLOT_BITS) for slot in range(SLOTS))


def normalised(text: str) -> str:
    """Letters and digits only (CJK included), full-width folded, lower case."""
    folded = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2]).lower()
    # ``\W`` and ``_`` are exactly what ``str.isalnum`` rejects, removed in C, not per character.
    return _NOT_ALNUM.sub("", folded)[:MAX_CHARS]


@dataclass(frozen=True)
class Signature:
    values: tuple[int, ...]

    def bands(self) -> list[int]:
        """One number per band, its index in the top bits so bands never collide."""
        packed = _PACK.pack(*self.values)
        width = ROWS * 4
        return [
            (band << 32) | zlib.crc32(packed[band * width : (band + 1) * width])
            for band in range(BANDS)
        ]

    def similarity(self, other: Signature) -> float:
        """The estimated share of shingles the two texts have in common (0 to 1)."""
        same = sum(1 for a, b in zip(self.values, other.values, strict=True) if a == b)
        return same / SLOTS

    def to_bytes(self) -> bytes:
        return _PACK.pack(*self.values)

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(_PACK.unpack(data))


def signature(text: str) -> Signature | None:
    """The text's signature; ``None`` when it is too short to say anything (under a shingle)."""
    letters = normalised(text)
    if len(letters) < SHINGLE:
        return None
    encoded = letters.encode("utf-32-le")
    hashes = sorted(
        map(zlib.crc32, map(encoded.__getitem__, _SHINGLES[: len(letters) - SHINGLE + 1]))
    )
    # A slot's hashes share their top bits: its minimum is the first at or above its floor.
    slots = []
    for floor in _SLOT_FLOORS:
        found = bisect.bisect_left(hashes, floor)
        least = hashes[found] - floor if found < len(hashes) else _EMPTY
        slots.append(least if least <= _VALUE_MASK else _EMPTY)
    return Signature(tuple(_densified(slots)))


def _densified(slots: list[int]) -> list[int]:
    """Empty slots take the value of the next filled one (cyclically), marked by the distance,
    so that two texts agree on an empty slot exactly when they agree on the borrowed one."""
    filled = [i for i, value in enumerate(slots) if value != _EMPTY]
    if len(filled) == SLOTS:
        return slots
    out = list(slots)
    for i, value in enumerate(slots):
        if value == _EMPTY:
            distance = next(d for d in range(1, SLOTS) if slots[(i + d) % SLOTS] != _EMPTY)
            out[i] = (slots[(i + distance) % SLOTS] + distance * 0x9E3779B1) & 0xFFFFFFFF
    return out


def text_of(title: str, body: str) -> str:
    """What is compared: the title, then the body's opening."""
    return f"{title}\n{body}"


def most_similar(
    query: Signature, candidates: Sequence[tuple[str, str, Signature]], limit: int = 5
) -> list[tuple[str, str, float]]:
    """The candidates (kind, id, signature) at least :data:`SIMILAR` alike, most alike first."""
    scored = [(kind, key, query.similarity(other)) for kind, key, other in candidates]
    alike = [entry for entry in scored if entry[2] >= SIMILAR]
    return sorted(alike, key=lambda entry: -entry[2])[:limit]
