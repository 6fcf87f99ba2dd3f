"""The article body editor through a real widget: commands give exactly the semantic HTML of the
allow-list, images become attachments, pastes are cleaned, and the HTML round-trips stably."""

from __future__ import annotations

import gc
import logging
import re
import threading
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QThreadPool, QUrl
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument, QTextFragment
from pytestqt.qtbot import QtBot

from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.publish.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from newsdesk.store.blobs import BlobStore
from newsdesk.ui.editor.body import BodyEditor
from newsdesk.ui.editor.document import (
    BlobImages,
    blob_images,
    load_html,
    placeholder_image,
    to_html,
)
from newsdesk.ui.widgets.palette import colours
from tests.ui.dnd import drag_and_drop

FIXTURES = Path(__file__).parent.parent / "publish" / "fixtures"

NO_ATTACHMENTS = blob_images(BlobStore(Path("/nonexistent/attachments")))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [name for name, _ in attrs]))


def tags(html: str) -> list[tuple[str, list[str]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def assert_allowed(html: str) -> None:
    for tag, attributes in tags(html):
        assert tag in ALLOWED_TAGS, tag
        for attribute in attributes:
            assert attribute in ALLOWED_ATTRIBUTES.get(tag, frozenset()), (tag, attribute)
    assert "data:" not in html
    assert "font-" not in html and "color" not in html


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


@pytest.fixture
def editor(qtbot: QtBot, blobs: BlobStore) -> BodyEditor:
    def store(data: bytes, name: str) -> str | None:
        return blobs.put(data)

    widget = BodyEditor(store, blob_images(blobs))
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    return widget


def type_text(editor: BodyEditor, text: str) -> None:
    """Chinese typed as an input method commits it (keyClicks cannot type CJK)."""
    cursor = editor.textCursor()
    cursor.insertText(text)
    editor.setTextCursor(cursor)


def select(editor: BodyEditor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def png_file(path: Path, width: int = 40, height: int = 30) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("tomato"))
    assert image.save(str(path))
    return path


def attachments(html: str) -> list[str]:
    return re.findall(r'src="attachment:([0-9a-f]{64})"', html)


@pytest.mark.parametrize(
    ("command", "tag"),
    [
        ("toggle_bold", "strong"),
        ("toggle_italic", "em"),
        ("toggle_underline", "u"),
        ("toggle_strikeout", "s"),
    ],
)
def test_a_character_format_on_a_selection_is_one_semantic_tag(
    editor: BodyEditor, command: str, tag: str
) -> None:
    type_text(editor, "今天天气很好")
    select(editor, 2, 4)
    getattr(editor, command)()
    html = editor.html()
    assert html == f"<p>今天<{tag}>天气</{tag}>很好</p>"
    assert_allowed(html)
    getattr(editor, command)()
    assert editor.html() == "<p>今天天气很好</p>"


def test_without_a_selection_the_word_under_the_cursor_is_formatted(editor: BodyEditor) -> None:
    type_text(editor, "hello world")
    cursor = editor.textCursor()
    cursor.setPosition(2)
    editor.setTextCursor(cursor)
    editor.toggle_bold()
    assert editor.html() == "<p><strong>hello</strong> world</p>"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("h2", "<h2>标题</h2>"),
        ("h3", "<h3>标题</h3>"),
        ("quote", "<blockquote><p>标题</p></blockquote>"),
        ("body", "<p>标题</p>"),
    ],
)
def test_paragraph_styles(editor: BodyEditor, style: str, expected: str) -> None:
    type_text(editor, "标题")
    editor.set_paragraph_style(style)
    assert editor.html() == expected
    assert_allowed(editor.html())


def test_bold_inside_a_heading_is_kept_and_the_heading_is_not_bold(editor: BodyEditor) -> None:
    type_text(editor, "要闻速递")
    editor.set_paragraph_style("h2")
    select(editor, 0, 2)
    editor.toggle_bold()
    assert editor.html() == "<h2><strong>要闻</strong>速递</h2>"
    editor.set_paragraph_style("body")
    assert editor.html() == "<p><strong>要闻</strong>速递</p>"


