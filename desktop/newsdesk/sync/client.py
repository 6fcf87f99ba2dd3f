"""The desktop's sync client: sign in, push the outbox, pull what changed, on asyncio (qasync).

One *round* pushes everything waiting (attachments first, then the mutations, in order) and
then pulls page by page until the server has nothing more; each page is laid down with its
cursor in one transaction (on a worker thread, so the UI stays free). :class:`SyncLoop` runs
rounds every few seconds and on demand, backs off while the server is unreachable, and stops to
ask when the sign-in expired or the server was restored from an older backup.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
import platform
import random
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, Final
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from newsdesk import __version__
from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.mutation import Kind, Mutation
from newsdesk.passwords import hash_password
from newsdesk.preset import desktop_verification
from newsdesk.store import outbox
from newsdesk.store.blobs import BlobStore
from newsdesk.sync import protocol
from newsdesk.sync.replica import Replica
from newsdesk.sync.status import State, SyncStatus

log = logging.getLogger(__name__)

TOKEN: Final = "sync.token"
PLAIN_HTTP: Final = "sync.plain_http"  # "1": the user allowed http:// to this (network) server
LOOPBACK: Final = frozenset({"127.0.0.1", "::1", "localhost"})
INTERVAL: Final = 5.0  # seconds between rounds while online
MAX_BACKOFF: Final = 60.0
PAGE: Final = 2000  # rows asked for per pull page
LONG_POLL: Final = 40.0  # read timeout of a long-poll: the server answers within 25 s


class SyncError(Exception):
    """Sync cannot go on; ``message`` says why, for people."""

    def __init__(self, source: str, **params: object) -> None:
        self.message = Message("Sync", source, params)
        super().__init__(str(self.message))


def unencrypted(url: str) -> bool:
    """Whether ``url`` is plain HTTP to another machine (passwords would cross in clear)."""
    parts = httpx.URL(url)
    return parts.scheme == "http" and parts.host not in LOOPBACK


class UnreachableError(SyncError):
    """The server could not be reached, or failed; trying again later may work."""


class SignInNeededError(SyncError):
    """The server does not accept the saved sign-in any more."""


class EpochChangedError(SyncError):
    """The server's history is not the one this workspace synced with (a restore)."""

    def __init__(self, epoch: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Sync",
                "The server was restored from a backup and may have lost changes made here. "
                "Push this workspace's changes to it again?",
            )
        )
        self.epoch = epoch


class UpdateNeededError(SyncError):
    """The server does not serve this desktop's version (426): only an update helps, so
    syncing pauses until the desktop is updated; nothing made here is lost meanwhile."""


class RequestRefusedError(SyncError):
    """The server answered a request with a refusal (a policy, a right); ``status`` says which."""

    def __init__(self, source: str, *, status: int, **params: object) -> None:
        super().__init__(source, **params)
        self.status = status


class CancelledError(Exception):
    """The caller asked a pull to stop; what was pulled so far is kept."""


@dataclass(frozen=True)
class Progress:
    cursor: int
    head: int
    rows: int  # rows laid down so far in this pull


@dataclass(frozen=True)
class Round:
    pushed: int
    pulled: int
    refused: int
    tables: frozenset[str]
    push_error: Message | None = None  # why the push failed, though the pull worked


def _fill(
    queued: list[tuple[int, Mutation]], budget: int
) -> tuple[list[tuple[int, Mutation]], list[bytes]]:
    """The longest run of ``queued`` whose encoding fits in ``budget`` bytes (at least one)."""
    batch: list[tuple[int, Mutation]] = []
    parts: list[bytes] = []
    size = 0
    for seq, m in queued:
        data = outbox.wire_bytes(m)
        if batch and size + len(data) + 1 > budget:
            break
        batch.append((seq, m))
        parts.append(data)
        size += len(data) + 1
    return batch, parts


def _final_after(replica: Replica, seq: int, count: int) -> list[tuple[int, Mutation]]:
    """Up to ``count`` outbox mutations after ``seq`` that no later save can change, so they
    may be read before their turn: a save is folded only into the newest unsent mutation (see
    :func:`newsdesk.store.outbox.last_unsent`), so a read that reaches the newest gives none."""
    queued = replica.outbox_after(seq, count + 1)
    return queued[:count] if len(queued) > count else []


