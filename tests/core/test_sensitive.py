"""Word-list parsing and the Aho–Corasick matcher, against a brute-force reference."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.sensitive import (
    DEFAULT_CATEGORY,
    Hit,
    SensitiveMatcher,
    WordEntry,
    merge_entries,
    parse_word_list,
)


def _entries(*words: str, category: str = "广告法极限词") -> list[WordEntry]:
    return [WordEntry(word, category, "test") for word in words]


# --- parse_word_list -----------------------------------------------------------------------------


def test_parse_all_line_forms() -> None:
    text = (
        "\ufeff# 演示词表\n"
        "\n"
        "最佳\t广告法极限词\n"
        "再接再励|易错词  # 应为“再接再厉”\n"
        "  绝对  \n"
        "C#|编程\n"
        "   # indented comment\n"
        "ＩＰＨＯＮＥ１６|品牌\n"
    )
    assert parse_word_list(text, "demo.txt") == [
        WordEntry("最佳", "广告法极限词", "demo.txt"),
        WordEntry("再接再励", "易错词", "demo.txt"),
        WordEntry("绝对", DEFAULT_CATEGORY, "demo.txt"),
        WordEntry("C#", "编程", "demo.txt"),
        WordEntry("IPHONE16", "品牌", "demo.txt"),
    ]


def test_parse_skips_entries_without_a_word() -> None:
    assert parse_word_list("|类别\n\t类别\n\u200b\n", "x") == []


def test_merge_keeps_first_place_and_last_category() -> None:
    merged = merge_entries(
        [
            WordEntry("Apple", "a", "one.txt"),
            WordEntry("最佳", "b", "one.txt"),
            WordEntry("ａｐｐｌｅ", "c", "two.txt"),
        ]
    )
    assert merged == [WordEntry("ａｐｐｌｅ", "c", "two.txt"), WordEntry("最佳", "b", "one.txt")]


# --- SensitiveMatcher ----------------------------------------------------------------------------


def test_leftmost_longest_without_overlap() -> None:
    matcher = SensitiveMatcher(_entries("最佳", "最佳品牌", "佳品", "品牌"))
    assert matcher.find("本店是最佳品牌") == [Hit(3, 7, "最佳品牌", "广告法极限词")]
    assert [(h.start, h.end) for h in matcher.find_all("本店是最佳品牌")] == [
        (3, 5),
        (3, 7),
        (4, 6),
        (5, 7),
    ]


def test_leftmost_wins_over_longer_later_hit() -> None:
    matcher = SensitiveMatcher(_entries("国家", "家级产品"))
    assert [h.word for h in matcher.find("国家级产品")] == ["国家"]


def test_case_and_width_insensitive_with_original_offsets() -> None:
    matcher = SensitiveMatcher(_entries("iPhone", "100%有效"))
    text = "新款ＩＰＨＯＮＥ，１００％有效"
    hits = matcher.find(text)
    assert hits == [
        Hit(2, 8, "iPhone", "广告法极限词"),
        Hit(9, 15, "100%有效", "广告法极限词"),
    ]
    assert [text[h.start : h.end] for h in hits] == ["ＩＰＨＯＮＥ", "１００％有效"]


def test_offsets_stay_valid_around_astral_and_expanding_characters() -> None:
    # 𠀀 is outside the BMP; İ lowers to two characters and must not shift anything.
    matcher = SensitiveMatcher(_entries("顶级", "ab"))
    text = "𠀀İ顶级İAB𠀀"
    assert [(h.start, h.end, text[h.start : h.end]) for h in matcher.find(text)] == [
        (2, 4, "顶级"),
        (5, 7, "AB"),
    ]


def test_empty_matcher() -> None:
    matcher = SensitiveMatcher([])
    assert len(matcher) == 0
    assert matcher.find("最佳") == []
    assert matcher.find_all("最佳") == []
    assert not matcher.contains_any("最佳")


def test_len_counts_distinct_words_and_contains_any() -> None:
    matcher = SensitiveMatcher(_entries("最佳", "顶级", "最佳", "ＡＢ", "ab"))
    assert len(matcher) == 3
    assert matcher.contains_any("这是顶级货")
    assert not matcher.contains_any("这是好货")
    assert not matcher.contains_any("")


def test_later_duplicate_sets_the_category() -> None:
    matcher = SensitiveMatcher(
        [WordEntry("绝对", "广告法极限词", "demo.txt"), WordEntry("绝对", "慎用词", "mine.txt")]
    )
    assert matcher.find("绝对") == [Hit(0, 2, "绝对", "慎用词")]


# --- against a brute-force reference -----------------------------------------------------------

_ALPHABET = "aAａＡbBｂ中文 "


def _key(text: str) -> str:
    # Independent of the module: NFKC per character, then lower-case.
    return "".join(unicodedata.normalize("NFKC", ch).lower() for ch in text)


def _reference_all(words: list[str], text: str) -> list[tuple[int, int, str]]:
    by_key = {_key(word): word for word in words}  # the last spelling of a word wins
    folded = _key(text)
    return sorted(
        (start, start + len(key), word)
        for key, word in by_key.items()
        for start in range(len(text) - len(key) + 1)
        if folded[start : start + len(key)] == key
    )


def _reference_find(words: list[str], text: str) -> list[tuple[int, int, str]]:
    hits, position = [], 0
    while position < len(text):
        here = [hit for hit in _reference_all(words, text) if hit[0] == position]
        if here:
            longest = max(here, key=lambda hit: hit[1])
            hits.append(longest)
            position = longest[1]
        else:
            position += 1
    return hits


_WORDS = st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), max_size=8)
_TEXT = st.text(alphabet=_ALPHABET, max_size=40)


@settings(max_examples=400)
@given(_WORDS, _TEXT)
def test_matches_brute_force(words: list[str], text: str) -> None:
    matcher = SensitiveMatcher(_entries(*words))
    expected_all = _reference_all(words, text)
    assert [(h.start, h.end, h.word) for h in matcher.find_all(text)] == expected_all
    assert [(h.start, h.end, h.word) for h in matcher.find(text)] == _reference_find(words, text)
    assert matcher.contains_any(text) == bool(expected_all)
    for hit in matcher.find_all(text):
        assert 0 <= hit.start < hit.end <= len(text)
        assert _key(text[hit.start : hit.end]) == _key(hit.word)
