"""The article editor: metadata, the body with its toolbar, checks beside it, saved as you write.

It loads the article on the database thread, shows it, and saves every change shortly after
typing pauses (see :mod:`newsdesk.ui.editor.autosave`). When the core says the user may not edit
the article (under review, published, rejected, not theirs) everything is read-only and a banner
says why and offers what can be done: withdraw it from review, or start a correction.

A draft is submitted for review from here: pending edits are saved first, then the saved text is
frozen as the next revision. When the reviewers return it, their comments are in the side tab
"Review notes" (see :mod:`newsdesk.ui.editor.review_notes`).
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QAction, QImageReader, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.admin import MAX_ATTACHMENT_BYTES
from newsdesk.core.articles import current_hash, may_correct, may_edit, may_submit, may_withdraw
from newsdesk.core.i18n import Message
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, Channel
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal
from newsdesk.core.sensitive import SensitiveMatcher
from newsdesk.core.world import Area
from newsdesk.store import reads
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn, Read
from newsdesk.ui.editor.autosave import Autosave
from newsdesk.ui.editor.body import BodyEditor
from newsdesk.ui.editor.checks import CheckHighlighter, ChecksPanel, describe
from newsdesk.ui.editor.document import blob_images
from newsdesk.ui.editor.find import FindBar
from newsdesk.ui.editor.merge import MergeDialog
from newsdesk.ui.editor.metadata import MetadataPanel
from newsdesk.ui.editor.remote_images import RemoteImagesBar
from newsdesk.ui.editor.review_notes import ReviewNotes
from newsdesk.ui.editor.revisions import RevisionsPanel
from newsdesk.ui.editor.toolbar import EditorToolbar
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job
from newsdesk.ui.published.dialogs import CorrectionDialog
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import alive
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.palette import banner_style
from newsdesk.ui.widgets.published_view import PublishedView
from newsdesk.wordlists import load_word_lists, shipped_wordlists_dir

CHECKS_WIDTH = 260
MAX_FINDINGS_SHOWN = 12  # in the question before submitting
MAX_FINDINGS_RECORDED = 50  # with the revision (the mutation's limit)
BODY_MARGIN = 16


@dataclass(frozen=True)
class Loaded:
    """An article as the editor needs it, with what the core says the user may do."""

    article: Article
    channel: Channel | None
    cannot_edit: Refusal | None
    cannot_withdraw: Refusal | None
    cannot_correct: Refusal | None
    cannot_submit: Refusal | None


def load_article(session: Session, article_id: str) -> Read[Loaded | None]:
    """The read that :class:`ArticleEditor` runs on the database thread."""
    actor = session.actor

    def query(conn: Conn) -> Loaded | None:
        found = reads.article_context(conn, article_id)
        if found is None:
            return None
        article, topic, channel = found.article, found.topic, found.channel
        level_one = [d for d in found.decisions if d.level == 1]
        return Loaded(
            article,
            channel,
            may_edit(actor, article, topic),
            may_withdraw(actor, article, topic, level_one),
            may_correct(actor, article, topic, channel) if channel else None,
            may_submit(actor, article, topic),
        )

    return query


def saved_article(article_id: str) -> Read[Article | None]:
    """The article as the store holds it, read on the database thread before submitting."""
    return partial(reads.article, article_id=article_id)


def _image_mime(data: bytes, name: str) -> str:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    found = bytes(QImageReader.imageFormat(buffer).data()).decode()
    if found:
        return f"image/{'jpeg' if found == 'jpg' else found}"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


class ReadOnlyBanner(QFrame):
    """Why the article cannot be changed, and what the user can do about it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(banner_style("readOnlyBanner"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.withdraw_button = QPushButton(self.tr("Withdraw from review"), self)
        self.correct_button = QPushButton(self.tr("Start a correction"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.withdraw_button)
        layout.addWidget(self.correct_button)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()


class ArticleEditor(QWidget):
    """Edits article ``article_id`` for ``session``'s user; saves by itself."""

    title_changed = Signal(str)
    saved = Signal()

    def __init__(self, session: Session, article_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self._session = session
        self._article_id = article_id
        self._loaded: Loaded | None = None
        self._editable = False
        self._loading = False
        self.highlighter: CheckHighlighter | None = None
        self.checks: ChecksPanel | None = None
        self._autosave = Autosave(session, article_id, self._collect, self)
        self.images = blob_images(session.workspace.blobs, self._autosave.unwritten)
        self._autosave.status_changed.connect(self._show_status)
        self._autosave.saved.connect(self.saved)
        self._autosave.saved.connect(self._refresh_submit)
        self._autosave.refused.connect(self._refused)

        self.banner = ReadOnlyBanner(self)
        self.banner.withdraw_button.clicked.connect(self.withdraw)
        self.banner.correct_button.clicked.connect(self.start_correction)
        self.message_bar = MessageBar(self)
        self.merge_bar = QWidget(self)
        self.merge_bar.setObjectName("mergeBar")
        merge_text = QLabel(
            self.tr(
                "Someone else's edit of this article crossed yours: yours is kept as a conflict "
                "revision. Merge them when you are ready."
            ),
            self.merge_bar,
        )
        merge_text.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("Merge…"), self.merge_bar)
        self.merge_button.clicked.connect(self.merge)
        merge_row = QHBoxLayout(self.merge_bar)
        merge_row.setContentsMargins(8, 4, 8, 4)
        merge_row.addWidget(merge_text, 1)
        merge_row.addWidget(self.merge_button)
        self.merge_bar.hide()
        self.metadata = MetadataPanel(self._store_image, self.images, self)
        self.metadata.edited.connect(self._autosave.touch)
        self.metadata.title_edit.textChanged.connect(self.title_changed)
        self.body = BodyEditor(self._store_image, self.images, self)
        self.body.setObjectName("articleBody")
        self.body.document().setDocumentMargin(BODY_MARGIN)
        self.body.problem.connect(lambda text: self.message_bar.show_message(text, Tone.WARNING))
        self.body.document().contentsChanged.connect(self._body_changed)
        self.remote_images = RemoteImagesBar(session, self.body, self._store_image, self)
        self.toolbar = EditorToolbar(self.body, self)
        self.body.attachment_dropped.connect(self.toolbar.describe_attachment)
        self.find_bar = FindBar(self.body, self)
        self.toolbar.find_requested.connect(self.find_bar.open)
        self.preview = PublishedView(self.images, self)
        self.preview.use_site_of(session)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.preview)

        self.side = QWidget(self)
        self.side.setObjectName("checksSide")
        self._side_layout = QVBoxLayout(self.side)
        self._side_layout.setContentsMargins(4, 4, 0, 0)
        self._checks_note = QLabel(self.tr("Loading word lists…"), self.side)
        self._checks_note.setWordWrap(True)
        self._side_layout.addWidget(self._checks_note)
        self._side_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.pages)
        # Beside the body: the checks while writing, and the history of submitted revisions.
        self.history = RevisionsPanel(session, article_id, self)
        self.history.restored.connect(lambda _number: self.reload())
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.side, self.tr("Checks"))
        self.side_tabs.addTab(self.history, self.tr("History"))
        self.review_notes = ReviewNotes(
            session, article_id, self.body, self, text_edits=self._autosave
        )
        self.review_notes.notes_changed.connect(self._show_review_notes)
        self.side_tabs.addTab(self.review_notes, self.tr("Review notes"))
        self.side_tabs.setTabVisible(self.side_tabs.indexOf(self.review_notes), False)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, CHECKS_WIDTH])

        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setCheckable(True)
        self.preview_button.toggled.connect(self._toggle_preview)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(8, 0, 8, 4)
        self.submit_action = QAction(self.tr("Submit for review"), self)
        self.submit_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Return"), QKeySequence("Ctrl+Shift+Enter")]
        )
        self.submit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.submit_action.setEnabled(False)
        self.submit_action.triggered.connect(self.submit)
        self.addAction(self.submit_action)
        self.submit_button = QPushButton(self.submit_action.text(), self)
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self.submit)
        self._submitting = False
        self._submitted_over: list[str] = []
        self.findings_question: QMessageBox | None = None  # while it asks
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.submit_button)
        bottom.addWidget(self.preview_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.merge_bar)
        layout.addWidget(self.remote_images)
        layout.addWidget(self.metadata)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.find_bar)
        layout.addLayout(bottom)

        self._set_editable(False)
        session.changed.connect(self._session_changed)
        self._load_checks()
        self.reload()

    # public

    @property
    def article_id(self) -> str:
        return self._article_id

    @property
    def dirty(self) -> bool:
        """Whether there are changes the store does not have yet."""
        return self._autosave.dirty

    @property
    def editable(self) -> bool:
        return self._editable

    @property
    def loaded(self) -> Loaded | None:
        """The article as last loaded, with the core's answers about it."""
        return self._loaded

    def flush(self, done: Callable[[], None] | None = None) -> None:
        """Save any pending change now; ``done`` runs when it is saved (or refused)."""
        if self._editable or self._autosave.dirty or self._autosave.in_flight:
            self._autosave.save(done)
        elif done is not None:
            done()

    def reload(self) -> None:
        """Read the article again; its content is replaced only when nothing is unsaved."""
        self._session.read(load_article(self._session, self._article_id), self._show)

    def submit(self) -> None:
        """Save pending edits, then submit the saved article for review (the next revision).

        With open findings (sensitive words, personal data, punctuation) in any published field,
        it asks once, naming them; the revision records what the writer submitted over."""
        if self._submitting or not self.submit_action.isEnabled() or self.findings_question:
            return
        findings = self._open_findings()
        if findings:
            self._ask_about_findings(findings)
            return
        self._submit_with([])

    def _open_findings(self) -> list[str]:
        if self.checks is None:
            return []
        self.checks.refresh()
        return [describe(check, with_field=True)[:200] for check in self.checks.model.checks()]

    def _ask_about_findings(self, findings: list[str]) -> None:
        shown = findings[:MAX_FINDINGS_SHOWN]
        more = len(findings) - len(shown)
        text = "\n".join(f"• {line}" for line in shown)
        if more:
            text += "\n" + self.tr("…and {count} more.").format(count=more)
        question = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Submit with open findings?"),
            self.tr("The checks found {count} problem(s) in what will be published:").format(
                count=len(findings)
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        question.setInformativeText(
            text + "\n\n" + self.tr("The reviewers will see that you submitted over them.")
        )
        question.setTextFormat(Qt.TextFormat.PlainText)
        submit = question.addButton(self.tr("Submit anyway"), QMessageBox.ButtonRole.AcceptRole)
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.findings_question = question

        def answered() -> None:
            self.findings_question = None
            if question.clickedButton() is submit and alive(self):
                self._submit_with(findings[:MAX_FINDINGS_RECORDED])

        question.finished.connect(answered)
        question.finished.connect(question.deleteLater)
        question.open()

    def _submit_with(self, findings: list[str]) -> None:
        self._submitting = True
        self._submitted_over = findings
        self._update_submit()
        self.flush(self._submit_saved)

    def withdraw(self) -> None:
        """Take the article back from review (it becomes an editable draft)."""
        self._act(Kind.ARTICLE_WITHDRAW)

    def start_correction(self) -> None:
        """Ask which kind of correction (where the channel has a short path for typo fixes),
        then start it: the published article becomes an editable draft."""
        loaded = self._loaded
        if loaded is None:
            return
        typo_allowed = loaded.channel is not None and loaded.channel.typo_fast_path
        dialog = CorrectionDialog(loaded.article.title, typo_allowed, self)

        def accepted() -> None:
            typo: dict[str, Any] = {"typo": True} if dialog.typo_only() else {}
            self._act(Kind.ARTICLE_CORRECT, **typo)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # loading and showing

    def _show(self, loaded: Loaded | None) -> None:
        if not alive(self):
            return
        if loaded is None:
            self.banner.label.setText(self.tr("This article no longer exists."))
            self.banner.withdraw_button.hide()
            self.banner.correct_button.hide()
            self.banner.show()
            self._set_editable(False)
            self._update_submit()
            return
        first = self._loaded is None
        self._loaded = loaded
        if first or not self._autosave.dirty:
            self._loading = True
            try:
                self.metadata.show_article(loaded.article, loaded.channel)
                if self.highlighter is not None:
                    self.highlighter.highlight_in_slices()
                self.body.set_html(loaded.article.body_html)
                self.body.moveCursor(QTextCursor.MoveOperation.Start)
            finally:
                self._loading = False
            self._autosave.start(self._collect(), loaded.article.row_version)
            self.title_changed.emit(loaded.article.title)
        self._set_editable(loaded.cannot_edit is None)
        if first and self._editable and (remote := self.body.remote_sources()):
            self.remote_images.fetch(tuple(remote))  # pasted before Newsdesk fetched images
        self._show_banner(loaded)
        self.merge_bar.setVisible(
            loaded.article.merge_revision_id is not None and loaded.cannot_edit is None
        )
        self._update_submit()

    def merge(self) -> MergeDialog | None:
        """Open the three-way merge of the conflict this article holds (saved work first)."""
        if self._loaded is None or self._loaded.article.merge_revision_id is None:
            return None
        dialog = MergeDialog(self._session, self._loaded.article, self)
        self._autosave.save(dialog.open)
        return dialog

    def _show_banner(self, loaded: Loaded) -> None:
        if loaded.cannot_edit is None:
            self.banner.hide()
            return
        self.banner.label.setText(translated(loaded.cannot_edit.message))
        self.banner.withdraw_button.setVisible(loaded.cannot_withdraw is None)
        self.banner.correct_button.setVisible(loaded.cannot_correct is None)
        self.banner.show()

    def _update_submit(self) -> None:
        loaded = self._loaded
        refusal = loaded.cannot_submit if loaded is not None else None
        enabled = loaded is not None and refusal is None and not self._submitting
        self.submit_action.setEnabled(enabled)
        self.submit_button.setEnabled(enabled)
        tip = (
            translated(refusal.message)
            if refusal is not None
            else self.tr("Save and send the article to the reviewers (Ctrl+Shift+Enter)")
        )
        self.submit_button.setToolTip(tip)

    def _refresh_submit(self) -> None:
        """After a save the core may answer differently: a title given lifts a refusal, an
        image from another server imposes one."""
        if self._loaded is None:
            return

        def refreshed(loaded: Loaded | None) -> None:
            if alive(self) and loaded is not None and self._loaded is not None:
                self._loaded = loaded
                self._update_submit()

        self._session.read(load_article(self._session, self._article_id), refreshed)

    def _show_review_notes(self, has_notes: bool) -> None:
        index = self.side_tabs.indexOf(self.review_notes)
        was_visible = self.side_tabs.isTabVisible(index)
        self.side_tabs.setTabVisible(index, has_notes)
        if has_notes and not was_visible:
            self.side_tabs.setCurrentIndex(index)

    def _set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._autosave.enabled = editable
        self.body.setReadOnly(not editable)
        self.metadata.setEnabled(editable)
        self.toolbar.set_editable(editable)
        self.find_bar.set_read_only(not editable)
        if self.checks is not None:
            self.checks.set_read_only(not editable)
        if not editable and not self._autosave.dirty:
            self.status.setText(self.tr("Read-only"))
        elif editable and self.status.text() in ("", self.tr("Read-only")):
            self.status.setText(self.tr("All changes saved"))

    def _session_changed(self, areas: frozenset[Area], initiator: object) -> None:
        if initiator in (self, self._autosave) or Area.ARTICLES not in areas:
            return
        self.reload()

    # saving

    def _collect(self) -> dict[str, Any]:
        values = self.metadata.values()
        if not values["title"]:
            del values["title"]  # the core refuses an empty title; the field says so
        document = self.body.document()
        values["body_html"] = self.body.html()
        document.setModified(False)  # typing from now on counts as a new change
        return values

    def _body_changed(self) -> None:
        if self.body.document().isModified() and self._editable and not self._loading:
            self._autosave.touch()

    def _store_image(self, data: bytes, name: str) -> str | None:
        if len(data) > MAX_ATTACHMENT_BYTES:
            limit = MAX_ATTACHMENT_BYTES // (1024 * 1024)
            text = self.tr("“{name}” is larger than {limit} MB.").format(name=name, limit=limit)
            self.message_bar.show_message(text, Tone.WARNING)
            return None
        sha256 = hashlib.sha256(data).hexdigest()
        self._autosave.add_attachment(
            self._session.mutation(
                Kind.ATTACHMENT_ADD,
                sha256,
                mime=_image_mime(data, name),
                size=len(data),
                name=name[:255],
            ),
            data,
        )
        return sha256

    def _refused(self, refusal: Refusal) -> None:
        text = self.tr("Your changes were not saved: {reason} They are still here.").format(
            reason=translated(refusal.message)
        )
        self.message_bar.show_message(text, Tone.ERROR)
        self.reload()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    def _submit_saved(self) -> None:
        if not alive(self):
            return
        if self._autosave.dirty:  # the save was refused or failed: the reason is shown
            self._submitting = False
            self._update_submit()
            return
        self._session.read(
            saved_article(self._article_id), self._submit_article, self._submit_failed
        )

    def _submit_article(self, article: Article | None) -> None:
        if not alive(self):
            return
        if article is None:
            self._submit_failed(LookupError(self.tr("This article no longer exists.")))
            return
        over = {"open_findings": self._submitted_over} if self._submitted_over else {}
        self._act(
            Kind.ARTICLE_SUBMIT,
            base_version=article.row_version,
            revision_id=new_id(),
            content_hash=current_hash(article),
            failed=self._submit_failed,
            **over,
        )

    def _submit_failed(self, error: BaseException) -> None:
        if not alive(self):
            return
        self._submitting = False
        self._update_submit()
        text = self.tr("The article was not submitted: {error}").format(error=error)
        self.message_bar.show_message(text, Tone.ERROR)

    def _act(
        self,
        kind: Kind,
        base_version: int | None = None,
        failed: Callable[[BaseException], object] | None = None,
        **args: Any,
    ) -> None:
        mutation = self._session.mutation(
            kind,
            self._article_id,
            base_version=self._autosave.version if base_version is None else base_version,
            **args,
        )

        def done(applied: list[Applied]) -> None:
            for result in applied:
                if isinstance(result.outcome, Refusal):
                    self.message_bar.show_message(translated(result.outcome.message), Tone.ERROR)
            if alive(self):
                self._submitting = False
                self.reload()

        self._session.apply([mutation], done, initiator=self, failed=failed)

    # checks and preview

    def _load_checks(self) -> None:
        extra = self._session.workspace.wordlists

        def build() -> tuple[SensitiveMatcher, list[Message]]:
            lists = load_word_lists(shipped_wordlists_dir(), extra)
            return SensitiveMatcher(lists.entries), lists.problems

        Job(build).success(self._attach_checks).failure(self._checks_failed).run(
            self._session.runner
        )

    def _attach_checks(self, built: tuple[SensitiveMatcher, list[Message]]) -> None:
        if not alive(self):
            return
        matcher, problems = built
        self.highlighter = CheckHighlighter(self.body.document(), matcher)
        self.checks = ChecksPanel(
            self.body, self.highlighter.checker, self.side, fields=self.metadata.values
        )
        self.checks.set_read_only(not self._editable)
        self.checks.field_requested.connect(self._go_to_field)
        self.metadata.edited.connect(self.checks.schedule)
        # A list that could not be read (or lines that are not one word) is said, not hidden:
        # the others check the text meanwhile.
        self._checks_note.setText("\n".join(translated(p) for p in problems))
        self._checks_note.setVisible(bool(problems))
        self._side_layout.insertWidget(1, self.checks, 1)
        self._side_layout.takeAt(self._side_layout.count() - 1)  # the stretch

    def _go_to_field(self, name: str) -> None:
        widget = self.metadata.field_widget(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        elif name == "image_alt":
            self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def _checks_failed(self, error: BaseException) -> None:
        if alive(self):
            self._checks_note.setText(
                self.tr("Word lists could not be read: {error}").format(error=error)
            )

    def _toggle_preview(self, on: bool) -> None:
        loaded = self._loaded
        if on and loaded is not None:
            content = self.metadata.values() | {"body_html": self.body.html()}
            channel = loaded.channel.name if loaded.channel else ""
            self.preview.show_content(self._article_id, channel, content)
        self.pages.setCurrentWidget(self.preview if on else self.body)
