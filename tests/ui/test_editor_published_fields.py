"""The editor checks every published field, asks once before submitting over open findings,
and never lets a read-only article be "fixed"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.core.model import ArticleState
from newsdesk.store.history import article_history
from newsdesk.store.workspace import Workspace
from newsdesk.ui.session import Session
from tests.ui.test_article_editor import _flush, _new_draft, _open


@pytest.fixture
def editor_session(sign_in: Callable[[str], Session]) -> Session:
    return sign_in("editor")


def _listed(editor: object) -> list[str]:
    checks = editor.checks  # type: ignore[attr-defined]
    checks.refresh()
    model = checks.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.usefixtures("chinese")
def test_a_prohibited_word_in_the_title_and_an_id_number_in_the_summary_are_findings(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace, body_html="<p>本报讯 夜市开市。</p>")
    editor = _open(qtbot, editor_session, article_id)
    qtbot.waitUntil(lambda: editor.checks is not None)
    editor.metadata.title_edit.setText("全网最低价绝对最佳")
    editor.metadata.summary_edit.setPlainText("报料人身份证号11010519491231002X")
    listed = _listed(editor)
    assert any(line.startswith("标题") and "绝对" in line for line in listed), listed
    assert any(line.startswith("摘要") and "身份证号" in line for line in listed), listed

    # Activating a field's finding takes the writer to that field.
    assert editor.checks is not None
    row = next(i for i, line in enumerate(listed) if line.startswith("摘要"))
    editor.show()
    editor.checks.go_to(editor.checks.model.index(row, 0))
    qtbot.waitUntil(lambda: editor.metadata.summary_edit.hasFocus())

    # Submitting asks once, naming them; cancelling keeps the draft.
    editor.submit_button.click()
    question = editor.findings_question
    assert question is not None
    assert "身份证号" in question.informativeText() and "绝对" in question.informativeText()
    editor.submit_button.click()  # a second click does not ask again
    assert editor.findings_question is question
    question.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: editor.findings_question is None)
    with workspace.store.world() as world:
        assert world.article(article_id).state == ArticleState.DRAFT  # type: ignore[union-attr]

    editor.submit_button.click()
    question = editor.findings_question
    assert question is not None
    anyway = next(b for b in question.buttons() if b.text() == "仍然提交")
    anyway.click()

    def submitted() -> bool:
        with workspace.store.world() as world:
            article = world.article(article_id)
            return article is not None and article.state == ArticleState.IN_REVIEW

    qtbot.waitUntil(submitted, timeout=5_000)
    with workspace.store.engine.connect() as conn:
        history = article_history(conn, article_id)
    assert history is not None
    revision = history.entries[0].revision
    assert any("身份证号" in line for line in revision.open_findings)
    assert any("绝对" in line for line in revision.open_findings)


@pytest.mark.usefixtures("english")
def test_fixing_punctuation_is_disabled_while_the_article_is_read_only(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace, body_html="<p>你好,世界</p>")
    editor = _open(qtbot, editor_session, article_id)
    qtbot.waitUntil(lambda: editor.checks is not None)
    assert editor.checks is not None
    editor.checks.refresh()
    assert editor.checks.fix_button.isEnabled()
    editor.submit_button.click()
    question = editor.findings_question
    assert question is not None
    next(b for b in question.buttons() if b.text() == "Submit anyway").click()
    qtbot.waitUntil(lambda: not editor.editable, timeout=5_000)
    assert not editor.checks.fix_button.isEnabled()
    assert editor.checks.fix_all_punctuation() == 0
    assert "你好,世界" in editor.body.toPlainText()


@pytest.mark.usefixtures("english")
def test_a_reposts_original_time_is_shown_checked_and_saved(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(
        workspace,
        kind="repost",
        original_url="https://www.news.cn/a.html",
        original_published_at="2026-11-30T08:15:00+08:00",
    )
    editor = _open(qtbot, editor_session, article_id)
    editor.show()
    metadata = editor.metadata
    local = dt.datetime(2026, 11, 30, 0, 15, tzinfo=dt.UTC).astimezone()
    assert metadata.original_time_edit.text() == local.strftime("%Y-%m-%d %H:%M")
    assert metadata.original_time_edit.isVisible()
    metadata.original_time_edit.clear()
    qtbot.keyClicks(metadata.original_time_edit, "30/11/2026")
    assert metadata.original_time_error.text() == (
        "Write the original's time as 2026-11-30 08:15, or leave it empty."
    )
    metadata.original_time_edit.clear()
    qtbot.keyClicks(metadata.original_time_edit, "2026-11-29 21:05")
    assert metadata.original_time_error.isHidden()
    _flush(qtbot, editor)
    with workspace.store.world() as world:
        saved = world.article(article_id)
    assert saved is not None
    assert saved.original_published_at == dt.datetime(2026, 11, 29, 21, 5).astimezone()
    metadata.kind_box.setCurrentIndex(metadata.kind_box.findData("original"))
    assert not metadata.original_time_edit.isVisible()
