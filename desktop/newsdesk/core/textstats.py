"""Counting and punctuation checks the way Chinese editors do them.

字数 follows Word and WPS: every East Asian character and every full-width or Chinese punctuation
mark counts one, and every run of other non-space characters ("COVID-19", "2026", "iPhone",
"3.14") counts one more, like a word. The punctuation checks flag half-width marks in Chinese
text (GB/T 15834 wants full-width ones there) and full-width marks between Latin words.

Which language surrounds a mark is decided by the nearest letter or ideograph on each side of
it on the same line, looking through spaces and other punctuation. Fixing a mark therefore never
changes the verdict on another, which is what makes ``fix_punctuation`` idempotent. Decimal
points, thousands separators, times, URLs, e-mail addresses, abbreviations such as "e.g." and
"Inc.", list numbers such as "1." and English ellipses are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from functools import lru_cache

from newsdesk.core.body import CJK_LETTERS, CJK_MARKS, CJK_PUNCTUATION

# East Asian characters, letters and marks alike, count one each; so does each punctuation mark.
_CJK_CHAR_CLASS = CJK_LETTERS + CJK_MARKS
_CJK_PUNCT_CLASS = CJK_PUNCTUATION

_CJK_CHAR = re.compile(f"[{_CJK_CHAR_CLASS}]")
_CJK_PUNCT = re.compile(f"[{_CJK_PUNCT_CLASS}]")
_OTHER_RUN = re.compile(f"[^\\s{_CJK_CHAR_CLASS}{_CJK_PUNCT_CLASS}]+")
# Invisible characters pasted in from the web or from IVS-encoded names: they count nothing and
# must not split a word or glue a "word" onto an ideograph.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufe00-\ufe0f\U000e0001-\U000e007f\U000e0100-\U000e01ef]"
)
# ’ between Latin letters is an apostrophe (don’t), not a Chinese quote mark.
_APOSTROPHE = re.compile("(?<=[A-Za-z])\u2019(?=[A-Za-z])")
_SPACE = re.compile(r"\s")
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits on
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")

# Reading speed: adult readers take in about 300–500 Chinese characters a minute and about
# 200–250 English words; 400 and 200 keep estimates on the safe side for mixed copy.
CJK_CHARS_PER_MINUTE = 400
LATIN_WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class TextStats:
    zishu: int  # 字数: cjk_chars + cjk_punctuation + latin_words
    cjk_chars: int  # ideographs, plus kana, Hangul and Bopomofo
    cjk_punctuation: int
    latin_words: int  # runs of other non-space characters: words, numbers, "3.14", "e.g."
    chars_no_spaces: int
    chars_with_spaces: int  # spaces count, line breaks do not (as in Word)
    paragraphs: int  # lines with visible content
    reading_minutes: float


def count(text: str) -> TextStats:
    """The counts an editor sees in the status bar for ``text``."""
    visible = _APOSTROPHE.sub("'", _INVISIBLE.sub("", text))
    cjk_chars = len(_CJK_CHAR.findall(visible))
    cjk_punctuation = len(_CJK_PUNCT.findall(visible))
    latin_words = len(_OTHER_RUN.findall(visible))
    return TextStats(
        zishu=cjk_chars + cjk_punctuation + latin_words,
        cjk_chars=cjk_chars,
        cjk_punctuation=cjk_punctuation,
        latin_words=latin_words,
        chars_no_spaces=len(visible) - len(_SPACE.findall(visible)),
        chars_with_spaces=len(visible) - len(_LINE_BREAK.findall(visible)),
        paragraphs=sum(1 for line in visible.splitlines() if line and not line.isspace()),
        reading_minutes=cjk_chars / CJK_CHARS_PER_MINUTE + latin_words / LATIN_WORDS_PER_MINUTE,
    )


_CJK_ANY = re.compile(f"[{_CJK_CHAR_CLASS}{_CJK_PUNCT_CLASS}]")


def zishu(text: str) -> int:
    """``count(text).zishu`` alone, in fewer passes: what a report sums over thousands of bodies.
    East Asian characters and marks count one each and, replaced by spaces, split the runs of
    other characters that count one more each."""
    visible = _APOSTROPHE.sub("'", _INVISIBLE.sub("", text))
    rest, east_asian = _CJK_ANY.subn(" ", visible)
    return east_asian + len(_OTHER_RUN.findall(rest))


# --- punctuation -------------------------------------------------------------------------------


class PunctuationKind(StrEnum):
    HALF_WIDTH_IN_CHINESE = "half_width_in_chinese"  # , in 你好,世界
    FULL_WIDTH_IN_LATIN = "full_width_in_latin"  # ， in hello，world
    STRAIGHT_QUOTE = "straight_quote"  # "你好" instead of “你好”
    ELLIPSIS = "ellipsis"  # ... instead of …… in Chinese


@dataclass(frozen=True)
class PunctuationFinding:
    start: int
    end: int  # the span may include spaces next to the mark that the fix removes
    found: str
    suggestion: str
    kind: PunctuationKind


class _C(IntEnum):
    """What a character is, for deciding which language surrounds a mark."""

    BREAK = 0
    SPACE = 1  # also invisible characters
    MARK = 2  # punctuation and symbols of any width: looked through, never context
    CJK = 3
    LATIN = 4  # any other letter or digit


_HALF_TO_FULL = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！"}
_FULL_TO_HALF = {full: half for half, full in _HALF_TO_FULL.items()}
_OPENERS = "(（"
_CLOSERS = ")）"
_QUOTES = '"＂'
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs"}
    | {"etc", "fig", "vol", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept"}
    | {"oct", "nov", "dec"}
)
_ABBREVIATION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
# Brackets are left out of URLs so that bracket pairs never depend on where a URL ends; the
# look-behinds start a match only where a URL or address can start, keeping the scan linear.
_URL_OR_EMAIL = re.compile(
    r"(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    r"|(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
_URL_VIEW = str.maketrans(_FULL_TO_HALF)  # where URLs end must not move when marks are fixed
_FIRST_FULL_WIDTH = re.compile("[" + "".join(_FULL_TO_HALF) + "]")
_HALF_WIDTH_MARK = re.compile(r"\.{2,}|[,.;:?!]")
_FULL_WIDTH_MARK = re.compile("[，。；：？！]")
_LIST_NUMBER = re.compile(r"[ \t\u3000]*\d{1,3}")  # "1." opening a line is fine in Chinese


@lru_cache(maxsize=4096)
def _classify(ch: str) -> _C:
    if ch in _LINE_BREAKS:
        return _C.BREAK
    if ch.isspace() or _INVISIBLE.match(ch):
        return _C.SPACE
    if _CJK_CHAR.match(ch):
        return _C.CJK
    if _CJK_PUNCT.match(ch) or unicodedata.category(ch)[0] in "PSM":
        return _C.MARK
    return _C.LATIN


class _Scan:
    """One text with, for each position, the nearest letter or ideograph on either side.

    Context looks through spaces and punctuation (but not line breaks), so fixing one mark never
    changes the context of another: that is what makes fixing idempotent.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.classes = [_classify(ch) for ch in text]
        self.left: list[_C] = []
        self.line_start: list[int] = []
        self.cjk_before = [0]  # cjk_before[i]: ideographs in text[:i]
        context, line_start = _C.BREAK, 0
        for i, cls in enumerate(self.classes):
            self.left.append(context)
            self.line_start.append(line_start)
            if cls == _C.BREAK:
                context, line_start = _C.BREAK, i + 1
            elif cls in (_C.CJK, _C.LATIN):
                context = cls
            self.cjk_before.append(self.cjk_before[-1] + (cls == _C.CJK))
        self.right: list[_C] = [_C.BREAK] * len(text)
        context = _C.BREAK
        for i in range(len(text) - 1, -1, -1):
            self.right[i] = context
            cls = self.classes[i]
            if cls == _C.BREAK:
                context = _C.BREAK
            elif cls in (_C.CJK, _C.LATIN):
                context = cls
        self.protected = bytearray(len(text))  # 1 inside URLs and e-mail addresses
        for match in _URL_OR_EMAIL.finditer(text.translate(_URL_VIEW)):
            # A full-width mark ends the URL: fixing it inserts a space, which would end it there.
            written = _FIRST_FULL_WIDTH.search(text, match.start(), match.end())
            url = match.group() if written is None else text[match.start() : written.start()]
            start, end = match.start(), _url_end(url) + match.start()
            self.protected[start:end] = b"\x01" * (end - start)

    def chinese_near(self, start: int, end: int) -> bool:
        return _C.CJK in (self.left[start], self.right[end - 1])

    def latin_around(self, start: int, end: int) -> bool:
        return self.left[start] == _C.LATIN and self.right[end - 1] == _C.LATIN

    def has_cjk(self, start: int, end: int) -> bool:
        return self.cjk_before[end] > self.cjk_before[start]

    def is_space(self, i: int) -> bool:
        return 0 <= i < len(self.text) and self.classes[i] == _C.SPACE

    def spaces_after(self, i: int) -> int:
        while self.is_space(i):
            i += 1
        return i

    def spaces_before(self, i: int) -> int:
        while self.is_space(i - 1):
            i -= 1
        return i


