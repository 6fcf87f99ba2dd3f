"""The kanban board, driven through real widgets over a private copy of the small demo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QMimeData, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTreeView,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from newsdesk.core.board import Card, Column, Move, Snapshot, sort_key
from newsdesk.core.ids import new_id
from newsdesk.core.model import (
    Article,
    ArticleState,
    Priority,
    Proposal,
    ProposalState,
    Publication,
)
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.store.codec import TABLES
from newsdesk.store.workspace import Workspace
from newsdesk.ui.board import BoardPage
from newsdesk.ui.board.columns import UNIFORM_ABOVE, ColumnView
from newsdesk.ui.board.filters import card_date, involves
from newsdesk.ui.board.model import CARD_ROLE, CardListModel, Narrowing
from newsdesk.ui.jobs import Runner
from newsdesk.ui.proposals.dialogs import AssignDialog, ProposalEditor, ReturnDialog
from newsdesk.ui.published.dialogs import PublishDialog
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from tests.sync.desks import disk_fails_once
from tests.ui.dnd import drag_and_drop

SHOTS = Path("/tmp/newsdesk-shots")


OpenBoard = Callable[[str], BoardPage]


@pytest.fixture
def open_board(
    qtbot: QtBot, sign_in: Callable[[str], Session], runner: Runner
) -> Iterator[OpenBoard]:
    """``open_board("chief")``: that user's board, shown and loaded."""

    pages: list[BoardPage] = []

    def make(login: str) -> BoardPage:
        session = sign_in(login)
        snapshots = SnapshotStore(session)
        page = BoardPage(session, snapshots)
        snapshots.setParent(page)
        pages.append(page)
        page.resize(1600, 900)
        page.show()
        qtbot.waitUntil(lambda: page.loaded)
        return page

    yield make
    # Every read the pages started has come back before they go, and with them go their
    # snapshot stores, so no reload is left pending for a runner that is shutting down.
    qtbot.waitUntil(lambda: runner.busy == 0)
    for page in pages:
        page.close()
        shiboken6.delete(page)


def cards(page: BoardPage, column: Column) -> list[Card]:
    model = page.models[column]
    return [model.card(row) for row in range(model.rowCount())]


def titled(page: BoardPage, column: Column, title: str) -> Card:
    return next(card for card in cards(page, column) if title in card.title)


def drag(page: BoardPage, card: Card, target: Column) -> None:
    """Drag ``card`` onto the ``target`` column the way Qt delivers a real drag."""
    model = page.models[card.column]
    row = model.row_of(card.id)
    assert row is not None
    mime: QMimeData = model.mimeData([model.index(row)])
    viewport = page.strip.columns[target].view.viewport()
    enter, _ = drag_and_drop(viewport, mime)
    assert enter.isAccepted()


def proposal_state(workspace: Workspace, proposal_id: str) -> tuple[ProposalState, int]:
    with workspace.store.world() as world:
        proposal = world.proposal(proposal_id)
    assert proposal is not None
    return proposal.state, proposal.row_version


def login_of(page: BoardPage, user_id: str) -> str:
    assert page.snapshot is not None
    return page.snapshot.users[user_id].login


# --- moving cards ---------------------------------------------------------------------------


