"""The administration page: users and their roles per channel, the channels themselves, and
the newsroom server's audit log.

Every change is a mutation applied through the session, so it syncs and is audited like any
other; a refusal is shown on the message bar with the core's reason. The tables reload when
users, channels or roles change, whoever changed them. An auditor (审计员) sees all of it and
changes nothing: the editing buttons are not there for them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import RoleGrant, User
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.world import Area
from newsdesk.passwords import hash_password
from newsdesk.store.apply import Applied
from newsdesk.store.directory import Directory, directory
from newsdesk.sync.client import SyncClient, SyncError
from newsdesk.sync.status import State, SyncStatus
from newsdesk.ui.admin.audit import AuditTab
from newsdesk.ui.admin.dialogs import ChannelDialog, PasswordDialog, UserDialog
from newsdesk.ui.admin.models import ChannelsModel, RolesModel, UsersModel
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job
from newsdesk.ui.leads.sources_tab import SourcesTab
from newsdesk.ui.session import Session
from newsdesk.ui.sync.controller import SyncController
from newsdesk.ui.widgets.fields import alive, heading, muted
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.outcome import report
from newsdesk.ui.widgets.views import PlaceholderTableView, fit_columns

_AREAS = frozenset({Area.USERS, Area.CHANNELS, Area.ROLES, Area.SOURCES})


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class AdminPage(QWidget):
    """Users and channels for an administrator; a plain explanation for anyone else."""

    def __init__(
        self,
        session: Session,
        sync: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("admin")
        self._session = session
        self._directory = Directory((), (), ())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Administration"), 1.4))
        self.read_only = not session.actor.is_admin
        if self.read_only and not session.user.is_auditor:
            notice = muted(
                QLabel(
                    self.tr(
                        "Only administrators manage users and channels. Ask an administrator "
                        "if you need a role in a channel or a change to one."
                    )
                )
            )
            notice.setObjectName("adminNotice")
            notice.setWordWrap(True)
            layout.addWidget(notice)
            layout.addStretch(1)
            return
        self._sync = sync
        self.message_bar = MessageBar(self)
        self.tabs = QTabWidget()
        self.users_tab = UsersTab(self)
        self.channels_tab = ChannelsTab(self)
        self.audit_tab = AuditTab(
            lambda: sync.client if sync is not None else None,
            self._names,
            session.runner,
            self,
        )
        self.tabs.addTab(self.users_tab, self.tr("Users"))
        self.tabs.addTab(self.channels_tab, self.tr("Channels"))
        self.sources_tab = SourcesTab(session, self.apply, self)
        self.tabs.addTab(self.sources_tab, self.tr("Sources"))
        self.tabs.addTab(self.audit_tab, self.tr("Audit log"))
        if self.read_only:
            notice = muted(
                QLabel(self.tr("You are an auditor: you see everything here and change nothing."))
            )
            layout.addWidget(notice)
            for button in (
                *self.users_tab.editing_buttons(),
                *self.channels_tab.editing_buttons(),
                *self.sources_tab.editing_buttons(),
            ):
                button.hide()
            self.users_tab.roles_table.setEnabled(False)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)
        session.changed.connect(self._changed)
        if sync is not None:
            sync.status.connect(self._sync_status)
        self._locks_task: asyncio.Future[None] | None = None
        self.reload()

    def _names(self) -> dict[str, str]:
        """What people call the users and channels the audit log names by id."""
        found = {u.id: f"{u.name}（{u.login}）" for u in self._directory.users}
        found.update({c.id: c.name for c in self._directory.channels})
        return found

    @property
    def client(self) -> SyncClient | None:
        """The server connection, when this workspace syncs: passwords are set there, where
        the policy is checked and the user's other sign-ins end."""
        return self._sync.client if self._sync is not None else None

    def through_server(self, request: Awaitable[object], success: str) -> None:
        """Send an account request to the server; say how it went; sync to see the result."""

        async def send() -> None:
            try:
                await request
            except SyncError as error:
                if alive(self):
                    self.message_bar.show_message(translated(error.message), Tone.ERROR)
                return
            if alive(self):
                self.message_bar.show_message(success, Tone.INFO)
                self.load_locks()
            if self._sync is not None:
                self._sync.sync_now()

        self._request = asyncio.ensure_future(send())

    def load_locks(self) -> None:
        """Ask the server which logins repeated failed sign-ins locked (administrators only:
        an auditor's desktop has no way to lift them)."""
        client = self.client
        if client is None or self.read_only:
            return
        if self._locks_task is not None:
            self._locks_task.cancel()  # the newest answer wins

        async def ask() -> None:
            try:
                locks = await client.sign_in_locks()
            except SyncError:
                return  # offline or refused: the list shows no locks it does not know of
            if alive(self):
                self.users_tab.show_locks(locks)

        self._locks_task = asyncio.ensure_future(ask())

    def _sync_status(self, status: SyncStatus) -> None:
        if status.state is State.ONLINE and not self.users_tab.locks_known:
            self.load_locks()

    @property
    def session(self) -> Session:
        return self._session

    @property
    def current(self) -> Directory:
        return self._directory

    def reload(self) -> None:
        self._session.read(directory, self._loaded)
        self.sources_tab.reload()
        self.load_locks()

    def _loaded(self, found: Directory) -> None:
        if not alive(self):
            return
        self._directory = found
        self.users_tab.show_directory(found)
        self.channels_tab.show_directory(found)

    def _changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if areas & _AREAS:
            self.reload()

    def apply(
        self,
        mutations: Sequence[Mutation],
        success: str,
        then: Callable[[bool], object] | None = None,
    ) -> None:
        """Apply ``mutations``; say how it went; tell ``then`` whether all were accepted."""

        def done(applied: list[Applied]) -> None:
            if not alive(self):
                return
            accepted = report(self.message_bar, applied, success)
            if then is not None:
                then(accepted)

        self._session.apply(mutations, done, initiator=self)