def test_alignment_is_a_text_align_style(editor: BodyEditor) -> None:
    type_text(editor, "居中")
    editor.set_alignment(Qt.AlignmentFlag.AlignHCenter)
    assert re.fullmatch(r'<p style="text-align: ?center">居中</p>', editor.html())


def test_lists_toggle_nest_and_change_kind(editor: BodyEditor) -> None:
    type_text(editor, "一\n二\n三")
    select(editor, 0, 5)
    editor.toggle_list(ordered=False)
    assert editor.html() == "<ul><li>一</li><li>二</li><li>三</li></ul>"
    cursor = editor.textCursor()
    cursor.setPosition(3)
    editor.setTextCursor(cursor)
    editor.indent()
    assert editor.html() == "<ul><li>一<ul><li>二</li></ul></li><li>三</li></ul>"
    editor.outdent()
    assert editor.html() == "<ul><li>一</li><li>二</li><li>三</li></ul>"
    editor.toggle_list(ordered=True)
    assert editor.html() == "<ol><li>一</li><li>二</li><li>三</li></ol>"
    select(editor, 0, 5)
    editor.toggle_list(ordered=True)
    assert editor.html() == "<p>一</p><p>二</p><p>三</p>"


def test_indent_outside_a_list_makes_a_quote(editor: BodyEditor) -> None:
    type_text(editor, "引语")
    editor.indent()
    assert editor.html() == "<blockquote><p>引语</p></blockquote>"
    editor.outdent()
    assert editor.html() == "<p>引语</p>"


def test_links_are_set_and_removed(editor: BodyEditor) -> None:
    type_text(editor, "详见官网")
    select(editor, 2, 4)
    editor.set_link("https://example.cn/a?x=1&y=2")
    html = editor.html()
    assert re.fullmatch(
        r'<p>详见<a href="https://example.cn/a\?x=1&amp;y=2"[^>]*>官网</a></p>', html
    )
    assert_allowed(html)
    cursor = editor.textCursor()
    cursor.setPosition(3)
    editor.setTextCursor(cursor)
    editor.remove_link()
    assert editor.html() == "<p>详见官网</p>"


def test_a_link_with_its_own_text_is_inserted(editor: BodyEditor) -> None:
    editor.set_link("https://example.cn/", "新华网")
    assert re.fullmatch(r'<p><a href="https://example.cn/"[^>]*>新华网</a></p>', editor.html())


def test_horizontal_rule_and_clear_formatting(editor: BodyEditor) -> None:
    type_text(editor, "上文")
    editor.insert_horizontal_rule()
    type_text(editor, "下文")
    assert editor.html() == "<p>上文</p><hr><p>下文</p>"
    select(editor, 0, 2)
    editor.toggle_bold()
    editor.toggle_italic()
    assert editor.html() == "<p><strong><em>上文</em></strong></p><hr><p>下文</p>"
    editor.clear_formatting()
    assert editor.html() == "<p>上文</p><hr><p>下文</p>"


def test_tables_grow_and_shrink_at_the_cursor(editor: BodyEditor) -> None:
    editor.insert_table(2, 2)
    type_text(editor, "甲")
    assert editor.html().count("<tr>") == 2
    editor.add_row()
    editor.add_column()
    html = editor.html()
    assert html.count("<tr>") == 3
    assert html.count("<td>") == 9
    assert "<td>甲</td>" in html
    editor.remove_column()
    editor.remove_row()
    html = editor.html()
    assert html.count("<tr>") == 2 and html.count("<td>") == 4
    assert_allowed(html)


def test_an_image_file_becomes_an_attachment(
    editor: BodyEditor, blobs: BlobStore, tmp_path: Path
) -> None:
    type_text(editor, "图文")
    assert editor.insert_image_file(png_file(tmp_path / "photo.png"))
    html = editor.html()
    (sha,) = attachments(html)
    assert blobs.has(sha)
    assert html.startswith("<p>图文</p><figure><img")
    assert_allowed(html)


