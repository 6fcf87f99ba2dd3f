"""The 统计 page through real widgets on the demo newsroom: an account and its month, an export
imported through the mapping dialog (a bad file first), a target with its progress, and the
留言 register with an overdue 咨询 in the palette's error colour; screenshots in zh_CN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.core.model import MessageState, Platform
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.operations import month_id, target_id
from newsdesk.demo import build_demo
from newsdesk.ingest.platform_data import mapping_setting
from newsdesk.store.workspace import Workspace
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.stats.page import (
    AccountDialog,
    MessageDialog,
    MessagesTab,
    PlatformTab,
    StatsPage,
    TargetDialog,
    TargetsTab,
)
from newsdesk.ui.stats.production import ProductionTab
from newsdesk.ui.widgets.palette import colours

SHOTS = Path("/tmp/newsdesk-shots")
EXPORT = """\
文章标题,发表时间,文章链接,送达人数,阅读次数,阅读人数,分享次数,点赞数,在看数,留言数
城市书房延长开放时间至22点,2026-11-03 18:30,https://mp.weixin.qq.com/s/AbC123,45210,"12,034",9876,456,321,88,42
古籍修复展开幕,2026-11-10 08:00,https://mp.weixin.qq.com/s/XyZ789,45388,1.2万,10020,980,640,120,65
"""


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo before anyone kept its platform accounts, targets or 留言: these tests
    start them."""
    folder = tmp_path_factory.mktemp("demo-without-operations") / "ws"
    with Workspace.open(folder, create=True) as workspace:
        build_demo(workspace, operations=False)
    return folder


def applied(qtbot: QtBot, session: Session, mutations: list[Mutation]) -> None:
    done: list[bool] = []
    session.apply(mutations, lambda results: done.append(all(r.accepted for r in results)))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [True]