def _url_end(url: str) -> int:
    """Length of ``url`` without the sentence punctuation that trails it."""
    end = len(url)
    while end and url[end - 1] in ".,;:!?'":
        end -= 1
    return end


@dataclass(frozen=True)
class _Candidate:
    mark: int  # where the mark starts; findings are ordered and clamped by it
    start: int
    end: int
    suggestion: str
    kind: PunctuationKind


def punctuation_findings(text: str) -> list[PunctuationFinding]:
    """Misplaced half-width and full-width punctuation in ``text``, in order."""
    scan = _Scan(text)
    candidates = [*_marks(scan), *_brackets(scan), *_quotes(scan)]
    candidates.sort(key=lambda c: c.mark)
    findings: list[PunctuationFinding] = []
    previous_end = 0
    for c in candidates:
        start = max(c.start, previous_end)  # two marks may claim the same spaces
        findings.append(PunctuationFinding(start, c.end, text[start : c.end], c.suggestion, c.kind))
        previous_end = c.end
    return findings


def fix_punctuation(text: str, findings: Sequence[PunctuationFinding] | None = None) -> str:
    """``text`` with the suggestions of ``findings`` (by default all findings) applied.

    Raises ``ValueError`` if findings overlap or no longer match ``text``.
    """
    chosen = punctuation_findings(text) if findings is None else sorted(findings, key=_start)
    parts: list[str] = []
    position = 0
    for finding in chosen:
        if finding.start < position or text[finding.start : finding.end] != finding.found:
            raise ValueError(f"finding at {finding.start} overlaps another or is out of date")
        parts += (text[position : finding.start], finding.suggestion)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def _start(finding: PunctuationFinding) -> int:
    return finding.start


