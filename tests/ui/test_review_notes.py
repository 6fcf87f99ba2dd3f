"""Submitting from the article editor, and the reviewers' notes on a returned article: listed
beside the body, selecting and highlighting the passages they quote even after edits."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from newsdesk.core.articles import current_hash, may_submit
from newsdesk.core.body import strip_html
from newsdesk.core.ids import new_id
from newsdesk.core.model import Anchor, ArticleState
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.article import ArticleEditor
from newsdesk.ui.editor.review_notes import ANCHOR_ROLE, locate
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.palette import colours
from tests.ui.test_article_editor import (
    SAVE_WAIT_MS,
    _flush,
    _new_draft,
    _open,
    _own,
    _stored,
    _type_at_end,
    _user_id,
)

BODY = "<p>第一段写的是开幕式。</p><p>第二段里有个错别子需要改正。</p><p>第三段。</p>"
QUOTE = "有个错别子"


@pytest.fixture(autouse=True)
def _settled(qtbot: QtBot, runner: Runner) -> Iterator[None]:
    """Let the reads a test started finish before the runner shuts down."""
    yield
    qtbot.waitUntil(lambda: runner.busy == 0)


@pytest.fixture
def editor_session(sign_in: Callable[[str], Session]) -> Session:
    return sign_in("editor")


def _submit_in_store(workspace: Workspace, article_id: str) -> None:
    submitted = mutation(
        _user_id(workspace, "editor"),
        Kind.ARTICLE_SUBMIT,
        article_id,
        revision_id=new_id(),
        content_hash=current_hash(_stored(workspace, article_id)),
    )
    assert workspace.store.apply([submitted])[0].accepted


def _return_with_anchor(qtbot: QtBot, reviewer: Session, article_id: str, quote: str) -> None:
    """Reviewer level 1 returns the article with an overall comment and one anchored comment."""
    article = _stored(reviewer.workspace, article_id)
    start = strip_html(article.body_html).index(quote)
    applied: list[bool] = []
    reviewer.apply(
        [
            reviewer.mutation(
                Kind.ARTICLE_REVIEW,
                article_id,
                decision_id=new_id(),
                revision_hash=article.revision_hash,
                level=1,
                verdict="return",
                comment="请改正错别字后再提交。",
                anchors=[
                    {
                        "start": start,
                        "end": start + len(quote),
                        "quote": quote,
                        "comment": "“错别子”应为“错别字”。",
                    }
                ],
            )
        ],
        lambda result: applied.append(result[0].accepted),
    )
    qtbot.waitUntil(lambda: bool(applied))
    assert applied == [True]


def _returned_draft(qtbot: QtBot, workspace: Workspace, reviewer: Session) -> str:
    article_id = _new_draft(workspace, body_html=BODY)
    _submit_in_store(workspace, article_id)
    _return_with_anchor(qtbot, reviewer, article_id, QUOTE)
    return article_id


def _anchor_item(editor: ArticleEditor) -> QListWidgetItem:
    notes = editor.review_notes.list
    return next(
        notes.item(row)
        for row in range(notes.count())
        if isinstance(notes.item(row).data(ANCHOR_ROLE), Anchor)
    )


def _click(editor: ArticleEditor, item: QListWidgetItem) -> None:
    editor.review_notes.list.itemClicked.emit(item)


def _highlighted(editor: ArticleEditor) -> list[str]:
    """The passages shown with the yellow background."""
    return [
        s.cursor.selectedText()
        for s in editor.body.extraSelections()
        if s.format.background().color() == colours().qcolor("note_highlight")
    ]


@pytest.mark.usefixtures("english")
def test_submitting_saves_pending_edits_and_puts_the_article_in_review(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    assert editor.submit_button.isEnabled()
    _type_at_end(editor, "提交前写的字")
    editor.submit_button.click()
    qtbot.waitUntil(
        lambda: _stored(workspace, article_id).state == ArticleState.IN_REVIEW,
        timeout=SAVE_WAIT_MS,
    )
    stored = _stored(workspace, article_id)
    assert stored.revision_number == 1 and stored.review_level == 1
    assert "提交前写的字" in stored.body_html
    assert stored.revision_hash == current_hash(stored)
    qtbot.waitUntil(lambda: not editor.editable)
    assert editor.body.isReadOnly()
    assert not editor.banner.isHidden()
    assert not editor.banner.withdraw_button.isHidden()
    assert not editor.submit_button.isEnabled()
    assert editor.submit_button.toolTip() == "Only a draft can be submitted for review."


@pytest.mark.usefixtures("english")
def test_ctrl_shift_enter_submits(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.body.setFocus()
    qtbot.keyClick(
        editor.body,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _stored(workspace, article_id).state == ArticleState.IN_REVIEW)
    assert editor.body.toPlainText() == "第一段。"  # no line break typed


@pytest.mark.usefixtures("english")
def test_submit_is_disabled_with_the_core_reason(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article = _own(workspace, ArticleState.PUBLISHED)
    editor = _open(qtbot, editor_session, article.id)
    refusal = may_submit(editor_session.actor, article, None)
    assert isinstance(refusal, Refusal)
    assert not editor.submit_button.isEnabled() and not editor.submit_action.isEnabled()
    assert editor.submit_button.toolTip() == translated(refusal.message)


@pytest.mark.usefixtures("english")
def test_a_refused_submit_is_shown_in_the_message_bar(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    _submit_in_store(workspace, article_id)  # from another window: the editor does not know yet
    editor.submit()
    qtbot.waitUntil(lambda: "Only a draft can be submitted" in editor.message_bar.text)
    assert _stored(workspace, article_id).revision_number == 1


@pytest.mark.usefixtures("english")
def test_review_notes_show_the_return_and_select_the_quoted_passage(
    qtbot: QtBot,
    workspace: Workspace,
    editor_session: Session,
    sign_in: Callable[[str], Session],
) -> None:
    article_id = _returned_draft(qtbot, workspace, sign_in("reviewer1"))
    editor = _open(qtbot, editor_session, article_id)
    assert editor.editable
    notes = editor.review_notes
    qtbot.waitUntil(lambda: editor.side_tabs.currentWidget() is notes)
    assert editor.side_tabs.isTabVisible(editor.side_tabs.indexOf(notes))
    texts = [notes.list.item(row).text() for row in range(notes.list.count())]
    assert any("请改正错别字后再提交。" in t and "周敏" in t for t in texts)
    assert any(QUOTE in t and "应为" in t for t in texts)

    qtbot.waitUntil(lambda: _highlighted(editor) == [QUOTE])
    _click(editor, _anchor_item(editor))
    assert editor.body.textCursor().selectedText() == QUOTE

    # Writing before the passage moves it; the note still finds it.
    cursor = editor.body.textCursor()
    cursor.setPosition(0)
    cursor.insertText("新加的导语，")
    qtbot.waitUntil(lambda: _highlighted(editor) == [QUOTE])
    _click(editor, _anchor_item(editor))
    assert editor.body.textCursor().selectedText() == QUOTE
    selected = editor.body.textCursor()
    assert editor.body.toPlainText()[selected.selectionStart() : selected.selectionEnd()] == QUOTE

    # The highlight is not part of the document: what is saved has no background.
    _flush(qtbot, editor)
    stored = _stored(workspace, article_id).body_html
    assert "新加的导语" in stored and "background" not in stored


@pytest.mark.usefixtures("english")
def test_a_quote_that_was_edited_away_is_reported(
    qtbot: QtBot,
    workspace: Workspace,
    editor_session: Session,
    sign_in: Callable[[str], Session],
) -> None:
    article_id = _returned_draft(qtbot, workspace, sign_in("reviewer1"))
    editor = _open(qtbot, editor_session, article_id)
    qtbot.waitUntil(lambda: editor.review_notes.notes != ())
    found = editor.body.document().find(QUOTE)
    found.insertText("有个错别字")
    _click(editor, _anchor_item(editor))
    assert "no longer in the text" in editor.review_notes.status.text()
    qtbot.waitUntil(lambda: _highlighted(editor) == [])


def test_locate_prefers_the_occurrence_nearest_the_offset() -> None:
    text = "甲乙丙。\n甲乙丙。\n甲乙丙。"
    assert locate(text, Anchor(5, 8, "甲乙丙", "")) == (5, 8)
    assert locate(text, Anchor(11, 14, "甲乙丙", "")) == (10, 13)
    assert locate("前文。\n后文", Anchor(0, 6, "前文。 后文", "")) == (0, 6)
    assert locate(text, Anchor(0, 2, "丁", "")) is None


@pytest.mark.usefixtures("english")
def test_no_review_notes_tab_without_a_return(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    qtbot.waitUntil(lambda: editor.review_notes.heading.text() != "")  # the notes were read
    assert not editor.side_tabs.isTabVisible(editor.side_tabs.indexOf(editor.review_notes))
    assert editor.side_tabs.currentIndex() == 0
    assert editor.body.extraSelections() == []
