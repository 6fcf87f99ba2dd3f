"""Comparing two revisions of an article, for Chinese and mixed Chinese/English text (pure).

Chinese has no spaces between words, so a word diff sees one "word" per sentence, and a plain
character diff is noisy. Text is compared in units instead: every ideograph (and kana, Hangul,
Bopomofo) and every punctuation mark is a unit of its own; a run of other letters and digits,
with apostrophes, hyphens and dots inside it ("COVID-19", "3.14", "don't"), is one unit; a run
of whitespace is one unit.

The units are compared sentence by sentence first (so that unchanged sentences anchor the
comparison and a 100,000-character article is compared quickly), then unit by unit inside the
sentences that differ (``difflib.SequenceMatcher`` without its junk heuristic). The raw result
is then cleaned up for an editor's eyes:

* neighbouring edits are merged into one, so a deletion next to an insertion is a replacement;
* a short unchanged island between two edits is absorbed into one replacement when it is no
  longer (in units) than the edit on either side of it and holds no line break: "他认为这个方案
  可行" → "她觉得那个计划不行" replaces "他认为这个方案可" instead of keeping a lone "个";
* a pure insertion or deletion that could be shown at several places ("A，B，C" → "A，C" deletes
  "B，" or "，B") is moved to the place with the best boundaries: edges of the text, line breaks,
  after sentence-ending marks, whitespace, after other marks (but not after opening brackets and
  quotes), in that order of preference.

The cleanup depends only on the two texts, not on their order: ``diff(b, a)`` is ``diff(a, b)``
with old and new swapped. Nothing is lost: the old parts of the segments concatenate to the old
text and the new parts to the new text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Final, Literal

from newsdesk.core.body import CJK_LETTERS, text_blocks

SegmentKind = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True)
class Segment:
    """A stretch of the comparison: ``old`` became ``new`` (both the same when equal)."""

    kind: SegmentKind
    old: str  # "" for an insertion
    new: str  # "" for a deletion


@dataclass(frozen=True)
class ParagraphDiff:
    """One row of a side-by-side view: a paragraph, unchanged, changed, inserted or deleted."""

    old: str | None  # None: the paragraph was inserted
    new: str | None  # None: the paragraph was deleted
    segments: tuple[Segment, ...]  # the diff of old and new (one equal segment if unchanged)

    @property
    def changed(self) -> bool:
        """Whether the row differs between the revisions (unchanged rows collapse in the view)."""
        return self.old != self.new


# A letter or digit of a run (full-width ones included), then combining accents ("cafe\u0301").
_RUN_CHAR: Final = f"[^\\W_{CJK_LETTERS}][\u0300-\u036f]*"
_UNIT: Final = re.compile(
    f"\\s+|(?:{_RUN_CHAR})+(?:['\u2019.\\-](?:{_RUN_CHAR})+)*|.",
    re.DOTALL,
)
_LINE_BREAKS: Final = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits on
_SENTENCE_ENDS: Final = frozenset("。！？；…!?;")
_PAIR_THRESHOLD: Final = 0.5  # two paragraphs more alike than this are one paragraph edited
_PAIRING_LIMIT: Final = 2500  # old × new paragraphs compared pairwise in one changed stretch


def units(text: str) -> list[str]:
    """``text`` cut into the units it is compared in (they concatenate to ``text``)."""
    return _UNIT.findall(text)


class _Piece:
    """A stretch of the comparison while it is cleaned up, in units."""

    __slots__ = ("equal", "new", "old")

    def __init__(self, equal: bool, old: list[str], new: list[str]) -> None:
        self.equal = equal
        self.old = old
        self.new = new  # the same list as old when equal


def _matched(old: list[str], new: list[str]) -> Iterator[_Piece]:
    """The raw comparison of two unit sequences, equal and edited pieces."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same = old[i1:i2]
            yield _Piece(True, same, same)
        else:
            yield _Piece(False, old[i1:i2], new[j1:j2])


def _has_break(unit: str) -> bool:
    return unit.isspace() and any(c in _LINE_BREAKS for c in unit)


