"""One palette module holds the colours; light and dark both keep every text readable."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from newsdesk.store.workspace import Workspace
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.palette import DARK, LIGHT, Colours, colours, is_dark
from tests.ui.test_article_editor import _new_draft, _open

UI = Path(__file__).resolve().parents[2] / "desktop" / "newsdesk" / "ui"
SHOTS = Path(os.environ.get("NEWSDESK_SHOTS", "/tmp/newsdesk-shots"))
HEX = re.compile(r"""["'{ :(]#[0-9a-fA-F]{3,8}\b|QColor\(\s*["']""")


def _luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_no_widget_names_a_colour() -> None:
    offenders = [
        f"{path.relative_to(UI)}:{number}"
        for path in UI.rglob("*.py")
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_role_reads_on_its_ground(scheme: Colours) -> None:
    pairs = [
        ("text", "window"),
        ("text", "surface"),
        ("text", "surface_alt"),
        ("muted", "surface"),
        ("muted", "window"),
        ("error", "surface"),
        ("warning", "surface"),
        ("success", "surface"),
        ("accent", "surface"),
        ("text", "warning_soft"),
        ("text", "error_soft"),
        ("text", "accent_soft"),
        ("text", "status_bar"),
        ("sidebar_text", "sidebar"),
        ("on_accent", "accent"),
        ("inserted_text", "inserted_background"),
        ("deleted_text", "deleted_background"),
        ("text", "changed_old_row"),
        ("text", "changed_new_row"),
    ]
    weak = [
        (fg, bg, round(contrast(getattr(scheme, fg), getattr(scheme, bg)), 2))
        for fg, bg in pairs
        if contrast(getattr(scheme, fg), getattr(scheme, bg)) < 4.5
    ]
    assert weak == []


@pytest.mark.usefixtures("chinese", "dark")
def test_the_editor_in_a_dark_palette_stays_readable(
    qtbot: QtBot, workspace: Workspace, sign_in: Callable[[str], Session]
) -> None:
    assert is_dark() and colours() is DARK
    article_id = _new_draft(
        workspace,
        body_html="<h2>古籍修复展开幕</h2><p>本报讯 古籍修复展今日开幕,展出最佳修复成果。</p>",
        title="古籍修复展今日开幕",
        summary="市图书馆古籍修复成果展今日开幕。",
    )
    editor = _open(qtbot, sign_in("editor"), article_id)
    editor.resize(1280, 720)
    editor.show()
    qtbot.waitUntil(lambda: editor.checks is not None)
    assert editor.checks is not None
    editor.checks.refresh()
    for widget in (editor.metadata.title_edit, editor.body, editor.metadata.summary_edit):
        palette = widget.palette()
        text = palette.color(QPalette.ColorRole.Text).name()
        base = palette.color(QPalette.ColorRole.Base).name()
        assert contrast(text, base) >= 7, widget.objectName()
    label = editor.status
    assert (
        contrast(
            label.palette().color(QPalette.ColorRole.WindowText).name(),
            label.palette().color(QPalette.ColorRole.Window).name(),
        )
        >= 7
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = editor.grab()
    assert shot.save(str(SHOTS / "editor-dark-zh_CN.png"))
    image = shot.toImage()
    corner = image.pixelColor(image.width() // 2, image.height() - 40)
    assert corner.lightness() < 100  # a dark ground, not a light island
