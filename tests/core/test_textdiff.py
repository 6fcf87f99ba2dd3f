"""Comparing revisions: units, cleaned-up segments, paragraph rows, HTML, and properties."""

from __future__ import annotations

import random
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.textdiff import (
    ParagraphDiff,
    Segment,
    diff,
    diff_html,
    diff_paragraphs,
    html_paragraphs,
    similarity,
    units,
)


def eq(text: str) -> Segment:
    return Segment("equal", text, text)


def ins(text: str) -> Segment:
    return Segment("insert", "", text)


def dele(text: str) -> Segment:
    return Segment("delete", text, "")


def rep(old: str, new: str) -> Segment:
    return Segment("replace", old, new)


def unchanged(text: str) -> ParagraphDiff:
    return ParagraphDiff(text, text, (eq(text),))


# --- units -------------------------------------------------------------------------------------


def test_units_ideographs_and_marks_alone_latin_runs_whole() -> None:
    assert units("COVID-19疫情，“3.14” e.g. don't  ＡＢＣ２０２６年\n\n") == [
        "COVID-19",
        "疫",
        "情",
        "，",
        "“",
        "3.14",
        "”",
        " ",
        "e.g",
        ".",
        " ",
        "don't",
        "  ",
        "ＡＢＣ２０２６",
        "年",
        "\n\n",
    ]


def test_units_keep_accents_kana_and_hangul() -> None:
    assert units("cafe\u0301 カナ한글_x") == ["cafe\u0301", " ", "カ", "ナ", "한", "글", "_", "x"]


# --- diff ----------------------------------------------------------------------------------------


def test_insert_phrase_in_middle_of_sentence() -> None:
    assert diff("我们今天去北京开会。", "我们今天下午去北京开会。") == [
        eq("我们今天"),
        ins("下午"),
        eq("去北京开会。"),
    ]


def test_replace_a_word() -> None:
    assert diff("国务院总理出席了会议。", "国务院副总理出席了会议。") == [
        eq("国务院"),
        ins("副"),
        eq("总理出席了会议。"),
    ]
    assert diff("他表示强烈反对。", "他表示坚决支持。") == [
        eq("他表示"),
        rep("强烈反对", "坚决支持"),
        eq("。"),
    ]


def test_delete_clause_with_its_comma() -> None:
    assert diff("会议决定，由于天气原因，比赛推迟举行。", "会议决定，比赛推迟举行。") == [
        eq("会议决定，"),
        dele("由于天气原因，"),
        eq("比赛推迟举行。"),
    ]


def test_deletion_moves_to_after_the_comma() -> None:
    # "，乙" and "乙，" are equally valid deletions; the mark stays with the text before it.
    assert diff("甲，乙，丙", "甲，丙") == [eq("甲，"), dele("乙，"), eq("丙")]
    assert diff("甲，丙", "甲，乙，丙") == [eq("甲，"), ins("乙，"), eq("丙")]


def test_latin_run_inside_chinese_is_replaced_whole() -> None:
    assert diff("苹果公司发布了iPhone 17。", "苹果公司发布了iPhone 18。") == [
        eq("苹果公司发布了iPhone "),
        rep("17", "18"),
        eq("。"),
    ]
    assert diff("发布了iPhone17", "发布了iPhone18") == [eq("发布了"), rep("iPhone17", "iPhone18")]
    assert diff("COVID-19疫情", "COVID-20疫情") == [rep("COVID-19", "COVID-20"), eq("疫情")]


def test_punctuation_fix() -> None:
    assert diff("你好,世界", "你好，世界") == [eq("你好"), rep(",", "，"), eq("世界")]


def test_unchanged_start_and_end_stay_equal() -> None:
    assert diff("今天天气很好", "明天天气不错") == [
        rep("今", "明"),
        eq("天天气"),
        rep("很好", "不错"),
    ]


def test_lone_common_character_is_absorbed() -> None:
    assert diff("他认为这个方案可行", "她觉得那个计划不行") == [
        rep("他认为这个方案可", "她觉得那个计划不"),
        eq("行"),
    ]


def test_lone_common_mark_is_absorbed() -> None:
    assert diff("甲乙，丙丁", "子丑，寅卯") == [rep("甲乙，丙丁", "子丑，寅卯")]
    assert diff("hello world", "goodbye earth") == [rep("hello world", "goodbye earth")]


def test_line_breaks_are_never_absorbed() -> None:
    assert diff("甲\n乙", "丙\n丁") == [rep("甲", "丙"), eq("\n"), rep("乙", "丁")]