def test_the_stats_page_on_a_month_s_first_working_day(
    qtbot: QtBot,
    qapp: QApplication,
    chinese: None,
    sign_in: Callable[[str], Session],
    tmp_path: Path,
) -> None:
    chief = sign_in("chief")
    channel = sorted(chief.actor.channels())[0]
    add = chief.mutation(
        Kind.ACCOUNT_ADD, channel_id=channel, platform="wechat", name="城市日报公众号"
    )
    applied(qtbot, chief, [add])
    account = add.entity
    now = dt.datetime.now(dt.UTC)
    applied(
        qtbot,
        chief,
        [
            chief.mutation(Kind.ACCOUNT_RECORD_MONTH, account, month="2026-11", followers=48210),
            chief.mutation(
                Kind.ACCOUNT_IMPORT,
                account,
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
                        "received_at": now.isoformat(),
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
    assert platform.months_table.item(0, 3).text() == "未附"
    picture = tmp_path / "关注量截图.png"
    assert QImage(120, 80, QImage.Format.Format_RGB32).save(str(picture))
    platform.record_month(platform.accounts[0], "2026-11", 48210, picture)
    qtbot.waitUntil(lambda: platform.months_table.item(0, 3).text() == "已附", timeout=10_000)
    assert "已登记 2026-11 月度数据" in platform.bar.text
    with chief.workspace.store.world() as world:
        recorded = world.account_month(month_id(account, "2026-11"))
    assert recorded is not None and recorded.screenshot is not None
    assert chief.workspace.blobs.path(recorded.screenshot).read_bytes() == picture.read_bytes()
    assert not platform.import_button.isEnabled()  # no account chosen yet
    platform.accounts_table.selectRow(0)
    assert platform.import_button.isEnabled()

    bad = tmp_path / "图文分析_坏.csv"
    bad.write_bytes(EXPORT.replace("2026-11-10 08:00", "2026-11-31 08:00").encode("gbk"))
    dialog = platform.open_import(platform.accounts[0], bad)
    qtbot.waitUntil(lambda: bool(dialog.combos), timeout=10_000)
    assert "第 3 行" in dialog.problems.text() and "不会导入" in dialog.problems.text()
    assert not dialog.ok.isEnabled()
    dialog.resize(1280, 720)
    qapp.processEvents()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "stats-import-bad-zh_CN.png"))
    dialog.reject()

    good = tmp_path / "图文分析_202611.csv"
    good.write_bytes(EXPORT.encode("gbk"))
    dialog = platform.open_import(platform.accounts[0], good)
    qtbot.waitUntil(lambda: bool(dialog.combos), timeout=10_000)
    dialog.combos["在看数"].setCurrentIndex(dialog.combos["在看数"].findData("likes"))
    dialog.combos["点赞数"].setCurrentIndex(0)
    assert dialog.ok.isEnabled() and dialog.preview.rowCount() == 2
    assert dialog.preview.item(1, 3).text() == "12000"
    dialog.resize(1280, 720)
    qapp.processEvents()
    dialog.grab().save(str(SHOTS / "stats-import-preview-zh_CN.png"))
    dialog.ok.click()
    qtbot.waitUntil(lambda: "2 条内容数据" in platform.bar.text, timeout=10_000)
    qtbot.waitUntil(
        lambda: chief.workspace.store.setting(mapping_setting(Platform.WECHAT)) is not None,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: platform.items_table.rowCount() == 2, timeout=10_000)
    assert platform.items_title.text() == "城市日报公众号的内容：2 条"
    assert [platform.items_table.item(r, 2).text() for r in range(2)] == ["12,000", "12,034"]
    assert '"在看数": "likes"' in (
        chief.workspace.store.setting(mapping_setting(Platform.WECHAT)) or ""
    )

    targets = page.tab["targets"]
    assert isinstance(targets, TargetsTab)
    assert not targets.set_button.isVisible()  # a chief does not set targets
    qtbot.waitUntil(
        lambda: (
            targets.table.rowCount() == 1
            and targets.table.item(0, 3).text().startswith("24,034 / 2,000,000")
        ),
        timeout=10_000,
    )
    assert targets.table.item(0, 4).text() == "48,210 / 60,000 (80%)"

    register = page.tab["messages"]
    assert isinstance(register, MessagesTab)
    assert [m.author for m in register.shown] == ["李老师", "读者丙"]
    error = colours(register.palette()).qcolor("error")
    assert register.table.item(1, 0).foreground().color() == error  # the 咨询 of 11/2
    assert register.table.item(0, 0).foreground().color() != error
    assert "1 条咨询超过两个工作日未答复" in register.overdue_note.text()
    assert page.tabs.tabText(page.tabs.indexOf(register)) == "留言（1 条逾期）"
    page.tabs.setCurrentIndex(2)
    qapp.processEvents()
    page.grab().save(str(SHOTS / "stats-messages-overdue-zh_CN.png"))
    register.show_suggestions()
    assert [m.author for m in register.shown] == ["李老师"]
    register.category.setCurrentIndex(0)
    register.table.selectRow(1)
    assert register.answer_button.isEnabled()
    message = register.selected()
    assert message is not None
    editor = next(u for u in register.people[channel] if u.id != chief.user.id)
    register.assign(message, editor)
    qtbot.waitUntil(lambda: register.table.item(1, 3).text() == editor.name, timeout=10_000)
    assert register.bar.text == f"已指派给 {editor.name}。"
    register.answer(message, "请携带户口簿到少儿馆办理。")
    qtbot.waitUntil(lambda: register.overdue_count == 0, timeout=10_000)
    assert register.shown[1].state == MessageState.ANSWERED
    assert register.table.item(1, 0).foreground().color() != error
    assert page.tabs.tabText(page.tabs.indexOf(register)) == "留言"
    register.table.selectRow(1)
    register.close_button.click()
    qtbot.waitUntil(lambda: register.shown[1].state == MessageState.CLOSED, timeout=10_000)
    register.table.selectRow(1)
    assert not register.answer_button.isEnabled()
    register.table.selectRow(0)
    for index, name in enumerate(("platform", "targets", "messages")):
        page.tabs.setCurrentIndex(index)
        qapp.processEvents()
        page.grab().save(str(SHOTS / f"stats-{name}-zh_CN.png"))


def test_a_bad_holiday_file_is_named_above_the_register(
    qtbot: QtBot,
    chinese: None,
    sign_in: Callable[[str], Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    holidays = tmp_path / "holidays.toml"
    holidays.write_text('[2026]\nholidays = ["2026-10-01"]\nworkdays = ["2026-02-30"]\n', "utf-8")
    monkeypatch.setenv("NEWSDESK_HOLIDAYS", str(holidays))
    chief = sign_in("chief")
    page = StatsPage(chief, SnapshotStore(chief))
    qtbot.addWidget(page)
    register = page.tab["messages"]
    assert isinstance(register, MessagesTab)
    page.tabs.setCurrentWidget(register)
    page.show()
    qtbot.waitUntil(register.overdue_note.isVisible, timeout=10_000)
    assert register.overdue_note.text() == (
        f"{holidays} 第 3 行：2026.workdays 中的“2026-02-30”不是 2026 年的 YYYY-MM-DD 日期。"
    )


def test_the_page_opens_on_production_statistics(
    qtbot: QtBot, chinese: None, sign_in: Callable[[str], Session]
) -> None:
    chief = sign_in("chief")
    page = StatsPage(chief, SnapshotStore(chief))
    qtbot.addWidget(page)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())][:3] == [
        "生产统计",
        "平台数据",
        "年度目标",
    ]
    assert isinstance(page.tabs.currentWidget(), ProductionTab)


def test_an_administrator_adds_an_account_sets_its_target_and_registers_a_message(
    qtbot: QtBot, chinese: None, sign_in: Callable[[str], Session]
) -> None:
    admin = sign_in("admin")
    page = StatsPage(admin, SnapshotStore(admin))
    qtbot.addWidget(page)
    platform, targets, register = page.tab["platform"], page.tab["targets"], page.tab["messages"]
    assert isinstance(platform, PlatformTab) and isinstance(targets, TargetsTab)
    assert isinstance(register, MessagesTab)
    qtbot.waitUntil(lambda: bool(platform.channel_names), timeout=10_000)
    channel_id, channel_name = sorted(platform.channel_names.items())[0]

    account = AccountDialog(platform.channel_names)
    qtbot.addWidget(account)
    assert not account.ok.isEnabled()
    account.name.setText("  城市日报抖音号 ")
    account.platform.setCurrentIndex(account.platform.findData("douyin"))
    account.channel.setCurrentIndex(account.channel.findData(channel_id))
    platform.add_account(account)
    qtbot.waitUntil(lambda: platform.accounts_table.rowCount() == 1, timeout=10_000)
    assert platform.bar.text == "已添加账号“城市日报抖音号”。"
    assert platform.accounts_table.item(0, 1).text() == "抖音"
    assert platform.accounts_table.item(0, 2).text() == channel_name

    target = TargetDialog(platform.channel_names, platform.accounts, 2027)
    qtbot.addWidget(target)
    target.channel.setCurrentIndex(target.channel.findData(channel_id))
    target.account.setCurrentIndex(target.account.findData(platform.accounts[0].id))
    target.publications.setValue(240)
    target.reads.setValue(3_000_000)
    target.followers.setValue(80_000)
    targets.year.setValue(2027)
    targets.set_target(target)
    qtbot.waitUntil(lambda: targets.table.rowCount() == 1, timeout=10_000)
    assert [targets.table.item(0, c).text() for c in range(5)] == [
        channel_name,
        "城市日报抖音号",
        "0 / 240 (0%)",
        "0 / 3,000,000 (0%)",
        "0 / 80,000 (0%)",
    ]

    message = MessageDialog(platform.accounts)
    qtbot.addWidget(message)
    message.author.setText("张先生")
    message.category.setCurrentIndex(message.category.findData("complaint"))
    message.received.setDateTime(QDateTime(QDate(2026, 12, 4), QTime(17, 45)))
    message.text.setPlainText("视频里的开放时间写错了")
    register.add_message(message)
    qtbot.waitUntil(lambda: len(register.shown) == 1, timeout=10_000)
    assert [register.table.item(0, c).text() for c in (0, 1, 2, 4, 5)] == [
        "2026-12-04 17:45",
        "投诉",
        "待处理",
        "张先生",
        "视频里的开放时间写错了",
    ]


def test_a_chief_removes_an_account_after_a_question_naming_its_months(
    qtbot: QtBot, qapp: QApplication, chinese: None, sign_in: Callable[[str], Session]
) -> None:
    chief = sign_in("chief")
    channel = sorted(chief.actor.channels())[0]
    kept = chief.mutation(
        Kind.ACCOUNT_ADD, channel_id=channel, platform="weibo", name="城市日报微博"
    )
    gone = chief.mutation(
        Kind.ACCOUNT_ADD, channel_id=channel, platform="douyin", name="城市日报抖音"
    )
    applied(qtbot, chief, [kept, gone])
    applied(
        qtbot,
        chief,
        [
            chief.mutation(Kind.ACCOUNT_RECORD_MONTH, gone.entity, month=month, followers=1000)
            for month in ("2026-09", "2026-10", "2026-11")
        ]
        + [chief.mutation(Kind.ACCOUNT_RECORD_MONTH, kept.entity, month="2026-11", followers=9)],
    )
    page = StatsPage(chief, SnapshotStore(chief))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    platform = page.tab["platform"]
    assert isinstance(platform, PlatformTab)
    qtbot.waitUntil(lambda: platform.months_table.rowCount() == 4, timeout=10_000)
    assert not platform.remove_button.isEnabled()  # no account chosen yet
    row = next(i for i, a in enumerate(platform.accounts) if a.id == gone.entity)
    platform.accounts_table.selectRow(row)
    assert platform.remove_button.isEnabled()

    qtbot.mouseClick(platform.remove_button, Qt.MouseButton.LeftButton)
    box = platform.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "城市日报抖音" in box.text() and "抖音" in box.text()
    assert "3 条月度记录" in box.informativeText()
    SHOTS.mkdir(exist_ok=True)
    box.grab().save(str(SHOTS / "stats-remove-account-zh_CN.png"))
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.wait(100)
    with chief.workspace.store.world() as world:
        account = world.account(gone.entity)
    assert account is not None and not account.removed  # cancelled: nothing happened

    qtbot.mouseClick(platform.remove_button, Qt.MouseButton.LeftButton)
    box = next(b for b in platform.findChildren(QMessageBox) if b.isVisible())
    remove = next(b for b in box.buttons() if b.text() == "移除")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: platform.accounts_table.rowCount() == 1, timeout=10_000)
    assert [a.name for a in platform.accounts] == ["城市日报微博"]
    assert platform.months_table.rowCount() == 1  # its months went with it
    assert "已移除账号“城市日报抖音”" in platform.bar.text
    with chief.workspace.store.world() as world:
        account = world.account(gone.entity)
    assert account is not None and account.removed


def test_an_editor_may_not_remove_an_account(
    qtbot: QtBot, chinese: None, sign_in: Callable[[str], Session]
) -> None:
    chief = sign_in("chief")
    editor = sign_in("editor")
    channel = sorted(editor.actor.channels())[0]
    add = chief.mutation(Kind.ACCOUNT_ADD, channel_id=channel, platform="wechat", name="城市日报")
    applied(qtbot, chief, [add])
    page = StatsPage(editor, SnapshotStore(editor))
    qtbot.addWidget(page)
    platform = page.tab["platform"]
    assert isinstance(platform, PlatformTab)
    qtbot.waitUntil(lambda: platform.accounts_table.rowCount() == 1, timeout=10_000)
    platform.accounts_table.selectRow(0)
    assert platform.month_button.isEnabled()  # an editor records the account's months
    assert not platform.remove_button.isEnabled()  # but only a chief or an admin removes it
