"""统计 (Statistics): the newsroom's operations, one tab each.

:attr:`StatsPage.TABS` lists the tabs in order; each entry builds its widget from the session,
so a tab is added with one line there.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core import operations, workdays
from newsdesk.core.model import MessageClass, MessageState, Platform, PlatformAccount, ReaderMessage
from newsdesk.core.mutation import Kind
from newsdesk.core.world import Area
from newsdesk.ingest import platform_data
from newsdesk.ingest.platform_data import FIELDS, Plan, Sheet
from newsdesk.store import operations as reads
from newsdesk.store.apply import Applied
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.palette import colours

WATCHED = frozenset({Area.OPERATIONS, Area.MESSAGES, Area.ROLES, Area.CHANNELS})


def platform_name(platform: Platform) -> str:
    names = {
        Platform.WECHAT: QCoreApplication.translate("Stats", "WeChat official account"),
        Platform.WEIBO: QCoreApplication.translate("Stats", "Weibo"),
        Platform.DOUYIN: QCoreApplication.translate("Stats", "Douyin"),
        Platform.TOUTIAO: QCoreApplication.translate("Stats", "Toutiao"),
        Platform.CHANNELS: QCoreApplication.translate("Stats", "WeChat Channels"),
        Platform.APP: QCoreApplication.translate("Stats", "APP"),
        Platform.WEBSITE: QCoreApplication.translate("Stats", "Website"),
        Platform.OTHER: QCoreApplication.translate("Stats", "Other"),
    }
    return names[platform]


def class_name(category: MessageClass) -> str:
    names = {
        MessageClass.ENQUIRY: QCoreApplication.translate("Stats", "Enquiry"),
        MessageClass.COMPLAINT: QCoreApplication.translate("Stats", "Complaint"),
        MessageClass.SUGGESTION: QCoreApplication.translate("Stats", "Suggestion"),
        MessageClass.OTHER: QCoreApplication.translate("Stats", "Other"),
    }
    return names[category]


def state_name(state: MessageState) -> str:
    names = {
        MessageState.OPEN: QCoreApplication.translate("Stats", "Open"),
        MessageState.ANSWERED: QCoreApplication.translate("Stats", "Answered"),
        MessageState.CLOSED: QCoreApplication.translate("Stats", "Closed"),
    }
    return names[state]


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class PlatformTab(QWidget):
    """平台数据: the accounts, their months, and importing an export."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.accounts: list[PlatformAccount] = []
        self.channel_ids: list[str] = []
        self.accounts_table = _table([self.tr("Account"), self.tr("Platform"), self.tr("Channel")])
        self.months_table = _table(
            [self.tr("Account"), self.tr("Month"), self.tr("Followers"), self.tr("Screenshot")]
        )
        self.add_button = QPushButton(self.tr("Add account…"))
        self.month_button = QPushButton(self.tr("Record month…"))
        self.import_button = QPushButton(self.tr("Import export…"))
        self.add_button.clicked.connect(self._add_account)
        self.month_button.clicked.connect(self._record_month)
        self.import_button.clicked.connect(self._import)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.month_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Platform accounts")))
        layout.addWidget(self.accounts_table)
        layout.addWidget(QLabel(self.tr("Monthly records")))
        layout.addWidget(self.months_table)

    def show_data(
        self, names: dict[str, str], accounts: list[PlatformAccount], months: list
    ) -> None:
        self.accounts = accounts
        self.channel_ids = sorted(names)
        by_id = {a.id: a.name for a in accounts}
        _fill(
            self.accounts_table,
            [[a.name, platform_name(a.platform), names.get(a.channel_id, "")] for a in accounts],
        )
        _fill(
            self.months_table,
            [
                [
                    by_id.get(m.account_id, ""),
                    m.month,
                    f"{m.followers:,}",
                    self.tr("attached") if m.screenshot else "",
                ]
                for m in months
            ],
        )
        self.add_button.setEnabled(bool(names))

    def selected_account(self) -> PlatformAccount | None:
        row = self.accounts_table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _add_account(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add account"), self.tr("Account name:"))
        if not ok or not name.strip():
            return
        names = [platform_name(p) for p in Platform]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Add account"), self.tr("Platform:"), names, 0, False
        )
        if not ok:
            return
        channel = self.channel_ids[0]
        self._session.apply(
            [
                self._session.mutation(
                    Kind.ACCOUNT_ADD,
                    channel_id=channel,
                    platform=list(Platform)[names.index(chosen)].value,
                    name=name.strip(),
                )
            ],
            lambda applied: report(self, applied),
        )

    def _record_month(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        followers, ok = QInputDialog.getInt(
            self, self.tr("Record month"), self.tr("Followers at the month's end:"), 0, 0, 2**31 - 1
        )
        if not ok:
            return
        month = dt.date.today().replace(day=1) - dt.timedelta(days=1)
        self._session.apply(
            [
                self._session.mutation(
                    Kind.ACCOUNT_RECORD_MONTH,
                    account.id,
                    month=month.strftime("%Y-%m"),
                    followers=followers,
                )
            ],
            lambda applied: report(self, applied),
        )

    def _import(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import export"), "", self.tr("Exports (*.csv *.xlsx)")
        )
        if path:
            ImportDialog(self._session, account, Path(path), self).open()


class ImportDialog(QDialog):
    """Which column holds which field, a preview of the rows, and what is wrong with them."""

    def __init__(
        self, session: Session, account: PlatformAccount, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self._session = session
        self._account = account
        self.sheet: Sheet | None = None
        self.plan: Plan | None = None
        self.combos: dict[str, QComboBox] = {}
        self.preview = _table([])
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.preview)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        try:
            self.sheet = platform_data.read_sheet(path)
        except platform_data.UnreadableFileError as error:
            self.problems.setText(
                QCoreApplication.translate("Import", error.message.source).format(
                    **error.message.params
                )
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        remembered = session.workspace.store.setting(
            platform_data.mapping_setting(account.platform)
        )
        mapping = platform_data.remembered_mapping(account.platform, self.sheet.headers, remembered)
        for header in self.sheet.headers:
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for name in FIELDS:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header, ""))))
            combo.currentIndexChanged.connect(self.replan)
            self.combos[header] = combo
            self.form.addRow(header, combo)
        self.replan()

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.combos.items() if c.currentData()}

    def replan(self) -> None:
        assert self.sheet is not None
        published = self._session.workspace.store.engine
        with published.connect() as conn:
            articles = reads.published_articles(conn, self._account.channel_id)
        made = platform_data.plan(self.sheet, self.mapping(), articles)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if isinstance(made, Plan):
            self.plan = made
            self.problems.setText(
                self.tr("%1 items (%2 matched to our articles) and %3 messages will be imported.")
                .replace("%1", str(len(made.figures)))
                .replace("%2", str(made.matched))
                .replace("%3", str(len(made.messages)))
            )
            headers = list(FIELDS[:7])
            self.preview.setColumnCount(len(headers))
            self.preview.setHorizontalHeaderLabels(headers)
            _fill(self.preview, [[str(f.get(h, "")) for h in headers] for f in made.figures[:50]])
            ok.setEnabled(True)
        else:
            self.plan = None
            lines = [
                self.tr("Line %1: %2")
                .replace("%1", str(p.line))
                .replace(
                    "%2",
                    QCoreApplication.translate("Import", p.message.source).format(
                        **p.message.params
                    ),
                )
                for p in made[:20]
            ]
            self.problems.setText(self.tr("Nothing will be imported:") + "\n" + "\n".join(lines))
            ok.setEnabled(False)

    def _import(self) -> None:
        if self.plan is None:
            return
        store = self._session.workspace.store
        store.set_setting(
            platform_data.mapping_setting(self._account.platform),
            json.dumps(self.mapping(), ensure_ascii=False),
        )
        self._session.apply(
            [self._session.mutation(Kind.ACCOUNT_IMPORT, self._account.id, **self.plan.args())],
            self._imported,
        )

    def _imported(self, applied: list[Applied]) -> None:
        report(self, applied)
        if all(a.accepted for a in applied):
            self.accept()


