"""Tokens for full-text search over Chinese and mixed Chinese/English text (pure: no I/O).

Text is first folded: NFC for the whole string, then NFKC and case folding one code point at a
time (so that every folded character can be traced back to the original for snippets; full-width
"ＡＢＣ１" becomes "abc1", "，" becomes ","). The folded text is split into runs:

* a run of CJK characters (Han, kana, bopomofo, Hangul) becomes its overlapping bigrams followed
  by its last character: "新闻发布" → 新闻 闻发 发布 布. The trailing single character marks the
  end of the run, so a phrase can never match across two runs ("新闻，闻发" does not contain
  "新闻发"), and it lets a lone character be found by prefix: every occurrence of 新 starts a
  bigram 新? or is the last character of a run;
* a run of other letters and digits becomes one word: "iPhone15" → iphone15 (a word longer than
  255 characters becomes several tokens, as PostgreSQL refuses lexemes over 2 KiB).

Everything else (spaces, punctuation, symbols, "_") separates runs, so tokens consist of letters
and digits only and can be quoted for any query language without escapes. A query term is
tokenised the same way and searched as a phrase of consecutive tokens, so a CJK term of two or
more characters matches exactly where the document contains it as a substring. Latin words match
whole words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

from newsdesk.core.body import CJK_LETTERS

PREFIX_MARK: Final = "*"
"""Ends the last token of a query phrase that must be matched as a prefix (see query_tokens)."""

# A run of CJK characters, or a run of other alphanumerics (\w without "_" and without CJK).
_RUN: Final = re.compile(f"(?P<cjk>[{CJK_LETTERS}]+)|[^\\W_{CJK_LETTERS}]+")
# One match per token, the token in group 1: at each CJK character its bigram with the next one
# (or the character alone at the end of its run), else a whole word.
_TOKEN: Final = re.compile(
    f"(?=([{CJK_LETTERS}][{CJK_LETTERS}]?|[^\\W_{CJK_LETTERS}]{{1,255}}))(?:[{CJK_LETTERS}]|[^\\W_{CJK_LETTERS}]{{1,255}})"
)


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table applying NFKC and case folding per code point, memoised."""

    def __missing__(self, code: int) -> str:
        folded = unicodedata.normalize("NFKC", chr(code)).casefold()
        self[code] = folded
        return folded


_FOLD: Final = _FoldTable()


def _fold(text: str) -> str:
    """``text`` in the form tokens are taken from (see the module docstring)."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def index_tokens(text: str) -> list[str]:
    """The tokens to index for ``text``, in order: CJK bigrams and run ends, lower-case words."""
    return _TOKEN.findall(_fold(text))


def query_tokens(query: str) -> list[list[str]]:
    """The phrases a document must all contain (AND), one per whitespace-separated term.

    Each phrase is a list of consecutive tokens. A term ending in CJK drops the end-of-run token
    (the document's run may go on after the term), and a term ending in a lone CJK character
    ends in that character plus PREFIX_MARK instead: "新" matches 新闻 and 创新. Terms with no
    letters or digits are ignored; duplicates are dropped.
    """
    phrases: list[list[str]] = []
    for term in _fold(query).split():
        phrase: list[str] = _TOKEN.findall(term)
        if not phrase:
            continue
        last_run = list(_RUN.finditer(term))[-1]
        if last_run.lastgroup == "cjk":
            if len(last_run.group()) > 1:
                phrase.pop()
            else:
                phrase[-1] += PREFIX_MARK
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases


def _term_pattern(runs: Sequence[re.Match[str]]) -> str:
    """A regex matching folded text exactly where the phrase of a term with ``runs`` occurs.

    The same condition as consecutive tokens, without tokenising the text: words are whole
    words; a CJK run is the whole document run, except that the first may start and the last
    may end inside a longer one; only separators come between.
    """
    parts = []
    for i, run in enumerate(runs):
        text = re.escape(run.group())
        if run.lastgroup != "cjk":
            parts.append(f"(?<![^\\W_{CJK_LETTERS}]){text}(?![^\\W_{CJK_LETTERS}])")
        else:
            before = f"(?<![{CJK_LETTERS}])" if i > 0 else ""
            after = f"(?![{CJK_LETTERS}])" if i < len(runs) - 1 else ""
            parts.append(before + text + after)
    return f"(?:[^\\w{CJK_LETTERS}]|_)*".join(parts)


def snippet(text: str, query: str, width: int = 80) -> str:
    """About ``width`` characters of ``text`` around the earliest match of a term of ``query``.

    Matches are those of query_tokens. Without a match, the start of the text. Cut ends are
    marked with "…". The text is returned in NFC, which looks the same as the original.
    """
    text = unicodedata.normalize("NFC", text)
    folded = text.translate(_FOLD)
    terms = [list(_RUN.finditer(term)) for term in _fold(query).split()]
    pattern = "|".join(_term_pattern(runs) for runs in terms if runs)
    found = re.search(pattern, folded) if pattern else None
    start, end = found.span() if found else (0, 0)
    if found and len(folded) != len(text):
        # Some character folded into several ("ß" → "ss"): map offsets back to the original.
        origin = [i for i, char in enumerate(text) for _ in _FOLD[ord(char)]]
        start, end = origin[start], origin[end - 1] + 1
    begin = max(0, start - width // 4)
    stop = min(len(text), max(begin + width, end))
    stretch = text[begin:stop].strip()
    return ("…" if begin > 0 else "") + stretch + ("…" if stop < len(text) else "")
