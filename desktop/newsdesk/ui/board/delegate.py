"""Painting a card: one delegate draws every card of a column, no widget per card.

A card, top to bottom: the channel's colour strip down its left edge; the channel's name with
the priority, review-progress and scheduled-publication (a clock) chips; the title in up to two
lines; then who it is about and, on the right, the materials and the due date (red and bold
once overdue). Every height comes from the fonts' own line spacing, so Chinese is never clipped
at any font size.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from newsdesk.core.board import Card, Snapshot, is_overdue
from newsdesk.core.model import ArticleState, Priority, ProposalState
from newsdesk.ui.board import display
from newsdesk.ui.board.model import CARD_ROLE
from newsdesk.ui.widgets import publish_time
from newsdesk.ui.widgets.palette import ON_AVATAR, Colours, colours

Index = QModelIndex | QPersistentModelIndex

MARGIN_X = 8  # around the card inside its row: the gap between cards and to the column's edge
MARGIN_Y = 4
PAD_X = 12
PAD_Y = 10
STRIP = 4
RADIUS = 6.0
GAP = 6  # between the card's lines
TITLE_LINES = 2
CLOCK = 10.0  # the clock drawn in a scheduled card's chip


@dataclass(frozen=True)
class CardPalette:
    """The card's colours, from the palette in force: a quiet card where only overdue and
    urgent stand out. Chips are (background, text) pairs."""

    card: QColor
    card_hover: QColor
    card_selected: QColor
    border: QColor
    border_hover: QColor
    border_selected: QColor
    shadow: QColor
    text: QColor
    secondary: QColor
    overdue: QColor
    on_avatar: QColor
    urgent: tuple[QColor, QColor]
    high: tuple[QColor, QColor]
    review: tuple[QColor, QColor]
    approved: tuple[QColor, QColor]
    deleted: tuple[QColor, QColor]
    scheduled: tuple[QColor, QColor]


@functools.cache
def _card_palette(c: Colours) -> CardPalette:
    q = c.qcolor
    return CardPalette(
        card=q("surface"),
        card_hover=q("surface_hover"),
        card_selected=q("surface_selected"),
        border=q("border"),
        border_hover=q("border_strong"),
        border_selected=q("accent"),
        shadow=QColor(0, 0, 0, 24),
        text=q("text"),
        secondary=q("muted"),
        overdue=q("error"),
        on_avatar=QColor(ON_AVATAR),
        urgent=(q("error_soft"), q("error")),
        high=(q("warning_soft"), q("warning")),
        review=(q("accent_soft"), q("accent")),
        approved=(q("success_soft"), q("success")),
        deleted=(q("surface_alt"), q("muted")),
        scheduled=(q("accent_soft"), q("accent")),
    )


def card_palette() -> CardPalette:
    return _card_palette(colours())


@dataclass(frozen=True)
class _Fonts:
    """The card's fonts and the measures taken of them, made once per view font: a column's
    layout asks every card's height, thousands at a time."""

    key: str  # the view font's
    title: QFont
    small: QFont
    chip: QFont
    avatar: QFont
    title_spacing: float
    row_height: float  # the channel line and the people line: a chip or a line of small text

    @classmethod
    def of(cls, base: QFont) -> _Fonts:
        title = QFont(base)
        title.setWeight(QFont.Weight.Medium)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.88)
        chip = QFont(small)
        chip.setWeight(QFont.Weight.DemiBold)
        avatar = QFont(base)
        avatar.setPointSizeF(base.pointSizeF() * 0.72)
        chip_height = QFontMetricsF(chip).height() + 2
        row_height = max(QFontMetricsF(small).lineSpacing(), chip_height + 2)
        spacing = QFontMetricsF(title).lineSpacing()
        return cls(base.key(), title, small, chip, avatar, spacing, row_height)


