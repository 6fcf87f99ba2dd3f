"""Dialogs of the administration page: a user, a new password, a channel.

They check only what people can fix on the spot (empty fields, short or differing passwords);
the core decides everything else when the change is applied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.admin import SLUG, review_rule_warnings
from newsdesk.core.labels import label
from newsdesk.core.model import MAX_REVIEW_LEVELS, MAX_SILENCE_DAYS, Channel, Target, User
from newsdesk.passwords import password_problem
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.fields import DIALOG_MARGIN
from newsdesk.ui.widgets.palette import CHANNEL_PRESETS
from newsdesk.ui.widgets.palette import colours as palette_colours


class _FormDialog(QDialog):
    """A form, a line for the problem that stops it, and OK/Cancel; subclasses say ``problem``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {palette_colours().error};")
        self.problem_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._validate)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN)
        layout.addLayout(self.form)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def problem(self) -> str:
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        if not problem:
            self.accept()


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PasswordDialog(_FormDialog):
    """A new password, typed twice."""

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reset password"), parent)
        self._user = user
        intro = QLabel(
            self.tr("A new password for {name} ({login}). Tell them in person.").format(
                name=user.name, login=user.login
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.password = _password_field()
        self.again = _password_field()
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)

    def problem(self) -> str:
        weak = password_problem(
            self.password.text(), self._user.login, administrator=self._user.is_admin
        )
        if weak is not None:
            return translated(weak)
        if self.password.text() != self.again.text():
            return self.tr("The two passwords differ.")
        return ""


class UserDialog(_FormDialog):
    """A new user (login, name, password twice, administrator), or a user's name and role."""

    def __init__(self, user: User | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New user") if user is None else self.tr("Edit user"), parent)
        self.login = QLineEdit(user.login if user else "")
        self.login.setPlaceholderText(self.tr("letters, digits, dots, hyphens, underscores"))
        self.login.setReadOnly(user is not None)
        self.name = QLineEdit(user.name if user else "")
        self.administrator = QCheckBox(self.tr("Administrator (manages users and channels)"))
        self.administrator.setChecked(bool(user and user.is_admin))
        self.auditor = QCheckBox(self.tr("Auditor (reads the audit log, changes nothing)"))
        self.auditor.setChecked(bool(user and user.is_auditor))
        self.form.addRow(self.tr("Login"), self.login)
        self.form.addRow(self.tr("Name"), self.name)
        self.password = _password_field()
        self.again = _password_field()
        if user is None:
            self.form.addRow(self.tr("Password"), self.password)
            self.form.addRow(self.tr("Password again"), self.again)
        self.form.addRow("", self.administrator)
        self.form.addRow("", self.auditor)
        self._new = user is None

    def problem(self) -> str:
        if not self.login.text().strip():
            return self.tr("Give the user a login.")
        if not self.name.text().strip():
            return self.tr("Give the user a name.")
        if self._new:
            weak = password_problem(
                self.password.text(),
                self.login.text().strip(),
                administrator=self.administrator.isChecked(),
            )
            if weak is not None:
                return translated(weak)
        if self._new and self.password.text() != self.again.text():
            return self.tr("The two passwords differ.")
        return ""


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class ChannelDialog(_FormDialog):
    """A channel's name, colour, review levels, targets, whether one person may approve two
    levels, and whether typo corrections take the short path."""

    def __init__(self, channel: Channel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("New channel") if channel is None else self.tr("Edit channel"), parent
        )
        shown = channel or Channel(id="", name="")
        self.name = QLineEdit(shown.name)
        self.colour = shown.colour
        colours = QHBoxLayout()
        colours.setSpacing(4)
        self._colour_button = QPushButton(self.tr("Other…"))
        self._colour_button.clicked.connect(self._choose_colour)
        edge = palette_colours().border_strong
        for preset in CHANNEL_PRESETS:
            button = QPushButton()
            button.setFixedSize(24, 24)
            button.setToolTip(preset)
            button.setStyleSheet(
                f"QPushButton {{ background: {preset}; border: 1px solid {edge};"
                " border-radius: 4px; }"
            )
            button.clicked.connect(lambda _=False, c=preset: self.set_colour(c))
            colours.addWidget(button)
        colours.addSpacing(8)
        colours.addWidget(self._colour_button)
        colours.addStretch(1)
        self.levels = QSpinBox()
        self.levels.setRange(1, MAX_REVIEW_LEVELS)
        self.levels.setValue(shown.review_levels)
        self.targets = {target: QCheckBox(translated(label(target))) for target in Target}
        targets = QHBoxLayout()
        for target, box in self.targets.items():
            box.setChecked(target in shown.targets)
            targets.addWidget(box)
        targets.addStretch(1)
        self.same_reviewer = QCheckBox(self.tr("One person may approve two levels"))
        self.same_reviewer.setChecked(shown.allow_same_reviewer)
        self.typo_fast_path = QCheckBox(self.tr("Typo corrections need only the last level"))
        self.typo_fast_path.setChecked(shown.typo_fast_path)
        self.typo_fast_path.setToolTip(
            self.tr(
                "A correction that only fixes typos goes straight to the last review level; "
                "it is recorded as a typo fix."
            )
        )
        self.source = QLineEdit(shown.default_source)
        self.source.setMaxLength(200)
        self.source.setPlaceholderText(self.tr("e.g. 市融媒体中心"))
        self.responsible_editor = QLineEdit(shown.default_responsible_editor)
        self.responsible_editor.setMaxLength(100)
        credits_tip = self.tr(
            "New articles of the channel start with it; every published page prints it, and an "
            "article cannot be signed off without it."
        )
        self.source.setToolTip(credits_tip)
        self.responsible_editor.setToolTip(credits_tip)
        self.slug = QLineEdit(shown.slug)
        self.slug.setMaxLength(40)
        self.slug.setPlaceholderText("news")
        self.slug.setToolTip(
            self.tr(
                "The channel's folder in exported paths (pc/news/…): lower-case letters, digits "
                "and hyphens. Empty: the channel's name."
            )
        )
        self.silence_days = QSpinBox()
        self.silence_days.setRange(0, MAX_SILENCE_DAYS)
        self.silence_days.setSpecialValueText(self.tr("No warning"))
        self.silence_days.valueChanged.connect(self._name_days)
        self.silence_days.setValue(shown.silence_days or 0)
        self._name_days(self.silence_days.value())
        self.silence_days.setToolTip(
            self.tr(
                "The board warns when the channel has published nothing for longer than this "
                "(publishing rhythm, 001 §5.3.3.2)."
            )
        )
        self.warning = QLabel()
        self.warning.setObjectName("channelWarning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {palette_colours().warning};")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Colour"), colours)
        self.form.addRow(self.tr("Review levels"), self.levels)
        self.form.addRow(self.tr("Publishes to"), targets)
        self.form.addRow("", self.same_reviewer)
        self.form.addRow("", self.typo_fast_path)
        self.form.addRow(self.tr("Default source"), self.source)
        self.form.addRow(self.tr("Default responsible editor"), self.responsible_editor)
        self.form.addRow(self.tr("Folder in exported paths"), self.slug)
        self.form.addRow(self.tr("Publish at least every"), self.silence_days)
        self.form.addRow(self.warning)
        self.levels.valueChanged.connect(self._warn)
        self.same_reviewer.toggled.connect(self._warn)
        self.set_colour(shown.colour)
        self._warn()

    def _warn(self) -> None:
        """Advice from the users' rules, shown while the administrator decides; it forbids
        nothing."""
        warnings = review_rule_warnings(self.levels.value(), self.same_reviewer.isChecked())
        self.warning.setText("\n".join(translated(w) for w in warnings))
        self.warning.setVisible(bool(warnings))

    def _name_days(self, days: int) -> None:
        self.silence_days.setSuffix(self.tr(" day(s)", "", days))

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self._colour_button.setIcon(_swatch(colour))

    def chosen_targets(self) -> list[str]:
        return [target.value for target, box in self.targets.items() if box.isChecked()]

    def values(self) -> dict[str, object]:
        """The channel's fields as a mutation's arguments."""
        return {
            "name": self.name.text().strip(),
            "colour": self.colour,
            "review_levels": self.levels.value(),
            "targets": self.chosen_targets(),
            "allow_same_reviewer": self.same_reviewer.isChecked(),
            "typo_fast_path": self.typo_fast_path.isChecked(),
            "default_source": self.source.text().strip(),
            "default_responsible_editor": self.responsible_editor.text().strip(),
            "slug": self.slug.text().strip().lower(),
            "silence_days": self.silence_days.value() or None,
        }

    def problem(self) -> str:
        if not self.name.text().strip():
            return self.tr("Give the channel a name.")
        if not self.chosen_targets():
            return self.tr("Choose at least one target to publish to.")
        slug = self.slug.text().strip().lower()
        if slug and not SLUG.fullmatch(slug):
            return self.tr("The folder name takes lower-case letters, digits and hyphens only.")
        return ""

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Channel colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())
