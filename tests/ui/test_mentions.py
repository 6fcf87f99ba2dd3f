"""@mentions through the real review page, proposal editor and notification list over the demo
workspace, with a second 李强 in the newsroom: choosing one of the namesakes from the list
notifies that one only, and every place the comment is read shows "@李强", never the token."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from newsdesk.core.mentions import Mention, token
from newsdesk.core.model import ProposalState, Role, Verdict
from newsdesk.core.mutation import Kind
from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.review_notes import ReviewNotes
from newsdesk.ui.notifications.bell import NotificationModel
from newsdesk.ui.notifications.mentions import MentionCompleter
from newsdesk.ui.proposals.editor import ProposalEditor
from newsdesk.ui.session import Session
from tests.ui.notices import Told, center_of
from tests.ui.test_proposals import loaded, stored
from tests.ui.test_review import Desk, SignIn, open_page, select_passage, show, tick_checklist

SHOTS = Path("/tmp/newsdesk-shots")


def add_namesake(workspace: Workspace, sign_in: SignIn) -> str:
    """A second 李强 (login liqiang2), an editor of 文化 like the demo's 李强 is its chief, so
    both could see the article and only the mention's id tells them apart."""
    admin = sign_in("admin")
    made = admin.mutation(Kind.USER_CREATE, None, login="liqiang2", name="李强")
    with workspace.store.world() as world:
        culture = world.channel_by_name("文化")
    assert culture is not None
    grant = admin.mutation(
        Kind.ROLE_GRANT,
        f"{made.entity}/{culture.id}/editor",
        user_id=made.entity,
        channel_id=culture.id,
        role=Role.EDITOR.value,
    )
    assert all(a.accepted for a in workspace.store.apply([made, grant]))
    return made.entity


def user_id(session: Session) -> str:
    return session.actor.id


def choose(qtbot: QtBot, completer: MentionCompleter, label: str) -> None:
    """Click ``label`` in the open list."""
    labels = completer.model.stringList()
    index = completer.model.index(labels.index(label))
    completer.popup.scrollTo(index)
    where = completer.popup.visualRect(index).center()
    qtbot.mouseClick(completer.popup.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_the_namesake_chosen_after_a_chinese_character_is_the_one_notified(
    qtbot: QtBot, chinese: None, workspace: Workspace, sign_in: SignIn
) -> None:
    second = add_namesake(workspace, sign_in)
    first = user_id(sign_in("liqiang"))
    desk = Desk(workspace, sign_in)
    article = desk.write("文化")
    page = open_page(qtbot, sign_in("reviewer1"))
    show(qtbot, page, article)
    tick_checklist(qtbot, page)

    comment = page.decision.comment
    comment.setFocus()
    comment.insertPlainText("导语太长，请")
    qtbot.keyClicks(comment, "@lq")
    completer = page.mentions[0]
    qtbot.waitUntil(lambda: completer.popup.isVisible())
    assert completer.model.stringList() == ["李强（liqiang）", "李强（liqiang2）"]
    SHOTS.mkdir(exist_ok=True)
    completer.popup.grab().save(str(SHOTS / "mention-namesakes-zh_CN.png"))
    page.grab().save(str(SHOTS / "mention-review-page-zh_CN.png"))
    choose(qtbot, completer, "李强（liqiang2）")
    assert comment.toPlainText() == "导语太长，请@李强（liqiang2） "
    comment.insertPlainText("看看，wangfang@example.cn 已转")
    assert not completer.popup.isVisible()  # an e-mail address offers nobody

    select_passage(page, "展出修复成果")
    note = page.decision.anchor_note
    note.setFocus()
    note.insert("请")
    qtbot.keyClicks(note, "@wf")
    qtbot.waitUntil(lambda: page.mentions[1].popup.isVisible())
    assert page.mentions[1].model.stringList() == ["王芳"]
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert note.text() == "请@王芳 "
    note.insert("核实数量")
    qtbot.mouseClick(page.decision.anchor_button, Qt.MouseButton.LeftButton)
    assert page.decision.anchor_list.item(0).text() == "“展出修复成果” — 请@王芳 核实数量"
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        page.decide(Verdict.RETURN)
    assert not page.message_bar.isVisible(), page.message_bar.text

    [decision] = desk.decisions(article)
    wang = user_id(sign_in("wangfang"))
    assert decision.comment == (
        f"导语太长，请{token(Mention(second, '李强'))} 看看，wangfang@example.cn 已转"
    )
    assert decision.anchors[0].comment == f"请{token(Mention(wang, '王芳'))} 核实数量"

    chosen, _ = center_of(qtbot, workspace, sign_in("liqiang2"), Told())
    [mention] = [n for n in chosen.current.items if n.subject_id == article]
    assert mention.actor_id == user_id(sign_in("reviewer1"))
    assert mention.detail == "导语太长，请@李强 看看，wangfang@example.cn 已转"
    listed = NotificationModel()
    listed.set_notifications(chosen.current)
    shown = str(listed.index(0).data())
    assert "请@李强 看看" in shown and "user:" not in shown

    other, _ = center_of(qtbot, workspace, sign_in("liqiang"), Told())
    assert first != second
    assert [n for n in other.current.items if n.subject_id == article] == []

    # The editor reads the return: the comment and the passage's note name people, no token.
    notes = ReviewNotes(desk.editor, article, QTextEdit())
    qtbot.addWidget(notes)
    qtbot.waitUntil(lambda: notes.list.count() == 2, timeout=10_000)
    texts = [notes.list.item(row).text() for row in range(notes.list.count())]
    assert texts[0].endswith("导语太长，请@李强 看看，wangfang@example.cn 已转")
    assert texts[1] == "“展出修复成果”\n请@王芳 核实数量"


def test_a_proposal_note_keeps_its_mention_through_editing(
    qtbot: QtBot, english: None, workspace: Workspace, sign_in: SignIn
) -> None:
    second = add_namesake(workspace, sign_in)
    editor = sign_in("editor")
    with workspace.store.world() as world:
        culture = world.channel_by_name("文化")
    assert culture is not None
    made = editor.mutation(
        Kind.PROPOSAL_CREATE,
        None,
        channel_id=culture.id,
        title="非遗展演",
        angle=f"请{token(Mention(second, '李强'))}联系剧团",
    )
    assert all(a.accepted for a in workspace.store.apply([made]))
    proposal = stored(workspace, made.entity)
    assert proposal.state == ProposalState.DRAFT

    dialog = ProposalEditor(editor, loaded(qtbot, editor), proposal)
    qtbot.addWidget(dialog)
    dialog.show()
    angle = dialog.angle_edit
    qtbot.waitUntil(lambda: dialog.angle_mentions.people != [])  # the colleagues are read
    assert angle.toPlainText() == "请@李强（liqiang2）联系剧团"
    angle.setFocus()
    angle.moveCursor(QTextCursor.MoveOperation.End)
    angle.insertPlainText("，再问")
    qtbot.keyClicks(angle, "@liuj")
    qtbot.waitUntil(lambda: dialog.angle_mentions.popup.isVisible())
    qtbot.keyClick(angle, Qt.Key.Key_Tab)
    assert angle.toPlainText() == "请@李强（liqiang2）联系剧团，再问@刘建华 "
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    chief = user_id(sign_in("chief"))
    assert stored(workspace, made.entity).angle == (
        f"请{token(Mention(second, '李强'))}联系剧团，再问{token(Mention(chief, '刘建华'))}"
    )
