"""Fonts: name the Simplified Chinese families explicitly.

With Noto CJK alone, Qt picks its Japanese variant for Han characters; listing the SC families
first gives the shapes Chinese readers expect, on Linux, Windows and macOS alike.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans",
    "DejaVu Sans",
]


def use_chinese_fonts(app: QApplication, point_size: float = 10.5) -> None:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(point_size)
    app.setFont(font)
