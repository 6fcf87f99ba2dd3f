"""The Review page driven through its real widgets over a copy of the demo workspace.

Editors' moves (writing, submitting, editing) are applied straight to the store, as they would
arrive from another workstation; reviewers and publishers decide through the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QCheckBox, QPushButton
from pytestqt.qtbot import QtBot

from newsdesk.core.articles import current_hash
from newsdesk.core.body import strip_html
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ArticleState, ReviewDecision, Verdict
from newsdesk.core.mutation import Kind
from newsdesk.store.review_queue import SIGN_OFF
from newsdesk.store.workspace import Workspace
from newsdesk.ui.jobs import Runner
from newsdesk.ui.review import ReviewPage
from newsdesk.ui.review.model import QueueModel
from newsdesk.ui.session import Session

SignIn = Callable[[str], Session]
FIRST_BODY = "<p>本报讯 古籍修复展今日在市图书馆开幕,展出修复成果。</p><p>展览持续一个月。</p>"
SECOND_BODY = (
    "<p>本报讯 古籍修复成果展今日在市图书馆开幕，展出百余件修复成果。</p><p>展览持续一个月。</p>"
)
SHOT_BODY = (
    "<p>本报讯 古籍修复成果展今日在市图书馆开幕，展出百余件修复成果,观众可免费参观。</p>"
    "<p>展览持续一个月。</p>"
)
SHOTS = Path("/tmp/newsdesk-shots")
SNAPSHOT_DEBOUNCE_MS = 60  # longer than the snapshot store's wait before reloading


class Desk:
    """The editor's side of the story, applied to the workspace as another workstation would."""

    def __init__(self, workspace: Workspace, sign_in: SignIn) -> None:
        self.workspace = workspace
        self.editor = sign_in("editor")

    def channel(self, name: str) -> str:
        with self.workspace.store.world() as world:
            channel = world.channel_by_name(name)
        assert channel is not None
        return channel.id

    def article(self, article_id: str) -> Article:
        with self.workspace.store.world() as world:
            article = world.article(article_id)
        assert article is not None
        return article

    def decisions(self, article_id: str) -> list[ReviewDecision]:
        article = self.article(article_id)
        with self.workspace.store.world() as world:
            return list(world.decisions(article_id, article.revision_number))

    def must(self, kind: Kind, entity: str | None = None, **args: Any) -> str:
        made = self.editor.mutation(kind, entity, **args)
        [applied] = self.workspace.store.apply([made])
        assert applied.accepted, str(applied.outcome)
        return made.entity

    def write(self, channel: str, title: str = "古籍修复展开幕", body: str = FIRST_BODY) -> str:
        article_id = self.must(
            Kind.ARTICLE_CREATE, channel_id=self.channel(channel), title=title, body_html=body
        )
        self.submit(article_id)
        return article_id

    def submit(self, article_id: str) -> None:
        self.must(
            Kind.ARTICLE_SUBMIT,
            article_id,
            revision_id=new_id(),
            content_hash=current_hash(self.article(article_id)),
        )


@pytest.fixture
def desk(workspace: Workspace, sign_in: SignIn) -> Desk:
    return Desk(workspace, sign_in)


@pytest.fixture(autouse=True)
def settle(qtbot: QtBot, runner: Runner) -> Iterator[None]:
    """After each test, let the reloads its decisions set off (the page's, the snapshot's) end
    before the runner shuts down."""
    yield
    qtbot.wait(SNAPSHOT_DEBOUNCE_MS)
    qtbot.waitUntil(lambda: runner.busy == 0, timeout=10_000)


def open_page(qtbot: QtBot, session: Session) -> ReviewPage:
    page = ReviewPage(session)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        page.show()
    qtbot.waitUntil(lambda: page.view.has_checks, timeout=10_000)
    return page


def show(qtbot: QtBot, page: ReviewPage, article_id: str) -> None:
    row = page.model.row_of(article_id)
    assert row is not None, "the article is not in the queue"
    page.queue.setCurrentIndex(page.model.index(row, 0))
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.article.id == article_id)


def tick_checklist(qtbot: QtBot, page: ReviewPage) -> None:
    for box in page.decision.findChildren(QCheckBox):
        if box.isVisibleTo(page.decision) and not box.isChecked():
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def click(qtbot: QtBot, page: ReviewPage, name: str) -> None:
    button = page.decision.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def decide(qtbot: QtBot, page: ReviewPage, button: str) -> None:
    """Click ``button`` and wait for the queue to reload after the accepted decision."""
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        click(qtbot, page, button)
    assert not page.message_bar.isVisible(), page.message_bar.text


