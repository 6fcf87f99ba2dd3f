"""The proposal editor and the chief's dialogs, driven through real widgets over the demo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from itertools import groupby
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QInputMethodEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.core.board import Snapshot
from newsdesk.core.model import Material, MaterialKind, Priority, Proposal, ProposalState, User
from newsdesk.core.mutation import Kind
from newsdesk.store.workspace import Workspace
from newsdesk.ui.proposals.dialogs import AssignDialog, ProposalEditor, ReturnDialog
from newsdesk.ui.proposals.files import import_files
from newsdesk.ui.proposals.materials import MaterialsModel
from newsdesk.ui.proposals.roster import load_editors
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore

pytestmark = pytest.mark.usefixtures("english")


def loaded(qtbot: QtBot, session: Session) -> Snapshot:
    snapshots = SnapshotStore(session)
    snapshots.reload()
    qtbot.waitUntil(lambda: snapshots.current is not None)
    assert snapshots.current is not None
    return snapshots.current


def topic(snapshot: Snapshot, title: str) -> Proposal:
    return next(t for t in snapshot.topics if t.title == title)


def stored(workspace: Workspace, proposal_id: str) -> Proposal:
    with workspace.store.world() as world:
        found = world.proposal(proposal_id)
    assert found is not None
    return found


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a person would: ASCII key by key, Chinese committed by the input method."""
    for is_ascii, run in groupby(text, str.isascii):
        chunk = "".join(run)
        if is_ascii:
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def drop(target: QWidget, paths: list[Path]) -> None:
    """Drag ``paths`` from a file manager and drop them on ``target``."""
    drop_urls(target, [QUrl.fromLocalFile(str(p)) for p in paths])


def drop_urls(target: QWidget, urls: list[QUrl]) -> None:
    """Drag ``urls`` onto ``target`` and drop them: enter, move, then drop."""
    data = QMimeData()
    data.setUrls(urls)
    centre = QPointF(target.rect().center())
    args = (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        try:
            event = kind(centre, *args)
        except TypeError:  # PySide6 before 6.12 takes a QPoint for drag events
            event = kind(centre.toPoint(), *args)
        QApplication.sendEvent(target, event)
        assert event.isAccepted()


@pytest.fixture
def chief(sign_in: Callable[[str], Session]) -> Session:
    return sign_in("chief")


def new_editor(qtbot: QtBot, session: Session, proposal: Proposal | None = None) -> ProposalEditor:
    editor = ProposalEditor(session, loaded(qtbot, session), proposal, None)
    qtbot.addWidget(editor)
    editor.open()
    return editor


def add_entry(qtbot: QtBot, editor: ProposalEditor, text: str, kind: MaterialKind) -> None:
    box = editor.materials_box
    box.entry.clear()
    type_text(qtbot, box.entry, text)
    button = box.add_link_button if kind == MaterialKind.LINK else box.add_note_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- creating ---------------------------------------------------------------------------------


def test_a_new_proposal_with_a_note_a_link_and_a_dropped_file_is_stored_and_submitted(
    qtbot: QtBot, chief: Session, workspace: Workspace, tmp_path: Path
) -> None:
    outline = tmp_path / "采访提纲.txt"
    outline.write_text("一、加装电梯的审批流程\n二、资金怎么分摊\n", encoding="utf-8")
    editor = new_editor(qtbot, chief)
    editor.channel_box.setCurrentIndex(editor.channel_box.findText("新闻"))
    type_text(qtbot, editor.title_edit, "老旧小区加装电梯进展调查")
    assert editor.title_count.text() == "12/120"
    type_text(qtbot, editor.angle_edit, "走访三个街道，梳理审批流程和资金分摊。")
    editor.priority_box.setCurrentIndex(editor.priority_box.findData(int(Priority.HIGH)))
    editor.planned_check.setChecked(True)
    editor.planned_edit.setDate(QDate(2026, 12, 1))
    type_text(qtbot, editor.tags_edit, "民生、城市更新, 电梯")
    add_entry(qtbot, editor, "采访对象：住建局城市更新科", MaterialKind.TEXT)
    add_entry(qtbot, editor, "https://www.example.gov.cn/elevator.html", MaterialKind.LINK)
    drop(editor, [outline])
    qtbot.waitUntil(lambda: editor.materials_box.model.rowCount() == 3)

    with qtbot.waitSignal(editor.saved) as saved, qtbot.waitSignal(editor.accepted):
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)

    proposal = stored(workspace, saved.args[0])
    sha = editor.materials_box.model.material(2).value
    assert proposal.state == ProposalState.SUBMITTED
    assert proposal.title == "老旧小区加装电梯进展调查"
    assert proposal.angle == "走访三个街道，梳理审批流程和资金分摊。"
    assert proposal.priority == Priority.HIGH
    assert proposal.planned_date == dt.date(2026, 12, 1)
    assert proposal.tags == ("民生", "城市更新", "电梯")
    assert proposal.materials == (
        Material(MaterialKind.TEXT, "采访对象：住建局城市更新科"),
        Material(MaterialKind.LINK, "https://www.example.gov.cn/elevator.html"),
        Material(MaterialKind.FILE, sha, "采访提纲.txt"),
    )
    with workspace.store.world() as world:
        attachment = world.attachment(sha)
    assert attachment is not None
    assert (attachment.name, attachment.mime, attachment.size) == (
        "采访提纲.txt",
        "text/plain",
        outline.stat().st_size,
    )
    assert workspace.blobs.read(sha) == outline.read_bytes()
    batch = [m.kind for m in workspace.store.pending()[-3:]]
    assert batch == [Kind.ATTACHMENT_ADD, Kind.PROPOSAL_CREATE, Kind.PROPOSAL_SUBMIT]


