"""The signed-in user's session: their workspace, who they are, and the one way to change data.

Screens change data only through :meth:`Session.apply`; every accepted change is announced with
the areas it touched and who started it, so each screen refreshes only when its data changed
and the screen that made a change can skip the refresh it already did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.core.model import User
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.core.world import Area, Changes
from newsdesk.store import reads
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn, Read
from newsdesk.store.workspace import Workspace
from newsdesk.ui.jobs import Job, Runner

T = TypeVar("T")


class Session(QObject):
    changed = Signal(object, object)  # (frozenset[Area], initiator or None)
    pending_changed = Signal(int)  # changes waiting to sync

    def __init__(
        self, workspace: Workspace, actor: Actor, runner: Runner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = actor
        self.runner = runner
        self._publishing: Runner | None = None
        self._network: Runner | None = None

    @property
    def publishing(self) -> Runner:
        """The thread that makes image renditions and delivers published files, one article at
        a time, so the database thread stays free for the screens meanwhile. It touches no
        database: what it needs is read on the database thread first."""
        if self._publishing is None:
            self._publishing = Runner(self, name="newsdesk-publish")
            self._publishing.failed.connect(self.runner.failed)
        return self._publishing

    @property
    def network(self) -> Runner:
        """The thread that downloads (pasted images, say), so that neither the screens nor the
        database wait on a slow server."""
        if self._network is None:
            self._network = Runner(self, name="newsdesk-net")
            self._network.failed.connect(self.runner.failed)
        return self._network

    def shutdown(self) -> None:
        """Let a delivery under way finish (its files must not be cut in half)."""
        if self._publishing is not None:
            self._publishing.shutdown()
        if self._network is not None:
            self._network.shutdown(wait=False)

    @classmethod
    def sign_in(cls, workspace: Workspace, user_id: str, runner: Runner) -> Session:
        """A session for ``user_id``; raises ``PermissionError`` with the core's reason."""
        with workspace.store.world() as world:
            actor = actor_of(world, user_id)
        if isinstance(actor, Refusal):
            raise PermissionError(str(actor))
        return cls(workspace, actor, runner)

    @property
    def user(self) -> User:
        return self.actor.user

    def mutation(
        self,
        kind: Kind,
        entity: str | None = None,
        /,
        *,
        base_version: int | None = None,
        **args: Any,
    ) -> Mutation:
        """A new mutation by the signed-in user (``base_version``: the row version it edits)."""
        return mutation(self.user.id, kind, entity, base_version=base_version, **args)

    def read(
        self,
        query: Read[T],
        done: Callable[[T], object],
        failed: Callable[[BaseException], object] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run ``query`` on the database thread and hand its result to ``done`` on this one,
        unless ``owner`` (by default the object ``done`` is a method of) was deleted meanwhile."""
        engine = self.workspace.store.engine

        def work() -> T:
            with engine.connect() as conn:
                return query(conn)

        if owner is None and isinstance(bound := getattr(done, "__self__", None), QObject):
            owner = bound
        job = Job(work, owner).success(done)
        if failed is not None:
            job.failure(failed)
        job.run(self.runner)

    def announce(self, areas: frozenset[Area]) -> None:
        """Changes arrived from elsewhere (a sync): re-read who the user is now (their roles
        may have changed), then let the screens refresh what they show."""
        user_id = self.user.id

        def who(conn: Conn) -> Actor | Refusal:
            return reads.actor(conn, user_id)

        def refreshed(actor: Actor | Refusal) -> None:
            if isinstance(actor, Actor):
                self.actor = actor
            self.changed.emit(areas, None)

        self.read(who, refreshed, owner=self)

    def apply(
        self,
        mutations: Sequence[Mutation],
        done: Callable[[list[Applied]], object] | None = None,
        initiator: object = None,
        failed: Callable[[BaseException], object] | None = None,
        *,
        before_commit: Callable[[Conn, list[Applied]], object] | None = None,
    ) -> None:
        """Apply ``mutations`` on the database thread; announce what changed; then ``done``.

        ``failed`` hears of an error the database raised (refusals are not errors: they come
        back in ``done``); without it the error goes to the application's error presenter.
        ``before_commit`` is what must succeed for the mutations to be kept (see
        :meth:`Store.apply`), run in the same transaction.
        """
        store = self.workspace.store
        user_id = self.user.id

        def work() -> tuple[list[Applied], int, Actor | Refusal]:
            applied = store.apply(mutations, before_commit=before_commit)
            with store.world() as world:  # roles may have changed, the user's own included
                actor = actor_of(world, user_id)
            return applied, store.pending_count(), actor

        def finished(result: tuple[list[Applied], int, Actor | Refusal]) -> None:
            applied, pending, actor = result
            areas: set[Area] = set()
            for a in applied:
                if isinstance(a.outcome, Changes):
                    areas |= a.outcome.areas
            if isinstance(actor, Actor):
                self.actor = actor
            if areas:
                self.changed.emit(frozenset(areas), initiator)
            self.pending_changed.emit(pending)
            if done is not None:
                done(applied)

        job = Job(work).success(finished)
        if failed is not None:
            job.failure(failed)
        job.run(self.runner)