def refused(qtbot: QtBot, page: ReviewPage, button: str) -> str:
    click(qtbot, page, button)
    qtbot.waitUntil(page.message_bar.isVisible)
    return page.message_bar.text


def approve(qtbot: QtBot, session: Session, article_id: str) -> None:
    page = open_page(qtbot, session)
    show(qtbot, page, article_id)
    tick_checklist(qtbot, page)
    decide(qtbot, page, "approve")
    assert page.model.row_of(article_id) is None
    page.close()


def select_passage(page: ReviewPage, passage: str) -> None:
    found = page.view.browser.document().find(passage)
    assert not found.isNull(), passage
    page.view.browser.setTextCursor(found)


def test_three_levels_return_resubmit_and_sign_off(
    qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn
) -> None:
    article_id = desk.write("新闻")
    reviewer1, reviewer2 = sign_in("reviewer1"), sign_in("reviewer2")
    approve(qtbot, reviewer1, article_id)
    assert desk.article(article_id).review_level == 2

    page = open_page(qtbot, reviewer2)
    show(qtbot, page, article_id)
    assert page.decision.heading.text().startswith("Second review of revision 1")
    select_passage(page, "展出修复成果")
    page.decision.anchor_note.insert("请写明展品数量")
    qtbot.mouseClick(page.decision.anchor_button, Qt.MouseButton.LeftButton)
    assert page.decision.anchor_list.count() == 1
    page.decision.comment.setPlainText("请补充展品数量后再送审")
    decide(qtbot, page, "return")
    article = desk.article(article_id)
    assert article.state == ArticleState.DRAFT
    with desk.workspace.store.world() as world:
        [_, returned] = sorted(world.decisions(article_id, 1), key=lambda d: d.level)
    assert returned.verdict == Verdict.RETURN
    assert returned.comment == "请补充展品数量后再送审"
    [anchor] = returned.anchors
    assert anchor.quote == "展出修复成果"
    assert anchor.comment == "请写明展品数量"
    # Offsets into the text as the editor's review notes read it (strip_html of the body).
    assert strip_html(article.body_html)[anchor.start : anchor.end] == "展出修复成果"

    desk.must(Kind.ARTICLE_EDIT, article_id, body_html=SECOND_BODY)
    desk.submit(article_id)
    approve(qtbot, reviewer1, article_id)
    approve(qtbot, reviewer2, article_id)
    page = open_page(qtbot, sign_in("reviewer3"))
    show(qtbot, page, article_id)
    assert not page.view.compare.isHidden()
    assert "1 paragraph" in page.view.compare.summary.text()
    history = page.view.history
    assert history.topLevelItemCount() == 2
    assert history.topLevelItem(1).childCount() == 2  # revision 1: approved, then returned
    tick_checklist(qtbot, page)
    decide(qtbot, page, "approve")
    assert desk.article(article_id).state == ArticleState.APPROVED

    page = open_page(qtbot, sign_in("publisher"))
    show(qtbot, page, article_id)
    assert page.model.items[page.model.row_of(article_id) or 0].step == SIGN_OFF
    assert not page.decision.approve.isVisible()
    decide(qtbot, page, "signOff")
    assert desk.article(article_id).state == ArticleState.SIGNED_OFF


