"""The sync service's HTTP API (FastAPI), versioned under ``/v1``.

Every JSON request names the protocol version; an unknown one gets 426 telling the client to
upgrade, as does a desktop older than the service's ``min_desktop`` (it names its version in
the ``Newsdesk-Version`` header). Bodies are guarded before any route sees them
(:mod:`newsdesk.sync.guard`: 411, 413, 408, and the security headers); malformed JSON, unknown
fields, wrong types, text no database stores and impossible times get 422 naming the field;
nothing in a refused request changes anything.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, Final

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from newsdesk import __version__
from newsdesk.core.model import User
from newsdesk.sync import accounts, audit, heads, protocol
from newsdesk.sync.accounts import Client, PolicyError, SignedIn, ThrottledError
from newsdesk.sync.guard import BODY_IDLE, Guard
from newsdesk.sync.ledger import ForbiddenError
from newsdesk.sync.service import Service

_bearer = HTTPBearer(auto_error=False)
Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256, hex")]
IdPath = Annotated[str, Path(pattern=protocol.ID_PATTERN, description="a user's id")]
LoginPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,100}$", description="a login")]


def _check_protocol(request: protocol.Request) -> None:
    if request.protocol != protocol.PROTOCOL:
        raise HTTPException(
            status.HTTP_426_UPGRADE_REQUIRED,
            f"This server speaks sync protocol {protocol.PROTOCOL}; the client sent "
            f"{request.protocol}. Install the Newsdesk version that matches the server.",
        )


class DesktopVersionGate:
    """Answers 426 to a desktop older than ``minimum``, before any route runs. Requests naming
    no version (scripts, other API clients) pass: the protocol check still guards them."""

    def __init__(self, app: ASGIApp, *, minimum: str) -> None:
        self.app = app
        self.minimum = minimum
        self.key = protocol.version_key(minimum)

    def too_old(self, sent: str) -> bool:
        try:
            return protocol.version_key(sent) < self.key
        except ValueError:
            return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        sent = (
            Headers(scope=scope).get(protocol.VERSION_HEADER) if scope["type"] == "http" else None
        )
        if sent is None or scope["path"] == "/v1/health" or not self.too_old(sent):
            await self.app(scope, receive, send)
            return
        refusal = JSONResponse(
            {
                "detail": f"This server needs Newsdesk {self.minimum} or newer; this desktop "
                f"runs {sent[:40]}. Install the update your IT department provides."
            },
            status.HTTP_426_UPGRADE_REQUIRED,
        )
        await refusal(scope, receive, send)


async def signed_in(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> SignedIn:
    """The caller, from their bearer token; 401 without a valid one."""
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Sign in first: a bearer token is required.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    service: Service = request.app.state.service
    found = await run_in_threadpool(service.accounts.authenticate, credentials.credentials)
    if found is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "The sign-in expired or was revoked; sign in again.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return found


Caller = Annotated[SignedIn, Depends(signed_in)]


def _json(message: protocol.Message, code: int = status.HTTP_200_OK) -> Response:
    """``message`` serialised by pydantic itself: the documented response model, without
    FastAPI encoding thousands of rows a second time."""
    return Response(message.model_dump_json(), code, media_type="application/json")


def create_app(
    service: Service,
    *,
    body_idle: float = BODY_IDLE,
    docs: bool = False,
    max_request_bytes: int = protocol.MAX_BODY,
    min_desktop: str | None = None,
    latest_desktop: protocol.DesktopRelease | None = None,
) -> FastAPI:
    """The service's HTTP app. ``docs`` serves the interactive ``/docs`` page (``serve
    --docs``): off by default, as it loads its script from a CDN and needs no sign-in. The
    document itself is always at ``/openapi.json``. ``max_request_bytes`` is the largest JSON
    body read; ``/v1/health`` announces it, and desktops size their pushes by it.
    ``min_desktop``: the oldest desktop version served (``ValueError`` unless a version).
    ``latest_desktop``: the newest desktop release, announced in ``/v1/health``."""
    watch = heads.Heads(_head_reader(service), heads.listen_url(service.log.engine))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await watch.start()
        service.ledger.listeners.append(watch.moved)
        try:
            yield
        finally:
            service.ledger.listeners.remove(watch.moved)
            await watch.stop()

    app = FastAPI(
        title="Newsdesk sync service",
        version=__version__,
        description="Push mutations, pull what changed, sign in, store attachments.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    app.state.heads = watch
    if min_desktop is not None:
        protocol.version_key(min_desktop)  # refused here: Starlette builds middleware lazily
        app.add_middleware(DesktopVersionGate, minimum=min_desktop)
    app.add_middleware(Guard, idle=body_idle, max_body=max_request_bytes)
    if docs:
        add_docs_page(app)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        """422 naming each field at fault, without echoing the input (it may be megabytes,
        or text no JSON encoder takes)."""
        detail = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in error.errors()
        ]
        return JSONResponse({"detail": detail}, status.HTTP_422_UNPROCESSABLE_CONTENT)

    @app.get("/v1/health", response_model=protocol.Health)
    def health() -> protocol.Health:
        return protocol.Health(
            status="ok",
            protocol=protocol.PROTOCOL,
            epoch=service.log.epoch(),
            max_request_bytes=max_request_bytes,
            max_push=protocol.MAX_PUSH,
            latest_desktop=latest_desktop,
        )

    @app.post(
        "/v1/auth/login",
        response_model=protocol.LoginResponse,
        responses={401: {"model": protocol.Problem}, 429: {"model": protocol.Problem}},
    )
    def login(body: protocol.LoginRequest, request: Request) -> protocol.LoginResponse:
        _check_protocol(body)
        client = Client(_address(request), body.workstation, body.app_version)
        try:
            token, expires, user = service.accounts.login(body.login, body.password, client)
        except ThrottledError as error:
            raise _throttled(service, error) from error
        except PermissionError as error:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "Wrong login or password, or a disabled account."
            ) from error
        return protocol.LoginResponse(
            token=token, expires_at=expires, user_id=user.id, epoch=service.log.epoch()
        )

    @app.post("/v1/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
    def logout(user: Caller) -> None:
        service.accounts.logout(user)

    @app.post(
        "/v1/sync/push",
        response_model=protocol.PushResponse,
        responses={403: {"model": protocol.Problem}},
    )
    def push(body: protocol.PushRequest, user: Caller, request: Request) -> Response:
        _check_protocol(body)
        try:
            outcomes = service.ledger.push(
                user.user,
                body.mutations,
                token=user.token_hash,
                client=Client(_address(request)),
            )
        except ForbiddenError as error:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(error)) from error
        # A request made only of things the user's roles do not allow is answered as
        # forbidden; the body still carries each outcome for the desktop to record.
        forbidden = bool(outcomes) and all(o.code == "forbidden" for o in outcomes)
        return _json(
            protocol.PushResponse(outcomes=outcomes, epoch=service.log.epoch()),
            status.HTTP_403_FORBIDDEN if forbidden else status.HTTP_200_OK,
        )

    @app.post(
        "/v1/sync/pull",
        response_model=protocol.PullResponse,
        responses={403: {"model": protocol.Problem}},
    )
    def pull(body: protocol.PullRequest, user: Caller) -> Response:
        _check_protocol(body)
        try:
            return _json(service.ledger.pull(user.user, body))
        except ForbiddenError as error:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(error)) from error

    @app.get("/v1/changes/wait", response_model=protocol.HeadMoved)
    async def wait_for_changes(
        user: Caller,
        request: Request,
        after: Annotated[int, Query(ge=0, le=protocol.MAX_INT, description="a sequence number")],
        timeout: Annotated[
            float, Query(gt=0, le=heads.WAIT_SECONDS, description="seconds to wait at most")
        ] = heads.WAIT_SECONDS,
    ) -> Response:
        """Answers once the server's head passed ``after`` (the desktop then pulls), or after
        ``timeout`` seconds with the head as it is. Waiting holds no thread, and ends when
        the desktop goes away (signed out, closed)."""
        del user
        waiting = asyncio.ensure_future(watch.wait(after, timeout))
        gone = asyncio.ensure_future(_disconnected(request))
        try:
            await asyncio.wait((waiting, gone), return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiting.cancel()
            gone.cancel()
        return _json(protocol.HeadMoved(head=watch.head, epoch=service.log.epoch()))

    @app.put(
        "/v1/blobs/{sha256}",
        status_code=status.HTTP_201_CREATED,
        responses={400: {"model": protocol.Problem}},
    )
    async def put_blob(sha256: Sha256Path, request: Request, user: Caller) -> None:
        # One answer whether the server had the bytes or not: it must not tell a file exists.
        data = await request.body()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST, "The body's SHA-256 differs from the one in the URL."
            )
        await run_in_threadpool(service.blobs.put, sha256, data, user.user)

    @app.get(
        "/v1/blobs/{sha256}",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}}, 404: {}},
    )
    def get_blob(sha256: Sha256Path, user: Caller) -> Response:
        # Unknown and not readable answer alike: the answer does not tell a file exists.
        data = service.blobs.get(sha256, user.user)
        if data is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "No attachment with this hash.")
        return Response(data, media_type="application/octet-stream")

    add_account_routes(app, service)
    add_audit_routes(app, service)
    return app


SWAGGER_CDN: Final = "https://cdn.jsdelivr.net"
SWAGGER_FAVICON: Final = "https://fastapi.tiangolo.com"


def add_docs_page(app: FastAPI) -> None:
    """``/docs``: Swagger UI, under a policy letting in its own script, styles and icon and
    nothing else (its inline script by its hash)."""
    page = get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json",
        title=f"{app.title} – API",
        swagger_js_url=f"{SWAGGER_CDN}/npm/swagger-ui-dist@5/swagger-ui-bundle.js",
        swagger_css_url=f"{SWAGGER_CDN}/npm/swagger-ui-dist@5/swagger-ui.css",
        swagger_favicon_url=f"{SWAGGER_FAVICON}/img/favicon.png",
    )
    html = bytes(page.body)
    inline = re.findall(rb"<script>(.*?)</script>", html, re.DOTALL)
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
        for script in inline
    )
    policy = (
        f"default-src 'none'; script-src {SWAGGER_CDN} {hashes}; "
        f"style-src {SWAGGER_CDN} 'unsafe-inline'; img-src {SWAGGER_FAVICON} data:; "
        "connect-src 'self'; frame-ancestors 'none'"
    )

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return HTMLResponse(html, headers={"Content-Security-Policy": policy})


async def _disconnected(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        continue


def _head_reader(service: Service) -> Callable[[], int]:
    def read() -> int:
        with service.log.engine.connect() as conn:
            return service.ledger.head(conn)

    return read


def _address(request: Request) -> str | None:
    return request.client.host if request.client else None


def _throttled(service: Service, error: ThrottledError) -> HTTPException:
    if error.until is None:
        return HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "This login is locked after repeated failed sign-ins; an administrator can "
            "unlock it (newsdesk-server users unlock) or set a new password.",
        )
    seconds = max(1, int((error.until - service.log.clock()).total_seconds()))
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        f"Too many failed sign-ins; try again in {seconds} s.",
        headers={"Retry-After": str(seconds)},
    )


def _policy(error: PolicyError) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error.message))


def _administrator(user: SignedIn) -> User:
    if not user.user.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only an administrator can do this.")
    return user.user


def add_account_routes(app: FastAPI, service: Service) -> None:
    problems: dict[int | str, dict[str, Any]] = {
        403: {"model": protocol.Problem},
        422: {"model": protocol.Problem},
        429: {"model": protocol.Problem},
    }

    @app.post("/v1/auth/password", status_code=status.HTTP_204_NO_CONTENT, responses=problems)
    def change_password(body: protocol.PasswordChange, user: Caller, request: Request) -> None:
        """The signed-in user's own new password (the old one is asked again); every other
        sign-in of theirs ends."""
        _check_protocol(body)
        try:
            service.accounts.change_password(
                user.user,
                user.token_hash,
                body.old_password,
                body.new_password,
                Client(_address(request)),
            )
        except ThrottledError as error:
            raise _throttled(service, error) from error
        except PermissionError as error:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, "The current password is wrong."
            ) from error
        except PolicyError as error:
            raise _policy(error) from error

    @app.post(
        "/v1/users",
        response_model=protocol.UserCreated,
        status_code=status.HTTP_201_CREATED,
        responses=problems,
    )
    def create_user(body: protocol.NewUser, user: Caller) -> protocol.UserCreated:
        """A new user, by an administrator; the password policy applies."""
        _check_protocol(body)
        admin = _administrator(user)
        try:
            made = service.accounts.create_user(
                admin,
                body.login,
                body.name,
                body.password,
                is_admin=body.is_admin,
                is_auditor=body.is_auditor,
            )
        except PolicyError as error:
            raise _policy(error) from error
        return protocol.UserCreated(user_id=made)

    @app.post(
        "/v1/users/{user_id}/password",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=problems,
    )
    def reset_password(user_id: IdPath, body: protocol.PasswordReset, user: Caller) -> None:
        """A new password set by an administrator: the user's sign-ins end, a lock is lifted."""
        _check_protocol(body)
        admin = _administrator(user)
        try:
            service.accounts.reset_password(admin, user_id, body.password)
        except PolicyError as error:
            raise _policy(error) from error

    @app.post("/v1/users/locks", response_model=protocol.SignInLocks, responses=problems)
    def sign_in_locks(body: protocol.Request, user: Caller) -> protocol.SignInLocks:
        """The logins repeated failed sign-ins stopped, for the administrator to unlock."""
        _check_protocol(body)
        _administrator(user)
        with service.log.engine.connect() as conn:
            found = accounts.locks(conn, service.log.clock())
        return protocol.SignInLocks(
            locks=[protocol.SignInLock(login=login, until=until) for login, until in found]
        )

    @app.post(
        "/v1/users/{login}/unlock", status_code=status.HTTP_204_NO_CONTENT, responses=problems
    )
    def unlock(login: LoginPath, user: Caller, request: Request) -> None:
        """Lift the lock repeated failed sign-ins put on a login."""
        admin = _administrator(user)
        service.accounts.unlock_login(admin.login, login, _address(request))