def _closes(unit: str) -> bool:
    return len(unit) == 1 and unicodedata.category(unit) in ("Pe", "Pf")


def _sentences(text_units: list[str]) -> list[tuple[str, ...]]:
    """The units grouped into sentences.

    A sentence ends at a line break, or after sentence-ending marks and the closing marks and
    spaces after them (“好。” and "好。 " are one sentence each, so that what separates sentences
    is not a sentence of its own).
    """
    sentences: list[tuple[str, ...]] = []
    start = 0
    ending = False  # after a sentence-ending mark
    for i, unit in enumerate(text_units):
        if ending and not (unit in _SENTENCE_ENDS or _closes(unit) or unit.isspace()):
            sentences.append(tuple(text_units[start:i]))
            start, ending = i, False
        if _has_break(unit):
            sentences.append(tuple(text_units[start : i + 1]))
            start, ending = i + 1, False
        elif unit in _SENTENCE_ENDS:
            ending = True
    if start < len(text_units):
        sentences.append(tuple(text_units[start:]))
    return sentences


def _raw_pieces(old: list[str], new: list[str]) -> list[_Piece]:
    """The comparison before cleanup: common ends, then sentences, then units within them."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    pieces = [_Piece(True, old[:prefix], old[:prefix])]
    old_sentences = _sentences(old[prefix : len(old) - suffix])
    new_sentences = _sentences(new[prefix : len(new) - suffix])
    matcher = SequenceMatcher(None, old_sentences, new_sentences, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_units = [unit for sentence in old_sentences[i1:i2] for unit in sentence]
        if tag == "equal":
            pieces.append(_Piece(True, old_units, old_units))
        else:
            new_units = [unit for sentence in new_sentences[j1:j2] for unit in sentence]
            pieces.extend(_matched(old_units, new_units))
    pieces.append(_Piece(True, old[len(old) - suffix :], old[len(old) - suffix :]))
    return _normalised(pieces)


def _normalised(pieces: list[_Piece]) -> list[_Piece]:
    """``pieces`` without empty ones, and with neighbouring edits (or equals) merged."""
    merged: list[_Piece] = []
    for piece in pieces:
        if not piece.old and not piece.new:
            continue
        if merged and merged[-1].equal == piece.equal:
            last = merged[-1]
            if last.equal:
                last.old = last.new = last.old + piece.old
            else:
                last.old.extend(piece.old)
                last.new.extend(piece.new)
        else:
            merged.append(piece)
    return merged


def _absorbs(left: _Piece, island: _Piece, right: _Piece) -> bool:
    """Whether the equal ``island`` between two edits is small enough to join them."""
    size = len(island.old)
    return (
        size <= max(len(left.old), len(left.new))
        and size <= max(len(right.old), len(right.new))
        and not any(_has_break(unit) for unit in island.old)
    )


def _absorb_islands(pieces: list[_Piece]) -> list[_Piece]:
    """Merge edits across small equal islands (see the module docstring), to a fixed point.

    ``pieces`` alternate between equal and edited. Each edit is checked against the island
    before it as it arrives; a merged edit is larger, so the island before it is checked again.
    """
    result: list[_Piece] = []
    for piece in pieces:
        result.append(piece)
        while (
            len(result) >= 3
            and not result[-1].equal
            and not result[-3].equal
            and _absorbs(result[-3], result[-2], result[-1])
        ):
            right = result.pop()
            island = result.pop()
            left = result[-1]
            left.old.extend(island.old)
            left.old.extend(right.old)
            left.new.extend(island.old)
            left.new.extend(right.new)
    return result


def _is_mark(unit: str) -> bool:
    return len(unit) == 1 and not unit.isalnum() and not unit.isspace()


def _opens(unit: str) -> bool:
    return unicodedata.category(unit) in ("Ps", "Pi")


def _boundary_score(before: str | None, after: str | None) -> int:
    """How good a place between two units is for an edit to start or end."""
    if before is None or after is None:
        return 6
    if _has_break(before) or _has_break(after):
        return 5
    if before in _SENTENCE_ENDS:
        return 4
    if before.isspace() or after.isspace():
        return 3
    if (_is_mark(before) and not _opens(before)) or (_is_mark(after) and _opens(after)):
        return 2
    if _is_mark(before) or _is_mark(after):
        return 1
    return 0


def _place_score(stretch: list[str], start: int, n: int) -> int:
    """How good ``stretch[start : start + n]`` is as the place of an insertion or deletion."""
    before = stretch[start - 1] if start > 0 else None  # None: the start or end of the text
    after = stretch[start + n] if start + n < len(stretch) else None
    return _boundary_score(before, stretch[start]) + _boundary_score(stretch[start + n - 1], after)


def _slide(pieces: list[_Piece]) -> list[_Piece]:
    """Move each pure insertion or deletion to its best-scoring equivalent place."""
    # Equal pieces (empty at the ends if need be) at even indexes, edits at odd ones.
    if pieces and not pieces[0].equal:
        pieces.insert(0, _Piece(True, [], []))
    if pieces and not pieces[-1].equal:
        pieces.append(_Piece(True, [], []))
    for i in range(1, len(pieces), 2):
        piece = pieces[i]
        if piece.old and piece.new:
            continue
        left, right = pieces[i - 1].old, pieces[i + 1].old
        edit = piece.old or piece.new
        stretch = left + edit + right
        n, start = len(edit), len(left)
        # An equal piece between two edits keeps at least one unit, so edits never touch.
        lowest = 1 if i > 1 else 0
        highest = len(stretch) - n - (1 if i + 2 < len(pieces) else 0)
        first = start
        while first > lowest and stretch[first - 1] == stretch[first + n - 1]:
            first -= 1
        last = start
        while last < highest and stretch[last + n] == stretch[last]:
            last += 1
        if first == last:
            continue
        scores = {s: (_place_score(stretch, s, n), s == start, -s) for s in range(first, last + 1)}
        best = max(scores, key=scores.__getitem__)  # the original place, else the leftmost
        if best == start:
            continue
        new_left, moved, new_right = stretch[:best], stretch[best : best + n], stretch[best + n :]
        pieces[i - 1].old = pieces[i - 1].new = new_left
        pieces[i + 1].old = pieces[i + 1].new = new_right
        if piece.old:
            piece.old = moved
        else:
            piece.new = moved
    return _normalised(pieces)


def _segment(piece: _Piece, swap: bool) -> Segment:
    old, new = "".join(piece.old), "".join(piece.new)
    if swap:
        old, new = new, old
    if piece.equal:
        return Segment("equal", old, new)
    if not old:
        return Segment("insert", old, new)
    if not new:
        return Segment("delete", old, new)
    return Segment("replace", old, new)


def diff(old: str, new: str) -> list[Segment]:
    """The differences between two texts, cleaned up for reading (see the module docstring).

    Segments alternate between equal and edited ones; an empty list for two empty texts.
    """
    # Compare in a fixed order, so that diff(new, old) mirrors diff(old, new) exactly.
    swap = new < old
    first, second = (new, old) if swap else (old, new)
    pieces = _slide(_absorb_islands(_raw_pieces(units(first), units(second))))
    return [_segment(piece, swap) for piece in pieces]


def similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 (nothing in common) to 1 (identical), by units.

    Twice the number of units the comparison keeps unchanged over the number of units in both
    texts (the ratio of ``difflib``), before cleanup. Two empty texts are identical.
    """
    if old == new:
        return 1.0
    first, second = (new, old) if new < old else (old, new)
    old_units, new_units = units(first), units(second)
    kept = sum(len(piece.old) for piece in _raw_pieces(old_units, new_units) if piece.equal)
    return 2 * kept / (len(old_units) + len(new_units))


