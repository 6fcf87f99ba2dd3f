"""Table models of the administration page: users, channels, and one user's roles per channel.

Each holds plain values from :class:`~newsdesk.store.directory.Directory`; ``data()`` never
touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from newsdesk.core.admin import review_rule_warnings
from newsdesk.core.labels import label
from newsdesk.core.model import Channel, Role, User
from newsdesk.store.directory import Directory
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.palette import colours

Index = QModelIndex | QPersistentModelIndex
ROLES = tuple(Role)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ROLE_LEVEL = {Role.REVIEWER1: 1, Role.REVIEWER2: 2, Role.REVIEWER3: 3}


def applies(role: Role, channel: Channel) -> bool:
    """Whether ``role`` exists in ``channel`` (a level 3 reviewer needs three review levels)."""
    return _ROLE_LEVEL.get(role, 1) <= channel.review_levels


def yes(flag: bool) -> str:
    return "✓" if flag else ""


class UsersModel(QAbstractTableModel):
    LOGIN, NAME, ADMIN, DISABLED, LOCKED, ROLES = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: tuple[User, ...] = ()
        self._summaries: tuple[str, ...] = ()
        self._locks: Mapping[str, dt.datetime | None] = {}

    def set_directory(self, directory: Directory) -> None:
        self.beginResetModel()
        self._users = directory.users
        self._summaries = tuple(self._summary(directory, u.id) for u in directory.users)
        self.endResetModel()

    def set_locks(self, locks: Mapping[str, dt.datetime | None]) -> None:
        """The server's sign-in locks: login -> end of the wait (``None``: until unlocked)."""
        self._locks = dict(locks)
        if self._users:
            self.dataChanged.emit(
                self.index(0, self.LOCKED), self.index(len(self._users) - 1, self.LOCKED)
            )

    def is_locked(self, user: User) -> bool:
        return user.login.lower() in self._locks

    def user(self, row: int) -> User:
        return self._users[row]

    def row_of(self, user_id: str) -> int | None:
        return next((row for row, u in enumerate(self._users) if u.id == user_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY or not 0 <= section < 6:
            return None
        return (
            self.tr("Login"),
            self.tr("Name"),
            self.tr("Administrator"),
            self.tr("Disabled"),
            self.tr("Sign-in"),
            self.tr("Roles"),
        )[section]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        user = self._users[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return (
                user.login,
                user.name,
                yes(user.is_admin),
                yes(user.disabled),
                self._lock_text(user),
                self._summaries[index.row()],
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LOCKED:
            return colours().qcolor("error") if self.is_locked(user) else None
        if role == Qt.ItemDataRole.ForegroundRole and user.disabled:
            return colours().qcolor("faint")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ADMIN, self.DISABLED):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _lock_text(self, user: User) -> str:
        login = user.login.lower()
        if login not in self._locks:
            return ""
        until = self._locks[login]
        if until is None:
            return self.tr("Locked")
        return self.tr("Waiting until {time}").format(
            time=until.astimezone().strftime("%Y-%m-%d %H:%M")
        )

    def _summary(self, directory: Directory, user_id: str) -> str:
        held = directory.roles_of(user_id)
        parts = []
        for channel in directory.channels:
            roles = [translated(label(r)) for r in ROLES if (channel.id, r) in held]
            if roles:
                parts.append(
                    self.tr("{channel}: {roles}").format(
                        channel=channel.name, roles=self.tr(", ").join(roles)
                    )
                )
        return self.tr("; ").join(parts)


class ChannelsModel(QAbstractTableModel):
    NAME, LEVELS, TARGETS, SAME_REVIEWER, TYPO_FAST_PATH, SILENCE_DAYS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channels: tuple[Channel, ...] = ()

    def set_channels(self, channels: Sequence[Channel]) -> None:
        self.beginResetModel()
        self._channels = tuple(channels)
        self.endResetModel()

    def channel(self, row: int) -> Channel:
        return self._channels[row]

    def row_of(self, channel_id: str) -> int | None:
        return next((row for row, c in enumerate(self._channels) if c.id == channel_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._channels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY or not 0 <= section < 6:
            return None
        return (
            self.tr("Channel"),
            self.tr("Review levels"),
            self.tr("Publishes to"),
            self.tr("One person may approve two levels"),
            self.tr("Typo fixes: last level only"),
            self.tr("Publish at least every"),
        )[section]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        channel = self._channels[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return (
                channel.name,
                str(channel.review_levels),
                " · ".join(translated(label(t)) for t in channel.targets),
                yes(channel.allow_same_reviewer),
                yes(channel.typo_fast_path),
                self._interval(channel.silence_days),
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return QColor(channel.colour)
        warned = column in (self.LEVELS, self.SAME_REVIEWER)
        warnings = (
            review_rule_warnings(channel.review_levels, channel.allow_same_reviewer)
            if warned
            else ()
        )
        if warnings and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(translated(w) for w in warnings)
        if warnings and role == Qt.ItemDataRole.ForegroundRole:
            return colours().qcolor("warning")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.LEVELS,
            self.SAME_REVIEWER,
            self.TYPO_FAST_PATH,
            self.SILENCE_DAYS,
        ):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _interval(self, days: int | None) -> str:
        return self.tr("No warning") if days is None else self.tr("%n day(s)", "", days)


class RolesModel(QAbstractTableModel):
    """Channels (rows) × roles (columns), checkable where the role exists in the channel.

    It holds the roles the user has and the ones ticked since; :meth:`changes` is the difference.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channels: tuple[Channel, ...] = ()
        self._held: frozenset[tuple[str, Role]] = frozenset()
        self._ticked: set[tuple[str, Role]] = set()

    def set_roles(self, channels: Sequence[Channel], held: frozenset[tuple[str, Role]]) -> None:
        self.beginResetModel()
        self._channels = tuple(channels)
        self._held = held
        self._ticked = set(held)
        self.endResetModel()

    def changes(self) -> tuple[list[tuple[str, Role]], list[tuple[str, Role]]]:
        """(to grant, to revoke), in channel and role order."""
        order = [(c.id, r) for c in self._channels for r in ROLES]
        grant = [pair for pair in order if pair in self._ticked and pair not in self._held]
        revoke = [pair for pair in order if pair in self._held and pair not in self._ticked]
        return grant, revoke

    def is_modified(self) -> bool:
        grant, revoke = self.changes()
        return bool(grant or revoke)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._channels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(ROLES)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and orientation == Qt.Orientation.Vertical:
            return QColor(self._channels[section].colour) if section < len(self._channels) else None
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return translated(label(ROLES[section])) if 0 <= section < len(ROLES) else None
        return self._channels[section].name if 0 <= section < len(self._channels) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not applies(ROLES[index.column()], self._channels[index.row()]):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        channel, held = self._channels[index.row()], ROLES[index.column()]
        if not applies(held, channel):
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("This channel has fewer review levels.")
            if role == _DISPLAY:
                return "—"
            if role == Qt.ItemDataRole.ForegroundRole:
                return colours().qcolor("faint")
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = (channel.id, held) in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt's name
        if role != Qt.ItemDataRole.CheckStateRole or not (
            self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        pair = (self._channels[index.row()].id, ROLES[index.column()])
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._ticked.add(pair)
        else:
            self._ticked.discard(pair)
        self.dataChanged.emit(index, index, [role])
        return True