class SyncClient:
    """One workspace's connection to one sync service."""

    def __init__(
        self,
        replica: Replica,
        url: str,
        *,
        blobs: BlobStore | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 30.0,
        run_db: Callable[[Callable[[], Any]], Awaitable[Any]] | None = None,
        allow_plain_http: bool | None = None,
        verify: ssl.SSLContext | None = None,
    ) -> None:
        """``verify``: how the server's certificate is checked (default: the CA store shipped
        with Newsdesk plus the branch preset's CA, see :func:`newsdesk.preset.verification`)."""
        self.replica = replica
        # Where database work runs: a worker thread by default; the desktop passes its own
        # database thread, so the outbox is written in one order.
        self.db = run_db or asyncio.to_thread
        self.url = url.rstrip("/")
        self.blobs = blobs
        self.http = httpx.AsyncClient(
            base_url=self.url,
            transport=transport,
            timeout=timeout,
            headers={protocol.VERSION_HEADER: __version__},
            verify=verify if verify is not None else desktop_verification(),
        )
        # Both read from the workspace before the first request, on its database thread (the
        # client is made on the UI thread, where the desktop's database refuses statements).
        self.token: str | None = None
        # http:// to another machine only when the user said so (for this workspace).
        self._allow_plain_http = allow_plain_http
        self._settings_read = False
        # The newest desktop release the server last announced (``serve --latest-desktop``).
        self.latest_desktop: protocol.DesktopRelease | None = None

    @property
    def allow_plain_http(self) -> bool:
        return bool(self._allow_plain_http)

    async def _read_settings(self) -> None:
        if self._settings_read:
            return
        store = self.replica.store
        token, plain_http = await self.db(lambda: (store.setting(TOKEN), store.setting(PLAIN_HTTP)))
        self.token = token
        if self._allow_plain_http is None:
            self._allow_plain_http = plain_http == "1"
        self._settings_read = True

    async def close(self) -> None:
        await self.http.aclose()

    # --- talking to the service ---------------------------------------------------------------

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        await self._read_settings()
        if unencrypted(self.url) and not self.allow_plain_http:
            raise SyncError(
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "{url} is not encrypted (http://): passwords and your work would cross the "
                    "network in clear text. Use its https:// address, or allow an unencrypted "
                    "connection explicitly.",
                ),
                url=self.url,
            )
        headers = kwargs.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            answer = await self.http.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as error:
            if untrusted := _untrusted_certificate(error):
                raise UnreachableError(
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "The certificate of {url} is not trusted ({reason}). If the newsroom "
                        "uses its own certificate authority, your IT department adds it to the "
                        "branch preset.",
                    ),
                    url=self.url,
                    reason=untrusted,
                ) from error
            raise UnreachableError(
                QT_TRANSLATE_NOOP("Sync", "The server at {url} cannot be reached ({reason})."),
                url=self.url,
                reason=type(error).__name__,
            ) from error
        if answer.status_code == 401:
            raise SignInNeededError(
                QT_TRANSLATE_NOOP("Sync", "The server asks you to sign in again.")
            )
        if answer.status_code == 426:
            raise UpdateNeededError(
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The server does not serve this version of Newsdesk: {detail} Ask your IT "
                    "department for the update; your work stays on this computer meanwhile.",
                ),
                detail=_detail(answer),
            )
        if answer.status_code >= 500 or answer.status_code == 429:
            raise UnreachableError(
                QT_TRANSLATE_NOOP("Sync", "The server answered {status}: {detail}"),
                status=answer.status_code,
                detail=_detail(answer),
            )
        return answer

    async def sign_in(self, login: str, password: str) -> protocol.LoginResponse:
        """Sign in online; on success keep the token and an Argon2 verifier of the password, so
        this account can open the workspace offline later."""
        try:
            answer = await self._send(
                "POST",
                "/v1/auth/login",
                json={
                    "protocol": protocol.PROTOCOL,
                    "login": login,
                    "password": password,
                    "workstation": platform.node()[:200],
                    "app_version": __version__,
                },
            )
        except SignInNeededError:
            raise SignInNeededError(
                QT_TRANSLATE_NOOP("Sync", "Wrong login or password, or a disabled account.")
            ) from None
        if answer.status_code != 200:
            raise SyncError(
                QT_TRANSLATE_NOOP("Sync", "The server refused the sign-in: {detail}"),
                detail=_detail(answer),
            )
        signed = protocol.LoginResponse.model_validate(answer.json())
        verifier = await asyncio.to_thread(hash_password, password)
        await self.db(lambda: self._remember(signed, verifier))
        return signed

    async def connect(
        self,
        login: str,
        password: str,
        progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> protocol.LoginResponse:
        """Sign in and make the first pull (which a cancel interrupts and a later round
        resumes), so the workspace holds the newsroom before anyone works in it."""
        signed = await self.sign_in(login, password)
        await self.limits()
        await self.pull(progress, cancelled)
        return signed

    def _remember(self, signed: protocol.LoginResponse, verifier: str) -> None:
        self.token = signed.token
        self.replica.connect(self.url, signed.user_id)
        self.replica.store.set_setting(TOKEN, signed.token)
        self.replica.store.set_setting(PLAIN_HTTP, "1" if self.allow_plain_http else "")
        self.replica.remember_verifier(signed.user_id, verifier)

    # --- a round ------------------------------------------------------------------------------

    async def limits(self) -> tuple[int, int]:
        """The largest request (bytes) and push (mutations) the server takes, as its
        ``/v1/health`` announces them; kept, so the outbox refuses an oversized change offline
        too. The ones last heard when the server does not say."""
        answer = await self._send("GET", "/v1/health")
        if answer.status_code != 200:
            known: tuple[int, int] = await self.db(self.replica.push_limits)
            return known
        health = protocol.Health.model_validate_json(answer.content)
        self.latest_desktop = health.latest_desktop
        await self.db(
            functools.partial(
                self.replica.set_push_limits, health.max_request_bytes, health.max_push
            )
        )
        return health.max_request_bytes, health.max_push

    async def push(self) -> int:
        """Push the outbox as it is now, in order, in requests the server takes (by count and
        by bytes); returns how many mutations were sent.

        Outcomes are settled by the pull that follows (it carries them with the rows they
        changed), so pushing again after a lost answer is harmless: ids are unique. A mutation
        too large for any request is kept as refused, with the reason, instead of jamming the
        outbox."""
        max_bytes, max_count = await self.limits()
        budget = max_bytes - outbox.ENVELOPE
        sent = 0
        after = 0
        ahead: list[tuple[int, Mutation]] = []  # read while the request before travelled
        while True:
            queued = ahead or await self.db(
                functools.partial(self.replica.outbox_after, after, max_count)
            )
            ahead = []
            if not queued:
                return sent
            batch, parts = _fill(queued, budget)
            size = sum(len(p) + 1 for p in parts)
            if size > budget:  # one mutation alone is larger than the server takes
                refusal = outbox.too_large(size, max_bytes)
                await self.db(functools.partial(self.replica.refuse_here, batch[0][1].id, refusal))
                after = batch[0][0]
                continue
            await self._upload_blobs([m for _, m in batch])
            # The next batch is read while this one travels (the desktop waited for each answer
            # before reading the next, a tenth of a 10,000-change push).
            pushed: protocol.PushResponse | None
            pushed, ahead = await asyncio.gather(
                self._send_batch(batch[-1][0], parts),
                self.db(functools.partial(_final_after, self.replica, batch[-1][0], max_count)),
            )
            if pushed is None:  # a proxy in front takes less than the server said
                budget = max(1, size // 2) if len(batch) > 1 else 0
                ahead = []
                continue
            await self._check_epoch(pushed.epoch)
            sent += len(batch)
            after = batch[-1][0]

    async def _send_batch(self, last: int, parts: list[bytes]) -> protocol.PushResponse | None:
        """One push request and its outcomes (``None``: too large for a proxy in front); the
        outbox is marked sent up to ``last`` first (no save may be folded into what the server
        may hold), and unmarked if the request surely never reached it."""
        was = await self.db(functools.partial(self.replica.mark_sent, last))
        body = b'{"protocol":%d,"mutations":[%b]}' % (protocol.PROTOCOL, b",".join(parts))
        try:
            answer = await self._send(
                "POST",
                "/v1/sync/push",
                content=body,
                headers={"Content-Type": "application/json"},
            )
        except SignInNeededError:
            await self.db(functools.partial(self.replica.unmark_sent, was))
            raise
        except UnreachableError as error:
            if isinstance(error.__cause__, httpx.ConnectError):
                await self.db(functools.partial(self.replica.unmark_sent, was))
            raise
        pushed = outcomes_in(answer)
        if pushed is not None:
            return pushed
        await self.db(functools.partial(self.replica.unmark_sent, was))
        if answer.status_code == 413:
            return None
        raise SyncError(
            QT_TRANSLATE_NOOP("Sync", "The server refused the changes sent: {detail}"),
            detail=_detail(answer),
        )

    async def _upload_blobs(self, mutations: list[Mutation]) -> None:
        if self.blobs is None:
            return
        for m in mutations:
            if m.kind is not Kind.ATTACHMENT_ADD or not self.blobs.has(m.entity):
                continue
            data = await asyncio.to_thread(self.blobs.read, m.entity)
            answer = await self._send(
                "PUT",
                f"/v1/blobs/{m.entity}",
                content=data,
                headers={"Content-Type": "application/octet-stream"},
            )
            if answer.status_code not in (200, 201):
                raise SyncError(
                    QT_TRANSLATE_NOOP("Sync", "The server refused an attachment: {detail}"),
                    detail=_detail(answer),
                )

    async def _check_epoch(self, epoch: str) -> None:
        known = await self.db(lambda: self.replica.epoch)
        if known is not None and known != epoch:
            raise EpochChangedError(epoch)

    async def pull(
        self,
        progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        page_size: int = PAGE,
    ) -> tuple[int, int, frozenset[str]]:
        """Pull until the server has nothing more; returns rows and refusals laid down and the
        tables touched. A cancelled or interrupted pull resumes from the last saved page."""
        rows = refused = 0
        tables: set[str] = set()
        if cancelled is not None and cancelled():
            raise CancelledError
        cursor = await self.db(lambda: self.replica.cursor)
        fetching = asyncio.ensure_future(self._pull_page(cursor, page_size))
        try:
            while True:
                page = await fetching
                await self._check_epoch(page.epoch)
                # The next page is asked for (from the cursor this one will save) while this one
                # is laid down, so the server's and the network's time overlaps the database's.
                if page.more and not (cancelled is not None and cancelled()):
                    fetching = asyncio.ensure_future(self._pull_page(page.cursor, page_size))
                applied = await self.db(functools.partial(self.replica.apply_page, page))
                await self._download_blobs(page)
                rows += applied.rows
                refused += applied.refused
                tables |= applied.tables
                if progress is not None:
                    progress(Progress(page.cursor, page.head, rows))
                if not page.more:
                    return rows, refused, frozenset(tables)
                if cancelled is not None and cancelled():
                    raise CancelledError
        finally:
            if not fetching.done():
                fetching.cancel()  # a page asked for ahead that will not be laid down
            elif not fetching.cancelled():
                fetching.exception()  # retrieved: the error, if any, was raised already or moot

    async def _pull_page(self, cursor: int, page_size: int) -> protocol.PullResponse:
        answer = await self._send(
            "POST",
            "/v1/sync/pull",
            json={"protocol": protocol.PROTOCOL, "cursor": cursor, "limit": page_size},
        )
        if answer.status_code != 200:
            raise SyncError(
                QT_TRANSLATE_NOOP("Sync", "The server refused the pull: {detail}"),
                detail=_detail(answer),
            )
        return protocol.PullResponse.model_validate_json(answer.content)

    async def _download_blobs(self, page: protocol.PullResponse) -> None:
        if self.blobs is None:
            return
        for wire in page.rows:
            if wire.table != "attachments" or self.blobs.has(wire.key):
                continue
            answer = await self._send("GET", f"/v1/blobs/{wire.key}")
            if answer.status_code == 200:
                await asyncio.to_thread(self.blobs.put, answer.content)

    async def round(self) -> Round:
        """Push, then pull: a push that fails (a refusal, an overloaded server) does not stop
        the pull, so what others did still arrives; the round reports the push's error."""
        push_error: Message | None = None
        try:
            pushed = await self.push()
        except (SignInNeededError, EpochChangedError, UpdateNeededError):
            raise
        except SyncError as error:
            pushed, push_error = 0, error.message
        pulled, refused, tables = await self.pull()
        await self.report()
        return Round(pushed, pulled, refused, tables, push_error)

    async def wait_for_head(self, after: int) -> int | None:
        """The server's head once it passed ``after``, or as it is after the server's longest
        wait; ``None`` from a server that does not offer waiting (older than this desktop)."""
        answer = await self._send(
            "GET",
            "/v1/changes/wait",
            params={"after": after},
            timeout=httpx.Timeout(self.http.timeout.connect, read=LONG_POLL),
        )
        if answer.status_code in (404, 405):
            return None
        if answer.status_code != 200:
            raise SyncError(
                QT_TRANSLATE_NOOP("Sync", "The server refused to announce changes: {detail}"),
                detail=_detail(answer),
            )
        try:
            moved = protocol.HeadMoved.model_validate_json(answer.content)
        except ValidationError as error:
            raise UnreachableError(
                QT_TRANSLATE_NOOP("Sync", "The server answered {status}: {detail}"),
                status=answer.status_code,
                detail=type(error).__name__,
            ) from error
        return moved.head

    # --- the audit log and accounts -------------------------------------------------------------

    async def report(self) -> int:
        """Send the server's audit log what this desktop did alone (offline sign-ins, exports);
        returns how many events went."""
        events = await self.db(self.replica.audit_outbox)
        if not events:
            return 0
        answer = await self._send(
            "POST",
            "/v1/audit/events",
            json={"protocol": protocol.PROTOCOL, "events": events},
        )
        if answer.status_code != 204:
            raise SyncError(
                QT_TRANSLATE_NOOP("Sync", "The server refused the audit events: {detail}"),
                detail=_detail(answer),
            )
        await self.db(functools.partial(self.replica.forget_reported, [e["id"] for e in events]))
        return len(events)

    async def _ask(self, path: str, body: dict[str, Any], expected: int = 200) -> httpx.Response:
        answer = await self._send("POST", path, json={"protocol": protocol.PROTOCOL, **body})
        if answer.status_code != expected:
            raise RequestRefusedError(
                QT_TRANSLATE_NOOP("Sync", "The server refused: {detail}"),
                detail=_detail(answer),
                status=answer.status_code,
            )
        return answer

    async def audit_page(self, query: dict[str, Any]) -> protocol.AuditPage:
        """Audit entries and alerts (administrators and auditors)."""
        answer = await self._ask("/v1/audit/entries", query)
        return protocol.AuditPage.model_validate_json(answer.content)

    async def verify_audit(self) -> protocol.AuditVerdict:
        answer = await self._ask("/v1/audit/verify", {})
        return protocol.AuditVerdict.model_validate_json(answer.content)

    async def create_user(self, **fields: Any) -> str:
        """A new user with a password (administrators): the server checks the policy."""
        answer = await self._ask("/v1/users", fields, expected=201)
        return protocol.UserCreated.model_validate_json(answer.content).user_id

    async def reset_password(self, user_id: str, password: str) -> None:
        await self._ask(f"/v1/users/{user_id}/password", {"password": password}, expected=204)

    async def sign_in_locks(self) -> dict[str, dt.datetime | None]:
        """Login -> the end of its wait (``None``: locked until unlocked), for administrators."""
        answer = await self._ask("/v1/users/locks", {})
        locks = protocol.SignInLocks.model_validate_json(answer.content).locks
        return {lock.login: lock.until for lock in locks}

    async def unlock(self, login: str) -> None:
        """Lift the lock repeated failed sign-ins put on ``login`` (administrators)."""
        await self._ask(f"/v1/users/{quote(login, safe='')}/unlock", {}, expected=204)


def outcomes_in(answer: httpx.Response) -> protocol.PushResponse | None:
    """The outcomes a push's answer carries: with 200, or with 403 when every change was
    forbidden (each still has its outcome); a 403 about the request itself carries none."""
    if answer.status_code not in (200, 403):
        return None
    try:
        return protocol.PushResponse.model_validate_json(answer.content)
    except ValidationError:
        return None


def _detail(answer: httpx.Response) -> str:
    try:
        detail = answer.json().get("detail")
    except ValueError:
        return answer.text[:200] or str(answer.status_code)
    return str(detail)[:500]


def _untrusted_certificate(error: BaseException) -> str:
    """Why the server's certificate was refused, if that is what failed ("" otherwise)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return str(cause.verify_message or cause.reason)
        cause = cause.__cause__ or cause.__context__
    return ""


class SyncLoop:
    """Rounds every :data:`INTERVAL` seconds and whenever :meth:`poke` is called."""

    def __init__(
        self,
        client: SyncClient,
        report: Callable[[SyncStatus], None],
        *,
        interval: float = INTERVAL,
        live: bool = True,
    ) -> None:
        """``live``: also keep a long-poll open while online, so a change made elsewhere
        starts a round at once; the rounds every ``interval`` seconds stay as the fallback."""
        self.client = client
        self.report = report
        self.interval = interval
        self.live = live
        self._wake = asyncio.Event()
        self._online = asyncio.Event()  # the last round reached the server
        self._stopped = False
        self._failures = 0
        self.status = SyncStatus(State.OFFLINE)
        self.watcher: asyncio.Task[None] | None = None

    def poke(self) -> None:
        """Sync now (a change was made, or the user asked)."""
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()
        self._stop_watching()

    def _stop_watching(self) -> None:
        # Once: a second cancel would interrupt httpx closing the long-poll's connection,
        # leaving the service waiting on it.
        if self.watcher is not None and not self.watcher.cancelling():
            self.watcher.cancel()

    def _publish(self, status: SyncStatus) -> None:
        self.status = status
        self.report(status)

    async def run(self) -> None:
        if self.live:
            self.watcher = asyncio.create_task(self._watch())
        try:
            while not self._stopped:
                try:
                    wait = await self.step()
                except Exception as error:  # reported, and syncing goes on
                    wait = self._failed_here(error)
                if wait is None:
                    await self._wake.wait()  # until the user acts
                else:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), wait)
                self._wake.clear()
        finally:
            self._stop_watching()

    async def _watch(self) -> None:
        """While online, wait on the server for a head past what this workspace pulled (or
        past the head it last announced, so a round still running is not asked for again);
        then poke a round, which runs after the current one, never beside it. While offline,
        wait for a round to reach the server again; a failed wait backs off."""
        announced = 0
        failures = 0
        replica = self.client.replica
        while not self._stopped:
            await self._online.wait()
            try:
                after = max(announced, await self.client.db(lambda: replica.cursor))
                head = await self.client.wait_for_head(after)
            except Exception as error:  # the rounds go on meanwhile; live updates resume
                if not isinstance(error, SyncError):
                    log.error("waiting for changes failed on this computer", exc_info=error)
                failures += 1
                await asyncio.sleep(min(MAX_BACKOFF, 2.0**failures) * random.uniform(0.8, 1.2))
                continue
            if head is None:
                return  # a service without announcements: the rounds every few seconds alone
            failures = 0
            if head > after:
                announced = head
                self.poke()

    def _failed_here(self, error: Exception) -> float:
        """A round failed on this computer, not at the server (its database, a defect): the
        traceback goes to the log, the status says so, and the round is tried again after a
        back-off. Ending the loop instead would stop syncing, silently, until a restart."""
        log.error("a sync round failed on this computer", exc_info=error)
        self._failures += 1
        delay = min(MAX_BACKOFF, 2.0**self._failures) * random.uniform(0.8, 1.2)
        # The first line only: a database error goes on with its statement and parameters,
        # which may hold an article's text.
        detail = (str(error).splitlines() or [""])[0][:300] or type(error).__name__
        message = Message(
            "Sync",
            QT_TRANSLATE_NOOP("Sync", "Syncing failed on this computer: {detail}"),
            {"detail": detail},
        )
        self._publish(replace(self.status, state=State.FAILED, error=message, retry_in=delay))
        return delay

    async def step(self) -> float | None:
        """One round, reported; returns how long to wait before the next (``None``: until
        poked)."""
        replica = self.client.replica
        pending = await self.client.db(replica.store.pending_count)
        self._publish(replace(self.status, state=State.SYNCING, pending=pending, error=None))
        self._online.clear()  # the watcher waits for this round's cursor
        try:
            done = await self.client.round()
        except UnreachableError as error:
            self._failures += 1
            delay = min(MAX_BACKOFF, 2.0**self._failures) * random.uniform(0.8, 1.2)
            self._publish(
                replace(self.status, state=State.OFFLINE, error=error.message, retry_in=delay)
            )
            return delay
        except SignInNeededError as error:
            self._publish(replace(self.status, state=State.SIGN_IN, error=error.message))
            return None
        except EpochChangedError as error:
            self._publish(
                replace(self.status, state=State.RESTORED, error=error.message, epoch=error.epoch)
            )
            return None
        except UpdateNeededError as error:
            self._publish(replace(self.status, state=State.UPDATE, error=error.message))
            return None
        except SyncError as error:
            self._failures += 1
            self._publish(replace(self.status, state=State.OFFLINE, error=error.message))
            return min(MAX_BACKOFF, 2.0**self._failures)
        self._online.set()
        pending = await self.client.db(replica.store.pending_count)
        problems = len(await self.client.db(replica.problems))
        retry: float | None = None
        if done.push_error is None:
            self._failures = 0
        else:  # online (the pull worked), but the changes made here did not go
            self._failures += 1
            retry = min(MAX_BACKOFF, 2.0**self._failures)
        self._publish(
            SyncStatus(
                State.ONLINE,
                pending=pending,
                last_sync=dt.datetime.now(dt.UTC),
                problems=problems,
                error=done.push_error,
                retry_in=retry,
                changed=done.tables,
                latest_desktop=self.client.latest_desktop,
            )
        )
        return self.interval if retry is None else retry
