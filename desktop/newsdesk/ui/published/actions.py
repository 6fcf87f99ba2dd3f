"""Publishing from the desktop: publish, re-publish, start a correction, retract, retry failed
deliveries. The board and the Published page share these.

The mutation goes through :meth:`Session.apply` like every change (the database thread, the
outbox, the screens' refresh), with the article's files exported in its transaction; the slow
parts that need no database (image renditions before, delivery after) run on the session's
publishing thread, with a progress window, so the screens stay usable while files are made and
POSTed. What did not arrive is said, and stays listed for a retry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from newsdesk.core.model import Article, ArticleState, Channel, Target
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.core.refusal import Refusal
from newsdesk.publish.publisher import (
    TARGET_ORDER,
    FailedDelivery,
    Outgoing,
    Publisher,
    PublishingSettings,
    Report,
    Sent,
    load_settings,
    publication_images,
    save_settings,
)
from newsdesk.store import reads
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn, Read
from newsdesk.store.workspace import disk_full
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job
from newsdesk.ui.published.dialogs import (
    CorrectionDialog,
    PublishDialog,
    PublishingSettingsDialog,
    RetractDialog,
)
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.message_bar import Tone

PROGRESS_DELAY_MS = 400  # a quick publish finishes before a progress window would flash up


@dataclass(frozen=True)
class _Subject:
    article: Article
    channel: Channel

    @property
    def targets(self) -> tuple[Target, ...]:
        return tuple(
            t for t in TARGET_ORDER if t in self.channel.targets and t in self.article.targets
        )


def _subject(article_id: str) -> Read[_Subject | None]:
    def query(conn: Conn) -> _Subject | None:
        found = reads.article_and_channel(conn, article_id)
        return _Subject(*found) if found is not None else None

    return query


class _ProgressBridge(QObject):
    """Carries the publishing thread's progress to the progress window (a queued signal)."""

    step = Signal(int, int)


