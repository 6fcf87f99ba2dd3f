"""定时发布 from the publisher's desk, through the real Review page, board, card menu and
details over a private copy of the demo: signing off with a time, seeing the clock chip,
changing and cancelling the time, a past time refused before anything is sent, and no
scheduling offered to whoever is no publisher."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, QDateTime, QLocale, QPoint, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from newsdesk.core.articles import current_hash, required_checklist
from newsdesk.core.board import Card, Column, Move
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ArticleState
from newsdesk.core.mutation import Kind, mutation
from newsdesk.publish.publisher import Publisher
from newsdesk.store.codec import TABLES
from newsdesk.store.workspace import Workspace
from newsdesk.ui.board import BoardPage
from newsdesk.ui.editor.articles_page import ArticlesModel
from newsdesk.ui.jobs import Runner
from newsdesk.ui.published.dialogs import PublishDialog
from newsdesk.ui.review import ReviewPage
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.palette import colours
from newsdesk.ui.widgets.publish_time import PublishTimeDialog, chip_text, next_half_hour

APPROVED = "市中心医院开设夜间门诊"  # approved at every level in the demo, waiting for sign-off
SHOTS = Path("/tmp/newsdesk-shots")
SignIn = Callable[[str], Session]


@pytest.fixture(autouse=True)
def settle(qtbot: QtBot, runner: Runner) -> Iterator[None]:
    yield
    qtbot.wait(60)
    qtbot.waitUntil(lambda: runner.busy == 0, timeout=10_000)


def article_titled(workspace: Workspace, title: str) -> Article:
    table = TABLES[Article]
    with workspace.store.engine.connect() as conn:
        [article_id] = conn.execute(
            select(table.c.id).where(table.c.title.contains(title))
        ).scalars()
    return stored(workspace, article_id)


def stored(workspace: Workspace, article_id: str) -> Article:
    with workspace.store.world() as world:
        article = world.article(article_id)
    assert article is not None
    return article


def tomorrow_at(hour: int, minute: int, days: int = 1) -> QDateTime:
    return QDateTime(QDate.currentDate().addDays(days), QTime(hour, minute))


def as_utc(moment: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(moment.toSecsSinceEpoch(), dt.UTC)


def mutation_count(workspace: Workspace) -> int:
    with workspace.store.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM mutations").scalar() or 0)


@pytest.fixture
def open_board(qtbot: QtBot, sign_in: SignIn, runner: Runner) -> Iterator[Callable[..., BoardPage]]:
    pages: list[BoardPage] = []

    def make(login: str, width: int = 1600, height: int = 900) -> BoardPage:
        session = sign_in(login)
        snapshots = SnapshotStore(session)
        page = BoardPage(session, snapshots)
        snapshots.setParent(page)
        pages.append(page)
        page.resize(width, height)
        page.show()
        qtbot.waitUntil(lambda: page.loaded)
        return page

    yield make
    qtbot.waitUntil(lambda: runner.busy == 0)
    for page in pages:
        page.close()
        shiboken6.delete(page)


def open_review(qtbot: QtBot, session: Session, width: int = 1400, height: int = 860) -> ReviewPage:
    page = ReviewPage(session)
    qtbot.addWidget(page)
    page.resize(width, height)
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        page.show()
    return page


def show(qtbot: QtBot, page: ReviewPage, article_id: str) -> None:
    row = page.model.row_of(article_id)
    assert row is not None, "the article is not in the queue"
    page.queue.setCurrentIndex(page.model.index(row, 0))
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.article.id == article_id)


def card_on(page: BoardPage, column: Column, article_id: str) -> Card | None:
    model = page.models[column]
    row = model.row_of(article_id)
    return model.card(row) if row is not None else None


def card_image(page: BoardPage, column: Column, article_id: str) -> QImage:
    """The card as painted on screen."""
    view = page.strip.columns[column].view
    model = page.models[column]
    row = model.row_of(article_id)
    assert row is not None
    view.scrollTo(model.index(row))
    rect = view.visualRect(model.index(row))
    return view.viewport().grab(rect).toImage()


def shows_chip(image: QImage) -> bool:
    """Whether the scheduled chip's ground (the palette's ``accent_soft``) is painted."""
    return shows_colour(image, "accent_soft")


def shows_colour(image: QImage, role: str) -> bool:
    ground = colours().qcolor(role).rgb()
    return any(
        image.pixelColor(x, y).rgb() == ground
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def tick(qtbot: QtBot, page: ReviewPage) -> None:
    """Tick 定时发布 as a user does, with the mouse."""
    check = page.decision.schedule.check
    on_the_box = QPoint(8, check.height() // 2)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=on_the_box)
    assert page.decision.schedule.time.isEnabled()


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_picker_starts_at_the_next_full_half_hour() -> None:
    local = dt.datetime(2026, 12, 7, 7, 29, 59).astimezone()
    assert next_half_hour(local) == local.replace(minute=30, second=0)
    on_the_half = local.replace(minute=30, second=0)
    assert next_half_hour(on_the_half) == on_the_half.replace(hour=8, minute=0)
    late = local.replace(hour=23, minute=45)
    assert next_half_hour(late) == late.replace(hour=0, minute=0, second=0) + dt.timedelta(days=1)


# --- signing off with a time ------------------------------------------------------------------


def test_signing_off_on_the_review_page_at_0730_tomorrow_schedules_and_shows_the_chip(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: SignIn,
    open_board: Callable[..., BoardPage],
    english: None,
) -> None:
    article = article_titled(workspace, APPROVED)
    page = open_review(qtbot, sign_in("publisher"))
    show(qtbot, page, article.id)
    decision = page.decision
    assert decision.schedule.isVisible() and not decision.schedule.time.isEnabled()
    assert decision.sign_off.text() == "Sign off"
    before = dt.datetime.now(dt.UTC)
    tick(qtbot, page)
    after = dt.datetime.now(dt.UTC)
    assert decision.sign_off.text() == "Sign off and schedule"
    # The picker starts at the next full half-hour, and names the weekday.
    start = decision.schedule.time.publish_at()
    assert start in (next_half_hour(before), next_half_hour(after))
    assert start.astimezone().minute in (0, 30) and start > dt.datetime.now(dt.UTC)
    at = tomorrow_at(7, 30)
    decision.schedule.time.setDateTime(at)
    weekday = QLocale().toString(at.date(), "ddd")
    assert weekday in decision.schedule.time.text()
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        click(qtbot, decision.sign_off)
    signed = stored(workspace, article.id)
    assert signed.state == ArticleState.SIGNED_OFF
    assert signed.publish_at == as_utc(at)
    assert signed.published_version == 0
    assert "will be published" in page.message_bar.text

    board = open_board("publisher")
    card = card_on(board, Column.SIGNED_OFF, article.id)
    assert card is not None and card.publish_at == as_utc(at)
    assert card_on(board, Column.PUBLISHED, article.id) is None
    assert shows_chip(card_image(board, Column.SIGNED_OFF, article.id))


def test_signing_off_without_a_time_leaves_publishing_to_the_publisher(
    qtbot: QtBot, workspace: Workspace, sign_in: SignIn, english: None
) -> None:
    article = article_titled(workspace, APPROVED)
    page = open_review(qtbot, sign_in("publisher"))
    show(qtbot, page, article.id)
    with qtbot.waitSignal(page.queue_loaded, timeout=10_000):
        click(qtbot, page.decision.sign_off)
    signed = stored(workspace, article.id)
    assert signed.state == ArticleState.SIGNED_OFF and signed.publish_at is None


def test_a_past_time_is_refused_with_the_reason_and_nothing_is_sent(
    qtbot: QtBot, workspace: Workspace, sign_in: SignIn, english: None
) -> None:
    article = article_titled(workspace, APPROVED)
    page = open_review(qtbot, sign_in("publisher"))
    show(qtbot, page, article.id)
    tick(qtbot, page)
    page.decision.schedule.time.setDateTime(tomorrow_at(7, 30, days=-1))
    before = mutation_count(workspace)
    click(qtbot, page.decision.sign_off)
    assert page.message_bar.isVisible()
    assert "has already passed: choose a later publication time" in page.message_bar.text
    assert mutation_count(workspace) == before
    assert stored(workspace, article.id).state == ArticleState.APPROVED
    assert page.decision.isEnabled()  # the form stays as set, to pick a later time


# --- the board: sign off with a time, change it, cancel it ------------------------------------


def dialog_of(qtbot: QtBot, page: BoardPage) -> PublishTimeDialog:
    qtbot.waitUntil(lambda: page.findChild(PublishTimeDialog) is not None)
    dialog = page.findChild(PublishTimeDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_on_the_board_a_publisher_schedules_reschedules_and_cancels(
    qtbot: QtBot, workspace: Workspace, open_board: Callable[..., BoardPage], english: None
) -> None:
    article = article_titled(workspace, APPROVED)
    page = open_board("publisher")
    actions = page.board_actions
    assert page.select(article.id)
    offered = actions.card_actions()
    assert actions.schedule_sign_off_action in offered
    assert actions.schedule_sign_off_action.isEnabled()
    assert actions.reschedule_action not in offered
    assert not page.schedule_buttons.isVisible()

    # A past time keeps the dialog open with the reason; nothing is sent.
    before = mutation_count(workspace)
    actions.schedule_sign_off_action.trigger()
    dialog = dialog_of(qtbot, page)
    dialog.time.setDateTime(tomorrow_at(7, 30, days=-1))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "has already passed" in dialog.error.text()
    assert mutation_count(workspace) == before

    at = tomorrow_at(7, 30)
    dialog.time.setDateTime(at)
    assert not dialog.error.isVisible()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: stored(workspace, article.id).publish_at == as_utc(at))
    assert stored(workspace, article.id).state == ArticleState.SIGNED_OFF
    qtbot.waitUntil(lambda: card_on(page, Column.SIGNED_OFF, article.id) is not None)
    card = card_on(page, Column.SIGNED_OFF, article.id)
    assert card is not None and card.publish_at == as_utc(at)
    assert shows_chip(card_image(page, Column.SIGNED_OFF, article.id))
    assert page.select(article.id)
    assert chip_text(as_utc(at)).startswith("Scheduled ")
    assert "07:30" in page.details.toPlainText()
    assert page.schedule_buttons.isVisible()
    offered = actions.card_actions()
    assert actions.reschedule_action in offered and actions.unschedule_action in offered
    assert actions.schedule_sign_off_action not in offered

    # Change the time: the picker starts at the current one.
    later = tomorrow_at(9, 0, days=2)
    actions.reschedule_action.trigger()
    dialog = dialog_of(qtbot, page)
    assert dialog.time.dateTime() == at
    dialog.time.setDateTime(later)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: stored(workspace, article.id).publish_at == as_utc(later))

    def card_time() -> dt.datetime | None:
        found = card_on(page, Column.SIGNED_OFF, article.id)
        return found.publish_at if found else None

    qtbot.waitUntil(lambda: card_time() == as_utc(later))
    qtbot.waitUntil(lambda: "09:00" in page.details.toPlainText())
    assert "has been" not in page.bar.text

    # Cancel it, once confirmed: the chip goes, the article stays signed off.
    actions.unschedule_action.trigger()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox) is not None)
    box = page.findChild(QMessageBox)
    assert box is not None
    [cancel] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    click(qtbot, cancel)
    qtbot.waitUntil(lambda: stored(workspace, article.id).publish_at is None)
    assert stored(workspace, article.id).state == ArticleState.SIGNED_OFF
    qtbot.waitUntil(lambda: card_time() is None)
    assert not shows_chip(card_image(page, Column.SIGNED_OFF, article.id))
    assert page.select(article.id)
    assert not page.schedule_buttons.isVisible()
    assert actions.reschedule_action not in actions.card_actions()


def schedule_in_store(workspace: Workspace, sign_in: SignIn, article_id: str) -> dt.datetime:
    """The publisher signs ``article_id`` off for 07:30 tomorrow from another workstation."""
    publisher = sign_in("publisher")
    at = as_utc(tomorrow_at(7, 30))
    signing = publisher.mutation(
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=stored(workspace, article_id).revision_hash,
        publish_at=at.isoformat(),
    )
    [applied] = workspace.store.apply([signing])
    assert applied.accepted, str(applied.outcome)
    return at


def test_an_editor_without_publisher_rights_sees_no_schedule_actions(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: SignIn,
    open_board: Callable[..., BoardPage],
    english: None,
) -> None:
    article = article_titled(workspace, APPROVED)
    for login in ("editor", "chief"):
        page = open_board(login)
        assert page.select(article.id)
        actions = page.board_actions
        assert not set(actions.schedule_actions()) & set(actions.card_actions())
    schedule_in_store(workspace, sign_in, article.id)
    page = open_board("chief")
    qtbot.waitUntil(lambda: card_on(page, Column.SIGNED_OFF, article.id) is not None)
    assert page.select(article.id)
    actions = page.board_actions
    assert not set(actions.schedule_actions()) & set(actions.card_actions())
    assert not page.schedule_buttons.isVisible()
    # The chip and the details still tell everyone when it goes out.
    assert shows_chip(card_image(page, Column.SIGNED_OFF, article.id))
    assert "07:30" in page.details.toPlainText()


def test_published_early_by_hand_the_schedule_actions_are_gone(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: SignIn,
    open_board: Callable[..., BoardPage],
    english: None,
) -> None:
    article = article_titled(workspace, APPROVED)
    at = schedule_in_store(workspace, sign_in, article.id)
    page = open_board("publisher")
    assert page.select(article.id)
    assert page.board_actions.reschedule_action in page.board_actions.card_actions()
    # The articles list tells the time as well.
    listed = ArticlesModel()
    assert page.snapshot is not None
    listed.set_snapshot(page.snapshot)
    states = [listed.index(row, 2).data() for row in range(listed.rowCount())]
    assert f"Signed off · {chip_text(at)}" in states

    page.board_actions.move_actions[Move.PUBLISH].trigger()
    qtbot.waitUntil(lambda: page.findChild(PublishDialog) is not None)
    dialog = page.findChild(PublishDialog)
    assert dialog is not None
    note = dialog.findChild(QLabel, "scheduledNote")
    assert note is not None and note.isVisible()
    assert "Publishing it now cancels that time" in note.text()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: stored(workspace, article.id).state == ArticleState.PUBLISHED)
    assert stored(workspace, article.id).publish_at is None
    qtbot.waitUntil(lambda: card_on(page, Column.PUBLISHED, article.id) is not None)
    assert page.select(article.id)
    actions = page.board_actions
    assert not set(actions.schedule_actions()) & set(actions.card_actions())
    assert not page.schedule_buttons.isVisible()


def test_the_core_refusal_is_shown_when_the_time_was_cancelled_elsewhere(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: SignIn,
    open_board: Callable[..., BoardPage],
    english: None,
) -> None:
    article = article_titled(workspace, APPROVED)
    schedule_in_store(workspace, sign_in, article.id)
    page = open_board("publisher")
    assert page.select(article.id)
    # Another publisher cancels it; this board has not heard yet.
    elsewhere = sign_in("linxiaoyan").mutation(Kind.ARTICLE_UNSCHEDULE, article.id)
    [applied] = workspace.store.apply([elsewhere])
    assert applied.accepted, str(applied.outcome)
    page.board_actions.unschedule_action.trigger()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox) is not None)
    box = page.findChild(QMessageBox)
    assert box is not None
    [cancel] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    click(qtbot, cancel)
    qtbot.waitUntil(lambda: "The article is not scheduled for publication." in page.bar.text)


def must(workspace: Workspace, session: Session, kind: Kind, entity: str, **args: object) -> None:
    [applied] = workspace.store.apply([session.mutation(kind, entity, **args)])
    assert applied.accepted, str(applied.outcome)


def test_a_correction_offers_no_schedule_and_says_why(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: SignIn,
    open_board: Callable[..., BoardPage],
    english: None,
) -> None:
    article = article_titled(workspace, "全市开展校园周边")  # signed off in the demo
    publisher = sign_in("publisher")
    assert Publisher(workspace).publish(publisher.user.id, article.id).accepted
    writer = sign_in("wangfang")  # its owner corrects it and submits the correction
    must(workspace, writer, Kind.ARTICLE_CORRECT, article.id)
    content_hash = current_hash(stored(workspace, article.id))
    must(
        workspace,
        writer,
        Kind.ARTICLE_SUBMIT,
        article.id,
        revision_id=new_id(),
        content_hash=content_hash,
    )
    for level in (1, 2, 3):
        corrected = stored(workspace, article.id)
        must(
            workspace,
            sign_in(f"reviewer{level}"),
            Kind.ARTICLE_REVIEW,
            article.id,
            decision_id=new_id(),
            revision_hash=corrected.revision_hash,
            level=level,
            verdict="approve",
            checked=[item.value for item in required_checklist(corrected)],
            comment="",
        )
    assert stored(workspace, article.id).state == ArticleState.APPROVED

    page = open_review(qtbot, publisher)
    show(qtbot, page, article.id)
    check = page.decision.schedule.check
    assert check.isVisible() and not check.isEnabled()
    assert "A correction cannot be scheduled" in check.toolTip()

    board = open_board("publisher")
    assert board.select(article.id)
    action = board.board_actions.schedule_sign_off_action
    assert action in board.board_actions.card_actions() and not action.isEnabled()
    assert "A correction cannot be scheduled" in action.toolTip()


def test_a_time_that_came_without_a_publication_shows_as_late(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: SignIn,
    open_board: Callable[..., BoardPage],
    english: None,
) -> None:
    """Scheduled an hour ago for half an hour ago, and nothing published it (the service that
    does is down): the chip turns to the warning colours and the details say so."""
    article = article_titled(workspace, APPROVED)
    publisher = sign_in("publisher")
    now = dt.datetime.now(dt.UTC)
    signing = mutation(
        publisher.user.id,
        Kind.ARTICLE_SIGN_OFF,
        article.id,
        at=now - dt.timedelta(hours=1),
        sign_off_id=new_id(),
        revision_hash=article.revision_hash,
        publish_at=(now - dt.timedelta(minutes=30)).isoformat(),
    )
    [applied] = workspace.store.apply([signing])
    assert applied.accepted, str(applied.outcome)
    page = open_board("publisher")
    assert page.select(article.id)
    image = card_image(page, Column.SIGNED_OFF, article.id)
    assert shows_colour(image, "warning_soft") and not shows_colour(image, "accent_soft")
    assert "(due, not published yet)" in page.details.toPlainText()


# --- screenshots --------------------------------------------------------------------------------


def _shots(
    qtbot: QtBot,
    workspace: Workspace,
    sign_in: SignIn,
    open_board: Callable[..., BoardPage],
    theme: str,
) -> None:
    article = article_titled(workspace, APPROVED)
    page = open_review(qtbot, sign_in("publisher"), 1280, 720)
    show(qtbot, page, article.id)
    tick(qtbot, page)
    assert page.decision.sign_off.text() == "签发并定时发布"
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / f"schedule-review-{theme}.png"))
    page.close()

    board = open_board("publisher", 1280, 720)
    assert board.select(article.id)
    board.board_actions.schedule_sign_off_action.trigger()
    dialog = dialog_of(qtbot, board)
    dialog.time.setDateTime(tomorrow_at(7, 30))
    assert dialog.grab().save(str(SHOTS / f"schedule-dialog-{theme}.png"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: card_on(board, Column.SIGNED_OFF, article.id) is not None)
    assert board.select(article.id)
    qtbot.waitUntil(board.schedule_buttons.isVisible)
    assert shows_chip(card_image(board, Column.SIGNED_OFF, article.id))
    assert board.grab().save(str(SHOTS / f"schedule-board-{theme}.png"))


@pytest.mark.usefixtures("chinese")
def test_screenshots_zh_cn_light(
    qtbot: QtBot, workspace: Workspace, sign_in: SignIn, open_board: Callable[..., BoardPage]
) -> None:
    _shots(qtbot, workspace, sign_in, open_board, "light")


@pytest.mark.usefixtures("chinese", "dark")
def test_screenshots_zh_cn_dark(
    qtbot: QtBot, workspace: Workspace, sign_in: SignIn, open_board: Callable[..., BoardPage]
) -> None:
    _shots(qtbot, workspace, sign_in, open_board, "dark")
