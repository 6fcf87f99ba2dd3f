"""A read-only view of one topic: its plan, its assignment, its materials and its article."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.labels import label
from newsdesk.core.model import Article, MaterialKind, Proposal
from newsdesk.store.queries import Snapshot
from newsdesk.ui.i18n import translated
from newsdesk.ui.proposals.fields import DIALOG_MARGIN, heading, iso, local_time, muted


def _text(value: str) -> QLabel:
    shown = QLabel(value or "—")
    shown.setWordWrap(True)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


class TopicDetails(QDialog):
    """Everything known about ``topic``; ``article`` is the one written for it, if any."""

    def __init__(
        self,
        snapshot: Snapshot,
        topic: Proposal,
        article: Article | None,
        parent: QWidget | None = None,
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
        form.addRow(self.tr("Angle"), _text(topic.angle))
        form.addRow(self.tr("Materials"), self._materials(topic))
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(600, min(body.sizeHint().height() + 100, 720))

    def _materials(self, topic: Proposal) -> QLabel:
        lines = []
        for material in topic.materials:
            value = html.escape(material.value)
            if material.kind == MaterialKind.LINK:
                lines.append(f'<a href="{value}">{value}</a>')
            elif material.kind == MaterialKind.FILE:
                lines.append(
                    self.tr("File: {name}").format(name=html.escape(material.label or value))
                )
            else:
                lines.append(value.replace("\n", "<br>"))
        shown = QLabel("<br>".join(lines) or "—")
        shown.setWordWrap(True)
        shown.setTextFormat(Qt.TextFormat.RichText)
        shown.setOpenExternalLinks(True)
        return shown

    def _add_article(self, form: QFormLayout, article: Article | None) -> None:
        if article is not None:
            started = self.tr("Started {time}; now: {state}").format(
                time=local_time(article.created_at), state=translated(label(article.state))
            )
            form.addRow(self.tr("Article"), _text(started))
        note = muted(
            QLabel(
                self.tr(
                    "Articles are written in the article editor, which arrives in a later version "
                    "of Newsdesk."
                )
            )
        )
        note.setWordWrap(True)
        form.addRow("" if article is not None else self.tr("Article"), note)