class PublishingActions(QObject):
    message = Signal(str, object)  # (text, Tone)
    sent = Signal(str)  # an article's files went out (or their failures are listed)
    failures_changed = Signal(int)  # how many files wait for a retry

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._site_name = self.tr("Newsdesk")
        self.attempts = 5  # HTTP retry policy: attempts per file, first backoff in seconds
        self.backoff = 0.5

    # --- publishing ---------------------------------------------------------------------------

    def publish(self, article_id: str) -> None:
        """Ask for confirmation (and a correction's note), then publish the signed-off revision."""
        self._session.read(_subject(article_id), self._confirm_publish, owner=self)

    def _confirm_publish(self, subject: _Subject | None) -> None:
        if subject is None:
            self.message.emit(self.tr("This article no longer exists."), Tone.ERROR)
            return
        article = subject.article
        dialog = PublishDialog(
            article.title,
            subject.targets,
            correction=article.is_correction,
            scheduled=article.publish_at if article.state == ArticleState.SIGNED_OFF else None,
            parent=self._window,
        )
        self._open(dialog, lambda: self._publish(article, dialog.correction_note()))

    def republish(self, article_id: str, title: str) -> None:
        """Publish the current published revision again (after a template or settings change):
        recorded as a new publication of the same version."""
        self._publish_by_id(article_id, title, "")

    def _publish(self, article: Article, note: str) -> None:
        self._publish_by_id(article.id, article.title, note)

    def _publish_by_id(self, article_id: str, title: str, note: str) -> None:
        workspace, actor_id = self._session.workspace, self._session.user.id

        def build(_conn: Conn) -> Mutation:
            return Publisher(workspace).publish_mutation(actor_id, article_id, note)

        def built(attempt: Mutation) -> None:
            done = self.tr("Published “{title}”.").format(title=title)
            self._apply_then_send(attempt, title, done)

        self._session.read(build, built, owner=self)

    # --- corrections and retractions ----------------------------------------------------------

    def start_correction(
        self, article_id: str, then: Callable[[str], object] | None = None
    ) -> None:
        """Ask which kind of correction, then make the published article a draft again;
        ``then(article_id)`` runs once the correction has started (to open the editor)."""

        def loaded(subject: _Subject | None) -> None:
            if subject is None:
                self.message.emit(self.tr("This article no longer exists."), Tone.ERROR)
                return
            dialog = CorrectionDialog(
                subject.article.title, subject.channel.typo_fast_path, self._window
            )

            def accepted() -> None:
                args = {"typo": True} if dialog.typo_only() else {}
                attempt = self._session.mutation(Kind.ARTICLE_CORRECT, article_id, **args)

                def applied(results: list[Applied]) -> None:
                    if self._refused(results):
                        return
                    self.message.emit(
                        self.tr(
                            "The correction of “{title}” has started: edit it and submit it "
                            "for review."
                        ).format(title=subject.article.title),
                        Tone.INFO,
                    )
                    if then is not None:
                        then(article_id)

                self._session.apply([attempt], applied, initiator=self)

            self._open(dialog, accepted)

        self._session.read(_subject(article_id), loaded, owner=self)

    def retract(self, article_id: str, title: str) -> None:
        """Ask for the reason, then withdraw the article from every target."""
        dialog = RetractDialog(title, self._window)

        def accepted() -> None:
            attempt = self._session.mutation(
                Kind.ARTICLE_RETRACT, article_id, reason=dialog.reason_text()
            )
            done = self.tr("Retracted “{title}” from every target.").format(title=title)
            self._apply_then_send(attempt, title, done)

        self._open(dialog, accepted)

    # --- delivery -----------------------------------------------------------------------------

    def _apply_then_send(self, attempt: Mutation, title: str, done: str) -> None:
        """Make the images' renditions (publishing thread), record the mutation once the
        article's files are written (database thread), then deliver them (publishing thread):
        a publication whose files a full disk refused is not recorded."""
        make = self._publisher()
        bridge, progress = self._progress(self.tr("Publishing “{title}”…").format(title=title))

        def prepare(conn: Conn) -> tuple[Publisher, list[str]]:
            return make(), publication_images(conn, attempt)

        def prepared(found: tuple[Publisher, list[str]]) -> None:
            publisher, digests = found
            Job(lambda: publisher.make_renditions(digests), self).success(
                lambda _: export(publisher)
            ).failure(failed).run(self._session.publishing)

        def export(publisher: Publisher) -> None:
            outgoing: list[Outgoing] = []

            def applied(results: list[Applied]) -> None:
                if self._refused(results):
                    progress.close()
                    return
                self._deliver(publisher, outgoing[0], title, (progress, bridge), done)

            self._session.apply(
                [attempt],
                applied,
                initiator=self,
                failed=failed,
                before_commit=publisher.exporting(outgoing),
            )

        def failed(error: BaseException) -> None:
            progress.close()
            if disk_full(error):
                reason = self.tr("the disk is full; free some space and try again")
            else:
                reason = str(error)
            self.message.emit(
                self.tr(
                    "“{title}” was not published: its files could not be written ({reason})."
                ).format(title=title, reason=reason),
                Tone.ERROR,
            )

        self._session.read(prepare, prepared, failed, owner=self)

    def _deliver(
        self,
        publisher: Publisher,
        outgoing: Outgoing,
        title: str,
        shown: tuple[QProgressDialog, _ProgressBridge],
        done: str,
    ) -> None:
        progress, bridge = shown

        def delivered(sent: Sent) -> None:
            Job(lambda: (publisher.record(sent), len(publisher.failed())), self).success(
                recorded
            ).failure(failed).run(self._session.runner)

        def recorded(result: tuple[Report, int]) -> None:
            progress.close()
            report, waiting = result
            self._report(report, done)
            self.failures_changed.emit(waiting)
            self.sent.emit(outgoing.article_id)

        def failed(error: BaseException) -> None:
            progress.close()
            self.message.emit(
                self.tr(
                    "“{title}” is published, but delivering its files failed: {reason}. "
                    "Re-publish it from the Published page once the problem is fixed."
                ).format(title=title, reason=error),
                Tone.ERROR,
            )

        Job(lambda: publisher.deliver(outgoing, progress=bridge.step.emit), self).success(
            delivered
        ).failure(failed).run(self._session.publishing)

    def retry_failed(self) -> None:
        """Deliver again every article with a file that did not arrive: exported again on the
        database thread, delivered on the publishing thread, the outcome recorded."""
        make = self._publisher()
        bridge, progress = self._progress(self.tr("Delivering again…"))

        def exported(found: tuple[Publisher, list[Outgoing]]) -> None:
            publisher, outgoing = found
            Job(lambda: publisher.deliver_all(outgoing, progress=bridge.step.emit), self).success(
                lambda sent: record(publisher, sent)
            ).failure(failed).run(self._session.publishing)

        def record(publisher: Publisher, sent: list[Sent]) -> None:
            Job(lambda: (publisher.record_all(sent), len(publisher.failed())), self).success(
                finished
            ).failure(failed).run(self._session.runner)

        def finished(result: tuple[Report, int]) -> None:
            progress.close()
            report, waiting = result
            self._report(report, self.tr("Every waiting file was delivered."))
            self.failures_changed.emit(waiting)

        def failed(error: BaseException) -> None:
            progress.close()
            self.message.emit(
                self.tr("Delivering again failed: {reason}").format(reason=error), Tone.ERROR
            )

        def export() -> tuple[Publisher, list[Outgoing]]:
            publisher = make()
            return publisher, publisher.export_failed()

        Job(export, self).success(exported).failure(failed).run(self._session.runner)

    def load_state(self, done: Callable[[list[FailedDelivery], Path], object]) -> None:
        """The files waiting for a retry and the output folder, read on the database thread."""
        make = self._publisher()

        def work() -> tuple[list[FailedDelivery], Path]:
            publisher = make()
            return publisher.failed(), publisher.out

        Job(work, self).success(lambda state: done(*state)).run(self._session.runner)

    def _publisher(self) -> Callable[[], Publisher]:
        """Makes a publisher with this workspace's settings, on the database thread (it reads
        them)."""
        workspace, site_name = self._session.workspace, self._site_name
        attempts, backoff = self.attempts, self.backoff
        return lambda: Publisher(
            workspace, attempts=attempts, backoff=backoff, default_site_name=site_name
        )

    def _report(self, report: Report, done: str) -> None:
        failures = report.failures
        if not failures:
            self.message.emit(done, Tone.INFO)
            return
        self.message.emit(
            self.tr(
                "{count} files did not arrive ({reason}). They are listed under failed "
                "deliveries; retry them when the destination is back."
            ).format(count=len(failures), reason=failures[0].reason),
            Tone.WARNING,
        )

    def _progress(self, label: str) -> tuple[_ProgressBridge, QProgressDialog]:
        progress = QProgressDialog(label, "", 0, 0, self._window)
        progress.setCancelButton(None)  # half a delivery is worse than a finished one
        progress.setWindowTitle(self.tr("Publishing"))
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        bridge = _ProgressBridge(progress)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        bridge.step.connect(step)
        return bridge, progress

    # --- settings -----------------------------------------------------------------------------

    def edit_settings(self) -> None:
        """The administrator's publishing settings, read and saved off the UI thread."""
        workspace = self._session.workspace

        def loaded(settings: PublishingSettings) -> None:
            dialog = PublishingSettingsDialog(settings, workspace.export, self._window)

            def accepted() -> None:
                chosen = dialog.settings()
                Job(lambda: save_settings(workspace, chosen), self).success(
                    lambda _: self.message.emit(self.tr("Publishing settings saved."), Tone.INFO)
                ).run(self._session.runner)

            self._open(dialog, accepted)

        Job(lambda: load_settings(workspace), self).success(loaded).run(self._session.runner)

    # --- plumbing -----------------------------------------------------------------------------

    def _refused(self, results: list[Applied]) -> bool:
        for result in results:
            if isinstance(result.outcome, Refusal):
                self.message.emit(translated(result.outcome.message), Tone.ERROR)
                return True
        return False

    def _open(self, dialog: QDialog, accepted: Callable[[], object]) -> None:
        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
