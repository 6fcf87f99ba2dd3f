"""Connecting a workspace to a sync server, and signing in to it again when asked.

The first pull can be long (a whole newsroom); it shows its progress and can be stopped: what
arrived is kept, and connecting again (or the next start) resumes from there.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.store.workspace import Workspace, WorkspaceError
from newsdesk.sync.client import CancelledError, Progress, SyncClient, SyncError, unencrypted
from newsdesk.sync.replica import Replica
from newsdesk.ui.i18n import translated


def unencrypted_address(text: str) -> bool:
    address = text.strip()
    try:
        return address.startswith("http://") and unencrypted(address)
    except (ValueError, httpx.InvalidURL):  # not an address yet, as it is being typed
        return False


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("formError")
    label.setWordWrap(True)
    return label


class ConnectDialog(QDialog):
    """A workspace folder that syncs with a server: emits ``connected`` with the folder and the
    user's id once the first pull finished."""

    connected = Signal(Path, str)

    def __init__(
        self, default_folder: Path, parent: QWidget | None = None, *, server: str = ""
    ) -> None:
        """``server``: the address to fill in (the branch preset's)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a newsroom server"))
        self.folder = QLineEdit(str(default_folder), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("https://newsdesk.example.cn")
        self.plain_http = QCheckBox(
            self.tr("Allow an unencrypted connection (http://) to this server"), self
        )
        self.plain_http.setToolTip(
            self.tr("Only on a network you trust: passwords and articles cross it in clear text.")
        )
        self.plain_http.hide()
        self.server.textChanged.connect(
            lambda text: self.plain_http.setVisible(unencrypted_address(text))
        )
        self.login = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if server:
            self.server.setText(server)
            self.login.setFocus()
        form = QFormLayout()
        form.addRow(self.tr("Workspace folder"), row)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow("", self.plain_http)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.problem = _problem_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._task: asyncio.Task[None] | None = None
        self._stop = False

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the workspace"))
        if chosen:
            self.folder.setText(chosen)

    def problem_with_input(self) -> str | None:
        if not self.folder.text().strip():
            return self.tr("Choose a folder for the workspace.")
        address = self.server.text().strip()
        if not address.startswith(("http://", "https://")):
            return self.tr("The server address must start with http:// or https://.")
        if unencrypted_address(address) and not self.plain_http.isChecked():
            return self.tr(
                "This address is not encrypted (http://): use the server's https:// address, "
                "or tick “Allow an unencrypted connection” if this network is trusted."
            )
        if not self.login.text().strip() or not self.password.text():
            return self.tr("Enter your login and password on the server.")
        return None

    def _start(self) -> None:
        if self._task is not None:
            return
        problem = self.problem_with_input()
        if problem:
            self.problem.setText(problem)
            return
        self.problem.clear()
        self._stop = False
        self._set_busy(True)
        self._task = asyncio.ensure_future(self._connect())

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.folder, self.server, self.login, self.password):
            widget.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Stop") if busy else self.tr("Cancel")
        )

    def _cancel(self) -> None:
        if self._task is None:
            self.reject()
        else:
            self._stop = True
            self.state.setText(self.tr("Stopping after the current page…"))

    def _show(self, progress: Progress) -> None:
        self.progress.setRange(0, max(progress.head, 1))
        self.progress.setValue(progress.cursor)
        self.state.setText(self.tr("%n item(s) received", "", progress.rows))

    async def _connect(self) -> None:
        folder = Path(self.folder.text().strip()).expanduser()
        address = self.server.text().strip()
        login, password = self.login.text().strip(), self.password.text()
        self.state.setText(self.tr("Signing in…"))
        try:
            workspace = await asyncio.to_thread(Workspace.open, folder, create=True)
        except WorkspaceError as error:
            self._finished(translated(error.message))
            return
        client = SyncClient(
            Replica(workspace.store),
            address,
            blobs=workspace.blobs,
            allow_plain_http=self.plain_http.isChecked(),
        )
        try:
            signed = await client.connect(login, password, self._show, lambda: self._stop)
        except CancelledError:
            self._finished(
                self.tr(
                    "Stopped. What arrived is kept in {folder}; connect again to go on."
                ).format(folder=str(folder))
            )
            return
        except SyncError as error:
            self._finished(translated(error.message))
            return
        finally:
            await client.close()
            workspace.close()
        self._task = None
        self.connected.emit(folder, signed.user_id)
        self.accept()

    def _finished(self, problem: str) -> None:
        self._task = None
        self._set_busy(False)
        self.state.clear()
        self.problem.setText(problem)


class PasswordDialog(QDialog):
    """The server asks for the password again (the sign-in expired or was revoked)."""

    def __init__(self, client: SyncClient, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.login = login
        self.setWindowTitle(self.tr("Sign in to the server again"))
        text = QLabel(
            self.tr(
                "The server {server} asks {login} to sign in again. Your work is kept on this "
                "computer meanwhile and is sent once you are signed in."
            ).format(server=client.url, login=login),
            self,
        )
        text.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = _problem_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Work offline"))
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._task: asyncio.Task[None] | None = None

    def _start(self) -> None:
        if self._task is None:
            self.buttons.setEnabled(False)
            self._task = asyncio.ensure_future(self._sign_in(self.password.text()))

    async def _sign_in(self, password: str) -> None:
        try:
            await self.client.sign_in(self.login, password)
        except SyncError as error:
            self._task = None
            self.buttons.setEnabled(True)
            self.problem.setText(translated(error.message))
            self.password.selectAll()
            return
        self._task = None
        self.accept()
