"""The editor's checks: underlines, the findings panel, fixing punctuation and the word count.

Real widgets over a real QTextEdit and the shipped demo word list. Chinese is typed through the
input method (``QInputMethodEvent``): ``qtbot.keyClicks`` cannot type it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QTextEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.core.sensitive import SensitiveMatcher
from newsdesk.core.textstats import count, fix_punctuation, punctuation_findings
from newsdesk.ui.editor.checks import (
    CHECK_ROLE,
    Check,
    CheckHighlighter,
    CheckKind,
    ChecksModel,
    ChecksPanel,
    check_colour,
    utf16_offset,
)
from newsdesk.wordlists import load_word_lists, shipped_wordlists_dir

pytestmark = pytest.mark.usefixtures("english")

AD_COPY = "本市召开国家级发布会，评出最佳方案。"
EXT_B = "\U00020000"  # 𠀀, CJK Extension B: two UTF-16 units in Qt, one character in Python
EMOJI = "\U0001f600"


@pytest.fixture(scope="module")
def matcher() -> SensitiveMatcher:
    return SensitiveMatcher(load_word_lists(shipped_wordlists_dir()).entries)


class Desk(QWidget):
    """An editor with its underlines and its checks panel, as the article window holds them."""

    def __init__(self, matcher: SensitiveMatcher) -> None:
        super().__init__()
        self.editor = QTextEdit(self)
        self.highlighter = CheckHighlighter(self.editor.document(), matcher)
        self.panel = ChecksPanel(self.editor, self.highlighter.checker, self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.editor, 2)
        layout.addWidget(self.panel, 1)


@pytest.fixture
def desk(qtbot: QtBot, matcher: SensitiveMatcher) -> Iterator[Desk]:
    made = Desk(matcher)
    qtbot.addWidget(made)
    made.resize(900, 500)
    made.show()
    qtbot.waitExposed(made)
    yield made


def type_text(editor: QTextEdit, text: str) -> None:
    """Commit ``text`` through the input method at the cursor, as a Chinese IME does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def settled(qtbot: QtBot, panel: ChecksPanel) -> None:
    """Wait for the panel's scan after typing stops."""
    qtbot.waitUntil(lambda: not panel.is_refresh_pending())


def underlined(block: QTextBlock) -> list[tuple[int, int, str, QTextCharFormat]]:
    """(start, length, text, format) of each highlighted range of ``block``, in UTF-16 units."""
    text16 = block.text().encode("utf-16-le")
    return [
        (
            r.start,
            r.length,
            text16[2 * r.start : 2 * (r.start + r.length)].decode("utf-16-le"),
            QTextCharFormat(r.format),  # a copy: the range owns its format
        )
        for r in block.layout().formats()
    ]


def rows(panel: ChecksPanel) -> list[Check]:
    model = panel.model
    return [model.index(row).data(CHECK_ROLE) for row in range(model.rowCount())]


def row_of(panel: ChecksPanel, found: str) -> QModelIndex:
    model = panel.model
    return next(
        model.index(row)
        for row in range(model.rowCount())
        if model.index(row).data(CHECK_ROLE).found == found
    )


def test_typed_sensitive_words_are_underlined_and_listed(qtbot: QtBot, desk: Desk) -> None:
    type_text(desk.editor, AD_COPY)

    block = desk.editor.document().firstBlock()
    marked = underlined(block)
    assert [(start, length, text) for start, length, text, _ in marked] == [
        (4, 3, "国家级"),
        (13, 2, "最佳"),
    ]
    for *_, char_format in marked:
        assert char_format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert char_format.underlineColor() == check_colour(CheckKind.SENSITIVE)
        assert char_format.background().color().red() == check_colour(CheckKind.SENSITIVE).red()

    assert desk.panel.model.rowCount() == 0  # no whole-document scan on a keystroke
    assert desk.panel.is_refresh_pending()
    settled(qtbot, desk.panel)
    assert [(c.kind, c.start, c.length, c.found, c.detail) for c in rows(desk.panel)] == [
        (CheckKind.SENSITIVE, 4, 3, "国家级", "广告法极限词"),
        (CheckKind.SENSITIVE, 13, 2, "最佳", "广告法极限词"),
    ]
    assert desk.panel.model.index(1).data() == "最佳 — 广告法极限词"


def test_underlines_can_be_switched_off(qtbot: QtBot, desk: Desk) -> None:
    type_text(desk.editor, "据报道,今天评出最佳方案")
    block = desk.editor.document().firstBlock()
    assert len(underlined(block)) == 2

    desk.highlighter.set_enabled(False)
    assert underlined(block) == []
    desk.highlighter.set_enabled(True)
    assert len(underlined(block)) == 2


