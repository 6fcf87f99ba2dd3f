"""The editor's keys work in the body and Qt's own bindings never destroy text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QTextCursor
from pytestqt.qtbot import QtBot

from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.article import ArticleEditor
from newsdesk.ui.editor.toolbar import LinkDialog
from newsdesk.ui.session import Session
from tests.ui.test_article_editor import _new_draft, _open

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(qtbot: QtBot, workspace: Workspace, sign_in: Callable[[str], Session]) -> ArticleEditor:
    article_id = _new_draft(workspace, body_html="<p>古籍修复展今日开幕。</p><p>展期一个月。</p>")
    shown = _open(qtbot, sign_in("editor"), article_id)
    shown.show()
    qtbot.waitExposed(shown)
    shown.body.setFocus()
    return shown


def select(editor: ArticleEditor, start: int, end: int) -> None:
    cursor = editor.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)


@pytest.mark.usefixtures("english")
def test_ctrl_b_i_u_format_the_selection_in_the_body(qtbot: QtBot, editor: ArticleEditor) -> None:
    select(editor, 0, 4)
    qtbot.keyClick(editor.body, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(editor.body, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(editor.body, Qt.Key.Key_U, CTRL)
    fmt = editor.body.textCursor().charFormat()
    assert fmt.fontWeight() == QFont.Weight.Bold and fmt.fontItalic() and fmt.fontUnderline()
    assert "<strong><em><u>古籍修复</u></em></strong>" in editor.body.html()


@pytest.mark.usefixtures("english")
def test_ctrl_k_on_a_selection_asks_for_a_link_and_deletes_nothing(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    before = editor.body.toPlainText()
    select(editor, 0, 4)
    qtbot.keyClick(editor.body, Qt.Key.Key_K, CTRL)
    dialog = editor.toolbar.findChild(LinkDialog)
    assert dialog is not None and dialog.isVisible()
    assert editor.body.toPlainText() == before
    dialog.url_edit.setText("https://www.example.cn/guji")
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert '<a href="https://www.example.cn/guji" rel="noopener noreferrer">古籍修复</a>' in (
        editor.body.html()
    )
    assert editor.body.toPlainText() == before


@pytest.mark.usefixtures("english")
def test_ctrl_f_and_ctrl_h_open_find_and_replace_from_the_body(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    qtbot.keyClick(editor.body, Qt.Key.Key_F, CTRL)
    assert editor.find_bar.isVisible()
    editor.find_bar.hide()
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_H, CTRL)
    assert editor.find_bar.isVisible() and editor.find_bar.replace_edit.isVisible()


@pytest.mark.usefixtures("english")
def test_tab_in_a_table_moves_to_the_next_cell_and_adds_a_row_after_the_last(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    cursor = editor.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.body.setTextCursor(cursor)
    editor.body.insert_table(1, 2)
    table = editor.body.textCursor().currentTable()
    assert table is not None
    editor.body.textCursor().insertText("日期")
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)
    editor.body.textCursor().insertText("场次")
    assert table.cellAt(0, 1).firstCursorPosition().block().text() == "场次"
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)
    assert table.rows() == 2
    assert table.cellAt(editor.body.textCursor()).row() == 1
    assert "\t" not in editor.body.toPlainText()


@pytest.mark.usefixtures("english")
def test_an_inserted_image_asks_for_its_caption_and_alt_text(
    qtbot: QtBot, editor: ArticleEditor, tmp_path: Path
) -> None:
    path = tmp_path / "展厅.png"
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(0x8E44AD)
    assert image.save(str(path))
    dialog = editor.toolbar.describe_image(path)
    assert dialog.isVisible()
    dialog.caption_edit.setText("修复后的古籍在展厅展出")
    assert dialog.alt_edit.text() == "修复后的古籍在展厅展出"  # suggested until typed
    dialog.accept()
    html = editor.body.html()
    assert 'alt="修复后的古籍在展厅展出"' in html
    assert "<figcaption>修复后的古籍在展厅展出</figcaption>" in html


@pytest.mark.usefixtures("english")
def test_read_only_articles_take_no_editing_command(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.body.setReadOnly(True)
    editor.toolbar.set_editable(False)
    assert not editor.toolbar.bold_action.isEnabled()
    assert not editor.toolbar.link_action.isEnabled()
    assert editor.toolbar.find_action.isEnabled()
    select(editor, 0, 4)
    qtbot.keyClick(editor.body, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(editor.body, Qt.Key.Key_K, CTRL)
    assert editor.toolbar.findChild(LinkDialog) is None
    assert "<strong>" not in editor.body.html()
