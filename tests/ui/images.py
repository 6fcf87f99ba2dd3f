"""Small real images for tests, encoded by Qt."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage


def image_bytes(colour: int, fmt: str = "PNG", size: tuple[int, int] = (120, 80)) -> bytes:
    """A ``size`` image filled with ``colour`` (0xRRGGBB), encoded as ``fmt``."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data.data())
