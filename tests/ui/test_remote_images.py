"""A WeChat article pasted with its images: they are fetched (with the page as referrer, as
WeChat's image host demands), stored as attachments, and the published pages point only at
local files. What cannot be fetched is listed and blocks submitting until it is removed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QByteArray, QMimeData
from pytestqt.qtbot import QtBot

from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, Verdict
from newsdesk.core.mutation import Kind
from newsdesk.publish.publisher import Publisher, PublishingSettings
from newsdesk.store.workspace import Workspace
from newsdesk.ui.session import Session
from tests.ui.images import image_bytes
from tests.ui.test_article_editor import _new_draft, _open

PAGE = "/s/Xa1b2c3"  # the article's page: the only referrer the image host accepts


class ImageHost(BaseHTTPRequestHandler):
    """Like mmbiz.qpic.cn: an image only for requests coming from the article's page."""

    jpeg = b""
    page = ""
    seen: ClassVar[list[str | None]] = []

    def do_GET(self) -> None:
        referer = self.headers.get("Referer")
        type(self).seen.append(referer)
        if not self.path.startswith("/mmbiz_jpg/"):
            self.send_error(404)
            return
        if referer != self.page:
            self.send_error(403, "hot-linking refused")
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(self.jpeg)))
        self.end_headers()
        self.wfile.write(self.jpeg)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def host() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), ImageHost)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    ImageHost.jpeg = image_bytes(0x2E7D32, "JPEG", (64, 48))
    ImageHost.page = base + PAGE
    ImageHost.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def editor_session(sign_in: Callable[[str], Session]) -> Session:
    return sign_in("editor")


def _paste(base: str) -> QMimeData:
    mime = QMimeData()
    mime.setHtml(
        '<section style="margin:0"><p><span style="font-size:15px">城东夜市今晚开市。</span></p>'
        f'<p><img class="rich_pages" data-src="{base}/mmbiz_jpg/AbC/640?wx_fmt=jpeg" '
        f'src="data:image/svg+xml,%3Csvg%3E" alt="夜市"></p>'
        f'<p><img src="{base}/gone/missing.jpg" alt="失效"></p></section>'
    )
    # Firefox names the page the selection was copied from.
    mime.setData("text/x-moz-url-priv", QByteArray((base + PAGE).encode("utf-16-le")))
    return mime


@pytest.mark.usefixtures("english")
def test_a_pasted_wechat_image_becomes_a_local_attachment_and_pages_reference_only_local_files(
    qtbot: QtBot,
    host: str,
    workspace: Workspace,
    editor_session: Session,
    sign_in: Callable[[str], Session],
    tmp_path: Path,
) -> None:
    article_id = _new_draft(workspace, body_html="<p>导语。</p>")
    editor = _open(qtbot, editor_session, article_id)
    editor.body.insertFromMimeData(_paste(host))
    bar = editor.remote_images
    qtbot.waitUntil(lambda: not bar.busy, timeout=10_000)

    assert ImageHost.page in ImageHost.seen  # fetched with the page as referrer
    html = editor.body.html()
    assert "mmbiz_jpg" not in html and "attachment:" in html
    assert list(bar.failed) == [f"{host}/gone/missing.jpg"]
    assert bar.isVisibleTo(editor) and "no longer on the server" in bar.label.text()

    # The missing image blocks submitting (the core refuses, the button says why).
    flushed: list[bool] = []
    editor.flush(lambda: flushed.append(True))
    qtbot.waitUntil(lambda: bool(flushed))
    qtbot.waitUntil(lambda: not editor.submit_button.isEnabled(), timeout=5_000)
    assert "other servers" in editor.submit_button.toolTip()

    bar.remove_button.click()
    assert not bar.isVisibleTo(editor) and "missing.jpg" not in editor.body.html()
    qtbot.waitUntil(editor.submit_button.isEnabled, timeout=5_000)
    editor.submit_button.click()
    if editor.findings_question is not None:
        next(b for b in editor.findings_question.buttons() if b.text() == "Submit anyway").click()

    def state() -> ArticleState:
        with workspace.store.world() as world:
            article = world.article(article_id)
        assert article is not None
        return article.state

    qtbot.waitUntil(lambda: state() == ArticleState.IN_REVIEW, timeout=5_000)
    _approve_and_sign_off(workspace, sign_in, article_id)
    publisher = sign_in("publisher")
    out = tmp_path / "site"
    report = Publisher(workspace, PublishingSettings(folder=str(out))).publish(
        publisher.user.id, article_id
    )
    assert report.accepted and not report.failures
    pages = [p for p in out.rglob("*") if p.suffix in (".html", ".json") and article_id in p.name]
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert host not in text, page
        if page.suffix == ".html":
            assert 'src="images/' in text or 'src="../images/' in text


def _approve_and_sign_off(
    workspace: Workspace, sign_in: Callable[[str], Session], article_id: str
) -> None:
    def article():  # type: ignore[no-untyped-def]
        with workspace.store.world() as world:
            return world.article(article_id)

    levels = {"reviewer1": 1, "reviewer2": 2, "reviewer3": 3}
    while article().state == ArticleState.IN_REVIEW:
        level = article().review_level
        login = next(name for name, number in levels.items() if number == level)
        session = sign_in(login)
        decision = session.mutation(
            Kind.ARTICLE_REVIEW,
            article_id,
            decision_id=new_id(),
            revision_hash=article().revision_hash,
            level=level,
            verdict=Verdict.APPROVE.value,
            checked=["truth", "copyright", "no_restricted_info"],
        )
        [applied] = workspace.store.apply([decision])
        assert applied.accepted, applied.outcome
    signed = sign_in("publisher").mutation(
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=current_hash(article()),
    )
    [applied] = workspace.store.apply([signed])
    assert applied.accepted, applied.outcome