def test_a_draft_is_saved_without_submitting(
    qtbot: QtBot, chief: Session, workspace: Workspace
) -> None:
    editor = new_editor(qtbot, chief)
    type_text(qtbot, editor.title_edit, "  社区食堂回访  ")
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    proposal = stored(workspace, saved.args[0])
    assert (proposal.state, proposal.title, proposal.planned_date) == (
        ProposalState.DRAFT,
        "社区食堂回访",
        None,
    )


def test_only_channels_where_the_user_may_propose_are_offered(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    editor = new_editor(qtbot, sign_in("zhaomin"))  # an editor of the library channel only
    assert [editor.channel_box.itemText(i) for i in range(editor.channel_box.count())] == ["图书馆"]
    nobody = new_editor(qtbot, sign_in("reviewer1"))  # reviews, proposes nowhere
    assert nobody.channel_box.count() == 0
    assert "cannot propose" in nobody.channel_error.text()
    assert not nobody.draft_button.isEnabled() and not nobody.submit_button.isEnabled()


# --- bad input ------------------------------------------------------------------------------


def test_bad_input_is_explained_next_to_its_field_and_nothing_typed_is_lost(
    qtbot: QtBot, chief: Session, workspace: Workspace, tmp_path: Path
) -> None:
    pending = workspace.store.pending_count()
    blobs = set(workspace.blobs.root.rglob("*"))
    editor = new_editor(qtbot, chief)
    type_text(qtbot, editor.angle_edit, "先写角度，标题稍后再想。")
    add_entry(qtbot, editor, "采访对象：社区书记", MaterialKind.TEXT)

    qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    assert editor.title_error.isVisible()
    assert "title" in editor.title_error.text()
    assert editor.isVisible()

    add_entry(qtbot, editor, "www.example.com/没有协议", MaterialKind.LINK)
    assert editor.materials_box.error.isVisible()
    assert "www.example.com/没有协议" in editor.materials_box.error.text()
    assert "http://" in editor.materials_box.error.text()
    assert editor.materials_box.entry.text() == "www.example.com/没有协议"  # kept, to be corrected

    huge = tmp_path / "现场视频.mp4"
    with huge.open("wb") as f:
        f.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: nothing is written to the disk
    drop(editor, [huge])
    qtbot.waitUntil(lambda: "现场视频.mp4" in editor.materials_box.error.text())
    assert "MB" in editor.materials_box.error.text()
    assert set(workspace.blobs.root.rglob("*")) == blobs  # nothing was copied

    assert editor.angle_edit.toPlainText() == "先写角度，标题稍后再想。"
    assert editor.materials_box.materials() == (Material(MaterialKind.TEXT, "采访对象：社区书记"),)
    assert workspace.store.pending_count() == pending

    type_text(qtbot, editor.title_edit, "社区书记谈基层治理")
    assert not editor.title_error.isVisible()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)