class UsersTab(QWidget):
    def __init__(self, page: AdminPage) -> None:
        super().__init__(page)
        self._page = page
        self.model = UsersModel(self)
        self.table = PlaceholderTableView()
        self.table.setModel(self.model)
        self.table.set_placeholder(self.tr("No users yet."))
        self.table.setAccessibleName(self.tr("Users"))
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("New user…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.disable_button = QPushButton(self.tr("Disable"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setToolTip(
            self.tr("Let a login locked after repeated failed sign-ins sign in again.")
        )
        self.unlock_button.clicked.connect(self.unlock)
        self.locks_known = False
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.password_button.clicked.connect(self.reset_password)

        self.roles = RolesModel(self)
        self.roles.dataChanged.connect(self._update_roles_buttons)
        self.roles_table = QTableView()
        self.roles_table.setAccessibleName(self.tr("Roles by channel"))
        self.roles_table.setModel(self.roles)
        self.roles_table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.roles_table.setAlternatingRowColors(True)
        self.roles_table.setShowGrid(False)
        self.roles_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.roles_table.horizontalHeader().setMinimumSectionSize(96)
        self.roles_table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.roles_title = heading("")
        self.apply_roles_button = QPushButton(self.tr("Apply role changes"))
        self.apply_roles_button.setDefault(True)
        self.revert_roles_button = QPushButton(self.tr("Undo changes"))
        self.apply_roles_button.clicked.connect(self.apply_roles)
        self.revert_roles_button.clicked.connect(self._show_roles)

        users = QWidget()
        users_layout = QVBoxLayout(users)
        users_layout.setContentsMargins(0, 8, 0, 0)
        users_layout.addLayout(
            _buttons(
                self.new_button,
                self.edit_button,
                self.disable_button,
                self.password_button,
                self.unlock_button,
            )
        )
        users_layout.addWidget(self.table, 1)
        roles = QWidget()
        roles_layout = QVBoxLayout(roles)
        roles_layout.setContentsMargins(0, 8, 0, 0)
        roles_layout.addWidget(self.roles_title)
        hint = muted(
            QLabel(
                self.tr(
                    "Tick the roles the user holds in each channel. Review levels a channel "
                    "does not have cannot be granted."
                )
            )
        )
        hint.setWordWrap(True)
        roles_layout.addWidget(hint)
        roles_layout.addWidget(self.roles_table, 1)
        roles_layout.addLayout(_buttons(self.apply_roles_button, self.revert_roles_button))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(users)
        splitter.addWidget(roles)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    def editing_buttons(self) -> list[QPushButton]:
        return [
            self.new_button,
            self.edit_button,
            self.disable_button,
            self.password_button,
            self.unlock_button,
            self.apply_roles_button,
            self.revert_roles_button,
        ]

    def selected(self) -> User | None:
        index = self.table.currentIndex()
        return self.model.user(index.row()) if index.isValid() else None

    def select(self, user_id: str) -> None:
        row = self.model.row_of(user_id)
        if row is not None:
            self.table.selectRow(row)

    def show_directory(self, found: Directory) -> None:
        chosen = self.selected()
        self.model.set_directory(found)
        fit_columns(self.table, self.model, UsersModel.ROLES)
        self.table.set_stretch_column(UsersModel.ROLES)
        if chosen is not None:
            self.select(chosen.id)
        self._show_roles()
        self._update_buttons()

    def show_locks(self, locks: Mapping[str, dt.datetime | None]) -> None:
        self.locks_known = True
        self.model.set_locks(locks)
        fit_columns(self.table, self.model, UsersModel.ROLES)
        self._update_buttons()

    def unlock(self) -> None:
        user = self.selected()
        client = self._page.client
        if user is None or client is None:
            return
        done = self.tr("{login} is unlocked and can sign in again.").format(login=user.login)
        self._page.through_server(client.unlock(user.login), done)

    def new_user(self) -> None:
        dialog = UserDialog(parent=self)
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _create(self, dialog: UserDialog) -> None:
        login, name = dialog.login.text().strip(), dialog.name.text().strip()
        is_admin, password = dialog.administrator.isChecked(), dialog.password.text()
        is_auditor = dialog.auditor.isChecked()
        session = self._page.session
        done = self.tr("User {login} created.").format(login=login)
        if (client := self._page.client) is not None:
            request = client.create_user(
                login=login, name=name, password=password, is_admin=is_admin, is_auditor=is_auditor
            )
            self._page.through_server(request, done)
            return

        def created(password_hash: str) -> None:
            if not alive(self):
                return
            made = session.mutation(
                Kind.USER_CREATE,
                login=login,
                name=name,
                is_admin=is_admin,
                is_auditor=is_auditor,
                password_hash=password_hash,
            )
            self._page.apply(
                [made],
                done,
                lambda accepted: self.select(made.entity) if accepted else None,
            )

        Job(lambda: hash_password(password)).success(created).run(session.runner)

    def edit_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserDialog(user, self)

        def save() -> None:
            changed = self._page.session.mutation(
                Kind.USER_UPDATE,
                user.id,
                base_version=user.row_version,
                name=dialog.name.text().strip(),
                is_admin=dialog.administrator.isChecked(),
                is_auditor=dialog.auditor.isChecked(),
            )
            self._page.apply([changed], self.tr("User {login} saved.").format(login=user.login))

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def toggle_disabled(self) -> None:
        user = self.selected()
        if user is None:
            return
        disabled = not user.disabled
        changed = self._page.session.mutation(
            Kind.USER_UPDATE, user.id, base_version=user.row_version, disabled=disabled
        )
        success = (
            self.tr("{login} can no longer sign in.")
            if disabled
            else self.tr("{login} can sign in again.")
        )
        self._page.apply([changed], success.format(login=user.login))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = PasswordDialog(user, self)
        session = self._page.session

        def hashed(password_hash: str) -> None:
            if not alive(self):
                return
            changed = session.mutation(Kind.USER_SET_PASSWORD, user.id, password_hash=password_hash)
            self._page.apply(
                [changed], self.tr("New password set for {login}.").format(login=user.login)
            )

        def save() -> None:
            password = dialog.password.text()
            if (client := self._page.client) is not None:
                done = self.tr("New password set for {login}; their other sign-ins ended.")
                request = client.reset_password(user.id, password)
                self._page.through_server(request, done.format(login=user.login))
                return
            Job(lambda: hash_password(password)).success(hashed).run(session.runner)

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def apply_roles(self) -> None:
        user = self.selected()
        if user is None:
            return
        grant, revoke = self.roles.changes()
        session = self._page.session
        mutations = [
            session.mutation(
                Kind.ROLE_GRANT,
                RoleGrant.key(user.id, channel_id, role),
                user_id=user.id,
                channel_id=channel_id,
                role=role.value,
            )
            for channel_id, role in grant
        ] + [
            session.mutation(Kind.ROLE_REVOKE, RoleGrant.key(user.id, channel_id, role))
            for channel_id, role in revoke
        ]
        if mutations:
            self._page.apply(mutations, self.tr("Roles of {login} saved.").format(login=user.login))

    def _selected(self) -> None:
        self._show_roles()
        self._update_buttons()

    def _show_roles(self) -> None:
        user = self.selected()
        found = self._page.current
        if user is None:
            self.roles.set_roles((), frozenset())
            self.roles_title.setText(self.tr("Roles: choose a user above"))
        else:
            self.roles.set_roles(found.channels, found.roles_of(user.id))
            self.roles_title.setText(
                self.tr("Roles of {name} ({login})").format(name=user.name, login=user.login)
            )
        self._update_roles_buttons()

    def _update_roles_buttons(self) -> None:
        modified = self.roles.is_modified()
        self.apply_roles_button.setEnabled(modified)
        self.revert_roles_button.setEnabled(modified)

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.disable_button, self.password_button):
            button.setEnabled(user is not None)
        self.disable_button.setText(
            self.tr("Enable") if user is not None and user.disabled else self.tr("Disable")
        )
        locked = user is not None and self.model.is_locked(user)
        self.unlock_button.setEnabled(locked and self._page.client is not None)


