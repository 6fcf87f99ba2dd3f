"""Platform accounts, monthly records, imports, targets and the 留言 register: who may do what,
and a 咨询 that is overdue across a holiday."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsdesk.core.model import (
    AccountMonth,
    MessageClass,
    MessageState,
    PlatformFigures,
    ReaderMessage,
    YearTarget,
)
from newsdesk.core.mutation import Kind
from newsdesk.core.operations import figures_id, is_overdue, month_id, target_id
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.workdays import calendar
from newsdesk.core.world import Changes
from tests.core.newsroom import Newsroom

CST = dt.timezone(dt.timedelta(hours=8))


def account(room: Newsroom, who: str = "chief") -> str:
    return (
        room.must(who, Kind.ACCOUNT_ADD, channel_id=room.news, platform="wechat", name="城市日报")
        .upserts[0]
        .id
    )


def refused(outcome: Any, code: RefusalCode) -> str:
    assert isinstance(outcome, Refusal), outcome
    assert outcome.code == code, outcome
    return str(outcome)


def test_the_chief_keeps_accounts_editors_record_and_only_an_administrator_sets_targets() -> None:
    room = Newsroom()
    refused(
        room.do("editor", Kind.ACCOUNT_ADD, channel_id=room.news, platform="weibo", name="微博"),
        RefusalCode.FORBIDDEN,
    )
    acc = account(room)
    month = room.must("editor", Kind.ACCOUNT_RECORD_MONTH, acc, month="2026-11", followers=12345)
    (record,) = month.upserts
    assert isinstance(record, AccountMonth) and record.id == month_id(acc, "2026-11")
    again = room.must("chief", Kind.ACCOUNT_RECORD_MONTH, acc, month="2026-11", followers=12400)
    assert again.upserts[0].id == record.id and again.upserts[0].followers == 12400
    refused(
        room.do("outsider", Kind.ACCOUNT_RECORD_MONTH, acc, month="2026-11", followers=1),
        RefusalCode.FORBIDDEN,
    )
    refused(
        room.do("editor", Kind.ACCOUNT_RECORD_MONTH, acc, month="2026-13", followers=1),
        RefusalCode.INVALID,
    )
    goal = {"channel_id": room.news, "year": 2027, "publications": 600, "reads": 2_000_000}
    key = target_id(room.news, None, 2027)
    refused(room.do("chief", Kind.TARGET_SET, key, followers=50_000, **goal), RefusalCode.FORBIDDEN)
    set_ = room.must("admin", Kind.TARGET_SET, key, followers=50_000, **goal)
    assert isinstance(set_.upserts[0], YearTarget) and set_.upserts[0].reads == 2_000_000
    refused(
        room.do("admin", Kind.TARGET_SET, target_id(room.news, acc, 2027), followers=1, **goal),
        RefusalCode.INVALID,  # the id says the account's target; the arguments the channel's
    )
    per_account = room.must(
        "admin",
        Kind.TARGET_SET,
        target_id(room.news, acc, 2027),
        account_id=acc,
        followers=9,
        **goal,
    )
    assert per_account.upserts[0].account_id == acc


def test_an_import_is_all_or_nothing_and_a_second_import_replaces_the_figures() -> None:
    room = Newsroom()
    acc = account(room)
    good = {"title": "古籍修复展开幕", "published_on": "2026-11-03", "reads": 1200, "likes": 30}
    bad = {"title": "第二篇", "published_on": "2026-11-31", "reads": 5}
    before = len(room.world.entities)
    message = refused(
        room.do("editor", Kind.ACCOUNT_IMPORT, acc, figures=[good, bad]), RefusalCode.INVALID
    )
    assert "figures[2].published_on" in message
    assert len(room.world.entities) == before
    first = room.must(
        "editor",
        Kind.ACCOUNT_IMPORT,
        acc,
        figures=[good],
        messages=[
            {
                "text": "请问周末开馆吗？",
                "author": "读者甲",
                "received_at": "2026-11-03T09:00:00+08:00",
                "category": "enquiry",
            }
        ],
    )
    figures = [e for e in first.upserts if isinstance(e, PlatformFigures)]
    assert [f.reads for f in figures] == [1200]
    assert figures[0].id == figures_id(acc, "", "古籍修复展开幕", dt.date(2026, 11, 3))
    second = room.must(
        "editor",
        Kind.ACCOUNT_IMPORT,
        acc,
        figures=[{**good, "reads": 1500}],
        messages=[
            {
                "text": "请问周末开馆吗？",
                "author": "读者甲",
                "received_at": "2026-11-03T09:00:00+08:00",
            }
        ],
    )
    assert [(type(e), getattr(e, "reads", None)) for e in second.upserts] == [
        (PlatformFigures, 1500)
    ]


def test_an_item_repeated_in_one_export_is_kept_once_with_its_last_figures() -> None:
    room = Newsroom()
    acc = account(room)
    item = {"title": "早安，城市", "published_on": "2026-11-03", "reads": 800}
    first = room.must(
        "editor", Kind.ACCOUNT_IMPORT, acc, figures=[item, {**item, "reads": 900}]
    ).upserts
    assert [(f.reads, f.row_version) for f in first] == [(900, 1)]
    again = room.must(
        "editor", Kind.ACCOUNT_IMPORT, acc, figures=[{**item, "reads": 950}, {**item, "reads": 990}]
    ).upserts
    assert [(f.reads, f.row_version) for f in again] == [(990, 2)]


def test_an_import_cannot_match_an_article_of_another_channel() -> None:
    room = Newsroom()
    acc = account(room)
    elsewhere = room.new_article(room.library)
    row = {"title": "某文", "published_on": "2026-11-03", "article_id": elsewhere}
    refused(room.do("editor", Kind.ACCOUNT_IMPORT, acc, figures=[row]), RefusalCode.NOT_FOUND)


def test_a_message_is_classified_assigned_answered_and_closed_by_the_channel() -> None:
    room = Newsroom()
    acc = account(room)
    added = room.must(
        "editor",
        Kind.MESSAGE_ADD,
        account_id=acc,
        text="借书证丢了怎么补办？",
        author="读者乙",
        received_at="2026-09-30T16:00:00+08:00",
        category="enquiry",
    )
    (message,) = added.upserts
    assert isinstance(message, ReaderMessage)
    refused(room.do("outsider", Kind.MESSAGE_ANSWER, message.id, answer="x"), RefusalCode.NOT_FOUND)
    refused(
        room.do("chief", Kind.MESSAGE_UPDATE, message.id, assignee=room.ids["outsider"]),
        RefusalCode.INVALID,
    )
    room.must("chief", Kind.MESSAGE_UPDATE, message.id, assignee=room.ids["editor2"])
    answered = room.must(
        "editor2", Kind.MESSAGE_ANSWER, message.id, answer="请携带身份证到总服务台补办。"
    )
    final = answered.upserts[0]
    assert isinstance(final, ReaderMessage)
    assert final.state == MessageState.ANSWERED and final.answered_by == room.ids["editor2"]
    closed = room.must("chief", Kind.MESSAGE_CLOSE, message.id)
    assert closed.upserts[0].state == MessageState.CLOSED  # type: ignore[union-attr]
    refused(
        room.do("editor", Kind.MESSAGE_ANSWER, message.id, answer="再答"), RefusalCode.WRONG_STATE
    )
    assert room.do("chief", Kind.MESSAGE_CLOSE, message.id) == Changes(())


def test_an_enquiry_received_before_national_day_is_overdue_only_after_two_working_days() -> None:
    cal = calendar()
    base = dict(
        id="m", channel_id="c", account_id="a", text="?", created_at=dt.datetime.now(dt.UTC)
    )
    msg = ReaderMessage(
        **base,  # type: ignore[arg-type]
        received_at=dt.datetime(2026, 9, 30, 16, 0, tzinfo=CST),
        category=MessageClass.ENQUIRY,
        updated_at=dt.datetime.now(dt.UTC),
    )
    # Received Wednesday 9/30; 10/1–10/7 off; due by Friday 10/9.
    assert not is_overdue(msg, dt.datetime(2026, 10, 7, 23, 0, tzinfo=CST), cal)
    assert not is_overdue(msg, dt.datetime(2026, 10, 9, 23, 59, tzinfo=CST), cal)
    assert is_overdue(msg, dt.datetime(2026, 10, 10, 8, 0, tzinfo=CST), cal)
    # Just after midnight in China on Saturday 10/10 (worked, 调休): the due day has passed.
    assert is_overdue(msg, dt.datetime(2026, 10, 10, 0, 30, tzinfo=CST), cal)
    for other in (MessageClass.SUGGESTION, MessageClass.COMPLAINT):
        late = dt.datetime(2026, 12, 1, tzinfo=CST)
        assert not is_overdue(msg.__class__(**{**msg.__dict__, "category": other}), late, cal)
    answered = msg.__class__(**{**msg.__dict__, "state": MessageState.ANSWERED})
    assert not is_overdue(answered, dt.datetime(2026, 12, 1, tzinfo=CST), cal)


def test_a_removed_account_takes_no_more_records_and_only_its_keepers_remove_it() -> None:
    room = Newsroom()
    acc = account(room)
    elsewhere = (
        room.must("chief", Kind.ACCOUNT_ADD, channel_id=room.library, platform="app", name="APP")
        .upserts[0]
        .id
    )
    refused(room.do("editor", Kind.ACCOUNT_UPDATE, acc, removed=True), RefusalCode.FORBIDDEN)
    renamed = room.must("chief", Kind.ACCOUNT_UPDATE, acc, name="城市日报服务号")
    assert renamed.upserts[0].name == "城市日报服务号"  # type: ignore[union-attr]
    room.must("admin", Kind.ACCOUNT_UPDATE, acc, removed=True)
    refused(
        room.do("editor", Kind.ACCOUNT_RECORD_MONTH, acc, month="2026-11", followers=1),
        RefusalCode.NOT_FOUND,
    )
    refused(
        room.do("editor", Kind.ACCOUNT_IMPORT, acc, figures=[]),
        RefusalCode.NOT_FOUND,
    )
    goal = {"year": 2027, "publications": 1, "reads": 1, "followers": 1}
    refused(  # an account of another channel cannot carry this channel's target
        room.do(
            "admin",
            Kind.TARGET_SET,
            target_id(room.news, elsewhere, 2027),
            channel_id=room.news,
            account_id=elsewhere,
            **goal,
        ),
        RefusalCode.NOT_FOUND,
    )
    refused(
        room.do(
            "editor",
            Kind.MESSAGE_ADD,
            account_id=acc,
            text="还在吗",
            received_at="2026-11-03T09:00:00+08:00",
        ),
        RefusalCode.NOT_FOUND,
    )
