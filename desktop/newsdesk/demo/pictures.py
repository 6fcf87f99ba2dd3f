"""The demo's pictures, drawn with Pillow: street, park, festival, library, hall and a chart."""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

_SIZE = (1600, 900)  # pixels: width, height


@dataclass(frozen=True)
class Picture:
    """A picture to draw and attach; ``theme`` says what it shows."""

    theme: str
    name: str
    alt: str
    caption: str


PICTURES = (
    Picture("city", "滨江新区街景.jpg", "滨江新区沿江街景", "滨江新区沿江一带街景。"),
    Picture("park", "口袋公园.jpg", "新建成的口袋公园", "新建成的口袋公园成为居民休闲的好去处。"),
    Picture(
        "festival",
        "文化节现场.jpg",
        "文化艺术节开幕式现场",
        "文化艺术节开幕式现场，市民驻足观看演出。",
    ),
    Picture(
        "library",
        "图书馆阅览区.jpg",
        "市图书馆阅览区的书架",
        "市图书馆阅览区，读者在书架间挑选图书。",
    ),
    Picture("hall", "政务服务大厅.jpg", "政务服务中心综合受理窗口", "市政务服务中心综合受理窗口。"),
    Picture("chart", "网上办件量.png", "近六个月网上办件量柱状图", "近六个月网上办件量逐月上升。"),
)

_RGB = tuple[int, int, int]


def _gradient(top: str, bottom: str) -> Image.Image:
    """A canvas shading from ``top`` to ``bottom``."""
    ramp = Image.linear_gradient("L").resize(_SIZE)
    return ImageOps.colorize(ramp, top, bottom)


def _tint(rng: random.Random, base: _RGB, spread: int) -> _RGB:
    """``base`` with each channel moved by up to ``spread``."""
    r, g, b = (max(0, min(255, c + rng.randint(-spread, spread))) for c in base)
    return r, g, b


def _draw_city(rng: random.Random) -> Image.Image:
    image = _gradient("#8ec5ff", "#ffe4c2")
    draw = ImageDraw.Draw(image)
    x = 0
    while x < _SIZE[0]:
        width, height = rng.randint(70, 170), rng.randint(220, 620)
        draw.rectangle((x, 760 - height, x + width, 760), fill=_tint(rng, (80, 92, 118), 30))
        for y in range(780 - height, 740, 40):
            for wx in range(x + 12, x + width - 20, 28):
                if rng.random() < 0.45:
                    draw.rectangle((wx, y, wx + 12, y + 18), fill=(255, 226, 140))
        x += width + rng.randint(4, 24)
    draw.rectangle((0, 760, _SIZE[0], _SIZE[1]), fill=(52, 110, 150))
    for _ in range(40):
        y = rng.randint(770, 890)
        x = rng.randint(0, _SIZE[0] - 120)
        draw.line((x, y, x + rng.randint(40, 120), y), fill=(150, 196, 222), width=3)
    return image


def _draw_park(rng: random.Random) -> Image.Image:
    image = _gradient("#7ec8f2", "#e6f6ff")
    draw = ImageDraw.Draw(image)
    sun_x = rng.randint(200, 1400)
    draw.ellipse((sun_x - 70, 80, sun_x + 70, 220), fill=(255, 214, 90))
    for top, colour in ((420, (120, 180, 90)), (520, (86, 150, 70)), (640, (60, 120, 55))):
        for _ in range(4):
            cx = rng.randint(-200, 1800)
            draw.ellipse((cx - 520, top, cx + 520, top + 700), fill=_tint(rng, colour, 12))
    draw.polygon([(620, 900), (980, 900), (860, 560), (790, 560)], fill=(226, 206, 160))
    for _ in range(14):
        x, y = rng.randint(40, 1560), rng.randint(560, 760)
        draw.rectangle((x - 8, y, x + 8, y + 90), fill=(110, 78, 50))
        r = rng.randint(50, 90)
        draw.ellipse((x - r, y - 2 * r + 20, x + r, y + 20), fill=_tint(rng, (46, 125, 50), 25))
    return image