# --- paragraphs --------------------------------------------------------------------------------


def paragraphs(text: str) -> list[str]:
    """The paragraphs of plain ``text``: its lines with visible content, unchanged."""
    return [line for line in text.splitlines() if line and not line.isspace()]


def _unchanged(paragraph: str) -> ParagraphDiff:
    return ParagraphDiff(paragraph, paragraph, (Segment("equal", paragraph, paragraph),))


def _deleted(paragraph: str) -> ParagraphDiff:
    return ParagraphDiff(paragraph, None, (Segment("delete", paragraph, ""),))


def _inserted(paragraph: str) -> ParagraphDiff:
    return ParagraphDiff(None, paragraph, (Segment("insert", "", paragraph),))


def _quick_similarity(old: Counter[str], new: Counter[str]) -> float:
    """An upper bound of ``similarity`` from the units the texts share in any order."""
    shared = sum((old & new).values())
    return 2 * shared / (old.total() + new.total())


def _pairs(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    """The paragraphs of a changed stretch that are edits of each other, in order.

    The pairing, in order, with the greatest total similarity where every pair is more than
    _PAIR_THRESHOLD similar. A stretch too long to compare pairwise pairs paragraphs by position.
    """
    if len(old) * len(new) > _PAIRING_LIMIT:
        return [
            (i, i)
            for i in range(min(len(old), len(new)))
            if similarity(old[i], new[i]) > _PAIR_THRESHOLD
        ]
    old_counts = [Counter(units(p)) for p in old]
    new_counts = [Counter(units(p)) for p in new]
    weight = [[0.0] * len(new) for _ in old]
    for i, old_count in enumerate(old_counts):
        for j, new_count in enumerate(new_counts):
            if _quick_similarity(old_count, new_count) > _PAIR_THRESHOLD:
                ratio = similarity(old[i], new[j])
                weight[i][j] = ratio if ratio > _PAIR_THRESHOLD else 0.0
    # best[i][j]: the greatest total similarity pairing old[:i] with new[:j].
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old)):
        for j in range(len(new)):
            paired = best[i][j] + weight[i][j] if weight[i][j] else 0.0
            best[i + 1][j + 1] = max(best[i][j + 1], best[i + 1][j], paired)
    pairs: list[tuple[int, int]] = []
    i, j = len(old), len(new)
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            i, j = i - 1, j - 1
            pairs.append((i, j))
    return pairs[::-1]


