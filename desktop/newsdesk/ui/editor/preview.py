"""A plain preview of the body at the width of a PC page's text column or of a phone.

It shows the article HTML as Qt renders it, with the attachments' images; it is not the
exporters' output (their templates will differ in fonts and spacing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
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

from newsdesk.ui.editor.document import ImageSource, html_document

PC_WIDTH = 720
WAP_WIDTH = 360


class PreviewPane(QWidget):
    """Renders article HTML at :data:`PC_WIDTH` or :data:`WAP_WIDTH` pixels."""

    def __init__(self, images: ImageSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articlePreview")
        self._images = images
        self._document: QTextDocument | None = None
        self.pc_button = QRadioButton(self.tr("PC ({width} px)").format(width=PC_WIDTH))
        self.wap_button = QRadioButton(self.tr("Mobile ({width} px)").format(width=WAP_WIDTH))
        self.pc_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pc_button)
        group.addButton(self.wap_button)
        self.pc_button.toggled.connect(self._resize)
        note = QLabel(self.tr("Approximate: the published pages use their own templates."))
        note.setStyleSheet("color: palette(mid);")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll = QScrollArea()
        scroll.setWidget(self.browser)
        scroll.setWidgetResizable(False)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._scroll = scroll
        top = QHBoxLayout()
        top.addWidget(self.pc_button)
        top.addWidget(self.wap_button)
        top.addWidget(note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self._resize()

    @property
    def width_px(self) -> int:
        return PC_WIDTH if self.pc_button.isChecked() else WAP_WIDTH

    def show_html(self, html: str) -> None:
        """Render ``html`` (article HTML) with the attachments' images."""
        self._document = html_document(html, self._images)
        self._document.setParent(self.browser)
        self.browser.setDocument(self._document)
        self._resize()

    def _resize(self) -> None:
        width = self.width_px
        document = self.browser.document()
        document.setTextWidth(width - 2 * document.documentMargin())
        height = int(document.size().height()) + 4
        self.browser.setFixedSize(width, max(height, 200))