class CardDelegate(QStyledItemDelegate):
    """Paints the cards of one column; :meth:`set_snapshot` gives it the names and channels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot: Snapshot | None = None
        self._line_counts: dict[tuple[str, int, str], int] = {}
        self._fonts: dict[str, _Fonts] = {}
        self._layout: tuple[_Fonts, float] | None = None  # see measure_for
        self._uniform = False  # every card as tall as a two-line title: see ColumnView

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    # --- measuring ----------------------------------------------------------------------------

    def measure_for(self, view: QListView) -> None:
        """Take the fonts and the width the cards of ``view`` are measured at, once for the
        layout it is starting: asked of the view again for each card, they were most of what
        measuring a card cost, and a column's layout measures every card."""
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        fonts = self._fonts_for(option.font)
        self._layout = (fonts, self._text_width(self._item_width(option, self._height(fonts, 1))))
        self._uniform = view.uniformItemSizes()

    def uniform_height(self) -> int:
        """The height of a card with a two-line title, at the fonts :meth:`measure_for` took."""
        assert self._layout is not None
        return round(self._height(self._layout[0], TITLE_LINES))

    def forget_measure(self) -> None:
        """The rows, the size or the font of the view changed: measure from the view again
        until its next layout starts."""
        self._layout = None

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return QSize()
        if self._layout is None:
            fonts = self._fonts_for(option.font)
            text_width = self._text_width(self._item_width(option, self._height(fonts, 1)))
        else:
            fonts, text_width = self._layout
        lines = TITLE_LINES if self._uniform else self._title_lines(card.title, fonts, text_width)
        return QSize(120, round(self._height(fonts, lines)))

    def _fonts_for(self, base: QFont) -> _Fonts:
        """The card's fonts derived from the view's, made once (sizes are asked per row)."""
        key = base.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = _Fonts.of(base)
        return fonts

    @staticmethod
    def _item_width(option: QStyleOptionViewItem, least_height: float) -> int:
        """The width the cards are laid out at: the viewport's, less the scroll bar's when the
        column's cards will overflow it but the bar is not shown yet. Qt lays a long column out
        before showing its bar, and lays it out again a frame later: sized for the wider
        viewport, a title wrapped onto a second line ran into the next card until then."""
        view = option.widget
        if not isinstance(view, QListView):
            return option.rect.width()
        viewport = view.viewport()
        width = viewport.width()
        bar = view.verticalScrollBar()
        if not bar.isVisible() and view.model().rowCount() * least_height > viewport.height():
            width -= bar.sizeHint().width()
        return width

    @staticmethod
    def _text_width(item_width: float) -> float:
        return max(40.0, item_width - 2 * MARGIN_X - STRIP - 2 * PAD_X)

    @staticmethod
    def _height(fonts: _Fonts, title_lines: int) -> float:
        title = fonts.title_spacing * title_lines
        return 2 * (MARGIN_Y + PAD_Y) + 2 * fonts.row_height + title + 2 * GAP

    def _title_lines(self, title: str, fonts: _Fonts, width: float) -> int:
        key = (title, round(width), fonts.key)
        count = self._line_counts.get(key)
        if count is None:
            if len(self._line_counts) > 50_000:
                self._line_counts.clear()
            count = len(_title_layout(title, fonts.title, width))
            self._line_counts[key] = count
        return count

    # --- painting -----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fonts = self._fonts_for(option.font)
        paint_card(painter, QRectF(option.rect), option, fonts, card, self._snapshot)
        painter.restore()

    def drag_pixmap(self, option: QStyleOptionViewItem, card: Card) -> QPixmap:
        """The card as it looks, to follow the pointer while it is dragged."""
        size = option.rect.size()
        ratio = option.widget.devicePixelRatioF() if option.widget else 1.0
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(0.92)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_MouseOver
        box = QRectF(0, 0, size.width(), size.height())
        paint_card(painter, box, plain, self._fonts_for(option.font), card, self._snapshot)
        painter.end()
        return pixmap


def _title_layout(title: str, font: QFont, width: float) -> list[tuple[int, int]]:
    """(start, length) of each line of ``title`` wrapped at ``width``, at most two lines; the
    last line runs to the end of the text, to be elided when painted."""
    layout = QTextLayout(title, font)
    text_option = QTextOption()
    text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(text_option)
    lines: list[tuple[int, int]] = []
    layout.beginLayout()
    while len(lines) < TITLE_LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if lines:
        start = lines[-1][0]
        lines[-1] = (start, len(title) - start)
    return lines or [(0, 0)]


