"""The Review page shows every field that will be published, checks them all, and renders the
pages and the app card from the exporter's own templates."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QThreadPool
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from newsdesk.core.articles import current_hash, revision_content
from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Kind
from newsdesk.store.blobs import BlobStore
from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.document import BlobImages
from newsdesk.ui.editor.revisions import CompareView
from newsdesk.ui.review.fields import COVER_HEIGHT, PublishedFields
from newsdesk.ui.widgets.palette import colours
from newsdesk.ui.widgets.published_view import PublishedView
from tests.ui.images import image_bytes
from tests.ui.test_review import (
    Desk,
    SignIn,
    approve,
    click,
    open_page,
    refused,
    settle,
    show,
    tick_checklist,
)

__all__ = ["settle"]  # waits for the page's reloads after each test


@pytest.fixture
def desk(workspace: Workspace, sign_in: SignIn) -> Desk:
    return Desk(workspace, sign_in)


SHOTS = Path(os.environ.get("NEWSDESK_SHOTS", "/tmp/newsdesk-shots"))
BODY = (
    "<p>本报讯 城东夜市今晚开市，摊位两百余个。</p>"
    '<figure><img src="attachment:{sha}" alt="夜市入口"><figcaption>城东夜市入口</figcaption>'
    "</figure><p>夜市每晚六点至十点开放。</p>"
)


def picture(workspace: Workspace, desk: Desk, tmp_path: Path) -> str:
    data = image_bytes(0x3366AA, size=(320, 200))
    sha = workspace.blobs.put(data)
    desk.must(Kind.ATTACHMENT_ADD, sha, mime="image/png", size=len(data), name="夜市.png")
    return sha


def test_every_published_field_is_shown_checked_and_rendered_as_published(
    qtbot: QtBot,
    chinese: None,
    workspace: Workspace,
    desk: Desk,
    sign_in: SignIn,
    tmp_path: Path,
) -> None:
    sha = picture(workspace, desk, tmp_path)
    article_id = desk.must(
        Kind.ARTICLE_CREATE,
        channel_id=desk.channel("新闻"),
        title="全网最低价绝对最佳的夜市",
        subtitle="城东夜市开市",
        summary="报料人身份证号11010519491231002X，电话13812345678",
        tags=["夜市", "最佳"],
        cover=sha,
        body_html=BODY.format(sha=sha),
    )
    desk.must(
        Kind.ARTICLE_SUBMIT,
        article_id,
        revision_id=new_id(),
        content_hash=_hash(desk, article_id),
        open_findings=["标题：敏感词“最佳”"],
    )
    page = open_page(qtbot, sign_in("reviewer1"))
    page.resize(1280, 720)
    show(qtbot, page, article_id)
    view = page.view

    fields = view.fields
    view.tabs.setCurrentWidget(fields)  # filled when first shown, as the published pages are
    assert fields.text("summary") == "报料人身份证号11010519491231002X，电话13812345678"
    assert fields.text("source") == "市融媒体中心"
    assert fields.text("responsible_editor") == "刘建华"
    assert fields.text("tags") == "夜市、最佳"
    assert "夜市入口" in fields.text("images") and "城东夜市入口" in fields.text("images")
    qtbot.waitUntil(lambda: fields.cover.pixmap().toImage().pixelColor(5, 5) == QColor(0x3366AA))
    assert fields.cover.pixmap().height() == COVER_HEIGHT

    listed = [view.findings.item(i).text() for i in range(view.findings.count())]
    assert any(line.startswith("标题") and "绝对" in line for line in listed), listed
    assert any(line.startswith("摘要") and "身份证号" in line for line in listed), listed
    assert any(line.startswith("摘要") and "手机号码" in line for line in listed), listed
    assert any("提交" in line and "1" in line for line in listed), listed  # submitted over one

    published = view.published
    view.tabs.setCurrentWidget(published)
    assert published.preview is not None
    pc = published.preview.pc_html
    for shown in (
        "全网最低价绝对最佳的夜市",
        "城东夜市开市",
        "来源：市融媒体中心",
        "责任编辑：刘建华",
    ):
        assert shown in pc
    assert f"images/{sha}" in pc and "http" not in pc.split("<body>", 1)[1]
    qtbot.waitUntil(lambda: published.images_waiting == 0)  # decoded off the UI thread
    shown_picture = published.shown_image(sha)
    assert shown_picture is not None and shown_picture.size() == QSize(320, 200)
    assert shown_picture.pixelColor(160, 100) == QColor(0x3366AA)
    assert "夜市入口" in published.browser.toPlainText() or "城东夜市入口" in (
        published.browser.toPlainText()
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / "review-as-published-pc-zh_CN.png"))
    published.wap_button.click()
    assert "城东夜市入口" in published.browser.toPlainText()
    published.app_button.click()
    card = published.browser.toPlainText()
    assert "全网最低价绝对最佳的夜市" in card and '"pubstatus": "usable"' in card
    assert page.grab().save(str(SHOTS / "review-as-published-app-zh_CN.png"))
    view.tabs.setCurrentWidget(view.fields)
    assert page.grab().save(str(SHOTS / "review-fields-zh_CN.png"))


def _hash(desk: Desk, article_id: str) -> str:
    return current_hash(desk.article(article_id))


def test_a_summary_changed_after_an_approval_makes_the_approval_stale(
    qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn
) -> None:
    """The summary is bound to the revision like the body: a first-level approval of the old
    summary does not count for the new one, and a decision on the old one is refused."""
    article_id = desk.must(
        Kind.ARTICLE_CREATE,
        channel_id=desk.channel("新闻"),
        title="城东夜市开市",
        summary="城东夜市今晚开市。",
        body_html="<p>本报讯 城东夜市今晚开市。</p>",
    )
    desk.submit(article_id)
    approve(qtbot, sign_in("reviewer1"), article_id)
    first = desk.article(article_id)
    assert first.review_level == 2

    second = open_page(qtbot, sign_in("reviewer2"))
    show(qtbot, second, article_id)
    tick_checklist(qtbot, second)
    decide_comment = "摘要请写明开放时间"
    second.decision.comment.setPlainText(decide_comment)
    with qtbot.waitSignal(second.queue_loaded, timeout=10_000):
        click(qtbot, second, "return")
    desk.must(Kind.ARTICLE_EDIT, article_id, summary="城东夜市今晚开市，每晚六点至十点开放。")
    desk.submit(article_id)
    resubmitted = desk.article(article_id)
    assert resubmitted.revision_hash != first.revision_hash
    assert resubmitted.review_level == 1  # the old approval of level 1 does not carry over

    page = open_page(qtbot, sign_in("reviewer1"))
    show(qtbot, page, article_id)
    page.view.tabs.setCurrentWidget(page.view.compare.parentWidget())
    compared = page.view.compare.browser.toPlainText()
    assert "城东夜市今晚开市。" in compared and "每晚六点至十点开放" in compared
    assert "1 other field changed" in page.view.compare.summary.text()

    # Another workstation changes the summary again while this reviewer reads: deciding on
    # what is shown is refused as stale.
    desk.must(Kind.ARTICLE_WITHDRAW, article_id)
    desk.must(Kind.ARTICLE_EDIT, article_id, summary="改过的摘要")
    desk.submit(article_id)
    tick_checklist(qtbot, page)
    message = refused(qtbot, page, "approve")
    assert "changed" in message
    assert not [d for d in desk.decisions(article_id) if d.verdict == "approve"]


def test_the_fields_and_pages_shown_are_the_selected_articles(
    qtbot: QtBot, english: None, desk: Desk, sign_in: SignIn
) -> None:
    """The "All fields" and "As published" tabs are filled when they are shown: each shows the
    article selected, whichever tab was open when the selection moved."""
    night = desk.must(
        Kind.ARTICLE_CREATE, channel_id=desk.channel("新闻"), title="夜市开市", summary="夜市摘要"
    )
    desk.submit(night)
    library = desk.must(
        Kind.ARTICLE_CREATE, channel_id=desk.channel("新闻"), title="古籍展", summary="古籍摘要"
    )
    desk.submit(library)
    page = open_page(qtbot, sign_in("reviewer1"))
    view = page.view

    def shown(article_id: str) -> tuple[str, str]:
        show(qtbot, page, article_id)
        view.tabs.setCurrentWidget(view.fields)
        summary = view.fields.text("summary")
        view.tabs.setCurrentWidget(view.published)
        preview = view.published.preview
        assert preview is not None
        return summary, preview.pc_html

    summary, pc = shown(night)
    assert summary == "夜市摘要" and "夜市开市" in pc
    summary, pc = shown(library)  # selected with "As published" open
    assert summary == "古籍摘要" and "古籍展" in pc and "夜市开市" not in pc
    view.tabs.setCurrentIndex(0)
    summary, pc = shown(night)  # selected with the article open
    assert summary == "夜市摘要" and "夜市开市" in pc and "古籍展" not in pc


@pytest.mark.usefixtures("english")
def test_a_changed_alt_text_shows_in_the_comparison(qtbot: QtBot) -> None:
    body = '<p>正文</p><figure><img src="attachment:{sha}" alt="{alt}"></figure>'
    old = {"title": "夜市", "body_html": body.format(sha="a" * 64, alt="夜市入口")}
    new = {"title": "夜市", "body_html": body.format(sha="a" * 64, alt="夜市东门")}
    view = CompareView()
    qtbot.addWidget(view)
    view.compare("Revision 1", old, "Revision 2", new)
    shown = view.browser.toPlainText()
    assert "Image alt texts" in shown and "夜市入口" in shown and "夜市东门" in shown
    assert "1 other field changed" in view.summary.text()


class SlowImages(BlobImages):
    """The workspace's images, decoded only once ``gate`` is set (as thirty camera photographs
    take their time), noting the threads that decoded them."""

    def __init__(self, blobs: BlobStore) -> None:
        super().__init__(blobs)
        self.gate = threading.Event()
        self.threads: set[threading.Thread] = set()

    def __call__(self, sha256: str) -> QImage | None:
        self.threads.add(threading.current_thread())
        self.gate.wait(10)
        return super().__call__(sha256)


def test_the_published_pages_show_at_once_and_their_photographs_as_they_are_decoded(
    qtbot: QtBot, english: None, workspace: Workspace, desk: Desk, tmp_path: Path
) -> None:
    """Decoding the pages' images waits on the workers, not the UI: the page is laid out with a
    box the photograph's size in its place, and the photograph replaces it, on every target."""
    sha = picture(workspace, desk, tmp_path)
    article_id = desk.must(
        Kind.ARTICLE_CREATE,
        channel_id=desk.channel("新闻"),
        title="城东夜市开市",
        body_html=BODY.format(sha=sha),
    )
    content = revision_content(desk.article(article_id))
    images = SlowImages(workspace.blobs)
    view = PublishedView(images)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.show_content(article_id, "新闻", content)  # would wait ten seconds on the UI thread
    waiting = view.shown_image(sha)
    assert waiting is not None and waiting.size() == QSize(320, 200)
    assert waiting.pixelColor(160, 100) == colours().qcolor("placeholder_image")
    assert view.images_waiting == 1
    images.gate.set()
    qtbot.waitUntil(lambda: view.images_waiting == 0)
    shown = view.shown_image(sha)
    assert shown is not None and shown.pixelColor(160, 100) == QColor(0x3366AA)
    assert "城东夜市" in view.browser.toPlainText()
    view.wap_button.click()  # narrower: fitted again, aside
    qtbot.waitUntil(lambda: view.images_waiting == 0)
    shown = view.shown_image(sha)
    assert shown is not None and shown.pixelColor(100, 50) == QColor(0x3366AA)
    assert threading.main_thread() not in images.threads


