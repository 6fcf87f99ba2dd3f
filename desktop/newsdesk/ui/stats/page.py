"""统计 (Statistics): the newsroom's operations, one tab each.

:attr:`StatsPage.TABS` lists the tabs in order, each built from the session; adding a tab is one
line there. The production statistics go first.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core import operations, workdays
from newsdesk.core.model import (
    AccountMonth,
    MessageClass,
    MessageState,
    Platform,
    PlatformAccount,
    PlatformFigures,
    ReaderMessage,
    User,
)
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.world import Area
from newsdesk.ingest import platform_data
from newsdesk.ingest.platform_data import FIELDS, Plan, Published, Sheet
from newsdesk.store import operations as reads
from newsdesk.store.apply import Applied
from newsdesk.ui.i18n import translated
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore
from newsdesk.ui.stats.production import ProductionTab
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.palette import colours

WATCHED = frozenset({Area.OPERATIONS, Area.MESSAGES, Area.ROLES, Area.CHANNELS, Area.PUBLICATIONS})


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


def field_name(name: str) -> str:
    names = {
        "title": QCoreApplication.translate("Stats", "Title"),
        "url": QCoreApplication.translate("Stats", "Address"),
        "published_on": QCoreApplication.translate("Stats", "Published on"),
        "reads": QCoreApplication.translate("Stats", "Reads"),
        "likes": QCoreApplication.translate("Stats", "Likes"),
        "shares": QCoreApplication.translate("Stats", "Shares"),
        "comments": QCoreApplication.translate("Stats", "Comments"),
        "message_text": QCoreApplication.translate("Stats", "Message text"),
        "message_author": QCoreApplication.translate("Stats", "Message author"),
        "message_time": QCoreApplication.translate("Stats", "Message time"),
        "message_class": QCoreApplication.translate("Stats", "Message class"),
    }
    return names[name]


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def _previous_month() -> str:
    return (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")


class Tab(QWidget):
    """A tab with its message bar, applying changes through the session."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bar = MessageBar()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.bar)

    def apply(self, mutations: list[Mutation], success: str) -> None:
        def done(applied: list[Applied]) -> None:
            report(self.bar, applied, success)

        self.session.apply(mutations, done)