def paint_card(
    painter: QPainter,
    rect: QRectF,
    option: QStyleOptionViewItem,
    fonts: _Fonts,
    card: Card,
    snapshot: Snapshot | None,
) -> None:
    palette = card_palette()
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
    deleted = card.proposal is not None and card.proposal.state == ProposalState.DELETED
    channel = snapshot.channels.get(card.channel_id) if snapshot else None
    box = rect.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
    if deleted:
        painter.setOpacity(0.7)

    shape = QPainterPath()
    shape.addRoundedRect(box, RADIUS, RADIUS)
    # The shadow shows below the card only (a deleted card is see-through), and is filled there
    # only: over the whole card, a translucent fill that Qt blends on its thread pool was most
    # of what painting a card cost.
    painter.save()
    if not deleted:
        painter.setClipRect(
            QRectF(box.left(), box.bottom() - RADIUS, box.width(), RADIUS + 1),
            Qt.ClipOperation.IntersectClip,
        )
    painter.fillPath(shape.translated(0, 1), palette.shadow)
    painter.restore()
    fill = palette.card_selected if selected else palette.card_hover if hovered else palette.card
    painter.fillPath(shape, fill)
    painter.save()
    painter.setClipPath(shape)
    strip = QColor(channel.colour) if channel else palette.border
    painter.fillRect(QRectF(box.left(), box.top(), STRIP, box.height()), strip)
    painter.restore()
    border = (
        palette.border_selected if selected else palette.border_hover if hovered else palette.border
    )
    painter.setPen(QPen(border, 1.5 if selected else 1.0))
    painter.drawPath(shape)

    left = box.left() + STRIP + PAD_X
    right = box.right() - PAD_X
    row_height = fonts.row_height
    top = box.top() + PAD_Y

    # channel, then the chips on the right
    chips: list[tuple[str, tuple[QColor, QColor]]] = []
    if deleted:
        chips.append((QCoreApplication.translate("BoardText", "Deleted"), palette.deleted))
    if card.priority == Priority.URGENT:
        chips.append((QCoreApplication.translate("BoardText", "Urgent"), palette.urgent))
    elif card.priority == Priority.HIGH:
        chips.append((QCoreApplication.translate("BoardText", "High"), palette.high))
    progress = display.review_progress(card, channel)
    if progress is not None:
        approved = card.article is not None and card.article.state == ArticleState.APPROVED
        chips.append((progress, palette.approved if approved else palette.review))
    chip_left = right
    if card.publish_at is not None:
        text = publish_time.chip_text(card.publish_at)
        late = publish_time.is_late(card.publish_at)
        pair = palette.high if late else palette.scheduled
        chip_left = (
            _chip(painter, fonts.chip, text, pair, chip_left, top, row_height, clock=True) - 6
        )
    for text, pair in reversed(chips):
        chip_left = _chip(painter, fonts.chip, text, pair, chip_left, top, row_height) - 6
    if channel is not None:
        _text(
            painter,
            fonts.small,
            palette.secondary,
            channel.name,
            left,
            top,
            chip_left - left,
            row_height,
        )

    # title
    top += row_height + GAP
    painter.setFont(fonts.title)
    painter.setPen(palette.text)
    metrics = QFontMetricsF(fonts.title)
    width = right - left
    lines = _title_layout(card.title, fonts.title, width)
    for number, (start, length) in enumerate(lines):
        text = card.title[start : start + length]
        if number == len(lines) - 1:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QPointF(left, top + metrics.ascent()), text)
        top += metrics.lineSpacing()

    # people on the left; materials and due date on the right, at the foot of the card (below
    # a blank line where a one-line title sits in a card as tall as two)
    top = max(top + GAP, box.bottom() - PAD_Y - row_height)
    today = dt.date.today()
    edge = right
    due = card.due_date
    if due is not None:
        overdue = is_overdue(card, today)
        font = QFont(fonts.small)
        font.setBold(overdue)
        colour = palette.overdue if overdue else palette.secondary
        text = display.short_date(due, today)
        edge = _text_right(painter, font, colour, text, edge, top, row_height)
        edge = _calendar(painter, colour, edge - 4, top, row_height) - 10
    if card.materials:
        edge = _text_right(
            painter, fonts.small, palette.secondary, str(card.materials), edge, top, row_height
        )
        edge = _paperclip(painter, palette.secondary, edge - 3, top, row_height) - 10
    if snapshot is not None:
        _people(painter, fonts, card, snapshot, left, top, edge - left, row_height)
    painter.setOpacity(1.0)


def _text(
    painter: QPainter,
    font: QFont,
    colour: QColor,
    text: str,
    left: float,
    top: float,
    width: float,
    height: float,
) -> None:
    if width <= 0:
        return
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    painter.setPen(colour)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    baseline = top + (height - metrics.height()) / 2 + metrics.ascent()
    painter.drawText(QPointF(left, baseline), elided)


def _text_right(
    painter: QPainter,
    font: QFont,
    colour: QColor,
    text: str,
    right: float,
    top: float,
    height: float,
) -> float:
    """Draw ``text`` ending at ``right``; return where it starts."""
    width = QFontMetricsF(font).horizontalAdvance(text)
    _text(painter, font, colour, text, right - width, top, width + 1, height)
    return right - width


