"""The application icon: every size present and drawn (red square, white character), the Windows
icon holding its sizes, and the desktop wearing it."""

from __future__ import annotations

import argparse
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter
from PySide6.QtWidgets import QApplication

from newsdesk.paths import resources_dir
from newsdesk.ui.app import Desktop
from newsdesk.ui.icon import SIZES, app_icon, icon_file

SHOTS = Path("/tmp/newsdesk-shots")


def is_red(colour: QColor) -> bool:
    return colour.alpha() == 255 and colour.red() > 180 and colour.green() < 60


def is_white(colour: QColor) -> bool:
    # Light enough: the 16-pixel character is mostly edges, blended with the red.
    return colour.alpha() == 255 and min(colour.red(), colour.green(), colour.blue()) > 160


@pytest.mark.parametrize("size", SIZES)
def test_each_size_is_a_red_square_with_a_white_character(qapp: QApplication, size: int) -> None:
    image = QImage(str(icon_file(size)))
    assert not image.isNull(), f"{icon_file(size)} does not load"
    assert image.size() == QSize(size, size)
    assert image.pixelColor(0, 0).alpha() < 128, "the corners are rounded off, transparent"
    assert is_red(image.pixelColor(size // 2, max(1, size // 16)))
    pixels = [image.pixelColor(x, y) for x in range(size) for y in range(size)]
    white = sum(is_white(p) for p in pixels) / len(pixels)
    red = sum(is_red(p) for p in pixels) / len(pixels)
    # Measured: the character covers a fifth to a quarter of the square at every size.
    assert 0.15 < white < 0.35
    assert red > 0.35


def test_the_icon_offers_every_size(qapp: QApplication) -> None:
    available = {s.width() for s in app_icon().availableSizes()}
    assert available == set(SIZES)
    SHOTS.mkdir(exist_ok=True)
    sheet = QImage(sum(SIZES) + 10 * len(SIZES), 520, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#e0e0e0"))
    painter = QPainter(sheet)
    x = 5
    for size in SIZES:
        painter.drawPixmap(x, 5, app_icon().pixmap(size, size))
        x += size + 10
    painter.end()
    sheet.save(str(SHOTS / "icon-sizes.png"))


def test_the_windows_icon_holds_a_png_per_size(qapp: QApplication) -> None:
    data = (resources_dir() / "icons" / "newsdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        image = QImage.fromData(data[offset : offset + length], "PNG")
        expected = side or 256
        assert image.size() == QSize(expected, expected)
        sizes.append(expected)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_the_desktop_wears_the_icon(qapp: QApplication, tmp_path: Path) -> None:
    qapp.setWindowIcon(QIcon())
    args = argparse.Namespace(
        workspace=None, user=None, smoke=False, page=None, screenshot=None, article=None
    )
    desktop = Desktop(qapp, args, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        assert {s.width() for s in qapp.windowIcon().availableSizes()} == set(SIZES)
    finally:
        desktop.shutdown()