class ChannelsTab(QWidget):
    def __init__(self, page: AdminPage) -> None:
        super().__init__(page)
        self._page = page
        self.model = ChannelsModel(self)
        self.table = PlaceholderTableView()
        self.table.setModel(self.model)
        self.table.set_placeholder(self.tr("No channels yet."))
        self.table.setAccessibleName(self.tr("Channels"))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.new_button = QPushButton(self.tr("New channel…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.new_button.clicked.connect(self.new_channel)
        self.edit_button.clicked.connect(self.edit_channel)
        self.table.doubleClicked.connect(self.edit_channel)
        layout = QVBoxLayout(self)
        layout.addLayout(_buttons(self.new_button, self.edit_button))
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def show_directory(self, found: Directory) -> None:
        index = self.table.currentIndex()
        chosen = self.model.channel(index.row()).id if index.isValid() else None
        self.model.set_channels(found.channels)
        fit_columns(self.table, self.model, ChannelsModel.SAME_REVIEWER)
        self.table.set_stretch_column(ChannelsModel.SAME_REVIEWER)
        row = self.model.row_of(chosen) if chosen else None
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def new_channel(self) -> None:
        dialog = ChannelDialog(parent=self)

        def create() -> None:
            values: dict[str, Any] = dialog.values()
            made = self._page.session.mutation(Kind.CHANNEL_CREATE, **values)
            self._page.apply([made], self.tr("Channel {name} created.").format(name=values["name"]))

        dialog.accepted.connect(create)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def edit_channel(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        channel = self.model.channel(index.row())
        dialog = ChannelDialog(channel, self)

        def save() -> None:
            values = dialog.values()
            changed = self._page.session.mutation(
                Kind.CHANNEL_UPDATE, channel.id, base_version=channel.row_version, **values
            )
            self._page.apply(
                [changed], self.tr("Channel {name} saved.").format(name=values["name"])
            )

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def editing_buttons(self) -> list[QPushButton]:
        return [self.new_button, self.edit_button]

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.table.currentIndex().isValid())