def test_edits_in_different_sentences_stay_apart() -> None:
    old = "第一句没有变。市长今天上午视察了工地。第三句也没变。"
    new = "第一句没有变。市长昨天下午视察了工地。第三句也没变。"
    assert diff(old, new) == [
        eq("第一句没有变。市长"),
        rep("今天上", "昨天下"),
        eq("午视察了工地。第三句也没变。"),
    ]


def test_empty_and_whole_text_changes() -> None:
    assert diff("", "") == []
    assert diff("", "新") == [ins("新")]
    assert diff("旧", "") == [dele("旧")]
    assert diff("新闻", "新闻") == [eq("新闻")]


# --- similarity ---------------------------------------------------------------------------------


def test_similarity_by_units() -> None:
    assert similarity("", "") == 1.0
    assert similarity("甲", "") == 0.0
    assert similarity("甲乙", "丙丁") == 0.0
    assert similarity("今天天气很好", "明天天气不错") == 0.5
    assert similarity("iPhone 17", "iPhone 18") == 2 * 2 / 6


# --- paragraphs ----------------------------------------------------------------------------------


def test_paragraphs_inserted_deleted_edited_and_unchanged() -> None:
    old = "\n\n".join(
        [
            "本报讯 记者张三报道。",
            "昨天下午，市政府召开新闻发布会。",
            "这一段将被删除，内容与其他段落完全无关。",
            "发布会上，市长介绍了今年的工作重点。",
            "结尾段落保持不变。",
        ]
    )
    new = "\n".join(
        [
            "本报讯 记者张三报道。",
            "昨天下午，市政府召开新闻发布会。",
            "发布会上，副市长介绍了明年的工作重点。",
            "新增加的一段：记者还采访了几位市民。",
            "结尾段落保持不变。",
        ]
    )
    assert diff_paragraphs(old, new) == [
        unchanged("本报讯 记者张三报道。"),
        unchanged("昨天下午，市政府召开新闻发布会。"),
        ParagraphDiff(
            "这一段将被删除，内容与其他段落完全无关。",
            None,
            (dele("这一段将被删除，内容与其他段落完全无关。"),),
        ),
        ParagraphDiff(
            "发布会上，市长介绍了今年的工作重点。",
            "发布会上，副市长介绍了明年的工作重点。",
            (
                eq("发布会上，"),
                ins("副"),
                eq("市长介绍了"),
                rep("今", "明"),
                eq("年的工作重点。"),
            ),
        ),
        ParagraphDiff(
            None,
            "新增加的一段：记者还采访了几位市民。",
            (ins("新增加的一段：记者还采访了几位市民。"),),
        ),
        unchanged("结尾段落保持不变。"),
    ]


def test_paragraph_rows_flag_changes() -> None:
    rows = diff_paragraphs("甲。\n乙。", "甲。\n丙。")
    assert [row.changed for row in rows] == [False, True, True]  # 乙。 and 丙。 are not alike


def test_edited_paragraphs_pair_by_similarity_not_position() -> None:
    old = "完全不同的旧段落。\n记者从市交通局获悉，地铁五号线将于年底开通。"
    new = "记者从市交通局获悉，地铁五号线将于明年开通。"
    rows = diff_paragraphs(old, new)
    assert rows[0] == ParagraphDiff("完全不同的旧段落。", None, (dele("完全不同的旧段落。"),))
    assert rows[1].old == "记者从市交通局获悉，地铁五号线将于年底开通。"
    assert rows[1].segments == (
        eq("记者从市交通局获悉，地铁五号线将于"),
        rep("年底", "明年"),
        eq("开通。"),
    )


# --- HTML --------------------------------------------------------------------------------------


def test_html_paragraphs_one_per_block() -> None:
    html = (
        "<h2>标题</h2><p>第一段<b>加粗</b>文字，&amp; 实体。<br>换行后</p>"
        "<ul><li>要点一</li><li><p>要点二</p></li></ul>"
        "<table><tr><td>单元格</td><td> 甲\n  乙 </td></tr></table>"
        "<script>var x = 1;</script><blockquote>引文</blockquote>"
    )
    assert html_paragraphs(html) == [
        "标题",
        "第一段加粗文字，& 实体。",
        "换行后",
        "要点一",
        "要点二",
        "单元格",
        "甲 乙",
        "引文",
    ]