def test_a_refusal_from_the_core_is_shown_and_the_form_stays_open(
    qtbot: QtBot, chief: Session, workspace: Workspace
) -> None:
    snapshot = loaded(qtbot, chief)
    library_topic = topic(snapshot, "退休“一件事”办事指南")
    editor = new_editor(qtbot, chief, library_topic)
    # Meanwhile someone else deletes the topic.
    workspace.store.apply([chief.mutation(Kind.PROPOSAL_DELETE, library_topic.id)])
    editor.title_edit.clear()
    type_text(qtbot, editor.title_edit, "退休“一件事”办事指南（更新版）")

    qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.problem.isVisible)
    assert "not in a state" in editor.problem.text()
    assert editor.isVisible()
    assert editor.title_edit.text() == "退休“一件事”办事指南（更新版）"
    assert editor.draft_button.isEnabled()


# --- editing --------------------------------------------------------------------------------


def test_editing_sends_only_the_changed_fields(
    qtbot: QtBot, chief: Session, workspace: Workspace
) -> None:
    snapshot = loaded(qtbot, chief)
    library_topic = topic(snapshot, "社区“一老一小”服务站建设情况")
    editor = new_editor(qtbot, chief, library_topic)
    assert editor.title_edit.text() == library_topic.title
    assert not editor.channel_box.isEnabled()
    assert not editor.submit_button.isVisible()  # a topic is not submitted again
    editor.angle_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor.angle_edit, "补充：走访两处服务站。")

    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)

    update = workspace.store.pending()[-1]
    assert update.kind == Kind.PROPOSAL_UPDATE
    assert update.entity == library_topic.id
    assert dict(update.args) == {"angle": library_topic.angle + "补充：走访两处服务站。"}
    assert update.base_version == library_topic.row_version
    assert stored(workspace, library_topic.id).angle.endswith("补充：走访两处服务站。")


def test_saving_an_unchanged_proposal_applies_nothing(
    qtbot: QtBot, chief: Session, workspace: Workspace
) -> None:
    snapshot = loaded(qtbot, chief)
    editor = new_editor(qtbot, chief, topic(snapshot, "退休“一件事”办事指南"))
    pending = workspace.store.pending_count()
    with qtbot.waitSignal(editor.accepted):
        qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    assert workspace.store.pending_count() == pending


def test_a_returned_proposal_shows_why_and_can_be_resubmitted(
    qtbot: QtBot, sign_in: Callable[[str], Session], workspace: Workspace
) -> None:
    editor_session = sign_in("editor")
    snapshot = loaded(qtbot, editor_session)
    returned = next(
        c.proposal
        for c in snapshot.cards
        if c.proposal
        and c.proposal.state == ProposalState.RETURNED
        and c.proposal.proposer_id == editor_session.user.id
    )
    editor = new_editor(qtbot, editor_session, returned)
    assert editor.returned_note.isVisible()
    assert returned.return_reason in editor.returned_note.text()
    editor.angle_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor.angle_edit, "（已按意见补充采访）")
    with qtbot.waitSignal(editor.accepted):
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert stored(workspace, returned.id).state == ProposalState.SUBMITTED
    kinds = [m.kind for m in workspace.store.pending()[-2:]]
    assert kinds == [Kind.PROPOSAL_UPDATE, Kind.PROPOSAL_SUBMIT]


# --- the chief's dialogs ----------------------------------------------------------------------


def test_the_return_dialog_needs_a_reason(qtbot: QtBot) -> None:
    dialog = ReturnDialog("社区“一老一小”服务站建设情况", None)
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.reason_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.reason_edit, "选题与上周重复，请换个角度。 ")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.reason() == "选题与上周重复，请换个角度。"


def editors_of(qtbot: QtBot, session: Session, snapshot: Snapshot, channel_id: str) -> list[User]:
    found: list[User] = []
    load_editors(session, snapshot, channel_id, found.extend)
    qtbot.waitUntil(lambda: bool(found))
    return found


