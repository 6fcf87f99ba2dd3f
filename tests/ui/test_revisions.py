"""The revisions panel, the comparison and restoring, on real widgets over the demo workspace."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextDocument
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from newsdesk.core.articles import current_hash
from newsdesk.core.model import Article, ArticleState, Publication, Revision, User
from newsdesk.core.mutation import Kind
from newsdesk.core.textdiff import diff_html
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.history import article_history
from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.revisions import (
    CompareView,
    RevisionsPanel,
)
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.palette import LIGHT

SHOTS = Path("/tmp/newsdesk-shots")
ARTICLES, REVISIONS, USERS = TABLES[Article], TABLES[Revision], TABLES[User]
HIGHLIGHT = re.compile(
    '<span style="([^"]*background-color:'
    f'(?:{LIGHT.deleted_background}|{LIGHT.inserted_background})[^"]*)">'
    "([^<]*)</span>"
)
OpenPanel = Callable[[str, str], RevisionsPanel]


def corrected_article(workspace: Workspace) -> Article:
    """The demo's published article corrected after publication (two revisions)."""
    publications = TABLES[Publication]
    with workspace.store.engine.connect() as conn:
        article_id = conn.execute(
            select(publications.c.article_id).where(publications.c.correction_note != "").distinct()
        ).scalar_one()
        return from_row(
            Article,
            conn.execute(select(ARTICLES).where(ARTICLES.c.id == article_id)).mappings().one(),
        )


def returned_article(workspace: Workspace) -> Article:
    """The demo's published article whose first revision 复审 returned."""
    with workspace.store.engine.connect() as conn:
        history = [
            article_history(conn, article_id)
            for article_id in conn.execute(
                select(REVISIONS.c.article_id)
                .group_by(REVISIONS.c.article_id)
                .having(func.count() > 1)
            ).scalars()
        ]
    return next(
        h.article
        for h in history
        if h is not None and any(d.verdict == "return" for e in h.entries for d in e.decisions)
    )


def own_published_article(workspace: Workspace, login: str) -> Article:
    with workspace.store.engine.connect() as conn:
        row = (
            conn.execute(
                select(ARTICLES)
                .join(USERS, USERS.c.id == ARTICLES.c.owner_id)
                .where(
                    USERS.c.login == login,
                    ARTICLES.c.state == ArticleState.PUBLISHED.value,
                    ARTICLES.c.revision_number == 1,
                )
                .order_by(ARTICLES.c.title)
            )
            .mappings()
            .first()
        )
    assert row is not None
    return from_row(Article, row)


def revision_rows(workspace: Workspace, article_id: str) -> list[Revision]:
    with workspace.store.engine.connect() as conn:
        return [
            from_row(Revision, row)
            for row in conn.execute(
                select(REVISIONS)
                .where(REVISIONS.c.article_id == article_id)
                .order_by(REVISIONS.c.number)
            ).mappings()
        ]


def name_of(workspace: Workspace, user_id: str) -> str:
    with workspace.store.world() as world:
        user = world.user(user_id)
    assert user is not None
    return user.name


@pytest.fixture
def open_panel(qtbot: QtBot, sign_in: Callable[[str], Session]) -> OpenPanel:
    """``open_panel(login, article_id)``: a shown panel with its history loaded."""

    def make(login: str, article_id: str) -> RevisionsPanel:
        panel = RevisionsPanel(sign_in(login), article_id)
        qtbot.addWidget(panel)
        panel.resize(520, 600)
        panel.show()
        qtbot.waitUntil(lambda: panel.history is not None)
        return panel

    return make


def select_rows(panel: RevisionsPanel, *rows: int) -> None:
    selection = panel.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row), QItemSelectionModel.SelectionFlag.Select)


def highlighted(view: CompareView) -> list[tuple[str, str]]:
    """The highlighted stretches of the comparison as (style, text), read from the document."""
    return [
        (style, html.unescape(text)) for style, text in HIGHLIGHT.findall(view.browser.toHtml())
    ]


def background_at(document: QTextDocument, text: str) -> Qt.BrushStyle:
    cursor = document.find(text)
    assert not cursor.isNull(), text
    return cursor.charFormat().background().style()


