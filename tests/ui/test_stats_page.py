"""The 统计 page through real widgets on the demo newsroom: an account, its month, a target,
and a register with an overdue 咨询 shown in the palette's error colour; screenshots in zh_CN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.operations import target_id
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.stats.page import MessagesTab, PlatformTab, StatsPage, TargetsTab
from newsdesk.ui.widgets.palette import colours

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def applied(qtbot: QtBot, session: Session, mutations: list[Mutation]) -> None:
    done: list[bool] = []
    session.apply(mutations, lambda results: done.append(all(r.accepted for r in results)))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [True]


def test_the_stats_page_shows_accounts_targets_and_an_overdue_enquiry(
    qtbot: QtBot, qapp: QApplication, chinese: None, sign_in: Callable[[str], Session]
) -> None:
    chief = sign_in("chief")
    channel = sorted(chief.actor.channels())[0]
    add = chief.mutation(
        Kind.ACCOUNT_ADD, channel_id=channel, platform="wechat", name="城市日报公众号"
    )
    applied(qtbot, chief, [add])
    account = add.entity
    applied(
        qtbot,
        chief,
        [
            chief.mutation(Kind.ACCOUNT_RECORD_MONTH, account, month="2026-11", followers=48210),
            chief.mutation(
                Kind.ACCOUNT_IMPORT,
                account,
                figures=[{"title": "古籍修复展开幕", "published_on": "2026-11-10", "reads": 12034}],
                messages=[
                    {
                        "text": "请问少儿借阅证怎么办理？",
                        "author": "读者丙",
                        "received_at": "2026-11-02T10:00:00+08:00",
                        "category": "enquiry",
                    },
                    {
                        "text": "希望增加自习座位",
                        "author": "李老师",
                        "received_at": (dt.datetime.now(dt.UTC)).isoformat(),
                        "category": "suggestion",
                    },
                ],
            ),
        ],
    )
    admin = sign_in("admin")
    year = dt.date.today().year
    applied(
        qtbot,
        admin,
        [
            admin.mutation(
                Kind.TARGET_SET,
                target_id(channel, None, year),
                channel_id=channel,
                year=year,
                publications=600,
                reads=2_000_000,
                followers=60_000,
            )
        ],
    )
    page = StatsPage(chief, SnapshotStore(chief))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    platform = page.tab["platform"]
    assert isinstance(platform, PlatformTab)
    qtbot.waitUntil(lambda: platform.accounts_table.rowCount() == 1, timeout=10_000)
    assert platform.accounts_table.item(0, 1).text() == "微信公众号"
    assert platform.months_table.item(0, 2).text() == "48,210"
    register = page.tab["messages"]
    assert isinstance(register, MessagesTab)
    assert [m.author for m in register.shown] == ["李老师", "读者丙"]
    error = colours(register.palette()).qcolor("error")
    assert register.table.item(1, 0).foreground().color() == error  # 咨询 of 11/2: overdue
    assert register.table.item(0, 0).foreground().color() != error
    register.category.setCurrentIndex(register.category.findData("suggestion"))
    assert [m.author for m in register.shown] == ["李老师"]
    register.category.setCurrentIndex(0)
    targets = page.tab["targets"]
    assert isinstance(targets, TargetsTab)
    assert targets.table.rowCount() == 1
    assert targets.table.item(0, 2).text().endswith(" / 600 (0%)")
    SHOTS.mkdir(exist_ok=True)
    for index, name in enumerate(("platform", "targets", "messages")):
        page.tabs.setCurrentIndex(index)
        qapp.processEvents()
        page.grab().save(str(SHOTS / f"stats_{name}_zh_CN.png"))