def test_an_image_file_dropped_on_the_editor_becomes_an_attachment(
    editor: BodyEditor, blobs: BlobStore, tmp_path: Path
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png_file(tmp_path / "现场.png")))])
    _, drop = drag_and_drop(editor.viewport(), mime, Qt.DropAction.CopyAction)
    assert drop.isAccepted()
    (sha,) = attachments(editor.html())
    assert blobs.has(sha)


def test_a_clipboard_image_is_encoded_on_a_worker_and_inserted_where_it_was_pasted(
    editor: BodyEditor, blobs: BlobStore, qtbot: QtBot
) -> None:
    """A full-screen capture pasted: encoded to PNG on a worker thread (a third of a second on
    the UI thread, the editor frozen), then stored and inserted where it was pasted, replacing
    the selection; what the editor types meanwhile follows the picture."""
    type_text(editor, "开幕式：这段将被截图替换")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 8)
    editor.setTextCursor(cursor)
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    mime = QMimeData()
    mime.setImageData(image)
    assert editor.canInsertFromMimeData(mime)
    editor.insertFromMimeData(mime)
    # Back at once, the picture not yet there: the UI thread did not encode it.
    assert editor.pasting == 1 and attachments(editor.html()) == []
    assert editor.toPlainText() == "开幕式："
    type_text(editor, "现场")
    qtbot.waitUntil(lambda: editor.pasting == 0, timeout=10_000)
    html = editor.html()
    (sha,) = attachments(html)
    assert blobs.has(sha)
    assert QImage.fromData(blobs.read(sha)).size() == image.size()
    assert html.index("开幕式：") < html.index(sha) < html.index("现场")
    assert_allowed(html)
    # Another article opened in the editor before the picture is ready: it is not put there.
    editor.insertFromMimeData(mime)
    assert editor.pasting == 1
    editor.set_html("<p>另一篇稿件</p>")
    assert editor.pasting == 0
    assert QThreadPool.globalInstance().waitForDone(10_000)  # encoded, and its signal queued
    qtbot.wait(50)
    assert editor.html() == "<p>另一篇稿件</p>"