def test_the_cover_shows_as_a_box_of_its_size_until_a_worker_has_decoded_it(
    qtbot: QtBot, english: None, workspace: Workspace, desk: Desk, tmp_path: Path
) -> None:
    """The All fields tab decodes the cover on a worker, not the UI thread: a box of its shape
    at once, the picture when it is ready, and a cover of a revision no longer shown is not put
    over the one that is."""
    sha = picture(workspace, desk, tmp_path)
    images = SlowImages(workspace.blobs)
    fields = PublishedFields(images)
    qtbot.addWidget(fields)
    fields.show()
    fields.show_content({"cover": sha})
    waiting = fields.cover.pixmap().toImage()
    assert waiting.size() == QSize(154, COVER_HEIGHT)  # 320×200 at the cover's height
    assert waiting.pixelColor(5, 5) == colours().qcolor("placeholder_image")
    fields.show_content({})  # the next article, without a cover, before the first arrived
    images.gate.set()
    qtbot.waitUntil(
        lambda: not images.threads or QThreadPool.globalInstance().activeThreadCount() == 0
    )
    qtbot.wait(50)
    assert fields.cover.text() == "No cover"
    fields.show_content({"cover": sha})
    qtbot.waitUntil(lambda: fields.cover.pixmap().toImage().pixelColor(5, 5) == QColor(0x3366AA))
    assert fields.cover.pixmap().size() == waiting.size()  # nothing moved
    assert threading.main_thread() not in images.threads
