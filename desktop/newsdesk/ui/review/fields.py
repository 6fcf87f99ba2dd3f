"""Every field of a revision that will be published, as the reviewer must see it: title,
subtitle, summary, author, source, responsible editor, tags, cover, the images' captions and
alt texts, targets, and a repost's source. All plain text: nothing a writer typed is markup here.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from newsdesk.core.body import body_images, is_remote
from newsdesk.core.findings import FIELD_NAMES, TEXT_FIELDS
from newsdesk.core.labels import label
from newsdesk.core.model import ArticleKind, RevisionContent, Target
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


class PublishedFields(QScrollArea):
    """The published fields of one revision, one row each; empty ones say so."""

    def __init__(self, images: ImageSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishedFields")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._images = images
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
        image = self._images(cover) if isinstance(cover, str) and cover else None
        if image is None:
            self.cover.setText(
                self.tr("No cover") if not cover else self.tr("The cover cannot be shown.")
            )
            return
        scaled = image.scaledToHeight(COVER_HEIGHT, Qt.TransformationMode.SmoothTransformation)
        self.cover.setPixmap(QPixmap.fromImage(scaled))
