"""Table helpers: a view that says why it is empty, steady column widths, an empty-state panel."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.ui.widgets.fields import heading, muted

MAX_COLUMN_WIDTH = 300
_CELL_PADDING = 20
_HEADER_PADDING = 12


class PlaceholderTableView(QTableView):
    """A read-only, row-selecting table that paints ``placeholder`` while it has no rows.

    With :func:`fit_columns`, one column takes the room the others leave, but never less than
    ``MIN_STRETCH_WIDTH``: on a narrow window the table scrolls sideways instead of squeezing
    titles into "…".
    """

    MIN_STRETCH_WIDTH = 280

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = ""
        self._stretch: int | None = None
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)

    @property
    def placeholder(self) -> str:
        return self._placeholder

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def set_stretch_column(self, column: int) -> None:
        self._stretch = column
        self.fit_stretch_column()

    def fit_stretch_column(self) -> None:
        """Give the stretch column what the viewport has left, at least its minimum."""
        if self._stretch is None or self.model() is None:
            return
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != self._stretch)
        self._fitting = True
        header.resizeSection(
            self._stretch, max(self.MIN_STRETCH_WIDTH, self.viewport().width() - others)
        )
        self._fitting = False

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != self._stretch:
            self.fit_stretch_column()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_stretch_column()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() or not self._placeholder:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
        )
        painter.end()


FIT_SAMPLE = 300  # rows measured when sizing columns


def fit_columns(view: PlaceholderTableView, model: QAbstractItemModel, stretch: int) -> None:
    """Size each column but ``stretch`` to its widest text among rows sampled across the model.

    Qt's own fitting looks only at the rows on screen, so columns would jump while a filter
    changes; these widths stay put, and people can still drag them. ``stretch`` takes the rest.
    A sample of rows spread over the whole model, not every row, keeps this fast at 10,000 rows.
    """
    header = view.horizontalHeader()
    icon = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6
    plain = QFontMetrics(view.font())
    for column in range(model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        if column == stretch:
            continue
        widest = header.sectionSizeHint(column) + _HEADER_PADDING
        for row in range(0, model.rowCount(), max(1, model.rowCount() // FIT_SAMPLE)):
            index = model.index(row, column)
            text = str(index.data() or "")
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font) if isinstance(font, QFont) else plain
            width = metrics.horizontalAdvance(text) + _CELL_PADDING
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width += icon
            widest = max(widest, width)
        header.resizeSection(column, min(widest, MAX_COLUMN_WIDTH))
    view.set_stretch_column(stretch)


class EmptyState(QWidget):
    """A calm, centred explanation of why a page has nothing to show."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(title, 1.25)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = muted(QLabel(text))
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(3)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """A rounded card in the base colour, like the tables on other pages."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.fillPath(path, self.palette().color(QPalette.ColorRole.Base))
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawPath(path)
        painter.end()
        super().paintEvent(event)
