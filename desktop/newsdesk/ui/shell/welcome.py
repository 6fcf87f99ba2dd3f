"""The first screen when no workspace is open: open the demo, open a folder, create one, or
connect one to a newsroom server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Kind, mutation
from newsdesk.passwords import hash_password, password_problem
from newsdesk.preset import Preset, PresetError
from newsdesk.store.workspace import DB_NAME, Workspace, WorkspaceError
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job, Runner
from newsdesk.ui.sync.connect import ConnectDialog


def create_workspace(folder: Path, login: str, name: str, password: str) -> Path:
    """A new workspace whose first user is its administrator."""
    admin = new_id()
    with Workspace.open(folder, create=True) as workspace:
        (applied,) = workspace.store.apply(
            [
                mutation(
                    admin,
                    Kind.USER_CREATE,
                    admin,
                    login=login,
                    name=name,
                    is_admin=True,
                    password_hash=hash_password(password),
                )
            ]
        )
        if not applied.accepted:
            raise ValueError(str(applied.outcome))
    return folder


def open_demo(folder: Path) -> Path:
    """The demo newsroom in ``folder``, created first if it is not there yet."""
    from newsdesk.demo import build_demo  # the demo's generator is not needed to start

    if not (folder / DB_NAME).exists():
        with Workspace.open(folder, create=True) as workspace:
            build_demo(workspace)
    return folder


class NewWorkspaceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New workspace"))
        self.folder = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.login = QLineEdit("admin", self)
        self.name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), row)
        form.addRow(self.tr("Administrator login"), self.login)
        form.addRow(self.tr("Administrator name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._validate)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new workspace"))
        if chosen:
            self.folder.setText(chosen)

    def _validate(self) -> None:
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip():
            problem = self.tr("Choose a folder for the workspace.")
        elif (folder / DB_NAME).exists():
            problem = self.tr("That folder already holds a workspace; open it instead.")
        elif not self.login.text().strip() or not self.name.text().strip():
            problem = self.tr("Give the administrator a login and a name.")
        elif weak := password_problem(
            self.password.text(), self.login.text().strip(), administrator=True
        ):
            problem = translated(weak)
        elif self.password.text() != self.again.text():
            problem = self.tr("The two passwords differ.")
        else:
            self.accept()
            return
        self.problem.setText(problem)


class WelcomeDialog(QDialog):
    """Emits ``chosen`` with the folder of the workspace to open, or ``connected`` with the
    folder of a workspace just connected to a server and the id of the user who signed in.

    With a branch preset it offers first to connect to the branch's server, address filled in;
    a preset that cannot be used is reported here, and every other way to start still works."""

    chosen = Signal(Path)
    connected = Signal(Path, str)

    def __init__(
        self,
        demo_folder: Path,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        preset: Preset | None = None,
        preset_problem: PresetError | None = None,
    ) -> None:
        super().__init__(parent)
        self.preset = preset
        self.setWindowTitle(self.tr("Welcome to Newsdesk"))
        self.demo_folder = demo_folder
        self.runner = runner
        title = QLabel(self.tr("Newsdesk 采编台"), self)
        title.setObjectName("pageTitle")
        text = QLabel(
            self.tr(
                "Open a workspace to start: the demo newsroom to look around, a "
                "workspace folder you already have, a new one for your newsroom, or one "
                "that syncs with your newsroom's server."
            ),
            self,
        )
        text.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.preset_problem = QLabel(self)
        self.preset_problem.setObjectName("formError")
        self.preset_problem.setWordWrap(True)
        self.preset_problem.setVisible(preset_problem is not None)
        if preset_problem is not None:
            self.preset_problem.setText(translated(preset_problem.message))
        self.branch_button = QPushButton(self)
        self.branch_button.setVisible(preset is not None)
        if preset is not None:
            self.branch_button.setText(self.tr("Connect to {branch}…").format(branch=preset.branch))
            self.branch_button.setToolTip(preset.server)
            self.branch_button.setDefault(True)
        self.branch_button.clicked.connect(self._connect_branch)
        self.demo_button = QPushButton(self.tr("Open the demo newsroom"), self)
        open_button = QPushButton(self.tr("Open a workspace…"), self)
        new_button = QPushButton(self.tr("Create a new workspace…"), self)
        server_button = QPushButton(self.tr("Connect to a newsroom server…"), self)
        server_button.clicked.connect(lambda: self._connect())
        self.demo_button.clicked.connect(self._demo)
        open_button.clicked.connect(self._open)
        new_button.clicked.connect(self._new)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.preset_problem)
        buttons = (self.branch_button, self.demo_button, open_button, new_button, server_button)
        for button in buttons:
            button.setMinimumHeight(36)
            layout.addWidget(button)
        layout.addWidget(self.status)
        # Sized to its content, so every wrapped line shows (a preset's problem names a long
        # path) and a status shown later makes room for itself.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.setMinimumWidth(480)

    def _finish(self, folder: Path) -> None:
        self.chosen.emit(folder)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        message = translated(error.message) if isinstance(error, WorkspaceError) else str(error)
        self.status.setText(message)

    def _demo(self) -> None:
        self.setEnabled(False)
        self.status.setText(self.tr("Creating the demo newsroom…"))
        folder = self.demo_folder
        Job(lambda: open_demo(folder)).success(self._finish).failure(self._failed).run(self.runner)

    def _open(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Open a workspace"))
        if chosen:
            self._finish(Path(chosen))

    def _connect(self, server: str = "") -> ConnectDialog:
        dialog = ConnectDialog(self.demo_folder.with_name("newsroom"), self, server=server)
        dialog.connected.connect(self._connected)
        dialog.open()
        self._connect_dialog = dialog
        return dialog

    def _connect_branch(self) -> None:
        if self.preset is not None:
            self._connect(self.preset.server)

    def _connected(self, folder: Path, user_id: str) -> None:
        self.connected.emit(folder, user_id)
        self.accept()

    def _new(self) -> None:
        dialog = NewWorkspaceDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.setEnabled(False)
        self.status.setText(self.tr("Creating the workspace…"))
        folder = Path(dialog.folder.text().strip()).expanduser()
        login, name = dialog.login.text().strip(), dialog.name.text().strip()
        password = dialog.password.text()
        Job(lambda: create_workspace(folder, login, name, password)).success(self._finish).failure(
            self._failed
        ).run(self.runner)
