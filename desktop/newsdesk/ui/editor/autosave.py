"""Saving an article while it is written: shortly after typing pauses, and on demand.

Each save is one ``article.edit`` mutation holding only the fields that changed since the last
save, preceded in the same batch by the ``attachment.add`` mutations of images added meanwhile.
One save runs at a time; a change made while one is in flight leads to another save after it, so
a later change is never dropped. A refusal keeps the text where it is (in the editor) and is
reported through :attr:`Autosave.refused`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.core.model import Article
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.refusal import Refusal
from newsdesk.core.world import Changes
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn
from newsdesk.ui.jobs import OneAtATime
from newsdesk.ui.session import Session

SAVE_DELAY_MS = 1500
MAX_DELAY_MS = 1800  # typing without a pause is saved at least this often


class Autosave(QObject):
    """Saves the values ``collect`` gives for article ``article_id``.

    A save starts :data:`SAVE_DELAY_MS` after the last change, and at the latest
    :data:`MAX_DELAY_MS` after the first unsaved one, so steady typing is saved too.
    """

    status_changed = Signal(str)
    saved = Signal()
    refused = Signal(object)  # Refusal

    def __init__(
        self,
        session: Session,
        article_id: str,
        collect: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._article_id = article_id
        self._collect = collect
        self._saved: dict[str, Any] = {}
        self._version = 0
        self._attachments: list[Mutation] = []
        self._unwritten: dict[str, bytes] = {}  # the bytes of added images, until kept
        self._edits = 0  # counts changes, so a save knows whether more came while it ran
        self._saved_edits = 0
        self._saving = OneAtATime(self._start_save)
        self._waiting: list[Callable[[], None]] = []
        self.enabled = True
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self.save)

    @property
    def version(self) -> int:
        """The article's row version as last loaded or saved."""
        return self._version

    @property
    def dirty(self) -> bool:
        return self._edits != self._saved_edits or bool(self._attachments)

    @property
    def in_flight(self) -> bool:
        return self._saving.running

    def start(self, values: dict[str, Any], version: int) -> None:
        """Take ``values`` (at row ``version``) as what the store holds."""
        self._saved = dict(values)
        self._version = version
        self._saved_edits = self._edits

    def touch(self) -> None:
        """Something changed: save once typing pauses."""
        self._edits += 1
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()
        self.status_changed.emit(self.tr("Unsaved changes"))

    def add_attachment(self, mutation: Mutation, data: bytes) -> None:
        """An ``attachment.add`` to apply before the next edit, with the file's bytes: the
        database thread writes them to the workspace in the same save, before the mutation
        is kept (a file that cannot be written leaves the save undone, to be tried again)."""
        self._attachments.append(mutation)
        self._unwritten[mutation.entity or ""] = data
        self.touch()

    def unwritten(self, sha256: str) -> bytes | None:
        """The bytes of an added image not yet written to the workspace."""
        return self._unwritten.get(sha256)

    def save(self, done: Callable[[], None] | None = None) -> None:
        """Save now; ``done`` runs once everything changed so far was saved or refused."""
        self._timer.stop()
        self._deadline.stop()
        if done is not None:
            self._waiting.append(done)
        self._saving.request()

    def _start_save(self) -> None:
        changes = self._changes() if self.enabled else {}
        if not changes and not self._attachments:
            self._saved_edits = self._edits
            self._saving.finish()
            self._finish_waiting()
            return
        mutations = list(self._attachments)
        if changes:
            mutations.append(
                self._session.mutation(
                    Kind.ARTICLE_EDIT,
                    self._article_id,
                    base_version=self._version,
                    base={k: self._saved.get(k) for k in changes},
                    **changes,
                )
            )
        self.status_changed.emit(self.tr("Saving…"))
        started = self._edits
        files, blobs = list(self._unwritten.values()), self._session.workspace.blobs

        def write_files(_conn: Conn, _applied: list[Applied]) -> None:
            for data in files:
                blobs.put(data)

        self._session.apply(
            mutations,
            lambda applied: self._applied(applied, changes, started),
            initiator=self,
            failed=self._failed,
            before_commit=write_files if files else None,
        )

    def _changes(self) -> dict[str, Any]:
        values = self._collect()
        return {k: v for k, v in values.items() if k not in self._saved or self._saved[k] != v}

    def _applied(self, applied: list[Applied], changes: dict[str, Any], started: int) -> None:
        refusal: Refusal | None = None
        for result in applied:
            if result.mutation.kind is Kind.ATTACHMENT_ADD:
                if result.accepted or result.replayed:
                    self._attachments = [m for m in self._attachments if m.id != result.mutation.id]
                    self._unwritten.pop(result.mutation.entity or "", None)
                continue
            if isinstance(result.outcome, Refusal):
                refusal = result.outcome
            elif isinstance(result.outcome, Changes):
                for entity in result.outcome.upserts:
                    if isinstance(entity, Article) and entity.id == self._article_id:
                        self._version = entity.row_version
                self._saved.update(changes)
        if refusal is not None:
            self.status_changed.emit(self.tr("Not saved"))
            self._saving.fail()
            self.refused.emit(refusal)
            self._finish_waiting()
            return
        if self._edits == started and not self._attachments:
            self._saved_edits = started
        time = dt.datetime.now().strftime("%H:%M")
        self.status_changed.emit(self.tr("Saved at {time}").format(time=time))
        self.saved.emit()
        if self._saving.finish():
            return  # asked to save while this one ran: that save is under way
        if self._edits != started and self._waiting:
            self.save()
        elif self._edits == started:
            self._finish_waiting()
        # else: the timers that the later change started will save it

    def _failed(self, error: BaseException) -> None:
        self._saving.fail()
        self.status_changed.emit(self.tr("Not saved: {error}").format(error=error))
        self._finish_waiting()

    def _finish_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for done in waiting:
            done()
