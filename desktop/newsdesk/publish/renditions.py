"""Scaled copies of article images (renditions) for the PC, WAP and APP outputs.

An image is scaled down to a target width, never up, keeping its aspect ratio. The copy is
re-encoded from pixels only: the orientation recorded in EXIF is applied first, and then no
EXIF, XMP or other metadata is written, so a photo never leaks where it was taken (GPS) or with
what camera. Only the ICC colour profile is kept. Images with real transparency stay PNG;
everything else becomes a JPEG at quality 85.

:class:`RenditionCache` keeps renditions on disk under the image's SHA-256 and the width, so a
picture is scaled once per size however many times it is published.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PIL import Image, ImageOps

from newsdesk.core.ids import is_sha256
from newsdesk.files import write_atomically

RENDITION_WIDTHS: Final[Mapping[str, tuple[int, ...]]] = {
    "pc": (1600,),
    "wap": (720,),
    "app": (320, 640, 1080),
}
"""The widths, in pixels, each output target asks for."""

JPEG_QUALITY: Final = 85

_EXTENSIONS: Final[Mapping[str, str]] = {"image/jpeg": "jpg", "image/png": "png"}


@dataclass(frozen=True)
class Rendition:
    """An encoded, scaled image."""

    data: bytes
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class RenditionInfo:
    """A rendition as the exporters describe it: where it is (relative to the output folder)."""

    href: str
    width: int
    height: int
    mime: str
    size: int


def _has_transparency(image: Image.Image) -> bool:
    """Whether some pixel of ``image`` is not fully opaque."""
    if image.mode in ("P", "RGB", "L") and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):
        low, _high = image.getchannel("A").getextrema()
        return isinstance(low, int) and low < 255
    return False


def render(source: bytes, width: int) -> Rendition:
    """``source`` (any image Pillow reads) scaled to at most ``width`` pixels wide.

    Raises ``ValueError`` for a width below 1 and Pillow's errors for data that is no image.
    """
    if width < 1:
        raise ValueError(f"rendition width must be positive, not {width}")
    with Image.open(io.BytesIO(source)) as opened:
        opened.seek(0)
        image = ImageOps.exif_transpose(opened)
    icc_profile = image.info.get("icc_profile")
    transparent = _has_transparency(image)
    if transparent:
        image = image.convert("RGBA")
    elif image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image.width > width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    image.info.clear()  # nothing of the source's metadata (EXIF, XMP, comments) is carried over
    options: dict[str, object] = {"icc_profile": icc_profile} if icc_profile else {}
    out = io.BytesIO()
    if transparent:
        image.save(out, format="PNG", optimize=True, **options)
        mime = "image/png"
    else:
        image.save(
            out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **options
        )
        mime = "image/jpeg"
    return Rendition(data=out.getvalue(), width=image.width, height=image.height, mime=mime)


class RenditionCache:
    """Renditions on disk as ``<folder>/<sha256>-<width>.<jpg|png>``, each made once.

    Files are written to a temporary name and renamed, so a reader (or a crash) never sees a
    half-written rendition.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _existing(self, sha256: str, width: int) -> Path | None:
        for extension in _EXTENSIONS.values():
            path = self.folder / f"{sha256}-{width}.{extension}"
            if path.is_file():
                return path
        return None

    def get(self, sha256: str, width: int, source_loader: Callable[[], bytes]) -> Path:
        """The file of the ``width`` rendition of image ``sha256``.

        ``source_loader`` (e.g. ``lambda: blobs.read(sha256)``) is called only when the
        rendition is not on disk yet.
        """
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        cached = self._existing(sha256, width)
        if cached is not None:
            return cached
        rendition = render(source_loader(), width)
        path = self.folder / f"{sha256}-{width}.{_EXTENSIONS[rendition.mime]}"
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, rendition.data, prefix=".rendition-", mode=0o600)
        return path

    def info(
        self, sha256: str, width: int, source_loader: Callable[[], bytes], prefix: str = "images"
    ) -> RenditionInfo:
        """:meth:`get`, described for a document: ``href`` is ``<prefix>/<file name>``."""
        path = self.get(sha256, width, source_loader)
        with Image.open(path) as image:
            actual_width, actual_height = image.size
        mime = "image/png" if path.suffix == ".png" else "image/jpeg"
        return RenditionInfo(
            href=f"{prefix}/{path.name}",
            width=actual_width,
            height=actual_height,
            mime=mime,
            size=path.stat().st_size,
        )