def test_an_oversized_image_is_refused_with_a_reason(
    editor: BodyEditor, qtbot: QtBot, tmp_path: Path
) -> None:
    huge = tmp_path / "巨图.png"
    with huge.open("wb") as f:  # sparse: the size is checked before a byte is read
        f.truncate(MAX_ATTACHMENT_BYTES + 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(huge))])
    with qtbot.waitSignal(editor.problem) as signal:
        drag_and_drop(editor.viewport(), mime, Qt.DropAction.CopyAction)
    message = signal.args[0]
    assert "巨图.png" in message
    assert str(MAX_ATTACHMENT_BYTES // (1024 * 1024)) in message
    assert editor.html() == ""


def test_a_missing_attachment_shows_a_placeholder(editor: BodyEditor) -> None:
    body = '<figure><img src="attachment:' + "0" * 64 + '" alt="缺图"></figure>'
    editor.set_html(body)
    assert editor.html() == body
    editor.grab()  # lays out and paints the placeholder


@pytest.mark.parametrize("fixture", ["word_export.html", "wechat_article.html", "news_page.html"])
def test_pasted_html_is_cleaned_and_remote_images_reported(
    editor: BodyEditor, qtbot: QtBot, fixture: str
) -> None:
    source = (FIXTURES / fixture).read_text(encoding="utf-8")
    reported: list[tuple[str, ...]] = []
    editor.remote_images.connect(lambda urls, _page: reported.append(urls))
    mime = QMimeData()
    mime.setHtml(source)
    editor.insertFromMimeData(mime)
    html = editor.html()
    assert_allowed(html)
    assert re.search(r"[\u4e00-\u9fff]{4}", html)
    remote = [unescape(src) for src in re.findall(r'<img src="(https?://[^"]+)"', html)]
    if remote:
        assert reported and set(remote) <= set(reported[0])
    assert to_html(_reloaded(html)) == html


def test_undo_reverts_a_format_command_in_one_step(editor: BodyEditor) -> None:
    type_text(editor, "撤销测试文字")
    before = editor.html()
    for command in (
        editor.toggle_bold,
        lambda: editor.set_paragraph_style("h2"),
        lambda: editor.toggle_list(ordered=True),
        editor.insert_horizontal_rule,
        lambda: editor.insert_table(2, 3),
    ):
        select(editor, 0, 2)
        command()
        assert editor.html() != before
        assert editor.document().isUndoAvailable()
        editor.undo()
        assert editor.html() == before


def test_set_html_is_not_a_modification(editor: BodyEditor, qtbot: QtBot) -> None:
    editor.set_html("<p>原稿</p>")
    assert not editor.document().isModified()
    assert not editor.document().isUndoAvailable()
    with qtbot.waitSignal(editor.document().modificationChanged):
        type_text(editor, "改")
    assert editor.document().isModified()


BODIES = [
    "<h2>区融媒体中心通报</h2><p>为做好<strong>春季防汛</strong>工作，<em>现通报</em>如下。</p>",
    "<p>第一段 <u>下划线</u> 与 <s>删除线</s>，见"
    '<a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>。</p>',
    '<p style="text-align: center">居中</p><blockquote><p>引用一</p><p>引用二</p></blockquote>'
    "<hr><h3>小标题</h3>",
    "<ul><li>一<ol><li>一点一</li><li>一点二</li></ol></li><li>二</li></ul><p>结束</p>",
    "<table><tbody><tr><th>项目</th><th>数量</th></tr><tr><td>堤防</td><td>12</td></tr>"
    '<tr><td colspan="2">合计</td></tr></tbody></table>',
    '<figure><img src="attachment:' + "a" * 64 + '" alt="现场"><figcaption>防汛'
    "<em>现场</em></figcaption></figure><p>甲<br>乙</p>",
]


def _normal(html: str) -> str:
    return re.sub(r"text-align: ?", "text-align:", html)


def _reloaded(html: str) -> QTextDocument:
    document = QTextDocument()
    load_html(document, html, NO_ATTACHMENTS)
    return document


@pytest.mark.parametrize("body", BODIES)
def test_allowed_html_round_trips(qapp: object, body: str) -> None:
    html = to_html(_reloaded(body))
    assert _normal(html) == _normal(body)
    assert to_html(_reloaded(html)) == html


def test_an_edited_document_round_trips_stably(editor: BodyEditor) -> None:
    editor.set_html(BODIES[0] + BODIES[3])
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(editor, "  多个   空格  \n新段落\t结尾 ")
    editor.insert_table(1, 2)
    html = editor.html()
    assert to_html(_reloaded(html)) == html
    assert_allowed(html)


def test_loading_a_table_twice_keeps_the_document_alive(editor: BodyEditor) -> None:
    """Loading a table once created a second Python wrapper of the document that deleted it
    when collected; the next load then failed with "already deleted"."""
    html = "<table><tbody><tr><th>项目</th></tr><tr><td>1</td></tr></tbody></table><p>说明</p>"
    for _ in range(3):
        editor.set_html(html)
        gc.collect()
    assert editor.html() == html


@pytest.mark.parametrize(
    "pasted",
    [
        "<p>开头<![ 这段文字在括号后</p><p>第二段</p>",
        "<![><p>第二段</p>",
        "<div>" * 600 + "<p>第二段</p>" + "</div>" * 600,
        "<strong>" * 3000 + "第二段",
    ],
)
def test_a_malformed_or_deeply_nested_paste_is_cleaned_not_dropped(
    editor: BodyEditor, pasted: str
) -> None:
    mime = QMimeData()
    mime.setHtml(pasted)
    mime.setText("第二段")
    editor.insertFromMimeData(mime)
    assert "第二段" in editor.toPlainText()
    assert_allowed(editor.html())


def test_a_paste_with_no_article_content_falls_back_to_its_text(editor: BodyEditor) -> None:
    mime = QMimeData()
    mime.setHtml("<script>x()</script><style>p{}</style>")
    mime.setText("剪贴板上的文字")
    editor.insertFromMimeData(mime)
    assert "剪贴板上的文字" in editor.toPlainText()


def shown_editor(qtbot: QtBot, blobs: BlobStore, images: BlobImages) -> BodyEditor:
    """A 900×700 editor on screen, storing in ``blobs`` and showing ``images``."""
    editor = BodyEditor(lambda data, name: blobs.put(data), images)
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


class CountedImages(BlobImages):
    """The workspace's images, noting each one decoded and the thread that decoded it. While
    ``gate`` is clear, decoding waits, as it does for a large photograph."""

    def __init__(self, blobs: BlobStore) -> None:
        super().__init__(blobs)
        self.decoded: list[str] = []
        self.threads: set[threading.Thread] = set()
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, sha256: str) -> QImage | None:
        self.threads.add(threading.current_thread())
        self.gate.wait(10)
        self.decoded.append(sha256)
        return super().__call__(sha256)


