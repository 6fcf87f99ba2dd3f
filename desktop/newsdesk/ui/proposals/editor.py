"""The proposal editor (报题): create a proposal or change one, with its notes, links and files.

Everything the user typed stays in the form until the store accepts it: a refusal is shown next to
the field it names, and the dialog stays open. Files are copied into the workspace off the UI
thread and become ``attachment.add`` mutations applied in the same batch as the proposal.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.board import Snapshot
from newsdesk.core.i18n import Message
from newsdesk.core.labels import label
from newsdesk.core.mentions import render
from newsdesk.core.model import Material, Priority, Proposal, ProposalState
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.proposals import may_create, may_submit
from newsdesk.core.refusal import Refusal
from newsdesk.store.apply import Applied
from newsdesk.ui.i18n import translated
from newsdesk.ui.notifications.mentions import MentionCompleter
from newsdesk.ui.proposals.materials_box import MaterialsBox
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import (
    DIALOG_MARGIN,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    FieldError,
    alive,
    muted,
    parse_tags,
    with_error,
)
from newsdesk.ui.widgets.palette import colours
from newsdesk.ui.widgets.similar_hint import SimilarHint

MAX_TITLE = 120  # the schema's limits
MAX_ANGLE = 5000


def _args_of(proposal: Proposal) -> dict[str, Any]:
    """A proposal's editable fields in the shape of the mutation's arguments."""
    return {
        "title": proposal.title,
        "angle": proposal.angle,
        "materials": [_material_arg(m) for m in proposal.materials],
        "priority": int(proposal.priority),
        "planned_date": proposal.planned_date.isoformat() if proposal.planned_date else None,
        "tags": list(proposal.tags),
    }


def _material_arg(material: Material) -> dict[str, str]:
    return {"kind": material.kind.value, "value": material.value, "label": material.label}


class ProposalEditor(QDialog):
    """Creates a proposal (``proposal=None``) or edits one; ``saved(id)`` once the store took it."""

    saved = Signal(str)

    def __init__(
        self,
        session: Session,
        snapshot: Snapshot,
        proposal: Proposal | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._snapshot = snapshot
        self._proposal = proposal
        self._saving = False
        self.setAcceptDrops(True)
        self.setMinimumWidth(640)
        self._build()
        if proposal is not None:
            self._fill(proposal)
        self._enter_mode()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.returned_note = QLabel()
        self.returned_note.setWordWrap(True)
        self.returned_note.setTextFormat(Qt.TextFormat.PlainText)
        c = colours()
        self.returned_note.setStyleSheet(
            f"background: {c.warning_soft}; color: {c.text}; border: 1px solid {c.warning};"
            " border-radius: 6px; padding: 8px;"
        )
        self.returned_note.hide()

        self.channel_box = QComboBox()
        self.channel_error = FieldError()
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("A headline-like working title"))
        self.title_count = muted(QLabel())
        self.title_error = FieldError()
        self.title_edit.textChanged.connect(self._count_title)
        self._count_title("")
        title_row = QWidget()
        title_layout = QHBoxLayout(title_row)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.addWidget(self.title_edit, 1)
        title_layout.addWidget(self.title_count)

        self.angle_edit = QPlainTextEdit()
        self.angle_edit.setTabChangesFocus(True)
        self.angle_mentions = MentionCompleter(self.angle_edit, self._session)
        self.angle_edit.setPlaceholderText(
            self.tr("What the story is about, why now, whom to talk to, what to show")
        )
        lines = self.angle_edit.fontMetrics().lineSpacing()
        self.angle_edit.setMinimumHeight(4 * lines + 12)
        self.angle_edit.setMaximumHeight(7 * lines + 12)
        self.angle_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.angle_error = FieldError()

        self.priority_box = QComboBox()
        for priority in Priority:
            self.priority_box.addItem(translated(label(priority)), int(priority))
        self.priority_box.setCurrentIndex(self.priority_box.findData(int(Priority.NORMAL)))

        self.planned_check = QCheckBox(self.tr("Planned for"))
        self.planned_edit = QDateEdit(QDate.currentDate())
        self.planned_edit.setCalendarPopup(True)
        self.planned_edit.setDisplayFormat("yyyy-MM-dd")
        self.planned_edit.setEnabled(False)
        self.planned_check.toggled.connect(self.planned_edit.setEnabled)
        plan_row = QWidget()
        plan_layout = QHBoxLayout(plan_row)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.priority_box)
        plan_layout.addSpacing(24)
        plan_layout.addWidget(self.planned_check)
        plan_layout.addWidget(self.planned_edit)
        plan_layout.addStretch(1)

        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Separate tags with commas or 、"))
        self.tags_error = FieldError()

        self.problem = FieldError()
        self._buttons = QDialogButtonBox()
        self.draft_button = QPushButton()
        self.submit_button = QPushButton(self.tr("Save and submit"))
        self.cancel_button = self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self._buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.draft_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Channel"), with_error(self.channel_box, self.channel_error))
        form.addRow(self.tr("Title"), with_error(title_row, self.title_error))
        form.addRow(self.tr("Angle"), with_error(self.angle_edit, self.angle_error))
        own = ("proposal", self._proposal.id) if self._proposal is not None else None
        self.similar_hint = SimilarHint(self._session, own)
        form.addRow("", self.similar_hint)
        for edit in (self.title_edit.textChanged, self.angle_edit.textChanged):
            edit.connect(self._look_for_similar)
        form.addRow(self.tr("Priority"), plan_row)
        form.addRow(self.tr("Tags"), with_error(self.tags_edit, self.tags_error))
        self.materials_box = MaterialsBox(self._session)
        self.materials_box.busy_changed.connect(self._update_buttons)
        form.addRow(self.tr("Materials"), self.materials_box)
        self._form = QWidget()
        self._form.setLayout(form)
        self.status = muted(QLabel())
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self._buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(self.returned_note)
        layout.addWidget(self._form, 1)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field must not save or submit

    def _fill(self, proposal: Proposal) -> None:
        self.title_edit.setText(proposal.title)
        self.angle_mentions.set_text(proposal.angle, list(self._snapshot.users.values()))
        self.priority_box.setCurrentIndex(self.priority_box.findData(int(proposal.priority)))
        if proposal.planned_date is not None:
            self.planned_check.setChecked(True)
            planned = proposal.planned_date
            self.planned_edit.setDate(QDate(planned.year, planned.month, planned.day))
        self.tags_edit.setText(self.tr(", ").join(proposal.tags))
        self.materials_box.set_materials(proposal.materials)
        if proposal.state == ProposalState.RETURNED and proposal.return_reason:
            self.returned_note.setText(
                self.tr("Returned by {name}: {reason}").format(
                    name=self._snapshot.name(proposal.returned_by or ""),
                    reason=render(proposal.return_reason, self._snapshot.names),
                )
            )
            self.returned_note.show()

    def start_from(
        self, channel_id: str, title: str, angle: str, materials: Sequence[Material]
    ) -> None:
        """A new proposal begun from something found (a lead): its channel chosen where the
        user may propose there, its text and materials filled in, all still editable."""
        found = self.channel_box.findData(channel_id)
        if found >= 0:
            self.channel_box.setCurrentIndex(found)
        self.title_edit.setText(title[: self.title_edit.maxLength()])
        self.angle_edit.setPlainText(angle)
        self.materials_box.set_materials(materials)

    def _enter_mode(self) -> None:
        """Set up the channel list and the buttons for creating, or for editing ``_proposal``."""
        proposal = self._proposal
        self.channel_box.clear()
        if proposal is None:
            self.setWindowTitle(self.tr("New proposal"))
            actor = self._session.actor
            for channel in self._snapshot.channels.values():
                if may_create(actor, channel) is None:
                    self.channel_box.addItem(channel.name, channel.id)
            if not self.channel_box.count():
                self.channel_error.show_error(
                    self.tr(
                        "You cannot propose stories: you are not an editor or a chief of any "
                        "channel."
                    )
                )
            self.draft_button.setText(self.tr("Save draft"))
            self.submit_button.show()
        else:
            self.setWindowTitle(self.tr("Edit proposal"))
            home = self._snapshot.channels.get(proposal.channel_id)
            self.channel_box.addItem(home.name if home else "?", proposal.channel_id)
            self.channel_box.setEnabled(False)
            self.channel_box.setToolTip(self.tr("A proposal stays in the channel it was made in."))
            draft = proposal.state in (ProposalState.DRAFT, ProposalState.RETURNED)
            self.draft_button.setText(self.tr("Save draft") if draft else self.tr("Save"))
            self.submit_button.setVisible(may_submit(self._session.actor, proposal) is None)
        self._update_buttons()

    # --- dragging files and links onto the dialog --------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        self._consider_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        self._consider_drag(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt's name
        self.materials_box.show_drop_hint(False)
        super().dragLeaveEvent(event)

    def _consider_drag(self, event: QDragMoveEvent) -> None:
        if self.materials_box.accepts(event.mimeData()) and not self._saving:
            event.acceptProposedAction()
            self.materials_box.show_drop_hint(True)
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Files dropped anywhere on the editor become materials; so do web addresses."""
        if not self.materials_box.accepts(event.mimeData()) or self._saving:
            event.ignore()
            return
        event.acceptProposedAction()
        self.materials_box.drop(event.mimeData())

    # --- saving ---------------------------------------------------------------------------

    def save(self, *, submit: bool) -> None:
        """Check the form, then apply the proposal (and ``submit`` it) in one batch."""
        self.problem.clear_error()
        if not self._valid():
            return
        batch = self._mutations(submit)
        if not batch:
            self.accept()  # nothing changed
            return
        self._saving = True
        self._update_buttons()
        self._session.apply(batch, self._applied, initiator=self, failed=self._save_failed)

    def _args(self) -> dict[str, Any]:
        planned = self.planned_edit.date().toString("yyyy-MM-dd")
        return {
            "title": self.title_edit.text().strip(),
            "angle": self.angle_mentions.text(),
            "materials": [_material_arg(m) for m in self.materials_box.materials()],
            "priority": int(self.priority_box.currentData()),
            "planned_date": planned if self.planned_check.isChecked() else None,
            "tags": parse_tags(self.tags_edit.text()),
        }

    def _valid(self) -> bool:
        """Show what is wrong next to each field; focus the first one at fault."""
        args = self._args()
        problems: list[tuple[FieldError, QWidget, str]] = []
        if self._proposal is None and self.channel_box.currentData() is None:
            problems.append(
                (self.channel_error, self.channel_box, self.tr("Choose the channel to propose in."))
            )
        if not args["title"]:
            problems.append((self.title_error, self.title_edit, self.tr("The title is required.")))
        if len(args["angle"]) > MAX_ANGLE:
            problems.append(
                (
                    self.angle_error,
                    self.angle_edit,
                    self.tr("The angle is too long: {count} characters, at most {limit}.").format(
                        count=len(args["angle"]), limit=MAX_ANGLE
                    ),
                )
            )
        long_tags = [tag for tag in args["tags"] if len(tag) > MAX_TAG_LENGTH]
        if len(args["tags"]) > MAX_TAGS:
            problems.append(
                (
                    self.tags_error,
                    self.tags_edit,
                    self.tr("Too many tags: {count}, at most {limit}.").format(
                        count=len(args["tags"]), limit=MAX_TAGS
                    ),
                )
            )
        elif long_tags:
            problems.append(
                (
                    self.tags_error,
                    self.tags_edit,
                    self.tr("The tag “{tag}” is too long: at most {limit} characters.").format(
                        tag=long_tags[0], limit=MAX_TAG_LENGTH
                    ),
                )
            )
        for error in (self.title_error, self.angle_error, self.tags_error):
            error.clear_error()
        for error, _, text in problems:
            error.show_error(text)
        if problems:
            problems[0][1].setFocus()
        return not problems

    def _mutations(self, submit: bool) -> list[Mutation]:
        session = self._session
        args = self._args()
        files = self.materials_box.new_files()
        batch = [
            session.mutation(
                Kind.ATTACHMENT_ADD, f.sha256, mime=f.mime, size=f.size, name=f.name[:255]
            )
            for f in files
        ]
        if self._proposal is None:
            if args["planned_date"] is None:
                del args["planned_date"]
            create = session.mutation(
                Kind.PROPOSAL_CREATE, None, channel_id=self.channel_box.currentData(), **args
            )
            batch.append(create)
            proposal_id = create.entity
        else:
            original = _args_of(self._proposal)
            changes = {name: value for name, value in args.items() if value != original[name]}
            if not changes and not submit:
                return []  # nothing to save
            if changes:
                batch.append(
                    session.mutation(
                        Kind.PROPOSAL_UPDATE,
                        self._proposal.id,
                        base_version=self._proposal.row_version,
                        **changes,
                    )
                )
            proposal_id = self._proposal.id
        if submit:
            batch.append(session.mutation(Kind.PROPOSAL_SUBMIT, proposal_id))
        return batch

    def _applied(self, applied: list[Applied]) -> None:
        if not alive(self):
            return
        self._saving = False
        stored: Proposal | None = None
        refusal: Refusal | None = None
        for result in applied:
            if isinstance(result.outcome, Refusal):
                refusal = refusal or result.outcome
                continue
            for entity in result.outcome.upserts:
                if isinstance(entity, Proposal):
                    stored = entity
        if stored is not None:
            self._proposal = stored  # saving again now changes what the store holds
            self.materials_box.forget_new_files()
            self._enter_mode()
            self.saved.emit(stored.id)
        if refusal is not None:
            self._show_refusal(refusal)
            self._update_buttons()
            return
        self.accept()

    def _show_refusal(self, refusal: Refusal) -> None:
        """The core's reason, next to the field it names (by the name people see)."""
        field = refusal.message.params.get("field")
        names = {
            "channel_id": self.tr("Channel"),
            "title": self.tr("Title"),
            "angle": self.tr("Angle"),
            "priority": self.tr("Priority"),
            "planned_date": self.tr("Planned date"),
            "tags": self.tr("Tags"),
            "materials": self.tr("Materials"),
        }
        errors = {
            "channel_id": self.channel_error,
            "title": self.title_error,
            "angle": self.angle_error,
            "tags": self.tags_error,
            "materials": self.materials_box.error,
        }
        params = dict(refusal.message.params)
        if isinstance(field, str):
            params["field"] = names.get(field, field)
        text = translated(
            Message(refusal.message.context, refusal.message.source, MappingProxyType(params))
        )
        target = errors.get(field, self.problem) if isinstance(field, str) else self.problem
        target.show_error(text)

    def _save_failed(self, error: BaseException) -> None:
        """The batch failed on the database thread (the log has the details)."""
        if not alive(self) or not self._saving:
            return
        self._saving = False
        self.problem.show_error(
            self.tr(
                "The proposal could not be saved: {reason}. What you typed is still here."
            ).format(reason=str(error) or type(error).__name__)
        )
        self._update_buttons()

    # --- state ----------------------------------------------------------------------------

    def _look_for_similar(self) -> None:
        if self.title_edit.isReadOnly():
            return
        self.similar_hint.look(self.title_edit.text(), self.angle_edit.toPlainText())

    def _count_title(self, text: str) -> None:
        self.title_count.setText(
            self.tr("{count}/{limit}").format(count=len(text), limit=MAX_TITLE)
        )
        full = len(text) >= MAX_TITLE
        self.title_count.setStyleSheet(f"color: {colours().error};" if full else "")
        if text.strip():
            self.title_error.clear_error()

    def _update_buttons(self) -> None:
        busy = self.materials_box.busy
        ready = not self._saving and not busy and self.channel_box.count() > 0
        self.draft_button.setEnabled(ready)
        self.submit_button.setEnabled(ready)
        self._form.setEnabled(not self._saving)  # nothing typed now could be lost
        self.status.setText(self.tr("Saving…") if self._saving else "")