def _auditor(user: SignedIn) -> User:
    if not (user.user.is_admin or user.user.is_auditor):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "Only administrators and auditors read the audit log."
        )
    return user.user


def add_audit_routes(app: FastAPI, service: Service) -> None:
    forbidden: dict[int | str, dict[str, Any]] = {403: {"model": protocol.Problem}}

    @app.post("/v1/audit/entries", response_model=protocol.AuditPage, responses=forbidden)
    def entries(body: protocol.AuditQuery, user: Caller, request: Request) -> Response:
        """Audit entries, newest first, with the alerts of the period asked for (the last seven
        days when none is); for administrators and auditors."""
        _check_protocol(body)
        reader = _auditor(user)
        filters = audit.Filters(
            body.start, body.end, body.login, body.events, body.result, body.before
        )
        end = body.end or service.log.clock()
        start = body.start or end - dt.timedelta(days=7)
        with service.log.engine.connect() as conn:
            found = audit.entries(conn, filters, body.limit + 1)
            alerts = audit.alerts(conn, start, end) if body.before is None else []
        with service.log.writing() as conn:  # reading the log is itself recorded
            service.log.record(
                conn,
                "audit_read",
                reader.login,
                reader.id,
                {"filters": body.model_dump(mode="json", exclude={"protocol"})},
                address=_address(request),
                result="ok",
            )
        page = protocol.AuditPage(
            entries=[
                protocol.AuditEntry.model_validate({**r, "at": audit.aware(r["at"])})
                for r in found[: body.limit]
            ],
            alerts=[protocol.Alert.model_validate(a, from_attributes=True) for a in alerts],
            more=len(found) > body.limit,
        )
        return _json(page)

    @app.post("/v1/audit/verify", response_model=protocol.AuditVerdict, responses=forbidden)
    def verify(body: protocol.Request, user: Caller) -> protocol.AuditVerdict:
        """Verify the chain, its anchor and the ledger it covers."""
        _check_protocol(body)
        _auditor(user)
        verdict = audit.verify(service.log.engine, service.log.keys, service.log.epoch())
        return protocol.AuditVerdict(
            intact=verdict.intact, entries=verdict.entries, problem=verdict.problem, seq=verdict.seq
        )

    @app.post("/v1/audit/events", status_code=status.HTTP_204_NO_CONTENT)
    def desktop_events(body: protocol.DesktopEvents, user: Caller, request: Request) -> None:
        """What the user's desktop did offline or alone (sign-ins, exports), for the log."""
        _check_protocol(body)
        address = _address(request)
        with service.log.writing() as conn:
            service.log.record_many(
                conn,
                [
                    audit.Entry(
                        e.event if e.event == "offline_sign_in" else f"desktop_{e.event}",
                        user.user.login,
                        user.user.id,
                        {"id": e.id, "at": e.at.isoformat(), **e.detail},
                        address,
                        "ok",
                    )
                    for e in body.events
                ],
            )
