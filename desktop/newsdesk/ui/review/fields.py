"""Every field of a revision that will be published, as the reviewer must see it: title,
subtitle, summary, author, source, responsible editor, tags, cover, the images' captions and
alt texts, targets, and a repost's source. All plain text: nothing a writer typed is markup here.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from newsdesk.core.body import body_images, is_remote
from newsdesk.core.findings import FIELD_NAMES, TEXT_FIELDS
from newsdesk.core.labels import label
from newsdesk.core.model import ArticleKind, RevisionContent, Target
from newsdesk.ui.editor.background_images import decoded, waiting_image
from newsdesk.ui.editor.document import ImageSource
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import local_time

COVER_HEIGHT = 96


def _plain(text: str = "") -> QLabel:
    shown = QLabel(text)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setWordWrap(True)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


def _cover_image(images: ImageSource, sha256: str) -> QImage | None:
    """The cover at the height it is shown at (on a worker thread: a photograph takes a tenth
    of a second and more to decode); None if it cannot be shown."""
    image = decoded(images, sha256)
    if image is None:
        return None
    return image.scaledToHeight(COVER_HEIGHT, Qt.TransformationMode.SmoothTransformation)


class PublishedFields(QScrollArea):
    """The published fields of one revision, one row each; empty ones say so. The cover shows
    as a box of its size until a worker thread has decoded it."""

    cover_decoded = Signal(str, object)  # the cover's SHA-256 and its QImage (None: unreadable)

    def __init__(self, images: ImageSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishedFields")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._images = images
        self._cover: str | None = None  # the cover being shown
        self.cover_decoded.connect(self._cover_arrived)  # queued: emitted on a worker thread
        inner = QWidget()
        self.form = QFormLayout(inner)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.setWidget(inner)
        self.values: dict[str, QLabel] = {}
        for name in (*TEXT_FIELDS, "tags"):
            self.values[name] = _plain()
            self.form.addRow(translated(FIELD_NAMES[name]), self.values[name])
        self.cover = QLabel()
        self.cover.setAccessibleName(self.tr("Cover image"))
        self.form.addRow(self.tr("Cover"), self.cover)
        self.values["images"] = _plain()
        self.form.addRow(self.tr("Images"), self.values["images"])
        self.values["targets"] = _plain()
        self.form.addRow(self.tr("Targets"), self.values["targets"])
        self.values["kind"] = _plain()
        self.form.addRow(self.tr("Kind"), self.values["kind"])

    def text(self, name: str) -> str:
        return self.values[name].text()

    def clear(self) -> None:
        for shown in self.values.values():
            shown.clear()
        self.cover.clear()
        self._cover = None

    def show_content(self, content: Mapping[str, object]) -> None:
        empty = self.tr("(empty)")

        def value(name: str) -> str:
            found = content.get(name)
            return str(found) if isinstance(found, str) and found.strip() else empty

        for name in TEXT_FIELDS:
            self.values[name].setText(value(name))
        tags = content.get("tags")
        tag_list = [str(t) for t in tags] if isinstance(tags, list | tuple) else []
        self.values["tags"].setText("、".join(tag_list) or empty)
        self._show_cover(content.get("cover"))
        body = content.get("body_html")
        lines = []
        for number, image in enumerate(body_images(body if isinstance(body, str) else ""), 1):
            line = self.tr("{number}. alt text: {alt} · caption: {caption}").format(
                number=number,
                alt=image.alt or self.tr("none"),
                caption=image.caption or self.tr("none"),
            )
            if is_remote(image.src):
                line += " · " + self.tr("points at another server: {src}").format(src=image.src)
            lines.append(line)
        self.values["images"].setText("\n".join(lines) or self.tr("No images"))
        targets = content.get("targets")
        names = [
            translated(label(Target(t)))
            for t in (targets if isinstance(targets, list | tuple) else [])
            if t in set(Target)
        ]
        self.values["targets"].setText(" · ".join(names) or empty)
        kind = ArticleKind(str(content.get("kind") or ArticleKind.ORIGINAL))
        kind_text = translated(label(kind))
        if kind is ArticleKind.REPOST:
            kind_text += " · " + self.tr("original: {url}").format(url=value("original_url"))
            original = RevisionContent.of(content).original_published_at
            if original is not None:
                kind_text += " · " + self.tr("first published {when}").format(
                    when=local_time(original)
                )
        self.values["kind"].setText(kind_text)

    def _show_cover(self, cover: object) -> None:
        self._cover = cover if isinstance(cover, str) and cover else None
        if self._cover is None:
            self.cover.setText(
                self.tr("No cover") if not cover else self.tr("The cover cannot be shown.")
            )
            return
        size = self._images.size(self._cover)
        if size is not None:
            # The width QImage.scaledToHeight gives (it rounds up), so that nothing moves when
            # the picture replaces the box.
            width = int(COVER_HEIGHT / size.height() * size.width() + 0.9999)
            self.cover.setPixmap(QPixmap.fromImage(waiting_image(QSize(width, COVER_HEIGHT))))
        else:
            self.cover.clear()
        QThreadPool.globalInstance().start(functools.partial(self._decode_cover, self._cover))

    def _decode_cover(self, sha256: str) -> None:
        """On a worker thread."""
        image = _cover_image(self._images, sha256)
        with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
            self.cover_decoded.emit(sha256, image)

    def _cover_arrived(self, sha256: str, image: QImage | None) -> None:
        if sha256 != self._cover:
            return  # another revision is shown by now
        if image is None:
            self.cover.setText(self.tr("The cover cannot be shown."))
        else:
            self.cover.setPixmap(QPixmap.fromImage(image))
