"""Where each topic really stands, what is overdue, and what waits on me, in every view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from newsdesk.core.model import ArticleState, ProposalState
from newsdesk.core.stage import is_overdue
from newsdesk.store.needs_me import needs_me
from newsdesk.ui.proposals.topics_model import TopicsModel
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.palette import colours
from tests.ui.test_board import OpenBoard, open_board
from tests.ui.test_topics_page import library_for

__all__ = ["open_board"]


@pytest.mark.usefixtures("english")
def test_the_topic_library_shows_each_topics_real_stage_and_marks_the_overdue(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    page, snapshots = library_for(qtbot, sign_in("chief"))
    snapshot = snapshots.current
    assert snapshot is not None
    articles = {c.article.topic_id: c.article for c in snapshot.cards if c.article is not None}
    model = page.model
    stages = {}
    today = dt.date.today()
    for row in range(model.rowCount()):
        topic = model.topic_row(row).topic
        stages[topic.id] = model.index(row, TopicsModel.STAGE).data()
        article = articles.get(topic.id)
        if article is not None and article.state == ArticleState.IN_REVIEW:
            assert stages[topic.id].startswith("In review: ")
        if article is not None and article.state == ArticleState.PUBLISHED:
            assert stages[topic.id] == "Published"
        colour = model.index(row, TopicsModel.STAGE).data(Qt.ItemDataRole.ForegroundRole)
        if is_overdue(topic, article, today):
            assert colour is not None and colour.color().name() == colours().error
    assert any(s.startswith("In review: ") for s in stages.values())
    assert any(s == "Writing" or s.startswith("Being revised") for s in stages.values())


@pytest.mark.usefixtures("english")
def test_the_board_counts_what_waits_on_me(open_board: OpenBoard) -> None:
    page = open_board("reviewer1")
    assert page.snapshot is not None
    needs = needs_me(page.snapshot, page.session.actor)
    assert needs.to_review > 0
    assert f"waiting on your level: {needs.to_review}" in page.needs_label.text()
    editor = open_board("editor")
    assert editor.snapshot is not None
    mine = needs_me(editor.snapshot, editor.session.actor)
    if mine.returned:
        assert f"returned to you: {mine.returned}" in editor.needs_label.text()
    assigned = sum(
        1
        for t in editor.snapshot.topics
        if t.state == ProposalState.ASSIGNED and editor.session.actor.id in t.assignees
    )
    assert mine.assigned == assigned
