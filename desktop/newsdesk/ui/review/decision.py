"""The decision form: the checklist, the comment, comments anchored to passages, and the verdict
buttons (or, for the sign-off step, the sign-off button with its 定时发布 choice).

The form only gathers what the reviewer typed; the page turns it into a mutation, and a refusal
leaves everything typed in place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.labels import label
from newsdesk.core.mentions import render
from newsdesk.core.model import Anchor, ChecklistItem, Verdict
from newsdesk.store.review_queue import SIGN_OFF, Step
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.publish_time import ScheduleChoice

QUOTE_LENGTH = 30  # characters of a quoted passage shown in the list; the tooltip has all of it


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


class DecisionPanel(QWidget):
    verdict_chosen = Signal(object)  # Verdict
    sign_off_chosen = Signal()
    anchor_requested = Signal(str)  # the note to attach to the browser's selected passage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self.heading = QLabel(self)
        self.heading.setObjectName("decisionHeading")
        self.heading.setWordWrap(True)
        self.checklist_box = QGroupBox(self.tr("Review checklist"), self)
        checklist_layout = QVBoxLayout(self.checklist_box)
        self.checks: dict[ChecklistItem, QCheckBox] = {}
        for item in ChecklistItem:
            box = QCheckBox(translated(label(item)), self.checklist_box)
            box.setObjectName(f"check_{item.value}")
            checklist_layout.addWidget(box)
            self.checks[item] = box
        self.comment = QPlainTextEdit(self)
        self.comment.setAccessibleName(self.tr("Review comment"))
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(
            self.tr("Comment for the editor (required to return or reject)")
        )
        self.comment.setTabChangesFocus(True)
        self.comment.setMinimumHeight(90)
        self.comment.setMaximumHeight(160)
        self.comment.textChanged.connect(self._update_buttons)
        self.anchor_note = QLineEdit(self)
        self.anchor_note.setAccessibleName(self.tr("Note on the selected passage"))
        self.anchor_note.setObjectName("anchorNote")
        self.anchor_note.setPlaceholderText(self.tr("Note on the selected passage"))
        self.anchor_button = QPushButton(self.tr("Comment on selection"), self)
        self.anchor_button.setObjectName("commentOnSelection")
        self.anchor_button.setEnabled(False)
        self.anchor_button.clicked.connect(self._request_anchor)
        self.anchor_list = QListWidget(self)
        self.anchor_list.setAccessibleName(self.tr("Notes on passages"))
        self.anchor_list.setObjectName("anchors")
        self.anchor_list.setMinimumHeight(80)
        self.remove_anchor = QPushButton(self.tr("Remove comment"), self)
        self.remove_anchor.setEnabled(False)
        self.remove_anchor.clicked.connect(self._remove_anchor)
        self.anchor_list.currentRowChanged.connect(
            lambda row: self.remove_anchor.setEnabled(row >= 0)
        )
        self.approve = QPushButton(self.tr("Approve"), self)
        self.approve.setObjectName("approve")
        self.approve.setDefault(True)
        self.approve.clicked.connect(lambda: self.verdict_chosen.emit(Verdict.APPROVE))
        self.return_button = QPushButton(self)
        self.return_button.setObjectName("return")
        self.return_button.clicked.connect(lambda: self.verdict_chosen.emit(Verdict.RETURN))
        self.reject = QPushButton(self)
        self.reject.setObjectName("reject")
        self.reject.clicked.connect(lambda: self.verdict_chosen.emit(Verdict.REJECT))
        self.sign_off = QPushButton(self.tr("Sign off"), self)
        self.sign_off.setObjectName("signOff")
        self.sign_off.clicked.connect(self.sign_off_chosen)

        self.review_part = QWidget(self)
        review_layout = QVBoxLayout(self.review_part)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.checklist_box)
        review_layout.addWidget(QLabel(self.tr("Comment"), self.review_part))
        review_layout.addWidget(self.comment)
        review_layout.addWidget(self.anchor_note)
        review_layout.addWidget(self.anchor_button, 0, Qt.AlignmentFlag.AlignRight)
        review_layout.addWidget(self.anchor_list, 1)
        review_layout.addWidget(self.remove_anchor, 0, Qt.AlignmentFlag.AlignRight)
        self.sign_off_note = QLabel(
            self.tr(
                "Every review level approved this revision. Signing it off releases it for "
                "publishing exactly as shown."
            ),
            self,
        )
        self.sign_off_note.setWordWrap(True)
        self._schedule: ScheduleChoice | None = None
        form = QWidget(self)
        self._form_layout = form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.review_part, 1)
        form_layout.addWidget(self.sign_off_note)
        form_layout.addStretch(0)
        # On a small screen (1280×720 at 150 %) the form scrolls while the decision buttons stay
        # in sight below it.
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setWidget(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form_scroll, 1)
        for button in (self.approve, self.return_button, self.reject, self.sign_off):
            layout.addWidget(button)
        self._anchors: list[Anchor] = []
        self.show_step(1, required=tuple(ChecklistItem))

    @property
    def schedule(self) -> ScheduleChoice:
        """定时发布 under the sign-off note, built when first needed: most reviews are not
        sign-offs, and its time picker takes longer to build than the rest of the form."""
        if self._schedule is None:
            self._schedule = ScheduleChoice(self)
            self._schedule.toggled.connect(self._update_sign_off)
            after_note = self._form_layout.indexOf(self.sign_off_note) + 1
            self._form_layout.insertWidget(after_note, self._schedule)
        return self._schedule

    def show_step(self, step: Step, required: tuple[ChecklistItem, ...]) -> None:
        """A blank form for ``step``; only the ``required`` checklist items are shown."""
        signing = step == SIGN_OFF
        self.review_part.setVisible(not signing)
        for button in (self.approve, self.return_button, self.reject):
            button.setVisible(not signing)
        self.sign_off_note.setVisible(signing)
        if signing or self._schedule is not None:
            self.schedule.setVisible(signing)
            self.schedule.reset()
        self.sign_off.setVisible(signing)
        for item, box in self.checks.items():
            box.setChecked(False)
            box.setVisible(item in required)
        self.comment.clear()
        self.anchor_note.clear()
        self._anchors = []
        self.anchor_list.clear()
        self._update_buttons()

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)

    def set_selection_available(self, available: bool) -> None:
        self.anchor_button.setEnabled(available)

    def checked(self) -> list[str]:
        return [item.value for item, box in self.checks.items() if box.isChecked()]

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()

    def anchors(self) -> list[dict[str, object]]:
        return [
            {"start": a.start, "end": a.end, "quote": a.quote, "comment": a.comment}
            for a in self._anchors
        ]

    def add_anchor(self, anchor: Anchor) -> None:
        self._anchors.append(anchor)
        note = render(anchor.comment, {})  # just written: the names in it are current
        item = QListWidgetItem(f"“{_short(anchor.quote)}” — {note}", self.anchor_list)
        item.setToolTip(f"“{anchor.quote}”\n{note}")
        self.anchor_note.clear()

    def focus_comment(self) -> None:
        self.comment.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _request_anchor(self) -> None:
        note = self.anchor_note.text().strip()
        if not note:
            self.anchor_note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.anchor_requested.emit(note)

    def _remove_anchor(self) -> None:
        row = self.anchor_list.currentRow()
        if row >= 0:
            del self._anchors[row]
            self.anchor_list.takeItem(row)

    def _update_sign_off(self, scheduled: bool) -> None:
        self.sign_off.setText(
            self.tr("Sign off and schedule") if scheduled else self.tr("Sign off")
        )

    def _update_buttons(self) -> None:
        if self.comment_text():
            self.return_button.setText(self.tr("Return to editor"))
            self.reject.setText(self.tr("Reject"))
        else:
            self.return_button.setText(self.tr("Return (needs a comment)"))
            self.reject.setText(self.tr("Reject (needs a comment)"))
