"""Reading sensitive-word lists from disk: the shipped lists plus the workspace's own.

Lists come from Windows tools and Chinese sources as often as from editors that write UTF-8, so
a list may be UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or GB18030 (of
which GBK and GB2312 are parts). One word a line: a line that holds many words run together
(commas, 、, semicolons) or is far longer than any word is reported and skipped. A list that
cannot be read at all is reported and skipped alone: the others, the shipped one included,
still check every text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.sensitive import WordEntry, merge_entries, parse_word_list, split_line
from newsdesk.paths import resources_dir

MAX_WORD: Final = 50  # characters; a line longer than this is not one word
_RUN_TOGETHER: Final = re.compile(r"[,，、;；]")


@dataclass(frozen=True)
class WordLists:
    entries: list[WordEntry]
    problems: list[Message] = field(default_factory=list)  # each names the file (and line)


def shipped_wordlists_dir() -> Path:
    """The word lists shipped with Newsdesk; a workspace's ``wordlists/`` folder adds to them."""
    return resources_dir() / "wordlists"


def load_word_lists(*folders: Path) -> WordLists:
    """Every entry of every ``*.txt`` in ``folders``, one per word, and what could not be read.

    Folders that do not exist are skipped (a workspace need not have lists of its own). Files are
    read in name order; a word found again later takes the later category and source.
    """
    entries: list[WordEntry] = []
    problems: list[Message] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        for path in files:
            text = _read(path, problems)
            if text is not None:
                entries += parse_word_list(_one_word_lines(text, path, problems), path.name)
    return WordLists(merge_entries(entries), problems)


def _problem(source: str, **params: object) -> Message:
    return Message("WordLists", source, params)


def _read(path: Path, problems: list[Message]) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP("WordLists", "The word list {file} cannot be read ({reason})."),
                file=str(path),
                reason=error.strerror or str(error),
            )
        )
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    problems.append(
        _problem(
            QT_TRANSLATE_NOOP(
                "WordLists",
                "The word list {file} is skipped: it is neither UTF-8, UTF-16 with a byte-order "
                "mark nor GB18030. Save it as UTF-8.",
            ),
            file=str(path),
        )
    )
    return None


def _one_word_lines(text: str, path: Path, problems: list[Message]) -> str:
    """``text`` without the lines that cannot be one entry, each of those reported."""
    kept: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        word, _ = split_line(line)
        if len(word) > MAX_WORD or _RUN_TOGETHER.search(word):
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "WordLists",
                        "{file}, line {line}: skipped, it is not one word ({length} characters"
                        "). Lists hold one word a line.",
                    ),
                    file=path.name,
                    line=number,
                    length=len(word),
                )
            )
            continue
        kept.append(line)
    return "\n".join(kept)