class TargetsTab(QWidget):
    """年度目标: each target and how far the year has come."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.table = _table(
            [
                self.tr("Channel"),
                self.tr("Account"),
                self.tr("Publications"),
                self.tr("Reads"),
                self.tr("Followers"),
            ]
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def show_data(
        self, names: dict[str, str], accounts: dict[str, str], progress: list[reads.Progress]
    ) -> None:
        def share(done: int, goal: int) -> str:
            percent = f" ({done * 100 // goal}%)" if goal else ""
            return f"{done:,} / {goal:,}{percent}"

        _fill(
            self.table,
            [
                [
                    names.get(p.target.channel_id, ""),
                    accounts.get(p.target.account_id or "", self.tr("All accounts")),
                    share(p.publications, p.target.publications),
                    share(p.reads, p.target.reads),
                    share(p.followers, p.target.followers),
                ]
                for p in progress
            ],
        )


class MessagesTab(QWidget):
    """留言: the register, filtered by class and state; overdue 咨询 stand out."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.messages: list[ReaderMessage] = []
        self.shown: list[ReaderMessage] = []
        self.category = QComboBox()
        self.category.addItem(self.tr("All classes"), "")
        for c in MessageClass:
            self.category.addItem(class_name(c), c.value)
        self.state = QComboBox()
        self.state.addItem(self.tr("All states"), "")
        for s in MessageState:
            self.state.addItem(state_name(s), s.value)
        self.category.currentIndexChanged.connect(self._refill)
        self.state.currentIndexChanged.connect(self._refill)
        self.answer_button = QPushButton(self.tr("Answer…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.answer_button.clicked.connect(self._answer)
        self.close_button.clicked.connect(self._close)
        self.table = _table(
            [
                self.tr("Received"),
                self.tr("Class"),
                self.tr("State"),
                self.tr("Author"),
                self.tr("Message"),
                self.tr("Answer"),
            ]
        )
        top = QHBoxLayout()
        for w in (self.category, self.state, self.answer_button, self.close_button):
            top.addWidget(w)
        top.addStretch()
        self.overdue_note = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.overdue_note)
        layout.addWidget(self.table)

    def show_data(self, messages: list[ReaderMessage]) -> None:
        self.messages = messages
        self._refill()

    def _refill(self) -> None:
        category, state = self.category.currentData(), self.state.currentData()
        self.shown = [
            m
            for m in self.messages
            if (not category or m.category == category) and (not state or m.state == state)
        ]
        now = dt.datetime.now(dt.UTC)
        try:
            calendar = workdays.calendar()
        except workdays.HolidayFileError as error:
            self.overdue_note.setText(
                QCoreApplication.translate("Holidays", error.message.source).format(
                    **error.message.params
                )
            )
            calendar = None
        overdue_brush = QBrush(colours(self.palette()).qcolor("error"))
        _fill(
            self.table,
            [
                [
                    m.received_at.astimezone(operations.CHINA).strftime("%Y-%m-%d %H:%M"),
                    class_name(m.category),
                    state_name(m.state),
                    m.author,
                    m.text,
                    m.answer,
                ]
                for m in self.shown
            ],
        )
        late = 0
        for row, m in enumerate(self.shown):
            if calendar is not None and operations.is_overdue(m, now, calendar):
                late += 1
                for column in range(self.table.columnCount()):
                    self.table.item(row, column).setForeground(overdue_brush)
        if calendar is not None:
            self.overdue_note.setText(
                self.tr("%n enquiries not answered within two working days.", "", late)
                if late
                else ""
            )

    def selected(self) -> ReaderMessage | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _answer(self) -> None:
        message = self.selected()
        if message is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Answer"), message.text, message.answer
        )
        if ok and text.strip():
            self._session.apply(
                [self._session.mutation(Kind.MESSAGE_ANSWER, message.id, answer=text.strip())],
                lambda applied: report(self, applied),
            )

    def _close(self) -> None:
        message = self.selected()
        if message is not None:
            self._session.apply(
                [self._session.mutation(Kind.MESSAGE_CLOSE, message.id)],
                lambda applied: report(self, applied),
            )