def test_mixed_punctuation_is_underlined_and_fixed_in_one_undo_step(
    qtbot: QtBot, desk: Desk
) -> None:
    original = '据报道,今天举行了"国家级"比赛;选手们表现出色.\n这是第二段,也要改.'
    type_text(desk.editor, original)
    first = desk.editor.document().firstBlock()
    comma = next(r for r in underlined(first) if r[2] == ",")
    assert comma[:2] == (3, 1)
    assert comma[3].underlineColor() == check_colour(CheckKind.PUNCTUATION)
    settled(qtbot, desk.panel)
    listed = [c for c in rows(desk.panel) if c.kind is CheckKind.PUNCTUATION]
    assert (listed[0].start, listed[0].found, listed[0].detail) == (3, ",", "，")
    assert desk.panel.model.index(0).data() == "“,” → “，”"
    assert len(listed) == len(punctuation_findings(original)) > 4  # both paragraphs

    qtbot.mouseClick(desk.panel.fix_button, Qt.MouseButton.LeftButton)

    fixed = desk.editor.toPlainText()
    assert fixed.startswith("据报道，今天举行了“国家级”比赛；")
    assert fixed == fix_punctuation(original)
    assert not [c for c in rows(desk.panel) if c.kind is CheckKind.PUNCTUATION]
    assert not desk.panel.fix_button.isEnabled()

    desk.editor.undo()  # one step undoes every fix
    assert desk.editor.toPlainText() == original
    desk.editor.undo()
    assert desk.editor.toPlainText() != original  # the typing itself was the step before


def test_one_finding_is_fixed_from_its_context_menu(qtbot: QtBot, desk: Desk) -> None:
    type_text(desk.editor, "据报道,今天天气晴;气温适宜")
    settled(qtbot, desk.panel)
    menu = desk.panel.menu_for(QPersistentModelIndex(row_of(desk.panel, ";")))
    fix = next(a for a in menu.actions() if a.text() == "Fix: write “；”")

    fix.trigger()

    assert desk.editor.toPlainText() == "据报道,今天天气晴；气温适宜"
    assert [c.found for c in rows(desk.panel)] == [","]


