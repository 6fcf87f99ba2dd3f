"""Renditions: scaled down only, aspect kept, no metadata left, cached once per size."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from newsdesk.publish.renditions import RENDITION_WIDTHS, RenditionCache, render


def _photo_with_gps(width: int = 800, height: int = 600, orientation: int = 1) -> bytes:
    """A JPEG carrying camera EXIF and a GPS position (Beijing)."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestCam"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (39.0, 54.0, 15.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (116.0, 23.0, 29.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _png(width: int, height: int, alpha: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (0, 128, 255, alpha)).save(out, format="PNG")
    return out.getvalue()


def test_the_source_really_has_gps() -> None:
    with Image.open(io.BytesIO(_photo_with_gps())) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_rendition_carries_no_exif_and_no_gps() -> None:
    rendition = render(_photo_with_gps(), 320)
    assert b"TestCam" not in rendition.data
    with Image.open(io.BytesIO(rendition.data)) as image:
        assert image.format == "JPEG"
        assert "exif" not in image.info
        assert not image.getexif()
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_unscaled_rendition_carries_no_exif_either() -> None:
    rendition = render(_photo_with_gps(), 4000)
    with Image.open(io.BytesIO(rendition.data)) as image:
        assert not image.getexif()


def test_orientation_is_applied_before_the_exif_is_dropped() -> None:
    # Orientation 6: the stored 800x600 pixels are shown rotated, as 600x800.
    rendition = render(_photo_with_gps(800, 600, orientation=6), 300)
    assert (rendition.width, rendition.height) == (300, 400)


@pytest.mark.parametrize(
    ("size", "width", "expected"),
    [
        ((800, 600), 320, (320, 240)),
        ((1920, 1080), 640, (640, 360)),
        ((1000, 333), 720, (720, 240)),
        ((3000, 10), 320, (320, 1)),
    ],
)
def test_scaled_to_the_width_keeping_the_aspect_ratio(
    size: tuple[int, int], width: int, expected: tuple[int, int]
) -> None:
    rendition = render(_photo_with_gps(*size), width)
    assert (rendition.width, rendition.height) == expected
    with Image.open(io.BytesIO(rendition.data)) as image:
        assert image.size == expected
    assert rendition.mime == "image/jpeg"


def test_never_upscaled() -> None:
    rendition = render(_photo_with_gps(300, 200), 1600)
    assert (rendition.width, rendition.height) == (300, 200)


def test_width_must_be_positive() -> None:
    with pytest.raises(ValueError, match="width"):
        render(_photo_with_gps(), 0)


def test_transparent_png_stays_png_with_alpha() -> None:
    rendition = render(_png(400, 200, alpha=100), 100)
    assert rendition.mime == "image/png"
    with Image.open(io.BytesIO(rendition.data)) as image:
        assert image.format == "PNG"
        assert image.mode == "RGBA"
        assert image.size == (100, 50)


def test_opaque_png_becomes_jpeg() -> None:
    rendition = render(_png(400, 200, alpha=255), 100)
    assert rendition.mime == "image/jpeg"


def test_widths_are_configured_per_target() -> None:
    assert set(RENDITION_WIDTHS) == {"pc", "wap", "app"}
    assert len(RENDITION_WIDTHS["app"]) >= 2


def test_cache_renders_once_per_size(tmp_path: Path) -> None:
    source = _photo_with_gps()
    sha = hashlib.sha256(source).hexdigest()
    calls: list[int] = []

    def loader() -> bytes:
        calls.append(1)
        return source

    cache = RenditionCache(tmp_path / "renditions")
    first = cache.get(sha, 320, loader)
    mtime = first.stat().st_mtime_ns
    again = cache.get(sha, 320, loader)
    assert again == first
    assert len(calls) == 1
    assert first.stat().st_mtime_ns == mtime
    assert first.name == f"{sha}-320.jpg"

    other = cache.get(sha, 640, loader)
    assert other != first
    assert len(calls) == 2
    assert not list((tmp_path / "renditions").glob(".rendition-*"))  # no temporary file left


def test_cache_keeps_png_and_describes_renditions(tmp_path: Path) -> None:
    source = _png(400, 200, alpha=0)
    sha = hashlib.sha256(source).hexdigest()
    cache = RenditionCache(tmp_path)
    info = cache.info(sha, 100, lambda: source)
    assert info.href == f"images/{sha}-100.png"
    assert (info.width, info.height, info.mime) == (100, 50, "image/png")
    assert info.size == (tmp_path / f"{sha}-100.png").stat().st_size
    assert cache.get(sha, 100, lambda: pytest.fail("re-rendered")) == tmp_path / f"{sha}-100.png"


def test_cache_refuses_a_non_hash_key(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        RenditionCache(tmp_path).get("../../etc/passwd", 320, lambda: b"")