class PlatformTab(Tab):
    """平台数据: the accounts, their months (followers and screenshot), and importing exports."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.accounts: list[PlatformAccount] = []
        self.months: list[AccountMonth] = []
        self.channel_names: dict[str, str] = {}
        self.accounts_table = _table([self.tr("Account"), self.tr("Platform"), self.tr("Channel")])
        self.months_table = _table(
            [self.tr("Account"), self.tr("Month"), self.tr("Followers"), self.tr("Screenshot")]
        )
        self.accounts_table.setAccessibleName(self.tr("Platform accounts"))
        self.months_table.setAccessibleName(self.tr("Monthly records"))
        self.add_button = QPushButton(self.tr("Add account…"))
        self.month_button = QPushButton(self.tr("Record month…"))
        self.import_button = QPushButton(self.tr("Import export…"))
        self.remove_button = QPushButton(self.tr("Remove account…"))
        self.add_button.clicked.connect(self._add_account)
        self.remove_button.clicked.connect(self._remove_account)
        self.month_button.clicked.connect(self._record_month)
        self.import_button.clicked.connect(self._choose_file)
        self.accounts_table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.month_button, self.import_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        self.items_table = _table(
            [
                field_name("title"),
                field_name("published_on"),
                field_name("reads"),
                field_name("likes"),
                field_name("shares"),
                field_name("comments"),
                self.tr("Our article"),
            ]
        )
        self.items_table.setAccessibleName(self.tr("Items of the account"))
        self.items_title = QLabel(self.tr("Choose an account to see its items."))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Platform accounts")))
        column.addWidget(self.accounts_table)
        column.addWidget(QLabel(self.tr("Monthly records (001 §5.6.1)")))
        column.addWidget(self.months_table)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.items_title)
        column.addWidget(self.items_table)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([500, 780])
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(split, 1)
        self.accounts_table.itemSelectionChanged.connect(self.load_items)
        self._enable()

    def show_data(
        self, names: dict[str, str], accounts: list[PlatformAccount], months: list[AccountMonth]
    ) -> None:
        self.channel_names = names
        chosen = self.selected_account()
        self.accounts = accounts
        self.months = months
        by_id = {a.id: a.name for a in accounts}
        _fill(
            self.accounts_table,
            [[a.name, platform_name(a.platform), names.get(a.channel_id, "")] for a in accounts],
        )
        kept = [i for i, a in enumerate(accounts) if chosen is not None and a.id == chosen.id]
        if kept:
            self.accounts_table.selectRow(kept[0])
            self.load_items()
        _fill(
            self.months_table,
            [
                [
                    by_id.get(m.account_id, ""),
                    m.month,
                    f"{m.followers:,}",
                    self.tr("attached") if m.screenshot else self.tr("missing"),
                ]
                for m in months
            ],
        )
        self._enable()

    def _enable(self) -> None:
        actor = self.session.actor
        self.add_button.setEnabled(
            any(operations.may_keep_accounts(actor, c) for c in self.channel_names)
        )
        account = self.selected_account()
        handles = account is not None and operations.may_handle(actor, account.channel_id)
        self.month_button.setEnabled(handles)
        self.import_button.setEnabled(handles)
        self.remove_button.setEnabled(
            account is not None and operations.may_keep_accounts(actor, account.channel_id)
        )

    def selected_account(self) -> PlatformAccount | None:
        row = self.accounts_table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def load_items(self) -> None:
        """Show the chosen account's imported items (read on the database thread)."""
        account = self.selected_account()
        if account is None:
            return
        account_id = account.id

        def load(conn: Any) -> list[PlatformFigures]:
            return reads.figures_of(conn, account_id)

        def show(items: list[PlatformFigures]) -> None:
            if self.selected_account() != account:
                return
            self.items_title.setText(
                self.tr("Items of %1: %2")
                .replace("%1", account.name)
                .replace("%2", str(len(items)))
            )
            _fill(
                self.items_table,
                [
                    [
                        f.title,
                        f.published_on.isoformat(),
                        f"{f.reads:,}",
                        f"{f.likes:,}",
                        f"{f.shares:,}",
                        f"{f.comments:,}",
                        self.tr("matched") if f.article_id else "",
                    ]
                    for f in items
                ],
            )

        self.session.read(load, show, owner=self)  # the tab may be gone when the items come

    def _add_account(self) -> None:
        dialog = AccountDialog(
            {
                c: n
                for c, n in self.channel_names.items()
                if operations.may_keep_accounts(self.session.actor, c)
            },
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_account(dialog)

    def add_account(self, dialog: AccountDialog) -> None:
        """Add the account ``dialog`` describes."""
        name = dialog.name.text().strip()
        self.apply(
            [
                self.session.mutation(
                    Kind.ACCOUNT_ADD,
                    channel_id=dialog.channel.currentData(),
                    platform=dialog.platform.currentData(),
                    name=name,
                )
            ],
            self.tr("Account “%1” added.").replace("%1", name),
        )

    def _remove_account(self) -> None:
        account = self.selected_account()
        if account is not None:
            self.ask_to_remove(account)

    def ask_to_remove(self, account: PlatformAccount) -> QMessageBox:
        """Ask before removing ``account``, naming it and the monthly records that go with it;
        the window-modal question is returned (and removes the account when accepted)."""
        months = sum(m.account_id == account.id for m in self.months)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove account"))
        box.setText(
            self.tr("Remove the account “%1” (%2, %3)?")
            .replace("%1", account.name)
            .replace("%2", platform_name(account.platform))
            .replace("%3", self.channel_names.get(account.channel_id, ""))
        )
        box.setInformativeText(
            self.tr(
                "Its %n monthly record(s) go with it. The messages already registered stay in "
                "the register.",
                "",
                months,
            )
        )
        box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self.remove_account(account))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def remove_account(self, account: PlatformAccount) -> None:
        self.apply(
            [self.session.mutation(Kind.ACCOUNT_UPDATE, account.id, removed=True)],
            self.tr("Account “%1” removed.").replace("%1", account.name),
        )

    def _record_month(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        dialog = MonthDialog(account, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.record_month(account, dialog.month.text(), dialog.followers.value(), dialog.screenshot)

    def record_month(
        self, account: PlatformAccount, month: str, followers: int, path: Path | None
    ) -> None:
        """Record ``account``'s month, with the screenshot at ``path`` when there is one."""
        args: dict[str, Any] = {"month": month, "followers": followers}
        if path is None:
            self._record(account, args, None)
            return
        blobs = self.session.workspace.blobs

        def keep(conn: Any) -> tuple[str, int]:  # copying a large picture takes a while
            del conn
            return blobs.put_file(path), path.stat().st_size

        self.session.read(
            keep,
            lambda kept: self._record(account, args, (path, *kept)),
            lambda error: self.bar.show_message(str(error), Tone.ERROR),
        )

    def _record(
        self, account: PlatformAccount, args: dict[str, Any], picture: tuple[Path, str, int] | None
    ) -> None:
        mutations = []
        if picture is not None:
            path, sha, size = picture
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            mutations.append(
                self.session.mutation(
                    Kind.ATTACHMENT_ADD, sha, mime=mime, size=size, name=path.name[:255]
                )
            )
            args = {**args, "screenshot": sha}
        mutations.append(self.session.mutation(Kind.ACCOUNT_RECORD_MONTH, account.id, **args))
        self.apply(mutations, self.tr("Month %1 recorded.").replace("%1", args["month"]))

    def _choose_file(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import export"), "", self.tr("Exports (*.csv *.xlsx)")
        )
        if path:
            self.open_import(account, Path(path))

    def open_import(self, account: PlatformAccount, path: Path) -> ImportDialog:
        dialog = ImportDialog(self.session, account, path, self)
        dialog.imported.connect(self.bar.show_message)
        dialog.open()
        return dialog


class AccountDialog(QDialog):
    def __init__(self, channels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add account"))
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(platform_name(platform), platform.value)
        self.channel = QComboBox()
        for channel_id, name in sorted(channels.items(), key=lambda c: c[1]):
            self.channel.addItem(name, channel_id)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Channel"), self.channel)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(False)
        form.addRow(buttons)


class MonthDialog(QDialog):
    """A month's followers and, as §5.6.1 advises, the screenshot of the follower page."""

    def __init__(self, account: PlatformAccount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record month for %1").replace("%1", account.name))
        self.screenshot: Path | None = None
        self.month = QLineEdit(_previous_month())
        self.month.setInputMask("9999-99")
        self.followers = QSpinBox()
        self.followers.setRange(0, 2**31 - 1)
        self.followers.setGroupSeparatorShown(True)
        self.picture = QPushButton(self.tr("Attach screenshot…"))
        self.picture.clicked.connect(self._choose)
        form = QFormLayout(self)
        form.addRow(self.tr("Month"), self.month)
        form.addRow(self.tr("Followers"), self.followers)
        form.addRow(self.tr("Screenshot"), self.picture)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Screenshot"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.screenshot = Path(path)
            self.picture.setText(self.screenshot.name)


class ImportDialog(QDialog):
    """Which column holds which field, a preview of what will be imported, and, when rows are
    bad, each bad line with its reason (and nothing is imported)."""

    imported = Signal(str)

    def __init__(
        self, session: Session, account: PlatformAccount, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Import %1 into %2").replace("%1", path.name).replace("%2", account.name)
        )
        self._session = session
        self._account = account
        self.sheet: Sheet | None = None
        self.articles: list[Published] = []
        self.plan: Plan | None = None
        self.combos: dict[str, QComboBox] = {}
        self.preview = _table([field_name(f) for f in FIELDS[:7]])
        self.preview.setAccessibleName(self.tr("Preview"))
        self.problems = QLabel(self.tr("Reading %1…").replace("%1", path.name))
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Import"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which field each column of the file holds:")))
        layout.addLayout(self.grid)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(960, 600)
        channel_id = account.channel_id
        remembered = session.workspace.store.setting(
            platform_data.mapping_setting(account.platform)
        )

        def load(conn: Any) -> tuple[Sheet, list[Published], str | None]:
            return (
                platform_data.read_sheet(path),
                reads.published_articles(conn, channel_id),
                remembered,
            )

        session.read(load, self._loaded, self._unreadable)

    def _unreadable(self, error: BaseException) -> None:
        if isinstance(error, platform_data.UnreadableFileError):
            self.problems.setText(translated(error.message))
        else:
            self.problems.setText(str(error))

    def _loaded(self, loaded: tuple[Sheet, list[Published], str | None]) -> None:
        self.sheet, self.articles, remembered = loaded
        mapping = platform_data.remembered_mapping(
            self._account.platform, self.sheet.headers, remembered
        )
        for index, header in enumerate(self.sheet.headers):
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            combo.setAccessibleName(self.tr("Field of column %1").replace("%1", header))
            for name in FIELDS:
                combo.addItem(field_name(name), name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header, ""))))
            combo.currentIndexChanged.connect(self.replan)
            self.combos[header] = combo
            self.grid.addWidget(QLabel(header), 0, index)
            self.grid.addWidget(combo, 1, index)
        self.replan()

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.combos.items() if c.currentData()}

    def replan(self) -> None:
        if self.sheet is None:
            return
        made = platform_data.plan(self.sheet, self.mapping(), self.articles)
        if isinstance(made, Plan):
            self.plan = made
            self.problems.setText(
                self.tr("%1 items (%2 matched to our articles) and %3 messages will be imported.")
                .replace("%1", str(len(made.figures)))
                .replace("%2", str(made.matched))
                .replace("%3", str(len(made.messages)))
            )
            _fill(
                self.preview,
                [[str(f.get(h, "")) for h in FIELDS[:7]] for f in made.figures[:200]],
            )
            self.ok.setEnabled(bool(made.figures or made.messages))
        else:
            self.plan = None
            lines = [
                self.tr("Line %1: %2")
                .replace("%1", str(p.line))
                .replace("%2", translated(p.message))
                for p in made[:20]
            ]
            more = len(made) - len(lines)
            if more > 0:
                lines.append(self.tr("…and %1 more bad lines.").replace("%1", str(more)))
            self.problems.setText(
                self.tr("Nothing will be imported until these lines are put right:")
                + "\n"
                + "\n".join(lines)
            )
            self.preview.setRowCount(0)
            self.ok.setEnabled(False)

    def _import(self) -> None:
        if self.plan is None:
            return
        self.ok.setEnabled(False)
        self._session.apply(
            [self._session.mutation(Kind.ACCOUNT_IMPORT, self._account.id, **self.plan.args())],
            self._imported,
        )

    def _imported(self, applied: list[Applied]) -> None:
        refused = [a for a in applied if not a.accepted]
        if refused:
            self.problems.setText(translated(refused[0].outcome.message))  # type: ignore[union-attr]
            self.ok.setEnabled(True)
            return
        assert self.plan is not None
        store = self._session.workspace.store
        setting = platform_data.mapping_setting(self._account.platform)
        mapping = json.dumps(self.mapping(), ensure_ascii=False)

        def remember(conn: Any) -> None:
            del conn
            store.set_setting(setting, mapping)

        self._session.read(remember, lambda _: None, owner=self._session)
        self.imported.emit(
            self.tr("%1 items and %2 messages imported.")
            .replace("%1", str(len(self.plan.figures)))
            .replace("%2", str(len(self.plan.messages)))
        )
        self.accept()


