"""字数, character counts and the punctuation checks, on concrete newsroom text and by property."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdesk.core.textstats import (
    PunctuationFinding,
    PunctuationKind,
    TextStats,
    count,
    fix_punctuation,
    punctuation_findings,
)

K = PunctuationKind


# --- count ---------------------------------------------------------------------------------------


def test_count_mixed_news_sentence() -> None:
    stats = count("新闻发布会于2026年11月23日举行，COVID-19疫情")
    assert stats.reading_minutes == pytest.approx(13 / 400 + 4 / 200)
    assert replace(stats, reading_minutes=0.0) == TextStats(
        zishu=18,  # 13 ideographs + ， + 2026, 11, 23, COVID-19
        cjk_chars=13,
        cjk_punctuation=1,
        latin_words=4,
        chars_no_spaces=30,
        chars_with_spaces=30,
        paragraphs=1,
        reading_minutes=0.0,
    )


def test_count_spaces_line_breaks_and_paragraphs() -> None:
    stats = count("Hello world  你好\n\n\u3000\u3000第二段。")
    assert (stats.latin_words, stats.cjk_chars, stats.cjk_punctuation) == (2, 5, 1)
    assert stats.zishu == 8  # ideographic spaces indent the paragraph and count nothing
    assert stats.chars_no_spaces == 16
    assert stats.chars_with_spaces == 21  # 23 characters minus two line breaks
    assert stats.paragraphs == 2


def test_count_chinese_punctuation_marks_one_each() -> None:
    stats = count("“你好”——他说…《人民日报》、·")
    assert stats.cjk_chars == 8
    assert stats.cjk_punctuation == 9  # “ ” — — … 《 》 、 ·
    assert stats.latin_words == 0
    assert stats.zishu == 17


def test_count_latin_runs_count_one_each() -> None:
    stats = count("iPhone 16 e.g. don’t 3.14 ＣＯＶＩＤ ２０２６")
    assert stats.latin_words == 7  # full-width letters and digits form words like ASCII ones
    assert (stats.cjk_chars, stats.cjk_punctuation) == (0, 0)


def test_count_all_ideograph_blocks() -> None:
    # Extension A, URO, compatibility, Extension B, 〇 and a Kangxi radical from a PDF.
    stats = count("㐀一豈𠀀〇⽇")
    assert stats.cjk_chars == 6
    assert stats.zishu == 6
    assert stats.chars_no_spaces == 6  # 𠀀 is one character, not two surrogates


def test_count_ignores_invisible_characters() -> None:
    stats = count("\ufeff你\u200b好ab\u200bc\ufe00")
    assert (stats.cjk_chars, stats.latin_words, stats.zishu) == (2, 1, 3)
    assert stats.chars_no_spaces == 5


def test_half_width_mark_between_ideographs_counts_like_word() -> None:
    # Word and WPS count a stray "," as a non-Asian word; so do we.
    assert count("你,好").zishu == 3
    assert count("你，好").zishu == 3


def test_count_empty_and_blank() -> None:
    assert count("") == TextStats(0, 0, 0, 0, 0, 0, 0, 0.0)
    assert count(" \n\u3000\t\n").paragraphs == 0


def test_reading_minutes_rates() -> None:
    assert count("字" * 400).reading_minutes == pytest.approx(1.0)
    assert count("word " * 200).reading_minutes == pytest.approx(1.0)


_TEXTS = st.text(
    alphabet=st.sampled_from(list("中文〇あ한，。“”…—ab9Ａ２.,'-  \u3000\n\t\u200b𠀀")), max_size=40
)


@given(_TEXTS, _TEXTS)
def test_counts_add_up_across_a_line_break(a: str, b: str) -> None:
    whole, left, right = count(a + "\n" + b), count(a), count(b)
    assert whole.zishu == left.zishu + right.zishu
    assert whole.chars_no_spaces == left.chars_no_spaces + right.chars_no_spaces
    assert whole.zishu == whole.cjk_chars + whole.cjk_punctuation + whole.latin_words
    assert whole.zishu <= whole.chars_no_spaces <= whole.chars_with_spaces <= len(a + b) + 1


# --- punctuation_findings / fix_punctuation ------------------------------------------------------


def _summary(text: str) -> list[tuple[int, int, str, str, PunctuationKind]]:
    return [(f.start, f.end, f.found, f.suggestion, f.kind) for f in punctuation_findings(text)]


def test_half_width_comma_and_period_in_chinese() -> None:
    assert _summary("你好,世界.") == [
        (2, 3, ",", "，", K.HALF_WIDTH_IN_CHINESE),
        (5, 6, ".", "。", K.HALF_WIDTH_IN_CHINESE),
    ]


def test_marks_next_to_chinese_on_either_side() -> None:
    assert fix_punctuation("记者:今天?Hello,世界!") == "记者：今天？Hello，世界！"


def test_spaces_around_a_fixed_mark_go() -> None:
    findings = punctuation_findings("据报道 , 今天")
    assert [(f.start, f.end, f.found) for f in findings] == [(3, 6, " , ")]
    assert fix_punctuation("据报道 , 今天") == "据报道，今天"


def test_straight_quotes_pair_open_and_close() -> None:
    text = '他说:"今天"、"明天"'
    assert fix_punctuation(text) == "他说：“今天”、“明天”"
    kinds = [f.kind for f in punctuation_findings(text)]
    assert kinds == [K.HALF_WIDTH_IN_CHINESE] + [K.STRAIGHT_QUOTE] * 4


def test_quote_around_latin_inside_chinese_becomes_curly() -> None:
    assert fix_punctuation('他说"OK"就走了') == "他说“OK”就走了"


def test_unpaired_quote_opens_a_paragraph_of_a_long_quotation() -> None:
    assert fix_punctuation('"第一段\n"第二段"') == "“第一段\n“第二段”"


def test_brackets_around_or_next_to_chinese() -> None:
    assert fix_punctuation("(新华社)北京") == "（新华社）北京"
    assert fix_punctuation("苹果公司 (Apple) 发布") == "苹果公司（Apple）发布"
    assert fix_punctuation("(2026年）") == "（2026年）"  # a mixed pair is made whole


def test_mark_ending_a_chinese_line_after_a_number_or_name() -> None:
    assert fix_punctuation("注:本文数据截至11:30.") == "注：本文数据截至11:30。"
    assert fix_punctuation("售价$999?\n访问www.example.com.") == "售价$999？\n访问www.example.com。"
    assert fix_punctuation("美国U.S.\nHello world.") == "美国U.S.\nHello world."


def test_ellipsis_in_chinese() -> None:
    assert _summary("他说...然后") == [(2, 5, "...", "……", K.ELLIPSIS)]


@pytest.mark.parametrize(
    "text",
    [
        "价格3.14元",
        "会议12:30开始",
        "共10,000人",
        "访问https://example.com/a?b=1,c了解",
        "访问www.example.com/a.html了解",
        "请联系press@example.com。",
        "Wait... what",
        "例如e.g.苹果",
        "美国U.S.总统",
        "苹果Inc.发布",
        "1.引言",
        "f(x)的值",
        "iPhone(US)版",
        "Hello, world. It's 3:30!",
        "“你好”，他说。",
        "比分1:0",
    ],
)
def test_correct_text_is_left_alone(text: str) -> None:
    assert punctuation_findings(text) == []


def test_full_width_marks_between_latin_words() -> None:
    assert _summary("hello，world") == [(5, 6, "，", ", ", K.FULL_WIDTH_IN_LATIN)]
    assert fix_punctuation("1，000") == "1,000"
    assert fix_punctuation("12：30") == "12:30"
    assert fix_punctuation("Really？Yes") == "Really? Yes"
    assert fix_punctuation("用iPhone！") == "用iPhone！"  # may end a Chinese sentence: kept
    assert fix_punctuation("The result （see above） is") == "The result (see above) is"


def test_full_width_mark_next_to_chinese_is_kept() -> None:
    assert punctuation_findings("苹果，Apple") == []
    assert punctuation_findings("2026年1月，3日") == []


def test_offsets_index_the_given_string_with_astral_characters() -> None:
    text = "𠀀𠀁,𠀂"
    [finding] = punctuation_findings(text)
    assert text[finding.start : finding.end] == "," == finding.found


def test_fix_applies_only_the_given_findings() -> None:
    text = "你好,世界!"
    first, _ = punctuation_findings(text)
    assert fix_punctuation(text, [first]) == "你好，世界!"
    assert fix_punctuation(text, []) == text


def test_fix_refuses_stale_findings() -> None:
    stale = PunctuationFinding(2, 3, ",", "，", K.HALF_WIDTH_IN_CHINESE)
    with pytest.raises(ValueError, match="out of date"):
        fix_punctuation("你好。世界", [stale])


_PIECES = st.sampled_from(
    [
        *"中文好あaZe9 1.,;:?!()\"（），。；：？！＂…“”\n\t_/%-—、'",
        "...",
        "..",
        "e.g.",
        "https://a.b/",
        "www.",
        "x@y.cn",
        "1.",
        "Inc.",
        "\u3000",
        "\r\n",
        "12:30",
        "3.14",
        "\u200b",
        "𠀀",
    ]
)
_MIXED = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=500)
@given(_MIXED)
def test_findings_are_ordered_disjoint_and_index_the_text(text: str) -> None:
    end = 0
    for finding in punctuation_findings(text):
        assert end <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.found
        assert finding.found != finding.suggestion
        end = finding.end


@settings(max_examples=1000)
@given(_MIXED)
@example("中https://a.b/，a?_")  # fixing the comma inside the address once ended the address there
def test_fix_is_idempotent(text: str) -> None:
    fixed = fix_punctuation(text)
    assert punctuation_findings(fixed) == []
    assert fix_punctuation(fixed) == fixed
