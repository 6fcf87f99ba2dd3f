"""The quiet notice of a newer desktop release the sync server announces, and its dialog.

Newsdesk never downloads or installs anything by itself: the dialog shows the notes and opens
the installer's address in the browser only when the user clicks it. Dismissing a release
hides the notice until a newer one is announced."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk import __version__
from newsdesk.sync.protocol import DesktopRelease, is_newer

DISMISSED = "updates/dismissed"  # the newest release the user said not to remind them of


def worth_showing(release: DesktopRelease | None, settings: QSettings) -> bool:
    """Whether ``release`` is newer than this desktop and than the one last dismissed."""
    if release is None or not is_newer(release.version, __version__):
        return False
    dismissed = str(settings.value(DISMISSED, ""))
    return not dismissed or is_newer(release.version, dismissed)


class ReleaseDialog(QMessageBox):
    """What the newer release is, its notes, and where its installer is; with ``updates`` (the
    branch preset's page of new versions) that page too."""

    def __init__(
        self,
        release: DesktopRelease,
        settings: QSettings,
        parent: QWidget,
        *,
        updates: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.release = release
        self.settings = settings
        self.updates = updates
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(
            self.tr("Newsdesk {version} is available").format(version=release.version)
        )
        self.setText(
            self.tr(
                "Your branch offers Newsdesk {version}; this desktop runs {current}. Newsdesk "
                "does not update itself: install it from {address}, or ask your IT department."
            ).format(version=release.version, current=__version__, address=release.installer_url)
        )
        notes = [release.notes] if release.notes else []
        if updates is not None:
            notes.append(
                self.tr("Your branch lists its versions at {address}.").format(address=updates)
            )
        if notes:
            self.setInformativeText("\n\n".join(notes))
        self.download = self.addButton(
            self.tr("Open the installer's address"), QMessageBox.ButtonRole.ActionRole
        )
        # Only a web address is opened: the server's word must not start a program here.
        self.download.setEnabled(QUrl(release.installer_url).scheme() in ("http", "https"))
        self.download.clicked.connect(self.open_installer)
        self.branch_page = self.addButton(
            self.tr("Open your branch's page"), QMessageBox.ButtonRole.ActionRole
        )
        self.branch_page.setVisible(updates is not None)
        self.branch_page.clicked.connect(self.open_updates)
        self.dismiss = self.addButton(
            self.tr("Don't remind me of this version"), QMessageBox.ButtonRole.RejectRole
        )
        self.dismiss.clicked.connect(self.dismiss_release)
        self.later = self.addButton(self.tr("Later"), QMessageBox.ButtonRole.AcceptRole)

    def open_installer(self) -> None:
        QDesktopServices.openUrl(QUrl(self.release.installer_url))

    def open_updates(self) -> None:
        if self.updates is not None:
            QDesktopServices.openUrl(QUrl(self.updates))

    def dismiss_release(self) -> None:
        self.settings.setValue(DISMISSED, self.release.version)