TabFactory = Callable[[Session], QWidget]


class StatsPage(QWidget):
    # The tabs in order, each (name, title, factory). The production statistics go first.
    TABS: ClassVar[list[tuple[str, str, TabFactory]]] = [
        ("platform", "Platform data", PlatformTab),
        ("targets", "Yearly targets", TargetsTab),
        ("messages", "Messages", MessagesTab),
    ]

    def __init__(
        self, session: Session, snapshots: SnapshotStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self._session = session
        self._snapshots = snapshots
        self.channel_ids: list[str] = []
        self.tabs = QTabWidget()
        self.tab: dict[str, QWidget] = {}
        titles = {
            "platform": self.tr("Platform data"),
            "targets": self.tr("Yearly targets"),
            "messages": self.tr("Messages"),
        }
        for name, title, factory in self.TABS:
            widget = factory(session)
            self.tab[name] = widget
            self.tabs.addTab(widget, titles.get(name, title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)
        session.changed.connect(self._changed)
        self.refresh()

    def _changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if areas & WATCHED:
            self.refresh()

    def refresh(self) -> None:
        actor = self._session.actor
        targets = self.tab.get("targets")
        year = targets.year.value() if isinstance(targets, TargetsTab) else dt.date.today().year

        def load(conn):  # type: ignore[no-untyped-def]
            return (
                reads.channels(conn, actor),
                reads.accounts(conn, actor),
                reads.months(conn, actor),
                reads.progress(conn, actor, year),
                reads.messages(conn, actor),
            )

        self._session.read(load, self._show)

    def _show(self, data: tuple) -> None:  # type: ignore[type-arg]
        names, accounts, months, progress, messages = data
        self.channel_ids = sorted(names)
        platform = self.tab.get("platform")
        if isinstance(platform, PlatformTab):
            platform.show_data(names, accounts, months)
        targets = self.tab.get("targets")
        if isinstance(targets, TargetsTab):
            targets.show_data(names, {a.id: a.name for a in accounts}, progress)
        register = self.tab.get("messages")
        if isinstance(register, MessagesTab):
            register.show_data(messages)
