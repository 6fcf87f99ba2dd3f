"""Importing platforms' exports as their back offices write them: 微信公众号's 图文分析 in GBK,
微博's in UTF-8 with a BOM, 抖音's as XLSX, and a file with bad rows that imports nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from newsdesk.core.model import MessageClass, Platform, PlatformFigures, ReaderMessage
from newsdesk.core.mutation import Kind, mutation
from newsdesk.ingest.platform_data import (
    Plan,
    Published,
    RowProblem,
    UnreadableFileError,
    mapping_setting,
    plan,
    read_sheet,
    remembered_mapping,
)
from newsdesk.store.codec import TABLES
from newsdesk.store.store import Store
from tests.store.test_sources import newsroom_in, one

WECHAT_CSV = """\
文章标题,发表时间,文章链接,送达人数,阅读次数,阅读人数,分享次数,点赞数,在看数,留言数
城市书房延长开放时间至22点,2026-11-03 18:30,https://mp.weixin.qq.com/s/AbC123,45210,"12,034",9876,456,321,88,42
古籍修复展开幕 千年典籍重焕新生,2026-11-10 08:00,https://mp.weixin.qq.com/s/XyZ789,45388,1.2万,10020,980,640,120,65
冬季阅读推荐书单,2026-11-17 12:00,,45502,3560,3001,102,87,20,9
"""
WEIBO_CSV = """\
微博内容,发布时间,微博链接,阅读数,转发数,评论数,点赞数
【城市书房】延长开放时间至22点 #阅读#,2026/11/03 19:02,https://weibo.com/1234567890/PaBcD,20567,88,35,410
古籍修复展今日开幕,2026/11/10 09:15,https://weibo.com/1234567890/PqRsT,8890,23,12,156
"""
BAD_CSV = """\
文章标题,发表时间,阅读次数,点赞数
第一篇好好的,2026-11-03 18:30,100,5
,,,
日期错了,2026-11-31 10:00,80,2
阅读数不是数,2026-11-04 10:00,很多,2
"""


def published() -> list[Published]:
    return [
        Published(
            "a-shufang",
            "城市书房延长开放时间至22点",
            ("https://news.example.cn/2026/11/03/shufang.html",),
        ),
        Published("a-guji", "古籍修复展开幕", ("https://mp.weixin.qq.com/s/XyZ789",)),
    ]


def test_a_gbk_wechat_export_is_read_mapped_and_matched_by_address_then_title(
    tmp_path: Path,
) -> None:
    path = tmp_path / "图文分析_202611.csv"
    path.write_bytes(WECHAT_CSV.encode("gbk"))
    sheet = read_sheet(path)
    mapping = remembered_mapping(Platform.WECHAT, sheet.headers, None)
    assert mapping == {
        "文章标题": "title",
        "发表时间": "published_on",
        "文章链接": "url",
        "阅读次数": "reads",
        "分享次数": "shares",
        "点赞数": "likes",
        "留言数": "comments",
    }
    made = plan(sheet, mapping, published())
    assert isinstance(made, Plan)
    assert [
        (f["title"][:4], f["reads"], f["likes"], f["shares"], f["comments"]) for f in made.figures
    ] == [
        ("城市书房", 12034, 321, 456, 42),
        ("古籍修复", 12000, 640, 980, 65),
        ("冬季阅读", 3560, 87, 102, 9),
    ]
    # The first by its title (our address differs), the second by its address (the title differs).
    assert [f.get("article_id") for f in made.figures] == ["a-shufang", "a-guji", None]
    assert made.matched == 2
    assert made.figures[2]["published_on"] == "2026-11-17" and "url" not in made.figures[2]


def test_a_weibo_export_with_a_bom_and_a_remembered_mapping(tmp_path: Path) -> None:
    path = tmp_path / "weibo.csv"
    path.write_bytes(WEIBO_CSV.encode("utf-8-sig"))
    sheet = read_sheet(path)
    assert sheet.headers[0] == "微博内容"
    chosen = '{"微博内容": "title", "发布时间": "published_on", "阅读数": "reads", "已删": "likes"}'
    mapping = remembered_mapping(Platform.WEIBO, sheet.headers, chosen)
    assert mapping == {"微博内容": "title", "发布时间": "published_on", "阅读数": "reads"}
    made = plan(sheet, mapping, [])
    assert isinstance(made, Plan)
    assert [(f["reads"], f["likes"]) for f in made.figures] == [(20567, 0), (8890, 0)]


def test_a_douyin_xlsx_with_comments_classified_as_messages(tmp_path: Path) -> None:
    path = tmp_path / "抖音作品数据.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["作品名称", "发布时间", "作品链接", "播放量", "点赞量", "评论量", "分享量"])
    sheet.append(
        [
            "馆员带你看古籍修复",
            "2026-11-11 20:00:00",
            "https://www.douyin.com/video/7301",
            56000,
            2300,
            140,
            310,
        ]
    )
    sheet.append(["", "", "", None, None, None, None])
    book.create_sheet("说明")
    book.save(path)
    made = plan(
        read_sheet(path), remembered_mapping(Platform.DOUYIN, read_sheet(path).headers, None), []
    )
    assert isinstance(made, Plan)
    assert made.figures == [
        {
            "title": "馆员带你看古籍修复",
            "published_on": "2026-11-11",
            "url": "https://www.douyin.com/video/7301",
            "reads": 56000,
            "likes": 2300,
            "shares": 310,
            "comments": 140,
        }
    ]
    messages = tmp_path / "留言.csv"
    messages.write_text(
        "留言内容,留言人,留言时间,分类\n"
        "周末几点开门？,小王,2026-12-04 21:10,咨询\n"
        "希望增加自习座位,李老师,2026-12-05 09:00,建议\n",
        encoding="utf-8",
    )
    register = plan(
        read_sheet(messages),
        remembered_mapping(Platform.WECHAT, read_sheet(messages).headers, None),
        [],
    )
    assert isinstance(register, Plan)
    assert [(m["author"], m["category"], m["received_at"]) for m in register.messages] == [
        ("小王", MessageClass.ENQUIRY.value, "2026-12-04T21:10:00+08:00"),
        ("李老师", MessageClass.SUGGESTION.value, "2026-12-05T09:00:00+08:00"),
    ]


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(
    tmp_path: Path, store: Store
) -> None:
    room = newsroom_in(store)
    account = one(
        store,
        mutation(
            room.ids["chief"],
            Kind.ACCOUNT_ADD,
            channel_id=room.news,
            platform="wechat",
            name="公众号",
        ),
    ).mutation.entity
    path = tmp_path / "bad.csv"
    path.write_bytes(BAD_CSV.encode("gbk"))
    sheet = read_sheet(path)
    made = plan(sheet, remembered_mapping(Platform.WECHAT, sheet.headers, None), [])
    assert isinstance(made, list)
    assert [(p.line, str(p.message)) for p in made] == [
        (4, "“2026-11-31 10:00” is not a date (column “发表时间”)."),
        (5, "“很多” is not a count (column “阅读次数”)."),
    ]
    assert all(isinstance(p, RowProblem) for p in made)
    with store.engine.connect() as conn:
        assert (
            conn.execute(select(func.count()).select_from(TABLES[PlatformFigures])).scalar_one()
            == 0
        )
    store.set_setting(
        mapping_setting(Platform.WECHAT), '{"文章标题": "title", "发表时间": "published_on"}'
    )
    fixed = path.with_name("fixed.csv")
    fixed.write_bytes(
        BAD_CSV.replace("2026-11-31", "2026-11-30").replace("很多", "60").encode("gbk")
    )
    sheet = read_sheet(fixed)
    mapping = remembered_mapping(
        Platform.WECHAT, sheet.headers, store.setting(mapping_setting(Platform.WECHAT))
    )
    good = plan(sheet, mapping, [])
    assert isinstance(good, Plan) and len(good.figures) == 3
    assert one(
        store, mutation(room.ids["editor"], Kind.ACCOUNT_IMPORT, account, **good.args())
    ).accepted
    with store.engine.connect() as conn:
        assert (
            conn.execute(select(func.count()).select_from(TABLES[PlatformFigures])).scalar_one()
            == 3
        )
        assert (
            conn.execute(select(func.count()).select_from(TABLES[ReaderMessage])).scalar_one() == 0
        )


def test_files_that_cannot_be_read_say_why(tmp_path: Path) -> None:
    other = tmp_path / "数据.txt"
    other.write_text("标题\n", encoding="utf-8")
    empty = tmp_path / "空.csv"
    empty.write_bytes("\ufeff\n,,\n".encode())
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    for path, says in (
        (other, "“数据.txt” is not a CSV or XLSX file."),
        (empty, "The file has no rows."),
        (broken, "Cannot read the workbook:"),
    ):
        with pytest.raises(UnreadableFileError) as caught:
            read_sheet(path)
        assert str(caught.value).startswith(says)


def test_a_file_mapped_without_a_title_or_message_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "weibo.csv"
    path.write_bytes(WEIBO_CSV.encode("utf-8-sig"))
    problems = plan(read_sheet(path), {"阅读数": "reads"}, [])
    assert isinstance(problems, list)
    assert [str(p.message) for p in problems] == [
        "No column is mapped to the title or to the message text."
    ]
