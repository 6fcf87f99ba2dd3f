"""The production statistics tab of the 统计 page: a period and a channel, the charts people would
rather look at, the tables beside them, and exports to XLSX, PDF and CSV.

The report is gathered and computed on the database thread (a year of a large newsroom is more
than the UI thread may spend); files are written on the publishing thread, which touches no
database, with their progress shown under the buttons.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.report_tables import Table, cell_text, heading, report_tables
from newsdesk.core.reports import Report, Scope
from newsdesk.core.rhythm import local_day
from newsdesk.publish.report_files import write_csv, write_xlsx
from newsdesk.store.reads import channel_names, production
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session
from newsdesk.ui.stats.charts import ChartView, report_charts

PERIODS = ("this_month", "last_month", "this_quarter", "this_year", "custom")


def period_of(choice: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of a named period around ``today`` (custom: this month)."""
    month_start = today.replace(day=1)
    if choice == "last_month":
        last = month_start - dt.timedelta(days=1)
        return last.replace(day=1), last
    if choice == "this_quarter":
        first = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        after = (first + dt.timedelta(days=95)).replace(day=1)
        return first, after - dt.timedelta(days=1)
    if choice == "this_year":
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    after = (month_start + dt.timedelta(days=32)).replace(day=1)
    return month_start, after - dt.timedelta(days=1)


def _translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


class TableModel(QAbstractTableModel):
    """One report table for a QTableView; cells are plain values, ``data()`` does no work."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = Table("", "", (), ())

    def show(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table.headings)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        value = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value, index.column() in self.table.shares)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.table.headings[section]
        return None


class _Progress(QObject):
    """Carries an export's progress from the publishing thread to the progress bar."""

    moved = Signal(int, int)


