"""Reading sensitive-word lists from disk: the shipped lists plus the workspace's own."""

from __future__ import annotations

from pathlib import Path

from newsdesk.core.sensitive import WordEntry, merge_entries, parse_word_list
from newsdesk.paths import resources_dir


class WordListError(Exception):
    """A word list that cannot be read; the message names the file and line."""


def shipped_wordlists_dir() -> Path:
    """The word lists shipped with Newsdesk; a workspace's ``wordlists/`` folder adds to them."""
    return resources_dir() / "wordlists"


def load_word_lists(*folders: Path) -> list[WordEntry]:
    """Every entry of every ``*.txt`` in ``folders``, one per word.

    Folders that do not exist are skipped (a workspace need not have lists of its own). Files are
    read in name order; a word found again later takes the later category and source.
    """
    entries: list[WordEntry] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        for path in files:
            entries += parse_word_list(_read(path), source=path.name)
    return merge_entries(entries)


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise WordListError(
            f"{path}: line {line}: not valid UTF-8 (byte 0x{data[error.start]:02x}); "
            "save the list as UTF-8"
        ) from error