# --- the list --------------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_the_panel_lists_revisions_with_authors_and_review_outcomes(
    workspace: Workspace, open_panel: OpenPanel
) -> None:
    article = corrected_article(workspace)
    panel = open_panel("editor", article.id)
    model = panel.model
    assert model.rowCount() == 3
    draft, second, first = (model.version(row) for row in range(3))
    assert draft.number is None and draft.heading.startswith("Current draft")
    assert draft.outcome == "Same as revision 2"
    revisions = revision_rows(workspace, article.id)
    for version, revision in ((second, revisions[1]), (first, revisions[0])):
        author = name_of(workspace, revision.author_id)
        assert version.heading.startswith(f"Revision {revision.number} · {author} · ")
    assert first.outcome == "First review approved · Second review approved · Final review approved"
    tooltip = model.data(model.index(1), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.count("\n") == 2 and "内容准确，同意发布。" in tooltip

    returned = returned_article(workspace)
    panel = open_panel("editor", returned.id)
    oldest = panel.model.version(panel.model.rowCount() - 1)
    assert "Second review returned: " in oldest.outcome
    display = panel.model.data(panel.model.index(2), Qt.ItemDataRole.DisplayRole)
    assert display == f"{oldest.heading}\n{oldest.outcome}"


@pytest.mark.usefixtures("english")
def test_the_model_passes_the_model_tester(
    workspace: Workspace, open_panel: OpenPanel, qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    panel = open_panel("editor", corrected_article(workspace).id)
    qtmodeltester.check(panel.model)
    with qtbot.waitSignal(panel.model.modelReset):
        panel.reload()
    assert panel.model.rowCount() == 3


# --- comparing -------------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_comparing_two_revisions_highlights_what_changed(
    workspace: Workspace, open_panel: OpenPanel
) -> None:
    article = corrected_article(workspace)
    panel = open_panel("editor", article.id)
    select_rows(panel, 1, 2)
    assert panel.compare_button.isEnabled()
    panel.compare_button.click()
    assert panel.dialog is not None and panel.dialog.isVisible()
    view = panel.dialog.view
    first, second = revision_rows(workspace, article.id)
    rows = diff_html(str(first.field("body_html")), str(second.field("body_html")))
    changed = [row for row in rows if row.changed]
    unchanged = [row for row in rows if not row.changed]
    assert changed and unchanged
    marks = highlighted(view)
    deleted = "".join(text for style, text in marks if "line-through" in style)
    inserted = "".join(text for style, text in marks if "line-through" not in style)
    for row in changed:
        for segment in row.segments:
            if segment.kind in ("delete", "replace"):
                assert segment.old in deleted
            if segment.kind in ("insert", "replace"):
                assert segment.new in inserted
    document = view.browser.document()
    for row in unchanged:
        assert row.old is not None
        assert background_at(document, row.old[:12]) == Qt.BrushStyle.NoBrush
    # The summary (a date) changed too: it is listed above the body, old and new.
    assert "Summary" in view.browser.toPlainText()
    assert first.field("summary") != second.field("summary")

    view.only_changes.setChecked(True)
    text = view.browser.toPlainText()
    assert f"⋯ {len(unchanged)} unchanged paragraph" in text
    assert all(row.old is not None and row.old not in text for row in unchanged)
    assert marks and all(mark in text for _, mark in marks)


@pytest.mark.usefixtures("english")
def test_chinese_is_compared_character_by_character_and_escaped(qtbot: QtBot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    old = {"title": "标题", "body_html": "<p>会议于周三召开。</p><p>不变的段落。</p>"}
    new = {"title": "新标题<b>", "body_html": "<p>会议于周四召开。</p><p>不变的段落。</p>"}
    view.compare("Revision 1", old, "Current draft", new)
    marks = highlighted(view)
    assert [text for style, text in marks if "line-through" in style] == ["三"]
    assert [text for style, text in marks if "line-through" not in style] == ["新", "<b>", "四"]
    assert background_at(view.browser.document(), "不变的段落") == Qt.BrushStyle.NoBrush
    assert view.summary.text() == "1 paragraph changed · 1 other field changed"


# --- restoring -------------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_restoring_an_old_revision_makes_it_the_draft_and_keeps_history(
    workspace: Workspace, open_panel: OpenPanel, qtbot: QtBot
) -> None:
    article = own_published_article(workspace, "editor")
    panel = open_panel("editor", article.id)
    session = panel._session
    edited = "<p>改写后的正文。</p>"
    correct = session.mutation(Kind.ARTICLE_CORRECT, article.id)
    edit = session.mutation(Kind.ARTICLE_EDIT, article.id, body_html=edited, title="改写的标题")
    with qtbot.waitSignal(session.changed):
        session.apply([correct, edit])
    qtbot.waitUntil(lambda: panel.history is not None and panel.history.article.body_html == edited)
    assert panel.model.version(0).outcome == "Changed since revision 1"
    (old,) = revision_rows(workspace, article.id)

    select_rows(panel, 1)
    assert panel.restore_button.isEnabled(), panel.restore_button.toolTip()
    with qtbot.waitSignal(panel.restored) as restored:
        panel.restore_button.click()
    assert restored.args == [1]
    qtbot.waitUntil(lambda: panel.model.version(0).outcome == "Same as revision 1")

    assert revision_rows(workspace, article.id) == [old]
    stored_edit = workspace.store.pending()[-1]
    assert stored_edit.kind == Kind.ARTICLE_EDIT
    assert stored_edit.args["body_html"] == old.field("body_html")
    assert stored_edit.args["title"] == old.field("title")
    assert set(stored_edit.args) == {"body_html", "title"}  # only what differed
    with workspace.store.world() as world:
        now = world.article(article.id)
    assert now is not None and now.state == ArticleState.DRAFT
    assert now.body_html == old.field("body_html") and current_hash(now) == old.content_hash
    assert "Revision 1 is the current draft again." in panel.message_bar.text

    select_rows(panel, 1)
    assert not panel.restore_button.isEnabled()
    assert panel.hint.text() == "The current draft already has this revision's text."


@pytest.mark.usefixtures("english")
def test_restore_is_disabled_with_the_reason_on_a_published_article(
    workspace: Workspace, open_panel: OpenPanel
) -> None:
    article = own_published_article(workspace, "editor")
    panel = open_panel("editor", article.id)
    select_rows(panel, 1)
    reason = "The article is published; start a correction to change it."
    assert not panel.restore_button.isEnabled()
    assert panel.restore_button.toolTip() == reason
    assert panel.hint.text() == reason and panel.hint.isVisible()
    assert panel.compare_button.isEnabled()  # one revision against the current draft


# --- how it looks ----------------------------------------------------------------------------


@pytest.mark.usefixtures("chinese")
def test_screenshot_of_the_comparison(
    workspace: Workspace, open_panel: OpenPanel, qtbot: QtBot
) -> None:
    """A picture of the comparison in Chinese, for people to look at."""
    panel = open_panel("editor", corrected_article(workspace).id)
    select_rows(panel, 1, 2)
    panel.compare()
    dialog = panel.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "compare-zh_CN.png"))
