"""A read-only view of one topic: its plan, its assignment, its materials and its article."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.board import Snapshot
from newsdesk.core.labels import label
from newsdesk.core.mentions import render
from newsdesk.core.model import Article, Proposal
from newsdesk.store.blobs import BlobStore
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import DIALOG_MARGIN, heading, iso, local_time
from newsdesk.ui.widgets.materials_view import MaterialsView


def _text(value: str) -> QLabel:
    shown = QLabel(value or "—")
    shown.setWordWrap(True)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


class TopicDetails(QDialog):
    """Everything known about ``topic``; ``article`` is the one written for it, if any.

    ``open_article(id)``: the user asked to open the article in the editor."""

    open_article = Signal(str)

    def __init__(
        self,
        snapshot: Snapshot,
        topic: Proposal,
        article: Article | None,
        parent: QWidget | None = None,
        *,
        blobs: BlobStore,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Topic details"))
        channel = snapshot.channels.get(topic.channel_id)
        names = QLocale().createSeparatedList([snapshot.name(u) for u in topic.assignees])
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Channel"), _text(channel.name if channel else ""))
        form.addRow(self.tr("Proposer"), _text(snapshot.name(topic.proposer_id)))
        form.addRow(self.tr("Priority"), _text(translated(label(topic.priority))))
        form.addRow(self.tr("Planned date"), _text(iso(topic.planned_date)))
        form.addRow(self.tr("State"), _text(translated(label(topic.state))))
        if topic.assigned_by:
            form.addRow(self.tr("Assigned by"), _text(snapshot.name(topic.assigned_by)))
            form.addRow(self.tr("Editors"), _text(names))
            form.addRow(self.tr("Due date"), _text(iso(topic.due_date)))
        form.addRow(self.tr("Tags"), _text(self.tr(", ").join(topic.tags)))
        form.addRow(self.tr("Angle"), _text(render(topic.angle, snapshot.names)))
        self.materials = MaterialsView(blobs)
        self.materials.set_materials(topic.materials)
        form.addRow(self.tr("Materials"), self.materials)
        if topic.article_id:
            self._add_article(form, article)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(heading(topic.title))
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.addButton(
            self.tr("Open the article"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setVisible(article is not None)
        if article is not None:
            self.open_button.clicked.connect(lambda: self._open(article.id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(600, min(body.sizeHint().height() + 100, 720))

    def _open(self, article_id: str) -> None:
        self.open_article.emit(article_id)
        self.accept()

    def _add_article(self, form: QFormLayout, article: Article | None) -> None:
        if article is not None:
            started = self.tr("Started {time}; now: {state}").format(
                time=local_time(article.created_at), state=translated(label(article.state))
            )
            form.addRow(self.tr("Article"), _text(started))
