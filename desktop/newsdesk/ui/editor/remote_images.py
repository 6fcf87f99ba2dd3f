"""Images that still point at someone else's server become the newsroom's own.

When a paste leaves http(s) images in the body (a WeChat article, a web page), each is
downloaded at once on the network thread, stored as an attachment, and the body is pointed at
the local copy. What cannot be fetched stays listed in a bar above the body with the reason and
two ways out (try again, or remove those images); the core refuses to submit an article whose
body still shows remote images, so nothing published points elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.core.body import attachment_url
from newsdesk.ingest.images import FetchedImage, FetchError, FetchProblem, fetch_image
from newsdesk.ui.editor.body import BodyEditor
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import alive
from newsdesk.ui.widgets.palette import banner_style

StoreImage = Callable[[bytes, str], str | None]


class RemoteImagesBar(QFrame):
    """Fetches the body's remote images and lists those that could not be fetched."""

    changed = Signal()  # downloads started, finished or failed

    def __init__(
        self,
        session: Session,
        body: BodyEditor,
        store_image: StoreImage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("remoteImagesBar")
        self.setStyleSheet(banner_style("remoteImagesBar"))
        self._session = session
        self._body = body
        self._store_image = store_image
        self._page_urls: dict[str, str | None] = {}
        self._in_flight: set[str] = set()
        self.failed: dict[str, str] = {}  # url → why it could not be fetched
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.clicked.connect(self.retry)
        self.remove_button = QPushButton(self.tr("Remove these images"), self)
        self.remove_button.clicked.connect(self.remove_failed)
        buttons = QVBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addLayout(buttons)
        body.remote_images.connect(self.fetch)
        self.hide()

    @property
    def busy(self) -> bool:
        return bool(self._in_flight)

    def fetch(self, urls: tuple[str, ...], page_url: str | None = None) -> None:
        """Download each of ``urls`` (pasted from ``page_url``) into the attachments."""
        for url in urls:
            if url in self._in_flight:
                continue
            self._page_urls.setdefault(url, page_url)
            self.failed.pop(url, None)
            self._in_flight.add(url)
            page = self._page_urls[url]
            job = Job(partial(fetch_image, url, page, max_bytes=MAX_ATTACHMENT_BYTES), self)
            job.success(self._fetched).failure(partial(self._failed, url))
            job.run(self._session.network)
        self._show()

    def retry(self) -> None:
        self.fetch(tuple(self.failed))

    def remove_failed(self) -> None:
        """Take the images that could not be fetched out of the body (one undo step)."""
        doomed = set(self.failed)
        document = self._body.document()
        spans: list[tuple[int, int]] = []
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                shown = fragment.charFormat()
                if shown.isImageFormat() and shown.toImageFormat().name() in doomed:
                    spans.append((fragment.position(), fragment.length()))
                fragments += 1
            block = block.next()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for position, length in reversed(spans):
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        cursor.endEditBlock()
        self.failed.clear()
        self._show()

    def _fetched(self, fetched: FetchedImage) -> None:
        self._in_flight.discard(fetched.url)
        sha256 = self._store_image(fetched.data, fetched.name)
        if sha256 is None:
            self.failed[fetched.url] = self.tr("it could not be stored in the workspace")
        else:
            self._body.replace_image_source(fetched.url, attachment_url(sha256))
        self._show()

    def _failed(self, url: str, error: BaseException) -> None:
        if not alive(self):
            return
        self._in_flight.discard(url)
        self.failed[url] = self._reason(error)
        self._show()

    def _reason(self, error: BaseException) -> str:
        problem = error.problem if isinstance(error, FetchError) else None
        if problem is None:
            return str(error)
        return {
            FetchProblem.REFUSED: self.tr("the server refused to hand it out"),
            FetchProblem.NOT_FOUND: self.tr("it is no longer on the server"),
            FetchProblem.NOT_AN_IMAGE: self.tr("the server sent something that is not an image"),
            FetchProblem.TOO_LARGE: self.tr("it is larger than {limit} MB").format(
                limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)
            ),
            FetchProblem.UNREACHABLE: self.tr("the server could not be reached (offline?)"),
            FetchProblem.SERVER_ERROR: self.tr("the server answered with an error"),
        }[problem]

    def _show(self) -> None:
        lines = []
        if self._in_flight:
            lines.append(
                self.tr(
                    "Downloading %n image(s) from other servers into the workspace…",
                    "",
                    len(self._in_flight),
                )
            )
        if self.failed:
            lines.append(
                self.tr(
                    "These images could not be downloaded. The article cannot be submitted "
                    "while its body shows images from other servers: try again, insert your own "
                    "copy, or remove them."
                )
            )
            lines += (
                self.tr("• {url}: {reason}").format(url=url, reason=reason)
                for url, reason in self.failed.items()
            )
        self.label.setText("\n".join(lines))
        self.retry_button.setVisible(bool(self.failed))
        self.remove_button.setVisible(bool(self.failed))
        self.setVisible(bool(lines))
        self.changed.emit()