def _draw_festival(rng: random.Random) -> Image.Image:
    image = _gradient("#120c3a", "#4b1d5e")
    draw = ImageDraw.Draw(image)
    for _ in range(160):
        x, y, r = rng.randint(0, 1600), rng.randint(0, 640), rng.randint(2, 6)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_tint(rng, (240, 200, 120), 60))
    for row, y in enumerate((150, 330)):
        draw.line((0, y - 40, 1600, y + 40), fill=(200, 170, 90), width=3)
        for x in range(80 + row * 90, 1600, 180):
            top = y - 40 + 80 * x // 1600
            colour = _tint(rng, (214, 40, 40), 25)
            draw.rectangle((x - 18, top, x + 18, top + 14), fill=(232, 186, 60))
            draw.ellipse((x - 60, top + 12, x + 60, top + 132), fill=colour)
            draw.rectangle((x - 18, top + 128, x + 18, top + 142), fill=(232, 186, 60))
            draw.line((x, top + 142, x, top + 190), fill=(232, 186, 60), width=4)
    draw.rectangle((0, 720, 1600, 900), fill=(40, 22, 48))
    for x in range(100, 1600, 220):
        draw.polygon(
            [(x, 720), (x + 60, 720), (x + 160, 420), (x - 100, 420)],
            fill=_tint(rng, (120, 80, 150), 20),
        )
    return image


def _draw_library(rng: random.Random) -> Image.Image:
    image = _gradient("#f6e7cf", "#e3c9a0")
    draw = ImageDraw.Draw(image)
    palette = (
        (178, 34, 34),
        (31, 111, 235),
        (46, 125, 50),
        (230, 160, 40),
        (120, 80, 160),
        (40, 40, 60),
        (200, 120, 80),
    )
    for shelf in (250, 520, 790):
        x = 60
        while x < 1530:
            width, height = rng.randint(18, 46), rng.randint(150, 220)
            draw.rectangle(
                (x, shelf - height, x + width, shelf), fill=_tint(rng, rng.choice(palette), 20)
            )
            x += width + rng.randint(1, 4)
        draw.rectangle((40, shelf, 1560, shelf + 24), fill=(124, 84, 52))
    return image


def _draw_hall(rng: random.Random) -> Image.Image:
    image = _gradient("#eef4fb", "#cfdbe8")
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, 900), (1600, 900), (1600, 600), (0, 600)], fill=(200, 206, 214))
    for i in range(5):
        x = 90 + i * 300
        draw.rectangle((x, 170, x + 240, 240), fill=(31, 111, 235))
        draw.rectangle((x + 20, 190, x + 220, 220), fill=(210, 228, 255))
        draw.rounded_rectangle(
            (x, 420, x + 240, 620),
            radius=18,
            fill=(245, 245, 245),
            outline=(150, 160, 170),
            width=4,
        )
        draw.rectangle((x + 80, 330, x + 160, 420), fill=(60, 70, 80))
    for _ in range(9):
        x = rng.randint(80, 1520)
        colour = _tint(rng, (90, 110, 140), 60)
        draw.ellipse((x - 28, 560, x + 28, 616), fill=(235, 200, 170))
        draw.rounded_rectangle((x - 45, 620, x + 45, 820), radius=30, fill=colour)
    return image


def _draw_chart(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", _SIZE, "white")
    draw = ImageDraw.Draw(image)
    for y in range(150, 800, 130):
        draw.line((160, y, 1500, y), fill=(225, 230, 236), width=2)
    draw.line((160, 800, 1500, 800), fill=(90, 90, 90), width=4)
    draw.line((160, 120, 160, 800), fill=(90, 90, 90), width=4)
    height = 220
    for month in range(6):
        height = min(640, height + rng.randint(40, 90))
        x = 230 + month * 210
        colour = (217, 48, 37) if month == 5 else (31, 111, 235)
        draw.rectangle((x, 800 - height, x + 120, 798), fill=colour)
    return image


_DRAWINGS: Mapping[str, Callable[[random.Random], Image.Image]] = {
    "city": _draw_city,
    "park": _draw_park,
    "festival": _draw_festival,
    "library": _draw_library,
    "hall": _draw_hall,
    "chart": _draw_chart,
}


def render(picture: Picture, rng: random.Random) -> tuple[bytes, str]:
    """The picture's file content and MIME type."""
    image = _DRAWINGS[picture.theme](rng)
    buffer = io.BytesIO()
    if picture.name.endswith(".png"):
        image.save(buffer, "PNG")
        return buffer.getvalue(), "image/png"
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue(), "image/jpeg"
