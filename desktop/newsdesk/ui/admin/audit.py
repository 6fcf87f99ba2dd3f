"""The audit viewer: the newsroom server's audit log, for administrators and auditors.

Sign-ins (successful, failed, throttled) and operations (every accepted or refused change, with
who, when, from where and on what), filtered by person, kind, time and result; the alerts the
server finds (many failed sign-ins, sign-ins at unusual hours or from a new address, mass
deletions or retractions, role changes); "Verify the chain" with its answer; and an export of
what the filter shows to CSV or XLSX. It reads from the server (the log lives there), over the
workspace's sync connection; it changes nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

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
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.sync import audit_export, protocol
from newsdesk.sync.client import SyncClient, SyncError
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job, Runner
from newsdesk.ui.widgets.fields import alive, heading, muted
from newsdesk.ui.widgets.palette import colours

Index = QModelIndex | QPersistentModelIndex
ClientOf = Callable[[], SyncClient | None]
NamesOf = Callable[[], Mapping[str, str]]  # ids of users and channels -> what people call them
_DISPLAY = Qt.ItemDataRole.DisplayRole

# What the Kind filter offers, and the events each choice means.
KINDS: Final = {
    "sign_ins": ("login", "login_failed", "login_throttled", "logout", "password_wrong",
                 "offline_sign_in", "account_unlocked"),
    "changes": ("mutation", "mutation_refused", "forbidden"),
    "desktops": ("desktop_export", "desktop_publish", "offline_sign_in"),
    "audit": ("audit_read", "audit_archived", "ledger_sealed", "restored"),
}  # fmt: skip


def event_text(event: str) -> str:
    translate = QCoreApplication.translate
    texts = {
        "login": translate("AuditLog", "Signed in"),
        "login_failed": translate("AuditLog", "Sign-in failed"),
        "login_throttled": translate("AuditLog", "Sign-in throttled"),
        "logout": translate("AuditLog", "Signed out"),
        "password_wrong": translate("AuditLog", "Wrong current password"),
        "offline_sign_in": translate("AuditLog", "Signed in offline"),
        "account_unlocked": translate("AuditLog", "Login unlocked"),
        "mutation": translate("AuditLog", "Change accepted"),
        "mutation_refused": translate("AuditLog", "Change refused"),
        "forbidden": translate("AuditLog", "Forbidden attempt"),
        "desktop_export": translate("AuditLog", "Exported on a desktop"),
        "desktop_publish": translate("AuditLog", "Published from a desktop"),
        "audit_read": translate("AuditLog", "Audit log read"),
        "audit_archived": translate("AuditLog", "Old entries archived"),
        "ledger_sealed": translate("AuditLog", "Ledger sealed"),
        "restored": translate("AuditLog", "Restored from a backup"),
    }
    return texts.get(event, event)


def result_text(result: str | None) -> str:
    translate = QCoreApplication.translate
    texts = {
        "ok": translate("AuditLog", "succeeded"),
        "failed": translate("AuditLog", "failed"),
        "throttled": translate("AuditLog", "throttled"),
        "refused": translate("AuditLog", "refused"),
        "forbidden": translate("AuditLog", "forbidden"),
    }
    return texts.get(result or "", result or "")


def named(text: str, names: Mapping[str, str]) -> str:
    """``text`` with the ids of users and channels it holds replaced by their names."""
    for key, name in names.items():
        if key in text:
            text = text.replace(key, name)
    return text


def alert_text(alert: protocol.Alert, names: Mapping[str, str]) -> str:
    translate = QCoreApplication.translate
    when = alert.at.astimezone().strftime("%Y-%m-%d %H:%M")
    texts = {
        "failed_sign_ins": translate(
            "AuditLog", "{count} failed sign-ins for {subject} (latest {when})"
        ),
        "unusual_hour": translate("AuditLog", "{subject} signed in at an unusual hour ({when})"),
        "new_address": translate(
            "AuditLog", "{subject} signed in from a new address {detail} ({when})"
        ),
        "mass_removal": translate(
            "AuditLog", "{subject} deleted or retracted {count} items within an hour ({when})"
        ),
        "role_change": translate("AuditLog", "{subject} changed roles or users: {detail} ({when})"),
    }
    return texts[alert.kind].format(
        count=alert.count, subject=alert.subject, when=when, detail=named(alert.detail, names)
    )


def _what(entry: protocol.AuditEntry) -> str:
    """The thing an entry is about, in a few words: the change's kind and item, or a reason."""
    detail = entry.detail
    parts = [str(detail[k]) for k in ("kind", "entity") if detail.get(k)]
    if detail.get("reason"):
        parts.append(str(detail["reason"]))
    for key in ("workstation", "app", "out", "article", "files"):
        if detail.get(key) not in (None, ""):
            parts.append(f"{key}={detail[key]}")
    return " · ".join(parts)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class AuditModel(QAbstractTableModel):
    WHEN, WHO, EVENT, RESULT, ADDRESS, WHAT = range(6)

    def __init__(self, names_of: NamesOf, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[protocol.AuditEntry] = []
        self._names_of = names_of

    def set_entries(self, entries: list[protocol.AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        translate = QCoreApplication.translate
        return (
            translate("AuditLog", "When"),
            translate("AuditLog", "Who"),
            translate("AuditLog", "What happened"),
            translate("AuditLog", "Result"),
            translate("AuditLog", "From"),
            translate("AuditLog", "On what"),
        )[section]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == _DISPLAY:
            if column == self.WHEN:
                return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if column == self.WHO:
                return entry.login
            if column == self.EVENT:
                return event_text(entry.event)
            if column == self.RESULT:
                return result_text(entry.result)
            if column == self.ADDRESS:
                return entry.address or ""
            return named(_what(entry), self._names_of())
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHAT:
            return json.dumps(entry.detail, ensure_ascii=False, indent=1)[:2000]
        if role == Qt.ItemDataRole.ForegroundRole and entry.result not in (None, "ok"):
            return colours().qcolor("error")
        return None


class AuditTab(QWidget):
    """The audit log of the workspace's server (see the module's docstring)."""

    loaded = Signal()  # entries and alerts shown (for tests and screenshots)
    verified = Signal(str)

    def __init__(
        self,
        client_of: ClientOf,
        names_of: NamesOf,
        runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client_of = client_of
        self._names_of = names_of
        self._runner = runner
        self._task: asyncio.Task[None] | None = None
        self._side_task: asyncio.Task[None] | None = None  # a verification or an export
        translate = QCoreApplication.translate
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("Login"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Every kind"), None)
        self.kind.addItem(self.tr("Sign-ins"), "sign_ins")
        self.kind.addItem(self.tr("Changes"), "changes")
        self.kind.addItem(self.tr("Desktop exports and publications"), "desktops")
        self.kind.addItem(self.tr("The audit log itself"), "audit")
        self.result = QComboBox(self)
        self.result.addItem(self.tr("Any result"), None)
        for value in ("ok", "failed", "throttled", "refused", "forbidden"):
            self.result.addItem(result_text(value), value)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(-7), self)
        self.end = QDateEdit(today, self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.apply_button = QPushButton(self.tr("Show"), self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.reload)
        self.person.returnPressed.connect(self.reload)
        self.verify_button = QPushButton(self.tr("Verify the chain"), self)
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self._choose_export)
        for widget, name in (
            (self.person, self.tr("Person")),
            (self.kind, self.tr("Kind")),
            (self.result, self.tr("Result")),
            (self.start, self.tr("From")),
            (self.end, self.tr("To")),
        ):
            widget.setAccessibleName(name)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Person"), self.person),
            (self.tr("Kind"), self.kind),
            (self.tr("Result"), self.result),
            (self.tr("From"), self.start),
            (self.tr("To"), self.end),
        ):
            filters.addWidget(QLabel(text, self))
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        filters.addWidget(self.export_button)
        self.status = muted(QLabel(self))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.alerts = QListWidget(self)
        self.alerts.setObjectName("auditAlerts")
        self.alerts.setAccessibleName(translate("AuditLog", "Alerts"))
        self.alerts_title = heading(translate("AuditLog", "Alerts"))
        self.model = AuditModel(names_of, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.alerts_title)
        upper_layout.addWidget(self.alerts)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._connected()

    def _connected(self) -> bool:
        connected = self._client_of() is not None
        for widget in (self.apply_button, self.verify_button, self.export_button):
            widget.setEnabled(connected)
        if not connected:
            self.status.setText(
                self.tr(
                    "The audit log is kept by the newsroom server; this workspace does not sync "
                    "with one."
                )
            )
        return connected

    def query(self, before: int | None = None) -> dict[str, Any]:
        """The filters as the server's audit query."""
        start = dt.datetime.combine(_day(self.start.date()), dt.time()).astimezone()
        end = dt.datetime.combine(_day(self.end.date()), dt.time()).astimezone()
        found: dict[str, Any] = {
            "start": start.isoformat(),
            "end": (end + dt.timedelta(days=1)).isoformat(),
        }
        if login := self.person.text().strip():
            found["login"] = login
        if kind := self.kind.currentData():
            found["events"] = list(KINDS[kind])
        if result := self.result.currentData():
            found["result"] = result
        if before is not None:
            found["before"] = before
        return found

    def reload(self) -> None:
        client = self._client_of()
        if client is None or not self._connected():
            return
        if self._task is not None:
            self._task.cancel()  # the latest filter wins
        self.status.setText(self.tr("Reading the audit log…"))
        self._task = asyncio.ensure_future(self._load(client, self.query()))

    async def _load(self, client: SyncClient, query: dict[str, Any]) -> None:
        try:
            page = await client.audit_page(query)
        except SyncError as error:
            if alive(self):
                self.status.setText(translated(error.message))
            return
        if not alive(self):
            return
        self.model.set_entries(page.entries)
        self.alerts.clear()
        for alert in page.alerts:
            item = QListWidgetItem(f"⚠ {alert_text(alert, self._names_of())}")
            item.setForeground(colours().qcolor("warning"))
            self.alerts.addItem(item)
        self.alerts_title.setVisible(bool(page.alerts))
        self.alerts.setVisible(bool(page.alerts))
        shown = self.tr("%n entry(s) shown", "", len(page.entries))
        more = self.tr(" (the newest; narrow the filter to see older ones)") if page.more else ""
        self.status.setText(shown + more)
        self.loaded.emit()

    def verify(self) -> None:
        client = self._client_of()
        if client is not None:
            self.status.setText(self.tr("Verifying the chain…"))
            self._side_task = asyncio.ensure_future(self._verify(client))

    async def _verify(self, client: SyncClient) -> None:
        try:
            verdict = await client.verify_audit()
        except SyncError as error:
            text = translated(error.message)
        else:
            if verdict.intact:
                text = self.tr(
                    "The chain verifies: {count} entries intact, none missing, and the users, "
                    "channels, roles and accepted changes are the ones it recorded."
                ).format(count=verdict.entries)
            else:
                text = self.tr(
                    "The chain does NOT verify: {problem} (entry {seq}). Tell the server's "
                    "administrator; keep the database and its backups as they are."
                ).format(problem=verdict.problem, seq=verdict.seq or "-")
        if alive(self):
            self.status.setText(text)
            self.verified.emit(text)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit entries"),
            "audit.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the entries the filter shows (every page of them) to ``path``."""
        client = self._client_of()
        if client is not None:
            self.status.setText(self.tr("Exporting…"))
            self._side_task = asyncio.ensure_future(self._export(client, self.query(), path))

    async def _export(self, client: SyncClient, query: dict[str, Any], path: Path) -> None:
        entries: list[protocol.AuditEntry] = []
        before: int | None = None
        try:
            while True:
                page = await client.audit_page({**query, "limit": 5000, "before": before})
                entries += page.entries
                if not page.more or not page.entries:
                    break
                before = page.entries[-1].seq
        except SyncError as error:
            if alive(self):
                self.status.setText(translated(error.message))
            return
        rows = [entry.model_dump() for entry in reversed(entries)]

        def done(count: int) -> None:
            if alive(self):
                self.status.setText(
                    self.tr("Wrote {count} entries to {path}.").format(count=count, path=path)
                )
                self.loaded.emit()

        Job(lambda: audit_export.write(path, rows)).success(done).failure(
            lambda error: self.status.setText(str(error)) if alive(self) else None
        ).run(self._runner)
