"""Following a source on the 线索 page's Sources tab, through real widgets over the demo
workspace: the toggle, the bell ringing for a new lead of the source followed (and no longer
once unfollowed), the "only the sources I follow" filter, and the tab in Chinese, light and
dark, at 1280×720."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.core.mutation import Kind
from newsdesk.core.notifications import Event
from newsdesk.core.sources import lead_id
from newsdesk.store.workspace import Workspace
from newsdesk.ui.leads.follows import FollowsModel
from newsdesk.ui.leads.page import LeadsPage
from newsdesk.ui.notifications.bell import Bell
from newsdesk.ui.notifications.center import NotificationCenter
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.theme import apply_theme, style
from newsdesk.ui.widgets.palette import colours, dark_palette
from tests.ui.notices import Told
from tests.ui.test_leads import applied

SHOTS = Path("/tmp/newsdesk-shots")


def add_source(qtbot: QtBot, chief: Session, channel: str, name: str) -> str:
    made = chief.mutation(
        Kind.SOURCE_ADD, channel_id=channel, name=name, url=f"https://{name}.example.cn/rss.xml"
    )
    applied(qtbot, chief, [made])
    return made.entity


def add_lead(qtbot: QtBot, chief: Session, source_id: str, guid: str, title: str) -> str:
    made = chief.mutation(
        Kind.LEAD_ADD,
        lead_id(source_id, guid),
        source_id=source_id,
        guid=guid,
        url=f"https://news.example.cn/{guid}.html",
        title=title,
        published_at=dt.datetime.now(dt.UTC).isoformat(),
    )
    applied(qtbot, chief, [made])
    return made.entity


def the_page(qtbot: QtBot, session: Session) -> LeadsPage:
    snapshots = SnapshotStore(session)
    page = LeadsPage(session, snapshots)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def source_row(qtbot: QtBot, page: LeadsPage, name: str) -> int:
    model = page.follows_tab.model
    qtbot.waitUntil(lambda: any(model.row(r).source.name == name for r in range(model.rowCount())))
    return next(r for r in range(model.rowCount()) if model.row(r).source.name == name)


def test_following_a_source_rings_the_bell_for_its_new_leads_until_unfollowed(
    qtbot: QtBot, workspace: Workspace, sign_in: Callable[[str], Session], english: None
) -> None:
    chief, reviewer = sign_in("chief"), sign_in("reviewer1")
    channel = sorted(reviewer.actor.channels())[0]
    wire = add_source(qtbot, chief, channel, "wire")
    add_source(qtbot, chief, channel, "agency")

    host = QWidget()
    qtbot.addWidget(host)
    settings = QSettings(str(workspace.folder / "reviewer1.ini"), QSettings.Format.IniFormat)
    center = NotificationCenter(reviewer, settings, host, Told())
    bell = Bell(center, host)
    page = the_page(qtbot, reviewer)
    page.tabs.setCurrentWidget(page.follows_tab)
    tab = page.follows_tab
    row = source_row(qtbot, page, "wire")
    assert tab.model.index(row, FollowsModel.FOLLOWING).data() == "Follow"
    tab.table.selectRow(row)
    assert tab.follow_button.text() == "Follow"
    assert "rings your bell" in tab.follow_button.toolTip()
    qtbot.mouseClick(tab.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.row(source_row(qtbot, page, "wire")).following)
    assert tab.follow_button.text() == "Unfollow"
    assert tab.model.index(source_row(qtbot, page, "wire"), FollowsModel.FOLLOWING).data() == (
        "Following"
    )
    check = tab.model.index(source_row(qtbot, page, "wire"), FollowsModel.FOLLOWING)
    assert check.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert tab.message_bar.text == "You follow “wire”: its new leads ring your bell."

    # A reviewer: no lead rang for them before they followed the source.
    lead = add_lead(qtbot, chief, wire, "w1", "暴雨橙色预警")
    with qtbot.waitSignal(center.updated, timeout=10_000):
        center.reload()
    leads = [n for n in center.current.items if n.event is Event.LEAD]
    assert [n.subject_id for n in leads] == [lead]
    assert bell.unread >= 1 and bell.text() == str(bell.unread)

    # The filter keeps the leads of the sources followed.
    page.tabs.setCurrentIndex(0)
    other = add_lead(qtbot, chief, source_row_id(page, "agency"), "a1", "城市书房开放")
    page.reload()
    qtbot.waitUntil(lambda: page.model.row_of(other) is not None)
    page.only_followed.click()
    qtbot.waitUntil(lambda: page.model.row_of(other) is None)
    assert page.model.row_of(lead) is not None
    assert {page.model.lead(r).lead.source_id for r in range(page.model.rowCount())} == {wire}

    # Unfollowed through the check box: the next lead of the source rings nothing.
    page.tabs.setCurrentWidget(tab)
    check = tab.model.index(source_row(qtbot, page, "wire"), FollowsModel.FOLLOWING)
    tab.table.scrollTo(check)
    rect = tab.table.visualRect(check)
    box = QPoint(rect.left() + 10, rect.center().y())  # the check box leads the cell
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=box)
    qtbot.waitUntil(lambda: not tab.model.row(source_row(qtbot, page, "wire")).following)
    later = add_lead(qtbot, chief, wire, "w2", "寒潮蓝色预警")
    with qtbot.waitSignal(center.updated, timeout=10_000):
        center.reload()
    assert later not in {n.subject_id for n in center.current.items}


def source_row_id(page: LeadsPage, name: str) -> str:
    model = page.follows_tab.model
    return next(
        model.row(r).source.id for r in range(model.rowCount()) if model.row(r).source.name == name
    )


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    before, sheet = QPalette(qapp.palette()), qapp.styleSheet()
    qapp.setPalette(dark_palette())
    qapp.setStyleSheet(style(colours()))
    yield
    qapp.setPalette(before)
    qapp.setStyleSheet(sheet)


def shoot(qtbot: QtBot, chief: Session, reviewer: Session, name: str) -> None:
    channel = sorted(reviewer.actor.channels())[0]
    followed = add_source(qtbot, chief, channel, "新华社")
    add_source(qtbot, chief, channel, "人民网")
    applied(qtbot, reviewer, [reviewer.mutation(Kind.SOURCE_FOLLOW, followed, follow=True)])
    page = the_page(qtbot, reviewer)
    page.tabs.setCurrentWidget(page.follows_tab)
    tab = page.follows_tab
    row = source_row(qtbot, page, "新华社")
    qtbot.waitUntil(lambda: tab.model.row(row).following)
    tab.table.selectRow(row)
    assert tab.follow_button.text() == "取消关注"
    assert tab.model.index(row, FollowsModel.FOLLOWING).data() == "已关注"
    assert tab.model.headerData(FollowsModel.FOLLOWING, Qt.Orientation.Horizontal) == "关注"
    assert page.tabs.tabText(1) == "来源"
    assert page.only_followed.text() == "只看我关注的"
    assert tab.follow_button.sizeHint().width() < 200
    SHOTS.mkdir(exist_ok=True)
    assert page.grab().save(str(SHOTS / f"leads-sources-{name}-zh_CN.png"))


@pytest.mark.usefixtures("chinese")
def test_the_sources_tab_in_chinese_light(
    qtbot: QtBot, qapp: QApplication, sign_in: Callable[[str], Session]
) -> None:
    sheet = qapp.styleSheet()
    apply_theme(qapp)
    try:
        shoot(qtbot, sign_in("chief"), sign_in("reviewer1"), "light")
    finally:
        qapp.setStyleSheet(sheet)


@pytest.mark.usefixtures("chinese", "dark")
def test_the_sources_tab_in_chinese_dark(qtbot: QtBot, sign_in: Callable[[str], Session]) -> None:
    shoot(qtbot, sign_in("chief"), sign_in("reviewer1"), "dark")
