"""The dialogs of publishing: publish (with the correction note a correction needs), start a
correction (full review or the typo short path), retract with a reason, and the administrator's
publishing settings.

Each is opened with ``open()``; the caller reads the answer when ``accepted`` fires.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import Target
from newsdesk.publish.publisher import TARGET_ORDER, PublishingSettings
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import DIALOG_MARGIN, heading, muted
from newsdesk.ui.widgets.palette import colours
from newsdesk.ui.widgets.publish_time import publish_time_text

MAX_NOTE = 5000  # the schema's limit for a correction note
MAX_REASON = 2000  # and for a retraction reason


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def _framed(dialog: QDialog) -> QVBoxLayout:
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN)
    return layout


class _TextWithLimit(QWidget):
    """A plain-text box with a character count that turns red past ``limit``."""

    def __init__(self, placeholder: str, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        self.count = muted(QLabel(self))
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def valid(self, required: bool) -> bool:
        length = len(self.text())
        return (length > 0 or not required) and length <= self.limit

    def _update(self) -> None:
        length = len(self.text())
        self.count.setText(
            self.tr("{count}/{limit} characters").format(count=length, limit=self.limit)
        )
        self.count.setStyleSheet(f"color: {colours().error};" if length > self.limit else "")


class PublishDialog(QDialog):
    """Confirms publishing an article to its targets; a correction must say what it corrects
    (readers see the note under the article). An article scheduled for later (定时发布) says
    so: publishing it now is the publisher's choice, and cancels that time."""

    def __init__(
        self,
        title: str,
        targets: tuple[Target, ...],
        *,
        correction: bool,
        scheduled: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.correction = correction
        self.setWindowTitle(self.tr("Publish correction") if correction else self.tr("Publish"))
        self.setMinimumWidth(480)
        names = " · ".join(t.value.upper() for t in targets)
        where = QLabel(self.tr("Goes out to: {targets}").format(targets=names or "—"))
        where.setObjectName("targets")
        where.setWordWrap(True)
        self.note = _TextWithLimit(
            self.tr("What was corrected, for readers (required)"), MAX_NOTE, self
        )
        buttons, self.ok_button = _buttons(
            self, self.tr("Publish correction") if correction else self.tr("Publish")
        )
        layout = _framed(self)
        layout.addWidget(heading(self.tr("Publish “{title}”").format(title=title)))
        layout.addWidget(where)
        if scheduled is not None:
            early = QLabel(
                self.tr(
                    "It is scheduled to go out by itself at {time}. Publishing it now cancels "
                    "that time."
                ).format(time=publish_time_text(scheduled))
            )
            early.setObjectName("scheduledNote")
            early.setWordWrap(True)
            layout.addWidget(early)
        if correction:
            explanation = QLabel(
                self.tr(
                    "This revision corrects a published article. The note is shown under the "
                    "article on every target, with the date of the correction."
                )
            )
            explanation.setWordWrap(True)
            layout.addWidget(explanation)
            layout.addWidget(self.note, 1)
            self.note.edit.textChanged.connect(self._update)
            self.note.edit.setFocus()
        else:
            self.note.hide()
        layout.addWidget(buttons)
        self._update()

    def correction_note(self) -> str:
        return self.note.text() if self.correction else ""

    def _update(self) -> None:
        self.ok_button.setEnabled(not self.correction or self.note.valid(required=True))


class CorrectionDialog(QDialog):
    """Starts a correction: the article becomes a draft again and goes back through review;
    where the channel allows it, a typo fix goes to the last review level only."""

    def __init__(self, title: str, typo_allowed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typo_allowed = typo_allowed
        self.setWindowTitle(self.tr("Start a correction"))
        self.setMinimumWidth(480)
        explanation = QLabel(
            self.tr(
                "Readers keep seeing the published version until the corrected one is "
                "reviewed, signed off and published with a correction note."
            )
        )
        explanation.setWordWrap(True)
        self.full = QRadioButton(self.tr("Correction of content: every review level"), self)
        self.typo = QRadioButton(self.tr("Typo fix only: the last review level alone"), self)
        self.full.setChecked(True)
        buttons, self.ok_button = _buttons(self, self.tr("Start the correction"))
        layout = _framed(self)
        layout.addWidget(heading(self.tr("Correct “{title}”").format(title=title)))
        layout.addWidget(explanation)
        layout.addWidget(self.full)
        layout.addWidget(self.typo)
        if not typo_allowed:
            self.typo.hide()
            self.full.hide()
        typo_note = muted(
            QLabel(
                self.tr(
                    "A typo fix changes no facts: wrong characters, punctuation, spacing. It "
                    "is recorded as such in the revision history."
                )
            )
        )
        typo_note.setWordWrap(True)
        typo_note.setVisible(typo_allowed)
        layout.addWidget(typo_note)
        layout.addWidget(buttons)

    def typo_only(self) -> bool:
        return self.typo_allowed and self.typo.isChecked()


class RetractDialog(QDialog):
    """Asks why an article is withdrawn: readers see the reason in place of the article."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retract article"))
        self.setMinimumWidth(480)
        explanation = QLabel(
            self.tr(
                "Every target withdraws the article: the PC and WAP pages are replaced by a "
                "notice giving this reason, the app document is re-issued as canceled and "
                "the feeds are updated. This cannot be undone."
            )
        )
        explanation.setWordWrap(True)
        self.reason = _TextWithLimit(self.tr("Reason for retracting (required)"), MAX_REASON, self)
        buttons, self.ok_button = _buttons(self, self.tr("Retract from every target"))
        layout = _framed(self)
        layout.addWidget(heading(self.tr("Retract “{title}”").format(title=title)))
        layout.addWidget(explanation)
        layout.addWidget(self.reason, 1)
        layout.addWidget(buttons)
        self.reason.edit.textChanged.connect(self._update)
        self._update()
        self.reason.edit.setFocus()

    def reason_text(self) -> str:
        return self.reason.text()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.reason.valid(required=True))


class _FolderField(QWidget):
    """A folder path with a Browse… button."""

    def __init__(self, value: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(value, self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def text(self) -> str:
        return self.edit.text().strip()

    def _browse(self) -> None:
        start = self.text() or str(Path.home())
        dialog = QFileDialog(self, self.tr("Choose a folder"), start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.edit.setText)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class PublishingSettingsDialog(QDialog):
    """The workspace's publishing settings: the output folder, the site, and for each target
    an optional folder of its own and an optional HTTP endpoint with its token."""

    def __init__(
        self, settings: PublishingSettings, default_folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publishing settings"))
        self.setMinimumWidth(620)
        self.folder = _FolderField(settings.folder, str(default_folder), self)
        self.site_name = QLineEdit(settings.site_name, self)
        self.site_name.setPlaceholderText(self.tr("Shown in page titles, e.g. 滨江融媒"))
        self.base_url = QLineEdit(settings.base_url, self)
        self.base_url.setPlaceholderText("https://news.example.cn/")
        general = QFormLayout()
        general.addRow(self.tr("Output folder:"), self.folder)
        general.addRow(self.tr("Site name:"), self.site_name)
        general.addRow(self.tr("Site address:"), self.base_url)
        self.target_folders: dict[Target, _FolderField] = {}
        self.endpoints: dict[Target, QLineEdit] = {}
        self.tokens: dict[Target, QLineEdit] = {}
        layout = _framed(self)
        layout.addWidget(heading(self.tr("Publishing settings")))
        layout.addLayout(general)
        for target in TARGET_ORDER:
            box = QGroupBox(target.value.upper(), self)
            form = QFormLayout(box)
            folder = _FolderField(
                settings.target_folder(target), self.tr("Only the output folder"), box
            )
            endpoint = QLineEdit(settings.endpoint(target), box)
            endpoint.setPlaceholderText(self.tr("No HTTP delivery"))
            token = QLineEdit(settings.tokens.get(target.value, ""), box)
            token.setEchoMode(QLineEdit.EchoMode.Password)
            token.setPlaceholderText(self.tr("Sent as a bearer token, if the endpoint needs one"))
            form.addRow(self.tr("Copy to folder:"), folder)
            form.addRow(self.tr("POST to endpoint:"), endpoint)
            form.addRow(self.tr("Token:"), token)
            self.target_folders[target] = folder
            self.endpoints[target] = endpoint
            self.tokens[target] = token
            layout.addWidget(box)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {colours().error};")
        self.error.hide()
        layout.addWidget(self.error)
        buttons, self.ok_button = _buttons(self, self.tr("Save"))
        layout.addWidget(buttons)

    def settings(self) -> PublishingSettings:
        """The settings as entered (perhaps invalid: see :meth:`PublishingSettings.problems`)."""
        return PublishingSettings(
            folder=self.folder.text(),
            site_name=self.site_name.text().strip(),
            base_url=self.base_url.text().strip(),
            folders={t.value: f.text() for t, f in self.target_folders.items() if f.text()},
            endpoints={t.value: e.text().strip() for t, e in self.endpoints.items() if e.text()},
            tokens={t.value: e.text() for t, e in self.tokens.items() if e.text()},
        )

    def accept(self) -> None:
        """Closes only with valid settings; otherwise names every problem and stays open."""
        problems = self.settings().problems()
        if problems:
            self.error.setText("\n".join(translated(p) for p in problems))
            self.error.show()
            return
        super().accept()