def test_diff_html_with_lists_and_headings() -> None:
    old = (
        "<h2>城市建设新进展</h2><p>今年全市新建公园十个。</p>"
        "<ul><li>东区公园</li><li>西区公园</li></ul><h3>下一步</h3><p>继续推进。</p>"
    )
    new = (
        "<h2>城市建设取得新进展</h2><p>今年全市新建公园十个。</p>"
        "<ul><li>东区公园</li><li>南区公园</li><li>西区公园</li></ul><h3>下一步</h3>"
    )
    assert diff_html(old, new) == [
        ParagraphDiff(
            "城市建设新进展",
            "城市建设取得新进展",
            (eq("城市建设"), ins("取得"), eq("新进展")),
        ),
        unchanged("今年全市新建公园十个。"),
        unchanged("东区公园"),
        ParagraphDiff(None, "南区公园", (ins("南区公园"),)),
        unchanged("西区公园"),
        unchanged("下一步"),
        ParagraphDiff("继续推进。", None, (dele("继续推进。"),)),
    ]


# --- large articles ------------------------------------------------------------------------------


def _article(rng: random.Random, chars: int) -> list[str]:
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    paragraphs = []
    while sum(len(p) for p in paragraphs) < chars:
        sentences = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 30))) + rng.choice("，。")
            for _ in range(rng.randint(2, 6))
        ]
        paragraphs.append("".join(sentences) + "。")
    return paragraphs


def test_hundred_thousand_character_articles() -> None:
    rng = random.Random(7)
    old_paragraphs = _article(rng, 100_000)
    new_paragraphs = list(old_paragraphs)
    new_paragraphs[10] = new_paragraphs[10][:5] + "插入的新内容" + new_paragraphs[10][5:]
    del new_paragraphs[200]
    new_paragraphs.insert(400, "新增的一整段，记者补充采访。")
    new_paragraphs[-3] = new_paragraphs[-3].replace("的", "地", 1)
    old, new = "\n".join(old_paragraphs), "\n".join(new_paragraphs)
    rows = diff_paragraphs(old, new)
    assert [row.old for row in rows if row.old is not None] == old_paragraphs
    assert [row.new for row in rows if row.new is not None] == new_paragraphs
    assert sum(row.changed for row in rows) == 4
    segments = diff(old, new)
    assert "".join(s.old for s in segments) == old
    assert "".join(s.new for s in segments) == new


# --- properties ---------------------------------------------------------------------------------

_pieces = st.sampled_from(
    [*"新闻的发布，。“”、ab1-.'", " ", "\n", "\n\n", "\u3000", ",", "COVID", "iPhone", "カ", "한"]
)
texts = st.one_of(
    st.lists(_pieces, max_size=30).map("".join),
    st.text(max_size=30),
)


@given(texts, texts)
@settings(max_examples=400)
def test_segments_reconstruct_both_texts(old: str, new: str) -> None:
    segments = diff(old, new)
    assert "".join(s.old for s in segments) == old
    assert "".join(s.new for s in segments) == new
    for s in segments:
        assert s.old or s.new
        assert (s.kind == "equal") == (s.old == s.new)
        assert (s.kind == "insert") == (not s.old)
        assert (s.kind == "delete") == (not s.new)
    # Equal and edited segments alternate.
    assert all((a.kind == "equal") != (b.kind == "equal") for a, b in pairwise(segments))


@given(texts)
def test_identical_texts_are_one_equal_segment(text: str) -> None:
    assert diff(text, text) == ([eq(text)] if text else [])
    assert similarity(text, text) == 1.0


@given(texts, texts)
@settings(max_examples=300)
def test_diff_is_symmetric(old: str, new: str) -> None:
    mirrored = {"insert": "delete", "delete": "insert", "equal": "equal", "replace": "replace"}
    assert diff(new, old) == [Segment(mirrored[s.kind], s.new, s.old) for s in diff(old, new)]
    assert similarity(old, new) == similarity(new, old)
    assert 0.0 <= similarity(old, new) <= 1.0


@given(st.lists(texts, max_size=8), st.lists(texts, max_size=8))
@settings(max_examples=200)
def test_paragraph_rows_cover_both_texts(old_lines: list[str], new_lines: list[str]) -> None:
    old, new = "\n".join(old_lines), "\n".join(new_lines)
    rows = diff_paragraphs(old, new)
    kept = [line for line in old.splitlines() if line.strip()]
    assert [row.old for row in rows if row.old is not None] == kept
    assert [row.new for row in rows if row.new is not None] == [
        line for line in new.splitlines() if line.strip()
    ]
    for row in rows:
        assert row.old is not None or row.new is not None
        assert "".join(s.old for s in row.segments) == (row.old or "")
        assert "".join(s.new for s in row.segments) == (row.new or "")