class BrokenImages(BlobImages):
    """A decoder that fails as a defect would (not a missing or unreadable file)."""

    def __call__(self, sha256: str) -> QImage | None:
        raise RuntimeError("the decoder failed")


def test_an_image_whose_decoding_fails_shows_the_placeholder_and_the_log_says_why(
    qtbot: QtBot, blobs: BlobStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Raised on the worker thread, the failure would reach the excepthook there, which may not
    open a dialog: it is logged, and the image's box shows the placeholder's crossed grey box."""
    image = QImage(1200, 675, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    path = tmp_path / "photo.png"
    assert image.save(str(path))
    sha = blobs.put_file(path)
    editor = BodyEditor(lambda data, name: blobs.put(data), BrokenImages(blobs))
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    with caplog.at_level(logging.ERROR, logger="newsdesk.ui.editor.background_images"):
        editor.set_html(f'<p>开幕式</p><figure><img src="attachment:{sha}" alt="现场"></figure>')
        editor.viewport().grab()
        qtbot.waitUntil(lambda: editor.background.waiting == 0)
    assert [r.getMessage() for r in caplog.records] == [f"decoding the image {sha} failed"]
    shown = editor.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(f"attachment:{sha}")
    )
    assert isinstance(shown, QImage) and shown.size() == placeholder_image().size()
    assert shown.pixelColor(80, 30) == colours().qcolor("placeholder_image")


def test_a_long_article_decodes_only_the_photographs_on_screen(
    qtbot: QtBot, blobs: BlobStore, tmp_path: Path
) -> None:
    """Twenty 1200×675 photographs between long paragraphs: opening decodes the ones shown, on
    a worker thread, so the first paint does not wait for them (their boxes show the placeholder's
    colour until they arrive); each is laid out at the width it is shown at (640, the height in
    proportion) before it is decoded, and scrolling to the end decodes the last one when it comes
    into view."""
    shas = []
    for n in range(20):
        image = QImage(1200, 675, QImage.Format.Format_RGB32)
        image.fill(QColor.fromHsv(n * 17, 200, 200))
        path = tmp_path / f"photo{n}.png"
        assert image.save(str(path))
        shas.append(blobs.put_file(path))
    paragraph = "<p>" + "图书馆举办读书月活动，市民踊跃参加。" * 20 + "</p>"
    html = "".join(
        f'{paragraph}<figure><img src="attachment:{sha}" alt="图{n}"></figure>'
        for n, sha in enumerate(shas)
    )
    images = CountedImages(blobs)
    editor = shown_editor(qtbot, blobs, images)
    images.gate.clear()  # decoding takes its time
    editor.set_html(html)
    shot = editor.viewport().grab().toImage()  # a paint of what is on screen, not waiting
    assert images.decoded == []
    formats = [
        fragment.charFormat().toImageFormat()
        for fragment in _fragments(editor.document())
        if fragment.charFormat().isImageFormat()
    ]
    assert [(f.width(), f.height()) for f in formats] == [(640, 360)] * 20
    place = editor.cursorRect(_cursor_at_image(editor, shas[0]))
    spot = (place.left() + 320, place.center().y())
    assert shot.pixelColor(*spot).rgb() == colours().qcolor("placeholder_image").rgb()
    images.gate.set()
    photo = QColor.fromHsv(0, 200, 200).rgb()
    qtbot.waitUntil(lambda: editor.viewport().grab().toImage().pixelColor(*spot).rgb() == photo)
    shown = set(images.decoded)
    assert shown and shown <= set(shas[:3])
    assert threading.main_thread() not in images.threads
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.ensureCursorVisible()  # a long document is laid out in steps: wait for its end

    def last_shown() -> bool:
        editor.viewport().grab()
        return shas[-1] in images.decoded

    qtbot.waitUntil(last_shown)
    assert len(set(images.decoded)) < 20
    assert to_html(editor.document()) == to_html(_reloaded_with(html, blobs))


def test_a_camera_photograph_inserted_or_downloaded_is_decoded_on_a_worker_thread(
    qtbot: QtBot, blobs: BlobStore, tmp_path: Path
) -> None:
    """A 4000×3000 photograph from the camera, inserted from its file: the editor takes it at
    once, laid out at 640×480 from its header, its box in the placeholder's colour while a
    worker decodes it; the same for an image a pasted page had on its server, once downloaded.
    Nothing is decoded on the UI thread."""
    camera = QImage(4000, 3000, QImage.Format.Format_RGB32)
    camera.fill(QColor(30, 90, 160))
    photo = tmp_path / "DSC_0412.JPG"
    assert camera.save(str(photo), "JPEG", 90)
    images = CountedImages(blobs)
    editor = shown_editor(qtbot, blobs, images)
    type_text(editor, "开幕式现场")
    images.gate.clear()
    assert editor.insert_image_file(photo)
    (sha,) = attachments(editor.html())
    (shown,) = [
        f.charFormat().toImageFormat()
        for f in _fragments(editor.document())
        if f.charFormat().isImageFormat()
    ]
    assert (shown.width(), shown.height()) == (640, 480)
    place = editor.cursorRect(_cursor_at_image(editor, sha))
    spot = (place.left() + 320, place.center().y())
    waiting = editor.viewport().grab().toImage().pixelColor(*spot)
    assert waiting.rgb() == colours().qcolor("placeholder_image").rgb()
    assert images.decoded == []
    images.gate.set()
    qtbot.waitUntil(
        lambda: editor.viewport().grab().toImage().pixelColor(*spot).blue() > 140, timeout=10_000
    )
    remote = "https://mmbiz.qpic.cn/mmbiz_jpg/abc/640"
    reposted = shown_editor(qtbot, blobs, images)
    reposted.set_html(f'<p>转载</p><figure><img src="{remote}" alt="现场"></figure>')
    images.gate.clear()
    assert reposted.replace_image_source(remote, f"attachment:{sha}") == 1
    reposted.viewport().grab()
    assert images.decoded == [sha]  # the downloaded copy waits for its worker too
    images.gate.set()
    qtbot.waitUntil(lambda: images.decoded == [sha, sha] and reposted.background.waiting == 0)
    assert threading.main_thread() not in images.threads


def _fragments(document: QTextDocument) -> Iterator[QTextFragment]:
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def _cursor_at_image(editor: BodyEditor, sha: str) -> QTextCursor:
    for fragment in _fragments(editor.document()):
        fmt = fragment.charFormat()
        if fmt.isImageFormat() and fmt.toImageFormat().name() == f"attachment:{sha}":
            cursor = QTextCursor(editor.document())
            cursor.setPosition(fragment.position())
            return cursor
    raise AssertionError(f"no image {sha}")


def _reloaded_with(html: str, blobs: BlobStore) -> QTextDocument:
    document = QTextDocument()
    load_html(document, html, blob_images(blobs))
    return document