class ProductionTab(QWidget):
    """Production statistics for a period and a channel, with their exports."""

    loaded = Signal()  # a report is on screen
    exported = Signal(str)  # the file an export wrote

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: Report | None = None
        self.tables: tuple[Table, ...] = ()
        self._asked = 0
        self._progress = _Progress(self)

        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for key, text in zip(
            PERIODS,
            (
                self.tr("This month"),
                self.tr("Last month"),
                self.tr("This quarter"),
                self.tr("This year"),
                self.tr("Custom"),
            ),
            strict=True,
        ):
            self.period.addItem(text, key)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, self.tr("From")), (self.last, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Channel"))
        self.channel.addItem(self.tr("All channels"), None)
        self.buttons = {
            suffix: QPushButton(text)
            for suffix, text in (
                (".xlsx", self.tr("Export XLSX…")),
                (".pdf", self.tr("Export PDF…")),
                (".csv", self.tr("Export table as CSV…")),
            )
        }
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addWidget(self.first)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.last)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Channel:")))
        bar.addWidget(self.channel)
        bar.addStretch(1)
        for button in self.buttons.values():
            bar.addWidget(button)

        self.charts = [ChartView() for _ in range(3)]
        chart_row = QWidget()
        charts = QHBoxLayout(chart_row)
        charts.setContentsMargins(0, 0, 0, 0)
        for view in self.charts:
            charts.addWidget(view)
        self.table_tabs = QTabWidget()
        self.models: list[TableModel] = []
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(chart_row)
        splitter.addWidget(self.table_tabs)
        splitter.setSizes([260, 340])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.progress)
        layout.addLayout(footer)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.first.dateChanged.connect(self.refresh)
        self.last.dateChanged.connect(self.refresh)
        self.channel.currentIndexChanged.connect(self.refresh)
        for suffix, button in self.buttons.items():
            button.clicked.connect(lambda _=False, s=suffix: self._ask_and_export(s))
        self._progress.moved.connect(self._moved)
        self.session.read(channel_names, self._show_channels)
        self._period_chosen()

    # -- the period and the channel -------------------------------------------------------------

    def today(self) -> dt.date:
        return local_day(dt.datetime.now(dt.UTC))

    def _period_chosen(self) -> None:
        custom = self.period.currentData() == "custom"
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            first, last = period_of(self.period.currentData(), self.today())
            for edit, day in ((self.first, first), (self.last, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.refresh()

    def _show_channels(self, channels: list[tuple[str, str]]) -> None:
        scope = Scope.of(self.session.actor)
        for name, channel_id in channels:
            if scope.channels is None or channel_id in scope.channels:
                self.channel.addItem(name, channel_id)

    def span(self) -> tuple[dt.date, dt.date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, dt.date) and isinstance(last, dt.date)
        return first, last

    # -- the report -------------------------------------------------------------------------------

    def refresh(self) -> None:
        first, last = self.span()
        if last < first:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        self._asked += 1
        asked = self._asked
        scope = Scope.of(self.session.actor).narrowed(self.channel.currentData())
        self.status.setText(self.tr("Counting…"))
        self.session.read(
            production(first, last, scope, min(self.today(), last)),
            lambda report: self._show(asked, report),
            owner=self,
        )

    def _show(self, asked: int, report: Report) -> None:
        if asked != self._asked:
            return  # a later request is on its way
        self.report = report
        self.tables = report_tables(report, _translate)
        for chart_view, chart in zip(self.charts, report_charts(report, _translate), strict=True):
            chart_view.show_chart(chart)
        current = self.table_tabs.currentIndex()
        if not self.models:
            for table in self.tables:
                model = TableModel(self)
                view = QTableView()
                view.setAccessibleName(table.title)
                view.setModel(model)
                view.verticalHeader().setVisible(False)
                view.horizontalHeader().setSectionResizeMode(
                    QHeaderView.ResizeMode.ResizeToContents
                )
                self.models.append(model)
                self.table_tabs.addTab(view, table.title)
        for model, table in zip(self.models, self.tables, strict=True):
            model.show(table)
        self.table_tabs.setCurrentIndex(max(current, 0))
        self.status.setText(
            self.tr("{published} articles published, {characters} characters.").format(
                published=report.total.articles_published, characters=report.total.zishu
            )
        )
        self.loaded.emit()

    # -- exports ----------------------------------------------------------------------------------

    def _ask_and_export(self, suffix: str) -> None:
        first, last = self.span()
        name = f"{first.isoformat()}_{last.isoformat()}{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), str(Path.home() / name), f"*{suffix}"
        )
        if path:
            self.export_to(Path(path).with_suffix(suffix))

    def export_to(self, path: Path) -> None:
        """Write the report on screen to ``path`` (by its extension) in the background; CSV
        writes the table shown."""
        if self.report is None:
            return
        report, tables = self.report, self.tables
        first, last = report.first, report.last
        title = heading(self.tr("New-media department"), first, last, _translate)
        table = tables[self.table_tabs.currentIndex()]
        moved = self._progress.moved.emit
        suffix = path.suffix.lower()

        def write() -> Path:
            if suffix == ".pdf":
                from newsdesk.ui.stats.report_pdf import write_pdf

                write_pdf(path, title, report, tables, moved)
            elif suffix == ".xlsx":
                write_xlsx(path, title, tables, _translate, moved)
            else:
                write_csv(path, table)
                moved(1, 1)
            return path

        for button in self.buttons.values():
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Writing {name}…").format(name=path.name))
        Job(write, self).success(self._written).failure(self._not_written).run(
            self.session.publishing
        )

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.progress.setVisible(False)
        for button in self.buttons.values():
            button.setEnabled(True)

    def _written(self, path: Path) -> None:
        self._finished()
        self.status.setText(self.tr("Wrote {path}.").format(path=path))
        self.exported.emit(str(path))

    def _not_written(self, error: BaseException) -> None:
        self._finished()
        self.status.setText(self.tr("Could not write the file: {reason}").format(reason=error))