def _marks(scan: _Scan) -> list[_Candidate]:
    """Sentence punctuation: , . ; : ? ! and ellipses in Chinese; ，。；：？！ in Latin."""
    text = scan.text
    found: list[_Candidate] = []
    for match in _HALF_WIDTH_MARK.finditer(text):
        start, end = match.span()
        chinese = scan.chinese_near(start, end) or _ends_chinese_sentence(scan, start, end)
        if scan.protected[start] or not chinese or _keeps_half(scan, start):
            continue
        if end - start == 1:
            suggestion, kind = _HALF_TO_FULL[text[start]], PunctuationKind.HALF_WIDTH_IN_CHINESE
        elif end - start >= 3:
            suggestion, kind = "……", PunctuationKind.ELLIPSIS
        else:
            continue  # ".." is a typo of unknown intent
        span = scan.spaces_before(start), scan.spaces_after(end)  # full-width marks need none
        found.append(_Candidate(start, *span, suggestion, kind))
    for match in _FULL_WIDTH_MARK.finditer(text):
        start = match.start()
        if not scan.latin_around(start, start + 1):
            continue
        suggestion = _FULL_TO_HALF[text[start]]
        following = text[start + 1 : start + 2]
        if following.isalpha() and scan.classes[start + 1] == _C.LATIN:
            suggestion += " "  # English puts a space after the mark
        kind = PunctuationKind.FULL_WIDTH_IN_LATIN
        found.append(_Candidate(start, scan.spaces_before(start), start + 1, suggestion, kind))
    return found


def _ends_chinese_sentence(scan: _Scan, start: int, end: int) -> bool:
    """Whether the mark ends a line of Chinese after a number or name: 截至11:30. 售价$999?"""
    return (
        end - start == 1
        and scan.text[start] in ".?!"
        and scan.right[start] == _C.BREAK
        and scan.has_cjk(scan.line_start[start], start)
    )


def _keeps_half(scan: _Scan, i: int) -> bool:
    """Whether the half-width mark at ``i`` is right even next to Chinese."""
    text, mark = scan.text, scan.text[i]
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    if mark in ",.:" and before.isdecimal() and after.isdecimal():
        return True  # 3.14, 10,000, 12:30
    if mark != "." or after == ".":
        return False
    token_start = i
    while token_start and text[token_start - 1] in _ABBREVIATION_CHARS:
        token_start -= 1
    token = text[token_start:i].lstrip(".")  # a dot before a word may itself become 。
    if token.lower() in _ABBREVIATIONS or ("." in token and max(map(len, token.split("."))) <= 2):
        return True  # Inc., e.g., U.S., Ph.D. (but not example.com)
    return _LIST_NUMBER.fullmatch(text, scan.line_start[i], i) is not None


