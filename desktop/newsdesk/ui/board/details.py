"""The side panel: everything the board knows about the selected card, to read and copy.

One read-only rich-text document, as calibre's book details: it wraps Chinese exactly at the
panel's width, its text can be selected and copied, its links open, and showing another card
rebuilds no widgets. A returned proposal shows why it was returned (the proposer needs to know
what to fix). Changing a card goes through the board's actions, never through this panel.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from newsdesk.core.board import Card, Snapshot, is_overdue
from newsdesk.core.labels import label
from newsdesk.core.mentions import render
from newsdesk.core.model import Priority, ProposalState
from newsdesk.ui.board import display
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.palette import Colours, colours
from newsdesk.ui.widgets.publish_time import is_late, publish_time_text


def details_style(c: Colours) -> str:
    return f"""
body {{ color: {c.text}; }}
.title {{ font-size: x-large; font-weight: 600; }}
.muted {{ color: {c.muted}; }}
.key {{ color: {c.muted}; padding: 3px 14px 3px 0; }}
.value {{ padding: 3px 0; }}
.heading {{ color: {c.muted}; font-weight: 600; }}
.returned {{ background-color: {c.warning_soft}; }}
.returned-heading {{ color: {c.warning}; font-weight: 600; }}
.overdue {{ color: {c.error}; font-weight: 600; }}
.scheduled {{ color: {c.accent}; font-weight: 600; }}
.late {{ color: {c.warning}; font-weight: 600; }}
"""


def _text(value: str) -> str:
    """Plain text as HTML: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br>")


class CardDetails(QTextBrowser):
    """Shows one card (:meth:`show_card`) or a hint to select one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardDetails")
        self.setAccessibleName(self.tr("Card details"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        self.setOpenExternalLinks(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDefaultStyleSheet(details_style(colours()))
        self.document().setDocumentMargin(16)
        self.card_id: str | None = None
        self.clear_card()

    def clear_card(self) -> None:
        self.card_id = None
        hint = escape(self.tr("Select a card to see its details."))
        self.setHtml(f'<p class="muted">{hint}</p>')

    def show_card(self, card: Card, snapshot: Snapshot) -> None:
        self.card_id = card.id
        channel = snapshot.channels.get(card.channel_id)
        colour = escape(channel.colour) if channel else colours().muted
        channel_name = escape(channel.name) if channel else ""
        state = escape(translated(label(card.item.state)))
        parts = [
            f'<p class="title" style="margin: 0 0 6px 0">{_text(card.title)}</p>',
            f'<p style="margin: 0"><span style="color:{colour}">●</span> {channel_name}'
            f'<span class="muted">&nbsp;&nbsp;·&nbsp;&nbsp;{state}</span></p>',
        ]
        if card.proposal and card.proposal.state == ProposalState.RETURNED:
            parts.append(self._returned(card, snapshot))
        rows = "".join(
            f'<tr><td class="key">{escape(key)}</td><td class="value">{value}</td></tr>'
            for key, value in self._facts(card, snapshot)
        )
        parts.append(
            f'<table style="margin-top: 14px" cellspacing="0" cellpadding="0">{rows}</table>'
        )
        parts.extend(self._sections(card, snapshot))
        self.setHtml("".join(parts))

    def _returned(self, card: Card, snapshot: Snapshot) -> str:
        proposal = card.proposal
        assert proposal is not None
        heading = (
            self.tr("Returned by {name}").format(name=snapshot.name(proposal.returned_by))
            if proposal.returned_by
            else self.tr("Returned")
        )
        reason = render(proposal.return_reason, snapshot.names)
        return (
            '<table class="returned" width="100%" cellspacing="0" cellpadding="10"'
            f' style="margin-top: 12px; border: 1px solid {colours().warning}"><tr><td>'
            f'<p class="returned-heading">{escape(heading)}</p>'
            f'<p style="margin: 4px 0 0 0">{_text(reason)}</p>'
            "</td></tr></table>"
        )

    def _facts(self, card: Card, snapshot: Snapshot) -> list[tuple[str, str]]:
        """(name, HTML value) pairs, the people first, then the dates."""
        facts: list[tuple[str, str]] = []
        proposal, article = card.proposal, card.article
        source = proposal or card.topic
        if source is not None:
            facts.append((self.tr("Proposer"), escape(snapshot.name(source.proposer_id))))
        if article is not None:
            facts.append((self.tr("Owner"), escape(snapshot.name(article.owner_id))))
        assignment = card.assignment
        if assignment is not None and assignment.assignees:
            names = [snapshot.name(user_id) for user_id in assignment.assignees]
            facts.append((self.tr("Assignees"), escape(display.names(names))))
        if card.due_date is not None:
            day = display.long_date(card.due_date)
            due = escape(day)
            if is_overdue(card, dt.date.today()):
                overdue = escape(self.tr("{date} (overdue)").format(date=day))
                due = f'<span class="overdue">{overdue}</span>'
            facts.append((self.tr("Due"), due))
        if source is not None and source.planned_date is not None:
            facts.append((self.tr("Planned"), escape(display.long_date(source.planned_date))))
        if card.publish_at is not None and card.article is not None:
            when = publish_time_text(card.publish_at)
            if is_late(card.publish_at):
                late = escape(self.tr("{time} (due, not published yet)").format(time=when))
                shown = f'<span class="late">{late}</span>'
            else:
                shown = f'<span class="scheduled">{escape(when)}</span>'
            facts.append((self.tr("Publication"), shown))
            scheduled_by = card.article.scheduled_by
            if scheduled_by:
                facts.append((self.tr("Scheduled by"), escape(snapshot.name(scheduled_by))))
        if card.priority != Priority.NORMAL:
            facts.append((self.tr("Priority"), escape(translated(label(card.priority)))))
        progress = display.review_progress(card, snapshot.channels.get(card.channel_id))
        if progress is not None:
            facts.append((self.tr("Review"), escape(progress)))
        facts.append((self.tr("Updated"), escape(display.moment(card.updated_at))))
        return facts

    def _sections(self, card: Card, snapshot: Snapshot) -> list[str]:
        source = card.proposal or card.topic
        angle = render(source.angle, snapshot.names) if source else ""
        sections: list[tuple[str, str]] = []
        if angle:
            sections.append((self.tr("Angle"), _text(angle)))
        if card.article is not None and card.article.summary and card.article.summary != angle:
            sections.append((self.tr("Summary"), _text(card.article.summary)))
        if source is not None and source.materials:
            # Listed below the panel, where they open, preview and drag into an article.
            count = len(source.materials)
            sections.append((self.tr("Materials"), escape(self.tr("%n below", "", count))))
        if card.item.tags:
            sections.append(
                (self.tr("Tags"), "&nbsp;&nbsp;".join(f"#{escape(t)}" for t in card.item.tags))
            )
        return [
            f'<p class="heading" style="margin: 16px 0 4px 0">{escape(heading)}</p>'
            f'<p style="margin: 0">{body}</p>'
            for heading, body in sections
        ]
