"""The board's columns: a header over a list view each, side by side in a scrolling strip.

A column's width is the user's to set by dragging the grip at its right edge; the widths are
part of the page's saved state. Dropping a card on a column asks the board (``drop_handler``)
whether the move goes ahead; while a card hovers over a column, the column shows whether it
would take it (``drop_judge``), so a refusal is visible before the drop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    QTimerEvent,
    Signal,
)
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.board import COLUMN_TITLES, Card, Column
from newsdesk.ui.board.delegate import CardDelegate
from newsdesk.ui.board.model import CARD_ROLE, CardListModel, drag_payload, dragged
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.palette import colours

DEFAULT_WIDTH = 256
MIN_WIDTH = 200
MAX_WIDTH = 640
COLLAPSED_WIDTH = 44

# How long a column keeps showing its last frame while it lays its cards out again, at most.
HOLD_MS = 5_000

# Above this many cards a column makes every card as tall as a two-line title: Qt then lays
# the column out without measuring each card, which at some 8 µs a card took longer than a
# frame; a filter change over a column of 20,000 cards took a third of a second.
UNIFORM_ABOVE = 2_000
# Cards laid out between two turns of the event loop, each batch a few milliseconds.
MEASURED_BATCH = 150
UNIFORM_BATCH = 2_000

DropHandler = Callable[[str, Column, Column], bool]  # (card id, source, target) -> accepted
DropJudge = Callable[[str, Column, Column], bool]  # would the drop be accepted?


class ColumnView(QListView):
    """The cards of one column; drags them out, takes drops from other columns."""

    def __init__(self, model: CardListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = model.column
        # Qt's list, laying out in batches, draws no card until the last batch is done, and
        # any change of rows starts the layout again: the column went blank (a moment for a
        # new card in a long column, a second for the whole board after the first screen).
        # It keeps its last frame on screen instead until its cards are laid out.
        self._held = QElapsedTimer()
        self._release = QTimer(self)
        self._release.setInterval(16)
        self._release.timeout.connect(self._release_when_laid_out)
        self._place: tuple[QPersistentModelIndex, int] | None = None  # see _rows_changing
        self.drop_handler: DropHandler | None = None
        self.drop_judge: DropJudge | None = None
        self.empty_text = ""
        self.delegate = CardDelegate(self)
        self.setAccessibleName(translated(COLUMN_TITLES[self.column]))
        self.setModel(model)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        # Thousands of cards are laid out a batch at a time, so the board stays responsive.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for signal in (
            model.rowsAboutToBeInserted,
            model.rowsAboutToBeRemoved,
            model.modelAboutToBeReset,
        ):
            signal.connect(self._rows_changing)

    def model(self) -> CardListModel:
        model = super().model()
        assert isinstance(model, CardListModel)
        return model

    def doItemsLayout(self) -> None:  # noqa: N802 - Qt's API
        # Every layout starts here (a resize, rows changed, the scroll bar shown or hidden).
        uniform = self.model().rowCount() > UNIFORM_ABOVE
        self.setUniformItemSizes(uniform)
        self.setBatchSize(UNIFORM_BATCH if uniform else MEASURED_BATCH)
        self.delegate.measure_for(self)  # uniform sizes included
        # A grid of one card's height: Qt steps through the rows without asking the model for
        # each (uniform sizes alone still make an index, and so a call of the model, per row).
        grid = QSize(1, self.delegate.uniform_height()) if uniform else QSize()
        if self.gridSize() != grid:
            self.setGridSize(grid)
        super().doItemsLayout()
        self._release_when_laid_out()

    def timerEvent(self, event: QTimerEvent) -> None:  # noqa: N802 - Qt's API
        super().timerEvent(event)  # among Qt's timers, the one laying out the next batch
        self._release_when_laid_out()

    def laid_out(self) -> bool:
        """Whether the cards can be drawn: none, or the layout of all of them done."""
        model = self.model()
        if not model.rowCount():
            return True
        first = self.visualRect(model.index(0, 0))
        return not first.isEmpty() and self.indexAt(first.center()).isValid()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's API
        self.delegate.forget_measure()  # the viewport's too: its scroll bar shown or hidden
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's API
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.delegate.forget_measure()
        super().changeEvent(event)

    def _rows_changing(self) -> None:
        self.delegate.forget_measure()
        if (
            self._release.isActive()
            or not self.isVisible()
            or not self.model().rowCount()
            or not self.laid_out()
        ):
            return
        self.viewport().setUpdatesEnabled(False)
        self._held.start()
        self._release.start()
        # Laid out again, a long column starts from the top (Qt sets the scroll bar's range
        # after the first batch): a card arriving by sync threw whoever read further down back
        # up. The card at the top stays where it was, unless the column was at its top.
        top = self.indexAt(QPoint(0, 0))
        if self.verticalScrollBar().value() and top.isValid():
            self._place = (QPersistentModelIndex(top), self.visualRect(top).top())

    def _release_when_laid_out(self) -> None:
        """Draw again once the layout is done (checked as each batch ends, and on a timer for
        when holding has lasted :data:`HOLD_MS`)."""
        if not self._release.isActive():
            return
        if self.laid_out() or self._held.hasExpired(HOLD_MS):
            self._release.stop()
            self._keep_place()
            self.viewport().setUpdatesEnabled(True)
            self.viewport().update()

    def _keep_place(self) -> None:
        """Scroll the card that was at the top back to where it was, if it is still shown."""
        place, self._place = self._place, None
        if place is None or not place[0].isValid() or not self.laid_out():
            return
        card, top = place
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.visualRect(self.model().index(card.row(), 0)).top() - top)

    def current_card(self) -> Card | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        card: Card = index.data(CARD_ROLE)
        return card

    # --- dragging out -------------------------------------------------------------------------

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802 - Qt's API
        """Drag the card itself; the source list never removes it: the board moves it."""
        index = self.currentIndex()
        if not index.isValid():
            return
        card: Card = index.data(CARD_ROLE)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        drag = QDrag(self)
        drag.setMimeData(drag_payload(card))
        drag.setPixmap(self.delegate.drag_pixmap(option, card))
        cursor = self.viewport().mapFromGlobal(self.cursor().pos())
        drag.setHotSpot(cursor - option.rect.topLeft())
        drag.exec(Qt.DropAction.MoveAction)

    # --- dropping in --------------------------------------------------------------------------

    def _incoming(self, event: QDragMoveEvent | QDropEvent) -> tuple[str, Column] | None:
        payload = dragged(event.mimeData())
        if payload is None or payload[1] == self.column:
            return None
        return payload

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's API
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's API
        incoming = self._incoming(event)
        if incoming is None:
            event.ignore()
            return
        # Accepted even when the move is not allowed: dropping then says why not.
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        accepted = self.drop_judge is None or self.drop_judge(*incoming, self.column)
        self._mark("ok" if accepted else "refused")

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt's API
        self._mark("")
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's API
        self._mark("")
        incoming = self._incoming(event)
        if incoming is None or self.drop_handler is None:
            event.ignore()
            return
        if self.drop_handler(*incoming, self.column):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _mark(self, state: str) -> None:
        """Show on the column frame whether a hovering card would be taken."""
        frame = self.parentWidget()
        if frame is not None and frame.property("dropState") != state:
            frame.setProperty("dropState", state)
            frame.style().unpolish(frame)
            frame.style().polish(frame)

    # --- an empty column says so --------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's API
        super().paintEvent(event)
        if self.model().rowCount() or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(colours().qcolor("faint"))
        area = self.viewport().rect().adjusted(12, 16, -12, 0)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self.empty_text)
        painter.end()


class BoardColumn(QFrame):
    """A column: its title and card count over its list of cards. Collapsed, it is a narrow
    strip with its title written downwards (Chinese reads well that way), so a chief keeps the
    columns they work in wide; a column showing only recent cards links to the rest."""

    collapsed_changed = Signal(bool)
    archive_requested = Signal()

    def __init__(self, model: CardListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardColumn")
        self.setProperty("dropState", "")
        self.column = model.column
        self.header = QLabel(self)
        self.header.setObjectName("columnHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.header.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.header.setFont(font)
        self.collapsed = False
        self.collapse_button = QToolButton(self)
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.clicked.connect(lambda: self.set_collapsed(not self.collapsed))
        self.vertical_title = QLabel(self)
        self.vertical_title.setObjectName("columnHeader")
        self.vertical_title.setTextFormat(Qt.TextFormat.PlainText)
        self.vertical_title.setFont(font)
        self.vertical_title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.vertical_title.setMinimumWidth(0)
        self.vertical_title.hide()
        self.view = ColumnView(model, self)
        self.more_button = QPushButton(self)
        self.more_button.setFlat(True)
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.clicked.connect(self.archive_requested)
        self.more_button.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 6, 0)
        top.addWidget(self.header, 1)
        top.addWidget(self.collapse_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._top = top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.vertical_title, 1)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more_button)
        self._width = DEFAULT_WIDTH
        self.setFixedWidth(DEFAULT_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self._set_button()
        self.update_header(filtered=False)

    def set_width(self, width: int) -> None:
        """The width the column has when it is not collapsed."""
        self._width = clamp_width(width)
        if not self.collapsed:
            self.setFixedWidth(self._width)

    def expanded_width(self) -> int:
        return self._width

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed == self.collapsed:
            return
        self.collapsed = collapsed
        self.view.setVisible(not collapsed)
        self.header.setVisible(not collapsed)
        self._top.setContentsMargins(0, 0, 0 if collapsed else 6, 0)
        self.vertical_title.setVisible(collapsed)
        self.setFixedWidth(COLLAPSED_WIDTH if collapsed else self._width)
        self._set_button()
        self.update_header(filtered=False)
        self.collapsed_changed.emit(collapsed)

    def _set_button(self) -> None:
        title = translated(COLUMN_TITLES[self.column])
        if self.collapsed:
            self.collapse_button.setText("›")
            tip = self.tr("Expand “{column}”").format(column=title)
        else:
            self.collapse_button.setText("‹")
            tip = self.tr("Collapse “{column}”").format(column=title)
        self.collapse_button.setToolTip(tip)
        self.collapse_button.setAccessibleName(tip)

    def update_header(self, filtered: bool) -> None:
        model = self.view.model()
        total = model.total
        if model.complete:
            shown = str(model.rowCount())
        elif filtered:  # the first screen: how many pass is known once every card is here
            shown = "…"
        else:
            shown = str(min(total, model.recent_limit or total))
        title = translated(COLUMN_TITLES[self.column])
        self.header.setText(
            QCoreApplication.translate("BoardColumn", "{title} · {count}").format(
                title=title, count=shown
            )
        )
        self.vertical_title.setText("\n".join(title) + f"\n\n{shown}")
        self.header.setToolTip(
            # self.tr, not translate(): lupdate marks a plural only in this form.
            self.tr("%n card(s) in this column", "", total)
        )
        self.view.empty_text = (
            QCoreApplication.translate("BoardColumn", "No cards match the filters")
            if filtered and total
            else QCoreApplication.translate("BoardColumn", "No cards")
        )
        beyond = model.beyond_limit
        self.more_button.setText(
            self.tr("%n older: see the Published page", "", beyond) if beyond else ""
        )
        self.more_button.setVisible(bool(beyond) and not self.collapsed)
        self.view.viewport().update()


class ColumnGrip(QWidget):
    """The handle right of a column: drag to widen or narrow it, double-click to reset it."""

    def __init__(self, column: BoardColumn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column
        self.setFixedWidth(10)
        self.setCursor(Qt.CursorShape.SplitHCursor)
        self.setToolTip(
            QCoreApplication.translate(
                "BoardColumn", "Drag to change the column's width; double-click to reset it"
            )
        )
        self._start: tuple[float, int] | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's API
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = (event.globalPosition().x(), self.column.width())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's API
        if self._start is not None:
            x, width = self._start
            self.column.set_width(round(width + event.globalPosition().x() - x))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's API
        self._start = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's API
        self.column.set_width(DEFAULT_WIDTH)


def clamp_width(width: int) -> int:
    return max(MIN_WIDTH, min(MAX_WIDTH, width))


class ColumnStrip(QScrollArea):
    """Every column, in the order of :class:`Column`, scrolling sideways when they do not fit."""

    def __init__(self, models: Iterable[CardListModel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnStrip")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        inner.setObjectName("columnStripInner")
        layout = QHBoxLayout(inner)
        layout.setContentsMargins(12, 4, 12, 12)
        layout.setSpacing(0)
        self.columns: dict[Column, BoardColumn] = {}
        self.grips: dict[Column, ColumnGrip] = {}
        for model in models:
            column = BoardColumn(model, inner)
            grip = ColumnGrip(column, inner)
            layout.addWidget(column)
            layout.addWidget(grip)
            column.collapsed_changed.connect(
                lambda collapsed, g=grip, c=column: g.setHidden(collapsed or c.isHidden())
            )
            self.columns[model.column] = column
            self.grips[model.column] = grip
        layout.addStretch(1)
        self.setWidget(inner)

    def views(self) -> list[ColumnView]:
        return [column.view for column in self.columns.values()]

    def shown(self) -> list[Column]:
        return [c for c, column in self.columns.items() if not column.isHidden()]

    def set_hidden(self, hidden: Sequence[Column]) -> None:
        for column, widget in self.columns.items():
            widget.setHidden(column in hidden)
            self.grips[column].setHidden(column in hidden or widget.collapsed)

    def collapsed(self) -> list[Column]:
        return [c for c, column in self.columns.items() if column.collapsed]

    def set_collapsed(self, collapsed: Sequence[Column]) -> None:
        for column, widget in self.columns.items():
            widget.set_collapsed(column in collapsed)

    def widths(self) -> list[int]:
        return [column.expanded_width() for column in self.columns.values()]

    def set_widths(self, widths: Sequence[int]) -> None:
        for column, width in zip(self.columns.values(), widths, strict=False):
            column.set_width(width)

    def reveal(self, column: Column) -> None:
        """Scroll sideways so that ``column`` is in sight."""
        self.ensureWidgetVisible(self.columns[column], 24, 0)