def _brackets(scan: _Scan) -> list[_Candidate]:
    """Round brackets, paired per line: （） around or next to Chinese, () in Latin text."""
    pairs: list[tuple[int | None, int | None]] = []
    opened: list[int] = []
    for i, ch in enumerate(scan.text):
        if scan.classes[i] == _C.BREAK:
            pairs += [(o, None) for o in opened]
            opened.clear()
        elif ch in _OPENERS:
            opened.append(i)
        elif ch in _CLOSERS:
            pairs.append((opened.pop(), i) if opened else (None, i))
    pairs += [(o, None) for o in opened]
    found: list[_Candidate] = []
    for o, c in pairs:
        if o is not None and c is not None:
            inner_cjk = scan.has_cjk(o + 1, c)
            attached = o > 0 and _glued(scan.text[o - 1])
            outside = scan.left[o], scan.right[c]
            chinese = inner_cjk or (not attached and _C.CJK in outside)
            latin = not inner_cjk and _C.CJK not in outside and _C.LATIN in outside
        elif o is not None:
            chinese, latin = scan.right[o] == _C.CJK, scan.latin_around(o, o + 1)
        else:
            assert c is not None
            chinese, latin = scan.left[c] == _C.CJK, scan.latin_around(c, c + 1)
        if chinese:
            found += _bracket_fix(scan, o, "（", True) + _bracket_fix(scan, c, "）", True)
        elif latin:
            found += _bracket_fix(scan, o, "(", False) + _bracket_fix(scan, c, ")", False)
    return found


def _glued(ch: str) -> bool:
    """Whether a bracket right after ``ch`` belongs to code or a name: f(x), iPhone(US), A_(B).

    Marks this module converts do not count, or fixing them would change the verdict.
    """
    return "!" <= ch <= "~" and ch not in ',.;:?!"()'


def _bracket_fix(scan: _Scan, i: int | None, want: str, chinese: bool) -> list[_Candidate]:
    if i is None or scan.text[i] == want:
        return []
    if not chinese:
        return [_Candidate(i, i, i + 1, want, PunctuationKind.FULL_WIDTH_IN_LATIN)]
    start, end = (scan.spaces_before(i), i + 1) if want == "（" else (i, scan.spaces_after(i + 1))
    return [_Candidate(i, start, end, want, PunctuationKind.HALF_WIDTH_IN_CHINESE)]


def _quotes(scan: _Scan) -> list[_Candidate]:
    """Straight double quotes, paired per line: “” in or next to Chinese, " in Latin text."""
    found: list[_Candidate] = []
    line: list[int] = []
    lines = [line]
    for i, ch in enumerate(scan.text):
        if scan.classes[i] == _C.BREAK:
            line = []
            lines.append(line)
        elif ch in _QUOTES:  # never part of a URL or address
            line.append(i)
    for quotes in lines:
        for k in range(0, len(quotes) - 1, 2):
            o, c = quotes[k], quotes[k + 1]
            chinese = scan.has_cjk(o + 1, c) or _C.CJK in (scan.left[o], scan.right[c])
            found += _quote_fix(scan, o, opening=True, chinese=chinese)
            found += _quote_fix(scan, c, opening=False, chinese=chinese)
        if len(quotes) % 2:
            q = quotes[-1]
            found += _quote_fix(scan, q, _opens(scan, q), chinese=scan.chinese_near(q, q + 1))
    return found


def _opens(scan: _Scan, i: int) -> bool:
    """Whether an unpaired quote opens: it does unless it follows text and ends a phrase."""
    follows_text = i > 0 and scan.classes[i - 1] not in (_C.SPACE, _C.BREAK)
    ends_phrase = i + 1 == len(scan.text) or scan.classes[i + 1] in (_C.SPACE, _C.BREAK, _C.MARK)
    return not (follows_text and ends_phrase)


def _quote_fix(scan: _Scan, i: int, opening: bool, chinese: bool) -> list[_Candidate]:
    if not chinese:
        if scan.text[i] == '"':
            return []
        return [_Candidate(i, i, i + 1, '"', PunctuationKind.FULL_WIDTH_IN_LATIN)]
    if opening:
        return [_Candidate(i, scan.spaces_before(i), i + 1, "“", PunctuationKind.STRAIGHT_QUOTE)]
    return [_Candidate(i, i, scan.spaces_after(i + 1), "”", PunctuationKind.STRAIGHT_QUOTE)]
