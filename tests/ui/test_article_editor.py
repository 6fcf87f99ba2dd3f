"""The article editor over a real demo workspace: loading, autosave, formatting, read-only states,
find/replace, and a screenshot of a long Chinese article."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from newsdesk.core.apply import actor_of
from newsdesk.core.articles import current_hash, may_edit
from newsdesk.core.body import strip_html
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ArticleState, User
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.publish.paste import clean_pasted
from newsdesk.store.blobs import BlobStore
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.article import ArticleEditor
from newsdesk.ui.editor.document import blob_images, html_document, to_html
from newsdesk.ui.i18n import translated
from newsdesk.ui.published.dialogs import CorrectionDialog
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.published_view import WAP_WIDTH
from tests.publish.allowlist import violations

SHOTS = Path("/tmp/newsdesk-shots")
NO_ATTACHMENTS = blob_images(BlobStore(Path("/nonexistent/attachments")))
SAVE_WAIT_MS = 3000


def _articles(workspace: Workspace) -> list[Article]:
    with workspace.store.engine.connect() as conn:
        rows = conn.execute(select(TABLES[Article])).mappings().all()
    return [from_row(Article, row) for row in rows]


def _user_id(workspace: Workspace, login: str) -> str:
    with workspace.store.world() as world:
        user = world.user_by_login(login)
    assert isinstance(user, User)
    return user.id


def _stored(workspace: Workspace, article_id: str) -> Article:
    with workspace.store.world() as world:
        article = world.article(article_id)
    assert article is not None
    return article


def _own(workspace: Workspace, state: ArticleState, level: int | None = None) -> Article:
    editor_id = _user_id(workspace, "editor")
    return next(
        a
        for a in _articles(workspace)
        if a.owner_id == editor_id
        and a.state == state
        and (level is None or a.review_level == level)
    )


def _new_draft(workspace: Workspace, body_html: str = "<p>第一段。</p>", **args: object) -> str:
    """A draft by "editor" in the channel of one of their articles (the demo has none of theirs)."""
    channel_id = _own(workspace, ArticleState.PUBLISHED).channel_id
    created = mutation(
        _user_id(workspace, "editor"),
        Kind.ARTICLE_CREATE,
        new_id(),
        channel_id=channel_id,
        title=args.pop("title", "草稿标题"),
        body_html=body_html,
        **args,
    )
    applied = workspace.store.apply([created])
    assert applied[0].accepted, applied[0].outcome
    assert created.entity is not None
    return created.entity


@pytest.fixture
def editor_session(sign_in: Callable[[str], Session]) -> Session:
    return sign_in("editor")


def _open(qtbot: QtBot, session: Session, article_id: str) -> ArticleEditor:
    editor = ArticleEditor(session, article_id)
    qtbot.addWidget(editor)
    editor.resize(1280, 860)
    qtbot.waitUntil(lambda: editor.loaded is not None)
    return editor


def _type_at_end(editor: ArticleEditor, text: str) -> None:
    cursor = editor.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.body.setTextCursor(cursor)
    editor.body.textCursor().insertText(text)


def _flush(qtbot: QtBot, editor: ArticleEditor) -> None:
    flushed: list[bool] = []
    editor.flush(lambda: flushed.append(True))
    qtbot.waitUntil(lambda: bool(flushed), timeout=SAVE_WAIT_MS)


@pytest.mark.usefixtures("english")
def test_typing_and_title_are_saved_within_two_seconds(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    assert editor.editable and not editor.banner.isVisible()
    assert editor.metadata.title_edit.text() == "草稿标题"
    before = _stored(workspace, article_id).row_version

    _type_at_end(editor, "新写的一句话。")
    editor.metadata.title_edit.setText("新的标题")
    assert editor.dirty
    started = time.monotonic()
    qtbot.waitUntil(
        lambda: "新写的一句话" in _stored(workspace, article_id).body_html, timeout=SAVE_WAIT_MS
    )
    assert time.monotonic() - started < 2.5
    stored = _stored(workspace, article_id)
    assert stored.title == "新的标题"
    assert stored.row_version > before
    qtbot.waitUntil(lambda: not editor.dirty)
    assert editor.status.text().startswith("Saved at")


@pytest.mark.usefixtures("english")
def test_typing_during_a_save_is_saved_afterwards(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    _type_at_end(editor, "甲")
    editor.flush()  # in flight now
    _type_at_end(editor, "乙")
    _flush(qtbot, editor)
    assert "甲乙" in _stored(workspace, article_id).body_html
    assert not editor.dirty


@pytest.mark.usefixtures("english")
def test_steady_typing_is_saved_without_a_pause(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    _type_at_end(editor, "开头")
    for _ in range(25):  # a keystroke every 100 ms, 2.5 s long: the pause timer never fires
        qtbot.wait(100)
        _type_at_end(editor, "字")
    assert "开头" in _stored(workspace, article_id).body_html


@pytest.mark.usefixtures("english")
def test_bold_table_and_image_are_stored(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, tmp_path: Path
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    _type_at_end(editor, "")
    editor.body.textCursor().insertBlock()
    editor.toolbar.bold_action.trigger()
    editor.body.textCursor().insertText("加粗")
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    picture = tmp_path / "picture.png"
    assert image.save(str(picture))
    assert editor.body.insert_image_file(picture)
    editor.body.insert_table(2, 3)
    _flush(qtbot, editor)

    html = _stored(workspace, article_id).body_html
    assert "<strong>加粗</strong>" in html
    assert "<table" in html
    sha256 = workspace.blobs.put(picture.read_bytes())
    assert f"attachment:{sha256}" in html
    with workspace.store.world() as world:
        attachment = world.attachment(sha256)
    assert attachment is not None and attachment.mime == "image/png"


@pytest.mark.usefixtures("english")
def test_cover_is_stored_as_an_attachment(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, tmp_path: Path
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc6633"))
    cover = tmp_path / "cover.jpg"
    assert image.save(str(cover))
    assert editor.metadata.choose_cover_file(cover)
    assert editor.metadata.cover_thumb.pixmap() is not None
    _flush(qtbot, editor)
    assert _stored(workspace, article_id).cover == workspace.blobs.put(cover.read_bytes())


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("state", [ArticleState.PUBLISHED, ArticleState.IN_REVIEW])
def test_article_the_user_may_not_edit_is_read_only_with_the_reason(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, state: ArticleState
) -> None:
    article = _own(workspace, state, level=3 if state is ArticleState.IN_REVIEW else None)
    editor = _open(qtbot, editor_session, article.id)
    refusal = may_edit(editor_session.actor, article, None)
    assert isinstance(refusal, Refusal)
    assert not editor.editable
    assert editor.body.isReadOnly()
    assert not editor.metadata.isEnabled() and not editor.toolbar.bold_action.isEnabled()
    assert editor.toolbar.find_action.isEnabled()  # reading still searches
    assert not editor.banner.isHidden()
    assert editor.banner.text == translated(refusal.message)
    assert editor.banner.withdraw_button.isHidden()  # level 3: too late to withdraw
    correctable = state is ArticleState.PUBLISHED
    assert editor.banner.correct_button.isHidden() is not correctable


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("typo", [False, True])
def test_a_correction_asks_its_kind_where_the_channel_has_a_typo_path(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, typo: bool
) -> None:
    article = _own(workspace, ArticleState.PUBLISHED)
    with workspace.store.world() as world:
        channel = world.channel(article.channel_id)
    assert channel is not None
    if not channel.typo_fast_path:
        admin = _user_id(workspace, "admin")
        update = mutation(admin, Kind.CHANNEL_UPDATE, channel.id, typo_fast_path=True)
        assert workspace.store.apply([update])[0].accepted
    editor = _open(qtbot, editor_session, article.id)
    editor.banner.correct_button.click()
    dialog = editor.findChild(CorrectionDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.typo.isHidden()
    (dialog.typo if typo else dialog.full).setChecked(True)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: editor.editable)
    stored = _stored(workspace, article.id)
    assert stored.state == ArticleState.DRAFT and stored.is_correction
    assert stored.typo_fix is typo


@pytest.mark.usefixtures("english")
def test_withdrawing_from_review_makes_the_article_editable(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article = _own(workspace, ArticleState.IN_REVIEW, level=1)
    editor = _open(qtbot, editor_session, article.id)
    assert not editor.editable
    assert not editor.banner.withdraw_button.isHidden()
    editor.banner.withdraw_button.click()
    qtbot.waitUntil(lambda: editor.editable)
    assert editor.banner.isHidden()
    assert not editor.body.isReadOnly()
    assert _stored(workspace, article.id).state == ArticleState.DRAFT


@pytest.mark.usefixtures("english")
def test_a_refused_save_keeps_the_text_and_says_why(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    draft = _stored(workspace, article_id)
    submit = mutation(
        _user_id(workspace, "editor"),
        Kind.ARTICLE_SUBMIT,
        article_id,
        revision_id=new_id(),
        content_hash=current_hash(draft),
    )
    assert workspace.store.apply([submit])[0].accepted  # e.g. from another window
    _type_at_end(editor, "审核中写的字")
    _flush(qtbot, editor)
    assert "审核中写的字" in editor.body.toPlainText()
    assert "not saved" in editor.message_bar.text
    assert "审核中写的字" not in _stored(workspace, article_id).body_html
    qtbot.waitUntil(lambda: not editor.editable)  # re-read: now under review


@pytest.mark.usefixtures("english")
def test_replace_all_is_one_undo_step(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace, body_html="<p>甲乙甲乙甲</p>")
    editor = _open(qtbot, editor_session, article_id)
    editor.toolbar.replace_action.trigger()
    assert not editor.find_bar.isHidden()
    editor.find_bar.find_edit.setText("甲")
    editor.find_bar.replace_edit.setText("丙")
    assert editor.find_bar.replace_all() == 3
    assert editor.body.toPlainText() == "丙乙丙乙丙"
    editor.body.undo()
    assert editor.body.toPlainText() == "甲乙甲乙甲"
    assert editor.find_bar.find_next()
    assert editor.body.textCursor().selectedText() == "甲"


@pytest.mark.usefixtures("english")
def test_bold_action_follows_the_cursor(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace, body_html="<p>普通<strong>加粗</strong>普通</p>")
    editor = _open(qtbot, editor_session, article_id)
    cursor = editor.body.textCursor()
    cursor.setPosition(3)  # inside 加粗
    editor.body.setTextCursor(cursor)
    assert editor.toolbar.bold_action.isChecked()
    cursor.setPosition(1)
    editor.body.setTextCursor(cursor)
    assert not editor.toolbar.bold_action.isChecked()


@pytest.mark.usefixtures("english")
def test_checks_panel_lists_sensitive_words(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace, body_html="<p>这是最佳的国家级项目。</p>")
    editor = _open(qtbot, editor_session, article_id)
    qtbot.waitUntil(lambda: editor.checks is not None)
    assert editor.checks is not None
    editor.checks.refresh()
    found = {c.found for c in editor.checks.model.checks()}
    assert {"最佳", "国家级"} <= found
    assert "characters" in editor.checks.count_label.text()


@pytest.mark.usefixtures("english")
def test_preview_renders_the_page_from_the_exporters_templates(
    qtbot: QtBot, workspace: Workspace, editor_session: Session
) -> None:
    article_id = _new_draft(workspace, body_html="<h2>小标题</h2><p>预览内容</p>")
    editor = _open(qtbot, editor_session, article_id)
    editor.metadata.summary_edit.setPlainText("尚未保存的摘要")
    editor.preview_button.click()
    page = editor.preview.browser.toPlainText()
    assert "预览内容" in page and "尚未保存的摘要" in page
    assert editor.preview.preview is not None
    assert '<p class="summary">尚未保存的摘要</p>' in editor.preview.preview.pc_html
    editor.preview.wap_button.click()
    assert editor.preview.browser.width() == WAP_WIDTH


def test_to_html_of_a_long_body_is_fast(qapp: QApplication) -> None:
    """Serialising runs on the UI thread at each save: a 100k-character body must stay cheap."""
    paragraph = "<p>" + "新闻正文内容，" * 50 + "<strong>重点</strong></p>"
    document = html_document(paragraph * 300, NO_ATTACHMENTS)
    assert document.characterCount() > 100_000
    started = time.perf_counter()
    to_html(document)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.25, elapsed


def test_screenshot_zh_cn(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, chinese: None
) -> None:
    """A long demo article with images and a table, sensitive words highlighted."""
    richest = max(
        (a for a in _articles(workspace) if "<table" in a.body_html and "<img" in a.body_html),
        key=lambda a: len(a.body_html),
    )
    body = "<p>本次活动被评为最佳文化项目，获国家级荣誉。</p>" + richest.body_html
    article_id = _new_draft(
        workspace,
        body_html=body,
        title=richest.title,
        author=richest.author or "记者 张明",
        source=richest.source or "滨江融媒",
        cover=richest.cover,
        summary=richest.summary,
        tags=list(richest.tags),
    )
    with workspace.store.world() as world:
        assert not isinstance(actor_of(world, _user_id(workspace, "editor")), Refusal)
    editor = _open(qtbot, editor_session, article_id)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: editor.checks is not None)
    assert editor.checks is not None
    editor.checks.refresh()
    qtbot.wait(100)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert editor.grab().save(str(SHOTS / "editor-window-zh_CN.png"))


@pytest.mark.usefixtures("english")
def test_an_inserted_image_gets_a_caption_through_the_paragraph_style(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, tmp_path: Path
) -> None:
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc6633"))
    picture = tmp_path / "scene.png"
    assert image.save(str(picture))
    _type_at_end(editor, "")
    assert editor.body.insert_image_file(picture)
    editor.body.textCursor().insertText("开幕式现场")
    style = editor.toolbar.style_box
    style.setCurrentIndex(style.findData("caption"))
    style.activated.emit(style.currentIndex())
    _flush(qtbot, editor)
    html = _stored(workspace, article_id).body_html
    assert re.search(r"<figure><img [^>]*></figure>|<figure><img [^>]*><figcaption>", html)
    assert "<figcaption>开幕式现场</figcaption>" in html


FIXTURES = Path(__file__).resolve().parents[1] / "publish" / "fixtures"


@pytest.mark.parametrize("sample", ["word_export", "wps_export", "wechat_article", "news_page"])
def test_pasted_html_is_stored_as_the_allowed_subset(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, sample: str
) -> None:
    article_id = _new_draft(workspace, body_html="<p>导语。</p>")
    editor = _open(qtbot, editor_session, article_id)
    _type_at_end(editor, "")
    pasted = (FIXTURES / f"{sample}.html").read_text(encoding="utf-8")
    mime = QMimeData()
    mime.setHtml(pasted)
    editor.body.insertFromMimeData(mime)
    _flush(qtbot, editor)
    stored = _stored(workspace, article_id).body_html
    assert violations(stored) == []
    assert "导语" in stored

    def chinese(html: str) -> str:
        return "".join(re.findall(r"[\u4e00-\u9fff]", strip_html(html)))

    # Every Chinese character of the cleaned paste is stored, in order, after the lead.
    assert chinese(clean_pasted(pasted).html) in chinese(stored)
    assert "data:" not in stored and "<script" not in stored


@pytest.mark.usefixtures("english")
def test_an_article_with_a_crossed_edit_offers_the_merge_and_the_merge_settles_it(
    qtbot: QtBot, editor_session: Session, workspace: Workspace
) -> None:
    article_id = _new_draft(workspace, "<p>原文</p>")
    editor_id = _user_id(workspace, "editor")
    base = {"body_html": "<p>原文</p>"}
    for body in ("<p>先到的</p>", "<p>后到的</p>"):  # as a sync would lay them down
        workspace.store.apply(
            [mutation(editor_id, Kind.ARTICLE_EDIT, article_id, body_html=body, base=base)]
        )
    editor = _open(qtbot, editor_session, article_id)
    editor.show()
    qtbot.waitUntil(lambda: editor.merge_bar.isVisible())
    dialog = editor.merge()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    dialog.choose("body_html", mine=True)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(workspace, article_id).body_html == "<p>后到的</p>"
    assert _stored(workspace, article_id).merge_revision_id is None
    qtbot.waitUntil(lambda: not editor.merge_bar.isVisible())
    assert editor.body.toPlainText().strip() == "后到的"


@pytest.mark.usefixtures("english")
def test_an_added_image_shows_at_once_and_is_written_by_the_save_that_records_it(
    qtbot: QtBot, workspace: Workspace, editor_session: Session, tmp_path: Path
) -> None:
    """The image is written to the workspace on the database thread with its save; a file
    that cannot be written leaves the save undone and the image in the article, and the next
    save, once there is room, writes both."""
    article_id = _new_draft(workspace)
    editor = _open(qtbot, editor_session, article_id)
    image = QImage(48, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7a3a"))
    picture = tmp_path / "现场.png"
    assert image.save(str(picture))
    sha256 = hashlib.sha256(picture.read_bytes()).hexdigest()
    shard = workspace.blobs.path(sha256).parent
    aside = shard.with_name(shard.name + ".aside")
    if shard.exists():
        shard.rename(aside)
    shard.write_bytes(b"")  # a file where the image's folder goes: writing it fails
    try:
        assert editor.body.insert_image_file(picture)
        shown = editor.images(sha256)
        assert shown is not None and shown.size() == image.size()  # from memory, unwritten
        assert not workspace.blobs.has(sha256)
        editor.flush(lambda: None)
        qtbot.waitUntil(lambda: editor.status.text().startswith("Not saved"), timeout=SAVE_WAIT_MS)
        assert f"attachment:{sha256}" not in _stored(workspace, article_id).body_html
        assert f"attachment:{sha256}" in editor.body.html()  # still in the article
    finally:
        shard.unlink()
        if aside.exists():
            aside.rename(shard)
    _type_at_end(editor, "补记。")
    _flush(qtbot, editor)
    assert workspace.blobs.has(sha256)
    assert f"attachment:{sha256}" in _stored(workspace, article_id).body_html
    with workspace.store.world() as world:
        assert world.attachment(sha256) is not None
