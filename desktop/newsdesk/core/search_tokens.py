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

from newsdesk.core.body import MarkupReader

PREFIX_MARK: Final = "*"
"""Ends the last token of a query phrase that must be matched as a prefix (see query_tokens)."""

# CJK letters and digits (all of these code points are alphanumeric or unassigned).
_CJK: Final = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c"  # 々 〆 〇, Hangzhou numerals, marks
    "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"  # kana, without ・
    "\u3105-\u312f\u31a0-\u31bf"  # Bopomofo
    "\u3131-\u318e\ua960-\ua97c\uac00-\ud7a3\ud7b0-\ud7fb"  # Hangul
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Extension A, Unified, Compatibility Ideographs
    "\U00020000-\U0003ffff"  # Extensions B and later, Compatibility Supplement
)
# A run of CJK characters, or a run of other alphanumerics (\w without "_" and without CJK).
_RUN: Final = re.compile(f"(?P<cjk>[{_CJK}]+)|[^\\W_{_CJK}]+")
# One match per token, the token in group 1: at each CJK character its bigram with the next one
# (or the character alone at the end of its run), else a whole word.
_TOKEN: Final = re.compile(
    f"(?=([{_CJK}][{_CJK}]?|[^\\W_{_CJK}]{{1,255}}))(?:[{_CJK}]|[^\\W_{_CJK}]{{1,255}})"
)

# The elements that end a line of text: the visible text of HTML breaks into blocks at them.
BLOCK_TAGS: Final = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    }
)
_HIDDEN_TAGS: Final = frozenset({"script", "style", "template"})


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
            parts.append(f"(?<![^\\W_{_CJK}]){text}(?![^\\W_{_CJK}])")
        else:
            before = f"(?<![{_CJK}])" if i > 0 else ""
            after = f"(?![{_CJK}])" if i < len(runs) - 1 else ""
            parts.append(before + text + after)
    return f"(?:[^\\w{_CJK}]|_)*".join(parts)


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


class _TextExtractor(MarkupReader):
    """Collects text outside hidden elements, with a space for each block tag."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def strip_html(html: str) -> str:
    """The text of ``html``: tags removed, entities unescaped, block elements made spaces.

    Inline elements join their neighbours ("<b>新</b>闻" is "新闻"); script and style contents are
    dropped; runs of whitespace become one space.
    """
    if "<" not in html and "&" not in html:  # plain text: skip the parser, it is most of the cost
        return " ".join(html.split())
    extractor = _TextExtractor()
    extractor.read(html)
    return " ".join("".join(extractor.parts).split())