def _changed_stretch(old: Sequence[str], new: Sequence[str]) -> Iterator[ParagraphDiff]:
    """Rows for paragraphs replaced by others: edited pairs, deletions before insertions."""
    i = j = 0
    for pair_i, pair_j in [*_pairs(old, new), (len(old), len(new))]:
        yield from (_deleted(p) for p in old[i:pair_i])
        yield from (_inserted(p) for p in new[j:pair_j])
        if pair_i < len(old) and pair_j < len(new):
            yield ParagraphDiff(old[pair_i], new[pair_j], tuple(diff(old[pair_i], new[pair_j])))
        i, j = pair_i + 1, pair_j + 1


def align_paragraphs(old: Sequence[str], new: Sequence[str]) -> list[ParagraphDiff]:
    """Rows for two lists of paragraphs: unchanged ones matched first, then edited pairs."""
    rows: list[ParagraphDiff] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(_unchanged(p) for p in old[i1:i2])
        else:
            rows.extend(_changed_stretch(old[i1:i2], new[j1:j2]))
    return rows


def diff_paragraphs(old: str, new: str) -> list[ParagraphDiff]:
    """Rows of a side-by-side view of two plain texts, one per paragraph (see ``paragraphs``)."""
    return align_paragraphs(paragraphs(old), paragraphs(new))


# --- HTML --------------------------------------------------------------------------------------


def html_paragraphs(html: str) -> list[str]:
    """The visible text of each block of ``html`` (p, h2, li, td...), whitespace collapsed."""
    return text_blocks(html)


def diff_html(old_html: str, new_html: str) -> list[ParagraphDiff]:
    """Rows of a side-by-side view of two HTML bodies, one per block of visible text."""
    return align_paragraphs(html_paragraphs(old_html), html_paragraphs(new_html))