def test_the_assign_dialog_offers_the_channels_editors_and_needs_one_and_a_date(
    qtbot: QtBot, chief: Session
) -> None:
    snapshot = loaded(qtbot, chief)
    library_topic = topic(snapshot, "社区“一老一小”服务站建设情况")  # news, planned ahead
    editors = editors_of(qtbot, chief, snapshot, library_topic.channel_id)
    assert sorted(u.login for u in editors) == ["editor", "liuyang", "wangfang"]

    dialog = AssignDialog(snapshot, library_topic, None)
    qtbot.addWidget(dialog)
    dialog.open()
    assert "Loading" in dialog.status.text()
    assert not dialog.ok_button.isEnabled()
    dialog.set_editors(editors)
    view = dialog.editor_list
    assert view.model().rowCount() == 3
    assert not dialog.ok_button.isEnabled()
    planned = library_topic.planned_date
    assert planned is not None and planned >= dt.date.today()
    assert dialog.due_date() == planned

    type_text(qtbot, dialog.search_box, "wang")
    assert view.model().rowCount() == 1
    name = view.model().index(0, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_text_point(view, name))
    assert dialog.ok_button.isEnabled()
    wangfang = next(u for u in editors if u.login == "wangfang")
    assert dialog.assignees() == [wangfang.id]

    dialog.due_edit.setDate(QDate.currentDate().addDays(-1))
    assert not dialog.ok_button.isEnabled()
    assert dialog.due_error.isVisible()
    dialog.due_edit.setDate(QDate.currentDate())
    assert dialog.ok_button.isEnabled()
    assert dialog.due_date() == dt.date.today()


def _text_point(view: QWidget, index: QModelIndex) -> QPoint:
    """A point on the row's text, right of the check box."""
    rect = view.visualRect(index)  # type: ignore[attr-defined]
    return QPoint(rect.right() - 8, rect.center().y())


def test_the_assign_dialog_defaults_to_three_days_ahead_without_a_future_plan(
    qtbot: QtBot, chief: Session
) -> None:
    snapshot = loaded(qtbot, chief)
    library_topic = topic(snapshot, "社区“一老一小”服务站建设情况")
    past = replace(library_topic, planned_date=dt.date.today() - dt.timedelta(days=1))
    dialog = AssignDialog(snapshot, past, None, editors=[])
    qtbot.addWidget(dialog)
    assert dialog.due_date() == dt.date.today() + dt.timedelta(days=3)
    assert "No one holds the editor role" in dialog.status.text()
    assert not dialog.ok_button.isEnabled()


# --- pieces -----------------------------------------------------------------------------------


def test_the_materials_model_is_a_proper_qt_model(qtmodeltester: object) -> None:
    model = MaterialsModel(
        [Material(MaterialKind.TEXT, "笔记"), Material(MaterialKind.LINK, "https://example.com")]
    )
    assert not model.add(Material(MaterialKind.TEXT, "笔记"))  # no repeats
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.remove(0)
    assert model.rowCount() == 1


def test_files_are_copied_once_and_checked_for_size(workspace: Workspace, tmp_path: Path) -> None:
    small = tmp_path / "photo.jpg"
    small.write_bytes(b"\xff\xd8 not really a jpeg")
    large = tmp_path / "large.bin"
    with large.open("wb") as f:
        f.truncate(21)
    results = import_files(workspace.blobs, [small, large, tmp_path, small], limit=20)
    first, too_large, folder, again = results
    assert first == again and first.mime == "image/jpeg"  # type: ignore[union-attr]
    assert too_large.problem.value == "too_large" and too_large.size == 21  # type: ignore[union-attr]
    assert folder.problem.value == "not_a_file"  # type: ignore[union-attr]


def test_enter_adds_a_note_or_a_link_and_dropped_web_addresses_become_links(
    qtbot: QtBot, chief: Session
) -> None:
    editor = new_editor(qtbot, chief)
    box = editor.materials_box
    type_text(qtbot, box.entry, "采访时间：周五上午")
    qtbot.keyClick(box.entry, Qt.Key.Key_Return)
    type_text(qtbot, box.entry, "https://news.example.cn/2026/11/23.html")
    qtbot.keyClick(box.entry, Qt.Key.Key_Return)
    drop_urls(editor, [QUrl("https://www.example.gov.cn/notice.html")])  # from a browser
    assert box.materials() == (
        Material(MaterialKind.TEXT, "采访时间：周五上午"),
        Material(MaterialKind.LINK, "https://news.example.cn/2026/11/23.html"),
        Material(MaterialKind.LINK, "https://www.example.gov.cn/notice.html"),
    )
    assert editor.isVisible()  # Enter added materials; it did not save the proposal
