"""转载 as an editor does it: copy two addresses, File → Repost from the web, watch each row,
open the new article in the editor; and web addresses dropped on the window."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.core.body import body_images
from newsdesk.core.model import ArticleKind
from newsdesk.store.workspace import Workspace
from newsdesk.ui.app import Desktop
from newsdesk.ui.editor.articles_page import ArticlesPage
from newsdesk.ui.editor.repost_dialog import ALLOW_PRIVATE_SETTING, Column, RepostDialog
from newsdesk.ui.session import Session
from tests.ui.conftest import until
from tests.ui.test_desktop_day import close_desktop, open_desktop
from tests.websites import Route, Site, picture, serving

SHOTS = Path(os.environ.get("NEWSDESK_SHOTS", "/tmp/newsdesk-shots"))


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as serving_site:
        yield serving_site


@pytest.fixture
def desktop(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace, tmp_path: Path
) -> Iterator[Desktop]:
    # The newsroom's administrator allowed its intranet: the test site is on 127.0.0.1.
    workspace.store.set_setting(ALLOW_PRIVATE_SETTING, "1")
    made = open_desktop(qtbot, qapp, workspace.folder, tmp_path / "settings.ini", "wangfang")
    yield made
    close_desktop(qtbot, made)


def the_dialog() -> RepostDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, RepostDialog)]
    return next((w for w in found if w.isVisible()), None)


def test_copied_addresses_become_repost_articles_and_the_editor_opens_one(
    qtbot: QtBot,
    desktop: Desktop,
    site: Site,
    workspace: Workspace,
    run: Callable[[Any], Any],
    chinese: None,
) -> None:
    window = desktop.window
    assert window is not None
    wechat = site.page("/s/AbCdEf123", "wechat.html")
    for path, colour in (("/mmbiz_jpg/photo01/640?wx_fmt=jpeg", "red"),
                         ("/mmbiz_jpg/cover01/0?wx_fmt=jpeg", "green")):  # fmt: skip
        site.routes[path] = Route(picture(colour), needs_referer=site.url + "/s/")
    site.routes["/mmbiz_png/photo02/640?wx_fmt=png"] = Route(
        picture("blue", kind="PNG"), needs_referer=site.url + "/s/"
    )
    gone = site.url + "/2026/gone.html"
    QGuiApplication.clipboard().setText(f"看看这两篇：\n{wechat}\n{gone}\n")

    window.repost_action.trigger()
    qtbot.waitUntil(lambda: the_dialog() is not None)
    dialog = the_dialog()
    assert dialog is not None
    assert dialog.addresses.toPlainText().splitlines() == [wechat, gone]
    channels = [dialog.channel.itemText(i) for i in range(dialog.channel.count())]
    assert sorted(channels) == sorted(["新闻", "文化"])  # where 王芳 is an editor

    async def flow() -> None:
        dialog.start_button.click()
        await until(lambda: dialog.results.topLevelItemCount() == 2 and not dialog.running)

    run(flow())
    reposted, failed = (dialog.results.topLevelItem(row) for row in range(2))
    assert reposted.text(Column.STATUS).startswith("已转载")
    assert failed.text(Column.STATUS) == "未能转载：网站表示该页面不存在"
    assert dialog.message_bar.text == "2 个地址中有 1 个已成为转载稿件。"
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "repost-dialog-zh.png"))

    dialog.results.setCurrentItem(reposted)
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    articles = window.page("articles")
    assert isinstance(articles, ArticlesPage)
    qtbot.waitUntil(lambda: window.current_page == "articles", timeout=5_000)
    qtbot.waitUntil(lambda: bool(articles.editors()), timeout=5_000)
    editor = articles.editors()[-1]
    title = "图书馆“夜读”专场来了！每周五开放到晚十点"
    qtbot.waitUntil(lambda: editor.metadata.title_edit.text() == title, timeout=5_000)
    with workspace.store.world() as world:
        article = world.article(editor.article_id)
    assert article is not None and article.kind is ArticleKind.REPOST
    assert article.source == "滨江文旅" and article.original_url == wechat
    assert all(image.src.startswith("attachment:") for image in body_images(article.body_html))
    window.grab().save(str(SHOTS / "repost-editor-zh.png"))
    dialog.close()


def test_a_page_reposted_twice_says_the_second_has_the_same_original_address(
    qtbot: QtBot, desktop: Desktop, site: Site, run: Callable[[Any], Any], chinese: None
) -> None:
    window = desktop.window
    assert window is not None
    page = site.page("/local/2026-12/01/c_9.htm", "xinhua_gbk.html", encoding="gbk")
    shared = site.page("/local/2026-12/01/c_9.htm?utm_source=wechat", "xinhua_gbk.html", "gbk")
    QGuiApplication.clipboard().setText(f"{page}\n{shared}\n")
    window.repost_action.trigger()
    qtbot.waitUntil(lambda: the_dialog() is not None)
    dialog = the_dialog()
    assert dialog is not None

    async def flow() -> None:
        dialog.start_button.click()
        await until(lambda: dialog.results.topLevelItemCount() == 2 and not dialog.running)

    run(flow())
    statuses = [dialog.results.topLevelItem(row).text(Column.STATUS) for row in range(2)]
    assert all(status.startswith("已转载") for status in statuses)
    # Both are fetched at once; whichever is kept second finds the first.
    assert sorted(
        "相似：【同一原文地址】《冬季农产品产销对接会在我县举行》" in s for s in statuses
    ) == [
        False,
        True,
    ]
    dialog.grab().save(str(SHOTS / "repost-dialog-same-address-zh.png"))
    dialog.close()


def test_addresses_dropped_on_the_window_open_the_repost_dialog_with_them(
    qtbot: QtBot, desktop: Desktop, english: None
) -> None:
    window = desktop.window
    assert window is not None
    data = QMimeData()
    data.setUrls([QUrl("https://www.news.cn/a.htm"), QUrl("file:///home/me/notes.txt")])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: the_dialog() is not None)
    dialog = the_dialog()
    assert dialog is not None
    assert dialog.addresses.toPlainText() == "https://www.news.cn/a.htm"
    dialog.addresses.setPlainText("https://www.news.cn/a.htm\nnot an address")
    dialog.start_button.click()
    assert "“not an address” is not a web address" in dialog.message_bar.text
    assert dialog.results.isHidden()
    dialog.close()


def test_only_an_administrator_may_allow_intranet_addresses_for_everyone(
    qtbot: QtBot, workspace: Workspace, sign_in: Callable[[str], Session], english: None
) -> None:
    editor_dialog = RepostDialog(sign_in("wangfang"), [])
    qtbot.addWidget(editor_dialog)
    editor_dialog.show()
    assert not editor_dialog.intranet.isVisible()
    admin_dialog = RepostDialog(sign_in("admin"), [])
    qtbot.addWidget(admin_dialog)
    admin_dialog.show()
    qtbot.waitUntil(admin_dialog.intranet.isEnabled)
    assert admin_dialog.intranet.isVisible() and not admin_dialog.intranet.isChecked()
    admin_dialog.intranet.setChecked(True)
    qtbot.waitUntil(lambda: workspace.store.setting(ALLOW_PRIVATE_SETTING) == "1")
    admin_dialog.intranet.setChecked(False)
    qtbot.waitUntil(lambda: workspace.store.setting(ALLOW_PRIVATE_SETTING) == "")