def test_activating_a_finding_selects_it_after_characters_outside_the_bmp(
    qtbot: QtBot, desk: Desk
) -> None:
    text = f"第一段{EMOJI}没有问题。\n{EXT_B}{EMOJI}村发布会说,这是最佳选择"
    type_text(desk.editor, text)
    second = desk.editor.document().firstBlock().next()
    best = next(r for r in underlined(second) if r[2] == "最佳")
    assert best[:2] == (len("村发布会说,这是") + 4, 2)  # after two 2-unit characters
    settled(qtbot, desk.panel)
    index = row_of(desk.panel, "最佳")
    rect = desk.panel.view.visualRect(index)

    with qtbot.waitSignal(desk.panel.jump) as jumped:
        qtbot.mouseClick(desk.panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    cursor = desk.editor.textCursor()
    assert cursor.selectedText() == "最佳"
    assert jumped.args == [cursor.selectionStart(), 2]
    assert cursor.selectionStart() == second.position() + best[0]

    desk.panel.go_to(row_of(desk.panel, ","))  # the punctuation finding in the same paragraph
    assert desk.editor.textCursor().selectedText() == ","


def test_the_count_label_shows_zishu_and_reading_time(qtbot: QtBot, desk: Desk) -> None:
    type_text(desk.editor, "今天发布了iPhone 17。\n共有3款。")  # 5+1+2 and 3+1+1
    settled(qtbot, desk.panel)
    assert desk.panel.count_label.text() == "13 characters · about 1 min read"
    assert count(desk.editor.toPlainText()).zishu == 13

    desk.editor.setPlainText("新" * 1000)
    settled(qtbot, desk.panel)
    assert desk.panel.count_label.text() == "1,000 characters · about 3 min read"


def test_the_model_passes_the_model_tester_while_the_text_changes(
    qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester
) -> None:
    type_text(desk.editor, AD_COPY)
    settled(qtbot, desk.panel)
    qtmodeltester.check(desk.panel.model)

    cursor = desk.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("据报道,世界级")
    desk.panel.refresh()
    assert [c.found for c in rows(desk.panel)] == [",", "世界级", "国家级", "最佳"]
    desk.editor.clear()
    desk.panel.refresh()
    assert desk.panel.model.rowCount() == 0


def test_an_edit_announces_only_the_rows_it_changed(qtbot: QtBot) -> None:
    def at(start: int, found: str) -> Check:
        return Check(CheckKind.SENSITIVE, start, len(found), found, "类")

    model = ChecksModel()
    model.set_checks([at(0, "甲"), at(5, "乙"), at(9, "丙")])
    announced: list[tuple[str, int, int]] = []
    model.modelReset.connect(lambda: announced.append(("reset", 0, 0)))
    model.rowsRemoved.connect(lambda _, first, last: announced.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _, first, last: announced.append(("inserted", first, last)))
    model.dataChanged.connect(
        lambda top, bottom: announced.append(("changed", top.row(), bottom.row()))
    )

    model.set_checks([at(0, "甲"), at(6, "丁"), at(7, "丙")])  # 乙 became 丁; 丙 moved

    assert announced == [("removed", 1, 1), ("inserted", 1, 1), ("changed", 2, 2)]
    assert [model.index(r).data(CHECK_ROLE).start for r in range(3)] == [0, 6, 7]


def test_offsets_become_utf16_units() -> None:
    to16 = utf16_offset(f"a{EXT_B}b{EMOJI}c")
    assert [to16(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert utf16_offset("纯中文") is int


def test_a_100k_character_document_is_scanned_as_the_whole_text_would_be(
    qtbot: QtBot, desk: Desk, matcher: SensitiveMatcher
) -> None:
    paragraph = "据报道,本市召开国家级新闻发布会，会上宣布了最佳方案。记者获悉,项目明年完工。"
    text = "\n".join(f"{n}、{paragraph * 8}" for n in range(100_000 // (len(paragraph) * 8) + 1))
    desk.editor.setPlainText(text)
    assert len(desk.editor.toPlainText()) >= 100_000

    desk.panel.refresh()

    listed = rows(desk.panel)
    sensitive = [c for c in listed if c.kind is CheckKind.SENSITIVE]
    punctuation = [c for c in listed if c.kind is CheckKind.PUNCTUATION]
    assert [(c.start, c.found) for c in sensitive] == [
        (hit.start, text[hit.start : hit.end]) for hit in matcher.find(text)
    ]
    assert [(c.start, c.found) for c in punctuation] == [
        (f.start, f.found) for f in punctuation_findings(text)
    ]
    assert desk.panel.count_label.text().startswith(f"{count(text).zishu:,} characters")


def test_an_opened_long_article_is_highlighted_in_slices_that_let_the_window_answer(
    qtbot: QtBot, matcher: SensitiveMatcher
) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    paragraphs = 3_000
    editor.setPlainText(
        "\n".join(f"第{n}段：本市召开发布会，评出最佳方案。" for n in range(paragraphs))
    )
    highlighter = CheckHighlighter(editor.document(), matcher)
    assert not highlighter.is_finished()
    last = editor.document().lastBlock()
    turns: list[bool] = []  # per turn of the event loop: was the last paragraph underlined yet?
    probe = QTimer(interval=0)
    probe.timeout.connect(lambda: turns.append(bool(underlined(last))))
    probe.start()
    with qtbot.waitSignal(highlighter.finished, timeout=60_000):
        pass
    probe.stop()
    assert highlighter.is_finished()
    assert turns.count(False) >= 2  # the event loop ran between slices, before the end was reached
    block = editor.document().firstBlock()
    while block.isValid():
        assert [text for _, _, text, _ in underlined(block)] == ["最佳"], block.text()
        block = block.next()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.textCursor().insertBlock()
    type_text(editor, "国家级")  # once finished, an edit is highlighted at once
    assert [text for _, _, text, _ in underlined(editor.document().lastBlock())] == ["国家级"]


def test_a_document_set_under_the_highlighter_is_highlighted_in_slices(
    qtbot: QtBot, matcher: SensitiveMatcher
) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    highlighter = CheckHighlighter(editor.document(), matcher)
    assert highlighter.is_finished()  # an empty document: nothing to catch up on
    highlighter.highlight_in_slices()
    editor.setPlainText("\n".join(f"第{n}段：评出最佳方案。" for n in range(3_000)))
    assert underlined(editor.document().lastBlock()) == []  # not while it was being set
    with qtbot.waitSignal(highlighter.finished, timeout=60_000):
        pass
    assert [text for _, _, text, _ in underlined(editor.document().lastBlock())] == ["最佳"]
