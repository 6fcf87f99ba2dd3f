"""Loading word lists from the shipped folder and a workspace's own ``wordlists/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.sensitive import SensitiveMatcher, WordEntry
from newsdesk.wordlists import WordListError, load_word_lists, shipped_wordlists_dir


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_shipped_folder_is_the_repository_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_RESOURCES", raising=False)
    folder = shipped_wordlists_dir()
    assert folder == Path(__file__).resolve().parents[1] / "resources" / "wordlists"
    assert (folder / "demo.txt").is_file()


def test_environment_overrides_the_resources_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSDESK_RESOURCES", str(tmp_path))
    assert shipped_wordlists_dir() == tmp_path / "wordlists"


def test_demo_list_loads_and_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_RESOURCES", raising=False)
    entries = load_word_lists(shipped_wordlists_dir())
    assert 15 <= len(entries) <= 40  # a small demo, not a real list
    assert WordEntry("最佳", "广告法极限词", "demo.txt") in entries
    assert {entry.category for entry in entries} == {"广告法极限词", "易错词"}
    matcher = SensitiveMatcher(entries)
    text = "本品为国家级最佳产品，１００％有效，大家再接再励"
    assert [(text[h.start : h.end], h.category) for h in matcher.find(text)] == [
        ("国家级", "广告法极限词"),
        ("最佳", "广告法极限词"),
        ("１００％有效", "广告法极限词"),
        ("再接再励", "易错词"),
    ]


def test_later_folders_extend_and_recategorise(tmp_path: Path) -> None:
    shipped, workspace = tmp_path / "shipped", tmp_path / "workspace" / "wordlists"
    _write(shipped / "b.txt", "顶级|广告法极限词\n绝对|广告法极限词\n")
    _write(shipped / "a.txt", "最佳|广告法极限词\n")
    _write(shipped / "notes.md", "不是词表|x\n")
    mine = "\ufeff# 本社词表\n绝对|慎用词\n本报讯|格式\n最佳|广告法极限词\n"
    _write(workspace / "mine.TXT", mine)
    assert load_word_lists(shipped, workspace) == [
        WordEntry("最佳", "广告法极限词", "mine.TXT"),
        WordEntry("顶级", "广告法极限词", "b.txt"),
        WordEntry("绝对", "慎用词", "mine.TXT"),
        WordEntry("本报讯", "格式", "mine.TXT"),
    ]


def test_missing_folders_are_skipped(tmp_path: Path) -> None:
    assert load_word_lists(tmp_path / "nowhere") == []


def test_invalid_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "gbk.txt", "最佳\n顶级\n绝对\n", encoding="utf-8")
    path.write_bytes(path.read_bytes() + "国家级\n".encode("gbk"))
    with pytest.raises(WordListError) as raised:
        load_word_lists(tmp_path)
    assert "gbk.txt" in str(raised.value)
    assert "line 4" in str(raised.value)
