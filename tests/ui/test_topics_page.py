"""The topic library: search through the store, filters, and the chief's actions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.core.model import Proposal, ProposalState
from newsdesk.store.workspace import Workspace
from newsdesk.ui.proposals.dialogs import ProposalEditor, ReturnDialog
from newsdesk.ui.proposals.topics_model import TopicsModel
from newsdesk.ui.proposals.topics_page import TopicsPage
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore

pytestmark = pytest.mark.usefixtures("english")
UNASSIGNED = "退休“一件事”办事指南"


def library_for(qtbot: QtBot, session: Session) -> tuple[TopicsPage, SnapshotStore]:
    snapshots = SnapshotStore(session)
    page = TopicsPage(session, snapshots)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    snapshots.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page, snapshots


def shown_titles(page: TopicsPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, TopicsModel.TITLE).data() for r in range(proxy.rowCount())]


def topic_titled(snapshots: SnapshotStore, title: str) -> Proposal:
    assert snapshots.current is not None
    return next(t for t in snapshots.current.topics if t.title == title)


def state_of(workspace: Workspace, proposal_id: str) -> ProposalState:
    with workspace.store.world() as world:
        proposal = world.proposal(proposal_id)
    assert proposal is not None
    return proposal.state


def commit(widget: object, text: str) -> None:
    """Chinese typed through the input method."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_searching_a_chinese_word_narrows_the_library_through_full_text_search(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    page, _ = library_for(qtbot, sign_in("chief"))
    everything = shown_titles(page)
    commit(page.search_box, "养老")  # in the angles and tags of two topics, in no title
    assert shown_titles(page) == []  # no title contains it: the store has not answered yet
    qtbot.waitUntil(lambda: len(shown_titles(page)) == 2)
    assert set(shown_titles(page)) == {
        "社区“一老一小”服务站建设情况",
        "南湖街道社区食堂开门迎客 老人就餐享补贴",
    }
    assert len(everything) > 2
    assert page.summary.text() == f"Showing 2 of {len(everything)} topics"

    page.search_box.clear()
    assert shown_titles(page) == everything


def test_the_channel_filter_and_sorting(qtbot: QtBot, sign_in: Callable[[str], Session]) -> None:
    page, _ = library_for(qtbot, sign_in("chief"))
    page.channel_box.setCurrentIndex(page.channel_box.findText("图书馆"))
    proxy = page.proxy
    channels = {proxy.index(r, TopicsModel.CHANNEL).data() for r in range(proxy.rowCount())}
    assert channels == {"图书馆"}
    page.channel_box.setCurrentIndex(0)
    page.view.sortByColumn(TopicsModel.PRIORITY, Qt.SortOrder.DescendingOrder)
    first = proxy.index(0, TopicsModel.PRIORITY).data()
    assert first == "Urgent"


def test_actions_follow_the_rules_and_say_why_not(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    page, snapshots = library_for(qtbot, sign_in("editor"))  # not a chief
    assert not page.edit_button.isEnabled()
    assert "Select a topic" in page.edit_button.toolTip()
    assert page.select(topic_titled(snapshots, UNASSIGNED).id)
    for button in (page.edit_button, page.assign_button, page.return_button, page.delete_button):
        assert not button.isEnabled()
        assert "Only a chief" in button.toolTip()

    chief_page, chief_snapshots = library_for(qtbot, sign_in("chief"))
    assert chief_page.select(topic_titled(chief_snapshots, UNASSIGNED).id)
    for button in (
        chief_page.edit_button,
        chief_page.assign_button,
        chief_page.return_button,
        chief_page.delete_button,
    ):
        assert button.isEnabled()
    chief_page.select(topic_titled(chief_snapshots, "梅园社区停车难问题调查").id)  # being written
    assert not chief_page.delete_button.isEnabled()
    assert "cannot be deleted" in chief_page.delete_button.toolTip()


def test_a_chief_deletes_a_topic_and_restores_it(
    qtbot: QtBot, sign_in: Callable[[str], Session], workspace: Workspace
) -> None:
    page, snapshots = library_for(qtbot, sign_in("chief"))
    topic = topic_titled(snapshots, UNASSIGNED)
    assert page.select(topic.id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox)
    assert box is not None and UNASSIGNED in box.text()
    confirm = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(snapshots.updated):
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert state_of(workspace, topic.id) == ProposalState.DELETED
    assert "was deleted" in page.message_bar.text
    assert UNASSIGNED not in shown_titles(page)

    page.show_deleted.setChecked(True)
    assert page.restore_button.isVisible()
    assert page.select(topic.id)
    assert page.restore_button.isEnabled()
    assert not page.delete_button.isEnabled()
    with qtbot.waitSignal(snapshots.updated):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert state_of(workspace, topic.id) == ProposalState.SELECTED
    assert "was restored" in page.message_bar.text


def test_cancelling_the_delete_confirmation_changes_nothing(
    qtbot: QtBot, sign_in: Callable[[str], Session], workspace: Workspace
) -> None:
    page, snapshots = library_for(qtbot, sign_in("chief"))
    topic = topic_titled(snapshots, UNASSIGNED)
    page.select(topic.id)
    pending = workspace.store.pending_count()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox)
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert workspace.store.pending_count() == pending
    assert state_of(workspace, topic.id) == ProposalState.SELECTED


def test_a_chief_returns_a_topic_with_a_reason(
    qtbot: QtBot, sign_in: Callable[[str], Session], workspace: Workspace
) -> None:
    page, snapshots = library_for(qtbot, sign_in("chief"))
    topic = topic_titled(snapshots, UNASSIGNED)
    page.select(topic.id)
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ReturnDialog)
    assert dialog is not None and not dialog.ok_button.isEnabled()
    commit(dialog.reason_edit, "与上周的专题重复，请换个切入点。")
    with qtbot.waitSignal(snapshots.updated):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with workspace.store.world() as world:
        returned = world.proposal(topic.id)
    assert returned is not None
    assert (returned.state, returned.return_reason) == (
        ProposalState.RETURNED,
        "与上周的专题重复，请换个切入点。",
    )
    assert UNASSIGNED not in shown_titles(page)  # a returned proposal leaves the library


def test_edit_opens_the_proposal_editor_on_the_topic(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    page, snapshots = library_for(qtbot, sign_in("chief"))
    page.select(topic_titled(snapshots, UNASSIGNED).id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    editor = page.findChild(ProposalEditor)
    assert editor is not None and editor.isVisible()
    assert editor.title_edit.text() == UNASSIGNED


def test_the_library_models_are_proper_qt_models(
    qtbot: QtBot, sign_in: Callable[[str], Session], qtmodeltester: object
) -> None:
    page, _ = library_for(qtbot, sign_in("chief"))
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    page.show_deleted.setChecked(True)
    qtmodeltester.check(page.proxy)  # type: ignore[attr-defined]
