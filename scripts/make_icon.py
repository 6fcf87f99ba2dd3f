"""Draw Newsdesk's application icon: a white 采 (the first character of 采编台) on a red rounded
square, with Qt and the Simplified Chinese font.

python scripts/make_icon.py    writes desktop/newsdesk/resources/icons/newsdesk-<size>.png for
                               every size Linux's icon themes and Windows use, and newsdesk.ico

Every size is drawn on its own (not scaled down from the largest), so the small ones stay sharp.
The results are committed; run this again only to change the design.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
)

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "desktop" / "newsdesk" / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The ICO format stores at most 256 × 256.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
CHARACTER = "采"
FAMILY = "Noto Sans CJK SC"
RED = QColor("#c8161d")
WHITE = QColor("#ffffff")


def character_path() -> QPainterPath:
    """The character's outline, at an arbitrary size (it is scaled to each icon's)."""
    if FAMILY not in QFontDatabase.families():
        raise SystemExit(f"the font {FAMILY!r} is needed (Debian: apt install fonts-noto-cjk)")
    font = QFont(FAMILY)
    font.setPixelSize(1000)
    font.setWeight(QFont.Weight.Bold)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, CHARACTER)
    return path


def draw(size: int, glyph: QPainterPath) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Small icons use the whole square: a margin of a pixel or two would only blur the edge.
    margin = 0.0 if size <= 32 else size * 0.04
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    radius = square.width() * 0.18
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(RED)
    painter.drawRoundedRect(square, radius, radius)
    bounds = glyph.boundingRect()
    scale = square.width() * 0.74 / max(bounds.width(), bounds.height())
    painter.translate(square.center())
    painter.scale(scale, scale)
    painter.translate(-bounds.center())
    painter.setBrush(WHITE)
    painter.drawPath(glyph)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows icon holding one PNG per size (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    payload = b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + entries + payload


def main() -> int:
    app = QGuiApplication(sys.argv)
    glyph = character_path()
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size, glyph)) for size in PNG_SIZES}
    for size, png in pngs.items():
        (ICONS / f"newsdesk-{size}.png").write_bytes(png)
    (ICONS / "newsdesk.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    print(f"wrote {len(pngs)} PNGs and newsdesk.ico to {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
