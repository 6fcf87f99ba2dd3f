"""Loading word lists from the shipped folder and a workspace's own ``wordlists/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.sensitive import SensitiveMatcher, WordEntry
from newsdesk.wordlists import MAX_WORD, load_word_lists, shipped_wordlists_dir


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_shipped_folder_is_the_repository_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_RESOURCES", raising=False)
    folder = shipped_wordlists_dir()
    assert (
        folder
        == Path(__file__).resolve().parents[1] / "desktop" / "newsdesk" / "resources" / "wordlists"
    )
    assert (folder / "demo.txt").is_file()


def test_environment_overrides_the_resources_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSDESK_RESOURCES", str(tmp_path))
    assert shipped_wordlists_dir() == tmp_path / "wordlists"


def test_demo_list_loads_and_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_RESOURCES", raising=False)
    entries = load_word_lists(shipped_wordlists_dir()).entries
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
    assert load_word_lists(shipped, workspace).entries == [
        WordEntry("最佳", "广告法极限词", "mine.TXT"),
        WordEntry("顶级", "广告法极限词", "b.txt"),
        WordEntry("绝对", "慎用词", "mine.TXT"),
        WordEntry("本报讯", "格式", "mine.TXT"),
    ]


def test_missing_folders_are_skipped(tmp_path: Path) -> None:
    assert load_word_lists(tmp_path / "nowhere").entries == []


def test_lists_in_the_encodings_windows_and_chinese_tools_write_are_read(tmp_path: Path) -> None:
    words = "最佳\n顶级\n绝对\n"
    _write(tmp_path / "a-gbk.txt", "国家级\n", encoding="gbk")
    _write(tmp_path / "b-gb18030.txt", "𠀀字\n", encoding="gb18030")
    _write(tmp_path / "c-utf16.txt", "\ufeff" + words, encoding="utf-16-le")
    _write(tmp_path / "d-utf16be.txt", "\ufeff万能\n", encoding="utf-16-be")
    _write(tmp_path / "e-bom.txt", "\ufeff唯一\n", encoding="utf-8")
    lists = load_word_lists(tmp_path)
    assert lists.problems == []
    assert {e.word for e in lists.entries} == {
        "国家级",
        "𠀀字",
        "最佳",
        "顶级",
        "绝对",
        "万能",
        "唯一",
    }


def test_an_unreadable_list_is_reported_and_skipped_alone(tmp_path: Path) -> None:
    shipped, mine = tmp_path / "shipped", tmp_path / "mine"
    _write(shipped / "demo.txt", "最佳|广告法极限词\n")
    (mine / "broken.txt").parent.mkdir(parents=True)
    (mine / "broken.txt").write_bytes(b"\x81\x30\xff\xfe\x00garbage\x80")
    lists = load_word_lists(shipped, mine)
    assert [e.word for e in lists.entries] == ["最佳"]  # the shipped list still checks
    [problem] = lists.problems
    assert "broken.txt" in str(problem) and "UTF-8" in str(problem)


def test_a_list_is_one_word_a_line_and_anything_else_is_reported(tmp_path: Path) -> None:
    many = ",".join(f"词{i}" for i in range(100_000))
    some = "、".join(f"字{i}" for i in range(20_000))
    _write(tmp_path / "run-together.txt", f"最佳\n{many}\n{some}\n顶级\n")
    lists = load_word_lists(tmp_path)
    assert [e.word for e in lists.entries] == ["最佳", "顶级"]
    assert [p.params["line"] for p in lists.problems] == [2, 3]
    matcher = SensitiveMatcher(lists.entries)
    assert len(matcher.find("最佳与顶级")) == 2
    del matcher  # releasing it crashed the process when the long line was one "word"
    assert MAX_WORD < 100
