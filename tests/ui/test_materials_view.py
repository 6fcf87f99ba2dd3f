"""Proposal materials open, preview and drag into the article from wherever they are shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from newsdesk.core.model import Material, MaterialKind
from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.toolbar import ImageTextDialog
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.materials_view import ATTACHMENT_MIME, MaterialsView
from tests.ui.images import image_bytes
from tests.ui.test_article_editor import _new_draft, _open


class Opened(QObject):
    """Catches what would go to the desktop's browser or file viewer."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[Opened]:
    catcher = Opened()
    for scheme in ("https", "http", "file"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("https", "http", "file"):
        QDesktopServices.unsetUrlHandler(scheme)


def _photo(workspace: Workspace) -> str:
    return workspace.blobs.put(image_bytes(0xC2703D))


@pytest.mark.usefixtures("english")
def test_materials_open_preview_and_an_image_drags_into_the_article(
    qtbot: QtBot, workspace: Workspace, sign_in: Callable[[str], Session], opened: Opened
) -> None:
    sha = _photo(workspace)
    view = MaterialsView(workspace.blobs)
    qtbot.addWidget(view)
    view.set_materials(
        (
            Material(MaterialKind.LINK, "https://www.example.cn/bg.html", "背景资料"),
            Material(MaterialKind.FILE, sha, "现场照片.png"),
            Material(MaterialKind.TEXT, "联系馆员王老师，上午十点到", "采访安排"),
        )
    )
    view.show()
    link, photo, note = (view.list.item(i) for i in range(3))
    view.open_item(link)
    assert opened.urls[-1] == QUrl("https://www.example.cn/bg.html")
    view.list.setCurrentItem(photo)
    assert view.preview.pixmap() is not None and not view.preview.pixmap().isNull()
    view.open_item(photo)
    assert opened.urls[-1].isLocalFile() and opened.urls[-1].fileName() == "现场照片.png"
    view.list.setCurrentItem(note)
    assert "王老师" in view.preview.text()

    dragged = view.list.mimeData([photo])
    assert dragged.hasFormat(ATTACHMENT_MIME)
    article_id = _new_draft(workspace, body_html="<p>导语。</p>")
    editor = _open(qtbot, sign_in("editor"), article_id)
    assert editor.body.canInsertFromMimeData(dragged)
    editor.body.insertFromMimeData(dragged)
    dialog = editor.toolbar.findChild(ImageTextDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.caption_edit.setText("古籍修复现场")
    dialog.accept()
    assert f'src="attachment:{sha}" alt="古籍修复现场"' in editor.body.html()