def test_two_level_channel(qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn) -> None:
    """图书馆 follows 001 §5.3.2: 初审 and 复审, then sign-off."""
    article_id = desk.write("图书馆", title="图书馆周末延长开放")
    approve(qtbot, sign_in("reviewer1"), article_id)
    assert desk.article(article_id).review_level == 2
    approve(qtbot, sign_in("reviewer2"), article_id)
    assert desk.article(article_id).state == ArticleState.APPROVED
    page = open_page(qtbot, sign_in("publisher"))
    show(qtbot, page, article_id)
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        qtbot.keyClick(page.queue, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert desk.article(article_id).state == ArticleState.SIGNED_OFF
    assert page.model.row_of(article_id) is None


def test_refusals_keep_the_form(qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn) -> None:
    article_id = desk.write("新闻")
    page = open_page(qtbot, sign_in("reviewer1"))
    show(qtbot, page, article_id)
    page.decision.comment.setPlainText("")
    assert "needs a comment" in page.decision.return_button.text()
    assert "comment is required" in refused(qtbot, page, "return")
    assert desk.decisions(article_id) == []

    page.message_bar.hide()
    page.decision.comment.setPlainText("内容基本属实")
    assert "checklist" in refused(qtbot, page, "approve")
    assert desk.decisions(article_id) == []
    assert page.decision.comment_text() == "内容基本属实"

    # Meanwhile the editor withdraws, edits and submits again: the page still shows revision 1.
    page.message_bar.hide()
    desk.must(Kind.ARTICLE_WITHDRAW, article_id)
    desk.must(Kind.ARTICLE_EDIT, article_id, body_html=SECOND_BODY)
    desk.submit(article_id)
    tick_checklist(qtbot, page)
    assert "has changed since this revision" in refused(qtbot, page, "approve")
    assert desk.decisions(article_id) == []
    assert page.decision.comment_text() == "内容基本属实"


def test_queue_shows_only_the_levels_held(
    qtbot: QtBot, qtmodeltester: Any, english: None, desk: Desk, sign_in: SignIn
) -> None:
    article_id = desk.write("新闻")
    page = open_page(qtbot, sign_in("reviewer2"))
    assert page.model.row_of(article_id) is None
    assert all(item.step == 2 for item in page.model.items)
    with qtbot.waitSignal(page.count_changed) as counted:
        page.reload()
    assert counted.args == [page.model.rowCount()]
    reviewer1 = open_page(qtbot, sign_in("reviewer1"))
    assert reviewer1.model.row_of(article_id) is not None
    assert all(item.step == 1 for item in reviewer1.model.items)
    qtmodeltester.check(reviewer1.model)
    qtmodeltester.check(QueueModel())


def test_keyboard_moves_and_returns(
    qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn
) -> None:
    first = desk.write("新闻", title="第一篇")
    desk.write("新闻", title="第二篇")
    page = open_page(qtbot, sign_in("reviewer1"))
    show(qtbot, page, first)
    row = page.queue.currentIndex().row()
    page.queue.setFocus()
    qtbot.keyClick(page.queue, Qt.Key.Key_J)
    assert page.queue.currentIndex().row() == min(row + 1, page.model.rowCount() - 1)
    qtbot.keyClick(page.queue, Qt.Key.Key_K)
    assert page.queue.currentIndex().row() == row
    qtbot.keyClick(page.queue, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.queue, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.queue.currentIndex().row() == row
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.article.id == first)
    qtbot.keyClick(page.queue, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert page.decision.comment.hasFocus()
    page.decision.comment.setPlainText("标题需要修改")
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        qtbot.keyClick(page.decision.comment, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert desk.article(first).state == ArticleState.DRAFT


def test_screenshot_zh_cn(qtbot: QtBot, chinese: None, desk: Desk, sign_in: SignIn) -> None:
    article_id = desk.write("新闻")
    reviewer1 = sign_in("reviewer1")
    page = open_page(qtbot, reviewer1)
    show(qtbot, page, article_id)
    page.decision.comment.setPlainText("请补充展品数量")
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        click(qtbot, page, "return")
    desk.must(Kind.ARTICLE_EDIT, article_id, body_html=SHOT_BODY)
    desk.submit(article_id)
    page.reload()
    qtbot.waitUntil(lambda: page.model.row_of(article_id) is not None)
    show(qtbot, page, article_id)
    qtbot.waitUntil(lambda: page.view.findings.count() > 0)
    select_passage(page, "百余件修复成果")
    page.decision.anchor_note.insert("请核实数量")
    qtbot.mouseClick(page.decision.anchor_button, Qt.MouseButton.LeftButton)
    page.view.tabs.setCurrentIndex(page.view.findings_tab)
    page.view.browser.moveCursor(QTextCursor.MoveOperation.Start)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / "review-zh_CN.png"))


def test_the_reviewer_sees_the_articles_photograph(
    qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn, workspace: Workspace
) -> None:
    """The review body decodes an attached photograph when it shows it, off the UI thread: the
    reviewer sees the photograph itself, not a broken-image mark or the placeholder."""
    photo = QImage(800, 450, QImage.Format.Format_RGB32)
    photo.fill(QColor(30, 120, 200))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert photo.save(buffer, "PNG")
    sha = workspace.blobs.put(bytes(data.data()))
    body = f'<p>本报讯 古籍修复展开幕。</p><figure><img src="attachment:{sha}" alt="展厅"></figure>'
    article_id = desk.write("新闻", body=body)
    page = open_page(qtbot, sign_in("reviewer1"))
    show(qtbot, page, article_id)
    browser = page.view.browser
    cursor = browser.document().find("\ufffc")
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart())
    place = browser.cursorRect(cursor)

    def shown() -> bool:
        shot = browser.viewport().grab().toImage()  # decoded off the UI thread, then shown
        return shot.pixelColor(place.left() + 100, place.center().y()).rgb() == photo.pixel(0, 0)

    qtbot.waitUntil(shown)