def _chip(
    painter: QPainter,
    font: QFont,
    text: str,
    colours: tuple[QColor, QColor],
    right: float,
    top: float,
    row_height: float,
    *,
    clock: bool = False,
) -> float:
    """A small rounded label ending at ``right``, a clock before its text if ``clock``;
    return where it starts."""
    metrics = QFontMetricsF(font)
    height = metrics.height() + 2
    icon = CLOCK + 4 if clock else 0
    width = metrics.horizontalAdvance(text) + 12 + icon
    box = QRectF(right - width, top + (row_height - height) / 2, width, height)
    path = QPainterPath()
    path.addRoundedRect(box, 4, 4)
    painter.fillPath(path, colours[0])
    if clock:
        paint_clock(painter, colours[1], box.left() + 6, box.center().y())
    painter.setFont(font)
    painter.setPen(colours[1])
    painter.drawText(box.adjusted(icon, 0, 0, 0), Qt.AlignmentFlag.AlignCenter, text)
    return box.left()


def paint_clock(painter: QPainter, colour: QColor, left: float, middle: float) -> None:
    """A clock face with its hands at a quarter to nine, ``CLOCK`` wide."""
    centre = QPointF(left + CLOCK / 2, middle)
    radius = CLOCK / 2 - 0.6
    painter.save()
    pen = QPen(colour, 1.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius, radius)
    painter.drawLine(centre, QPointF(centre.x(), centre.y() - radius * 0.62))
    painter.drawLine(centre, QPointF(centre.x() - radius * 0.5, centre.y()))
    painter.restore()


def _calendar(painter: QPainter, colour: QColor, right: float, top: float, height: float) -> float:
    size = 11.0
    box = QRectF(right - size, top + (height - size) / 2, size, size)
    painter.save()
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box.adjusted(0.5, 1.5, -0.5, -0.5), 1.5, 1.5)
    painter.drawLine(
        QPointF(box.left() + 0.5, box.top() + 4.5), QPointF(box.right() - 0.5, box.top() + 4.5)
    )
    painter.drawLine(QPointF(box.left() + 3, box.top()), QPointF(box.left() + 3, box.top() + 2.5))
    painter.drawLine(QPointF(box.right() - 3, box.top()), QPointF(box.right() - 3, box.top() + 2.5))
    painter.restore()
    return box.left()


def _paperclip(painter: QPainter, colour: QColor, right: float, top: float, height: float) -> float:
    """A paper clip, drawn upright in a 7 × 13 box and turned 40°: four legs, three bends."""
    size = 12.0
    box = QRectF(right - size, top + (height - size) / 2, size, size)
    clip = QPainterPath()
    clip.moveTo(4, 3.5)
    clip.lineTo(4, 9.5)
    clip.arcTo(QRectF(2, 8.5, 2, 2), 0, -180)
    clip.lineTo(2, 2.5)
    clip.arcTo(QRectF(2, 0.5, 4, 4), 180, -180)
    clip.lineTo(6, 10)
    clip.arcTo(QRectF(1, 7.5, 5, 5), 0, -180)
    clip.lineTo(1, 5)
    painter.save()
    painter.translate(box.center())
    painter.rotate(40)
    painter.scale(0.85, 0.85)
    painter.translate(-3.5, -6.5)
    pen = QPen(colour, 1.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(clip)
    painter.restore()
    return box.left()


def _people(
    painter: QPainter,
    fonts: _Fonts,
    card: Card,
    snapshot: Snapshot,
    left: float,
    top: float,
    width: float,
    height: float,
) -> None:
    palette = card_palette()
    ids = card.person_ids()
    size = min(height, QFontMetricsF(fonts.small).height() + 2)
    x = left
    for user_id in ids[:3]:
        circle = QRectF(x, top + (height - size) / 2, size, size)
        painter.save()
        painter.setPen(QPen(palette.on_avatar, 1.5))
        painter.setBrush(display.avatar_colour(user_id))
        painter.drawEllipse(circle)
        painter.setFont(fonts.avatar)
        painter.setPen(palette.on_avatar)
        painter.drawText(
            circle, Qt.AlignmentFlag.AlignCenter, display.initial(snapshot.name(user_id))
        )
        painter.restore()
        x += size * 0.7
    x += size * 0.3 + 6
    text = display.names([snapshot.name(user_id) for user_id in ids])
    _text(painter, fonts.small, palette.secondary, text, x, top, left + width - x, height)