class TargetsTab(Tab):
    """年度目标 (001 §6.1): each target and how far the year has come."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.channel_names: dict[str, str] = {}
        self.accounts: list[PlatformAccount] = []
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.set_button = QPushButton(self.tr("Set target…"))
        self.set_button.setVisible(session.actor.is_admin)
        self.set_button.clicked.connect(self._set_target)
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
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.table.setAccessibleName(self.tr("Yearly targets"))
        top.addWidget(self.set_button)
        top.addStretch()
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(
            QLabel(
                self.tr(
                    "Publications count our articles published in the year; reads and "
                    "followers come from the imported platform data and the monthly records."
                )
            )
        )

    def show_data(
        self,
        names: dict[str, str],
        accounts: list[PlatformAccount],
        progress: list[reads.Progress],
    ) -> None:
        self.channel_names = names
        self.accounts = accounts
        account_names = {a.id: a.name for a in accounts}

        def share(done: int, goal: int) -> str:
            percent = f" ({done * 100 // goal}%)" if goal else ""
            return f"{done:,} / {goal:,}{percent}"

        _fill(
            self.table,
            [
                [
                    names.get(p.target.channel_id, ""),
                    account_names.get(p.target.account_id or "", self.tr("All accounts")),
                    share(p.publications, p.target.publications),
                    share(p.reads, p.target.reads),
                    share(p.followers, p.target.followers),
                ]
                for p in progress
            ],
        )

    def _set_target(self) -> None:
        dialog = TargetDialog(self.channel_names, self.accounts, self.year.value(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_target(dialog)

    def set_target(self, dialog: TargetDialog) -> None:
        """Set the target ``dialog`` describes."""
        channel_id = dialog.channel.currentData()
        account_id = dialog.account.currentData() or None
        year = dialog.year.value()
        args: dict[str, Any] = {
            "channel_id": channel_id,
            "year": year,
            "publications": dialog.publications.value(),
            "reads": dialog.reads.value(),
            "followers": dialog.followers.value(),
        }
        if account_id:
            args["account_id"] = account_id
        self.apply(
            [
                self.session.mutation(
                    Kind.TARGET_SET, operations.target_id(channel_id, account_id, year), **args
                )
            ],
            self.tr("Target for %1 saved.").replace("%1", str(year)),
        )


class TargetDialog(QDialog):
    def __init__(
        self,
        channels: dict[str, str],
        accounts: list[PlatformAccount],
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set target"))
        self._accounts = accounts
        self.channel = QComboBox()
        for channel_id, name in sorted(channels.items(), key=lambda c: c[1]):
            self.channel.addItem(name, channel_id)
        self.account = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.publications, self.reads, self.followers = QSpinBox(), QSpinBox(), QSpinBox()
        for box in (self.publications, self.reads, self.followers):
            box.setRange(0, 2**31 - 1)
            box.setGroupSeparatorShown(True)
        self.channel.currentIndexChanged.connect(self._accounts_of_channel)
        self._accounts_of_channel()
        form = QFormLayout(self)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Publications"), self.publications)
        form.addRow(self.tr("Reads"), self.reads)
        form.addRow(self.tr("Followers"), self.followers)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accounts_of_channel(self) -> None:
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), "")
        for a in self._accounts:
            if a.channel_id == self.channel.currentData():
                self.account.addItem(a.name, a.id)


class MessagesTab(Tab):
    """留言 (001 §5.4): the register, filtered by class and state; overdue 咨询 stand out in
    the palette's error colour."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.messages: list[ReaderMessage] = []
        self.shown: list[ReaderMessage] = []
        self.accounts: list[PlatformAccount] = []
        self.people: dict[str, list[User]] = {}
        self.users: dict[str, str] = {}
        self.overdue_count = 0
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
        self.add_button = QPushButton(self.tr("Add message…"))
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.answer_button = QPushButton(self.tr("Answer…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.suggestions_button = QPushButton(self.tr("Suggestions for the summary"))
        self.add_button.clicked.connect(self._add)
        self.assign_button.clicked.connect(self._assign)
        self.answer_button.clicked.connect(self._answer)
        self.close_button.clicked.connect(self._close)
        self.suggestions_button.clicked.connect(self.show_suggestions)
        self.table = _table(
            [
                self.tr("Received"),
                self.tr("Class"),
                self.tr("State"),
                self.tr("Assigned to"),
                self.tr("Author"),
                self.tr("Message"),
                self.tr("Answer"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.setAccessibleName(self.tr("Messages"))
        self.category.setAccessibleName(self.tr("Class"))
        self.state.setAccessibleName(self.tr("State"))
        top = QHBoxLayout()
        for w in (
            self.category,
            self.state,
            self.add_button,
            self.assign_button,
            self.answer_button,
            self.close_button,
            self.suggestions_button,
        ):
            top.addWidget(w)
        top.addStretch()
        self.overdue_note = QLabel()
        self.overdue_note.setObjectName("overdueNote")
        self.overdue_note.setVisible(False)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.overdue_note)
        self.layout_.addWidget(self.table)
        self._enable()

    def show_data(
        self,
        messages: list[ReaderMessage],
        accounts: list[PlatformAccount],
        people: dict[str, list[User]],
    ) -> None:
        self.messages = messages
        self.accounts = accounts
        self.people = people
        self.users = {u.id: u.name for users in people.values() for u in users}
        self._refill()

    def show_suggestions(self) -> None:
        """The 建议 of every state, for the periodic summary (001 §5.4 c)."""
        self.state.setCurrentIndex(0)
        self.category.setCurrentIndex(self.category.findData(MessageClass.SUGGESTION.value))

    def _refill(self) -> None:
        category, state = self.category.currentData(), self.state.currentData()
        self.shown = [
            m
            for m in self.messages
            if (not category or m.category == category) and (not state or m.state == state)
        ]
        _fill(
            self.table,
            [
                [
                    m.received_at.astimezone(operations.CHINA).strftime("%Y-%m-%d %H:%M"),
                    class_name(m.category),
                    state_name(m.state),
                    self.users.get(m.assignee or "", ""),
                    m.author,
                    m.text,
                    m.answer,
                ]
                for m in self.shown
            ],
        )
        try:
            calendar = workdays.calendar()
        except workdays.HolidayFileError as error:
            self.overdue_note.setText(translated(error.message))
            self.overdue_note.setVisible(True)
            self._enable()
            return
        now = dt.datetime.now(dt.UTC)
        overdue = QBrush(colours(self.palette()).qcolor("error"))
        late = [m for m in self.messages if operations.is_overdue(m, now, calendar)]
        self.overdue_count = len(late)
        for row, m in enumerate(self.shown):
            if operations.is_overdue(m, now, calendar):
                for column in range(self.table.columnCount()):
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setForeground(overdue)
                        item.setToolTip(
                            self.tr("Not answered within two working days (due %1).").replace(
                                "%1", operations.answer_due(m.received_at, calendar).isoformat()
                            )
                        )
        self.overdue_note.setText(
            self.tr("%n enquiries not answered within two working days.", "", len(late))
            if late
            else ""
        )
        self.overdue_note.setVisible(bool(late))
        self._enable()

    def selected(self) -> ReaderMessage | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _enable(self) -> None:
        actor = self.session.actor
        message = self.selected()
        handles = message is not None and operations.may_handle(actor, message.channel_id)
        open_ = handles and message is not None and message.state != MessageState.CLOSED
        self.assign_button.setEnabled(open_)
        self.answer_button.setEnabled(open_)
        self.close_button.setEnabled(open_)
        self.add_button.setEnabled(
            any(operations.may_handle(actor, a.channel_id) for a in self.accounts)
        )

    def _add(self) -> None:
        accounts = [
            a for a in self.accounts if operations.may_handle(self.session.actor, a.channel_id)
        ]
        dialog = MessageDialog(accounts, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_message(dialog)

    def add_message(self, dialog: MessageDialog) -> None:
        """Register the 留言 ``dialog`` describes."""
        chosen = dialog.received.dateTime()
        received = dt.datetime(
            chosen.date().year(),
            chosen.date().month(),
            chosen.date().day(),
            chosen.time().hour(),
            chosen.time().minute(),
            tzinfo=operations.CHINA,
        )
        self.apply(
            [
                self.session.mutation(
                    Kind.MESSAGE_ADD,
                    account_id=dialog.account.currentData(),
                    text=dialog.text.toPlainText().strip(),
                    author=dialog.author.text().strip(),
                    received_at=received.isoformat(),
                    category=dialog.category.currentData(),
                )
            ],
            self.tr("Message registered."),
        )

    def _assign(self) -> None:
        message = self.selected()
        people = self.people.get(message.channel_id, []) if message is not None else []
        if message is None or not people:
            return
        ids = [u.id for u in people]
        names = [u.name for u in people]
        current = ids.index(message.assignee) if message.assignee in ids else 0
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Assign"), self.tr("Who handles this message:"), names, current, False
        )
        if ok:
            self.assign(message, people[names.index(chosen)])

    def assign(self, message: ReaderMessage, user: User) -> None:
        self.apply(
            [self.session.mutation(Kind.MESSAGE_UPDATE, message.id, assignee=user.id)],
            self.tr("Assigned to %1.").replace("%1", user.name),
        )

    def _answer(self) -> None:
        message = self.selected()
        if message is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Answer"), message.text, message.answer
        )
        if ok and text.strip():
            self.answer(message, text.strip())

    def answer(self, message: ReaderMessage, text: str) -> None:
        self.apply(
            [self.session.mutation(Kind.MESSAGE_ANSWER, message.id, answer=text)],
            self.tr("Answer saved."),
        )

    def _close(self) -> None:
        message = self.selected()
        if message is not None:
            self.apply(
                [self.session.mutation(Kind.MESSAGE_CLOSE, message.id)],
                self.tr("Message closed."),
            )


class MessageDialog(QDialog):
    """A 留言 entered by hand (read on a platform's back office, taken by phone…)."""

    def __init__(self, accounts: list[PlatformAccount], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add message"))
        self.account = QComboBox()
        for a in accounts:
            self.account.addItem(f"{a.name} · {platform_name(a.platform)}", a.id)
        self.author = QLineEdit()
        self.author.setMaxLength(100)
        self.received = QDateTimeEdit()
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setDate(QDate.currentDate())
        self.category = QComboBox()
        for c in MessageClass:
            self.category.addItem(class_name(c), c.value)
        self.text = QPlainTextEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("Class"), self.category)
        form.addRow(self.tr("Message"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.text.textChanged.connect(
            lambda: ok.setEnabled(
                bool(self.text.toPlainText().strip()) and self.account.count() > 0
            )
        )
        form.addRow(buttons)


TabFactory = Callable[[Session], QWidget]


class StatsPage(QWidget):
    # (name, factory) in order; each factory takes the session. The production statistics go
    # first, as ("production", ProductionTab) from newsdesk.ui.stats.production.
    TABS: ClassVar[list[tuple[str, TabFactory]]] = [
        ("production", ProductionTab),
        ("platform", PlatformTab),
        ("targets", TargetsTab),
        ("messages", MessagesTab),
    ]

    def __init__(
        self, session: Session, snapshots: SnapshotStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self._session = session
        self._snapshots = snapshots
        self.tabs = QTabWidget()
        self.tab: dict[str, QWidget] = {}
        for name, factory in self.TABS:
            self.tab[name] = factory(session)
            self.tabs.addTab(self.tab[name], self._title(name, self.tab[name]))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)
        session.changed.connect(self._changed)
        targets = self.tab.get("targets")
        if isinstance(targets, TargetsTab):
            targets.year.valueChanged.connect(self.refresh)
        self.refresh()

    def _title(self, name: str, widget: QWidget) -> str:
        titles = {
            "production": self.tr("Production"),
            "platform": self.tr("Platform data"),
            "targets": self.tr("Yearly targets"),
            "messages": self.tr("Messages"),
        }
        return titles.get(name) or widget.windowTitle()

    def _changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if areas & WATCHED:
            self.refresh()

    def refresh(self) -> None:
        actor = self._session.actor
        targets = self.tab.get("targets")
        year = targets.year.value() if isinstance(targets, TargetsTab) else dt.date.today().year

        def load(conn: Any) -> reads.Operations:
            return reads.operations(conn, actor, year)

        self._session.read(load, self._show)

    def _show(self, data: reads.Operations) -> None:
        platform = self.tab.get("platform")
        if isinstance(platform, PlatformTab):
            platform.show_data(data.channels, data.accounts, data.months)
        targets = self.tab.get("targets")
        if isinstance(targets, TargetsTab):
            targets.show_data(data.channels, data.accounts, data.progress)
        register = self.tab.get("messages")
        if isinstance(register, MessagesTab):
            register.show_data(data.messages, data.accounts, data.people)
            late = register.overdue_count
            self.tabs.setTabText(
                self.tabs.indexOf(register),
                self.tr("Messages (%1 overdue)").replace("%1", str(late))
                if late
                else self.tr("Messages"),
            )
