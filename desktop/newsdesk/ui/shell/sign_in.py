"""Signing in to a workspace as one of its users."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import User
from newsdesk.passwords import verify_password
from newsdesk.store.workspace import DEMO_LOGIN
from newsdesk.ui.jobs import Job, Runner


class SignInDialog(QDialog):
    """Asks for a login and password; checking the password (Argon2) runs off the UI thread."""

    signed_in = Signal(str)  # user id

    def __init__(
        self,
        users: Sequence[User],
        workspace_name: str,
        runner: Runner,
        last_login: str | None = None,
        parent: QWidget | None = None,
        *,
        demo_password: str | None = None,
    ) -> None:
        """``demo_password``: the workspace is the demo newsroom, whose password the dialog
        tells and fills in; it offers an editor first unless someone signed in before."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Newsdesk"))
        self.runner = runner
        self._users = {u.login: u for u in users if not u.disabled}
        intro = QLabel(self.tr("Workspace: {name}").format(name=workspace_name), self)
        intro.setWordWrap(True)
        self.login = QComboBox(self)
        self.login.setEditable(True)
        for user in self._users.values():
            self.login.addItem(f"{user.login}  ·  {user.name}", user.login)
        if demo_password is not None and last_login not in self._users:
            last_login = DEMO_LOGIN
        if last_login in self._users:
            self.login.setCurrentIndex(self.login.findData(last_login))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.demo_note = QLabel(self)
        self.demo_note.setTextFormat(Qt.TextFormat.PlainText)
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(demo_password is not None)
        if demo_password is not None:
            self.demo_note.setText(
                self.tr(
                    "This is the demo newsroom: every user's password is “{password}”. Try "
                    "editor (writes), reviewer1 (reviews), publisher (signs off) or chief."
                ).format(password=demo_password)
            )
            self.password.setText(demo_password)
        self.problem = QLabel(self)
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("User"), self.login)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.demo_note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.password.setFocus()

    def chosen_login(self) -> str:
        data = self.login.currentData()
        text = self.login.currentText().split("·")[0].strip().lower()
        return str(data) if data and self.login.currentText().startswith(str(data)) else text

    def _check(self) -> None:
        user = self._users.get(self.chosen_login())
        password = self.password.text()
        self.buttons.setEnabled(False)
        stored = user.password_hash if user else None

        def shown(ok: bool) -> None:
            self.buttons.setEnabled(True)
            if ok and user is not None:
                self.signed_in.emit(user.id)
                self.accept()
                return
            self.problem.setText(self.tr("The user or the password is wrong."))
            self.problem.show()
            self.password.selectAll()
            self.password.setFocus()

        Job(lambda: verify_password(stored, password)).success(shown).run(self.runner)
