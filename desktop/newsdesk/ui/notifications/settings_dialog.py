"""Which notifications reach the desktop (the tray), and the quiet hours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.notifications import NoticeKind
from newsdesk.ui.notifications import settings as tray_settings
from newsdesk.ui.notifications.texts import kind_name

DEFAULT_QUIET = (dt.time(22, 0), dt.time(7, 0))


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Notification settings"))
        chosen = tray_settings.load(settings)
        kinds = QGroupBox(self.tr("Show on the desktop when Newsdesk is not in front"), self)
        kinds_layout = QVBoxLayout(kinds)
        self.kinds: dict[NoticeKind, QCheckBox] = {}
        for kind in NoticeKind:
            box = QCheckBox(kind_name(kind), kinds)
            box.setChecked(kind not in chosen.muted)
            kinds_layout.addWidget(box)
            self.kinds[kind] = box
        self.quiet = QCheckBox(self.tr("&Quiet hours: no desktop messages"), self)
        self.quiet.setChecked(chosen.quiet_from is not None)
        start, end = (
            (chosen.quiet_from, chosen.quiet_until)
            if chosen.quiet_from is not None and chosen.quiet_until is not None
            else DEFAULT_QUIET
        )
        self.quiet_from = QTimeEdit(QTime(start.hour, start.minute), self)
        self.quiet_until = QTimeEdit(QTime(end.hour, end.minute), self)
        self.quiet_from.setAccessibleName(self.tr("Quiet from"))
        self.quiet_until.setAccessibleName(self.tr("Quiet until"))
        for edit in (self.quiet_from, self.quiet_until):
            edit.setDisplayFormat("HH:mm")
            edit.setEnabled(self.quiet.isChecked())
            self.quiet.toggled.connect(edit.setEnabled)
        hours = QHBoxLayout()
        hours.addWidget(self.quiet)
        hours.addWidget(self.quiet_from)
        hours.addWidget(QLabel(self.tr("to"), self))
        hours.addWidget(self.quiet_until)
        hours.addStretch(1)
        note = QLabel(
            self.tr("The bell counts every notification; these choices are for this computer."),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(kinds)
        layout.addLayout(hours)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> tray_settings.TraySettings:
        quiet = self.quiet.isChecked()
        return tray_settings.TraySettings(
            frozenset(k for k, box in self.kinds.items() if not box.isChecked()),
            self.quiet_from.time().toPython() if quiet else None,  # type: ignore[arg-type]
            self.quiet_until.time().toPython() if quiet else None,  # type: ignore[arg-type]
        )

    def accept(self) -> None:
        tray_settings.save(self.settings, self.chosen())
        super().accept()