def test_a_chief_drags_a_proposal_into_the_topic_library(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("chief")
    card = titled(page, Column.SUBMITTED, "暑期青少年防溺水")
    resets: list[str] = []
    for model in page.models.values():
        model.modelReset.connect(lambda: resets.append("reset"))

    drag(page, card, Column.SELECTED)

    qtbot.waitUntil(lambda: proposal_state(workspace, card.id)[0] == ProposalState.SELECTED)
    qtbot.waitUntil(lambda: page.models[Column.SELECTED].row_of(card.id) is not None)
    assert page.models[Column.SUBMITTED].row_of(card.id) is None
    assert resets == []  # moved by a removal and an insertion, not by resetting the models
    assert page.current_card() is not None and page.current_card().id == card.id  # type: ignore[union-attr]
    assert "Topic library" in page.bar.text


def test_an_editor_may_not_select_and_is_told_why(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("editor")
    card = titled(page, Column.SUBMITTED, "暑期青少年防溺水")
    before = proposal_state(workspace, card.id)

    drag(page, card, Column.SELECTED)

    assert page.bar.isVisible()
    assert page.bar.text == "Only a chief of the channel “新闻” can do this."
    qtbot.waitUntil(lambda: page.session.runner.busy == 0)  # a change asked for would be applied
    assert proposal_state(workspace, card.id) == before
    assert page.models[Column.SUBMITTED].row_of(card.id) is not None


def test_a_move_the_board_does_not_know_is_refused(
    open_board: OpenBoard, workspace: Workspace, english: None
) -> None:
    page = open_board("chief")
    card = titled(page, Column.SUBMITTED, "暑期青少年防溺水")
    before = proposal_state(workspace, card.id)

    drag(page, card, Column.PUBLISHED)

    assert page.bar.text == "A card cannot go from “Submitted” to “Published”."
    assert proposal_state(workspace, card.id) == before


def test_returning_asks_why_and_the_proposer_sees_the_reason(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("chief")
    card = titled(page, Column.SUBMITTED, "社区诗会")
    assert card.proposal is not None
    reason = "选题与上周的社区文化报道重复，请换一个角度再报。"

    drag(page, card, Column.RETURNED)
    dialog = page.findChild(ReturnDialog)
    assert dialog is not None and dialog.isVisible()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no return
    dialog.findChild(QPlainTextEdit).insertPlainText(reason)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: proposal_state(workspace, card.id)[0] == ProposalState.RETURNED)
    with workspace.store.world() as world:
        stored = world.proposal(card.id)
    assert stored is not None and stored.return_reason == reason

    proposer = open_board(login_of(page, card.proposal.proposer_id))
    assert proposer.select(card.id)
    assert reason in proposer.details.toPlainText()
    assert "Returned by 刘建华" in proposer.details.toPlainText()


def test_assigning_asks_for_editors_and_puts_the_topic_on_their_cards(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("chief")
    card = titled(page, Column.SELECTED, "一老一小")

    drag(page, card, Column.ASSIGNED)
    dialog = page.findChild(AssignDialog)
    assert dialog is not None and dialog.isVisible()
    editors = dialog.findChild(QTreeView)
    qtbot.waitUntil(lambda: editors.model().rowCount() > 0)  # read on the database thread
    names = [editors.model().index(row, 0).data() for row in range(editors.model().rowCount())]
    row = names.index("刘洋")
    rect = editors.visualRect(editors.model().index(row, 0))
    qtbot.mouseClick(editors.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: proposal_state(workspace, card.id)[0] == ProposalState.ASSIGNED)
    liuyang = open_board("liuyang")
    assigned = next(c for c in cards(liuyang, Column.ASSIGNED) if c.id == card.id)
    assert assigned.proposal is not None
    assert liuyang.session.user.id in assigned.proposal.assignees
    liuyang.filters.person.setCurrentIndex(liuyang.filters.person.findText("Me"))
    assert liuyang.models[Column.ASSIGNED].row_of(card.id) is not None


def test_an_editor_submits_an_article_for_review_by_dragging(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("editor")
    card = titled(page, Column.IN_PROGRESS, "临港片区夜市")

    drag(page, card, Column.IN_REVIEW)

    def state() -> tuple[ArticleState, int]:
        with workspace.store.world() as world:
            article = world.article(card.id)
        assert article is not None
        return article.state, article.revision_number

    qtbot.waitUntil(lambda: state()[0] == ArticleState.IN_REVIEW)
    assert state()[1] == 1
    qtbot.waitUntil(lambda: page.models[Column.IN_REVIEW].row_of(card.id) is not None)


def test_a_publisher_signs_off_an_approved_article(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("publisher")
    card = titled(page, Column.IN_REVIEW, "市中心医院开设夜间门诊")

    drag(page, card, Column.SIGNED_OFF)

    def state() -> ArticleState:
        with workspace.store.world() as world:
            article = world.article(card.id)
        assert article is not None
        return article.state

    qtbot.waitUntil(lambda: state() == ArticleState.SIGNED_OFF)


def test_a_publisher_publishes_a_signed_off_article_by_dragging(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("publisher")
    signed = titled(page, Column.SIGNED_OFF, "全市开展校园周边")
    drag(page, signed, Column.PUBLISHED)
    qtbot.waitUntil(lambda: page.findChild(PublishDialog) is not None)
    dialog = page.findChild(PublishDialog)
    assert dialog is not None and dialog.isVisible()
    assert "PC · WAP · APP" in dialog.findChild(QLabel, "targets").text()
    assert not dialog.note.isVisible()  # a first publication needs no correction note
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def published() -> bool:
        with workspace.store.world() as world:
            article = world.article(signed.id)
        return article is not None and article.state == ArticleState.PUBLISHED

    qtbot.waitUntil(published)
    qtbot.waitUntil(lambda: "Published “" in page.bar.text, timeout=10_000)
    assert list(workspace.export.glob(f"*/*/{signed.id}.*"))
    qtbot.waitUntil(lambda: page.models[Column.PUBLISHED].row_of(signed.id) is not None)


def test_an_editor_may_not_publish_and_is_told_why(
    open_board: OpenBoard, workspace: Workspace, english: None
) -> None:
    page = open_board("chief")
    signed = titled(page, Column.SIGNED_OFF, "全市开展校园周边")
    drag(page, signed, Column.PUBLISHED)
    assert page.findChild(PublishDialog) is None
    assert "Only a publisher of" in page.bar.text


def test_ctrl_right_moves_the_selected_card_on(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("chief")
    card = titled(page, Column.SUBMITTED, "视障读者听书服务")
    view = page.strip.columns[Column.SUBMITTED].view
    assert page.select(card.id)
    page.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: proposal_state(workspace, card.id)[0] == ProposalState.SELECTED)
    qtbot.waitUntil(lambda: page.strip.columns[Column.SELECTED].view.current_card() is not None)
    assert page.current_card() is not None and page.current_card().id == card.id  # type: ignore[union-attr]


def test_keys_say_why_a_card_cannot_move_and_open_its_menu_and_details(
    open_board: OpenBoard, qtbot: QtBot, english: None
) -> None:
    page = open_board("chief")
    card = titled(page, Column.SUBMITTED, "视障读者听书服务")
    view = page.strip.columns[Column.SUBMITTED].view
    page.select(card.id)
    page.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert page.bar.text == "A card cannot go from “Submitted” to “Draft”."

    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = page.findChild(QMenu)
    assert menu is not None and menu.isVisible()
    assert "Select into topic library" in [action.text() for action in menu.actions()]
    menu.close()

    page.splitter.setSizes([1600, 0])
    with qtbot.waitSignal(page.card_activated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [card.id]
    assert page.splitter.sizes()[1] > 0
    assert "视障读者听书服务" in page.details.toPlainText()


def test_ctrl_n_opens_the_proposal_editor(open_board: OpenBoard, qtbot: QtBot) -> None:
    page = open_board("editor")
    view = page.strip.columns[Column.DRAFT].view
    page.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.findChild(ProposalEditor)
    assert editor is not None and editor.isVisible()
    editor.reject()


def test_deleting_asks_first_and_a_deleted_proposal_can_be_restored(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("chief")
    card = titled(page, Column.SUBMITTED, "视障读者听书服务")
    page.select(card.id)

    page.board_actions.delete_action.trigger()
    box = page.findChild(QMessageBox)
    assert box is not None and "视障读者听书服务" in box.text()
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: proposal_state(workspace, card.id)[0] == ProposalState.DELETED)
    qtbot.waitUntil(lambda: page.models[Column.SUBMITTED].row_of(card.id) is None)

    page.filters.deleted.setChecked(True)
    assert page.select(card.id)
    board_actions = page.board_actions
    offered = board_actions.card_actions()
    assert board_actions.restore_action in offered and board_actions.delete_action not in offered
    board_actions.restore_action.trigger()
    qtbot.waitUntil(lambda: proposal_state(workspace, card.id)[0] == ProposalState.SUBMITTED)


# --- what the menu offers -------------------------------------------------------------------


def test_the_card_menu_disables_what_is_not_allowed_and_says_why(
    open_board: OpenBoard, english: None
) -> None:
    page = open_board("editor")
    page.select(titled(page, Column.SUBMITTED, "暑期青少年防溺水").id)
    actions = page.board_actions.move_actions
    assert not actions[Move.SELECT].isEnabled()
    assert actions[Move.SELECT].toolTip() == "Only a chief of the channel “新闻” can do this."
    assert not page.board_actions.edit_action.isEnabled()
    assert actions[Move.SELECT] in page.board_actions.card_actions()
    assert actions[Move.SIGN_OFF] not in page.board_actions.card_actions()

    own = titled(page, Column.RETURNED, "城区共享单车")  # the editor's own returned proposal
    page.select(own.id)
    assert actions[Move.SUBMIT_PROPOSAL].isEnabled()
    assert page.board_actions.edit_action.isEnabled()


# --- filters --------------------------------------------------------------------------------


def shown(page: BoardPage) -> list[Card]:
    return [card for column in Column for card in cards(page, column)]


def test_filters_narrow_the_board_and_its_counts(
    open_board: OpenBoard, workspace: Workspace, qtbot: QtBot, english: None
) -> None:
    page = open_board("editor")
    everything = shown(page)
    filters = page.filters

    filters.channel.setCurrentIndex(filters.channel.findText("图书馆"))
    library = shown(page)
    assert library and len(library) < len(everything)
    assert {page.snapshot.channels[c.channel_id].name for c in library} == {"图书馆"}  # type: ignore[union-attr]
    for column, widget in page.strip.columns.items():
        count = page.models[column].rowCount()
        assert widget.header.text().endswith(f" · {count}")
    filters.channel.setCurrentIndex(0)

    filters.person.setCurrentIndex(filters.person.findText("Me"))
    mine = shown(page)
    me = page.session.user.id
    assert mine and len(mine) < len(everything)
    assert all(involves(card, me) for card in mine)
    filters.person.setCurrentIndex(0)

    filters.search.setText("公园")
    qtbot.waitUntil(lambda: len(shown(page)) < len(everything))
    hits = {hit.id for hit in workspace.store.search("公园", limit=1000)}
    found = shown(page)
    assert any("口袋公园" in card.title for card in found)
    assert all(card.id in hits or (card.topic and card.topic.id in hits) for card in found)
    filters.search.clear()
    qtbot.waitUntil(lambda: len(shown(page)) == len(everything))

    today = dt.date.today()
    first, last = today - dt.timedelta(days=3), today + dt.timedelta(days=3)
    filters.date_from.setDate(QDate(first.year, first.month, first.day))
    filters.date_to.setDate(QDate(last.year, last.month, last.day))
    filters.by_date.setChecked(True)
    dated = shown(page)
    assert dated and len(dated) < len(everything)
    assert all(first <= card_date(card) <= last for card in dated)  # type: ignore[operator]
    filters.by_date.setChecked(False)
    assert len(shown(page)) == len(everything)


def test_the_board_opens_on_the_desks_channel_until_another_is_chosen(
    qtbot: QtBot, sign_in: Callable[[str], Session], runner: Runner, chinese: None
) -> None:
    """The branch preset's ``channels``: the first this workspace has (城东新闻 is not one of
    the demo's) is the board's channel at first; a channel the user chooses stays chosen."""
    session = sign_in("editor")
    snapshots = SnapshotStore(session)
    page = BoardPage(session, snapshots, desk_channels=["城东新闻", "图书馆", "新闻"])
    snapshots.setParent(page)
    page.resize(1600, 900)
    page.show()
    try:
        qtbot.waitUntil(lambda: page.loaded)
        filters = page.filters
        assert filters.channel.currentText() == "图书馆"
        library = shown(page)
        assert library
        assert {page.snapshot.channels[c.channel_id].name for c in library} == {"图书馆"}  # type: ignore[union-attr]
        SHOTS.mkdir(exist_ok=True)
        page.grab().save(str(SHOTS / "board-desk-channel.png"))
        filters.channel.setCurrentIndex(filters.channel.findText("全部频道"))
        assert len(shown(page)) > len(library)
        with qtbot.waitSignal(snapshots.updated):
            snapshots.reload()
        assert filters.channel.currentText() == "全部频道"
    finally:
        qtbot.waitUntil(lambda: runner.busy == 0)
        page.close()
        shiboken6.delete(page)


def test_columns_every_channel_hides_are_hidden(
    open_board: OpenBoard, sign_in: Callable[[str], Session], qtbot: QtBot
) -> None:
    admin = sign_in("admin")
    page = open_board("editor")
    assert page.snapshot is not None
    library = next(c for c in page.snapshot.channels.values() if c.name == "图书馆")
    done: list[object] = []
    admin.apply(
        [admin.mutation(Kind.CHANNEL_UPDATE, library.id, hidden_columns=["returned"])], done.append
    )
    qtbot.waitUntil(lambda: bool(done))
    page.snapshots.reload()
    qtbot.waitUntil(
        lambda: (
            page.snapshot is not None
            and page.snapshot.channels[library.id].hidden_columns == ("returned",)
        )
    )
    assert Column.RETURNED in page.strip.shown()  # the other channels still show it
    page.filters.channel.setCurrentIndex(page.filters.channel.findText("图书馆"))
    assert Column.RETURNED not in page.strip.shown()
    assert Column.SUBMITTED in page.strip.shown()


def test_a_channel_silent_longer_than_its_interval_is_named_until_it_publishes(
    open_board: OpenBoard,
    sign_in: Callable[[str], Session],
    workspace: Workspace,
    qtbot: QtBot,
    english: None,
) -> None:
    admin = sign_in("admin")
    page = open_board("publisher")
    assert page.snapshot is not None
    news = next(c for c in page.snapshot.channels.values() if c.name == "新闻")
    publications, articles = TABLES[Publication], TABLES[Article]

    def backdate() -> None:
        """Every publication of 新闻 went out nine days ago to the minute: nine newsroom days."""
        with workspace.store.engine.begin() as conn:
            conn.execute(
                update(publications)
                .where(
                    publications.c.article_id.in_(
                        select(articles.c.id).where(articles.c.channel_id == news.id)
                    )
                )
                .values(published_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=9))
            )

    backdate()
    assert not page.rhythm_banner.isVisible()  # no channel has an interval yet

    def set_interval(days: int | None) -> None:
        done: list[object] = []
        admin.apply([admin.mutation(Kind.CHANNEL_UPDATE, news.id, silence_days=days)], done.append)
        qtbot.waitUntil(lambda: bool(done))
        page.snapshots.reload()
        qtbot.waitUntil(
            lambda: (
                page.snapshot is not None
                and page.snapshot.channels[news.id].silence_days == days
                and page.session.runner.busy == 0
            )
        )

    set_interval(7)
    qtbot.waitUntil(page.rhythm_banner.isVisible)
    assert page.rhythm_banner.text() == (
        "新闻: nothing published for 9 days (required within 7 days)"
    )
    set_interval(None)
    qtbot.waitUntil(lambda: not page.rhythm_banner.isVisible())
    set_interval(9)  # nine days silent is within nine days
    assert not page.rhythm_banner.isVisible()
    set_interval(1)
    qtbot.waitUntil(page.rhythm_banner.isVisible)
    assert page.rhythm_banner.text().endswith("(required within 1 day)")

    signed = titled(page, Column.SIGNED_OFF, "全市开展校园周边")
    drag(page, signed, Column.PUBLISHED)
    qtbot.waitUntil(lambda: page.findChild(PublishDialog) is not None)
    dialog = page.findChild(PublishDialog)
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.rhythm_banner.isVisible(), timeout=10_000)

    # Days pass with the board open (here: the publications moved nine days back) and nothing
    # else changes; the hourly check names the channel again.
    backdate()
    page.rhythm_timer.timeout.emit()
    qtbot.waitUntil(page.rhythm_banner.isVisible)
    assert page.rhythm_banner.text() == (
        "新闻: nothing published for 9 days (required within 1 day)"
    )


# --- models, speed, layout ------------------------------------------------------------------


def test_every_column_model_passes_the_model_tester(
    open_board: OpenBoard, qtmodeltester: object, english: None
) -> None:
    page = open_board("chief")
    page.filters.deleted.setChecked(True)
    for model in page.models.values():
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    page.filters.channel.setCurrentIndex(1)
    for model in page.models.values():
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def proposal_card(
    key: int,
    *,
    version: int = 1,
    due: dt.date | None = None,
    priority: Priority = Priority.NORMAL,
    updated: int | None = None,
) -> Card:
    """A card for model tests, updated ``updated`` (else ``key``) minutes into 2026: of cards
    otherwise alike, the later updated comes first."""
    minutes = key if updated is None else updated
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
    proposal = Proposal(
        id=f"p{key}",
        channel_id="c",
        proposer_id="u",
        title=f"Story {key}",
        state=ProposalState.ASSIGNED,
        assignees=("u",) if due else (),
        due_date=due,
        priority=priority,
        created_at=at,
        updated_at=at,
        row_version=version,
    )
    return Card(Column.ASSIGNED, proposal=proposal)


def test_a_column_sorts_overdue_first_then_due_date_priority_and_recency() -> None:
    today = dt.date(2026, 5, 10)
    later, soon, past = (today + dt.timedelta(days=d) for d in (9, 2, -1))
    expected = [
        proposal_card(1, due=past),
        proposal_card(2, due=soon, priority=Priority.URGENT),
        proposal_card(3, due=soon),
        proposal_card(4, due=later),
        proposal_card(5, priority=Priority.HIGH),
        proposal_card(7),
        proposal_card(6),
    ]
    model = CardListModel(Column.ASSIGNED)
    model.set_cards(reversed(expected), today)
    assert [model.card(row).id for row in range(model.rowCount())] == [c.id for c in expected]


@settings(max_examples=150, deadline=None)
@given(
    steps=st.lists(
        st.dictionaries(st.integers(0, 30), st.integers(1, 3), max_size=25), min_size=1, max_size=6
    ),
    shown=st.lists(st.frozensets(st.integers(0, 30)), min_size=1, max_size=6),
)
def test_the_model_announces_exactly_how_its_rows_changed(
    steps: list[dict[int, int]], shown: list[frozenset[int]]
) -> None:
    """Rebuilt only from the model's signals, a copy of its rows always matches the model, and
    every card that changed without leaving and re-entering is announced by ``dataChanged``."""
    model = CardListModel(Column.ASSIGNED)
    copy: list[str] = []
    inserted: set[str] = set()
    announced: set[str] = set()

    def rows_inserted(_: object, first: int, last: int) -> None:
        ids = [model.card(row).id for row in range(first, last + 1)]
        copy[first:first] = ids
        inserted.update(ids)

    model.rowsInserted.connect(rows_inserted)
    model.rowsRemoved.connect(lambda _, first, last: copy.__delitem__(slice(first, last + 1)))
    model.modelReset.connect(
        lambda: copy.__setitem__(slice(None), [model.card(r).id for r in range(model.rowCount())])
    )
    model.dataChanged.connect(
        lambda top, bottom: announced.update(
            model.card(row).id for row in range(top.row(), bottom.row() + 1)
        )
    )
    for number, versions in enumerate(steps):
        keep = shown[number % len(shown)]
        model.set_filter(
            Narrowing(
                show_deleted=True,
                checks=(lambda card, keep=keep: int(card.id[1:]) in keep or not keep,),
            )
        )
        assert copy == [model.card(row).id for row in range(model.rowCount())]
        before = {model.card(row).id: model.card(row) for row in range(model.rowCount())}
        inserted.clear()
        announced.clear()
        # A new version is also a new time of update, which moves the card in its column.
        model.set_cards(
            proposal_card(key, version=version, updated=key * version)
            for key, version in versions.items()
        )
        rows = [model.card(row) for row in range(model.rowCount())]
        assert copy == [card.id for card in rows]
        changed = {card.id for card in rows if card.id in before and before[card.id] != card}
        assert changed <= announced | inserted
        assert not announced & inserted  # nothing is announced twice


def many_cards(snapshot: Snapshot, count: int) -> Snapshot:
    """``snapshot`` with its cards copied under new ids until there are ``count``."""
    copies: list[Card] = []
    while len(copies) < count:
        for card in snapshot.cards:
            fresh = new_id()
            if card.proposal is not None:
                proposal = dataclasses.replace(card.proposal, id=fresh)
                copies.append(dataclasses.replace(card, proposal=proposal))
            else:
                assert card.article is not None
                article = dataclasses.replace(card.article, id=fresh)
                copies.append(dataclasses.replace(card, article=article))
    return dataclasses.replace(snapshot, cards=tuple(copies[:count]))


def test_a_filter_change_over_ten_thousand_cards_shows_exactly_that_channel(
    qtbot: QtBot, sign_in: Callable[[str], Session], runner: Runner, english: None
) -> None:
    """How fast a filter change is belongs to the board benchmark (tests/perf); here, that every
    change over 10,000 cards shows exactly the chosen channel's cards and that going back to all
    channels shows them all again."""
    session = sign_in("chief")
    snapshots = SnapshotStore(session)
    small: list[Snapshot] = []
    snapshots.updated.connect(small.append)
    snapshots.reload()
    qtbot.waitUntil(lambda: bool(small))
    snapshots.current = many_cards(small[0], 10_000)
    page = BoardPage(session, snapshots)
    snapshots.setParent(page)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()

    def shown() -> list[Card]:
        return [
            model.card(row) for model in page.models.values() for row in range(model.rowCount())
        ]

    def passing() -> int:  # shown, or left out only by a column's limit of recent cards
        return sum(model.rowCount() + model.beyond_limit for model in page.models.values())

    everything = passing()
    assert everything >= 10_000
    selected: Card | None = None
    for index in (1, 0, 2, 0):
        page.filters.channel.setCurrentIndex(index)
        channel_id = str(page.filters.channel.currentData())
        cards = shown()
        if channel_id:
            assert cards and {card.channel_id for card in cards} == {channel_id}
            assert passing() < everything
        else:
            assert passing() == everything
        # Changes this large reset the columns rather than announce thousands of runs of rows:
        # the selected card stays selected through them, until a filter leaves it out.
        if selected is None:
            selected = cards[len(cards) // 2]
            assert page.select(selected.id)
        elif channel_id and selected.channel_id != channel_id:
            selected = None
        current = page.current_card()
        assert (current and current.id) == (selected and selected.id)


def test_a_filter_change_of_many_runs_resets_the_column_and_a_small_one_does_not() -> None:
    """Narrowing 1,000 cards of two interleaved channels to one removes 500 runs of rows: the
    column resets (one round of work for the views) and shows exactly that channel's cards;
    hiding a single card is announced as one removal."""
    cards = [
        dataclasses.replace(
            card,
            proposal=dataclasses.replace(card.proposal, channel_id="ab"[key % 2]),
        )
        for key in range(1_000)
        if (card := proposal_card(key)).proposal is not None
    ]
    model = CardListModel(Column.ASSIGNED)
    model.set_cards(cards)
    resets: list[bool] = []
    removed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsRemoved.connect(lambda _, first, last: removed.append((first, last)))

    def shown() -> list[str]:
        return [model.card(row).id for row in range(model.rowCount())]

    everything = shown()
    model.set_filter(Narrowing(channel_id="a"))
    assert resets and not removed
    assert shown() == [i for i in everything if int(i[1:]) % 2 == 0]
    resets.clear()
    model.set_filter(Narrowing(channel_id="a", checks=(lambda card: card.id != "p500",)))
    assert not resets and len(removed) == 1
    assert shown() == [i for i in everything if int(i[1:]) % 2 == 0 and i != "p500"]
    model.set_filter(Narrowing())
    assert resets and shown() == everything


def test_the_first_screen_shows_the_top_of_each_column_then_the_whole_board(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None
) -> None:
    """Before the whole board has loaded (seconds at 100,000 items) the first screen shows the
    top of each column and each column's count as the whole will; what a card may do waits for
    the whole, and says so."""
    session = sign_in("chief")
    snapshots = SnapshotStore(session)
    page = BoardPage(session, snapshots)
    snapshots.setParent(page)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    seen: dict[str, object] = {}

    def rows() -> dict[Column, list[str]]:
        return {
            column: [model.card(row).id for row in range(model.rowCount())]
            for column, model in page.models.items()
        }

    def headers() -> dict[Column, str]:
        return {column: page.strip.columns[column].header.text() for column in Column}

    def at_first_screen(_: Snapshot) -> None:
        seen.update(loaded=page.loaded, rows=rows(), headers=headers())
        card = page.models[Column.SUBMITTED].card(0)
        seen["refusal"] = page.board_actions.refusal_to_move(card, Column.SELECTED)

    snapshots.first_screen.connect(at_first_screen)
    qtbot.waitUntil(lambda: page.loaded)
    assert seen["loaded"] is False
    refusal = seen["refusal"]
    assert isinstance(refusal, Refusal) and refusal.code == RefusalCode.LOADING
    first = seen["rows"]
    assert isinstance(first, dict)
    whole = rows()
    for column in Column:
        assert first[column] == whole[column][: len(first[column])], column
    assert sum(map(len, first.values())) > 20
    assert seen["headers"] == headers()
    card = page.models[Column.SUBMITTED].card(0)
    assert page.board_actions.refusal_to_move(card, Column.SELECTED) is None


def test_a_window_being_built_reads_the_whole_board_once_its_first_frame_is_shown(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    """At start the first screen is read alone: the whole waits until the window's first frame
    is shown (read meanwhile, it slowed that frame), then loads once however often it is told."""
    session = sign_in("chief")
    snapshots = SnapshotStore(session)
    first: list[Snapshot] = []
    whole: list[Snapshot] = []
    snapshots.first_screen.connect(first.append)
    snapshots.updated.connect(whole.append)
    snapshots.load_for_first_frame()
    qtbot.waitUntil(lambda: bool(first))
    qtbot.wait(300)  # the whole took some 50 ms of this demo
    assert not whole and snapshots.current is None and snapshots.loading
    snapshots.reload()  # as a board built meanwhile asks: it is coming
    snapshots.first_frame_shown()
    snapshots.first_frame_shown()
    qtbot.waitUntil(lambda: bool(whole))
    qtbot.wait(100)
    assert len(whole) == 1 and snapshots.current is whole[0] and not snapshots.loading
    assert first[0].totals is not None and whole[0].totals is None  # the whole, not a screen
    assert len(whole[0].cards) >= len(first[0].cards) > 0


def test_a_first_screen_that_cannot_be_read_is_reported_and_the_whole_board_still_loads(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    """A failing read of the first screen leaves no frame to wait for: the failure reaches the
    user (the runner's failed signal opens the error dialog) and the whole is read at once."""
    session = sign_in("chief")
    snapshots = SnapshotStore(session)
    whole: list[Snapshot] = []
    failures: list[BaseException] = []
    snapshots.updated.connect(whole.append)
    session.runner.failed.connect(failures.append)
    with disk_fails_once(session.workspace.store.engine, reads=True) as failed:
        snapshots.load_for_first_frame()
        qtbot.waitUntil(lambda: bool(whole))
    assert failed and [str(error.orig) for error in failures] == ["disk I/O error"]
    assert whole[0].totals is None and whole[0].cards and snapshots.current is whole[0]


def on_screen_colours(view: ColumnView) -> int:
    """How many colours the column's cards area shows on screen (what the window system holds,
    not a fresh rendering): one or two for an empty column, hundreds for cards with text."""
    window = view.screen().grabWindow(view.winId()).toImage()
    area = view.viewport().geometry()
    return len(
        {
            window.pixel(x, y)
            for x in range(area.left(), area.right(), 3)
            for y in range(area.top(), area.bottom(), 3)
        }
    )


def submitted_column(
    qtbot: QtBot, session: Session, copies: int
) -> tuple[CardListModel, ColumnView, list[Card]]:
    """An empty 已报题 column on screen (250×700), and the submitted cards among ``copies``
    copies of the demo's cards."""
    snapshots = SnapshotStore(session)
    loaded: list[Snapshot] = []
    snapshots.updated.connect(loaded.append)
    snapshots.reload()
    qtbot.waitUntil(lambda: bool(loaded))
    cards = [c for c in many_cards(loaded[0], copies).cards if c.column == Column.SUBMITTED]
    model = CardListModel(Column.SUBMITTED)
    view = ColumnView(model)
    view.delegate.set_snapshot(loaded[0])
    qtbot.addWidget(view)
    view.resize(250, 700)
    view.show()
    qtbot.waitExposed(view)
    return model, view, cards


def test_a_long_column_keeps_its_cards_on_screen_while_it_lays_them_out_again(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None
) -> None:
    """Qt's list draws no card until every batch of its layout is done, and a change of rows
    starts the layout again: after the first screen, the whole board arriving blanked every
    column for up to a second. The column now keeps its last frame until it is laid out."""
    model, view, cards = submitted_column(qtbot, sign_in("chief"), 6_000)
    assert len(cards) > 3 * view.batchSize()  # laid out over several rounds of the event loop
    first_screen = sorted(cards, key=lambda card: sort_key(card, dt.date.today()))[:60]
    model.set_cards(first_screen, total=len(cards))
    qtbot.waitUntil(view.laid_out)
    qtbot.wait(50)
    cards_shown = on_screen_colours(view)
    assert cards_shown > 50
    model.set_cards(cards)
    assert not view.laid_out()
    held = []
    while not view.laid_out():
        qtbot.wait(5)
        held.append(on_screen_colours(view))
    assert held and min(held) > 50, held
    qtbot.wait(50)
    assert view.viewport().updatesEnabled()
    assert on_screen_colours(view) > 50


def test_a_long_columns_cards_are_sized_for_the_scroll_bar_it_will_show(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None
) -> None:
    """Qt sizes a long column's cards before it shows the column's scroll bar, and again a frame
    later. Sized for the viewport without the bar, a title that wraps onto a second line once
    the bar narrows the column ran into the next card in that first frame."""
    model, view, cards = submitted_column(qtbot, sign_in("chief"), 2_000)
    model.set_cards(cards)  # laid out a moment later; the bar shows after that
    assert not view.verticalScrollBar().isVisible()
    before = [view.sizeHintForIndex(model.index(row, 0)).height() for row in range(200)]
    qtbot.waitUntil(view.verticalScrollBar().isVisible)
    after = [view.sizeHintForIndex(model.index(row, 0)).height() for row in range(200)]
    assert len(set(after)) > 1, "titles of one and two lines both"
    assert before == after


def test_a_column_of_thousands_gives_every_card_the_height_of_two_title_lines(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None, tmp_path: Path
) -> None:
    """Above UNIFORM_ABOVE cards a column lays its cards out on a grid of one card's height
    (two title lines), which Qt does without asking the model for each row; below, each card
    is as tall as its title. Either way every card is where the view says it is: a click on
    the last one after scrolling to the end finds it."""
    model, view, cards = submitted_column(qtbot, sign_in("chief"), 30_000)
    assert len(cards) > UNIFORM_ABOVE

    def heights() -> set[int]:
        return {view.visualRect(model.index(row, 0)).height() for row in range(model.rowCount())}

    model.set_cards(cards[:300])
    qtbot.waitUntil(view.laid_out)
    measured = heights()
    assert len(measured) == 2, "titles of one line and of two"
    model.set_cards(cards)
    qtbot.waitUntil(lambda: view.laid_out() and view.viewport().updatesEnabled())
    assert view.uniformItemSizes() and view.gridSize().height() == max(measured)
    assert heights() == {max(measured)}
    view.scrollToBottom()
    last = model.index(model.rowCount() - 1, 0)
    rect = view.visualRect(last)
    assert view.viewport().rect().contains(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_card() == cards_in_order(cards)[-1]
    view.grab().save(str(tmp_path / "long-column.png"))
    model.set_cards(cards[:300])
    qtbot.waitUntil(lambda: view.laid_out() and view.viewport().updatesEnabled())
    assert not view.uniformItemSizes() and not view.gridSize().isValid()
    assert heights() == measured


@pytest.mark.parametrize("count", [1_500, 6_000])
def test_a_card_arriving_leaves_a_reader_of_a_long_column_where_they_were(
    qtbot: QtBot, sign_in: Callable[[str], Session], english: None, count: int
) -> None:
    """A card arriving by sync lays the column out again, and Qt's batched layout started it
    from the top: whoever was reading further down was thrown back up. The card at the top
    stays put; a column read from its top shows the newcomer."""
    model, view, cards = submitted_column(qtbot, sign_in("chief"), 30_000)
    cards = cards_in_order(cards)[: count + 1]
    newcomer, cards = cards[0], cards[1:]
    model.set_cards(cards)
    qtbot.waitUntil(lambda: view.laid_out() and view.viewport().updatesEnabled())
    view.scrollTo(model.index(count // 2, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 17)
    top = view.indexAt(QPoint(0, 0))
    before = (top.data(CARD_ROLE), view.visualRect(top).top())
    model.set_cards([newcomer, *cards])
    qtbot.waitUntil(lambda: view.laid_out() and view.viewport().updatesEnabled())
    top = view.indexAt(QPoint(0, 0))
    assert (top.data(CARD_ROLE), view.visualRect(top).top()) == before
    view.scrollToTop()
    model.set_cards(cards)
    qtbot.waitUntil(lambda: view.laid_out() and view.viewport().updatesEnabled())
    model.set_cards([newcomer, *cards])
    qtbot.waitUntil(lambda: view.laid_out() and view.viewport().updatesEnabled())
    assert view.indexAt(QPoint(0, 0)).data(CARD_ROLE) == newcomer


def cards_in_order(cards: list[Card]) -> list[Card]:
    return sorted(cards, key=lambda card: sort_key(card, dt.date.today()))


def test_a_cards_row_is_dragged_and_selected_but_never_edited_moved_or_dropped_on() -> None:
    """The column's model counts its rows in a string list, whose own rows are editable, take
    drops and can be inserted, removed, moved and sorted by anyone; a card's row changes only
    with the cards."""
    model = CardListModel(Column.ASSIGNED)
    cards = [proposal_card(key) for key in range(3)]
    model.set_cards(cards)
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsDragEnabled and flags & Qt.ItemFlag.ItemIsSelectable
    assert not flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDropEnabled)
    assert model.flags(model.index(3, 0)) == Qt.ItemFlag.NoItemFlags
    shown = [model.card(row) for row in range(model.rowCount())]
    root = model.index(0, 0).parent()
    assert not model.insertRows(0, 1)
    assert not model.removeRows(0, 1)
    assert not model.moveRows(root, 0, 1, root, 3)
    assert not model.setData(model.index(0, 0), "x")
    model.sort(0)
    mime = model.mimeData([model.index(1, 0)])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, root)
    assert not model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, root)
    assert [model.card(row) for row in range(model.rowCount())] == shown
    assert model.rowCount() == 3


def test_the_layout_is_saved_and_restored(open_board: OpenBoard) -> None:
    page = open_board("chief")
    page.strip.columns[Column.SELECTED].set_width(400)
    page.splitter.setSizes([1000, 420])
    state = page.save_state()

    again = open_board("chief")
    assert again.restore_state(state)
    assert again.strip.columns[Column.SELECTED].width() == 400
    assert again.strip.widths() == page.strip.widths()
    assert not again.restore_state(state[:10])


# --- how it looks ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(
    language: str, open_board: OpenBoard, request: pytest.FixtureRequest, qtbot: QtBot
) -> None:
    """Pictures of the board for people to look at (and a check that painting works)."""
    request.getfixturevalue("english" if language == "en" else "chinese")
    page = open_board("chief")
    page.resize(1680, 960)
    page.select(titled(page, Column.SUBMITTED, "暑期青少年防溺水").id)
    page.strip.horizontalScrollBar().setValue(0)
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / f"board-{language}.png"))


def test_the_dropped_card_payload_ignores_foreign_drags(open_board: OpenBoard) -> None:
    page = open_board("chief")
    viewport = page.strip.columns[Column.SELECTED].view.viewport()
    mime = QMimeData()
    mime.setText("not a card")
    enter, drop = drag_and_drop(viewport, mime, at=QPoint(10, 10))
    assert not enter.isAccepted() and not drop.isAccepted()
