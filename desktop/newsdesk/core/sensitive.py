"""Sensitive-word lists and a matcher that finds their words in a text.

A list is plain text, one entry a line: ``word``, ``word<TAB>category`` or ``word|category``;
``#`` at the start of a line or after a space starts a comment (so "C#" stays a word). Reading the
files is the caller's business: this module only parses text.

Matching ignores case and character width (ＡＢＣ, ABC and abc are one word) yet reports offsets
into the text as given, so the editor can highlight the very characters. It runs an Aho–Corasick
automaton, so scanning costs the same for ten words or ten thousand.

The automaton runs over UTF-8 bytes (carried in a latin-1 ``str``, which pyahocorasick wants)
rather than over characters: pyahocorasick looks up a node's children one by one, and a root with
thousands of distinct first ideographs made that five times slower than three steps through at
most 64 children each. UTF-8 is self-synchronising, so a byte match always starts and ends on a
character boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

DEFAULT_CATEGORY = "未分类"

_FULL_WIDTH = re.compile("[\u3000\uff01-\uff5e]")  # ideographic space and full-width ASCII
_COMMENT = re.compile(r"(?:^|\s)#.*")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"  # stray BOMs and zero-width characters
_EDGES = re.compile(f"^[\\s{_INVISIBLE}]+|[\\s{_INVISIBLE}]+$")


@dataclass(frozen=True)
class WordEntry:
    word: str  # trimmed, full-width letters, digits and signs made half-width; case kept
    category: str
    source: str  # the list it came from, for the editor's tooltip and the admin's audit


@dataclass(frozen=True)
class Hit:
    start: int  # text[start:end] is what matched, in the text as given
    end: int
    word: str
    category: str


def _half(match: re.Match[str]) -> str:
    ch = match.group()
    return " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0)


def fold(text: str) -> str:
    """``text`` with case and width folded character by character: same length, same offsets.

    NFKC or ``casefold`` would be simpler but can turn one character into several (㈱, ß),
    which would shift every offset after it.
    """
    narrow = _FULL_WIDTH.sub(_half, text)
    lowered = narrow.lower()
    if len(lowered) != len(narrow):  # some character lowers to two (İ): keep those as they are
        lowered = "".join(low if len(low := ch.lower()) == 1 else ch for ch in narrow)
    return lowered.replace("ς", "σ")  # lower() picks final sigma by context; a word has none


def normalise_word(word: str) -> str:
    """A list word as stored: trimmed, without invisible characters, full-width made half-width."""
    return _FULL_WIDTH.sub(_half, _EDGES.sub("", word))


def parse_word_list(text: str, source: str) -> list[WordEntry]:
    """The entries of one list, in file order; blank and comment lines are skipped."""
    entries: list[WordEntry] = []
    for raw in text.splitlines():
        word, category = split_line(raw)
        if word:
            entries.append(WordEntry(word, category or DEFAULT_CATEGORY, source))
    return entries


def split_line(raw: str) -> tuple[str, str]:
    """A list line's word (normalised) and category, "" for what it lacks (comments, blanks)."""
    line = _COMMENT.sub("", raw.lstrip(_INVISIBLE))
    if not line.strip():
        return "", ""
    separator = "\t" if "\t" in line else "|"
    word, _, category = line.partition(separator)
    return normalise_word(word), category.strip()


def merge_entries(entries: Iterable[WordEntry]) -> list[WordEntry]:
    """``entries`` with one entry per word (ignoring case and width).

    A later entry replaces an earlier one's category and source but keeps its place: a
    workspace list can re-categorise a shipped word.
    """
    merged: dict[str, WordEntry] = {}
    for entry in entries:
        merged[fold(entry.word)] = entry
    return list(merged.values())


class SensitiveMatcher:
    """Finds list words in texts. Build it once per set of lists; it is immutable afterwards."""

    def __init__(self, entries: Iterable[WordEntry]) -> None:
        self._entries = merge_entries(entries)
        self._automaton: Any = None  # pyahocorasick ships no type information
        if self._entries:
            automaton = ahocorasick.Automaton()
            for index, entry in enumerate(self._entries):
                key = fold(entry.word)
                automaton.add_word(_as_bytes(key), (len(key), index))
            automaton.make_automaton()
            self._automaton = automaton

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str) -> list[Hit]:
        """Leftmost-longest hits that do not overlap, in text order: what an editor highlights.

        Where hits overlap, the one starting first wins, and of those the longest.
        """
        hits: list[Hit] = []
        covered = 0
        for start, end, index in sorted(self._matches(text), key=_leftmost_longest):
            if start >= covered:
                hits.append(self._hit(start, end, index))
                covered = end
        return hits

    def find_all(self, text: str) -> list[Hit]:
        """Every hit, overlapping ones included, ordered by start and then end."""
        return [self._hit(*match) for match in sorted(self._matches(text))]

    def contains_any(self, text: str) -> bool:
        return next(self._matches(text), None) is not None

    def _matches(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, entry index) of every hit, by end offset."""
        if self._automaton is None:
            return
        data = fold(text).encode("utf-8", "surrogatepass")
        chars = done = 0  # character offset of byte offset ``done``
        last: int
        length: int
        index: int
        for last, (length, index) in self._automaton.iter(data.decode("latin-1")):
            # Hits come by end offset, so counting characters as we go costs one pass in all.
            chars += len(data[done : last + 1].decode("utf-8", "surrogatepass"))
            done = last + 1
            yield chars - length, chars, index

    def _hit(self, start: int, end: int, index: int) -> Hit:
        entry = self._entries[index]
        return Hit(start, end, entry.word, entry.category)


def _as_bytes(text: str) -> str:
    """``text`` as UTF-8, one latin-1 character a byte."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _leftmost_longest(match: tuple[int, int, int]) -> tuple[int, int]:
    start, end, _ = match
    return start, -end
