"""Attachment images decoded off the UI thread for the text views that show them.

A photograph of several megapixels takes a tenth of a second or more to read and decode; done in
the view's ``loadResource``, on the UI thread, it froze typing and scrolling each time a new one
came into view. Here the view gets a plain box of the placeholder's colour at once and the image
replaces it when a worker thread has decoded it. The box's size is the image format's (see
``document.image_format``), so nothing moves when the image arrives.
"""

from __future__ import annotations

import contextlib
import functools
import logging

from PySide6.QtCore import QObject, QSize, QThreadPool, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextEdit

from newsdesk.core.body import attachment_digest
from newsdesk.ui.editor.document import ImageSource, placeholder_image
from newsdesk.ui.widgets.palette import colours

log = logging.getLogger(__name__)

IMAGE: int = QTextDocument.ResourceType.ImageResource.value


def waiting_image(size: QSize = QSize(16, 9)) -> QImage:  # noqa: B008 - an immutable value
    """What an image's box shows while it is decoded: the placeholder's colour, without the
    cross that says an image cannot be shown (a view scales it to the image's box, or it is
    made at ``size``)."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(colours().qcolor("placeholder_image"))
    return image


def decoded(images: ImageSource, digest: str) -> QImage | None:
    """The image, decoded on a worker thread; None when it cannot be shown. A failure there is
    logged and shows as the placeholder: raised, it would reach the excepthook on a thread that
    may not open a dialog."""
    try:
        return images(digest)
    except Exception:
        log.exception("decoding the image %s failed", digest)
        return None


class BackgroundImages(QObject):
    """``resource`` answers a view's ``loadResource``: the waiting box for an attachment not yet
    decoded (its decoding started), the placeholder for an image that is not an attachment, and
    None for what is not an image. A decoded image is added to the view's document, which then
    shows it instead of the box."""

    decoded = Signal(str, object)  # the image's src and its QImage (None: unreadable)

    def __init__(self, view: QTextEdit, images: ImageSource) -> None:
        super().__init__(view)
        self._view = view
        self._images = images
        self._decoding: set[str] = set()
        self._pool = QThreadPool.globalInstance()
        # Emitted on a worker thread, delivered on the UI thread (a queued connection).
        self.decoded.connect(self._arrived)

    @property
    def waiting(self) -> int:
        """How many images are being decoded."""
        return len(self._decoding)

    def resource(self, kind: int, name: QUrl | str) -> QImage | None:
        if kind != IMAGE:
            return None
        src = name.toString() if isinstance(name, QUrl) else name
        digest = attachment_digest(src)
        if digest is None:
            return placeholder_image()
        if src not in self._decoding:
            self._decoding.add(src)
            self._pool.start(functools.partial(self._decode, src, digest))
        return waiting_image()

    def _decode(self, src: str, digest: str) -> None:
        """On a worker thread."""
        image = decoded(self._images, digest)
        with contextlib.suppress(RuntimeError):  # the view was closed meanwhile
            self.decoded.emit(src, image)

    def _arrived(self, src: str, image: QImage | None) -> None:
        self._decoding.discard(src)
        shown = image if image is not None else placeholder_image()
        self._view.document().addResource(IMAGE, QUrl(src), shown)
        self._view.viewport().update()
