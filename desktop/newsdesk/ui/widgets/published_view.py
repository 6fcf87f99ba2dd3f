"""An article as readers will get it: the PC page, the WAP page and the APP card.

The pages come from the exporters' own templates and code (:mod:`newsdesk.publish.preview`);
Qt's rich text draws them at the target's width (it knows a subset of CSS, so the fonts and
spacing are close rather than exact, but every word, field and image is the one that will be
published). The APP card is drawn from the ninjs document the app will receive.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import RevisionContent
from newsdesk.publish.pages import SiteInfo, Templates
from newsdesk.publish.preview import PublishedPreview, preview_href, render_preview
from newsdesk.publish.publisher import load_settings
from newsdesk.ui.editor.background_images import decoded, waiting_image
from newsdesk.ui.editor.document import ImageSource, placeholder_image
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import alive
from newsdesk.ui.widgets.palette import LIGHT

PC_WIDTH = 860
WAP_WIDTH = 375
APP_WIDTH = 375


def _card_html(document: Mapping[str, object]) -> str:
    """The APP card of a ninjs document: what the app lists and opens, then the document."""

    def text(value: object) -> str:
        return html.escape(str(value))

    headlines = {h["role"]: h["value"] for h in _dicts(document.get("headlines"))}
    summary = [d["value"] for d in _dicts(document.get("descriptions"))]
    bodies = [b["value"] for b in _dicts(document.get("bodies"))]
    subjects = _dicts(document.get("subjects"))
    sources = [s.get("name", "") for s in _dicts(document.get("infosources"))]
    parts = [f"<h2>{text(headlines.get('main', ''))}</h2>"]
    if "sub" in headlines:
        parts.append(f"<p><i>{text(headlines['sub'])}</i></p>")
    byline = [str(document["by"])] if document.get("by") else []
    byline += [str(s) for s in sources if s]
    if byline:
        parts.append(f"<p style='color:{LIGHT.muted}'>{text(' · '.join(byline))}</p>")
    for value in summary:
        parts.append(f"<p style='background:{LIGHT.surface_alt}; padding:6px'>{text(value)}</p>")
    cover = [a for a in _dicts(document.get("associations")) if str(a.get("name", "")) == "cover"]
    for association in cover:
        renditions = _dicts(association.get("renditions"))
        if renditions:
            parts.append(f"<p><img src='{text(renditions[0].get('href', ''))}'></p>")
    parts += [str(body) for body in bodies]  # the exporter's sanitised HTML
    tags = [str(s.get("name", "")) for s in subjects if s.get("rel") == "tag"]
    if tags:
        parts.append(f"<p style='color:{LIGHT.muted}'>{text(' · '.join(tags))}</p>")
    shown = json.dumps(document, ensure_ascii=False, indent=2)
    parts.append(f"<hr><pre style='font-size:small'>{text(shown)}</pre>")
    # The card is the app's look, light whatever the desktop's theme, as the web pages are.
    body = f"<body style='background:{LIGHT.surface}; color:{LIGHT.text}'>"
    return f"<html>{body}{''.join(parts)}</body></html>"


def _for_qt(page: str) -> str:
    """``page`` with the HTML5 blocks Qt's rich text does not know made ``<div>``s, so a figure
    stays a block of its own instead of running into the paragraph before it."""
    for tag in ("figure", "figcaption", "header", "footer", "main", "article", "aside"):
        page = page.replace(f"<{tag}", f"<div data-{tag}=''").replace(f"</{tag}>", "</div>")
    return page


def _dicts(value: object) -> list[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


class PublishedView(QWidget):
    """Shows :func:`render_preview`'s three outputs, one at a time.

    The pages' images are decoded and scaled to the page's width on worker threads: thirty
    camera photographs held the UI thread for seconds when the tab opened, and again at every
    resize. Until they arrive, each shows as a box of its size (read from the file's header)."""

    scaled = Signal(str, int, object)  # an image's SHA-256, the width it fits, the QImage or None

    def __init__(
        self,
        images: ImageSource,
        parent: QWidget | None = None,
        *,
        templates: Templates | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publishedView")
        self._images = images
        self._templates = templates or Templates()
        self._preview: PublishedPreview | None = None
        self._fitted: dict[tuple[str, int], QImage] = {}  # (SHA-256, width): the scaled image
        self._scaling: set[tuple[str, int]] = set()
        self._shown_width = 0
        self.scaled.connect(self._arrived)  # emitted on a worker thread
        self.site_name = self.tr("Newsdesk")  # the site's name the pages print, from the settings
        self.pc_button = QRadioButton(self.tr("PC page"))
        self.wap_button = QRadioButton(self.tr("WAP page"))
        self.app_button = QRadioButton(self.tr("APP card"))
        self.pc_button.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.pc_button, self.wap_button, self.app_button):
            group.addButton(button)
            button.toggled.connect(lambda checked: self._show_target() if checked else None)
        note = QLabel(self.tr("Rendered from the templates the exporter uses."))
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.note = note
        self.browser = QTextBrowser()
        self.browser.setObjectName("publishedPage")
        self.browser.setAccessibleName(self.tr("The article as published"))
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll = QScrollArea()
        scroll.setWidget(self.browser)
        scroll.setWidgetResizable(False)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area = scroll
        top = QHBoxLayout()
        top.addWidget(self.pc_button)
        top.addWidget(self.wap_button)
        top.addWidget(self.app_button)
        top.addWidget(note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    @property
    def preview(self) -> PublishedPreview | None:
        """What is shown: the three outputs of the content last given."""
        return self._preview

    @property
    def width_px(self) -> int:
        """The page's width: the target's, or the room there is (a page reflows, as in a
        browser window narrower than the site's column)."""
        if self.pc_button.isChecked():
            wanted = PC_WIDTH
        else:
            wanted = WAP_WIDTH if self.wap_button.isChecked() else APP_WIDTH
        room = self.scroll_area.viewport().width() - 4
        return min(wanted, room) if room > WAP_WIDTH else wanted

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._preview is not None and self.browser.width() != self.width_px:
            self._show_target()

    def use_site_of(self, session: Session) -> None:
        """Print the site name of ``session``'s publishing settings (read in the background)."""
        workspace = session.workspace

        def loaded(name: str) -> None:
            if alive(self) and name:
                self.site_name = name

        Job(lambda: load_settings(workspace).site_name).success(loaded).run(session.runner)

    def show_content(
        self, article_id: str, channel_name: str, content: Mapping[str, object]
    ) -> None:
        """Render ``content`` (a revision's fields in JSON form) as ``channel_name`` publishes
        it."""
        self._preview = render_preview(
            article_id,
            channel_name,
            RevisionContent.of(content),
            templates=self._templates,
            site=SiteInfo(name=self.site_name),
        )
        self._fitted.clear()
        self._show_target()

    def clear(self) -> None:
        self._preview = None
        self.browser.clear()

    def page_html(self) -> str:
        """The HTML of the output shown (the page as the exporter writes it, or the card)."""
        preview = self._preview
        if preview is None:
            return ""
        if self.pc_button.isChecked():
            return preview.pc_html
        if self.wap_button.isChecked():
            return preview.wap_html
        return _card_html(preview.ninjs)

    def _show_target(self, width: int | None = None) -> None:
        """The target chosen, at ``width`` (by default the room there is: see width_px)."""
        preview = self._preview
        if preview is None:
            return
        width = width or self.width_px
        self._shown_width = width
        document = QTextDocument(self.browser)
        limit = width - 64
        kept = {limit, PC_WIDTH - 64, WAP_WIDTH - 64}  # the targets' own, and the one shown
        self._fitted = {key: image for key, image in self._fitted.items() if key[1] in kept}
        for sha in preview.images:
            image = self._fitted.get((sha, limit))
            if image is None:
                image = self._waiting(sha, limit)
                self._scale(sha, limit)
            for name in (preview_href(sha), f"./{preview_href(sha)}"):
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        document.setHtml(_for_qt(self.page_html()))
        self.browser.setDocument(document)
        document.setTextWidth(width)
        height = int(document.size().height()) + 4
        self.browser.setFixedSize(width, max(height, 200))

    def _waiting(self, sha: str, limit: int) -> QImage:
        """What stands for an image being decoded: a box of the size it will be shown at."""
        size = self._images.size(sha)
        if size is None or size.isEmpty():
            return placeholder_image()
        fitted = size.scaled(
            QSize(min(limit, size.width()), 1 << 20), Qt.AspectRatioMode.KeepAspectRatio
        )
        return waiting_image(fitted.expandedTo(QSize(1, 1)))

    def _scale(self, sha: str, limit: int) -> None:
        if (sha, limit) not in self._scaling:
            self._scaling.add((sha, limit))
            QThreadPool.globalInstance().start(functools.partial(self._scale_aside, sha, limit))

    def _scale_aside(self, sha: str, limit: int) -> None:
        """On a worker thread."""
        image = decoded(self._images, sha)
        if image is not None and image.width() > limit:
            image = image.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
        with contextlib.suppress(RuntimeError):  # the view was closed meanwhile
            self.scaled.emit(sha, limit, image)

    def _arrived(self, sha: str, limit: int, image: QImage | None) -> None:
        self._scaling.discard((sha, limit))
        self._fitted[(sha, limit)] = image if image is not None else placeholder_image()
        shown = self._shown_width
        if limit == shown - 64 and not any(width == limit for _, width in self._scaling):
            self._show_target(shown)  # every image of the page shown is ready: shown at once

    @property
    def images_waiting(self) -> int:
        """How many of the pages' images are being decoded."""
        return len(self._scaling)

    def shown_image(self, sha256: str) -> QImage | None:
        """The picture the shown page uses for an attachment (for tests and checks)."""
        resource = self.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(preview_href(sha256))
        )
        return resource if isinstance(resource, QImage) else None
