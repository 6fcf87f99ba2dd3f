"""The Published page driven through its real widgets over a copy of the demo workspace: the
archive and its filters, the publication history, re-publishing, corrections, retractions,
failed deliveries to a real local endpoint and their retry, and the publishing settings."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from newsdesk.core.model import Article, ArticleState, Publication, Target
from newsdesk.core.mutation import Kind
from newsdesk.publish.publisher import PublishingSettings, load_settings, save_settings
from newsdesk.store.codec import TABLES
from newsdesk.store.workspace import Workspace
from newsdesk.ui.published.dialogs import (
    CorrectionDialog,
    PublishingSettingsDialog,
    RetractDialog,
)
from newsdesk.ui.published.model import Column
from newsdesk.ui.published.page import PublishedPage
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from tests.publish.receiver import Receiver, serve
from tests.ui.test_materials_view import Opened, opened

SignIn = Callable[[str], Session]
__all__ = ["opened"]  # the fixture catching what would open in the desktop's browser
SHOTS = Path("/tmp/newsdesk-shots")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from serve(0)


def open_page(qtbot: QtBot, session: Session) -> PublishedPage:
    snapshots = SnapshotStore(session)
    snapshots.reload()
    qtbot.waitUntil(lambda: snapshots.current is not None)
    page = PublishedPage(session, snapshots)
    qtbot.addWidget(page)
    page.resize(1400, 820)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def stored(workspace: Workspace, article_id: str) -> Article:
    with workspace.store.world() as world:
        article = world.article(article_id)
    assert article is not None
    return article


def publications(workspace: Workspace, article_id: str) -> int:
    rows = TABLES[Publication]
    with workspace.store.engine.connect() as conn:
        query = sa.select(sa.func.count()).where(rows.c.article_id == article_id)
        return int(conn.execute(query).scalar_one())


def titles(page: PublishedPage) -> list[str]:
    return [item.article.title for item in page.model.items]


def select(
    qtbot: QtBot, page: PublishedPage, state: ArticleState, channel: str = "新闻"
) -> Article:
    """Select the first listed article in ``state`` of ``channel``; return it."""
    for row, item in enumerate(page.model.items):
        if item.article.state == state and item.channel.name == channel:
            index = page.sorted.mapFromSource(page.model.index(row, 0))
            page.table.setCurrentIndex(index)
            assert page.item is not None and page.item.id == item.id
            return item.article
    raise AssertionError(f"no {state} article of {channel} in the archive")


def reload_and_wait(qtbot: QtBot, page: PublishedPage, change: Callable[[], object]) -> None:
    with qtbot.waitSignal(page.archive_loaded, timeout=5000):
        change()


@pytest.mark.usefixtures("english")
def test_the_archive_lists_filters_and_searches_what_was_published(
    qtbot: QtBot, sign_in: SignIn
) -> None:
    page = open_page(qtbot, sign_in("publisher"))
    items = page.model.items
    assert items and all(i.article.published_version > 0 for i in items)
    states = {i.article.state for i in items}
    assert ArticleState.PUBLISHED in states and ArticleState.RETRACTED in states
    everything = len(items)

    # A target some listed articles did not go to (the demo's 图书馆 has no PC site, say).
    target = next(t for t in Target if any(t not in i.targets for i in items))
    chosen = page.target_filter.findData(target.value)
    reload_and_wait(qtbot, page, lambda: page.target_filter.setCurrentIndex(chosen))
    assert 0 < len(page.model.items) < everything
    assert all(target in i.targets for i in page.model.items)
    reload_and_wait(qtbot, page, lambda: page.target_filter.setCurrentIndex(0))

    library = page.channel_filter.findText("图书馆")
    reload_and_wait(qtbot, page, lambda: page.channel_filter.setCurrentIndex(library))
    assert page.model.items and {i.channel.name for i in page.model.items} == {"图书馆"}
    reload_and_wait(qtbot, page, lambda: page.channel_filter.setCurrentIndex(0))

    wanted = page.model.items[0].article.title
    reload_and_wait(qtbot, page, lambda: page.search.setText(wanted[:6]))
    assert wanted in titles(page) and len(page.model.items) < everything
    reload_and_wait(qtbot, page, lambda: page.search.setText("没有这样的稿件标题"))
    assert page.model.rowCount() == 0
    assert page.title.text() == "Nothing published matches."


@pytest.mark.usefixtures("english")
def test_the_history_lists_every_publication_and_republishing_adds_one(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = open_page(qtbot, sign_in("publisher"))
    article = select(qtbot, page, ArticleState.PUBLISHED)
    before = page.history.rowCount()
    assert before == len(page.item.publications) > 0  # type: ignore[union-attr]
    assert page.republish_button.isEnabled()
    assert not page.correct_button.isEnabled()  # a publisher does not write
    assert page.correct_button.toolTip()
    page.republish_button.click()
    qtbot.waitUntil(lambda: page.history.rowCount() == before + len(page.item.targets))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.message_bar.text.startswith("Published “"), timeout=10_000)
    assert stored(workspace, article.id).published_version == article.published_version
    assert list(workspace.export.glob(f"*/*/{article.id}.*"))


@pytest.mark.usefixtures("english")
def test_retracting_asks_why_and_withdraws_every_target(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = open_page(qtbot, sign_in("chief"))
    article = select(qtbot, page, ArticleState.PUBLISHED)
    assert page.retract_button.isEnabled()
    page.retract_button.click()
    dialog = page.findChild(RetractDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # no reason, no retraction
    dialog.reason.edit.setPlainText("采访对象身份有误，稿件撤回核实。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(workspace, article.id).state == ArticleState.RETRACTED)
    qtbot.waitUntil(lambda: page.message_bar.text.startswith("Retracted “"), timeout=10_000)
    channel = page.item.channel.slug if page.item else ""  # readable folders, not ids
    assert channel == "news"
    document = json.loads((workspace.export / f"app/{channel}/{article.id}.json").read_text())
    assert document["pubstatus"] == "canceled"
    page_html = (workspace.export / f"pc/{channel}/{article.id}.html").read_text()
    assert "采访对象身份有误" in page_html
    qtbot.waitUntil(lambda: page.item is not None and page.item.retracted)
    assert "采访对象身份有误" in page.reason.text()
    assert not page.retract_button.isEnabled()


@pytest.mark.usefixtures("english")
def test_a_correction_starts_from_the_archive_and_opens_the_editor(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = open_page(qtbot, sign_in("chief"))
    article = select(qtbot, page, ArticleState.PUBLISHED)
    opened: list[str] = []
    page.open_article.connect(opened.append)
    page.correct_button.click()
    qtbot.waitUntil(lambda: page.findChild(CorrectionDialog) is not None)
    dialog = page.findChild(CorrectionDialog)
    assert dialog is not None
    assert not dialog.typo.isHidden()  # 新闻 lets typo fixes take the short path
    dialog.typo.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [article.id])
    after = stored(workspace, article.id)
    assert after.state == ArticleState.DRAFT and after.typo_fix and after.is_correction
    qtbot.waitUntil(lambda: page.item is not None and page.item.correcting)
    row = page.model.row_of(article.id)
    assert row is not None
    assert page.model.index(row, Column.STATUS).data() == "Correction under way"


@pytest.mark.usefixtures("english")
def test_failed_deliveries_are_shown_and_retried(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace, receiver: Receiver
) -> None:
    receiver.failures = -1  # the app's endpoint is down
    save_settings(workspace, PublishingSettings(endpoints={"app": receiver.url}))
    page = open_page(qtbot, sign_in("publisher"))
    page.publishing.attempts, page.publishing.backoff = 2, 0.01
    select(qtbot, page, ArticleState.PUBLISHED)
    page.republish_button.click()
    qtbot.waitUntil(lambda: page.retry_button.isVisible(), timeout=20_000)
    assert "did not arrive" in page.message_bar.text
    assert "failed deliver" in page.retry_button.text()
    qtbot.waitUntil(lambda: receiver.url in page.retry_button.toolTip())
    receiver.failures = 0  # back up
    page.retry_button.click()
    qtbot.waitUntil(lambda: not page.retry_button.isVisible(), timeout=20_000)
    assert receiver.stored
    assert page.message_bar.text == "Every waiting file was delivered."


@pytest.mark.usefixtures("english")
def test_publishing_onto_a_full_disk_records_no_publication(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace, small_disk: Path
) -> None:
    out = small_disk / "out"
    save_settings(workspace, PublishingSettings(folder=str(out)))
    filler = small_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as file:
        file.write(b"\0" * (1 << 20))
    page = open_page(qtbot, sign_in("publisher"))
    article = select(qtbot, page, ArticleState.PUBLISHED)
    before = page.history.rowCount()
    recorded = publications(workspace, article.id)
    page.republish_button.click()
    qtbot.waitUntil(lambda: "disk is full" in page.message_bar.text, timeout=10_000)
    assert "not published" in page.message_bar.text
    assert publications(workspace, article.id) == recorded
    assert not [m for m in workspace.store.pending() if m.kind is Kind.ARTICLE_PUBLISH]
    assert page.history.rowCount() == before
    assert not list(out.rglob(f"{article.id}.*")) and not list(out.rglob("*.tmp"))

    filler.unlink()  # space again: publishing works
    page.republish_button.click()
    qtbot.waitUntil(lambda: page.message_bar.text.startswith("Published “"), timeout=10_000)
    assert publications(workspace, article.id) > recorded
    assert list(out.rglob(f"{article.id}.*"))


@pytest.mark.usefixtures("english")
def test_the_administrator_edits_the_publishing_settings(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = open_page(qtbot, sign_in("admin"))
    assert page.settings_button.isVisible()
    page.settings_button.click()
    qtbot.waitUntil(lambda: page.findChild(PublishingSettingsDialog) is not None)
    dialog = page.findChild(PublishingSettingsDialog)
    assert dialog is not None
    dialog.endpoints[Target.APP].setText("app.example.cn/ingest")
    dialog.accept()
    assert dialog.isVisible() and "app.example.cn/ingest" in dialog.error.text()
    dialog.endpoints[Target.APP].setText("https://app.example.cn/ingest")
    dialog.site_name.setText("滨江融媒")
    dialog.accept()
    assert not dialog.isVisible()
    expected = PublishingSettings(
        site_name="滨江融媒", endpoints={"app": "https://app.example.cn/ingest"}
    )
    qtbot.waitUntil(lambda: load_settings(workspace) == expected)
    editor_page = open_page(qtbot, sign_in("publisher"))
    assert not editor_page.settings_button.isVisible()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshot_of_the_published_page(
    qtbot: QtBot, sign_in: SignIn, request: pytest.FixtureRequest, language: str
) -> None:
    request.getfixturevalue("english" if language == "en" else "chinese")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(qtbot, sign_in("publisher"))
    select(qtbot, page, ArticleState.PUBLISHED)
    qtbot.wait(50)
    assert page.grab().save(str(SHOTS / f"published-{language}.png"))


@pytest.mark.usefixtures("english")
def test_open_page_works_on_every_demo_item(
    qtbot: QtBot, sign_in: Callable[[str], Session], opened: Opened
) -> None:
    page = open_page(qtbot, sign_in("publisher"))
    qtbot.waitUntil(lambda: page.open_button.isEnabled() or page.item is None)
    for row in range(page.model.rowCount()):
        page.table.setCurrentIndex(page.sorted.mapFromSource(page.model.index(row, 0)))
        assert page.item is not None
        page.open_page()
        assert not page.message_bar.isVisible(), page.message_bar.text
        shown = Path(opened.urls[-1].toLocalFile())
        assert shown.is_file() and page.item.id in shown.name
