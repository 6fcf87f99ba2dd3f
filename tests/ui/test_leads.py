"""The 线索 page and the Admin page's Sources tab, driven through their real widgets over a
demo workspace: leads newest first and unread in bold, J/K, Delete with Undo, the duplicate
hint, and a lead turned into a proposal or a repost; sources added, checked and paused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.core.i18n import Message
from newsdesk.core.model import MaterialKind
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.sources import lead_id
from newsdesk.store import polls
from newsdesk.ui.admin.page import AdminPage
from newsdesk.ui.editor.repost_dialog import RepostDialog
from newsdesk.ui.leads.model import LeadsModel
from newsdesk.ui.leads.page import LeadsPage
from newsdesk.ui.proposals.editor import ProposalEditor
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore

SHOTS = Path("/tmp/newsdesk-shots")
NOW = dt.datetime.now(dt.UTC)


def applied(qtbot: QtBot, session: Session, mutations: list[Mutation]) -> None:
    done: list[bool] = []
    session.apply(mutations, lambda results: done.append(all(r.accepted for r in results)))
    qtbot.waitUntil(lambda: bool(done))
    assert done == [True]


def newsroom_with_leads(qtbot: QtBot, session: Session) -> tuple[SnapshotStore, str, str]:
    """A source in the chief's first channel with three leads, one like an existing proposal;
    returns the snapshots, the source's id and that proposal's title."""
    snapshots = SnapshotStore(session)
    snapshots.reload()
    qtbot.waitUntil(lambda: snapshots.current is not None)
    assert snapshots.current is not None
    proposal = next(
        c.proposal for c in snapshots.current.cards if c.proposal and len(c.proposal.angle) > 30
    )
    source = session.mutation(
        Kind.SOURCE_ADD,
        channel_id=proposal.channel_id,
        name="新华社",
        url="https://feeds.example.cn/xinhua.xml",
    )
    items = [
        ("a", "国务院常务会议部署冬季能源保供", "会议指出要做好冬季能源保供。", 3),
        ("b", proposal.title, proposal.angle, 2),
        ("c", "寒潮蓝色预警发布", "中央气象台发布寒潮蓝色预警。", 1),
    ]
    leads = [
        session.mutation(
            Kind.LEAD_ADD,
            lead_id(source.entity, guid),
            source_id=source.entity,
            guid=guid,
            url=f"https://news.example.cn/{guid}.html",
            title=title,
            summary=summary,
            published_at=(NOW - dt.timedelta(hours=hours)).isoformat(),
        )
        for guid, title, summary, hours in items
    ]
    applied(qtbot, session, [source, *leads])
    return snapshots, source.entity, proposal.title


def leads_page(qtbot: QtBot, session: Session, snapshots: SnapshotStore) -> LeadsPage:
    page = LeadsPage(session, snapshots)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    return page


def titles(page: LeadsPage) -> list[str]:
    return [page.model.lead(r).lead.title for r in range(page.model.rowCount())]


def bold(page: LeadsPage, row: int) -> bool:
    font = page.model.data(page.model.index(row, LeadsModel.TITLE), Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def test_leads_newest_first_read_when_shown_and_walked_with_j_and_k(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None
) -> None:
    session = sign_in("chief")
    snapshots, _, like = newsroom_with_leads(qtbot, session)
    page = leads_page(qtbot, session, snapshots)
    assert titles(page) == ["寒潮蓝色预警发布", like, "国务院常务会议部署冬季能源保供"]
    qtbot.waitUntil(lambda: not bold(page, 0))  # shown, so read
    assert bold(page, 1) and bold(page, 2)
    assert page.unread_label.text() == "2 unread of 3"
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_J)
    assert page.current().lead.title == like  # type: ignore[union-attr]
    assert page.title.text() == like
    qtbot.waitUntil(lambda: page.similar_hint.isVisible())
    assert page.similar_hint.text().startswith(f"Similar: “{like}”")
    qtbot.waitUntil(lambda: not bold(page, 1))
    qtbot.keyClick(page.view, Qt.Key.Key_K)
    assert page.current().lead.title == "寒潮蓝色预警发布"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not page.similar_hint.isVisible())


def test_delete_dismisses_for_everyone_and_undo_brings_it_back(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None
) -> None:
    chief = sign_in("chief")
    snapshots, _, like = newsroom_with_leads(qtbot, chief)
    page = leads_page(qtbot, chief, snapshots)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert titles(page) == [like, "国务院常务会议部署冬季能源保供"]
    assert page.current().lead.title == like  # type: ignore[union-attr]
    assert page.message_bar.text == "Dismissed “寒潮蓝色预警发布” for everyone."
    assert page.undo_button.isVisible()
    editor_view = leads_page_of_other(qtbot, sign_in("editor"), 2)
    assert "寒潮蓝色预警发布" not in titles(editor_view)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert not page.undo_button.isVisible()
    assert "is back among the leads" in page.message_bar.text


def leads_page_of_other(qtbot: QtBot, session: Session, count: int) -> LeadsPage:
    page = LeadsPage(session, SnapshotStore(session))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == count)
    return page


def test_a_lead_becomes_a_proposal_or_a_repost(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None
) -> None:
    session = sign_in("chief")
    snapshots, _, _ = newsroom_with_leads(qtbot, session)
    page = leads_page(qtbot, session, snapshots)
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    editor = page.findChild(ProposalEditor)
    assert editor is not None and editor.isVisible()
    lead = page.current()
    assert lead is not None
    assert editor.title_edit.text() == "寒潮蓝色预警发布"
    assert editor.angle_edit.toPlainText() == "中央气象台发布寒潮蓝色预警。"
    assert editor.channel_box.currentData() == lead.lead.channel_id
    (link,) = editor.materials_box.materials()
    assert (link.kind, link.value, link.label) == (MaterialKind.LINK, lead.lead.url, "新华社")
    editor.reject()
    qtbot.mouseClick(page.repost_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RepostDialog)
    assert dialog is not None and dialog.isVisible()
    assert lead.lead.url in dialog.addresses.toPlainText()
    dialog.reject()


def test_the_leads_page_in_chinese(
    qtbot: QtBot, sign_in: Callable[[str], Session], chinese: None
) -> None:
    session = sign_in("chief")
    snapshots, _, like = newsroom_with_leads(qtbot, session)
    page = leads_page(qtbot, session, snapshots)
    page.view.selectRow(1)
    qtbot.waitUntil(lambda: page.similar_hint.isVisible() and not bold(page, 1))
    assert page.similar_hint.text().startswith(f"相似：《{like}》")
    assert page.propose_button.text() == "报题…" and page.repost_button.text() == "转载…"
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "leads_page.png"))


def admin_sources(qtbot: QtBot, session: Session) -> AdminPage:
    page = AdminPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.tabs.setCurrentWidget(page.sources_tab)
    return page


def test_an_administrator_adds_checks_and_pauses_sources(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None
) -> None:
    session = sign_in("admin")
    page = admin_sources(qtbot, session)
    tab = page.sources_tab
    qtbot.waitUntil(lambda: bool(tab.channels))
    assert tab.model.rowCount() == 0
    empty = tab.add_source()
    empty.channel_box.clear()
    empty.check_and_accept()
    assert empty.channel_error.text() == "Choose the channel whose leads these are."
    empty.reject()
    dialog = tab.add_source()
    dialog.name_edit.setText("  ")
    dialog.url_edit.setText("feeds.example.cn/rss")
    dialog.interval_box.setValue(3)
    dialog.check_and_accept()
    assert dialog.isVisible()
    assert dialog.name_error.text() == "Give the source a name."
    assert "must be a web address" in dialog.url_error.text()
    assert dialog.interval_error.text() == "Poll at most every 5 minutes; feeds change no faster."
    dialog.name_edit.setText("人民网")
    dialog.url_edit.setText("https://feeds.example.cn/people.xml")
    dialog.interval_box.setValue(15)
    dialog.check_and_accept()
    qtbot.waitUntil(lambda: page.message_bar.text != "")
    assert page.message_bar.text == "Source 人民网 added."
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    row = tab.current()
    assert row is not None and row.source.interval_minutes == 15
    assert tab.model.standing(row) == "Not polled yet"
    qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.current().source.paused)  # type: ignore[union-attr]
    assert tab.pause_button.text() == "Resume"
    assert tab.model.standing(tab.current()) == "Paused"  # type: ignore[arg-type]
    twice = tab.add_source()
    twice.name_edit.setText("又一个")
    twice.url_edit.setText("https://feeds.example.cn/people.xml")
    twice.channel_box.setCurrentIndex(twice.channel_box.findData(row.source.channel_id))
    twice.check_and_accept()
    qtbot.waitUntil(lambda: "already follows this feed" in page.message_bar.text)


def test_the_sources_tab_in_chinese_shows_the_last_error(
    qtbot: QtBot, sign_in: Callable[[str], Session], chinese: None
) -> None:
    session = sign_in("admin")
    snapshots, source_id, _ = newsroom_with_leads(qtbot, sign_in("chief"))
    del snapshots
    due = polls.Due(source_id, "https://feeds.example.cn/xinhua.xml", "auto", 30, None, None)  # type: ignore[arg-type]
    engine = session.workspace.store.engine

    def fail() -> None:
        polls.claim_due(engine, NOW, dt.timedelta(minutes=5))
        polls.failed(
            engine,
            due,
            NOW,
            Message("Repost", "the site had an error ({detail})", {"detail": "503"}),
        )

    finished: list[bool] = []
    session.read(lambda _conn: fail(), lambda _none: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished))
    page = admin_sources(qtbot, session)
    tab = page.sources_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    standing = tab.model.standing(tab.current())  # type: ignore[arg-type]
    assert standing.startswith("连续失败 1 次：网站出错（503）")
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "admin_sources.png"))


def test_a_lead_already_reposted_shows_the_repost_first_as_the_same_address(
    qtbot: QtBot, sign_in: Callable[[str], Session], chinese: None
) -> None:
    session = sign_in("chief")
    snapshots, _, _ = newsroom_with_leads(qtbot, session)
    page = leads_page(qtbot, session, snapshots)
    cold = page.model.lead(0).lead
    assert cold.title == "寒潮蓝色预警发布"
    repost = session.mutation(
        Kind.ARTICLE_CREATE,
        channel_id=cold.channel_id,
        title="中央气象台：寒潮来袭",
        kind="repost",
        original_url="HTTP://News.Example.cn/c.html/?utm_source=rss#top",
    )
    applied(qtbot, session, [repost])
    page.view.selectRow(1)
    qtbot.waitUntil(lambda: page.similar_hint.isVisible())
    assert "同一原文地址" not in page.similar_hint.text()
    page.view.selectRow(0)
    qtbot.waitUntil(
        lambda: page.similar_hint.text().startswith(
            "相似：【同一原文地址】《中央气象台：寒潮来袭》"
        )
    )
    assert page.similar_hint.isVisible()
    assert [(item.id, item.same_address) for item in page.similar_hint.items] == [
        (repost.entity, True)
    ]
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "leads_same_address.png"))
