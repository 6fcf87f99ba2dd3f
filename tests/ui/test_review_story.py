"""A whole story through real widgets, as the people would play it: the editor submits from the
editor; 初审 approves; 复审 returns with a comment anchored to a passage; the editor sees the
comment next to that passage, fixes it and resubmits; every level approves the new revision;
the publisher signs it off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from newsdesk.core.model import ArticleState, Verdict
from newsdesk.core.mutation import Kind
from newsdesk.core.world import Area
from newsdesk.ui.editor.article import ArticleEditor
from newsdesk.ui.session import Session
from tests.ui.test_review import (
    Desk,
    SignIn,
    approve,
    decide,
    desk,
    open_page,
    select_passage,
    settle,
    show,
)
from tests.ui.test_review_notes import _anchor_item, _click, _highlighted

__all__ = ["desk", "settle"]  # the review tests' fixtures, used here too

BODY = "<p>本报讯 古籍修复展今日在市图书馆开幕，展出修复成果。</p><p>展览持续一个月。</p>"


def open_editor(qtbot: QtBot, session: Session, article_id: str) -> ArticleEditor:
    editor = ArticleEditor(session, article_id)
    qtbot.addWidget(editor)
    editor.resize(1280, 860)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded is not None, timeout=10_000)
    return editor


def submit(qtbot: QtBot, editor: ArticleEditor, desk: Desk, article_id: str, revision: int) -> None:
    qtbot.waitUntil(editor.submit_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.article(article_id).revision_number == revision, timeout=10_000)
    assert desk.article(article_id).state == ArticleState.IN_REVIEW


def test_a_story_through_three_levels_and_sign_off(
    qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn
) -> None:
    article_id = desk.must(
        Kind.ARTICLE_CREATE, channel_id=desk.channel("新闻"), title="古籍修复展开幕", body_html=BODY
    )
    editor = open_editor(qtbot, desk.editor, article_id)
    submit(qtbot, editor, desk, article_id, revision=1)
    qtbot.waitUntil(lambda: not editor.editable, timeout=10_000)

    approve(qtbot, sign_in("reviewer1"), article_id)

    second = open_page(qtbot, sign_in("reviewer2"))
    show(qtbot, second, article_id)
    select_passage(second, "展出修复成果")
    second.decision.anchor_note.insert("请写明展品数量")
    qtbot.mouseClick(second.decision.anchor_button, Qt.MouseButton.LeftButton)
    second.decision.comment.setPlainText("请补充展品数量后再送审")
    decide(qtbot, second, "return")
    second.close()
    assert desk.article(article_id).state == ArticleState.DRAFT

    # The return reaches the editor's workstation (sync announces what it pulled, as here);
    # the editor sees the comment next to the passage.
    desk.editor.changed.emit(frozenset({Area.ARTICLES, Area.REVIEWS}), None)
    qtbot.waitUntil(lambda: editor.editable, timeout=10_000)
    qtbot.waitUntil(lambda: editor.review_notes.list.count() > 0, timeout=10_000)
    item = _anchor_item(editor)
    assert "请写明展品数量" in item.text() and "展出修复成果" in item.text()
    _click(editor, item)
    assert editor.body.textCursor().selectedText() == "展出修复成果"
    qtbot.waitUntil(lambda: "展出修复成果" in _highlighted(editor))

    editor.body.textCursor().insertText("展出修复成果一百二十件")
    submit(qtbot, editor, desk, article_id, revision=2)
    assert "一百二十件" in desk.article(article_id).body_html

    for login in ("reviewer1", "reviewer2", "reviewer3"):
        approve(qtbot, sign_in(login), article_id)
    assert desk.article(article_id).state == ArticleState.APPROVED
    approvals = {d.level for d in desk.decisions(article_id) if d.verdict == Verdict.APPROVE}
    assert approvals == {1, 2, 3}

    publisher = open_page(qtbot, sign_in("publisher"))
    show(qtbot, publisher, article_id)
    decide(qtbot, publisher, "signOff")
    assert desk.article(article_id).state == ArticleState.SIGNED_OFF
