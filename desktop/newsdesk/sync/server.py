"""The sync service's HTTP API (FastAPI), versioned under ``/v1``.

Every JSON request names the protocol version; an unknown one gets 426 telling the client to
upgrade. Bodies are guarded before any route sees them (:mod:`newsdesk.sync.guard`: 411, 413,
408, and the security headers); malformed JSON, unknown fields, wrong types, text no database
stores and impossible times get 422 naming the field; nothing in a refused request changes
anything.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Path, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from newsdesk import __version__
from newsdesk.sync import protocol
from newsdesk.sync.guard import BODY_IDLE, Guard
from newsdesk.sync.service import ForbiddenError, Service, SignedIn, ThrottledError

_bearer = HTTPBearer(auto_error=False)
Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256, hex")]


def _check_protocol(request: protocol.Request) -> None:
    if request.protocol != protocol.PROTOCOL:
        raise HTTPException(
            status.HTTP_426_UPGRADE_REQUIRED,
            f"This server speaks sync protocol {protocol.PROTOCOL}; the client sent "
            f"{request.protocol}. Install the Newsdesk version that matches the server.",
        )


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
    found = await run_in_threadpool(service.authenticate, credentials.credentials)
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


def create_app(service: Service, *, body_idle: float = BODY_IDLE) -> FastAPI:
    app = FastAPI(
        title="Newsdesk sync service",
        version=__version__,
        description="Push mutations, pull what changed, sign in, store attachments.",
        # The interactive pages load scripts from elsewhere and need no sign-in: off. The
        # document itself stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.add_middleware(Guard, idle=body_idle)

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
        return protocol.Health(status="ok", protocol=protocol.PROTOCOL, epoch=service.epoch())

    @app.post(
        "/v1/auth/login",
        response_model=protocol.LoginResponse,
        responses={401: {"model": protocol.Problem}, 429: {"model": protocol.Problem}},
    )
    def login(body: protocol.LoginRequest) -> protocol.LoginResponse:
        _check_protocol(body)
        try:
            token, expires, user = service.login(body.login, body.password)
        except ThrottledError as error:
            seconds = max(1, int((error.until - service.clock()).total_seconds()))
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                f"Too many failed sign-ins for this login; try again in {seconds} s.",
                headers={"Retry-After": str(seconds)},
            ) from error
        except PermissionError as error:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "Wrong login or password, or a disabled account."
            ) from error
        return protocol.LoginResponse(
            token=token, expires_at=expires, user_id=user.id, epoch=service.epoch()
        )

    @app.post("/v1/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
    def logout(user: Caller) -> None:
        service.logout(user)

    @app.post(
        "/v1/sync/push",
        response_model=protocol.PushResponse,
        responses={403: {"model": protocol.Problem}},
    )
    def push(body: protocol.PushRequest, user: Caller) -> Response:
        _check_protocol(body)
        try:
            outcomes = service.push(user.user, body.mutations)
        except ForbiddenError as error:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(error)) from error
        # A request made only of things the user's roles do not allow is answered as
        # forbidden; the body still carries each outcome for the desktop to record.
        forbidden = bool(outcomes) and all(o.code == "forbidden" for o in outcomes)
        return _json(
            protocol.PushResponse(outcomes=outcomes, epoch=service.epoch()),
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
            return _json(service.pull(user.user, body))
        except ForbiddenError as error:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(error)) from error

    @app.put(
        "/v1/blobs/{sha256}",
        status_code=status.HTTP_201_CREATED,
        responses={200: {"description": "Already stored."}, 400: {"model": protocol.Problem}},
    )
    async def put_blob(
        sha256: Sha256Path, request: Request, user: Caller, response: Response
    ) -> None:
        del user
        data = await request.body()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST, "The body's SHA-256 differs from the one in the URL."
            )
        if not await run_in_threadpool(service.put_blob, sha256, data):
            response.status_code = status.HTTP_200_OK

    @app.get(
        "/v1/blobs/{sha256}",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}}, 404: {}},
    )
    def get_blob(sha256: Sha256Path, user: Caller) -> Response:
        # Unknown and not readable answer alike: the answer does not tell a file exists.
        data = service.get_blob(sha256, user.user)
        if data is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "No attachment with this hash.")
        return Response(data, media_type="application/octet-stream")

    return app
