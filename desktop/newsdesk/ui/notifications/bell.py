"""The bell in the status bar, with the unread count, and the list it opens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.notifications import NoticeKind, Notification
from newsdesk.store.notifications import Notifications
from newsdesk.ui.notifications.center import Announcer, NotificationCenter
from newsdesk.ui.notifications.texts import headline
from newsdesk.ui.session import Session
from newsdesk.ui.shell.main_window import MainWindow
from newsdesk.ui.widgets.palette import colours

NotificationRole = Qt.ItemDataRole.UserRole + 1
UnreadRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def bell_icon(colour: QColor, size: int = 32) -> QIcon:
    """A bell drawn in ``colour``: no image file to ship, sharp at any scale."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    s = size / 32
    body = QPainterPath()
    body.moveTo(6 * s, 24 * s)
    body.cubicTo(9 * s, 21 * s, 8 * s, 17 * s, 9 * s, 13 * s)
    body.cubicTo(10 * s, 7 * s, 22 * s, 7 * s, 23 * s, 13 * s)
    body.cubicTo(24 * s, 17 * s, 23 * s, 21 * s, 26 * s, 24 * s)
    body.closeSubpath()
    painter.drawPath(body)
    painter.drawEllipse(QPointF(16 * s, 7 * s), 2 * s, 2 * s)
    painter.drawEllipse(QRectF(13 * s, 24 * s, 6 * s, 5 * s))
    painter.end()
    return QIcon(pixmap)


class NotificationModel(QAbstractListModel):
    """The notifications, newest first; unread ones in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = Notifications((), frozenset(), {})

    def set_notifications(self, found: Notifications) -> None:
        self.beginResetModel()
        self.found = found
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() else len(self.found.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.found.items):
            return None
        n = self.found.items[index.row()]
        unread = n.id in self.found.unread
        if role == Qt.ItemDataRole.DisplayRole:
            when = n.at.astimezone().strftime("%m-%d %H:%M")
            detail = " ".join(n.detail.split())
            if n.kind is NoticeKind.DUE:
                detail = self.tr("Due {date}").format(date=n.detail)
            lines = [headline(n, self.found.names), f"{when}  {detail}".strip()]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("unread") if unread else self.tr("read")
            return f"{headline(n, self.found.names)} ({state})"
        if role == Qt.ItemDataRole.FontRole and unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            c = colours()
            return QColor(c.text if unread else c.muted)
        if role == NotificationRole:
            return n
        if role == UnreadRole:
            return unread
        return None


class NotificationPopup(QFrame):
    """The list under the bell: open an item, mark it read, mark all read, the settings."""

    def __init__(self, center: NotificationCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.center = center
        self.setObjectName("notificationPopup")
        self.setAccessibleName(self.tr("Notifications"))
        c = colours()
        self.setStyleSheet(
            f"#notificationPopup {{ background: {c.surface}; border: 1px solid {c.border}; }}"
            f" #notificationPopup QListView {{ background: {c.surface}; border: none; }}"
            f" #notificationPopup QListView::item {{ padding: 6px 4px;"
            f" border-bottom: 1px solid {c.border}; }}"
            f" #notificationPopup QListView::item:selected {{ background: {c.accent_soft};"
            f" color: {c.text}; }}"
        )
        self.title = QLabel(self.tr("Notifications"), self)
        self.title.setStyleSheet(f"font-weight: 600; color: {c.text};")
        self.empty = QLabel(self.tr("Nothing new concerns you."), self)
        self.empty.setStyleSheet(f"color: {c.muted};")
        self.model = NotificationModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Notifications"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(self._open)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.read_button = QPushButton(self.tr("Mark &read"), self)
        self.all_button = QPushButton(self.tr("Mark &all read"), self)
        self.settings_button = QPushButton(self.tr("&Settings…"), self)
        for button, name in (
            (self.open_button, self.tr("Open the item")),
            (self.read_button, self.tr("Mark the notification read")),
            (self.all_button, self.tr("Mark all notifications read")),
            (self.settings_button, self.tr("Notification settings")),
        ):
            button.setAccessibleName(name)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentIndex()))
        self.read_button.clicked.connect(self._mark_read)
        self.all_button.clicked.connect(center.mark_all_read)
        self.settings_button.clicked.connect(self._settings)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.read_button, self.all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(QSize(520, 440))
        center.updated.connect(self.show_notifications)
        self.show_notifications(center.current)

    def show_notifications(self, found: Notifications) -> None:
        keep = self.current()
        self.model.set_notifications(found)
        ids = [n.id for n in found.items]
        if keep is not None and keep.id in ids:
            self.list.setCurrentIndex(self.model.index(ids.index(keep.id)))
        self.empty.setVisible(not found.items)
        self.list.setVisible(bool(found.items))
        self.all_button.setEnabled(found.unread_count > 0)
        self._enable()

    def current(self) -> Notification | None:
        index = self.list.currentIndex()
        found = index.data(NotificationRole) if index.isValid() else None
        return found if isinstance(found, Notification) else None

    def _enable(self) -> None:
        n = self.current()
        self.open_button.setEnabled(n is not None)
        self.read_button.setEnabled(n is not None and n.id in self.model.found.unread)

    def _open(self, index: QModelIndex) -> None:
        n = index.data(NotificationRole) if index.isValid() else None
        if isinstance(n, Notification):
            self.hide()
            self.center.open(n)

    def _mark_read(self) -> None:
        n = self.current()
        if n is not None:
            self.center.mark_read([n.id])

    def _settings(self) -> None:
        from newsdesk.ui.notifications.settings_dialog import SettingsDialog

        self.hide()
        dialog = SettingsDialog(self.center.settings, self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


class Bell(QToolButton):
    """The bell with the unread count; a click opens the list above it."""

    def __init__(self, center: NotificationCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.center = center
        self.setObjectName("notificationBell")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(bell_icon(QColor(colours().text)))
        self.setIconSize(QSize(16, 16))
        self.popup = NotificationPopup(center, self.window())
        self.clicked.connect(self.show_list)
        center.updated.connect(self.show_count)
        self.show_count(center.current)

    @property
    def unread(self) -> int:
        return self.center.current.unread_count

    def show_count(self, found: Notifications) -> None:
        count = found.unread_count
        c = colours()
        self.setText(str(count) if count else "")
        self.setStyleSheet(
            f"#notificationBell {{ color: {c.on_accent}; background: {c.error};"
            " border-radius: 8px; padding: 0 6px; font-weight: 600; }"
            if count
            else ""
        )
        name = QCoreApplication.translate("Bell", "Notifications: %n unread", None, count)
        self.setAccessibleName(name)
        self.setToolTip(name)

    def show_list(self) -> None:
        popup = self.popup
        top_left = self.mapToGlobal(self.rect().topRight())
        popup.move(max(0, top_left.x() - popup.width()), max(0, top_left.y() - popup.height()))
        popup.show()
        popup.list.setFocus()


def install(
    window: MainWindow, session: Session, settings: QSettings, announcer: Announcer | None = None
) -> Bell:
    """The bell in ``window``'s status bar (and the View menu); its notifications load from
    ``bell.center.reload()`` (the desktop's after its first frame: they read every recent row)."""
    center = NotificationCenter(session, settings, window, announcer)
    bell = Bell(center, window)
    window.statusBar().addPermanentWidget(bell)
    action = QAction(QCoreApplication.translate("Bell", "&Notifications"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    action.triggered.connect(bell.show_list)
    window.view_menu.addAction(action)
    return bell
