"""Operations kept by the store on a real SQLite file and a real PostgreSQL database: an import
lands whole or not at all, and a target and a 留言 read back as they were decided."""

from __future__ import annotations

from sqlalchemy import func, select

from newsdesk.core.model import (
    AccountMonth,
    MessageState,
    PlatformFigures,
    ReaderMessage,
    YearTarget,
)
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.operations import target_id
from newsdesk.core.refusal import Refusal
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.store import Store
from tests.store.test_sources import newsroom_in, one


def count(store: Store, cls: type) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(TABLES[cls])).scalar_one())


def test_operations_round_trip_and_a_bad_import_leaves_nothing(store: Store) -> None:
    room = newsroom_in(store)
    ids = room.ids
    added = one(
        store,
        mutation(
            ids["chief"], Kind.ACCOUNT_ADD, channel_id=room.news, platform="douyin", name="抖音号"
        ),
    )
    assert added.accepted
    acc = added.mutation.entity
    rows = [
        {"title": f"短视频{n}", "published_on": f"2026-11-{n:02d}", "reads": n * 100, "likes": n}
        for n in range(1, 11)
    ]
    broken = one(
        store,
        mutation(
            ids["editor"],
            Kind.ACCOUNT_IMPORT,
            acc,
            figures=[*rows, {"title": "", "published_on": "2026-11-11"}],
        ),
    )
    assert isinstance(broken.outcome, Refusal) and "figures[11].title" in str(broken.outcome)
    assert count(store, PlatformFigures) == 0
    imported = one(
        store,
        mutation(
            ids["editor"],
            Kind.ACCOUNT_IMPORT,
            acc,
            figures=rows,
            messages=[
                {
                    "text": "希望多发亲子活动",
                    "received_at": "2026-11-05T10:00:00+08:00",
                    "category": "suggestion",
                }
            ],
        ),
    )
    assert imported.accepted, imported.outcome
    assert count(store, PlatformFigures) == 10 and count(store, ReaderMessage) == 1
    assert one(
        store,
        mutation(ids["editor"], Kind.ACCOUNT_RECORD_MONTH, acc, month="2026-11", followers=8800),
    ).accepted
    assert count(store, AccountMonth) == 1
    key = target_id(room.news, acc, 2027)
    assert one(
        store,
        mutation(
            ids["admin"],
            Kind.TARGET_SET,
            key,
            channel_id=room.news,
            account_id=acc,
            year=2027,
            publications=300,
            reads=1_000_000,
            followers=20_000,
        ),
    ).accepted
    with store.engine.connect() as conn:
        target = from_row(YearTarget, conn.execute(select(TABLES[YearTarget])).mappings().one())
        message = from_row(
            ReaderMessage, conn.execute(select(TABLES[ReaderMessage])).mappings().one()
        )
    assert (target.account_id, target.reads) == (acc, 1_000_000)
    assert one(
        store, mutation(ids["chief"], Kind.MESSAGE_ANSWER, message.id, answer="谢谢建议")
    ).accepted
    with store.engine.connect() as conn:
        row = conn.execute(select(TABLES[ReaderMessage])).mappings().one()
    assert from_row(ReaderMessage, row).state == MessageState.ANSWERED
