"""The article's metadata above its body: title, bylines, summary, cover, tags, targets, kind.

The panel only shows and edits values; :meth:`MetadataPanel.values` gives them in the shape of
``article.edit``'s arguments, and :attr:`MetadataPanel.edited` says that one of them changed.
Saving is the article editor's business.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.labels import label
from newsdesk.core.model import Article, ArticleKind, Channel, Target
from newsdesk.ui.editor.body import StoreImage
from newsdesk.ui.editor.document import ImageSource
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import (
    FieldError,
    is_web_address,
    muted,
    parse_tags,
    with_error,
)
from newsdesk.ui.widgets.palette import colours

MAX_TITLE = 120  # the mutation schema's limits
MAX_SUBTITLE = 200
MAX_AUTHOR = 100
MAX_SOURCE = 200
MAX_SUMMARY = 1000
THUMBNAIL_HEIGHT = 54
ORIGINAL_TIME_FORMAT = "%Y-%m-%d %H:%M"
ORIGINAL_TIME_FORMAT_SHOWN = "2026-11-30 08:15"


class MetadataPanel(QWidget):
    """Collapsible form of an article's fields other than the body."""

    edited = Signal()
    """A field changed because the user changed it (not when an article is shown)."""

    def __init__(
        self, store_image: StoreImage, images: ImageSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleMetadata")
        self._store_image = store_image
        self._images = images
        self._showing = False
        self._cover: str | None = None

        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("Details"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._expand)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("Title (required)"))
        self.title_count = muted(QLabel())
        self.title_error = FieldError()
        self.title_edit.textChanged.connect(self._count_title)
        self.subtitle_edit = self._line(MAX_SUBTITLE)
        self.author_edit = self._line(MAX_AUTHOR)
        self.source_edit = self._line(MAX_SOURCE)
        self.responsible_edit = self._line(MAX_AUTHOR)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setTabChangesFocus(True)
        lines = self.summary_edit.fontMetrics().lineSpacing()
        self.summary_edit.setFixedHeight(2 * lines + 14)
        self.summary_edit.textChanged.connect(self._changed)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Separate tags with commas or 、"))
        self.tags_edit.textEdited.connect(self._changed)

        self.cover_thumb = QLabel()
        self.cover_thumb.setFixedSize(THUMBNAIL_HEIGHT * 16 // 9, THUMBNAIL_HEIGHT)
        self.cover_thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover_thumb.setStyleSheet(
            f"border: 1px dashed {colours().border_strong}; border-radius: 4px;"
        )
        self.cover_button = QPushButton(self.tr("Choose…"))
        self.cover_button.clicked.connect(self._choose_cover)
        self.cover_clear = QPushButton(self.tr("Remove"))
        self.cover_clear.clicked.connect(lambda: self._set_cover(None, user=True))

        self.channel_label = QLabel()
        self.target_boxes = {target: QCheckBox(translated(label(target))) for target in Target}
        for box in self.target_boxes.values():
            box.toggled.connect(self._changed)
        self.kind_box = QComboBox()
        for kind in ArticleKind:
            self.kind_box.addItem(translated(label(kind)), kind.value)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.textEdited.connect(self._changed)
        self.url_error = FieldError()
        # When the original appeared, as its page said; a repost's readers are told.
        self.original_time_edit = QLineEdit()
        self.original_time_edit.setPlaceholderText(ORIGINAL_TIME_FORMAT_SHOWN)
        self.original_time_edit.setMaxLength(16)
        self.original_time_edit.textEdited.connect(self._changed)
        self.original_time_error = FieldError()

        self._build_layout()
        self._count_title("")
        self._set_cover(None)

    def _line(self, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        edit.textEdited.connect(self._changed)
        return edit

    def _build_layout(self) -> None:
        title_row = QWidget()
        title_layout = QHBoxLayout(title_row)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.addWidget(self.title_edit, 1)
        title_layout.addWidget(self.title_count)
        cover_row = QHBoxLayout()
        cover_row.setContentsMargins(0, 0, 0, 0)
        cover_row.addWidget(self.cover_thumb)
        cover_row.addWidget(self.cover_button)
        cover_row.addWidget(self.cover_clear)
        cover_row.addStretch(1)
        targets_row = QHBoxLayout()
        targets_row.setContentsMargins(0, 0, 0, 0)
        targets_row.addWidget(self.channel_label)
        targets_row.addSpacing(16)
        for box in self.target_boxes.values():
            targets_row.addWidget(box)
        targets_row.addStretch(1)
        kind_row = QWidget()
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.kind_box)
        kind_layout.addWidget(self.url_edit, 1)

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("Title"), with_error(title_row, self.title_error))
        left.addRow(self.tr("Subtitle"), self.subtitle_edit)
        left.addRow(self.tr("Summary"), self.summary_edit)
        left.addRow(self.tr("Tags"), self.tags_edit)
        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right.addRow(self.tr("Author"), self.author_edit)
        right.addRow(self.tr("Source"), self.source_edit)
        right.addRow(self.tr("Responsible editor"), self.responsible_edit)
        right.addRow(self.tr("Channel"), targets_row)
        right.addRow(self.tr("Kind"), with_error(kind_row, self.url_error))
        right.addRow(
            self.tr("Original published"),
            with_error(self.original_time_edit, self.original_time_error),
        )
        self._original_time_row = right.rowCount() - 1
        self._right = right
        right.addRow(self.tr("Cover"), cover_row)
        for form in (left, right):
            form.setVerticalSpacing(6)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form = QWidget(self)
        columns = QHBoxLayout(self.form)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(24)
        for form, stretch in ((left, 3), (right, 2)):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)  # a shorter column keeps its rows together at the top
            columns.addLayout(column, stretch)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.form)

    # showing

    def show_article(self, article: Article, channel: Channel | None) -> None:
        """Fill the form from ``article`` (no :attr:`edited` signal)."""
        self._showing = True
        try:
            self.title_edit.setText(article.title)
            self.subtitle_edit.setText(article.subtitle)
            self.author_edit.setText(article.author)
            self.source_edit.setText(article.source)
            self.responsible_edit.setText(article.responsible_editor)
            self.summary_edit.setPlainText(article.summary)
            self.tags_edit.setText("、".join(article.tags))
            self.channel_label.setText(channel.name if channel else "")
            allowed = set(channel.targets) if channel else set(Target)
            for target, box in self.target_boxes.items():
                box.setChecked(target in article.targets)
                box.setVisible(target in allowed or target in article.targets)
            self.kind_box.setCurrentIndex(self.kind_box.findData(str(article.kind)))
            self.url_edit.setText(article.original_url)
            original = article.original_published_at
            self.original_time_edit.setText(
                original.astimezone().strftime(ORIGINAL_TIME_FORMAT) if original else ""
            )
            self._set_cover(article.cover)
            self._kind_changed()
        finally:
            self._showing = False

    def field_widget(self, name: str) -> QWidget | None:
        """The input of the published field ``name`` (``"title"``, ``"tags"``…)."""
        return {
            "title": self.title_edit,
            "subtitle": self.subtitle_edit,
            "author": self.author_edit,
            "source": self.source_edit,
            "responsible_editor": self.responsible_edit,
            "summary": self.summary_edit,
            "tags": self.tags_edit,
        }.get(name)

    def values(self) -> dict[str, Any]:
        """The form's values as ``article.edit`` arguments (an empty title included)."""
        return {
            "title": self.title_edit.text().strip(),
            "subtitle": self.subtitle_edit.text().strip(),
            "author": self.author_edit.text().strip(),
            "source": self.source_edit.text().strip(),
            "responsible_editor": self.responsible_edit.text().strip(),
            "summary": self.summary_edit.toPlainText().strip(),
            "cover": self._cover,
            "tags": parse_tags(self.tags_edit.text()),
            "targets": [t.value for t, box in self.target_boxes.items() if box.isChecked()],
            "kind": self.kind_box.currentData(),
            "original_url": self.url_edit.text().strip(),
            "original_published_at": self._original_time(),
        }

    def _original_time(self) -> str | None:
        """The original's time as ``article.edit`` takes it (ISO 8601 with this computer's
        zone), or ``None`` when empty or not a time (:meth:`validate` says so)."""
        text = self.original_time_edit.text().strip()
        if not text or self.kind_box.currentData() != ArticleKind.REPOST.value:
            return None
        try:
            local = dt.datetime.strptime(text, ORIGINAL_TIME_FORMAT)
        except ValueError:
            return None
        return local.astimezone().isoformat()

    def validate(self) -> bool:
        """Show what is wrong with the title and the original's address; whether all is well."""
        title_ok = bool(self.title_edit.text().strip())
        if title_ok:
            self.title_error.clear_error()
        else:
            self.title_error.show_error(self.tr("The article needs a title."))
        url = self.url_edit.text().strip()
        repost = self.kind_box.currentData() == ArticleKind.REPOST.value
        url_ok = not repost or is_web_address(url)
        if url_ok:
            self.url_error.clear_error()
        elif url:
            self.url_error.show_error(self.tr("Enter the original's address (http or https)."))
        else:
            self.url_error.show_error(self.tr("A repost needs the original's address."))
        time_text = self.original_time_edit.text().strip()
        time_ok = not repost or not time_text or self._original_time() is not None
        if time_ok:
            self.original_time_error.clear_error()
        else:
            self.original_time_error.show_error(
                self.tr("Write the original's time as {format}, or leave it empty.").format(
                    format=ORIGINAL_TIME_FORMAT_SHOWN
                )
            )
        return title_ok and url_ok and time_ok

    # reacting

    def _expand(self, expanded: bool) -> None:
        self.form.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)

    def _changed(self) -> None:
        if not self._showing:
            self.validate()
            self.edited.emit()

    def _count_title(self, text: str) -> None:
        self.title_count.setText(f"{len(text)}/{MAX_TITLE}")
        self._changed()

    def _kind_changed(self) -> None:
        repost = self.kind_box.currentData() == ArticleKind.REPOST.value
        self.url_edit.setEnabled(repost)
        self.url_edit.setPlaceholderText(self.tr("Original's address, https://…") if repost else "")
        self._right.setRowVisible(self._original_time_row, repost)
        if self._showing:
            self.validate()
        self._changed()

    def _choose_cover(self) -> None:
        patterns = " ".join(
            "*." + bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()
        )
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a cover image"),
            "",
            self.tr("Images ({patterns})").format(patterns=patterns),
        )
        if name:
            self.choose_cover_file(Path(name))

    def choose_cover_file(self, path: Path) -> bool:
        """Store ``path`` as an attachment and make it the cover; whether that worked."""
        try:
            data = path.read_bytes()
        except OSError:
            return False
        sha256 = self._store_image(data, path.name)
        if sha256 is None:
            return False
        self._set_cover(sha256, user=True)
        return True

    def _set_cover(self, sha256: str | None, user: bool = False) -> None:
        self._cover = sha256
        image = self._images(sha256) if sha256 else None
        if image is None:
            self.cover_thumb.setPixmap(QPixmap())
            self.cover_thumb.setText(self.tr("No cover") if sha256 is None else "?")
        else:
            size = self.cover_thumb.size()
            self.cover_thumb.setPixmap(
                QPixmap.fromImage(image).scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.cover_clear.setEnabled(sha256 is not None)
        if user:
            self._changed()
